"""The seed page through the real pipeline: the system it describes comes out as events, none from chrome.

Relations asserted (issue 4, "Why"), each with its quad class and direction: the two Libyan camps in
conflict, Egypt/UAE/Russian mercenaries backing the LNA, Turkey supplying Tripoli's side, US-Russia
cooperation signalled and warnings given, Trump's call to Haftar, the US asking the LNA to stop, Libya and
Turkey signing, Greece expelling Libya's ambassador.

The shipped (learned) coder emits most of them. Some it proposes but rates below its emit threshold (US
warning Russia, Turkey supplying Tripoli, Libya and Turkey signing: wire-style international acts the
IndoSum training split rarely has; the act the US asks of the LNA): for those the tests check that the
coder still proposes them, with their confidence, and that the rule layer codes them, so neither part
loses them unnoticed.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from peristiwa.schema import Actor, Event, Result


@pytest.fixture(scope="module")
def seed_result(seed_path: Path) -> Result:
    from peristiwa.ingest import iter_documents
    from peristiwa.nlp import load_model
    from peristiwa.pipeline import Pipeline

    if load_model("id") is None:
        pytest.skip("no Indonesian model shipped yet")
    result = next(Pipeline().run(iter_documents([seed_path])))
    assert result.error is None, result.error
    return result


Pred = Callable[[Actor], bool]


def country(code: str) -> Pred:
    return lambda a: a.country == code


def named(part: str) -> Pred:
    return lambda a: part.lower() in a.name.lower()


def find(events: list[Event], types: set[str], quad: int, actor: Pred, recipient: Pred | None) -> list[Event]:
    out = []
    for e in events:
        if e.event not in types or e.quad != quad or not any(actor(a) for a in e.actor):
            continue
        if recipient is None or any(recipient(r) for r in e.recipient):
            out.append(e)
    return out


def test_us_signals_cooperation_with_russia(seed_result: Result) -> None:
    hits = find(seed_result.events, {"AGREE", "COOPERATE"}, 1, country("USA"), country("RUS"))
    assert hits and any(e.modality == "intended" for e in hits)


@pytest.fixture(scope="module")
def seed_candidates(seed_result: Result) -> list[Event]:
    """Every event the shipped coder proposes for the seed, emitted or not (confidence says which)."""
    from peristiwa.events.learned_coder import LearnedCoder
    from peristiwa.nlp import load_model

    nlp = load_model("id")
    coder = LearnedCoder.load()
    doc = nlp(seed_result.article.text)
    views = coder.views(doc, seed_result.article)
    return [ev for si, v in enumerate(views) for ev, _ in coder.candidates(v, si, seed_result.article, "seed")]


@pytest.fixture(scope="module")
def seed_rules(seed_result: Result) -> list[Event]:
    from peristiwa.events.coder import IndonesianCoder
    from peristiwa.nlp import load_model

    nlp = load_model("id")
    return IndonesianCoder().code(nlp(seed_result.article.text), seed_result.article)[1]


def test_us_warns_russia(seed_candidates: list[Event], seed_rules: list[Event]) -> None:
    for events in (seed_candidates, seed_rules):
        assert find(events, {"THREATEN", "ACCUSE"}, 3, country("USA"), country("RUS"))


def test_trump_calls_haftar(seed_result: Result) -> None:
    hits = find(seed_result.events, {"CONSULT"}, 1, named("Trump"), named("Haftar"))
    assert hits and hits[0].cameo == "041"


def test_us_asks_lna_to_end_offensive(seed_result: Result, seed_candidates: list[Event],
                                     seed_rules: list[Event]) -> None:
    """The request is emitted; the act it asks for (the LNA ending its offensive) is proposed as demanded of
    the LNA by both layers, and whether it is emitted is the calibrator's call (scored as demanded it rates
    this one about 0.13, under the emit threshold; docs/events.md)."""
    assert find(seed_result.events, {"REQUEST"}, 1, country("USA"), named("Libyan National Army"))
    for events in (seed_candidates, seed_rules):
        demanded = [e for e in events if e.modality == "demanded"]
        assert any(any(named("Libyan National Army")(a) for a in e.actor) for e in demanded)


def test_egypt_uae_and_russian_mercenaries_back_haftar(seed_result: Result) -> None:
    for code in ("EGY", "ARE", "RUS"):
        assert find(seed_result.events, {"SUPPORT", "AID"}, 1, country(code), country("LBY")) or \
            find(seed_result.events, {"SUPPORT", "AID"}, 2, country(code), country("LBY")), code
    backed = find(seed_result.events, {"SUPPORT"}, 1, country("RUS"), country("LBY"))
    assert backed[0].attribution is not None and "diplomat" in backed[0].attribution.text.lower()


def test_turkey_supplies_tripolis_side(seed_candidates: list[Event], seed_rules: list[Event]) -> None:
    for events in (seed_candidates, seed_rules):
        assert find(events, {"AID"}, 2, country("TUR"), country("LBY"))


def test_the_two_libyan_camps_fight(seed_result: Result) -> None:
    assert find(seed_result.events, {"ASSAULT"}, 4, named("Serraj"), named("Haftar"))
    assert find(seed_result.events, {"ASSAULT"}, 4, named("Haftar"), country("LBY"))


def test_libya_and_turkey_sign(seed_candidates: list[Event], seed_rules: list[Event]) -> None:
    for events in (seed_candidates, seed_rules):
        hits = [e for e in find(events, {"SUPPORT"}, 1, country("LBY"), None)
                if {a.country for a in e.actor} >= {"LBY", "TUR"}]
        assert hits and hits[0].cameo == "057"


def test_greece_expels_libyan_ambassador(seed_result: Result) -> None:
    hits = find(seed_result.events, {"SANCTION"}, 4, country("GRC"), country("LBY"))
    assert hits and hits[0].cameo == "166"


def test_no_event_from_chrome(seed_result: Result) -> None:
    article = seed_result.article
    # lines the article stage dropped and that are not also body prose (the page repeats its lead)
    chrome = [line.strip() for line in list(article.removed) + [c.text for c in article.captions]
              if line.strip() and line.strip() not in article.text]
    assert any("menggempur" in line for line in chrome)  # the photo caption is chrome
    assert seed_result.events
    for e in seed_result.events:
        assert article.text[e.trigger.start:e.trigger.end] == e.trigger.text
        assert e.text in article.text
        assert not any(e.text.strip() in line or line in e.text for line in chrome), e.text
        assert e.trigger.text != "menggempur"
    for q in seed_result.quotes:
        assert article.text[q.start:q.end] == q.text
