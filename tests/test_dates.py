"""Date expressions resolved against the publication date (sentences written for these tests)."""

from __future__ import annotations

import pytest

from peristiwa.dates import find_dates, resolve_date

PUB = "2019-12-19"  # a Thursday


@pytest.fixture(scope="module")
def nlp(blank_id):
    return blank_id


@pytest.mark.parametrize("text,expected", [
    ("Serangan itu terjadi pada 7 April 2019 di selatan kota.", ("2019-04-07", "day")),
    ("Jakarta, Minggu (7/4/2019) - Presiden membuka sidang.", ("2019-04-07", "day")),
    ("Menteri itu berbicara Rabu waktu setempat.", ("2019-12-18", "day")),
    ("Pada hari Kamis polisi menangkap dua orang.", ("2019-12-19", "day")),
    ("Ia tiba di Jakarta kemarin.", ("2019-12-18", "day")),
    ("Rapat digelar hari ini di Istana.", ("2019-12-19", "day")),
    ("Mereka bertemu tiga hari lalu.", ("2019-12-16", "day")),
    ("Dua minggu lalu kedua negara menandatangani perjanjian.", ("2019-12-05", "week")),
    ("Pekan lalu pasukan ditarik dari perbatasan.", ("2019-12-12", "week")),
    ("Amerika Serikat bulan lalu meminta gencatan senjata.", ("2019-11-01", "month")),
    ("Kelompok itu berusaha sejak April untuk merebut kota.", ("2019-04-01", "month")),
    ("Pada Desember 2018 parlemen menolak usulan itu.", ("2018-12-01", "month")),
    ("Negara itu terbagi sejak 2014.", ("2014-01-01", "year")),
    ("Tahun lalu kedua pihak bertempur.", ("2018-01-01", "year")),
    ("Pemilu digelar pada 17 April.", ("2019-04-17", "day")),
    ("The minister said on Wednesday that talks would resume.", ("2019-12-18", "day")),
    ("The deal was signed on April 7, 2019 in Ankara.", ("2019-04-07", "day")),
    ("Troops withdrew two weeks ago.", ("2019-12-05", "week")),
])
def test_resolves_against_published(nlp, text, expected):
    doc = nlp(text)
    assert resolve_date(doc[:], PUB) == expected


def test_a_date_in_december_read_in_january_is_last_year(nlp):
    doc = nlp("Kesepakatan dicapai pada 28 Desember.")
    assert resolve_date(doc[:], "2020-01-03") == ("2019-12-28", "day")
    doc = nlp("Mereka bertemu sejak November.")
    assert resolve_date(doc[:], "2020-01-03") == ("2019-11-01", "month")


def test_no_anchor_leaves_relative_dates_unresolved(nlp):
    for text in ("Menteri itu berbicara Rabu waktu setempat.", "Ia tiba kemarin.", "Dua minggu lalu mereka bertemu.",
                 "Kelompok itu berusaha sejak April."):
        assert resolve_date(nlp(text)[:], None) == (None, None), text
    # absolute dates need no anchor
    assert resolve_date(nlp("Pada 7 April 2019 mereka bertemu.")[:], None) == ("2019-04-07", "day")


def test_words_that_look_like_dates_are_not(nlp):
    for text in ("Minggu lalu adalah minggu yang sibuk.",):
        assert resolve_date(nlp(text)[:], PUB) == ("2019-12-12", "week")
    assert resolve_date(nlp("Rasio 3/4 dari anggaran dipakai.")[:], PUB) == (None, None)
    assert resolve_date(nlp("Tidak ada yang terjadi.")[:], PUB) == (None, None)
    assert resolve_date(nlp("Ia bertemu mei.")[:], PUB) == (None, None)


def test_the_expression_nearest_the_trigger_wins(nlp):
    doc = nlp("Kemarin ia mengatakan bahwa serangan terjadi pada 7 April 2019.")
    trigger = [t.i for t in doc if t.text == "serangan"][0]
    assert resolve_date(doc[:], PUB, trigger) == ("2019-04-07", "day")
    assert resolve_date(doc[:], PUB, 0) == ("2019-12-18", "day")


def test_find_dates_offsets():
    text = "Pada hari Minggu 7 April 2019 pasukan bergerak."
    found = find_dates(text, PUB)
    assert len(found) == 1 and text[found[0].start:found[0].end] == "Minggu 7 April 2019"
