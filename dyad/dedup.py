"""Near-duplicate articles: syndicated copies, re-publications and synonym-spun rewrites.

Each coded article gets a `Signature`: two MinHash sketches (datasketch), one over the word
5-shingles of its cleaned text, one over the set of names and numbers it mentions. Wire copies
and light edits share most 5-shingles. A spinner that swaps every few words for a synonym
("talks ended without a deal" -> "discussions concluded lacking an accord") destroys most
5-shingles but keeps the people, places and figures, so the second sketch still matches.

Two articles are near-duplicates when (see `similar`)
  - their 5-shingle Jaccard is at least TEXT_JACCARD, or
  - both mention at least MIN_NAMES names/numbers and their name Jaccard is at least
    NAMES_JACCARD (whatever their 5-shingles say: a heavy spin leaves almost no 5-gram intact).
Candidates come from one LSH index per sketch; near-duplicate pairs are joined with union-find,
so a cluster is a connected component. A cluster's id is the smallest article id in it, which
makes clusters independent of the order articles arrive in. `Clusterer` is incremental: it is
loaded with the stored signatures and cluster ids, new articles are added, and `assign()`
returns only what changed (new articles joining or merging existing clusters).
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

__all__ = ["Signature", "signature", "similar", "Clusterer", "ClusterUpdate"]

# --- settings (measured on ../shared/corpora/helsinki, 612 articles; see bench/cluster_helsinki.py)
NUM_PERM = 128          # permutations per sketch: Jaccard estimates within about +-0.04
SHINGLE = 5             # words per shingle, as in the corpus's own 5-gram near-duplicate check
TEXT_JACCARD = 0.5      # Helsinki pairs at 0.5-0.8 are the same wire story with other page
                        # furniture or a later update; at 0.2-0.4 they are different stories
                        # (or "The Latest" blogs) on the same summit
NAMES_JACCARD = 0.75    # of 185k Helsinki pairs with 5-gram Jaccard < 0.3 none reaches 0.75
                        # (7 reach 0.6); a spin that renames a few of 20+ names stays above it
MIN_NAMES = 8           # a name set smaller than this is too small to say anything
TEXT_LSH_THRESHOLD = 0.4   # LSH recall threshold, set below the accept threshold: candidates
NAMES_LSH_THRESHOLD = 0.6  # are verified with the full sketch afterwards
SEED = 1
SCHEME = "affine32"  # datasketch >= 2.0 hash scheme; stored sketches depend on it
_DTYPE = np.uint32   # its hash values

_WORD = re.compile(r"\w+")
# A capitalised word or run of them, or a number; sentence-initial words are filtered below.
_NAME_OR_NUMBER = re.compile(r"\b(?:[A-Z][\w'’.-]*[\w](?:\s+[A-Z][\w'’.-]*[\w])*|[A-Z]|\d[\d,.]*\d|\d)\b")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\"“”]\s+|\n\s*)$")


@dataclass(frozen=True)
class Signature:
    """The two MinHash sketches of one article, as raw hash values (uint32[NUM_PERM])."""

    text: np.ndarray
    names: np.ndarray
    n_shingles: int
    n_names: int

    def to_row(self) -> tuple[bytes, bytes, int, int]:
        return self.text.tobytes(), self.names.tobytes(), self.n_shingles, self.n_names

    @classmethod
    def from_row(cls, text: bytes, names: bytes, n_shingles: int, n_names: int) -> Signature:
        return cls(np.frombuffer(text, dtype=_DTYPE), np.frombuffer(names, dtype=_DTYPE),
                   n_shingles, n_names)


def signature(text: str, *, cleaned: bool = False) -> Signature:
    """Sketch an article's text, cleaned of boilerplate first (`cleaned=True`: `text` is the
    output of `clean.clean` already, as the coder has it)."""
    from .clean import clean

    body = text if cleaned else (clean(text).text or text)
    shingles = _shingles(body)
    names = _names(body)
    return Signature(_minhash(shingles), _minhash(names), len(shingles), len(names))


def similar(a: Signature, b: Signature) -> bool:
    """Whether two articles are near-duplicates (the rule in the module docstring)."""
    if _jaccard(a.text, b.text) >= TEXT_JACCARD:
        return True
    return min(a.n_names, b.n_names) >= MIN_NAMES and _jaccard(a.names, b.names) >= NAMES_JACCARD


@dataclass
class ClusterUpdate:
    """What one `Clusterer.assign()` changed: every member of every touched cluster with its
    (possibly new) cluster id, and the cluster ids that no longer exist."""

    assign: dict[str, str]
    retired: set[str]

    @property
    def clusters(self) -> set[str]:
        return set(self.assign.values())


class Clusterer:
    """Incremental near-duplicate clustering over MinHash LSH and union-find."""

    def __init__(self) -> None:
        self._text_lsh = MinHashLSH(threshold=TEXT_LSH_THRESHOLD, num_perm=NUM_PERM)
        self._names_lsh = MinHashLSH(threshold=NAMES_LSH_THRESHOLD, num_perm=NUM_PERM)
        self._sigs: dict[str, Signature] = {}
        self._cluster_of: dict[str, str] = {}
        self._members: dict[str, list[str]] = {}
        self._pending: list[str] = []

    def __len__(self) -> int:
        return len(self._sigs)

    @property
    def pending(self) -> int:
        return len(self._pending)

    def add(self, article_id: str, sig: Signature, cluster_id: str | None = None) -> None:
        """Index one article; with a cluster id it is already clustered (loaded from the store)."""
        if article_id in self._sigs:
            return
        self._sigs[article_id] = sig
        self._text_lsh.insert(article_id, _lean(sig.text))
        if sig.n_names >= MIN_NAMES:
            self._names_lsh.insert(article_id, _lean(sig.names))
        if cluster_id is None:
            self._pending.append(article_id)
        else:
            self._cluster_of[article_id] = cluster_id
            self._members.setdefault(cluster_id, []).append(article_id)

    def assign(self) -> ClusterUpdate:
        """Cluster the articles added since the last call; existing clusters may grow or merge."""
        parent: dict[str, str] = {}

        def find(x: str) -> str:
            parent.setdefault(x, x)
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        for article_id in self._pending:
            find(article_id)
            for other in self._candidates(article_id):
                if other != article_id and similar(self._sigs[article_id], self._sigs[other]):
                    # an already clustered article stands for its whole cluster by the cluster id
                    a, b = find(article_id), find(self._cluster_of.get(other, other))
                    if a != b:
                        parent[max(a, b)] = min(a, b)
        components: dict[str, list[str]] = {}
        for node in parent:
            components.setdefault(find(node), []).append(node)
        update = ClusterUpdate({}, set())
        for nodes in components.values():
            members = [m for node in nodes for m in self._members.get(node, [node])]
            new_id = min(members)
            old_ids = {node for node in nodes if node in self._members}
            update.retired |= old_ids - {new_id}
            for old in old_ids:
                del self._members[old]
            self._members[new_id] = members
            for m in members:
                self._cluster_of[m] = new_id
                update.assign[m] = new_id
        self._pending.clear()
        return update

    def _candidates(self, article_id: str) -> set[str]:
        sig = self._sigs[article_id]
        found = set(self._text_lsh.query(_lean(sig.text)))
        if sig.n_names >= MIN_NAMES:
            found.update(self._names_lsh.query(_lean(sig.names)))
        return found


def cluster_all(items: Iterable[tuple[str, Signature]]) -> dict[str, str]:
    """One-shot clustering: article id -> cluster id."""
    clusterer = Clusterer()
    for article_id, sig in items:
        clusterer.add(article_id, sig)
    return clusterer.assign().assign


# --- sketches -----------------------------------------------------------------------------

def _shingles(text: str) -> set[str]:
    words = _WORD.findall(text.lower())
    if len(words) < SHINGLE:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i:i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}


def _names(text: str) -> set[str]:
    """Capitalised words and numbers, each word lower-cased on its own. A sentence-initial word
    counts only when the text never uses it in lower case ("The", "But" do; "Putin" doesn't)."""
    lower_words = set(re.findall(r"\b[a-z][\w'’-]*", text))
    found: set[str] = set()
    for m in _NAME_OR_NUMBER.finditer(text):
        token = m.group()
        if token[0].isdigit():
            found.add(token.replace(",", ""))
            continue
        words = token.split()
        starts_sentence = m.start() == 0 or _SENTENCE_START.search(text[max(0, m.start() - 3):m.start()])
        if starts_sentence and words[0].lower() in lower_words:
            words = words[1:]
        found.update(w.lower().strip(".'’") for w in words)
    found.discard("")
    return found


_PERMUTATIONS = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME).permutations  # drawn once, not per sketch


def _minhash(tokens: set[str]) -> np.ndarray:
    mh = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME, permutations=_PERMUTATIONS)
    if tokens:
        mh.update_batch([t.encode("utf-8") for t in sorted(tokens)])
    return mh.hashvalues.astype(_DTYPE)


def _lean(hashvalues: np.ndarray) -> LeanMinHash:
    return LeanMinHash(seed=SEED, hashvalues=hashvalues, scheme=SCHEME)


def _jaccard(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.count_nonzero(a == b)) / len(a)
