"""The column index's life: saved to disk once per version of the data, shared by every server process,
rebuilt in the background when the data changes.

Why: building the index reads every event (about 7 s of CPU for a million), which no user should wait
for, and each worker process building its own copy would cost that time and its memory once per
process. So the index of one data version is built by one process under a file lock, saved as .npy
files, and memory-mapped by every worker (the page cache holds it once). A change to the database
(new ingest) is noticed by its token; while the new index is built, in a niced subprocess so that
request handling keeps the CPU, the previous index goes on answering. Small databases (a build under
`INLINE_BUILD_S`) are rebuilt on the spot instead, so their answers are never stale.

    PERISTIWA_INDEX_DB_URL=URL python -m peristiwa.web.indexfiles FOLDER   # build or find the index of the data now
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from sqlalchemy import Engine, text
from sqlalchemy.engine import make_url

from peristiwa.store.db import connect_read_only, normalize_url, sqlite_path
from peristiwa.web.colindex import FORMAT, ColumnIndex

RECHECK_S = 2.0  # how often the database is looked at for changes
INLINE_BUILD_S = 0.5  # an index that built faster than this is rebuilt on the request that notices a change
URL_VARIABLE = "PERISTIWA_INDEX_DB_URL"
KEEP = 2  # saved versions kept per database (the current one and the one before)


def default_folder(url: str) -> Path:
    """Where a database's saved indexes go: beside a SQLite file (`peristiwa.db.index/`) when that folder
    is writable, else in the user's cache folder, under a name made from the address."""
    u = make_url(normalize_url(url))
    if u.get_backend_name() == "sqlite" and u.database and u.database != ":memory:":
        db = Path(u.database).resolve()
        if os.access(db.parent, os.W_OK):
            return db.parent / f"{db.name}.index"
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    name = hashlib.sha1(u.render_as_string(hide_password=True).encode()).hexdigest()[:16]
    return cache / "peristiwa" / "index" / name


def data_token(engine: Engine) -> str:
    """Changes whenever the data may have: the file's and its write-ahead log's size and time (SQLite;
    an empty log, which every new connection creates, does not count), the tables' write counters
    (PostgreSQL)."""
    if engine.dialect.name == "sqlite":
        path = sqlite_path(engine)
        if path is None:
            return "memory"
        out = []
        for suffix in ("", "-wal"):
            with contextlib.suppress(FileNotFoundError):
                st = os.stat(path + suffix)
                if st.st_size or not suffix:
                    out.append((suffix, st.st_mtime_ns, st.st_size))
        return repr(out)
    with engine.connect() as conn:
        return repr(conn.execute(text(
            "SELECT relname, n_tup_ins, n_tup_upd, n_tup_del FROM pg_stat_user_tables "
            "WHERE relname IN ('events', 'event_actors', 'actors') ORDER BY relname")).all())


def version_folder(root: Path, token: str) -> Path:
    return root / hashlib.sha1(f"{FORMAT}:{token}".encode()).hexdigest()[:20]


@contextlib.contextmanager
def _locked(root: Path) -> Iterator[None]:
    """One builder at a time across processes; the others wait here and then find its result."""
    root.mkdir(parents=True, exist_ok=True)
    with open(root / "build.lock", "a+b") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def ensure(engine: Engine, root: Path) -> tuple[Path, str, ColumnIndex | None, float]:
    """The saved index of the data as it is now: (folder, token, the index if this call built it,
    build seconds or 0). Builds and saves it unless a process did so already."""
    with _locked(root):
        token = data_token(engine)  # read before the data, so a write during the build is noticed later
        folder = version_folder(root, token)
        if (folder / "state.json").exists():
            return folder, token, None, 0.0
        t0 = time.perf_counter()
        index = ColumnIndex(engine).prepare()
        seconds = time.perf_counter() - t0
        tmp = root / f".building-{os.getpid()}"
        shutil.rmtree(tmp, ignore_errors=True)
        index.save(tmp)
        (tmp / "token").write_text(token, encoding="utf-8")
        (tmp / "build_seconds").write_text(f"{seconds:.3f}", encoding="utf-8")
        os.replace(tmp, folder)  # readers see a folder only once it is complete
        _prune(root, keep=folder)
        return folder, token, index, seconds


def _prune(root: Path, keep: Path) -> None:
    """Drop all but the newest saved versions (a process still mapping one keeps its files open)."""
    versions = sorted((p for p in root.iterdir() if p.is_dir() and not p.name.startswith(".")),
                      key=lambda p: p.stat().st_mtime, reverse=True)
    for old in [p for p in versions if p != keep][KEEP - 1:]:
        shutil.rmtree(old, ignore_errors=True)


def _build_seconds(folder: Path) -> float:
    try:
        return float((folder / "build_seconds").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return 0.0


class LiveIndex:
    """The column index a server process answers from, kept up to date with the database.

    `current()` is called by every request: at most every RECHECK_S it compares the database's token
    with the one the index was built for. On a change, a small index is rebuilt on the spot; a large one
    in the background (a subprocess under the build lock) while the old one keeps answering."""

    def __init__(self, engine: Engine, url: str, folder: Path | None = None) -> None:
        self.engine = engine
        self.url = url
        self.root = folder or default_folder(url)
        self._index: ColumnIndex | None = None
        self.token: str | None = None  # the data version the index holds
        self._build_s = 0.0
        self._checked = 0.0
        self._lock = threading.Lock()
        self._refreshing: threading.Thread | None = None
        self.on_swap: list[Callable[[], None]] = []

    def current(self) -> ColumnIndex:
        if self._index is None:
            with self._lock:
                if self._index is None:
                    self._load(*ensure(self.engine, self.root))
        self._maybe_refresh()
        assert self._index is not None
        return self._index

    def version(self) -> str | None:
        """The data version answered now (None before the first load); notices changes like current()."""
        if self._index is not None:
            self._maybe_refresh()
        return self.token

    def _load(self, folder: Path, token: str, built: ColumnIndex | None, seconds: float) -> None:
        self._index = built if built is not None else ColumnIndex.load(folder)
        self.token = token
        self._build_s = seconds or _build_seconds(folder)
        self._checked = time.monotonic()
        for fn in self.on_swap:
            fn()

    def _maybe_refresh(self) -> None:
        if time.monotonic() - self._checked < RECHECK_S:
            return
        self._checked = time.monotonic()
        if data_token(self.engine) == self.token:
            return
        if self._build_s < INLINE_BUILD_S:
            with self._lock:
                self._load(*ensure(self.engine, self.root))
            return
        with self._lock:
            if self._refreshing is None or not self._refreshing.is_alive():
                self._refreshing = threading.Thread(target=self._refresh_in_background, daemon=True,
                                                    name="peristiwa-index-refresh")
                self._refreshing.start()

    def _refresh_in_background(self) -> None:
        try:
            # the address goes by environment, not argv, where other users could read a password
            proc = subprocess.run([sys.executable, "-m", "peristiwa.web.indexfiles", str(self.root)],
                                  env={**os.environ, URL_VARIABLE: self.url},
                                  capture_output=True, text=True, check=True)
            folder = Path(proc.stdout.strip().splitlines()[-1])
            token = (folder / "token").read_text(encoding="utf-8")
            index = ColumnIndex.load(folder)
        except (subprocess.CalledProcessError, OSError, ValueError, IndexError) as exc:
            detail = getattr(exc, "stderr", "") or exc
            print(f"peristiwa: rebuilding the column index failed: {detail}", file=sys.stderr)
            return
        with self._lock:
            self._index, self.token, self._build_s = index, token, _build_seconds(folder)
            for fn in self.on_swap:
                fn()


def main(argv: list[str] | None = None) -> None:
    root = (argv or sys.argv[1:])[0]
    os.nice(10)  # the serving processes come first
    engine = connect_read_only(os.environ[URL_VARIABLE])
    folder, _, _, _ = ensure(engine, Path(root))
    print(folder)


if __name__ == "__main__":
    main()
