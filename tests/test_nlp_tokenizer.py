"""The Indonesian news tokenizer keeps news-specific tokens whole (no model needed)."""

from __future__ import annotations

import pytest
import spacy

from peristiwa.nlp.tokenizer import customize


@pytest.fixture(scope="module")
def tok():
    nlp = spacy.blank("id")
    customize(nlp.tokenizer)
    return nlp


@pytest.mark.parametrize("text, token", [
    ("Negara-negara anggota menolak.", "Negara-negara"),
    ("Anggaran Rp1,5 triliun disetujui.", "Rp1,5"),
    ("Kader PDI-P berkumpul.", "PDI-P"),
    ("Kantor di Jl. Merdeka Barat.", "Jl."),
    ("Rapat pada 7/4/2019 ditunda.", "7/4/2019"),
    ("Unjuk rasa (5/1) berlangsung damai.", "5/1"),
    ("Harga Rp5.000,- per liter.", "Rp5.000,-"),
    ("Babak ke-5 dimulai pukul 10.30 WIB.", "ke-5"),
    ("Babak ke-5 dimulai pukul 10.30 WIB.", "10.30"),
    ("Sidang dipimpin Prof. Budi, S.H., M.Si. kemarin.", "M.Si."),
])
def test_keeps_token_whole(tok, text, token):
    assert token in [t.text for t in tok(text)]


def test_still_splits_punctuation(tok):
    words = [t.text for t in tok('"Kami menolak," kata Budi di Kab. Bogor.')]
    assert words == ['"', "Kami", "menolak", ",", '"', "kata", "Budi", "di", "Kab.", "Bogor", "."]


@pytest.mark.parametrize("text, last", [
    ("Pelaku diperiksa di Polres Tasikmalaya Kota.", "Kota"),
    ("Pengamanan dibantu personel TNI.", "TNI"),
    ("Kejaksaan menetapkan tersangka di PT Antam Tbk.", "Tbk"),
    ("Surat itu diteruskan kepada Irjen.", "Irjen"),
    ("Ketua RW dipilih oleh ketua RT.", "RT"),
])
def test_word_written_whole_before_a_full_stop_ends_the_sentence(tok, text, last):
    """A word news also writes without a stop is no abbreviation: its stop ends the sentence, so the word
    stays a name the actor resolver can read."""
    assert [t.text for t in tok(text)][-2:] == [last, "."]


def test_tokenizer_serialises(tok):
    # a saved pipeline must carry the patterns (spaCy stores token_match as a regex)
    data = tok.tokenizer.to_bytes()
    other = spacy.blank("id")
    other.tokenizer.from_bytes(data)
    assert "Rp1,5" in [t.text for t in other("naik Rp1,5 triliun")]


def test_one_pass_build_tokenizes_like_the_customised_default(tok):
    from peristiwa.nlp.tokenizer import build_tokenizer

    # Our own sentences: abbreviations, amounts, dates, URLs, clitics, reduplication, odd spacing.
    texts = ["Kapolda Jatim Irjen. Pol. Budi S.H., M.H. tiba di Jl. Ahmad Yani No. 5 pukul 10.30 WIB.",
             "Dana Rp1,5 triliun (US$100 juta) cair 7/4/2019; sisanya Rp5.000,- per warga ke-3 kalinya.",
             "Lihat https://contoh.go.id/berita?id=12 atau @humas_polri #Pemilu2024 :)",
             "Negara-negara ASEAN, PDI-P dan PKB-nya... \"Kami menolak!\" katanya.\n\nParagraf  baru\tdi sini."]
    one_pass = build_tokenizer(tok)
    for text in texts:
        assert [t.text for t in one_pass(text)] == [t.text for t in tok.tokenizer(text)], text


def test_dropped_special_cases_tokenize_as_before(tok):
    """build_tokenizer leaves out spaCy's special cases that token_match keeps whole anyway: each of them,
    bare and among punctuation, must come out exactly as the customised default tokenizes it."""
    from peristiwa.nlp.tokenizer import build_tokenizer

    one_pass = build_tokenizer(tok)
    dropped = set(tok.tokenizer.rules) - set(one_pass.rules)
    assert len(dropped) > 10_000  # the reduplications ("negara-negara") are the bulk
    for key in dropped:
        text = f"{key} ({key}), ({key} \"{key}.\" {key}-nya"
        assert [t.text for t in one_pass(text)] == [t.text for t in tok.tokenizer(text)], key
