"""`dyad eval`: the same figures as the reference scorer, and the CI quality gate."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from dyad.evaluate import predict, read_jsonl, score

from conftest import shared_file

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
FLOORS = ROOT / "quality" / "floors.json"
DEV = {"plover_gsr_dev": "plover_gsr_dev.jsonl", "petr2_gsr": "petr2_gsr.jsonl"}


@pytest.fixture(scope="module", params=sorted(DEV))
def scored(request, coder, tmp_path_factory):
    gold_path = shared_file("eval", "dev", DEV[request.param])
    gold = read_jsonl(gold_path)
    preds, _ = predict(coder, gold)
    pred_path = tmp_path_factory.mktemp("eval") / f"{request.param}.pred.jsonl"
    pred_path.write_text("".join(json.dumps(p) + "\n" for p in preds), encoding="utf-8")
    return request.param, gold_path, pred_path, score(gold, preds)


def test_eval_matches_reference_scorer(scored):
    name, gold_path, pred_path, ours = scored
    scorer = gold_path.parent.parent / "score.py"
    out = subprocess.run([sys.executable, str(scorer), str(gold_path), str(pred_path), "--json", "--by-type"],
                         capture_output=True, text=True, check=True)
    ref = json.loads(out.stdout)
    assert ours["views"] == ref["views"]
    assert ours.get("exact_sentences") == ref.get("exact_sentences")
    assert ours["by_plover_type"] == ref["by_plover_type"]


def test_eval_quality_gate(scored):
    name, _, _, ours = scored
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))[name]
    below = {v: (ours["views"][v]["F1"], f) for v, f in floors.items() if ours["views"][v]["F1"] < f}
    assert not below, f"{name}: F1 below the pinned floor (got, floor): {below}"


def test_eval_floors_only_go_up():
    """Each committed version of the floors file is >= the one before, unless its commit says [lower-floor]."""
    log = subprocess.run(["git", "log", "--reverse", "--format=%H%x1f%B%x1e", "--", str(FLOORS)],
                         cwd=ROOT, capture_output=True, text=True)
    if log.returncode != 0:
        pytest.skip("not a git checkout")
    previous = None
    for entry in filter(str.strip, log.stdout.split("\x1e")):
        sha, message = entry.strip().split("\x1f", 1)
        shown = subprocess.run(["git", "show", f"{sha}:{FLOORS.relative_to(ROOT)}"], cwd=ROOT,
                               capture_output=True, text=True)
        if shown.returncode != 0:
            continue
        current = json.loads(shown.stdout)
        if previous is not None and "[lower-floor]" not in message:
            for gold, views in previous.items():
                if gold.startswith("_"):
                    continue
                for view, floor in views.items():
                    assert current.get(gold, {}).get(view, 0) >= floor, f"{sha[:8]} lowered {gold}/{view}"
        previous = current


SYNTHETIC = sorted((Path(__file__).resolve().parent.parent / "quality" / "synthetic").glob("*.jsonl"))
PLOVER_TYPES = {"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
                "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT", "CONCEDE"}


@pytest.mark.parametrize("path", SYNTHETIC, ids=lambda p: p.name)
def test_synthetic_sets_are_well_formed_gold(path):
    """The synthetic sets (docs/scoring.md) are gold files `dyad eval` reads: unique ids, a text, and
    events with a CAMEO code from the table or a PLOVER type of the 2021 ontology."""
    from dyad import cameo
    gold = read_jsonl(path)
    assert len(gold) >= 200 and len({g["id"] for g in gold}) == len(gold)
    for g in gold:
        assert g["text"].strip() and isinstance(g["events"], list), g["id"]
        for e in g["events"]:
            assert set(e) <= {"source", "target", "cameo", "plover"}, (g["id"], e)
            assert e.get("cameo") or e.get("plover"), (g["id"], e)
            if e.get("cameo"):
                assert cameo.lookup(str(e["cameo"])).code[:2] == str(e["cameo"])[:2], (g["id"], e)  # KeyError if unknown
            if e.get("plover"):
                assert e["plover"] in PLOVER_TYPES, (g["id"], e)
