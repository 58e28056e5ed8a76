"""The dev-set scorer: loose (quad + countries) and strict (+ type) matching, one-to-one per sentence."""

from __future__ import annotations

from peristiwa.evaluation.events import score


def _g(plover: str, quad: int, src: list[str], tgt: list[str] | None, trigger: str) -> dict:
    return {"plover": plover, "quad": quad, "trigger": trigger,
            "source": [{"text": c, "country": c} for c in src],
            "target": None if tgt is None else [{"text": c, "country": c} for c in tgt]}


def _p(event: str, quad: int, src: list[str], tgt: list[str], start: int, end: int) -> dict:
    return {"event": event, "quad": quad, "trigger": {"text": "", "start": start, "end": end},
            "actor": [{"country": c} for c in src], "recipient": [{"country": c} for c in tgt]}


def test_loose_and_strict() -> None:
    recs = [
        {"id_text": "A menyerang B lalu C mengecam A", "events": [
            _g("ASSAULT", 4, ["AAA"], ["BBB"], "menyerang"), _g("ACCUSE", 3, ["CCC"], ["AAA"], "mengecam")]},
        {"id_text": "tidak ada apa-apa", "events": []},
        {"id_text": "mereka bertemu", "events": [_g("CONSULT", 1, [""], None, "bertemu")]},
    ]
    preds = [
        [_p("ASSAULT", 4, ["AAA"], ["BBB"], 2, 11), _p("THREATEN", 3, ["CCC"], ["AAA"], 21, 29)],
        [_p("PROTEST", 4, ["DDD"], [], 0, 5)],
        [_p("CONSULT", 1, [], [], 7, 14), _p("CONSULT", 1, [], [], 7, 14)],
    ]
    total, per_type, conf = score(recs, preds)
    assert (total.n_gold, total.n_pred) == (3, 5)
    assert total.tp_loose == 3  # empty countries match empty; a duplicate counts once
    assert total.tp_strict == 2  # THREATEN is not ACCUSE
    p, r, f = total.prf(total.tp_strict)
    assert (round(p, 2), round(r, 2)) == (0.4, 0.67)
    assert conf[("ACCUSE", "THREATEN")] == 1 and conf[("(none)", "PROTEST")] == 1
    assert per_type["ASSAULT"].tp_strict == 1 and per_type["ACCUSE"].n_gold == 1
