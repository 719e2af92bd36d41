"""The CAMEO code table (dyad/data/cameo.tsv): names, Goldstein, QuadClass, PLOVER type/mode/context."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .errors import E002, misuse


@dataclass(frozen=True)
class CameoCode:
    code: str
    name: str
    goldstein: float
    quad_class: int
    plover_type: str | None
    plover_mode: str | None
    plover_context: tuple[str, ...]

    @property
    def root(self) -> str:
        return self.code[:2]

    def plover(self) -> dict:
        return {"type": self.plover_type, "mode": self.plover_mode, "context": list(self.plover_context)}


@lru_cache(maxsize=1)
def table() -> dict[str, CameoCode]:
    """All CAMEO codes by code string, read once from the package data."""
    path = resources.files("dyad") / "data" / "cameo.tsv"
    codes: dict[str, CameoCode] = {}
    header = None
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if header is None:
            header = cols
            continue
        if len(cols) != 7:
            raise misuse(E002, path=path, line=n, problem=f"expected 7 columns, got {len(cols)}")
        code, name, gold, quad, ptype, pmode, pctx = cols
        codes[code] = CameoCode(code, name, float(gold), int(quad), ptype or None, pmode or None,
                                tuple(c for c in pctx.split(";") if c))
    return codes


def lookup(code: str) -> CameoCode:
    """The entry for `code`, falling back to its 3- and 2-digit parents for unknown sub-codes."""
    t = table()
    for k in (code, code[:3], code[:2]):
        if k in t:
            return t[k]
    raise KeyError(code)
