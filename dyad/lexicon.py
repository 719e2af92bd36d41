"""Lexicons as data: read and validate the files under dyad/data (and a user's own) once.

Actor phrases (countries, demonyms, capitals, seats of government, places, organisations,
people) become one case-sensitive Aho-Corasick automaton; agent nouns and event triggers
become lookup tables keyed by lemma. A bad row fails loudly, naming the file and the row.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path

import ahocorasick
import yaml

from . import cameo
from .errors import E002, misuse

PREPOSITIONS = frozenset(
    "about across after against along around at away back by down for from in into of off on onto "
    "out over through to toward towards under up upon with within without".split())
# the code of an idiom pattern: the words look like an event and are none ("forcing the issue",
# "defied expectations"); the most specific matching pattern wins, so an idiom silences the head
NO_EVENT = "none"
CODE_RE = re.compile(r"^[A-Z]{3}([A-Z0-9]{3}){0,3}$")
SECTOR_RE = re.compile(r"^[A-Z]{3}$")


@dataclass(frozen=True)
class Role:
    code: str
    start: date | None
    end: date | None
    title: str | None = None


@dataclass(frozen=True)
class Person:
    name: str
    roles: tuple[Role, ...]

    def role_at(self, when: date | None) -> Role:
        """The role held on `when`; without a date, the role held longest."""
        if when is None:  # no date: the office held longest (a person is news for an office, not retirement)
            def length(r: Role) -> int:
                start = r.start or date(1900, 1, 1)
                return ((r.end or date(2026, 1, 1)) - start).days
            offices = [r for r in self.roles if r.code[3:6] != "ELI"] or list(self.roles)
            return max(offices, key=length)
        for role in self.roles:
            if (role.start is None or role.start <= when) and (role.end is None or when < role.end):
                return role
        if self.roles[0].start and when < self.roles[0].start:
            return self.roles[0]
        return self.roles[-1]

    @property
    def surname(self) -> str:
        return self.name.split()[-1]


@dataclass(frozen=True)
class Entry:
    """What a dictionary phrase means."""

    kind: str  # country | demonym | capital | seat | place | org | person | shared (a place of no one country)
    country: str | None = None
    sector: str | None = None
    entity: str | None = None
    code: str | None = None  # a fixed code (organisations)
    person: Person | None = None
    org_kind: str | None = None


@dataclass(frozen=True)
class TriggerPattern:
    head: str
    noun: bool
    preps: tuple[str, ...]
    objects: tuple[str, ...]
    cameo: str
    origin: str

    @property
    def target_prep(self) -> str | None:
        return self.preps[-1] if self.preps and self.last_is_prep and self.preps[-1] != self.source_prep else None

    @property
    def specificity(self) -> int:
        return len(self.preps) + 2 * len(self.objects)

    last_is_prep: bool = False
    # "receive weapon <from": the object of this preposition is the source (the giver) and the
    # clause's subject the target ("Ukraine received weapons from the US" is the US arming Ukraine)
    source_prep: str | None = None


@dataclass
class Lexicon:
    phrases: dict[str, Entry] = field(default_factory=dict)
    agents: dict[str, list[tuple[tuple[str, ...], str]]] = field(default_factory=lambda: defaultdict(list))
    triggers: dict[tuple[str, bool], list[TriggerPattern]] = field(default_factory=lambda: defaultdict(list))
    trigger_forms: set[str] = field(default_factory=set)  # word forms that can trigger on their own
    object_forms: set[str] = field(default_factory=set)  # forms of trigger patterns' objects ("ties", "pact")
    # word forms of heads that only trigger with an object ("hold" -> talks, meeting...): form -> object forms
    object_triggers: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    # every inflection of a verb trigger head -> the heads ("reopened" -> reopen), for words the model
    # cannot lemmatize ("re-opened" is "re-opene" to it)
    verb_heads: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    agent_forms: set[str] = field(default_factory=set)
    speech_forms: set[str] = field(default_factory=set)  # said, says, told ...: statement sentences get parsed
    countries: dict[str, str] = field(default_factory=dict)  # code -> name
    seceded: dict[str, tuple[str, date]] = field(default_factory=dict)  # "SSD" -> ("SDN", 2011-07-09)
    surnames: dict[str, list[Person]] = field(default_factory=lambda: defaultdict(list))  # "Bush" -> both Bushes
    # one-word country names and demonyms, and each with one letter left out -> the names (misspellings)
    spellings: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    automaton: ahocorasick.Automaton | None = None

    def add_phrase(self, text: str, entry: Entry) -> None:
        text = text.strip()
        if text.lower().startswith("the "):
            text = text[4:]
        if not text:
            return
        old = self.phrases.get(text)
        # a country's own names beat people and places that share them
        if old is None or _RANK[entry.kind] < _RANK[old.kind]:
            self.phrases[text] = entry

    def finish(self) -> "Lexicon":
        auto = ahocorasick.Automaton()
        for text, entry in self.phrases.items():
            auto.add_word(text, (len(text), text))
        auto.make_automaton()
        self.automaton = auto
        for key in self.triggers:
            self.triggers[key].sort(key=lambda p: -p.specificity)
        for head in self.agents:
            self.agents[head].sort(key=lambda a: -len(a[0]))
        for text, entry in self.phrases.items():
            if entry.kind in ("country", "demonym") and len(text) >= MIN_SPELLING and text.isalpha():
                for variant in (text, *_one_letter_less(text)):
                    self.spellings[variant].add(text)
        return self

    def misspelled(self, word: str) -> Entry | None:
        """The country or demonym that `word` misspells by one letter ("Ethopia", "Venezualan",
        "Isreali": one letter left out, added, changed, or two swapped, never the first), if exactly
        one. Names of fewer than MIN_SPELLING letters are never guessed ("Iran" and "Iraq" are one
        letter apart)."""
        if len(word) < MIN_SPELLING - 1 or not word.isalpha() or not word[0].isupper() or word in self.phrases:
            return None
        found = {name for variant in (word, *_one_letter_less(word)) for name in self.spellings.get(variant, ())
                 if name[0] == word[0] and _one_edit(word, name)}  # "Olivia" is no Bolivia, "Roland" no Poland
        return self.phrases[found.pop()] if len(found) == 1 else None

    def find_phrases(self, text: str) -> list[tuple[int, int, Entry]]:
        """Leftmost-longest non-overlapping phrase matches (start, end, entry) in `text`."""
        if not self.phrases:
            return []
        hits = []
        for end, (n, phrase) in self.automaton.iter(text):
            start = end - n + 1
            if (start > 0 and (text[start - 1].isalnum())) or (end + 1 < len(text) and text[end + 1].isalnum()):
                continue
            hits.append((start, end + 1, self.phrases[phrase]))
        hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
        out, last = [], -1
        for h in hits:
            if h[0] >= last:
                out.append(h)
                last = h[1]
        return out


MIN_SPELLING = 6  # letters a country name or demonym needs before a misspelling of it is read


def _one_letter_less(word: str) -> list[str]:
    return [word[:i] + word[i + 1:] for i in range(len(word))]


def _one_edit(a: str, b: str) -> bool:
    """Whether a and b differ by exactly one letter left out, added or changed, or two neighbours swapped."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]]
                                  and a[diff[1]] == b[diff[0]])
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:i] + long[i + 1:] == short for i in range(len(long)))


_RANK = {"country": 0, "seat": 1, "capital": 2, "org": 3, "demonym": 4, "person": 5, "place": 6, "shared": 7}


def _data_dir() -> Path:
    return Path(str(resources.files("dyad") / "data"))


def _date(value, path, where) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise misuse(E002, path=path, line=where, problem=f"bad date {value!r}") from None


# libyaml's loader when PyYAML was built with it: ten times faster on the people files
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(text: str):
    """Parse YAML safely, with the C loader when there is one."""
    return yaml.load(text, Loader=_YAML_LOADER)  # noqa: S506 - a safe loader


def _yaml_list(path: Path) -> list[dict]:
    try:
        data = read_yaml(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        raise misuse(E002, path=path, line=(mark.line + 1) if mark else "?", problem=str(e).splitlines()[0]) from None
    if data is None:
        return []
    if not isinstance(data, list) or not all(isinstance(d, dict) for d in data):
        raise misuse(E002, path=path, line=1, problem="expected a YAML list of mappings")
    return data


def _strs(value) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value]


def load_countries(lex: Lexicon, path: Path) -> None:
    for i, row in enumerate(_yaml_list(path), 1):
        code = str(row.get("code", ""))
        if not re.fullmatch(r"[A-Z]{3}", code):
            raise misuse(E002, path=path, line=f"entry {i}", problem=f"bad country code {code!r}")
        name = str(row.get("name") or code)
        lex.countries[code] = name
        if row.get("seceded") is not None:
            seceded = row["seceded"]
            former = str(seceded.get("from", "")) if isinstance(seceded, dict) else ""
            on = _date(seceded.get("independence"), path, f"entry {i}") if isinstance(seceded, dict) else None
            if not re.fullmatch(r"[A-Z]{3}", former) or on is None:
                raise misuse(E002, path=path, line=f"entry {i}",
                             problem="seceded needs {from: CODE, independence: YYYY-MM-DD}")
            lex.seceded[code] = (former, on)
        for text in [name, *_strs(row.get("aliases"))]:
            lex.add_phrase(text, Entry("country", country=code, entity=name))
        for text in _strs(row.get("demonyms")):
            lex.add_phrase(text, Entry("demonym", country=code))
        if row.get("capital"):
            lex.add_phrase(str(row["capital"]), Entry("capital", country=code, sector="GOV", entity=str(row["capital"])))
        for seat, sector in (row.get("seats") or {}).items():
            if not SECTOR_RE.match(str(sector)):
                raise misuse(E002, path=path, line=f"entry {i}", problem=f"bad sector {sector!r} for seat {seat!r}")
            lex.add_phrase(str(seat), Entry("seat", country=code, sector=str(sector), entity=str(seat)))
        for place in _strs(row.get("places")):
            lex.add_phrase(place, Entry("place", country=code, entity=place))


def load_shared_places(lex: Lexicon, path: Path) -> None:
    """Seas, lakes and islands named after a country they are not ("the Sea of Japan"): they
    name no actor, and being the longer match they keep the country inside from being read."""
    for i, row in enumerate(_yaml_list(path), 1):
        if not row.get("name"):
            raise misuse(E002, path=path, line=f"entry {i}", problem="a shared place needs a name")
        for text in [str(row["name"]), *_strs(row.get("aliases"))]:
            lex.add_phrase(text, Entry("shared", entity=str(row["name"])))


def load_organizations(lex: Lexicon, path: Path) -> None:
    for i, row in enumerate(_yaml_list(path), 1):
        code, name = str(row.get("code", "")), row.get("name")
        if not CODE_RE.match(code) or not name:
            raise misuse(E002, path=path, line=f"entry {i}", problem=f"organisation needs a name and a code like IGOUNO, got {code!r}")
        country = code[:3]
        sector = code[3:6] or None
        entry = Entry("org", country=country, sector=sector, entity=str(name), code=code, org_kind=row.get("kind"))
        for text in [str(name), *_strs(row.get("aliases"))]:
            lex.add_phrase(text, entry)


def load_people(lex: Lexicon, path: Path) -> None:
    for i, row in enumerate(_yaml_list(path), 1):
        name = row.get("name")
        roles = []
        for r in row.get("roles") or []:
            code = str(r.get("code", ""))
            if not CODE_RE.match(code):
                raise misuse(E002, path=path, line=f"entry {i} ({name})", problem=f"bad role code {code!r}")
            roles.append(Role(code, _date(r.get("from"), path, f"entry {i}"), _date(r.get("to"), path, f"entry {i}"),
                              r.get("title")))
        if not name or not roles:
            raise misuse(E002, path=path, line=f"entry {i}", problem="a person needs a name and at least one role")
        person = Person(str(name), tuple(roles))
        for text in [str(name), *_strs(row.get("aliases")), *_strs(row.get("standalone"))]:
            lex.add_phrase(text, Entry("person", entity=person.name, person=person))
        for text in {str(name), *_strs(row.get("aliases"))}:
            surname = _surname(text)
            if surname and person not in lex.surnames[surname]:
                lex.surnames[surname].append(person)


_SUFFIXES = frozenset({"Jr", "Jr.", "Sr", "Sr.", "Snr", "Jnr"})
_REGNAL = re.compile(r"^[IVXL]+$")
# last words of names and epithets that are no surname: "Brother Number One", "Kim Jong Un", "Moon Jae-in"
_NOT_SURNAMES = frozenset({"One", "Two", "Three", "Four", "Five", "In", "On", "At", "Of", "The", "Un", "Il", "Bob",
                           "Doc", "Baby", "Papa", "Mama", "Big", "Little", "Old"})


def _surname(name: str) -> str | None:
    """The word a later mention may shorten a person's name to ("Obama" for "Barack Obama",
    "Marcos" for "Ferdinand Marcos Jr."); none for one-word names, regnal names ("Hassan II")
    and last words that are common words ("Brother Number One", "Kim Jong Un")."""
    words = name.split()
    while words and words[-1] in _SUFFIXES:
        words.pop()
    if len(words) < 2 or _REGNAL.match(words[-1]) or words[-1] in _NOT_SURNAMES or len(words[-1]) < 2:
        return None
    return words[-1]


def _tsv_rows(path: Path):
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        yield n, [c.strip() for c in line.split("\t")]


def load_agents(lex: Lexicon, path: Path) -> None:
    for n, cols in _tsv_rows(path):
        if len(cols) < 2 or not SECTOR_RE.match(cols[1]):
            raise misuse(E002, path=path, line=n, problem="expected: phrase<TAB>SECTOR[<TAB>comment]")
        words = tuple(cols[0].lower().split())
        if not words:
            continue
        lex.agents[words[0]].append((words, cols[1]))
        lex.agent_forms.update(words)
        lex.agent_forms.update(noun_forms(words[-1]))


def _alternatives(pattern: str) -> list[str]:
    """Expand `{a,b,c}` alternatives: "{send,ship} {food,medicine} to" is four patterns."""
    m = re.search(r"\{([^{}]*)\}", pattern)
    if m is None:
        return [pattern]
    choices = [c.strip() for c in m.group(1).split(",")]
    if any(not c for c in choices):
        raise ValueError(f"empty alternative in {pattern!r}")
    return [e for c in choices for e in _alternatives(pattern[:m.start()] + c + pattern[m.end():])]


def load_triggers(lex: Lexicon, path: Path) -> None:
    for n, cols in _tsv_rows(path):
        if len(cols) < 2:
            raise misuse(E002, path=path, line=n, problem="expected: pattern<TAB>cameo[<TAB>comment]")
        try:
            patterns = _alternatives(cols[0])
        except ValueError as exc:
            raise misuse(E002, path=path, line=n, problem=str(exc)) from None
        for text in patterns:
            _load_trigger(lex, path, n, text, cols[1], expanded=len(patterns) > 1)


def _load_trigger(lex: Lexicon, path: Path, n: int, text: str, code: str, expanded: bool) -> None:
    codes = cameo.table()
    words = text.lower().split()
    if code not in codes and code != NO_EVENT:
        raise misuse(E002, path=path, line=n, problem=f"unknown CAMEO code {code!r}")
    if not words:
        raise misuse(E002, path=path, line=n, problem="empty pattern")
    head, noun = words[0], words[0].startswith("@")
    head = head.lstrip("@")
    givers = [w[1:] for w in words[1:] if w.startswith("<")]
    if len(givers) > 1 or givers and (noun or givers[0] not in PREPOSITIONS):
        raise misuse(E002, path=path, line=n, problem="'<' marks one preposition of a verb pattern")
    rest = [w.lstrip("<") for w in words[1:]]
    pattern = TriggerPattern(head, noun, tuple(w for w in rest if w in PREPOSITIONS),
                             tuple(w for w in rest if w not in PREPOSITIONS), code, f"{path.name}:{n}",
                             last_is_prep=bool(rest) and rest[-1] in PREPOSITIONS,
                             source_prep=givers[0] if givers else None)
    same = next((p for p in lex.triggers[(head, noun)] if (p.preps, p.objects) == (pattern.preps, pattern.objects)
                 and p.last_is_prep == pattern.last_is_prep), None)
    if same is not None and expanded:
        return  # an alternative never overrides a pattern written before it (the first row stands)
    if same is not None:
        raise misuse(E002, path=path, line=n, problem=f"pattern {text!r} is already defined at {same.origin}")
    lex.triggers[(head, noun)].append(pattern)
    forms = noun_forms(head) if noun else _verb_forms(head, lex)
    if not noun:
        for form in forms:
            lex.verb_heads[form].add(head)
    if pattern.objects or pattern.preps:  # "hold talks", "rise up": the head alone is no reason to parse
        needed = noun_forms(pattern.objects[0]) if pattern.objects else {pattern.preps[0]}
        lex.object_forms.update(f for o in pattern.objects for w in o.split() for f in noun_forms(w))
        for form in forms:
            lex.object_triggers[form].update(needed)
    else:
        lex.trigger_forms.update(forms)


def noun_forms(word: str) -> set[str]:
    forms = {word, word + "s", word + "es"}
    if word.endswith("y"):
        forms.add(word[:-1] + "ies")
    if word.endswith("man"):
        forms.add(word[:-3] + "men")
    return forms


@lru_cache(maxsize=1)
def _irregular() -> dict[str, frozenset[str]]:
    rows = _tsv_rows(_data_dir() / "irregular_verbs.tsv")
    return {cols[0]: frozenset(f for c in cols[1:] for f in c.split("|")) for _, cols in rows}


def _verb_forms(lemma: str, lex: Lexicon) -> set[str]:
    """Every plausible inflection of a verb lemma (over-generating is harmless: it only pre-filters)."""
    forms = {lemma} | _irregular().get(lemma, set())
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    forms |= {lemma + "s", lemma + "es", stem + "ed", stem + "ing", lemma + "d", lemma + "ing"}
    if lemma.endswith("y"):
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    last = lemma[-1:]
    if last and last not in "aeiouwxy":
        forms |= {lemma + last + "ed", lemma + last + "ing"}
    return forms


def load(extra: list[str | Path] = ()) -> Lexicon:
    """Read the package lexicons, then the user's own files (by name: *countries*, *people*, ...).
    The built lexicon is cached on disk by the contents of all of them (`dyad.cache`)."""
    from importlib.metadata import version

    from .cache import cached

    # the automaton is pyahocorasick's own object: a new version of it builds a new entry
    return cached("lexicon", lambda: _build(extra), files=[Path(p) for p in extra],
                  extra=f"pyahocorasick {version('pyahocorasick')}")


def _build(extra: list[str | Path]) -> Lexicon:
    lex = Lexicon()
    data = _data_dir()
    files = [data / "countries.yaml", data / "shared_places.yaml", *sorted(data.glob("organi*.yaml")),
             *sorted((data / "people").glob("*.yaml")),
             data / "agents.tsv", *sorted((data / "triggers").glob("*.tsv"))]
    files += [Path(p) for p in extra]
    for path in files:
        if not path.exists():
            continue
        name = path.name
        if "countr" in name:
            load_countries(lex, path)
        elif "shared" in name:
            load_shared_places(lex, path)
        elif "organi" in name or "group" in name:
            load_organizations(lex, path)
        elif "people" in str(path) or "person" in name:
            load_people(lex, path)
        elif "agent" in name:
            load_agents(lex, path)
        elif path.suffix == ".tsv":
            load_triggers(lex, path)
        else:
            raise misuse(E002, path=path, line=1, problem="can't tell what kind of lexicon this is from its name")
    frames = read_yaml((data / "frames.yaml").read_text(encoding="utf-8"))
    lex.speech_forms = {form for verb in frames["speech"] for form in _verb_forms(verb, lex)}
    # requests are events of their own, with or without a coded complement ("ordered Menem to appear")
    lex.trigger_forms |= {form for frame in ("appeal", "demand") for verb in frames[frame]["words"]
                          for form in _verb_forms(verb, lex)}
    lex.trigger_forms |= {form for verb in frames["pledge"] for form in _verb_forms(verb, lex)}  # "vowed to ..."
    return lex.finish()
