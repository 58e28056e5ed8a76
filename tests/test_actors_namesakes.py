"""A known person's one-word name borne by someone else is not that person: an Indonesian officer "AKBP
Abbas", a Fed chair "Jerome Powell", a street "Jalan KH Ahmad Dahlan", "warga bernama Maliki". The known
person keeps the name where the text means them, under a title or in another spelling of their given name;
a short form in brackets after another name ("Maulana Malik Ibrahim (Maliki)") is that name's.
Sentences written for these tests; the shipped Indonesian pipeline (its NER marks the longer names)."""

from __future__ import annotations

import pytest

from peristiwa.actors import ActorResolver, load_lexicon


@pytest.fixture(scope="module")
def resolver():
    return ActorResolver(load_lexicon())


def _people(nlp, resolver, text: str) -> dict[str, str]:
    doc = nlp(text)
    return {doc[m.start:m.end].text: m.actor.country for m in resolver.annotate(doc, "2025-09-18").mentions
            if m.kind == "person"}


@pytest.mark.parametrize("text,word", [
    ("Kapolres Bogor AKBP Abbas mengatakan kedua pelaku sudah ditangkap.", "Abbas"),
    ("Warga bernama Maliki melapor ke polisi karena rumahnya dibobol.", "Maliki"),
    # the known one-word name opens a longer one the NER reads as a person's: the judge, not the Malaysian
    ("Anwar Usman membacakan putusan itu di ruang sidang.", "Anwar"),
])
def test_a_local_bearer_of_a_known_name(nlp, resolver, text, word) -> None:
    assert _people(nlp, resolver, text).get(word, "") == ""


def test_a_longer_name_is_someone_else(nlp, resolver) -> None:
    found = _people(nlp, resolver, 'Ketua The Fed, Jerome Powell, menahan suku bunga. "Inflasi masih tinggi," kata Powell.')
    assert found.get("Jerome Powell", "") == "" and found.get("Powell", "") == ""
    doc = nlp("Pasar murah digelar di Jalan KH Ahmad Dahlan, Kamis.")
    assert not [m for m in resolver.annotate(doc, "2025-09-18").mentions if m.actor.country == "PSE"]


def test_the_known_person_keeps_the_name(nlp, resolver) -> None:
    found = _people(nlp, resolver, "Presiden Abbas bertemu Benyamin Netanyahu di Kairo. Netanyahu lalu pulang.")
    assert found.get("Presiden Abbas") == "PSE" and found.get("Netanyahu") == "ISR"
    assert _people(nlp, resolver, "PM Anwar menyebut Malaysia siap.").get("PM Anwar") == "MYS"
    assert _people(nlp, resolver, "Kemarin Trump mengecam China.").get("Trump") == "USA"


def test_a_short_form_in_brackets_names_what_precedes_it(nlp, resolver) -> None:
    # a university's short form is not Nouri al-Maliki ...
    doc = nlp("Dosen Universitas Islam Negeri Maulana Malik Ibrahim (Maliki) Malang itu dilaporkan tetangganya.")
    assert not [m for m in resolver.annotate(doc, "2025-09-18").mentions if m.actor.country == "IRQ"]
    # ... while a person's own short name, or a title's holder named in brackets, keeps its country
    assert _people(nlp, resolver, "Hal itu disampaikan Joko Widodo (Jokowi) di Solo.").get("Jokowi") == "IDN"
    assert _people(nlp, resolver, "Kami berterima kasih kepada Presiden Indonesia (Prabowo).").get("Prabowo") == "IDN"


def test_a_state_inside_a_persons_name_is_the_name(nlp, resolver) -> None:
    # capitals and countries that are people's names are no states ...
    for text, name in (("Pengacara Hotman Paris mendatangi Polda Metro Jaya.", "Hotman Paris"),
                       ("Pebulu tangkis Praveen Jordan kalah di babak pertama.", "Praveen Jordan"),
                       ("Aktor Denzel Washington hadir di Bandung.", "Denzel Washington")):
        doc = nlp(text)
        mentions = resolver.annotate(doc, "2025-09-18").mentions
        assert not [m for m in mentions if m.kind in ("country", "metonym")], text
        assert name in {doc[m.start:m.end].text for m in mentions if m.kind == "person"}, text
    # ... while a nationality before a name, or a title's country, is
    assert _countries(nlp, resolver, "Penyanyi Kanada Shawn Mendes tampil di Bandung.") >= {"CAN"}
    assert _people(nlp, resolver, "Presiden AS Donald Trump mengecam China.").get("Presiden AS Donald Trump") == "USA"


def _countries(nlp, resolver, text: str) -> set[str]:
    return {m.actor.country for m in resolver.annotate(nlp(text), "2025-09-18").mentions}


def test_a_surname_the_ner_marks_again_is_the_titled_person(nlp, resolver) -> None:
    # the second mention is a person to the NER as well; it still names the minister introduced with his state
    text = ("Menurut Menteri Keuangan AS Steven Mnuchin, pemerintahan Presiden Donald Trump akan menekan China "
            "untuk membuktikan dapat menjaga janji-janjinya. Mnuchin mengatakan putaran pembicaraan yang akan "
            "diadakan selama dua hari itu akan membahas tuntutan AS atas perubahan struktural pada ekonomi China.")
    doc = nlp(text)
    assert ("Mnuchin", "PER") in [(e.text, e.label_) for e in doc.ents]
    later = [m for m in resolver.annotate(doc, "2019-01-28").mentions if doc[m.start:m.end].text == "Mnuchin"]
    assert [(m.actor.name, m.actor.country, m.actor.sector) for m in later] == [("Steven Mnuchin", "USA", "GOV")]


def test_a_person_after_a_regional_title_is_no_place(nlp, resolver) -> None:
    # "Ahmad" is also the Kuwaiti town Ahmadi in the gazetteer; the NER reads it as part of a person's name
    doc = nlp("Gubernur Ahmad Luthfi meresmikan pabrik itu di Semarang.")
    m = resolver.annotate(doc, "2025-09-18").mentions[0]
    assert (m.actor.text, m.actor.name) == ("Gubernur Ahmad Luthfi", "Ahmad Luthfi")
    assert m.actor.country != "KWT"


def test_a_connective_the_ner_swept_into_a_name_is_no_short_form(nlp, resolver) -> None:
    doc = nlp("Lisa Mariana Jadi Tersangka. Jadi, polisi akan memanggilnya pekan depan.")
    later = [m for m in resolver.annotate(doc, "2025-09-18").mentions if m.start > 4]
    assert "Jadi" not in {doc[m.start:m.end].text for m in later}


@pytest.mark.parametrize("text,name", [
    ("Kapolres Bogor AKBP Abbas menangkap dua orang.", "Abbas"),
    ("Kapolda Jawa Timur Irjen Nanang Avianto menangkap dua orang.", "Nanang Avianto"),
    ("Kapolda Metro Jaya Irjen Karyoto menangkap dua orang.", "Karyoto"),
])
def test_a_rank_after_a_title_is_no_part_of_the_name(nlp, resolver, text, name) -> None:
    m = resolver.annotate(nlp(text), "2025-01-01").mentions[0]
    assert (m.actor.name, m.actor.country, m.actor.sector) == (name, "IDN", "COP")


@pytest.mark.parametrize("text,name,sector", [
    ("Panglima TNI Jenderal Agus Subiyanto meninjau latihan itu.", "Agus Subiyanto", "MIL"),
    ("Direktur Jenderal Pajak Suryo Utomo memeriksa laporan itu.", "Suryo Utomo", "GOV"),
    ("Dirjen Bea dan Cukai Askolani memeriksa laporan itu.", "Askolani", "GOV"),
])
def test_a_general_is_a_rank_after_a_forces_title_and_no_general_after_a_director(nlp, resolver, text, name,
                                                                                   sector) -> None:
    mentions = resolver.annotate(nlp(text), "2025-01-01").mentions
    assert [(m.actor.name, m.actor.country, m.actor.sector) for m in mentions][:1] == [(name, "IDN", sector)]
    assert len([m for m in mentions if m.kind == "person"]) == 1
