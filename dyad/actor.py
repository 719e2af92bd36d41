"""The resolved actor: a token span of the article Doc and its CAMEO-style code (see actors.py)."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Actor:
    """One resolved actor: a token span of the article Doc and its code."""

    start: int
    end: int
    head: int
    country: str | None
    sector: str | None
    entity: str | None
    how: str
    kind: str  # person | org | country | agent | demonym | thing | pronoun
    fixed: str | None = None  # an organisation's own full code (IGOUNO, AFGREBTAL)
    located: bool = False  # a modifier that only says where ("forces in Guinea")

    @property
    def code(self) -> str | None:
        if self.fixed:
            return self.fixed
        if self.country:
            return self.country + (self.sector or "")
        return self.sector

    @property
    def is_person(self) -> bool:
        return self.kind == "person"
