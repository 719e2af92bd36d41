"""Named bodies the lexicon lacks: "the Third World Water Forum", "the Nigerian Bar Association".

spaCy marks them ORG; dyad codes one only when its name says what it is (its head word) and whose
it is (a country or demonym in the name), or when it is plainly civil or transnational (NGO).
A known body's name inside a longer national name ("Iran's National Security Council") is another
body (`NATIONAL_WORDS`, used by actors.py).
"""
from __future__ import annotations

from spacy.tokens import Span

from .actor import Actor

# words that make a known body's name another, national body: "National Security Council", "Supreme Court"
NATIONAL_WORDS = frozenset({"national", "federal", "supreme", "central", "state", "high", "provincial", "regional",
                            "municipal", "republican", "democratic", "revolutionary", "interim", "transitional"})
# names that mark a body as transnational, and head words that mark it as civil society whatever its scope
TRANSNATIONAL = frozenset({"international", "world", "global", "regional", "african", "european", "asian", "arab",
                           "latin", "pan", "third", "islamic", "christian"})
CIVIL_HEADS = frozenset({"foundation", "association", "society", "institute", "observatory", "watch", "network",
                         "forum", "federation", "league", "centre", "center"})
# the head word of a named body the lexicon lacks -> its sector. "NGO": civil society, coded NGO when
# its name has no country; a state body ("the Securities and Exchange Commission") is coded only when
# its name says whose it is.
ORG_WORDS = {
    "forum": "NGO", "association": "NGO", "committee": "NGO", "council": "NGO", "federation": "NGO",
    "league": "NGO", "organization": "NGO", "organisation": "NGO", "foundation": "NGO", "institute": "NGO",
    "society": "NGO", "movement": "NGO", "union": "NGO", "alliance": "NGO", "coalition": "NGO",
    "centre": "NGO", "center": "NGO", "observatory": "NGO", "watch": "NGO", "network": "NGO", "congress": "NGO",
    "commission": "GOV", "agency": "GOV", "office": "GOV", "ministry": "GOV", "authority": "GOV",
    "department": "GOV", "bureau": "GOV", "directorate": "GOV",
    "party": "PTY", "army": "REB", "brigade": "REB", "brigades": "REB",
    "militia": "REB", "court": "JUD", "tribunal": "JUD", "police": "COP",
}


def unknown_body(ent: Span, base: dict, spans: list, memory) -> None:
    """A named body the lexicon lacks ("the Third World Water Forum", "the Syrian Observatory for
    Human Rights"): its kind from its head word, its country from a country or demonym in its
    name; a body of no country is an NGO. Its acronym in brackets after it is the same body."""
    words = [t for t in ent if t.lower_ != "the"]
    inner = [base[t.i] for t in words if t.i in base]
    doc = ent.doc
    if any(c.dep_ == "poss" and not (ent.start <= c.i < ent.end) for c in ent.root.children):
        return  # "the UN's Food and Agriculture Organisation": its owner says whose it is
    if words[-1].i in base or ent.root.i in base:
        return  # "the Russian Federation" is the country the lexicon already knows
    if ent.end + 2 < len(doc) and doc[ent.end].text == "(" and doc[ent.end + 2].text == ")":
        known = base.get(ent.end + 1)
        if known is not None and known.kind == "org":  # "the International Labour Office (ILO)"
            for t in words:
                base[t.i] = known
            return
    if not words or any(a.kind not in ("demonym", "country") for a in inner):
        return  # a known organisation, person or agent is found by its own rules
    sector = next((ORG_WORDS[t.lower_] for t in reversed(words) if t.lower_ in ORG_WORDS), None)
    if sector is None:
        return  # companies, newspapers, teams: not political actors dyad can code
    country = next((a.country for a in inner if a.country and len(a.country) == 3), None)
    if country is None and (sector != "NGO" or not (
            {t.lower_ for t in words} & TRANSNATIONAL or words[-1].lower_ in CIVIL_HEADS)):
        # "the Democratic National Committee", "the North Atlantic Council": a body of no named
        # country is coded NGO only when its name is plainly civil or transnational
        return
    code = (country or "") + sector
    actor = Actor(words[0].i, ent.end, ent.root.i, code[:3], code[3:] or None, ent.text, "named-body", "org",
                  fixed=code)
    for t in ent:
        base[t.i] = actor
    spans.append(Span(doc, words[0].i, ent.end, label=code))
    if ent.end + 2 < len(doc) and doc[ent.end].text == "(" and doc[ent.end + 2].text == ")" and \
            doc[ent.end + 1].is_upper:
        memory.surnames[doc[ent.end + 1].text] = actor  # "(CFVC)"
