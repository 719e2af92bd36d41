"""`dyad eval`: code gold-standard sentences and score them the way the reference scorer does.

Views (micro-averaged, per-sentence multiset matching, no alignment needed):
  type_plover        PLOVER type ("plover" if given, else from the CAMEO code; 01/02 have none)
  type_cameo_root    2-digit CAMEO root (only sentences whose gold events all carry a CAMEO code)
  source_country / target_country   first three letters of the actor code
  triple_plover      (source country, PLOVER type, target country), '-' for a missing country
  triple_cameo_root  (source country, CAMEO root, target country)
  exact_full_codes   (full source code, full CAMEO code, full target code)
Legacy gold names are normalised: PLOVER 0.5 DISAPPROVE/INVESTIGATE -> ACCUSE, DEMAND -> REQUEST,
FIGHT -> ASSAULT; country codes JAP/ITL/VTN/SCG/YUG/TMP -> JPN/ITA/VNM/SRB/SRB/TLS.
"""
from __future__ import annotations

import json
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

from . import cameo
from .errors import E007, misuse

LEGACY_COUNTRY = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM", "SCG": "SRB", "YUG": "SRB", "TMP": "TLS"}
PLOVER_2021 = {"DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "DEMAND": "REQUEST", "FIGHT": "ASSAULT"}
VIEWS = ("type_plover", "type_cameo_root", "source_country", "target_country", "triple_plover",
         "triple_cameo_root", "exact_full_codes")
CAMEO_VIEWS = ("type_cameo_root", "triple_cameo_root", "exact_full_codes")


def read_jsonl(path: str | Path) -> list[dict]:
    out = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if line.strip():
                try:
                    out.append(json.loads(line))
                except ValueError as e:
                    raise misuse(E007, path=path, line=n, problem=str(e)) from None
    return out


def country(code) -> str | None:
    if not code or not isinstance(code, str):
        return None
    code = code.strip().upper()
    if not code or code.startswith("---") or len(code) < 3:
        return None
    return LEGACY_COUNTRY.get(code[:3], code[:3])


def plover_of(event: dict) -> str | None:
    p = event.get("plover")
    if isinstance(p, dict):
        p = p.get("type")
    if not p and event.get("cameo"):
        try:
            p = cameo.lookup(str(event["cameo"]).strip()).plover_type
        except KeyError:
            p = None
    return PLOVER_2021.get(p.upper(), p.upper()) if p else None


def _root(event: dict) -> str | None:
    c = event.get("cameo")
    return str(c).strip()[:2] if c else None


def _bags(events: list[dict]) -> dict[str, Counter]:
    pl = [plover_of(e) for e in events]
    return {
        "type_plover": Counter(p for p in pl if p),
        "type_cameo_root": Counter(_root(e) for e in events if _root(e)),
        "source_country": Counter(c for c in (country(e.get("source")) for e in events) if c),
        "target_country": Counter(c for c in (country(e.get("target")) for e in events) if c),
        "triple_plover": Counter((country(e.get("source")) or "-", p, country(e.get("target")) or "-")
                                 for e, p in zip(events, pl) if p),
        "triple_cameo_root": Counter((country(e.get("source")) or "-", _root(e), country(e.get("target")) or "-")
                                     for e in events if _root(e)),
        "exact_full_codes": Counter(((e.get("source") or "-").upper(), str(e.get("cameo")).strip(),
                                     (e.get("target") or "-").upper()) for e in events if e.get("cameo")),
    }


def prf(tp: int, npred: int, ngold: int) -> tuple[float, float, float]:
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score(gold: list[dict], preds: list[dict]) -> dict:
    """Score predictions ({"id", "events"} per sentence) against gold; same figures as score.py."""
    by_id: dict[str, list[dict]] = {}
    for o in preds:
        by_id.setdefault(o["id"], []).extend(o.get("events") or [])
    has_cameo = any(e.get("cameo") for g in gold for e in g["events"])
    tot = {v: [0, 0, 0] for v in VIEWS}
    per_type: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    n_cameo = exact = allfound = 0
    confusion: Counter = Counter()
    for g in gold:
        ge, pe = g["events"], by_id.get(g["id"], [])
        cameo_ok = has_cameo and all(e.get("cameo") for e in ge)
        n_cameo += cameo_ok
        gb, pb = _bags(ge), _bags(pe)
        for v in VIEWS:
            if v in CAMEO_VIEWS and not cameo_ok:
                continue
            tot[v][0] += sum((gb[v] & pb[v]).values())
            tot[v][1] += sum(pb[v].values())
            tot[v][2] += sum(gb[v].values())
        gt, pt = gb["type_plover"], pb["type_plover"]
        for t in set(gt) | set(pt):
            per_type[t][0] += min(gt[t], pt[t])
            per_type[t][1] += pt[t]
            per_type[t][2] += gt[t]
        missing, extra = list((gt - pt).elements()), list((pt - gt).elements())
        for k in range(max(len(missing), len(extra))):
            confusion[(missing[k] if k < len(missing) else "-", extra[k] if k < len(extra) else "-")] += 1
        if cameo_ok:
            gs, ps = set(gb["exact_full_codes"]), set(pb["exact_full_codes"])
            exact += gs == ps
            allfound += gs <= ps
    res = {"sentences": len(gold), "sentences_with_cameo_gold": n_cameo,
           "pred_ids_not_in_gold": len(set(by_id) - {g["id"] for g in gold}), "views": {}}
    for v in VIEWS:
        if v in CAMEO_VIEWS and not n_cameo:
            continue
        tp, npd, ng = tot[v]
        p, r, f = prf(tp, npd, ng)
        res["views"][v] = {"tp": tp, "pred": npd, "gold": ng, "P": round(p, 4), "R": round(r, 4), "F1": round(f, 4)}
    if n_cameo:
        res["exact_sentences"] = {"exact_match": exact, "all_gold_found": allfound, "of": n_cameo}
    res["by_plover_type"] = {t: dict(zip(("tp", "pred", "gold", "P", "R", "F1"), v + [round(x, 4) for x in prf(*v)]))
                             for t, v in sorted(per_type.items())}
    res["confusion"] = {f"{a} -> {b}": n for (a, b), n in confusion.most_common()}
    return res


def gold_dates(gold: list[dict]) -> dict[str, date | None]:
    """Each sentence's date; a date shared by every sentence of a file is a placeholder (none)."""
    raw = {g["id"]: str(g.get("date") or "") for g in gold}
    placeholder = len(set(raw.values())) == 1 and len(raw) > 10
    out = {}
    for k, v in raw.items():
        d = None
        if v and not placeholder:
            v = v.replace("-", "")[:8]
            try:
                d = date(int(v[:4]), int(v[4:6]), int(v[6:8]))
            except ValueError:
                d = None
        out[k] = d
    return out


def prediction(event: dict) -> dict:
    """An event record as a scorer prediction; an actor with no country gets the '---' prefix."""
    def code(actor):
        if not actor:
            return None
        if actor.get("country"):
            return actor.get("code")
        return "---" + (actor.get("sector") or "")
    return {"source": code(event.get("source")), "target": code(event.get("target")), "cameo": event["cameo"],
            "plover": (event.get("plover") or {}).get("type")}


def predict(coder, gold: list[dict]) -> tuple[list[dict], dict[str, list[dict]]]:
    """Code every gold sentence; returns scorer predictions and the full event records by id.
    Negated and hypothetical events did not happen, so they are not predictions."""
    from .records import Article, Rejection

    dates = gold_dates(gold)
    articles = [Article(id=g["id"], text=g["text"], published=dates[g["id"]], origin=g["id"]) for g in gold]
    preds, records = [], {}
    for result in coder.code_many(articles):
        if isinstance(result, Rejection):
            preds.append({"id": result.article_id, "events": []})
            continue
        evs = [e.to_dict() for e in result.events if not e.negated and e.modality != "hypothetical"]
        records[result.article.id] = evs
        preds.append({"id": result.article.id, "events": [prediction(e) for e in evs]})
    return preds, records


def format_report(res: dict, by_type: bool = False) -> str:
    lines = [f"sentences scored: {res['sentences']} (with CAMEO gold: {res['sentences_with_cameo_gold']})",
             "%-20s %6s %6s %6s %7s %7s %7s" % ("view", "TP", "pred", "gold", "P", "R", "F1")]
    for v, d in res["views"].items():
        lines.append("%-20s %6d %6d %6d %7.3f %7.3f %7.3f" % (v, d["tp"], d["pred"], d["gold"], d["P"], d["R"], d["F1"]))
    if "exact_sentences" in res:
        x = res["exact_sentences"]
        lines.append(f"sentences with exactly the gold set of (source, CAMEO, target) full codes: "
                     f"{x['exact_match']} / {x['of']}; all gold events found (extras allowed): {x['all_gold_found']} / {x['of']}")
    if by_type:
        lines.append("\nby PLOVER type:")
        for t, d in res["by_plover_type"].items():
            lines.append("  %-12s %4d %4d %4d %7.3f %7.3f %7.3f" % (t, d["tp"], d["pred"], d["gold"], d["P"], d["R"], d["F1"]))
        lines.append("\nPLOVER type confusion (gold -> predicted, unmatched only):")
        for k, n in list(res["confusion"].items())[:25]:
            lines.append(f"  {k}: {n}")
    return "\n".join(lines)


def explain_errors(gold: list[dict], preds: list[dict], records: dict[str, list[dict]]) -> str:
    """Each miss and each false event, grouped by the likely cause."""
    by_id = {p["id"]: p["events"] for p in preds}
    groups: dict[str, list[str]] = defaultdict(list)
    for g in gold:
        ge, pe = g["events"], by_id.get(g["id"], [])
        gkeys = Counter((country(e.get("source")) or "-", plover_of(e) or _root(e), country(e.get("target")) or "-") for e in ge)
        pkeys = Counter((country(e.get("source")) or "-", plover_of(e) or _root(e), country(e.get("target")) or "-") for e in pe)
        missing, extra = gkeys - pkeys, pkeys - gkeys
        if not missing and not extra:
            continue
        got = "; ".join(f"{e['source'] and e['source']['code']} {e['cameo']} {e['target'] and e['target']['code']} "
                        f"[{e['trigger']['text']}] {e['rule']}" for e in records.get(g["id"], [])) or "nothing"
        for (s, t, o) in missing.elements():
            same_type = [k for k in extra if k[1] == t]
            flipped = (o, t, s) in extra
            if flipped:
                cause = "wrong direction"
            elif same_type:
                cause = "actor miscoded or not found"
            elif any(k[0] == s and k[2] == o for k in extra):
                cause = "wrong code"
            elif not pe:
                cause = "trigger not found (no event)"
            else:
                cause = "event missed"
            groups[cause].append(f"{g['id']}: {g['text']}\n    expected {s} {t} {o}; dyad: {got}")
        for (s, t, o) in extra.elements():
            if not any(k[1] == t for k in missing):
                groups["event that should not be there"].append(
                    f"{g['id']}: {g['text']}\n    unexpected {s} {t} {o}; dyad: {got}")
    out = []
    for cause, items in sorted(groups.items(), key=lambda kv: -len(kv[1])):
        out.append(f"\n== {cause} ({len(items)})")
        out.extend(items)
    return "\n".join(out)
