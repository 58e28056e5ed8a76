"""Outlet rules from `data/outlets/*.yaml`, loaded and compiled once per process.

Everything an analyst may want to correct (boilerplate lines, dateline forms, wire agencies, content
selectors, title affixes) lives in those files; this module only turns them into compiled patterns.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import yaml

OUTLETS_DIR = Path(str(resources.files("peristiwa") / "data" / "outlets"))


@dataclass
class Outlet:
    name: str
    hosts: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    title_affixes: list[str] = field(default_factory=list)
    content_xpaths: list[str] = field(default_factory=list)
    trafilatura: str = "default"  # "precision" for portals whose pages carry much chrome
    boilerplate: re.Pattern[str] | None = None


@dataclass
class Rules:
    outlets: list[Outlet]
    boilerplate: re.Pattern[str]
    boilerplate_short: re.Pattern[str]
    footer_start: re.Pattern[str]
    related_start: re.Pattern[str]
    byline: re.Pattern[str]
    byline_kinds: dict[str, re.Pattern[str]]
    credit_line: re.Pattern[str]
    initials: re.Pattern[str]
    wire_alias: dict[str, str]
    wire_re: re.Pattern[str]
    caption_credit_start: str
    days: list[str]
    months: dict[str, int]
    title_separators: re.Pattern[str]
    datelines: list[re.Pattern[str]]
    outlet_alias: dict[str, str]
    author_not: re.Pattern[str]

    def outlet_named(self, name: str | None) -> Outlet | None:
        if not name:
            return None
        canonical = self.outlet_alias.get(name.lower().strip(), name)
        return next((o for o in self.outlets if o.name == canonical), None)

    def outlet_for_host(self, host: str | None) -> Outlet | None:
        if not host:
            return None
        host = host.lower()
        for o in self.outlets:
            if any(host == h or host.endswith("." + h) for h in o.hosts):
                return o
        return None

    def canonical_outlet(self, raw: str) -> str:
        key = raw.lower().strip()
        if key in self.outlet_alias:
            return self.outlet_alias[key]
        return self.wire_alias.get(key, raw.strip())

    def wire_name(self, raw: str) -> str | None:
        """Canonical wire agency for text such as "ANTARA", "Antara/PRNewswire", "Reuters"."""
        m = self.wire_re.search(raw)
        return self.wire_alias[m.group(0).lower()] if m else None


def _alternation(patterns: list[str]) -> str:
    return "|".join(f"(?:{p})" for p in patterns) or r"(?!x)x"


def _load_yaml(path: Path) -> dict:
    with open(path, encoding="utf-8") as fh:
        return yaml.safe_load(fh) or {}


@functools.cache
def rules(directory: Path = OUTLETS_DIR) -> Rules:
    common = _load_yaml(directory / "_common.yaml")
    outlets: list[Outlet] = []
    for path in sorted(directory.glob("*.yaml")):
        if path.name.startswith("_"):
            continue
        spec = _load_yaml(path)
        lines = spec.get("boilerplate_lines") or []
        outlets.append(Outlet(
            name=spec["name"], hosts=spec.get("hosts", []), aliases=spec.get("aliases", []),
            title_affixes=spec.get("title_affixes", []), content_xpaths=spec.get("content_xpaths", []),
            trafilatura=spec.get("trafilatura", "default"),
            boilerplate=re.compile(_alternation(lines), re.I) if lines else None))
    # Outlet-specific boilerplate also applies to raw text whose outlet is unknown until the dateline is
    # read, so all outlets' lines join the common list; they are specific enough not to hit news prose.
    all_lines = list(common["boilerplate_lines"])
    for path in sorted(directory.glob("*.yaml")):
        if not path.name.startswith("_"):
            all_lines += _load_yaml(path).get("boilerplate_lines") or []
    outlet_alias = {a.lower(): o.name for o in outlets for a in [o.name, *o.aliases]}
    wire_alias = {a.lower(): name for name, aliases in common["wire_sources"].items()
                  for a in [name, *aliases]}
    by = common["byline"]
    label = rf"(?P<label>{by['author']}|{by['editor']}|{by['source']})"
    # "Penulis : X", "| Editor | : Y |", "Pewarta: Z"; the value must be a short name, not a sentence.
    byline = re.compile(rf"^\|?\s*{label}\s*\|?\s*:\s*(?P<value>[^|:]{{2,80}}?)\s*\|?\s*$", re.I)
    outlet_names = sorted({re.escape(a) for o in outlets for a in [o.name, *o.aliases]}, key=len, reverse=True)
    outlet_re = "(?:(?i:" + "|".join(outlet_names) + r")|[A-Za-z0-9]+(?:\.[A-Za-z]{2,4}){1,2})"
    place_re = r"[A-Z][A-Za-z.'’-]+(?: [A-Z][A-Za-z.'’-]+){0,3}"
    dash_re = r"\s*(?:-{1,2}|–|—)\s*"
    names_re = "(?i:" + "|".join(outlet_names) + ")"
    datelines = [re.compile("^" + p.replace("{outlet_name}", names_re).replace("{outlet}", outlet_re)
                            .replace("{place}", place_re)
                            .replace("{dash}", dash_re)) for p in common["datelines"]]
    wire_words = sorted(wire_alias, key=len, reverse=True)
    return Rules(
        outlets=outlets,
        boilerplate=re.compile(_alternation(all_lines), re.I),
        boilerplate_short=re.compile(_alternation(common["boilerplate_short"]), re.I),
        footer_start=re.compile(_alternation(common["footer_starts"]), re.I),
        related_start=re.compile(_alternation(common.get("related_starts") or []), re.I),
        byline=byline,
        byline_kinds={k: re.compile(rf"^(?:{v})$", re.I) for k, v in by.items()},
        credit_line=re.compile(common["credit_line"], re.I),
        initials=re.compile(rf"^{common['initials_line']}$", re.I),
        wire_alias=wire_alias,
        wire_re=re.compile(r"\b(?:" + "|".join(re.escape(w) for w in wire_words) + r")\b", re.I),
        caption_credit_start=common["caption_credit_start"],
        days=common["days"],
        months={k.lower(): int(v) for k, v in common["months"].items()},
        title_separators=re.compile(common["title_separators"]),
        datelines=datelines,
        outlet_alias=outlet_alias,
        author_not=re.compile(common["author_not"], re.I),
    )
