"""The rule coder's named filters and merge rules: each gives a reason, the coder logs and counts it."""

from __future__ import annotations

import logging

import pytest
import spacy

from peristiwa.events.coder import IndonesianCoder
from peristiwa.events.filters import EVENT_FILTERS, MERGE_RULES, TOLL_RULES
from peristiwa.schema import Article


@pytest.fixture(scope="module")
def coder_nlp():
    nlp = spacy.blank("id")
    nlp.add_pipe("sentencizer")
    return IndonesianCoder(), nlp


def code(coder_nlp, text: str):
    coder, nlp = coder_nlp
    return coder.code(nlp(text), Article(text=text))[1]


@pytest.mark.parametrize("rule", [*EVENT_FILTERS, *MERGE_RULES, *TOLL_RULES], ids=lambda f: f.__name__)
def test_every_rule_says_what_it_keeps_and_what_it_drops(rule):
    doc = (rule.__doc__ or "").lower()
    assert "keeps" in doc and ("drops" in doc or "merges" in doc), rule.__name__


def test_rule_names_are_unique():
    names = [f.__name__ for f in (*EVENT_FILTERS, *MERGE_RULES, *TOLL_RULES)]
    assert len(names) == len(set(names))


def test_a_dropped_candidate_is_logged_and_counted(coder_nlp, caplog):
    coder = coder_nlp[0]
    before = coder.dropped["act done to oneself"]
    with caplog.at_level(logging.DEBUG, logger="peristiwa.events"):
        events = code(coder_nlp, "Tentara Israel itu menembak dirinya sendiri.")
    assert not [e for e in events if e.event == "ASSAULT"]
    assert coder.dropped["act done to oneself"] == before + 1
    assert any("reflexive" in r.getMessage() and "act done to oneself" in r.getMessage() for r in caplog.records)


def test_a_kept_event_passes_every_filter(coder_nlp, caplog):
    coder = coder_nlp[0]
    before = sum(coder.dropped.values())
    with caplog.at_level(logging.DEBUG, logger="peristiwa.events"):
        events = code(coder_nlp, "Israel menyerang Suriah pada Senin.")
    assert [e.event for e in events] == ["ASSAULT"]
    assert sum(coder.dropped.values()) == before and not caplog.records


def test_on_drop_sees_what_the_candidate_would_have_been(coder_nlp):
    coder = coder_nlp[0]
    seen = []
    coder.on_drop = lambda ev, reason: seen.append((ev.event, ev.trigger.text, reason))
    try:
        code(coder_nlp, "Wartawan yang diculik itu tiba di Jakarta.")
    finally:
        coder.on_drop = None
    # "wartawan yang diculik" describes someone: the abduction it would have been, and why it is not one
    assert ("ASSAULT", "diculik", "agentless passive in a relative clause") in seen


def test_merges_are_counted_by_reason(coder_nlp):
    coder = coder_nlp[0]
    before = coder.dropped["toll verb of an attack noun"] + coder.dropped["toll of an earlier attack"]
    events = code(coder_nlp, "Serangan Israel ke Lebanon menewaskan tiga orang.")
    assert len([e for e in events if e.event == "ASSAULT"]) == 1
    after = coder.dropped["toll verb of an attack noun"] + coder.dropped["toll of an earlier attack"]
    assert after == before + 1
