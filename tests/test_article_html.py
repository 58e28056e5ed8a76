"""HTML pages: the bundled examples and the Indonesian extraction fixtures from ../shared/data."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from peristiwa.article import build_article
from peristiwa.evaluation.article import FIXTURES, JAKARTA, norm_title, token_f1
from peristiwa.ingest import read_file
from peristiwa.schema import Document

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def _html(name: str):
    doc = read_file(EXAMPLES / name)
    assert doc.error is None and doc.kind == "html"
    return build_article(doc)


@pytest.mark.parametrize(("name", "outlet", "place", "published", "author", "editor", "wire"), [
    ("kompas-menlu-asean-myanmar.html", "Kompas.com", "JAKARTA", "2025-10-21", "Dian Pratiwi", "Bagus Santoso", None),
    ("detik-demo-dpr.html", "detikcom", "Jakarta", "2025-10-23", "Rizky Ananda", None, None),
    ("tempo-perjanjian-batas-laut.html", "Tempo.co", "Jakarta", "2025-11-04", "Nanda Kusuma", "Rina Widiastuti",
     None),
    ("antara-bentrok-perbatasan.html", "Antara", "Atambua", "2025-10-27", "Yohanes Seran", "Budi Setiawan",
     "Antara"),
    ("cnnindonesia-kecam-serangan.html", "CNN Indonesia", "Jakarta", "2025-10-29", None, None, None),
])
def test_example_pages(name, outlet, place, published, author, editor, wire):
    art = _html(name)
    assert (art.outlet, art.dateline_place, art.published) == (outlet, place, published)
    assert (art.author, art.editor, art.wire_source) == (author, editor, wire)
    assert art.title and " - " not in art.title and "|" not in art.title
    assert art.text.startswith(art.lead)
    for chrome in ("Baca juga", "Lihat juga", "SCROLL TO CONTINUE", "Simak juga", "Pilihan Editor", "Copyright",
                   "COPYRIGHT", "Berita Terkait", "Pewarta:", "Penulis :", "(rna/idn)", "(dna/bac)"):
        assert chrome not in art.text, (name, chrome)
    assert len(art.text.split("\n\n")) >= 5


def test_html_without_article_is_an_error():
    doc = Document(doc_id="x", source="nav.html", kind="html",
                   text="<html><body><nav><a href='/'>Home</a> <a href='/a'>Politik</a></nav></body></html>")
    with pytest.raises(ValueError, match="no article"):
        build_article(doc)


def test_html_that_is_not_html():
    doc = Document(doc_id="x", source="junk.html", kind="html", text="   ")
    with pytest.raises(ValueError):
        build_article(doc)


def test_indonesian_fixtures_meet_the_targets(shared):
    base = shared / FIXTURES
    truth = json.loads((base / "ground-truth.json").read_text(encoding="utf-8"))
    import datetime as dt

    from peristiwa.article.dateline import split_dateline
    from peristiwa.article.resources import rules

    titles = dates = 0
    f1s = []
    for item in truth:
        exp = item["expected"]
        art = build_article(read_file(base / item["html_file"]))
        titles += norm_title(art.title) == norm_title(exp["title"])
        dates += art.published == dt.datetime.fromtimestamp(exp["date"] / 1000, JAKARTA).date().isoformat()
        lines = exp["content"].strip().split("\n")
        _, lines[0] = split_dateline(" ".join(lines[0].split()), rules())
        f1s.append(token_f1(art.text, "\n".join(lines)))
    n = len(truth)
    assert titles / n >= 0.95
    assert dates / n >= 0.90
    assert sum(f1s) / n >= 0.92
