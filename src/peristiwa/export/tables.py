"""Flat event tables: CSV (with a header) and Parquet (typed columns, via pyarrow)."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import IO, Any

from sqlalchemy import Connection

from peristiwa.export.common import events_with_actors, iso
from peristiwa.store.queries import EventFilter

COLUMNS = ["id", "date", "date_precision", "event_type", "mode", "context", "cameo", "quad", "goldstein",
           "modality", "actor1", "actor1_country", "actor1_sector", "actor2", "actor2_country", "actor2_sector",
           "actors", "recipients", "location", "country", "lat", "lon", "geonameid", "num_mentions",
           "num_sources", "num_articles", "first_seen", "last_seen", "confidence", "text", "trigger",
           "outlet", "url"]


def flat(e: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": e["id"], "date": iso(e["date"]), "date_precision": e.get("date_precision"),
        "event_type": e["event_type"], "mode": ",".join(e.get("mode") or []),
        "context": ",".join(e.get("context") or []), "cameo": e.get("cameo"), "quad": e.get("quad"),
        "goldstein": e.get("goldstein"), "modality": e.get("modality"),
        "actor1": e.get("actor1_name"), "actor1_country": e.get("actor1_country"),
        "actor1_sector": e.get("actor1_sector"), "actor2": e.get("actor2_name"),
        "actor2_country": e.get("actor2_country"), "actor2_sector": e.get("actor2_sector"),
        "actors": "; ".join(a["name"] for a in e["actors"]),
        "recipients": "; ".join(a["name"] for a in e["recipients"]),
        "location": e.get("location_name"), "country": e.get("country"), "lat": e.get("lat"),
        "lon": e.get("lon"), "geonameid": e.get("geonameid"), "num_mentions": e["num_mentions"],
        "num_sources": e["num_sources"], "num_articles": e["num_articles"],
        "first_seen": iso(e.get("first_seen")), "last_seen": iso(e.get("last_seen")),
        "confidence": e.get("confidence"), "text": e.get("rep_text"), "trigger": e.get("rep_trigger_text"),
        "outlet": e.get("rep_outlet"), "url": e.get("rep_url") or e.get("rep_source"),
    }


def write_csv(conn: Connection, out: IO[str], f: EventFilter | None = None) -> int:
    w = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    w.writeheader()
    n = 0
    for e in events_with_actors(conn, f):
        w.writerow(flat(e))
        n += 1
    return n


def write_parquet(conn: Connection, path: Path, f: EventFilter | None = None) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema([
        (c, pa.int64() if c in {"id", "quad", "geonameid", "num_mentions", "num_sources", "num_articles"}
         else pa.float64() if c in {"goldstein", "lat", "lon", "confidence"} else pa.string())
        for c in COLUMNS])
    n = 0
    with pq.ParquetWriter(str(path), schema) as writer:
        batch: list[dict[str, Any]] = []
        for e in events_with_actors(conn, f):
            batch.append(flat(e))
            if len(batch) >= 5000:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                n += len(batch)
                batch = []
        writer.write_table(pa.Table.from_pylist(batch, schema=schema))
        n += len(batch)
    return n
