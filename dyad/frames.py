"""Frames: words that take another event as their complement (frames.yaml).

"agreed to cooperate", "threatened to cut ties", "refused to meet", "urged Russia to withdraw",
"demanded that Hamas disarm": the frame recodes the complement's CAMEO code into one event.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .lexicon import read_yaml


@dataclass(frozen=True)
class Frames:
    frames: dict  # name -> {"words", "target", "modality", "map"}
    by_word: dict  # lemma -> frame name
    speech: frozenset
    obligation: frozenset
    light: frozenset
    motion: frozenset
    carriers: frozenset  # verbs that carry a frame noun: "reiterated its demand that ..."
    pledge: frozenset  # intent words that are an event on their own ("vowed to ...")
    permit: frozenset  # permission words: a frame only when negated ("will not allow X to ...")

    def recode(self, frame: str, code: str | None) -> str:
        table = self.frames[frame]["map"]
        if code:
            for k in (code, code[:3], code[:2]):
                if k in table:
                    return table[k]
        return table["default"]


@lru_cache(maxsize=1)
def load_frames() -> Frames:
    raw = read_yaml((resources.files("dyad") / "data" / "frames.yaml").read_text(encoding="utf-8"))
    names = ("intent", "prepare", "threaten", "refuse", "appeal", "demand", "permit")
    frames = {n: raw[n] for n in names}
    by_word = {}
    for n in names:
        if n == "permit":
            continue  # looked up only under a negation (framing.Framing._frame_of)
        for w in raw[n]["words"]:
            by_word.setdefault(w, n)
    return Frames(frames, by_word, frozenset(raw["speech"]), frozenset(raw["obligation"]), frozenset(raw["light"]),
                  frozenset(raw["motion"]), frozenset(raw["carriers"]), frozenset(raw["pledge"]),
                  frozenset(raw["permit"]["words"]))
