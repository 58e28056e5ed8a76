"""Countries an event's unnamed actors take from the event itself: the partner of a party or parliament, the
sentence's only country for armed forces.

The resolver already gives generic civilians, officials and people the country of the sentence's setting
or of its only named country; what it cannot know is who acts on whom. Here, per event:
  - a party, opposition, legislature or court works at home: with no country of its own it takes the
    country of the other side ("partai-partai koalisi" backing a Mauritanian politician), and an unnamed
    actor facing one takes that one's country ("tentara" whose funds a US party will not cut);
  - police with no country take the sentence's only country (police act at home); other armed forces too,
    except in a conflict event against that very country ("pasukan menyerang Irak": the troops are not
    Iraq's).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from peristiwa.actors.words import words
from peristiwa.schema import Actor

# Sectors, country codes and pronouns the rules below reason with: data/actors/context.yaml.
C = words("context")
# An empty country is no state either ("" is the schema's "unknown", not a code an analyst edits).
NON_STATE = C.non_state | {""}


def _states(actors: list[Actor]) -> set[str]:
    return {a.country for a in actors} - NON_STATE


def fill_countries(src: list[Actor], tgt: list[Actor], sentence_countries: set[str], quad: int,
                   where: str = "") -> tuple[list[Actor], list[Actor]]:
    """Copies of src and tgt with the countries the event's context gives to actors that have none.
    `sentence_countries`: the countries of the sentence's named actors; `where`: the event's location."""
    here = sentence_countries - NON_STATE
    return _side(src, tgt, here, quad, where, True), _side(tgt, src, here, quad, where, False)


def _side(mine: list[Actor], other: list[Actor], here: set[str], quad: int, where: str,
          source: bool) -> list[Actor]:
    other_states = _states(other)
    home = {a.country for a in other if a.sector in C.domestic} - NON_STATE
    out = []
    for a in mine:
        country = ""
        if not a.country and a.text.lower() not in C.pronouns:  # a pronoun is its antecedent's or no one's
            if a.sector in C.domestic and len(other_states) == 1:
                country = next(iter(other_states))
            elif len(home) == 1:
                country = next(iter(home))
            elif a.sector == "COP" and (where not in NON_STATE or len(here) == 1):
                # police act at home, whoever they act on: where the event is, else the only country named
                country = where if where not in NON_STATE else next(iter(here))
            elif a.sector in C.armed and len(here) == 1 and not (quad >= 3 and here <= other_states):
                country = next(iter(here))
            elif quad == 4 and not here and where not in NON_STATE and (not source or a.sector in C.local):
                # an attack or arrest the sentence places somewhere and no state is named: its victims are that
                # country's, and so are its unnamed local doers ("kelompok bersenjata menculik 20 pelajar di
                # Kaduna"); unnamed troops may have come from abroad (an air strike in Gaza)
                country = where
        out.append(replace(a, country=country) if country else a)
    return out


def sentence_country(named: set[str], home: str) -> str:
    """The country a sentence speaks of for its actors that name none: the one foreign state it names
    ("pemberontak" in a sentence on the Philippines), else the article's own country `home`.
    Measured on the training split (actors the resolver left without a country): a sentence naming exactly
    one foreign state is about that state for 57 of 89 such actors whose country the annotators knew; a
    foreign *place* alone is not (14 of 18 were Indonesian), so only named states count here."""
    foreign = named - NON_STATE - {home}
    return next(iter(foreign)) if len(foreign) == 1 else home


def article_country(mentions: list, default: str, places: Iterable[tuple[int, int, str]] = ()) -> str:
    """The article's own country: a foreign state its actors name at least three times and more often than
    `default` (the outlet's home: an Indonesian article about Myanmar is about Myanmar), else `default`.
    `places`: (start, end, country) of the towns and regions the text names (one country each, no country
    itself): each counts for its country unless an actor mention covers it. An article on Central Java's
    exports names the United States four times, and Jawa Tengah, Semarang and Jateng ten."""
    counts: dict[str, int] = {}
    for m in mentions:
        c = m.actor.country
        if c and c not in NON_STATE and m.kind != "pronoun":
            counts[c] = counts.get(c, 0) + 1
    covered = {i for m in mentions for i in range(m.start, m.end)}
    for start, end, c in places:
        if c and c not in NON_STATE and not covered.intersection(range(start, end)):
            counts[c] = counts.get(c, 0) + 1
    if not counts:
        return default
    top = max(counts, key=lambda c: (counts[c], c == default))
    return top if top == default or (counts[top] >= 3 and counts[top] > counts.get(default, 0)) else default
