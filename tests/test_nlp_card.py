"""The model card renders from meta.json build facts alone (peristiwa.nlp.card)."""

from __future__ import annotations

from peristiwa.nlp.card import render_card

FACTS = {"ner_final_steps": 1250, "train_minutes": {"ner": 12},
         "ner_data": {"names": {"PER": 18777, "LOC": 42968, "ORG": 7396},
                      "lexicon_names": {"ORG": 1968, "PER": 1383}, "news_tune_sentences": 100}}


def test_card_says_what_the_ner_learnt_from():
    card = render_card({"pipeline": ["ner"], "peristiwa_build": FACTS}, "SCORES", 50.0, "2026-12-01")
    assert "18,777 PER, 42,968 LOC, 7,396 ORG names; 1,968 ORG, 1,383 PER of them from the project's" in card
    assert "train + valid + the 100 tune sentences of the news NER dev set with those settings (1250 steps)" in card
    assert "| The news NER dev set's tune split (100 IndoSum sentences" in card
    assert "`data/actors/organisations_id.yaml`" in card and "SCORES" in card


def test_card_of_a_build_without_those_facts():
    card = render_card({"pipeline": ["ner"], "peristiwa_build": {}}, "SCORES", 50.0, "2026-12-01")
    assert "sizes not recorded" in card and "tune split" not in card and "{" not in card
