"""The project's Indonesian wire-style test sentences: well-formed gold, and kept apart from training."""

from __future__ import annotations

import re

from peristiwa.evaluation.events import WRITTEN
from peristiwa.events.extra_gold import WRITTEN_MORE, read_written_gold
from peristiwa.events.gold import read_gold
from peristiwa.ontology import PLOVER_TYPES


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.lower()))


def test_written_test_sentences_are_well_formed_gold() -> None:
    rows = read_gold(WRITTEN)
    assert len(rows) == 200 and len({r["line"] for r in rows}) == len(rows)
    for r in rows:
        text = r["id_text"]
        for e in r["events"]:
            assert e["plover"] in PLOVER_TYPES and e["quad"] in (1, 2, 3, 4), r["line"]
            assert e["trigger"] and e["trigger"] in text, (r["line"], e["trigger"])
            for side in ("source", "target"):
                assert all(a["text"] in text for a in e[side] or []), r["line"]
    with_events = sum(bool(r["events"]) for r in rows)
    assert 0.5 < with_events / len(rows) < 0.85  # event-free sentences are part of the test


def test_no_training_sentence_is_a_near_copy_of_a_test_sentence() -> None:
    test = [_words(r["id_text"]) for r in read_gold(WRITTEN)]
    for row in read_written_gold() + read_written_gold(WRITTEN_MORE):
        w = _words(row["id_text"])
        closest = max(len(w & t) / len(w | t) for t in test)
        assert closest <= 0.5, row["line"]
