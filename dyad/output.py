"""Event records as rows: flat columns for CSV, tables and the store."""
from __future__ import annotations

import csv
import json
from typing import IO, Iterable

ACTOR_FIELDS = ("text", "start", "end", "code", "country", "sector", "entity", "how")
COLUMNS = (
    "event_id", "doc_id", "sentence", "date", "date_precision",
    *(f"source_{f}" for f in ACTOR_FIELDS), "trigger_text", "trigger_start", "trigger_end",
    *(f"target_{f}" for f in ACTOR_FIELDS),
    "cameo", "cameo_name", "quad_class", "goldstein", "plover_type", "plover_mode", "plover_context",
    "negated", "modality", "reported_by_code", "reported_by_text", "location_name", "location_country",
    "location_lat", "location_lon", "confidence", "rule", "coder", "sentence_text",
)


def flatten(event: dict) -> dict:
    """One event record (as in DESIGN.md) as a flat dict with the COLUMNS keys."""
    row = {k: event.get(k) for k in ("event_id", "doc_id", "sentence", "date", "date_precision", "cameo",
                                     "cameo_name", "quad_class", "goldstein", "negated", "modality",
                                     "confidence", "rule", "coder", "sentence_text")}
    for side in ("source", "target"):
        actor = event.get(side) or {}
        for f in ACTOR_FIELDS:
            row[f"{side}_{f}"] = actor.get(f)
    trig = event.get("trigger") or {}
    row.update(trigger_text=trig.get("text"), trigger_start=trig.get("start"), trigger_end=trig.get("end"))
    plover = event.get("plover") or {}
    row.update(plover_type=plover.get("type"), plover_mode=plover.get("mode"),
               plover_context=";".join(plover.get("context") or []))
    rep = event.get("reported_by") or {}
    row.update(reported_by_code=rep.get("code"), reported_by_text=rep.get("text"))
    loc = event.get("location") or {}
    row.update(location_name=loc.get("name"), location_country=loc.get("country"),
               location_lat=loc.get("lat"), location_lon=loc.get("lon"))
    return row


def write_jsonl(events: Iterable[dict], out: IO[str]) -> None:
    for e in events:
        out.write(json.dumps(e, ensure_ascii=False) + "\n")


class CsvWriter:
    """Streams flat event rows as CSV with one header."""

    def __init__(self, out: IO[str]):
        self.writer = csv.DictWriter(out, fieldnames=COLUMNS, extrasaction="ignore")
        self.writer.writeheader()

    def write(self, events: Iterable[dict]) -> None:
        for e in events:
            self.writer.writerow(flatten(e))
