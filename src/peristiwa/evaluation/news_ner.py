"""The news NER dev set: 400 IndoSum sentences annotated by the project for PER/ORG/LOC (NERGrit conventions).

The annotation is standoff (`data/news_ner_dev.jsonl`): an IndoSum article id, paragraph and sentence
index, the sentence's token count and entity spans as token indices — never the text, which is read
from ../shared/data/news/indosum-dev at evaluation time (CC BY-SA 4.0; the reader is
peristiwa.nlp.corpora.read_news_standoff, which training uses as well). `split` is "tune" for the 100
sentences read while writing the organisation rules (NER training data only with
`python -m peristiwa.nlp.train --news-tune`, off: the shipped model is trained on neither split) and "eval"
for the 300 that were not; `make eval` reports both, and the
eval part is the figure to quote. How it was made: data/README.md.

`data/news_ner_dev_second.jsonl` is a second, independent annotation of 60 eval sentences (every fifth):
`agreement` scores it against the first, which says how far any system can be trusted to agree with
the first annotator on this set.
"""

from __future__ import annotations

import json
from collections import Counter
from importlib import resources
from pathlib import Path

from peristiwa.nlp.corpora import read_news_standoff
from peristiwa.nlp.scores import prf

INDOSUM = "news/indosum-dev"
SPLITS = ("tune", "eval")


def standoff_path(name: str = "news_ner_dev.jsonl") -> Path:
    return Path(str(resources.files("peristiwa.evaluation") / "data" / name))


SECOND = "news_ner_dev_second.jsonl"


def _read(name: str) -> list[dict]:
    return [json.loads(line) for line in standoff_path(name).read_text(encoding="utf-8").splitlines() if line]


def agreement() -> dict:
    """The second annotation scored against the first (exact spans and labels): P, R, F1 overall and per
    label, in the shape of peristiwa.nlp.scores.ner_scores (the first annotation plays gold)."""
    first = {x["id"]: x["entities"] for x in _read("news_ner_dev.jsonl")}
    counts: dict[str, list[int]] = {}
    for item in _read(SECOND):
        gold = {tuple(e) for e in first[item["id"]]}
        second = {tuple(e) for e in item["entities"]}
        for label in ("PER", "ORG", "LOC"):
            g, p = {x for x in gold if x[2] == label}, {x for x in second if x[2] == label}
            c = counts.setdefault(label, [0, 0, 0])
            c[0] += len(g & p)
            c[1] += len(p - g)
            c[2] += len(g - p)

    out = prf(*(sum(c[i] for c in counts.values()) for i in range(3)))
    out["labels"] = {label: prf(*c) for label, c in counts.items()}
    out["sentences"] = len(_read(SECOND))
    return out


def load_news_ner(shared: Path, split: str | None = None) -> list[tuple[list[str], list[str]]]:
    """(words, BIO tags) per sentence of the news NER dev set (one split, or all)."""
    return read_news_standoff(shared, split, standoff_path())


# punctuation that ordinary text writes against the word before it
_NO_SPACE_BEFORE = frozenset({",", ".", ")", ":", ";", "!", "?", "%"})


def as_written(words: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """The sentence as a news site writes it (no space before a comma or after an opening bracket) and
    each word's character span."""
    text, spans = "", []
    for i, w in enumerate(words):
        if i and w not in _NO_SPACE_BEFORE and words[i - 1] != "(":
            text += " "
        spans.append((len(text), len(text) + len(w)))
        text += w
    return text, spans


def extract_scores(shared: Path, split: str) -> dict:
    """One split read as a user's sentences: each written out as ordinary text, given to the pipeline as a
    clean record (`peristiwa extract --jsonl`: language identified, a dateline read) and scored by entity
    text and label, since the pipeline tokenises on its own. Same shape as peristiwa.nlp.scores.ner_scores."""
    from peristiwa.nlp.corpora import NER_LABELS, bio_spans
    from peristiwa.pipeline import Pipeline
    from peristiwa.schema import Document

    labels = ("PER", "ORG", "LOC")
    sents = load_news_ner(shared, split)
    golds, docs = [], []
    for k, (words, tags) in enumerate(sents):
        text, spans = as_written(words)
        gold: Counter[tuple[str, str]] = Counter()
        for s, e, raw in bio_spans(tags):
            if NER_LABELS.get(raw, raw) in labels:
                gold[(text[spans[s][0]:spans[e - 1][1]], NER_LABELS.get(raw, raw))] += 1
        golds.append(gold)
        docs.append(Document(doc_id=str(k), source=f"news-ner-{split}-{k}", kind="clean", text=text))
    counts = {lab: Counter() for lab in labels}
    for gold, result in zip(golds, Pipeline().run(docs), strict=True):
        pred = Counter((" ".join(e.text.split()), e.label) for e in result.entities if e.label in labels)
        for key, c in (("tp", gold & pred), ("fp", pred - gold), ("fn", gold - pred)):
            for (_, lab), n in c.items():
                counts[lab][key] += n

    out = prf(*(sum(c[k] for c in counts.values()) for k in ("tp", "fp", "fn")))
    out["labels"] = {lab: prf(c["tp"], c["fp"], c["fn"]) for lab, c in counts.items()}
    return out
