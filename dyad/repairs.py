"""Parse repairs: structures spaCy's small English model often gets wrong, and how to read them.

Each function recognises one misparse on the parse as it comes and says what it means, for
arguments.py and events.py to use:
  reduced_relative  "The civilians imprisoned for ... were released": the participle taken for the
                    main verb; its subject is its patient
  shared_patient    "police arrested protesters and were praised by the mayor": a conjoined passive
                    takes the first verb's subject as its patient
  passive_conjunct  "Fico was shot and seriously wounded": a bare participle joined to a passive
  participle_object "hosted visiting President Mandela": an adjective participle parsed as a clause
  lost_predicate    "Doctors from two aid groups donated and delivered goods to ...": a main verb hung
                    on its subject as a modifier, in a sentence with no verbal root
  headline_passive  "Three soldiers killed in rebel attack": headlines drop the "were"
  stranded_subject  "With the signing of the accord, the government and the rebels have agreed ...":
                    the subject after a fronted phrase taken for a conjunct inside it
"""
from __future__ import annotations

from spacy.tokens import Token


def reduced_relative(verb: Token) -> Token | None:
    """The subject of a participle the parser took for the (past tense) main verb of a reduced relative:
    in "The civilians imprisoned for acting against Moscow were released", `imprisoned` comes as
    the root with `civilians` as its subject and "were released" as its conjunct. A bare past
    participle (no auxiliary) whose conjunct is a passive without a subject of its own is that
    garden path; the subject is the participle's patient (and the conjunct's)."""
    if verb.tag_ not in ("VBN", "VBD") or verb.dep_ != "ROOT" or any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None or not any(shares_passive(c) for c in verb.children):
        return None
    return subj


def shared_patient(verb: Token) -> Token | None:
    """The subject a passive verb without its own takes from the verb before it: "police arrested
    the protesters and were praised by the mayor" (the police were praised), or the garden-path
    participle's subject ("The civilians imprisoned for ... were released")."""
    if verb.dep_ == "conj" and (any(c.dep_ == "auxpass" for c in verb.children) or passive_conjunct(verb)) and \
            not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        shared = next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if shared is not None:
            return shared
    return reduced_relative(verb.head) if shares_passive(verb) else None


# present participles news uses as adjectives before a noun: "hosted visiting President Mandela"
PARTICIPLE_ADJECTIVES = frozenset({"visiting", "protesting", "neighbouring", "neighboring", "fleeing", "striking",
                                   "warring", "rioting", "demonstrating", "retreating", "advancing", "invading",
                                   "occupying", "ruling", "opposing", "fighting"})


def participle_object(verb: Token) -> Token | None:
    """The noun a participle modifies when the parser made the participle a clause of the verb
    before it and the noun its object: "hosted visiting South African President Nelson Mandela",
    "beat protesting monks", "accused neighbouring Eritrea". Given either verb, the noun."""
    vbg = verb if verb.tag_ == "VBG" else next(
        (c for c in verb.children if c.dep_ == "xcomp" and c.tag_ == "VBG" and c.i == verb.i + 1), None)
    if vbg is None or vbg.dep_ != "xcomp" or vbg.lower_ not in PARTICIPLE_ADJECTIVES or vbg.i != vbg.head.i + 1 or \
            any(c.dep_ == "dobj" for c in vbg.head.children):
        return None
    return next((c for c in vbg.children if c.dep_ == "dobj"), None)


def passive_conjunct(verb: Token) -> Token | None:
    """The passive verb a bare participle is joined to, which makes it passive too: in "Fico was
    shot and seriously wounded", "wounded" has no auxiliary of its own; Fico was wounded, by
    whoever shot him."""
    head = verb.head
    if verb.dep_ != "conj" or verb.tag_ != "VBN" or head.i >= verb.i or \
            any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in verb.children):
        return None
    return head if any(c.dep_ == "auxpass" for c in head.children) else None


def shares_passive(verb: Token) -> bool:
    """A passive verb hung on another verb, after it, with no subject or conjunction of its own
    ("... were released", parsed as a conjunct or a relative clause of the participle)."""
    return verb.dep_ in ("conj", "relcl", "ccomp", "dep", "parataxis") and verb.head.i < verb.i and \
        verb.head.pos_ == "VERB" and any(c.dep_ == "auxpass" for c in verb.children) and \
        not any(c.dep_ in ("nsubj", "nsubjpass", "cc", "mark") for c in verb.children) and \
        not any(t.dep_ in ("cc", "mark") or t.pos_ == "SCONJ" or t.lower_ in ("who", "which", "that")
                for t in verb.doc[verb.head.i + 1:verb.i])  # "as attempts ... were deadlocked" has its own subject


def lost_predicate(verb: Token) -> bool:
    """A main verb the parser hung on its subject as a modifier: "Doctors from two American aid
    groups donated and delivered goods to ..." (the root is "Doctors"). In a sentence with no
    verbal root, a past form with an object of its own (or a conjunct's) is no reduced relative
    ("Three soldiers killed in attack" stays a passive headline; "an admission that Soviet forces
    murdered ..." is a clause with its own subject)."""
    if verb.dep_ != "acl" or verb.tag_ not in ("VBD", "VBN") or any(
            c.dep_ in ("nsubj", "nsubjpass", "mark") for c in verb.children):
        return False
    root = verb.sent.root
    return root.pos_ in ("NOUN", "PROPN") and any(
        c.dep_ == "dobj" for v in (verb, *verb.conjuncts) for c in v.children)


# verbs whose subject, with no object and no auxiliary, is what they were done to: "Three soldiers
# killed in rebel attack", "Journalist detained in Cairo" (headlines drop the "were")
DONE_TO = frozenset({"kill", "wound", "injure", "arrest", "detain", "kidnap", "abduct", "execute", "jail", "behead",
                     "torture", "massacre", "murder", "slay", "assassinate", "deport", "expel", "sentence", "convict",
                     "imprison", "hang", "free", "release", "evacuate", "rescue", "indict", "extradite"})


def headline_passive(verb: Token) -> bool:
    """A past participle the parser took for an active main verb, in headline style: "Three
    Syrian soldiers killed in rebel attack" (the soldiers were killed). Only verbs that are hardly
    ever used without an object qualify, with a subject, no object, no clause and no auxiliary."""
    return verb.dep_ == "ROOT" and verb.tag_ in ("VBD", "VBN") and verb.lemma_.lower() in DONE_TO and \
        any(c.dep_ == "nsubj" for c in verb.children) and not any(
            c.dep_ in ("dobj", "aux", "auxpass", "ccomp", "xcomp", "dative", "prt") for c in verb.children)


def stranded_subject(verb: Token) -> Token | None:
    """The subject of a finite main verb that the parser joined to the phrase before it: in "With
    the signing of a memorandum, the Sudanese government and the rebels have agreed to ...", the
    subject comes as a conjunct of "memorandum" and "agreed" has no subject. A noun phrase that
    opens after a comma, ends right before the verb (or its auxiliaries) and hangs as a conjunct or
    apposition on a word before that comma is the verb's subject."""
    if verb.dep_ != "ROOT" or verb.pos_ not in ("VERB", "AUX") or any(
            c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl", "auxpass") for c in verb.children):
        return None  # (a passive's stranded phrase would be its patient)
    finite = verb.tag_ in ("VBD", "VBZ", "VBP", "MD") or any(
        c.dep_ == "aux" and c.i < verb.i for c in verb.children)
    if not finite:
        return None
    start = min([verb.i] + [c.i for c in verb.children if c.dep_ in ("aux", "neg") and c.i < verb.i])
    if start < 2:
        return None
    for np in verb.doc[verb.sent.start:start]:  # the outermost phrase that ends right before the verb
        if np.right_edge.i != start - 1 or np.dep_ not in ("conj", "appos") or np.pos_ not in ("NOUN", "PROPN", "PRON"):
            continue
        comma = np.left_edge.i - 1
        if comma > verb.sent.start and verb.doc[comma].text == "," and np.head.i < comma:
            return np
    return None
