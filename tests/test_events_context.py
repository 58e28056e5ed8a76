"""Countries an event's unnamed actors take from the event (peristiwa.actors.context), on sentences written
for these tests: parties and parliaments work at home, armed forces take the sentence's only country unless
they fight it."""

from __future__ import annotations

import pytest

from peristiwa.actors.context import fill_countries
from peristiwa.schema import Actor
from tests.event_helpers import countries, make_code, one


@pytest.fixture(scope="module")
def code():
    return make_code("2007-06-01")


def _a(text: str, country: str = "", sector: str = "") -> Actor:
    return Actor(text, 0, len(text), text, country, sector)


def test_party_takes_the_partner_country_when_two_countries_are_named(code) -> None:
    e = one(code("Partai oposisi mengecam Presiden Filipina atas kebijakannya terhadap China."), "ACCUSE")
    assert countries(e.actor) == {"PHL"} and countries(e.recipient) == {"PHL"}


def test_actor_facing_a_party_takes_its_country(code) -> None:
    e = one(code("Partai oposisi Inggris mengecam tentara atas penembakan di Irak."), "ACCUSE")
    assert countries(e.recipient) == {"GBR"}


def test_rules_directly() -> None:
    # an armed actor takes the only country of a cooperative event
    src, tgt = fill_countries([_a("tentara", sector="MIL")], [_a("warga", "IDN", "CVL")], {"IDN"}, 2)
    assert src[0].country == "IDN" and tgt[0].country == "IDN"
    # ... but not of a fight against that country ("pasukan menyerang Irak")
    src, _ = fill_countries([_a("pasukan", sector="MIL")], [_a("Irak", "IRQ", "GOV")], {"IRQ"}, 4)
    assert src[0].country == ""
    # nor when the sentence names two countries
    src, _ = fill_countries([_a("pasukan", sector="MIL")], [], {"IRQ", "USA"}, 4)
    assert src[0].country == ""
    # an actor with a country keeps it; an IGO partner gives none
    src, _ = fill_countries([_a("partai", sector="PTY")], [_a("PBB", "UNO", "IGO")], {"UNO"}, 1)
    assert src[0].country == ""


def test_troops_fighting_the_only_named_country_stay_unknown(code) -> None:
    e = one(code("Pasukan menyerang Irak pada Maret."), "ASSAULT")
    assert countries(e.actor) == {""}


def test_police_take_the_country_of_where_they_act() -> None:
    src, _ = fill_countries([_a("polisi", sector="COP")], [_a("Budi", sector="CVL")], set(), 4, "IDN")
    assert src[0].country == "IDN"
    # a pronoun is its antecedent's or no one's
    src, _ = fill_countries([_a("mereka", sector="REB")], [], {"BGD"}, 4)
    assert src[0].country == ""


def test_a_violent_event_placed_abroad_gives_its_victims_and_local_doers_that_country() -> None:
    """No state named, the place in Nigeria: the students and the armed group are Nigeria's; unnamed troops
    may have come from abroad and stay unknown."""
    src, tgt = fill_countries([_a("kelompok bersenjata", sector="REB")], [_a("pelajar", sector="EDU")], set(), 4,
                              "NGA")
    assert src[0].country == "NGA" and tgt[0].country == "NGA"
    src, tgt = fill_countries([_a("pasukan", sector="MIL")], [_a("warga", sector="CVL")], set(), 4, "PSE")
    assert src[0].country == "" and tgt[0].country == "PSE"
    # a named state decides instead, and verbal acts keep their own rules
    src, _ = fill_countries([_a("kelompok bersenjata", sector="REB")], [_a("Mali", "MLI", "GOV")], {"MLI"}, 4, "NER")
    assert src[0].country != "NER"
    src, _ = fill_countries([_a("aktivis", sector="CVL")], [], set(), 3, "NGA")
    assert src[0].country == ""
