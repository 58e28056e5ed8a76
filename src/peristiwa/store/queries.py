"""Filters over events, shared by export, stats and the API.

`EventFilter` turns the user's choices (date range, country, actor, event type, quad class, CAMEO)
into a WHERE clause on `events`; `select_events(f)` gives the event rows with their two main actors.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Select, and_, exists, func, or_, select
from sqlalchemy.sql.elements import ColumnElement

from peristiwa.store import schema as s


@dataclass
class EventFilter:
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    countries: list[str] = field(default_factory=list)  # ISO-3: of the place or of any actor
    actors: list[str] = field(default_factory=list)  # actor name (case-insensitive), key or Wikidata id
    event_types: list[str] = field(default_factory=list)  # PLOVER types
    quads: list[int] = field(default_factory=list)
    cameo: list[str] = field(default_factory=list)  # code prefixes: "19" matches 190..196
    min_mentions: int = 1

    def where(self) -> ColumnElement[bool]:
        e, ea, a = s.events, s.event_actors, s.actors
        conds: list[ColumnElement[bool]] = []
        if self.date_from:
            conds.append(e.c.date >= self.date_from)
        if self.date_to:
            conds.append(e.c.date <= self.date_to)
        if self.event_types:
            conds.append(e.c.event_type.in_([t.upper() for t in self.event_types]))
        if self.quads:
            conds.append(e.c.quad.in_(self.quads))
        if self.cameo:
            conds.append(or_(*[e.c.cameo.startswith(c) for c in self.cameo]))
        if self.min_mentions > 1:
            conds.append(e.c.num_mentions >= self.min_mentions)
        if self.countries:
            codes = [c.upper() for c in self.countries]
            conds.append(or_(e.c.country.in_(codes), exists(
                select(1).select_from(ea.join(a, a.c.id == ea.c.actor_id))
                .where(ea.c.event_id == e.c.id, a.c.country.in_(codes)))))
        if self.actors:
            names = [n.lower() for n in self.actors]
            conds.append(exists(
                select(1).select_from(ea.join(a, a.c.id == ea.c.actor_id))
                .where(ea.c.event_id == e.c.id,
                       or_(func.lower(a.c.name).in_(names), a.c.key.in_(self.actors),
                           a.c.wikidata.in_(self.actors)))))
        return and_(True, *conds)


def select_events(f: EventFilter | None = None) -> Select:
    """Events matching `f` with actor1_*/actor2_* columns from the actors table, in date/id order."""
    e = s.events
    a1, a2 = s.actors.alias("a1"), s.actors.alias("a2")
    q = (select(e, a1.c.name.label("actor1_name"), a1.c.country.label("actor1_country"),
                a1.c.sector.label("actor1_sector"), a1.c.wikidata.label("actor1_wikidata"),
                a2.c.name.label("actor2_name"), a2.c.country.label("actor2_country"),
                a2.c.sector.label("actor2_sector"), a2.c.wikidata.label("actor2_wikidata"))
         .select_from(e.outerjoin(a1, a1.c.id == e.c.actor1_id).outerjoin(a2, a2.c.id == e.c.actor2_id))
         .order_by(e.c.date, e.c.id))
    if f is not None:
        q = q.where(f.where())
    return q


def iter_events(conn: Connection, f: EventFilter | None = None) -> Iterator[dict[str, Any]]:
    for row in conn.execute(select_events(f)).mappings():
        yield dict(row)


def event_actors_of(conn: Connection, event_ids: list[int]) -> dict[int, dict[str, list[dict]]]:
    """event id -> {"actor": [...], "recipient": [...]} with the actors' canonical fields."""
    ea, a = s.event_actors, s.actors
    out: dict[int, dict[str, list[dict]]] = {}
    for i in range(0, len(event_ids), 500):
        chunk = event_ids[i:i + 500]
        q = (select(ea.c.event_id, ea.c.role, ea.c.num_mentions, a.c.id, a.c.name, a.c.country, a.c.sector,
                    a.c.wikidata)
             .join(a, a.c.id == ea.c.actor_id).where(ea.c.event_id.in_(chunk))
             .order_by(ea.c.event_id, ea.c.role, ea.c.num_mentions.desc(), a.c.name))
        for row in conn.execute(q).mappings():
            out.setdefault(row["event_id"], {"actor": [], "recipient": []})[row["role"]].append(
                {"id": row["id"], "name": row["name"], "country": row["country"], "sector": row["sector"],
                 "wikidata": row["wikidata"], "num_mentions": row["num_mentions"]})
    return out


def network_edges(conn: Connection, f: EventFilter | None = None) -> list[dict[str, Any]]:
    """actor -> recipient edges over the filtered events: count, quad classes, Goldstein sum."""
    e, src, dst = s.events, s.event_actors.alias("src"), s.event_actors.alias("dst")
    q = (select(src.c.actor_id.label("source"), dst.c.actor_id.label("target"),
                func.count().label("events"), func.sum(e.c.goldstein).label("goldstein"),
                func.sum(e.c.num_mentions).label("mentions"))
         .select_from(e.join(src, and_(src.c.event_id == e.c.id, src.c.role == "actor"))
                      .join(dst, and_(dst.c.event_id == e.c.id, dst.c.role == "recipient")))
         .group_by(src.c.actor_id, dst.c.actor_id)
         .order_by(src.c.actor_id, dst.c.actor_id))
    if f is not None:
        q = q.where(f.where())
    return [dict(r) for r in conn.execute(q).mappings()]


def stats(conn: Connection) -> dict[str, Any]:
    """Counts for `peristiwa stats`."""
    def count(table, *where) -> int:
        q = select(func.count()).select_from(table)
        for w in where:
            q = q.where(w)
        return conn.execute(q).scalar() or 0

    e = s.events
    out: dict[str, Any] = {
        "documents": count(s.documents, s.documents.c.status == "ok"),
        "failed_documents": count(s.documents, s.documents.c.status == "failed"),
        "failures": count(s.failures),
        "articles": count(s.articles),
        "mentions": count(s.mentions),
        "events": count(e),
        "actors": count(s.actors),
        "quotes": count(s.quotes),
        "entities": count(s.entities),
    }
    lo, hi = conn.execute(select(func.min(e.c.date), func.max(e.c.date))).one()
    out["event_dates"] = [str(lo) if lo else None, str(hi) if hi else None]
    out["by_type"] = dict(conn.execute(select(e.c.event_type, func.count()).group_by(e.c.event_type)
                                       .order_by(func.count().desc(), e.c.event_type)).all())
    out["by_quad"] = {str(k): v for k, v in conn.execute(
        select(e.c.quad, func.count()).group_by(e.c.quad).order_by(e.c.quad)).all()}
    out["by_country"] = dict(conn.execute(select(e.c.country, func.count()).where(e.c.country.is_not(None))
                                          .group_by(e.c.country).order_by(func.count().desc(), e.c.country)
                                          .limit(15)).all())
    out["by_stage_failures"] = dict(conn.execute(select(s.failures.c.stage, func.count())
                                                 .group_by(s.failures.c.stage)).all())
    return out
