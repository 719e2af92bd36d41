"""Entities: the model's own entity recogniser, run only where dyad reads its entities.

spaCy's `ner` costs about as much as the rest of the small English pipeline together (it has its
own token vectors and a transition decoder over every token). dyad reads only the entities that
name someone or somewhere (PERSON, ORG, GPE, LOC, FAC, NORP), and those always hold a word with a
capital letter. So `WindowedEntityRecognizer` runs the same trained component
on short windows around such words instead of the whole text:

- a capitalised noun, name or adjective is a seed, unless a lexicon name covers it (the actor
  finder reads those from the lexicon) or it is never part of a name dyad reads (a sentence's
  capitalised first function word, an honorific, a month or weekday);
- a window is a seed run with CONTEXT words either side; windows that touch are merged;
- the recogniser's token vectors see four words either side (four convolution layers of width
  one), so a seed's vectors are those of the full text;
- only entities holding a capitalised word are kept (the full recogniser's lowercase DATE,
  CARDINAL or "marijuana" PERSON entities are not read by dyad).

On BBC news about 40% of the parsed words fall in a window; the events coded are the same as with
the full recogniser, and 2 of 5,898 quote speakers differ (docs/coding.md, "Entities").
"""
from __future__ import annotations

from typing import Iterable, Iterator

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import minibatch

from .actors import HONORIFICS
from .decode import annotate, can_step
from .enrich.dates import MONTH_NAMES, WEEKDAYS

CONTEXT = 4  # words of context either side of a seed run
PIECES_BATCH = 256  # windows per call of the recogniser: short pieces batch well
SEED_POS = frozenset({"PROPN", "NOUN", "ADJ", "X", "NUM"})
# words never part of a name dyad reads; "May" and "March" stay seeds: Theresa May, and a march may be a protest
NO_SEED = (HONORIFICS | frozenset(WEEKDAYS) | frozenset(MONTH_NAMES)) - {"may", "march"}


class WindowedEntityRecognizer:
    """A drop-in for the pipeline's `ner`: the same model, run on windows around capitalised words."""

    def __init__(self, context: int = CONTEXT):
        self.ner = None
        self.stepped = False
        self.context = context

    def use(self, ner) -> None:
        """The loaded spaCy EntityRecognizer to run."""
        self.ner = ner
        self.stepped = can_step(ner)  # its steps run with the GIL held (dyad/decode.py)

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 64, **_) -> Iterator[Doc]:
        for batch in minibatch(docs, size=batch_size):
            pieces, where = [], []
            for n, doc in enumerate(batch):
                for a, b in windows(doc, self.context):
                    words = doc[a:b]
                    pieces.append(Doc(doc.vocab, words=[t.text for t in words],
                                      spaces=[bool(t.whitespace_) for t in words]))
                    where.append((n, a))
            found: list[list[Span]] = [[] for _ in batch]
            for piece, (n, a) in zip(self._recognise(pieces), where):
                doc = batch[n]
                for e in piece.ents:
                    if any(_capital(t.text) for t in e):
                        found[n].append(Span(doc, a + e.start, a + e.end, label=e.label))
            for doc, ents in zip(batch, found):
                doc.set_ents(ents, default="outside")
                yield doc

    def _recognise(self, pieces: list[Doc]) -> Iterator[Doc]:
        if self.stepped:
            return annotate(self.ner, pieces, PIECES_BATCH)
        return self.ner.pipe(pieces, batch_size=PIECES_BATCH)


def _capital(text: str) -> bool:
    return not text.islower() and any(c.isupper() for c in text)  # most words are all lower case


def _seed(t) -> bool:
    """A capitalised noun, name or adjective ("Labour", "Hamas", "Kurdish"); not a capitalised verb
    or pronoun, nor a word that is never part of a name dyad reads: a sentence's capitalised first
    function word ("The", "But"), an honorific ("Mr"), a month or weekday. A name beside such a
    word seeds its own window, which holds the word as context. (A sentence's first common noun
    stays a seed: the tagger takes "Coats said" and "Labour said" for common nouns.)"""
    if not _capital(t.text) or t.pos_ not in SEED_POS or t.lower_.rstrip(".") in NO_SEED:
        return False
    return not (t.is_sent_start and t.is_title and t.lower_ in STOP_WORDS)


def _known(doc: Doc) -> set[int]:
    """Tokens of names the lexicon matched (parse_many leaves them in `doc.user_data["phrases"]`):
    the actor finder reads the lexicon there, so the recogniser needs no seed on them."""
    known: set[int] = set()
    for a, b, _ in doc.user_data.get("phrases", ()):
        span = doc.char_span(a, b, alignment_mode="expand")
        if span is not None:
            known.update(range(span.start, span.end))
    return known


def windows(doc: Doc, context: int = CONTEXT) -> list[tuple[int, int]]:
    """Token ranges [start, end) around the seeds of `doc`, merged where they touch."""
    known = _known(doc)
    out: list[list[int]] = []
    n = len(doc)
    for t in doc:
        if not _seed(t) or t.i in known:
            continue
        a, b = max(0, t.i - context), min(n, t.i + context + 1)
        if out and a <= out[-1][1]:
            out[-1][1] = max(out[-1][1], b)
        else:
            out.append([a, b])
    return [(a, b) for a, b in out]


@Language.factory("dyad_windowed_ner")
def _windowed_ner(nlp: Language, name: str) -> WindowedEntityRecognizer:
    return WindowedEntityRecognizer()
