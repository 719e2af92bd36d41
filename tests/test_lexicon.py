"""The lexicons: coverage the issue asks for, validation that points at the bad row, dated roles."""
from __future__ import annotations

from datetime import date

import pytest

from dyad import cameo
from dyad.errors import DyadError
from dyad.lexicon import NO_EVENT, Lexicon, Person, Role, load, load_agents, load_countries, load_triggers


@pytest.fixture(scope="module")
def lex() -> Lexicon:
    return load()


def test_lexicon_countries_cover_un_members(lex):
    import pycountry

    un_non_members = {"ATA", "ASM", "AIA", "ABW", "BMU", "BES", "BVT", "IOT", "CYM", "CXR", "CCK", "COK", "CUW", "FLK",
                      "FRO", "GUF", "PYF", "ATF", "GIB", "GRL", "GLP", "GUM", "GGY", "HMD", "VAT", "HKG", "IMN", "JEY",
                      "MAC", "MTQ", "MYT", "MSR", "NCL", "NIU", "NFK", "MNP", "PSE", "PCN", "PRI", "REU", "BLM", "SHN",
                      "MAF", "SPM", "SXM", "SGS", "SJM", "TWN", "TKL", "TCA", "UMI", "VGB", "VIR", "WLF", "ESH", "ALA"}
    members = {c.alpha_3 for c in pycountry.countries} - un_non_members
    assert len(members) == 193
    assert members <= set(lex.countries)


def test_lexicon_organisations_and_groups(lex):
    orgs = {e.entity: e for e in lex.phrases.values() if e.kind == "org"}
    igos = [e for e in orgs.values() if e.org_kind == "igo"]
    armed = [e for e in orgs.values() if e.org_kind == "armed"]
    assert len(igos) >= 60 and len(armed) >= 60
    assert lex.phrases["NATO"].code.startswith("IGO")
    assert lex.phrases["Hezbollah"].country == "LBN"


def test_lexicon_people_agents_triggers_sizes(lex):
    people = {e.person.name for e in lex.phrases.values() if e.kind == "person"}
    assert len(people) >= 500
    assert sum(len(v) for v in lex.agents.values()) >= 150
    patterns = [p for v in lex.triggers.values() for p in v]
    assert len(patterns) >= 800
    assert {p.cameo[:2] for p in patterns if p.cameo != NO_EVENT} == {f"{i:02d}" for i in range(1, 21)}
    assert any(p.cameo == NO_EVENT for p in patterns)  # the idioms (triggers/idioms.tsv)


def test_lexicon_phrase_matching_is_leftmost_longest(lex):
    hits = lex.find_phrases("The Russian Federation and the United States of America met.")
    names = [("The Russian Federation and the United States of America met."[a:b], e.country) for a, b, e in hits]
    assert ("Russian Federation", "RUS") in names
    assert ("United States of America", "USA") in names


def test_lexicon_phrase_matching_respects_word_boundaries(lex):
    assert not [h for h in lex.find_phrases("USAID and Iranians") if h[2].country == "USA" and h[1] - h[0] == 2]


def test_lexicon_role_at_date():
    kerry = Person("John Kerry", (Role("USALEG", date(1985, 1, 3), date(2013, 2, 1)),
                                  Role("USAGOV", date(2013, 2, 1), date(2017, 1, 20)),
                                  Role("USAELI", date(2017, 1, 20), None)))
    assert kerry.role_at(date(2010, 5, 1)).code == "USALEG"
    assert kerry.role_at(date(2015, 12, 15)).code == "USAGOV"
    assert kerry.role_at(date(2019, 1, 1)).code == "USAELI"
    assert kerry.role_at(date(1970, 1, 1)).code == "USALEG"  # before the first role: the first role
    assert kerry.role_at(None).code == "USALEG"  # no date: the role held longest


def test_lexicon_kerry_roles_in_data(lex):
    kerry = lex.phrases["John Kerry"].person
    assert kerry.role_at(date(2012, 6, 1)).code == "USALEG"
    assert kerry.role_at(date(2015, 12, 15)).code == "USAGOV"


def test_lexicon_bad_trigger_code_names_file_and_line(tmp_path):
    bad = tmp_path / "mine.tsv"
    bad.write_text("# comment\nvisit\t042\nbomb\t999\n", encoding="utf-8")
    with pytest.raises(DyadError) as err:
        load_triggers(Lexicon(), bad)
    assert err.value.code == "E002" and "mine.tsv:3" in str(err.value) and "999" in str(err.value)


def test_lexicon_bad_agent_sector(tmp_path):
    bad = tmp_path / "agents.tsv"
    bad.write_text("soldier\tmilitary\n", encoding="utf-8")
    with pytest.raises(DyadError, match="agents.tsv:1"):
        load_agents(Lexicon(), bad)


def test_lexicon_bad_yaml_points_at_line(tmp_path):
    bad = tmp_path / "countries.yaml"
    bad.write_text("- code: RUS\n  name: [unclosed\n", encoding="utf-8")
    with pytest.raises(DyadError, match="countries.yaml"):
        load_countries(Lexicon(), bad)


def test_lexicon_seceded_states(lex, tmp_path):
    assert lex.seceded["SSD"] == ("SDN", date(2011, 7, 9)) and lex.seceded["ERI"][0] == "ETH"
    bad = tmp_path / "countries.yaml"
    bad.write_text("- code: SSD\n  name: South Sudan\n  seceded: {from: SDN, on: 2011-07-09}\n", encoding="utf-8")
    with pytest.raises(DyadError, match="independence"):  # YAML reads a bare `on` key as True
        load_countries(Lexicon(), bad)


def test_lexicon_user_file_extends_package(tmp_path):
    mine = tmp_path / "my_people.yaml"
    mine.write_text("- name: Jane Q. Example\n  standalone: [Example]\n  roles:\n"
                    "    - {code: FRAGOV, from: 2020-01-01}\n", encoding="utf-8")
    lex = load([mine])
    assert lex.phrases["Example"].person.role_at(date(2021, 1, 1)).code == "FRAGOV"


def test_lexicon_triggers_parse_particles_and_objects(lex):
    pats = {(" ".join((p.head, *p.objects, *p.preps))): p for p in lex.triggers[("impose", False)]}
    p = next(p for p in lex.triggers[("impose", False)] if p.objects == ("sanction",) and p.target_prep == "on")
    assert p.cameo.startswith("16") and pats


def test_lexicon_cameo_table_complete():
    table = cameo.table()
    assert len(table) == 311
    assert table["042"].name == "Make a visit" and table["042"].plover_type == "CONSULT"
    assert table["0874"].plover_type == "RETREAT" and table["190"].quad_class == 4
    assert cameo.lookup("1999").code == "19"  # unknown sub-code falls back to its parent


def test_lexicon_duplicate_trigger_pattern_is_an_error(tmp_path):
    bad = tmp_path / "mine.tsv"
    bad.write_text("impose sanction on\t163\nimpose sanction on\t172\n", encoding="utf-8")
    with pytest.raises(DyadError, match="mine.tsv:2.*already defined at mine.tsv:1"):
        load_triggers(Lexicon(), bad)


def test_lexicon_trigger_alternatives_expand_and_never_override(tmp_path):
    mine = tmp_path / "mine.tsv"
    mine.write_text("send aid to\t070\n{send,ship} {aid,food} to\t073\nforce issue\tnone\n", encoding="utf-8")
    lex = Lexicon()
    load_triggers(lex, mine)
    def code(head, *rest):
        return next(p.cameo for p in lex.triggers[(head, False)] if p.objects + p.preps == rest)
    # four patterns, but the row written before keeps "send aid to"
    assert code("send", "aid", "to") == "070"
    assert code("send", "food", "to") == code("ship", "aid", "to") == code("ship", "food", "to") == "073"
    assert code("force", "issue") == NO_EVENT  # an idiom: no event
    bad = tmp_path / "bad.tsv"
    bad.write_text("{send,} aid\t070\n", encoding="utf-8")
    with pytest.raises(DyadError, match="bad.tsv:1.*empty alternative"):
        load_triggers(Lexicon(), bad)


def test_lexicon_surnames_skip_suffixes_numerals_and_epithets(lex):
    # a later "Marcos" or "Carter" is the person; "One", "II", "Jr." are nobody's surname
    assert any(p.name == "Ferdinand Marcos Jr." for p in lex.surnames["Marcos"])
    assert any(p.name == "Jimmy Carter" for p in lex.surnames["Carter"])
    for word in ("One", "II", "I", "Jr.", "Jr", "In", "Un"):
        assert not lex.surnames.get(word), word


def test_lexicon_giver_preposition_marks_the_source(tmp_path):
    path = tmp_path / "gifts.tsv"
    path.write_text("receive tank <from\t072\n", encoding="utf-8")
    lex = Lexicon()
    load_triggers(lex, path)
    (pattern,) = lex.triggers[("receive", False)]
    assert pattern.source_prep == "from" and pattern.target_prep is None and pattern.objects == ("tank",)
    bad = tmp_path / "bad.tsv"
    bad.write_text("receive tank <tank\t072\n", encoding="utf-8")
    with pytest.raises(DyadError, match="one preposition"):
        load_triggers(Lexicon(), bad)


def test_lexicon_reads_a_country_misspelt_by_one_letter(lex):
    found = {w: (e.kind, e.country) if e else None for w in
             ("Ethopia", "Isreali", "Venezuala", "Finish", "Lebannon", "Iraq", "Olivia", "Roland", "Russia", "Phillipines")
             for e in [lex.misspelled(w)]}
    assert found == {
        "Ethopia": ("country", "ETH"), "Isreali": ("demonym", "ISR"), "Venezuala": ("country", "VEN"),
        "Finish": ("demonym", "FIN"), "Lebannon": ("country", "LBN"),
        "Iraq": None,         # a real name is never a misspelling of another
        "Olivia": None,       # the first letter is never the typo (Bolivia)
        "Roland": None,       # (Poland)
        "Russia": None,       # spelt right: the lexicon reads it
        "Phillipines": None,  # two letters off
    }
