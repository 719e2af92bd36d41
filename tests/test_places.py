"""enrich.places: a place only where the sentence ties it to the event, resolved offline."""
from __future__ import annotations

import pytest

from dyad.enrich.places import find_place, gazetteer

pytestmark = pytest.mark.slow


def event_place(coder, text: str, lemma: str):
    doc = coder.annotate(text)
    for ev in doc._.events:
        tokens = [doc[i] for i in ev.trigger]
        if any(t.lemma_.lower() == lemma or t.lower_ == lemma for t in tokens):
            countries = [a.country for a in (ev.source, ev.target) if a is not None and a.country]
            place = find_place(ev.sentence, tokens, countries)
            if place is not None:
                assert doc.text[place.start_char:place.end_char] == place.text
            return place
    raise AssertionError(f"no event triggered by {lemma!r} in {text!r}")


def test_places_in_a_capital(coder):
    p = event_place(coder, "Kerry met Lavrov in Moscow.", "meet")
    assert (p.name, p.country, p.feature, p.how) == ("Moscow", "RUS", "city", "prep:in")
    assert round(p.lat) == 56 and round(p.lon) == 38


def test_places_landmark_in_a_city(coder):
    p = event_place(coder, "Ban Ki-moon met Kerry at the UN headquarters in New York.", "meet")
    assert (p.name, p.country, p.how) == ("New York City", "USA", "prep:at>in")


def test_places_near(coder):
    p = event_place(coder, "Russian jets bombed rebels near Aleppo.", "bomb")
    assert (p.name, p.country, p.how) == ("Aleppo", "SYR", "prep:near")


def test_places_event_noun(coder):
    p = event_place(coder, "Syria and the opposition held talks in Geneva.", "talks")
    assert (p.name, p.country, p.how) == ("Geneva", "CHE", "noun-event:in")


def test_places_country_has_coordinates(coder):
    p = event_place(coder, "Turkey shot down a Russian jet in Syria.", "shoot")
    assert (p.country, p.feature) == ("SYR", "country") and p.lat is not None


def test_places_qualifier_picks_paris_texas(coder):
    p = event_place(coder, "Kerry met Lavrov in Paris, Texas.", "meet")
    assert (p.country, p.resolved) == ("USA", "qualifier")


def test_places_actor_country_picks_paris_france(coder):
    p = event_place(coder, "Obama met Hollande in Paris.", "meet")
    assert (p.country, p.resolved) == ("FRA", "actor-country")


def test_places_a_well_known_capital_beats_a_small_namesake_in_the_actor_country(coder):
    p = event_place(coder, "Kerry met Lavrov in Moscow.", "meet")
    assert p.country == "RUS"  # not Moscow, Idaho


def test_places_a_place_in_another_clause_is_not_the_event_place(coder):
    assert event_place(coder, "Kerry, who lives in Boston, met Lavrov.", "meet") is None


def test_places_motion_destination(coder):
    p = event_place(coder, "Last night Mr Kerry flew to Moscow.", "fly")
    assert (p.country, p.how) == ("RUS", "prep:to")


def test_places_gazetteer_prefers_actor_country_for_a_domestic_namesake():
    gaz = gazetteer()
    assert gaz.choose("Geneva", ["USA", "RUS"])[0].country == "CHE"
    assert gaz.choose("Paris", ["USA"], qualifier="Texas")[0].country == "USA"
    assert gaz.choose("Paris", [], context=["Texas", "police"])[0].country == "USA"
    assert gaz.choose("Nowhereville", ["USA"]) is None


def test_places_a_lake_named_after_a_country_is_not_that_country(coder):
    # lexicon shared_places.yaml: "Lake Chad" is shared by four states, "Chad" alone is one
    assert event_place(coder, "Boko Haram fighters attacked a village near Lake Chad.", "attack") is None
    p = event_place(coder, "Boko Haram fighters attacked a village in Chad.", "attack")
    assert (p.name, p.country) == ("Chad", "TCD")
