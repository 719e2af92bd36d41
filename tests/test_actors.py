"""Actor resolution on real parses: names, metonymy, demonyms, possessives, titles, pronouns, dates."""
from __future__ import annotations

from datetime import date

import pytest

from dyad.actors import actors_of

pytestmark = pytest.mark.slow


def _actors(coder, text, published=None):
    """{token text: [codes]} for every noun-phrase head that resolved to an actor."""
    doc = coder.annotate(text, published)
    out = {}
    for token in doc:
        found = actors_of(doc, token)
        if found:
            out.setdefault(token.text, []).extend(a.code for a in found)
    return out, doc


def test_actors_capital_stands_for_government(coder):
    found, _ = _actors(coder, "Moscow has refused to confirm the date.")
    assert found["Moscow"] == ["RUSGOV"]


def test_actors_seat_of_government(coder):
    found, _ = _actors(coder, "The Kremlin said the talks failed, and the Pentagon denied it.")
    assert found["Kremlin"] == ["RUSGOV"] and found["Pentagon"] == ["USAMIL"]


def test_actors_demonym_and_agent(coder):
    found, _ = _actors(coder, "Russian officials met Syrian government forces and Turkish police.")
    assert found["officials"] == ["RUSGOV"]
    assert found["forces"] == ["SYRMIL"]
    assert found["police"] == ["TURCOP"]


def test_actors_thing_is_not_the_government(coder):
    found, _ = _actors(coder, "Russia seized a Turkish fishing ship.")
    assert found["ship"] == ["TUR"]


def test_actors_possessive(coder):
    found, _ = _actors(coder, "Russia's foreign ministry said the talks failed.")
    assert found["ministry"] == ["RUSGOV"]


def test_actors_agent_of_country(coder):
    found, _ = _actors(coder, "The government of Syria and officials from Iran met.")
    assert found["government"] == ["SYRGOV"] and found["officials"] == ["IRNGOV"]


def test_actors_time_aware_roles(coder):
    text = "John Kerry met the delegation."
    assert _actors(coder, text, date(2010, 6, 1))[0]["Kerry"] == ["USALEG"]
    assert _actors(coder, text, date(2015, 12, 15))[0]["Kerry"] == ["USAGOV"]
    assert _actors(coder, text, date(2019, 6, 1))[0]["Kerry"] == ["USAELI"]


def test_actors_title_codes_unknown_person(coder):
    found, _ = _actors(coder, "Chief Palestinian negotiator Hamid Qarawi rejected the plan. Later Qarawi met the envoy.")
    assert found["Qarawi"] == ["PSEGOV", "PSEGOV"]


def test_actors_apposition_codes_unknown_person(coder):
    found, _ = _actors(coder, "Tomas Verhaal, the Dutch foreign minister, criticised the decision.")
    assert found["Verhaal"] == ["NLDGOV"]


def test_actors_title_with_country(coder):
    found, _ = _actors(coder, "The US Secretary of State met his Russian counterpart.", date(2015, 12, 15))
    assert "USAGOV" in found["Secretary"] and found["counterpart"] == ["RUSGOV"]


def test_actors_pronoun_resolves_to_earlier_person(coder):
    found, _ = _actors(coder, "Vladimir Putin spoke on Monday. He later met the German chancellor.", date(2015, 1, 1))
    assert found["He"] == ["RUSGOV"]


def test_actors_two_countries(coder):
    found, _ = _actors(coder, "Armenia and Azerbaijan fought for weeks. The two countries agreed to a truce.")
    assert sorted(found["countries"]) == ["ARM", "AZE"]


def test_actors_organisation_and_armed_group(coder):
    found, _ = _actors(coder, "The United Nations condemned the Islamic State and Hezbollah.")
    assert found["Nations"][0].startswith("IGO")
    assert found["State"][0].startswith("IMG")
    assert found["Hezbollah"][0].startswith("LBN")


def test_actors_agent_with_organisation(coder):
    found, _ = _actors(coder, "A UN envoy arrived in Aden.")
    assert found["envoy"] == [_actors(coder, "The United Nations said nothing.")[0]["Nations"][0]]


def test_actors_recorded_in_doc_spans(coder):
    _, doc = _actors(coder, "Moscow refused.")
    assert [(s.text, s.label_) for s in doc.spans["actors"]] == [("Moscow", "RUSGOV")]


def test_actors_pronoun_does_not_reach_far_back(coder):
    text = ("Vladimir Putin spoke on Monday. The weather was cold. Markets were calm. Trains ran late. "
            "He later met the German chancellor.")
    found, _ = _actors(coder, text, date(2015, 1, 1))
    assert "He" not in found


def test_actors_their_in_the_same_sentence_is_the_coordinated_pair(coder):
    found, _ = _actors(coder, "Donald Trump and Vladimir Putin sat down for their first summit.", date(2018, 7, 16))
    assert sorted(found["their"]) == ["RUSGOV", "USAGOV"]
