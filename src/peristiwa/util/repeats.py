"""One event per act: repeats of an event in a sentence.

The Indonesian coder's model and rules, a light verb and its noun ("meluncurkan | serangan rudal"), or a
promise and the act promised ("berjanji akan | memberikan bantuan") can each report the same act; a user
counting events wants it once. Used by the learned coder and by its training's cross-validated scoring (on
the events' dict form). The English coder merges its repeats itself (events_en.coder._dedupe): applying
this there too changed no figure of `make eval`.
"""

from __future__ import annotations

# Characters between two triggers of one act ("berjanji akan | memberikan bantuan"): chosen by
# cross-validation on the training split (two fold draws): touching only +0.000, 12 +0.0017 / +0.0005,
# 25 +0.0028 / +0.0013, 40 +0.0028 / +0.0002, the whole sentence +0.0033 / -0.0006
GAP = 25


def without_repeats(events: list) -> list:
    """One event where the model and the rules, or two words of one phrase, report the same act: same type,
    triggers at most GAP characters apart ("meluncurkan | serangan rudal", "berjanji akan | memberikan
    bantuan", or the same words twice), and the less confident one names no participant's country the more
    confident one lacks (it says less about the same act: "Israel ->" beside "Israel -> Gaza"; CV +0.0006 on
    two fold draws over equal participants only). The more confident stays. Works on Events and on their dict
    form (training reads the dicts)."""
    def get(e, key):
        return e[key] if isinstance(e, dict) else getattr(e, key)

    def span(e):
        t = get(e, "trigger")
        return (t["start"], t["end"]) if isinstance(t, dict) else (t.start, t.end)

    def sides(e):
        return tuple(frozenset(get(a, "country") for a in get(e, side)) for side in ("actor", "recipient"))

    out: list = []
    for e in sorted(events, key=lambda e: -get(e, "confidence")):
        (s, t), key = span(e), (get(e, "sentence"), get(e, "event"), sides(e))
        if any((get(o, "sentence"), get(o, "event")) == key[:2] and all(a <= b for a, b in zip(key[2], sides(o), strict=True))
               and s <= span(o)[1] + GAP and span(o)[0] <= t + GAP for o in out):
            continue
        out.append(e)
    return sorted(out, key=lambda e: span(e))
