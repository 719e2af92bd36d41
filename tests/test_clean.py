"""clean: boilerplate lines go, sentences stay, and every clean offset maps back exactly."""
from __future__ import annotations

import csv
from pathlib import Path

import pytest

from dyad.clean import _SWAPS, clean, is_boilerplate

CORPORA = Path(__file__).resolve().parents[1].parent / "shared" / "corpora"


def assert_map_exact(original: str, cleaned) -> None:
    """Every clean character comes from the original character it maps to."""
    for i, ch in enumerate(cleaned.text):
        source = original[cleaned.to_original(i)]
        assert ch == source or ch == source.translate(_SWAPS) or ch in " \n", (i, ch, source)


@pytest.mark.parametrize("line", [
    "Share", "Share this", "Share this article", "Tweet", "Email", "Print", "more_vert",
    "Share on Facebook", "Share on Facebook Share on Twitter", "Advertisement", "ADVERTISEMENT",
    "Sponsored", "Photo: Reuters", "(Photo by Jane Doe/Getty Images)", "Image copyright AFP",
    "AP Photo/Evan Vucci", "Alexander Scherbak  TASS", "John Smith/Reuters", "Getty Images",
    "By Jane Doe", "By Jane Doe and John Roe, Reuters", "Read more: Talks collapse in Geneva",
    "Related: What the summit means", "Click here to read the full report",
    "Sign up for our daily newsletter", "We use cookies to give you the best experience.",
    "© 2018 Reuters", "Copyright 2018 The Example Times. All rights reserved.",
    "Updated 12:04 GMT", "4 hours ago", "Follow us on Twitter", "___",
])
def test_clean_boilerplate_line_is_recognised(line):
    assert is_boilerplate(line) is not None


@pytest.mark.parametrize("sentence", [
    "The two countries agreed to share intelligence on militant groups.",
    "Shares in Gazprom fell 3 percent after the sanctions were announced.",
    "The advertisement, paid for by the ruling party, accused the opposition of treason.",
    "A photo of the two leaders shaking hands was shared widely on social media.",
    "Photographers were barred from the meeting in the Kremlin.",
    "By Monday, the rebels had withdrawn from the town",
    "Trump and Putin meet in Helsinki",
    "Email records released by the ministry showed the talks began in March.",
])
def test_clean_news_sentence_survives(sentence):
    assert is_boilerplate(sentence) is None
    assert clean(sentence).text == sentence


def test_clean_drops_boilerplate_lines_and_keeps_paragraphs():
    text = ("Leaders meet in Geneva\n\nShare this article\n\nBy Jane Doe, Reuters\n\n"
            "The foreign ministers met on Monday.\nAdvertisement\nThey agreed to talk again.\n")
    result = clean(text)
    assert result.text == ("Leaders meet in Geneva\n\nThe foreign ministers met on Monday.\n\n"
                           "They agreed to talk again.")
    assert [text[s:e] for s, e, _ in result.dropped] == [
        "Share this article", "By Jane Doe, Reuters", "Advertisement"]


def test_clean_hash_separator_is_a_paragraph_break():
    text = "Talks resumed in Vienna. ### more_vert ### Iran said it was ready. ### Share"
    assert clean(text).text == "Talks resumed in Vienna.\n\nIran said it was ready."


def test_clean_normalises_quotes_and_spaces():
    text = "He said \u201cno\u201d \u2013 it\u2019s\u00a0over.\tFinal  \t word."
    assert clean(text).text == "He said \"no\" \u2013 it's over. Final word."


def test_clean_soft_wrapped_line_joins_with_a_space():
    text = "The minister said\nthat talks would resume."
    assert clean(text).text == "The minister said that talks would resume."


def test_clean_offsets_map_back_exactly():
    text = ("  Headline here\r\n\r\nShare\r\nThe  minister\u00a0said \u201cyes\u201d.\u200b Then"
            " ### Advertisement ### Police   detained 12 people.\n")
    result = clean(text)
    assert_map_exact(text, result)
    start = result.text.index("minister")
    assert result.span_to_original(start, start + len("minister")) == (
        text.index("minister"), text.index("minister") + len("minister"))
    police = result.text.index("Police")
    o_start, o_end = result.span_to_original(police, len(result.text))
    assert text[o_start:o_end] == "Police   detained 12 people."
    assert result.to_original(len(result.text)) == len(text)


def test_clean_empty_and_all_boilerplate_give_empty_text():
    assert clean("").text == ""
    assert clean("Share\n\nAdvertisement\n").text == ""


def test_clean_helsinki_corpus_drops_buttons_and_keeps_most_text():
    """612 scraped articles: button/ad lines go, the average article keeps >= 90% of its text."""
    path = CORPORA / "helsinki" / "helsinki_articles.csv"
    if not path.exists():
        pytest.skip(f"helsinki corpus not found at {path}")
    csv.field_size_limit(2**31 - 1)
    with path.open(encoding="utf-8", newline="") as f:
        texts = [row["text"] for row in csv.DictReader(f)]
    assert len(texts) == 612
    kept = []
    for text in texts:
        result = clean(text)
        lines = set(result.text.split("\n"))
        assert not lines & {"Advertisement", "Share", "share", "more_vert"}
        kept.append(len(result.text) / len(text))
    assert sum(kept) / len(kept) >= 0.90  # measured 0.946
    assert_map_exact(texts[0], clean(texts[0]))


@pytest.mark.parametrize("line", [
    "To find out more about Facebook commenting please read the Conversation Guidelines and FAQ",
    "Comments are closed.",
    "powered by Ask",
    "Nation/World 07/14/2018, 08:04pm",
])
def test_clean_drops_comment_widgets_and_section_stamps(line):
    assert clean(f"Russia condemned the sanctions.\n\n{line}\n\nIran agreed.").text == \
        "Russia condemned the sanctions.\n\nIran agreed."


def test_clean_keeps_sentences_about_comments_and_power():
    text = "The ministry said comments by the envoy were closed to debate. Power was restored by Monday."
    assert clean(text).text == text
