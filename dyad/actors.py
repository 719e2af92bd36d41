"""Actors: find who is mentioned in each parsed sentence and resolve it to a CAMEO-style code.

Resolution cascade, recorded on each actor as `how`:
  person   a person in the lexicon, coded by the role they held on the article's date
  surname  a surname repeated after the full name earlier in the article
  org      an organisation or armed group in the lexicon
  country  a country's name or alias
  capital / seat   a capital or seat of government standing for the government ("Moscow refused")
  demonym  a people ("the Palestinians")
  agent    an agent noun, its country taken from its modifiers ("Russian officials",
           "Russia's foreign ministry", "the government of Syria", "US Secretary of State")
  title    an unknown person named with a title or apposition ("chief negotiator Saeb Erakat")
  modifier a thing owned by a country ("Israeli changes") — a country, never its government
  pronoun  he/she/they/it and "the two countries", resolved to the nearest fitting earlier actor
The component annotates the article Doc: mention spans in `doc.spans["actors"]` (label = code) and
the resolved actors of each noun-phrase head in `doc.user_data["actors"]` (head index -> actors).
"""
from __future__ import annotations

from dataclasses import replace
from datetime import date

from spacy.tokens import Doc, Span, Token

from .actor import Actor
from .bodies import NATIONAL_WORDS, unknown_body
from .lexicon import MIN_SPELLING, Entry, Lexicon
from .placing import ethnic, place_by_context, place_ethnic, place_seceded, relocate_cities

MODIFIER_DEPS = frozenset({"amod", "compound", "poss", "nmod", "npadvmod"})
# a city named before an event noun or an accord is where it happened: "the Kabul bombing", "the Oslo accords"
VENUES = frozenset({"capital", "place"})
ACCORD_NOUNS = frozenset({"agreement", "accord", "deal", "treaty", "pact", "protocol", "declaration", "convention",
                          "communique", "charter", "format", "process", "ceasefire", "truce", "plan"})
PERSON_PRONOUNS = frozenset({"he", "she", "him", "his", "her", "hers"})
PLURAL_PRONOUNS = frozenset({"they", "them", "their", "theirs"})
THING_PRONOUNS = frozenset({"it", "its"})
# nouns whose possessor is NOT what they are: "Qatar's neighbours" are not Qatar
RELATIONAL = frozenset({"neighbour", "neighbor", "ally", "rival", "enemy", "partner", "foe", "adversary",
                        "opponent", "critic", "counterpart", "backer", "sponsor", "supporter", "neighbouring"})
PAIR_NOUNS = frozenset({"country", "nation", "side", "state", "government", "neighbour", "neighbor", "leader",
                        "president", "minister", "delegation"})
PAIR_PEOPLE = frozenset({"leader", "president", "minister", "delegation"})


# "X-led forces" are X's, "an X-based group" is X's (unlike "X-backed" ones)
LED = frozenset({"lead", "led", "run", "command", "commanded", "control", "controlled", "base", "based",
                 "flag", "flagged", "register", "registered", "own", "owned"})  # "a British-flagged tanker"


HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lady", "lord"})  # also with a full stop


def _honorific(token: Token) -> bool:
    """Is the word before this name a plain honorific ("Mr Fox", "Dr. Fox")?"""
    return token.i > 0 and token.doc[token.i - 1].lower_.rstrip(".") in HONORIFICS


def _surname_actor(people: list, token: Token, when: date | None) -> Actor | None:
    """A surname several people share: the one in office on the date, else their common country."""
    if when is not None:
        active = [p for p in people if p.role_at(when).code[3:6] not in ("ELI", "")
                  and (p.role_at(when).start or date.min) <= when < (p.role_at(when).end or date.max)]
        if len(active) == 1:
            code = active[0].role_at(when).code
            return Actor(token.i, token.i + 1, token.i, code[:3], code[3:] or None, active[0].name, "surname", "person")
        codes = {p.role_at(when).code for p in active}
        if len(codes) == 1:  # "President Marcos" in 1980: Ferdinand and Imelda both held office in Manila
            code = codes.pop()
            return Actor(token.i, token.i + 1, token.i, code[:3], code[3:] or None, None, "surname", "person")
    countries = {p.roles[-1].code[:3] for p in people}
    if len(countries) == 1:  # "President Bush" with no date: American, the title says the rest
        return Actor(token.i, token.i + 1, token.i, countries.pop(), None, None, "surname", "person")
    return None


def _entry_actor(entry: Entry, span: Span, when: date | None) -> Actor:
    head = span.root.i
    if entry.kind == "person":
        code = entry.person.role_at(when).code
        return Actor(span.start, span.end, head, code[:3], code[3:] or None, entry.entity, "person", "person")
    if entry.kind == "org":
        code = entry.code
        return Actor(span.start, span.end, head, code[:3], code[3:6] or None, entry.entity, "org", "org", fixed=code)
    if entry.kind in ("capital", "seat"):
        return Actor(span.start, span.end, head, entry.country, entry.sector, entry.entity, entry.kind, "country")
    if entry.kind == "demonym":
        return Actor(span.start, span.end, head, entry.country, None, None, "demonym", "demonym")
    return Actor(span.start, span.end, head, entry.country, None, entry.entity, entry.kind, "country")


class ActorFinder:
    """spaCy-style component: `finder(doc)` annotates and returns the article Doc."""

    def __init__(self, lexicon: Lexicon):
        self.lexicon = lexicon
        self._by_name: dict | None = None

    def __call__(self, doc: Doc) -> Doc:
        when = doc._.published
        base: dict[int, Actor] = {}  # token index -> the dictionary/agent/name mention covering it
        spans: list[Span] = []
        memory = _Memory()
        resolved: dict[int, list[Actor]] = {}
        skipped = list(doc.user_data.get("skipped", []))
        refs = doc._.sents or []
        for n, sent in enumerate(sentence_spans(doc)):  # in reading order: what was said before is known
            while skipped and n < len(refs) and skipped[0][0] < refs[n].index:
                memory.sentence, text = skipped.pop(0)
                memory.remember_unparsed(self.lexicon, text, when)
            memory.sentence = refs[n].index if n < len(refs) else memory.sentence
            self._phrases(doc, sent, when, base, spans, memory)
            self._agents(sent, base, spans)
            relocate_cities(sent, base)
            place_seceded(sent, base, when, self.lexicon.seceded)
            _drop_pro_anti(sent, base, spans)
            self._names(sent, base, spans, memory)
            self._misspelled(sent, base, spans, when)
            for token in sent:
                if token.pos_ in ("NOUN", "PROPN", "PRON") or token.i in base:
                    actors = self._resolve(token, base, memory, depth=0)
                    if actors:
                        resolved[token.i] = actors
                        memory.remember(actors, token)
                        memory.remember_pair(token, resolved)
            place_by_context(sent, resolved, {i for i in resolved if self._venue(sent.doc[i], resolved[i])})
            place_ethnic(sent, resolved)
        doc.spans["actors"] = spans
        doc.user_data["actors"] = resolved
        return doc

    # -- finding mentions ------------------------------------------------------------------
    def _phrases(self, doc, sent, when, base, spans, memory):
        for a, b, entry in doc.user_data["phrases"]:  # found once by parse_many, in Doc offsets
            if not sent.start_char <= a < sent.end_char or entry.kind == "shared":
                continue  # "the Sea of Japan" names no actor (and, matched whole, no Japan)
            span = doc.char_span(a, b, alignment_mode="strict")
            if span is None:
                continue
            if entry.kind == "org" and any(
                    e.label_ == "ORG" and e.start < span.start and span.end <= e.end and span.start > 0
                    and doc[span.start - 1].is_title and doc[span.start - 1].lower_ in NATIONAL_WORDS
                    for e in entities_in(sent)):
                continue  # "the National Security Council" is not the UN's Security Council
            if entry.kind in ("place", "capital") and any(
                    e.label_ == "PERSON" and e.start <= span.start and span.end <= e.end and len(e) > len(span)
                    for e in entities_in(sent)):
                continue  # "Ahmed Farah" is a man, not the Afghan province
            actor = _entry_actor(entry, span, when)
            if entry.kind == "person":
                memory.surnames[span[-1].text] = actor
            for t in span:
                base[t.i] = actor
            spans.append(Span(doc, span.start, span.end, label=actor.code or ""))

    def _agents(self, sent, base, spans):
        tokens = list(sent)
        i = 0
        agents = self.lexicon.agents
        while i < len(tokens):
            tok = tokens[i]
            match = None
            lower = tok.lower_
            candidates = agents.get(lower)
            lemma = tok.lemma_.lower()
            if lemma == lower and lemma.endswith("s") and tok.is_title:
                lemma = lemma[:-1]  # "Rebels in Mali ...": a capitalised plural the tagger took for a name
            if lemma != lower:
                more = agents.get(lemma)
                if more:
                    candidates = sorted((candidates or []) + more, key=lambda a: -len(a[0]))
            if not candidates:  # most words begin no agent
                i += 1
                continue
            for words, sector in candidates:
                n = len(words)
                window = tokens[i:i + n]
                if len(window) < n:
                    continue
                if all(t.lower_ == w for t, w in zip(window[:-1], words[:-1])) and (
                        window[-1].lower_ == words[-1] or window[-1].lemma_.lower() == words[-1]
                        or (window[-1].is_title and window[-1].lower_ == words[-1] + "s")):
                    match = (window, sector)
                    break
            if match and _quantifier(match[0]):
                match = None  # "an army of lawyers", "an army of those who oppose him": how many, not who
            if match and _not_an_agent(match[0]):
                match = None  # "an official summit", "Senate Square": a modifier or a street name
            if match and not any(t.i in base for t in match[0]) and match[0][-1].pos_ in ("NOUN", "PROPN", "ADJ"):
                window, sector = match
                span = window[0].doc[window[0].i:window[-1].i + 1]
                actor = Actor(span.start, span.end, span.root.i, None, sector, None, "agent", "agent")
                for t in span:
                    base[t.i] = actor
                spans.append(Span(span.doc, span.start, span.end, label=sector))
                i += len(window)
            else:
                i += 1

    def _names(self, sent, base, spans, memory):
        """Unknown person names (spaCy PERSON entities) and surnames remembered from full names."""
        for ent in entities_in(sent):
            if ent.label_ != "PERSON" or any(t.i in base for t in ent):
                continue
            known = memory.surnames.get(ent[-1].text)
            people = self.lexicon.surnames.get(ent[-1].text) if len(ent) == 1 else None
            dated = _surname_actor(people, ent[-1], sent.doc._.published) if people else None
            titled = any(c.dep_ == "compound" and base.get(c.i) is not None and base[c.i].kind == "agent"
                         for c in ent.root.children)
            if dated is not None and not titled and dated.country not in memory.countries(base, sent):
                # "Mr McConnell" in a story about Scotland is not the US senator, nor a bare "Bennett" in
                # British news Israel's prime minister: a surname alone or with a plain honorific names
                # anyone; the one in office then is meant only where the story is about his country
                # ("President Bush" is; a name the lexicon lets stand alone, "Putin", is read before this)
                dated = None
            if known is not None:
                actor = replace(known, start=ent.start, end=ent.end, head=ent.root.i, how="surname")
            elif dated is not None:  # "President Bush": the Bush in office then
                actor = replace(dated, start=ent.start, end=ent.end, head=ent.root.i)
            else:
                actor = Actor(ent.start, ent.end, ent.root.i, None, None, ent.text, "name", "person")
            for t in ent:
                base[t.i] = actor
            spans.append(Span(sent.doc, ent.start, ent.end, label=actor.code or ""))
        for ent in entities_in(sent):
            if ent.label_ == "ORG":
                unknown_body(ent, base, spans, memory)
        for token in sent:  # a known person's surname with a title ("President Bush"), resolved by date
            if token.i in base or token.pos_ != "PROPN" or token.text in memory.surnames:
                continue
            people = self.lexicon.surnames.get(token.text)
            titled = any(c.dep_ == "compound" and base.get(c.i) is not None and base[c.i].kind == "agent"
                         for c in token.children) or token.ent_type_ == "PERSON"
            if people and titled:
                actor = _surname_actor(people, token, sent.doc._.published)
                if actor is not None and _honorific(token) and actor.country not in memory.countries(base, sent):
                    actor = None
                if actor is not None:
                    base[token.i] = actor
                    spans.append(Span(sent.doc, token.i, token.i + 1, label=actor.code or ""))
            elif titled and token.dep_ != "compound":  # "Vice-President Moody Awori": a titled name the
                first = token.i                          # entity recogniser missed
                while first - 1 >= sent.start and sent.doc[first - 1].pos_ == "PROPN" and \
                        sent.doc[first - 1].dep_ == "compound" and (first - 1) not in base:
                    first -= 1
                name = sent.doc[first:token.i + 1]
                actor = Actor(first, token.i + 1, token.i, None, None, name.text, "name", "person")
                for t in name:
                    base[t.i] = actor
                spans.append(Span(sent.doc, first, token.i + 1, label=""))
        for token in sent:  # a surname alone, which the entity recogniser may miss
            known = memory.surnames.get(token.text) if token.pos_ == "PROPN" else None
            if known is not None and token.i not in base:
                actor = replace(known, start=token.i, end=token.i + 1, head=token.i, how="surname")
                base[token.i] = actor
                spans.append(Span(sent.doc, token.i, token.i + 1, label=actor.code or ""))

    def _misspelled(self, sent, base, spans, when):
        """A country name or demonym misspelt by one letter ("Ethopia has agreed", "Isreali troops"),
        when the word stands alone (not part of a longer name: "British Columbia", "French Guiana")
        and is no place of its own ("Columbia", Missouri) nor a person's name."""
        doc = sent.doc
        for token in sent:
            if token.i in base or token.pos_ not in ("PROPN", "NOUN", "ADJ") or not token.is_title or \
                    token.ent_type_ == "PERSON" or len(token.text) < MIN_SPELLING - 1:
                continue
            if any(0 <= j < len(doc) and doc[j].pos_ == "PROPN" and doc[j].is_title and sent.start <= j < sent.end
                   for j in (token.i - 1, token.i + 1)):
                continue  # part of a longer name
            entry = self.lexicon.misspelled(token.text)
            if entry is None or self.lexicon.surnames.get(token.text):
                continue
            from .enrich.places import gazetteer  # only for the rare word that misspells a country

            if gazetteer().candidates(token.text):
                continue
            span = doc[token.i:token.i + 1]
            actor = _entry_actor(entry, span, when)
            base[token.i] = actor
            spans.append(Span(doc, span.start, span.end, label=actor.code or ""))

    # -- resolving a noun phrase -------------------------------------------------------------
    def _resolve(self, token: Token, base: dict[int, Actor], memory: "_Memory", depth: int) -> list[Actor]:
        if depth > 2:
            return []
        own = base.get(token.i)
        if own is not None and own.head != token.i and token.i != own.end - 1:
            # a token inside a multi-word mention is resolved at the mention's head only
            if base.get(token.head.i) is own:
                return []
        if token.pos_ == "PRON" or token.lower_ in PERSON_PRONOUNS | PLURAL_PRONOUNS | THING_PRONOUNS:
            return memory.pronoun(token)
        if token.lemma_.lower() in PAIR_NOUNS and any(c.lower_ in ("two", "both") for c in token.children):
            return memory.pair(token)
        mods = self._modifiers(token, base, memory, depth)
        if own is not None and own.kind == "person" and own.how == "surname" and own.sector is None:
            sector = next((m.sector for m in mods if m.kind == "agent" and m.sector), None)
            return [replace(own, sector=sector)] if sector else [own]
        if own is not None and own.kind == "person" and own.country is None:
            # an unknown name: its title or apposition says who it is (another person never does)
            mods = [m for m in mods if m.kind != "person"]
            country = next((m.country for m in mods if m.country), None)
            sector = next((m.sector for m in mods if m.sector), None)
            fixed = next((m.fixed for m in mods if m.fixed), None)
            if country or sector:
                own = replace(own, country=country, sector=sector, fixed=fixed, how="title")
                memory.surnames[token.doc[own.end - 1].text] = own
            else:
                return []
            return [own]
        if own is not None and own.kind == "person" and own.how == "person":
            return [self._titled(own, token, mods)]
        if own is not None and own.kind in ("person", "org"):
            return [own]
        if own is not None and own.kind == "agent":
            org = next((m for m in mods if m.kind == "org"), None)
            if org is not None and (org.fixed or "")[3:6] == "PTY" and own.sector in ("GOV", "MIL", "COP"):
                # "the Sandinista government": the state the party rules, not the party
                return [replace(own, start=min(own.start, org.start), country=org.country)]
            if org is not None:  # "the UN envoy", "a Hamas spokesman": the organisation's own code
                fixed = org.fixed
                if fixed and fixed[:3] == "IGO" and own.sector in ("MIL", "COP") and not fixed.endswith(own.sector):
                    fixed += own.sector  # "UN troops", "NATO forces": the body's armed men (IGOUNOMIL)
                return [replace(org, start=min(own.start, org.start), end=own.end, head=own.head, how="agent",
                                fixed=fixed)]
            countries = [m for m in mods if m.country]
            if any(m.how != "pronoun" for m in countries):  # "his Russian counterpart" is Russian
                countries = [m for m in countries if m.how != "pronoun"]
            if any(not m.located for m in countries):  # "the French military in Rwanda" is French
                countries = [m for m in countries if not m.located]
            if len({m.country for m in countries}) > 1:  # "Kosovo's ethnic Albanian leaders" are Kosovo's
                countries = [m for m in countries if not (m.kind == "demonym" and (
                    ethnic(token.doc[m.head]) or token.doc[max(m.start - 1, 0)].lower_ == "ethnic"))] or countries
            sector = own.sector
            specific = next((m.sector for m in mods if m.kind == "agent" and m.sector), None)
            if specific and sector == "GOV":
                sector = specific
            if not countries:
                return [replace(own, sector=sector)]
            if len(countries) == 1 and countries[0].kind == "demonym" and (
                    ethnic(token) or ethnic(token.doc[countries[0].head])):  # "ethnic Albanian guerrillas"
                return [replace(own, country=countries[0].country, sector=sector, how="ethnic")]
            seen, out = set(), []
            for m in countries:
                if m.country not in seen:
                    seen.add(m.country)
                    start = min(own.start, m.start)
                    out.append(replace(own, start=start, country=m.country, sector=sector, entity=m.entity
                                       if m.kind in ("person", "org") else None))
            return out
        if own is not None and own.kind == "demonym":  # "Bosnian Serbs", "Iraqi Kurds": where they live
            # ("US-Russian", "Israeli-Palestinian" pair two peoples: neither lives in the other)
            place = next((m for m in mods if m.kind in ("demonym", "country") and m.country != own.country
                          and not any(t.text in ("-", "–") for t in token.doc[m.end:token.i])), None)
            if place is None and ethnic(token):  # "ethnic Albanians": placed by the sentence (placing.place_ethnic)
                return [replace(own, how="ethnic")]
            return [replace(own, country=place.country, how="demonym")] if place else [own]
        if own is not None:  # country, capital, seat
            return [own]
        if token.pos_ in ("NOUN", "PROPN") and mods:
            countries = [m for m in mods if m.country and m.kind != "agent"]
            if token.lemma_.lower() in RELATIONAL:  # "Qatar's neighbours" are not Qatar; "its EU partners" are the EU
                owners = {c.i for c in token.children if c.dep_ == "poss"}
                countries = [m for m in countries if not any(m.start <= i < m.end or m.head == i for i in owners)]
            if countries:
                # what a government, a person or a group owns is theirs ("Kyiv's proposal", "Hezbollah
                # positions"); what a people owns is only the country's ("a Turkish fishing ship")
                out, seen = [], set()
                for m in countries:  # "the Turkish and Greek sides": one actor a country
                    if m.country in seen or (out and m.how == "pronoun" and not (
                            out[-1].how == "pronoun-owner" and token.doc[m.head].lower_ in PLURAL_PRONOUNS)):
                        continue  # "their countries" after "Hungarian and Romanian officials": both
                    seen.add(m.country)
                    keep = m.how in ("capital", "seat", "org", "person", "surname", "title", "pronoun") and \
                        m.kind != "demonym"
                    how = "pronoun-owner" if m.how == "pronoun" else "modifier"  # "its demand" is its own
                    out.append(Actor(min(token.i, m.start), token.i + 1, token.i, m.country,
                                     m.sector if keep else None, m.entity if keep else None, how, "thing",
                                     fixed=m.fixed if keep else None))
                return out
        return []

    def _person(self, name: str | None):
        """The lexicon person whose entity name is `name` (the index is built on first use)."""
        if self._by_name is None:
            self._by_name = {p.name: p for people in self.lexicon.surnames.values() for p in people}
        return self._by_name.get(name) if name else None

    def _titled(self, own: Actor, token: Token, mods: list[Actor]) -> Actor:
        """A known person as the text titles them: "former president Carlos Menem" is a former
        office-holder; with no date, "Prime Minister Iyad Allawi" is the role with that title,
        not the one held longest."""
        doc = token.doc
        person = self._person(own.entity)
        if person is None:
            return own
        before = {t.lower_ for t in doc[token.left_edge.i:own.start]}
        if before & {"former", "ex", "late"}:
            return replace(own, country=person.roles[-1].code[:3], sector="ELI")
        if doc._.published is not None:
            return own
        agents = [m for m in mods if m.kind == "agent" and m.end <= own.start]
        # every tail of the title phrase: "Serbian President" is titled "president"
        titles = [" ".join(w.lower_ for w in doc[k:m.end]) for m in agents for k in range(m.start, m.end)]
        sectors = {m.sector for m in agents if m.sector}
        fits = [r for r in person.roles
                if r.title and r.code[3:6] != "ELI" and any(t in r.title.lower() for t in titles)]
        # "President Mwanawasa": the office the title names (GOV), not the party presidency held longer
        fits = [r for r in fits if r.code[3:6] in sectors] or fits
        if not fits:
            return own
        code = max(fits, key=lambda r: ((r.end or date(2026, 1, 1)) - (r.start or date(1900, 1, 1))).days).code
        return replace(own, country=code[:3], sector=code[3:] or None)

    def _modifiers(self, token: Token, base, memory, depth) -> list[Actor]:
        out: list[Actor] = []
        for child in token.children:
            if child.dep_ == "amod" and child.lemma_.lower() in LED:
                # "Vietnamese-led forces", "the Saudi-led coalition": the leader's; "Iranian-backed" is not
                out.extend(a for g in child.children if g.dep_ in ("npadvmod", "compound", "amod", "nmod")
                           for a in (self._resolve(g, base, memory, depth + 1) or self._mention_at(g, base)))
                continue
            if child.dep_ in MODIFIER_DEPS or child.dep_ == "appos":
                found = self._resolve(child, base, memory, depth + 1) or self._mention_at(child, base)
                if self._venue(child, found):
                    continue  # "paid tribute to the Helsinki summit": the city names no one
                out.extend(found)
                for conj in child.conjuncts:
                    if conj.i > child.i:
                        out.extend(self._resolve(conj, base, memory, depth + 1) or self._mention_at(conj, base))
            elif child.dep_ == "prep" and child.lower_ in ("of", "from", "in") and base.get(token.i) is not None:
                # "the government of Syria", "officials from Iran", "security forces in Guinea"
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        found = self._resolve(pobj, base, memory, depth + 1)
                        # "the foreign ministers of Armenia and Azerbaijan": one actor for each country
                        found += [a for c in pobj.conjuncts if c.i > pobj.i
                                  for a in self._resolve(c, base, memory, depth + 1) if a.kind == "country"]
                        if child.lower_ == "in":
                            found = [replace(a, located=True) for a in found if a.kind == "country"]
                        out.extend(found)
        if token.dep_ == "appos" and token.head.i not in base:
            out.extend(self._resolve(token.head, base, memory, depth + 1))
        if not any(a.country for a in out) and token.dep_ == "conj" and token.i in base and token.head.i in base \
                and base[token.i].kind == "agent" and token.tag_ == token.head.tag_ == "NNS":
            # "British sailors and marines", "Russian oligarchs and senior government officials": the
            # conjunct shares the first one's nationality
            out += [a for c in token.head.children if c.dep_ in ("amod", "compound") and c.i < token.head.i
                   for a in self._mention_at(c, base) if a.kind in ("demonym", "country")]
        return out

    def _venue(self, token: Token, actors: list[Actor]) -> bool:
        """A city before an event noun or an accord: "the Kabul bombing", "the Oslo accords"."""
        head = token.head.lemma_.lower()
        return city_before(token, actors) and (head in ACCORD_NOUNS or (head, True) in self.lexicon.triggers)

    @staticmethod
    def _mention_at(token: Token, base) -> list[Actor]:
        a = base.get(token.i)
        return [a] if a is not None else []


class _Memory:
    """What the article has mentioned so far, for surnames and pronouns."""

    WINDOW = 2  # a pronoun looks back this many sentences at most: "he" is not someone from ten sentences ago

    def __init__(self):
        self.surnames: dict[str, Actor] = {}
        self.recent: list[Actor] = []
        self.when: dict[int, int] = {}  # id(actor in recent) -> the article sentence it was mentioned in
        self.sentence = 0
        self.pairs: list[tuple[Actor, Actor]] = []  # coordinated countries ("Armenia and Azerbaijan")

    def _add(self, actor: Actor) -> None:
        self.recent.append(actor)
        self.when[id(actor)] = self.sentence
        if len(self.recent) > 50:
            self.when.pop(id(self.recent.pop(0)), None)

    def countries(self, base: dict[int, Actor], sent) -> set[str]:
        """The countries the article has named so far, this sentence included."""
        return {a.country for a in self.recent if a.country} | {
            a.country for i, a in base.items() if a.country and sent.start <= i < sent.end}

    def _near(self, actor: Actor) -> bool:
        return self.sentence - self.when.get(id(actor), self.sentence) <= self.WINDOW

    def remember_unparsed(self, lexicon: Lexicon, text: str, when: date | None) -> None:
        """Names in a sentence that was not parsed: they can still be what a later "he" means."""
        for _a, _b, entry in lexicon.find_phrases(text):
            if entry.kind in ("person", "country", "org"):
                actor = _entry_actor(entry, _NoSpan, when)
                self._add(actor)
                if entry.kind == "person":
                    self.surnames[text[_a:_b].split()[-1]] = actor

    def remember_pair(self, token: Token, resolved: dict[int, list[Actor]]) -> None:
        """A conjunct just resolved ("... and Vladimir Putin") makes a pair with its head, at once, so
        "their" later in the same sentence means the two."""
        if token.dep_ != "conj":
            return
        mine = [a for a in resolved.get(token.head.i, []) if a.country and len(a.country) == 3 and a.kind != "pronoun"]
        other = [a for a in resolved.get(token.i, []) if mine and a.country and a.country != mine[0].country]
        if other and other[0].country not in ("IGO", "NGO", "IMG") and mine[0].how != "place":
            self.pairs.append((mine[0], other[0]))

    def remember(self, actors: list[Actor], token: Token) -> None:
        for a in actors:
            if a.kind != "pronoun" and (a.country or a.kind in ("person", "agent")):
                self._add(a)  # "the party ... it said": an agent is an antecedent before it is placed

    def pronoun(self, token: Token) -> list[Actor]:
        word = token.lower_
        if word == "it" and _expletive(token):
            return []  # "it was in shareholders' interest to reject the offer": no one
        # an object pronoun is not its own clause's subject: "Biden hosted him" is not Biden
        clause_subjects = set()
        if token.dep_ in ("dobj", "pobj", "dative"):
            verb = token.head.head if token.dep_ == "pobj" else token.head
            clause_subjects = {c.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")}
            clause_subjects |= {k.i for i in list(clause_subjects) for k in token.doc[i].subtree}
        candidates = [a for a in reversed(self.recent) if a.head < token.i and a.head not in clause_subjects
                      and self._near(a)
                      and a.how != "place"]  # a place is where things happen, not who "it" is
        verb = None
        if token.dep_ == "poss":  # "Pakistan urged its citizens": a possessive prefers its clause's subject
            verb = token.head
            while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
                verb = verb.head
        elif token.dep_ == "nsubj" and token.head.dep_ in ("conj", "ccomp"):
            # "the rebels rejected the plan, and said they opposed ...": the subject carries over
            verb = token.head.head
            if verb.dep_ == "conj" and token.head.dep_ == "ccomp":
                verb = verb.head
        if verb is not None:
            phrase, heads = _clause_subjects(verb)
            candidates.sort(key=lambda a: (a.head not in phrase, a.head not in heads))
        if word in PLURAL_PRONOUNS:
            pair = self.pairs[-1] if self.pairs else None
            if pair and pair[1].head < token.i and token.i - pair[1].head < 25 and pair[0].head not in clause_subjects:
                return [self._as_pronoun(a, token) for a in pair]  # "Obama and Putin ... their"
            candidates.sort(key=lambda a: a.kind == "country")  # "they" are people or groups before a country
        for a in candidates:
            if a.head >= token.i:
                continue
            if word in PERSON_PRONOUNS and a.kind == "person":
                return [self._as_pronoun(a, token)]
            if word in THING_PRONOUNS and (a.kind in ("country", "org") or (
                    a.kind == "agent" and token.doc[a.head].tag_ in ("NN", "NNP"))):
                return [self._as_pronoun(a, token)]
            if word in PLURAL_PRONOUNS and (a.kind == "org" or (a.kind == "demonym" and token.doc[a.head].tag_ in (
                    "NNPS", "NNS")) or (
                    a.kind == "agent" and token.doc[a.head].tag_ in ("NNS", "NNPS")) or a.kind == "country"):
                return [self._as_pronoun(a, token)]
        return []

    def pair(self, token: Token) -> list[Actor]:
        """"the two countries", "both sides", "the two leaders": the last pair named; people for a
        noun of people ("the two leaders" are not the countries of "talks on Syria and Ukraine")."""
        people = token.lemma_.lower() in PAIR_PEOPLE
        earlier = [p for p in self.pairs if p[1].head < token.i and (
            not people or all(a.kind in ("person", "agent") for a in p))] or \
            [p for p in self.pairs if p[1].head < token.i]
        if earlier:
            return [replace(a, start=token.i, end=token.i + 1, head=token.i, how="pronoun", kind="country")
                    for a in earlier[-1]]
        seen: list[Actor] = []
        for a in reversed(self.recent):
            if a.head < token.i and a.country and a.country not in {s.country for s in seen} and \
                    a.country not in ("IGO", "NGO", "IMG"):
                seen.append(a)
            if len(seen) == 2:
                break
        if len(seen) < 2:
            return []
        return [replace(a, start=token.i, end=token.i + 1, head=token.i, how="pronoun", kind="country")
                for a in reversed(seen)]

    @staticmethod
    def _as_pronoun(a: Actor, token: Token) -> Actor:
        return replace(a, start=token.i, end=token.i + 1, head=token.i, how="pronoun")


def _drop_pro_anti(sent: Span, base: dict[int, Actor], spans: list[Span]) -> None:
    """"Pro-Russian separatists" are not Russian, "anti-government protesters" not the government,
    the "Pan-American highway" not American: a mention right after "pro-", "anti-" or "pan-" names
    what its phrase is for, against or spans, not who it is."""
    doc = sent.doc
    for i in range(sent.start + 2, sent.end):
        actor = base.get(i)
        if actor is not None and actor.start == i and doc[i - 1].text == "-" and \
                doc[i - 2].lower_ in ("pro", "anti", "pan"):
            for t in range(actor.start, actor.end):
                base.pop(t, None)
            spans[:] = [sp for sp in spans if sp.start != actor.start]


# street and square names: "Senate Square", "Parliament Street", "Army Road" name places, not bodies
STREET_WORDS = frozenset({"square", "street", "avenue", "road", "boulevard", "bridge", "park", "lane", "stadium"})
# agent words far more often plain adjectives: "an official visit", "official figures"
ADJECTIVE_AGENTS = frozenset({"official", "national"})


def _not_an_agent(window: list[Token]) -> bool:
    last = window[-1]
    if last.pos_ == "ADJ" and last.dep_ == "amod" and last.lower_ in ADJECTIVE_AGENTS:
        return True
    if last.lemma_.lower() in ADJECTIVE_AGENTS and (last.is_title or last.is_upper) and last.i > last.sent.start:
        return True  # "the National Audit Office", "the British National Party": part of a name
    return last.dep_ == "compound" and last.head.lemma_.lower() in STREET_WORDS and last.head.i > last.i


def _quantifier(window: list[Token]) -> bool:
    """An agent noun used as a measure of a crowd: "an army of volunteers", "an army of those who ..."
    (a one-word agent after "a"/"an", followed by "of" and a plural or a pronoun)."""
    if len(window) != 1:
        return False
    tok = window[0]
    doc = tok.doc
    if tok.i == 0 or tok.i + 2 >= len(doc) or doc[tok.i - 1].lower_ not in ("a", "an") or doc[tok.i + 1].lower_ != "of":
        return False
    after = doc[tok.i + 2]
    obj = next((c for c in doc[tok.i + 1].children if c.dep_ == "pobj"), after)
    return obj.tag_ in ("NNS", "NNPS") or obj.pos_ == "PRON"


def _clause_subjects(verb: Token) -> tuple[set[int], set[int]]:
    """A verb's subject phrase (token indices), through coordination ("Pakistan refused ... and has
    urged"), and its heads with their conjuncts and compounds, which beat words deeper in the phrase
    ("Pakistan, a key U.S. ally, ...": Pakistan, not the US)."""
    while not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) and verb.dep_ == "conj":
        verb = verb.head
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    phrase = {k.i for c in subjects for k in c.subtree}
    heads = {t.i for c in subjects for t in (c, *c.conjuncts)} | {
        t.i for c in subjects for t in c.children if t.dep_ == "compound"}
    return phrase, heads


class _NoSpan:
    """Stands in for a span of a sentence that was never parsed: it sits before every token."""

    start = end = -1

    class root:  # noqa: N801
        i = -1


# predicates that take an extraposed clause: "it is important to ...", "it was in their interest to ..."
EXTRAPOSING = frozenset({"important", "necessary", "possible", "impossible", "difficult", "hard", "easy", "clear",
                         "likely", "unlikely", "vital", "essential", "crucial", "right", "wrong", "wise", "unwise",
                         "time", "interest", "better", "best", "unacceptable", "unclear", "worth", "imperative",
                         "urgent", "obvious", "true", "untrue", "fair", "unfair", "legal", "illegal", "unlawful"})
RAISING = frozenset({"seem", "appear", "emerge", "transpire", "matter"})  # "it seems that ..."


def _expletive(token: Token) -> bool:
    """Is this "it" a dummy subject? "It was in the shareholders' interest to reject the offer",
    "it is important that ...", "it seems that ..." (but not "Russia said it was ready to strike":
    being ready is something it is)."""
    if token.dep_ == "expl":
        return True
    if token.dep_ != "nsubj":
        return False
    head = token.head

    def clause(c: Token) -> bool:
        return c.dep_ in ("xcomp", "ccomp", "advcl", "csubj") and any(
            (g.dep_ == "aux" and g.lower_ == "to") or (g.dep_ == "mark" and g.lower_ in ("that", "whether", "if"))
            for g in c.children)

    if head.lemma_.lower() in RAISING:
        return any(c.dep_ == "ccomp" for c in head.children)
    if head.lemma_.lower() != "be" or not any(clause(c) for c in head.children):
        return False
    predicate = [c for c in head.children if c.dep_ in ("acomp", "attr")] + [
        g for c in head.children if c.dep_ == "prep" and c.lower_ == "in" for g in c.children if g.dep_ == "pobj"]
    return any(p.lemma_.lower() in EXTRAPOSING for p in predicate)


def city_before(token: Token, actors: list[Actor]) -> bool:
    """Is the token a city (a capital or a gazetteer place, not a country) compounded before a noun?"""
    return bool(actors) and token.dep_ in ("compound", "nmod") and all(a.how in VENUES for a in actors)


def sentence_spans(doc: Doc) -> list[Span]:
    """The article's parsed sentences as Doc spans (one per sentence dyad parsed), computed once."""
    cached = doc.user_data.get("sentence_spans")
    if cached is None:
        refs = doc._.sents or []
        cached = []
        for n, ref in enumerate(refs):
            end = refs[n + 1].doc_start if n + 1 < len(refs) else len(doc.text)
            span = doc.char_span(ref.doc_start, end, alignment_mode="expand")
            if span is not None and len(span):
                cached.append(span)
        doc.user_data["sentence_spans"] = cached
    return cached


def doc_entities(doc: Doc) -> tuple[Span, ...]:
    """`doc.ents`, computed once (spaCy rebuilds the tuple from the tokens on every access)."""
    ents = doc.user_data.get("ents")
    if ents is None:
        ents = doc.user_data["ents"] = doc.ents
    return ents


def entities_in(sent: Span) -> list[Span]:
    """`sent.ents`, from the article's entities computed once."""
    out = []
    for ent in doc_entities(sent.doc):  # as Span.ents: entities inside the sentence, stop at the first one past it
        if ent.start >= sent.start:
            if ent.end > sent.end:
                break
            out.append(ent)
    return out


def actors_of(doc: Doc, token: Token) -> list[Actor]:
    """The resolved actors of the noun phrase headed by `token` (empty when it names none)."""
    return doc.user_data.get("actors", {}).get(token.i, [])
