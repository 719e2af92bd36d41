"""Shared fixtures: the real coder (loaded once a session) and the ../shared corpora when present."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
# the on-disk lexicon/gazetteer cache (dyad.cache) of a test run is its own, not the user's
os.environ.setdefault("DYAD_CACHE_DIR", tempfile.mkdtemp(prefix="dyad-test-cache-"))


@pytest.fixture(scope="session")
def coder():
    """The real coder (spaCy model + lexicons), loaded once for the whole session."""
    import dyad

    return dyad.load()


def shared_file(*parts: str) -> Path:
    """A file under ../shared, or a skip naming what is missing (CI always has ../shared)."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is missing: this test reads third-party data from ../shared")
    return path
