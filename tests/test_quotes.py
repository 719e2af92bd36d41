"""enrich.quotes: direct and indirect quotes with their speaker, null when the text does not say."""
from __future__ import annotations

from pathlib import Path

import pytest

from dyad.enrich.quotes import _direct_spans, find_quotes

SEED = Path(__file__).resolve().parents[1].parent / "shared" / "seed"


def quotes_of(coder, text: str):
    from datetime import date

    from dyad.clean import clean

    clean_text = clean(text).text
    doc = coder.annotate(text, date(2015, 12, 15))
    quotes = find_quotes(clean_text, doc)
    for q in quotes:
        if q.kind == "direct" and "\n" not in q.text:
            assert clean_text[q.start:q.end] == q.text
    return quotes


def one(quotes, words: str):
    found = [q for q in quotes if words in q.text]
    assert len(found) == 1, [q.text for q in quotes]
    return found[0]


def test_quotes_straight_and_curly_marks_are_found():
    text = '"We will not back down," he said. \u201cNor will we,\u201d she said.'
    assert [text[a:b] for (a, b), in _direct_spans(text)] == ["We will not back down,", "Nor will we,"]


def test_quotes_multi_paragraph_quote_is_one():
    text = '"First paragraph of it,\n\n"and the second one," he said.'
    (segments,) = _direct_spans(text)
    assert [text[a:b] for a, b in segments] == ["First paragraph of it,", "and the second one,"]


def test_quotes_unbalanced_mark_is_no_quote():
    assert _direct_spans('He said "this never closes.\n\nA new paragraph.') == []


@pytest.mark.slow
def test_quotes_speaker_after(coder):
    q = one(quotes_of(coder, '"We will not back down from this fight," Obama said.'), "back down")
    assert (q.kind, q.speaker_text, q.speaker_code, q.speaker_how) == ("direct", "Obama", "USAGOV", "subject")


@pytest.mark.slow
def test_quotes_speaker_inverted_with_curly_marks(coder):
    q = one(quotes_of(coder, "\u201cWe will defend our country against any attack,\u201d said Netanyahu."), "defend")
    assert (q.speaker_code, q.speaker_entity) == ("ISRGOV", "Benjamin Netanyahu")


@pytest.mark.slow
def test_quotes_speaker_before_with_colon(coder):
    q = one(quotes_of(coder, 'Obama said: "We will not back down from this fight."'), "back down")
    assert q.speaker_code == "USAGOV"


@pytest.mark.slow
def test_quotes_he_said_is_the_previous_subject(coder):
    q = one(quotes_of(coder, 'Kerry met Lavrov in Moscow on Tuesday. "We made real progress today," he said.'),
            "progress")
    assert (q.speaker_text, q.speaker_entity, q.speaker_how) == ("he", "John Kerry", "pronoun:previous-subject")


@pytest.mark.slow
def test_quotes_multi_paragraph_speaker_after_the_last_paragraph(coder):
    text = ('The talks will go on.\n\n"We will defend our country against any attack,\n\n'
            '"And we will win this war in the end," the Israeli prime minister said.')
    q = one(quotes_of(coder, text), "defend")
    assert q.speaker_code == "ISRGOV" and "win this war" in q.text


@pytest.mark.slow
def test_quotes_continued_quote_takes_the_earlier_speaker(coder):
    q = one(quotes_of(coder, '"We will not back down," Obama said. "This is our fight and we will win it."'),
            "our fight")
    assert (q.speaker_code, q.speaker_how) == ("USAGOV", "continued")


@pytest.mark.slow
def test_quotes_ambiguous_continuation_has_no_speaker(coder):
    text = ('"We will not back down," Kerry said. "We are guided by our own interests only." '
            'Mr Lavrov said the talks had failed.')
    q = one(quotes_of(coder, text), "own interests")
    assert q.speaker_text is None and q.speaker_code is None


@pytest.mark.slow
def test_quotes_unattributed_quote_has_no_speaker(coder):
    q = one(quotes_of(coder, 'Kerry met Lavrov. "Ceasefire now or never for this region," a banner read.'),
            "Ceasefire")
    assert (q.speaker_text, q.speaker_code) == (None, None)


@pytest.mark.slow
def test_quotes_scare_quotes_are_not_quotes(coder):
    quotes = quotes_of(coder, 'Kerry met Lavrov in a bid to find "common ground" on Syria.')
    assert [q for q in quotes if q.kind == "direct"] == []


@pytest.mark.slow
def test_quotes_indirect_speech(coder):
    q = one(quotes_of(coder, "Mr Lavrov said the Islamic State issue was not limited to Syria."), "Islamic State")
    assert (q.kind, q.text, q.speaker_code) == ("indirect", "the Islamic State issue was not limited to Syria",
                                               "RUSGOV")


@pytest.mark.slow
def test_quotes_seed_kerry_quote(coder):
    files = sorted(SEED.glob("*.txt"))
    if not files:
        pytest.skip(f"seed article not found under {SEED}")
    q = one(quotes_of(coder, files[0].read_text(encoding="utf-8")), "forced to choose")
    assert q.text.startswith("No one should be forced to choose between a dictator and being plagued by terrorists")
    assert (q.speaker_code, q.speaker_entity) == ("USAGOV", "John Kerry")


@pytest.mark.slow
def test_quotes_bare_attribution_sentence_after_a_full_quote(coder):
    q = one(quotes_of(coder, 'Kerry met Lavrov. "Why should we wait any longer?" Kerry asked.'), "wait any longer")
    assert q.speaker_code == "USAGOV"
