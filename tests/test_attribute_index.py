"""The indexed attribute ruler gives every token what spaCy's own attribute_ruler gives it."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from peristiwa.events_en import english_nlp
from peristiwa.nlp.attribute_index import IndexedAttributeRuler

TEXT = ("I ain't gon na sign it, the minister said on Tuesday.  Let's see whether they'll agree; "
        "we don't know if it is over.\n\nThey were arrested by police in Lagos, and it's not the first time "
        "she has been detained: y' know, nothin' changes.  Whose troops shelled the town? Those that did.")


def _parsed(nlp, text: str) -> Doc:
    doc = nlp.make_doc(text)
    for name in ("tok2vec", "tagger", "parser"):
        doc = nlp.get_pipe(name)(doc)
    return doc


def _attrs(doc: Doc) -> list[tuple]:
    return [(t.text, t.pos_, str(t.morph), t.lemma_, t.tag_, t.dep_) for t in doc]


def test_same_attributes_as_spacys_ruler():
    nlp = english_nlp()
    if "attribute_ruler" not in nlp.pipe_names + nlp.disabled:
        pytest.skip("the English pipeline has no attribute ruler (no statistical English model installed)")
    parsed = _parsed(nlp, TEXT)
    theirs = nlp.get_pipe("attribute_ruler")(Doc(nlp.vocab).from_bytes(parsed.to_bytes()))
    ours = IndexedAttributeRuler(nlp.get_pipe("attribute_ruler"))
    mine = ours(Doc(nlp.vocab).from_bytes(parsed.to_bytes()))
    assert _attrs(mine) == _attrs(theirs)
    assert ours.complex, "the multi-token rules ('gon na') are matched as well"
    # answered from the cache the second time, still the same
    assert _attrs(ours(Doc(nlp.vocab).from_bytes(parsed.to_bytes()))) == _attrs(theirs)
    assert any(t.lemma_ == "go" for t in mine if t.text == "gon")  # a multi-token rule took effect


def test_installed_in_the_english_pipeline():
    nlp = english_nlp()
    if "tagger" not in nlp.pipe_names:
        pytest.skip("no statistical English model installed")
    assert "peristiwa_attribute_index" in nlp.pipe_names and "attribute_ruler" in nlp.disabled
    doc = nlp("Police arrested the mayor of Lagos on Monday.")
    assert [t.pos_ for t in doc][:2] == ["NOUN", "VERB"]
