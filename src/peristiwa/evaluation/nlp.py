"""`make eval` section: the shipped Indonesian pipeline on NER and UD test sets, beside published figures.

All scores use gold tokenisation (the test files' words) so they measure the models, not the tokenizer.
- NER: exact-match entity P/R/F1 over the labels each corpus shares with ours (PER, ORG, LOC, and EVT
  for NERP); gold spans of labels we do not train (NERP FNB, IndoLEM TIME/QUANTITY) and predictions
  overlapping them are left out. The published figures count all of a corpus's labels.
- Syntax: UPOS accuracy, UAS, LAS (full labels, punctuation included) and lemma accuracy (case-folded).
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING

from peristiwa.evaluation.news_ner import INDOSUM, SPLITS, agreement, extract_scores, load_news_ner
from peristiwa.nlp.scores import ner_scores, syntax_scores
from peristiwa.report import ReportTable

if TYPE_CHECKING:
    from spacy.language import Language

# Published test scores (F1 or LAS) quoted in ../shared/data SOURCE.md files.
NER_BASELINES = {
    "NERGrit test": "XLM-R base 79.09; IndoBERT-large 77.60 (IndoNLU Table 5)",
    "NERP test": "IndoBERT-large 79.25 (IndoNLU Table 5)",
    "IndoLEM NER-UI fold 1 test": "IndoBERT 90.1 (5-fold mean; IndoLEM)",
    "IndoLEM NER-UGM fold 1 test": "IndoBERT 74.9 (5-fold mean; IndoLEM)",
}
NER_CORPUS_LABELS = {
    "NERGrit test": {"PER", "ORG", "LOC"},
    "NERP test": {"PER", "ORG", "LOC", "EVT"},
    "IndoLEM NER-UI fold 1 test": {"PER", "ORG", "LOC"},
    "IndoLEM NER-UGM fold 1 test": {"PER", "ORG", "LOC"},
}


def evaluate(nlp: Language, shared: Path) -> dict[str, dict[str, float]]:
    from peristiwa.nlp import corpora
    from peristiwa.nlp.conllu import read_conllu

    out: dict[str, dict[str, float]] = {}
    for name, sents in corpora.ner_eval_sets(shared):
        out[name] = ner_scores(nlp, sents, NER_CORPUS_LABELS[name])
    if (shared / INDOSUM).is_dir():
        for split in SPLITS:
            name = f"news NER dev ({split}, IndoSum)"
            out[name] = ner_scores(nlp, load_news_ner(shared, split), {"PER", "ORG", "LOC"})
        # what a user (and a held-out scorer) gets: written-out sentences through `peristiwa extract`
        out["news NER dev (eval, IndoSum) through extract"] = extract_scores(shared, "eval")
    # not the model: a second annotator against the first, the ceiling the figures above sit under
    out["news NER dev (second annotator vs first, 60 eval sentences)"] = agreement()
    out["UD GSD test"] = syntax_scores(nlp, read_conllu(shared / corpora.GSD_TEST))
    out["UD CSUI test"] = syntax_scores(nlp, read_conllu(shared / corpora.CSUI_TEST))
    return out


def tables(scores: dict[str, dict[str, float]]) -> list[ReportTable]:
    ner = ReportTable("NLP: named entities (gold tokens, exact match)",
                      ["test set", "P", "R", "F1", "gold entities", "published (all labels)"])
    news = ReportTable("NLP: news NER dev set per label (IndoSum, annotated by the project; gold tokens)",
                       ["split", "label", "P", "R", "F1", "gold entities"])
    syn = ReportTable("NLP: UD syntax and lemmas (gold tokens)",
                      ["test set", "UPOS", "UAS", "LAS", "LAS (universal labels)", "lemma", "words",
                       "published"])
    for name, s in scores.items():
        if "f" in s:
            ner.rows.append([name, round(s["p"], 1), round(s["r"], 1), round(s["f"], 1), s["gold"],
                             NER_BASELINES.get(name, "")])
            if name.startswith("news NER dev"):
                for lab, ls in [*s["labels"].items(), ("micro", s)]:
                    news.rows.append([name, lab, round(ls["p"], 1), round(ls["r"], 1), round(ls["f"], 1),
                                      ls["gold"]])
        else:
            syn.rows.append([name, round(s["upos"], 1), round(s["uas"], 1), round(s["las"], 1),
                             round(s["las_universal"], 1), round(s["lemma"], 1), s["words"],
                             "none quoted in ../shared/data"])
    ner.notes.append("targets: F1 >= 80 on NERGrit and NERP (floor 70); NERP excludes FNB, IndoLEM "
                     "UGM excludes TIME/QUANTITY (we do not train those labels)")
    syn.notes.append("target: LAS >= 80 on GSD test (floor 72); LAS counts punctuation and full labels")
    news.notes.append("targets (issue 13): ORG F1 >= 75 and micro F1 >= 85 on this set; quote the eval "
                      "split (the tune split was read while writing the organisation rules)")
    news.notes.append("'through extract': each sentence written with ordinary punctuation, given to the whole "
                      "pipeline as a clean record (language identified, dateline read, own tokenizer) and "
                      "scored by entity text and label; before the dateline was kept in clean text (2026-12-07) "
                      "this read 76.2 micro / 66.7 ORG")
    return [ner, news, syn]


def run(shared: Path) -> list[ReportTable]:
    from peristiwa.nlp import load_model

    nlp = load_model("id")
    if nlp is None:
        return [ReportTable("NLP", [], notes=["no Indonesian model shipped: run `make train`"])]
    if not (shared / "ud").is_dir():
        return [ReportTable("NLP", [], notes=[f"shared data not found at {shared}"])]
    t0 = time.perf_counter()
    got = tables(evaluate(nlp, shared))
    got[-1].notes.append(f"evaluation took {time.perf_counter() - t0:.0f} s")
    return got
