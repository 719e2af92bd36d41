"""Event dates: resolve the date expression that belongs to an event against the publication date.

The cascade for one event:
1. find every date expression in the event's sentence (rules below, longest match wins);
2. rank them by where they hang in the parse: attached to the trigger or its own clause
   ("Last night Kerry flew", "hold talks on Friday") > attached to a clause that governs the
   trigger ("said late on Monday that they had agreed") > any other date in the sentence;
3. resolve the best one that can be resolved, using the trigger's tense to choose past or
   future ("met on Friday" -> the Friday before, "will meet on Friday" -> the Friday after,
   plain present -> the nearer one);
4. else the publication date (source "publication"); with no publication date and no
   absolute date in the text, no date at all — never today's date.

Dates are ISO strings of the first day of the period the precision names: "day" 2015-12-14,
"week" the Monday of that week, "month" 2016-02-01, "year" 2016-01-01. Relative expressions
are resolved by weekday/calendar arithmetic here rather than dateparser, which misses
"late on Monday" and cannot know the tense.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Sequence

from spacy.tokens import Span, Token

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
          "oct": 10, "nov": 11, "dec": 12}
MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
               "november", "december")
NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
           "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo", "going"})
PAST_AUX = frozenset({"had", "has", "have", "'ve", "'d", "did", "was", "were"})
MODAL_AUX = frozenset({"would", "could", "may", "might", "should", "must", "can"})
# an infinitive under these points ahead: "want to hold talks on Friday", "is due to meet"
PLAN_WORDS = frozenset({"want", "plan", "intend", "hope", "expect", "aim", "seek", "schedule", "set", "due",
                        "prepare", "agree", "try", "be", "decide", "vow", "pledge", "promise", "threaten",
                        "propose", "offer", "need", "wish", "mean"})
FUTURE_MODS = frozenset({"planned", "scheduled", "upcoming", "proposed", "expected", "forthcoming", "coming",
                         "next", "future", "prospective"})
# "said on Monday" in a headline-like present ("says") is the past; only these point ahead
_WD = r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_MON = (r"(?P<mon>January|February|March|April|May|June|July|August|September|October|November|December|"
        r"Jan\.?|Feb\.?|Mar\.|Apr\.?|Jun\.|Jul\.|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)(?![a-z])")
_MONFULL = (r"(?P<mon>January|February|March|April|May|June|July|August|September|October|November|"
            r"December)(?![a-z])")
_YEAR = r"(?P<y>(?:19|20)\d\d)(?!\d)"
_NUM = r"(?P<n>\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"

# (kind, pattern); the whole match is the date text
RULES: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)\b")),
    ("mdy", re.compile(rf"\b(?:{_WD},?\s+)?{_MON}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?!\d)(?:,?\s+{_YEAR})?")),
    ("dmy", re.compile(rf"\b(?:{_WD},?\s+)?(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MON}(?:,?\s+{_YEAR})?")),
    ("month_year", re.compile(rf"\b{_MONFULL}\s+(?:of\s+)?{_YEAR}")),
    ("month", re.compile(rf"\b(?:(?P<rel>[Ll]ast|[Nn]ext|[Tt]his|[Ee]arly|[Ll]ate|[Mm]id-?)\s*)?{_MONFULL}")),
    ("weekday", re.compile(rf"\b(?:(?P<part1>[Ll]ate|[Ee]arly)\s+(?:on\s+)?)?"
                           rf"(?:(?P<rel>[Ll]ast|[Nn]ext|[Tt]his|[Pp]ast|[Cc]oming)\s+)?{_WD}"
                           r"(?:\s+(?P<part>morning|afternoon|evening|night))?\b")),
    ("relday", re.compile(r"(?i)\b(?:(?:late|early)\s+)?(?P<word>yesterday|today|tomorrow|tonight|overnight|"
                          r"last night|this morning|this afternoon|this evening|earlier today|later today)\b")),
    ("week", re.compile(r"(?i)\b(?:(?P<dir>earlier|later)\s+)?(?P<rel>this|last|next|past|the)\s+(?P<unit>weekend|week)\b")),
    ("rel_month", re.compile(r"(?i)\b(?:(?P<dir>earlier|later)\s+)?(?P<rel>this|last|next|past)\s+month\b")),
    ("rel_year", re.compile(r"(?i)\b(?:(?P<dir>earlier|later)\s+)?(?P<rel>this|last|next|past)\s+year\b(?!'s)")),
    ("ago", re.compile(rf"(?i)\b{_NUM}\s+(?P<unit>day|week|month|year)s?\s+ago\b")),
    ("in_year", re.compile(rf"\b(?:[Ii]n|[Dd]uring|[Ee]arly|[Ll]ate|[Mm]id-?)\s*{_YEAR}")),
]
# words before a bare "May"/"March" that make it a month, not a modal verb or a noun
_MONTH_CUE = re.compile(r"(?:\b(?:in|since|until|till|by|before|after|during|of|from|to|last|next|this|early|late|mid-?)\s*)$",
                        re.I)


@dataclass(frozen=True)
class EventDate:
    """An event's date: ISO date of the period start, its precision, and the text it came from
    (Doc character offsets), or the publication date when the text gives none."""

    date: str | None = None
    precision: str | None = None  # day | week | month | year
    text: str | None = None
    start_char: int | None = None
    end_char: int | None = None
    source: str | None = None  # text | publication


@dataclass(frozen=True)
class _Expr:
    kind: str
    start: int  # Doc character offsets
    end: int
    text: str
    groups: dict


def resolve_date(sent: Span, trigger: Token | Sequence[Token], published: date | None) -> EventDate:
    """The date of the event whose trigger is `trigger` (one token or the trigger's tokens) in `sent`."""
    triggers = [trigger] if isinstance(trigger, Token) else list(trigger)
    tense = event_tense(triggers)
    ranked = sorted(find_expressions(sent), key=lambda e: (_rank(sent, e, triggers),
                                                           abs(e.start - triggers[0].idx)))
    for expr in ranked:
        if _rank(sent, expr, triggers) > 2:
            break
        resolved = _resolve(expr, published, tense)
        if resolved is not None:
            day, precision = resolved
            return EventDate(day.isoformat(), precision, expr.text, expr.start, expr.end, "text")
    if published is not None:
        return EventDate(published.isoformat(), "day", None, None, None, "publication")
    return EventDate()


def find_expressions(sent: Span) -> list[_Expr]:
    """Every date expression in the sentence, longest first where two overlap, in text order."""
    text, base = sent.text, sent.start_char
    found: list[_Expr] = []
    for kind, pattern in RULES:
        for m in pattern.finditer(text):
            groups = {k: v for k, v in m.groupdict().items() if v is not None}
            if kind == "month" and groups["mon"] in ("May", "March") and not groups.get("rel") \
                    and not _MONTH_CUE.search(text[:m.start()]):
                continue
            if kind == "week" and groups["rel"].lower() == "the" and groups["unit"].lower() == "week":
                continue  # "the week" alone says nothing
            found.append(_Expr(kind, base + m.start(), base + m.end(), m.group(0), groups))
    found.sort(key=lambda e: (e.start, -(e.end - e.start)))
    out: list[_Expr] = []
    for e in found:
        if out and e.start < out[-1].end:
            continue
        out.append(e)
    return out


# -- which expression belongs to the event ----------------------------------------------------
def _rank(sent: Span, expr: _Expr, triggers: list[Token]) -> int:
    """0: on the trigger's own clause; 1: on a clause governing it; 2: on no clause (a headline,
    a misparse); 3: on another event's clause or noun ("a planned January 1 ceasefire"): unused."""
    span = sent.doc.char_span(expr.start, expr.end, alignment_mode="expand")
    if span is None:
        return 2
    own = {t.i for t in triggers}
    for t in triggers:
        if t.pos_ in ("NOUN", "PROPN") and t.dep_ in ("dobj", "nsubjpass", "attr", "oprd") \
                and t.head.pos_ in ("VERB", "AUX"):
            own.add(t.head.i)  # "hold talks on Friday": the light verb's clause is the noun's
    inside = {t.i for t in span}
    root = span.root
    anchor, steps = root.head, 0
    while anchor.i in inside and anchor.head.i != anchor.i and steps < 10:
        anchor, steps = anchor.head, steps + 1
    if root.dep_ in ("compound", "nmod", "poss", "amod", "nummod") and anchor.pos_ in ("NOUN", "PROPN") \
            and anchor.i not in own:
        return 3  # it dates that noun, not this event
    # climb to the first verb (or trigger) above the expression
    while anchor.i not in own and anchor.pos_ not in ("VERB", "AUX") and anchor.head.i != anchor.i and steps < 20:
        anchor, steps = anchor.head, steps + 1
    if anchor.i in own:
        return 0
    if any(anchor.i in {a.i for a in t.ancestors} for t in triggers):
        return 1
    return 2 if anchor.pos_ not in ("VERB", "AUX") else 3


# -- tense ------------------------------------------------------------------------------------
def event_tense(triggers: Sequence[Token]) -> str:
    """past, present or future, from the trigger's verb (a noun trigger: its governing verb)."""
    if any(c.lower_ in FUTURE_MODS for t in triggers if t.pos_ in ("NOUN", "PROPN") for c in t.children):
        return "future"  # "a planned January 1 ceasefire"
    t = triggers[0]
    if t.pos_ not in ("VERB", "AUX"):
        verb, steps = t.head, 0
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i and steps < 3:
            verb, steps = verb.head, steps + 1
        if verb.pos_ not in ("VERB", "AUX"):
            return "present"
        t = verb
    return _verb_tense(t, 0)


def _verb_tense(verb: Token, depth: int) -> str:
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if aux & FUTURE_AUX:
        return "future"
    if verb.tag_ == "VB" and ("to" in aux or verb.dep_ == "xcomp") and depth < 3 and verb.head.i != verb.i:
        head = verb.head
        head_tense = _verb_tense(head, depth + 1)
        if head_tense != "past" and head.lemma_.lower() in PLAN_WORDS:
            return "future"
        return head_tense
    if aux & PAST_AUX:
        return "past"
    if verb.tag_ == "VBG" and aux & {"is", "are", "am", "'s", "'re"}:
        return "future"  # "is meeting on Friday"
    if verb.tag_ in ("VBD", "VBN"):
        return "past"
    if verb.tag_ == "VB" and aux & MODAL_AUX:
        return "future"
    return "present"


# -- resolving one expression -----------------------------------------------------------------
def _resolve(expr: _Expr, pub: date | None, tense: str) -> tuple[date, str] | None:
    g = expr.groups
    kind = expr.kind
    if kind == "iso":
        return _pair(_safe(int(g["y"]), int(g["m"]), int(g["d"])), "day")
    if kind in ("mdy", "dmy"):
        month, day = _month(g["mon"]), int(g["d"])
        if "y" in g:
            return _pair(_safe(int(g["y"]), month, day), "day")
        if pub is None:
            return None
        return _pair(_nearest_year(pub, lambda y: _safe(y, month, day), tense), "day")
    if kind == "month_year":
        return _pair(_safe(int(g["y"]), _month(g["mon"]), 1), "month")
    if kind == "in_year":
        return date(int(g["y"]), 1, 1), "year"
    if pub is None:
        return None  # everything below is relative to the publication date
    if kind == "month":
        month = _month(g["mon"])
        rel = (g.get("rel") or "").lower()
        side = {"last": "past", "next": "future"}.get(rel, tense)
        return _pair(_nearest_year(date(pub.year, pub.month, 1), lambda y: date(y, month, 1), side,
                                   strict=rel in ("last", "next")), "month")
    if kind == "weekday":
        return _weekday(pub, WEEKDAYS.index(g["wd"].lower()), (g.get("rel") or "").lower(), tense), "day"
    if kind == "relday":
        word = g["word"].lower()
        if word in ("yesterday", "last night", "overnight"):
            return pub - timedelta(days=1), "day"
        if word == "tomorrow":
            return pub + timedelta(days=1), "day"
        return pub, "day"
    if kind == "week":
        rel, unit = g["rel"].lower(), g["unit"].lower()
        if unit == "weekend":
            sat = 5 - pub.weekday()  # this week's Saturday, relative to pub
            if rel in ("last", "past") or (rel in ("the", "this") and tense == "past"):
                sat = sat - 7 if sat > 0 else sat
            elif rel == "next":
                sat = sat + 7 if sat >= 0 else sat + 14
            return _monday(pub + timedelta(days=sat)), "week"
        shift = {"last": -7, "past": -7, "next": 7}.get(rel, 0)
        return _monday(pub + timedelta(days=shift)), "week"
    if kind == "rel_month":
        shift = {"last": -1, "past": -1, "next": 1}.get(g["rel"].lower(), 0)
        y, m = divmod(pub.year * 12 + pub.month - 1 + shift, 12)
        return date(y, m + 1, 1), "month"
    if kind == "rel_year":
        shift = {"last": -1, "past": -1, "next": 1}.get(g["rel"].lower(), 0)
        return date(pub.year + shift, 1, 1), "year"
    if kind == "ago":
        n = int(g["n"]) if g["n"].isdigit() else NUMBERS[g["n"].lower()]
        unit = g["unit"].lower()
        if unit == "day":
            return pub - timedelta(days=n), "day"
        if unit == "week":
            return _monday(pub - timedelta(days=7 * n)), "week"
        if unit == "month":
            y, m = divmod(pub.year * 12 + pub.month - 1 - n, 12)
            return date(y, m + 1, 1), "month"
        return date(pub.year - n, 1, 1), "year"
    return None


def _weekday(pub: date, wd: int, rel: str, tense: str) -> date:
    back = (pub.weekday() - wd) % 7
    ahead = (wd - pub.weekday()) % 7
    if rel in ("last", "past"):
        return pub - timedelta(days=back or 7)
    if rel == "next":
        return pub + timedelta(days=ahead or 7)
    if rel == "coming":
        return pub + timedelta(days=ahead)
    if tense == "past":
        return pub - timedelta(days=back)  # same weekday as publication: that very day
    if tense == "future":
        return pub + timedelta(days=ahead)
    return pub - timedelta(days=back) if back <= ahead else pub + timedelta(days=ahead)


def _nearest_year(pub: date, make, side: str, strict: bool = False) -> date | None:
    """The date `make(year)` for the year that puts it on `side` of pub (past/future/nearer)."""
    options = [d for d in (make(pub.year - 1), make(pub.year), make(pub.year + 1)) if d is not None]
    if not options:
        return None
    if side == "past":
        before = [d for d in options if (d < pub if strict else d <= pub)]
        return max(before) if before else None
    if side == "future":
        after = [d for d in options if (d > pub if strict else d >= pub)]
        return min(after) if after else None
    return min(options, key=lambda d: (abs((d - pub).days), d > pub))


def _month(word: str) -> int:
    return MONTHS[word[:3].lower()]


def _safe(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _pair(day: date | None, precision: str) -> tuple[date, str] | None:
    return (day, precision) if day is not None else None


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())
