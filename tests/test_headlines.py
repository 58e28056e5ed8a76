"""Headlines read as sentences: capitals of common words dropped, bare verb roots given their meN- form, and
everything found mapped back onto the headline's own characters."""

from __future__ import annotations

import pytest

from peristiwa.headlines import headline_reader, is_headline


def test_what_counts_as_a_headline() -> None:
    assert is_headline("Menlu Filipina Kecam Penembakan Kapal Nelayan di Laut China Selatan")
    # an interjection may open one; a preposition that looks like a prefixed verb does not end one
    assert is_headline("Duh! Dolar AS Dekati Rp 16.000 gegara Perang Israel-Hamas")
    assert is_headline("Norwegia dan Irlandia Lanjutkan Dukungan terhadap UNRWA")
    # a line full of names and titles with a prefixed verb in lower case is a sentence
    assert not is_headline("Presiden Uni Emirat Arab Sheikh Mohamed bin Zayed menyambut Presiden Prancis Emmanuel Macron")
    assert not is_headline("Menteri luar negeri Filipina mengecam penembakan itu pada Senin.")
    assert not is_headline("Dua Kalimat. Ini Kalimat Kedua Yang Panjang")
    assert not is_headline("Satu\nDua Tiga Empat")
    assert not is_headline("Halo")


def test_the_reading_keeps_names_and_gives_the_verb_its_prefix() -> None:
    reading = headline_reader().read("Vietnam Kecam Latihan Perang China di Dekat Kepulauan Paracel")
    assert reading is not None
    assert reading.text.startswith("Vietnam mengecam latihan perang China")
    reading = headline_reader().read("Myanmar Tolak Usulan Gencatan Senjata ASEAN")
    assert "menolak" in reading.text and "gencatan senjata" in reading.text  # a compound stays a noun
    # every word maps back onto itself
    for a, b, oa, ob in reading.spans:
        word, read = reading.original[oa:ob].lower(), reading.text[a:b].lower()
        assert read == word or read.startswith(("me", "ber")) and read.endswith(word[1:])


@pytest.fixture(scope="module")
def coded():
    from peristiwa.nlp import load_model
    from peristiwa.pipeline import Pipeline
    from peristiwa.schema import Document

    if load_model("id") is None:
        pytest.skip("no Indonesian model shipped")
    heads = ["Vietnam Kecam Latihan Perang China di Dekat Kepulauan Paracel",
             "Filipina Desak China Hentikan Pembangunan Pulau Buatan",
             "Polisi Tangkap Tiga Terduga Perampok Bank di Medan"]
    docs = [Document(doc_id=str(k), source=f"headline-{k}", kind="clean", text=h, lang="id")
            for k, h in enumerate(heads)]
    return list(Pipeline(lang="id").run(docs))


def test_headlines_are_coded_with_offsets_into_the_headline(coded) -> None:
    accuse, request, arrest = coded
    for r in coded:
        assert r.error is None
        for e in r.events:
            assert r.article.text[e.trigger.start:e.trigger.end] == e.trigger.text
            for a in e.actor + e.recipient:
                assert r.article.text[a.start:a.end] == a.text
    e = next(e for e in accuse.events if e.event == "ACCUSE")
    assert e.trigger.text == "Kecam"
    assert {a.country for a in e.actor} == {"VNM"} and {a.country for a in e.recipient} == {"CHN"}
    e = next(e for e in request.events if e.event == "REQUEST")
    assert {a.country for a in e.actor} == {"PHL"} and {a.country for a in e.recipient} == {"CHN"}
    e = next(e for e in arrest.events if e.event == "COERCE")
    assert e.trigger.text == "Tangkap" and {a.country for a in e.actor} == {"IDN"}


@pytest.mark.parametrize(("headline", "expected"), [
    # a clause after a comma starts with its verb
    ("PM Israel Tolak Gencatan Senjata, Serukan Serangan Penuh ke Hamas", "menolak gencatan senjata, menyerukan"),
    # after an auxiliary or the link to a demanded act; a root with its suffix takes the suffixed form
    ("Maroko akan Adili Tentara Israel", "Maroko akan mengadili tentara Israel"),
    ("Israel Tolak Seruan AS untuk Hentikan Agresi", "untuk menghentikan agresi"),
    ("Hamas Setuju Bebaskan Tiga Sandera", "Hamas setuju membebaskan tiga sandera"),
    # words prose writes in lower case lose their capital; the words of a known multi-word name keep it
    ("Tentara Israel Tembak Mati Tiga Warga Palestina di Tepi Barat",
     "tentara Israel menembak mati tiga warga Palestina di Tepi Barat"),
    ("Dewan Keamanan PBB Gelar Sidang Darurat", "Dewan Keamanan PBB menggelar"),
    ("Presiden Palestina: Hentikan Pengiriman Senjata ke Israel!", "ke Israel!"),
    # a speech verb is a verb's place too, and so is the word after an unknown name
    ("Israel Klaim Tewaskan Komandan Hamas", "Israel mengklaim menewaskan"),
    ("Komedian Jerry Seinfeld Kunjungi Israel", "mengunjungi Israel"),
    # nouns stay nouns after a preposition, a quantifier, a light verb or an unknown word
    ("Tentara Israel Tewas Sepulang dari Perang Gaza", "dari perang Gaza"),
    ("Hamas Bunuh Para Sandera", "membunuh para sandera"),
    ("PA 212 Gelar Demo di Depan Kedubes AS", "PA 212 menggelar demo"),
    ("Akibat Perang di Gaza, Ribuan Warga Mengungsi", "akibat perang di Gaza"),
])
def test_the_reading_finds_verbs_after_clauses_and_auxiliaries(headline: str, expected: str) -> None:
    reading = headline_reader().read(headline)
    assert reading is not None and expected in reading.text


def test_a_capitalised_noun_after_a_common_noun_is_no_verb() -> None:
    # "Bom" is a root ("mengebom"), but after a noun it is part of the phrase
    reading = headline_reader().read("Serangan Bom Bunuh Diri Guncang Pasar Kabul")
    assert reading is not None and reading.text.startswith("serangan bom")


def test_a_clause_verb_of_a_headline_is_coded() -> None:
    from peristiwa.nlp import load_model
    from peristiwa.pipeline import Pipeline
    from peristiwa.schema import Document

    if load_model("id") is None:
        pytest.skip("no Indonesian model shipped")
    doc = Document(doc_id="h", source="headline", kind="clean", lang="id",
                   text="PM Israel Tolak Gencatan Senjata, Serukan Serangan ke Hamas")
    (r,) = Pipeline(lang="id").run([doc])
    e = next(e for e in r.events if e.event == "REQUEST")
    assert e.trigger.text == "Serukan" and {a.country for a in e.actor} == {"ISR"}


def test_a_list_of_headlines_is_read_line_by_line_and_prose_is_not() -> None:
    text = "Iran Kecam Serangan Israel ke Suriah\nKorea Utara Ancam Serang Guam\n\nPolisi Tangkap Tiga Terduga Perampok"
    reading = headline_reader().read(text)
    assert reading is not None
    assert reading.text.splitlines()[:2] == [
        "Iran mengecam serangan Israel ke Suriah", "Korea Utara mengancam menyerang Guam"]
    assert reading.text.endswith("polisi menangkap tiga terduga perampok")
    for _a, _b, oa, ob in reading.spans:  # every word maps back onto its own line
        assert "\n" not in reading.original[oa:ob]
    article = ("Jakarta - Menteri Luar Negeri bertemu mitranya di Jakarta, Senin.\nSerangan Balasan Israel\n"
               "Pertemuan itu membahas gencatan senjata di Gaza dan bantuan kemanusiaan bagi warga.")
    assert headline_reader().read(article) is None  # one title-case line in prose is no list of headlines
