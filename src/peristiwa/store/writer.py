"""Writing Results: one transaction per batch, keyed by content hash, so a batch is all or nothing.

Idempotency: a document whose content hash is already stored with status `ok` is skipped inside the
same transaction that would insert it (two writers cannot both insert it). A document stored as
`failed` is replaced when it is written again (`--retry-failed`). Actors are upserted by their
deterministic id. Events are not touched here: merge.py builds them from the mentions.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import Connection, Engine, delete, select
from sqlalchemy.dialects import postgresql, sqlite

from peristiwa.schema import Actor, Document, Result
from peristiwa.store import ids
from peristiwa.store import schema as s
from peristiwa.store.db import StoreError, explain, write_transaction

_CHUNK = 500


@dataclass(slots=True)
class Item:
    """One pipeline result with what the store needs from its Document."""

    hash: str
    result: Result
    url: str | None = None
    kind: str | None = None

    @classmethod
    def of(cls, doc: Document, result: Result, hash_: str | None = None) -> Item:
        return cls(hash=hash_ or ids.content_hash(doc), result=result, url=doc.url, kind=doc.kind)


@dataclass(slots=True)
class WriteStats:
    documents: int = 0
    failed: int = 0
    skipped: int = 0
    mentions: int = 0

    def add(self, other: WriteStats) -> None:
        self.documents += other.documents
        self.failed += other.failed
        self.skipped += other.skipped
        self.mentions += other.mentions


def stored_hashes(engine: Engine, hashes: Iterable[str], *, include_failed: bool = True) -> set[str]:
    """The subset of `hashes` already in the database (those to skip)."""
    hashes = list(hashes)
    found: set[str] = set()
    with engine.connect() as conn:
        for i in range(0, len(hashes), _CHUNK):
            q = select(s.documents.c.id).where(s.documents.c.id.in_(hashes[i:i + _CHUNK]))
            if not include_failed:
                q = q.where(s.documents.c.status == "ok")
            found.update(conn.execute(q).scalars())
    return found


def write_batch(engine: Engine, items: Sequence[Item]) -> WriteStats:
    """Store a batch in one transaction; on any database error nothing of the batch is written."""
    try:
        with write_transaction(engine) as conn:
            return _write(conn, items)
    except StoreError:
        raise
    except Exception as exc:
        raise explain(exc, engine) from exc


def record_failure(engine: Engine, source: str, stage: str, error: str, document_id: str | None = None) -> None:
    """A failure outside any document batch (an unreadable feed, a broken WARC file)."""
    try:
        with write_transaction(engine) as conn:
            _insert_ignore(conn, s.failures, [_failure_row(source, stage, error, document_id)])
    except Exception as exc:
        raise explain(exc, engine) from exc


def _write(conn: Connection, items: Sequence[Item]) -> WriteStats:
    stats = WriteStats()
    unique: dict[str, Item] = {}
    for item in items:
        unique.setdefault(item.hash, item)
    stats.skipped += len(items) - len(unique)
    existing = dict(conn.execute(select(s.documents.c.id, s.documents.c.status)
                                 .where(s.documents.c.id.in_(list(unique)))).all())
    replace = [h for h, status in existing.items() if status != "ok"]
    if replace:  # failed before: this attempt replaces the old rows
        conn.execute(delete(s.documents).where(s.documents.c.id.in_(replace)))
    rows: dict[str, list[dict]] = {name: [] for name in s.metadata.tables}
    actor_rows: dict[int, dict] = {}
    now = dt.datetime.now(dt.UTC)
    for h, item in unique.items():
        if existing.get(h) == "ok":
            stats.skipped += 1
            continue
        _rows_of(item, now, rows, actor_rows)
        if item.result.error:
            stats.failed += 1
        else:
            stats.documents += 1
            stats.mentions += len(item.result.events)
    _insert_ignore(conn, s.actors, sorted(actor_rows.values(), key=lambda r: r["id"]))
    for table in (s.documents, s.articles, s.entities, s.quotes, s.mentions, s.mention_actors):
        if rows[table.name]:
            conn.execute(table.insert(), rows[table.name])
    ok_hashes = [r["id"] for r in rows["documents"] if r["status"] == "ok"]
    if ok_hashes:  # a document that now succeeds no longer has an open failure
        conn.execute(delete(s.failures).where(s.failures.c.document_id.in_(ok_hashes)))
    _insert_ignore(conn, s.failures, rows["failures"])
    return stats


def _rows_of(item: Item, now: dt.datetime, rows: dict[str, list[dict]], actor_rows: dict[int, dict]) -> None:
    r, h = item.result, item.hash
    failed = r.error is not None
    rows["documents"].append({
        "id": h, "doc_id": r.doc_id, "source": r.source, "url": item.url, "kind": item.kind,
        "language": r.language, "status": "failed" if failed else "ok",
        "num_events": 0 if failed else len(r.events), "ingested_at": now,
    })
    if failed:
        rows["failures"].append(_failure_row(r.source, _stage_of(r.error), r.error, h))
        return
    a = r.article
    if a is not None:
        rows["articles"].append({
            "document_id": h, "title": a.title, "lead": a.lead, "outlet": a.outlet,
            "dateline_place": a.dateline_place, "published": parse_date(a.published), "author": a.author,
            "editor": a.editor, "wire_source": a.wire_source,
            "captions": [dataclasses.asdict(c) for c in a.captions], "text": a.text, "removed": list(a.removed),
        })
    for i, e in enumerate(r.entities):
        rows["entities"].append({"document_id": h, "ordinal": i, "text": e.text, "label": e.label,
                                 "start": e.start, "end": e.end})
    for i, q in enumerate(r.quotes):
        rows["quotes"].append({"document_id": h, "ordinal": i, "text": q.text, "start": q.start, "end": q.end,
                               "speaker_actor_id": _actor(q.speaker, actor_rows),
                               "speaker_text": q.speaker.text if q.speaker else None})
    published = parse_date(a.published) if a else None
    outlet = a.outlet if a else None
    for i, ev in enumerate(r.events):
        mid = f"{h}:{i}"
        loc = ev.location
        rows["mentions"].append({
            "id": mid, "document_id": h, "ordinal": i, "event_id": None, "coder_id": ev.id,
            "sentence": ev.sentence, "text": ev.text, "event_type": ev.event, "cameo": ev.cameo,
            "quad": ev.quad, "goldstein": ev.goldstein, "mode": list(ev.mode), "context": list(ev.context),
            "modality": ev.modality, "trigger_text": ev.trigger.text, "trigger_start": ev.trigger.start,
            "trigger_end": ev.trigger.end, "date": parse_date(ev.date), "date_precision": ev.date_precision,
            "published": published, "outlet": outlet,
            "location_name": loc.name if loc else None, "location_country": loc.country if loc else None,
            "lat": loc.lat if loc else None, "lon": loc.lon if loc else None,
            "geonameid": loc.geonameid if loc else None, "confidence": ev.confidence,
            "attribution_actor_id": _actor(ev.attribution, actor_rows),
            "attribution_text": ev.attribution.text if ev.attribution else None,
        })
        for role, group in (("actor", ev.actor), ("recipient", ev.recipient)):
            for j, act in enumerate(group):
                rows["mention_actors"].append({"mention_id": mid, "role": role, "ordinal": j,
                                               "actor_id": _actor(act, actor_rows), "text": act.text,
                                               "start": act.start, "end": act.end})


def _actor(actor: Actor | None, actor_rows: dict[int, dict]) -> int | None:
    if actor is None:
        return None
    key = ids.actor_key(actor)
    aid = ids.actor_id(key)
    actor_rows.setdefault(aid, {"id": aid, "key": key, "name": actor.name, "country": actor.country or "",
                                "sector": actor.sector or "", "wikidata": actor.wikidata})
    return aid


def _failure_row(source: str, stage: str, error: str, document_id: str | None) -> dict:
    return {"id": ids.failure_id(source, stage), "document_id": document_id, "source": source,
            "stage": stage, "error": error, "created_at": dt.datetime.now(dt.UTC)}


def _stage_of(error: str) -> str:
    if "article stage" in error:
        return "article"
    if "analysis" in error:
        return "analysis"
    return "read"


def _insert_ignore(conn: Connection, table, rows: list[dict]) -> None:
    if not rows:
        return
    dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
    conn.execute(dialect.insert(table).on_conflict_do_nothing(), rows)


def parse_date(value: str | None) -> dt.date | None:
    """YYYY-MM-DD (or YYYY-MM, YYYY: the first day) to a date; anything else to None."""
    if not value:
        return None
    value = value.strip()
    for fmt, size in (("%Y-%m-%d", 10), ("%Y-%m", 7), ("%Y", 4)):
        try:
            return dt.datetime.strptime(value[:size], fmt).date()
        except ValueError:
            continue
    return None
