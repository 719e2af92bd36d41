"""Events: find triggers in each parsed sentence, pick source and target from the dependency tree.

The cascade for one sentence:
1. triggers — verbs and event nouns whose lemma heads a lexicon pattern; the most specific
   pattern whose particles/prepositions/objects are all attached wins.
2. frames (framing.py) — a trigger inside the complement of a frame word ("agreed to cooperate",
   "urged X to withdraw", "called for a ceasefire", "said X must") is recoded by the frame
   (frames.yaml) and becomes ONE event; the frame word alone is coded only when its complement is
   no event.
3. arguments — source: subject (inherited through xcomp/conj/relcl), passive by-agent, or for
   nouns the possessive/adjective/"by"; target: the pattern's preposition, the object, the passive
   subject, or a with/against/to/on/at prepositional object; a non-actor noun yields its owner
   ("the computers of South Korean officers"). Coordinated actors expand; a coordinated subject
   with no target is reciprocal (A and B met -> A-B and B-A).
4. flags — negation, modality (intended, hypothetical, reported) and who reported it.
The component stores plain `RawEvent`s in `doc._.events`; coder.py turns them into records.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span, Token

from .actors import VENUES, Actor, actors_of, sentence_spans
from .arguments import CONDITIONAL, FORCE_ROOTS, OBJ_DEPS, TIME_WORDS, Arguments, _located, _temporal
from .placing import STATE_SECTORS
from .repairs import lost_predicate, participle_object, reduced_relative, shared_patient, shares_passive
from .framing import ACTOR_OBJECT_VERBS, DIPLOMATS, LEAVE_VERBS, Framing, expulsion_code, question, unaimed
from .frames import load_frames
from .lexicon import NO_EVENT, Lexicon, TriggerPattern

QUANTITY = frozenset({"thousand", "hundred", "dozen", "million", "score", "number", "group", "team", "unit",
                      "brigade", "day", "week", "most", "planeload", "shipload", "convoy", "campaign",
                      "battalion", "contingent", "handful", "couple", "lot", "wave", "series", "round", "ton",
                      "tonne", "kg", "kilogram", "shipment", "consignment", "batch", "package", "amount", "worth",
                      "part", "range", "host", "flurry", "barrage", "volley", "string", "spate", "mission",
                      # "50 million euros in humanitarian aid", "declared a state of emergency"
                      "euro", "dollar", "pound", "yen", "yuan", "rupee", "franc", "state"})
# events whose place is the scene of the actors' own conflict: it places unplaced actors
SCENE_ROOTS = frozenset({"14", "15", "17", "18", "19", "20"})
# "X is expected / scheduled / set / due to ...": a future event
SCHEDULED = frozenset({"expect", "schedule", "set", "due", "slate", "poise", "likely"})
# aid of a named kind: the code's sub-code digit (CAMEO 07x, 033x, 023x, 162x, 122x)
AID_NOUNS = frozenset({"aid", "assistance"})
AID_KINDS = {"economic": "1", "financial": "1", "development": "1", "budget": "1", "budgetary": "1",
             "military": "2", "defence": "2", "defense": "2", "security": "2",
             "humanitarian": "3", "food": "3", "medical": "3", "relief": "3", "emergency": "3"}
AID_CODES = {"070": "07", "033": "033", "023": "023", "162": "162", "122": "122"}
# violence verbs with no figurative use: "bombed a market" is a marketplace ("attacked the market" may not be)
LITERAL_VIOLENCE = frozenset({"bomb", "shell", "bombard", "strafe", "raid", "firebomb", "torch"})
# what violence verbs take figuratively: "fight inflation", "combat corruption", "attack the problem"
ABSTRACT = frozenset({"price", "inflation", "corruption", "poverty", "crime", "disease", "unemployment", "deficit",
                      "problem", "issue", "idea", "plan", "policy", "proposal", "decision", "law", "budget", "tax",
                      "blaze", "wildfire", "epidemic", "pandemic", "virus", "drought", "hunger", "illiteracy", "debt",
                      "recession", "crisis", "change", "trend", "market", "cost", "rate", "record",
                      "outbreak", "coronavirus", "covid", "terrorism", "extremism", "cancer", "trafficking",
                      # "targeted the 2016 election": an election or a reputation is not fired on
                      "election", "vote", "referendum", "economy", "democracy", "reputation", "credibility",
                      # "shot Putin a wink", "shot a film": no one is fired on
                      "wink", "glance", "look", "smile", "film", "video", "movie", "scene", "photo", "picture",
                      "footage", "advert", "commercial", "documentary", "episode",
                      # "attacked the way the war was sold": words are attacked, not people
                      "way", "move", "claim", "remark", "comment", "statement", "approach", "handling", "stance",
                      "speech", "rhetoric", "failure", "strategy", "reform", "scheme", "bill",
                      # "struck a balance", "struck a conciliatory tone", "struck a chord"
                      "balance", "tone", "chord", "note", "pose", "posture", "attitude", "gold", "oil", "luck",
                      "fear", "match", "blow"})
# violence verbs too common in other senses to be an event without an object
NEEDS_OBJECT = frozenset({"strike"})
# what one meets when one satisfies it: "will meet the golden rule", "met the deadline" is no meeting
SATISFIED = frozenset({"rule", "target", "deadline", "requirement", "standard", "criterion", "need", "expectation",
                       "cost", "obligation", "goal", "condition", "challenge", "payment", "bill", "threshold", "quota",
                       "benchmark", "commitment", "test", "limit", "shortfall", "budget", "criteria", "objective"})
# what a show of force moves: "mobilized troops" is a force posture, "mobilized pressure groups" is not
FORCES = frozenset({"troop", "force", "army", "soldier", "reservist", "reserve", "unit", "brigade", "battalion",
                    "division", "regiment", "tank", "warship", "ship", "navy", "jet", "aircraft", "plane", "bomber",
                    "militia", "militiaman", "fighter", "man", "police", "policeman", "guard", "military", "artillery",
                    "missile", "weapon", "personnel", "paramilitary", "commando", "marine", "armour", "armor"})
# violence verbs that, with a reason ("for ..."), are words: "attacked Obama for his Iran policy"
VERBAL_ATTACKS = frozenset({"attack", "hit", "blast", "savage", "assail"})
CRITICISM = "111"
OFFICIAL_COMPLAINT = "114"
VERBAL_CLASH = "110"  # politicians who clash disapprove of each other
POLITICAL_SECTORS = frozenset({"GOV", "LEG", "PTY", "OPP", "ELI", "JUD"})
RIOT = "145"
OCCUPATION, SIT_IN, BLOCKADE = "192", "144", "191"
# seizing or capturing a place is taking territory, whatever the bare verb's own code (a seizure of
# goods, a capture of people): "rebels captured Aleppo", "Iraq seized Kuwait"
TAKEN_PLACE = frozenset({"171", "173"})
PLACE_HOWS = VENUES | {"country"}
CROWDS = frozenset({"protester", "protestor", "demonstrator", "rioter", "crowd", "mob", "youth", "student", "villager",
                    "resident", "fan", "supporter", "marcher"})
ABILITY = frozenset({"able", "capable", "unable", "incapable"})
CAMPAIGN = frozenset({"campaign", "election", "electoral", "victory", "reelection", "re-election", "primary"})
# verbal events: "were invited to attend", "such activities require ...": no one named, no event
VERBAL_ROOTS = frozenset({"01", "02", "03", "10", "11", "12", "13"})
# events both sides take part in whoever the sentence makes the subject: negotiating, sharing information
MUTUAL_CODES = frozenset({"046", "064", "041"})
# acts two subjects do to each other when no target is named ("Israel and Hamas clashed", "the US and
# Russia disagreed"); "the US and the EU sent aid", "Trump and May arrived", "students and workers
# protested" are done together, not to each other
# parties who agree to something agree with each other ("Sudan and the SPLA agreed to allow access");
# parties who are willing, pledge or want to do something need not ("neither A nor B was willing to fund it")
AGREEING = frozenset({"agree", "consent"})
RECIPROCAL_ROOTS = frozenset({"03", "04", "05", "06", "10", "11", "12", "16", "19"})
ONE_WAY_CODES = frozenset({"042", "043", "044"})
FUTURE = frozenset({"will", "shall", "'ll", "wo"})
HYPOTHETICAL = frozenset({"would", "could", "might", "may"})
LOCATION_TARGET_ROOTS = frozenset({"08", "14", "15", "16", "17", "18", "19", "20"})
# ...except a truce or a demobilisation "in south Lebanon": the place is where, not whom (a retreat
# or evacuation from a place is aimed at it: "will evacuate the settlements in the Gaza Strip")
NO_PLACE_TARGET = ("0871", "0873")
# events that, with no one named, are aimed at the actor's own state: protests, strikes, curfews, arrests,
# and threats of such administrative measures
DOMESTIC_ROOTS = frozenset({"14", "17"})
DOMESTIC_CODES = frozenset({"132", "133", "137", "034", "0351", "0352", "081", "082", "083"})
# verbs that end what their gerund names: "stop backing", "ceased firing"
CEASING = frozenset({"stop", "cease", "quit", "halt", "end", "abandon"})
# verbs that charge or credit someone with an act: "accused Israel of committing genocide" codes the
# accusation, not the genocide (nor with the accuser as its doer)
CHARGING = frozenset({"accuse", "charge", "blame", "suspect", "condemn", "criticize", "criticise", "denounce",
                      "fault", "convict", "indict", "sue", "punish", "praise", "thank", "congratulate", "credit",
                      "commend", "reward", "rebuke", "reprimand"})
# retaliation answers someone else: "Russia struck back against sanctions" is not aimed at Russia
RETALIATING = frozenset({"retaliate", "strike", "avenge"})
# a trigger under one of these is background to the sentence's main event ("..., killing eight",
# "the group that seized Mosul", "during a visit to Beirut")
# consultation, diplomatic and material cooperation, aid, reducing relations: their two sides are
# seldom organs of one state, so a state organ placed only by the other side's country is unplaced
BORROW_FREE_ROOTS = frozenset({"04", "05", "06", "07", "16"})
SUBORDINATE_DEPS = frozenset({"relcl", "acl", "advcl", "pcomp", "amod", "csubj", "npadvmod"})


@dataclass
class RawEvent:
    sentence: Span
    trigger: list[int]  # token indices of the trigger words
    cameo: str
    source: Actor | None
    target: Actor | None
    negated: bool = False
    modality: str = "asserted"
    reported_by: Actor | None = None
    rule: str = ""
    confidence: float = 0.5


@dataclass
class _Match:
    token: Token
    pattern: TriggerPattern
    used: set[int] = field(default_factory=set)  # tokens the pattern consumed (particles, objects)


class EventFinder(Framing, Arguments):
    """spaCy-style component: `finder(doc)` stores the article's events in `doc._.events`."""

    def __init__(self, lexicon: Lexicon):
        self.lexicon = lexicon
        self.frames = load_frames()

    def __call__(self, doc: Doc) -> Doc:
        events: list[RawEvent] = []
        for sent in sentence_spans(doc):
            events.extend(self._sentence_events(doc, sent))
        doc._.events = events
        return doc

    # -- 1. triggers -----------------------------------------------------------------------
    def _match(self, token: Token, present: frozenset[str] | None = None) -> _Match | None:
        """The first trigger pattern headed by `token` whose objects and prepositions it governs.
        `present`: every word and lemma of its sentence, when the caller has them (a pattern
        needing a word the sentence lacks is not looked for in the tree)."""
        noun = token.pos_ in ("NOUN", "PROPN")
        if not noun and token.pos_ != "VERB":
            return None
        lemma = token.lemma_.lower()
        if lemma[2:3] == "-" and lemma[:2] in ("re", "co") or lemma[3:4] == "-" and lemma[:3] == "pre":
            lemma = lemma.replace("-", "", 1)  # "re-open" is "reopen", "co-operation" is "cooperation"
            if not noun and (lemma, noun) not in self.lexicon.triggers:
                # the model's rules lemmatize an unknown "re-opened" as "re-opene": the trigger head
                # whose inflections hold the word ("reopened" -> reopen)
                lemma = min(self.lexicon.verb_heads.get(token.lower_.replace("-", "", 1), ()), default=lemma)
        heads = [lemma]
        if not noun and lemma.startswith("re") and len(lemma) > 5 and (lemma, noun) not in self.lexicon.triggers:
            heads.append(lemma[2:])  # "reimposed blockades", "reopened talks": the same event again
        if noun and token.i >= 2 and token.nbor(-1).text == "-":
            heads.insert(0, f"{token.nbor(-2).lower_}-{lemma}")
        triggers = self.lexicon.triggers
        if not any(triggers.get((head, noun)) for head in heads):
            return None  # most words head no pattern: nothing more to look at
        if not noun and token.dep_ == "amod":
            return None  # "proposed changes", "Iranian-backed forces": a modifier, not an event
        if not noun and any(c.dep_ == "det" for c in token.children):
            return None  # "evacuated the wounded": a participle used as a noun
        if not noun and question(token):
            return None  # "asked whether ...": a question
        if not noun and lemma == "take" and any(c.dep_ == "dobj" and c.lemma_.lower() in ("place", "part")
                                                for c in token.children):
            return None  # "the summit will take place in July", "took part in the killing": no "take in"
        figurative = not noun and lemma not in LITERAL_VIOLENCE and any(
            c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in ABSTRACT for c in token.children)
        unarmed = not noun and any(c.dep_ == "dobj" and c.lemma_.lower() not in FORCES and not c.like_num
                                   for c in token.children)
        if noun and ((token.dep_ in ("compound", "amod") and token.head.lemma_.lower() in ABOUT_NOUNS) or (
                token.i + 1 < len(token.doc) and token.nbor(1).lower_.rstrip("s") in ABOUT_NOUNS)):
            return None  # "a genocide suspect", "the war crimes tribunal", "the summit anniversary": no event here
        if noun and token.dep_ == "compound" and token.head.lower_ in self.lexicon.agent_forms:
            return None  # "riot police", "aid workers", "protest leaders": who they are, not an event
        if noun and token.ent_type_ == "DATE" or (noun and lemma == "march" and token.text == "March"):
            return None  # "in March", "on May Day": a date, not a protest march
        if not noun and lemma == "meet" and any(c.dep_ == "dobj" and c.lemma_.lower() in SATISFIED for c in token.children):
            return None  # "he will meet the golden rule": satisfied, not met with
        if noun and lemma == "rally" and any(c.dep_ in ("compound", "amod", "poss") and (
                c.lemma_.lower() in CAMPAIGN or c.ent_type_ == "PERSON") for c in token.children):
            return None  # "a Clinton rally", "a campaign rally": electioneering, not protest
        for head in heads:
            for pattern in self.lexicon.triggers.get((head, noun), ()):
                if figurative and pattern.cameo[:2] in ("18", "19", "20"):
                    continue  # "to fight rising prices", "attacked the problem": no one is assaulted
                if not noun and pattern.cameo[:2] in ("18", "19") and head in VERBAL_ATTACKS and _reason(token):
                    # "attacked the DNC for allowing itself to get hacked": blame, not violence
                    pattern = replace(pattern, cameo=CRITICISM, origin=pattern.origin + "+for-reason")
                if unarmed and pattern.cameo[:2] == "15" and not pattern.objects:
                    continue  # "mobilized pressure groups", "paraded the trophy": no force is shown
                if head in NEEDS_OBJECT and not pattern.objects and not pattern.preps and not any(
                        c.dep_ in ("dobj", "nsubjpass") for c in token.children):
                    continue  # "she was striking and elegant": no one is struck
                if present is not None and not all(w in present for w in pattern.objects + pattern.preps):
                    continue
                used = self._fits(token, pattern)
                if used is not None:
                    return _Match(token, _aid_kind(token.doc, pattern, used), used)
        return None

    @staticmethod
    def _fits(token: Token, pattern: TriggerPattern) -> set[int] | None:
        used: set[int] = set()
        objects = []
        # a pattern's preposition may hang on another of its own ("out" -> "of" in "pulled out of")
        chained = [c for c in token.children if c.dep_ in ("prep", "prt") and c.lower_ in pattern.preps] \
            if pattern.preps else []
        for word in pattern.objects:
            obj = next((k for c in token.children if c.dep_ in OBJ_DEPS + ("dobj", "pobj", "npadvmod", "compound")
                        + (("amod",) if token.pos_ in ("NOUN", "PROPN") else ())  # "a military operation"
                        for k in (c, *c.conjuncts)  # "launched artillery, mortar and rocket fire"
                        if (k.lemma_.lower() == word or k.lower_ == word) and k.i not in used), None)  # "the wounded"
            if obj is None:  # an object further down: "launched an air strike", "thousands of troops"
                obj = next((g for c in token.children if c.dep_ in OBJ_DEPS for g in c.children
                            if g.dep_ in ("compound", "amod") and g.lemma_.lower() == word), None) or next(
                    (p for c in token.children if c.dep_ in OBJ_DEPS and (c.like_num or c.lemma_.lower() in QUANTITY)
                     for k in c.children if k.dep_ == "prep" and k.lower_ in ("of", "in")
                     for n in k.children if n.dep_ == "pobj"  # "part of a military aid program", "$5m in aid"
                     for p in (n, *[g for g in n.children if g.dep_ == "compound"]) if p.lemma_.lower() == word), None)
            if obj is None and token.lemma_.lower() in SUPPLY_VERBS:
                # "provided Ukraine with $600 million in military assistance": the object after "with"
                obj = next((p for c in token.children if c.dep_ == "prep" and c.lower_ == "with"
                            for g in c.children if g.dep_ == "pobj"
                            for p in (g, *[k for k in g.children if k.dep_ in ("compound", "amod")],
                                      *[n for k in g.children if k.dep_ == "prep" and k.lower_ in ("of", "in")
                                        for n in k.children if n.dep_ == "pobj"])
                            if p.lemma_.lower() == word and p.i not in used), None)
            if obj is None:  # "went on strike": the object inside one of the pattern's own prepositions
                obj = next((g for c in token.children if c.dep_ in ("prep", "agent") and c.lower_ in pattern.preps
                            for g in c.children if g.dep_ == "pobj" and g.lemma_.lower() == word and g.i not in used),
                           None)
            if obj is None:  # "pulled out of the deal": a two-word preposition, the object under its second word
                obj = next((g for c in chained for k in c.children if k.dep_ == "prep" and k.lower_ in pattern.preps
                            for g in k.children if g.dep_ == "pobj" and g.lemma_.lower() == word and g.i not in used),
                           None)
            if obj is None:  # "allowed UN inspectors to return": the object is the complement's subject
                obj = next((k for c in token.children if c.dep_ in ("ccomp", "xcomp") for k in c.children
                            if k.dep_ == "nsubj" and k.lemma_.lower() == word and k.i not in used), None)
            if obj is None:  # "beat protesting monks": the object the parser hung on a participle
                noun = participle_object(token)
                obj = noun if noun is not None and noun.lemma_.lower() == word and noun.i not in used else None
            if obj is None or (word in PLURAL_SENSE and obj.lower_ != PLURAL_SENSE[word]):
                return None  # "sold its insurance arm": a division, not arms
            used.add(obj.i)
            objects.append(obj)
        # "shipped masks and dozens of ventilators to Italy": the phrase may hang on the list's last item
        tails = [t for o in objects for k in o.conjuncts if k.i > o.i
                 for t in (k, *[n for p in k.children if p.dep_ == "prep" and p.lower_ == "of"
                                for n in p.children if n.dep_ == "pobj"])]
        for word in pattern.preps:
            holders = [token, *objects, *chained, *tails]
            prep = next((c for h in holders for c in h.children
                         if c.lower_ == word and c.dep_ in ("prt", "prep", "agent", "dative", "advmod")
                         and c.i not in used and not _temporal(c)), None)
            if prep is None:
                return None
            used.add(prep.i)
        return used

    # -- the sentence ----------------------------------------------------------------------
    def _sentence_events(self, doc: Doc, sent: Span) -> list[RawEvent]:
        matches = self._triggers(sent)
        # triggers already read as part of a frame; an idiom ("forcing the issue") is read as nothing
        absorbed: set[int] = {i for i, m in matches.items() if m.pattern.cameo == NO_EVENT}
        for i in absorbed:
            del matches[i]
        events = self._allegation_events(doc, sent, matches, absorbed)  # first: what is alleged is no fact
        events += self._frame_events(doc, sent, matches, absorbed)
        events += self._obligation_events(doc, sent, matches, absorbed)
        events += self._plain_events(doc, sent, matches, absorbed)
        if events and _sporting(sent):
            # "India crushed Pakistan by 89 runs", "launched an assault on the Barcelona goal ... 4-0 win":
            # a game's words of conflict are no conflict
            events = [e for e in events if e.cameo[:2] < "11"]
        # background events stand in for a sentence with no main event, if they say who did it
        main = [e for e in events if not self._subordinate(doc[e.trigger[0]])] or \
            [e for e in events if e.source is not None]
        return _dedupe(main)

    def _triggers(self, sent: Span) -> dict[int, _Match]:
        """Verb triggers first; an event noun a verb pattern consumed ("hold talks") is not a trigger."""
        matches: dict[int, _Match] = {}
        consumed: set[int] = set()
        tokens = list(sent)
        present = frozenset(w for t in tokens for w in (t.lower_, t.lemma_.lower()))
        for token in tokens:
            if token.pos_ == "VERB":
                m = self._match(token, present)
                if m:
                    matches[token.i] = m
                    consumed |= m.used
        for token in tokens:
            if token.pos_ in ("NOUN", "PROPN") and token.i not in consumed:
                m = self._match(token, present)
                if m and not (m.pattern.cameo[:2] >= "10" and _in_name(token)):
                    matches[token.i] = m
        return matches

    def _plain_events(self, doc: Doc, sent: Span, matches, absorbed: set[int]) -> list[RawEvent]:
        """Every trigger no frame absorbed, with its own arguments."""
        events: list[RawEvent] = []
        for i, m in matches.items():
            if i in absorbed:
                continue
            token = m.token
            if token.dep_ == "pcomp" and token.head.lower_ in ("of", "for") and \
                    token.head.head.lemma_.lower() in CHARGING:
                continue  # "accusing Israel of committing genocide", "praised Qatar for mediating": what is charged
            if (token.dep_ in ("xcomp", "advcl") or (token.dep_ == "ccomp" and token.head.i in matches)) and \
                    token.head.i in absorbed and \
                    token.head.lemma_.lower() not in self.frames.motion:
                # "agreed that they should cooperate to encourage refugees ...": a coded event's purpose
                # (but a journey's purpose is an event: "prepared to head to Brussels to meet Bush")
                continue
            if m.pattern.noun:
                if self._argument_of_event(token, matches, absorbed):
                    continue
                sources, targets = self._noun_arguments(doc, token, m)
            elif m.pattern.source_prep:  # "received weapons from the US": the giver is the source
                sources, targets = self._giver(doc, token, m), self._sources(doc, token)
            else:
                sources, targets = self._sources(doc, token), self._targets(doc, token, m)
                if not targets and m.pattern.cameo[:2] == "14":
                    targets = self._protest_target(doc, token, matches)
                elif not targets and m.pattern.cameo[:2] in FORCE_ROOTS:
                    targets = self._purpose_target(doc, token, matches)
            convened = False
            if m.pattern.cameo[:2] in RECIPROCAL_ROOTS:
                parties = self._between(doc, token)
                held = [] if parties or m.pattern.noun else [
                    a for u in m.used if doc[u].pos_ == "NOUN" for a in self._between(doc, doc[u])]
                if len({a.code for a in parties}) >= 2 and m.pattern.cameo[:3] in MEDIATION:
                    targets = parties  # "Qatar is mediating between Israel and Hamas": the mediator stays the source
                elif len({a.code for a in parties}) >= 2:  # "talks between Russia and Ukraine": each with the other
                    sources, targets = parties, []
                elif m.pattern.cameo[:2] == "04" and m.pattern.cameo != "043" and sources and \
                        len({a.code for a in held}) >= 2 and not {a.code for a in sources} & {a.code for a in held}:
                    # "Kufuor opened peace talks between the Liberian government and rebel groups": the
                    # one who convenes talks between others mediates them (one who hosts them hosts)
                    targets, convened = held, True
            if unaimed(m.pattern, targets):
                continue  # "helped to broker the deal", "helped the economy": no one was helped
            if _each_other(token):
                targets = []  # "Ethiopian and Eritrean forces pounded each other": the subjects, both ways
            if m.pattern.head in EXCHANGING and not _with_party(doc, targets):
                targets = []  # "Russia and Ukraine exchanged prisoners": each other's, the prisoners are what is swapped
            if not m.pattern.objects and m.pattern.head in ACTOR_OBJECT_VERBS and not _actor_object(doc, token):
                continue  # "received a takeover offer from ...", "host their shows", "released figures": no one
            if _generic_act(token) or (m.pattern.head in SHOWING and not m.pattern.objects and any(
                    c.dep_ in ("dobj", "ccomp") for c in token.children)):
                # "Detaining suspects without trial breaks the law": an activity talked about, not done;
                # "he demonstrates the energy", "demonstrated that ...": showing, not a demonstration
                continue
            if m.pattern.cameo == "042" and not m.pattern.noun and sources and all(
                    a.sector in ("MIL", "COP") for a in sources):
                continue  # "Nigerian troops arrived in Monrovia": a deployment, not a visit
            if m.pattern.head in INQUIRY_VERBS and not any(a.sector in INQUIRERS for a in sources):
                continue  # "police questioned Olmert" investigates; "ABC's Jon Karl questions Bolton" interviews
            if m.pattern.head in HONOURS and any(c.dep_ == "prep" and c.lower_ == "for" for c in token.children):
                continue  # "was recognised for the best year of his career": an honour, no recognition of a state
            code, rule = m.pattern.cameo, f"{'noun' if m.pattern.noun else 'verb'}:{m.pattern.origin}"
            if convened:
                code, rule = MEDIATE, rule + "+convened"
            if code == ULTIMATUM and token.lemma_.lower() == "give" and any(
                    c.dep_ in ("advcl", "xcomp") and c.lemma_.lower() in LEAVE_VERBS for c in token.children):
                expelled = expulsion_code(doc, targets)
                if expelled != "174":  # "gave the French ambassador 24 hours to leave the country": an expulsion
                    code, rule = expelled, rule + "+expulsion"
            if code[:2] == "14" and not m.pattern.noun and token.lemma_.lower() == "protest" and sources and all(
                    a.kind == "country" or a.sector == "GOV" for a in sources):
                # "Vietnam protested China's deployment": a state's protest is an official complaint
                code, rule = OFFICIAL_COMPLAINT, rule + "+by-state"
            elif code in TAKEN_PLACE and not m.pattern.objects and targets and any(
                    c.dep_ == "dobj" and _all_places(actors_of(doc, c)) for c in token.children):
                code, rule = OCCUPATION, rule + "+place"
            if code in (OCCUPATION, BLOCKADE) and sources and all(doc[a.head].lemma_.lower() in CROWDS for a in sources):
                # "students occupied the campus", "protesters seized the square", "demonstrators besieged
                # the embassy": a crowd blocks a place, no army takes ground or lays siege
                code, rule = SIT_IN, rule + "+by-crowd"
            elif code == "190" and token.lemma_.lower() == "clash" and sources and all(
                    _political(doc, a) for a in (*sources, *targets)):
                # "the two political leaders clashed", "Howard and Blair clash": words, not weapons
                code, rule = VERBAL_CLASH, rule + "+political"
            elif (code[:2] == "18" or code == "190") and sources and all(
                    doc[a.head].lemma_.lower() in CROWDS for a in sources):
                # "protesters stormed the parliament", "rioters attacked police": violent protest (145);
                # a named weapon ("demonstrators launched missiles") keeps its own code
                code, rule = RIOT, rule + "+by-crowd"
            events.extend(self._emit(doc, sent, token, sorted({token.i} | m.used), code, sources, targets, rule))
        return events

    def _subordinate(self, token: Token) -> bool:
        """Is this trigger background (a relative clause, a participle adjunct, a noun in an adjunct)?"""
        if reduced_relative(token) is not None:
            return True  # "The civilians imprisoned for ... were released": the release is the news
        if token.tag_ == "VBG" and participle_object(token) is not None and token.lemma_.lower() != "visit":
            return True  # "beat protesting monks" describes the monks ("hosted visiting X": X's visit is news)
        if shares_passive(token) and reduced_relative(token.head) is not None:
            return False
        t, steps = token, 0
        while t.head.i != t.i and steps < 8:
            if lost_predicate(t):
                return False  # "Doctors from two aid groups donated and delivered ...": the main verb
            if t.dep_ == "acl" and t.tag_ == "VBN" and t.head.dep_ == "attr" and \
                    any(c.dep_ == "expl" for c in t.head.head.children) and \
                    not any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in t.children) and \
                    not any(c.lower_ == "no" for c in t.head.children):
                return False  # "There were ten soldiers killed in Ukraine": the killing is what is said
            if t.dep_ == "acl" and t.tag_ == "VBN" and t.head.dep_ == "ROOT" and t.head.pos_ in ("NOUN", "PROPN"):
                return False  # a headline with no finite verb: "12 Russian officers indicted for hacking"
            if t.dep_ in SUBORDINATE_DEPS:
                return True
            if t.dep_ == "pobj" and t.pos_ in ("NOUN", "PROPN"):
                verb = t.head.head
                if verb.lemma_.lower() not in self.frames.light | self.frames.motion and \
                        self.frames.by_word.get(verb.lemma_.lower()) is None:
                    return True
            t, steps = t.head, steps + 1
        return False

    # -- 2. frames -------------------------------------------------------------------------

    def _argument_of_event(self, noun: Token, matches, absorbed) -> bool:
        """An event noun that is an argument of another coded verb ("condemned the attack") is not
        coded on its own: the verb's event is what the sentence reports."""
        head = noun.head
        if noun.dep_ == "pobj":
            head = head.head
        if head.i == noun.i:
            return False
        if head.i in matches:
            return not matches[head.i].pattern.noun
        return head.i in absorbed

    # -- 3. arguments ----------------------------------------------------------------------

    # -- 4. flags and output ---------------------------------------------------------------
    def _flags(self, doc: Doc, token: Token, hint: str | None) -> tuple[bool, str, Actor | None]:
        # "did not meet"; "opened without talk of meddling": no talk was held
        negated = any(c.dep_ == "neg" for c in token.children) or (
            token.dep_ == "pobj" and token.head.lower_ == "without") or _no_one_did(token) or (
            # "agreed to stop backing each other's rebels": backing is what ends
            token.tag_ == "VBG" and token.dep_ in ("xcomp", "dobj") and token.head.lemma_.lower() in CEASING)
        aux = {c.lower_ for c in token.children if c.dep_ in ("aux", "auxpass")}
        modality = hint or "asserted"
        clause = token
        while clause.pos_ in ("NOUN", "PROPN", "ADP") and clause.head.i != clause.i:
            clause = clause.head  # a noun's clause: "if Ukraine's counteroffensive succeeded"
        conditional = any(c.dep_ == "mark" and c.lower_ in CONDITIONAL for c in clause.children) or (
            token.dep_ == "advcl" and any(c.lower_ in CONDITIONAL for c in token.children))
        # "is capable of deploying large forces", "would be able to strike": a capacity, not an act
        able = (token.dep_ == "xcomp" and token.head.lemma_.lower() in ABILITY) or (
            token.dep_ == "pcomp" and token.head.lower_ == "of" and token.head.head.lemma_.lower() in ABILITY)
        if conditional or able or (aux & HYPOTHETICAL and any(
                c.dep_ == "advcl" and any(g.lower_ in CONDITIONAL for g in c.children) for c in token.children)):
            modality = "hypothetical"
        elif aux & FUTURE or (aux & {"would"} and modality == "asserted") or any(
                c.dep_ == "aux" and c.lower_ == "going" for c in token.children) or (
                token.dep_ == "xcomp" and token.head.lemma_.lower() in SCHEDULED and (any(
                    c.dep_ == "auxpass" or c.lemma_ == "be" for c in token.head.children) or (
                    token.head.pos_ == "ADJ" and token.head.lemma_.lower() != "likely"
                    and token.head.head.lemma_ == "be"))):  # "is due to meet" ("is likely to deny" predicts)
            modality = "intended"  # "is expected to visit Japan next month", "is due to meet"
        if modality != "hypothetical" and _weighed(token):
            modality = "hypothetical"  # "hadn't thought about asking Putin to extradite ...": only an idea
        reported_by = None
        walk, steps = token, 0
        while walk.dep_ in ("ccomp", "xcomp", "conj", "advcl") and steps < 4 and walk.head.i != walk.i:
            walk, steps = walk.head, steps + 1
            if walk.lemma_.lower() in self.frames.speech:
                speakers = self._subjects(doc, walk)
                reported_by = speakers[0] if speakers else None
                break
        if reported_by is None:  # "..., according to officials"
            for t in token.sent if hasattr(token, "sent") else ():
                if t.lower_ == "according" and t.nbor(1).lower_ == "to":
                    for g in t.nbor(1).children:
                        if g.dep_ == "pobj":
                            found = actors_of(doc, g)
                            reported_by = found[0] if found else None
        if reported_by is not None and modality == "asserted":
            modality = "reported"
        return negated, modality, reported_by

    def _emit(self, doc, sent, token, trigger, code, sources, targets, rule, modality_hint=None,
              base_code: str | None = None, negation_read: bool = False) -> list[RawEvent]:
        """The events of one trigger. `negation_read`: the code already says what the negation
        means ("will not allow" is coded as a refusal), so the event is not negated."""
        if not sources and not targets:
            return []
        base_code = base_code or code  # what happens, before intent/threat framing recodes it
        if (base_code[:2] in ("15", "18", "19", "20") or base_code[:4] == "0874") and sources and all(
                a.sector in CIVIC_SECTORS for a in sources):
            return []  # "Yukos fought back", "the paper launched an assault on ...", "the firm withdrew from Uzbekistan"
        negated, modality, reported_by = self._flags(doc, token, modality_hint if modality_hint != "asserted" else None)
        negated = negated and not negation_read
        if modality == "hypothetical" and reported_by is not None and sources and not _weighed(token) and \
                {a.code for a in sources} <= {reported_by.code} and code[:2] not in ("03", "13"):
            # "they said they would meet the mediator if ...": a party's own conditional offer
            code, modality, rule = self.frames.recode("intent", code), "intended", rule + "+conditional-offer"
        unless = any(c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ == "unless" for g in c.children)
                     for c in token.children)
        if unless and code[:2] != "13" and (modality == "intended" or rule.startswith("frame:intent")):
            # "will withdraw its force unless ...": a conditional promise of action is a threat
            code = self.frames.recode("threaten", code if not rule.startswith("frame:intent") else None)
            modality, rule = "asserted", rule + "+unless"
        if not rule.startswith("frame:") and modality == "intended" and code[:2] not in ("03", "13"):
            # "will provide aid" expresses intent to provide aid; "will not accept" refuses
            code = self.frames.recode("refuse" if negated else "intent", code)
            negated = False
            rule += "+future"
        sources, targets, placed = self._placed(doc, token, sources, targets, base_code)
        rule += placed
        pairs: list[tuple[Actor | None, Actor | None]] = []
        if not targets and code[:2] == "13":  # "threatened to ... unless Baghdad accepted": Baghdad is threatened
            targets = self._condition_party(doc, token)
            if targets:
                rule += "+condition-target"
        mutual = len(_distinct(sources)) >= 2 and base_code[:2] in RECIPROCAL_ROOTS and \
            len({a.country for a in sources if a.country}) >= 2
        if mutual and targets and all(t.how in ("place", "location") for t in targets):
            targets = []  # "US and Philippine troops began joint exercises on Basilan": with each other, there
        if not targets and base_code[:2] in LOCATION_TARGET_ROOTS and not base_code.startswith(NO_PLACE_TARGET) \
                and not mutual:  # "Indian and Chinese troops clashed in the Galwan Valley": with each other
            targets = self._location_target(doc, token)
            if targets:
                rule += "+location-target"
        domestic = base_code[:2] in DOMESTIC_ROOTS or base_code[:3] in DOMESTIC_CODES or \
            code[:3] in DOMESTIC_CODES or code[:4] in DOMESTIC_CODES
        if not targets and len(_distinct(sources)) == 1 and domestic and token.lemma_.lower() not in RETALIATING:
            # a protest, strike, curfew or arrest with no one named is aimed at the actors' own state
            targets = [replace(a, start=a.start, sector=None, fixed=None, entity=None, how="domestic", kind="country")
                       for a in _distinct(sources)[:1] if a.country and len(a.country) == 3
                       and a.country not in ("IGO", "NGO", "IMG")]
            if targets:
                rule += "+domestic-target"
        if sources and targets and len(_distinct(sources)) == 1 and all(
                (t.how in ("pronoun", "pronoun-owner") or (t.entity is not None and t.entity == sources[0].entity))
                and t.code == sources[0].code
                and t.how != "domestic" for t in targets):
            targets = []  # "Benin opened its borders", "reiterated its demand", "deny entry to the US": its own
        if not sources and code[:2] == "17" and any(c.dep_ in ("nsubjpass",) for c in token.children):
            sources = [replace(a, sector="GOV") for a in _located(doc, token)]  # "was arrested in Lebanon"
        if len(_distinct(sources)) >= 2 and targets and all(
                t.how in ("pronoun", "pronoun-owner") and t.country in {s.country for s in sources} for t in targets):
            targets = []  # "Czechia and Albania upgraded their ties": each other
        if not targets and len(_distinct(sources)) >= 2 and (base_code[:2] in RECIPROCAL_ROOTS or base_code[:4] in (
                "0871",) or (
                code[:2] == "03" and token.lemma_.lower() in AGREEING) or token.lemma_.lower() in EXCHANGING) \
                and base_code[:3] not in ONE_WAY_CODES:  # A and B met, agreed: reciprocal (A and B arrived: not)
            srcs = _distinct(sources)
            pairs = [(a, b) for a in srcs for b in srcs if a is not b]
            rule += "+reciprocal"
        else:
            for s in (_distinct(sources) or [None]):
                for t in (_distinct(targets) or [None]):
                    if s is not None and t is not None and s.head == t.head and s.start == t.start and s.how == t.how:
                        continue  # an actor is not its own target (a "domestic" target is its state, kept)
                    pairs.append(self._unborrowed(doc, s, t, code))
        if "+reciprocal" not in rule and ((code[:3] in MUTUAL_CODES and (code[:3] == "046" or _with_party(
                doc, targets))) or token.lemma_.lower() in EXCHANGING):
            # "X held talks with Y", "X shared intelligence with Y", "X spoke by telephone with Y": both
            # sides do it ("provided information to the US", "tipped off Washington" go one way)
            back = [(t, s) for s, t in pairs if s is not None and t is not None and s.code != t.code]
            if back:
                pairs += back
                rule += "+mutual"
        # an event must name at least one actor dyad can place (a country, an IGO/NGO, a group); a verbal
        # event (statement, appeal, intent, demand, criticism, rejection, threat) must name who made it
        verbal = code[:2] in VERBAL_ROOTS
        pairs = [(s, t) for s, t in pairs if ((s is not None and s.country) or (t is not None and t.country))
                 and not (verbal and s is None)]
        confidence = 0.5 + 0.2 * bool(sources) + 0.2 * bool(targets) - 0.1 * (modality == "hypothetical")
        return [RawEvent(sent, trigger, code, s, t, negated, modality, reported_by, rule, round(confidence, 2))
                for s, t in pairs]

    def _unborrowed(self, doc: Doc, s: Actor | None, t: Actor | None, code: str) -> tuple[Actor | None, Actor | None]:
        """An organ of a state placed only by its sentence's one country does not take the country
        of the other side of a diplomatic or cooperative act when that side is the state itself or
        its envoys: in "the minister received a visit from the Chinese ambassador" or "the
        government expressed appreciation for China's assistance" the country is the counterpart's.
        (A prime minister who talks with "the chancellor" is mostly talking at home; rebels and
        governments, parties and the press are mostly of one country, and policing and violence
        mostly at home: "police dispersed Egyptian demonstrators" keeps its placed police.)"""
        if s is None or t is None or s.country != t.country or code[:2] not in BORROW_FREE_ROOTS:
            return s, t

        def state(a: Actor) -> bool:  # a country, its envoy, or a state's own ("China's assistance")
            head = doc[a.head]
            return (a.kind in ("country", "demonym") and a.how != "place") or (a.sector in STATE_SECTORS and (
                head.lemma_.lower() in DIPLOMATS or any(c.lower_ == "foreign" for c in head.children))) or (
                a.kind == "thing" and any(c.dep_ == "poss" and any(x.kind == "country" for x in actors_of(doc, c))
                                          for c in head.children))

        def unplaced(a: Actor, other: Actor) -> Actor:
            if a.how.endswith("+context") and a.sector in STATE_SECTORS and state(other):
                return replace(a, country=None, how=a.how.removesuffix("+context"))
            return a
        return unplaced(s, t), unplaced(t, s)

    def _placed(self, doc, token, sources, targets, base_code) -> tuple[list[Actor], list[Actor], str]:
        """Where the event happened places the actors the text leaves unplaced: "people blocked
        streets in Hong Kong" are Hong Kong's; "a roadside bombing near Samarra killed ..." was done
        from within Iraq (an attack with no named attacker is coded to the country it happened in)."""
        if base_code[:2] not in SCENE_ROOTS:
            return sources, targets, ""  # talks in Havana say nothing about who the rebels are
        unplaced = [a for a in (*sources, *targets) if a.country is None and a.kind == "agent"]
        subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
        # "a roadside bombing near Samarra killed ...": the attack happened from within Iraq. An agentless
        # passive ("three civilians were killed in a bombing in Baghdad") names no attacker and gets none.
        attack = not sources and base_code[:2] in ("18", "19", "20") and subject is not None and \
            (subject.lemma_.lower(), True) in self.lexicon.triggers
        if attack:  # "US drone strikes killed ...": the attack noun's own modifiers name the attacker
            named = [a for c in subject.children if c.dep_ in ("poss", "amod", "compound", "nmod") and c.i < subject.i
                     for g in (c, *c.children) if g.i < subject.i for a in actors_of(doc, g)
                     if a.how not in VENUES]  # "the Kabul bombing": where, not who
            if named:
                return named[:1], targets, "+attacker-named"
        if not unplaced and not attack:
            return sources, targets, ""
        here = (_located(doc, subject, venue=True) if attack else []) or self._location_target(doc, token)
        if not here:
            return sources, targets, ""
        country = here[0].country

        def place(actors):
            return [replace(a, country=country, how=a.how + "+location") if a.country is None and a.kind == "agent"
                    else a for a in actors]
        if attack:
            return [replace(here[0], sector=None, how="location")], place(targets), "+location-source"
        return place(sources), place(targets), "+located"


NO_ONE = frozenset({"nobody", "none", "neither"})


def _no_one_did(token: Token) -> bool:
    """A clause whose subject says no one did it: "Neither Russia nor China voted for it", "No
    country has recognised the republic", "None of the parties attended"."""
    clause = token.head if token.dep_ in ("acomp", "xcomp") and token.head.pos_ in ("AUX", "VERB") else token
    for subj in (c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")):
        if subj.lower_ in NO_ONE or any(
                c.lower_ == "neither" or (c.dep_ == "det" and c.lower_ == "no")
                for c in subj.children):
            return True
    return False


# verbs that weigh an act without doing it: "considered asking Putin to extradite", "thought about
# imposing sanctions", "would not rule out attacking"
WEIGHING = frozenset({"consider", "contemplate", "weigh", "mull", "ponder", "think", "entertain"})


# attitudes towards an act that has not happened: "pessimistic about reaching an agreement"
ATTITUDES = frozenset({"optimistic", "pessimistic", "hopeful", "confident", "sceptical", "skeptical", "doubtful",
                       "upbeat", "gloomy"})


def _weighed(token: Token) -> bool:
    """An act under a verb that only weighs it (WEIGHING; "rule out" too)."""
    walk = token
    for _ in range(4):
        if walk.dep_ not in ("xcomp", "pcomp", "pobj", "prep", "dobj", "ccomp", "nsubj") or walk.head.i == walk.i:
            return False
        walk = walk.head
        lemma = walk.lemma_.lower()
        if walk.pos_ == "VERB" and (lemma in WEIGHING or (lemma == "rule" and any(
                c.dep_ == "prt" and c.lower_ == "out" for c in walk.children))):
            return True
        if walk.pos_ == "ADJ" and lemma in ATTITUDES:
            return True  # "pessimistic about reaching a peace agreement", "optimistic that talks would resume"
    return False


def _each_other(verb: Token) -> bool:
    """"pounded each other", "accused one another", "met with each other": a reciprocal object."""
    objects = [c for c in verb.children if c.dep_ in ("dobj", "npadvmod")] + [
        g for c in verb.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    return any(o.lower_ in ("other", "another") and any(k.lower_ in ("each", "one") for k in o.children)
               or (o.lower_ == "another" and o.i > 0 and o.nbor(-1).lower_ == "one") for o in objects)


def _with_party(doc: Doc, targets: list[Actor]) -> bool:
    """Whether a target is named as a partner: "with the US", "between ... and ..."."""
    for t in targets:
        k = doc[t.head]
        while k.dep_ == "conj" and k.head.i != k.i:
            k = k.head
        if k.dep_ == "pobj" and k.head.lower_ in ("with", "between"):
            return True
    return False


# nouns an event noun can name the subject of without any event happening: "a genocide suspect",
# "the war crimes tribunal", "a protest song", "the attack anniversary"
ABOUT_NOUNS = frozenset({"suspect", "convict", "defendant", "trial", "tribunal", "court", "case", "charge", "law",
                         "anniversary", "memorial", "museum", "film", "movie", "book", "novel", "song", "game",
                         "expert", "researcher", "survivor", "insurance", "simulation", "scenario", "drill"})
# sport: a sentence with a score ("a 4-0 win", "by 89 runs", "won 6-3") and a word of the game, or
# with two such words, reports a game; its words of conflict ("crushed", "an assault on the goal",
# "a World Cup clash") are no conflict
SPORT_WORDS = frozenset({"striker", "midfielder", "goalkeeper", "defender", "innings", "wicket", "wickets",
                         "tournament", "semi-final", "quarter-final", "semifinal", "quarterfinal", "playoff",
                         "play-off", "halftime", "half-time", "fixture", "win", "won", "victory", "draw", "beat",
                         "defeat", "match", "goal", "goals", "scored", "final"})
SPORT_NAMES = re.compile(r"\b(?:World Cup|Champions League|Premier League|Europa League|Grand Slam|Davis Cup|"
                         r"Super Bowl|Six Nations|Tour de France|Wimbledon|Olympic final|FA Cup)\b")
SCORE = re.compile(r"\b\d{1,3}-\d{1,3}\b(?!-)|\bby (?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten) "
                   r"(?:runs?|wickets?|goals?|points?|strokes?|seconds?|lengths?)\b")


def _sporting(sent: Span) -> bool:
    text = sent.text
    names = len(SPORT_NAMES.findall(text))
    cues = sum(1 for t in sent if t.lower_ in SPORT_WORDS or t.lemma_.lower() in SPORT_WORDS)
    return (SCORE.search(text) is not None and (cues or names)) or (names >= 1 and cues >= 1) or cues >= 3


# who fights, shows force or retreats militarily only in metaphor: companies, the media, schools,
# hospitals, environmental and aid groups
CIVIC_SECTORS = frozenset({"BUS", "MED", "EDU", "HLH", "ENV", "NGO"})
# object words whose event sense is plural only: "arms" are weapons, an "arm" is a division
PLURAL_SENSE = {"arm": "arms"}
# mediation is between others: "between" names those mediated, not the mediator's partners
MEDIATION = frozenset({"045", "039", "038"})
MEDIATE = "045"
ULTIMATUM = "139"
# swaps are mutual whatever is swapped: "Russia and Ukraine exchanged prisoners of war"
EXCHANGING = frozenset({"exchange", "swap", "trade"})
# verbs with the "provide X with Y" alternation: read as "provide Y to X"
SUPPLY_VERBS = frozenset({"provide", "supply", "equip", "furnish", "arm"})
HONOURS = frozenset({"recognize", "recognise"})
# questioning is an investigation when the state's investigators do it
INQUIRY_VERBS = frozenset({"question"})
INQUIRERS = frozenset({"COP", "JUD", "SPY", "GOV", "MIL", "LEG"})
SHOWING = frozenset({"demonstrate"})


def _generic_act(token: Token) -> bool:
    """A gerund with no subject of its own as a clause's subject: "Detaining suspects without trial
    breaks human rights laws", "Attacking civilians is a war crime" (no one did anything)."""
    return token.dep_ in ("csubj", "csubjpass") and token.tag_ == "VBG" and not any(
        c.dep_ in ("nsubj", "poss") for c in token.children)


def _actor_object(doc: Doc, verb: Token) -> bool:
    """Whether a verb of ACTOR_OBJECT_VERBS names an actor as its object (or passive subject):
    "received the envoy", "Hashimoto was hosted by Yeltsin"; not a thing someone owns."""
    held = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")] + [
        n for n in (participle_object(verb),) if n is not None]  # "hosted visiting President Mandela"
    patient = shared_patient(verb)  # "The civilians imprisoned for ... were released by Putin"
    return any(a.kind != "thing" for c in (*held, *([patient] if patient is not None else []))
               for k in (c, *c.conjuncts) for a in actors_of(doc, k))


def _all_places(actors: list[Actor]) -> bool:
    """Actors that are all named places, countries or capitals ("captured Aleppo", "seized Kuwait")."""
    return bool(actors) and all(a.how in PLACE_HOWS for a in actors)


def _political(doc: Doc, a: Actor) -> bool:
    """A politician or a political body, not an armed one, nor a crowd, nor a whole country."""
    if a.sector is not None:
        return a.sector in POLITICAL_SECTORS and doc[a.head].lemma_.lower() not in CROWDS
    return a.kind == "person"


def _aid_kind(doc: Doc, pattern: TriggerPattern, used: set[int]) -> TriggerPattern:
    """Aid of a named kind takes its CAMEO sub-code: "resumed military aid" 072, "pledged food aid"
    0333, "cut off economic aid" 1621, "appealed for humanitarian aid" 0233."""
    code = AID_CODES.get(pattern.cameo)
    if code is None:
        return pattern
    kinds = {AID_KINDS[k.lemma_.lower()] for u in used if doc[u].lemma_.lower() in AID_NOUNS
             for c in doc[u].children if c.dep_ in ("amod", "compound")
             for k in (c, *c.conjuncts) if k.lemma_.lower() in AID_KINDS}
    if len(kinds) != 1:
        return pattern  # none named, or "economic and military aid"
    return replace(pattern, cameo=code + kinds.pop(), origin=pattern.origin + "+aid-kind")


def _reason(token: Token) -> bool:
    """A "for" phrase giving a reason: "for allowing itself ...", "for his policy" (not "for two hours")."""
    for c in token.children:
        if c.dep_ == "prep" and c.lower_ == "for":
            for g in c.children:
                if g.dep_ == "pcomp" and g.tag_ == "VBG":
                    return True
                if g.dep_ == "pobj" and g.pos_ == "NOUN" and g.lemma_.lower() not in TIME_WORDS and not any(
                        k.like_num or k.lower_ in ("first", "second", "third", "last") for k in g.children):
                    return True
    return False


def _specificity(code: str) -> tuple[int, bool]:
    """A 4-digit code says more than a 3-digit one, and "046" (negotiate) more than "040" (consult)."""
    return len(code), not code.endswith("0")


def _dedupe(events: list[RawEvent]) -> list[RawEvent]:
    """One event per (source, CAMEO root, target) in a sentence; an event with no target is dropped when
    the same source did the same kind of thing to a named target ("summoned the ambassador to complain")."""
    def key(a):  # events are told apart by their dyad codes, as in GDELT and ICEWS
        return a.code if a is not None else None
    # the same dyad doing the same kind of thing twice in one sentence is one act told twice ("held
    # their first talks ..., the first summit between the two states", "warned Syria ... and
    # threatened military action"): the most specific code stands for it
    keys = [(key(e.source), e.cameo[:2], key(e.target), e.negated) for e in events]
    best: dict[tuple, RawEvent] = {}
    for k, e in zip(keys, events):
        if k not in best or _specificity(e.cameo) > _specificity(best[k].cameo):
            best[k] = e
    out = [e for k, e in zip(keys, events) if best[k] is e]
    # a target that is only where it happened yields to a named one: "used tear gas to disperse
    # demonstrators in Monrovia" is one act against the demonstrators
    def placed(e):  # a target from where it happened or from the actor's own state, not from the text
        return "+location-target" in e.rule or "+domestic-target" in e.rule
    named = {(key(e.source), e.cameo) for e in out if e.target is not None and not placed(e)}
    return [e for e in out if e.source is None or (key(e.source), e.cameo) not in named
            or (e.target is not None and not placed(e))]


def _in_name(token: Token) -> bool:
    """A capitalised word inside a longer name the entity recogniser found ("the band Massive
    Attack", "The Texas Chainsaw Massacre"). A conflict word there names a band, a film, a
    movement: no event. (A named meeting is one: "the NATO Summit"; places and peoples hold no
    trigger words; title-case headlines are read in lower case, see parse.truecase.)"""
    if token.pos_ != "PROPN" or token.ent_iob_ == "O" or token.ent_type_ in ("GPE", "LOC", "NORP"):
        return False
    start = token.i
    while start > 0 and token.doc[start].ent_iob_ == "I":
        start -= 1
    end = token.i + 1
    while end < len(token.doc) and token.doc[end].ent_iob_ == "I":
        end += 1
    return end - start >= 2


def _distinct(actors: list[Actor]) -> list[Actor]:
    seen, out = set(), []
    for a in actors:
        key = (a.code, a.entity, a.head)
        if key not in seen:
            seen.add(key)
            out.append(a)
    return out


