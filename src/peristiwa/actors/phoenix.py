"""People of the Phoenix actor dictionaries with their dated roles (data/actors/phoenix_people.tsv, built by
scripts/build_phoenix_people.py from the PETRARCH-2 dictionaries): about 20,000 names with countries, for
persons the NER finds and the project's own lexicon lacks. The dictionaries end in 2014."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from peristiwa.util.text import compact


@dataclass(frozen=True, slots=True)
class PhoenixRole:
    canonical: str
    country: str
    sector: str
    start: str  # ISO date, "" = open
    end: str

    def covers(self, date: str) -> bool:
        return (not self.start or self.start <= date) and (not self.end or date <= self.end)


@lru_cache(maxsize=1)
def phoenix_people() -> dict[str, tuple[PhoenixRole, ...]]:
    text = resources.files("peristiwa").joinpath("data/actors/phoenix_people.tsv").read_text(encoding="utf-8")
    table: dict[str, list[PhoenixRole]] = {}
    for line in text.splitlines():
        if not line or line.startswith("#") or line.startswith("name\t"):
            continue
        name, canonical, country, sector, start, end = (line.split("\t") + [""] * 6)[:6]
        table.setdefault(compact(name), []).append(PhoenixRole(canonical, country, sector, start, end))
    return {k: tuple(v) for k, v in table.items()}


def phoenix_role(name: str, date: str | None = None) -> PhoenixRole | None:
    """The role of a person named `name` at `date` (else the most recent one), or None when unknown."""
    roles = phoenix_people().get(compact(name))
    if not roles:
        return None
    if date:
        held = [r for r in roles if r.covers(date)]
        if held:
            return max(held, key=lambda r: r.start)
    return max(roles, key=lambda r: (not r.end, r.end, r.start))
