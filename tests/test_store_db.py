"""connect/init_db on SQLite and PostgreSQL: tables, schema version, URL forms, clear errors."""

from __future__ import annotations

import pytest
from sqlalchemy import inspect, select

from peristiwa.store import StoreError, connect, init_db
from peristiwa.store import schema as s
from peristiwa.store.db import normalize_url, schema_version_of


def test_init_creates_every_table_and_records_version(db_url):
    engine = connect(db_url)
    assert init_db(engine) == s.SCHEMA_VERSION
    assert init_db(engine) == s.SCHEMA_VERSION  # twice is harmless
    names = set(inspect(engine).get_table_names())
    assert set(s.metadata.tables) <= names
    assert schema_version_of(engine) == s.SCHEMA_VERSION
    with engine.connect() as conn:
        assert conn.execute(select(s.schema_version.c.version)).scalars().all() == [s.SCHEMA_VERSION]


def test_newer_schema_is_refused(db_url):
    engine = connect(db_url)
    init_db(engine)
    import datetime as dt
    with engine.begin() as conn:
        conn.execute(s.schema_version.insert().values(version=s.SCHEMA_VERSION + 1,
                                                      applied_at=dt.datetime.now(dt.UTC)))
    with pytest.raises(StoreError, match="newer than this peristiwa"):
        init_db(engine)


def test_url_forms():
    assert normalize_url("x/peristiwa.db") == "sqlite:///x/peristiwa.db"
    assert normalize_url(None) == "sqlite:///peristiwa.db"
    assert normalize_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"
    assert normalize_url("sqlite:////abs.db") == "sqlite:////abs.db"


def test_sqlite_runs_in_wal_with_foreign_keys(tmp_path):
    engine = connect(str(tmp_path / "a.db"))
    init_db(engine)
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 1000


def test_missing_directory_is_a_clear_error(tmp_path):
    engine = connect(str(tmp_path / "no" / "such" / "dir" / "a.db"))
    with pytest.raises(StoreError, match="cannot open the database"):
        init_db(engine)
