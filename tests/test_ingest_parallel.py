"""--workers N and --dask give the same database as one process (the real pipeline on small text)."""

from __future__ import annotations

import pytest

from peristiwa.corpus import IngestOptions, ingest
from peristiwa.store import schema as s
from tests.conftest import EXAMPLES
from tests.store_records import VOLATILE, snapshot, write_corpus


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """The bundled example pages (full pipeline) plus a few clean records of our own."""
    if not EXAMPLES.is_dir():
        pytest.skip("examples/ missing")
    extra = tmp_path_factory.mktemp("corpus") / "records.jsonl"
    write_corpus(extra, 4)
    return [str(EXAMPLES), str(extra)]


@pytest.fixture(scope="module")
def one_process(corpus, tmp_path_factory):
    db = str(tmp_path_factory.mktemp("one") / "one.db")
    summary = ingest(corpus, db, IngestOptions(progress=False, chunk=4))
    assert summary.failed == 0, summary.failures
    return snapshot(db)


def test_real_pipeline_output_is_stored_merged_and_exported(one_process, tmp_path):
    # the example pages are political news: the coder finds events in them
    assert one_process["mentions"] and one_process["events"]
    assert len(one_process["events"]) <= len(one_process["mentions"])
    event_ids = {row[0] for row in one_process["events"]}
    col = [c.name for c in s.mentions.columns if c.name not in VOLATILE].index("event_id")
    assert all(row[col] in event_ids for row in one_process["mentions"])  # every mention is in an event


def test_two_worker_processes_equal_one_process(corpus, one_process, tmp_path):
    db = str(tmp_path / "two.db")
    summary = ingest(corpus, db, IngestOptions(progress=False, chunk=4, workers=2))
    assert summary.stored == len(one_process["documents"])
    two = snapshot(db)
    # on a difference, name the rows (this test failed once in a full run and never again: keep the evidence)
    for table, rows in one_process.items():
        only_one = sorted(set(map(repr, rows)) - set(map(repr, two.get(table, []))))
        only_two = sorted(set(map(repr, two.get(table, []))) - set(map(repr, rows)))
        assert not only_one and not only_two, f"{table}: one process only {only_one[:3]}; two workers only {only_two[:3]}"
    assert two == one_process


@pytest.mark.postgres
def test_dask_cluster_writing_to_postgresql_equals_one_process(corpus, dask_cluster, pg_url, tmp_path):
    # article stage only ("xx" has no model): the Dask workers would each load the model otherwise,
    # which costs more than the rest of this file; the two-worker test above runs the full pipeline
    opts = {"progress": False, "chunk": 3, "lang": "xx"}
    local = str(tmp_path / "local.db")
    ingest(corpus, local, IngestOptions(**opts))
    summary = ingest(corpus, pg_url, IngestOptions(**opts, dask=dask_cluster))
    want = snapshot(local)
    assert summary.stored == len(want["documents"]) > 0
    assert snapshot(pg_url) == want
    again = ingest(corpus, pg_url, IngestOptions(**opts, dask=dask_cluster))
    assert again.stored == 0 and again.skipped == summary.stored
