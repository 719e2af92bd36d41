"""The coder end to end: the Python API, the event record, the seed article, junk news."""
from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest

from dyad.records import Article, Rejection

from conftest import shared_file

pytestmark = pytest.mark.slow

RECORD_FIELDS = {"event_id", "doc_id", "sentence", "sentence_text", "source", "target", "trigger", "cameo",
                 "cameo_name", "quad_class", "goldstein", "plover", "negated", "modality", "reported_by", "date",
                 "date_precision", "location", "confidence", "rule", "coder"}


def test_coder_record_has_design_fields_and_offsets(coder):
    text = "Share\n\nLast night Mr Kerry flew to Moscow for talks with Russian officials."
    events = coder.code(text, published=date(2015, 12, 15))
    assert events
    e = events[0].to_dict()
    assert RECORD_FIELDS <= set(e)
    for side in ("source", "target", "trigger"):
        span = e[side]
        assert text[span["start"]:span["end"]] == span["text"] or side == "trigger"
    assert text[e["trigger"]["start"]:e["trigger"]["end"]].startswith("flew")
    assert e["sentence_text"] in text and json.dumps(e)


def test_coder_code_many_streams_and_keeps_order(coder):
    articles = [Article(id=f"a{i}", text=t) for i, t in enumerate(
        ["Russia attacked Georgia.", "   ", "Nothing happened today.", "Iran condemned Israel."])]
    results = list(coder.code_many(iter(articles)))
    assert [getattr(r, "article", r).id if not isinstance(r, Rejection) else r.article_id for r in results] == \
        ["a0", "a1", "a2", "a3"]
    assert isinstance(results[1], Rejection) and results[1].stage == "clean"
    assert results[2].events == [] and results[3].events


def test_coder_passes_rejections_through(coder):
    bad = Rejection("x.jsonl:3", "ingest", "not JSON")
    results = list(coder.code_many([bad, Article(id="b", text="Iran condemned Israel.")]))
    assert results[0] is bad and results[1].article.id == "b"


def test_coder_skips_sentences_without_candidates(coder):
    text = "The weather was fine. Russia attacked Georgia. It rained later in the evening."
    (result,) = list(coder.code_many([Article(id="s", text=text)]))
    assert result.sentences == 3 and result.parsed == 1


def test_coder_negation_and_modality_recorded(coder):
    (neg,) = [e for e in coder.code("Israel did not attack Iran.") if e.cameo.startswith("19")]
    assert neg.negated
    (hyp,) = [e for e in coder.code("If Iran enriched more uranium, Israel would attack Iran.") if e.cameo.startswith("19")]
    assert hyp.modality == "hypothetical"


def test_coder_seed_article(coder):
    path = next(shared_file("seed").glob("*.txt"))
    text = path.read_text(encoding="utf-8")
    events = [e.to_dict() for e in coder.code(text, published=date(2015, 12, 15))]
    # no event comes from boilerplate lines
    for e in events:
        assert e["sentence_text"].strip() not in ("Share", "Advertisement", "Alexander Scherbak  TASS")
    actors = [a for e in events for a in (e["source"], e["target"]) if a]
    kerry = {a["code"] for a in actors if "Kerry" in a["text"]}
    assert kerry == {"USAGOV"}
    lavrov = {a["code"] for a in actors if "Lavrov" in a["text"]}
    assert lavrov <= {"RUSGOV"} and lavrov
    moscow = {a["code"] for a in actors if a["text"] == "Moscow"}
    assert moscow == {"RUSGOV"}
    visit = [e for e in events if e["cameo"].startswith("04") and e["source"] and e["target"]
             and e["source"]["code"].startswith("USA") and e["target"]["code"].startswith("RUS")]
    assert any(e["trigger"]["text"].startswith("flew") for e in visit)


def test_coder_fakenews_junk_accounted_for(coder):
    path = shared_file("corpora", "fakenews", "news_sample.csv")
    from dyad.ingest import iter_articles

    n_rows = sum(1 for _ in csv.DictReader(io.StringIO(path.read_text(encoding="utf-8", errors="replace"))))
    results = list(coder.code_many(iter_articles([path], text_column="content")))
    assert len(results) == n_rows
    coded = [r for r in results if not isinstance(r, Rejection)]
    rejected = [r for r in results if isinstance(r, Rejection)]
    assert all(r.reason for r in rejected)
    assert len(coded) > n_rows // 2
