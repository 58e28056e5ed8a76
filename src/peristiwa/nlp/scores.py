"""Scores of a pipeline against gold annotation: NER P/R/F1 and UD syntax (UPOS, UAS, LAS, lemmas).

Here, beside the models, because training measures with them too (the country gazetteer is chosen on NER
dev F1); peristiwa.evaluation.nlp runs them on the test sets for `make eval` and the model card.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

    from peristiwa.nlp.conllu import Sentence


def ner_scores(nlp: Language, sents: list[tuple[list[str], list[str]]], labels: set[str]) -> dict[str, float]:
    from spacy.tokens import Doc

    from peristiwa.nlp.corpora import NER_LABELS, bio_spans

    docs = list(nlp.get_pipe("ner").pipe([Doc(nlp.vocab, words=w) for w, _ in sents], batch_size=256))
    for name in ("person_edges", "country_gazetteer", "place_edges", "org_ruler"):
        if name in nlp.pipe_names:
            docs = [nlp.get_pipe(name)(d) for d in docs]
    tp = fp = fn = 0
    per: dict[str, Counter[str]] = {lab: Counter() for lab in sorted(labels)}
    for doc, (_, tags) in zip(docs, sents, strict=True):
        gold, ignored = set(), []
        for s, e, raw in bio_spans(tags):
            lab = NER_LABELS.get(raw, raw)
            if lab in labels:
                gold.add((s, e, lab))
            else:
                ignored.append((s, e))
        pred = {(e.start, e.end, e.label_) for e in doc.ents if e.label_ in labels
                and not any(e.start < ie and ie0 < e.end for ie0, ie in ignored)}
        tp += len(gold & pred)
        fp += len(pred - gold)
        fn += len(gold - pred)
        for *_, lab in gold & pred:
            per[lab]["tp"] += 1
        for *_, lab in pred - gold:
            per[lab]["fp"] += 1
        for *_, lab in gold - pred:
            per[lab]["fn"] += 1
    out = prf(tp, fp, fn)
    out["labels"] = {lab: prf(c["tp"], c["fp"], c["fn"]) for lab, c in per.items()}
    return out


def prf(tp: int, fp: int, fn: int) -> dict:
    """Precision, recall and F1 in percent, and the gold count, from true and false positives and misses."""
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": 100 * p, "r": 100 * r, "f": 100 * f, "gold": tp + fn}


def syntax_scores(nlp: Language, sents: list[Sentence]) -> dict[str, float]:
    """UPOS, UAS, LAS and lemma accuracy on gold words and gold sentence boundaries."""
    from peristiwa.nlp.conllu import sentence_to_doc

    docs = [sentence_to_doc(nlp.vocab, s, annotate=False) for s in sents]
    c: Counter[str] = Counter()
    with nlp.select_pipes(disable=[p for p in ("ner",) if p in nlp.pipe_names]):
        for doc, s in zip(nlp.pipe(docs, batch_size=128), sents, strict=True):
            starts = [t.i for t in doc if t.is_sent_start]
            for i, tok in enumerate(doc):
                c["n"] += 1
                c["pos"] += tok.pos_ == s.upos[i]
                head = 0 if tok.head.i == i else tok.head.i + 1
                dep = "root" if head == 0 else tok.dep_
                if head == s.heads[i]:
                    c["uas"] += 1
                    c["las"] += dep == s.deprels[i]
                    c["las_u"] += dep.split(":")[0] == s.deprels[i].split(":")[0]
                if s.lemmas[i] != "_":
                    c["lem_n"] += 1
                    c["lem"] += tok.lemma_.lower() == s.lemmas[i].lower()
            c["split"] += len(starts) > 1
    n = c["n"] or 1
    return {"upos": 100 * c["pos"] / n, "uas": 100 * c["uas"] / n, "las": 100 * c["las"] / n,
            "las_universal": 100 * c["las_u"] / n,
            "lemma": 100 * c["lem"] / c["lem_n"] if c["lem_n"] else float("nan"),
            "words": c["n"], "sents": len(sents)}
