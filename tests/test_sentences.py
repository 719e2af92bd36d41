"""The sentence suite: the behavioural spec of the coder (tests/data/sentences.yaml).

Each sentence is coded with the real model; every expected (source, CAMEO, target) must be among
the coded events, with the given flags. See the YAML header for the format.
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import yaml

from dyad.evaluate import prediction

pytestmark = pytest.mark.slow

DATA = Path(__file__).parent / "data" / "sentences.yaml"
SENTENCES: list[dict] = yaml.safe_load(DATA.read_text(encoding="utf-8"))

ROOTS = [f"{n:02d}" for n in range(1, 21)]
BEHAVIOURS = ["passive", "coordination", "negation", "intent", "hypothetical", "pronoun", "apposition",
              "metonymy", "possessive", "demonym", "thing", "reported", "role", "surname", "title"]
FLAGS = ("negated", "modality", "reported_by")


def _triple(e: dict) -> tuple:
    p = prediction(e)
    return (p["source"], p["cameo"], p["target"])


def _flags(e: dict) -> dict:
    rb = e.get("reported_by")
    return {"negated": bool(e.get("negated")), "modality": e.get("modality"),
            "reported_by": prediction({"source": rb, "target": None, "cameo": ""})["source"] if rb else None}


def _show(events: list[dict]) -> str:
    if not events:
        return "nothing"
    out = []
    for e in events:
        s, c, t = _triple(e)
        f = _flags(e)
        extra = [k for k in ("negated",) if f[k]] + ([f["modality"]] if f["modality"] != "asserted" else []) + (
            [f"by {f['reported_by']}"] if f["reported_by"] else [])
        out.append(f"{s} {c} {t} [{e['trigger']['text']}]" + (f" ({', '.join(extra)})" if extra else ""))
    return "; ".join(out)


def _param(case: dict):
    # a known gap is kept visible as a strict xfail with its reason, so fixing it turns the suite red
    marks = [pytest.mark.xfail(reason=case["known_gap"], strict=True)] if case.get("known_gap") else []
    return pytest.param(case, id=case["id"], marks=marks)


@pytest.mark.parametrize("case", [_param(s) for s in SENTENCES])
def test_sentence(coder, case):
    events = [e.to_dict() for e in coder.code(case["text"], published=case.get("published"))]
    got = _show(events)
    if case.get("none"):
        assert not events, f"expected no event, got: {got}"
        return
    for exp in case.get("events") or []:
        want = (exp.get("source"), str(exp["cameo"]), exp.get("target"))
        same = [e for e in events if _triple(e) == want]
        assert same, f"missing {want}; got: {got}"
        wanted_flags = {k: exp[k] for k in FLAGS if k in exp}
        if "negated" not in wanted_flags:
            wanted_flags["negated"] = False
        ok = [e for e in same if all(_flags(e)[k] == (bool(v) if k == "negated" else v)
                                     for k, v in wanted_flags.items())]
        assert ok, f"{want} found but flags differ: want {wanted_flags}; got: {got}"
    if case.get("only"):
        real = {_triple(e) for e in events if not e["negated"] and e["modality"] != "hypothetical"}
        expected = {(x.get("source"), str(x["cameo"]), x.get("target")) for x in case["events"]
                    if not x.get("negated") and x.get("modality") != "hypothetical"}
        assert real == expected, f"only {sorted(expected, key=str)} allowed; got: {got}"


def test_suite_covers_roots_and_behaviours():
    assert len(SENTENCES) >= 100
    ids = [s["id"] for s in SENTENCES]
    assert len(ids) == len(set(ids)), "sentence ids must be unique"
    roots = Counter()
    for s in SENTENCES:
        for r in {str(e["cameo"])[:2] for e in s.get("events") or []}:
            roots[r] += 1
    thin = {r: roots[r] for r in ROOTS if roots[r] < 3}
    assert not thin, f"CAMEO roots with fewer than 3 sentences: {thin}"
    tags = Counter(t for s in SENTENCES for t in s.get("behaviour") or [])
    thin = {b: tags[b] for b in BEHAVIOURS if tags[b] < 3}
    assert not thin, f"behaviours with fewer than 3 sentences: {thin}"
    assert sum(1 for s in SENTENCES if s.get("none")) >= 3


def test_expectations_are_well_formed():
    from dyad import cameo

    for s in SENTENCES:
        assert s.get("text"), s["id"]
        assert s.get("events") or s.get("none"), f"{s['id']}: no events and not none"
        for e in s.get("events") or []:
            cameo.lookup(str(e["cameo"]))  # a real CAMEO code
            assert set(e) <= {"source", "cameo", "target", *FLAGS}, f"{s['id']}: unknown key in {e}"
            assert e.get("modality", "asserted") in ("asserted", "intended", "hypothetical", "reported"), s["id"]
