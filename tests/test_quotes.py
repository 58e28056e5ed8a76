"""Quotes and their speakers, on sentences written for these tests."""

from __future__ import annotations

import pytest
import spacy

from peristiwa.events import load_coder
from peristiwa.schema import Article, Quote

TEXT = ("“Kami tidak akan mundur dari perundingan ini,” kata Menteri Luar Negeri Iran. "
        "Presiden Prancis mengatakan bahwa Paris akan mengirim bantuan ke Lebanon. "
        "\"Ini bukan urusan kami,\" ujar Perdana Menteri Malaysia. "
        "Harga minyak naik tajam pekan ini.")


@pytest.fixture(scope="module")
def quotes() -> list[Quote]:
    nlp = spacy.blank("id")
    nlp.add_pipe("sentencizer")
    coder = load_coder("id", nlp)
    return coder.code(nlp(TEXT), Article(text=TEXT))[0]


def test_offsets_point_into_the_text(quotes: list[Quote]) -> None:
    assert len(quotes) == 3
    for q in quotes:
        assert TEXT[q.start:q.end] == q.text
        assert not q.text.endswith(",") and "“" not in q.text and "\"" not in q.text


def test_direct_quote_with_speaker_after(quotes: list[Quote]) -> None:
    q = quotes[0]
    assert q.text == "Kami tidak akan mundur dari perundingan ini"
    assert q.speaker is not None and q.speaker.country == "IRN" and q.speaker.sector == "GOV"
    assert q.speaker.text == "Menteri Luar Negeri Iran"
    q = quotes[2]
    assert q.text == "Ini bukan urusan kami" and q.speaker is not None and q.speaker.country == "MYS"


def test_indirect_quote(quotes: list[Quote]) -> None:
    q = quotes[1]
    assert q.text == "Paris akan mengirim bantuan ke Lebanon"
    assert q.speaker is not None and q.speaker.country == "FRA"


ENCLITIC = ("Menteri Keuangan Purbaya Yudhi Sadewa meminta daerah menjaga harga. "
            "\"Saya sudah bertemu Gubernur Jawa Barat dan kami meminta pemerintah daerah bergerak,\" katanya. "
            "Ketua Umum Asosiasi Baja Budi Santoso menilai kebijakan itu keliru. Ia berharap pemerintah konsisten. "
            "\"Kami meminta kebijakan yang adil,\" terangnya.")


@pytest.fixture(scope="module")
def enclitic(nlp):
    coder = load_coder("id", nlp)
    return coder.code(nlp(ENCLITIC), Article(text=ENCLITIC))


def test_a_speech_word_with_nya_is_the_person_named_before_the_quotation(enclitic) -> None:
    """"...," katanya: one token, whose -nya is the person last named before the quotation opens (not the
    governor named inside it); "Ia" in between counts as the person it stands for."""
    quotes, _ = enclitic
    by_text = {q.text.split()[0]: q.speaker for q in quotes}
    assert by_text["Saya"] is not None and by_text["Saya"].name.startswith("Purbaya"), by_text
    assert by_text["Kami"] is not None and by_text["Kami"].name == "Budi Santoso", by_text


def test_a_first_person_actor_in_such_a_quotation_is_its_speaker(enclitic) -> None:
    _, events = enclitic
    asks = [e for e in events if e.event == "REQUEST" and e.trigger.text == "meminta"
            and e.actor and e.actor[0].text.lower() == "kami"]
    assert asks and all(e.actor[0].name in ("Purbaya Yudhi Sadewa", "Budi Santoso") for e in asks), \
        [(e.trigger.text, [a.name for a in e.actor]) for e in events]
    assert all(e.attribution is not None for e in asks)


def test_the_person_a_clause_is_about_speaks_not_the_last_one_named(nlp) -> None:
    text = ("Menteri Keuangan Purbaya Yudhi Sadewa menegaskan keputusan itu ada di tangan Menteri Koordinator "
            "Muhaimin Iskandar. \"Tapi keputusan bukan di saya, tinggal Pak Muhaimin sanggup atau tidak,\" katanya.")
    quotes, _ = load_coder("id", nlp).code(nlp(text), Article(text=text))
    assert [q.speaker.name if q.speaker else None for q in quotes] == ["Purbaya Yudhi Sadewa"], quotes
