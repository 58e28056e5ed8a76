"""Read-only queries over the store's tables for the API: events, actors, network, timeline, articles.

Every value from a request reaches SQL as a bound parameter (SQLAlchemy Core expressions, never string
formatting). Ids are 60-bit integers, beyond what JavaScript numbers hold exactly, so they leave as
strings.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import re
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np
from sqlalchemy import (
    Engine,
    and_,
    bindparam,
    func,
    inspect,
    literal_column,
    or_,
    select,
    table,
)
from sqlalchemy.engine import make_url
from sqlalchemy.sql.elements import ColumnElement

from peristiwa.store import schema as s
from peristiwa.store.db import StoreError, connect_read_only, normalize_url
from peristiwa.store.queries import EventFilter as StoreFilter
from peristiwa.web.colindex import EPOCH, ColumnIndex
from peristiwa.web.indexfiles import RECHECK_S, LiveIndex, data_token
from peristiwa.web.periods import INTERVALS, period_label
from peristiwa.web.searchcache import SearchCache

SORTS = {"date": s.events.c.date, "goldstein": s.events.c.goldstein, "mentions": s.events.c.num_mentions}
_WORD = re.compile(r"\w+", re.UNICODE)


class BadRequest(ValueError):
    """A request the API answers with 400 and this message."""


@dataclass(slots=True)
class EventFilter:
    """The filters of /api/events, /api/network, /api/timeline, /api/actors and /api/export: the store's
    own filter (dates, actors, countries, types, quads: the same language as `peristiwa export`) plus
    full-text search over the sentence and "events of one article"."""

    store: StoreFilter = field(default_factory=StoreFilter)
    q: str | None = None
    document: str | None = None


class ReadStore:
    """The store at `db_url`, opened so that nothing can be written through it."""

    def __init__(self, db_url: str, *, column_index: bool = True, index_folder: Path | None = None) -> None:
        full = normalize_url(db_url)
        url = make_url(full)
        self.dialect = url.get_backend_name()
        if self.dialect == "sqlite":
            path = url.database or ""
            if path and path != ":memory:" and not Path(path).is_file():
                raise StoreError(f"{path}: no such database file (build one with `peristiwa ingest`)")
        self.engine: Engine = connect_read_only(full)
        self.label = url.render_as_string(hide_password=True).replace("+psycopg", "")
        with self.engine.connect() as conn:
            names = set(inspect(conn).get_table_names())
        missing = {"events", "articles", "actors", "event_actors"} - names
        if missing:
            raise StoreError(f"{self.label}: not a peristiwa database (missing tables: {', '.join(sorted(missing))})")
        self.has_fts = "events_fts" in names if self.dialect == "sqlite" else True
        self.live = LiveIndex(self.engine, full, index_folder) if column_index else None
        self._sql_token = ""
        self._sql_checked = 0.0
        self._searches = SearchCache()

    # ---- the column index (see colindex.py, indexfiles.py) --------------------------------------
    def index(self) -> ColumnIndex | None:
        """The column index of the data (None when answering in plain SQL)."""
        return self.live.current() if self.live is not None else None

    def version(self) -> str | None:
        """The version of the data that answers come from now: the column index's (it may trail the
        database by one background rebuild), or the database's own in plain SQL; None while the index
        is not loaded yet. Response caches key on it."""
        if self.live is not None:
            return self.live.version()
        if time.monotonic() - self._sql_checked >= RECHECK_S:
            self._sql_token, self._sql_checked = data_token(self.engine), time.monotonic()
        return self._sql_token

    def _id_restriction(self, f: EventFilter) -> np.ndarray | None:
        """Ids allowed by the filters the column index does not hold (text search, one article), each
        asked of its own index directly (an IN over events would walk every event)."""
        if not f.q and not f.document:
            return None
        found: list[np.ndarray] = []
        with self.engine.connect() as conn:
            if f.document:
                q = select(s.mentions.c.event_id).where(s.mentions.c.document_id == f.document,
                                                        s.mentions.c.event_id.is_not(None))
                found.append(np.fromiter(conn.execute(q).scalars(), dtype=np.int64))
            if f.q:
                words = _WORD.findall(f.q)
                if not words:
                    raise BadRequest("q: give at least one word to search for")
                if self.dialect == "sqlite" and self.has_fts:
                    # straight from the FTS5 index through the driver (tens of thousands of ids), bound
                    # as a parameter; each word quoted so FTS5 syntax in the input stays literal
                    match = " ".join('"' + w.replace('"', '""') + '"' for w in words[:20])
                    # one comma-separated string instead of a row per id: half the time for 300k ids
                    joined = conn.exec_driver_sql(
                        "SELECT group_concat(rowid) FROM events_fts WHERE events_fts MATCH ?", (match,)).scalar()
                    found.append(np.fromstring(joined, dtype=np.int64, sep=",") if joined else
                                 np.zeros(0, dtype=np.int64))
                else:
                    q = select(s.events.c.id).where(self._text_condition(f.q))
                    found.append(np.fromiter(conn.execute(q).scalars(), dtype=np.int64))
        out = found[0]
        if len(out) > 1 and not bool(np.all(out[1:] > out[:-1])):  # FTS5 gives rowid order already
            out = np.unique(out)
        for ids in found[1:]:
            out = np.intersect1d(out, ids)
        return out

    def _mask(self, idx: ColumnIndex, f: EventFilter) -> np.ndarray:
        if not f.q and not f.document:
            return idx.mask(f.store)
        key = (tuple(_WORD.findall(f.q or "")[:20]), f.document)
        only = self._searches.positions(idx, key, lambda: idx.positions(self._id_restriction(f)))
        return idx.mask(f.store, only)

    # ---- filters -----------------------------------------------------------------------------
    def conditions(self, f: EventFilter) -> list[ColumnElement[bool]]:
        out: list[ColumnElement[bool]] = [f.store.where()]
        if f.document:
            out.append(s.events.c.id.in_(select(s.mentions.c.event_id)
                                         .where(s.mentions.c.document_id == f.document)))
        if f.q:
            out.append(self._text_condition(f.q))
        return out

    def _text_condition(self, q: str) -> ColumnElement[bool]:
        words = _WORD.findall(q)
        if not words:
            raise BadRequest("q: give at least one word to search for")
        e = s.events
        if self.dialect == "sqlite" and self.has_fts:
            # each word becomes a quoted FTS5 string, so operators and syntax in the input stay literal
            match = " ".join('"' + w.replace('"', '""') + '"' for w in words[:20])
            fts = table("events_fts")
            hits = select(literal_column("rowid")).select_from(fts).where(
                literal_column("events_fts").op("MATCH")(bindparam("fts_q", match)))
            return e.c.id.in_(hits)
        if self.dialect == "postgresql":
            return func.to_tsvector("simple", func.coalesce(e.c.rep_text, "")).op("@@")(
                func.plainto_tsquery("simple", " ".join(words[:20])))
        conds = [e.c.rep_text.ilike("%" + _like_escape(w) + "%", escape="\\") for w in words[:20]]
        return and_(*conds)

    # ---- events ------------------------------------------------------------------------------
    def events(self, f: EventFilter, *, sort: str = "-date", limit: int = 50,
               cursor: str | None = None) -> dict[str, Any]:
        e = s.events
        desc = sort.startswith("-")
        key_name = sort.lstrip("-")
        if key_name not in SORTS:
            raise BadRequest(f"sort: one of {', '.join(sorted(SORTS))}, optionally with a leading '-'")
        key = SORTS[key_name]
        after = _decode_cursor(cursor, key_name) if cursor else None
        idx = self.index()
        if idx is not None:
            return self._events_indexed(idx, f, key_name, desc, limit, after)
        conds = self.conditions(f)
        if after is not None:
            conds.append(_after_cursor(key, e.c.id, after, desc))
        order = [key.desc(), e.c.id.desc()] if desc else [key.asc(), e.c.id.asc()]
        if self.dialect == "postgresql":  # match SQLite: NULL sorts as the smallest value
            order[0] = order[0].nulls_last() if desc else order[0].nulls_first()
        art = s.articles
        q = (select(e, art.c.title.label("article_title"))
             .select_from(e.outerjoin(art, art.c.document_id == e.c.rep_document_id))
             .where(*conds).order_by(*order).limit(limit + 1))
        with self.engine.connect() as conn:
            rows = [dict(r._mapping) for r in conn.execute(q)]
            more = len(rows) > limit
            rows = rows[:limit]
            actors = self._event_actors(conn, [r["id"] for r in rows])
        out = [_event_json(r, actors.get(r["id"], {})) for r in rows]
        next_cursor = None
        if more and rows:
            last = rows[-1]
            next_cursor = _encode_cursor(key_name, last[key_name if key_name != "mentions" else "num_mentions"],
                                         last["id"])
        return {"events": out, "next_cursor": next_cursor}

    def _events_indexed(self, idx: ColumnIndex, f: EventFilter, key_name: str, desc: bool, limit: int,
                        after: tuple[Any, int] | None) -> dict[str, Any]:
        if after is not None and after[0] is not None and key_name == "date":
            after = ((after[0] - EPOCH).days, after[1])
        ids = idx.page(self._mask(idx, f), key_name, desc, limit + 1, after)
        more = len(ids) > limit
        ids = ids[:limit]
        e, art = s.events, s.articles
        with self.engine.connect() as conn:
            found = {r["id"]: dict(r) for r in conn.execute(
                select(e, art.c.title.label("article_title"))
                .select_from(e.outerjoin(art, art.c.document_id == e.c.rep_document_id))
                .where(e.c.id.in_(ids))).mappings()} if ids else {}
            actors = self._event_actors(conn, ids)
        rows = [found[i] for i in ids if i in found]
        next_cursor = None
        if more and rows:
            last = rows[-1]
            column = "num_mentions" if key_name == "mentions" else key_name
            next_cursor = _encode_cursor(key_name, last[column], last["id"])
        return {"events": [_event_json(r, actors.get(r["id"], {})) for r in rows], "next_cursor": next_cursor}

    def _event_actors(self, conn, event_ids: list[int]) -> dict[int, dict[str, list[dict]]]:
        if not event_ids:
            return {}
        ea, a = s.event_actors, s.actors
        q = (select(ea.c.event_id, ea.c.role, a.c.id, a.c.name, a.c.country, a.c.sector, a.c.wikidata)
             .join(a, a.c.id == ea.c.actor_id).where(ea.c.event_id.in_(event_ids))
             .order_by(ea.c.event_id, ea.c.role, ea.c.num_mentions.desc(), a.c.name))
        out: dict[int, dict[str, list[dict]]] = defaultdict(lambda: {"actor": [], "recipient": []})
        for r in conn.execute(q):
            out[r.event_id].setdefault(r.role, []).append(
                {"id": str(r.id), "name": r.name, "country": r.country, "sector": r.sector, "wikidata": r.wikidata})
        return out

    def count(self, f: EventFilter) -> int:
        """How many events match."""
        idx = self.index()
        if idx is not None:
            return int(self._mask(idx, f).sum())
        with self.engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(s.events).where(*self.conditions(f))).scalar() or 0

    # ---- actors ------------------------------------------------------------------------------
    def actors(self, f: EventFilter, *, name: str | None = None, limit: int = 100) -> dict[str, Any]:
        e, ea, a = s.events, s.event_actors, s.actors
        idx = self.index()
        if idx is not None:
            found = idx.actors(self._mask(idx, f), limit, name)
            ids = [int(idx.actor_ids[i]) for i, *_ in found]
            with self.engine.connect() as conn:
                info = {r.id: r for r in conn.execute(select(a.c.id, a.c.name, a.c.country, a.c.sector, a.c.wikidata)
                                                      .where(a.c.id.in_(ids)))} if ids else {}
            return {"actors": [{"id": str(i), "name": info[i].name, "country": info[i].country,
                                "sector": info[i].sector, "wikidata": info[i].wikidata, "count": n,
                                "as_actor": na, "as_recipient": nr}
                               for i, (_, n, na, nr) in zip(ids, found, strict=True) if i in info]}
        conds = self.conditions(f)
        n = func.count(func.distinct(ea.c.event_id)).label("count")
        q = select(a.c.id, a.c.name, a.c.country, a.c.sector, a.c.wikidata, n).join(ea, ea.c.actor_id == a.c.id)
        if conds:
            q = q.join(e, e.c.id == ea.c.event_id).where(*conds)
        if name:
            q = q.where(a.c.name.ilike("%" + _like_escape(name) + "%", escape="\\"))
        q = q.group_by(a.c.id, a.c.name, a.c.country, a.c.sector, a.c.wikidata).order_by(n.desc(), a.c.name).limit(limit)
        with self.engine.connect() as conn:
            rows = conn.execute(q).all()
            roles = self._roles(conn, [r.id for r in rows], conds)
        return {"actors": [{"id": str(r.id), "name": r.name, "country": r.country, "sector": r.sector,
                            "wikidata": r.wikidata, "count": r.count, **roles.get(r.id, {})} for r in rows]}

    def _roles(self, conn, actor_ids: list[int], conds: list) -> dict[int, dict[str, int]]:
        if not actor_ids:
            return {}
        e, ea = s.events, s.event_actors
        q = select(ea.c.actor_id, ea.c.role, func.count().label("n")).where(ea.c.actor_id.in_(actor_ids))
        if conds:
            q = q.join(e, e.c.id == ea.c.event_id).where(*conds)
        out: dict[int, dict[str, int]] = defaultdict(lambda: {"as_actor": 0, "as_recipient": 0})
        for r in conn.execute(q.group_by(ea.c.actor_id, ea.c.role)):
            out[r.actor_id]["as_actor" if r.role == "actor" else "as_recipient"] = r.n
        return out

    # ---- network -----------------------------------------------------------------------------
    def network(self, f: EventFilter, *, max_edges: int = 300) -> dict[str, Any]:
        """Nodes are actors; an edge is (actor -> recipient, PLOVER type) with its events aggregated."""
        e = s.events
        idx = self.index()
        if idx is not None:
            edges = [_Edge(int(idx.actor_ids[si]), int(idx.actor_ids[ti]), t, q, n, g, fd, ld)
                     for si, ti, t, q, n, g, fd, ld in idx.network(self._mask(idx, f), max_edges)]
            return self._network_json(edges, f)
        src = s.event_actors.alias("src")
        dst = s.event_actors.alias("dst")
        n = func.count().label("n")
        q = (select(src.c.actor_id.label("source"), dst.c.actor_id.label("target"), e.c.event_type, e.c.quad, n,
                    func.avg(e.c.goldstein).label("g"), func.min(e.c.date).label("first"),
                    func.max(e.c.date).label("last"))
             .select_from(e.join(src, and_(src.c.event_id == e.c.id, src.c.role == "actor"))
                          .join(dst, and_(dst.c.event_id == e.c.id, dst.c.role == "recipient")))
             .where(*self.conditions(f), src.c.actor_id != dst.c.actor_id)
             .group_by(src.c.actor_id, dst.c.actor_id, e.c.event_type, e.c.quad)
             .order_by(n.desc()).limit(max_edges))
        with self.engine.connect() as conn:
            edges = [_Edge(r.source, r.target, r.event_type, r.quad, r.n, r.g, _iso(r.first), _iso(r.last))
                     for r in conn.execute(q)]
        return self._network_json(edges, f)

    def _network_json(self, edges: list[_Edge], f: EventFilter) -> dict[str, Any]:
        a = s.actors
        with self.engine.connect() as conn:
            ids = {r.source for r in edges} | {r.target for r in edges}
            if f.store.actors and not ids:  # an actor with events but no counterpart still shows as a node
                names = [n.lower() for n in f.store.actors]
                ids = set(conn.execute(select(a.c.id).where(func.lower(a.c.name).in_(names))).scalars())
            info = {r.id: r for r in conn.execute(select(a.c.id, a.c.name, a.c.country, a.c.sector)
                                                  .where(a.c.id.in_(ids)))} if ids else {}
        degree: dict[int, int] = defaultdict(int)
        for r in edges:
            degree[r.source] += r.n
            degree[r.target] += r.n
        nodes = [{"id": str(i), "name": info[i].name, "country": info[i].country, "sector": info[i].sector,
                  "count": degree.get(i, 0)}
                 for i in sorted((i for i in ids if i in info), key=lambda i: (-degree.get(i, 0), info[i].name))]
        return {"nodes": nodes, "edges": [
            {"source": str(r.source), "target": str(r.target), "event": r.event_type, "quad": r.quad,
             "count": r.n, "mean_goldstein": None if r.g is None else round(float(r.g), 2),
             "first_date": r.first, "last_date": r.last} for r in edges]}

    # ---- timeline ----------------------------------------------------------------------------
    def timeline(self, f: EventFilter, *, interval: str = "month") -> dict[str, Any]:
        """Counts per period and quad class, and `undated`: how many matching events have no date (the
        timeline cannot place them). Grouped per day in SQL (an index walk), rolled up here."""
        if interval not in INTERVALS:
            raise BadRequest(f"interval: one of {', '.join(INTERVALS)}")
        idx = self.index()
        if idx is not None:
            found, undated = idx.timeline(self._mask(idx, f), interval)
            return {"interval": interval, "undated": undated, "periods": [
                {"period": p, "counts": c, "total": sum(c.values())} for p, c in sorted(found.items())]}
        e = s.events
        q = (select(e.c.date, e.c.quad, func.count().label("n")).where(*self.conditions(f))
             .group_by(e.c.date, e.c.quad))
        counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        undated = 0
        with self.engine.connect() as conn:
            for r in conn.execute(q):
                if r.date is None:
                    undated += r.n
                    continue
                day = r.date if isinstance(r.date, dt.date) else dt.date.fromisoformat(str(r.date))
                counts[period_label(day, interval)][str(r.quad)] += r.n
        return {"interval": interval, "undated": undated, "periods": [
            {"period": p, "counts": dict(c), "total": sum(c.values())} for p, c in sorted(counts.items())]}

    # ---- articles ----------------------------------------------------------------------------
    def article(self, document_id: str) -> dict[str, Any] | None:
        art, doc, m, ma, a, qt = s.articles, s.documents, s.mentions, s.mention_actors, s.actors, s.quotes
        with self.engine.connect() as conn:
            row = conn.execute(select(art, doc.c.doc_id, doc.c.source, doc.c.url, doc.c.language)
                               .join(doc, doc.c.id == art.c.document_id)
                               .where(art.c.document_id == document_id)).first()
            if row is None:
                return None
            mentions = conn.execute(select(m).where(m.c.document_id == document_id).order_by(m.c.ordinal)).all()
            roles = conn.execute(
                select(ma.c.mention_id, ma.c.role, ma.c.text, ma.c.start, ma.c.end, a.c.id, a.c.name, a.c.country,
                       a.c.sector)
                .join(a, a.c.id == ma.c.actor_id).join(m, m.c.id == ma.c.mention_id)
                .where(m.c.document_id == document_id).order_by(ma.c.mention_id, ma.c.role, ma.c.ordinal)).all()
            attributions = {r.id: r.name for r in conn.execute(
                select(a.c.id, a.c.name).where(a.c.id.in_({x.attribution_actor_id for x in mentions
                                                           if x.attribution_actor_id is not None})))}
            quotes = conn.execute(select(qt, a.c.name.label("speaker_name"))
                                  .outerjoin(a, a.c.id == qt.c.speaker_actor_id)
                                  .where(qt.c.document_id == document_id).order_by(qt.c.ordinal)).all()
        text = row.text or ""
        by_mention: dict[str, dict[str, list]] = defaultdict(lambda: {"actor": [], "recipient": []})
        spans = []
        for r in roles:
            actor = {"id": str(r.id), "name": r.name, "country": r.country, "sector": r.sector, "text": r.text,
                     "start": r.start, "end": r.end}
            by_mention[r.mention_id].setdefault(r.role, []).append(actor)
            if r.start is not None and r.end is not None:
                spans.append({**actor, "role": r.role})
        events, triggers = [], []
        for mm in mentions:
            start, end = _sentence_span(text, mm.text, mm.trigger_start)
            eid = str(mm.event_id if mm.event_id is not None else mm.id)
            events.append({
                "id": eid, "mention_id": mm.id, "sentence": mm.sentence, "text": mm.text, "event": mm.event_type,
                "cameo": mm.cameo, "quad": mm.quad, "goldstein": mm.goldstein, "modality": mm.modality,
                "date": _iso(mm.date), "date_precision": mm.date_precision, "confidence": mm.confidence,
                "trigger": {"text": mm.trigger_text, "start": mm.trigger_start, "end": mm.trigger_end},
                "sentence_start": start, "sentence_end": end,
                "actor": by_mention[mm.id]["actor"], "recipient": by_mention[mm.id]["recipient"],
                "attribution": ({"name": attributions.get(mm.attribution_actor_id) or mm.attribution_text,
                                 "text": mm.attribution_text}
                                if (mm.attribution_actor_id or mm.attribution_text) else None)})
            if mm.trigger_start is not None and mm.trigger_end is not None:
                triggers.append({"event_id": eid, "event": mm.event_type, "text": mm.trigger_text,
                                 "start": mm.trigger_start, "end": mm.trigger_end})
        return {
            "id": row.document_id, "doc_id": row.doc_id, "source": row.source, "url": row.url,
            "language": row.language, "title": row.title, "lead": row.lead, "outlet": row.outlet,
            "published": _iso(row.published), "author": row.author, "dateline_place": row.dateline_place,
            "text": text, "actors": spans, "triggers": triggers, "events": events,
            "quotes": [{"text": r.text, "start": r.start, "end": r.end,
                        "speaker": ({"name": r.speaker_name or r.speaker_text, "text": r.speaker_text}
                                    if (r.speaker_name or r.speaker_text) else None)} for r in quotes],
        }

    def article_title(self, document_id: str) -> str | None:
        with self.engine.connect() as conn:
            return conn.execute(select(s.articles.c.title).where(s.articles.c.document_id == document_id)).scalar()

    def plover_types(self) -> list[str]:
        with self.engine.connect() as conn:
            return [t for t in conn.execute(select(s.events.c.event_type).distinct()
                                            .order_by(s.events.c.event_type)).scalars() if t]


# ---- helpers -------------------------------------------------------------------------------------
class _Edge(NamedTuple):
    source: int
    target: int
    event_type: str
    quad: int | None
    n: int
    g: float | None
    first: str | None
    last: str | None


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _iso(value: Any) -> str | None:
    if value is None:
        return None
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def _sentence_span(text: str, sentence: str | None, trigger_start: int | None) -> tuple[int | None, int | None]:
    """Where the mention's sentence sits in the article text: the occurrence that holds the trigger."""
    if not sentence:
        return None, None
    if trigger_start is not None:
        at = text.rfind(sentence, 0, trigger_start + 1)
        if at >= 0 and at + len(sentence) >= trigger_start:
            return at, at + len(sentence)
    at = text.find(sentence)
    return (at, at + len(sentence)) if at >= 0 else (None, None)


def _event_json(r: dict[str, Any], actors: dict[str, list[dict]]) -> dict[str, Any]:
    return {
        "id": str(r["id"]), "article_id": r["rep_document_id"], "title": r.get("article_title"),
        "date": _iso(r["date"]), "date_precision": r["date_precision"], "event": r["event_type"],
        "cameo": r["cameo"], "quad": r["quad"], "goldstein": r["goldstein"], "mode": r["mode"] or [],
        "context": r["context"] or [], "modality": r["modality"], "country": r["country"],
        "location": ({"name": r["location_name"], "country": r["country"], "lat": r["lat"], "lon": r["lon"],
                      "geonameid": r["geonameid"]} if r["location_name"] else None),
        "actor": actors.get("actor", []), "recipient": actors.get("recipient", []),
        "text": r["rep_text"], "sentence": r["rep_sentence"],
        "trigger": {"text": r["rep_trigger_text"], "start": r["rep_trigger_start"], "end": r["rep_trigger_end"]},
        "num_mentions": r["num_mentions"], "num_sources": r["num_sources"], "num_articles": r["num_articles"],
        "confidence": r["confidence"], "source": r["rep_source"], "url": r["rep_url"], "outlet": r["rep_outlet"],
    }


def _encode_cursor(key: str, value: Any, ident: int) -> str:
    raw = json.dumps([key, _iso(value) if isinstance(value, dt.date) else value, str(ident)])
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def _decode_cursor(cursor: str, key: str) -> tuple[Any, int]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        name, value, ident = json.loads(raw)
        ident = int(ident)
    except Exception as exc:
        raise BadRequest("cursor: not a cursor this API gave out") from exc
    if name != key:
        raise BadRequest("cursor: made for another sort order; start again without a cursor")
    if value is not None:
        try:
            value = dt.date.fromisoformat(value) if key == "date" else int(value) if key == "mentions" else float(value)
        except (TypeError, ValueError) as exc:
            raise BadRequest("cursor: not a cursor this API gave out") from exc
    return value, ident


def _after_cursor(key, ident, cursor: tuple[Any, int], desc: bool) -> ColumnElement[bool]:
    """Rows after the cursor in (key, id) order, where NULL keys count as the smallest value."""
    value, last = cursor
    if desc:
        if value is None:
            return and_(key.is_(None), ident < last)
        return or_(key < value, and_(key == value, ident < last), key.is_(None))
    if value is None:
        return or_(and_(key.is_(None), ident > last), key.is_not(None))
    return or_(key > value, and_(key == value, ident > last))


__all__ = ["BadRequest", "EventFilter", "ReadStore", "INTERVALS", "SORTS"]
