"""The English confidence model: it loads from its data file, gives a full dyad more confidence than an event
whose sides the coder could not find, and its training recipe runs end to end on a few sentences."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from peristiwa.events_en import EnglishCoder, english_nlp
from peristiwa.events_en.calibration import FEATURES, PATH, EnglishCalibrator, best_threshold
from peristiwa.schema import Article

ROOT = Path(__file__).resolve().parents[1]


def _events(coder: EnglishCoder, text: str):
    return coder.code(english_nlp()(text), Article(text=text))[1]


def test_the_shipped_model_loads_by_feature_name() -> None:
    cal = EnglishCalibrator.load()
    assert cal is not None and len(cal.weights) == len(FEATURES)
    saved = json.loads(PATH.read_text(encoding="utf-8"))
    assert saved["threshold"] == 0.0 and 0 < saved["threshold_best_f1"] < 1  # every event is emitted


def test_a_placed_dyad_is_more_likely_right_than_a_sideless_event() -> None:
    coder = EnglishCoder()
    (dyad,) = [e for e in _events(coder, "Turkish troops shelled Kurdish positions near Afrin on Tuesday, the "
                                         "ministry said.") if e.event == "ASSAULT"]
    sideless = [e for e in _events(coder, "Heavy shelling was reported overnight.") if e.event == "ASSAULT"]
    assert 0.5 < dyad.confidence < 1
    assert all(e.confidence < dyad.confidence for e in sideless)
    # without the model every event carries the fixed guess of before
    (raw,) = [e for e in _events(EnglishCoder(calibrator=None), "Turkish troops shelled Kurdish positions near "
                                                                "Afrin on Tuesday.") if e.event == "ASSAULT"]
    assert raw.confidence == 0.6


def test_the_lowest_threshold_near_the_best_f1_is_chosen() -> None:
    assert best_threshold({0.0: 0.60, 0.1: 0.62, 0.2: 0.624, 0.3: 0.621}) == 0.1
    assert best_threshold({0.0: 0.6, 0.1: 0.5}) == 0.0


def test_training_runs_end_to_end_on_a_few_sentences(shared, tmp_path) -> None:
    spec = importlib.util.spec_from_file_location("train_english", ROOT / "scripts" / "train_english.py")
    train = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(train)
    rows = [r for r in train.written_rows() if r["split"] == "read"][:60]
    got = train.train_calibrator(shared, rows, tmp_path / "calibration.json", folds=2)
    assert got["events"] > 20 and set(got["f1"]) == set(train.THRESHOLDS)
    model = EnglishCalibrator.load(tmp_path / "calibration.json")
    assert model is not None and model.threshold == 0.0
    assert all(0 < p < 1 for p in model.probabilities([[0.0] * len(FEATURES), [1.0] * len(FEATURES)]))


@pytest.mark.parametrize("text", ["", "No event here at all."])
def test_no_events_no_trouble(text: str) -> None:
    assert _events(EnglishCoder(), text) == []
