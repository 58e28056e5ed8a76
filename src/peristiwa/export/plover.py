"""PLOVER JSON Lines: one event record per line, in the field names of the PLOVER gold-standard records
(id, date, source, target, event, eventText, mode, context, text, eventLoc, publication, coder, version,
dateCoded), plus the event-data counts and codes PLOVER leaves to the producer (cameo, quadClass,
goldstein, numMentions, numSources, numArticles, firstSeen, lastSeen, url, modality, confidence).
Fields that are null are left out, as in the PLOVER records.
"""

from __future__ import annotations

import datetime as dt
import json
from functools import lru_cache
from importlib.metadata import version
from typing import IO, Any

from sqlalchemy import Connection

from peristiwa.export.common import country_codes, events_with_actors, iso
from peristiwa.store.queries import EventFilter


def _actors(group: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{k: v for k, v in {"actorText": a["name"], "code": a["country"] or None, "sector": a["sector"] or None,
                                "wikidata": a["wikidata"]}.items() if v} for a in group]


@lru_cache(maxsize=1)
def _version() -> str:
    return version("peristiwa")


def record(e: dict[str, Any], coded: str) -> dict[str, Any]:
    loc = None
    if e.get("location_name"):
        loc = {"name": e["location_name"],
               "country code": country_codes().get(e.get("country") or "", {}).get("iso2") or None,
               "country": e.get("country"), "lat": e.get("lat"), "lon": e.get("lon"),
               "geonameid": e.get("geonameid")}
        loc = {k: v for k, v in loc.items() if v is not None}
    rec = {
        "id": f"peristiwa-{e['id']}", "date": iso(e["date"]), "datePrecision": e.get("date_precision"),
        "source": _actors(e["actors"]) or None, "target": _actors(e["recipients"]) or None,
        "event": e["event_type"], "eventText": e.get("rep_trigger_text"),
        "mode": ",".join(e.get("mode") or []) or None, "context": ",".join(e.get("context") or []) or None,
        "text": e.get("rep_text"), "eventLoc": loc, "publication": e.get("rep_outlet"),
        "url": e.get("rep_url") or e.get("rep_source"), "modality": e.get("modality"),
        "cameo": e.get("cameo"), "quadClass": e.get("quad"), "goldstein": e.get("goldstein"),
        "numMentions": e["num_mentions"], "numSources": e["num_sources"], "numArticles": e["num_articles"],
        "firstSeen": iso(e.get("first_seen")), "lastSeen": iso(e.get("last_seen")),
        "confidence": e.get("confidence"), "coder": "peristiwa", "version": _version(),
        "dateCoded": coded,
    }
    return {k: v for k, v in rec.items() if v is not None}


def write(conn: Connection, out: IO[str], f: EventFilter | None = None) -> int:
    coded = dt.date.today().isoformat()
    n = 0
    for e in events_with_actors(conn, f):
        out.write(json.dumps(record(e, coded), ensure_ascii=False) + "\n")
        n += 1
    return n
