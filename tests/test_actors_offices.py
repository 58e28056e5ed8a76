"""An office held in a body named after it ("Ketua Komisi III DPR X", "Anggota DPR X", "Kepala BNN X") makes
one actor, the office holder, with the body's country and sector, as the events-id annotators code them; the
body and the person were two actors, the person with neither country nor sector. Sentences written for these
tests; the shipped Indonesian pipeline (the name after an office counts only where its NER reads a person)."""

from __future__ import annotations

import pytest

from peristiwa.actors import ActorResolver, load_lexicon


@pytest.fixture(scope="module")
def resolver():
    return ActorResolver(load_lexicon())


def _mentions(nlp, resolver, text: str) -> list[tuple[str, str, str, str, str]]:
    doc = nlp(text)
    return [(doc[m.start:m.end].text, m.kind, m.actor.name, m.actor.country, m.actor.sector)
            for m in resolver.annotate(doc, "2025-09-18").mentions]


@pytest.mark.parametrize("text,span,name,country,sector", [
    ("Ketua Komisi III DPR Habiburokhman mengkritik polisi soal penanganan kasus itu.",
     "Ketua Komisi III DPR Habiburokhman", "Habiburokhman", "IDN", "LEG"),
    ("Anggota DPR Rieke Diah Pitaloka mengkritik rencana kenaikan pajak.",
     "Anggota DPR Rieke Diah Pitaloka", "Rieke Diah Pitaloka", "IDN", "LEG"),
    # a rank between the body and the name is neither's ("Komjen")
    ("Kepala BNN Komjen Marthinus Hukom mengatakan pihaknya menyita dua ton sabu.",
     "Kepala BNN Komjen Marthinus Hukom", "Marthinus Hukom", "IDN", "GOV"),
    # a leader takes his body's sector, not the government's
    ("Pemimpin Hamas Ismail Haniyeh menolak usulan itu.",
     "Pemimpin Hamas Ismail Haniyeh", "Ismail Haniyeh", "PSE", "REB"),
])
def test_an_office_in_a_body_is_one_actor_with_the_bodys_country_and_sector(nlp, resolver, text, span, name,
                                                                           country, sector) -> None:
    found = _mentions(nlp, resolver, text)
    assert (span, "person", name, country, sector) in found, found
    # neither the body nor the bare name is a second actor
    assert not [m for m in found if m[0] != span and m[0] in span], found


def test_an_office_before_another_title_is_that_titles_holder(nlp, resolver) -> None:
    found = _mentions(nlp, resolver, "Seorang anggota polisi menangkap pelaku pencurian di Bekasi.")
    assert [(m[0], m[4]) for m in found if m[4] == "COP"] == [("anggota polisi", "COP")], found
    found = _mentions(nlp, resolver, "Pemimpin pemberontak menyerukan gencatan senjata.")
    assert [(m[0], m[4]) for m in found] == [("Pemimpin pemberontak", "REB")], found


@pytest.mark.parametrize("text,not_a_name", [
    ("Ketua RT setempat melaporkan kejadian itu kepada polisi.", "RT"),
    ("Kepala Dinas Kesehatan DKI Jakarta Ani Ruspitawati mengatakan kasus demam berdarah naik.", "Dinas"),
    ("Ketua panitia Budi mengatakan acara itu ditunda.", "panitia"),
])
def test_an_office_without_a_body_or_a_person_gives_no_made_up_name(nlp, resolver, text, not_a_name) -> None:
    found = _mentions(nlp, resolver, text)
    assert not [m for m in found if m[1] == "person" and not_a_name in m[2]], found


def test_a_running_pair_written_as_one_word_is_both_people(nlp, resolver) -> None:
    doc = nlp("Pasangan Prabowo-Gibran mengkritik keputusan itu.")
    pair = [m for m in resolver.annotate(doc, "2025-09-18").mentions if m.kind == "person"]
    assert len(pair) == 1
    people = [pair[0].actor, *pair[0].also]
    assert [(a.text, a.name, a.country) for a in people] == [
        ("Prabowo", "Prabowo Subianto", "IDN"), ("Gibran", "Gibran Rakabuming Raka", "IDN")]
    assert [doc.text[a.start:a.end] for a in people] == ["Prabowo", "Gibran"]
    # a hyphenated place is no pair of people
    assert not [m for m in resolver.annotate(nlp("Kota Nagorno-Karabakh kembali diserang."), None).mentions
                if m.kind == "person"]


@pytest.mark.parametrize("text,span,name,country", [
    ("Menteri Agama (Menag) Nasaruddin Umar berpesan agar masyarakat menjaga persatuan.",
     "Menteri Agama (Menag) Nasaruddin Umar", "Nasaruddin Umar", "IDN"),
    ("Presiden Amerika Serikat (AS) Donald Trump mengecam serangan itu.",
     "Presiden Amerika Serikat (AS) Donald Trump", "Donald Trump", "USA"),
    # the short form before the region: the governor and his province had been lost
    ("Wakil Gubernur (Wagub) Kaltim Seno Aji meminta warga tenang.",
     "Gubernur (Wagub) Kaltim Seno Aji", "Seno Aji", "IDN"),
])
def test_a_short_title_in_brackets_stays_inside_the_holders_mention(nlp, resolver, text, span, name,
                                                                     country) -> None:
    """"Menteri Agama (Menag) Nasaruddin Umar" had been three mentions: the minister, "Menag", and a person of
    no country."""
    found = _mentions(nlp, resolver, text)
    assert (span, "person", name, country, "GOV") in found, found
    assert not [m for m in found if m[0] != span and m[0] in span], found


def test_the_pope_is_the_holy_sees(nlp, resolver) -> None:
    """"Paus" alone had been a cleric of the article's country (IDN)."""
    found = _mentions(nlp, resolver, "Menteri Agama Nasaruddin Umar bertemu Paus di Roma.")
    assert ("Paus", "role", "pope", "VAT", "REL") in found, found


def test_a_navy_before_a_country_is_that_countrys_not_a_sea(nlp, resolver) -> None:
    """"Laut Malaysia" had been read as a sea's name (like "Laut China Selatan"), dropping Malaysia."""
    found = _mentions(nlp, resolver, "Angkatan Laut Malaysia menghalau dua kapal pengungsi.")
    assert ("Angkatan Laut Malaysia", "role", "Malaysia", "MYS", "MIL") in found, found
    assert not [m for m in _mentions(nlp, resolver, "Kapal China berpatroli di Laut China Selatan.")
                if m[0] == "China Selatan" or m[0].startswith("Laut")]


def test_a_titled_holder_the_phoenix_dictionaries_know_takes_their_country(nlp, resolver) -> None:
    """The lexicon lacks him; the PETRARCH/Phoenix person list has Nigeria's president."""
    found = _mentions(nlp, resolver, "Seorang ibu memohon kepada Presiden Muhammadu Buhari agar bertindak.")
    assert ("Presiden Muhammadu Buhari", "person", "Muhammadu Buhari", "NGA", "GOV") in found, found
