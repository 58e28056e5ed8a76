"""What every export format shares: the filtered events with their actors, and the country code tables."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterator
from functools import lru_cache
from importlib import resources
from typing import Any

from sqlalchemy import Connection

from peristiwa.store.queries import EventFilter, event_actors_of, iter_events

BATCH = 2000


def events_with_actors(conn: Connection, f: EventFilter | None = None) -> Iterator[dict[str, Any]]:
    """Event rows (see queries.select_events) with `actors` and `recipients` lists, streamed in batches."""
    batch: list[dict[str, Any]] = []
    for row in iter_events(conn, f):
        batch.append(row)
        if len(batch) >= BATCH:
            yield from _attach(conn, batch)
            batch = []
    yield from _attach(conn, batch)


def _attach(conn: Connection, batch: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    if not batch:
        return
    roles = event_actors_of(conn, [r["id"] for r in batch])
    for r in batch:
        got = roles.get(r["id"], {"actor": [], "recipient": []})
        r["actors"], r["recipients"] = got["actor"], got["recipient"]
        yield r


def read_tsv(name: str) -> list[dict[str, str]]:
    """A table from data/export/, comment lines (#) skipped."""
    text = resources.files("peristiwa").joinpath("data", "export", name).read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


@lru_cache(maxsize=1)
def country_codes() -> dict[str, dict[str, str]]:
    """ISO-3 -> {"fips", "iso2", "iso_numeric"}."""
    return {r["iso3"]: r for r in read_tsv("countries.tsv")}


@lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    """ISO-3 -> English country name (from the shipped gazetteer)."""
    text = resources.files("peristiwa").joinpath("data", "places", "countries.tsv").read_text(encoding="utf-8")
    rows = csv.DictReader([ln for ln in text.splitlines() if ln and not ln.startswith("#")], delimiter="\t")
    return {r["iso3"]: r["name"] for r in rows}


def iso(d: dt.date | str | None) -> str | None:
    return None if d is None else str(d)
