"""The NER's rule components on invented sentences: person edges (ranks, "Wali Kota", initials) and the
organisation ruler's second-round rules (buildings, acronyms after a name head, competitions, names from
the other actor files and data/nlp/org_names.txt).

Where a rule corrects the statistical model, the test sets the model's (wrong) entities by hand on a Doc
and runs the component alone, so that it checks the rule whatever the model does on that sentence.
"""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from peristiwa.nlp.orgs import known_names


def _run(nlp, component: str, text: str, ents: dict[str, str] | None = None) -> list[tuple[str, str]]:
    """`component` alone on the words of `text`, with `ents` ({phrase: label}) as the model's entities."""
    words = text.split()
    tags = ["O"] * len(words)
    for phrase, label in (ents or {}).items():
        p = phrase.split()
        i = next(i for i in range(len(words)) if words[i:i + len(p)] == p)
        tags[i:i + len(p)] = [f"B-{label}"] + [f"I-{label}"] * (len(p) - 1)
    doc = nlp.get_pipe(component)(Doc(nlp.vocab, words=words, ents=tags))
    return [(e.text, e.label_) for e in doc.ents]


# -- person edges -------------------------------------------------------------------------------------

@pytest.mark.parametrize("rank", ["Kombes", "AKBP", "Irjen", "Brigjen", "Kolonel"])
def test_name_after_a_rank_is_a_person(nlp, rank):
    text = f"Kabid Humas Polda Riau {rank} Sunarto Wibisono mengatakan hal itu ."
    assert _run(nlp, "person_edges", text, {"Sunarto Wibisono": "ORG"}) == [("Sunarto Wibisono", "PER")]
    # the rank is not part of the person's name (NERGrit's convention)
    assert _run(nlp, "person_edges", text, {f"{rank} Sunarto Wibisono": "PER"}) == [("Sunarto Wibisono", "PER")]


def test_acronym_after_a_rank_stays_an_organisation(nlp):
    text = "Letjen TNI Budi Santoso tiba di Medan ."
    assert _run(nlp, "person_edges", text, {"TNI": "ORG"}) == [("TNI", "ORG")]


def test_full_pipeline_reads_rank_and_name(nlp):
    doc = nlp("Kabid Humas Polda Sulawesi Tengah Kombes Hery Murwono mengatakan pelaku sudah ditangkap.")
    assert ("Hery Murwono", "PER") in [(e.text, e.label_) for e in doc.ents]


def test_wali_kota_keeps_kota_in_the_title(nlp):
    text = "Wali Kota Tegalsari Budi Harjono meresmikan pasar itu ."
    ents = _run(nlp, "person_edges", text, {"Kota Tegalsari": "LOC", "Budi Harjono": "PER"})
    assert ents == [("Tegalsari", "LOC"), ("Budi Harjono", "PER")]
    # elsewhere "Kota" stays in the place's name
    assert _run(nlp, "person_edges", "Ia tinggal di Kota Tegalsari .", {"Kota Tegalsari": "LOC"}) == [
        ("Kota Tegalsari", "LOC")]


def test_initials_with_an_age_are_a_person(nlp):
    text = "Polisi menangkap RH ( 34 ) dan istrinya di rumah mereka ."
    assert _run(nlp, "person_edges", text) == [("RH", "PER")]
    # an acronym before a year is no person
    assert _run(nlp, "person_edges", "Ia lulus SD ( 1989 ) di desa itu .") == []


# -- organisation ruler ---------------------------------------------------------------------------------

def test_body_in_its_building_is_the_entity(nlp):
    text = "Sidang digelar di Gedung MK pada Kamis ."
    assert _run(nlp, "org_ruler", text, {"Gedung MK": "LOC"}) == [("MK", "ORG")]
    text = "Massa berkumpul di depan Kantor Komnas HAM ."
    assert _run(nlp, "org_ruler", text, {"Kantor Komnas HAM": "LOC"}) == [("Komnas HAM", "ORG")]


def test_acronym_after_a_name_head_stays_in_the_name(nlp):
    text = "Kepala Badan Litbang Kementerian PUPR meninjau jalan itu ."
    assert _run(nlp, "org_ruler", text) == [("Badan Litbang Kementerian PUPR", "ORG")]


def test_direktorat_jenderal_is_not_cut_at_jenderal(nlp):
    text = "Petugas Direktorat Jenderal Perkebunan Rakyat memeriksa lahan ."
    assert _run(nlp, "org_ruler", text) == [("Direktorat Jenderal Perkebunan Rakyat", "ORG")]


def test_known_name_inside_a_competition_is_no_entity(nlp):
    assert _run(nlp, "org_ruler", "Klub itu tersingkir dari Piala UEFA musim lalu .") == []
    assert _run(nlp, "org_ruler", "Mereka bermain di AFC Cup tahun depan .") == []
    assert _run(nlp, "org_ruler", "Sanksi dijatuhkan oleh UEFA kemarin .") == [("UEFA", "ORG")]


def test_names_the_press_uses_for_other_things_are_skipped(nlp):
    assert _run(nlp, "org_ruler", "Siswa kelas enam mengikuti UN pekan depan .") == []
    assert _run(nlp, "org_ruler", "Pesawat TNI AU mendarat di Halim .") == [("TNI AU", "ORG")]
    # "Antara" opening a sentence is the preposition; later in it the news agency
    assert _run(nlp, "org_ruler", "Antara lain beras dan gula .") == []
    assert _run(nlp, "org_ruler", "Hal itu dilaporkan Antara kemarin .") == [("Antara", "ORG")]


def test_person_keeps_a_known_name_inside_it(nlp):
    text = "Film itu dibintangi Oka Antara dan Fanny Fabriana ."
    ents = {"Oka Antara": "PER", "Fanny Fabriana": "PER"}
    assert _run(nlp, "org_ruler", text, ents) == [("Oka Antara", "PER"), ("Fanny Fabriana", "PER")]


def test_person_the_model_ran_into_an_organisation_keeps_its_name(nlp):
    text = "Mobil itu di tangan legislator Fraksi Hanura Suparman Wijaya ."
    ents = _run(nlp, "org_ruler", text, {"Fraksi Hanura Suparman Wijaya": "PER"})
    assert ents == [("Fraksi Hanura", "ORG"), ("Suparman Wijaya", "PER")]


@pytest.mark.parametrize("board", ["DPD Golkar", "DPD Partai Golkar", "DPC PDI-P", "DPW PKB", "DPD Gerindra"])
def test_a_party_regional_board_is_one_organisation(nlp, board):
    from peristiwa.actors import ActorResolver, load_lexicon

    text = f"Ketua {board} Sulawesi Tengah Hendra Wiratama membuka rapat ."
    # the model reads the party alone; "DPD" alone is the regional senate (a legislature)
    party = board.split(maxsplit=1)[1]
    ents = {party: "ORG", "Sulawesi Tengah": "LOC", "Hendra Wiratama": "PER"}
    assert _run(nlp, "org_ruler", text, ents) == [(board, "ORG"), ("Sulawesi Tengah", "LOC"), ("Hendra Wiratama", "PER")]
    words = text.split()
    tags = ["O"] * len(words)
    at = words.index("Sulawesi")
    tags[at:at + 4] = ["B-LOC", "I-LOC", "B-PER", "I-PER"]
    doc = nlp.get_pipe("org_ruler")(Doc(nlp.vocab, words=words, ents=tags))
    # the board's chair is one actor with the party's country and sector, the region between them his board's
    m = next(m for m in ActorResolver(load_lexicon()).annotate(doc, "2019-06-01").mentions if board in m.actor.text)
    assert (m.actor.text, m.actor.name, m.actor.country, m.actor.sector) == (
        f"Ketua {board} Sulawesi Tengah Hendra Wiratama", "Hendra Wiratama", "IDN", "PTY")


def test_a_survey_institute_is_one_organisation(nlp):
    text = "Survei Indo Barometer yang dipaparkan Rahmat Sudibyo menunjukkan elektabilitasnya naik ."
    assert _run(nlp, "org_ruler", text, {"Indo": "LOC", "Rahmat Sudibyo": "PER"}) == [
        ("Indo Barometer", "ORG"), ("Rahmat Sudibyo", "PER")]


def test_an_association_and_its_acronym_are_organisations(nlp):
    text = "Organisasi Angkutan Darat ( Organda ) menolak kenaikan tarif , kata Yusuf Harahap ."
    assert _run(nlp, "org_ruler", text, {"Yusuf Harahap": "PER"}) == [
        ("Organisasi Angkutan Darat", "ORG"), ("Organda", "ORG"), ("Yusuf Harahap", "PER")]


def test_a_state_company_unit_and_an_international_body_are_read_whole(nlp):
    # the model reads the parent company's name only
    text = "Pertamina Hulu Rokan mengebor sumur baru di Riau ."
    assert _run(nlp, "org_ruler", text, {"Pertamina": "ORG", "Riau": "LOC"}) == [
        ("Pertamina Hulu Rokan", "ORG"), ("Riau", "LOC")]
    # an Indonesian name of a body abroad (data/nlp/org_names.txt)
    text = "Organisasi Pelarangan Senjata Kimia mengirim tim ke Suriah ."
    assert _run(nlp, "org_ruler", text, {"Suriah": "LOC"}) == [
        ("Organisasi Pelarangan Senjata Kimia", "ORG"), ("Suriah", "LOC")]


@pytest.mark.parametrize("name", ["PBB", "Hamas", "Human Rights Watch", "Persipura Jayapura", "PSSI", "Google",
                                  "Reuters"])
def test_names_from_the_other_lists_are_organisations(nlp, name):
    assert name in known_names()
    doc = nlp(f"Pernyataan {name} itu disampaikan kemarin di Jakarta.")
    assert (name, "ORG") in [(e.text, e.label_) for e in doc.ents], [(e.text, e.label_) for e in doc.ents]


@pytest.mark.parametrize("rank", ["Kombes Pol", "Jenderal Polisi", "Letjen TNI", "Komisaris Besar"])
def test_rank_with_its_corps_before_a_name(nlp, rank):
    text = f"Menurut {rank} Sunarto Wibisono , pelaku sudah ditangkap ."
    assert _run(nlp, "person_edges", text, {"Sunarto Wibisono": "ORG"}) == [("Sunarto Wibisono", "PER")]


def test_jenderal_alone_is_no_rank(nlp):
    text = "Kantor Direktorat Jenderal Pajak itu ramai ."
    assert _run(nlp, "person_edges", text, {"Pajak": "ORG"}) == [("Pajak", "ORG")]


def test_embassy_with_its_city_is_one_organisation(nlp):
    from peristiwa.actors import ActorResolver, load_lexicon

    doc = nlp("KBRI Kuala Lumpur memulangkan dua puluh pekerja migran kemarin.")
    assert ("KBRI Kuala Lumpur", "ORG") in [(e.text, e.label_) for e in doc.ents]
    m = ActorResolver(load_lexicon()).annotate(doc, "2017-06-01").mentions[0]
    assert (m.actor.text, m.actor.country, m.actor.sector) == ("KBRI Kuala Lumpur", "IDN", "GOV")


@pytest.mark.parametrize("text, org", [
    ("Pelaku diamankan di Mako Ditpolair Polda Nusa Tenggara Barat kemarin .", "Ditpolair Polda Nusa Tenggara Barat"),
    ("Kasus itu kini ditangani Bareskrim Mabes Polri sejak pekan lalu .", "Bareskrim Mabes Polri"),
    ("Polisi berkoordinasi dengan Reskrim Polres Tegal untuk memburu pelaku .", "Reskrim Polres Tegal"),
])
def test_a_sub_unit_is_read_with_its_body(nlp, text, org):
    """"Ditpolair Polda NTB": the directorate with the body it belongs to is one organisation."""
    assert (org, "ORG") in _run(nlp, "org_ruler", text)


def test_two_bodies_joined_by_dan_stay_two(nlp):
    text = "Polisi berkoordinasi dengan Polres Tegal dan Kejaksaan Negeri Brebes soal kasus itu ."
    found = _run(nlp, "org_ruler", text)
    assert ("Polres Tegal", "ORG") in found and ("Kejaksaan Negeri Brebes", "ORG") in found
    # a connector inside one name still joins its words
    assert ("Kementerian Kelautan dan Perikanan", "ORG") in _run(
        nlp, "org_ruler", "Kapal itu disita Kementerian Kelautan dan Perikanan pada Senin .")


def test_a_rank_after_a_unit_ends_its_name(nlp):
    text = "Kabid Humas Polda Metro Jaya Komisaris Besar Argo Yuwono mengatakan hal itu ."
    assert ("Polda Metro Jaya", "ORG") in _run(nlp, "org_ruler", text)


def test_a_local_health_office_is_an_organisation(nlp):
    """"Dinkes Banten" is a unit named by its place, also where the model took it for the place."""
    text = "Sejumlah pejabat Dinkes Banten diperiksa penyidik ."
    assert _run(nlp, "org_ruler", text, {"Dinkes Banten": "LOC"}) == [("Dinkes Banten", "ORG")]


@pytest.mark.parametrize("title", ["KH", "Habib", "Brigadir"])
def test_a_religious_title_or_rank_stays_outside_the_name(nlp, title):
    text = f"Menurut {title} Salahudin Wahid , perdamaian itu penting ."
    assert _run(nlp, "person_edges", text, {f"{title} Salahudin Wahid": "PER"}) == [("Salahudin Wahid", "PER")]


def test_raja_opens_a_name_and_is_kept(nlp):
    """"Raja" is also a first name ("Raja Juli Antoni") and the start of a place ("Raja Ampat")."""
    text = "Sekjen PSI Raja Juli Antoni mengatakan hal itu ."
    assert _run(nlp, "person_edges", text, {"Raja Juli Antoni": "PER"}) == [("Raja Juli Antoni", "PER")]


def test_the_speaker_after_a_speech_verb_is_a_person(nlp):
    text = '" Kami sudah siap , " tandas Wiranto .'
    assert _run(nlp, "person_edges", text) == [("Wiranto", "PER")]
    assert _run(nlp, "person_edges", text, {"Wiranto": "ORG"}) == [("Wiranto", "PER")]
    # a title after the verb is left to the model; so is a name that runs on
    assert _run(nlp, "person_edges", '" Kami siap , " kata Kapolri .') == []
    assert _run(nlp, "person_edges", '" Kami siap , " kata Wiranto di Jakarta .') == []


# -- place edges --------------------------------------------------------------------------------------

def test_country_variants_are_places(nlp):
    assert _run(nlp, "place_edges", "Wakil Duta Besar Korut membantah tuduhan itu .") == [("Korut", "LOC")]
    # the longer name holds the shorter place the model found
    assert _run(nlp, "place_edges", "Harta itu melebihi Kerajaan Inggris kini .", {"Inggris": "LOC"}) == [
        ("Kerajaan Inggris", "LOC")]
    # a name the model labelled otherwise keeps its label (NERGrit: "Duta Besar RI" is an ORG)
    assert _run(nlp, "place_edges", "Ia Duta Besar Bhutan di sana .", {"Bhutan": "ORG"}) == [("Bhutan", "ORG")]
    assert _run(nlp, "place_edges", "Mereka menjaga Tanah Air .") == []


def test_place_heads_join_the_name(nlp):
    assert _run(nlp, "place_edges", "Kapal berlayar menuju Semenanjung Korea .", {"Korea": "LOC"}) == [
        ("Semenanjung Korea", "LOC")]
    assert _run(nlp, "place_edges", "Gelombang tinggi di Samudera Pasifik kemarin .") == [("Samudera Pasifik", "LOC")]
    # a head inside a longer capitalised name is not the start of a place
    assert _run(nlp, "place_edges", "Kapal TNI Angkatan Laut Tegar Jaya berlayar .", {"TNI Angkatan Laut": "ORG"}) == [
        ("TNI Angkatan Laut", "ORG")]


def test_toll_road_by_its_two_ends_is_one_place(nlp):
    text = "Macet di Tol Sumberjaya - Karangrejo sejak pagi ."
    assert _run(nlp, "place_edges", text, {"Tol Sumberjaya": "LOC", "Karangrejo": "LOC"}) == [
        ("Tol Sumberjaya - Karangrejo", "LOC")]
    text = "Lahan itu untuk tol Sumberjaya - Karangrejo nanti ."
    assert _run(nlp, "place_edges", text, {"tol Sumberjaya": "LOC", "Karangrejo": "LOC"}) == [
        ("Sumberjaya - Karangrejo", "LOC")]
    # two places after a dash without a road word stay two
    assert _run(nlp, "place_edges", "Rute Sumberjaya - Karangrejo dibuka .", {"Sumberjaya": "LOC", "Karangrejo": "LOC"}) == [
        ("Sumberjaya", "LOC"), ("Karangrejo", "LOC")]


def test_seat_of_government_is_the_body(nlp):
    assert _run(nlp, "place_edges", "Gedung Putih menyatakan hal itu .", {"Gedung Putih": "LOC"}) == [
        ("Gedung Putih", "ORG")]


def test_place_edges_run_in_the_loaded_pipeline(nlp):
    names = nlp.pipe_names
    assert names.index("country_gazetteer") < names.index("place_edges") < names.index("org_ruler")


# -- organisation ruler, sixth round ---------------------------------------------------------------------

@pytest.mark.parametrize("text, org", [
    ("Ketua Umum DPP Partai Amanat Nasional itu membuka rapat .", "DPP Partai Amanat Nasional"),
    ("Juru bicara DPP Front Pembela Islam membantah kabar itu .", "DPP Front Pembela Islam"),
    ("Pengurus PP Muhammadiyah bertemu presiden kemarin .", "PP Muhammadiyah"),
])
def test_a_board_is_read_with_its_party_or_association(nlp, text, org):
    assert (org, "ORG") in _run(nlp, "org_ruler", text)


def test_ri_after_a_body_or_a_state_title(nlp):
    """"Kemenkes RI" is one organisation; "RI" after a state title is the state as an organisation (NERGrit)."""
    assert _run(nlp, "org_ruler", "Kemenkes RI menerbitkan edaran baru .") == [("Kemenkes RI", "ORG")]
    text = "Wakil Presiden RI Budi Santoso membuka acara itu ."
    assert _run(nlp, "org_ruler", text, {"RI": "LOC", "Budi Santoso": "PER"}) == [
        ("RI", "ORG"), ("Budi Santoso", "PER")]
    assert _run(nlp, "org_ruler", "Menteri Luar Negeri RI hadir .") == [("RI", "ORG")]
    # not after a lower-case word
    assert _run(nlp, "org_ruler", "Upacara HUT ke - 72 RI digelar .") == []


def test_a_ministry_or_police_named_with_its_country(nlp):
    """"Kementerian Keuangan India": the country a ministry serves is part of its name (news NER sentences)."""
    text = "Kementerian Perdagangan Vietnam menaikkan bea masuk ."
    assert _run(nlp, "org_ruler", text, {"Kementerian Perdagangan": "ORG", "Vietnam": "LOC"}) == [
        ("Kementerian Perdagangan Vietnam", "ORG")]
    assert _run(nlp, "org_ruler", "Kepolisian Norwegia menangkap dua orang .", {"Kepolisian": "ORG"}) == [
        ("Kepolisian Norwegia", "ORG")]
    # a court keeps its country apart, as NERGrit writes it
    text = "Mahkamah Konstitusi Kenya membatalkan hasil pemilu ."
    assert _run(nlp, "org_ruler", text, {"Mahkamah Konstitusi": "ORG", "Kenya": "LOC"}) == [
        ("Mahkamah Konstitusi", "ORG"), ("Kenya", "LOC")]


def test_an_office_opened_by_balai_or_a_police_by_its_place(nlp):
    text = "Ia melapor ke Balai Pemasyarakatan Kelas I Mataram sore itu ."
    assert _run(nlp, "org_ruler", text, {"Balai Pemasyarakatan Kelas I Mataram": "LOC"}) == [
        ("Balai Pemasyarakatan Kelas I Mataram", "ORG")]
    # a city hall is a building, left to the model
    assert _run(nlp, "org_ruler", "Mereka berkumpul di Balai Kota .", {"Balai Kota": "LOC"}) == [("Balai Kota", "LOC")]
    assert ("Kepolisian Kota Bekasi", "ORG") in _run(nlp, "org_ruler", "Kepolisian Kota Bekasi menutup jalan itu .")


def test_a_title_after_a_body_ends_its_name(nlp):
    text = "Pakar bahasa dari Universitas Negeri Tegalsari Profesor Budi Harjono menilai hal itu ."
    assert ("Universitas Negeri Tegalsari", "ORG") in _run(nlp, "org_ruler", text)


@pytest.mark.parametrize("text, org", [
    ("Kapal itu ditarik ke Lantamal IX Ambon kemarin .", "Lantamal IX Ambon"),
    ("Tim SAR dari Basarnas Sulawesi Tengah tiba di lokasi .", "Basarnas Sulawesi Tengah"),
    ("Lulusan Akpol tahun ini dilantik presiden .", "Akpol"),
])
def test_navy_bases_and_search_offices_with_their_place(nlp, text, org):
    assert (org, "ORG") in _run(nlp, "org_ruler", text)


def test_a_lower_case_person_or_organisation_in_cased_text_is_no_name(nlp):
    text = "Pelaku menyerang korban dengan obeng dan pisau , kata Rudi ."
    assert _run(nlp, "org_ruler", text, {"obeng": "PER", "Rudi": "PER"}) == [("Rudi", "PER")]
    # so is a lower-case place; web addresses and the lower-case names of the actor files are kept
    text = "Warga di warung nasi berkata kepada kumparan dan detik.com di sana ."
    got = _run(nlp, "org_ruler", text, {"warung nasi": "LOC", "kumparan": "ORG", "detik.com": "ORG"})
    assert got == [("kumparan", "ORG"), ("detik.com", "ORG")]
    # a sentence with no capital at all (NERP is lower-cased) keeps what the model found
    text = "rudi bertemu warga di pasar baru ."
    assert _run(nlp, "org_ruler", text, {"rudi": "PER"}) == [("rudi", "PER")]


def test_body_in_a_lower_case_building_is_the_entity(nlp):
    text = "Penyidik memeriksa saksi di gedung KPK dan di kantor Kementerian Agama , Rabu ."
    got = _run(nlp, "org_ruler", text, {"gedung KPK": "LOC", "kantor Kementerian Agama": "LOC"})
    assert got == [("KPK", "ORG"), ("Kementerian Agama", "ORG")]


@pytest.mark.parametrize("name, wrong", [("Leganes", "PER"), ("Hoffenheim", "PER"), ("Galatasaray", "LOC"),
                                         ("Sauber", "PER"), ("PC Gamer", "LOC"), ("JUARA.NET", "LOC")])
def test_clubs_teams_and_media_abroad_are_organisations(nlp, name, wrong):
    text = f"Menurut laporan {name} , tim itu kalah 0 - 2 pada Minggu ."
    assert _run(nlp, "org_ruler", text, {name: wrong}) == [(name, "ORG")]


@pytest.mark.parametrize("title", ["Raja", "Ratu", "Gus", "Paus"])
def test_a_short_title_before_one_name_word_stays_outside(nlp, title):
    text = f"Kunjungan {title} Salmanto ke Jakarta disambut warga ."
    assert _run(nlp, "person_edges", text, {f"{title} Salmanto": "PER"}) == [("Salmanto", "PER")]
    # before a longer name it is part of the name
    text = f"Politikus {title} Juli Antonio berbicara ."
    assert _run(nlp, "person_edges", text, {f"{title} Juli Antonio": "PER"}) == [(f"{title} Juli Antonio", "PER")]


def test_initials_after_a_suspect_word_or_a_rank_are_people(nlp):
    text = "Polisi menangkap tersangka berinisial JK , RW dan M di rumahnya ."
    assert _run(nlp, "person_edges", text) == [("JK", "PER"), ("RW", "PER"), ("M", "PER")]
    text = "Brigadir TM diperiksa Propam , sedangkan saudara FY belum hadir ."
    assert _run(nlp, "person_edges", text, {"TM": "ORG"}) == [("TM", "PER"), ("FY", "PER")]
    # a known organisation after such a word stays one
    text = "Saksi dari saudara KPK datang ."
    assert _run(nlp, "person_edges", text, {"KPK": "ORG"}) == [("KPK", "ORG")]


def test_products_and_works_are_no_organisations(nlp):
    text = "Xiaomi merilis Xiaomi Mi 7 , sementara Galaxy Note 8 dan film Star Wars laris ."
    got = _run(nlp, "org_ruler", text, {"Xiaomi Mi 7": "ORG", "Galaxy Note 8": "ORG", "Star Wars": "ORG"})
    assert got == [("Xiaomi", "ORG")]
    # a team's age group and a score are no model codes
    text = "Timnas PSSI U - 19 menang atas Arema FC 2 - 1 ."
    got = _run(nlp, "org_ruler", text, {"PSSI U - 19": "ORG"})
    assert ("PSSI U - 19", "ORG") in got


def test_a_hyphenated_korean_given_name_is_read_whole(nlp):
    text = "Duta Besar Korsel Cho Tae - yong bertemu Kim Jong - un di Panmunjom ."
    got = _run(nlp, "person_edges", text, {"Cho Tae": "PER", "Kim Jong": "PER", "un": "PER"})
    assert got == [("Cho Tae - yong", "PER"), ("Kim Jong - un", "PER")]
    # a common word or a doubled word after the dash is not part of the name
    text = "Aktor Robert De Niro - yang kini berusia 74 tahun - hadir ."
    assert _run(nlp, "person_edges", text, {"Robert De Niro": "PER"}) == [("Robert De Niro", "PER")]


# -- eighth round: organs with their body, media after a citing word, scores -------------------------

@pytest.mark.parametrize("text, organ", [
    ("Laporan itu diterima Dewan Etik MK pada Senin .", "Dewan Etik MK"),
    ("Ketua Komite Eksekutif PSSI membuka rapat .", "Komite Eksekutif PSSI"),
    ("Juru bicara Biro Humas KPK menjawab pertanyaan wartawan .", "Biro Humas KPK"),
    ("Ia diperiksa Tim Ahli Kementerian PANRB kemarin .", "Tim Ahli Kementerian PANRB"),
    ("Bantuan disalurkan Pusat Bantuan Kemanusiaan ASEAN ke Rakhine .", "Pusat Bantuan Kemanusiaan ASEAN"),
])
def test_an_organ_is_one_organisation_with_its_body(nlp, text, organ):
    assert (organ, "ORG") in _run(nlp, "org_ruler", text)


def test_an_organ_word_needs_a_name_of_its_own_and_a_body(nlp):
    # "Tim Persib" is the club's team: the club alone
    assert _run(nlp, "org_ruler", "Tim Persib kalah di kandang .", {"Persib": "ORG"}) == [("Persib", "ORG")]
    # a national team is a country
    text = "Tim Amerika Serikat tiba di Jakarta ."
    assert ("Tim Amerika Serikat", "ORG") not in _run(nlp, "org_ruler", text, {"Amerika Serikat": "LOC"})
    # no body named: the ruler adds nothing
    assert _run(nlp, "org_ruler", "Biro Hukum menyiapkan gugatan .") == []
    # a building word before it: the body in its building
    got = _run(nlp, "org_ruler", "Ia datang ke Kantor Pusat BNI kemarin .")
    assert ("Pusat BNI", "ORG") not in got


def test_a_rank_ends_an_organisation(nlp):
    text = "Kapolsek Tanjung Sari Ajun Komisaris Budi Santoso dan Polres Sleman Kompol Rudi hadir ."
    got = _run(nlp, "org_ruler", text, {"Budi Santoso": "PER", "Rudi": "PER"})
    assert ("Polres Sleman", "ORG") in got


@pytest.mark.parametrize("text, medium", [
    ("Seperti dilansir Billboard , album itu terjual sejuta kopi .", "Billboard"),
    ("Data itu dikutip dari Soccerway , Senin .", "Soccerway"),
    ("Menurut kantor berita Anadolu , serangan terjadi kemarin .", "Anadolu"),
])
def test_the_name_after_a_citing_word_is_a_medium(nlp, text, medium):
    assert (medium, "ORG") in _run(nlp, "org_ruler", text)


def test_a_medium_the_model_read_as_a_person_or_place_is_an_organisation(nlp):
    text = "Hal itu dikutip Independent dan diberitakan Gazzetta Sportiva ."
    got = _run(nlp, "org_ruler", text, {"Independent": "PER", "Gazzetta Sportiva": "LOC"})
    assert got == [("Independent", "ORG"), ("Gazzetta Sportiva", "ORG")]
    # a country after "kantor berita" stays a place; a day is no medium
    text = "Menurut kantor berita Iran , laporan itu dikutip Senin lalu ."
    assert _run(nlp, "org_ruler", text, {"Iran": "LOC"}) == [("Iran", "LOC")]


def test_a_score_is_not_part_of_a_team(nlp):
    text = "Hasil akhir Persegres Jaya 2 - 0 Persibo Raya di Gresik ."
    got = _run(nlp, "org_ruler", text, {"Persegres Jaya 2": "ORG", "Persibo Raya": "ORG"})
    assert ("Persegres Jaya", "ORG") in got and ("Persibo Raya", "ORG") in got


def test_a_name_before_an_age_is_a_person(nlp):
    text = "Polisi menangkap Budi Raharjo alias Ce Mong ( 37 ) dan SRT ( 24 ) , warga Bekasi ."
    got = _run(nlp, "person_edges", text, {"Budi Raharjo": "PER", "Ce Mong": "ORG", "SRT": "ORG", "Bekasi": "LOC"})
    assert got == [("Budi Raharjo", "PER"), ("Ce Mong", "PER"), ("SRT", "PER"), ("Bekasi", "LOC")]
    # in a table of points or medals the number is a tally; a country keeps its label anyway
    text = "Arsenal mengoleksi 45 poin , di atas Wiganton ( 44 ) dan Vietnam ( 40 ) ."
    got = _run(nlp, "person_edges", text, {"Arsenal": "ORG", "Wiganton": "ORG", "Vietnam": "LOC"})
    assert got == [("Arsenal", "ORG"), ("Wiganton", "ORG"), ("Vietnam", "LOC")]
    text = "Tim Vietnam ( 20 ) tiba di Hanoi ."
    assert _run(nlp, "person_edges", text, {"Vietnam": "LOC", "Hanoi": "LOC"}) == [("Vietnam", "LOC"), ("Hanoi", "LOC")]


def test_an_acronym_in_brackets_is_what_its_words_are(nlp):
    # spelt by the name of a body: both are organisations
    text = "Dana itu dari Sunda Growth Corporation ( SGC ) dan Tim Pencari Fakta Gabungan ( TPFG ) ."
    got = _run(nlp, "org_ruler", text)
    assert got == [("Sunda Growth Corporation", "ORG"), ("SGC", "ORG"), ("Tim Pencari Fakta Gabungan", "ORG"),
                   ("TPFG", "ORG")]
    # spelt by a product, a measure or a number's name: the acronym is no organisation
    text = "Harga Rokok Kretek Mesin ( RKM ) naik , kata pengelola independent power producer ( IPP ) ."
    assert _run(nlp, "org_ruler", text, {"RKM": "ORG", "IPP": "ORG"}) == []
    # a kind of body is none either; a known organisation's acronym stays
    text = "Badan Usaha Milik Negara ( BUMN ) dan Komisi Pemilihan Umum ( KPU ) hadir ."
    got = _run(nlp, "org_ruler", text, {"BUMN": "ORG"})
    assert ("BUMN", "ORG") not in got and ("KPU", "ORG") in got


def test_a_title_after_a_word_for_a_work_is_no_entity(nlp):
    text = "Ia tampil dalam film Kapal Senja Raya dan menyanyikan lagu ' Malam Panjang ' ."
    got = _run(nlp, "org_ruler", text, {"Kapal Senja Raya": "ORG", "Malam Panjang": "PER"})
    assert got == []
    # the maker, the artist or the country after such a word stays
    text = "Ia menonton film Disney , album Rudi Hartono dan film Indonesia ."
    ents = {"Disney": "ORG", "Rudi Hartono": "PER", "Indonesia": "LOC"}
    assert _run(nlp, "org_ruler", text, ents) == list(ents.items())
    # lower-cased text (NERP writes titles as organisations) keeps what the model found
    text = "ia tampil dalam film kapal senja raya ."
    assert _run(nlp, "org_ruler", text, {"kapal senja raya": "ORG"}) == [("kapal senja raya", "ORG")]


@pytest.mark.parametrize("name, wrong", [("Transfermarkt", "PER"), ("Payfazz", "LOC"), ("Saracen", "PER"),
                                         ("Gazzetta dello Sport", "LOC")])
def test_eighth_round_media_firms_and_groups_are_organisations(nlp, name, wrong):
    text = f"Data itu berasal dari {name} , kata polisi pada Senin ."
    assert _run(nlp, "org_ruler", text, {name: wrong}) == [(name, "ORG")]
