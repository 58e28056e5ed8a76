"""Participants of a learned event: the actor a chosen word stands for (its mention, else its noun phrase),
and first-person pronouns in a quotation read as the one quoted. Word lists: data/events/participants.yaml."""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources

import yaml

from peristiwa.actors.words import words
from peristiwa.schema import Actor


@dataclass(frozen=True)
class ParticipantWords:
    first_person: frozenset[str]
    agent_nouns: frozenset[str]
    phrase_deps: frozenset[str]
    relativizers: frozenset[str] = frozenset()
    hazards: frozenset[str] = frozenset()


@lru_cache(maxsize=1)
def participant_words() -> ParticipantWords:
    text = resources.files("peristiwa").joinpath("data/events/participants.yaml").read_text(encoding="utf-8")
    d = yaml.safe_load(text)
    return ParticipantWords(frozenset(d["first_person"]), frozenset(d["agent_nouns"]), frozenset(d["phrase_deps"]),
                            frozenset(d.get("relativizers") or ()), frozenset(d.get("hazards") or ()))


# Heads of sea and strait names (data/actors/resolver.yaml)
_WATERS = words("resolver").waters


def actors_of(view, cand: int) -> list[Actor]:
    """The actor(s) a chosen participant word stands for: its mention, else its noun phrase; a first-person
    pronoun inside a quotation is the quoted speaker."""
    words = participant_words()
    doc = view.doc
    speaker = _quoted_speaker(view, cand) if doc[cand].lower_ in words.first_person else None
    m = view.actors.covering(cand)
    if speaker is not None:
        t = doc[cand] if m is None else doc[m.start:m.end]
        return [replace(speaker, text=t.text, start=t.idx if m is None else t.start_char,
                        end=t.idx + len(t.text) if m is None else t.end_char)]
    if m is not None:
        return [m.actor, *m.also]
    if doc[cand].lower_ in words.relativizers and (ante := _antecedent(view, cand)) is not None:
        return actors_of(view, ante)
    lo, hi = _phrase(view, cand, words.phrase_deps)
    span = doc[lo:hi + 1]
    if doc[lo].lower_ in _WATERS:
        return []  # "Laut China Selatan": a sea is where something happens, no one who acts or undergoes it
    inner = [x for x in view.actors.in_span(lo, hi + 1) if x.actor.country]
    country = inner[0].actor.country if inner else ""
    return [Actor(span.text, span.start_char, span.end_char, span.text, country, "")]


def _antecedent(view, cand: int) -> int | None:
    """The noun a relative pronoun's clause describes ("napi yang ditahan" -> napi), inside the sentence."""
    clause = view.doc[cand].head
    noun = clause.head
    if clause.i == cand or clause.dep_ not in ("acl", "acl:relcl", "amod") or noun.i == clause.i:
        return None
    if not (view.start <= noun.i < view.end) or noun.lower_ in participant_words().relativizers:
        return None
    return noun.i


def _phrase(view, cand: int, deps: frozenset[str]) -> tuple[int, int]:
    doc = view.doc
    inside = {cand}
    stack = [cand]
    while stack:
        for c in doc[stack.pop()].children:
            # a verb under the noun is a clause about it ("pelaku dimintai ..."), not part of its name
            if c.dep_ in deps and view.start <= c.i < view.end and not c.is_punct and c.pos_ not in ("VERB", "AUX"):
                inside.add(c.i)
                stack.append(c.i)
    lo = hi = cand
    while lo - 1 in inside:
        lo -= 1
    while hi + 1 in inside:
        hi += 1
    return lo, hi


def _quoted_speaker(view, cand: int) -> Actor | None:
    at = view.doc[cand].idx
    for start, end, speaker in view.quotes:
        if start <= at < end and speaker is not None:
            return speaker
    return None
