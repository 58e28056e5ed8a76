"""Confidence of an English event: the probability that it is right by the shared metric (its quad class and
its participants' countries match a careful annotator's), and the threshold under which it is not emitted.

The tree coder's events used to carry a fixed guess (0.6 for a verb, 0.45 for a noun, less for a missing
side): it ranked events poorly and said nothing about how often they were right. Here a logistic regression
over what the event itself shows (the trigger's part of speech and length, which sides it has and whether they
have countries, the same country on both sides, a state's organ as source, how many sources and targets,
attribution, how many events its sentence holds, a place, a four-digit CAMEO code, the sentence's length, the
quad class, the PLOVER type and the modality) turns each event into that probability. It is fitted on the
project's own English wire-style sentences that were read while the coder was built (the "read" split of
evaluation/data/events_en_written.jsonl), and its threshold is the one that gave the best F1 on that split's
5-fold cross-validated probabilities; the never-read splits measure it (`make eval`). Trained by
`make train-english` (scripts/train_english.py); model card: data/events_en/calibration.md.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from spacy.tokens import Doc

from peristiwa.ontology import PLOVER_TYPES
from peristiwa.schema import Event

PATH = Path(__file__).resolve().parents[1] / "data" / "events_en" / "calibration.json"
MODALITIES = ("asserted", "intended", "hypothetical", "negated", "demanded")
_STATE = frozenset({"GOV", "MIL", "COP"})
FEATURES = ("verb", "noun", "multi_word", "has_src", "has_tgt", "src_country", "tgt_country", "same_country",
            "src_state", "n_src", "n_tgt", "attributed", "events_in_sentence", "located", "cameo4",
            "sentence_tens", "quad1", "quad2", "quad3", "quad4") + \
    tuple(f"type={t}" for t in PLOVER_TYPES) + tuple(f"modality={m}" for m in MODALITIES)


def event_features(event: Event, doc: Doc, n_events: int) -> list[float]:
    """The features of FEATURES for `event`, coded from `doc` (offsets into the Doc's text); `n_events`: the
    events its sentence holds."""
    span = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    pos = span.root.pos_ if span is not None and len(span) else ""
    src = {a.country for a in event.actor if a.country}
    tgt = {a.country for a in event.recipient if a.country}
    sent = span.root.sent if span is not None and len(span) else doc[:]
    return [float(pos == "VERB"), float(pos == "NOUN"), float(span is not None and len(span) > 1),
            float(bool(event.actor)), float(bool(event.recipient)), float(bool(src)), float(bool(tgt)),
            float(bool(src & tgt)), float(any(a.sector in _STATE for a in event.actor)),
            float(min(len(event.actor), 3)), float(min(len(event.recipient), 3)),
            float(event.attribution is not None), float(min(n_events, 4)), float(event.location is not None),
            float(len(event.cameo) == 4), float(min(len(sent) // 10, 5))] + \
        [float(event.quad == q) for q in (1, 2, 3, 4)] + \
        [float(event.event == t) for t in PLOVER_TYPES] + [float(event.modality == m) for m in MODALITIES]


def features_of(events: Sequence[Event], doc: Doc) -> list[list[float]]:
    """event_features of each of a Doc's events."""
    per_sentence = Counter(e.sentence for e in events)
    return [event_features(e, doc, per_sentence[e.sentence]) for e in events]


class EnglishCalibrator:
    def __init__(self, weights: Sequence[float], bias: float, threshold: float) -> None:
        self.weights = np.asarray(weights, dtype=float)
        self.bias = float(bias)
        self.threshold = float(threshold)

    def probabilities(self, X: list[list[float]]) -> np.ndarray:
        if not X:
            return np.zeros(0)
        return 1.0 / (1.0 + np.exp(-(np.asarray(X, dtype=float) @ self.weights + self.bias)))

    def apply(self, events: list[Event], doc: Doc) -> list[Event]:
        """`events` with their confidence set, those under the threshold left out."""
        out = []
        for e, p in zip(events, self.probabilities(features_of(events, doc)), strict=True):
            if p >= self.threshold:
                e.confidence = round(float(p), 3)
                out.append(e)
        return out

    @classmethod
    def fit(cls, X: list[list[float]], y: list[int], threshold: float) -> EnglishCalibrator:
        from sklearn.linear_model import LogisticRegression

        # C 0.3: of 0.1, 0.3 and 1 on the read split's held-out folds, the lowest calibration error
        clf = LogisticRegression(C=0.3, max_iter=2000).fit(X, y)
        return cls(clf.coef_[0].tolist(), float(clf.intercept_[0]), threshold)

    def save(self, path: Path = PATH, **about: object) -> None:
        path.write_text(json.dumps({"features": list(FEATURES), "weights": self.weights.tolist(),
                                    "bias": self.bias, "threshold": self.threshold, **about}, indent=1) + "\n",
                        encoding="utf-8")

    @classmethod
    def load(cls, path: Path = PATH) -> EnglishCalibrator | None:
        if not path.is_file():
            return None
        d = json.loads(path.read_text(encoding="utf-8"))
        # matched by name: a file written before a feature was added still loads, the feature weighing nothing
        by_name = dict(zip(d["features"], d["weights"], strict=True))
        return cls([float(by_name.get(name, 0.0)) for name in FEATURES], d["bias"], d["threshold"])


def best_threshold(scores: dict[float, float], slack: float = 0.005) -> float:
    """The lowest threshold whose F1 is within `slack` of the best (`scores`: threshold -> F1): keep recall
    where precision buys little."""
    best = max(scores.values())
    return min(t for t, f in scores.items() if f >= best - slack)
