"""Sentence-level event gold (the events-id GUIDELINE.md format) read and aligned to a parsed Doc.

One gold row is `{"line", "id_text", "events": [{"source", "target", "plover", "cameo_root", "quad",
"trigger", "modality", "attribution"}], "uncertain"}`; every text in it is a substring of `id_text`.
Training and evaluation both read it through here, so both see the same alignment.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.tokens import Doc, Token

from peristiwa.events.labels import event_label


@dataclass(slots=True)
class GoldEvent:
    label: str  # trigger label (events.labels)
    trigger: int  # token index of the trigger's syntactic head
    trigger_span: tuple[int, int] = (0, 0)  # token range of the whole trigger
    sources: list[tuple[int, int]] = field(default_factory=list)  # token range of each source actor
    targets: list[tuple[int, int]] = field(default_factory=list)
    raw: dict[str, Any] = field(default_factory=dict)
    countries: dict[tuple[int, int], str] = field(default_factory=dict)  # participant span -> gold country


def read_gold(path: str | Path) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def span_head(doc: Doc, start: int, end: int) -> Token | None:
    """The token of the character span [start, end) whose head lies outside the span (the first such)."""
    span = doc.char_span(start, end, alignment_mode="expand") if 0 <= start < end else None
    toks = [t for t in span if not t.is_space] if span is not None else []
    if not toks:
        return None
    inside = {t.i for t in toks}
    for t in toks:
        if t.head.i not in inside or t.head.i == t.i:
            return t
    return toks[0]


def range_head(doc: Doc, span: tuple[int, int]) -> Token | None:
    """The syntactic head of the token range `span` (as span_head)."""
    last = doc[span[1] - 1]
    return span_head(doc, doc[span[0]].idx, last.idx + len(last.text))


def token_range(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    toks = [t.i for t in doc if t.idx < end and t.idx + len(t.text) > start and not t.is_space]
    return (toks[0], toks[-1] + 1) if toks else None


def find_near(text: str, needle: str, anchor: int) -> int:
    """Offset of the occurrence of `needle` nearest to character `anchor` (-1 when absent)."""
    best, pos = -1, text.find(needle)
    while pos >= 0:
        if best < 0 or abs(pos - anchor) < abs(best - anchor):
            best = pos
        pos = text.find(needle, pos + 1)
    return best


def align(doc: Doc, row: dict[str, Any]) -> list[GoldEvent]:
    """The row's events as token indices of `doc` (which must be the parse of row["id_text"])."""
    text = row["id_text"]
    out: list[GoldEvent] = []
    for e in row.get("events") or []:
        trig = e.get("trigger") or ""
        pos = text.find(trig) if trig else -1
        head = span_head(doc, pos, pos + len(trig)) if pos >= 0 else None
        if head is None:
            continue
        g = GoldEvent(label=event_label(e["plover"], e.get("cameo_root", "")), trigger=head.i,
                      trigger_span=token_range(doc, pos, pos + len(trig)) or (head.i, head.i + 1), raw=e)
        for side, spans in (("source", g.sources), ("target", g.targets)):
            for a in e.get(side) or []:
                at = a.get("text") or ""
                p = find_near(text, at, pos) if at else -1
                toks = token_range(doc, p, p + len(at)) if p >= 0 else None
                if toks is not None and toks not in spans:
                    spans.append(toks)
                    g.countries.setdefault(toks, (a.get("country") or "").upper())
        out.append(g)
    return out
