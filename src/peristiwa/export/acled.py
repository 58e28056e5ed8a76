"""ACLED-style CSV: ACLED's column names, with its time and geo precision codes.

Only events ACLED would code are written (political violence, demonstrations, strategic developments):
data/export/acled.tsv maps PLOVER type and mode to ACLED's disorder/event/sub-event types, and
data/export/acled_inter.tsv actor sectors to ACLED's interaction codes. time_precision: 1 = day given
in the text, 2 = week, 3 = month or coarser (an event dated only by its article's publication is 1,
as ACLED codes the report date). geo_precision: 1 = a town or city with coordinates, 3 = a region or
country only. fatalities: 0 (we do not extract counts; ACLED's 0 also means "none reported").
"""

from __future__ import annotations

import csv
import datetime as dt
from functools import lru_cache
from typing import IO, Any

from sqlalchemy import Connection

from peristiwa.export.common import country_codes, country_names, events_with_actors, read_tsv
from peristiwa.store.queries import EventFilter

COLUMNS = ["event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
           "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
           "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
           "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
           "fatalities", "tags", "timestamp"]

_TIME = {"day": 1, "week": 2, "month": 3, "year": 3}


@lru_cache(maxsize=1)
def _types() -> list[dict[str, str]]:
    return read_tsv("acled.tsv")


@lru_cache(maxsize=1)
def _inter() -> dict[str, int]:
    return {r["sector"]: int(r["inter"]) for r in read_tsv("acled_inter.tsv")}


def acled_type(event_type: str, modes: list[str], recipient_sectors: list[str]) -> dict[str, str] | None:
    for row in _types():
        if row["plover"] != event_type:
            continue
        if row["mode"] != "*" and row["mode"] not in modes:
            continue
        if row["recipient_sector"] != "*" and row["recipient_sector"] not in recipient_sectors:
            continue
        return row
    return None


def _inter_code(actor: dict[str, Any] | None, event_country: str | None) -> int | str:
    if actor is None:
        return ""
    code = _inter().get(actor["sector"] or "", 0)
    if code == 1 and event_country and actor["country"] and actor["country"] != event_country:
        return 8  # a foreign state's forces
    return code or ""


def _names(group: list[dict[str, Any]]) -> tuple[str, str]:
    names = [_label(a) for a in group]
    return (names[0] if names else "", "; ".join(names[1:]))


def _label(a: dict[str, Any]) -> str:
    country = country_names().get(a["country"] or "")
    return f"{a['name']} ({country})" if country and country.lower() != a["name"].lower() else a["name"]


def row_of(e: dict[str, Any]) -> list[Any] | None:
    kind = acled_type(e["event_type"], e.get("mode") or [], [a["sector"] for a in e["recipients"]])
    if kind is None:
        return None
    date: dt.date | None = e["date"]
    country = e.get("country") or ""
    a1 = e["actors"][0] if e["actors"] else None
    a2 = e["recipients"][0] if e["recipients"] else None
    actor1, assoc1 = _names(e["actors"])
    actor2, assoc2 = _names(e["recipients"])
    inter1, inter2 = _inter_code(a1, country), _inter_code(a2, country)
    interaction = "".join(sorted(str(i) for i in (inter1, inter2) if i != "")) or ""
    precision = _TIME.get(e.get("date_precision") or "day", 1) if e.get("date_from_text") else 1
    stamp = dt.datetime.combine(e["last_seen"], dt.time(), dt.UTC).timestamp() if e.get("last_seen") else ""
    return [f"{country or 'XXX'}{e['id']}", date.isoformat() if date else "", date.year if date else "",
            precision, kind["disorder_type"], kind["event_type"], kind["sub_event_type"],
            actor1, assoc1, inter1, actor2, assoc2, inter2, interaction,
            "Civilian targeting" if kind["event_type"] == "Violence against civilians" else "",
            int(country_codes().get(country, {}).get("iso_numeric") or 0) or "", "",
            country_names().get(country, country), "", "", "", e.get("location_name") or "",
            "" if e.get("lat") is None else round(e["lat"], 4), "" if e.get("lon") is None else round(e["lon"], 4),
            (1 if e.get("lat") is not None else 3) if e.get("location_name") else "",
            e.get("rep_outlet") or "", "", e.get("rep_text") or "", 0, "", int(stamp) if stamp != "" else ""]


def write(conn: Connection, out: IO[str], f: EventFilter | None = None) -> int:
    w = csv.writer(out, lineterminator="\n")
    w.writerow(COLUMNS)
    n = 0
    for e in events_with_actors(conn, f):
        row = row_of(e)
        if row is not None:
            w.writerow(row)
            n += 1
    return n
