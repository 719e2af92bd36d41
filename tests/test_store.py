"""store: real DuckDB files; one transaction per article; events de-duplicated per cluster."""
from __future__ import annotations

from datetime import date

import pytest

from dyad.coder import Coded
from dyad.dedup import ClusterUpdate
from dyad.errors import DyadError
from dyad.records import ActorRef, Article, Event, Rejection, Span
from dyad.store import SCHEMA_VERSION, TABLES, Store, read_events

SENTENCE = "Kerry flew to Moscow for talks with Lavrov."


def actor(code: str | None, text: str = "X", start: int = 0) -> ActorRef | None:
    if code is None:
        return None
    return ActorRef(text, start, start + len(text), code, code[:3], code[3:6] or None)


def event(doc_id: str, k: int, source: str | None, cameo: str, target: str | None,
          day: str = "2018-07-16", plover: str | None = "CONSULT") -> Event:
    return Event(event_id=f"{doc_id}-m{k}", doc_id=doc_id, sentence=k, sentence_text=SENTENCE,
                 source=actor(source, "Kerry", 0), target=actor(target, "Moscow", 14),
                 trigger=Span("flew to", 6, 13), cameo=cameo, cameo_name="Make a visit",
                 quad_class=1, goldstein=1.9,
                 plover={"type": plover, "mode": "visit", "context": ["diplomatic"]},
                 date=day, date_precision="day", confidence=0.8, rule="test", coder="dyad test",
                 extra={"date_source": "publication"})


def coded(article_id: str, source: str, events: list[Event], published=date(2018, 7, 16)) -> Coded:
    article = Article(id=article_id, text=f"text of {article_id}. " + SENTENCE, title=f"Title {article_id}",
                      url=f"https://{source}/{article_id}", source=source, published=published,
                      origin=f"test:{article_id}")
    return Coded(article, events, sentences=3, parsed=2)


def two_copies(store: Store) -> None:
    """Two syndicated copies reporting one shared visit; the second also reports a threat."""
    store.add(coded("a1", "news.example", [event("a1", 0, "USAGOV", "042", "RUSGOV")]))
    store.add(coded("a2", "other.example", [event("a2", 0, "USAGOV", "042", "RUSGOV"),
                                            event("a2", 1, "RUSGOV", "138", "USAGOV", plover="THREATEN")]))


def test_store_creates_schema_with_version(tmp_path):
    with Store(tmp_path / "e.duckdb") as store:
        assert set(store.counts()) == set(TABLES)
        assert store.con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone() == (SCHEMA_VERSION,)
    with Store(tmp_path / "e.duckdb") as store:  # opening again changes nothing
        assert store.counts()["meta"] == 1


def test_store_add_writes_article_and_mentions_once(tmp_path):
    with Store(tmp_path / "e.duckdb") as store:
        two_copies(store)
        two_copies(store)
        assert store.counts()["articles"] == 2 and store.counts()["event_mentions"] == 3
        assert store.known_ids() == {"a1", "a2"}
        row = store.con.execute("SELECT status, n_mentions, seq, source, published FROM articles WHERE id = 'a2'").fetchone()
        assert row == ("coded", 2, 2, "other.example", date(2018, 7, 16))


def test_store_rejection_is_kept_with_reason(tmp_path):
    with Store(tmp_path / "e.duckdb") as store:
        rid = store.add(Rejection("crawl.warc.gz", "ingest", "truncated WARC after 3 records"))
        store.add(Rejection("x.jsonl:2", "clean", "nothing left", "b7"),
                  article=Article(id="b7", text="Share", url="https://x/b7", origin="x.jsonl:2"))
        rows = store.con.execute("SELECT id, status, reject_stage, reject_reason, url FROM articles ORDER BY seq").fetchall()
    assert rows == [(rid, "rejected", "ingest", "truncated WARC after 3 records", None),
                    ("b7", "rejected", "clean", "nothing left", "https://x/b7")]


def test_store_failed_transaction_leaves_nothing(tmp_path):
    with Store(tmp_path / "e.duckdb") as store:
        bad = coded("a9", "x", [event("a9", 0, "USA", "042", "RUS"), event("a9", 0, "USA", "042", "RUS")])
        with pytest.raises(Exception):  # the same mention id twice violates the key
            store.add(bad)
        assert store.counts()["articles"] == 0 and store.counts()["event_mentions"] == 0


def test_store_events_collapse_within_a_cluster(tmp_path):
    with Store(tmp_path / "e.duckdb") as store:
        two_copies(store)
        store.apply_clusters(ClusterUpdate({"a1": "a1", "a2": "a1"}, set()))
        events = store.read_events()
        assert len(events) == 2
        visit = events[events.cameo == "042"].iloc[0]
        assert (visit.num_mentions, visit.num_articles, visit.num_sources) == (2, 2, 2)
        assert visit.doc_id == "a1" and visit.cluster_id == "a1"
        mentions = store.con.execute("SELECT count(*), count(DISTINCT event_id) FROM event_mentions").fetchone()
        assert mentions == (3, 2)
        assert store.con.execute("SELECT * FROM clusters").fetchall() == [
            ("a1", 2, 2, 2, date(2018, 7, 16), date(2018, 7, 16), "news.example; other.example", "Title a1")]


def test_store_merging_clusters_rebuilds_events(tmp_path):
    with Store(tmp_path / "e.duckdb") as store:
        two_copies(store)
        store.apply_clusters(ClusterUpdate({"a1": "a1", "a2": "a2"}, set()))
        assert store.counts()["events"] == 3 and store.counts()["clusters"] == 2
        store.apply_clusters(ClusterUpdate({"a1": "a1", "a2": "a1"}, {"a2"}))
        assert store.counts()["events"] == 2 and store.counts()["clusters"] == 1
        keys = store.con.execute("SELECT count(*), count(DISTINCT event_id) FROM events").fetchone()
        assert keys[0] == keys[1]


def test_store_read_events_filters(tmp_path):
    db = tmp_path / "e.duckdb"
    with Store(db) as store:
        two_copies(store)
        store.add(coded("a3", "third.example", [event("a3", 0, "FRAGOV", "042", "DEU", day="2019-01-02")]))
        store.apply_clusters(ClusterUpdate({"a1": "a1", "a2": "a1", "a3": "a3"}, set()))
    assert len(read_events(db)) == 3
    assert list(read_events(db, source="usa", target="RUS").cameo) == ["042"]
    assert list(read_events(db, type="threaten").source_code) == ["RUSGOV"]
    assert list(read_events(db, cameo="04", since="2019-01-01").source_code) == ["FRAGOV"]
    assert len(read_events(db, until=date(2018, 12, 31))) == 2
    assert set(read_events(db, doc_id="a2").cameo) == {"042", "138"}
    assert read_events(db, limit=1).shape[0] == 1
    with pytest.raises(DyadError):
        read_events(db, since="last week")


def test_store_read_events_on_missing_file_is_misuse(tmp_path):
    with pytest.raises(DyadError, match="E001"):
        read_events(tmp_path / "none.duckdb")
