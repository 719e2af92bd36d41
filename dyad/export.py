"""Export the de-duplicated events of a store: GDELT 2.0, POLECAT, PLOVER JSON, Parquet, CSV, JSONL.

    n = export(store, "gdelt", "events.CSV", source="USA")   # filters as in Store.read_events

What dyad does not code is left empty, never invented: GDELT's AvgTone, known-group/ethnic/
religion codes, actor geography and FIPS place codes; POLECAT's COW codes, titles, Wikipedia
ids and story-level people/organisations. Events without a PLOVER type (CAMEO 01 statements
and 02 appeals, which PLOVER drops) are left out of the POLECAT and PLOVER exports.
docs/store.md describes each mapping.
"""
from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from . import __version__
from .errors import E003, misuse
from .store import Store

__all__ = ["FORMATS", "GDELT_COLUMNS", "POLECAT_COLUMNS", "PLOVER_FIELDS", "export"]

# GDELT 2.0 Event table (GDELT Event Codebook V2.0): 61 tab-separated columns, no header.
GDELT_COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
    "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code", "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code", "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code", "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
)

# POLECAT weekly files (Harvard Dataverse): 40 tab-separated columns with this header.
POLECAT_COLUMNS = (
    "Event ID", "Event Date", "Event Type", "Event Mode", "Intensity", "Quad Code", "Contexts",
    "Actor Name", "Actor Country", "Actor COW", "Primary Actor Sector", "Actor Sectors",
    "Actor Title", "Actor Name Raw", "Wikipedia Actor ID",
    "Recipient Name", "Recipient Country", "Recipient COW", "Primary Recipient Sector",
    "Recipient Sectors", "Recipient Title", "Recipient Name Raw", "Wikipedia Recipient ID",
    "Placename", "City", "District", "Province", "Country", "Latitude", "Longitude",
    "GeoNames ID", "Raw Placename", "Feature Type",
    "Source", "Publication Date", "Story People", "Story Organizations", "Story Locations",
    "Language", "Version",
)

# PLOVER JSON record fields (PLOVER manual 0.7b1, "JSON Data Fields"), one record a line.
PLOVER_FIELDS = (
    "id", "date", "source", "recipient", "event", "mode", "context", "quad_code", "event_scale",
    "event_text", "event_loc", "text", "text_info", "cite_info", "coder",
    # dyad's own fields, which PLOVER allows beside the standard ones:
    "cameo", "num_mentions", "num_articles", "num_sources", "cluster_id",
)

_COPY_FORMATS = {"parquet": "(FORMAT parquet)", "csv": "(FORMAT csv, HEADER)", "jsonl": "(FORMAT json)"}
FORMATS = ("gdelt", "polecat", "plover-json", *_COPY_FORMATS)


def export(store: Store, fmt: str, out: str | Path | IO[str] | None = None, **filters) -> int:
    """Write the store's events (filtered as in `Store.read_events`) in `fmt`; returns rows written.
    `out` is a path, an open text file, or None for standard output (not for parquet)."""
    if fmt not in FORMATS:
        raise misuse(E003, fmt=fmt, choices=", ".join(FORMATS))
    sql, params = store.events_query(**filters)
    if fmt in _COPY_FORMATS:
        if out is None or not isinstance(out, (str, Path)):
            raise misuse(E003, fmt=f"{fmt} to standard output", choices="give a file with -o")
        return store.con.execute(f"COPY ({sql}) TO '{_quoted(out)}' {_COPY_FORMATS[fmt]}", params).fetchone()[0]
    write = {"gdelt": _write_gdelt, "polecat": _write_polecat, "plover-json": _write_plover}[fmt]
    with _opened(out) as stream:
        return write(_rows(store, sql, params), stream)


# --- GDELT ----------------------------------------------------------------------------------

def gdelt_row(e: dict) -> list:
    """One events row (as from `Store.events_query`) as the 61 GDELT 2.0 fields."""
    day = _ymd(e["date"] or _iso(e["article_published"]))
    published = _ymd(_iso(e["article_published"])) or day
    year, month, dom = (int(day[:4]), int(day[4:6]), int(day[6:])) if day else (None, None, None)
    code = e["cameo"] or ""
    row = {
        "GLOBALEVENTID": int(e["event_id"][:15], 16),  # 60 bits of dyad's id: fits a signed int64
        "SQLDATE": day, "MonthYear": day[:6] if day else "", "Year": day[:4] if day else "",
        "FractionDate": f"{year + (month * 30 + dom) / 365:.4f}" if day else "",
        **_gdelt_actor("Actor1", e, "source"), **_gdelt_actor("Actor2", e, "target"),
        "IsRootEvent": 1 if (e["sentence"] or 0) <= 2 else 0,  # headline or lead
        "EventCode": code, "EventBaseCode": code[:3], "EventRootCode": code[:2],
        "QuadClass": e["quad_class"], "GoldsteinScale": e["goldstein"],
        "NumMentions": e["num_mentions"], "NumSources": e["num_sources"], "NumArticles": e["num_articles"],
        "Actor1Geo_Type": 0, "Actor2Geo_Type": 0,
        "ActionGeo_Type": 4 if e["location_lat"] is not None else 0,  # 4: world city
        "ActionGeo_FullName": e["location_name"], "ActionGeo_Lat": e["location_lat"],
        "ActionGeo_Long": e["location_lon"],
        "DATEADDED": f"{published}000000" if published else "",
        "SOURCEURL": e["article_url"] or e["article_origin"] or "",
    }
    return [_cell(row.get(c)) for c in GDELT_COLUMNS]


def _gdelt_actor(prefix: str, e: dict, side: str) -> dict:
    name = e[f"{side}_entity"] or e[f"{side}_text"]
    return {f"{prefix}Code": e[f"{side}_code"], f"{prefix}Name": name.upper() if name else None,
            f"{prefix}CountryCode": e[f"{side}_country"], f"{prefix}Type1Code": e[f"{side}_sector"]}


def _write_gdelt(rows: Iterator[dict], out: IO[str]) -> int:
    n = 0
    for e in rows:  # GDELT files are plain tab-separated lines, no quoting
        out.write("\t".join(gdelt_row(e)) + "\n")
        n += 1
    return n


# --- POLECAT --------------------------------------------------------------------------------

def polecat_row(e: dict) -> list:
    """One events row as the 40 POLECAT columns."""
    row = {
        "Event ID": e["event_id"], "Event Date": e["date"], "Event Type": e["plover_type"],
        "Event Mode": e["plover_mode"], "Intensity": e["goldstein"], "Quad Code": e["quad_class"],
        "Contexts": e["plover_context"],
        **_polecat_actor("Actor", e, "source"), **_polecat_actor("Recipient", e, "target"),
        "Placename": e["location_name"], "Country": e["location_country"],
        "Latitude": e["location_lat"], "Longitude": e["location_lon"], "Raw Placename": e["location_name"],
        "Source": e["article_source"], "Publication Date": _iso(e["article_published"]),
        "Language": "en", "Version": e["coder"],
    }
    return [_cell(row.get(c)) for c in POLECAT_COLUMNS]


def _polecat_actor(prefix: str, e: dict, side: str) -> dict:
    return {f"{prefix} Name": e[f"{side}_entity"] or e[f"{side}_text"],
            f"{prefix} Country": e[f"{side}_country"],
            f"Primary {prefix} Sector": e[f"{side}_sector"], f"{prefix} Sectors": e[f"{side}_sector"],
            f"{prefix} Name Raw": e[f"{side}_text"]}


def _write_polecat(rows: Iterator[dict], out: IO[str]) -> int:
    writer = csv.writer(out, delimiter="\t", lineterminator="\n")
    writer.writerow(POLECAT_COLUMNS)
    n = 0
    for e in rows:
        if e["plover_type"]:
            writer.writerow(polecat_row(e))
            n += 1
    return n


# --- PLOVER JSON ----------------------------------------------------------------------------

def plover_record(e: dict) -> dict:
    """One events row as a PLOVER JSON record."""
    location = None
    if e["location_name"]:
        location = {"name": e["location_name"], "cc3": e["location_country"],
                    "latitude": e["location_lat"], "longitude": e["location_lon"]}
    record = {
        "id": e["event_id"], "date": e["date"],
        "source": _plover_actors(e, "source"), "recipient": _plover_actors(e, "target"),
        "event": [e["plover_type"]], "mode": [e["plover_mode"]] if e["plover_mode"] else [],
        "context": [c for c in (e["plover_context"] or "").split(";") if c],
        "quad_code": e["quad_class"], "event_scale": e["goldstein"],
        "event_text": [e["trigger_text"]], "event_loc": location,
        "text": e["sentence_text"],
        # offsets are character offsets into the article text as ingested (doc_id)
        "text_info": {"sequence": e["sentence"], "doc_id": e["doc_id"],
                      "start": e["trigger_start"], "end": e["trigger_end"],
                      "source_start": e["source_start"], "source_end": e["source_end"],
                      "recipient_start": e["target_start"], "recipient_end": e["target_end"]},
        "cite_info": {"url": e["article_url"], "title": e["article_title"],
                      "publication": e["article_source"], "language": "en", "coder": e["coder"],
                      "codebook": "CAMEO 1.1b3 with the PLOVER 2021 crosswalk",
                      "version": f"dyad {__version__}"},
        "coder": e["coder"],
        "cameo": e["cameo"], "num_mentions": e["num_mentions"], "num_articles": e["num_articles"],
        "num_sources": e["num_sources"], "cluster_id": e["cluster_id"],
    }
    return record


def _plover_actors(e: dict, side: str) -> list[dict]:
    if e[f"{side}_text"] is None and e[f"{side}_code"] is None:
        return []
    return [{"code": e[f"{side}_country"] or (e[f"{side}_code"] or "")[:3] or None,
             "sector": e[f"{side}_sector"], "actor_text": e[f"{side}_text"],
             "identifier_text": e[f"{side}_entity"], "dyad_code": e[f"{side}_code"]}]


def _write_plover(rows: Iterator[dict], out: IO[str]) -> int:
    n = 0
    for e in rows:
        if e["plover_type"]:
            out.write(json.dumps(plover_record(e), ensure_ascii=False) + "\n")
            n += 1
    return n


# --- plumbing -------------------------------------------------------------------------------

def _rows(store: Store, sql: str, params: list) -> Iterator[dict]:
    cur = store.con.cursor()  # its own cursor: rows stream while nothing else runs on it
    cur.execute(sql, params)
    names = [d[0] for d in cur.description]
    while batch := cur.fetchmany(5000):
        for values in batch:
            yield dict(zip(names, values))


@contextmanager
def _opened(out: str | Path | IO[str] | None):
    if out is None:
        yield sys.stdout
    elif isinstance(out, (str, Path)):
        with open(out, "w", encoding="utf-8", newline="") as f:
            yield f
    else:
        yield out


def _cell(value) -> str:
    if value is None:
        return ""
    return str(value).replace("\t", " ").replace("\n", " ").replace("\r", " ")


def _ymd(iso: str | None) -> str:
    """'2018-07-16' -> '20180716'; a month or year precision date is padded with 01."""
    if not iso:
        return ""
    parts = (iso[:10].split("-") + ["01", "01"])[:3]
    return "".join(p.zfill(2) for p in parts)


def _iso(value) -> str | None:
    return value.isoformat() if hasattr(value, "isoformat") else value


def _quoted(path: str | Path) -> str:
    return str(path).replace("'", "''")
