"""Language id and the statistical pipelines (one spaCy pipeline per language, loaded once per process)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from peristiwa.schema import Entity

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc


def load_model(lang: str) -> Language | None:
    """The shipped pipeline for `lang`, or None when peristiwa has no model for it.

    Placeholder until the NLP issue ships the trained Indonesian model.
    """
    return None


def entities_of(doc: Doc) -> list[Entity]:
    """Named entities with character offsets into the analysed text."""
    return [Entity(text=e.text, label=e.label_, start=e.start_char, end=e.end_char) for e in doc.ents]
