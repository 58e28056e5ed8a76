"""An in-memory columnar copy of the event filters' columns, so the dashboard's aggregations stay fast
on millions of events.

Why: the network groups every (actor, recipient, type) pair over all matching events; in SQL that is a
join of events with event_actors twice and a GROUP BY over every row, seconds on a million events.
Here the same store filter (peristiwa.store.queries.EventFilter, the language `peristiwa export`
speaks) becomes a boolean mask over numpy arrays, and the aggregations are bincounts over group ids
fixed at load time: tens of milliseconds. Rows themselves (sentences, actors) are still read from the
database, by id. The index is rebuilt when the database changes (see `token`).
"""

from __future__ import annotations

import datetime as dt
import gc

import numpy as np
from sqlalchemy import Engine

from peristiwa.store.queries import EventFilter as StoreFilter

EPOCH = dt.date(1970, 1, 1)
NO_DATE = np.iinfo(np.int32).min  # sorts below every date, as NULL does in SQLite


class ColumnIndex:
    """Columns of events, event_actors and actors as arrays. Immutable once built."""

    def __init__(self, engine: Engine) -> None:
        # read through the driver's cursor: a million rows as SQLAlchemy Row objects would cost several
        # times the memory and time (the SQL is fixed text, no values from requests)
        with engine.connect() as conn:
            actors = _fetch(conn, "SELECT id, name, key, wikidata, country FROM actors ORDER BY id")
            # no ORDER BY: SQLite answers from the covering index ix_events_filter_columns; sorted below
            ev = _fetch(conn, "SELECT id, date, quad, event_type, cameo, goldstein, num_mentions, country "
                              "FROM events")
            links = _fetch(conn, "SELECT event_id, actor_id, role FROM event_actors")
        # actors
        self.actor_ids = np.array(actors[0], dtype=np.int64)
        self.actor_names = list(actors[1])
        self._by_lower: dict[str, list[int]] = {}
        self._by_key: dict[str, list[int]] = {}
        for i, (name, key, wikidata) in enumerate(zip(actors[1], actors[2], actors[3], strict=True)):
            self._by_lower.setdefault((name or "").lower(), []).append(i)
            self._by_key.setdefault(key, []).append(i)
            if wikidata:
                self._by_key.setdefault(wikidata, []).append(i)
        self.countries: dict[str, int] = {}
        self.actor_country = _codes(actors[4], self.countries)
        # events, in id order
        self.n = n = len(ev[0])
        ids = np.array(ev[0], dtype=np.int64)
        order = np.argsort(ids, kind="stable")
        self.ids = ids[order]
        self.date = _days(ev[1])[order]
        self.quad = np.array([q or 0 for q in ev[2]], dtype=np.int8)[order]
        self.types: dict[str, int] = {}
        self.type = _codes([(t or "").upper() for t in ev[3]], self.types)[order]
        self.cameos: dict[str, int] = {}
        self.cameo = _codes(ev[4], self.cameos)[order]
        self.goldstein = np.array([np.nan if g is None else g for g in ev[5]], dtype=np.float64)[order]
        self.mentions = np.array([m or 0 for m in ev[6]], dtype=np.int64)[order]
        self.ev_country = _codes(ev[7], self.countries, none=-1)[order]
        del ev
        # links: positions into the event arrays; links to events that are gone are dropped
        lev = np.array(links[0], dtype=np.int64)
        lact = np.array(links[1], dtype=np.int64)
        lrole = np.array([0 if r == "actor" else 1 for r in links[2]], dtype=np.int8)
        del links
        pos = np.searchsorted(self.ids, lev)
        apos = np.searchsorted(self.actor_ids, lact)
        ok = (pos < n) & (apos < len(self.actor_ids))
        ok[ok] &= (self.ids[pos[ok]] == lev[ok]) & (self.actor_ids[apos[ok]] == lact[ok])
        self.link_event, self.link_actor, self.link_role = pos[ok], apos[ok], lrole[ok]
        # one (event, actor) per actor-in-event for counts, whatever the role
        pair_key = self.link_event * max(1, len(self.actor_ids)) + self.link_actor
        _, first = np.unique(pair_key, return_index=True)
        self.ea_event, self.ea_actor = self.link_event[first], self.link_actor[first]
        self._build_dyads()
        self._periods: dict[str, tuple[np.ndarray, list[str]]] = {}

    @staticmethod
    def _code(table: dict[str, int], value: str) -> int:
        return table.setdefault(value, len(table))

    def _build_dyads(self) -> None:
        """Every (actor -> recipient) pair of every event, and its edge group (source, target, type, quad)."""
        order = np.argsort(self.link_event, kind="stable")
        le, la, lr = self.link_event[order], self.link_actor[order], self.link_role[order]
        src_e, src_a = le[lr == 0], la[lr == 0]
        dst_e, dst_a = le[lr == 1], la[lr == 1]
        # cross product per event: for each source link, all recipient links of the same event
        starts = np.searchsorted(dst_e, src_e, side="left")
        ends = np.searchsorted(dst_e, src_e, side="right")
        counts = ends - starts
        rep_src = np.repeat(np.arange(len(src_e)), counts)
        offsets = np.repeat(starts - np.cumsum(np.r_[0, counts[:-1]]), counts) + np.arange(counts.sum())
        pe, ps, pd = src_e[rep_src], src_a[rep_src], dst_a[offsets]
        keep = ps != pd
        self.pair_event, self.pair_src, self.pair_dst = pe[keep], ps[keep], pd[keep]
        A = max(1, len(self.actor_ids))
        key = ((self.pair_src * A + self.pair_dst) * max(1, len(self.types)) + self.type[self.pair_event]) * 5 \
            + self.quad[self.pair_event]
        groups, self.pair_group = np.unique(key, return_inverse=True)
        self.group_src = groups // 5 // max(1, len(self.types)) // A
        self.group_dst = groups // 5 // max(1, len(self.types)) % A
        self.group_type = groups // 5 % max(1, len(self.types))
        self.group_quad = groups % 5
        self.type_names = {v: k for k, v in self.types.items()}

    # ---- filters -----------------------------------------------------------------------------
    def mask(self, f: StoreFilter, extra_ids: np.ndarray | None = None) -> np.ndarray:
        """The events matching `f` (same meaning as f.where() in SQL); `extra_ids` restricts to those ids."""
        m = np.ones(self.n, dtype=bool)
        if f.date_from:
            m &= self.date >= _day(f.date_from)
        if f.date_to:
            m &= (self.date <= _day(f.date_to)) & (self.date != NO_DATE)
        if f.event_types:
            m &= np.isin(self.type, [self.types[t.upper()] for t in f.event_types if t.upper() in self.types])
        if f.quads:
            m &= np.isin(self.quad, list(f.quads))
        if f.cameo:
            codes = [c for name, c in self.cameos.items() if any(name.startswith(p) for p in f.cameo)]
            m &= np.isin(self.cameo, codes)
        if f.min_mentions > 1:
            m &= self.mentions >= f.min_mentions
        if f.countries:
            codes = [self.countries[c.upper()] for c in f.countries if c.upper() in self.countries]
            by_place = np.isin(self.ev_country, codes)
            by_actor = self._events_of_actors(np.isin(self.actor_country, codes))
            m &= by_place | by_actor
        if f.actors:
            chosen = np.zeros(len(self.actor_ids), dtype=bool)
            for name in f.actors:
                chosen[self._by_lower.get(name.lower(), [])] = True
                chosen[self._by_key.get(name, [])] = True
            m &= self._events_of_actors(chosen)
        if extra_ids is not None:
            m &= self.positions_mask(extra_ids)
        return m

    def _events_of_actors(self, chosen_actors: np.ndarray) -> np.ndarray:
        out = np.zeros(self.n, dtype=bool)
        out[self.link_event[chosen_actors[self.link_actor]]] = True
        return out

    def positions_mask(self, ids: np.ndarray) -> np.ndarray:
        out = np.zeros(self.n, dtype=bool)
        if len(ids) and self.n:
            pos = np.searchsorted(self.ids, ids)
            ok = pos < self.n
            ok[ok] &= self.ids[pos[ok]] == ids[ok]
            out[pos[ok]] = True
        return out

    # ---- queries -----------------------------------------------------------------------------
    def page(self, m: np.ndarray, key: str, desc: bool, limit: int,
             after: tuple[float | None, int] | None) -> list[int]:
        """Ids of the next `limit` events in (key, id) order after the cursor; NULL keys sort lowest."""
        values = self._sort_values(key)
        cand = np.flatnonzero(m)
        if after is not None:
            v, last = after
            cv = -np.inf if v is None else float(v)
            kv, iv = values[cand], self.ids[cand]
            sel = (kv < cv) | ((kv == cv) & (iv < last)) if desc else (kv > cv) | ((kv == cv) & (iv > last))
            cand = cand[sel]
        if len(cand) == 0:
            return []
        kv = values[cand] if desc else -values[cand]
        if len(cand) > limit:  # keep those at or above the limit-th key, then sort that small set exactly
            threshold = np.partition(kv, len(kv) - limit)[len(kv) - limit]
            keep = kv >= threshold
            cand, kv = cand[keep], kv[keep]
        ids = self.ids[cand] if desc else -self.ids[cand]
        order = np.lexsort((-ids, -kv))
        return [int(x) for x in self.ids[cand[order[:limit]]]]

    def _sort_values(self, key: str) -> np.ndarray:
        if key == "date":
            return np.where(self.date == NO_DATE, -np.inf, self.date.astype(np.float64))
        if key == "goldstein":
            return np.where(np.isnan(self.goldstein), -np.inf, self.goldstein)
        return self.mentions.astype(np.float64)

    def network(self, m: np.ndarray, max_edges: int) -> list[tuple]:
        """(source idx, target idx, type, quad, count, mean goldstein, first day, last day), biggest first."""
        pm = m[self.pair_event]
        groups = self.pair_group[pm]
        counts = np.bincount(groups, minlength=len(self.group_src))
        nonzero = np.flatnonzero(counts)
        if len(nonzero) > max_edges:
            top = nonzero[np.argpartition(-counts[nonzero], max_edges - 1)[:max_edges]]
        else:
            top = nonzero
        # ties broken by group id so the answer is deterministic
        top = top[np.lexsort((top, -counts[top]))]
        chosen = np.zeros(len(self.group_src), dtype=bool)
        chosen[top] = True
        sel = pm.copy()
        sel[pm] = chosen[groups]
        ev = self.pair_event[sel]
        g = self.pair_group[sel]
        gold = self.goldstein[ev]
        has = ~np.isnan(gold)
        gsum = np.bincount(g[has], weights=gold[has], minlength=len(self.group_src))
        gcnt = np.bincount(g[has], minlength=len(self.group_src))
        day = self.date[ev].astype(np.int64)
        dated = day != NO_DATE
        first = np.full(len(self.group_src), np.iinfo(np.int64).max)
        last = np.full(len(self.group_src), np.iinfo(np.int64).min)
        np.minimum.at(first, g[dated], day[dated])
        np.maximum.at(last, g[dated], day[dated])
        out = []
        for gi in top:
            mean = gsum[gi] / gcnt[gi] if gcnt[gi] else None
            out.append((int(self.group_src[gi]), int(self.group_dst[gi]), self.type_names[int(self.group_type[gi])],
                        int(self.group_quad[gi]) or None, int(counts[gi]), mean,
                        _date(first[gi]) if first[gi] != np.iinfo(np.int64).max else None,
                        _date(last[gi]) if last[gi] != np.iinfo(np.int64).min else None))
        return out

    def timeline(self, m: np.ndarray, interval: str) -> dict[str, dict[str, int]]:
        period, labels = self._period(interval)
        sel = m & (self.date != NO_DATE)
        key = period[sel].astype(np.int64) * 5 + self.quad[sel]
        counts = np.bincount(key, minlength=len(labels) * 5)
        out: dict[str, dict[str, int]] = {}
        for k in np.flatnonzero(counts):
            out.setdefault(labels[k // 5], {})[str(k % 5)] = int(counts[k])
        return out

    def _period(self, interval: str) -> tuple[np.ndarray, list[str]]:
        if interval not in self._periods:
            from peristiwa.web.readdb import _period  # one definition of period labels

            dated = self.date[self.date != NO_DATE]
            if len(dated) == 0:
                self._periods[interval] = (np.zeros(self.n, np.int32), ["-"])
            else:
                days = np.arange(dated.min(), dated.max() + 1)
                labels_per_day = [_period(EPOCH + dt.timedelta(days=int(d)), interval) for d in days]
                labels = sorted(set(labels_per_day))
                index = {lab: i for i, lab in enumerate(labels)}
                day_to_period = np.array([index[lab] for lab in labels_per_day], dtype=np.int32)
                period = np.zeros(self.n, np.int32)
                ok = self.date != NO_DATE
                period[ok] = day_to_period[self.date[ok] - dated.min()]
                self._periods[interval] = (period, labels)
        return self._periods[interval]

    def actors(self, m: np.ndarray, limit: int, name: str | None) -> list[tuple[int, int, int, int]]:
        """(actor idx, distinct events, as actor, as recipient), most events first."""
        A = len(self.actor_ids)
        counts = np.bincount(self.ea_actor[m[self.ea_event]], minlength=A)
        if name:
            low = name.lower()
            allowed = np.array([low in (n or "").lower() for n in self.actor_names], dtype=bool)
            counts = np.where(allowed, counts, 0)
        nz = np.flatnonzero(counts)
        names = np.array([self.actor_names[i] for i in nz], dtype=object)
        order = np.lexsort((names, -counts[nz]))[:limit] if len(nz) else []
        lm = m[self.link_event]
        as_actor = np.bincount(self.link_actor[lm & (self.link_role == 0)], minlength=A)
        as_recipient = np.bincount(self.link_actor[lm & (self.link_role == 1)], minlength=A)
        return [(int(nz[i]), int(counts[nz[i]]), int(as_actor[nz[i]]), int(as_recipient[nz[i]])) for i in order]


def _fetch(conn, sql: str) -> list[tuple]:
    """Columns (as tuples) of a fixed query, straight from the DBAPI cursor."""
    cursor = conn.exec_driver_sql(sql).cursor
    # millions of new tuples would set off the cyclic garbage collector again and again; none of
    # them can form a cycle
    gc.disable()
    try:
        rows = cursor.fetchall()
        if not rows:
            return [() for _ in cursor.description]
        return list(zip(*rows, strict=True))
    finally:
        gc.enable()


def _codes(values, table: dict[str, int], none: int | None = None) -> np.ndarray:
    """Small integer codes for a column of strings (the same string, the same code)."""
    distinct = sorted(set(values), key=lambda v: (v is None, v or ""))  # same codes on every load
    for v in distinct:
        if not (none is not None and not v):
            table.setdefault(v or "", len(table))
    lookup = {v: (none if (none is not None and not v) else table[v or ""]) for v in distinct}
    return np.array([lookup[v] for v in values], dtype=np.int32)


def _days(values) -> np.ndarray:
    """Days since 1970 for ISO strings (SQLite) or dates (PostgreSQL); NO_DATE for NULL."""
    if not values:
        return np.zeros(0, np.int32)
    as_dates = np.array([None if v is None else str(v)[:10] for v in values], dtype="datetime64[D]")
    days = as_dates.astype(np.int64)
    return np.where(np.isnat(as_dates), NO_DATE, days).astype(np.int32)


def _day(value) -> int:
    if value is None:
        return NO_DATE
    if isinstance(value, str):
        value = dt.date.fromisoformat(value[:10])
    return (value - EPOCH).days


def _date(days: int) -> str:
    return (EPOCH + dt.timedelta(days=int(days))).isoformat()
