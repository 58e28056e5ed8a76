"""The news NER dev set: its standoff annotation rebuilds on the shared IndoSum files."""

from __future__ import annotations

import json

from peristiwa.evaluation.news_ner import load_news_ner, standoff_path
from peristiwa.nlp.corpora import bio_spans


def test_standoff_holds_no_text():
    for line in standoff_path().read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        assert set(item) == {"id", "article", "paragraph", "sentence", "n_tokens", "category", "split", "entities"}
        assert all(isinstance(s, int) and isinstance(e, int) and lab in ("PER", "ORG", "LOC")
                   for s, e, lab in item["entities"])


def test_rebuilds_on_indosum(shared):
    tune, evaluation = load_news_ner(shared, "tune"), load_news_ner(shared, "eval")
    assert (len(tune), len(evaluation)) == (100, 300)
    spans = [(words, s, e, lab) for words, tags in tune + evaluation for s, e, lab in bio_spans(tags)]
    assert len(spans) == 620
    # every entity starts with a capital or a digit, except the media brand written in lower case
    assert all(w[s][:1].isupper() or w[s][:1].isdigit() or w[s].startswith("kumparan") for w, s, _, _ in spans)
