"""The ingest runner: files in, a de-duplicated event database out.

    summary = run(["news/", "crawl.warc.gz"], "events.duckdb", workers=2)

iter_articles streams the inputs; ids already in the store are skipped; the rest are coded in
batches by `workers` processes, and results come back in input order to this process, the single
writer, which stores each article in one transaction. The model is loaded once, in this process,
before the database is opened; on Linux workers are forked from it then, so they start at once
and share the model's memory. Every
`cluster_every` articles, and at the end, the new articles are clustered with the stored ones
and the affected events rebuilt. Because writes follow input order and cluster ids don't depend
on timing, a run that is killed and started again ends with the same database as one that
was not. Library code: it never prints; pass `on_progress` to follow it.
"""
from __future__ import annotations

import gc
import os
import sys
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date

from .coder import Coded
from .dedup import Clusterer, Signature, signature
from .ingest import IngestStats, iter_articles
from .records import Article, Rejection
from .store import Store, row_id

__all__ = ["RunSummary", "run"]

WRITE_BATCH = 128  # articles written per transaction (a kill redoes at most one batch); a transaction
                  # costs about 2 ms whatever its size: 128 a batch write in 0.4 ms an article, 32 in 0.7
BATCH = 64           # articles a worker codes at once: the parser decodes them together, one Python
                     # step for all their states (dyad/decode.py), 1.5x as fast per word as 16 at once
IN_FLIGHT = 4        # batches queued per worker: enough to keep workers busy, bounded memory
CLUSTER_EVERY = 1000  # new articles between two clustering passes


@dataclass
class RunSummary:
    """What one run did; updated as it goes (on_progress sees it)."""

    read: int = 0          # inputs met: articles and ingest rejections
    skipped: int = 0       # already in the database (or met twice in this input)
    coded: int = 0
    rejected: int = 0
    mentions: int = 0      # events reported by the coded articles, before de-duplication
    rejections: Counter = field(default_factory=Counter)  # by stage
    clusters_touched: int = 0
    seconds: float = 0.0
    ingest: IngestStats = field(default_factory=IngestStats)
    db: dict = field(default_factory=dict)  # row counts of every table at the end

    @property
    def rate(self) -> float:
        return (self.coded + self.rejected) / self.seconds if self.seconds else 0.0


def run(paths: Iterable[str], db: str | os.PathLike, *, workers: int | None = None,
        published: date | None = None, text_column: str = "text", model: str | None = None,
        lexicons: Iterable[str] = (), cluster_every: int = CLUSTER_EVERY, write_batch: int = WRITE_BATCH,
        on_progress: Callable[[RunSummary], None] | None = None) -> RunSummary:
    """Ingest, code, store and cluster; returns the summary. Misuse (a missing path) raises."""
    summary = RunSummary()
    items = iter_articles(paths, published=published, text_column=text_column, stats=summary.ingest)
    workers = workers or os.cpu_count() or 1
    start = time.monotonic()
    # workers fork before the database opens: a DuckDB connection's threads must not be forked
    with _Coding(workers, model, list(lexicons)) as code, Store(db) as store:
        clusterer = Clusterer()
        for aid, sig, cluster_id in store.iter_signatures():
            clusterer.add(aid, sig, cluster_id)
        fresh = _unseen(items, store.known_ids(), summary)
        since_clustering = clusterer.pending
        for batch in _batched(code(fresh), write_batch):
            aids = store.add_many([(result, item if isinstance(item, Article) else None, sig)
                                   for item, result, sig in batch])
            for (item, result, sig), aid in zip(batch, aids):
                since_clustering = _count(summary, clusterer, result, sig, aid, since_clustering)
            if since_clustering >= cluster_every:
                summary.clusters_touched += _cluster(store, clusterer)
                since_clustering = 0
            summary.seconds = time.monotonic() - start
            if on_progress:
                on_progress(summary)
        summary.clusters_touched += _cluster(store, clusterer)
        summary.db = store.counts()
    summary.seconds = time.monotonic() - start
    return summary


def _count(summary: RunSummary, clusterer: Clusterer, result, sig, aid: str, since_clustering: int) -> int:
    if isinstance(result, Coded):
        summary.coded += 1
        summary.mentions += len(result.events)
        if sig is not None:
            clusterer.add(aid, sig)
            since_clustering += 1
    else:
        summary.rejected += 1
        summary.rejections[result.stage] += 1
    return since_clustering


def _cluster(store: Store, clusterer: Clusterer) -> int:
    update = clusterer.assign()
    store.apply_clusters(update)
    return len(update.clusters)


def _unseen(items: Iterable[Article | Rejection], known: set[str],
            summary: RunSummary) -> Iterator[Article | Rejection]:
    """Inputs whose id is neither stored nor met earlier in this run."""
    for item in items:
        summary.read += 1
        aid = row_id(item)
        if aid in known:
            summary.skipped += 1
            continue
        known.add(aid)
        yield item


# --- coding, in this process or in workers ------------------------------------------------

Result = tuple[Article | Rejection, Coded | Rejection, Signature | None]


class _BatchCoder:
    """Codes a batch of inputs; one per process, holding the loaded model."""

    def __init__(self, model: str | None, lexicons: list[str]):
        import dyad
        from .enrich.places import gazetteer

        self.coder = dyad.load(model=model, lexicons=lexicons)
        gazetteer()  # loaded now, so that forked workers share it rather than each building it

    def __call__(self, batch: list[Article | Rejection]) -> list[Result]:
        by_id = {row_id(r): r for r in self.coder.code_many(batch)}
        out = []
        for item in batch:
            result = by_id.get(row_id(item))
            if result is None:  # the coder returns one result per input; never lose one if not
                result = Rejection(getattr(item, "origin", None) or row_id(item), "code",
                                   "no result from the coder", row_id(item))
            sig = None
            if isinstance(result, Coded):
                sig = signature(result.clean_text, cleaned=True) if result.clean_text is not None \
                    else signature(result.article.text)
                result.clean_text = None  # the parent stores the original text; no need to send this back
            out.append((item, result, sig))
        return out


_worker: _BatchCoder | None = None  # in a worker process: its coder (inherited, or built by _init_worker)


def _init_worker(model: str | None, lexicons: list[str]) -> None:
    global _worker
    _worker = _BatchCoder(model, lexicons)
    gc.freeze()  # a spawned worker's own model: kept out of the collector's walks, as in _Coding


def _code_in_worker(batch: list[Article | Rejection]) -> list[Result]:
    return _worker(batch)


class _Coding:
    """Codes batches of inputs, in this process (one worker) or in a pool of worker processes.

    The model is loaded here first; workers are then forked and inherit it (start-up once, not
    once per worker, and model memory shared). Off Linux they are spawned and each loads its own.
    Use as a context manager, entered before opening anything that runs threads."""

    def __init__(self, workers: int, model: str | None, lexicons: list[str]):
        self.workers, self.model, self.lexicons = workers, model, lexicons
        self.coder: _BatchCoder | None = None
        self.pool = None

    def __enter__(self) -> _Coding:
        import multiprocessing

        global _worker
        if self.workers > 1 and not sys.platform.startswith("linux"):  # fork is unsafe on macOS, absent on Windows
            self.pool = multiprocessing.get_context("spawn").Pool(self.workers, _init_worker,
                                                                  (self.model, self.lexicons))
            return self
        self.coder = _BatchCoder(self.model, self.lexicons)
        # the model, lexicon and gazetteer are half a million objects that live as long as the run:
        # frozen, the cyclic garbage collector no longer walks them in every full collection (a
        # quarter second each), and forked workers no longer write to, and so copy, their pages
        gc.freeze()
        if self.workers > 1:
            _worker = self.coder  # what the forked workers inherit
            try:
                self.pool = multiprocessing.get_context("fork").Pool(self.workers)
            finally:
                _worker = None
        return self

    def __exit__(self, *exc) -> None:
        if self.pool is not None:
            self.pool.terminate()
            self.pool.join()
        if self.coder is not None:
            gc.unfreeze()  # the caller's process is as it was

    def __call__(self, items: Iterable[Article | Rejection]) -> Iterator[Result]:
        """Results in input order. Pool.imap would read the whole input ahead, so batches are
        submitted through a bounded window instead."""
        batches = _batched(items, BATCH)
        if self.pool is None:
            for batch in batches:
                yield from self.coder(batch)
            return
        window: deque = deque()
        for batch in batches:
            window.append(self.pool.apply_async(_code_in_worker, (batch,)))
            if len(window) >= self.workers * IN_FLIGHT:
                yield from window.popleft().get()
        while window:
            yield from window.popleft().get()


def _batched(items: Iterable, n: int) -> Iterator[list]:
    batch = []
    for item in items:
        batch.append(item)
        if len(batch) == n:
            yield batch
            batch = []
    if batch:
        yield batch
