"""The one definition of peristiwa's records: what every stage hands to the next, and what users get.

Records are plain dataclasses so that each stage stays a pure function of the previous stage's output.
`to_dict` gives the JSON form of the output contract (DESIGN.md); `JSON_SCHEMA` publishes it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

Modality = Literal["asserted", "intended", "hypothetical", "negated", "demanded"]
Precision = Literal["day", "week", "month", "year"]


@dataclass(slots=True)
class Document:
    """What a reader found: raw bytes of a file or page, or text that is already a clean article."""

    doc_id: str
    source: str
    raw: bytes | None = None
    # "text" = scraped plain text with chrome, "html" = a web page, "clean" = article body as given
    kind: Literal["text", "html", "clean"] = "text"
    text: str | None = None
    title: str | None = None
    published: str | None = None
    url: str | None = None
    lang: str | None = None
    error: str | None = None


@dataclass(slots=True)
class Caption:
    text: str
    credit: str | None = None


@dataclass(slots=True)
class Article:
    title: str | None = None
    lead: str | None = None
    outlet: str | None = None
    dateline_place: str | None = None
    published: str | None = None
    author: str | None = None
    editor: str | None = None
    wire_source: str | None = None
    captions: list[Caption] = field(default_factory=list)
    text: str = ""
    removed: list[str] = field(default_factory=list)
    # not output: a clean record's text is kept as given (its dateline and its spacing), so that offsets point
    # into it; the analysis reads `story` (the text normalised, without the dateline; "" when that is `text`
    # itself), `story_index[i]` is where story[i] stands in `text`, and the dateline's names are entities
    story: str = ""
    story_index: Sequence[int] = field(default_factory=list)
    dateline_names: list[Entity] = field(default_factory=list)


_INTERNAL_ARTICLE_FIELDS = ("story", "story_index", "dateline_names")


@dataclass(slots=True)
class Entity:
    text: str
    label: str
    start: int
    end: int


@dataclass(slots=True)
class Actor:
    text: str
    start: int
    end: int
    name: str
    country: str = ""
    sector: str = ""
    wikidata: str | None = None


@dataclass(slots=True)
class Span:
    text: str
    start: int
    end: int


@dataclass(slots=True)
class Location:
    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None


@dataclass(slots=True)
class Quote:
    text: str
    start: int
    end: int
    speaker: Actor | None = None


@dataclass(slots=True)
class Event:
    id: str
    sentence: int
    text: str
    event: str
    cameo: str
    quad: int
    goldstein: float
    trigger: Span
    mode: list[str] = field(default_factory=list)
    context: list[str] = field(default_factory=list)
    actor: list[Actor] = field(default_factory=list)
    recipient: list[Actor] = field(default_factory=list)
    modality: Modality = "asserted"
    attribution: Actor | None = None
    date: str | None = None
    date_precision: Precision | None = None
    location: Location | None = None
    confidence: float = 0.5


@dataclass(slots=True)
class Result:
    """One document's output line. `error` is set only when the document failed."""

    doc_id: str
    source: str
    language: str | None = None
    article: Article | None = None
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    error: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out = dataclasses.asdict(self)
        if out["error"] is None:
            del out["error"]
        for name in _INTERNAL_ARTICLE_FIELDS if out["article"] is not None else ():
            del out["article"][name]
        return out


def to_dict(record: Any) -> dict[str, Any]:
    """JSON form of any record above."""
    if isinstance(record, Result):
        return record.to_dict()
    return dataclasses.asdict(record)


_STR = {"type": "string"}
_OPT_STR = {"type": ["string", "null"]}
_ACTOR = {
    "type": "object",
    "required": ["text", "start", "end", "name", "country", "sector", "wikidata"],
    "properties": {
        "text": _STR, "start": {"type": "integer"}, "end": {"type": "integer"}, "name": _STR,
        "country": _STR, "sector": _STR, "wikidata": _OPT_STR,
    },
}
_SPAN = {"type": "object", "required": ["text", "start", "end"],
         "properties": {"text": _STR, "start": {"type": "integer"}, "end": {"type": "integer"}}}

JSON_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "peristiwa extract output (one JSON object per document)",
    "type": "object",
    "required": ["doc_id", "source", "language", "article", "entities", "quotes", "events"],
    "properties": {
        "doc_id": _STR,
        "source": _STR,
        "language": _OPT_STR,
        "error": _STR,
        "article": {
            "type": ["object", "null"],
            "required": ["title", "lead", "outlet", "dateline_place", "published", "author", "editor",
                         "wire_source", "captions", "text", "removed"],
            "properties": {
                "title": _OPT_STR, "lead": _OPT_STR, "outlet": _OPT_STR, "dateline_place": _OPT_STR,
                "published": {"type": ["string", "null"], "pattern": r"^\d{4}-\d{2}-\d{2}$"},
                "author": _OPT_STR, "editor": _OPT_STR, "wire_source": _OPT_STR,
                "captions": {"type": "array", "items": {
                    "type": "object", "required": ["text", "credit"],
                    "properties": {"text": _STR, "credit": _OPT_STR}}},
                "text": _STR,
                "removed": {"type": "array", "items": _STR},
            },
        },
        "entities": {"type": "array", "items": {
            "type": "object", "required": ["text", "label", "start", "end"],
            "properties": {"text": _STR, "label": _STR, "start": {"type": "integer"}, "end": {"type": "integer"}}}},
        "quotes": {"type": "array", "items": {
            "type": "object", "required": ["text", "start", "end", "speaker"],
            "properties": {"text": _STR, "start": {"type": "integer"}, "end": {"type": "integer"},
                           "speaker": {"oneOf": [_ACTOR, {"type": "null"}]}}}},
        "events": {"type": "array", "items": {
            "type": "object",
            "required": ["id", "sentence", "text", "event", "mode", "context", "cameo", "quad", "goldstein",
                         "actor", "recipient", "trigger", "modality", "attribution", "date",
                         "date_precision", "location", "confidence"],
            "properties": {
                "id": _STR, "sentence": {"type": "integer"}, "text": _STR, "event": _STR,
                "mode": {"type": "array", "items": _STR}, "context": {"type": "array", "items": _STR},
                "cameo": {"type": "string", "pattern": r"^\d{2,4}$"},
                "quad": {"type": "integer", "minimum": 1, "maximum": 4},
                "goldstein": {"type": "number", "minimum": -10, "maximum": 10},
                "actor": {"type": "array", "items": _ACTOR}, "recipient": {"type": "array", "items": _ACTOR},
                "trigger": _SPAN,
                "modality": {"enum": ["asserted", "intended", "hypothetical", "negated", "demanded"]},
                "attribution": {"oneOf": [_ACTOR, {"type": "null"}]},
                "date": {"type": ["string", "null"]},
                "date_precision": {"enum": ["day", "week", "month", "year", None]},
                "location": {"oneOf": [{"type": "null"}, {
                    "type": "object", "required": ["name", "country", "lat", "lon", "geonameid"],
                    "properties": {"name": _STR, "country": _OPT_STR, "lat": {"type": ["number", "null"]},
                                   "lon": {"type": ["number", "null"]},
                                   "geonameid": {"type": ["integer", "null"]}}}]},
                "confidence": {"type": "number", "minimum": 0, "maximum": 1},
            },
        }},
    },
}
