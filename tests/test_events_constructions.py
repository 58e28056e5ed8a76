"""General Indonesian constructions the coder covers, on sentences written for these tests: attack verbs
and their synonyms, victims of an attack noun, counted people, pairs ("kedua negara"), the place after a
theme ("menarik pasukan dari X"), counterparts, crowds and detainees, reaching agreements, and 2000s
office-holders."""

from __future__ import annotations

import pytest

from tests.event_helpers import countries, make_code, one


@pytest.fixture(scope="module")
def code():
    return make_code("2007-06-01")


_one = one
_c = countries


@pytest.mark.parametrize("text, src, tgt", [
    ("Gerilyawan Taliban mengincar polisi Afghanistan.", {"AFG"}, {"AFG"}),
    ("Militan menyergap tentara Pakistan di dekat perbatasan.", set(), {"PAK"}),
    ("Kelompok bersenjata memenggal seorang sandera Korea Selatan.", set(), {"KOR"}),
    ("Milisi Somalia menikam seorang wartawan Kenya.", {"SOM"}, {"KEN"}),
    ("Hizbullah menghujani Israel dengan roket.", {"LBN"}, {"ISR"}),
])
def test_attack_synonyms(code, text, src, tgt) -> None:
    e = _one(code(text), "ASSAULT")
    assert e.quad == 4
    assert _c(e.actor) - {""} == src and _c(e.recipient) - {""} == tgt


def test_attack_noun_keeps_patient_across_mantan_and_numbers(code) -> None:
    e = _one(code("Pembunuhan mantan Perdana Menteri Lebanon itu memicu protes."), "ASSAULT")
    assert _c(e.recipient) == {"LBN"} and not e.actor
    e = _one(code("Penangkapan lima aktivis Hamas oleh Israel dikritik."), "COERCE")
    assert _c(e.actor) == {"ISR"} and _c(e.recipient) == {"PSE"}


@pytest.mark.parametrize("text, tgt", [
    ("Seorang tentara Kanada tewas akibat bom pinggir jalan di Kandahar.", {"CAN"}),
    ("Dua polisi Afghanistan terluka dalam sebuah serangan bunuh diri di Kabul.", {"AFG"}),
    ("Enam orang tewas dalam bentrokan di Somalia.", {"SOM"}),
])
def test_victims_of_an_attack_noun(code, text, tgt) -> None:
    e = _one(code(text), "ASSAULT")
    assert not e.actor and _c(e.recipient) == tgt


def test_an_accident_is_not_an_attack(code) -> None:
    assert not [e for e in code("Dia tewas dalam kecelakaan lalu lintas.") if e.event == "ASSAULT"]


def test_counted_people_take_the_country_of_the_setting(code) -> None:
    e = _one(code("Polisi menangkap 12 orang di Kenya."), "COERCE")
    assert _c(e.recipient) == {"KEN"} and e.recipient[0].sector == "CVL"


def test_a_pair_stands_for_the_two_last_countries(code) -> None:
    events = code("Jepang dan Korea Selatan berunding di Seoul. Kedua negara kemudian menandatangani "
                  "perjanjian perikanan.")
    e = [x for x in events if x.trigger.text == "menandatangani"][0]
    assert _c(e.actor) == {"JPN", "KOR"} and not e.recipient


def test_a_pair_needs_two_countries(code) -> None:
    events = code("PBB menyerukan kedua belah pihak untuk menahan diri.")
    assert all(_c(e.actor) <= {"UNO", ""} for e in events if e.event == "REQUEST")


def test_withdrawal_from_a_country(code) -> None:
    e = _one(code("Polandia menarik pasukannya dari Irak."), "RETREAT")
    assert _c(e.actor) == {"POL"} and _c(e.recipient) == {"IRQ"}


def test_counterpart_from_a_country(code) -> None:
    e = _one(code("Menteri Luar Negeri Jerman bertemu dengan mitranya dari Suriah di Damaskus."), "CONSULT")
    assert _c(e.actor) == {"DEU"} and _c(e.recipient) == {"SYR"}


def test_crowds_and_detainees(code) -> None:
    e = _one(code("Ribuan orang berunjuk rasa di Islamabad."), "PROTEST")
    assert _c(e.actor) == {"PAK"}
    e = _one(code("Polisi Thailand menangkap seorang tersangka di Bangkok."), "COERCE")
    assert _c(e.recipient) == {"THA"}


def test_reaching_an_agreement(code) -> None:
    e = _one(code("Iran mencapai kesepakatan dengan IAEA mengenai inspeksi."), "AGREE")
    assert e.quad == 1 and _c(e.actor) == {"IRN"} and _c(e.recipient) == {"IGO"}


@pytest.mark.parametrize("text, src", [
    ("Gilani mengecam India.", {"PAK"}),
    ("Barzani mengecam Turki.", {"IRQ"}),
    ("Harper mengkritik Rusia.", {"CAN"}),
    ("Hun Sen mengkritik Thailand.", {"KHM"}),
])
def test_2000s_office_holders(code, text, src) -> None:
    events = [e for e in code(text) if e.event == "ACCUSE"]
    assert events and _c(events[0].actor) == src


def test_sect_word_between_group_and_yang(code) -> None:
    e = _one(code("Gerilyawan Syiah yang menyerbu kantor polisi Irak itu ditangkap."), "ASSAULT")
    assert e.actor and e.actor[0].sector == "REB" and _c(e.recipient) == {"IRQ"}


def test_shooting_then_killing_is_one_attack(code) -> None:
    events = [e for e in code("Tentara Kolombia melepaskan tembakan ke arah sebuah mobil, sehingga menewaskan "
                              "dua pemberontak FARC.") if e.event == "ASSAULT"]
    assert len(events) == 1 and _c(events[0].actor) == {"COL"} and _c(events[0].recipient) == {"COL"}


def test_an_attack_noun_then_its_toll_is_one_attack(code) -> None:
    events = [e for e in code("Serangan Rusia ke Georgia menewaskan tujuh orang.") if e.event == "ASSAULT"]
    assert len(events) == 1 and _c(events[0].actor) == {"RUS"} and _c(events[0].recipient) == {"GEO"}


def test_coalition_parties_and_military_personnel(code) -> None:
    e = _one(code("Presiden Kenya mendapat dukungan partai-partai koalisi."), "SUPPORT")
    assert e.actor[0].sector == "PTY" and _c(e.recipient) == {"KEN"}
    e = _one(code("Personel militer Mesir menyerbu kantor partai itu."), "ASSAULT")
    assert _c(e.actor) == {"EGY"} and e.actor[0].sector == "MIL"


def test_sending_troops_without_a_destination_is_mobilisation(code) -> None:
    e = _one(code("Pakistan mengirimkan 2.000 tentara."), "MOBILIZE")
    assert e.quad == 4 and _c(e.actor) == {"PAK"} and not e.recipient
    e = _one(code("Spanyol mengirim pasukan ke Lebanon."), "AID")
    assert _c(e.recipient) == {"LBN"}


def test_postponed_talks_reduce_relations_with_the_partner(code) -> None:
    events = code("Suriah menunda perundingan dengan Turki.")
    e = _one(events, "SANCTION")
    assert _c(e.actor) == {"SYR"} and _c(e.recipient) == {"TUR"}
    assert not [x for x in events if x.event == "CONSULT"]


def test_cancelled_visit_is_aimed_at_the_host(code) -> None:
    e = _one(code("Korea Selatan membatalkan kunjungan ke Jepang."), "REJECT")
    assert _c(e.recipient) == {"JPN"}


@pytest.mark.parametrize("text, etype, src, tgt", [
    ("Menteri Luar Negeri Jepang bertatap muka dengan Menteri Luar Negeri India.", "CONSULT", {"JPN"}, {"IND"}),
    ("Presiden Filipina menyambangi Vietnam.", "CONSULT", {"PHL"}, {"VNM"}),
    ("Norwegia menjadi penengah antara Sri Lanka dan Macan Tamil.", "CONSULT", {"NOR"}, {"LKA"}),
    ("Inggris menekan Zimbabwe agar menggelar pemilu yang bebas.", "REQUEST", {"GBR"}, {"ZWE"}),
    ("Arab Saudi memulangkan ratusan pekerja Filipina.", "COERCE", {"SAU"}, {"PHL"}),
])
def test_meeting_visiting_mediating_pressing_repatriating(code, text, etype, src, tgt) -> None:
    e = _one(code(text), etype)
    assert _c(e.actor) == src and _c(e.recipient) - {""} == tgt


def test_pressing_down_prices_is_no_demand(code) -> None:
    assert not [e for e in code("Pemerintah Thailand berusaha menekan inflasi.") if e.event == "REQUEST"]


def test_a_toll_clause_belongs_to_the_attack_before_it(code) -> None:
    events = [e for e in code("Serangan udara Rusia terhadap sebuah pasar di Suriah, yang menewaskan 15 orang, "
                              "dikecam PBB.") if e.event == "ASSAULT"]
    assert len(events) == 1 and _c(events[0].actor) == {"RUS"}


def test_object_clitic_is_the_latest_other_actor(code) -> None:
    e = _one(code("Erdogan menelepon Putin dan mendesaknya untuk menahan diri."), "REQUEST")
    assert _c(e.actor) == {"TUR"} and _c(e.recipient) == {"RUS"}


def test_sports_pressure_and_runs_are_no_events(code) -> None:
    events = code("Madrid terus menekan pertahanan Barcelona. Pemain itu menusuk dari sisi kanan.")
    assert not [e for e in events if e.event in ("REQUEST", "ASSAULT")]


def test_a_signed_clitic_is_a_document(code) -> None:
    events = code("Menteri Hukum mengatakan Presiden Kenya belum menandatanganinya.")
    assert all(not e.recipient for e in events if e.trigger.text == "menandatanganinya")


@pytest.mark.parametrize("text,verb,doer", [
    ("Ukraina menuduh Rusia mendeportasi anak-anak dari wilayah pendudukan.", "mendeportasi", {"RUS"}),
    ("Israel menuduh Hamas telah menembakkan roket ke Tel Aviv.", "menembakkan", {"PSE"}),
])
def test_the_accused_is_the_doer_of_the_act_it_is_accused_of(code, text, verb, doer) -> None:
    act = [e for e in code(text) if e.trigger.text == verb]
    assert act and countries(act[0].actor) == doer
