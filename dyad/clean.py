"""Strip web boilerplate that survives extraction and normalise characters, keeping a map back.

The text is cut into lines (newlines, and " ### " which some scraped corpora use between
paragraphs). A line is dropped whole when it matches one of the boilerplate rules below;
otherwise it is kept with its whitespace runs collapsed and its quotes/spaces swapped 1-to-1.
Kept lines are joined with "\\n\\n" (a paragraph break), or with " " when a single newline
only wraps a sentence. `CleanText.to_original` maps every clean offset back to the original
text, so events found in the clean text can point at the text as ingested.
"""
from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from dataclasses import dataclass, field

__all__ = ["CleanText", "clean", "is_boilerplate", "RULES"]

_I = re.IGNORECASE

# News agencies and photo services that end a photo-credit line.
_AGENCY = (r"(?:AFP|AP|A\.P\.|TASS|Reuters|EPA(?:-EFE)?|EFE|Getty(?: Images)?|Sputnik|Xinhua|"
           r"Bloomberg|Shutterstock|Pool|Kremlin|Anadolu(?: Agency)?|dpa|ANSA|Kyodo|Yonhap|"
           r"SOPA Images|NurPhoto|ZUMA(?: Press| Wire)?|Alamy|iStock(?:photo)?|Corbis|UPI|"
           r"(?:The )?Associated Press|PA(?: Wire| Images| Media)?|RIA Novosti|WireImage|Redux|"
           r"Handout|Courtesy)")
_NAME = r"[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}"  # a capitalised name of 1-4 words

# Interface labels that make up a whole line, alone or run together ("Share Tweet Email",
# "CONNECT TWEET LINKEDIN COMMENTEMAILMORE").
_UI_WORDS = (r"share(?: this(?: article| story| page)?| (?:story|article)| on \w+)?|tweet|retweet|"
             r"e-?mail|print|more|less|close|menu|comments?|view comments|add comment|save|edit|"
             r"tags|images?|photos?|video|gallery|back to gallery|fullscreen|expand|collapse|"
             r"loading\.*|next|prev(?:ious)?|back to top|scroll to top(?: of page)?|top|"
             r"skip to (?:main )?content|amp|today|yesterday|updated|whatsapp|facebook|"
             r"messenger|twitter|linkedin|reddit|pinterest|telegram|flipboard|connect|copy link|"
             r"link copied|play|pause|mute|unmute|listen|watch|sign in|log in|log out|"
             r"sign (?:me )?up!?|subscribe|register|reprints?|permalink|home|search|"
             r"order reprint|purchase|toggle navigation|enlarge this image|hide caption|"
             r"toggle caption")

_WEEKDAY = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?"
_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_TIME_WORD = (r"(?:a\.?m\.?|p\.?m\.?|gmt|utc|[ecmp][sd]?t|bst|cet|cest|msk|ist|jst|aest|"
              r"at|on|ago|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
              r"hours?|hrs?|minutes?|mins?|seconds?|secs?|days?|weeks?|months?|years?|"
              r"\d+(?:st|nd|rd|th))")

# The rules, in order; each is matched against one stripped line. Every rule targets a
# line that cannot be a sentence of the story (no verb phrase, or a fixed UI phrase), so
# a news sentence that merely contains "share", "photo" or "advertisement" survives.
RULES: list[tuple[str, re.Pattern[str]]] = [
    # no letter or digit at all: separators ("___", "•", "* * *")
    ("separator", re.compile(r"^[\W_]+$")),
    # icon ligature names leaking from icon fonts ("more_vert", "play_arrow", "video_youtube")
    ("icon-name", re.compile(r"^[a-z]+(?:_[a-z]+)+$")),
    # share/print/follow buttons and other interface labels, alone or run together
    ("ui-label", re.compile(rf"^(?:(?:{_UI_WORDS})[\s|•·,/:!]*){{1,10}}$", _I)),
    # advertising markers and "continue reading" interstitials
    # comment-section and widget furniture: "To find out more about Facebook commenting please read ...",
    # "Comments are closed", "powered by Ask"
    ("comments-widget", re.compile(
        r"^(?:to find out more about facebook commenting\b.*|comments? (?:are|is) (?:closed|moderated)\b.*|"
        r"join the conversation\b.{0,80}|read (?:our|the) (?:community|conversation) guidelines\b.*|"
        r"powered by [\w.&' -]{1,30})$", _I)),
    # a section label with only a timestamp: "Nation/World 07/14/2018, 08:04pm"
    ("section-timestamp", re.compile(
        r"^[A-Z][\w/&' -]{1,30}\s+\d{1,2}/\d{1,2}/\d{2,4},?\s+\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?$", _I)),
    ("advertising", re.compile(
        r"^(?:advertisement|advertising|sponsored(?: content| links?)?|paid (?:content|post)|"
        r"ad|ads by \w+|story continues? below(?: advertisement)?|story continued below|"
        r"continue reading(?: the main story| below)?|scroll (?:down )?to continue"
        r"(?: with content)?)\s*[:.]?$", _I)),
    # photo/video credits and captions introduced by a label ("Photo: ...", "Image copyright ...")
    ("photo-credit", re.compile(
        r"^\(?(?:(?:file |top |main |lead )?(?:photo(?:graph)?|image|picture|video|pic)s?"
        r"(?: credit)?|credits?|caption)\s*[:|]|^(?:image copyright|image caption|media caption|"
        r"photo credit|copyright (?:photo|image))\b", _I)),
    # "(Photo by X/Getty Images)", "Photograph by X for Y"
    ("photo-by", re.compile(r"^\(?(?:photo(?:graph)?|image|picture)s? (?:by|courtesy of)\b.{0,150}$", _I)),
    # a caption that ends with an agency photo credit: "... (AP Photo/Evan Vucci)"
    ("agency-photo", re.compile(rf"(?:\b{_AGENCY} ?(?:Photo|Images?)\s*/|\(\s*{_AGENCY} ?Photo\b[^)]*\)$)")),
    # "Alexander Scherbak  TASS", "John Smith/Reuters", "Pablo Martinez Monsivais, AP", "Getty Images"
    ("name-agency", re.compile(
        rf"^(?:{_NAME}(?:\s{{2,}}|\s*[/|\\]\s*|,\s*|\s+(?:for|via)\s+))?{_AGENCY}"
        rf"(?:\s*(?:/|via|for)\s*[\w .'’-]{{1,40}})?$")),
    # bylines: "By Jane Doe", "By Jane Doe and John Roe, Reuters", "BY JANE DOE | July 15"
    ("byline", re.compile(
        rf"^(?i:by)\s+{_NAME}(?:\s*(?:,|(?i:and)|&)\s*{_NAME})*"
        r"(?:\s*[,|–—-]\s*(?:[A-Z0-9][\w.'’&-]*[\s,|:]*){1,8})?(?<![.!?])$")),
    # section promos alone or before a colon: "Read more: ...", "Related: ...", "Most Read"
    ("related-label", re.compile(
        r"^(?:(?:read|see) (?:more|also)|also read|related(?: content| stories| articles| "
        r"coverage| links| topics| videos?)?|recommended(?: videos?| stories| reading| for you)?|"
        r"more (?:from|on|stories|news)\b.{0,60}|most (?:read|popular|viewed|shared)\b.{0,60}|"
        r"top (?:stories|coverage|news)|now playing|just watched|up next|trending(?: now)?|"
        r"you (?:may|might) also like|don'?t miss|watch|listen|tags|topics)\s*(?:[:|>»].*)?$|"
        r"^(?:the )?latest(?: news| stories| videos?)?\s*:?$", _I)),
    # a recirculation link with its headline: "Read more Trump meets Putin", "See also ..."
    ("related-link", re.compile(
        r"^(?:(?:read|see) (?:more|also)|also read|related|recommended|you (?:may|might) also like)"
        r"\b.{0,150}$(?<![.!?\"”])", _I)),
    # calls to click, sign up, subscribe, log in
    ("call-to-action", re.compile(
        r"^(?:click|tap) here\b|^(?:sign up|subscribe|already a subscriber|log in|sign in|"
        r"register) (?:for|to|now|here|today)\b.{0,200}$|^(?:sign up|subscribe)\s*[.!]?$", _I)),
    # newsletter prompts: an imperative plus "newsletter"/"inbox"
    ("newsletter", re.compile(
        r"^(?:sign up|subscribe|get|receive|join|enter your e-?mail|never miss|want more|"
        r"thank you for (?:signing up|subscribing))\b.{0,150}\b(?:newsletters?|inbox|briefing|"
        r"e-?mail updates|alerts)\b.{0,80}$", _I)),
    # cookie and consent notices
    ("cookies", re.compile(
        r"^(?:we use cookies|this (?:web)?site uses cookies|by (?:continuing to use|using) "
        r"(?:this|our) (?:web)?site|(?:accept|manage) (?:all )?cookies|cookie (?:policy|settings|"
        r"preferences|consent))\b", _I)),
    # copyright lines: "© 2018 Reuters", "Copyright 2018 ...", "... All rights reserved."
    ("copyright", re.compile(
        r"^(?:©|\(c\)\s*\d{4}|copyright\s*(?:©|\(c\)|\d{4}))|\ball rights reserved\.?$", _I)),
    # a date/time and nothing else: "Updated 12:04 GMT", "4 hours ago", "July 15, 2018"
    ("timestamp", re.compile(
        rf"^(?=.*\d|.*\bago\b)(?:(?:last )?(?:updated|published|posted|modified|first published)"
        rf"\b[\s:;]*)?(?:[\d:/.,;|()\s-]|\b(?:{_WEEKDAY}|{_MONTH}|{_TIME_WORD})(?![a-z]))+$", _I)),
    # social follow prompts: "Follow us on Twitter", "Follow @Reuters"
    ("follow-us", re.compile(
        r"^(?:follow (?:us|me|@\w+|[\w .'’-]{1,40} on (?:twitter|facebook|instagram|linkedin|"
        r"telegram|x))|like us on facebook)\b.{0,100}$", _I)),
]

_LINE_BREAK = re.compile(r"\r\n|[\n\r\v\f\x85\u2028\u2029]| ### ")
_SPACES = " \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"
_INVISIBLE = "\u00ad\u200b-\u200d\u2060\ufeff"
# a run of 2+ spaces, or any run holding an invisible character: becomes one space or nothing
_SQUEEZE = re.compile(rf"[{_SPACES}{_INVISIBLE}]*[{_INVISIBLE}][{_SPACES}{_INVISIBLE}]*|[{_SPACES}]{{2,}}")
_HAS_SPACE = re.compile(rf"[{_SPACES}]")
# 1-to-1 swaps: curly quotes to straight ones, exotic spaces to a plain space
_SWAPS = str.maketrans({
    "‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'",
    "“": '"', "”": '"', "„": '"', "‟": '"', "″": '"',
    **{c: " " for c in "\t\u00a0\u1680\u202f\u205f\u3000"},
    **{chr(c): " " for c in range(0x2000, 0x200B)},
})
_SENTENCE_END = tuple(".!?:;\"'”’)]…")
_MAX_RULE_LINE = 400  # longer lines are story text; no rule is tried on them


@dataclass(frozen=True)
class CleanText:
    """Cleaned text plus a compact map (run-length segments) back to the original offsets."""

    text: str
    original_length: int = 0
    # segment k starts at clean offset _clean_starts[k] and original offset _orig_starts[k]
    _clean_starts: array = field(default_factory=lambda: array("q"), repr=False, compare=False)
    _orig_starts: array = field(default_factory=lambda: array("q"), repr=False, compare=False)
    dropped: tuple[tuple[int, int, str], ...] = field(default=(), repr=False, compare=False)
    """Original (start, end, rule) of every line removed as boilerplate."""

    def to_original(self, i: int) -> int:
        """Clean offset -> original offset; len(text) maps to the end of the original."""
        if i == len(self.text):
            return self.original_length
        if not 0 <= i < len(self.text):
            raise IndexError(f"offset {i} outside cleaned text of length {len(self.text)}")
        k = bisect_right(self._clean_starts, i) - 1
        return self._orig_starts[k] + (i - self._clean_starts[k])

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        """Clean [start, end) -> original [start, end) covering the same characters."""
        if end <= start:
            at = self.to_original(start)
            return at, at
        return self.to_original(start), self.to_original(end - 1) + 1


def is_boilerplate(line: str) -> str | None:
    """Name of the first rule that matches this (stripped) line, or None."""
    if len(line) > _MAX_RULE_LINE:
        return None
    for name, rule in RULES:
        if rule.search(line):
            return name
    return None


def clean(text: str) -> CleanText:
    """Drop boilerplate lines, collapse spaces, straighten quotes; keep the offset map."""
    out: list[str] = []
    clean_starts, orig_starts = array("q"), array("q")
    dropped: list[tuple[int, int, str]] = []
    length = 0          # length of the clean text so far
    prev_end = -1       # original end of the last kept line (-1: none yet)
    gap_is_break = False  # since the last kept line: blank line, " ### " or a dropped line?
    last_line = ""

    def emit(piece: str, orig: int) -> None:
        nonlocal length
        # extend the current segment when the piece continues it in both texts
        if not (clean_starts and orig - orig_starts[-1] == length - clean_starts[-1]):
            clean_starts.append(length)
            orig_starts.append(orig)
        out.append(piece)
        length += len(piece)

    for start, end, brk_before in _lines(text):
        if brk_before == " ### ":
            gap_is_break = True
        line = text[start:end]
        stripped = line.strip()
        if not stripped:
            gap_is_break = gap_is_break or prev_end >= 0
            continue
        lead = len(line) - len(line.lstrip())
        start, end = start + lead, start + lead + len(stripped)
        rule = is_boilerplate(stripped)
        if rule is not None:
            dropped.append((start, end, rule))
            gap_is_break = True
            continue
        if prev_end >= 0:  # separator between kept lines, mapped to the gap's first character
            soft_wrap = (not gap_is_break and not last_line.endswith(_SENTENCE_END)
                         and stripped[0].islower())
            for ch in (" " if soft_wrap else "\n\n"):
                clean_starts.append(length)
                orig_starts.append(prev_end)
                out.append(ch)
                length += 1
        _emit_line(text, start, end, emit)
        prev_end, last_line, gap_is_break = end, stripped, False
    cleaned = "".join(out).translate(_SWAPS)
    return CleanText(cleaned, len(text), clean_starts, orig_starts, tuple(dropped))


def _lines(text: str):
    """(start, end, break before it) of each line; " ### " counts as a line break."""
    pos, brk = 0, ""
    for m in _LINE_BREAK.finditer(text):
        yield pos, m.start(), brk
        pos, brk = m.end(), m.group()
    yield pos, len(text), brk


def _emit_line(text: str, start: int, end: int, emit) -> None:
    """Copy text[start:end] with space runs squeezed to one space and invisibles removed."""
    pos = start
    for m in _SQUEEZE.finditer(text, start, end):
        if m.start() > pos:
            emit(text[pos:m.start()], pos)
        if _HAS_SPACE.search(m.group()):
            emit(" ", m.start())
        pos = m.end()
    if end > pos:
        emit(text[pos:end], pos)
