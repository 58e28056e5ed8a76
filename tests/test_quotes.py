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
