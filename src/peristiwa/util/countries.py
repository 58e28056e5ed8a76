"""The country table (data/actors/countries.tsv) as rows: read by the actor lexicon and by the gazetteer.

It sits below both so that neither stage imports the other to learn a country's names (the gazetteer used
to build the whole actor lexicon for them, and the actor resolver reads the gazetteer).
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

COUNTRIES = Path(__file__).resolve().parents[1] / "data" / "actors" / "countries.tsv"


@dataclass(frozen=True, slots=True)
class CountryRow:
    iso3: str
    name: str
    wikidata: str | None
    names: list[str]  # Indonesian names, English names and variants, in that order
    adjectives: list[str]
    metonyms: list[str]  # "Kremlin" or "Pentagon:MIL"


def _split(cell: str | None) -> list[str]:
    return [v.strip() for v in (cell or "").split("|") if v.strip()]


def read_countries(path: Path = COUNTRIES) -> Iterator[CountryRow]:
    """The rows of a countries.tsv (comment lines start with '#'), cells split on '|'."""
    with path.open(encoding="utf-8") as f:
        for row in csv.DictReader((ln for ln in f if not ln.startswith("#")), delimiter="\t"):
            yield CountryRow(row["iso3"].strip(), row["name"].strip(), row.get("wikidata") or None,
                             _split(row["names_id"]) + _split(row["names_en"]) + _split(row["variants"]),
                             _split(row.get("adjectives")), _split(row["metonyms"]))
