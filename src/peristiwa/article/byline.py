"""Byline fields: "Penulis : Newswire", "Editor : Saeno", "Sumber : Antara", "| Editor | : Bayu Galih |"."""

from __future__ import annotations

from dataclasses import dataclass

from peristiwa.article.resources import Rules


@dataclass
class BylineField:
    kind: str  # "author" | "editor" | "wire_source" | "source" (a non-wire source, kept in the text)
    value: str


def parse_credit_line(line: str, rules: Rules) -> list[BylineField]:
    """Wire credits at the end of a story: author and editor from "Reporting by …; Editing by …"."""
    m = rules.credit_line.fullmatch(line)
    if not m:
        return []
    return [BylineField(kind, m.group(kind).strip()) for kind in ("author", "editor") if m.group(kind)]


def parse_byline(line: str, rules: Rules) -> BylineField | None:
    m = rules.byline.match(line)
    if not m:
        return None
    label = m.group("label")
    value = m.group("value").strip(" .")
    if len(value.split()) > 8:  # a sentence that happens to start "Sumber: ..." is prose, not a byline
        return None
    for kind in ("author", "editor"):
        if rules.byline_kinds[kind].match(label):
            return BylineField(kind, value)
    wire = rules.wire_name(value)
    return BylineField("wire_source", wire) if wire else BylineField("source", value)
