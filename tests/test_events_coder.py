"""The Indonesian coder on sentences written for these tests (word-order roles over a plain tokenizer)."""

from __future__ import annotations

import pytest
import spacy

from peristiwa.events import load_coder
from tests.event_helpers import countries, make_code, one


@pytest.fixture(scope="module")
def code():
    return make_code(None)


_one = one
_c = countries


def test_other_languages_have_no_coder() -> None:
    assert load_coder("xx", spacy.blank("xx")) is None


def test_active_verb(code) -> None:
    e = _one(code("Israel menyerang Suriah pada Senin."), "ASSAULT")
    assert _c(e.actor) == {"ISR"} and _c(e.recipient) == {"SYR"}
    assert e.quad == 4 and e.cameo.startswith("19") and e.goldstein < 0 and e.modality == "asserted"
    assert e.trigger.text == "menyerang"


def test_trigger_offsets_and_stable_id(code) -> None:
    text = "Pada hari itu Korea Utara mengancam Jepang."
    a, b = code(text), code(text)
    assert [e.id for e in a] == [e.id for e in b]
    e = _one(a, "THREATEN")
    assert text[e.trigger.start:e.trigger.end] == "mengancam"
    assert text[e.actor[0].start:e.actor[0].end] == e.actor[0].text


def test_passive_with_oleh_and_bare_agent(code) -> None:
    e = _one(code("Iran diserang oleh Amerika Serikat."), "ASSAULT")
    assert _c(e.actor) == {"USA"} and _c(e.recipient) == {"IRN"}
    e = _one(code("Jepang dikritik Tiongkok atas kebijakan itu."), "ACCUSE")
    assert _c(e.actor) == {"CHN"} and _c(e.recipient) == {"JPN"}


def test_coordinated_subjects(code) -> None:
    e = _one(code("Mesir, Arab Saudi dan Yordania mengecam Israel."), "ACCUSE")
    assert _c(e.actor) == {"EGY", "SAU", "JOR"} and _c(e.recipient) == {"ISR"}


def test_symmetric_dengan_and_joint_signing(code) -> None:
    e = _one(code("Indonesia bekerja sama dengan Australia dalam bidang keamanan."), "COOPERATE")
    assert _c(e.actor) == {"IDN"} and _c(e.recipient) == {"AUS"} and e.quad == 2
    e = _one(code("Vietnam dan Filipina menandatangani perjanjian perdagangan."), "SUPPORT")
    assert _c(e.actor) == {"VNM", "PHL"} and e.recipient == []


def test_light_verbs(code) -> None:
    e = _one(code("Turki melakukan serangan terhadap Suriah."), "ASSAULT")
    assert (_c(e.actor), _c(e.recipient)) == ({"TUR"}, {"SYR"})
    assert e.trigger.text == "melakukan serangan"
    e = _one(code("Uni Eropa menjatuhkan sanksi kepada Rusia."), "SANCTION")
    assert (_c(e.actor), _c(e.recipient)) == ({"EUR"}, {"RUS"}) and e.quad == 4


def test_receiving_reverses_roles(code) -> None:
    e = _one(code("Ukraina menerima bantuan militer dari Jerman."), "AID")
    assert (_c(e.actor), _c(e.recipient)) == ({"DEU"}, {"UKR"}) and e.cameo == "072"


def test_object_refines_code(code) -> None:
    e = _one(code("Yunani mengusir duta besar Libya."), "SANCTION")
    assert e.cameo == "166" and _c(e.recipient) == {"LBY"}
    assert not [e for e in code("Yunani mengusir duta besar Libya.") if e.event == "COERCE"]
    # "menjatuhkan" drops bombs as well as sanctions and sentences
    e = _one(code("Pesawat tempur Rusia menjatuhkan bom di kota Idlib."), "ASSAULT")
    assert e.cameo == "195" and _c(e.actor) == {"RUS"}


def test_modality(code) -> None:
    e = _one(code("Jepang akan bertemu dengan Korea Selatan bulan depan."), "AGREE")
    assert e.modality == "intended" and e.cameo == "036"
    assert _one(code("India tidak menyerang Pakistan."), "ASSAULT").modality == "negated"
    e = _one(code("Brasil ingin bekerja sama dengan Argentina."), "AGREE")
    assert e.modality == "intended" and (_c(e.actor), _c(e.recipient)) == ({"BRA"}, {"ARG"})


def test_request_and_demanded_act(code) -> None:
    events = code("Amerika Serikat meminta Rusia untuk menarik pasukannya dari Ukraina.")
    req = _one(events, "REQUEST")
    assert (_c(req.actor), _c(req.recipient)) == ({"USA"}, {"RUS"})
    act = _one(events, "RETREAT")
    assert act.modality == "demanded" and _c(act.actor) == {"RUS"}


def test_attribution(code) -> None:
    e = _one(code("Menurut para diplomat, Turki memasok drone kepada Libya."), "AID")
    assert (_c(e.actor), _c(e.recipient)) == ({"TUR"}, {"LBY"})
    assert e.attribution is not None and e.attribution.text == "para diplomat"
    e = _one(code("Korea Utara menembakkan rudal ke arah Jepang, kata pejabat Korea Selatan."), "ASSAULT")
    assert e.attribution is not None and e.attribution.country == "KOR"


def test_nominalisation_and_object_noun(code) -> None:
    e = _one(code("Serangan Israel ke Lebanon menewaskan tiga orang."), "ASSAULT")
    assert (_c(e.actor), _c(e.recipient)) == ({"ISR"}, {"LBN"})
    assert len([x for x in code("Serangan Israel ke Lebanon menewaskan tiga orang.") if x.event == "ASSAULT"]) == 1
    events = code("Kuba menolak tuduhan Amerika Serikat.")
    e = _one(events, "REJECT")
    assert (_c(e.actor), _c(e.recipient)) == ({"CUB"}, {"USA"})
    assert not [x for x in events if x.event == "ACCUSE"]


def test_no_event_without_actors_or_triggers(code) -> None:
    assert code("Cuaca di Jakarta cerah hari ini.") == []
    assert code("Harga beras naik lima persen bulan ini.") == []


def test_generic_role_stands_for_its_leader(code) -> None:
    e = _one(code("Pemerintah Sudan bertempur dengan pasukan yang dipimpin Jenderal Mohamed Hamdan Dagalo."),
             "ASSAULT")
    assert _c(e.actor) == {"SDN"} and "Dagalo" in e.recipient[0].text


def test_chained_clause_keeps_its_actor(code) -> None:
    events = code("Pasukan Rusia menembaki kota Kharkiv, sehingga menewaskan lima warga Ukraina.")
    killed = [e for e in events if e.trigger.text == "menewaskan"]
    assert killed and _c(killed[0].actor) == {"RUS"} and _c(killed[0].recipient) == {"UKR"}


def test_first_person_subject_is_the_speaker(code) -> None:
    e = _one(code("\"Kami akan membantu Palestina,\" kata Menteri Luar Negeri Turki."), "AGREE")
    assert _c(e.actor) == {"TUR"} and _c(e.recipient) == {"PSE"} and e.modality == "intended"
    assert e.attribution is not None and e.attribution.country == "TUR"


def test_hypothetical(code) -> None:
    e = _one(code("Jika perundingan gagal, Israel mungkin menyerang Iran."), "ASSAULT")
    assert e.modality == "hypothetical" and (_c(e.actor), _c(e.recipient)) == ({"ISR"}, {"IRN"})


def test_subject_read_across_a_relative_clause(code) -> None:
    events = code("Rusia, yang telah lama mendukung Suriah, mengecam Amerika Serikat.")
    e = _one(events, "ACCUSE")
    assert (_c(e.actor), _c(e.recipient)) == ({"RUS"}, {"USA"})
    e = _one(events, "SUPPORT")
    assert (_c(e.actor), _c(e.recipient)) == ({"RUS"}, {"SYR"})


def test_headline_verbs_without_their_prefix(code) -> None:
    """Title Case headlines drop meN-: "Kecam" is "mengecam"; a capitalised root after a preposition is a
    place ("di Serang"), and running text keeps needing the prefix."""
    e = _one(code("Iran Kecam Serangan Israel ke Suriah"), "ACCUSE")
    assert _c(e.actor) == {"IRN"} and _c(e.recipient) == {"ISR"} and e.trigger.text == "Kecam"
    e = _one(code("Korut Ancam Korsel"), "THREATEN")
    assert _c(e.actor) == {"PRK"} and _c(e.recipient) == {"KOR"}
    assert not [e for e in code("Ribuan Warga Berunjuk Rasa di Serang Banten") if e.event == "ASSAULT"]


def test_bare_verb_after_a_first_person_agent(code) -> None:
    """In speech the agent pronoun may stand before a bare root ("sudah kami tangkap", "saya minta"): the
    verb is read as its meN- form and the quoted speaker is its actor."""
    e = _one(code('"Kedua pelaku sudah kami tangkap di Bekasi," kata Kapolres Metro Bekasi.'), "COERCE")
    assert e.trigger.text == "tangkap" and _c(e.actor) == {"IDN"}
    e = _one(code('"Kami dukung langkah Polri," kata Ketua DPR.'), "SUPPORT")
    assert _c(e.recipient) == {"IDN"}
    assert not code("Apakah kami salah untuk memindahkan mereka?")
