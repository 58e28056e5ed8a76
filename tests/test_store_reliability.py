"""Reliability: kill -9 then resume equals a clean run (row by row), two writers on one SQLite file,
a read-only database and a full disk leave nothing half-written."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest
from sqlalchemy import func, select

from peristiwa.corpus import IngestOptions, ingest
from peristiwa.schema import Document
from peristiwa.store import StoreError, connect, init_db
from peristiwa.store import schema as s
from peristiwa.store.writer import Item, write_batch
from tests.store_records import result, sample_corpus, snapshot, write_corpus

# no statistical model for "xx": documents go through the article stage only, which keeps these fast
FAST = ["--lang", "xx", "--quiet"]


def _ingest_cmd(src, db, *extra) -> list[str]:
    return [sys.executable, "-m", "peristiwa.cli", "ingest", str(src), "--db", str(db), *FAST, *extra]


def _count(db_url: str) -> int:
    engine = connect(db_url)
    try:
        with engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(s.documents)).scalar() or 0
    except Exception:
        return 0  # tables not created yet
    finally:
        engine.dispose()


def test_kill_9_during_ingest_then_resume_equals_clean_run(db_url, tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    write_corpus(corpus, 3000)
    proc = subprocess.Popen(_ingest_cmd(corpus, db_url, "--batch-size", "2"), stderr=subprocess.PIPE)
    deadline = time.time() + 120
    while _count(db_url) < 50 and time.time() < deadline and proc.poll() is None:
        time.sleep(0.02)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    killed_at = _count(db_url)
    assert 0 < killed_at < 3000, f"the kill did not land mid-run ({killed_at} documents stored)"
    resumed = subprocess.run(_ingest_cmd(corpus, db_url), capture_output=True, text=True, timeout=300)
    assert resumed.returncode == 0, resumed.stderr
    assert f"{killed_at} skipped" in resumed.stderr
    clean = str(tmp_path / "clean.db")
    subprocess.run(_ingest_cmd(corpus, clean), check=True, capture_output=True, timeout=300)
    got, want = snapshot(db_url), snapshot(clean)
    assert len(want["documents"]) == 3000
    for table in want:
        assert got[table] == want[table], table


def test_two_ingests_into_one_sqlite_file_at_once(tmp_path):
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    write_corpus(a, 600)
    write_corpus(b, 600, start=300)  # half of b is also in a
    db = tmp_path / "shared.db"
    init_db(connect(str(db)))
    procs = [subprocess.Popen(_ingest_cmd(src, db, "--batch-size", "3"), stderr=subprocess.PIPE, text=True)
             for src in (a, b)]
    outs = [p.communicate(timeout=300)[1] for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outs
    both = tmp_path / "both"
    both.mkdir()
    write_corpus(both / "all.jsonl", 900)
    clean = tmp_path / "clean.db"
    subprocess.run(_ingest_cmd(both, clean), check=True, capture_output=True, timeout=300)
    got, want = snapshot(str(db)), snapshot(str(clean))
    assert len(got["documents"]) == 900
    # sources differ (a.jsonl:n vs all.jsonl:n); everything else is the same
    for table in ("articles", "entities", "mentions", "events"):
        assert got[table] == want[table], table


def test_read_only_database_is_a_clear_error_and_unchanged(tmp_path):
    db = tmp_path / "ro.db"
    engine = connect(str(db))
    init_db(engine)
    write_batch(engine, [Item.of(Document(doc_id="a", source="a", kind="clean", text="x"), sample_corpus()[0])])
    engine.dispose()
    before = snapshot(str(db))
    corpus = tmp_path / "c.jsonl"
    write_corpus(corpus, 5)
    ro_url = f"sqlite:///file:{db}?mode=ro&uri=true"
    with pytest.raises(StoreError, match="read-only"):
        ingest([corpus], ro_url, IngestOptions(progress=False, lang="xx"))
    assert snapshot(str(db)) == before


def test_full_disk_rolls_back_the_whole_batch(tmp_path):
    db = tmp_path / "full.db"
    init_db(connect(str(db)))
    with connect(str(db)).connect() as conn:
        pages = conn.exec_driver_sql("PRAGMA page_count").scalar()
    # SQLITE_FULL as on a full disk: the file may not grow beyond a few more pages
    engine = connect(str(db), sqlite_pragmas={"max_page_count": pages + 4})
    big = "Kalimat panjang tentang rapat kabinet. " * 2000
    items = [Item.of(Document(doc_id=str(i), source=str(i), kind="clean", text=big + str(i)),
                     result(str(i), [], text=big)) for i in range(20)]
    with pytest.raises(StoreError, match="full"):
        write_batch(engine, items)
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(s.documents)).scalar() == 0
        assert conn.execute(select(func.count()).select_from(s.articles)).scalar() == 0
    # after space is freed, the same batch goes in whole
    write_batch(connect(str(db)), items)
    assert len(snapshot(str(db))["documents"]) == 20


def test_missing_server_is_a_clear_error(tmp_path):
    with pytest.raises(StoreError, match="cannot connect"):
        ingest([tmp_path], "postgresql://nobody@127.0.0.1:9/none", IngestOptions(progress=False))
