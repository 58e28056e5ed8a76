"""The learned event model: which words of a sentence report an event (and of which type), and which
words name its source and target.

    model = EventModel.load(path)               # once per process
    found = model.predict(view)                 # -> [Predicted] for one sentence (a SentenceView)

Four linear classifiers (events.linear) over the features of events.features:
  1. detector: every candidate word -> "ev" | "O" (does it report any event);
  2. triggers: every candidate word -> a label of events.labels or "O" (read for the label given an event);
  3. roles: every (trigger, candidate participant) pair -> "src" | "tgt" | "O";
  4. countries: every (participant without a country, candidate country) pair -> "yes" | "no"
     (events.countries).
A detector of its own pools every type's examples into one decision: with ~1,300 triggers over 23
labels, each label's "O" weights are thin, and the pooled decision ranks words better (cross-validated
loose F1 +0.010 on two fold draws).
`Predicted` carries the probabilities; turning words into actors, and probabilities into a calibrated
confidence, is the coder's job (events.learned_coder).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from peristiwa.events.features import (
    SentenceView,
    role_candidates,
    role_features,
    trigger_candidates,
    trigger_features,
)
from peristiwa.events.labels import EVENT, NONE
from peristiwa.events.linear import LinearModel, StackedModels

MODEL_DIR = Path(__file__).resolve().parents[1] / "data" / "models" / "id_events"


@dataclass
class Settings:
    """Decision thresholds, chosen by cross-validation on the training split (written by training)."""

    trigger: float = 0.5  # P(any event) a word needs to be a trigger
    role: float = 0.4  # P(src) a word needs to be a participant
    role_tgt: float = 0.4  # P(tgt) a word needs to be a target
    extra: float = 0.6  # ... to be a second participant on the same side when not listed with the first
    keep: float = 0.3  # calibrated confidence an event needs to be emitted
    window: int = 2  # two triggers of one type closer than this are one event
    rules: bool = True  # the rule coder's events are features and candidates
    rule_sides: bool = True  # a side the model left empty takes the rule event's participants
    rule_type: bool = True  # where rules and model agree on the quad class, the rule's type and code

    @classmethod
    def from_dict(cls, d: dict) -> Settings:
        return cls(**{k: v for k, v in d.items() if k in cls.__dataclass_fields__})


@dataclass
class Predicted:
    trigger: int  # token index
    label: str
    p_event: float  # P(the word reports any event)
    p_label: float  # P(this label | the word reports an event)
    sources: list[tuple[int, float]] = field(default_factory=list)  # (token, P(src))
    targets: list[tuple[int, float]] = field(default_factory=list)
    best_src: float = 0.0  # highest P(src) of any candidate, chosen or not
    best_tgt: float = 0.0


class EventModel:
    def __init__(self, triggers: LinearModel, roles: LinearModel, settings: Settings | None = None,
                 known: frozenset[str] | None = None, detector: LinearModel | None = None,
                 countries: LinearModel | None = None) -> None:
        self.triggers = triggers
        self.roles = roles
        self.detector = detector  # None: P(event) is 1 - P("O") of the trigger labeller
        self.countries = countries  # events.countries; None: the rule of actors.context.sentence_country
        self.settings = settings or Settings()
        self.known = known  # forms and lemmas of the training triggers (features.trigger_candidates)
        self._stacked: StackedModels | None = None  # built at the first scoring (_probabilities)
        self._none = triggers.labels.index(NONE)
        self._src = roles.labels.index("src")
        self._tgt = roles.labels.index("tgt")

    @classmethod
    def load(cls, path: Path = MODEL_DIR) -> EventModel:
        settings = json.loads((path / "settings.json").read_text(encoding="utf-8"))
        known = path / "trigger_words.json"
        detector = path / "detector.npz"
        countries = path / "countries.npz"
        return cls(LinearModel.load(path / "triggers.npz"), LinearModel.load(path / "roles.npz"),
                   Settings.from_dict(settings),
                   frozenset(json.loads(known.read_text(encoding="utf-8"))) if known.is_file() else None,
                   LinearModel.load(detector) if detector.is_file() else None,
                   LinearModel.load(countries) if countries.is_file() else None)

    def save(self, path: Path) -> None:
        path.mkdir(parents=True, exist_ok=True)
        self.triggers.save(path / "triggers.npz")
        self.roles.save(path / "roles.npz")
        if self.detector is not None:
            self.detector.save(path / "detector.npz")
        if self.countries is not None:
            self.countries.save(path / "countries.npz")
        (path / "settings.json").write_text(json.dumps(self.settings.__dict__, indent=2) + "\n", encoding="utf-8")
        if self.known is not None:
            (path / "trigger_words.json").write_text(json.dumps(sorted(self.known), ensure_ascii=False, indent=0)
                                                     + "\n", encoding="utf-8")

    # -- prediction ---------------------------------------------------------------------------------
    def trigger_scores(self, views: list[SentenceView]) -> list[list[tuple[int, str, float, float]]]:
        """Per sentence, (token, best label, P(event), P(label | event)) for every candidate word (the
        words of all the sentences scored in one batch)."""
        labels = self.triggers.labels
        cands = [trigger_candidates(v, self.known) for v in views]
        feats = [trigger_features(v, i) for v, cs in zip(views, cands, strict=True) for i in cs]
        probs, p_event, labelled = self._probabilities(feats)
        q = probs.copy()
        q[:, self._none] = -1.0
        best = q.argmax(axis=1)
        out: list[list[tuple[int, str, float, float]]] = []
        n = 0
        for cs in cands:
            rows = []
            for i in cs:
                pe, k, pl = float(p_event[n]), int(best[n]), float(labelled[n])
                rows.append((i, labels[k], pe, float(probs[n, k] / pl) if pl > 0 else 0.0))
                n += 1
            out.append(rows)
        return out

    def word_score(self, view: SentenceView, i: int, label: str) -> tuple[float, float]:
        """P(word i reports an event) and P(label | it does), for a word the rules chose."""
        probs, p_event, labelled = self._probabilities([trigger_features(view, i)])
        k = self.triggers.labels.index(label) if label in self.triggers.labels else -1
        pl = float(labelled[0])
        return float(p_event[0]), float(probs[0, k] / pl) if k >= 0 and pl > 0 else 0.0

    def _probabilities(self, feats: list[list[str]]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The labeller's probabilities, P(event) (the detector's, else 1 - P("O")) and the labeller's
        own event share 1 - P("O"), which P(label | event) divides by."""
        if self.detector is not None and self.triggers.dense_weights is None and self.detector.dense_weights is None:
            # the labeller and the detector read the same features: scored in one pass (events.linear)
            if self._stacked is None or self._stacked.models != [self.triggers, self.detector]:
                self._stacked = StackedModels([self.triggers, self.detector])
            probs, detected = self._stacked.proba_many(feats)
            return probs, detected[:, self.detector.labels.index(EVENT)], 1.0 - probs[:, self._none]
        probs = self.triggers.proba_many(feats)
        labelled = 1.0 - probs[:, self._none]
        p_event = labelled if self.detector is None else \
            self.detector.proba_many(feats)[:, self.detector.labels.index(EVENT)]
        return probs, p_event, labelled

    def predict(self, view: SentenceView, scored: list[tuple[int, str, float, float]] | None = None
                ) -> list[Predicted]:
        """Events of one sentence (triggers, then their roles); `scored`: its trigger_scores when already
        computed in a batch."""
        return [self.assign_roles(view, p) for p in self.choose_triggers(view, scored)]

    def choose_triggers(self, view: SentenceView, scored: list[tuple[int, str, float, float]] | None = None
                        ) -> list[Predicted]:
        """The sentence's triggers: words above the trigger threshold, one per type within the window."""
        s = self.settings
        if scored is None:
            scored = self.trigger_scores([view])[0]
        scored = [x for x in scored if x[2] >= s.trigger]
        scored.sort(key=lambda x: -x[2])
        chosen: list[tuple[int, str, float, float]] = []
        for x in scored:
            # a multi-word trigger ("operasi tangkap tangan") lights up more than one word: one event
            if any(abs(x[0] - c[0]) < s.window and x[1] == c[1] for c in chosen):
                continue
            chosen.append(x)
        chosen.sort(key=lambda x: x[0])
        return [Predicted(i, label, pe, pl) for i, label, pe, pl in chosen]

    def role_scores(self, view: SentenceView, trigger: int, label: str) -> list[tuple[int, float, float]]:
        cands = role_candidates(view, trigger)
        probs = self.roles.proba_many([role_features(view, trigger, c, label) for c in cands])
        return [(c, float(p[self._src]), float(p[self._tgt])) for c, p in zip(cands, probs, strict=True)]

    def assign_roles(self, view: SentenceView, pred: Predicted) -> Predicted:
        scores = self.role_scores(view, pred.trigger, pred.label)
        if not scores:
            return pred
        pred.best_src = max(x[1] for x in scores)
        pred.best_tgt = max(x[2] for x in scores)
        doc = view.doc
        for k, chosen, t in ((1, pred.sources, self.settings.role), (2, pred.targets, self.settings.role_tgt)):
            other = 2 if k == 1 else 1
            ranked = sorted((x for x in scores if x[k] >= t and x[k] >= x[other]), key=lambda x: -x[k])
            if not ranked:
                continue
            best = ranked[0]
            chosen.append((best[0], best[k]))
            # more than one participant on a side: listed together with the best ("Mesir, UEA dan Rusia"),
            # or as sure as a participant alone can be
            for x in ranked[1:]:
                if x[k] >= self.settings.extra or _listed_with(doc, x[0], [c for c, _ in chosen]):
                    chosen.append((x[0], x[k]))
        return pred


def _listed_with(doc, i: int, chosen: list[int]) -> bool:
    """Word i is a conjunct of a chosen participant, or the chosen one of it."""
    t = doc[i]
    for c in chosen:
        u = doc[c]
        if (t.dep_ == "conj" and t.head.i == c) or (u.dep_ == "conj" and u.head.i == i) or \
                (t.dep_ == "conj" and u.dep_ == "conj" and t.head.i == u.head.i):
            return True
    return False
