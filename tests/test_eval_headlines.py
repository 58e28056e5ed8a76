"""The project's headline event gold: references into the shared headlines, spans that rebuild the annotated
words, and events of the guideline's codes."""

from __future__ import annotations

from pathlib import Path

import pytest

from peristiwa.evaluation.events_headlines import GOLD, gold_rows
from peristiwa.evaluation.headlines import FOLDER
from peristiwa.ontology import PLOVER_TYPES

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"


@pytest.fixture(scope="module")
def rows():
    if not (SHARED / FOLDER).is_dir():
        pytest.skip(f"{SHARED / FOLDER} not found: the shared data is not on this machine")
    return gold_rows(SHARED)


def test_every_annotated_headline_is_found_and_its_spans_are_words(rows) -> None:
    assert len(rows) == len([x for x in GOLD.read_text(encoding="utf-8").splitlines() if x.strip()]) == 300
    assert {r["batch"] for r in rows} == {0, 1, 2}
    assert len({r["id_text"].lower() for r in rows}) == 300  # no headline twice
    for r in rows:
        text = r["id_text"]
        for e in r["events"]:
            assert e["trigger"] and e["trigger"] in text
            for a in (e["source"] or []) + (e["target"] or []):
                assert a["text"] in text and (not a["country"] or len(a["country"]) == 3)
            assert e["plover"] in PLOVER_TYPES and len(e["cameo_root"]) == 2 and e["quad"] in (1, 2, 3, 4)


def test_the_gold_file_holds_no_text() -> None:
    for line in GOLD.read_text(encoding="utf-8").splitlines():
        assert '"text"' not in line and '"id_text"' not in line
