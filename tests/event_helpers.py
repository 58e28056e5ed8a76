"""Shared by the rule coder's tests: the lexicon-and-rules layer over a plain tokenizer, and small event
look-ups. (The learned coder needs the trained parse; its tests run the real pipeline.)"""

from __future__ import annotations

from collections.abc import Callable

import spacy

from peristiwa.events.coder import IndonesianCoder
from peristiwa.schema import Article, Event


def make_code(default_published: str | None = None) -> Callable[..., list[Event]]:
    """A function text -> events, with word-order roles over spaCy's blank Indonesian tokenizer."""
    nlp = spacy.blank("id")
    nlp.add_pipe("sentencizer")
    coder = IndonesianCoder()

    def run(text: str, published: str | None = default_published) -> list[Event]:
        return coder.code(nlp(text), Article(text=text, published=published))[1]

    return run


def one(events: list[Event], etype: str) -> Event:
    hits = [e for e in events if e.event == etype]
    assert hits, f"no {etype} in {[(e.event, e.trigger.text) for e in events]}"
    return hits[0]


def countries(actors) -> set[str]:
    return {a.country for a in actors}
