"""Actors whose country comes from the sentence around them: appositive titles and leader nouns, the
sentence's only named country, the dominant reading of an ambiguous town. Sentences written for these tests;
blank tokenizer (no NER, no parse), so only the resolver's own rules speak."""

from __future__ import annotations

import pytest

from peristiwa.actors import ActorResolver, load_lexicon


@pytest.fixture(scope="module")
def resolver():
    return ActorResolver(load_lexicon())


def _mentions(nlp, resolver, text):
    return resolver.annotate(nlp(text), "2020-03-01").mentions


def _by_text(mentions, text):
    hits = [m for m in mentions if m.actor.text == text]
    assert hits, f"{text!r} not in {[m.actor.text for m in mentions]}"
    return hits[0].actor


@pytest.mark.parametrize("text,name,country", [
    ("Rombongan itu bertemu dengan Ahmad Karimi, menteri luar negeri Malaysia, di Kuala Lumpur.",
     "Ahmad Karimi", "MYS"),
    ("Delegasi Jepang berunding dengan Joao Pedro Almeida, menteri pertahanan Brasil, pekan lalu.",
     "Joao Pedro Almeida", "BRA"),
])
def test_name_beside_a_title_takes_its_country(blank_id, resolver, text, name, country):
    actor = _by_text(_mentions(blank_id, resolver, text), name)
    assert (actor.country, actor.sector) == (country, "GOV")


def test_single_capitalised_word_before_a_title_is_not_made_a_person(blank_id, resolver):
    # "Senin, menteri ..." : a weekday, and one word is too weak a name anyway
    mentions = _mentions(blank_id, resolver, "Pada hari Senin, menteri luar negeri Malaysia tiba di Jakarta.")
    assert all(m.actor.text != "Senin" for m in mentions)


def test_leader_noun_gives_the_group_country(blank_id, resolver):
    text = "Serangan itu menewaskan Yusuf Nasser (31), pemimpin senior Hamas di Gaza."
    actor = _by_text(_mentions(blank_id, resolver, text), "Yusuf Nasser")
    assert actor.country == "PSE"


def test_generic_role_takes_the_only_named_country(blank_id, resolver):
    text = "Perdana Menteri Thailand menerima putra mahkota di istana kemarin."
    actor = _by_text(_mentions(blank_id, resolver, text), "putra mahkota")
    assert actor.country == "THA"


def test_two_named_countries_decide_nothing(blank_id, resolver):
    text = "Presiden Prancis dan Kanselir Jerman menerima putra mahkota di istana kemarin."
    actor = _by_text(_mentions(blank_id, resolver, text), "putra mahkota")
    assert actor.country == ""


def test_armed_forces_do_not_take_the_named_country(blank_id, resolver):
    # troops named beside a country are often that country's enemy or guest
    mentions = _mentions(blank_id, resolver, "Pasukan menyerbu kantor partai oposisi Irak kemarin.")
    assert all(m.actor.country == "" for m in mentions if m.actor.sector == "MIL")


def test_ambiguous_town_reads_as_its_far_larger_namesake(blank_id, resolver):
    text = "Polisi menangkap tiga orang di Birmingham pada Selasa."
    actor = _by_text(_mentions(blank_id, resolver, text), "tiga orang")
    assert actor.country == "GBR"


def test_foreigners_do_not_take_the_country_they_are_in(blank_id, resolver):
    text = "Polisi menangkap dua warga negara asing di Bali pada Selasa."
    civilians = [m for m in _mentions(blank_id, resolver, text) if m.actor.sector == "CVL"]
    assert civilians and all(m.actor.country == "" for m in civilians)
    local = [m for m in _mentions(blank_id, resolver, "Polisi menangkap dua warga di Bali.") if m.actor.sector == "CVL"]
    assert [m.actor.country for m in local] == ["IDN"]


def test_origin_after_asal_gives_the_country(blank_id, resolver):
    text = "Empat nelayan asal Sumatera Utara ditangkap polisi Malaysia."
    actor = _by_text(_mentions(blank_id, resolver, text), "nelayan")
    assert actor.country == "IDN"


def test_sect_word_tagged_as_a_name_is_no_person(blank_id, resolver):
    doc = blank_id("Gerilyawan Sunni menyerang warga sipil Syiah di Baghdad.")
    doc.ents = [doc.char_span(11, 16, label="PER")]
    assert all(m.actor.text != "Sunni" for m in resolver.annotate(doc, None).mentions)
