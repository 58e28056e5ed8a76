"""Offsets found in an analysed string point into the text the user gave: a clean record keeps its dateline,
the analysis reads the story after it, and everything found is moved back onto the whole text."""

from __future__ import annotations

import pytest

from peristiwa.offsets import CharMap, map_back
from peristiwa.schema import Actor, Event, Quote, Span


def test_a_record_reachable_twice_moves_once() -> None:
    text = "Solo - Ia berkata polisi menangkap dua orang."
    k = len("Solo - ")
    shift = CharMap(text, text[k:], range(k, len(text)))
    speaker = Actor("Ia", 0, 2, "Ia")
    quote = Quote("polisi menangkap dua orang", 11, 37, speaker)
    event = Event(id="x", sentence=0, text=shift.text, event="COERCE", cameo="173", quad=4, goldstein=-5.0,
                  trigger=Span("menangkap", 18, 27), attribution=speaker)
    map_back([quote, event], shift)
    assert (speaker.start, speaker.text) == (7, "Ia")
    assert text[quote.start:quote.end] == quote.text and event.trigger.text == "menangkap"
    assert event.text == shift.text


@pytest.fixture(scope="module")
def pair():
    from peristiwa.nlp import load_model
    from peristiwa.pipeline import Pipeline
    from peristiwa.schema import Document

    if load_model("id") is None:
        pytest.skip("no Indonesian model shipped")
    story = ("Polisi menangkap tiga terduga teroris di Solo, Jawa Tengah, pada Senin, kata juru bicara "
             "Mabes Polri Brigjen Dedi Prasetyo.")
    texts = [story, "Solo, Jawa Tengah (ANTARA) - " + story, "Jakarta - Polisi Tangkap Tiga Terduga Perampok Bank di Medan",
             " Solo,\u00a0Jawa Tengah  (ANTARA) -  " + story.replace(" menangkap ", "  menangkap\u200b ")]
    docs = [Document(doc_id=str(k), source=f"record-{k}", kind="clean", text=t) for k, t in enumerate(texts)]
    return list(Pipeline().run(docs))


def test_a_clean_records_dateline_stays_and_offsets_point_into_it(pair) -> None:
    plain, dated, headline, spaced = pair
    k = len("Solo, Jawa Tengah (ANTARA) - ")
    assert dated.article.text.startswith("Solo, Jawa Tengah (ANTARA) - Polisi menangkap")
    assert (dated.article.dateline_place, dated.article.outlet) == ("Solo", "Antara")
    # the dateline's names are entities; the story's are those of the same story without it, moved by k
    assert [(e.text, e.label) for e in dated.entities[:3]] == [("Solo", "LOC"), ("Jawa Tengah", "LOC"),
                                                              ("ANTARA", "ORG")]
    assert [(e.text, e.label, e.start + k) for e in plain.entities] == [(e.text, e.label, e.start)
                                                                       for e in dated.entities[3:]]
    assert plain.events and len(plain.events) == len(dated.events)
    for r in pair:
        for e in r.entities:
            assert r.article.text[e.start:e.end] == e.text
        for e in r.events:
            assert r.article.text[e.trigger.start:e.trigger.end] == e.trigger.text
            assert e.text in r.article.text
            for a in e.actor + e.recipient + ([e.attribution] if e.attribution else []):
                assert r.article.text[a.start:a.end] == a.text
    for a, b in zip(plain.events, dated.events, strict=True):
        assert (a.event, a.trigger.text, a.trigger.start + k) == (b.event, b.trigger.text, b.trigger.start)
        assert [(x.name, x.country, x.start + k) for x in a.actor] == [(x.name, x.country, x.start) for x in b.actor]
    # odd spacing and an invisible character: the same entities and events, offsets into the text as given
    assert [(e.text, e.label) for e in spaced.entities] == [(e.text, e.label) for e in dated.entities]
    assert [(e.event, e.trigger.text) for e in spaced.events] == [(e.event, e.trigger.text) for e in dated.events]
    # a headline after a dateline: read in sentence case, then moved onto the whole line
    arrest = next(e for e in headline.events if e.event == "COERCE")
    assert arrest.trigger.text == "Tangkap" and headline.entities[0].text == "Jakarta"
