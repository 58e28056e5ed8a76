"""Places stage: where an event happened, from the shipped gazetteer.

    gaz = load_gazetteer()                       # once per process
    locate(sent, trigger_i, actors, article)     # -> Location | None

Preference (decided and documented in docs/actors.md):
  1. a place tied to the trigger in the parse (obl/nmod/obj of the trigger, within three arcs) AND introduced
     by a locative preposition ("menyerang pangkalan di Sirte", "serangan ke Tripoli");
  2. a place tied to the trigger without a preposition, unless the word is an actor ("merebut Sirte" yes,
     "memperingatkan Washington" no);
  3. any place in the sentence after a locative preposition ("di", "ke", "dari", "in", ...), nearest to the
     trigger, not across a clause break ("sementara", "namun", ";") — cities before countries when equally
     near ("di Tripoli, Libya" -> Tripoli). A country counts only after "di"/"in"/"at": "dukungan dari
     UEA" and "senjata ke Libya" are directions.
  The dateline (WASHINGTON - ...) is where the reporter filed from, not where the event happened: it is never
  used. No place in the sentence -> None.
Ambiguous names (Tripoli, Libya / Tripoli, Lebanon) prefer the country of the sentence's actors, then of the
document's actors, then the larger population.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from peristiwa.places import rules as _rules
from peristiwa.places.gazetteer import Gazetteer, Place, PlaceMention, build_gazetteer, load_gazetteer

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from peristiwa.actors import DocActors
    from peristiwa.schema import Article, Location

__all__ = ["PLACE_LABELS", "Gazetteer", "Place", "PlaceMention", "build_gazetteer", "dateline_country", "home_country",
           "load_gazetteer", "locate", "named_places", "places_in"]

PLACE_LABELS = _rules.PLACE_LABELS
home_country = _rules.home_country


def places_in(doc: Doc, gazetteer: Gazetteer | None = None) -> list[PlaceMention]:
    """All gazetteer names in the document (computed once per Doc); the shipped gazetteer by default."""
    return _rules.places_in(doc, gazetteer or load_gazetteer())


def dateline_country(place: str | None, gazetteer: Gazetteer | None = None) -> str | None:
    """The country of a dateline's place ("Dhaka" -> BGD, "WASHINGTON" -> USA): the largest place of that
    name, or a country's own name; None when the gazetteer knows none."""
    if not place:
        return None
    found = (gazetteer or load_gazetteer()).named(place)
    return (found[0].country or None) if found else None


def named_places(doc: Doc, gazetteer: Gazetteer | None = None) -> list[tuple[int, int, str]]:
    """The towns and regions `doc` names, each a whole NER place of one country (rules.named_places)."""
    return _rules.named_places(doc, gazetteer or load_gazetteer())


def locate(sent: Span, trigger_i: int, actors: DocActors | None, article: Article | None,
           gazetteer: Gazetteer | None = None) -> Location | None:
    """The event's place (rules above), with the shipped gazetteer by default."""
    return _rules.locate(sent, trigger_i, actors, article, gazetteer or load_gazetteer())
