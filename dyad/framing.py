"""Frames: a word that governs another event, read as ONE event (frames.yaml).

"agreed to cooperate" (030), "threatened to cut ties with Iran" (1313 -> IRN), "urged Russia to
withdraw" (0256 -> RUS), "reiterated its demand that Israel ease ..." (1051 -> ISR), "X said Y must
..." (a demand on Y), "X claimed that Y attacked Z" (X accuses Y), "X denied that ..." (nothing of
what is denied is coded). `Framing` is a mixin of `events.EventFinder`, which supplies the trigger
matches, the argument finders (`arguments.Arguments`) and `_emit`.
"""
from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from .arguments import PLACE_NOUNS, SUBJ, depth_below

if TYPE_CHECKING:
    from .events import RawEvent

# verbs of beginning, going on and ending: "resume shelling" is the shelling
ASPECTUAL = frozenset({"begin", "start", "resume", "continue", "keep", "step"})
# verbs that put an event forward as a charge, not as a fact: "X claimed that Y attacked Z"
ALLEGE = frozenset({"claim", "allege", "charge", "contend"})
# verbs that deny what their complement says: "denied that its forces fired", "denied seeking weapons"
DENY = frozenset({"deny", "refute", "dismiss"})
# verbs too common in other senses to be an event unless someone is named on the receiving end
# ("recognized the benefit of ..." recognises no state; "recognized Kosovo" and "recognized the
# independence of Kosovo" name one)
NEEDS_TARGET = frozenset({"help", "recognize", "recognise",
                          # support given to no one named ("supports a strong dollar", "approved a special
                          # law") is an opinion, not an act of support towards anyone
                          "support", "approve", "endorse", "back"})
# a warning to no one of no act is a forecast ("the IMF warned that the deficit would hamper
# growth"), not a threat; "warned Iran", "warned it would close the strait" stay threats, and
# "warned of the dangers" stays a pessimistic comment (012)
FORECASTS = frozenset({"warn"})


def unaimed(pattern, targets) -> bool:
    """A trigger that is no event without someone on the receiving end (NEEDS_TARGET, FORECASTS)."""
    if targets or pattern.objects:
        return False
    return pattern.head in NEEDS_TARGET or (pattern.head in FORECASTS and pattern.cameo[:2] == "13")


# verbs that are an event only when their object is an actor. Hosting and receiving are visits only
# when someone is hosted or received: "received the envoy", "hosted Japan's prime minister"; not
# "received a takeover offer", "will host the World Cup"
ACTOR_OBJECT_VERBS = frozenset({"host", "receive",
                               # releasing is a yield only of someone held: "released 200
                               # prisoners", not "released figures", "released a statement"
                               "release", "free",
                               # questioning is an investigation only of someone: "police questioned
                               # Olmert", not "questioned the wisdom of the plan"
                               "question"})


WH_WORDS = frozenset({"whether", "if", "what", "why", "how", "when", "where", "who", "whom", "which"})


def question(token: Token) -> bool:
    """"asked (him) whether/what/why ...": "ask" with a question for its complement asks no one for
    anything (an appeal is "asked him to", "asked for")."""
    if token.lemma_.lower() != "ask":
        return False
    for c in token.children:
        if c.dep_ in ("ccomp", "advcl") and any(g.lower_ in WH_WORDS and g.i < c.i for g in c.children):
            return True
    return False


# what a threatened party is told it will suffer: "would pay a heavy price", "will face the
# consequences", "will regret it", "will be held responsible"
PENALTIES = {"pay": {"price", "cost"}, "face": {"consequence", "retaliation", "response", "punishment", "sanction",
                                                "action", "wrath", "reprisal"},
             "suffer": {"consequence"}, "bear": {"consequence", "responsibility"}, "regret": None,
             "hold": {"responsible", "accountable"}}


def _penalty(comp: Token) -> bool:
    """A complement that tells its subject what it will suffer (see PENALTIES), or that there will
    be consequences ("warned there would be consequences if Russia interfered")."""
    if comp.lemma_ == "be" and any(c.dep_ == "expl" for c in comp.children):
        return any(c.dep_ == "attr" and c.lemma_.lower() in PENALTIES["face"] | PENALTIES["pay"]
                   for c in comp.children)
    if comp.pos_ != "VERB" or comp.lemma_ not in PENALTIES:
        return False
    if not any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("will", "would", "'ll", "shall") for c in comp.children):
        return False
    words = PENALTIES[comp.lemma_]
    return words is None or any(c.lemma_.lower() in words for c in comp.children if c.dep_ in ("dobj", "oprd", "acomp"))


COMMENT_VERBS = frozenset({"comment", "elaborate", "speculate"})
LEAVE_VERBS = frozenset({"leave", "quit", "depart"})
DIPLOMATS = frozenset({"ambassador", "envoy", "diplomat", "embassy", "consul", "consulate", "emissary", "delegation",
                       "attache"})


def expulsion_code(doc: Doc, targets) -> str:
    """The CAMEO code of ordering someone out: diplomats 161, inspectors and monitors 1662,
    peacekeepers 1661, aid agencies 1663, anyone else 174."""
    heads = {doc[a.head].lemma_.lower() for a in targets}
    if heads & DIPLOMATS:
        return "161"
    if heads & {"inspector", "monitor", "observer"}:
        return "1662"
    if heads & {"peacekeeper", "mission"}:  # ("the U.N. peacekeeping mission")
        return "1661"
    if any(a.sector == "NGO" for a in targets):
        return "1663"
    return "174"


def _own_act(comp: Token) -> bool:
    """A complement that says what its (pronoun) subject will do: "warned it would close the strait",
    "warned they would respond" (not "warned it would be a mistake")."""
    return comp.pos_ == "VERB" and comp.lemma_ != "be" and any(
        c.dep_ == "nsubj" and c.pos_ == "PRON" and c.lower_ != "this" for c in comp.children)


def _negated(token: Token) -> bool:
    """"will not allow", "never permitted", "would not give permission" (the carrying verb's "not")."""
    holders = (token, token.head) if token.pos_ == "NOUN" else (token,)
    return any(c.dep_ == "neg" or c.lower_ == "never" for h in holders for c in h.children)


# prepositions under a frame that name whom its act is for or against ("to help rebuild Afghanistan",
# "bombings against Israel"); "in", "at", "near" name where
PURPOSE_PREPS = frozenset({"to", "against", "on", "with", "for", "of", "into"})
HOSTILE_PREPS = frozenset({"against", "on"})
RELEASE_DEMANDS = frozenset({"1053", "0253"})  # demanding, appealing for the release of persons
# how someone comes to be held: "a soldier captured by Palestinian militants"
HOLDING = frozenset({"hold", "capture", "kidnap", "abduct", "seize", "detain", "take", "imprison", "jail", "arrest"})
# intent words whose negated complement is a refusal ("decided not to cooperate"); "promised not to
# attack" stays a promise
DECIDING = frozenset({"decide", "vote", "choose", "resolve", "opt"})
ORDER_WORDS = frozenset({"order", "direct"})  # demand-frame words whose named act the orderer carries out


class Framing:
    """Frame events, obligation ("X said Y must"), allegations and denials."""

    def _frame_events(self, doc: Doc, sent: Span, matches, absorbed: set[int]) -> list[RawEvent]:
        """Frames come first: they absorb the trigger in their complement."""
        events: list[RawEvent] = []
        for token in sent:
            frame = self._frame_of(token)
            if frame is None or token.i in absorbed:
                continue  # a frame inside another frame's complement is read by the outer one
            if token.dep_ in ("xcomp", "advcl") and token.head.i in absorbed:
                continue  # "agreed that they should cooperate to encourage ...": the purpose of a coded event
            comp = self._complement(token, frame, matches)
            if comp is None:
                continue
            nested = self._frame_of(comp)
            refused = False
            if nested == "permit" and comp.i in matches:
                nested = None  # "refused to allow IAEA inspectors to visit": the lexicon's "allow inspector"
            if nested is not None:  # "urged them to agree to a ceasefire": the innermost event decides
                deeper = self._complement(comp, nested, matches)
                if deeper is not None and deeper.i in matches:
                    absorbed.add(comp.i)
                    comp = deeper
                    # "demanded that they refuse to sell arms" demands no arms sale
                    refused = nested == "refuse" and frame != "refuse"
            if refused:
                absorbed.add(comp.i)
            inner = None if refused else matches.get(comp.i)
            noun = token.pos_ == "NOUN"
            if frame == "demand" and inner is None and token.lemma_.lower() in self.frames.speech and \
                    comp.dep_ == "ccomp" and not self._obliged(comp) and not (
                    comp.tag_ == "VB" and not any(a.dep_ == "aux" for a in comp.children)):
                continue  # "insisted that relations would benefit" asserts; "insisted that he resign" demands
            if noun and inner is None and not (frame in ("appeal", "demand") and comp.pos_ in ("VERB", "AUX")
                                               and self._subjects(doc, comp)):
                continue  # a noun frame needs an event, or someone called on: "its call for Iran to halt ..."
            if inner is None and not noun and token.i not in matches and frame not in ("demand",) and not (
                    frame == "appeal" and self._appeal_object(token)) and not (
                    frame == "intent" and token.lemma_.lower() in self.frames.pledge):
                continue
            if frame == "intent" and inner is not None and token.lemma_.lower() in DECIDING and \
                    any(c.dep_ == "neg" for c in comp.children):
                frame = "refuse"  # "the cabinet decided not to cooperate with the U.N. team"
            if frame == "intent" and comp.pos_ in ("VERB", "AUX") and self._own_subject(token, comp):
                frame = "appeal"  # "wants Putin to attack": wanting someone else to act is an appeal
            inner_code = inner.pattern.cameo if inner else None
            # "India ordered the deportation of ...", "ordered air strikes on ...": an act ordered by name
            # is the orderer's own act, done through its organs (ordering someone named to act is a demand)
            ordered = frame == "demand" and token.lemma_.lower() in ORDER_WORDS and inner is not None and \
                inner.pattern.noun and comp.dep_ == "dobj"
            code = inner_code if ordered else self.frames.recode(frame, inner_code)
            own = matches.get(token.i)
            if inner is None and own is not None and (own.pattern.objects or not own.pattern.preps
                                                      or comp.dep_ == "ccomp"):
                # "demanded the withdrawal", "hope to achieve something" (013), "invited them to see"
                # (026): with no event in the complement, the lexicon's own reading of the word
                # ("agreed with Italy to push forward" is an intent, not "agree with" a view, 019)
                code = own.pattern.cameo
                if frame == "permit" and _negated(token):
                    code = self.frames.recode("refuse", code)  # "would never allow U.N. peacekeepers to ..."
            trigger = [token.i] + ([comp.i] if inner else [])
            if inner:
                absorbed.add(comp.i)
            absorbed.add(token.i)
            spec = self.frames.frames[frame]
            if noun:  # "the ILO reiterated its demand that Israel ease ...": the verb's subject makes it
                absorbed.add(token.head.i)
                trigger.insert(0, token.head.i)
                sources = self._sources(doc, token.head)
            else:
                sources = self._sources(doc, token)
            if frame == "threaten" and inner is not None and not noun and comp.dep_ == "ccomp":
                doers = [a for c in comp.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ != "PRON"
                         for a in self._actors(doc, c) if a.country]
                if doers and sources and not {a.country for a in doers} & {a.country for a in sources}:
                    continue  # "NATO warned that Russia would invade Ukraine": a forecast of another's act
            if ordered:
                targets = self._noun_arguments(doc, comp, inner)[1]
            elif spec["target"] == "object":
                targets = self._frame_object(doc, token, comp)
            elif inner is not None and inner.pattern.noun:
                makers, targets = self._noun_arguments(doc, comp, inner)
                makers = [a for a in makers if a.country and a.code not in {s.code for s in sources}]
                if frame == "refuse" and comp.dep_ == "dobj" and makers:
                    targets = makers  # "rejected US calls for a freeze", "rejected Iran's offer": its maker
            elif inner is not None:
                targets = self._targets(doc, comp, inner)
            else:  # "threatened to deliver blows to the US": the complement's own target
                targets = (self._targets(doc, comp, None) if comp.pos_ in ("VERB", "AUX") else []) or \
                    self._targets(doc, token, matches.get(token.i))
            if frame in ("demand", "appeal") and (code in RELEASE_DEMANDS or code[:3] == "084"):
                # "demanded the release of a soldier captured by Palestinian militants": the captors
                holders = [a for k in token.subtree if k.i > token.i and k.dep_ == "acl" and k.tag_ == "VBN"
                           and k.lemma_.lower() in HOLDING for g in k.children if g.dep_ == "agent"
                           for p in g.children if p.dep_ == "pobj" for a in self._actors(doc, p)]
                targets = holders or targets
            if frame == "refuse" and not noun:
                # "rejected U.S. calls to release ...", "rejected opposition calls for him to step
                # down": whoever put forward what is rejected
                made = [a for c in token.children if c.dep_ == "dobj" for a in self._makers(doc, c)] or [
                    # "rejected US calls for a freeze" parsed as a clause, "US" the subject of "calls"
                    a for c in token.children if c.dep_ == "ccomp" and c.tag_ == "VBZ" and not any(
                        k.dep_ in ("mark", "aux", "neg") for k in c.children)
                    for a in self._subjects(doc, c) or [x for k in c.children if k.dep_ == "compound"
                                                        for x in self._actors(doc, k)]]
                made = [a for a in made if a.code not in {s.code for s in sources}]
                targets = made or targets
            if not targets and spec["target"] == "complement" and not noun:
                # "warned India it could face sanctions", "promised Pakistan that Beijing would invest":
                # the one warned or promised, when the act itself names no one
                targets = [a for c in token.children if c.dep_ in ("dobj", "dative") and c.i != comp.i
                           for a in self._actors(doc, c) if a.kind != "thing"]
            if inner is None and frame == "refuse" and comp.lemma_.lower() in COMMENT_VERBS:
                code = "011"  # "declined to comment on reports that ...": no comment, no rejection
            if inner is None and frame in ("demand", "appeal") and comp.lemma_.lower() in LEAVE_VERBS and targets and \
                    not (frame == "appeal" and {a.country for a in targets} & {a.country for a in sources}):
                # "ordered U.N. nuclear inspectors to leave the country", "asked the U.N. mission to leave": an
                # expulsion ("urged its citizens to leave Mogadishu" advises its own people, it expels no one)
                code = expulsion_code(doc, targets)
            if inner is None and frame == "demand" and token.lemma_.lower() in ORDER_WORDS and targets and \
                    all(a.sector in ("MIL", "COP") or (a.fixed or "").endswith("MIL") for a in targets):
                # "ordered ten army battalions to the Colombian border": a deployment, aimed where they go
                places = [p for c in token.children if c.dep_ == "prep" and c.lower_ == "to"
                          for p in c.children if p.dep_ == "pobj"]
                if places:
                    code = "153" if all(a.sector == "COP" for a in targets) else "154"
                    targets = [replace(a, sector=None, fixed=None, how="location", kind="country")
                               for p in places for a in self._actors(doc, p, owner=False) if a.country and (
                                   a.kind == "country" or (a.kind == "thing" and p.lemma_.lower() in PLACE_NOUNS))][:1]
            if inner is None and own is not None and not own.pattern.objects and not targets and \
                    frame in ("appeal", "demand"):
                code = self.frames.recode(frame, None)  # "can force a new phase": no one forced to anything
            if not targets and frame == "threaten" and inner is None and _penalty(comp):
                # "warned that Israel would pay a heavy price": the one who will pay is threatened
                targets = [a for c in comp.children if c.dep_ == "nsubj" for a in self._actors(doc, c)
                           if a.kind != "thing"]
            if not targets and frame in ("intent", "threaten") and not noun and len({a.code for a in sources}) < 2 \
                    and (inner is None or inner.pattern.head in NEEDS_TARGET):
                # "pledged $500 million to help rebuild Afghanistan", "threatened to unleash a wave of
                # suicide bombings against Israel", "agreed to allow OSCE verifiers into Kosovo" (what
                # two parties agree on is aimed at each other)
                targets = self._purpose_object(doc, token, sources, hostile=frame == "threaten")
            if not targets and inner is not None and inner.pattern.cameo[:2] in ("15", "18", "19", "20"):
                # "threatened to launch a military operation in northern Syria": where the force would strike
                targets = self._location_target(doc, comp)
            if inner is None and own is not None and unaimed(own.pattern, targets) and \
                    not (frame == "threaten" and (_own_act(comp) or _penalty(comp))):
                continue  # "warned that growth would slow": a forecast; "warned it would retaliate": a threat
            if inner is not None and inner.pattern.head in NEEDS_TARGET and not inner.pattern.objects and not targets:
                inner, inner_code = None, None  # "vowed to help the economy": helping no one is no aid
                code, trigger = self.frames.recode(frame, None), [token.i]
            events.extend(self._emit(doc, sent, token, trigger, code, sources, targets,
                                     f"frame:{'order' if ordered else frame}" + (f"+{inner.pattern.origin}" if inner else ""),
                                     modality_hint=spec["modality"], base_code=inner_code,
                                     negation_read=frame == "permit"))
        return events

    def _obligation_events(self, doc: Doc, sent: Span, matches, absorbed: set[int]) -> list[RawEvent]:
        """Statements with an obligation: "X said Y must do Z" is a demand on Y."""
        events: list[RawEvent] = []
        for token in sent:
            if token.lemma_.lower() not in self.frames.speech or token.i in absorbed:
                continue
            for comp in token.children:
                if comp.dep_ == "ccomp" and self._obliged(comp) and comp.i not in absorbed:
                    targets = self._subjects(doc, comp)
                    if not targets:
                        continue  # "no one should be forced": an opinion, not a demand on anyone
                    inner = matches.get(comp.i)
                    code = self.frames.recode("demand", inner.pattern.cameo if inner else None)
                    absorbed.add(comp.i)
                    events.extend(self._emit(doc, sent, token, [token.i, comp.i], code, self._sources(doc, token),
                                             targets, "frame:obligation", modality_hint="asserted"))
        return events

    def _allegation_events(self, doc: Doc, sent: Span, matches, absorbed: set[int]) -> list[RawEvent]:
        """"X claimed that Y attacked Z" is X accusing Y (the attack is X's charge, not a fact the
        sentence reports); "X claimed that they attacked Z" is X claiming responsibility for it."""
        events: list[RawEvent] = []
        for token in sent:  # "Israel denied that its forces had fired on the convoy": no firing is reported
            if token.lemma_.lower() in DENY and token.pos_ == "VERB":
                for c in token.children:
                    if c.dep_ in ("ccomp", "xcomp", "pcomp") or (c.dep_ == "prep" and c.lower_ in ("that", "of")):
                        absorbed.update(k.i for k in c.subtree if k.i in matches)
        for token in sent:
            if token.lemma_.lower() not in ALLEGE or token.pos_ != "VERB" or token.i in absorbed:
                continue
            claimants = self._sources(doc, token)
            clauses = [k for c in token.children if c.dep_ == "ccomp" for k in (c, *c.conjuncts)]
            for clause in clauses:  # "alleged that France was aware ..., and that its military helped ..."
                # what is alleged is a charge, not a fact, whoever makes it ("a report alleged that ...")
                charged = [k for k in clause.subtree if k.i in matches and k.i not in absorbed
                           and matches[k.i].pattern.cameo[:2] >= "11"]
                if not charged:
                    continue
                absorbed.update(k.i for k in charged)
                absorbed.update(k.i for k in clause.subtree if self._frame_of(k) is not None)  # "... planning the massacres"
                if not claimants:
                    continue
                comp = min(charged, key=lambda k: (depth_below(k, clause), k.i))  # the clause's own event first
                inner = matches[comp.i]
                accused = self._sources(doc, comp)
                own = accused and {a.country for a in accused} <= {a.country for a in claimants}
                if own:
                    targets = self._targets(doc, comp, inner) or self._location_target(doc, comp)
                    code, rule = "015", "frame:claim-responsibility"
                elif accused:
                    code, targets, rule = "112", accused, "frame:allegation"
                else:
                    continue
                events.extend(self._emit(doc, sent, token, [token.i, comp.i], code, claimants, targets,
                                         f"{rule}+{inner.pattern.origin}", modality_hint="asserted",
                                         base_code=inner.pattern.cameo if own else None))
        return events

    def _purpose_object(self, doc: Doc, token: Token, sources, hostile: bool = False) -> list:
        """The first actor, nearest first, that the words under a frame act on or are aimed at: objects
        and the objects of "to", "against", "on", "with", "for" (not where it happens); for a threat
        (`hostile`), only what it is "against" or "on"."""
        own = {a.code for a in sources}
        countries = {a.country for a in sources}
        preps = HOSTILE_PREPS if hostile else PURPOSE_PREPS
        level = [token]
        for _ in range(8):  # a preposition and its object are two steps down
            found, below = [], []
            for t in level:
                for c in t.children:
                    # ("allow OSCE verifiers into Kosovo to monitor ...": the subject of an infinitive)
                    subject = c.dep_ == "nsubj" and t is not token and any(
                        g.dep_ == "aux" and g.lower_ == "to" for g in t.children)
                    held = (c.dep_ in ("dobj", "dative", "oprd") or subject) and not hostile or (
                        c.dep_ == "pobj" and t.dep_ == "prep" and t.lower_ in preps)
                    if held and c.i > token.i:  # (a thing of the actor's own country is its own business)
                        found += [a for a in self._actors(doc, c, owner=False) if (a.country or a.fixed)
                                  and a.code not in own and not (a.kind == "thing" and a.country in countries)]
                    if c.dep_ in ("dobj", "pobj", "xcomp", "advcl", "ccomp", "acl") or (
                            c.dep_ == "prep" and c.lower_ in PURPOSE_PREPS):
                        below.append(c)
            if found:
                return found
            level = below
        return []

    def _frame_of(self, token: Token) -> str | None:
        frame = self.frames.by_word.get(token.lemma_.lower())
        if frame is None and token.lemma_.lower() in self.frames.permit and _negated(token) and (
                token.pos_ != "NOUN" or token.dep_ == "dobj" and token.head.lemma_.lower() in self.frames.carriers):
            return "permit"  # "will not allow Russia to attack", "would not give permission to Russia to"
        if frame is not None and token.pos_ == "NOUN":
            # a frame noun its sayer's verb carries: "reiterated its demand that", "renewed its call for"
            return frame if token.dep_ == "dobj" and token.head.lemma_.lower() in self.frames.carriers else None
        if frame is None or token.pos_ not in ("VERB", "ADJ", "AUX"):
            return None
        if frame in ("appeal", "demand") and any(c.dep_ in ("auxpass", "nsubjpass") for c in token.children) \
                and not any(c.dep_ == "agent" for c in token.children):
            return None  # "was told", "were asked": the one asked is the subject, no one asks ("by X" does)
        if token.lemma_.lower() == "call" and not any(c.lower_ in ("on", "for", "upon") for c in token.children):
            return None
        if question(token):
            return None  # "was asked by a reporter whether he would raise ...": a question, no appeal
        return frame

    def _complement(self, token: Token, frame: str, matches) -> Token | None:
        """The complement of a frame word: a clause ("to cooperate", "that X should") or an event noun."""
        children = list(token.children)
        if token.pos_ == "NOUN" and not any(c.dep_ in ("acl", "advcl", "prep") for c in children):
            # "reiterated its demand today that Israel ease ...", "gave permission to Russia to help
            # Israel": the clause hung on the carrying verb
            children += [c for c in token.head.children if c.i > token.i and (
                c.dep_ == "ccomp" and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)
                or c.dep_ == "advcl" and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children))]
        for c in children:
            infinitive = c.dep_ == "advcl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
            clause = c.dep_ == "acl" and token.pos_ == "NOUN"  # "its demand that Israel ease ..."
            if (c.dep_ in ("xcomp", "ccomp") or infinitive or clause) and c.pos_ in ("VERB", "AUX"):  # "vowed to fight"
                if c.i not in matches:
                    # "agreed to start negotiations", "threatened to institute a curfew": the event is the noun
                    noun = next((g for g in c.children if g.dep_ == "dobj" and g.i in matches), None)
                    if noun is not None:
                        return noun
                    # "prepared to resume shelling", "agreed to begin withdrawing": through the aspect verb
                    chained = next((g for g in c.children if g.dep_ in ("xcomp", "pcomp") and g.i in matches
                                    and c.lemma_.lower() in ASPECTUAL), None)
                    if chained is not None:
                        return chained
                return c
        for c in token.children:
            if c.dep_ in ("dobj",) and c.i in matches and matches[c.i].pattern.noun:
                return c
            if c.dep_ == "prep" and c.lower_ in ("for", "to", "on", "upon"):
                for g in c.children:
                    if g.dep_ == "pobj" and g.i in matches and matches[g.i].pattern.noun:
                        return g
                    if g.dep_ == "pcomp" and g.pos_ == "VERB":
                        return g
        if frame in ("appeal", "demand"):
            for c in token.children:
                if c.dep_ in ("dobj", "prep"):
                    return c
        return None

    @staticmethod
    def _own_subject(frame_word: Token, comp: Token) -> bool:
        """Does the complement have a subject of its own, other than the frame word's subject?"""
        if comp.dep_ == "xcomp":
            return any(c.dep_ in ("dobj",) for c in frame_word.children) and frame_word.lemma_.lower() in ("want", "ask")
        subj = next((c for c in comp.children if c.dep_ in SUBJ), None)
        if subj is None or subj.pos_ == "PRON":
            return False
        frame_subj = next((c for c in frame_word.children if c.dep_ in SUBJ), None)
        return frame_subj is not None and frame_subj.lemma_ != subj.lemma_ and comp.dep_ == "ccomp" and \
            frame_word.lemma_.lower() == "want"

    def _appeal_object(self, token: Token) -> bool:
        return any(c.dep_ == "prep" and c.lower_ in ("on", "upon") for c in token.children)

    def _obliged(self, verb: Token) -> bool:
        words = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
        return bool(words & self.frames.obligation)
