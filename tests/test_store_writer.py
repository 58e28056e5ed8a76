"""The writer: idempotent by content hash, failures stored once and cleared by a later success,
actors canonical, mentions with their offsets; and the migration path."""

from __future__ import annotations

from sqlalchemy import func, select

from peristiwa.schema import Document, Result
from peristiwa.store import connect, init_db, migrate
from peristiwa.store import schema as s
from peristiwa.store.writer import Item, stored_hashes, write_batch
from tests.store_records import KKB, TNI, event, result, snapshot


def _doc(name: str, text: str = "isi") -> Document:
    return Document(doc_id=name, source=f"test://{name}", kind="clean", text=text)


def _count(engine, table) -> int:
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(table)).scalar()


def test_same_content_twice_is_stored_once(db_url):
    engine = connect(db_url)
    init_db(engine)
    r = result("a", [event(), event("PROTEST", sentence="Warga berunjuk rasa.", trigger="berunjuk rasa")])
    first = write_batch(engine, [Item.of(_doc("a"), r), Item.of(_doc("a-again"), r, Item.of(_doc("a"), r).hash)])
    assert (first.documents, first.skipped, first.mentions) == (1, 1, 2)
    before = snapshot(db_url)
    again = write_batch(engine, [Item.of(_doc("a"), r)])
    assert (again.documents, again.skipped) == (0, 1)
    assert snapshot(db_url) == before
    with engine.connect() as conn:
        m = conn.execute(select(s.mentions).order_by(s.mentions.c.ordinal)).mappings().all()
        names = conn.execute(select(s.actors.c.name).order_by(s.actors.c.name)).scalars().all()
    assert [x["event_type"] for x in m] == ["ASSAULT", "PROTEST"]
    assert (m[0]["trigger_text"], m[0]["trigger_start"], m[0]["trigger_end"]) == ("menyerang", 4, 13)
    assert names == sorted([KKB.name, TNI.name])  # one canonical row per actor, shared by both mentions


def test_failures_are_stored_once_and_cleared_by_a_later_success(db_url):
    engine = connect(db_url)
    init_db(engine)
    doc = _doc("bad", "teks")
    failed = Result(doc_id="bad", source="test://bad", error="test://bad: article stage failed: ValueError: x")
    item = Item.of(doc, failed)
    assert write_batch(engine, [item]).failed == 1
    write_batch(engine, [item])
    assert _count(engine, s.failures) == 1
    with engine.connect() as conn:
        row = conn.execute(select(s.failures)).mappings().one()
    assert row["stage"] == "article" and "test://bad" in row["error"] and row["document_id"] == item.hash
    # a normal re-run skips it; --retry-failed leaves failed hashes out of the skip set
    assert stored_hashes(engine, [item.hash]) == {item.hash}
    assert stored_hashes(engine, [item.hash], include_failed=False) == set()
    fixed = Item.of(doc, result("bad", [event()]))
    assert write_batch(engine, [fixed]).documents == 1
    assert _count(engine, s.failures) == 0
    with engine.connect() as conn:
        assert conn.execute(select(s.documents.c.status)).scalar() == "ok"


def test_migration_steps_run_in_order(tmp_path, monkeypatch):
    db = str(tmp_path / "m.db")
    engine = connect(db)
    init_db(engine)

    def add_note_column(conn):
        conn.exec_driver_sql("ALTER TABLE events ADD COLUMN analyst_note TEXT")

    monkeypatch.setitem(migrate.STEPS, s.SCHEMA_VERSION + 1, add_note_column)
    monkeypatch.setattr(s, "SCHEMA_VERSION", s.SCHEMA_VERSION + 1)
    assert init_db(engine) == s.SCHEMA_VERSION
    with engine.connect() as conn:
        cols = [r[1] for r in conn.exec_driver_sql("PRAGMA table_info(events)")]
        versions = conn.execute(select(s.schema_version.c.version).order_by(s.schema_version.c.version)).scalars()
        assert list(versions) == [s.SCHEMA_VERSION - 1, s.SCHEMA_VERSION]
    assert "analyst_note" in cols
