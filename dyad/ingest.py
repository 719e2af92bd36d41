"""Read source files (txt, HTML, JSON Lines, CSV, WARC) into `Article` records or `Rejection`s.

This is the one edge where messy input is normalised: encodings, gzip, size limits, HTML
main-text extraction. A bad file or line becomes a Rejection and the batch goes on; only a
path named explicitly that does not exist is misuse (raises DyadError E001).

Where the publication date comes from, first found wins: the `published` argument, the
record's own field (JSON Lines, CSV), the HTML metadata (trafilatura), the WARC-Date header.
"""
from __future__ import annotations

import codecs
import csv
import glob
import gzip
import io
import json
import os
import sys
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import IO
from urllib.parse import urlsplit

from .errors import E001, misuse
from .records import Article, Rejection, content_id

__all__ = ["IngestStats", "iter_articles", "article_from_html", "FORMATS"]

# extension (after stripping ".gz") -> reader name
FORMATS = {
    ".txt": "text", ".text": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".csv": "csv",
    ".warc": "warc",
}
_BINARY_PROBE = 8192
_TITLE_MAX = 200
_MIN_MAIN_WORDS = 10  # HTML main text shorter than this is navigation debris, not an article
_GLOB_CHARS = set("*?[")


@dataclass
class IngestStats:
    """Counters updated while `iter_articles` runs (pass one in with `stats=`)."""

    files: int = 0            # files opened (stdin counts as one)
    articles: int = 0         # Article records yielded
    rejected: int = 0         # Rejection records yielded
    skipped_records: int = 0  # WARC records that are not HTML responses/resources
    skipped_files: int = 0    # files with an unknown extension met in a directory walk


def iter_articles(paths: Iterable[str | os.PathLike], *, published: date | None = None,
                  text_column: str = "text", stdin: IO[bytes] | None = None,
                  max_chars: int = 2_000_000,
                  stats: IngestStats | None = None) -> Iterator[Article | Rejection]:
    """Yield one Article or Rejection per input article, in input order.

    Paths may be files, directories (walked recursively, sorted, hidden names skipped),
    glob patterns, or "-" for standard input. Explicit paths are checked before anything
    is read, so a missing one raises DyadError E001 at once.
    """
    targets = [_expand(os.fspath(p)) for p in paths]
    opts = _Options(published, text_column, max_chars, stats if stats is not None else IngestStats())
    return _counted(_iter_targets(targets, stdin, opts), opts.stats)


def article_from_html(html: bytes | str, *, origin: str, url: str | None = None,
                      id: str | None = None, title: str | None = None,
                      source: str | None = None, published: date | None = None,
                      max_chars: int = 2_000_000) -> Article | Rejection:
    """Extract the main text of one HTML page (trafilatura) into an Article.

    Given fields win over what is found in the page; the page's date is used only when
    `published` is None.
    """
    import trafilatura  # heavy import, only when HTML is met

    try:
        doc = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=False,
            include_links=False, include_images=False, favor_precision=True)
    except Exception as exc:  # a malformed page must not stop the batch
        return Rejection(origin, "ingest", f"HTML extraction failed: {type(exc).__name__}: {exc}", id)
    text = (getattr(doc, "text", None) or "") if doc is not None else ""
    if len(text.split()) < _MIN_MAIN_WORDS:  # a stray menu label is not a main text
        return Rejection(origin, "ingest", "no main text found in HTML", id)
    url = url or doc.url
    if published is None and doc.date:
        published = _parse_date(doc.date, strict=False)
    return _article(text, origin=origin, max_chars=max_chars, id=id, url=url,
                    title=title or doc.title or None,
                    source=source or _host(url) or doc.hostname or doc.sitename or None,
                    published=published)


# --- plumbing ---------------------------------------------------------------------------

@dataclass(frozen=True)
class _Options:
    published: date | None
    text_column: str
    max_chars: int
    stats: IngestStats


@dataclass(frozen=True)
class _Target:
    kind: str  # file | dir | stdin
    path: str


def _expand(path: str) -> list[_Target]:
    """Resolve one command-line path into targets; a missing explicit path is misuse."""
    if path == "-":
        return [_Target("stdin", path)]
    if os.path.isdir(path):
        return [_Target("dir", path)]
    if os.path.exists(path):
        return [_Target("file", path)]
    if _GLOB_CHARS & set(path):
        matches = sorted(glob.glob(path, recursive=True))
        if matches:
            return [_Target("dir" if os.path.isdir(m) else "file", m) for m in matches]
    raise misuse(E001, path=path)


def _counted(items: Iterator[Article | Rejection], stats: IngestStats) -> Iterator[Article | Rejection]:
    for item in items:
        if isinstance(item, Article):
            stats.articles += 1
        else:
            stats.rejected += 1
        yield item


def _iter_targets(targets: list[list[_Target]], stdin: IO[bytes] | None,
                  opts: _Options) -> Iterator[Article | Rejection]:
    for group in targets:
        for target in group:
            if target.kind == "stdin":
                opts.stats.files += 1
                yield from _read_stdin(stdin if stdin is not None else sys.stdin.buffer, opts)
            elif target.kind == "dir":
                yield from _walk(target.path, opts)
            else:
                yield from _read_file(target.path, opts, explicit=True)


def _walk(root: str, opts: _Options) -> Iterator[Article | Rejection]:
    """Files under root in sorted path order (a.txt, b/c.txt, z.txt); hidden names skipped."""
    try:
        entries = sorted((e.name, e.is_dir()) for e in os.scandir(root) if not e.name.startswith("."))
    except OSError as exc:
        yield Rejection(root, "ingest", f"unreadable directory: {exc}")
        return
    for name, is_dir in entries:
        path = os.path.join(root, name)
        if is_dir:
            yield from _walk(path, opts)
        else:
            yield from _read_file(path, opts, explicit=False)


def _format_of(path: str) -> tuple[str | None, bool]:
    """(reader name or None, gzipped?) from the file name."""
    name = path.lower()
    gz = name.endswith(".gz")
    if gz:
        name = name[:-3]
    return FORMATS.get(os.path.splitext(name)[1]), gz


def _read_file(path: str, opts: _Options, *, explicit: bool) -> Iterator[Article | Rejection]:
    fmt, gz = _format_of(path)
    if fmt is None:
        if not explicit:
            opts.stats.skipped_files += 1
            return
        fmt = "text"  # an unknown extension named explicitly is read as plain text
    opts.stats.files += 1
    if fmt == "warc":  # warcio reads gzip itself and streams: don't load the file
        yield from _read_warc(path, opts)
        return
    try:
        raw = Path(path).read_bytes()
        if gz:
            raw = gzip.decompress(raw)
    except (OSError, EOFError, ValueError, zlib.error) as exc:
        yield Rejection(path, "ingest", f"unreadable file: {type(exc).__name__}: {exc}")
        return
    if b"\x00" in raw[:_BINARY_PROBE] and not raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        yield Rejection(path, "ingest", "binary file")
        return
    if fmt == "text":
        yield _text_article(_decode(raw), origin=path, opts=opts)
    elif fmt == "html":
        yield article_from_html(raw, origin=path, published=opts.published, max_chars=opts.max_chars)
    elif fmt == "jsonl":
        yield from _read_jsonl(raw.splitlines(), path, opts)
    else:
        yield from _read_csv(_decode(raw), path, opts)


def _read_stdin(stream: IO[bytes], opts: _Options) -> Iterator[Article | Rejection]:
    raw = stream.read()
    origin = "<stdin>"
    first = next((line.strip() for line in raw.splitlines() if line.strip()), b"")
    if first.startswith(b"{"):
        yield from _read_jsonl(raw.splitlines(), origin, opts)
    elif b"\x00" in raw[:_BINARY_PROBE]:
        yield Rejection(origin, "ingest", "binary file")
    else:
        yield _text_article(_decode(raw), origin=origin, opts=opts)


def _decode(raw: bytes) -> str:
    """Bytes to text: UTF-8 (BOM honoured), else cp1252, else latin-1; never fails."""
    for bom, codec in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                       (codecs.BOM_UTF16_BE, "utf-16-be")):
        if raw.startswith(bom):
            return raw[len(bom):].decode(codec, errors="replace")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("cp1252")
    except UnicodeDecodeError:  # cp1252 leaves five bytes undefined; latin-1 maps them all
        return raw.decode("latin-1")


def _text_article(text: str, *, origin: str, opts: _Options, **fields) -> Article | Rejection:
    text = text.replace("\r\n", "\n")
    return _article(text, origin=origin, max_chars=opts.max_chars, title=_title_of(text),
                    published=opts.published, **fields)


def _title_of(text: str) -> str | None:
    """First non-blank line when it looks like a headline: short and without a final period."""
    for line in text.splitlines():
        line = line.strip()
        if line:
            return line if len(line) <= _TITLE_MAX and not line.endswith(".") else None
    return None


def _article(text: str, *, origin: str, max_chars: int, id: str | None = None,
             **fields) -> Article | Rejection:
    if not text.strip():
        return Rejection(origin, "ingest", "empty text", id)
    if len(text) > max_chars:
        return Rejection(origin, "ingest", f"text too long ({len(text)} chars > {max_chars})", id)
    return Article(id=id or content_id(text), text=text, origin=origin, **fields)


# --- one article a record: JSON Lines, CSV ----------------------------------------------

def _read_jsonl(lines: list[bytes], path: str, opts: _Options) -> Iterator[Article | Rejection]:
    for lineno, line in enumerate(lines, 1):
        if line.strip():
            origin = f"{path}:{lineno}"
            try:
                record = json.loads(_decode(line))
            except json.JSONDecodeError as exc:
                yield Rejection(origin, "ingest", f"not valid JSON: {exc.msg} (column {exc.colno})")
                continue
            if not isinstance(record, dict):
                yield Rejection(origin, "ingest", f"not a JSON object but {type(record).__name__}")
                continue
            yield _from_record(record, origin, opts, text_key="text")


def _read_csv(text: str, path: str, opts: _Options) -> Iterator[Article | Rejection]:
    csv.field_size_limit(max(csv.field_size_limit(), 2**31 - 1))
    reader = csv.DictReader(io.StringIO(text, newline=""))
    try:
        header = reader.fieldnames or []
    except csv.Error as exc:
        yield Rejection(path, "ingest", f"bad CSV header: {exc}")
        return
    if opts.text_column not in header:
        yield Rejection(path, "ingest", f"no column {opts.text_column!r} in CSV header {header}")
        return
    row_no = 0
    try:
        for row_no, row in enumerate(reader, 1):
            yield _from_record(row, f"{path}:row {row_no}", opts, text_key=opts.text_column,
                               html_ok=False)
    except csv.Error as exc:
        yield Rejection(f"{path}:row {row_no + 1}", "ingest", f"bad CSV: {exc}")


def _from_record(record: dict, origin: str, opts: _Options, *, text_key: str,
                 html_ok: bool = True) -> Article | Rejection:
    """One JSON object or CSV row to an Article; the record's own fields win over the page's."""
    rid = _str_or_none(record.get("id"))
    text, html = record.get(text_key), record.get("html") if html_ok else None
    if not isinstance(text, str) and not isinstance(html, str):
        what = f"no {text_key!r} or 'html'" if html_ok else f"no {text_key!r}"
        return Rejection(origin, "ingest", f"{what} field with a string value", rid)
    if isinstance(text, str) and not text.strip() and not isinstance(html, str):
        return Rejection(origin, "ingest", "empty text", rid)
    try:
        published = opts.published or _parse_date(record.get("published"))
    except ValueError:
        return Rejection(origin, "ingest", f"bad published date {record.get('published')!r}: "
                         "use YYYY-MM-DD or an ISO datetime", rid)
    url = _str_or_none(record.get("url"))
    source = _str_or_none(record.get("source")) or _str_or_none(record.get("publisher"))
    title = _str_or_none(record.get("title"))
    if isinstance(text, str) and text.strip():
        return _article(text, origin=origin, max_chars=opts.max_chars, id=rid, url=url,
                        title=title, source=source or _host(url), published=published)
    return article_from_html(html, origin=origin, url=url, id=rid, title=title, source=source,
                             published=published, max_chars=opts.max_chars)


def _str_or_none(value) -> str | None:
    if value is None:
        return None
    value = str(value).strip()
    return value or None


def _parse_date(value, *, strict: bool = True) -> date | None:
    """YYYY-MM-DD or an ISO datetime to a date; None/empty to None; else ValueError (or None)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        if not isinstance(value, str):
            raise ValueError(value)
        value = value.strip()
        if len(value) == 10:
            return date.fromisoformat(value)
        return datetime.fromisoformat(value).date()
    except ValueError:
        if strict:
            raise
        return None


def _host(url: str | None) -> str | None:
    if not url:
        return None
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    return host or None


# --- WARC -------------------------------------------------------------------------------

def _read_warc(path: str, opts: _Options) -> Iterator[Article | Rejection]:
    """HTML response/resource records to Articles; other records are skipped and counted.

    warcio stops silently at a cut gzip member, so each record's block is read to its end and
    compared with its Content-Length: a short block means the file was truncated there.
    """
    from warcio.archiveiterator import ArchiveIterator

    n = 0
    try:
        with open(path, "rb") as stream:
            for record in ArchiveIterator(stream):
                if record.format != "warc":  # warcio falls back to ARC parsing on junk
                    raise ValueError(f"record {n + 1} is not a WARC record")
                n += 1
                page = _warc_html(record)
                if page is None:
                    opts.stats.skipped_records += 1
                else:
                    yield _warc_article(record, page, f"{path}#record {n}", opts)
                missing = _drain(record)
                if missing:
                    yield Rejection(path, "ingest", f"truncated WARC after {n} records: record {n} "
                                    f"is {missing} bytes short of its Content-Length")
                    return
        if n == 0:
            yield Rejection(path, "ingest", "not a readable WARC: no WARC records found")
    except Exception as exc:  # warcio raises many types on a cut or corrupt file
        problem = f"{type(exc).__name__}: {exc}"
        if n == 0:
            yield Rejection(path, "ingest", f"not a readable WARC: {problem}")
        else:
            yield Rejection(path, "ingest", f"truncated WARC after {n} records: {problem}")


def _warc_article(record, page: str | bytes, origin: str, opts: _Options) -> Article | Rejection:
    url = record.rec_headers.get_header("WARC-Target-URI")
    found = article_from_html(page, origin=origin, url=url, published=opts.published,
                              max_chars=opts.max_chars)
    if isinstance(found, Article) and found.published is None:  # WARC-Date: the last resort
        warc_date = _parse_date(record.rec_headers.get_header("WARC-Date"), strict=False)
        if warc_date is not None:
            found = replace(found, published=warc_date)
    return found


def _drain(record) -> int:
    """Read what is left of the record's block; return how many bytes it lacks (0: complete)."""
    raw = record.raw_stream
    while raw.read(1 << 16):
        pass
    return max(0, getattr(raw, "limit", 0) or 0)


def _warc_html(record) -> str | bytes | None:
    """The HTML payload of a successful response or resource record, else None.

    The payload is decoded with the HTTP charset when one is declared (trafilatura's own
    guess is worse on legacy CJK pages); otherwise trafilatura gets the bytes.
    """
    if record.rec_type == "response":
        http = record.http_headers
        if http is None or not (http.get_statuscode() or "").startswith("2"):
            return None
        ctype = http.get_header("Content-Type")
    elif record.rec_type == "resource":
        ctype = record.rec_headers.get_header("Content-Type")
    else:
        return None
    if ctype is not None and "html" not in ctype.lower():
        return None
    payload = record.content_stream().read()
    if ctype is None:
        if not payload.lstrip()[:512].lower().startswith((b"<!doctype html", b"<html")):
            return None
        return payload
    charset = _charset(ctype)
    return payload.decode(charset, errors="replace") if charset else payload


def _charset(ctype: str) -> str | None:
    for param in ctype.split(";")[1:]:
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset":
            try:
                return codecs.lookup(value.strip().strip("'\"")).name
            except LookupError:
                return None
    return None
