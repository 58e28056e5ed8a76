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

    Indonesian: the learned coder (rules propose, the trained model decides) when its model ships; the
    environment variable PERISTIWA_ID_CODER=rules picks the rule coder alone (the lexicon-only baseline)."""
    if lang == "id":
        import os

        if os.environ.get("PERISTIWA_ID_CODER", "learned") == "rules":
            from peristiwa.events.coder import IndonesianCoder

            return IndonesianCoder()
        from peristiwa.events.learned_coder import LearnedCoder
        from peristiwa.events.model import MODEL_DIR

        if (MODEL_DIR / "triggers.npz").is_file():
            return LearnedCoder.load(MODEL_DIR)
        from peristiwa.events.coder import IndonesianCoder

        return IndonesianCoder()  # a checkout without the trained event model: the rules alone
    if lang == "en":
        from peristiwa.events_en import EnglishCoder

        return EnglishCoder()
    return None
