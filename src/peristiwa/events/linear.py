"""A multinomial linear classifier over named sparse features plus an optional dense vector.

Training fits scikit-learn's LogisticRegression (peristiwa.events.train); what ships is only its weights
in one `.npz` (feature names, labels, weight matrix, bias), read here with numpy and no pickle, so the
run time needs neither scikit-learn nor a matching version of it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np


def row_sums(index: dict[str, int], weights: np.ndarray, rows: Sequence[Iterable[str]]) -> np.ndarray:
    """Each row's summed weight vectors over its known features, float64 (n_rows, n_columns)."""
    get = index.get
    idx: list[int] = []
    ends = np.empty(len(rows), dtype=np.int64)
    for k, row in enumerate(rows):
        idx += [j for j in map(get, row) if j is not None]
        ends[k] = len(idx)
    # each row's features are one run of `idx`: its sum is a difference of running totals
    # (np.add.at per feature was most of the model's time)
    totals = np.zeros((len(idx) + 1, weights.shape[1]), dtype=np.float64)
    if idx:
        np.cumsum(weights[np.asarray(idx)], axis=0, out=totals[1:])
    starts = np.concatenate(([0], ends[:-1]))
    return totals[ends] - totals[starts]


class LinearModel:
    def __init__(self, labels: Sequence[str], features: Sequence[str], weights: np.ndarray,
                 bias: np.ndarray, dense_weights: np.ndarray | None = None) -> None:
        self.labels = list(labels)
        self.index = {f: k for k, f in enumerate(features)}
        self.weights = np.asarray(weights, dtype=np.float32)  # (n_features, n_labels)
        self.bias = np.asarray(bias, dtype=np.float32)
        self.dense_weights = None if dense_weights is None or not dense_weights.size else \
            np.asarray(dense_weights, dtype=np.float32)  # (dense_dim, n_labels)

    @property
    def dense_dim(self) -> int:
        return 0 if self.dense_weights is None else self.dense_weights.shape[0]

    def proba(self, features: Iterable[str], dense: np.ndarray | None = None) -> np.ndarray:
        """Probabilities over `labels` for one example (features absent from training are ignored)."""
        idx = [k for f in features if (k := self.index.get(f)) is not None]
        z = self.bias + self.weights[idx].sum(axis=0) if idx else self.bias.copy()
        if self.dense_weights is not None and dense is not None:
            z = z + dense @ self.dense_weights
        z = z - z.max()
        e = np.exp(z)
        return e / e.sum()

    def proba_many(self, rows: Sequence[Iterable[str]], dense: np.ndarray | None = None) -> np.ndarray:
        """Probabilities for many examples at once (one gather and one segment sum: a sentence's words)."""
        if not len(rows):
            return np.zeros((0, len(self.labels)), dtype=np.float32)
        z = (row_sums(self.index, self.weights, rows) + self.bias).astype(np.float32)
        if self.dense_weights is not None and dense is not None:
            z = z + dense @ self.dense_weights
        z -= z.max(axis=1, keepdims=True)
        e = np.exp(z)
        return e / e.sum(axis=1, keepdims=True)

    # -- files ---------------------------------------------------------------------------------------
    def save(self, path: Path) -> None:
        features = sorted(self.index, key=self.index.get)
        np.savez_compressed(
            path, labels=np.array(self.labels), features=np.array(features, dtype=str),
            weights=self.weights.astype(np.float16), bias=self.bias,
            dense_weights=np.zeros((0, len(self.labels)), np.float32) if self.dense_weights is None
            else self.dense_weights)

    @classmethod
    def load(cls, path: Path) -> LinearModel:
        with np.load(path, allow_pickle=False) as z:
            return cls(z["labels"].tolist(), z["features"].tolist(), z["weights"].astype(np.float32),
                       z["bias"], z["dense_weights"])


class StackedModels:
    """Several linear models over the same feature rows, scored with one look-up of each feature name and
    one gather: their weight matrices side by side over the union of their features (zero where a model
    lacks one). Gives each model's `proba_many` exactly (a zero row leaves a running total as it is, and each
    column's running total is summed on its own), in one pass instead of one per model: the event model's
    labeller and detector read the same trigger features (events.model)."""

    def __init__(self, models: Sequence[LinearModel]) -> None:
        assert all(m.dense_weights is None for m in models), "dense features are not stacked"
        self.models = list(models)
        index: dict[str, int] = {}
        for m in self.models:
            for f in m.index:
                index.setdefault(f, len(index))
        self.index = index
        width = sum(len(m.labels) for m in self.models)
        self.weights = np.zeros((len(index), width), dtype=np.float32)
        self.columns: list[tuple[int, int]] = []
        col = 0
        for m in self.models:
            names = list(m.index)
            rows = np.fromiter((index[f] for f in names), dtype=np.int64, count=len(names))
            own = np.fromiter((m.index[f] for f in names), dtype=np.int64, count=len(names))
            self.weights[rows, col:col + len(m.labels)] = m.weights[own]
            self.columns.append((col, col + len(m.labels)))
            col += len(m.labels)

    def proba_many(self, rows: Sequence[Iterable[str]]) -> list[np.ndarray]:
        """Each model's `proba_many(rows)`, in the order the models were given."""
        if not len(rows):
            return [np.zeros((0, len(m.labels)), dtype=np.float32) for m in self.models]
        sums = row_sums(self.index, self.weights, rows)
        out = []
        for m, (a, b) in zip(self.models, self.columns, strict=True):
            z = (sums[:, a:b] + m.bias).astype(np.float32)
            z -= z.max(axis=1, keepdims=True)
            e = np.exp(z)
            out.append(e / e.sum(axis=1, keepdims=True))
        return out
