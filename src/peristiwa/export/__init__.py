"""Exports of the stored events: PLOVER JSONL, GDELT 2.0 TSV, ACLED CSV, flat CSV, Parquet, GraphML."""

from __future__ import annotations

import sys
from pathlib import Path

from sqlalchemy import Engine

from peristiwa.store.queries import EventFilter

FORMATS = ("plover", "gdelt", "acled", "csv", "parquet", "graphml")
BINARY = {"parquet", "graphml"}


def export_events(engine: Engine, fmt: str, path: Path | None = None, f: EventFilter | None = None, *,
                  header: bool = False) -> int:
    """Write the events matching `f` in format `fmt` to `path` (stdout when None); return rows written
    (edges for graphml). `header` adds the column names to gdelt (GDELT's own files have none)."""
    import functools

    from peristiwa.export import acled, gdelt, graphml, plover, tables

    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt == "parquet" and path is None:
        raise ValueError("parquet needs an output file (-o FILE)")
    with engine.connect() as conn:
        if fmt in BINARY:
            if fmt == "parquet":
                return tables.write_parquet(conn, path, f)
            if path is None:
                return graphml.write(conn, sys.stdout.buffer, f)
            return graphml.write(conn, path, f)
        writer = {"plover": plover.write, "gdelt": functools.partial(gdelt.write, header=header), "acled": acled.write, "csv": tables.write_csv}[fmt]
        if path is None:
            return writer(conn, sys.stdout, f)
        with open(path, "w", encoding="utf-8", newline="") as out:
            return writer(conn, out, f)


__all__ = ["FORMATS", "EventFilter", "export_events"]
