"""Common verbs and nouns of Indonesian political news, one sentence (written for this test) per lexicon entry
added for coverage: the type, quad class and the sides' countries must come out."""

from __future__ import annotations

import pytest

from tests.event_helpers import countries, make_code, one


@pytest.fixture(scope="module")
def code():
    return make_code("2008-03-01")


@pytest.mark.parametrize("text, etype, quad, src, tgt", [
    ("Jepang menyetujui usulan Korea Selatan tentang patroli bersama.", "AGREE", 1, {"JPN"}, {"KOR"}),
    ("Menteri Luar Negeri Australia bertolak ke Jakarta untuk membahas kerja sama keamanan.", "CONSULT", 1,
     {"AUS"}, {"IDN"}),
    ("Liga Arab merestui rencana Mesir.", "SUPPORT", 1, {"IGO"}, {"EGY"}),
    ("Singapura menghargai langkah Malaysia.", "SUPPORT", 1, {"SGP"}, {"MYS"}),
    ("Milisi itu bersekutu dengan tentara Sudan.", "COOPERATE", 2, {"SDN"}, {"SDN"}),
    ("Jepang menghibahkan dana kepada Timor Leste.", "AID", 2, {"JPN"}, {"TLS"}),
    ("Uni Eropa menganjurkan Serbia agar bekerja sama dengan pengadilan.", "REQUEST", 1, {"EUR"}, {"SRB"}),
    ("China mendorong Korea Utara untuk kembali ke meja perundingan.", "REQUEST", 1, {"CHN"}, {"PRK"}),
    ("Presiden Prancis menegur Italia atas kebijakan imigrasinya.", "ACCUSE", 3, {"FRA"}, {"ITA"}),
    ("Kementerian Luar Negeri Rusia menyanggah tuduhan Georgia.", "REJECT", 3, {"RUS"}, {"GEO"}),
    ("Mesir memanggil pulang duta besarnya dari Israel.", "SANCTION", 4, {"EGY"}, {"ISR"}),
    ("Polisi Malaysia membekuk dua anggota Jemaah Islamiyah.", "COERCE", 4, {"MYS"}, {"IDN"}),
    ("Polisi Thailand meringkus tiga warga Kamboja di perbatasan.", "COERCE", 4, {"THA"}, {"KHM"}),
    ("Spanyol mengekstradisi seorang anggota ETA ke Prancis.", "COERCE", 4, {"ESP"}, {"ESP"}),
    ("Rusia mencaplok sebagian wilayah Ukraina.", "COERCE", 4, {"RUS"}, {"UKR"}),
    ("Pemerintah Filipina memerangi kelompok Abu Sayyaf.", "ASSAULT", 4, {"PHL"}, {"PHL"}),
    ("Presiden Prancis menyindir Perdana Menteri Italia soal imigrasi.", "ACCUSE", 3, {"FRA"}, {"ITA"}),
    ("Kedutaan Besar Amerika Serikat mempolisikan seorang warga Rusia.", "ACCUSE", 3, {"USA"}, {"RUS"}),
    ("Polisi Malaysia menggeledah kedutaan besar Korea Utara.", "COERCE", 4, {"MYS"}, {"PRK"}),
    ("Pemerintah Kamboja menggusur warga Vietnam dari tepi danau.", "COERCE", 4, {"KHM"}, {"VNM"}),
])
def test_common_verbs(code, text, etype, quad, src, tgt) -> None:
    e = one(code(text), etype)
    assert e.quad == quad
    assert countries(e.actor) - {""} == src and countries(e.recipient) - {""} == tgt


@pytest.mark.parametrize("text, etype", [
    ("Ekstradisi tersangka itu oleh Singapura ke Indonesia tertunda.", "COERCE"),
    ("Aneksasi Rusia atas Krimea dikecam banyak negara.", "COERCE"),
    ("Teguran Amerika Serikat terhadap Israel mengejutkan.", "ACCUSE"),
    ("Pembekuan aset Iran oleh Uni Eropa berlaku mulai Senin.", "SANCTION"),
    ("Presiden Vietnam memberikan amnesti kepada tiga ribu narapidana.", "RETREAT"),
    ("Rapat kerja Komisi I DPR dengan Menteri Pertahanan berlangsung tertutup.", "CONSULT"),
    ("Kontak tembak antara tentara Filipina dan kelompok Abu Sayyaf terjadi di Sulu.", "ASSAULT"),
    ("Jaksa Malaysia mengusut kasus korupsi mantan Perdana Menteri Najib Razak.", "ACCUSE"),
    ("Polisi Thailand mengamankan tiga pelaku penyelundupan.", "COERCE"),
    ("Partai Buruh Inggris mengusung calon perdana menteri yang baru.", "SUPPORT"),
    ("Menteri Luar Negeri Jepang berkoordinasi dengan Korea Selatan soal rudal itu.", "CONSULT"),
    ("Presiden Peru mencopot Menteri Dalam Negeri Peru.", "COERCE"),
    ("Israel dan Hamas saling serang sepanjang malam.", "ASSAULT"),
    ("Pemerintah Qatar menengahi perundingan Israel dan Hamas.", "CONSULT"),
    ("Polisi Malaysia memburu tersangka pembunuh warga Korea Utara.", "COERCE"),
])
def test_common_nouns(code, text, etype) -> None:
    e = one(code(text), etype)
    assert e.actor or e.recipient


@pytest.mark.parametrize("text", [
    "Kebijakan itu mendorong pertumbuhan ekonomi Indonesia.",  # push up, not urge
    "DPR menyetujui rancangan undang-undang anggaran.",  # no one is agreed with
    "Tim nasional terbang ke Jakarta pada Senin.",  # a team's trip is no visit
    "Polisi Thailand mengamankan lokasi kejadian.",  # securing a place detains no one
])
def test_not_events(code, text) -> None:
    assert not code(text)


def test_taking_over_a_company_share_is_no_annexation(code) -> None:
    assert not code("Perusahaan asal Jepang itu mencaplok hak partisipasi di blok migas.")


def test_fighting_an_abstract_evil_is_no_attack(code) -> None:
    assert not code("Indonesia bertekad memerangi pencurian ikan dan korupsi.")


@pytest.mark.parametrize("text, etype, quad, src, tgt", [
    ("Para penyerang menembaki sebuah pos polisi Afghanistan.", "ASSAULT", 4, set(), {"AFG"}),
    ("Perompak membajak sebuah kapal tanker Jepang.", "ASSAULT", 4, set(), {"JPN"}),
    ("Amerika Serikat memblokir rancangan resolusi Rusia tentang Suriah.", "REJECT", 3, {"USA"}, {"RUS"}),
    ("Ratusan mahasiswa membakar bendera Israel di Jakarta.", "PROTEST", 4, {"IDN"}, {"ISR"}),
    ("India mengirim kapal perang ke Teluk Aden.", "MOBILIZE", 4, {"IND"}, set()),
])
def test_more_common_constructions(code, text, etype, quad, src, tgt) -> None:
    e = one(code(text), etype)
    assert e.quad == quad
    assert countries(e.actor) - {""} == src and countries(e.recipient) - {""} == tgt


def test_groups_of_states_take_no_country(code) -> None:
    e = one(code("Sejumlah negara Barat menjatuhkan sanksi terhadap pemerintah Myanmar."), "SANCTION")
    assert countries(e.actor) == {""} and countries(e.recipient) == {"MMR"}


def test_naming_a_suspect_is_a_charge(code) -> None:
    e = one(code("Kejaksaan Agung menetapkan mantan Menteri Pertanian Thailand sebagai tersangka."), "ACCUSE")
    assert e.cameo == "1121" and countries(e.recipient) == {"THA"}
    assert "ACCUSE" not in [e.event for e in code("Pemerintah menetapkan harga baru bahan bakar.")]


def test_a_verb_made_noun_by_nya_does_not_end_the_object(code) -> None:
    e = one(code("Vietnam memprotes masuknya kapal nelayan China ke perairannya."), "ACCUSE")
    assert countries(e.recipient) == {"CHN"}


def test_both_sides_with_no_antecedent_still_act(code) -> None:
    e = one(code("Kedua negara sepakat untuk memperluas kerja sama di bidang energi."), "AGREE")
    assert e.actor and countries(e.actor) == {""}


def test_strengthening_ties_and_hosting_talks(code) -> None:
    e = one(code("Vietnam ingin mempererat hubungan militer dengan India."), "AGREE")
    assert e.modality == "intended" and countries(e.actor) == {"VNM"} and countries(e.recipient) == {"IND"}
    e = one(code("Norwegia bersedia menjadi tuan rumah perundingan damai Sri Lanka."), "AGREE")
    assert countries(e.actor) == {"NOR"}
    # a tournament's host, a firm's ties: no event
    assert not code("Qatar menjadi tuan rumah Piala Dunia 2022.")
    assert not code("Perusahaan itu ingin mempererat hubungan dengan pelanggan.")


@pytest.mark.parametrize("text, etype, cameo, src", [
    ("Korea Utara melakukan uji coba rudal balistik di lepas pantai timurnya.", "MOBILIZE", "150", {"PRK"}),
    ("Iran kembali menguji coba rudal jelajah pada Kamis pagi.", "MOBILIZE", "150", {"IRN"}),
    ("Armenia dan Azerbaijan bertukar tahanan pada Minggu.", "RETREAT", "0841", {"ARM", "AZE"}),
])
def test_weapons_tests_and_prisoner_swaps(code, text, etype, cameo, src) -> None:
    e = one(code(text), etype)
    assert e.cameo == cameo and countries(e.actor) - {""} == src


def test_launching_an_attack_with_missiles_stays_an_attack(code) -> None:
    """Only a missile test is a show of force: "meluncurkan serangan rudal ke X" is the light verb's attack."""
    e = one(code("Rusia meluncurkan serangan rudal ke Kyiv pada Senin."), "ASSAULT")
    assert countries(e.actor) == {"RUS"} and countries(e.recipient) == {"UKR"}
    assert not [x for x in code("Rusia meluncurkan serangan rudal ke Kyiv pada Senin.") if x.event == "MOBILIZE"]
