"""pytest plugin: a throw-away PostgreSQL server and a Dask LocalCluster for the store tests.

`pg_url` yields a URL: PERISTIWA_TEST_PG_URL when given, else a server started here (initdb into a tmp
dir, pg_ctl on a free local port, unix socket in the tmp dir) and stopped at the end of the session.
We run as root in CI and PostgreSQL refuses to run as root, so the server runs as the `postgres` user.
Missing binaries: the tests FAIL in CI (CI=true) with the reason, and skip on a developer machine.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest


def _missing(reason: str) -> None:
    if os.environ.get("CI", "").lower() in {"1", "true", "yes"}:
        pytest.fail(f"{reason} (CI=true: these tests must run; `make system-deps` installs them)")
    pytest.skip(reason)


def _pg_bin() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"), key=lambda p: int(p.split("/")[4]))
    if found:
        return Path(found[-1]).parent
    which = shutil.which("pg_ctl")
    return Path(which).parent if which else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _as_postgres(cmd: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return cmd
    runuser = shutil.which("runuser")
    if runuser is None:
        raise RuntimeError("running as root without runuser: cannot start PostgreSQL as `postgres`")
    return [runuser, "-u", "postgres", "--", *cmd]


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    """URL of a PostgreSQL server (maintenance database `postgres`)."""
    given = os.environ.get("PERISTIWA_TEST_PG_URL")
    if given:
        yield given
        return
    bindir = _pg_bin()
    if bindir is None:
        _missing("PostgreSQL server binaries (pg_ctl, initdb) not found")
    tmp = Path(tempfile.mkdtemp(prefix="peristiwa-pg-"))
    data, sock = tmp / "data", tmp / "sock"
    sock.mkdir()
    if os.geteuid() == 0:
        shutil.chown(tmp, "postgres")
        shutil.chown(sock, "postgres")
    port = _free_port()
    try:
        subprocess.run(_as_postgres([str(bindir / "initdb"), "-D", str(data), "-U", "postgres",
                                     "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"]),
                       check=True, capture_output=True, text=True)
        opts = f"-p {port} -k {sock} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=60"
        subprocess.run(_as_postgres([str(bindir / "pg_ctl"), "-D", str(data), "-o", opts, "-w", "-t", "60",
                                     "-l", str(tmp / "log"), "start"]),
                       check=True, capture_output=True, text=True)
    except (subprocess.CalledProcessError, RuntimeError) as exc:
        log = (tmp / "log").read_text() if (tmp / "log").exists() else ""
        detail = getattr(exc, "stderr", "") or str(exc)
        shutil.rmtree(tmp, ignore_errors=True)
        _missing(f"could not start PostgreSQL: {detail.strip()} {log[-500:]}")
    try:
        yield f"postgresql://postgres@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(_as_postgres([str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"]),
                       capture_output=True)
        shutil.rmtree(tmp, ignore_errors=True)


@pytest.fixture
def pg_url(pg_server: str) -> Iterator[str]:
    """A fresh, empty database on the test server for one test; dropped afterwards."""
    import psycopg

    name = f"t_{uuid.uuid4().hex[:12]}"
    admin = pg_server.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    base = admin.rsplit("/", 1)[0]
    yield f"{base}/{name}"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request, tmp_path: Path) -> str:
    """Store tests run once on an SQLite file and once on PostgreSQL."""
    if request.param == "sqlite":
        return str(tmp_path / "test.db")
    return request.getfixturevalue("pg_url")


@pytest.fixture(scope="session")
def dask_cluster() -> Iterator[str]:
    """Address of a local Dask cluster (2 worker processes, 1 thread each)."""
    try:
        from dask.distributed import LocalCluster
    except ImportError:
        _missing("dask.distributed is not installed")
    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                           silence_logs=40)
    try:
        yield cluster.scheduler_address
    finally:
        cluster.close()
        time.sleep(0.1)
