"""dyad: code news articles into political events — who did what to whom, when, where, who said it."""
from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__", "load", "read_events"]


def load(model: str | None = None, lexicons=()):
    """Load the English model and the lexicons once; returns a `dyad.coder.Coder`."""
    from .coder import Coder

    return Coder(model=model, lexicons=lexicons)


def read_events(db, **filters):
    """Events of a dyad database as a pandas DataFrame (filters: docs/store.md)."""
    from .store import read_events as _read_events

    return _read_events(db, **filters)
