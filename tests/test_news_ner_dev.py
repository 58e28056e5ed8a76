"""The news NER dev set: its standoff annotation rebuilds on the shared IndoSum files."""

from __future__ import annotations

import json

from peristiwa.evaluation.news_ner import SECOND, agreement, as_written, load_news_ner, standoff_path
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


def test_second_annotation_covers_eval_sentences_only():
    first = {x["id"]: x for x in map(json.loads, standoff_path().read_text(encoding="utf-8").splitlines())}
    second = [json.loads(line) for line in standoff_path(SECOND).read_text(encoding="utf-8").splitlines()]
    assert len(second) == 60 and len({x["id"] for x in second}) == 60
    for item in second:
        assert set(item) == {"id", "entities"}  # no text
        assert first[item["id"]]["split"] == "eval"
        n = first[item["id"]]["n_tokens"]
        assert all(0 <= s < e <= n and lab in ("PER", "ORG", "LOC") for s, e, lab in item["entities"])


def test_agreement_counts_both_annotations():
    a = agreement()
    assert a["sentences"] == 60
    # the first annotation's entities in those sentences are the "gold" count
    first = {x["id"]: x for x in map(json.loads, standoff_path().read_text(encoding="utf-8").splitlines())}
    ids = {json.loads(line)["id"] for line in standoff_path(SECOND).read_text(encoding="utf-8").splitlines()}
    assert a["gold"] == sum(len(first[i]["entities"]) for i in ids)
    assert 0 < a["f"] <= 100 and set(a["labels"]) == {"PER", "ORG", "LOC"}


def test_sentences_are_written_out_as_a_site_writes_them():
    text, spans = as_written(["Jakarta", "(", "ANTARA", ")", "-", "Presiden", "Joko", "Widodo", ",", "Senin", "."])
    assert text == "Jakarta (ANTARA) - Presiden Joko Widodo, Senin."
    assert [text[s:e] for s, e in spans][2] == "ANTARA" and text[spans[6][0]:spans[7][1]] == "Joko Widodo"
