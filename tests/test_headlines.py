"""Headlines read as sentences: capitals of common words dropped, bare verb roots given their meN- form, and
everything found mapped back onto the headline's own characters."""

from __future__ import annotations

import pytest

from peristiwa.headlines import headline_reader, is_headline


def test_what_counts_as_a_headline() -> None:
    assert is_headline("Menlu Filipina Kecam Penembakan Kapal Nelayan di Laut China Selatan")
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
