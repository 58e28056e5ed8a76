"""The Indonesian structure rules one by one: datelines, bylines, captions, dates, chrome, repeats."""

from __future__ import annotations

import pytest

from peristiwa.article import build_article
from peristiwa.article.byline import parse_byline
from peristiwa.article.captions import parse_caption
from peristiwa.article.dateline import split_dateline
from peristiwa.article.published import find_date, is_date_line
from peristiwa.article.resources import rules
from peristiwa.schema import Document

R = rules()


@pytest.mark.parametrize(("paragraph", "outlet", "place", "wire", "rest"), [
    ("Bisnis.com, WASHINGTON - Amerika Serikat memberi sinyal.", "Bisnis.com", "WASHINGTON", None,
     "Amerika Serikat memberi sinyal."),
    ("JAKARTA, KOMPAS.com - Menteri Luar Negeri bertemu mitranya.", "Kompas.com", "JAKARTA", None,
     "Menteri Luar Negeri bertemu mitranya."),
    ("Jakarta, CNN Indonesia -- Kemlu mengecam serangan itu.", "CNN Indonesia", "Jakarta", None,
     "Kemlu mengecam serangan itu."),
    ("TEMPO.CO, Jakarta - Pemerintah menandatangani perjanjian.", "Tempo.co", "Jakarta", None,
     "Pemerintah menandatangani perjanjian."),
    ("Liputan6.com, Jakarta - Presiden melantik menteri baru.", "Liputan6.com", "Jakarta", None,
     "Presiden melantik menteri baru."),
    ("REPUBLIKA.CO.ID, JAKARTA -- KPU menunda pemungutan suara.", "Republika", "JAKARTA", None,
     "KPU menunda pemungutan suara."),
    ("Jakarta (ANTARA) - Presiden menerima kunjungan.", "Antara", "Jakarta", "Antara",
     "Presiden menerima kunjungan."),
    ("Jakarta - Ribuan mahasiswa berunjuk rasa.", None, "Jakarta", None, "Ribuan mahasiswa berunjuk rasa."),
    ("ARAB SAUDI – Raja Salman menerima tamu.", None, "ARAB SAUDI", None, "Raja Salman menerima tamu."),
    ("WASHINGTON (Reuters) - The United States said on Tuesday.", "Reuters", "WASHINGTON", "Reuters",
     "The United States said on Tuesday."),
    ("KUALA LUMPUR (Reuters) - Thailand and Cambodia agreed.", "Reuters", "KUALA LUMPUR", "Reuters",
     "Thailand and Cambodia agreed."),
    ("LONDON, Oct 21 (Reuters) - Britain summoned the envoy.", "Reuters", "LONDON", "Reuters",
     "Britain summoned the envoy."),
    ("KOMPAS.com - Presiden melantik duta besar.", "Kompas.com", None, None, "Presiden melantik duta besar."),
    ("Jakarta, CNBC Indonesia - Menteri Keuangan menyampaikan.", "CNBC Indonesia", "Jakarta", None,
     "Menteri Keuangan menyampaikan."),
    ("TRIBUNNEWS.COM, JAKARTA - Polisi menangkap tersangka.", "Tribunnews.com", "JAKARTA", None,
     "Polisi menangkap tersangka."),
])
def test_dateline_forms(paragraph, outlet, place, wire, rest):
    dateline, got_rest = split_dateline(paragraph, R)
    assert dateline is not None
    assert (dateline.outlet, dateline.place, dateline.wire_source) == (outlet, place, wire)
    assert got_rest == rest


@pytest.mark.parametrize("paragraph", [
    "Presiden Joko Widodo mengatakan - entah mengapa - bahwa ia setuju.",
    "Menurut Sugiono, kedua menteri sepakat mendorong konsensus.",
    "Sebanyak 29 penerbangan dibatalkan.",
    # a name and a dash (news text as IndoSum spaces its hyphens) open a sentence, not a dateline
    "Menurut Eugenia Oviedo - peneliti itu - tidak ada bukti.",
    "Perserikatan Bangsa - Bangsa ( PBB ) mengecam serangan itu.",
    "Negara - Negara anggota ASEAN sepakat.",
    "Abu Afghan Al - Baghdadi tewas dalam serangan udara.",
])
def test_prose_is_not_a_dateline(paragraph):
    assert split_dateline(paragraph, R) == (None, paragraph)


@pytest.mark.parametrize(("line", "kind", "value"), [
    ("Penulis : Newswire", "author", "Newswire"),
    ("Editor : Saeno", "editor", "Saeno"),
    ("Sumber : Antara", "wire_source", "Antara"),
    ("Pewarta: Yohanes Seran", "author", "Yohanes Seran"),
    ("Redaktur : Fitriyan Zamzami", "editor", "Fitriyan Zamzami"),
    ("| Penulis | : Nabilla Tashandra |", "author", "Nabilla Tashandra"),
    ("Sumber: Pemerintah Kota Cekmekoy", "source", "Pemerintah Kota Cekmekoy"),
    ("Sumber: Reuters", "wire_source", "Reuters"),
])
def test_byline_lines(line, kind, value):
    got = parse_byline(line, R)
    assert got is not None and (got.kind, got.value) == (kind, value)


def test_wire_credit_line():
    art = build_article(_text_doc("Thailand and Cambodia Extend Truce\n"
                                  "KUALA LUMPUR (Reuters) - Thailand and Cambodia agreed on Sunday to extend a truce.\n"
                                  "Reporting by Rozanna Latiff; Writing by Kay Johnson; Editing by Martin Petty"))
    assert (art.author, art.editor, art.wire_source) == ("Rozanna Latiff", "Martin Petty", "Reuters")
    assert art.removed == ["Reporting by Rozanna Latiff; Writing by Kay Johnson; Editing by Martin Petty"]


def test_a_sentence_is_not_a_byline():
    assert parse_byline("Sumber: para diplomat mengatakan Turki telah memasok drone dan truk ke Tripoli", R) is None
    assert parse_byline("Editor senior itu mengundurkan diri kemarin.", R) is None


@pytest.mark.parametrize(("line", "text_end", "credit"), [
    ("Tentara Nasional Libya meninggalkan Benghazi untuk menggempur Tripoli./Reuters-Esam Omran Al Fetori",
     "menggempur Tripoli.", "Reuters-Esam Omran Al Fetori"),
    ("Penyanyi Taylor Swift memeluk Selena Gomez di karpet merah, Senin (15/2). (REUTERS / Danny Moloshok)",
     "Senin (15/2).", "REUTERS / Danny Moloshok"),
    ("Warga antre bantuan di posko pengungsian Atambua, Senin (27/10/2025). (ANTARA FOTO/Kornelis Kaha/nym)",
     "Senin (27/10/2025).", "ANTARA FOTO/Kornelis Kaha/nym"),
])
def test_captions_with_credit(line, text_end, credit):
    cap = parse_caption(line, R)
    assert cap is not None
    assert cap.text.endswith(text_end) and cap.credit == credit


def test_quote_ending_in_parentheses_is_not_a_caption():
    assert parse_caption('"Kami akan hadir," kata Menteri Luar Negeri Sugiono (kiri) kepada wartawan.', R) is None


@pytest.mark.parametrize(("text", "date"), [
    ("Rabu, 11 Desember 2019 | 08:15 WIB", "2019-12-11"),
    ("Selasa (21/10/2025)", "2025-10-21"),
    ("Selasa, 23/02/2016 15:32 WIB", "2016-02-23"),
    ("Kamis, 23 Okt 2025 16:40 WIB", "2025-10-23"),
    ("2025-10-21T14:25:00+07:00", "2025-10-21"),
    ("October 21, 2025", "2025-10-21"),
    ("Jumat, 7 Pebruari 2017", "2017-02-07"),
])
def test_published_dates(text, date):
    assert find_date(text, R) == date
    assert is_date_line(text, R) == date


def test_a_date_inside_prose_is_no_date_line():
    line = "Presiden Prabowo menerima kunjungan Perdana Menteri Australia di Istana Merdeka, Jumat (24/10/2025)."
    assert find_date(line, R) == "2025-10-24"
    assert is_date_line(line, R) is None
    assert find_date("Hari ini 31/02/2025 bukan tanggal", R) is None


def _text_doc(text: str, **kw) -> Document:
    return Document(doc_id="t", source="t.txt", kind="text", text=text, **kw)


def test_chrome_lines_are_removed_and_listed():
    text = "\n".join([
        "Kemlu Panggil Dubes Myanmar",
        "Jakarta - Kementerian Luar Negeri memanggil Duta Besar Myanmar, Rabu (22/10/2025).",
        "SCROLL TO CONTINUE WITH CONTENT",
        "Baca juga: Junta Myanmar Perpanjang Status Darurat",
        '"Kami meminta penjelasan resmi," kata juru bicara Kemlu.',
        "ADVERTISEMENT",
        "Simak juga Video: Menlu Bertemu Dubes",
        "Pemanggilan itu berlangsung satu jam.",
        "(rna/idn)",
    ])
    art = build_article(_text_doc(text))
    assert art.title == "Kemlu Panggil Dubes Myanmar"
    assert art.dateline_place == "Jakarta"
    assert art.text.split("\n\n") == [
        "Kementerian Luar Negeri memanggil Duta Besar Myanmar, Rabu (22/10/2025).",
        '"Kami meminta penjelasan resmi," kata juru bicara Kemlu.',
        "Pemanggilan itu berlangsung satu jam."]
    assert art.removed == ["SCROLL TO CONTINUE WITH CONTENT", "Baca juga: Junta Myanmar Perpanjang Status Darurat",
                           "ADVERTISEMENT", "Simak juga Video: Menlu Bertemu Dubes", "(rna/idn)"]


def test_lines_repeated_within_a_page():
    text = "\n".join([
        "Gabung Kanal Kami Sekarang",
        "Judul Berita Tentang Pemilu",
        "KPU menetapkan jadwal pemungutan suara ulang di tiga kabupaten pekan depan.",
        "Gabung Kanal Kami Sekarang",
        "Bawaslu meminta semua pihak menjaga ketertiban selama tahapan berlangsung.",
        "KPU menetapkan jadwal pemungutan suara ulang di tiga kabupaten pekan depan.",
        "Gabung Kanal Kami Sekarang",
    ])
    art = build_article(_text_doc(text))
    assert "Gabung Kanal" not in art.text
    assert art.removed.count("Gabung Kanal Kami Sekarang") == 3
    # a repeated news sentence is kept once
    assert art.text.count("KPU menetapkan jadwal") == 1
    assert art.text.endswith("selama tahapan berlangsung.")


def test_section_label_above_the_headline():
    art = build_article(_text_doc("Politik\nDPR Sahkan RUU Penyiaran\n"
                                  "Jakarta - DPR mengesahkan revisi undang-undang penyiaran dalam rapat paripurna.\n"
                                  "Sejumlah fraksi menyampaikan catatan."))
    assert art.title == "DPR Sahkan RUU Penyiaran"
    assert art.removed == ["Politik"]
    assert art.lead.startswith("DPR mengesahkan")


def test_related_link_lists_are_removed_up_to_the_next_sentence():
    text = "\n".join([
        "Menlu Bertemu Mitra ASEAN",
        "Jakarta - Menteri Luar Negeri bertemu para mitranya di Jakarta, Senin.",
        "Baca juga:",
        "Presiden Lantik Duta Besar Baru",
        "Demo di Depan Kedutaan, Polisi Berjaga!",
        "Pertemuan itu membahas krisis Myanmar dan keamanan maritim.",
        "JANGAN LEWATKAN!!!",
        "Harga Beras Naik Lagi?",
    ])
    art = build_article(_text_doc(text))
    assert art.text.split("\n\n") == ["Menteri Luar Negeri bertemu para mitranya di Jakarta, Senin.",
                                       "Pertemuan itu membahas krisis Myanmar dan keamanan maritim."]
    assert art.removed == ["Baca juga:", "Presiden Lantik Duta Besar Baru", "Demo di Depan Kedutaan, Polisi Berjaga!",
                           "JANGAN LEWATKAN!!!", "Harga Beras Naik Lagi?"]


def test_copyright_news_is_not_chrome():
    line = ("DPR mengesahkan revisi Undang-Undang Hak Cipta yang mengatur royalti musik digital, setelah "
            "perdebatan panjang dengan asosiasi pencipta lagu dan platform streaming di Senayan.")
    art = build_article(_text_doc("Judul Soal Hak Cipta Musik\n" + line + "\nIa menambahkan aturan itu berlaku."))
    assert line in art.text


def test_clean_text_keeps_every_line_and_reads_the_dateline():
    text = "Jakarta (ANTARA) - Presiden menerima kunjungan.\n\nBaca juga: ini tetap ada karena teks bersih."
    art = build_article(Document(doc_id="c", source="c", kind="clean", text=text, title="T",
                                 published="2025-10-24"))
    # clean text is the user's: it keeps its dateline, so offsets point into the text as given
    assert art.text == text and art.lead == "Presiden menerima kunjungan."
    assert art.story.startswith("Presiden menerima kunjungan.\n\nBaca juga")
    assert [art.text[i] for i in art.story_index[:3]] == list("Pre")
    assert (art.title, art.published, art.outlet, art.wire_source) == ("T", "2025-10-24", "Antara", "Antara")
    assert art.removed == []
    assert [(e.text, e.label, art.text[e.start:e.end]) for e in art.dateline_names] == [
        ("Jakarta", "LOC", "Jakarta"), ("ANTARA", "ORG", "ANTARA")]


def test_clean_text_is_kept_as_given_and_its_story_normalised():
    text = "  Jakarta - Presiden\u00a0 menerima \u200btamu.\r\n\r\n\r\nIa  tersenyum. "
    art = build_article(Document(doc_id="c", source="c", kind="clean", text=text))
    assert art.text == text and art.lead == "Presiden menerima tamu."
    assert art.story == "Presiden menerima tamu.\n\nIa tersenyum."
    for i, c in enumerate(art.story):
        assert c in " \n" or art.text[art.story_index[i]] == c
    # a clean text with nothing to normalise is read as it stands
    assert build_article(Document(doc_id="c", source="c", kind="clean", text="Presiden menerima tamu.")).story == ""


def test_dateline_names_of_clean_text():
    def names(text: str) -> list[tuple[str, str]]:
        art = build_article(Document(doc_id="c", source="c", kind="clean", text=text))
        assert all(art.text[e.start:e.end] == e.text for e in art.dateline_names)
        return [(e.text, e.label) for e in art.dateline_names]

    assert names("Magelang, Jawa Tengah (ANTARA News) - Kepala Staf Angkatan Darat menerima tamu.") == [
        ("Magelang", "LOC"), ("Jawa Tengah", "LOC"), ("ANTARA News", "ORG")]
    assert names("JAKARTA, KOMPAS.com - Presiden menerima tamu di Istana.") == [
        ("JAKARTA", "LOC"), ("KOMPAS.com", "ORG")]
    assert names("Jakarta - Presiden menerima tamu di Istana.") == [("Jakarta", "LOC")]
    # an outlet no file lists, known by its name's shape, is no place
    assert names("Rimanews - Polisi membekuk pria di Kota Bengkulu.") == [("Rimanews", "ORG")]
    assert names("Presiden menerima tamu di Istana Merdeka, Jakarta.") == []
    # no dateline, no names: HTML and scraped text drop the dateline from `text`
    art = build_article(_text_doc("Judul Berita Hari Ini Soal Istana\nJakarta - Presiden menerima tamu di Istana."))
    assert art.text.startswith("Presiden") and art.story == "" and art.dateline_names == []


def test_body_without_title_or_dateline():
    art = build_article(_text_doc("Presiden Prabowo menyebut inflasi terkendali pada Senin (20/10/2025).\n"
                                  "Ia memuji kerja kepala daerah."))
    assert art.title is None and art.dateline_place is None and art.published is None
    assert art.lead.startswith("Presiden Prabowo")


def test_nothing_but_chrome_is_an_error():
    with pytest.raises(ValueError, match="no article text"):
        build_article(_text_doc("ADVERTISEMENT\nSCROLL TO CONTINUE WITH CONTENT\nBaca juga: apa saja"))


def test_normalised_text_equals_the_line_rules_and_maps_back():
    import random

    from peristiwa.article.boilerplate import normalised, split_lines

    rng = random.Random(7)
    pieces = ["a", "b", "x", " ", "  ", "\t", "\u00a0", "\u3000", "\u200b", "\ufeff", "\n", "\n\n", "\r", "\r\n"]
    for _ in range(2000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 30)))
        norm, index = normalised(text)
        assert norm == "\n\n".join(split_lines(text)) and len(index) == len(norm)
        assert all(text[index[i]] == c for i, c in enumerate(norm) if c not in " \n")
        assert all(a <= b for a, b in zip(index, index[1:], strict=False))
