"""The actor lexicon: countries, international bodies, groups, people and titles, loaded from data files.

Everything an analyst may correct lives in src/peristiwa/data/actors/ (see README.md there). Aliases are
indexed by a *compact key* — lower case with whitespace removed — so that matching does not depend on how
a tokenizer splits "al-Serraj" or "Bangsa-Bangsa": the resolver concatenates token texts and looks the
growing string up in the key set and its prefix set (one dict lookup per token, no regex over text).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

# compact is the key of every lexicon here; it lives in util so that places and events_en share it
from peristiwa.util.countries import read_countries
from peristiwa.util.text import compact, is_acronym

DATA = Path(__file__).resolve().parents[1] / "data" / "actors"
ORGANISATIONS = "organisations_id.yaml"  # also read by the NER's organisation ruler (peristiwa.nlp.orgs)


@dataclass(frozen=True, slots=True)
class Role:
    role: str
    country: str
    sector: str
    start: str  # ISO date or "" (open)
    end: str  # ISO date or "" (still in office)

    def covers(self, date: str | None) -> bool:
        if not date:
            return False
        return (not self.start or self.start <= date) and (not self.end or date <= self.end)


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """One actor the lexicon knows. kind: country | metonym | igo | group | person."""

    name: str
    country: str
    sector: str
    kind: str
    wikidata: str | None = None
    roles: tuple[Role, ...] = ()

    def at(self, date: str | None) -> tuple[str, str]:
        """(country, sector) at a date: the office held then, else the entry's defaults."""
        for r in self.roles:
            if r.covers(date):
                return r.country or self.country, r.sector or self.sector
        return self.country, self.sector


@dataclass(frozen=True, slots=True)
class Title:
    name: str
    sector: str
    role: str = ""
    country: str = ""
    # False for words that are agents only with a qualifier ("militer Rusia", not "solusi militer").
    alone: bool = True
    # True for bodies whose name follows ("Kementerian Keuangan", "Partai Buruh"): no person after them.
    org: bool = False
    # True for offices and groups of a place ("Gubernur Jawa Barat", "warga Surabaya"): a gazetteer place
    # may follow and gives the country.
    regional: bool = False
    # True for groups ("warga", "mahasiswa"): no unknown person name follows them.
    collective: bool = False
    # True for people who serve someone ("perwira Gaddafi", "ajudan Presiden"): a known person after the
    # title is the one served, so the actor is "officer of <person>" with that person's country.
    subordinate: bool = False
    # True for offices held in a body named after them ("Ketua Komisi III DPR X", "Anggota DPR X", "Direktur
    # Utama Pertamina X"): the holder takes the body's country and sector; before another title the office is
    # that title's own ("anggota polisi" are police).
    office: bool = False


@dataclass(frozen=True, slots=True)
class Alias:
    text: str
    entry: ActorEntry
    # Acronyms ("AS", "RI", "PBB") match only in exactly this case; other aliases need a capital first letter.
    exact: bool


@dataclass
class KeyIndex:
    """Compact keys and all their prefixes, for incremental matching over token runs."""

    keys: dict[str, list] = field(default_factory=dict)
    prefixes: set[str] = field(default_factory=set)
    max_tokens: int = 1

    def add(self, alias: str, value: object) -> None:
        key = compact(alias)
        if not key:
            return
        self.keys.setdefault(key, []).append(value)
        for i in range(1, len(key) + 1):
            self.prefixes.add(key[:i])
        # A generous bound on how many tokens an alias can span (punctuation splits into extra tokens).
        self.max_tokens = max(self.max_tokens, len(alias.split()) + sum(not c.isalnum() and c != " " for c in alias))


class ActorLexicon:
    """Aliases → actors, titles → sector/role, and office holders by (country, role) over time."""

    def __init__(self) -> None:
        self.actors = KeyIndex()
        self.titles = KeyIndex()
        self.countries: dict[str, ActorEntry] = {}
        self.holders: dict[tuple[str, str], list[tuple[Role, ActorEntry]]] = {}
        self.people: list[ActorEntry] = []
        self.portfolio: set[str] = set()

    # -- building -------------------------------------------------------------------------------
    def add_actor(self, alias: str, entry: ActorEntry) -> None:
        alias = alias.strip()
        if alias:
            self.actors.add(alias, Alias(alias, entry, is_acronym(alias)))

    def add_title(self, alias: str, title: Title) -> None:
        alias = alias.strip()
        if alias:
            self.titles.add(alias, (alias, title))

    # -- queries --------------------------------------------------------------------------------
    def holder(self, country: str, role: str, date: str | None) -> ActorEntry | None:
        """Who held `role` for `country` on `date` (None without a date or when unknown)."""
        if not date:
            return None
        for r, entry in self.holders.get((country, role), ()):
            if r.covers(date):
                return entry
        return None

    def country(self, iso3: str) -> ActorEntry | None:
        return self.countries.get(iso3)


def _load_countries(lex: ActorLexicon, path: Path) -> None:
    for row in read_countries(path):
        entry = ActorEntry(row.name, row.iso3, "GOV", "country", row.wikidata)
        lex.countries[row.iso3] = entry
        for alias in row.names:
            lex.add_actor(alias, entry)
        for alias in row.adjectives:
            if len(alias) > 3:
                lex.add_actor(alias, entry)
        for item in row.metonyms:
            alias, _, sector = item.partition(":")
            lex.add_actor(alias, ActorEntry(entry.name, row.iso3, sector or "GOV", "metonym", entry.wikidata))


def _as_str(value: object) -> str:
    return "" if value is None else str(value)


def _load_entries(lex: ActorLexicon, path: Path, kind: str, default_sector: str) -> None:
    items = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    for item in items:
        if not isinstance(item, dict) or not item.get("name"):
            raise ValueError(f"{path.name}: every entry needs a name: {item!r}")
        roles = tuple(
            Role(_as_str(r.get("role")), _as_str(r.get("country") or item.get("country")),
                 _as_str(r.get("sector") or item.get("sector")), _as_str(r.get("start")), _as_str(r.get("end")))
            for r in item.get("roles") or ())
        entry = ActorEntry(item["name"], _as_str(item.get("country")), _as_str(item.get("sector", default_sector)),
                           kind, item.get("wikidata"), roles)
        for alias in [item["name"], *(item.get("aliases") or [])]:
            lex.add_actor(str(alias), entry)
        if kind == "person":
            lex.people.append(entry)
            for r in roles:
                if r.role:
                    lex.holders.setdefault((r.country, r.role), []).append((r, entry))


def _load_titles(lex: ActorLexicon, path: Path) -> None:
    for item in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
        title = Title(_as_str(item.get("name")), _as_str(item.get("sector")), _as_str(item.get("role")),
                      _as_str(item.get("country")), bool(item.get("alone", True)),
                      bool(item.get("org", False)), bool(item.get("regional", False)),
                      bool(item.get("collective", False)), bool(item.get("subordinate", False)),
                      bool(item.get("office", False)))
        for alias in item.get("aliases") or ():
            lex.add_title(str(alias), title)


def build_lexicon(folder: Path = DATA) -> ActorLexicon:
    lex = ActorLexicon()
    _load_countries(lex, folder / "countries.tsv")
    # Later files win ties at the same key: people and groups are more specific than countries.
    _load_entries(lex, folder / "igos.yaml", "igo", "IGO")
    _load_entries(lex, folder / "groups.yaml", "group", "")
    # Indonesian organisations after the foreign groups: a shared alias ("Partai Demokrat") ties to
    # Indonesia's entry when the document does not say which.
    _load_entries(lex, folder / ORGANISATIONS, "group", "")
    _load_entries(lex, folder / "people.yaml", "person", "")
    _load_titles(lex, folder / "titles.yaml")
    portfolios = folder / "portfolios.txt"
    if portfolios.exists():
        lex.portfolio = {ln.strip().lower() for ln in portfolios.read_text(encoding="utf-8").splitlines()
                         if ln.strip() and not ln.startswith("#")}
    return lex


@lru_cache(maxsize=4)
def load_lexicon(folder: str | None = None) -> ActorLexicon:
    """The lexicon, built once per process (per folder)."""
    return build_lexicon(Path(folder) if folder else DATA)
