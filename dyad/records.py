"""Typed records at the edge of the pipeline: what goes in (Article) and what comes out."""
from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from datetime import date


def content_id(text: str) -> str:
    """Stable article id from its text (first 16 hex digits of SHA-1)."""
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


@dataclass(frozen=True)
class Article:
    """One news article as ingested; every offset dyad reports points into `text`."""

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    source: str | None = None  # outlet or publisher
    published: date | None = None
    origin: str | None = None  # where it came from: file path, with :line or #record when inside a file


@dataclass(frozen=True)
class Rejection:
    """An input that could not be coded, with the reason; nothing is dropped silently."""

    origin: str
    stage: str  # ingest | clean | parse | code
    reason: str
    article_id: str | None = None

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class ActorRef:
    """An actor as coded in an event: the text span and its CAMEO-style code."""

    text: str
    start: int
    end: int
    code: str | None
    country: str | None
    sector: str | None
    entity: str | None = None
    how: str = "exact"  # how it was resolved: exact, alias, demonym, capital, seat, title, surname, pronoun, coref, ner

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class Span:
    text: str
    start: int
    end: int

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class Event:
    """One coded event, traceable to its sentence and character offsets."""

    event_id: str
    doc_id: str
    sentence: int
    sentence_text: str
    source: ActorRef | None
    target: ActorRef | None
    trigger: Span
    cameo: str
    cameo_name: str
    quad_class: int
    goldstein: float
    plover: dict
    negated: bool = False
    modality: str = "asserted"  # asserted | intended | hypothetical | reported
    reported_by: ActorRef | None = None
    date: str | None = None
    date_precision: str | None = None
    location: dict | None = None
    confidence: float = 0.5
    rule: str = ""
    coder: str = ""
    extra: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        d = asdict(self)
        extra = d.pop("extra")
        d.update(extra)
        return d
