"""Event coding: PLOVER/CAMEO events, quotes, attribution, dates and places over an analysed Doc.

    coder = load_coder("id", nlp)
    quotes, events = coder.code(doc, article)   # doc = nlp(article.text)

Patterns are data (data/events/verbs.yaml, nouns.yaml, cues.yaml, cameo.tsv); see docs/events.md.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from peristiwa.schema import Article, Event, Quote

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc


class Coder(Protocol):
    def code(self, doc: Doc, article: Article) -> tuple[list[Quote], list[Event]]: ...


def load_coder(lang: str, nlp: Language) -> Coder | None:
    """The event coder for `lang`, or None when peristiwa has no coder for that language yet.

    Indonesian: the event stage of registered components (peristiwa.events.components) in the variant
    that PERISTIWA_ID_CODER names in data/events/stage.yaml: "learned" (rules propose, the trained model
    decides; the default when its model ships) or "rules" (the lexicon-only coder)."""
    if lang == "id":
        import os

        from peristiwa.events.components import EventStage
        from peristiwa.events.model import MODEL_DIR

        default = "learned" if (MODEL_DIR / "triggers.npz").is_file() else "rules"
        return EventStage(nlp.vocab, os.environ.get("PERISTIWA_ID_CODER", default))
    if lang == "en":
        from peristiwa.events_en import EnglishCoder

        return EnglishCoder()
    return None
