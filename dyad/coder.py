"""The coder: one loaded model and lexicon, articles in, event records out.

    coder = dyad.load()
    events = coder.code("Last night Mr Kerry flew to Moscow.", published=date(2015, 12, 15))
    for result in coder.code_many(articles): ...

Flow per article: clean -> parse (candidate sentences only) -> actors -> events -> records.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from typing import Iterable, Iterator

from . import __version__, cameo
from .actors import Actor, ActorFinder
from .clean import CleanText, clean
from .enrich.dates import resolve_date
from .enrich.places import find_place
from .enrich.quotes import find_quotes, link_events
from .events import EventFinder, RawEvent
from .lexicon import Lexicon
from .lexicon import load as load_lexicon
from .parse import load_model, parse_many
from .records import ActorRef, Article, Event, Rejection, Span, content_id

CODER = f"dyad {__version__}"


@dataclass
class Coded:
    """The outcome for one article: its events (possibly none) and how many sentences it had."""

    article: Article
    events: list[Event] = field(default_factory=list)
    sentences: int = 0
    parsed: int = 0
    quotes: list[dict] = field(default_factory=list)
    clean_text: str | None = field(default=None, repr=False)  # the text as coded (boilerplate removed)


class Coder:
    """Holds the spaCy pipeline and the lexicons; load once, code many articles."""

    def __init__(self, model: str | None = None, lexicons: Iterable[str] = (), batch_size: int = 16):
        self.nlp = load_model(model)
        self.lexicon: Lexicon = load_lexicon(list(lexicons))
        self.actors = ActorFinder(self.lexicon)
        self.events = EventFinder(self.lexicon)
        self.batch_size = batch_size

    def code(self, text: str, published: date | None = None, doc_id: str | None = None) -> list[Event]:
        """Code one text; returns its events."""
        article = Article(id=doc_id or content_id(text), text=text, published=published)
        for result in self.code_many([article]):
            if isinstance(result, Rejection):
                return []
            return result.events
        return []

    def code_many(self, articles: Iterable[Article | Rejection]) -> Iterator[Coded | Rejection]:
        """Code a stream of articles lazily, batching sentences of many articles through spaCy.
        Rejections in the input pass through; an article that fails becomes a Rejection."""
        cleaned: dict[int, tuple[Article, CleanText]] = {}
        order: list[Rejection | int] = []

        def items():
            for n, article in enumerate(articles):
                if isinstance(article, Rejection):
                    order.append(article)
                    continue
                try:
                    ct = clean(article.text)
                except Exception as e:  # noqa: BLE001 - one bad article never stops a batch
                    order.append(Rejection(article.origin or article.id, "clean", f"{type(e).__name__}: {e}",
                                           article.id))
                    continue
                if not ct.text.strip():
                    order.append(Rejection(article.origin or article.id, "clean",
                                           "nothing left after removing boilerplate", article.id))
                    continue
                cleaned[n] = (article, ct)
                order.append(n)
                yield n, ct.text

        for n, doc, n_sent in parse_many(self.nlp, items(), self.lexicon, self.batch_size):
            # everything queued before this article (rejections included) goes out in input order
            while order and order[0] != n:
                head = order.pop(0)
                if isinstance(head, Rejection):
                    yield head
            order.pop(0)
            article, ct = cleaned.pop(n)
            try:
                yield self._code_doc(article, ct, doc, n_sent)
            except Exception as e:  # noqa: BLE001 - recorded, and the batch goes on
                yield Rejection(article.origin or article.id, "code", f"{type(e).__name__}: {e}", article.id)
        for head in order:
            if isinstance(head, Rejection):
                yield head

    def annotate(self, text: str, published: date | None = None):
        """The annotated article Doc of one text, to look inside: actor mentions in
        `doc.spans["actors"]`, resolved actors via `dyad.actors.actors_of`, events in `doc._.events`."""
        ((_, doc, _),) = parse_many(self.nlp, [(0, clean(text).text)], self.lexicon)
        return self._annotate(doc, published, None)

    def _annotate(self, doc, published: date | None, article_id: str | None):
        doc._.published = published
        doc._.article_id = article_id
        self.actors(doc)
        self.events(doc)
        return doc

    def _code_doc(self, article: Article, ct: CleanText, doc, n_sent: int) -> Coded:
        self._annotate(doc, article.published, article.id)
        refs = doc._.sents
        records = [self._record(article, ct, doc, refs, ev, k) for k, ev in enumerate(doc._.events)]
        quotes = [self._quote(article, ct, q, records) for q in find_quotes(ct.text, doc)]
        for rec in records:
            rec.extra["quotes"] = [q["quote_id"] for q in quotes if rec.event_id in q["event_ids"]]
        return Coded(article, records, n_sent, len(refs), quotes, ct.text)

    @staticmethod
    def _quote(article: Article, ct: CleanText, q, records: list[Event]) -> dict:
        """A quote as a record with original-text offsets, linked to the events it reports."""
        a, b = ct.span_to_original(q.start, q.end)
        d = q.to_dict()
        d.update(quote_id=hashlib.sha1(f"{article.id}|{a}|{q.kind}".encode()).hexdigest()[:16],
                 doc_id=article.id, start=a, end=b,
                 text=q.text if "\n" in q.text else article.text[a:b],
                 event_ids=link_events(q, records))
        if q.speaker_start is not None:
            d["speaker_start"], d["speaker_end"] = ct.span_to_original(q.speaker_start, q.speaker_end)
        return d

    # -- records ----------------------------------------------------------------------------
    def _record(self, article: Article, ct: CleanText, doc, refs, ev: RawEvent, k: int) -> Event:
        ref = _ref_of(refs, doc[ev.trigger[0]].idx)

        def original(start_char: int, end_char: int) -> tuple[int, int]:
            r = _ref_of(refs, start_char)
            a = r.clean_start + start_char - r.doc_start
            b = r.clean_start + end_char - r.doc_start
            return ct.span_to_original(a, b)

        def actor_ref(actor: Actor | None) -> ActorRef | None:
            if actor is None:
                return None
            span = doc[actor.start:actor.end]
            a, b = original(span.start_char, span.end_char)
            return ActorRef(article.text[a:b], a, b, actor.code, actor.country, actor.sector, actor.entity, actor.how)

        trig_tokens = [doc[i] for i in ev.trigger]
        t0, t1 = original(trig_tokens[0].idx, trig_tokens[-1].idx + len(trig_tokens[-1]))
        when = resolve_date(ev.sentence, trig_tokens, article.published)
        date_text = None
        if when.text is not None:
            a, b = original(when.start_char, when.end_char)
            date_text = {"text": article.text[a:b], "start": a, "end": b}
        countries = [x.country for x in (ev.source, ev.target) if x is not None and x.country]
        place = find_place(ev.sentence, trig_tokens, countries)
        location = None
        if place is not None:
            a, b = original(place.start_char, place.end_char)
            location = {**place.to_dict(), "text": article.text[a:b], "start": a, "end": b}
        sent_a, sent_b = original(ref.doc_start, ref.doc_start + len(ref.text))
        entry = cameo.lookup(ev.cameo)
        source, target = actor_ref(ev.source), actor_ref(ev.target)
        key = f"{article.id}|{ref.index}|{t0}|{ev.cameo}|{source and source.start}|{target and target.start}|{k}"
        return Event(
            event_id=hashlib.sha1(key.encode()).hexdigest()[:16],
            doc_id=article.id,
            sentence=ref.index,
            sentence_text=article.text[sent_a:sent_b],
            source=source,
            target=target,
            trigger=Span(" ".join(article.text[slice(*original(t.idx, t.idx + len(t)))] for t in trig_tokens)
                         if len(trig_tokens) > 1 else article.text[t0:t1], t0, t1),
            cameo=ev.cameo,
            cameo_name=entry.name,
            quad_class=entry.quad_class,
            goldstein=entry.goldstein,
            plover=entry.plover(),
            negated=ev.negated,
            modality=ev.modality,
            reported_by=actor_ref(ev.reported_by),
            date=when.date,
            date_precision=when.precision,
            location=location,
            confidence=ev.confidence,
            rule=ev.rule,
            coder=CODER,
            extra={"date_source": when.source, "date_text": date_text},
        )


def _ref_of(refs, doc_char: int):
    found = refs[0]
    for r in refs:
        if r.doc_start <= doc_char:
            found = r
        else:
            break
    return found
