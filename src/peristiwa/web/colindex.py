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
import json
from pathlib import Path

import numpy as np
from sqlalchemy import Engine

from peristiwa.store.queries import EventFilter as StoreFilter
from peristiwa.web.periods import INTERVALS, period_label

FORMAT = 2  # of the saved files; a saved index of another format is rebuilt
EPOCH = dt.date(1970, 1, 1)
NO_DATE = np.iinfo(np.int32).min  # sorts below every date, as NULL does in SQLite
_EMPTY = np.zeros(0, dtype=np.int64)


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
        self._build_lookups()
        self._periods: dict[str, tuple[np.ndarray, list[str]]] = {}
        self._tkeys: dict[str, np.ndarray] = {}
        self._orders: dict[str, tuple[np.ndarray, np.ndarray, np.ndarray]] = {}
        self._order("date")  # the default sort: ready before the first request

    # ---- on disk ------------------------------------------------------------------------------
    def prepare(self) -> ColumnIndex:
        """Compute every lazily built table now (sort orders, period keys), so that a saved index is
        complete and processes that map it never compute (or copy) anything per process."""
        for key in ("date", "goldstein", "mentions"):
            self._order(key)
        for interval in INTERVALS:
            self._timeline_keys(interval)
        return self

    def save(self, folder: Path) -> None:
        """Every array as its own .npy file (so `load` can map them), everything else as JSON."""
        folder.mkdir(parents=True, exist_ok=True)
        arrays: dict[str, np.ndarray] = {}
        state = {name: _encode(value, name, arrays) for name, value in vars(self).items()}
        for name, arr in arrays.items():
            np.save(folder / f"{name}.npy", np.ascontiguousarray(arr), allow_pickle=False)
        (folder / "state.json").write_text(json.dumps({"format": FORMAT, "state": state}), encoding="utf-8")

    @classmethod
    def load(cls, folder: Path) -> ColumnIndex:
        """An index saved by `save`, its arrays memory-mapped read-only: worker processes that load the
        same folder share one copy in the page cache, and loading takes milliseconds."""
        saved = json.loads((folder / "state.json").read_text(encoding="utf-8"))
        if saved.get("format") != FORMAT:
            raise ValueError(f"{folder}: index format {saved.get('format')}, expected {FORMAT}")
        out = cls.__new__(cls)
        for name, value in saved["state"].items():
            setattr(out, name, _decode(value, folder))
        return out

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
        pe, ps, pd = pe[keep], ps[keep], pd[keep]
        A = max(1, len(self.actor_ids))
        key = ((ps * A + pd) * max(1, len(self.types)) + self.type[pe]) * 5 + self.quad[pe]
        groups, group = np.unique(key, return_inverse=True)
        # pairs ordered by (group, date): a group is one contiguous run, dated oldest first, so its
        # first and last date under any filter are the first and last selected pair of the run
        order = np.lexsort((self.date[pe], group))
        self.pair_event = pe[order]
        pair_date = self.date[self.pair_event]
        # one sortable key per pair, ascending in this order: group * span + day, where day is 0 for no
        # date and 1 + days since the first date otherwise; network() finds runs and dates from it alone
        dated = pair_date[pair_date != NO_DATE]
        self.pair_day0 = int(dated.min()) - 1 if len(dated) else 0
        self.pair_span = (int(dated.max()) - self.pair_day0 + 1) if len(dated) else 1
        day = np.where(pair_date == NO_DATE, 0, pair_date.astype(np.int64) - self.pair_day0)
        self.pair_group = group[order].astype(np.int32)
        self.pair_key = self.pair_group.astype(np.int64) * self.pair_span + day
        self.group_count = np.bincount(self.pair_group, minlength=len(groups))  # pairs per group, unfiltered
        gold = self.goldstein[self.pair_event]
        self.pair_has_gold = (~np.isnan(gold)).astype(np.float64)
        self.pair_gold = np.nan_to_num(gold, nan=0.0)
        self.group_src = groups // 5 // max(1, len(self.types)) // A
        self.group_dst = groups // 5 // max(1, len(self.types)) % A
        self.group_type = groups // 5 % max(1, len(self.types))
        self.group_quad = groups % 5
        self.type_names = {v: k for k, v in self.types.items()}

    def _build_lookups(self) -> None:
        """Event positions per actor and per actor country, so those filters touch only their events."""
        order = np.argsort(self.link_actor, kind="stable")
        self.actor_link_event = self.link_event[order]
        A = len(self.actor_ids)
        self.actor_start = np.searchsorted(self.link_actor[order], np.arange(A), side="left")
        self.actor_end = np.searchsorted(self.link_actor[order], np.arange(A), side="right")
        country_of_link = self.actor_country[self.link_actor] if A else np.zeros(0, np.int32)
        self.country_events: dict[int, np.ndarray] = {}
        order = np.lexsort((self.link_event, country_of_link))
        c_sorted, e_sorted = country_of_link[order], self.link_event[order]
        for code in np.unique(c_sorted):
            lo, hi = np.searchsorted(c_sorted, code, "left"), np.searchsorted(c_sorted, code, "right")
            self.country_events[int(code)] = np.unique(e_sorted[lo:hi])

    # ---- filters -----------------------------------------------------------------------------
    def mask(self, f: StoreFilter, only: np.ndarray | None = None) -> np.ndarray:
        """The events matching `f` (same meaning as f.where() in SQL); `only` (positions, from
        `positions`) restricts them further."""
        m = np.ones(self.n, dtype=bool)
        if f.date_from:
            m &= self.date >= _day(f.date_from)
        if f.date_to:
            m &= (self.date <= _day(f.date_to)) & (self.date != NO_DATE)
        if f.event_types:
            m &= _member(self.type, [self.types[t.upper()] for t in f.event_types if t.upper() in self.types])
        if f.quads:
            m &= _member(self.quad, [q for q in f.quads if 0 <= q <= 4])
        if f.cameo:
            codes = [c for name, c in self.cameos.items() if any(name.startswith(p) for p in f.cameo)]
            m &= _member(self.cameo, codes)
        if f.min_mentions > 1:
            m &= self.mentions >= f.min_mentions
        if f.countries:
            codes = [self.countries[c.upper()] for c in f.countries if c.upper() in self.countries]
            hit = _member(self.ev_country, codes)
            for code in codes:
                hit[self.country_events.get(code, _EMPTY)] = True
            m &= hit
        if f.actors:
            chosen = set()
            for name in f.actors:
                chosen.update(self._by_lower.get(name.lower(), []))
                chosen.update(self._by_key.get(name, []))
            hit = np.zeros(self.n, dtype=bool)
            for i in chosen:
                hit[self.actor_link_event[self.actor_start[i]:self.actor_end[i]]] = True
            m &= hit
        if only is not None:
            allowed = np.zeros(self.n, dtype=bool)
            allowed[only] = True
            m &= allowed
        return m

    def positions(self, ids: np.ndarray) -> np.ndarray:
        """Positions of the events with these ids (sorted and distinct; ids not in the index are left
        out), as int32: sorted too, as the index is in id order."""
        if not (len(ids) and self.n):
            return np.zeros(0, dtype=np.int32)
        pos = np.minimum(np.searchsorted(self.ids, ids), self.n - 1)
        return pos[self.ids[pos] == ids].astype(np.int32)

    # ---- queries -----------------------------------------------------------------------------
    def page(self, m: np.ndarray, key: str, desc: bool, limit: int,
             after: tuple[float | None, int] | None) -> list[int]:
        """Ids of the next `limit` events in (key, id) order after the cursor; NULL keys sort lowest.

        Walks a precomputed order of all events in chunks and stops as soon as the page is full."""
        order, keys, ids = self._order(key)
        n = len(order)
        if desc:  # walk from the end
            start = n if after is None else self._cut(keys, ids, after, desc=True)
            stop = 0
        else:
            start = 0 if after is None else self._cut(keys, ids, after, desc=False)
            stop = n
        out: list[int] = []
        chunk = 4096
        pos = start
        while len(out) < limit and pos != stop:
            if desc:
                lo, hi = max(stop, pos - chunk), pos
                hits = np.flatnonzero(m[order[lo:hi]])[::-1] + lo
                pos = lo
            else:
                lo, hi = pos, min(stop, pos + chunk)
                hits = np.flatnonzero(m[order[lo:hi]]) + lo
                pos = hi
            out.extend(int(x) for x in ids[hits[:limit - len(out)]])
            chunk = min(chunk * 4, 1 << 20)
        return out

    def _order(self, key: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Event positions sorted by (key, id) ascending, with the keys and ids in that order."""
        if key not in self._orders:
            values = self._sort_values(key)
            order = np.lexsort((self.ids, values))
            self._orders[key] = (order, values[order], self.ids[order])
        return self._orders[key]

    def _sort_values(self, key: str) -> np.ndarray:
        if key == "date":
            return np.where(self.date == NO_DATE, -np.inf, self.date.astype(np.float64))
        if key == "goldstein":
            return np.where(np.isnan(self.goldstein), -np.inf, self.goldstein)
        return self.mentions.astype(np.float64)

    @staticmethod
    def _cut(keys: np.ndarray, ids: np.ndarray, after: tuple[float | None, int], desc: bool) -> int:
        """Index in the sorted order where the rows after the cursor begin (ascending) or end (descending)."""
        v, last = after
        cv = -np.inf if v is None else float(v)
        lo, hi = np.searchsorted(keys, cv, "left"), np.searchsorted(keys, cv, "right")
        within = lo + np.searchsorted(ids[lo:hi], last, "left" if desc else "right")
        return int(within)

    def network(self, m: np.ndarray, max_edges: int) -> list[tuple]:
        """(source idx, target idx, type, quad, count, mean goldstein, first day, last day), biggest first.

        No loop per edge and no pass over all groups: pairs are stored sorted by `pair_key` (group, then
        date), so the selected pairs of one group are one run of the selected keys. Runs are found from
        where the group changes; only the `max_edges` biggest runs are summed and dated."""
        if bool(m.all()):  # every group is one whole run: sizes known in advance
            sel, keys, group = None, self.pair_key, None
            counts = self.group_count
            starts = self.group_count.cumsum() - self.group_count
        else:
            sel = np.flatnonzero(m[self.pair_event])
            keys, group = self.pair_key[sel], self.pair_group[sel]
            starts = np.flatnonzero(np.r_[True, group[1:] != group[:-1]]) if len(sel) else _EMPTY
            counts = np.diff(np.r_[starts, len(sel)])
        if len(counts) == 0:
            return []
        top = _top(counts, max_edges)  # positions among the runs, biggest first, ties by group id
        lo = starts[top]
        hi = lo + counts[top]
        gid = (top if group is None else group[lo]).astype(np.int64)
        span = int(self.pair_span)
        # goldstein over the top runs only: their pair positions, gathered once, summed per run
        runs = _ranges(lo, hi)
        pos = runs if sel is None else sel[runs]
        at = np.r_[0, np.cumsum(hi - lo)[:-1]]
        gsum = np.add.reduceat(self.pair_gold[pos], at)
        gcnt = np.add.reduceat(self.pair_has_gold[pos], at)
        # dates: a run is dated oldest first, its undated pairs (day 0 of the key) before them
        first_dated = np.searchsorted(keys, gid * span + 1)
        last_day = keys[hi - 1] % span
        first_day = np.where(first_dated < hi, keys[np.minimum(first_dated, len(keys) - 1)] % span, 0)
        first = _iso_days(first_day, int(self.pair_day0))
        last = _iso_days(last_day, int(self.pair_day0))
        with np.errstate(invalid="ignore", divide="ignore"):
            mean = gsum / gcnt
        names = self.type_names
        return [(s_, t_, names[ty], q or None, n, None if c == 0 else g, f, la)
                for s_, t_, ty, q, n, g, c, f, la in zip(
                    self.group_src[gid].tolist(), self.group_dst[gid].tolist(), self.group_type[gid].tolist(),
                    self.group_quad[gid].tolist(), counts[top].tolist(), mean.tolist(), gcnt.tolist(), first, last,
                    strict=True)]

    def _timeline_keys(self, interval: str) -> np.ndarray:
        """Per event: period * 5 + quad, or -1 for an event without a date."""
        if interval not in self._tkeys:
            period, _ = self._period(interval)
            tkey = period.astype(np.int32) * 5 + self.quad
            tkey[self.date == NO_DATE] = -1
            self._tkeys[interval] = tkey
        return self._tkeys[interval]

    def timeline(self, m: np.ndarray, interval: str) -> tuple[dict[str, dict[str, int]], int]:
        """Counts per period and quad class, and how many of the selected events have no date."""
        _, labels = self._period(interval)
        keys = self._timeline_keys(interval)[m]
        dated = keys[keys >= 0]
        counts = np.bincount(dated, minlength=len(labels) * 5)
        out: dict[str, dict[str, int]] = {}
        for k in np.flatnonzero(counts):
            out.setdefault(labels[k // 5], {})[str(k % 5)] = int(counts[k])
        return out, len(keys) - len(dated)

    def _period(self, interval: str) -> tuple[np.ndarray, list[str]]:
        if interval not in self._periods:
            dated = self.date[self.date != NO_DATE]
            if len(dated) == 0:
                self._periods[interval] = (np.zeros(self.n, np.int32), ["-"])
            else:
                days = np.arange(dated.min(), dated.max() + 1)
                labels_per_day = [period_label(EPOCH + dt.timedelta(days=int(d)), interval) for d in days]
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


def _encode(value, name: str, arrays: dict[str, np.ndarray]):
    """JSON for `value`, its arrays moved into `arrays` under names derived from `name`."""
    if isinstance(value, np.ndarray):
        arrays[name] = value
        return {"npy": name}
    if isinstance(value, list) and not any(isinstance(v, np.ndarray | tuple | list | dict) for v in value):
        return {"value": value}  # names, labels: plain JSON
    if isinstance(value, tuple | list):
        items = [_encode(v, f"{name}.{i}", arrays) for i, v in enumerate(value)]
        return {"tuple": items} if isinstance(value, tuple) else {"list": items}
    if isinstance(value, dict):  # keys may be ints (JSON would turn them into strings)
        return {"items": [[k, _encode(v, f"{name}.{k}", arrays)] for k, v in value.items()]}
    return {"value": value}


def _decode(value, folder: Path):
    if "npy" in value:
        # a plain ndarray over the mapping: np.memmap's Python-level __getitem__ costs microseconds per
        # slice or element, which added up to milliseconds per request
        return np.load(folder / f"{value['npy']}.npy", mmap_mode="r", allow_pickle=False).view(np.ndarray)
    if "tuple" in value:
        return tuple(_decode(v, folder) for v in value["tuple"])
    if "list" in value:
        return [_decode(v, folder) for v in value["list"]]
    if "items" in value:
        return {k: _decode(v, folder) for k, v in value["items"]}
    return value["value"]


def _top(counts: np.ndarray, k: int) -> np.ndarray:
    """Positions of the k largest counts, largest first; equal counts in position order (so the cut
    among ties is deterministic too: the lowest positions stay)."""
    if len(counts) > k:
        # the k-th largest count from a histogram of the counts: np.partition slows down badly on
        # hundreds of thousands of mostly equal small counts (18 ms here, against 1 ms)
        at_least = np.cumsum(np.bincount(counts)[::-1])[::-1]  # at_least[c]: how many counts are >= c
        kth = int(np.flatnonzero(at_least >= k)[-1])
        above = np.flatnonzero(counts > kth)
        tied = np.flatnonzero(counts == kth)[:k - len(above)]
        chosen = np.r_[above, tied]
    else:
        chosen = np.arange(len(counts))
    return chosen[np.lexsort((chosen, -counts[chosen]))]


def _ranges(lo: np.ndarray, hi: np.ndarray) -> np.ndarray:
    """lo[0]..hi[0]-1, lo[1]..hi[1]-1, ... as one array, without a loop."""
    lengths = hi - lo
    at = np.cumsum(lengths) - lengths  # where each range begins in the output
    return np.repeat(lo - at, lengths) + np.arange(int(lengths.sum()))


def _iso_days(days: np.ndarray, day0: int) -> list[str | None]:
    """ISO dates of days counted from day0 + 1 (0: no date), for a few hundred at once."""
    text = (days.astype(np.int64) + day0).astype("datetime64[D]").astype(str).tolist()
    return [t if d else None for t, d in zip(text, days.tolist(), strict=True)]


def _member(codes: np.ndarray, allowed: list[int]) -> np.ndarray:
    """codes ∈ allowed, for small non-negative integer codes (-1 = none): one table lookup per row."""
    top = int(codes.max()) + 1 if len(codes) else 1
    table = np.zeros(max(top, max(allowed, default=0) + 1) + 1, dtype=bool)
    table[allowed] = True
    table[-1] = False  # code -1 (no value) looks up the last slot, kept False
    return table[codes]


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
