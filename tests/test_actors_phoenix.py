"""People of the Phoenix dictionaries read by the Indonesian resolver: a person the NER finds and the
project's lexicon lacks takes the country and sector of the role held at the article's date."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc, Span

from peristiwa.actors import ActorResolver
from peristiwa.actors.phoenix import phoenix_people, phoenix_role


def test_the_table_loads_with_dated_roles() -> None:
    table = phoenix_people()
    assert len(table) > 15_000
    amano = phoenix_role("Yukiya Amano", "2012-06-01")
    assert amano is not None and (amano.country, amano.sector) == ("UNO", "IGO")
    assert phoenix_role("Seorang Yang Tidak Dikenal") is None


def test_a_dated_role_follows_the_article_date() -> None:
    assert phoenix_role("Ban Ki-moon", "2005-03-01").country == "KOR"  # foreign minister then
    assert phoenix_role("Ban Ki-moon", "2010-03-01").country == "UNO"  # UN Secretary-General later


def _doc_with_person(text: str, name: str) -> Doc:
    nlp = spacy.blank("id")
    doc = nlp(text)
    start = next(t.i for t in doc if t.text == name.split()[0])
    doc.ents = [Span(doc, start, start + len(name.split()), label="PER")]
    return doc


def test_the_resolver_gives_a_phoenix_person_a_country() -> None:
    doc = _doc_with_person("Yukiya Amano mengunjungi Teheran pada Senin.", "Yukiya Amano")
    actors = ActorResolver().annotate(doc, "2013-02-11")
    m = next(m for m in actors.mentions if "Amano" in m.actor.text)
    assert (m.actor.country, m.actor.sector) == ("UNO", "IGO")
    # under a title that names the body, the body's code (the guideline codes the IAEA IGO) and its sector
    doc = _doc_with_person("Dirjen IAEA Yukiya Amano mengunjungi Teheran pada Senin.", "Yukiya Amano")
    m = next(m for m in ActorResolver().annotate(doc, "2013-02-11").mentions if "Amano" in m.actor.text)
    assert (m.actor.name, m.actor.country, m.actor.sector) == ("Yukiya Amano", "IGO", "IGO")
    doc = _doc_with_person("Menurut Santoso Wirawan, harga cabai naik.", "Santoso Wirawan")
    m = next(m for m in ActorResolver().annotate(doc).mentions if "Santoso" in m.actor.text)
    assert m.actor.country == ""  # a name nobody lists keeps no country
