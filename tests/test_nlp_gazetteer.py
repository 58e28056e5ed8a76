"""Country-name correction after NER (no trained model needed)."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.tokens import Span

import peristiwa.nlp.gazetteer  # noqa: F401  (registers the factory)


@lru_cache(maxsize=2)
def _nlp(add: bool):  # building a blank Indonesian pipeline takes seconds: once per mode
    nlp = spacy.blank("id")
    nlp.add_pipe("country_gazetteer", config={"add": add}).set_names({"Mesir", "Afrika Selatan", "Rusia"})
    return nlp


def test_relabels_country_predicted_as_org():
    nlp = _nlp(add=False)
    doc = nlp.make_doc("Pasukan Mesir tiba di Kairo.")
    doc.ents = [Span(doc, 1, 2, label="ORG")]
    doc = nlp.get_pipe("country_gazetteer")(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [("Mesir", "LOC")]


def test_adds_missed_multiword_country_only_when_capitalised():
    nlp = _nlp(add=True)
    doc = nlp("Delegasi Afrika Selatan dan rusia bertemu.")
    assert [(e.text, e.label_) for e in doc.ents] == [("Afrika Selatan", "LOC")]


def test_does_not_override_other_entities():
    nlp = _nlp(add=True)
    doc = nlp.make_doc("Kedutaan Besar Rusia menolak.")
    doc.ents = [Span(doc, 0, 3, label="ORG")]
    doc = nlp.get_pipe("country_gazetteer")(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [("Kedutaan Besar Rusia", "ORG")]


def test_round_trips_to_disk(tmp_path):
    nlp = _nlp(add=True)
    nlp.to_disk(tmp_path / "m")
    other = spacy.load(tmp_path / "m")
    assert other.get_pipe("country_gazetteer").names == {"Mesir", "Afrika Selatan", "Rusia"}
