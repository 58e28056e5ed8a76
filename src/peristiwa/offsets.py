"""Offsets found in an analysed string, moved onto the text the user gave.

The analysis does not always read `article.text` itself: a headline is read in sentence case
(peristiwa.headlines.Reading), and a clean record's story is read without the dateline that opens it
and with its spaces normalised (`CharMap`). Every record it returns (entities, quotes, events with their actors, triggers and places) is
moved back here, so that offsets and texts point into `article.text`, as the output contract says.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields, is_dataclass
from typing import Any, Protocol


class Mapping(Protocol):
    original: str  # the text offsets are moved onto
    text: str  # the string that was analysed

    def to_original(self, start: int, end: int) -> tuple[int, int]: ...


@dataclass
class CharMap:
    """The analysed string `text` is built from `original` character by character: `index[i]` is where
    `text[i]` stands in `original` (a clean record's story: its dateline left out, its spaces normalised)."""

    original: str
    text: str
    index: Sequence[int]

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        if end <= start:
            at = self.index[start] if start < len(self.index) else len(self.original)
            return at, at
        return self.index[start], self.index[end - 1] + 1


def map_back(obj: Any, mapping: Mapping, _seen: set[int] | None = None) -> Any:
    """`obj` (a record or a list of records with `start`/`end`/`text` fields) with offsets and texts moved
    from the analysed string onto the original. A record reachable twice (one actor as an event's
    attribution and a quote's speaker) is moved once."""
    seen = set() if _seen is None else _seen
    if isinstance(obj, list):
        return [map_back(x, mapping, seen) for x in obj]
    if not is_dataclass(obj) or id(obj) in seen:
        return obj
    seen.add(id(obj))
    for f in fields(obj):
        value = getattr(obj, f.name)
        if isinstance(value, list) or is_dataclass(value):
            map_back(value, mapping, seen)
    names = {f.name for f in fields(obj)}
    if {"start", "end", "text"} <= names and isinstance(obj.start, int):
        obj.start, obj.end = mapping.to_original(obj.start, obj.end)
        obj.text = mapping.original[obj.start:obj.end]
    elif "text" in names and isinstance(obj.text, str) and obj.text:
        at = mapping.text.find(obj.text)  # an event's sentence
        if at >= 0:
            start, end = mapping.to_original(at, at + len(obj.text))
            obj.text = mapping.original[start:end]
    return obj
