"""The seed article's actors, read from ../shared/data at run time (tokenizer only, so it runs without the
statistical model): the two Libyan camps, their backers and the diplomats around them."""

from __future__ import annotations

import pytest

from peristiwa.actors import ActorResolver
from peristiwa.article import build_article
from peristiwa.dates import resolve_date
from peristiwa.schema import Document


@pytest.fixture(scope="module")
def seed(seed_path, blank_id):
    article = build_article(Document(doc_id="seed", source=str(seed_path), raw=seed_path.read_bytes(), kind="text"))
    doc = blank_id(article.text)
    return article, doc, ActorResolver().annotate(doc, "2019-12-19")


def _by_text(actors, text):
    return [m.actor for m in actors.mentions if m.actor.text == text]


def test_seed_camps_backers_and_diplomats(seed):
    _, _, actors = seed
    found = {(m.actor.name, m.actor.country, m.actor.sector) for m in actors.mentions}
    for expected in [
        ("United States", "USA", "GOV"), ("Russia", "RUS", "GOV"), ("Libya", "LBY", "GOV"),
        ("Mike Pompeo", "USA", "GOV"), ("Sergei Lavrov", "RUS", "GOV"), ("Donald Trump", "USA", "GOV"),
        ("Khalifa Haftar", "LBY", "MIL"), ("Libyan National Army", "LBY", "MIL"),
        ("Fayez al-Serraj", "LBY", "GOV"), ("Egypt", "EGY", "GOV"), ("United Arab Emirates", "ARE", "GOV"),
        ("Russia", "RUS", "MIL"),  # tentara bayaran Rusia
        ("Turkey", "TUR", "GOV"), ("Greece", "GRC", "GOV"), ("United Nations", "UNO", "IGO"),
    ]:
        assert expected in found, expected


def test_seed_coreference(seed):
    _, _, actors = seed
    assert {a.name for a in _by_text(actors, "Pompeo")} == {"Mike Pompeo"}
    assert {a.name for a in _by_text(actors, "Haftar")} == {"Khalifa Haftar"}
    assert {a.name for a in _by_text(actors, "Serraj")} == {"Fayez al-Serraj"}
    assert [a.country for a in _by_text(actors, "negara itu")] == ["GRC"]  # Greece expels Libya's ambassador
    assert [a.name for a in _by_text(actors, "Ia")] == ["Khalifa Haftar"]  # "Ia didukung oleh Mesir, ..."
    assert [(a.country, a.sector) for a in _by_text(actors, "duta besar Libya")] == [("LBY", "GOV")]


def test_seed_dates_need_an_anchor(seed):
    article, doc, _ = seed
    sent = next(s for s in _sentences(doc) if "Rabu waktu setempat" in s.text)
    assert resolve_date(sent, article.published) == (None, None)  # the page carries no date
    assert resolve_date(sent, "2019-12-19") == ("2019-12-18", "day")


def _sentences(doc):
    start = 0
    for t in doc:
        if t.text in {".", "\n\n"} or t.text.startswith("\n"):
            yield doc[start:t.i + 1]
            start = t.i + 1
