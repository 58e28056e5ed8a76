"""Organisations of Indonesian public life: the data file, the NER's organisation ruler and the actors.

Sentences are written for these tests; the NER is the shipped model with the components load_model adds.
"""

from __future__ import annotations

import shutil

import pytest
import yaml
from spacy.tokens import Doc

from peristiwa.actors import ActorResolver, load_lexicon
from peristiwa.actors.lexicon import DATA, ORGANISATIONS, build_lexicon
from peristiwa.nlp.orgs import known_names

# (name as the press writes it, sector): the bodies issue 13 lists, and a few of each kind besides
INSTITUTIONS = [
    ("KPK", "GOV"), ("Komisi Pemberantasan Korupsi", "GOV"), ("KPU", "GOV"), ("Bawaslu", "GOV"),
    ("BNN", "GOV"), ("BNPT", "GOV"), ("Komnas HAM", "GOV"), ("KPAI", "GOV"), ("OJK", "GOV"), ("BPK", "GOV"),
    ("Mahkamah Konstitusi", "JUD"), ("Mahkamah Agung", "JUD"), ("Komisi Yudisial", "JUD"),
    ("Kejaksaan Agung", "JUD"), ("Kemenlu", "GOV"), ("Kemenkeu", "GOV"), ("Kemendagri", "GOV"),
    ("Kementerian Hukum dan HAM", "GOV"), ("DPR", "LEG"), ("DPD", "LEG"), ("MPR", "LEG"), ("DPRD", "LEG"),
    ("Komisi III DPR", "LEG"), ("Polri", "COP"), ("Densus 88", "COP"), ("Brimob", "COP"),
    ("Bareskrim Polri", "COP"), ("Polda Metro Jaya", "COP"), ("TNI", "MIL"), ("Kopassus", "MIL"),
    ("Kostrad", "MIL"), ("TNI AU", "MIL"), ("PKS", "PTY"), ("PPP", "PTY"), ("Partai Golkar", "PTY"),
    ("Partai NasDem", "PTY"), ("PDI Perjuangan", "PTY"), ("Partai Gerindra", "PTY"), ("PKB", "PTY"),
    ("Nahdlatul Ulama", "NGO"), ("Muhammadiyah", "NGO"), ("MUI", "NGO"), ("FPI", "NGO"), ("ICW", "NGO"),
    ("Pertamina", "BUS"), ("PLN", "BUS"), ("Universitas Gadjah Mada", "EDU"),
    ("Banggar", "LEG"), ("Pansus Hak Angket KPK", "LEG"), ("Bekraf", "GOV"), ("PT Dirgantara Indonesia", "BUS"),
]


@pytest.fixture(scope="module")
def resolver():
    return ActorResolver(load_lexicon())


@pytest.mark.parametrize("name,sector", INSTITUTIONS)
def test_institution_is_an_entity_and_an_actor(nlp, resolver, name, sector):
    text = f"Kemarin, {name} mengkritik keputusan itu dalam jumpa pers di Jakarta."
    doc = nlp(text)
    start = text.index(name)
    assert (name, "ORG") in [(e.text, e.label_) for e in doc.ents], [(e.text, e.label_) for e in doc.ents]
    actors = resolver.annotate(doc, "2017-06-01")
    m = next(m for m in actors.mentions if m.actor.start == start)
    assert (m.actor.text, m.actor.country, m.actor.sector) == (name, "IDN", sector)


def test_abbreviation_in_brackets_is_a_second_entity(nlp):
    doc = nlp("Komisi Pemilihan Umum (KPU) menetapkan jadwal pemilu.")
    assert [(e.text, e.label_) for e in doc.ents][:2] == [("Komisi Pemilihan Umum", "ORG"), ("KPU", "ORG")]
    # a body the lists do not know, named by its organisation word, and its acronym
    doc = nlp("Badan Urusan Pulau Terluar (BUPT) menolak rencana itu.")
    assert [(e.text, e.label_) for e in doc.ents][:2] == [("Badan Urusan Pulau Terluar", "ORG"), ("BUPT", "ORG")]


def test_police_unit_with_its_place_is_one_organisation(nlp, resolver):
    text = "Polres Metro Jakarta Selatan menangkap dua pria di Kebayoran Baru."
    doc = nlp(text)
    assert ("Polres Metro Jakarta Selatan", "ORG") in [(e.text, e.label_) for e in doc.ents]
    m = resolver.annotate(doc, "2017-06-01").mentions[0]
    assert (m.actor.text, m.actor.country, m.actor.sector) == ("Polres Metro Jakarta Selatan", "IDN", "COP")
    doc = nlp("Kejari Jakarta Selatan memeriksa saksi, kata Kepala Kejati DKI Jakarta.")
    assert "Kejari Jakarta Selatan" in [e.text for e in doc.ents]


@pytest.mark.parametrize("text, unit", [
    ("Kepolisian Daerah Kalimantan Timur menangkap tiga orang.", "Kepolisian Daerah Kalimantan Timur"),
    ("Kepolisian Resor Kota Bogor memeriksa dua saksi.", "Kepolisian Resor Kota Bogor"),
])
def test_spelled_out_police_unit_is_the_national_police(nlp, resolver, text, unit):
    """Not the generic "Kepolisian", whose country would come from context (a town in India, once)."""
    actors = resolver.annotate(nlp(text), "2025-06-01")
    m = actors.mentions[0]
    assert (m.actor.text, m.actor.name, m.actor.country, m.actor.sector) == (
        unit, "Indonesian National Police", "IDN", "COP")


@pytest.mark.parametrize("text, name, sector", [
    ("Presiden menyetujui rencana pengerahan personel TNI.", "TNI", "MIL"),
    ("Dua pemuda itu kini diperiksa di Polres Tasikmalaya Kota.", "Polres Tasikmalaya Kota", "COP"),
])
def test_institution_at_the_end_of_a_sentence_is_an_actor(nlp, resolver, text, name, sector):
    """The sentence's full stop is not part of the name (a word written whole is no abbreviation)."""
    actors = resolver.annotate(nlp(text), "2017-06-01")
    assert (name, "IDN", sector) in [(m.actor.text, m.actor.country, m.actor.sector) for m in actors.mentions]


def test_unit_word_alone_and_initials_are_no_institution(nlp):
    words = ["Petugas", "Polsek", "dan", "Koramil", "memeriksa", "MA", "(", "35", ")", "."]
    doc = nlp.get_pipe("org_ruler")(Doc(nlp.vocab, words=words))
    assert not [e for e in doc.ents if e.text in ("Polsek", "Koramil", "MA")]


def test_person_name_loses_a_trailing_minute(nlp):
    words = ["Gol", "dicetak", "Marinus", "Mariyanto", "16", "'", "."]
    doc = Doc(nlp.vocab, words=words, ents=["O", "O", "B-PER", "I-PER", "I-PER", "I-PER", "O"])
    doc = nlp.get_pipe("person_edges")(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [("Marinus Mariyanto", "PER")]


def test_foreign_ministry_stays_foreign(nlp, resolver):
    doc = nlp("Kementerian Luar Negeri Rusia menolak tuduhan itu.")
    m = resolver.annotate(doc, "2017-06-01").mentions[0]
    assert m.actor.country == "RUS"


def test_minister_of_a_city_state_is_its_own(nlp, resolver):
    # Singapore's name is also its capital's: the country after the portfolio is still the minister's
    doc = nlp("Menteri Kesehatan Singapura bertemu Nila di Jakarta.")
    m = resolver.annotate(doc, "2017-06-01").mentions[0]
    assert (m.actor.text, m.actor.country, m.actor.sector) == ("Menteri Kesehatan Singapura", "SGP", "GOV")


def test_a_campus_student_body_is_its_own_not_the_national_alliance(nlp, resolver):
    """BEM UI (one university's student executive) is not BEM SI (the national alliance); any BEM is EDU."""
    doc = nlp("Massa BEM UI dan Ketua BEM Universitas Trisakti mengkritik DPR.")
    mentions = resolver.annotate(doc, "2025-10-01").mentions
    got = {(m.actor.name, m.actor.sector) for m in mentions}
    assert ("BEM UI", "EDU") in got or ("BEM UI", "CVL") in got, got
    assert not any(name == "BEM SI" for name, _ in got), got
    assert ("Badan Eksekutif Mahasiswa", "EDU") in got, got


@pytest.mark.parametrize("title", ["Menkominfo", "Menaker", "Menpora", "Mensos", "Menhub", "Menkumham"])
def test_minister_short_titles_are_ministers(nlp, resolver, title):
    doc = nlp(f"{title} Budi Hartono menolak usul itu di Jakarta.")
    m = resolver.annotate(doc, "2017-06-01").mentions[0]
    assert (m.actor.text, m.actor.country, m.actor.sector) == (f"{title} Budi Hartono", "IDN", "GOV")


@pytest.mark.parametrize("name,sector", [("Google", "BUS"), ("Google Indonesia", "BUS"), ("Facebook", "MED"),
                                         ("Instagram", "MED"), ("Telegram", "MED"), ("Uber", "BUS")])
def test_multinationals_are_mnc(nlp, resolver, name, sector):
    text = f"Kementerian Komunikasi dan Informatika memanggil {name} pekan lalu."
    doc = nlp(text)
    m = next(m for m in resolver.annotate(doc, "2017-06-01").mentions if m.actor.start == text.index(name))
    assert (m.actor.text, m.actor.country, m.actor.sector) == (name, "MNC", sector)


def test_police_telegram_is_no_company(nlp, resolver):
    doc = nlp("Kapolri mengeluarkan surat telegram kepada seluruh Kapolda.")
    assert "MNC" not in {m.actor.country for m in resolver.annotate(doc, "2017-06-01").mentions}


def test_lists_load_from_the_data_files(tmp_path):
    folder = tmp_path / "actors"
    shutil.copytree(DATA, folder)
    items = yaml.safe_load((folder / ORGANISATIONS).read_text(encoding="utf-8"))
    assert len(items) >= 300 and all(i["country"] == "IDN" or i["type"] == "company" for i in items)
    items.append({"name": "Badan Urusan Pulau Terluar", "type": "agency", "country": "IDN", "sector": "GOV",
                  "aliases": ["BUPT"]})
    (folder / ORGANISATIONS).write_text(yaml.safe_dump(items, allow_unicode=True), encoding="utf-8")
    lex = build_lexicon(folder)
    (alias,) = lex.actors.keys["bupt"]
    assert (alias.entry.name, alias.entry.country, alias.entry.sector) == ("Badan Urusan Pulau Terluar", "IDN", "GOV")
    assert "BUPT" in known_names(str(folder / ORGANISATIONS))
    assert "BUPT" not in known_names()


def test_events_get_the_organisations():
    from tests.event_helpers import make_code, one

    code = make_code("2017-06-01")
    e = one(code("KPK menahan Bupati Klaten di Jakarta."), "COERCE")
    assert [(a.text, a.country, a.sector) for a in e.actor] == [("KPK", "IDN", "GOV")]
    e = one(code("Fraksi PKS di DPR mengkritik rencana pemerintah menaikkan harga BBM."), "ACCUSE")
    assert [(a.country, a.sector) for a in e.actor] == [("IDN", "PTY")]
    assert e.actor[0].name == "PKS"
