"""Serving a team: the response cache, the saved column index and its background rebuild, and
`peristiwa serve --workers` as a real multi-process server."""

from __future__ import annotations

import hashlib
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import numpy as np
import pytest
from fastapi.testclient import TestClient

from peristiwa.web import indexfiles
from peristiwa.web.app import create_app
from peristiwa.web.cache import normalise
from tests.web_data import ARTICLES, build_db, result_of


def _add_article(url: str, n: int) -> None:
    """A later ingest: one more article written through the store's writer and merged."""
    from peristiwa.store import connect
    from peristiwa.store.merge import rebuild
    from peristiwa.store.writer import Item, write_batch

    engine = connect(url)
    write_batch(engine, [Item(hash=hashlib.sha256(f"later-{n}".encode()).hexdigest()[:32],
                              result=result_of(*ARTICLES[n]), kind="clean")])
    rebuild(engine)
    engine.dispose()


def test_repeated_queries_come_from_the_cache_until_the_data_changes(tmp_path, monkeypatch):
    monkeypatch.setattr(indexfiles, "RECHECK_S", 0.0)
    url = build_db(str(tmp_path / "c.db"), results=[result_of(*ARTICLES[0])])
    c = TestClient(create_app(url))
    c.get("/api/timeline")  # loads the data (a served app does so before its first request)
    first = c.get("/api/network?quad=4,2&type=aid,assault")
    again = c.get("/api/network?type=ASSAULT,AID&quad=2,4&utm_source=mail")  # the same question, spelt otherwise
    assert first.headers["x-peristiwa-cache"] == "miss" and again.headers["x-peristiwa-cache"] == "hit"
    assert again.content == first.content and again.headers["etag"] == first.headers["etag"]
    assert c.get("/api/network?quad=4").headers["x-peristiwa-cache"] == "miss"  # another question
    # a browser asking again with the ETag gets 304 while the data holds
    assert c.get("/api/network?quad=2,4&type=AID,ASSAULT",
                 headers={"if-none-match": first.headers["etag"]}).status_code == 304
    names = {n["name"] for n in c.get("/api/network").json()["nodes"]}
    assert "Greece" not in names
    _add_article(url, 2)  # Greece expels Libya's ambassador
    after = c.get("/api/network")
    assert after.headers["x-peristiwa-cache"] == "miss"
    assert "Greece" in {n["name"] for n in after.json()["nodes"]}
    stale = c.get("/api/network?quad=2,4&type=AID,ASSAULT", headers={"if-none-match": first.headers["etag"]})
    assert stale.status_code == 200 and stale.headers["etag"] != first.headers["etag"]
    # errors are never kept
    assert c.get("/api/events?sort=nope").status_code == 422
    assert c.get("/api/events?sort=nope").headers.get("x-peristiwa-cache") != "hit"


def test_cache_off_and_normalised_keys(tmp_path):
    url = build_db(str(tmp_path / "off.db"), results=[result_of(*ARTICLES[0])])
    c = TestClient(create_app(url, cache_bytes=0))
    c.get("/api/timeline")
    assert [c.get("/api/timeline").headers["x-peristiwa-cache"] for _ in range(2)] == ["miss", "miss"]
    assert normalise(b"quad=3,1&country=lby&x=1") == normalise(b"country=LBY&quad=1,3")
    assert normalise(b"actor=Russia") != normalise(b"actor=russia%20") != normalise(b"actor=Rusia")
    assert normalise(b"quad=9") == "quad=9"  # invalid values stay as they are (the API refuses them)


def test_the_index_is_saved_once_and_mapped_after(tmp_path):
    url = build_db(str(tmp_path / "s.db"), results=[result_of(*ARTICLES[0])])
    from peristiwa.store import connect

    engine = connect(url)
    root = indexfiles.default_folder(url)
    assert root == tmp_path / "s.db.index"
    folder, token, built, _ = indexfiles.ensure(engine, root)
    assert built is not None and (folder / "state.json").exists()
    again, token2, built2, _ = indexfiles.ensure(engine, root)
    assert (again, token2, built2) == (folder, token, None)  # found, not built
    mapped = indexfiles.ColumnIndex.load(folder)
    # a plain ndarray over the file's mapping (np.memmap's own slicing is slow), not a copy
    assert isinstance(mapped.ids.base, np.memmap) and not mapped.ids.flags.writeable
    assert np.array_equal(mapped.ids, built.ids)
    assert mapped.types == built.types and mapped.actor_names == built.actor_names
    for n in (1, 2):  # two ingests: a new version each time, the older ones pruned
        _add_article(url, n)
        newer, *_ = indexfiles.ensure(engine, root)
        assert newer != folder
    assert len([p for p in root.iterdir() if p.is_dir()]) == indexfiles.KEEP
    engine.dispose()


def test_a_large_index_is_rebuilt_in_the_background(tmp_path, monkeypatch):
    """Past INLINE_BUILD_S the rebuild runs in a subprocess; the old index answers until it is done."""
    monkeypatch.setattr(indexfiles, "RECHECK_S", 0.0)
    monkeypatch.setattr(indexfiles, "INLINE_BUILD_S", -1.0)  # treat this small index as a large one
    url = build_db(str(tmp_path / "bg.db"), results=[result_of(*ARTICLES[0])])
    c = TestClient(create_app(url))
    assert len(c.get("/api/events").json()["events"]) == 3
    _add_article(url, 1)
    t0 = time.monotonic()
    counts = []
    while time.monotonic() - t0 < 60:
        counts.append(len(c.get("/api/events").json()["events"]))
        if counts[-1] == 6:
            break
        time.sleep(0.05)
    assert counts[0] == 3 and counts[-1] == 6, counts  # old answers first, then the new data


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_serve_with_workers(tmp_path):
    """`peristiwa serve --workers 2`: two processes answer on one port from one saved index."""
    import psutil

    url = build_db(str(tmp_path / "w.db"))
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "peristiwa.cli", "serve", "--db", url, "--port", str(port),
                             "--workers", "2"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + 60
        while True:
            try:
                if httpx.get(base + "/api/timeline", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert proc.poll() is None, proc.stderr.read().decode()
            assert time.time() < deadline, "server did not start"
            time.sleep(0.2)
        workers = [p for p in psutil.Process(proc.pid).children(recursive=True) if "spawn_main" in " ".join(p.cmdline())]
        assert len(workers) == 2
        with httpx.Client(base_url=base, timeout=30) as client:
            bodies = {client.get("/api/network", params={"quad": q}).text for q in ("1", "2", "3", "4") for _ in range(5)}
            assert len(bodies) == 4
            assert len(client.get("/api/events").json()["events"]) == 9
        assert len([p for p in Path(str(tmp_path / "w.db.index")).iterdir() if p.is_dir()]) == 1
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    assert proc.returncode is not None


@pytest.mark.parametrize("workers", [None])
def test_default_workers_follow_the_cores(workers):

    from peristiwa.web.serve import default_workers
    assert default_workers() == len(os.sched_getaffinity(0))
