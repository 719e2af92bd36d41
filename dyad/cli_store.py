"""The store commands of `dyad`: ingest, events, sql, export (registered in dyad/cli.py).

Thin: parse flags, call dyad.ingest_run / dyad.store / dyad.export, print, set the exit code.
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import List, Optional

import typer

from .errors import E005, DyadError, misuse

DB_HELP = "DuckDB database file (created when missing)."
TABLE_FORMATS = ("table", "csv", "jsonl")


def _fail(err: DyadError) -> None:
    typer.echo(f"dyad: {err}", err=True)
    raise typer.Exit(2)


def ingest(
    paths: List[str] = typer.Argument(..., help="Files, directories (recursive) or globs: .txt .html .jsonl[.gz] .csv .warc[.gz]."),
    db: Path = typer.Option(Path("events.duckdb"), "--db", help=DB_HELP),
    workers: Optional[int] = typer.Option(None, "--workers", "-w", help="Coding processes (default: the number of cores); 1 codes in this process."),
    published: Optional[str] = typer.Option(None, help="Publication date YYYY-MM-DD for articles that carry none."),
    text_column: str = typer.Option("text", help="CSV column holding the article text."),
    lexicon: List[Path] = typer.Option([], "--lexicon", help="Extra lexicon file(s) of your own."),
    model: Optional[str] = typer.Option(None, help="spaCy model package name."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
) -> None:
    """Code articles into a de-duplicated event database; already stored articles are skipped."""
    from datetime import date

    from .ingest_run import run

    try:
        pub = date.fromisoformat(published) if published else None
    except ValueError:
        _fail(misuse(E005, value=published))
    with _progress(quiet) as on_progress:
        try:
            summary = run(paths, db, workers=workers, published=pub, text_column=text_column,
                          model=model, lexicons=[str(p) for p in lexicon], on_progress=on_progress)
        except DyadError as e:
            _fail(e)
    stages = ", ".join(f"{k} {v}" for k, v in sorted(summary.rejections.items()))
    counts = summary.db
    typer.echo(
        f"read {summary.read}: coded {summary.coded}, rejected {summary.rejected}"
        f"{f' ({stages})' if stages else ''}, already stored {summary.skipped}; "
        f"{summary.mentions} event mentions in {summary.seconds:.1f} s ({summary.rate:.1f} articles/s)\n"
        f"{db}: {counts['articles']} articles, {counts['clusters']} clusters, "
        f"{counts['events']} events from {counts['event_mentions']} mentions", err=True)
    if summary.read and summary.coded == 0 and summary.skipped == 0:
        raise typer.Exit(1)


def events(
    db: Path = typer.Option(Path("events.duckdb"), "--db", help="DuckDB database file."),
    source: Optional[str] = typer.Option(None, help="Source actor code prefix (USA matches USAGOV)."),
    target: Optional[str] = typer.Option(None, help="Target actor code prefix."),
    type: Optional[str] = typer.Option(None, "--type", help="PLOVER event type, e.g. CONSULT."),
    cameo: Optional[str] = typer.Option(None, help="CAMEO code prefix, e.g. 04 or 042."),
    since: Optional[str] = typer.Option(None, help="First event date YYYY-MM-DD."),
    until: Optional[str] = typer.Option(None, help="Last event date YYYY-MM-DD."),
    doc_id: Optional[str] = typer.Option(None, "--doc", help="Only events reported by this article id."),
    limit: Optional[int] = typer.Option(None, help="At most this many events."),
    format: str = typer.Option("table", "--format", "-f", help="table, csv or jsonl."),
) -> None:
    """List de-duplicated events from the database."""
    from .errors import E003
    from .store import read_events

    try:
        if format not in TABLE_FORMATS:
            raise misuse(E003, fmt=format, choices=", ".join(TABLE_FORMATS))
        df = read_events(db, source=source, target=target, type=type, cameo=cameo, since=since,
                         until=until, doc_id=doc_id, limit=limit)
    except DyadError as e:
        _fail(e)
    if format == "csv":
        df.to_csv(sys.stdout, index=False)
    elif format == "jsonl":
        df.to_json(sys.stdout, orient="records", lines=True, date_format="iso", force_ascii=False)
    else:
        _print_events(df)


def sql(
    query: str = typer.Argument(..., help="SQL over the tables articles, events, event_mentions, clusters."),
    db: Path = typer.Option(Path("events.duckdb"), "--db", help="DuckDB database file."),
    format: str = typer.Option("table", "--format", "-f", help="table, csv or jsonl."),
) -> None:
    """Run one read-only SQL query against the database and print the result."""
    import duckdb

    from .store import Store

    try:
        with Store(db, read_only=True) as store:
            df = store.con.execute(query).df()
    except DyadError as e:
        _fail(e)
    except duckdb.Error as e:
        typer.echo(f"dyad: SQL error: {e}", err=True)
        raise typer.Exit(2)
    if format == "csv":
        df.to_csv(sys.stdout, index=False)
    elif format == "jsonl":
        df.to_json(sys.stdout, orient="records", lines=True, date_format="iso", force_ascii=False)
    else:
        _print_frame(df, title=None)


def export(
    format: str = typer.Option(..., "--format", "-f", help="gdelt, polecat, plover-json, parquet, csv or jsonl."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Output file (standard output when omitted; parquet needs a file)."),
    db: Path = typer.Option(Path("events.duckdb"), "--db", help="DuckDB database file."),
    source: Optional[str] = typer.Option(None, help="Source actor code prefix."),
    target: Optional[str] = typer.Option(None, help="Target actor code prefix."),
    type: Optional[str] = typer.Option(None, "--type", help="PLOVER event type."),
    since: Optional[str] = typer.Option(None, help="First event date YYYY-MM-DD."),
    until: Optional[str] = typer.Option(None, help="Last event date YYYY-MM-DD."),
) -> None:
    """Export de-duplicated events as GDELT 2.0, POLECAT, PLOVER JSON, Parquet, CSV or JSON Lines."""
    from .export import export as export_events
    from .store import Store

    try:
        with Store(db, read_only=True) as store:
            n = export_events(store, format, output, source=source, target=target, type=type,
                              since=since, until=until)
    except DyadError as e:
        _fail(e)
    typer.echo(f"exported {n} event(s) as {format}" + (f" to {output}" if output else ""), err=True)


# --- printing -------------------------------------------------------------------------------

class _progress:
    """A rich progress line (articles, articles/s, events, rejections) as an on_progress hook.

    The bar (and its refresh thread) starts at the first report, after the ingest runner has
    forked its workers: a process is not forked while another thread may hold a lock."""

    def __init__(self, quiet: bool):
        self.quiet = quiet
        self.bar = None

    def __enter__(self):
        return None if self.quiet else self.update

    def update(self, s) -> None:
        if self.bar is None:
            from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

            self.bar = Progress(SpinnerColumn(), TextColumn("{task.completed} articles"),
                                TextColumn("{task.fields[rate]:.1f}/s"), TextColumn("{task.fields[events]} events"),
                                TextColumn("{task.fields[rejected]} rejected"),
                                TextColumn("{task.fields[skipped]} already stored"), TimeElapsedColumn(),
                                transient=False)
            self.bar.start()
            self.task = self.bar.add_task("ingest", total=None, rate=0.0, events=0, rejected=0, skipped=0)
        self.bar.update(self.task, completed=s.coded + s.rejected, rate=s.rate, events=s.mentions,
                        rejected=s.rejected, skipped=s.skipped)

    def __exit__(self, *exc) -> None:
        if self.bar is not None:
            self.bar.stop()


def _print_events(df) -> None:
    cols = ["date", "source_code", "cameo", "cameo_name", "target_code", "plover_type",
            "num_articles", "num_sources", "sentence_text"]
    _print_frame(df[cols] if len(df.columns) else df, title=f"{len(df)} events")


def _print_frame(df, title: str | None) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title)
    for col in df.columns:
        table.add_column(str(col), overflow="fold")
    for row in df.itertuples(index=False):
        table.add_row(*("" if v is None or v != v else str(v) for v in row))
    Console(width=200).print(table)
