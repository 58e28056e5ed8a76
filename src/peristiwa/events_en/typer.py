"""A learned event-type model for English verbs: which PLOVER type (or none) a verb of the parse reports.

The dictionary says what a verb can mean; in context it is often something else ("agreed" with a
threat in its clause, "called for" a ceasefire). This model reads each verb of a sentence with features from
the English parse and the lexicons (its lemma, the code the CAMEO dictionary and its patterns give it, its
dependents and governor) and gives a probability for each PLOVER type and for NONE. The tree coder
(peristiwa.events_en.tree) asks it about every verb: a confident NONE drops a dictionary event, a confident
type retypes one or codes a verb the dictionary lacks. Roles stay the parse's.

Softmax regression over hashed-free sparse indicator features, fitted here with numpy (full-batch gradient
descent with L2): no training library at run time, weights in an `.npz` (no pickle). Trained by
`scripts/train_english.py` (`make train-english`) on the PLOVER GSR records (CC BY-SA 4.0: the weights are a derivative,
see data/events_en/type_model.md); figures on those records are k-fold cross-validated.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
from spacy.tokens import Token

NONE = "NONE"
MODEL = Path(__file__).resolve().parents[1] / "data" / "events_en" / "type_model.npz"
# dependents whose lemma says what a verb does: "agreed *to* cooperate", "called *for*", "*not*"
_CHILD_DEPS = {"dobj", "prep", "prt", "xcomp", "ccomp", "neg", "aux", "nsubjpass", "agent", "dative", "acomp",
               "attr", "advmod", "oprd", "auxpass"}


def sentence_nouns(sent, lex) -> list[str]:
    """Features of the sentence's event nouns (nouns.yaml): the CAMEO root of each ("noun=14" for a protest
    noun), read once per sentence and shared by its verbs."""
    words = [w.lower_ for w in sent]
    out = []
    for k in range(len(words)):
        for n in (2, 1):
            noun = lex.nouns.get(" ".join(words[k:k + n]))
            if noun is not None:
                out.append(f"noun={noun.code[:2]}")
    return sorted(set(out))


def features(v: Token, code: str | None, nouns: list[str] = (), crowds: frozenset[str] | set[str] = frozenset()
             ) -> list[str]:
    """Indicator features of verb `v`; `code` is the CAMEO code the dictionary and its patterns give it
    (None when it is no dictionary verb, "---" when only a pattern would code it); `nouns`: the sentence's
    event-noun features (sentence_nouns); `crowds`: the lexicon's crowd words (protesters, rioters)."""
    lemma = v.lemma_.lower()
    out = [f"lem={lemma}", f"dep={v.dep_}", f"tag={v.tag_}", f"head={v.head.lemma_.lower()}",
           f"headdep={v.dep_}:{v.head.lemma_.lower()}", *nouns]
    # the path to the sentence's root (up to three relations) and the root's lemma: "ccomp>ROOT" under "said"
    t, path = v, []
    while t.head.i != t.i and len(path) < 3:
        path.append(t.dep_)
        t = t.head
    out += ["path=" + ">".join(path), "top=" + t.lemma_.lower()]
    for ch in v.children:
        if ch.dep_ in ("nsubj", "nsubjpass", "dobj"):
            out.append(f"{ch.dep_}.ent={ch.ent_type_ or ch.pos_}")  # a named actor, or a noun or pronoun
            if ch.lower_ in crowds:
                out.append(f"{ch.dep_}=crowd")
    if code is None:
        out.append("code=none")
    else:
        out += [f"code={code}", f"root={code[:2]}", f"lemcode={lemma}:{code[:2]}"]
    for ch in v.children:
        if ch.dep_ not in _CHILD_DEPS:
            continue
        w = ch.lemma_.lower()
        out.append(f"{ch.dep_}={w}")
        out.append(f"lem+{ch.dep_}={lemma}:{w}")
        if ch.dep_ == "prep":
            for p in ch.children:
                if p.dep_ == "pobj":
                    out.append(f"pobj={w}:{p.lemma_.lower()}")
        elif ch.dep_ in ("xcomp", "dobj", "ccomp"):
            out.append(f"{ch.dep_}.lem={lemma}>{w}")
    return out


@dataclass
class TypeModel:
    vocab: dict[str, int]
    weights: np.ndarray  # (features, classes)
    bias: np.ndarray  # (classes,)
    classes: list[str]

    def proba(self, feats: list[str]) -> np.ndarray:
        idx = [self.vocab[f] for f in feats if f in self.vocab]
        z = self.bias + self.weights[idx].sum(axis=0) if idx else self.bias.copy()
        z = np.exp(z - z.max())
        return z / z.sum()

    def best(self, feats: list[str]) -> tuple[str, float]:
        p = self.proba(feats)
        k = int(p.argmax())
        return self.classes[k], float(p[k])

    def save(self, path: Path) -> None:
        names = sorted(self.vocab, key=self.vocab.get)
        np.savez_compressed(path, features=np.array(names), weights=self.weights.astype(np.float32),
                            bias=self.bias.astype(np.float32), classes=np.array(self.classes))


def load_type_model(path: Path = MODEL) -> TypeModel | None:
    """The shipped model, or None when its file is absent (the coder then keeps the dictionary's codes)."""
    if not path.is_file():
        return None
    with np.load(path, allow_pickle=False) as z:
        names = [str(f) for f in z["features"]]
        return TypeModel({f: k for k, f in enumerate(names)}, z["weights"], z["bias"],
                         [str(c) for c in z["classes"]])


def fit(rows: list[list[str]], labels: list[str], l2: float = 1e-3, epochs: int = 300, lr: float = 0.5,
        min_count: int = 1) -> TypeModel:
    """Softmax regression by full-batch gradient descent on the mean log-loss plus `l2` times the squared
    weights. Features seen fewer than `min_count` times are dropped."""
    counts: dict[str, int] = {}
    for feats in rows:
        for f in set(feats):
            counts[f] = counts.get(f, 0) + 1
    vocab = {f: k for k, f in enumerate(sorted(f for f, n in counts.items() if n >= min_count))}
    classes = sorted(set(labels))
    cls = {c: k for k, c in enumerate(classes)}
    x = np.zeros((len(rows), len(vocab)), dtype=np.float32)
    for i, feats in enumerate(rows):
        for f in feats:
            if f in vocab:
                x[i, vocab[f]] = 1.0
    y = np.zeros((len(rows), len(classes)), dtype=np.float32)
    y[np.arange(len(rows)), [cls[c] for c in labels]] = 1.0
    w = np.zeros((len(vocab), len(classes)), dtype=np.float32)
    b = np.zeros(len(classes), dtype=np.float32)
    n = max(1, len(rows))
    for _ in range(epochs):
        z = x @ w + b
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        g = (p - y) / n
        w -= lr * (x.T @ g + l2 * w)
        b -= lr * g.sum(axis=0)
    return TypeModel(vocab, w, b, classes)
