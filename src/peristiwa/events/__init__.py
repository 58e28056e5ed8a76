"""Event coding: actors, PLOVER/CAMEO events, quotes, dates and places over an analysed Doc."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from peristiwa.schema import Article, Event, Quote

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc


class Coder(Protocol):
    def code(self, doc: Doc, article: Article) -> tuple[list[Quote], list[Event]]: ...


def load_coder(lang: str, nlp: Language) -> Coder | None:
    """The event coder for `lang` (None: no coder yet for this language). Placeholder until issue 4."""
    return None
