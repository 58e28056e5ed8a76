"""Confidence of a coded event: the probability that it is right, as a user would check it (its quad class
and the countries of its participants match a careful annotator's).

A logistic regression over what the model knows about the event (how sure it is of the trigger and its
type, of the best source and target, whether the participants have countries, whether the lexicon knows the
word). It is fitted on cross-validated predictions of the training split (events.train), so the
probabilities it gives are those of text the model has not seen.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

from peristiwa.ontology import PLOVER_TYPES

MODALITIES = ("asserted", "intended", "hypothetical", "negated", "demanded")
FEATURES = ("logit_event", "logit_label", "best_src", "best_tgt", "has_src", "has_tgt", "src_country",
            "tgt_country", "lexicon_same_type", "lexicon_other_type", "rules_same_type", "rules_other_type",
            "n_src", "n_tgt", "quad1", "quad2", "quad3", "quad4", "from_rules", "verb", "noun",
            "events_in_sentence", "attributed", "same_country", "known_word", "same_foreign") + \
    tuple(f"type={t}" for t in PLOVER_TYPES) + tuple(f"modality={m}" for m in MODALITIES)


def _logit(p: float) -> float:
    p = min(max(p, 1e-4), 1 - 1e-4)
    return math.log(p / (1 - p))


def event_features(p, src: list, tgt: list, event: str, quad: int, lexicon_type: str, rule_type: str,
                   *, from_rules: bool, modality: str = "asserted", pos: str = "", n_events: int = 1,
                   attributed: bool = False, known: bool = True, home: str = "") -> list[float]:
    """`lexicon_type` / `rule_type`: what the lexicon and the rule coder say of the trigger word ("" for
    nothing), so that agreement between rules and model raises the confidence; `pos`: the trigger word's
    part of speech; `n_events`: events proposed in the sentence; `attributed`: a speaker reports it;
    `known`: the trigger word was a trigger in the training split; `home`: the article's own country.
    A source and a target of one foreign state ("same_foreign") are proposed far more often than annotators
    code them (train-split folds: 246 candidates, 31 % right, against 43 % for two of the home country): a
    participant without a country of its own often takes the other side's."""
    src_c = {a.country for a in src if a.country}
    tgt_c = {a.country for a in tgt if a.country}
    return [_logit(p.p_event), _logit(p.p_label), p.best_src, p.best_tgt, float(bool(src)), float(bool(tgt)),
            float(bool(src_c)), float(bool(tgt_c)),
            float(lexicon_type == event), float(bool(lexicon_type) and lexicon_type != event),
            float(rule_type == event), float(bool(rule_type) and rule_type != event),
            float(min(len(src), 3)), float(min(len(tgt), 3))] + [float(quad == q) for q in (1, 2, 3, 4)] + \
        [float(from_rules), float(pos == "VERB"), float(pos == "NOUN"), float(min(n_events, 4)), float(attributed),
         float(bool(src_c & tgt_c)), float(known), float(bool(src_c & tgt_c - {home}))] + \
        [float(event == t) for t in PLOVER_TYPES] + \
        [float(modality == m) for m in MODALITIES]


def with_modality(features: list[float], modality: str) -> list[float]:
    """The same features with another modality (the last ones of `event_features`)."""
    return features[:-len(MODALITIES)] + [float(modality == m) for m in MODALITIES]


class Calibrator:
    def __init__(self, weights: list[float], bias: float) -> None:
        self.weights = weights
        self.bias = bias

    def probability(self, features: list[float]) -> float:
        z = self.bias + sum(w * x for w, x in zip(self.weights, features, strict=True))
        return 1.0 / (1.0 + math.exp(-z))

    @classmethod
    def fit(cls, X: list[list[float]], y: list[int]) -> Calibrator:
        from sklearn.linear_model import LogisticRegression

        clf = LogisticRegression(C=1.0, max_iter=1000).fit(X, y)
        return cls([float(w) for w in clf.coef_[0]], float(clf.intercept_[0]))

    def save(self, path: Path) -> None:
        (path / "calibration.json").write_text(json.dumps(
            {"features": list(FEATURES), "weights": self.weights, "bias": self.bias}, indent=2) + "\n",
            encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> Calibrator | None:
        f = path / "calibration.json"
        if not f.is_file():
            return None
        d = json.loads(f.read_text(encoding="utf-8"))
        # weights are matched to today's features by name: a model trained before a feature was added
        # still loads, the new feature weighing nothing
        by_name = dict(zip(d.get("features", FEATURES), d["weights"], strict=True))
        return cls([float(by_name.get(name, 0.0)) for name in FEATURES], d["bias"])
