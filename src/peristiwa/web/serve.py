"""`peristiwa serve`: one process, or N uvicorn worker processes sharing the port.

Why workers: the API is CPU-bound Python and numpy, so one process uses one core however many
clients wait. uvicorn's supervisor starts the workers (each builds the app through
app.app_from_environment) and restarts one that dies. Before any worker starts, this process checks
the database and makes sure the column index of the current data is saved, so the workers only map
it (milliseconds) instead of each building its own; the database is opened read-only in each worker
(SQLite with query_only over WAL, which lets readers and an ingest run side by side; PostgreSQL with
read-only transactions, a connection pool per worker).
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(slots=True)
class ServeOptions:
    db_url: str
    host: str = "127.0.0.1"
    port: int = 8000
    workers: int | None = None  # None: one per CPU core this process may use
    cache_bytes: int = 64 * 2**20
    index_folder: Path | None = None
    allow_extract: bool = False
    cors_origins: list[str] = field(default_factory=list)


def default_workers() -> int:
    """The CPU cores this process may run on (its affinity mask, not the machine's count)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def run(opts: ServeOptions, announce: Callable[[str], None] = print) -> None:
    """Serve until interrupted. Raises StoreError when the database cannot be served."""
    import uvicorn

    from peristiwa.web.app import SERVE_VARIABLE, app_from_environment
    from peristiwa.web.indexfiles import ensure
    from peristiwa.web.readdb import ReadStore

    workers = opts.workers or default_workers()
    store = ReadStore(opts.db_url, index_folder=opts.index_folder)  # fails early on a missing database
    if store.live is not None:
        # built here once (or found), then only mapped by the workers
        folder, _, built, seconds = ensure(store.engine, store.live.root)
        how = f"built in {seconds:.1f} s" if built is not None else "found"
        announce(f"peristiwa: column index {how}: {folder}")
        del built
    store.engine.dispose()
    del store
    os.environ[SERVE_VARIABLE] = json.dumps({
        "db_url": opts.db_url, "allow_extract": opts.allow_extract, "cors_origins": opts.cors_origins or None,
        "cache_bytes": opts.cache_bytes, "index_folder": str(opts.index_folder) if opts.index_folder else None})
    announce(f"peristiwa: dashboard at http://{opts.host}:{opts.port}/  (API description at /docs; "
             f"{workers} worker process{'es' if workers > 1 else ''})")
    if workers == 1:
        uvicorn.run(app_from_environment(), host=opts.host, port=opts.port, log_level="warning")
    else:
        uvicorn.run("peristiwa.web.app:app_from_environment", factory=True, workers=workers,
                    host=opts.host, port=opts.port, log_level="warning")
