"""Datelines that open Indonesian and wire stories: "Bisnis.com, WASHINGTON -", "JAKARTA, KOMPAS.com -",
"Jakarta (ANTARA) -", "Jakarta -" (detik), "WASHINGTON (Reuters) -". Forms live in data/outlets/_common.yaml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from peristiwa.article.resources import Rules


@dataclass
class Dateline:
    outlet: str | None
    place: str | None
    wire_source: str | None
    prefix: str  # the exact text removed from the paragraph
    # names the dateline holds, as (start, end, label) in the paragraph: the place (and its region,
    # "Magelang, Jawa Tengah (ANTARA News)") are LOC, the outlet ORG
    names: list[tuple[int, int, str]] = field(default_factory=list)


def split_dateline(paragraph: str, rules: Rules) -> tuple[Dateline | None, str]:
    """(dateline, the paragraph without it); (None, paragraph) when it has none."""
    for pattern in rules.datelines:
        m = pattern.match(paragraph)
        if not m:
            continue
        rest = paragraph[m.end():].lstrip(" -–—")
        if len(rest) < 3:
            continue
        groups = m.groupdict()
        raw_outlet = groups.get("outlet")
        wire = rules.wire_name(raw_outlet) if raw_outlet else None
        outlet = None
        if raw_outlet:
            first = raw_outlet.split("/")[0]
            outlet = rules.canonical_outlet(first)
        place = groups["place"].strip() if groups.get("place") else None
        return Dateline(outlet=outlet, place=place, wire_source=wire, prefix=paragraph[:m.end()],
                        names=_names(m)), rest
    return None, paragraph


_LABELS = {"place": "LOC", "region": "LOC", "outlet": "ORG"}
_CAPITALISED = re.compile(r"[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}")


def _names(m: re.Match[str]) -> list[tuple[int, int, str]]:
    out = []
    for group, label in _LABELS.items():
        text = m.groupdict().get(group)
        if not text or (group == "region" and not _CAPITALISED.fullmatch(text.strip())):
            continue
        start = m.start(group) + len(text) - len(text.lstrip())
        out.append((start, m.end(group) - (len(text) - len(text.rstrip())), label))
    return sorted(out)
