"""PLOVER types and CAMEO codes: quad class, Goldstein weight and the PLOVER type/mode/context of a code.

The facts live in data/events/cameo.tsv (one row per CAMEO code); this module only reads and looks up.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from peristiwa.util.words import Words, load_words

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
    "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)

# The root a PLOVER type falls back to when a pattern names only the type.
DEFAULT_CAMEO = {
    "AGREE": "030", "CONSULT": "040", "SUPPORT": "050", "CONCEDE": "080", "COOPERATE": "060",
    "AID": "070", "RETREAT": "084", "REQUEST": "020", "ACCUSE": "111", "REJECT": "120",
    "THREATEN": "130", "PROTEST": "140", "SANCTION": "160", "MOBILIZE": "150", "COERCE": "170",
    "ASSAULT": "190",
}

# Intended or promised cooperation is AGREE in PLOVER; these are the CAMEO 03x codes that say what is
# promised, keyed by the PLOVER type of the promised act.
INTENT_CODES = {
    "CONSULT": "036", "COOPERATE": "031", "AID": "033", "SUPPORT": "032", "CONCEDE": "035",
    "RETREAT": "035", "AGREE": "030",
}
# Types whose intended form becomes AGREE (cooperation); conflictual intents keep their type.
COOPERATIVE = frozenset({"CONSULT", "COOPERATE", "AID", "SUPPORT", "CONCEDE", "RETREAT", "AGREE"})
# The quad classes of words rather than deeds: 1 verbal cooperation, 3 verbal conflict (2 and 4 are material).
VERBAL_QUADS = (1, 3)


@dataclass(frozen=True, slots=True)
class CameoCode:
    code: str
    name: str
    goldstein: float
    quad: int
    plover: str
    mode: str
    context: tuple[str, ...]

    @property
    def verbal(self) -> bool:
        """Quad 1 (verbal cooperation) or 3 (verbal conflict): said, not done."""
        return self.quad in VERBAL_QUADS


@lru_cache(maxsize=1)
def cameo_table() -> dict[str, CameoCode]:
    text = resources.files("peristiwa").joinpath("data/events/cameo.tsv").read_text(encoding="utf-8")
    table: dict[str, CameoCode] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        code, name, gold, quad, plover, mode, context = (line.split("\t") + [""] * 7)[:7]
        table[code] = CameoCode(code, name, float(gold), int(quad), plover, mode.strip(),
                                tuple(c for c in context.split(";") if c))
    return table


def lookup(code: str) -> CameoCode:
    """The row for a CAMEO code; a 4-digit code missing from the table falls back to its 3-digit parent."""
    table = cameo_table()
    if code in table:
        return table[code]
    if code[:3] in table:
        return table[code[:3]]
    raise KeyError(f"unknown CAMEO code {code!r} (not in data/events/cameo.tsv)")


def intended_variant(plover: str, code: str) -> tuple[str, str]:
    """(PLOVER type, CAMEO code) of an act that is only intended: cooperation becomes AGREE 03x."""
    if plover in COOPERATIVE and plover != "AGREE":
        return "AGREE", INTENT_CODES.get(plover, "030")
    return plover, code


@lru_cache(maxsize=1)
def event_types() -> Words:
    """The rules' named lists of PLOVER types (data/events/types.yaml); ValueError on a name not a type."""
    types = load_words("events/types.yaml")
    for name in types.names():
        unknown = sorted(set(getattr(types, name)) - set(PLOVER_TYPES))
        if unknown:
            raise ValueError(f"events/types.yaml: {name} names unknown PLOVER types {unknown}")
    return types
