"""Decode: the parser's and the entity recogniser's transition steps, run with the GIL held.

spaCy 3.8's compiled greedy decoder releases the GIL for its loop, and the Cython it was built
with wraps every state lookup inside that loop (`StateC.B()`, called dozens of times a word to
check which moves are valid) in a `PyGILState_Ensure`/`Release` pair: with the GIL released, each
is a mutex round trip. Profiled on BBC news, two thirds of the entity recogniser's decoding time
went to taking and dropping the GIL.

`greedy_states` drives the same model one step at a time from Python, as spaCy's own beam search
and training loop do: the step scores come from the same precomputed hidden layer and output
layer, and the moves are chosen and applied by the component's own compiled `transition_states`.
Holding the GIL, each lookup's ensure/release is a counter increment. The annotations are those of
the component's own `pipe` (tests/test_decode.py compares them on real text).
"""
from __future__ import annotations

from typing import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import minibatch

PARSE_BATCH = 64  # docs decoded together: each step scores all their unfinished states at once


def can_step(component) -> bool:
    """A greedy transition component of the shape `greedy_states` drives (spaCy 3.x parsers)."""
    return all(hasattr(component, name) for name in ("moves", "transition_states", "_ensure_labels_are_added")) \
        and component.cfg.get("beam_width", 1) == 1


def greedy_states(component, docs: list[Doc]) -> list:
    """The final parse states of `docs` under `component`'s greedy decoder (what its `predict` returns)."""
    component._ensure_labels_are_added(docs)
    batch = component.moves.init_batch(docs)
    if not any(len(doc) for doc in docs):
        return batch
    model = component.model.predict(docs)  # token vectors and the precomputed hidden layer
    states = [state for state in batch if not state.is_final()]
    while states:
        states = component.transition_states(states, model.predict(states))
    model.clear_memory()
    return batch


def annotate(component, docs: Iterable[Doc], batch_size: int = PARSE_BATCH) -> Iterator[Doc]:
    """`component.pipe(docs)`, decoded by `greedy_states`; docs come back in order."""
    for batch in minibatch(docs, size=batch_size):
        batch = list(batch)
        component.set_annotations(batch, greedy_states(component, batch))
        yield from batch


class SteppedParser:
    """A drop-in for the pipeline's `parser`: the same component, decoded by `greedy_states`."""

    def __init__(self):
        self.parser = None

    def use(self, parser) -> None:
        """The loaded spaCy DependencyParser to run."""
        self.parser = parser

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs: Iterable[Doc], batch_size: int = PARSE_BATCH, **_) -> Iterator[Doc]:
        # one decode over a whole batch: a Python step costs the same for 4 states as for 64
        return annotate(self.parser, docs, max(batch_size, PARSE_BATCH))


@Language.factory("dyad_stepped_parser")
def _stepped_parser(nlp: Language, name: str) -> SteppedParser:
    return SteppedParser()
