"""Near-duplicate clustering and event de-duplication on the Helsinki summit corpus.

    python bench/cluster_helsinki.py [--db /tmp/helsinki.duckdb] [--workers 2] [--reuse]

Codes ../shared/corpora/helsinki/helsinki_articles.csv (612 articles, 75 publishers) into a
fresh database with `dyad.ingest_run.run`, then prints: clusters found, how many of the corpus's
~286 near-identical pairs (exact 5-gram Jaccard >= 0.8) ended in one cluster, the 10 largest
clusters with their publishers, events before and after collapsing, and the first line of every
member of 12 clusters so a person can check them by eye.
"""
from __future__ import annotations

import argparse
import csv
import itertools
import json
import sys
import tempfile
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "helsinki" / "helsinki_articles.csv"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", default=str(Path(tempfile.gettempdir()) / "helsinki.duckdb"))
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--reuse", action="store_true", help="keep an existing database (resume)")
    args = ap.parse_args()
    if not CORPUS.exists():
        print(f"skipped: {CORPUS} not found (the shared corpora are not on this machine)")
        return 0
    csv.field_size_limit(sys.maxsize)
    with open(CORPUS, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    texts = {r["id"]: r["text"] for r in rows}

    db = Path(args.db)
    if db.exists() and not args.reuse:
        db.unlink()
        Path(str(db) + ".wal").unlink(missing_ok=True)
    from dyad.ingest_run import run
    from dyad.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        jsonl = Path(tmp) / "helsinki.jsonl"  # publisher -> source, scrape date -> published
        with open(jsonl, "w", encoding="utf-8") as out:
            for r in rows:
                out.write(json.dumps({"id": r["id"], "source": r["publisher"],
                                      "published": r["scrape_time"][:10], "text": r["text"]}) + "\n")
        summary = run([str(jsonl)], db, workers=args.workers)
    print(f"coded {summary.coded}, rejected {summary.rejected} ({dict(summary.rejections)}), "
          f"skipped {summary.skipped} in {summary.seconds:.0f} s ({summary.rate:.1f} articles/s)")

    with Store(db, read_only=True) as store:
        q = lambda sql, *p: store.con.execute(sql, list(p)).fetchall()  # noqa: E731
        n_clusters, n_multi, in_multi = q("""SELECT count(*), count(*) FILTER (num_articles > 1),
            coalesce(sum(num_articles) FILTER (num_articles > 1), 0) FROM clusters""")[0]
        print(f"\nclusters: {n_clusters} for {summary.coded} coded articles; {n_multi} with 2+ articles "
              f"holding {in_multi} articles")
        cluster_of = dict(q("SELECT id, cluster_id FROM articles WHERE cluster_id IS NOT NULL"))
        pairs, together = _near_identical_pairs(texts, cluster_of)
        print(f"near-identical pairs (exact 5-gram Jaccard >= 0.8): {pairs}; in one cluster: {together}")

        print("\n10 largest clusters:")
        for cid, n, n_src, n_ev, sources in q("""SELECT cluster_id, num_articles, num_sources, num_events,
                sources FROM clusters ORDER BY num_articles DESC, cluster_id LIMIT 10"""):
            print(f"  {cid:>6}: {n} articles, {n_src} publishers, {n_ev} events  [{sources}]")

        mentions = q("SELECT count(*) FROM event_mentions")[0][0]
        per_article = q("""SELECT count(DISTINCT (article_id, source_code, cameo, target_code, date))
                           FROM event_mentions""")[0][0]
        events = q("SELECT count(*) FROM events")[0][0]
        multi = q("SELECT count(*), coalesce(max(num_articles), 0) FROM events WHERE num_articles > 1")[0]
        print(f"\nevents: {mentions} mentions; {per_article} events counted per article (no clustering); "
              f"{events} after collapsing per cluster ({100 * (1 - events / max(per_article, 1)):.0f}% fewer); "
              f"{multi[0]} events carried by 2+ articles, at most {multi[1]}")
        top = q("""SELECT num_articles, num_sources, source_code, cameo, cameo_name, target_code, left(sentence_text, 90)
                   FROM events ORDER BY num_articles DESC, event_id LIMIT 5""")
        for n, n_src, src, code, name, tgt, sent in top:
            print(f"  {n} articles / {n_src} sources: {src or '-'} {code} {name} {tgt or '-'} | {sent}")

        print("\n12 example clusters (first line of each member):")
        examples = q("""SELECT cluster_id FROM clusters WHERE num_articles > 1
                        ORDER BY hash(cluster_id) LIMIT 12""")
        for (cid,) in examples:
            members = q("SELECT id, source FROM articles WHERE cluster_id = ? ORDER BY id", cid)
            print(f"  cluster {cid} ({len(members)} articles)")
            for aid, source in members[:6]:
                print(f"    {aid:>6} {source:<22} {_first_line(texts[aid])}")
            if len(members) > 6:
                print(f"    ... {len(members) - 6} more")
    return 0


def _near_identical_pairs(texts: dict[str, str], cluster_of: dict[str, str]) -> tuple[int, int]:
    from dyad.dedup import _shingles

    shingles = {k: _shingles(t) for k, t in texts.items()}
    pairs = together = 0
    for a, b in itertools.combinations(shingles, 2):
        A, B = shingles[a], shingles[b]
        if A and B and len(A & B) >= 0.8 * len(A | B):
            pairs += 1
            together += cluster_of.get(a) is not None and cluster_of.get(a) == cluster_of.get(b)
    return pairs, together


def _first_line(text: str) -> str:
    from dyad.clean import clean

    body = clean(text).text.strip()
    return body.split("\n")[0][:90]


if __name__ == "__main__":
    sys.exit(main())
