"""Quotes: direct and indirect quotations in an article and who said them.

Direct quotes are found by their marks in the clean text (straight or curly double quotes; a
quote running over paragraphs — an opening paragraph without a closing mark, the next one
re-opened — is one quote). Two words or fewer in marks is a scare quote ("common ground"),
not a quotation. The speaker is looked for, in order, and recorded as `speaker_how`:
  subject          a speech verb outside the quote in its sentence: "..., Kerry said",
                   'Kerry said: "..."', "said Kerry" (the verb's subject, resolved by actors)
  according-to     "..., according to the ministry"
  colon            'Kerry: "..."'
  text             the same patterns read from the text when the sentence was not parsed
  (next sentence)  a next sentence that is only an attribution: '"Why wait?" Kerry asked.'
  continued        the quote just before in the same paragraph ('"A," Obama said. "B."') —
                   only when no other speaker follows in the paragraph
A pronoun speaker ("he said") is the person who was the subject of the sentence before
(`pronoun:previous-subject`), else the last quoted speaker (`pronoun:last-speaker`), else the
actors module's nearest earlier person (`pronoun`). When none of these finds someone the speaker
is null: nearby names are never guessed.
Indirect quotes are the clausal complement of a speech verb ("Lavrov said the Islamic State
issue was not limited to Syria") outside any direct quote, with the verb's subject as speaker.
Offsets are clean-text offsets; coder.py maps them to the original text.
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass

from spacy.tokens import Doc, Span, Token

from ..actors import PERSON_PRONOUNS, PLURAL_PRONOUNS, Actor, sentence_spans, actors_of
from ..frames import load_frames
from ..parse import split_sentences

# the statement verbs of frames.yaml, and verbs that introduce a quote without reporting an event
SPEECH = load_frames().speech | {"deny", "ask", "reply", "respond", "continue", "urge"}
_PRONOUNS = PERSON_PRONOUNS | PLURAL_PRONOUNS | {"i", "we"}
_MARK = re.compile(r"[\"“”]")
_PARA = re.compile(r"\n\s*\n")
_VERBS = (r"said|says|added|adds|told|tells|stated|states|insisted|insists|explained|noted|declared|warned|"
          r"stressed|asked|wrote|writes|tweeted|continued|replied|argued|claimed|announced")
_WHO = r"(?P<who>(?:[A-Z][\w.'’-]*)(?:\s+(?:[A-Z][\w.'’-]*|de|al|bin|van|von))*|he|she|they|He|She|They)"
_AFTER = [re.compile(rf"^[,.!?]?\s*{_WHO}\s+(?:{_VERBS})\b"),           # "..., Kerry said"
          re.compile(rf"^[,.!?]?\s*(?:{_VERBS})\s+{_WHO}"),             # "..., said Kerry"
          re.compile(r"^[,.!?]?\s*according to\s+(?P<who>(?:the\s+)?[\w.'’ -]+?)\s*[.,;]")]
_BARE = [re.compile(rf"^\s*{_WHO}\s+(?:{_VERBS})\s*[.!?]?\s*$"), re.compile(rf"^\s*(?:{_VERBS})\s+{_WHO}\s*[.!?]?\s*$")]
_BEFORE = [re.compile(rf"{_WHO}\s+(?:{_VERBS})(?:\s+\w+){{0,3}}\s*[:,]?\s*$"),  # 'Kerry said on Monday: "'
           re.compile(rf"{_WHO}\s*:\s*$")]                                     # 'Kerry: "'


@dataclass(frozen=True)
class Quote:
    """One quotation and its speaker (null when the text does not say who)."""

    text: str
    start: int  # clean-text offsets of the quoted words, marks excluded
    end: int
    kind: str  # direct | indirect
    speaker_text: str | None
    speaker_start: int | None  # clean-text offsets of the speaker's words
    speaker_end: int | None
    speaker_code: str | None
    speaker_entity: str | None
    speaker_how: str | None
    sentence: int  # article sentence index holding the attribution (or the quote's start)
    sentences: tuple[int, ...]  # article sentences the quote and its attribution cover

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class _Speaker:
    text: str
    start: int  # clean offsets
    end: int
    code: str | None
    entity: str | None
    how: str
    person: bool


class _Article:
    """The clean text, its sentences and the parsed Doc, with offset maps between them."""

    def __init__(self, text: str, doc: Doc):
        self.text = text
        self.doc = doc
        self.sents = split_sentences(text)
        self.refs = {r.index: r for r in (doc._.sents or [])}
        self.spans = {}
        for span in sentence_spans(doc):
            ref = _ref_at(doc, span.start_char)
            if ref is not None:
                self.spans[ref.index] = span

    def sentence_at(self, pos: int) -> int:
        for i, (a, b) in enumerate(self.sents):
            if pos < b:
                return i
        return len(self.sents) - 1

    def to_clean(self, doc_char: int) -> int:
        ref = _ref_at(self.doc, doc_char)
        return ref.clean_start + doc_char - ref.doc_start

    def to_doc(self, clean: int, index: int) -> int | None:
        ref = self.refs.get(index)
        if ref is None:
            return None
        return ref.doc_start + clean - ref.clean_start

    def paragraph_end(self, pos: int) -> int:
        m = _PARA.search(self.text, pos)
        return m.start() if m else len(self.text)


def find_quotes(text: str, doc: Doc) -> list[Quote]:
    """Direct and indirect quotes of an article: `text` is its clean text, `doc` its annotated Doc."""
    art = _Article(text, doc)
    quotes: list[Quote] = []
    last: _Speaker | None = None
    prev: tuple[Quote, _Speaker | None] | None = None
    for segments in _direct_spans(text):
        start, end = segments[0][0], segments[-1][1]
        closing = end  # where the closing mark is
        while end > start and text[end - 1] in ", ":
            end -= 1  # '"We made progress," he said': the comma is the sentence's, not the speaker's
        segments[-1] = (segments[-1][0], end)
        words = text[start:end].split()
        if len(words) <= 2:
            continue
        first, final = art.sentence_at(start), art.sentence_at(max(end - 1, start))
        speaker, where = _direct_speaker(art, start, closing, first, final, last)
        if speaker is None and prev is not None:
            speaker = _continued(art, prev, start)
        if speaker is not None and speaker.person:
            last = speaker
        quote_text = "\n\n".join(text[a:b] for a, b in segments)
        sentences = tuple(range(min(first, where), max(final, where) + 1))
        q = _quote(quote_text, start, end, "direct", speaker, where, sentences)
        quotes.append(q)
        prev = (q, speaker)
    direct = [(q.start, q.end) for q in quotes]
    for index, span in sorted(art.spans.items()):
        for token in span:
            if token.lemma_.lower() not in SPEECH:
                continue
            for comp in token.children:
                if comp.dep_ != "ccomp":
                    continue
                a, b = _clause(comp)
                ca, cb = art.to_clean(a), art.to_clean(b)
                if any(ca < qe and qs < cb for qs, qe in direct) or len(text[ca:cb].split()) < 3:
                    continue
                speaker = _subject_speaker(art, token, last)
                quotes.append(_quote(text[ca:cb], ca, cb, "indirect", speaker, index, (index,)))
    quotes.sort(key=lambda q: q.start)
    return quotes


def link_events(quote: Quote, events) -> list[str]:
    """Ids of the event records the quote reports: those in the sentences it covers."""
    return [e.event_id for e in events if e.sentence in quote.sentences]


# -- direct quotes ----------------------------------------------------------------------------
def _direct_spans(text: str) -> list[list[tuple[int, int]]]:
    """Quoted stretches as lists of (start, end) segments, one segment a paragraph."""
    out: list[list[tuple[int, int]]] = []
    carried: list[tuple[int, int]] = []
    pos = 0
    paragraphs = []
    for m in _PARA.finditer(text):
        paragraphs.append((pos, m.start()))
        pos = m.end()
    paragraphs.append((pos, len(text)))
    for n, (pa, pb) in enumerate(paragraphs):
        opened: int | None = None
        marks = [m.start() for m in _MARK.finditer(text, pa, pb)]
        if carried and not (marks and marks[0] == pa):
            carried = []  # the next paragraph did not re-open: an unbalanced mark, not a quote
        for k, at in enumerate(marks):
            ch = text[at]
            if opened is None:
                if ch == "”":
                    continue
                opened = at
            elif ch == "“":
                opened = at  # a new opening: the earlier mark was stray
            else:
                out.append(carried + [(opened + 1, at)])
                carried, opened = [], None
        if opened is not None:
            nxt = paragraphs[n + 1][0] if n + 1 < len(paragraphs) else None
            if nxt is not None and text[nxt:nxt + 1] in ("\"", "“"):
                carried = carried + [(opened + 1, pb)]
            else:
                carried = []
    return [segs for segs in out if segs[-1][1] > segs[0][0]]


def _direct_speaker(art: _Article, start: int, end: int, first: int, final: int,
                    last: _Speaker | None) -> tuple[_Speaker | None, int]:
    """The speaker from the quote's own sentences: after the closing mark, then before the opening."""
    for index, outside in ((final, (end + 1, art.sents[final][1])), (first, (art.sents[first][0], start - 1))):
        if outside[1] <= outside[0]:
            continue
        span = art.spans.get(index)
        if span is not None:
            found = _parsed_attribution(art, span, index, outside, last)
        else:
            found = _text_attribution(art, outside, after=outside[0] > start, last=last)
        if found is not None:
            return found, index
    # '"Why not?" Kerry asked.' split in two: a next sentence that is only an attribution
    if final + 1 < len(art.sents):
        a, b = end + 1, art.sents[final + 1][1]
        piece = art.text[a:b]
        for pattern in _BARE:
            m = pattern.match(piece)
            if m:
                who = m.group("who")
                ws = a + m.start("who")
                return _name_speaker(art, who, ws, ws + len(who), last), final + 1
    return None, final


def _parsed_attribution(art: _Article, span: Span, index: int, outside: tuple[int, int], last) -> _Speaker | None:
    a, b = art.to_doc(outside[0], index), art.to_doc(outside[1], index)
    if a is None or b is None or b <= a:
        return None
    tokens = [t for t in span if a <= t.idx < b]
    for t in tokens:
        if t.lemma_.lower() in SPEECH and t.pos_ in ("VERB", "AUX"):
            subj = next((c for c in t.children if c.dep_ in ("nsubj", "nsubjpass") and a <= c.idx < b), None)
            if subj is not None:
                return _subject_speaker(art, t, last)
    for t in tokens:  # "according to the ministry"
        if t.lower_ == "according" and t.i + 1 < len(t.doc) and t.nbor(1).lower_ == "to":
            pobj = next((c for c in t.nbor(1).children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return _token_speaker(art, pobj, "according-to", last)
    if tokens and tokens[-1].text == ":" and len(tokens) >= 2:  # 'Kerry: "'
        return _token_speaker(art, tokens[-2], "colon", last)
    return None


def _text_attribution(art: _Article, outside: tuple[int, int], after: bool, last) -> _Speaker | None:
    """Attribution read from text in a sentence the parser did not see."""
    a, b = outside
    piece = art.text[a:b] if b > a else ""
    for pattern in (_AFTER if after else _BEFORE):
        m = pattern.search(piece)
        if m:
            who = m.group("who").strip()
            ws = a + m.start("who")
            return _name_speaker(art, who, ws, ws + len(who), last)
    return None


def _continued(art: _Article, prev: tuple[Quote, _Speaker | None], start: int) -> _Speaker | None:
    """'"A," Obama said. "B."': B is Obama's too, unless another speaker follows in the paragraph."""
    quote, speaker = prev
    if speaker is None:
        return None
    between = art.text[quote.end:start]
    if _PARA.search(between) or art.sentence_at(start) - quote.sentences[-1] > 1:
        return None
    rest = art.text[start:art.paragraph_end(start)]
    close = _MARK.search(rest)
    tail = rest[close.end():] if close else ""
    if re.search(rf"\b(?:{_VERBS})\b", tail):
        return None  # "...". Mr Lavrov said ...: two candidates, say neither
    return _Speaker(speaker.text, speaker.start, speaker.end, speaker.code, speaker.entity, "continued",
                    speaker.person)


# -- speakers ---------------------------------------------------------------------------------
def _subject_speaker(art: _Article, verb: Token, last) -> _Speaker | None:
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    while subj is None and verb.dep_ in ("conj", "xcomp", "advcl") and verb.head.i != verb.i:
        verb = verb.head  # "..., but added that ...": the first verb's subject
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return None
    return _token_speaker(art, subj, "subject", last)


def _token_speaker(art: _Article, token: Token, how: str, last) -> _Speaker | None:
    doc = art.doc
    if token.lower_ in _PRONOUNS:
        return _pronoun_speaker(art, token.idx, token.idx + len(token), token.text, last, token)
    actors = actors_of(doc, token)
    if actors:
        return _actor_speaker(art, actors[0], how)
    if token.pos_ == "PROPN" or token.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
        span = _noun_phrase(token)
        return _Speaker(span.text, art.to_clean(span.start_char), art.to_clean(span.end_char), None, None, how,
                        token.ent_type_ == "PERSON")
    return None


def _actor_speaker(art: _Article, actor: Actor, how: str, text: str | None = None,
                   at: tuple[int, int] | None = None) -> _Speaker:
    span = art.doc[actor.start:actor.end]
    start, end = at or (art.to_clean(span.start_char), art.to_clean(span.end_char))
    return _Speaker(text or span.text, start, end, actor.code, actor.entity, how, actor.is_person)


def _pronoun_speaker(art: _Article, doc_start: int, doc_end: int, text: str, last, token: Token | None,
                     clean: tuple[int, int] | None = None) -> _Speaker | None:
    at = clean or (art.to_clean(doc_start), art.to_clean(doc_end))
    here = art.sentence_at(at[0])
    subject = _previous_subject(art, here)
    if subject is not None:
        return _actor_speaker(art, subject, "pronoun:previous-subject", text, at)
    if last is not None and last.person:
        return _Speaker(text, at[0], at[1], last.code, last.entity, "pronoun:last-speaker", True)
    if token is not None:
        actors = actors_of(art.doc, token)
        if actors and actors[0].is_person:
            return _actor_speaker(art, actors[0], "pronoun", text, at)
    return None


def _previous_subject(art: _Article, index: int) -> Actor | None:
    """The person who is the main subject of the sentence just before, when it was parsed."""
    span = art.spans.get(index - 1)
    if span is None:
        return None
    for root in (t for t in span if t.dep_ == "ROOT"):
        for c in root.children:
            if c.dep_ == "nsubj" and c.lower_ not in _PRONOUNS:
                actors = actors_of(art.doc, c)
                if actors and actors[0].is_person:
                    return actors[0]
    return None


def _name_speaker(art: _Article, who: str, start: int, end: int, last) -> _Speaker | None:
    """A speaker named in unparsed text: a pronoun, or a name matched to an actor mention."""
    if who.lower() in _PRONOUNS:
        return _pronoun_speaker(art, 0, 0, who, last, None, clean=(start, end))
    name = who[4:] if who.lower().startswith("the ") else who
    surname = name.split()[-1]
    best = None
    for _, actors in sorted(art.doc.user_data.get("actors", {}).items()):
        for actor in actors:
            mention = art.doc[actor.start:actor.end].text
            if actor.how != "pronoun" and (mention == name or mention.split()[-1] == surname) \
                    and art.to_clean(art.doc[actor.start].idx) < start:
                best = actor  # the latest earlier mention of that name
    if best is not None:
        return _actor_speaker(art, best, "text", who, (start, end))
    return _Speaker(who, start, end, None, None, "text", False)


# -- helpers ----------------------------------------------------------------------------------
def _quote(text: str, start: int, end: int, kind: str, sp: _Speaker | None, sentence: int,
           sentences: tuple[int, ...]) -> Quote:
    if sp is None:
        return Quote(text, start, end, kind, None, None, None, None, None, None, sentence, sentences)
    return Quote(text, start, end, kind, sp.text, sp.start, sp.end, sp.code, sp.entity, sp.how, sentence, sentences)


def _clause(comp: Token) -> tuple[int, int]:
    """Doc character span of a complement clause, without its "that" and final punctuation."""
    tokens = [t for t in comp.subtree if not (t.dep_ == "mark" and t.i == comp.left_edge.i)]
    while tokens and tokens[-1].is_punct:
        tokens.pop()
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])


def _noun_phrase(token: Token) -> Span:
    left = token.i
    while left > 0 and token.doc[left - 1].dep_ in ("compound", "flat") and token.doc[left - 1].head.i == token.i:
        left -= 1
    return token.doc[left:token.i + 1]


def _ref_at(doc: Doc, doc_char: int):
    found = None
    for r in doc._.sents or []:
        if r.doc_start <= doc_char:
            found = r
        else:
            break
    return found

