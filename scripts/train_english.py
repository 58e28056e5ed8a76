"""Train the English coder's two learned parts, in order: the event-type model on the PLOVER GSR records, then
the confidence model (calibrator and emit threshold) on the project's own English sentences.

    .venv/bin/python scripts/train_english.py [../shared/data]      (make train-english; about a minute)

1. src/peristiwa/data/events_en/type_model.npz (peristiwa.events_en.typer; weights only, no pickle). The
   records are CC BY-SA 4.0 (events-en/plover-gsr): the weights are a derivative, shipped under the same
   licence (model card: data/events_en/type_model.md). CASE-2021 has no licence and stays evaluation data.
2. src/peristiwa/data/events_en/calibration.json (peristiwa.events_en.calibration): the shipped coder with the
   new type model codes the "read" split of evaluation/data/events_en_written.jsonl (the project's own text);
   each event is right or wrong by the shared metric (../shared/scripts/score_events.py); the model is fitted
   on the whole split. Every event is emitted (threshold 0): the threshold that would give the best F1 on the
   split's 5-fold cross-validated probabilities (the lowest within 0.005 of the best) is recorded beside it,
   for users who want dyads rather than counts, but it would drop the material events whose participants the
   coder cannot place (CASE-2021 accuracy 0.513 -> 0.347). Model card: data/events_en/calibration.md.
"""

from __future__ import annotations

import random
import sys
from collections import Counter
from dataclasses import asdict
from pathlib import Path

from peristiwa.evaluation.events_en import code_docs, gsr_records, parse, typer_rows, written_rows
from peristiwa.events.scoring import load_scorer
from peristiwa.events.train import match_flags
from peristiwa.events_en import EnglishCoder
from peristiwa.events_en.calibration import PATH, EnglishCalibrator, best_threshold, features_of
from peristiwa.events_en.typer import MODEL, fit

THRESHOLDS = [round(0.05 * k, 2) for k in range(13)]  # 0 .. 0.6
FOLDS = 5


def train_typer(shared: Path) -> None:
    records = gsr_records(shared)
    docs = parse([r["text"] for r in records])
    rows = typer_rows(records, docs, EnglishCoder(typer=None, calibrator=None))
    model = fit([f for _, f, _ in rows], [label for _, _, label in rows])
    model.save(MODEL)
    labels = Counter(label for _, _, label in rows)
    print(f"{MODEL}: {len(records)} records, {len(rows)} verbs, {len(model.vocab)} features, "
          f"{len(model.classes)} classes; labels {dict(labels.most_common())}")


def calibration_data(shared: Path, rows: list[dict]) -> tuple[list[list[float]], list[int], list[int], list]:
    """(features, right, row index, events) of every event the uncalibrated coder finds in `rows`."""
    scorer = load_scorer(shared)
    texts = [r["id_text"] for r in rows]
    docs = parse(texts)
    coded = code_docs(docs, texts, EnglishCoder(calibrator=None))
    X, y, at, events = [], [], [], []
    for k, (row, doc, evs) in enumerate(zip(rows, docs, coded, strict=True)):
        X += features_of(evs, doc)
        y += match_flags(scorer, row, [asdict(e) for e in evs])
        at += [k] * len(evs)
        events += evs
    return X, y, at, events


def train_calibrator(shared: Path, rows: list[dict] | None = None, path: Path = PATH, folds: int = FOLDS) -> dict:
    """Fit and write the confidence model on `rows` (default: the read split of the written sentences)."""
    scorer = load_scorer(shared)
    rows = rows if rows is not None else [r for r in written_rows() if r["split"] == "read"]
    X, y, at, events = calibration_data(shared, rows)
    order = list(range(len(rows)))
    random.Random(0).shuffle(order)
    fold_of = {k: n % folds for n, k in enumerate(order)}  # by sentence: a sentence's events stay together
    held = [0.0] * len(X)
    for f in range(folds):
        fit_on = [i for i in range(len(X)) if fold_of[at[i]] != f]
        model = EnglishCalibrator.fit([X[i] for i in fit_on], [y[i] for i in fit_on], 0.0)
        test = [i for i in range(len(X)) if fold_of[at[i]] == f]
        for i, p in zip(test, model.probabilities([X[i] for i in test]), strict=True):
            held[i] = float(p)
    f1 = {}
    for t in THRESHOLDS:
        pred: dict[str, list[dict]] = {}
        for i, e in enumerate(events):
            if held[i] >= t:
                pred.setdefault(str(rows[at[i]]["line"]), []).append(asdict(e))
        f1[t] = scorer.score(rows, pred)["F1"]
    threshold = best_threshold(f1)
    model = EnglishCalibrator.fit(X, y, 0.0)
    splits = sorted({r.get("split", "?") for r in rows})
    about = {"trained_on": f"evaluation/data/events_en_written.jsonl, split {', '.join(splits)}: {len(rows)} "
                           f"sentences, {len(X)} events, {sum(y)} right",
             "cross_validated_f1": {str(t): round(v, 4) for t, v in f1.items()},
             "threshold_best_f1": threshold}
    model.save(path, **about)
    print(f"calibration: {len(X)} events of {len(rows)} sentences, {sum(y)} right; every event emitted "
          f"(held-out F1 {f1[0.0]:.3f}; {f1[threshold]:.3f} at confidence >= {threshold})")
    return {"threshold": threshold, "f1": f1, "events": len(X)}


def main(shared: Path) -> None:
    train_typer(shared)
    train_calibrator(shared)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("../shared/data"))
