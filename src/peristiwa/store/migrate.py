"""Schema upgrades: one function per version step, applied in order inside init_db's transaction.

The path for the next version: bump schema.SCHEMA_VERSION, change schema.py additively (new tables,
new nullable columns, new indexes), and add `STEPS[<new version>] = fn(conn)` here that brings a
database of the previous version up to it (e.g. `ALTER TABLE ... ADD COLUMN`, `create_all` for new
tables). Existing columns are never renamed or dropped: the API and exports read them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from sqlalchemy import Connection

from peristiwa.store import schema as s


def _to_v1(conn: Connection) -> None:
    # version 1 is the first schema: creating any missing table is the whole step
    s.metadata.create_all(conn)


STEPS: dict[int, Callable[[Connection], None]] = {1: _to_v1}


def upgrade(conn: Connection, from_version: int) -> int:
    """Apply every step after `from_version` up to schema.SCHEMA_VERSION; return the new version."""
    version = from_version
    for target in sorted(v for v in STEPS if from_version < v <= s.SCHEMA_VERSION):
        STEPS[target](conn)
        conn.execute(s.schema_version.insert().values(
            version=target, applied_at=dt.datetime.now(dt.UTC), note=f"upgraded from {version}"))
        version = target
    return version
