"""The training recipe's assembly: an NER-only retrain keeps the syntax of a given pipeline, and the build facts
say so (the full recipe needs ../shared/data and 40 minutes: `make train`)."""

from __future__ import annotations

import json

import spacy

from peristiwa.nlp import model_path
from peristiwa.nlp.train import assemble, build_facts


def test_facts_of_an_ner_only_build(tmp_path):
    for part, seconds in (("syntax", 600), ("ner", 1389), ("ner_final", 650)):
        (tmp_path / part).mkdir()
        (tmp_path / part / "train_seconds.txt").write_text(f"{seconds}\n")
    (tmp_path / "ner_data.json").write_text(json.dumps({"names": {"PER": 3}, "lexicon_names": {},
                                                        "news_tune_sentences": 0}))
    full = build_facts(tmp_path)
    assert full["train_minutes"] == {"syntax": 10, "ner": 23, "ner_final": 11}
    kept = build_facts(tmp_path, syntax_from=tmp_path / "shipped")
    # the syntax stage was not trained in this build: its minutes are not this build's
    assert kept["train_minutes"] == {"ner": 23, "ner_final": 11}
    assert kept["syntax_stage"].startswith("kept from the pipeline in") and "only the NER" in kept["syntax_stage"]
    assert kept["ner_data"]["names"] == {"PER": 3}


def test_assemble_with_the_syntax_of_another_pipeline(tmp_path):
    shipped = model_path("id")
    build = tmp_path / "build"
    (build / "ner_final" / "model").mkdir(parents=True)
    # the shipped pipeline stands in for a retrained NER: its "ner" is what gets sourced
    (build / "ner_final" / "model" / "model-last").symlink_to(shipped, target_is_directory=True)
    (build / "lemmas.json").write_text(json.dumps({"lookup": {"diserang": "serang"}, "roots": ["serang"],
                                                   "loose": []}))
    dest = tmp_path / "id_core"
    assemble(build, dest, syntax_from=shipped)
    meta = json.loads((dest / "meta.json").read_text())
    assert meta["pipeline"] == ["tok2vec", "morphologizer", "id_rule_lemmatizer", "paragraph_sentences",
                                "parser", "ner"]
    assert "kept from the pipeline in" in meta["peristiwa_build"]["syntax_stage"]
    new, old = spacy.load(dest), spacy.load(shipped)
    text = "Komisi Pemberantasan Korupsi memeriksa Bupati Garut di Jakarta, kata juru bicara KPK."
    a = new(text)
    with old.select_pipes(disable=["country_gazetteer"]):  # no gazetteer.json in this build
        b = old(text)
    # tags and tree from the kept syntax (the lemmatizer's tables are the build's: a stand-in here)
    assert [(t.pos_, t.head.i, t.dep_) for t in a] == [(t.pos_, t.head.i, t.dep_) for t in b]
    assert [(e.start, e.end, e.label_) for e in a.ents] == [(e.start, e.end, e.label_) for e in b.ents]
    assert a.ents
