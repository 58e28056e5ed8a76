"""The event metric as `make eval` and training use it: the shared scorer's matching, per-event flags and the
reliability table. Gold and predictions here are written by hand; the scorer is ../shared/scripts."""

from __future__ import annotations

import pytest

from peristiwa.evaluation.events import precision_above, reliability
from peristiwa.events.train import match_flags


@pytest.fixture(scope="module")
def scorer(shared):
    from peristiwa.events.scoring import load_scorer

    return load_scorer(shared)


def _g(plover: str, quad: int, src: list[str], tgt: list[str] | None) -> dict:
    return {"plover": plover, "quad": quad, "trigger": "x",
            "source": [{"text": c, "country": c} for c in src],
            "target": None if tgt is None else [{"text": c, "country": c} for c in tgt]}


def _p(event: str, quad: int, src: list[str], tgt: list[str], confidence: float) -> dict:
    return {"event": event, "quad": quad, "confidence": confidence,
            "actor": [{"country": c} for c in src], "recipient": [{"country": c} for c in tgt]}


ROWS = [
    {"line": "a", "events": [_g("ASSAULT", 4, ["AAA"], ["BBB"]), _g("ACCUSE", 3, ["CCC"], ["AAA"])]},
    {"line": "b", "events": []},
    {"line": "c", "events": [_g("CONSULT", 1, ["DDD", "EEE"], None)]},
]
PRED = {
    "a": [_p("ASSAULT", 4, ["AAA"], ["BBB"], 0.9), _p("THREATEN", 3, ["CCC"], ["AAA"], 0.75),
          _p("ACCUSE", 3, ["BBB"], ["AAA"], 0.35)],
    "b": [_p("PROTEST", 4, ["FFF"], [], 0.25)],
    "c": [_p("CONSULT", 1, ["EEE"], [], 0.8), _p("CONSULT", 1, ["EEE"], [], 0.85)],
}


def test_flags_follow_the_shared_greedy_matching(scorer) -> None:
    assert match_flags(scorer, ROWS[0], PRED["a"]) == [1, 1, 0]  # same quad, same countries: THREATEN counts
    assert match_flags(scorer, ROWS[1], PRED["b"]) == [0]
    assert match_flags(scorer, ROWS[2], PRED["c"]) == [1, 0]  # one gold event, matched once
    total = scorer.score(ROWS, PRED)
    assert (total["matched"], total["predicted"], total["gold"]) == (3, 6, 3)


def test_reliability_buckets_and_calibration_error(scorer) -> None:
    table, ece = reliability(scorer, ROWS, PRED)
    by_bucket = {(round(lo, 1), n): prec for lo, _hi, n, _c, prec in table}
    assert by_bucket[(0.2, 1)] == 0.0  # the protest at 0.25
    assert by_bucket[(0.3, 1)] == 0.0  # the wrong accusation at 0.35
    assert by_bucket[(0.8, 2)] == 0.5  # 0.8 right, 0.85 a second coding of the same meeting
    assert by_bucket[(0.7, 1)] == 1.0 and by_bucket[(0.9, 1)] == 1.0
    # |0.25-0| + |0.35-0| + |0.75-1| + 2 * |0.825-0.5| + |0.9-1|, over six events
    assert ece == pytest.approx((0.25 + 0.35 + 0.25 + 2 * 0.325 + 0.1) / 6)
    kept, prec = precision_above(scorer, ROWS, PRED, 0.7)
    assert (kept, prec) == (4, 0.75)
