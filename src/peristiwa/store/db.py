"""Opening the database: an embedded SQLite file by default, PostgreSQL when shared.

`connect(url)` accepts a plain path (`peristiwa.db`), `sqlite:///path`, or `postgresql://...`
(driven by psycopg 3). SQLite runs in WAL mode with foreign keys and a busy timeout, so readers
(export, API) never block the writer and two writers wait for each other instead of failing.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote, unquote

from sqlalchemy import Connection, Engine, create_engine, event, inspect, select
from sqlalchemy.engine import make_url

from peristiwa.store import schema as s

DEFAULT_URL = "peristiwa.db"
BUSY_TIMEOUT_MS = 60_000


class StoreError(RuntimeError):
    """A database problem explained for the user (read-only file, full disk, newer schema...)."""


def normalize_url(url: str | None) -> str:
    """Plain paths become SQLite URLs; postgresql:// selects the psycopg 3 driver."""
    url = url or DEFAULT_URL
    if "://" not in url:
        return f"sqlite:///{url}"
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"


def connect(url: str | None = None, *, sqlite_pragmas: dict[str, object] | None = None,
            echo: bool = False) -> Engine:
    """An Engine for `url`. `sqlite_pragmas` adds per-connection pragmas (tests use max_page_count)."""
    full = normalize_url(url)
    if make_url(full).get_backend_name() == "sqlite":
        engine = create_engine(full, echo=echo, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
        _sqlite_setup(engine, sqlite_pragmas or {})
        return engine
    return create_engine(full, echo=echo, pool_pre_ping=True)


def connect_read_only(url: str | None = None) -> Engine:
    """An Engine that cannot write: SQLite opened with mode=ro (and query_only), PostgreSQL with
    read-only transactions. A read-only SQLite connection also never checkpoints the write-ahead log
    when it closes, so a server stopping leaves the file (and its size and time) as it found them."""
    full = normalize_url(url)
    u = make_url(full)
    if u.get_backend_name() == "sqlite" and u.database and u.database != ":memory:":
        path = quote(str(Path(u.database).resolve()))
        return connect(f"sqlite:///file:{path}?mode=ro&uri=true", sqlite_pragmas={"query_only": "ON"})
    if u.get_backend_name() == "sqlite":
        return connect(full, sqlite_pragmas={"query_only": "ON"})
    return connect(full).execution_options(postgresql_readonly=True)


def sqlite_path(engine: Engine) -> str | None:
    """The database file of a SQLite engine (also when opened as a file: URI), None otherwise."""
    if engine.dialect.name != "sqlite":
        return None
    db = engine.url.database or ""
    if db.startswith("file:"):
        db = unquote(db[len("file:"):])
    return db if db and db != ":memory:" else None


def _sqlite_setup(engine: Engine, extra: dict[str, object]) -> None:
    # pysqlite's own transaction handling defers BEGIN and cannot do BEGIN IMMEDIATE; take it over
    # (the recipe in SQLAlchemy's SQLite dialect documentation).
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record) -> None:
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA foreign_keys = ON")
        with contextlib.suppress(Exception):  # a read-only file cannot switch mode; reads still work
            cur.execute("PRAGMA journal_mode = WAL")
        cur.execute("PRAGMA synchronous = NORMAL")
        for key, value in extra.items():
            cur.execute(f"PRAGMA {key} = {value}")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        # writers take the write lock up front: a deferred transaction that reads and then writes
        # fails at once (SQLITE_BUSY_SNAPSHOT) when another writer got in between
        immediate = conn.get_execution_options().get("sqlite_immediate", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


@contextlib.contextmanager
def write_transaction(engine: Engine) -> Iterator[Connection]:
    """One all-or-nothing write transaction (BEGIN IMMEDIATE on SQLite)."""
    with engine.connect() as conn:
        conn = conn.execution_options(sqlite_immediate=True)
        with conn.begin():
            yield conn


def init_db(engine: Engine) -> int:
    """Create missing tables, record or upgrade the schema version; return the version in use."""
    from peristiwa.store.migrate import upgrade

    try:
        with write_transaction(engine) as conn:
            existing = set(inspect(conn).get_table_names())
            if "schema_version" not in existing:
                s.metadata.create_all(conn)
                conn.execute(s.schema_version.insert().values(
                    version=s.SCHEMA_VERSION, applied_at=dt.datetime.now(dt.UTC), note="created"))
                return s.SCHEMA_VERSION
            version = conn.execute(select(s.schema_version.c.version)
                                   .order_by(s.schema_version.c.version.desc()).limit(1)).scalar()
            if version is None or version < s.SCHEMA_VERSION:
                upgrade(conn, version or 0)
            elif version > s.SCHEMA_VERSION:
                raise StoreError(f"{describe(engine)}: schema version {version} is newer than this "
                                 f"peristiwa (knows {s.SCHEMA_VERSION}); upgrade peristiwa")
            return s.SCHEMA_VERSION
    except StoreError:
        raise
    except Exception as exc:
        raise explain(exc, engine) from exc


def schema_version_of(engine: Engine) -> int | None:
    with engine.connect() as conn:
        if "schema_version" not in inspect(conn).get_table_names():
            return None
        return conn.execute(select(s.schema_version.c.version)
                            .order_by(s.schema_version.c.version.desc()).limit(1)).scalar()


def describe(engine: Engine) -> str:
    """The database as users wrote it, without a password."""
    return engine.url.render_as_string(hide_password=True).replace("+psycopg", "")


def explain(exc: BaseException, engine: Engine) -> StoreError:
    """Turn a driver error into one sentence a user can act on."""
    msg = str(getattr(exc, "orig", None) or exc)
    low = msg.lower()
    where = describe(engine)
    if "readonly" in low or "read-only" in low or "read only" in low:
        return StoreError(f"{where}: the database is read-only ({msg.strip()}); nothing was written")
    if "database or disk is full" in low or "no space left" in low or "disk full" in low:
        return StoreError(f"{where}: the disk (or the database's size limit) is full; the batch was rolled "
                          f"back and nothing of it was written")
    if "unable to open database" in low:
        return StoreError(f"{where}: cannot open the database file ({msg.strip()})")
    if "database is locked" in low:
        return StoreError(f"{where}: the database stayed locked by another process for "
                          f"{BUSY_TIMEOUT_MS // 1000} s; try again when the other ingest ends")
    if "connection" in low and ("refused" in low or "failed" in low):
        return StoreError(f"{where}: cannot connect to the database server ({msg.strip()})")
    return StoreError(f"{where}: {type(exc).__name__}: {msg.strip()}")
