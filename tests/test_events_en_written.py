"""The project's English wire-style sentences: well-formed gold, and scored by the shared metric."""

from __future__ import annotations

from pathlib import Path

from peristiwa.evaluation.events_en import written_rows, written_tables
from peristiwa.ontology import PLOVER_TYPES


def test_written_sentences_are_well_formed_gold() -> None:
    rows = written_rows()
    assert len(rows) >= 400
    assert {r["split"] for r in rows} == {"read", "unread", "fresh"}
    assert len({r["line"] for r in rows}) == len(rows)
    for r in rows:
        text = r["id_text"]
        for e in r["events"]:
            assert e["plover"] in PLOVER_TYPES and e["quad"] in (1, 2, 3, 4)
            assert e["trigger"] and e["trigger"] in text, (r["line"], e["trigger"])
            for side in ("source", "target"):
                assert all(a["text"] in text for a in e[side] or []), r["line"]
    with_events = sum(bool(r["events"]) for r in rows)
    assert 0.5 < with_events / len(rows) < 0.85  # event-free sentences are part of the test


def test_written_sentences_are_scored_by_the_shared_metric(shared: Path) -> None:
    table, reliability = written_tables(shared)
    by_split = {row[0]: row for row in table.rows}
    assert set(by_split) == {"read", "unread", "fresh"}
    for _split, n, p, r, f1, strict, matched, predicted, gold in by_split.values():
        assert n >= 100 and gold > 0 and 0 < matched <= min(predicted, gold)
        assert strict <= f1 and abs(f1 - 2 * p * r / (p + r)) < 1e-9
    # the confidence, on the never-read sentences: buckets that cover every emitted event, and a calibration error
    never_read = by_split["unread"][7] + by_split["fresh"][7]
    assert sum(row[1] for row in reliability.rows) == never_read
    assert any(note.startswith("expected calibration error") for note in reliability.notes)
