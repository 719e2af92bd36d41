"""export: column counts and a round trip of each format."""
from __future__ import annotations

import csv
import json

import pandas as pd
import pytest

from dyad.dedup import ClusterUpdate
from dyad.errors import DyadError
from dyad.export import FORMATS, GDELT_COLUMNS, PLOVER_FIELDS, POLECAT_COLUMNS, export
from dyad.store import Store
from test_store import coded, event, two_copies


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "e.duckdb") as store:
        two_copies(store)
        store.add(coded("a3", "third.example", [event("a3", 0, None, "010", "DEU", plover=None)]))
        store.apply_clusters(ClusterUpdate({"a1": "a1", "a2": "a1", "a3": "a3"}, set()))
        yield store


def test_export_column_lists():
    assert len(GDELT_COLUMNS) == 61 and GDELT_COLUMNS[0] == "GLOBALEVENTID" and GDELT_COLUMNS[-1] == "SOURCEURL"
    assert len(POLECAT_COLUMNS) == 40 and POLECAT_COLUMNS[-1] == "Version"
    assert len(set(GDELT_COLUMNS)) == 61 and len(set(POLECAT_COLUMNS)) == 40


def test_export_gdelt_round_trip(store, tmp_path):
    out = tmp_path / "events.CSV"
    assert export(store, "gdelt", out) == 3
    lines = out.read_text(encoding="utf-8").splitlines()
    assert all(len(line.split("\t")) == 61 for line in lines)
    rows = pd.read_csv(out, sep="\t", header=None, names=GDELT_COLUMNS, dtype=str, keep_default_na=False)
    visit = rows[rows.EventCode == "042"].iloc[0]  # leading zeros kept
    assert (visit.EventBaseCode, visit.EventRootCode, visit.QuadClass) == ("042", "04", "1")
    assert (visit.NumMentions, visit.NumSources, visit.NumArticles) == ("2", "2", "2")
    assert (visit.SQLDATE, visit.MonthYear, visit.Year, visit.FractionDate) == ("20180716", "201807", "2018", "2018.6192")
    assert (visit.Actor1Code, visit.Actor1CountryCode, visit.Actor1Type1Code) == ("USAGOV", "USA", "GOV")
    assert visit.SOURCEURL == "https://news.example/a1" and visit.DATEADDED == "20180716000000"
    ids = store.read_events().event_id
    assert set(rows.GLOBALEVENTID.astype(int)) == {int(i[:15], 16) for i in ids}


def test_export_polecat_round_trip(store, tmp_path):
    out = tmp_path / "polecat.tsv"
    assert export(store, "polecat", out) == 2  # the CAMEO 010 statement has no PLOVER type
    with open(out, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f, delimiter="\t"))
    assert tuple(rows[0]) == POLECAT_COLUMNS and all(len(r) == 40 for r in rows)
    records = [dict(zip(POLECAT_COLUMNS, r)) for r in rows[1:]]
    assert {r["Event Type"] for r in records} == {"CONSULT", "THREATEN"}
    visit = next(r for r in records if r["Event Type"] == "CONSULT")
    assert (visit["Actor Country"], visit["Recipient Country"], visit["Contexts"]) == ("USA", "RUS", "diplomatic")
    assert visit["Actor Name Raw"] == "Kerry" and visit["Publication Date"] == "2018-07-16"


def test_export_plover_json_round_trip(store, tmp_path):
    out = tmp_path / "plover.jsonl"
    assert export(store, "plover-json", out) == 2
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert all(set(r) == set(PLOVER_FIELDS) for r in records)
    visit = next(r for r in records if r["event"] == ["CONSULT"])
    assert visit["source"][0]["code"] == "USA" and visit["recipient"][0]["dyad_code"] == "RUSGOV"
    assert visit["mode"] == ["visit"] and visit["context"] == ["diplomatic"]
    assert visit["text_info"]["start"] == 6 and visit["text_info"]["end"] == 13
    assert visit["text"][6:13] == "flew to"
    assert visit["cite_info"]["url"] == "https://news.example/a1" and visit["num_articles"] == 2


@pytest.mark.parametrize("fmt", ["parquet", "csv", "jsonl"])
def test_export_table_formats_round_trip(store, tmp_path, fmt):
    out = tmp_path / f"events.{fmt}"
    assert export(store, fmt, out) == 3
    if fmt == "parquet":  # read back with DuckDB itself: no pyarrow needed anywhere
        import duckdb

        back = duckdb.connect().execute("SELECT * FROM read_parquet(?)", [str(out)]).df()
    elif fmt == "csv":
        back = pd.read_csv(out, dtype=str)
    else:
        back = pd.read_json(out, lines=True, dtype=False)
    expected = store.read_events()
    assert list(back.columns) == list(expected.columns)
    assert list(back.event_id) == list(expected.event_id)
    assert list(back.cameo) == list(expected.cameo)
    assert all(isinstance(c, str) for c in back.cameo)  # codes stay strings: "042", not 42


def test_export_filters_apply(store, tmp_path):
    assert export(store, "jsonl", tmp_path / "x.jsonl", source="RUS") == 1


def test_export_unknown_format_is_misuse(store, tmp_path):
    with pytest.raises(DyadError, match="E003"):
        export(store, "xml", tmp_path / "x.xml")
    assert "gdelt" in FORMATS
