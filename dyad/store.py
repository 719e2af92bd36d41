"""The event database: one embedded DuckDB file, one writer, many readers (docs/store.md).

    store = Store("events.duckdb")        # creates the schema when the file is new
    store.add(coded, signature=sig)        # one article, its mentions: one transaction
    store.apply_clusters(update)           # cluster ids and the de-duplicated `events` table
    df = store.read_events(source="USA", target="RUS", type="CONSULT", since="2018-07-01")

`event_mentions` holds every event every article reported; `events` is derived from it: one row
per (cluster, source code, CAMEO code, target code, date), with the number of mentions,
articles and distinct sources behind it. Nothing here depends on wall-clock time or arrival
timing, so the same input always gives the same database content, however often a run was
killed and restarted.
"""
from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import E001, E005, misuse
from .output import COLUMNS, flatten
from .records import Article, Rejection

if TYPE_CHECKING:  # importing them would pull in spaCy and datasketch: readers need neither
    from .coder import Coded
    from .dedup import ClusterUpdate, Signature

__all__ = ["Store", "read_events", "SCHEMA_VERSION", "TABLES", "row_id"]

SCHEMA_VERSION = "2"  # 2: the quotes table

# Event columns shared by `event_mentions` and `events` (output.COLUMNS less the two ids).
_TYPES = {"sentence": "INTEGER", "quad_class": "INTEGER", "goldstein": "DOUBLE", "negated": "BOOLEAN",
          "location_lat": "DOUBLE", "location_lon": "DOUBLE", "confidence": "DOUBLE"}
EVENT_COLUMNS = tuple(c for c in COLUMNS if c not in ("event_id", "doc_id"))


def _col_type(name: str) -> str:
    if name.endswith(("_start", "_end")):
        return "INTEGER"
    return _TYPES.get(name, "VARCHAR")


_EVENT_DDL = ",\n  ".join(f"{c} {_col_type(c)}" for c in EVENT_COLUMNS)

TABLES = ("meta", "articles", "signatures", "event_mentions", "events", "clusters", "quotes")
QUOTE_COLUMNS = ("quote_id", "article_id", "kind", "text", "start", "end", "sentence", "speaker_text",
                 "speaker_code", "speaker_entity", "speaker_how", "speaker_start", "speaker_end", "event_ids")
_SCHEMA = f"""
CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR);
CREATE TABLE IF NOT EXISTS articles (
  id VARCHAR PRIMARY KEY, seq BIGINT NOT NULL, origin VARCHAR, url VARCHAR, source VARCHAR,
  title VARCHAR, published DATE, content_hash VARCHAR, n_chars INTEGER,
  status VARCHAR NOT NULL, reject_stage VARCHAR, reject_reason VARCHAR,
  sentences INTEGER, n_mentions INTEGER, cluster_id VARCHAR);
CREATE TABLE IF NOT EXISTS signatures (
  article_id VARCHAR PRIMARY KEY, text_minhash BLOB, names_minhash BLOB,
  n_shingles INTEGER, n_names INTEGER);
CREATE TABLE IF NOT EXISTS event_mentions (
  mention_id VARCHAR PRIMARY KEY, event_id VARCHAR, article_id VARCHAR NOT NULL,
  {_EVENT_DDL},
  extra VARCHAR);
CREATE TABLE IF NOT EXISTS events (
  event_id VARCHAR, cluster_id VARCHAR, num_mentions INTEGER, num_articles INTEGER,
  num_sources INTEGER, mention_id VARCHAR, doc_id VARCHAR,
  {_EVENT_DDL},
  extra VARCHAR);
CREATE TABLE IF NOT EXISTS quotes (
  quote_id VARCHAR PRIMARY KEY, article_id VARCHAR NOT NULL, kind VARCHAR, text VARCHAR,
  "start" INTEGER, "end" INTEGER, sentence INTEGER, speaker_text VARCHAR, speaker_code VARCHAR,
  speaker_entity VARCHAR, speaker_how VARCHAR, speaker_start INTEGER, speaker_end INTEGER, event_ids VARCHAR);
CREATE TABLE IF NOT EXISTS clusters (
  cluster_id VARCHAR, num_articles INTEGER, num_sources INTEGER, num_events INTEGER,
  first_published DATE, last_published DATE, sources VARCHAR, title VARCHAR);
"""
# `events` and `clusters` are rebuilt per cluster (delete + insert in one transaction), so
# they carry no index; their keys are unique by construction (tests check it).

_EVENT_SELECT = ", ".join(f"m.{c}" for c in EVENT_COLUMNS)



def _identity(m: str, a: str) -> str:
    """The de-duplication rule in SQL: an event's id from its identity within its cluster
    (mention table alias `m`, article table alias `a`)."""
    return (f"substr(sha1({a}.cluster_id || '|' || coalesce({m}.source_code, '') || '|' || {m}.cameo"
            f" || '|' || coalesce({m}.target_code, '') || '|' || coalesce({m}.date, '')), 1, 16)")


def row_id(item: Article | Coded | Rejection) -> str:
    """The `articles.id` an input gets: its article id, else a hash of where and why it failed."""
    if isinstance(item, Article):
        return item.id
    if not isinstance(item, Rejection):  # Coded
        return item.article.id
    if item.article_id:
        return item.article_id
    key = f"{item.origin}\x1f{item.stage}\x1f{item.reason}"
    return "r" + hashlib.sha1(key.encode("utf-8", "surrogatepass")).hexdigest()[:15]


class Store:
    """One DuckDB file. Open one writing Store per file; readers use `read_only=True`."""

    def __init__(self, path: str | os.PathLike, *, read_only: bool = False):
        import duckdb

        self.path = Path(path)
        if read_only and not self.path.exists():
            raise misuse(E001, path=self.path)
        self.con = duckdb.connect(str(self.path), read_only=read_only)
        self._inserts: dict[str, str] = {}  # table -> its INSERT statement, built once from its column types
        if not read_only:
            self.con.execute(_SCHEMA)
            self.con.execute("INSERT INTO meta VALUES ('schema_version', ?) ON CONFLICT DO NOTHING",
                             [SCHEMA_VERSION])
        self._seq = self.con.execute("SELECT coalesce(max(seq), 0) FROM articles").fetchone()[0]

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- writing ----------------------------------------------------------------------------
    def add(self, result: Coded | Rejection, *, article: Article | None = None,
            signature: Signature | None = None) -> str:
        """Write one article (coded or rejected), its mentions and signature in one transaction.

        `article` gives the metadata of an article that was rejected after ingest.
        Returns the article's id; an id already stored is left as it is.
        """
        return self.add_many([(result, article, signature)])[0]

    def add_many(self, items: list[tuple[Coded | Rejection, Article | None, Signature | None]]) -> list[str]:
        """Write many articles in ONE transaction (all or none: a killed run redoes the batch).
        Small DuckDB transactions cost tens of milliseconds each; a batch costs about one."""
        ids, articles, mentions, quotes, signatures = [], [], [], [], []
        seq = self._seq
        wanted = [row_id(result) for result, _, _ in items]
        batch_ids: set[str] = {r[0] for r in self.con.execute(
            "SELECT id FROM articles WHERE id IN (SELECT unnest(?::VARCHAR[]))", [wanted]).fetchall()}
        for (result, article, signature), aid in zip(items, wanted):
            ids.append(aid)
            if aid in batch_ids:  # already stored, or twice in this batch
                continue
            batch_ids.add(aid)
            coded = not isinstance(result, Rejection)
            article = result.article if coded else article
            seq += 1
            articles.append([aid, seq, *_article_fields(result, article)])
            if coded:
                mentions.extend(_mention_row(event) for event in result.events)
                quotes.extend([aid if k == "article_id" else ";".join(q["event_ids"]) if k == "event_ids"
                               else q.get(k) for k in QUOTE_COLUMNS] for q in getattr(result, "quotes", []))
                if signature is not None:
                    signatures.append([aid, *signature.to_row()])
        if not articles:
            return ids
        self.con.begin()
        try:
            self._insert_rows("articles", [row + [None] for row in articles])
            self._insert_rows("event_mentions", mentions)
            self._insert_rows("quotes", list({q[0]: q for q in quotes}.values()))
            self._insert_rows("signatures", signatures)
            self.con.commit()
        except BaseException:
            self.con.rollback()
            raise
        self._seq = seq
        return ids

    def _insert_rows(self, table: str, rows: list[list]) -> None:
        """Insert many rows in one statement, a typed list parameter per column unnested side by
        side: DuckDB's executemany goes row by row, and a pandas frame costs more to register and
        scan than the rows themselves (a 4-table batch of 32 articles: 8 ms instead of 13)."""
        if not rows:
            return
        sql = self._inserts.get(table)
        if sql is None:
            kinds = [c[2] for c in self.con.execute(f"PRAGMA table_info('{table}')").fetchall()]
            sql = self._inserts[table] = f"INSERT INTO {table} SELECT " + ", ".join(f"unnest(?::{k}[])" for k in kinds)
        self.con.execute(sql, [list(col) for col in zip(*rows, strict=True)])  # a short row is an error, not a cut

    def apply_clusters(self, update: ClusterUpdate) -> None:
        """Write new cluster ids and rebuild `events` and `clusters` for the touched clusters."""
        if not update.assign:
            return
        touched = sorted(update.clusters | update.retired)
        new = sorted(update.clusters)
        con = self.con
        con.begin()
        try:
            con.execute("CREATE TEMP TABLE IF NOT EXISTS _assign (article_id VARCHAR, cluster_id VARCHAR)")
            con.execute("DELETE FROM _assign")
            con.execute("INSERT INTO _assign SELECT unnest(?::VARCHAR[]), unnest(?::VARCHAR[])",
                        [list(update.assign), list(update.assign.values())])
            con.execute("UPDATE articles SET cluster_id = t.cluster_id FROM _assign t WHERE articles.id = t.article_id")
            con.execute(f"""UPDATE event_mentions SET event_id = {_identity('event_mentions', 'a')}
                            FROM articles a WHERE a.id = event_mentions.article_id
                            AND list_contains(?::VARCHAR[], a.cluster_id)""", [new])
            con.execute("DELETE FROM events WHERE list_contains(?::VARCHAR[], cluster_id)", [touched])
            con.execute(f"""
                INSERT INTO events
                WITH m AS (SELECT m.*, a.cluster_id, a.source AS outlet, a.published
                           FROM event_mentions m JOIN articles a ON a.id = m.article_id
                           WHERE list_contains(?::VARCHAR[], a.cluster_id)),
                counts AS (SELECT event_id, count(*) AS n_m, count(DISTINCT article_id) AS n_a,
                                  count(DISTINCT outlet) AS n_s FROM m GROUP BY event_id),
                rep AS (SELECT * FROM m QUALIFY row_number() OVER (PARTITION BY event_id
                        ORDER BY published NULLS LAST, article_id, sentence, trigger_start, mention_id) = 1)
                SELECT m.event_id, m.cluster_id, c.n_m, c.n_a, c.n_s, m.mention_id, m.article_id,
                       {_EVENT_SELECT}, m.extra
                FROM rep m JOIN counts c USING (event_id)""", [new])
            con.execute("DELETE FROM clusters WHERE list_contains(?::VARCHAR[], cluster_id)", [touched])
            con.execute("""
                INSERT INTO clusters
                SELECT a.cluster_id, count(*), count(DISTINCT a.source),
                       (SELECT count(*) FROM events e WHERE e.cluster_id = a.cluster_id),
                       min(a.published), max(a.published),
                       string_agg(DISTINCT a.source, '; ' ORDER BY a.source),
                       max(CASE WHEN a.id = a.cluster_id THEN a.title END)
                FROM articles a WHERE list_contains(?::VARCHAR[], a.cluster_id)
                GROUP BY a.cluster_id""", [new])
            con.commit()
        except BaseException:
            con.rollback()
            raise

    # -- reading ----------------------------------------------------------------------------
    def has_article(self, article_id: str) -> bool:
        return self.con.execute("SELECT 1 FROM articles WHERE id = ?", [article_id]).fetchone() is not None

    def known_ids(self) -> set[str]:
        return {row[0] for row in self.con.execute("SELECT id FROM articles").fetchall()}

    def iter_signatures(self) -> Iterator[tuple[str, Signature, str | None]]:
        """(article id, signature, cluster id or None) of every coded article, in arrival order."""
        from .dedup import Signature

        cur = self.con.execute("""SELECT s.*, a.cluster_id FROM signatures s
                                  JOIN articles a ON a.id = s.article_id ORDER BY a.seq""")
        while rows := cur.fetchmany(1000):
            for aid, text, names, n_sh, n_names, cluster_id in rows:
                yield aid, Signature.from_row(text, names, n_sh, n_names), cluster_id

    def events_query(self, *, source: str | None = None, target: str | None = None,
                     type: str | None = None, cameo: str | None = None,
                     since: str | date | None = None, until: str | date | None = None,
                     doc_id: str | None = None, cluster_id: str | None = None,
                     limit: int | None = None) -> tuple[str, list]:
        """SQL and parameters selecting events (with their first article's url, source, title,
        publication date) for the filters; shared by `read_events` and the exports."""
        where, params = [], []
        for column, prefix in (("e.source_code", source), ("e.target_code", target), ("e.cameo", cameo)):
            if prefix:
                where.append(f"starts_with({column}, ?)")
                params.append(prefix.upper() if column != "e.cameo" else prefix)
        if type:
            where.append("e.plover_type = ?")
            params.append(type.upper())
        for op, value in ((">=", since), ("<=", until)):
            if value is not None:
                where.append(f"e.date {op} ?")
                params.append(_iso(value))
        if doc_id:
            where.append("e.event_id IN (SELECT event_id FROM event_mentions WHERE article_id = ?)")
            params.append(doc_id)
        if cluster_id:
            where.append("e.cluster_id = ?")
            params.append(cluster_id)
        sql = ("SELECT e.*, a.url AS article_url, a.source AS article_source, a.title AS article_title, "
               "a.published AS article_published, a.origin AS article_origin FROM events e LEFT JOIN articles a ON a.id = e.doc_id"
               + (" WHERE " + " AND ".join(where) if where else "")
               + " ORDER BY e.date NULLS LAST, e.event_id")
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        return sql, params

    def read_events(self, **filters):
        """De-duplicated events as a pandas DataFrame; filters as in `events_query`."""
        sql, params = self.events_query(**filters)
        return self.con.execute(sql, params).df()

    def counts(self) -> dict[str, int]:
        """Row count of every table."""
        return {t: self.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}


def read_events(db: str | os.PathLike, **filters):
    """Events of a dyad database as a pandas DataFrame (read-only), e.g.
    `read_events("events.duckdb", source="USA", target="RUS", type="CONSULT", since="2018-07-01")`.

    Filters: source/target (actor code prefix: "USA" matches USAGOV), type (PLOVER type),
    cameo (code prefix), since/until (ISO dates, inclusive), doc_id, cluster_id, limit.
    """
    with Store(db, read_only=True) as store:
        return store.read_events(**filters)


# --- rows ---------------------------------------------------------------------------------

def _article_fields(result: Coded | Rejection, article: Article | None) -> list:
    text = article.text if article else None
    fields = [
        article.origin if article else result.origin, article.url if article else None,
        article.source if article else None, article.title if article else None,
        article.published if article else None,
        hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest() if text else None,
        len(text) if text else None,
    ]
    if not isinstance(result, Rejection):
        return fields + ["coded", None, None, result.sentences, len(result.events)]
    return fields + ["rejected", result.stage, result.reason, None, 0]


def _mention_row(event) -> list:
    row = flatten(event.to_dict())
    extra = json.dumps(event.extra, sort_keys=True, ensure_ascii=False, default=str) if event.extra else None
    return [row["event_id"], None, row["doc_id"], *(row[c] for c in EVENT_COLUMNS), extra]


def _iso(value: str | date) -> str:
    if isinstance(value, date):
        return value.isoformat()
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise misuse(E005, value=value) from None
