"""Placing actors the text leaves without a country, from the rest of their sentence.

`place_by_context`: agents and titled people take the sentence's one country ("police dispersed
Egyptian demonstrators"), except that armed groups are not placed by the nationality of the people
they act on, nor civilians by a country they act against. `place_ethnic`: an ethnic group is coded to the country the sentence places it in.
`relocate_cities`: a city name two countries share goes to the one the sentence names.
`place_seceded`: a city of a state that broke away is the former state's before independence.
"""
from __future__ import annotations

from collections.abc import Collection
from dataclasses import replace
from datetime import date

from spacy.tokens import Token

from .actor import Actor

# armed and criminal groups: not placed by the nationality of the people they act on
NON_STATE = frozenset({"REB", "UAF", "CRM", "SEP", "INS"})
# organs of a state: government, military, police, courts, legislature, intelligence
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})
BORDERS = frozenset({"border", "frontier", "boundary"})
LARGE_CITY = 100_000  # a city name shared with a smaller town abroad stays the famous one

def place_by_context(sent, resolved: dict[int, list[Actor]], venues: Collection[int] = ()) -> None:
    """Agents and titled people with no country take the sentence's one country, if it names
    exactly one ("Judge Rivera opened investigations against Chilean officials", "police
    dispersed Egyptian demonstrators"). `venues`: tokens naming where an event was, not whose
    it was ("diplomats praised the Minsk agreement"), which place no one."""
    doc = sent.doc
    in_sent = [(i, a) for i, actors in resolved.items() if sent.start <= i < sent.end and i not in venues
               for a in actors
               if (doc[i].head.pos_ in ("NOUN", "PROPN", "VERB", "AUX", "ADP") or doc[i].head.i == i)
               and not _hyphened(doc[i]) and not _neighbour(doc[i])]
    countries = {a.country for _, a in in_sent if a.country and a.country not in ("IGO", "NGO", "IMG")}
    if len(countries) != 1:
        return
    country = next(iter(countries))
    # "protesters rallied against the United States": whom people act against says little about
    # who they are (state organs and armed groups excepted: "rebels fighting against Damascus")
    opposed = all(_against(doc[i]) for i, a in in_sent if a.country == country)
    # a country named, or a state's own agents ("rebels attacked Indian troops"), place rebels; the
    # nationality of the people they act on ("released three Italian engineers") does not
    by_demonym = not any(a.kind == "country" and a.how not in ("demonym", "modifier") or (
        a.kind == "agent" and a.sector in STATE_SECTORS) or a.kind in ("person", "org")
        for _, a in in_sent if a.country == country)

    def placeable(a):
        return a.country is None and a.kind in ("agent", "person") and a.sector and not (
            by_demonym and a.sector in NON_STATE) and not (opposed and a.sector not in NON_STATE | STATE_SECTORS)
    for i, actors in list(resolved.items()):
        if sent.start <= i < sent.end and any(placeable(a) for a in actors):
            resolved[i] = [replace(a, country=country, how=a.how + "+context") if placeable(a) else a
                           for a in actors]


def _hyphened(token: Token) -> bool:
    """"UK" in "a UK-based group", "US" in "US-led forces", and the group and the forces: the
    country places the one noun it modifies, which is often abroad ("US-led forces attacked the
    rebels" says nothing of whose rebels)."""
    doc = token.doc

    def modifier(t: Token) -> bool:
        return t.i + 2 < len(doc) and doc[t.i + 1].text == "-" and doc[t.i + 2].i == t.head.i and t.head.dep_ == "amod"
    return modifier(token) or any(modifier(g) for c in token.children if c.dep_ == "amod" for g in c.children)


def _neighbour(token: Token) -> bool:
    """"Ethiopia" in "the border with Ethiopia": the country across a border, which is not the
    country of whoever stands at it ("the army mobilised reservists on the border with Ethiopia")."""
    while token.dep_ == "conj":
        token = token.head
    prep = token.head
    return token.dep_ == "pobj" and prep.lower_ == "with" and prep.head.lemma_.lower() in BORDERS


def _against(token: Token) -> bool:
    """Is the token inside an "against" phrase ("against the United States", "against Moscow")?"""
    for t in token.ancestors:
        if t.dep_ == "prep" and t.lower_ == "against":
            return True
    return False


def relocate_cities(sent, base: dict[int, Actor]) -> None:
    """A city the lexicon gives to one country, in a sentence that names another country with a
    city of that name at least a tenth as large (and a large city itself), is that other city: "militias in Tripoli ... the
    north Lebanese port" are in Lebanon's Tripoli, not Libya's."""
    from .enrich.places import gazetteer

    named = {a.country for i, a in base.items() if sent.start <= i < sent.end
             and a.how in ("country", "demonym") and a.country and len(a.country) == 3}
    if not named:
        return
    doc, moved = sent.doc, {}
    for i, a in base.items():
        if not (sent.start <= i < sent.end) or a.how not in ("capital", "place") or a.country in named:
            continue
        if (a.start, a.end) not in moved:
            cities = [c for c in gazetteer().candidates(doc[a.start:a.end].text) if c.feature == "city"]
            largest = max((c.population for c in cities), default=0)
            there = {c.country for c in cities if c.country in named and c.population * 10 >= largest
                     and c.population >= LARGE_CITY}  # Geneva, Illinois is no Geneva
            moved[(a.start, a.end)] = next(iter(there)) if len(there) == 1 else None
        country = moved[(a.start, a.end)]
        if country:
            base[i] = replace(a, country=country)  # still a capital or place: only its country changes


def place_seceded(sent, base: dict[int, Actor], when: date | None, seceded: dict[str, tuple[str, date]]) -> None:
    """A city or region of a state that broke away belongs to the state it left in a story from
    before independence ("rebels shelled Juba" in 1992 is Sudan), and in an undated story where the
    sentence names the state it left but not the new one ("Sudanese rebels shelled Juba"). The new
    state's own name and demonyms are never moved."""
    named = {a.country for i, a in base.items() if sent.start <= i < sent.end
             and a.how in ("country", "demonym") and a.country}
    for i, a in list(base.items()):
        if not (sent.start <= i < sent.end) or a.how not in ("capital", "seat", "place") or a.country not in seceded:
            continue
        former, independence = seceded[a.country]
        if when is not None:
            before = when < independence
        else:  # undated: the sentence's own countries tell which state the place was in
            before = former in named and a.country not in named
        if before:
            base[i] = replace(a, country=former)


# "the Albanian population of the province", "the Turkish community in Germany": a people living somewhere
GROUP_NOUNS = frozenset({"population", "minority", "community", "populace"})


def ethnic(token: Token) -> bool:
    """An ethnic group, placed by where the sentence says it lives: "ethnic Albanians", or a people's
    population, minority or community "of"/"in" a place."""
    return any(c.lower_ == "ethnic" for c in token.children) or token.lemma_.lower() in GROUP_NOUNS and any(
        c.dep_ == "prep" and c.lower_ in ("of", "in") and any(g.dep_ == "pobj" for g in c.children)
        for c in token.children)


def place_ethnic(sent, resolved: dict[int, list[Actor]]) -> None:
    """An ethnic group is coded to the country it lives in, when the sentence names one: "ethnic
    Albanians" in a sentence about Macedonia are Macedonia's, "ethnic Russians in Ukraine" Ukraine's.
    Without such a country they keep the country their name comes from."""
    named = sorted((a.head, a.country) for i, actors in resolved.items() if sent.start <= i < sent.end
                   for a in actors if a.how in ("country", "capital", "seat", "place") and a.country
                   and len(a.country) == 3 and a.country not in ("IGO", "NGO", "IMG"))
    for i, actors in list(resolved.items()):
        if sent.start <= i < sent.end and any(a.how == "ethnic" for a in actors):
            out = []
            for a in actors:
                home = next((c for _, c in named if c != a.country), None) if a.how == "ethnic" else None
                out.append(replace(a, country=home, how="ethnic+place") if home else a)
            resolved[i] = out
