"""Arguments: who did it (source) and to whom (target), read off the dependency tree.

Source: the subject (through xcomp control, raising, conjunction, relative clauses), the by-agent of
a passive, the armed actor or event noun a passive happened in; for event nouns a possessive,
adjective or "by". Target: the pattern's preposition, the passive subject, the object, a
with/against/to/on/at object, the object the pattern consumed, a non-actor noun's owner, the party
of a threat's condition, and (for material conflict) the place it happened. `Arguments` is a mixin
of `events.EventFinder`, which supplies `self.lexicon` and `self.frames`.
"""
from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from .actors import ACCORD_NOUNS, VENUES, Actor, actors_of, city_before
from .enrich.dates import MONTH_NAMES, WEEKDAYS
from .placing import BORDERS
from .repairs import (headline_passive, lost_predicate, participle_object, passive_conjunct, reduced_relative,
                      shared_patient, stranded_subject)

if TYPE_CHECKING:
    from .events import _Match

SUBJ = ("nsubj", "csubj")
OBJ_DEPS = ("dobj", "nsubjpass", "attr", "oprd")
TIME_WORDS = frozenset({"hour", "day", "week", "month", "year", "minute", "night", "time", "decade", "while"})
# what a preposition's object must be to only date an act: "fired missiles on Friday"
TIME_NOUNS = TIME_WORDS | frozenset({*WEEKDAYS, *MONTH_NAMES, "morning", "afternoon", "evening", "weekend",
                                     "occasion", "anniversary"})
# where a meeting happens around another: "on the sidelines of the UN General Assembly"
SIDELINES = frozenset({"sideline", "sidelines", "margin", "margins", "fringe", "fringes"})
TOPIC_PREPS = frozenset({"on", "over", "for", "about"})
TARGET_PREPS = ("with", "against", "to", "on", "at", "toward", "towards", "into", "from", "upon", "over", "for",
                "between")
# nouns an event noun modifies without changing the event: "mediation effort", "bombing campaign"
EFFORT_NOUNS = frozenset({"effort", "bid", "attempt", "initiative", "mission", "drive", "push", "campaign",
                          "operation", "process", "offensive"})
NOUN_TARGET_PREPS = ("with", "against", "on", "to", "between", "upon", "of", "toward", "towards")
ADJUNCT_PREPS = frozenset({"after", "before", "during", "following", "amid", "since", "despite", "at"})
# verbs by which a proposal or demand is made: "the terms demanded by its creditors"
PUTTING_FORWARD = frozenset({"demand", "propose", "offer", "draft", "submit", "set", "issue", "make", "present",
                             "table", "put", "impose", "lay", "level", "suggest", "advance", "dictate", "unveil",
                             "announce", "outline", "float", "sponsor", "draw", "broker"})
# a body an organisation sends or forms: "members of a UN fact-finding mission" are the UN's
BODY_NOUNS = frozenset({"mission", "team", "delegation", "agency", "panel", "commission", "committee", "office",
                        "contingent", "force", "body"})
# nouns an "of" phrase names: "the republics of Croatia and Slovenia", "the island of Taiwan"
NAMING_NOUNS = frozenset({"republic", "state", "kingdom", "emirate", "island", "nation", "country", "territory",
                          "province", "region", "enclave", "city", "town", "capital"})
# what an inquiry looks into when it is not an act the lexicon knows: "war crimes by ...", "abuses"
CRIME_NOUNS = frozenset({"crime", "abuse", "atrocity", "violation", "wrongdoing", "misconduct", "corruption",
                         "fraud", "irregularity", "killing", "death", "massacre", "excess", "coup", "violence"})
# what carries an act to an inquiry: "investigate reports of torture by ..."
REPORT_NOUNS = frozenset({"report", "allegation", "claim", "accusation", "charge", "evidence", "complaint"})
# "in defiance of X", "in protest at X": whom a protest is aimed at
PROTEST_NOUNS = frozenset({"defiance", "protest", "opposition", "anger", "outrage", "response", "retaliation"})
ARMED = frozenset({"MIL", "REB", "COP", "UAF", "SPY", "PKO"})
# force used with no one named is aimed at whom its forceful purpose names: "opened fire to disperse
# the demonstrators" (coercion, assault, fighting, mass violence)
FORCE_ROOTS = frozenset({"17", "18", "19", "20"})
# noun events whose "of" phrase names the doer: retreats and withdrawals (08), force postures (15)
DOER_OF_ROOTS = frozenset({"08", "15"})
# "were engaged in fighting", "was involved in the attack": the one involved did it
INVOLVED = frozenset({"engage", "involve", "embroil", "lock", "mire", "participate", "take"})
CONDITIONAL = frozenset({"if", "unless", "whether"})
LOCATIVE = frozenset({"in", "at", "near", "inside", "outside", "across", "into", "along", "off", "around",
                      "through", "throughout"})
# places named by their relation to a country: "the border with Ukraine", "the coast of Taiwan"
PLACE_NOUNS = BORDERS | frozenset({"coast", "shore", "island", "outskirts", "front", "frontline",
                         "line", "edge", "side", "waters", "territory", "region", "area", "province", "town",
                         "city", "village", "capital", "port", "district", "suburb", "camp"})


class Arguments:
    """Source and target finders shared by verbal, nominal and framed events."""

    def _frame_object(self, doc: Doc, token: Token, comp: Token) -> list[Actor]:
        """Who is urged or asked: 'urged Russia to', 'called on Iran to', 'demanded that Hamas ...',
        'Obama was urged by Congress to' (the passive's subject)."""
        carried = token.pos_ == "NOUN" and token.dep_ == "dobj"  # "gave permission to Russia to ..."
        for c in [*token.children, *([k for k in token.head.children if k.dep_ == "dative"] if carried else [])]:
            if c.dep_ == "dative" and c.lower_ == "to":
                c = next((g for g in c.children if g.dep_ == "pobj"), c)
            if c.dep_ in ("dobj", "dative", "pobj") or (c.dep_ == "nsubjpass" and any(a.dep_ == "agent" for a in token.children)):
                found = self._actors(doc, c)
                if found:
                    return found
            if c.dep_ == "prep" and (c.lower_ in ("on", "upon") or (
                    c.lower_ == "to" and token.lemma_.lower() in ("appeal", "plead", "petition", "turn"))):
                for g in c.children:
                    found = self._actors(doc, g) if g.dep_ == "pobj" else []
                    if found:  # "called on Iran" (not "on Tuesday"), "appealed to NATO"
                        return found
        for c in token.children:  # "demanded a truce with Moslem forces": the event noun's own target
            if c.dep_ == "dobj" and (c.lemma_.lower(), True) in self.lexicon.triggers:
                for k in c.children:
                    if k.dep_ == "prep" and k.lower_ in ("with", "against", "on", "to"):
                        found = [a for p in k.children if p.dep_ == "pobj" for a in self._actors(doc, p)]
                        if found:
                            return found
        for c in token.children:  # "calls for common ground with Russia", "called for talks with Iran"
            if c.dep_ == "prep" and c.lower_ == "for":
                for n in (g for g in c.children if g.dep_ == "pobj"):
                    found = [a for k in n.children if k.dep_ == "prep"
                             and k.lower_ in ("with", "between", "from", "against")  # "protests against Maduro"
                             for p in k.children if p.dep_ == "pobj" for a in self._actors(doc, p)]
                    if found:
                        return found
        for c in token.children:  # "asked for Russia's full implementation", "demanded Iran's withdrawal"
            if c.dep_ == "prep" and c.lower_ == "for" or c.dep_ == "dobj":
                nouns = [g for g in c.children if g.dep_ == "pobj"] if c.dep_ == "prep" else [c]
                for n in nouns:
                    owner = [a for k in n.children if k.dep_ == "poss" for a in actors_of(doc, k)]
                    if owner:
                        return owner
        if comp is not None and (comp.pos_ in ("VERB", "AUX") or comp.dep_ in ("ccomp", "xcomp")):
            # "demanded that its EC partners refuse to recognize ...": the one who is to act, through control
            # (also a clause head the tagger took for a noun: "demanded that Prime Minister Thaksin resign")
            subj = self._subjects(doc, comp) or (self._sources(doc, comp) if comp.dep_ == "xcomp" else [])
            if subj:
                return subj
        for c in token.children:
            if c.dep_ == "ccomp" and c is not comp:
                # "demanded that Zimbabwe end the occupation": the act named ("occupation") is not the
                # clause; the clause's subject is the one who is to act
                subj = self._subjects(doc, c)
                if subj:
                    return subj
        for c in token.children:  # "demanded a halt to fighting between Ethiopia and Eritrea": its parties
            if c.dep_ == "dobj":
                found = [a for k in c.subtree if k.dep_ == "prep" and k.lower_ == "between"
                         for p in k.children if p.dep_ == "pobj" for a in self._actors(doc, p)]
                if found:
                    return found
        return []

    def _actors(self, doc: Doc, token: Token, owner: bool = True) -> list[Actor]:
        """Actors of the phrase at `token`, its conjuncts, and (for a non-actor noun) its owner."""
        out: list[Actor] = []
        own = actors_of(doc, token)
        span = range(own[0].start, own[0].end) if own and own[0].kind == "person" else range(token.i, token.i + 1)
        conjuncts = [c for i in span for c in doc[i].conjuncts if c.i > token.i and c.i not in span]
        for t in (token, *conjuncts):  # "Barack Obama and Vladimir Putin", however the name was parsed
            found = actors_of(doc, t)
            if t.lemma_.lower() in NAMING_NOUNS and all(a.kind == "thing" for a in found):
                # "the breakaway Yugoslav republics of Croatia and Slovenia", "the island of Taiwan"
                named = [a for c in t.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                         if g.dep_ == "pobj" for a in self._actors(doc, g, owner=False) if a.kind == "country"]
                found = named or found
            appos = [a for c in t.children if c.dep_ == "appos" for a in actors_of(doc, c)
                     if a.kind in ("person", "org")]
            if appos and (not found or found[0].kind == "agent"):
                found = appos  # "his Russian counterpart, Sergey Lavrov": the person named
            # misparses of "Kerry and Foreign Minister Lavrov", "the US and Russian Federation", and
            # "President Donald Trump and Russian President Vladimir Putin" (Trump hung as an apposition
            # on the first "President", itself a compound of "Putin")
            hung = [k for c in t.children if c.dep_ in ("compound", "nmod")
                    for k in (c, *[a for a in c.children if a.dep_ == "appos"])]
            for c in hung:
                if any(g.dep_ == "cc" for g in c.children):
                    # only between like actors ("Kerry and Foreign Minister Lavrov"; "the Colombian
                    # government and FARC rebels": a government and an armed group are both parties)
                    kinds = {a.kind for a in found} & {"person", "country", "org", "agent"}
                    if kinds & {"org", "agent"}:
                        kinds |= {"org", "agent"}
                    for k in (c, *c.conjuncts):
                        if k.i != t.i and k.i < t.i:
                            out.extend(a for a in actors_of(doc, k) if a.kind in kinds and a.how != "place")
            if found and owner and all(a.how == "pronoun-owner" for a in found):
                # "reneged on his commitment to the Zambian people": "his" is the doer, "to" the one it concerns
                # "eased its blockade of Gaza", "lifted its sanctions on Iran": what it is aimed at
                aimed = [a for c in t.children if c.dep_ == "prep" and c.lower_ in ("to", "with", "toward", "towards",
                                                                                   "against", "of", "on")
                         for g in c.children if g.dep_ == "pobj" for a in self._actors(doc, g, owner=False)]
                found = aimed or found
            if not found and t.dep_ == "appos":
                found = actors_of(doc, t.head)
            if not found and owner and t.pos_ in ("NOUN", "PROPN"):
                # the owner: "the computers of South Korean army officers"; an event noun's
                # target, then its agent: "responsibility for an attack on Israel"
                event_noun = (t.lemma_.lower(), True) in self.lexicon.triggers
                # "a camp for refugees", "demands from UNITA", "a war against Iraq"
                preps = ("on", "against", "of", "by", "from") if event_noun else ("against", "of", "by", "for", "from")
                for c in sorted(t.children, key=lambda c: preps.index(c.lower_) if c.lower_ in preps else 9):
                    if c.dep_ == "prep" and c.lower_ in preps:
                        for g in c.children:
                            if g.dep_ == "pobj":
                                # ("members of a UN fact-finding mission": the UN's)
                                found = [a for a in self._actors(doc, g, owner=False) if a.kind != "thing" or (
                                    a.fixed and doc[a.head].lemma_.lower() in BODY_NOUNS)]
                    if found:
                        break
            if found and found[0].kind == "country":  # "the US, Russia and Switzerland": a list parsed as appositions
                for c in t.children:
                    if c.dep_ == "appos":
                        for a in (c, *c.conjuncts):
                            extra = actors_of(doc, a)
                            if extra and extra[0].kind == "country":
                                found = found + extra
            if not found:
                for c in t.children:  # "the chief negotiator, Saeb Erakat"
                    if c.dep_ == "appos":
                        found = actors_of(doc, c)
                        if found:
                            break
            out.extend(found)
        return out

    def _subjects(self, doc: Doc, verb: Token) -> list[Actor]:
        for c in verb.children:
            if c.dep_ in SUBJ:
                return self._subject(doc, c)
        stranded = stranded_subject(verb)  # "With the signing of ..., the government and the rebels agreed"
        return self._subject(doc, stranded) if stranded is not None else []

    def _subject(self, doc: Doc, subj: Token) -> list[Actor]:
        """The actors of a subject phrase; "The Red Cross operating in Iraq said" may come parsed with
        the participle as the subject and the body as its own subject."""
        found = self._actors(doc, subj)
        if any(c.dep_ == "cc" for c in subj.children) and not subj.conjuncts:
            # "Iraqi Prime Minister al-Maliki and U.S. President Bush discussed": a coordination parsed
            # as two subjects, the "and" left on the first
            for other in subj.head.children:
                if other.dep_ in SUBJ and other.i > subj.i:
                    found = found + self._actors(doc, other)
        if not found and subj.pos_ == "VERB" and subj.tag_ in ("VBG", "VBN"):
            found = [a for c in subj.children if c.dep_ in ("nsubj", "nsubjpass") for a in self._actors(doc, c)]
        return found

    def _passive_doers(self, doc: Doc, verb: Token) -> list[Actor]:
        """Who did a passive act the text gives no "by" for: the attack it happened in, the place
        it was fired from, the attackers of a when-clause; else no one."""
        # "were killed in Israeli tank shelling": the event noun names who did it
        for c in verb.children:
            if c.dep_ == "prep" and c.lower_ in ("in", "during", "by", "from"):
                for g in c.children:
                    if g.dep_ != "pobj":
                        continue
                    if (g.lemma_.lower(), True) in self.lexicon.triggers:
                        # "in an Israeli airstrike", "in an ambush by Maoist rebels"
                        doers = [k for k in g.children if k.dep_ in ("amod", "compound", "poss")] + [
                            o for k in g.children if k.dep_ == "prep" and k.lower_ == "by"
                            for o in k.children if o.dep_ == "pobj"]
                        found = [a for t in (g, *doers) for a in actors_of(doc, t) if a.country]
                    else:  # "killed in Israeli tank fire": an armed actor's weapon
                        found = [a for a in actors_of(doc, g) if a.country and (
                            a.kind == "org" or a.sector in ("MIL", "REB", "COP", "UAF", "SPY"))]
                    if found:
                        return found
        if any(p.cameo[:2] in ("18", "19", "20") for p in self.lexicon.triggers.get((verb.lemma_.lower(), False), ())):
            # "a mortar bomb was fired at Israel from the Gaza Strip": fired from within that place
            found = [a for c in verb.children if c.dep_ == "prep" and c.lower_ == "from"
                     for g in c.children if g.dep_ == "pobj" for a in actors_of(doc, g)
                     if a.kind == "country" and a.country and len(a.country) == 3]
            if found:
                return found[:1]
        for c in verb.children:  # "two soldiers were wounded when Palestinian gunmen opened fire on ..."
            when = any(g.dep_ in ("mark", "advmod") and g.lower_ in ("when", "as", "after") for g in c.children)
            violent = any(p.cameo[:2] in ("18", "19", "20")
                          for p in self.lexicon.triggers.get((c.lemma_.lower(), False), ()))
            if c.dep_ == "advcl" and when and violent:
                found = [a for a in self._subjects(doc, c) if a.country]
                if found:
                    return found
        return []

    def _sources(self, doc: Doc, verb: Token, depth: int = 0) -> list[Actor]:
        if depth > 4:
            return []
        for c in verb.children:
            if c.dep_ == "agent":  # passive: "was attacked by rebels" (not "spoke by telephone")
                for g in c.children:
                    if g.dep_ == "pobj" and (verb.tag_ == "VBN" or any(
                            k.dep_ in ("auxpass", "nsubjpass") for k in verb.children) or self._actors(doc, g)):
                        return self._actors(doc, g)
        if reduced_relative(verb) is not None:
            return []  # "The civilians imprisoned for ... were released": the civilians did not imprison
        passive = passive_conjunct(verb)
        if passive is not None:  # "was shot and wounded": the wounding was the shooter's
            return self._sources(doc, passive, depth + 1)
        described = participle_object(verb) if verb.tag_ == "VBG" else None
        if described is not None:  # "beat protesting monks": the monks protest
            return self._actors(doc, described)
        if headline_passive(verb):
            return self._passive_doers(doc, verb)  # "Three soldiers killed in rebel attack"
        for c in verb.children:
            if c.dep_ in SUBJ:
                return self._subject(doc, c)
        stranded = stranded_subject(verb)
        if stranded is not None:  # "With the signing of ..., the government and the rebels have agreed"
            return self._subject(doc, stranded)
        if self.frames.by_word.get(verb.lemma_.lower()) in ("intent", "prepare"):
            # "Vietnam is committed to ...", "Iran is prepared to ...": the one committed is the source
            for c in verb.children:
                if c.dep_ == "nsubjpass":
                    return self._actors(doc, c)
        if any(c.dep_ in ("nsubjpass", "csubjpass") for c in verb.children) or headline_passive(verb) or (
                verb.dep_ == "acl" and verb.tag_ == "VBN" and not lost_predicate(verb)):
            return self._passive_doers(doc, verb)  # "were killed in ...", "soldiers killed in rebel attack"
        head = verb.head
        if head.i == verb.i:
            return []
        if _raised_patient(verb) is not None:  # "Russia is likely to be sanctioned": Russia is no sanctioner
            return self._passive_doers(doc, verb)
        if verb.dep_ == "xcomp" or (verb.dep_ == "advcl" and any(c.lower_ == "to" for c in verb.children)):
            frame = self.frames.by_word.get(head.lemma_.lower())
            if frame in ("appeal", "demand"):  # object control: "urged Russia to withdraw"
                obj = self._frame_object(doc, head, None)
                if obj:
                    return obj
            if head.pos_ == "ADJ" and head.dep_ in ("acomp", "amod"):  # "is willing to"
                return self._sources(doc, head.head, depth + 1)
            raised = next((c for c in head.children if c.dep_ == "nsubjpass"), None)
            if raised is not None and not any(c.dep_ == "agent" for c in head.children):
                return self._actors(doc, raised)  # "Obama is scheduled to attend", "is expected to visit"
            return self._sources(doc, head, depth + 1)
        if verb.dep_ == "conj":
            shared = next((c for c in head.children if c.dep_ == "nsubjpass"), None)
            if shared is not None:  # "was indicted by the court and will resign": the indicted resigns
                return self._actors(doc, shared)
            return self._sources(doc, head, depth + 1)
        if verb.dep_ in ("acomp", "attr") and (verb.pos_ == "ADJ" or (
                verb.tag_ == "VBG" and head.lemma_.lower() == "be")):
            # "Qatar is mediating between ...", the progressive parsed as "is" with an attribute
            return self._sources(doc, head, depth + 1)
        if verb.dep_ == "relcl":
            return self._actors(doc, head)
        if lost_predicate(verb):
            np = head
            while np.dep_ == "pobj" and np.head.dep_ == "prep" and np.head.head.pos_ in ("NOUN", "PROPN"):
                np = np.head.head
            return self._actors(doc, np)
        if verb.dep_ in ("acl",) and verb.tag_ == "VBG":
            found = self._actors(doc, head)
            if not found and head.dep_ == "dobj" and head.head.pos_ in ("VERB", "AUX"):
                found = self._sources(doc, head.head, depth + 1)  # "issued a declaration demanding ..."
            return found
        if verb.dep_ in ("pcomp", "advcl") and verb.tag_ == "VBG":
            return self._sources(doc, head.head if head.dep_ == "prep" else head, depth + 1)
        return []

    def _giver(self, doc: Doc, verb: Token, m: _Match) -> list[Actor]:
        """The object of a pattern's giver preposition, on the verb or its object ("received
        weapons from the government", "received assurances of support from Russia")."""
        word = m.pattern.source_prep
        holders = [verb, *[doc[u] for u in m.used if doc[u].pos_ in ("NOUN", "PROPN")]]  # "came under criticism from"
        return [a for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == word
                for g in c.children if g.dep_ == "pobj" for a in self._actors(doc, g)]

    def _targets(self, doc: Doc, verb: Token, m: _Match | None) -> list[Actor]:
        pattern = m.pattern if m else None
        used = m.used if m else set()
        if verb.tag_ == "VBG" and participle_object(verb) is not None:
            # "hosted visiting President Mandela": Mandela visits the host; "protesting monks" protest
            return self._sources(doc, verb.head) if verb.lemma_.lower() == "visit" else []
        if pattern is not None and pattern.cameo[:2] == "09":
            # "opened an investigation into the shelling of a hospital by Russian forces", "to investigate
            # Israeli strikes on U.N. schools": an inquiry into an act is aimed at whoever did it
            for h in (verb, *[doc[u] for u in sorted(used)]):
                for c in h.children:
                    nouns = [c] if c.dep_ == "dobj" else [g for g in c.children if g.dep_ == "pobj"] \
                        if c.dep_ == "prep" and c.lower_ in ("into", "of", "over") else []
                    for n in nouns:
                        found = self._culprits(doc, n) or [
                            replace(a, sector=None, fixed=None, how="location", kind="country")
                            for a in _located(doc, n)[:1] if self._act(n) is not None]  # "war crimes in Darfur"
                        if found:
                            return found
        if pattern and pattern.target_prep:
            word = pattern.target_prep
            preps = [c for h in (verb, *[doc[u] for u in used]) for c in h.children
                     if c.lower_ == word and c.dep_ in ("prep", "prt", "agent", "dative")] + [
                doc[u] for u in sorted(used) if doc[u].lower_ == word and doc[u].dep_ == "prep"]
            named_no_one = False  # the pattern's preposition is there, after the verb, naming no one
            for c in preps:
                if _temporal(c):
                    continue  # "eased sanctions on Sudan on Friday": "on Friday" dates it, it names no one
                for g in c.children:
                    if g.dep_ == "pobj" and g.pos_ == "VERB":
                        return self._subjects(doc, g)  # "asylum to five officers holed up in ..."
                    if g.dep_ == "pobj":
                        found = self._actors(doc, g) or _named_by(doc, g)  # "to the border with Ukraine"
                        if not found and (g.lemma_.lower(), True) in self.lexicon.triggers:
                            # "responsibility for an attack (targeting shoppers) at a mall in Kenya"
                            found = self._location_target(doc, g) or [
                                a for k in g.children if k.dep_ == "acl" for a in self._location_target(doc, k)]
                        if found:
                            return found
                        # one before the verb is an adjunct, not the pattern's: "In a bit of
                        # gamesmanship, Putin arrived in Helsinki"; read on past it
                        named_no_one = named_no_one or c.i > verb.i
                if named_no_one:
                    break
                dangling = None if any(g.dep_ in ("pobj", "pcomp") for g in c.children) else \
                    _dangling_object(doc, c)
                if dangling is not None:
                    return self._actors(doc, dangling)
            if named_no_one and pattern.cameo[:2] not in ("04", "05"):
                return []  # "withdrew its forces from the region": the object is its own, no target
            # particle verbs with the object after: "called on Russia" parsed as prt + dobj; a meeting's
            # object when its preposition names no one ("to meet Putin - with no one but translators")
            for c in verb.children:
                if c.dep_ == "dobj":
                    return self._actors(doc, c)
            return []
        for c in verb.children:
            if c.dep_ == "nsubjpass":
                found = self._actors(doc, c)
                if found:
                    return found
        patient = reduced_relative(verb) or shared_patient(verb) or _raised_patient(verb) or (
            next((c for c in verb.children if c.dep_ == "nsubj"), None) if headline_passive(verb) else None)
        if patient is not None:  # "The civilians imprisoned for ... were released by Putin"
            found = self._actors(doc, patient)
            if found:
                return found
        if verb.dep_ == "acl" and verb.tag_ == "VBN" and not lost_predicate(verb):  # "10 Russian soldiers killed in Ukraine"
            found = self._actors(doc, verb.head)
            if found:
                return found
        posture = pattern is not None and pattern.cameo[:2] == "15"
        for c in verb.children:
            if c.dep_ in ("dobj", "dative") and c.i not in used and not any(k.i in used for k in c.subtree):
                # ("massed tens of thousands of troops": the count holds the pattern's own object)
                found = self._actors(doc, c)
                if posture:  # "mobilized troops": the troops are the actor's own, not a target
                    found = [a for a in found if a.country]
                if found:
                    return found
        noun = participle_object(verb)
        if noun is not None:  # "accused neighbouring Eritrea", "hosted visiting President Mandela"
            found = self._actors(doc, noun)
            if found:
                return found
        for c in verb.children:  # "kidnapped up to 16 Russian advisers": a count parsed as a particle
            if c.lower_ == "up" and c.dep_ in ("prt", "prep", "advmod"):
                found = [a for g in c.children if g.lower_ == "to" for p in g.children if p.dep_ == "pobj"
                         for a in self._actors(doc, p)]
                if found:
                    return found
        if not any(c.dep_ == "auxpass" for c in verb.children):
            # "condemned the nuclear test by North Korea", the "by" phrase parsed onto the verb
            found = [a for c in verb.children if c.dep_ == "prep" and c.lower_ == "by" and any(
                o.dep_ in ("dobj",) and o.pos_ == "NOUN" for o in verb.children)
                for g in c.children if g.dep_ == "pobj" for a in self._actors(doc, g)]
            if found:
                return found
        objects = [doc[u] for u in used if doc[u].dep_ in OBJ_DEPS + ("compound",) or (
            doc[u].dep_ == "nsubj" and doc[u].head.head.i == verb.i) or (  # "allowed UN inspectors to return"
            doc[u].dep_ == "pobj" and _sum(doc[u].head.head) and doc[u].head.head.head.i == verb.i)]
        # ("pledged 500 million euros in aid to Ukraine": the pattern's object inside a sum)
        # "a military aid program for Bosnia": the compound's head holds the preposition
        objects += [o.head for o in objects if o.dep_ == "compound" and o.head.i not in used]
        for obj in objects:  # "suspended Nigeria's membership over the execution of ...": its owner
            if obj.i not in used or any(a.kind != "thing" for a in actors_of(doc, obj)):
                continue  # ("expelled Israel's ambassador": the ambassador)
            found = [a for c in obj.children if c.dep_ == "poss" and c.pos_ != "PRON"
                     for a in actors_of(doc, c) if a.country and a.kind in ("country", "org", "person")
                     and (pattern is None or pattern.cameo[:2] not in ("04", "05"))]
            if found:
                return found
        if pattern is not None and pattern.cameo[:2] in FORCE_ROOTS:
            # "beat Palestinian detainees with the knowledge of senior officers": the pattern's object
            # is the one beaten (not "its troops", whom a force deploys)
            for obj in objects:
                found = [a for a in self._actors(doc, obj) if obj.i in used and obj.dep_ == "dobj" and
                         a.head == obj.i and a.country and a.kind in ("agent", "person", "org")
                         and not any(c.dep_ == "poss" and c.pos_ == "PRON" for c in obj.children)]
                if found:
                    return found
        holders = (verb, *objects, *[c for c in verb.children if c.dep_ == "dobj" and c.i not in used])
        for word in TARGET_PREPS:
            for h in holders:  # "extradite the suspects to India": the preposition may hang on the object
                for c in h.children:
                    if c.dep_ in ("prep", "dative") and c.lower_ == word:
                        for g in c.children:
                            if g.dep_ == "pobj":
                                if g.lemma_.lower() in SIDELINES or (word == "at" and pattern is not None
                                                                      and pattern.cameo[:2] in ("04", "05")):
                                    continue  # "met on the sidelines of the UN General Assembly", "at the UN"
                                found = self._actors(doc, g)
                                accord = h.lemma_.lower() in ACCORD_NOUNS or (h.i == verb.i and any(
                                    doc[u].lemma_.lower() in ACCORD_NOUNS for u in used))
                                if accord and word in TOPIC_PREPS and \
                                        not any(a.country and a.kind != "thing" for a in found):
                                    continue  # "struck a deal on prisoners": what it is about, not with whom
                                if pattern is not None and pattern.cameo[:2] == "04" and word in TOPIC_PREPS \
                                        and found and all(a.kind == "thing" for a in found):
                                    continue  # "held talks on the EU's budget crisis": the topic, not a party
                                if found:
                                    return found
        if pattern is not None and (pattern.cameo[:2] == "12" or pattern.cameo in ("016", "080")):
            # "rejected opposition demands that he step down", "denied Congolese accusations that ...",
            # "accepted the U.N. resolution": what is rejected, denied or yielded to was put forward
            # by someone, and that someone is the target
            for obj in [*objects, *[c for c in verb.children if c.dep_ == "dobj" and c.i not in used]]:
                found = self._makers(doc, obj)
                if found:
                    return found
        for obj in objects:  # "its demand that Israel ease ...": the one the demand is made on
            for c in obj.children:
                if c.dep_ in ("acl", "ccomp", "relcl") and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children):
                    found = self._subjects(doc, c)
                    if found:
                        return found
        for obj in objects:  # "rejected an Indian proposal", "expelled two Russian diplomats"
            found = self._actors(doc, obj)
            if posture and obj.i in used:  # "test-fired missiles": the force shown is the actor's own
                found = [a for a in found if a.head != obj.i]
            elif posture or obj.i in used:
                # "share intelligence": the pattern's own object word is what is done, not to whom
                found = [a for a in found if a.country or a.head != obj.i]
            if found:
                return found
        for c in verb.children:  # "violated the ceasefire by attacking a navy patrol": the means' target
            if c.dep_ == "prep" and c.lower_ == "by":
                for g in c.children:
                    if g.dep_ == "pcomp" and g.tag_ == "VBG":
                        found = self._targets(doc, g, None)
                        if found:
                            return found
        if pattern is not None and pattern.cameo[:2] == "16":
            # "banned all imports of Japanese seafood", "an embargo on Iranian oil": the goods' country
            found = [a for obj in objects for c in obj.children if c.dep_ == "prep" and c.lower_ in ("of", "on")
                     for g in c.children if g.dep_ == "pobj" for a in actors_of(doc, g) if a.country]
            if found:
                return found[:1]
        if pattern is not None and pattern.cameo[:2] in ("11", "12"):
            # "deplored the military coup in Sierra Leone": an act condemned where it happened
            for obj in (*objects, *[c for c in verb.children if c.dep_ == "dobj"]):
                if self._known_act(obj):
                    found = [replace(a, sector=None, fixed=None, how="location", kind="country")
                             for a in _located(doc, obj)]
                    if found:
                        return found[:1]
        if pattern is not None and pattern.cameo[:2] in FORCE_ROOTS:
            # "planted a roadside bomb that killed three Malian soldiers", "fired a rocket which hit an
            # Israeli school": the weapon's victims, named in the clause on it
            for obj in (*objects, *[c for c in verb.children if c.dep_ == "dobj"]):
                for c in obj.children:
                    if c.dep_ == "relcl" and any(p.cameo[:2] in FORCE_ROOTS for p in
                                                 self.lexicon.triggers.get((c.lemma_.lower(), False), ())):
                        found = self._targets(doc, c, None)
                        if found:
                            return found
        return []

    def _act(self, noun: Token) -> Token | None:
        """The act a noun names, the lexicon's or a crime ("war crimes", "abuses"), read through a
        report or allegation of it ("reports of torture by ..."); None for anything else."""
        while noun.lemma_.lower() in REPORT_NOUNS:
            inner = [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                     for g in c.children if g.dep_ == "pobj"]
            if not inner:
                return None
            noun = inner[0]
        return noun if self._known_act(noun) else None

    def _known_act(self, noun: Token) -> bool:
        """An act the lexicon knows as a noun, or a crime."""
        return (noun.lemma_.lower(), True) in self.lexicon.triggers or noun.lemma_.lower() in CRIME_NOUNS

    def _culprits(self, doc: Doc, noun: Token) -> list[Actor]:
        """Who did the act a noun names: "the shelling of a hospital by Russian forces", "Israeli
        strikes", "reports of torture by Uzbek security forces" (through a report or allegation)."""
        noun = self._act(noun)
        if noun is None:
            return []
        found = [a for c in noun.children if c.dep_ == "prep" and c.lower_ == "by"
                 for g in c.children if g.dep_ == "pobj" for a in self._actors(doc, g, owner=False)]
        return found or [a for c in noun.children if c.dep_ in ("amod", "poss", "compound", "nmod")
                         for a in actors_of(doc, c) if a.country or a.fixed]

    def _makers(self, doc: Doc, noun: Token) -> list[Actor]:
        """Who made a proposal, call, demand or charge named by `noun` (not itself an actor): "US
        calls", "Iran's offer", "the Egyptian proposal", "demands from UNITA", "the terms demanded by
        its creditors"."""
        own = actors_of(doc, noun) if noun.pos_ in ("NOUN", "PROPN") else [None]
        if any(a is None or a.kind != "thing" for a in own):
            return []  # an actor itself: "rejected the UN envoy"
        mods = {c.i for c in noun.children if c.dep_ in ("poss", "compound", "amod", "nmod")}
        own = [a for a in own if a.start in mods]  # "U.S. calls", "Iran's offer"; not "Iraq advice calls"
        found = own or [a for c in noun.children if c.dep_ in ("poss", "compound", "nmod")
                        for a in actors_of(doc, c) if a.kind != "thing"]  # "opposition demands"
        found = found or [a for c in noun.children if c.dep_ == "prep" and c.lower_ in ("by", "from")
                          for g in c.children if g.dep_ == "pobj" for a in self._actors(doc, g, owner=False)]
        return found or [a for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"
                         and c.lemma_.lower() in PUTTING_FORWARD for k in c.children if k.dep_ == "agent"
                         for g in k.children if g.dep_ == "pobj" for a in self._actors(doc, g, owner=False)]

    def _between(self, doc: Doc, token: Token) -> list[Actor]:
        """The parties of "talks between Russia and Ukraine", "fighting between troops and rebels"."""
        return [a for c in token.children if c.dep_ == "prep" and c.lower_ == "between"
                for g in c.children if g.dep_ == "pobj" for a in self._actors(doc, g)]

    def _noun_arguments(self, doc: Doc, noun: Token, m: _Match) -> tuple[list[Actor], list[Actor]]:
        if noun.dep_ == "compound" and noun.head.lemma_.lower() in EFFORT_NOUNS:
            # "launched a mediation effort between the Emirates and Saudi Arabia", "a bombing campaign
            # against rebel positions": the event's arguments hang on the noun it modifies
            return self._noun_arguments(doc, noun.head, m)
        sources: list[Actor] = []
        targets: list[Actor] = []

        if m.pattern.cameo[:2] in ("04", "05"):
            # "the Trump-Putin summit", "US-Russian talks": every party named before a meeting noun takes part
            # (a city there is where it is held: "the Helsinki summit")
            parties = [a for t in _modifier_tokens(noun) for a in actors_of(doc, t) if a.how not in VENUES]
            if len({a.code for a in parties}) >= 2:
                sources = parties
        for c in noun.children:
            own = actors_of(doc, c)
            if (c.dep_ == "poss" or (c.dep_ in ("amod", "compound", "nmod") and own)) and not city_before(c, own) \
                    and c.i not in m.used:  # "a military operation" ("military" is the pattern's), "the Kabul bombing"
                sources = sources or self._actors(doc, c, owner=False)
            elif c.dep_ == "prep" and c.lower_ == "by":
                for g in c.children:
                    if g.dep_ == "pobj":
                        sources = self._actors(doc, g)
        word = m.pattern.target_prep
        for prep in ((word,) if word else NOUN_TARGET_PREPS):
            for c in noun.children:
                if c.dep_ == "prep" and c.lower_ == prep:
                    for g in c.children:
                        if g.dep_ == "pobj":
                            targets = targets or self._actors(doc, g, owner=False)
        if not targets:  # "a suspension of air links with Serbia": the suspended thing's partner
            targets = [a for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                       if g.dep_ == "pobj" for k in g.children if k.dep_ == "prep" and k.lower_ in (
                           "with", "to", "against", "on") for p in k.children if p.dep_ == "pobj"
                       for a in self._actors(doc, p, owner=False)]
        if not sources:  # "the demonstration staged by students"
            for c in noun.children:
                if c.dep_ == "acl":
                    for k in c.children:
                        if k.dep_ == "agent":
                            sources = [a for p in k.children if p.dep_ == "pobj" for a in self._actors(doc, p)]
        if not sources and m.pattern.cameo[:2] == "04":
            # "after a day of discussions with X, Kerry said": the clause's subject took part in the talks
            # (only for meetings and visits: "after the shooting" says nothing about who shot)
            t = noun
            while t.dep_ in ("pobj", "pcomp") and t.head.dep_ == "prep" and t.head.lower_ in ADJUNCT_PREPS | {"of"}:
                t = t.head.head
                if t.pos_ in ("VERB", "AUX"):
                    if t.head.lower_ != "of":
                        sources = self._subjects(doc, t)
                    break
        verb = noun.head
        if noun.dep_ == "pobj" and verb.lower_ == "for" and verb.head.lemma_.lower() in self.frames.motion:
            sources = sources or self._sources(doc, verb.head)  # "negotiators return to Geneva for talks"
        if noun.dep_ == "pobj" and verb.dep_ == "prep" and verb.lower_ == "in" and \
                verb.head.lemma_.lower() in INVOLVED and not sources:
            involved = verb.head  # "Serb forces were engaged in ethnic cleansing ... against the Albanians"
            sources = [a for c in involved.children if c.dep_ in ("nsubjpass", "nsubj") for a in self._actors(doc, c)]
            targets = targets or [a for c in involved.children if c.dep_ == "prep" and c.lower_ in ("against", "on")
                                  for p in c.children if p.dep_ == "pobj" for a in self._actors(doc, p)]
        if noun.dep_ == "pobj" and verb.dep_ == "prep" and verb.head.lemma_.lower() in self.frames.light:
            light = verb.head  # "engaged the peacekeepers in a firefight"
            sources = sources or self._sources(doc, light)
            if not targets:
                for c in light.children:
                    if c.dep_ == "dobj":
                        targets = self._actors(doc, c)
        if noun.dep_ in ("dobj", "nsubjpass", "attr") and verb.pos_ in ("VERB", "AUX") and (
                verb.lemma_.lower() in self.frames.light or verb.lemma_.lower() in self.frames.by_word):
            if not sources:
                sources = self._sources(doc, verb)
            if not targets:
                for prep in TARGET_PREPS:
                    for c in verb.children:
                        if c.dep_ == "prep" and c.lower_ == prep:
                            for g in c.children:
                                if g.dep_ == "pobj":
                                    targets = targets or self._actors(doc, g)
        if m.pattern.cameo[:2] in DOER_OF_ROOTS:
            # "the withdrawal of US troops from Iraq": armed men "of" a retreat or a deployment are its
            # doers (of an arrest, an indictment or a killing they are who it is done to), never its
            # target, also when someone else announced or ordered it ("Putin ordered the withdrawal of ...")
            armed = [a for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                     if g.dep_ == "pobj" for a in self._actors(doc, g, owner=False) if a.sector in ARMED]
            if armed:
                sources = sources or armed
                own = sources[0].country  # the announcer's country, or the troops' own
                targets = [a for t in (noun, *[g for c in noun.children if c.lower_ == "of" for g in c.children])
                           for c in t.children if c.dep_ == "prep" and c.lower_ in ("from", "against", "on", "in")
                           for p in c.children if p.dep_ == "pobj" for a in self._actors(doc, p)
                           if a.country != own]
        return sources, targets

    def _purpose_target(self, doc: Doc, token: Token, matches) -> list[Actor]:
        """Whom force with no object was used against, from a forceful purpose ("opened fire to
        disperse demonstrators"): the targets of a purpose clause that is itself a coercive or
        violent trigger (a peaceful purpose names no target: "sent troops to protect civilians")."""
        for c in _purposes(token):
            if c.i in matches and matches[c.i].pattern.cameo[:2] in FORCE_ROOTS:
                found = self._targets(doc, c, matches[c.i])
                if found:
                    return found
        return []

    def _protest_target(self, doc: Doc, token: Token, matches) -> list[Actor]:
        """Whom a protest with no object is aimed at, from its purpose or its manner: "went on hunger
        strike to protest Sweden's decision", "blocked a road to show their disapproval of US
        policies", "blocked streets in defiance of Chinese authorities"."""
        for c in _purposes(token):
            found = self._targets(doc, c, matches[c.i]) if c.i in matches else []
            # "marched to demand that Beijing allow universal suffrage": the one the demand is made on
            found = found or [a for k in c.children if k.dep_ == "ccomp" for a in self._subjects(doc, k)
                              if a.how not in ("pronoun", "pronoun-owner")][:1]
            found = found or [a for k in c.subtree if k.dep_ == "pobj" and k.head.lower_ in (
                "against", "of", "for", "over", "at", "with", "on")
                for a in self._actors(doc, k) if a.how not in ("pronoun", "pronoun-owner")][:1]
            if found:
                return found
        against = [a for k in token.subtree if k.lower_ == "against" and k.dep_ in ("prep", "conj")
                   and k.head.i != token.i and depth_below(k, token) <= 3
                   for p in k.children if p.dep_ == "pobj" for a in self._actors(doc, p)
                   if a.how not in ("pronoun", "pronoun-owner")]
        if against:  # "marched in support of the uprising and against Israel's military offensive"
            return against[:1]
        return [a for c in token.children if c.dep_ == "prep" and c.lower_ == "in"
                for n in c.children if n.dep_ == "pobj" and n.lemma_.lower() in PROTEST_NOUNS
                for k in n.children if k.dep_ == "prep" and k.lower_ in ("of", "against", "at", "over")
                for p in k.children if p.dep_ == "pobj" for a in self._actors(doc, p)]

    def _condition_party(self, doc: Doc, token: Token) -> list[Actor]:
        """The subject of an if/unless clause under the threat or its complement."""
        for t in (token, *[c for c in token.children if c.dep_ in ("xcomp", "ccomp")]):
            for c in t.children:
                if c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in CONDITIONAL for g in c.children):
                    found = [a for a in self._subjects(doc, c) if a.country]
                    if found:
                        return found
        return []

    def _location_target(self, doc: Doc, token: Token) -> list[Actor]:
        """For material conflict with no named target, the place it happened stands for the target."""
        found = _located(doc, token)
        if not found and token.dep_ == "conj":  # "crossed into Somalia and attacked Islamist fighters"
            found = _located(doc, token.head)
        if not found:
            for c in token.children:
                if c.dep_ in ("dobj", "nsubjpass"):
                    found = _located(doc, c) or _place_owner(doc, c)
                    if not found:  # "killed the deputy chief of Israel's militia ally in southern Lebanon"
                        found = [a for k in c.subtree if k.dep_ == "pobj" and k.head.lower_ in ("in", "inside")
                                 and k.head.i > c.i for a in actors_of(doc, k)
                                 if a.kind == "country" and a.country and len(a.country) == 3][:1]
                        found = [replace(a, sector=None, fixed=None, how="location") for a in found]
                    if found:
                        break
        return found[:1]


def _modifier_tokens(noun: Token) -> list[Token]:
    """The words before a noun that can name its parties: possessives, adjectives and compounds,
    and the words joined to them by a hyphen or "and" ("Trump" in "the Trump-Putin summit", "US" in
    "US-Russian talks")."""
    out = []
    for c in noun.children:
        if c.dep_ in ("poss", "amod", "compound", "nmod") and c.i < noun.i:
            out.append(c)
            out.extend(g for g in c.children if g.dep_ in ("compound", "npadvmod", "amod", "nmod", "conj")
                       and g.i < c.i and any(t.text in ("-", "and", "–") for t in noun.doc[g.i + 1:c.i]))
    return out


def _dangling_object(doc: Doc, prep: Token) -> Token | None:
    """A preposition the parser left without its object ("asylum to five Panamanian officers holed
    up in ...", where the officers became the subject of the next clause): the first noun after it
    that names an actor, if nothing but its modifiers stand between."""
    for t in doc[prep.i + 1: min(prep.i + 8, prep.sent.end)]:
        if t.pos_ in ("NOUN", "PROPN") and actors_of(doc, t) and t.dep_ in ("nsubj", "nsubjpass", "dobj", "appos"):
            return t
        if t.pos_ not in ("DET", "NUM", "ADJ", "NOUN", "PROPN", "PUNCT", "CCONJ"):
            break
    return None


def _place_owner(doc: Doc, noun: Token) -> list[Actor]:
    """The country of a place named as a thing: "shelled the city of Aleppo", "bombarded a part of
    Syria's second city"."""
    for t in (noun, *[g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                      for g in c.children if g.dep_ == "pobj"]):
        if t.lemma_.lower() in PLACE_NOUNS or t.lemma_.lower() in ("part", "parts", "section", "half"):
            for a in actors_of(doc, t):
                if a.country and len(a.country) == 3 and a.kind in ("thing", "country"):
                    return [replace(a, sector=None, fixed=None, how="location", kind="country")]
    return []


def _located(doc: Doc, token: Token, depth: int = 0, venue: bool = False) -> list[Actor]:
    """Country-level actors of the places the event happened in ("in Kenya's capital", "near Aleppo",
    "at a mall in Nairobi"); `venue`: the event is an attack noun, and a city before it is where
    it happened too ("the Kabul bombing killed ...")."""
    out = []
    if venue and token.pos_ in ("NOUN", "PROPN"):
        for c in token.children:
            found = actors_of(doc, c) if c.i < token.i else []
            if city_before(c, found):  # a city before an event noun: where it was
                out.extend(replace(a, sector=None, fixed=None, how="location", kind="country")
                           for a in found if a.country and len(a.country) == 3)
    for c in token.children:
        if c.dep_ == "prep" and (c.lower_ in LOCATIVE or c.lower_ == "on"):
            for g in c.children:
                if g.dep_ != "pobj":
                    continue
                if c.lower_ == "on" and g.lemma_.lower() not in PLACE_NOUNS:
                    # "on" places only along a line ("on the border", not "on the use of"); what is
                    # attacked may itself be placed: "an attack on a hotel in Kenya's capital"
                    out.extend(_located(doc, g, depth + 1) if depth == 0 else [])
                    continue
                # "along the border with Ukraine"; "near its border with Kuwait" faces Kuwait
                across = [a for k in g.children if k.dep_ == "prep" and k.lower_ == "with"
                          and g.lemma_.lower() in BORDERS for p in k.children if p.dep_ == "pobj"
                          for a in actors_of(doc, p)]
                found = across or actors_of(doc, g) or _named_by(doc, g)
                # a thing is a place only if it is a place noun: "in Israeli territory", not "in Israeli shelling"
                found = [a for a in found if a.kind == "country" or (
                    a.kind == "thing" and g.lemma_.lower() in PLACE_NOUNS)]
                for a in found:
                    if a.country and len(a.country) == 3:
                        out.append(replace(a, sector=None, fixed=None, how="location", kind="country"))
                if not found and depth == 0:
                    out.extend(_located(doc, g, depth + 1))
    return out


def _purposes(token: Token) -> list[Token]:
    """The verb's purpose clauses: "went on hunger strike to protest ...", "opened fire to disperse ..."."""
    return [c for c in token.children if c.dep_ in ("advcl", "xcomp")
            and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)]


def depth_below(token: Token, top: Token) -> int:
    """How far `token` is below `top` in the parse (up to the root when `top` is not above it)."""
    n = 0
    while token.i != top.i and token.head.i != token.i:
        token, n = token.head, n + 1
    return n


def _named_by(doc: Doc, place: Token) -> list[Actor]:
    """The actors a place noun is named by: "the border with Ukraine", "the coast of Taiwan"."""
    if place.lemma_.lower() not in PLACE_NOUNS:
        return []
    return [a for k in place.children if k.dep_ == "prep" and k.lower_ in ("with", "of")
            for p in k.children if p.dep_ == "pobj" for a in actors_of(doc, p)]


def _raised_patient(verb: Token) -> Token | None:
    """The patient of a passive infinitive: the subject of the word it hangs on ("Russia is likely
    to be sanctioned", "the journalists are expected to be released", "they want to be heard")."""
    if verb.dep_ != "xcomp" or not any(c.dep_ == "auxpass" for c in verb.children):
        return None
    head = verb.head.head if verb.head.pos_ == "ADJ" and verb.head.dep_ == "acomp" else verb.head
    return next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def _sum(token: Token) -> bool:
    """An object that is an amount: "500 million euros (in aid)", "$5m (in aid)"."""
    return token.dep_ in OBJ_DEPS and (token.like_num or any(c.dep_ == "nummod" for c in token.children))

def _temporal(prep: Token) -> bool:
    """A preposition that only dates the act: "fired missiles on Friday" fires on no one."""
    objects = [g for g in prep.children if g.dep_ == "pobj"]
    return bool(objects) and all(g.lemma_.lower() in TIME_NOUNS for g in objects)
