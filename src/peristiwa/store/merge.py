"""From reports to events: mentions of the same happening become one event.

Two mentions report the same event when all of these hold:
  1. the same PLOVER type;
  2. dates within a day. A mention's date is the date resolved from its text; when the text gave
     none, the publication date of its article stands in (so unresolved mentions in articles
     published within a day can merge). Every mention of an event lies within a day of every other,
     and a mention with no date at all (none in the text, no publication date) stays on its own;
  3. overlapping actors: for actors and for recipients, the two sets share an actor or one of them
     is empty (not said), and at least one of the two roles really shares an actor;
  4. compatible places: one of them has none, or both name the same place (same GeoNames id, else
     the same name). Different cities on the same day are different events.
Mentions are taken in a fixed order (type, date, mention id) and each joins the first open event it
fits, else opens a new one, so the result depends only on the stored mentions, never on the order
or the process they arrived in. The representative mention is the most reliable one: highest
confidence, then asserted over other modalities, then a date from the text, then the earliest article.

`rebuild(engine)` recomputes all events in one transaction (killing it leaves the old events intact).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict, deque
from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy import Connection, Engine, bindparam, delete, func, select, update

from peristiwa.store import ids
from peristiwa.store import schema as s
from peristiwa.store.db import StoreError, explain, write_transaction

WINDOW = dt.timedelta(days=1)


@dataclass
class Mention:
    """What merging needs to know about one stored mention."""

    id: str
    event_type: str
    date: dt.date | None  # resolved from the text
    published: dt.date | None
    document_id: str
    outlet: str | None = None
    actors: tuple[int, ...] = ()
    recipients: tuple[int, ...] = ()
    geonameid: int | None = None
    location_name: str | None = None
    confidence: float = 0.0
    modality: str | None = "asserted"
    url: str | None = None
    when: dt.date | None = field(init=False, default=None)  # the text's date, else the publication date

    def __post_init__(self) -> None:
        self.when = self.date or self.published


@dataclass
class Cluster:
    mentions: list[Mention] = field(default_factory=list)
    actors: set[int] = field(default_factory=set)
    recipients: set[int] = field(default_factory=set)
    first: dt.date | None = None
    last: dt.date | None = None
    place: tuple[int | None, str | None] | None = None
    serial: int = 0

    def add(self, m: Mention) -> None:
        self.mentions.append(m)
        self.actors.update(m.actors)
        self.recipients.update(m.recipients)
        if m.when is not None:
            self.first = m.when if self.first is None else min(self.first, m.when)
            self.last = m.when if self.last is None else max(self.last, m.when)
        if self.place is None and _place(m) is not None:
            self.place = _place(m)


def _place(m: Mention) -> tuple[int | None, str | None] | None:
    if m.geonameid is None and not m.location_name:
        return None
    return (m.geonameid, (m.location_name or "").strip().lower() or None)


def _places_compatible(a: tuple | None, b: tuple | None) -> bool:
    if a is None or b is None:
        return True
    if a[0] is not None and b[0] is not None:
        return a[0] == b[0]
    return a[1] == b[1]


def _sets_fit(c: Cluster, m: Mention) -> bool:
    shared = False
    for mine, theirs in ((m.actors, c.actors), (m.recipients, c.recipients)):
        if mine and theirs:
            if theirs.isdisjoint(mine):
                return False
            shared = True
    return shared


def fits(c: Cluster, m: Mention) -> bool:
    """Whether mention `m` reports the event of cluster `c` (the rule in the module docstring)."""
    if c.mentions[0].event_type != m.event_type:
        return False
    if m.when is None or c.first is None:  # no date at all: nothing says it is the same happening
        return False
    if m.when - c.first > WINDOW or c.last - m.when > WINDOW:
        return False
    return _places_compatible(c.place, _place(m)) and _sets_fit(c, m)


def cluster(mentions: Iterable[Mention]) -> list[Cluster]:
    """Group mentions into events; deterministic for a given set of mentions.

    A mention can only join an event that shares an actor or a recipient with it (rule 3), so the
    candidates come from an index (role, actor) -> open events, tried in the order they were opened;
    events that fell out of the date window are dropped from the index as it is walked.
    """
    ordered = sorted(mentions, key=lambda m: (m.event_type, m.when is None, m.when or dt.date.min, m.id))
    clusters: list[Cluster] = []
    index: dict[tuple[str, int], deque[tuple[int, Cluster]]] = {}
    current_type = None
    for m in ordered:
        if m.event_type != current_type:
            current_type, index = m.event_type, {}
        keys = [("a", a) for a in m.actors] + [("r", r) for r in m.recipients]
        candidates: dict[int, Cluster] = {}
        for key in keys:
            entries = index.get(key)
            if not entries:
                continue
            if m.when is not None:
                # events were opened in date order, so those out of reach now form a prefix and stay out
                while entries and entries[0][1].first is not None and m.when - entries[0][1].first > WINDOW:
                    entries.popleft()
            for n, c in entries:
                candidates[n] = c
        chosen = next((candidates[n] for n in sorted(candidates) if fits(candidates[n], m)), None)
        if chosen is None:
            chosen = Cluster()
            chosen.serial = len(clusters)
            clusters.append(chosen)
            chosen.add(m)
            new_keys = keys
        else:
            new_keys = [k for k in keys if (k[0] == "a" and k[1] not in chosen.actors)
                        or (k[0] == "r" and k[1] not in chosen.recipients)]
            chosen.add(m)
        for key in new_keys:
            index.setdefault(key, deque()).append((chosen.serial, chosen))
    return clusters


def representative(c: Cluster) -> Mention:
    return min(c.mentions, key=lambda m: (-(m.confidence or 0.0), m.modality != "asserted", m.date is None,
                                          m.published or dt.date.max, m.id))


def _most_common(values: list[int]) -> int | None:
    if not values:
        return None
    counts = Counter(values)
    best = max(counts.values())
    return next(v for v in values if counts[v] == best)  # ties: the first named


def load_mentions(conn: Connection) -> tuple[list[Mention], dict[str, int | None]]:
    """All mentions with what clustering needs (a few columns), and their current event ids."""
    m = s.mentions
    mentions: dict[str, Mention] = {}
    current: dict[str, int | None] = {}
    q = select(m.c.id, m.c.event_type, m.c.date, m.c.published, m.c.document_id, m.c.outlet, m.c.geonameid,
               m.c.location_name, m.c.confidence, m.c.modality, m.c.event_id)
    for row in conn.execute(q):
        mentions[row.id] = Mention(
            id=row.id, event_type=row.event_type, date=row.date, published=row.published,
            document_id=row.document_id, outlet=row.outlet, geonameid=row.geonameid,
            location_name=row.location_name, confidence=row.confidence or 0.0, modality=row.modality)
        current[row.id] = row.event_id
    roles: dict[str, dict[str, list[int]]] = defaultdict(lambda: {"actor": [], "recipient": []})
    ma = s.mention_actors
    for mid, role, aid in conn.execute(select(ma.c.mention_id, ma.c.role, ma.c.actor_id)
                                       .order_by(ma.c.mention_id, ma.c.role, ma.c.ordinal)):
        roles[mid][role].append(aid)
    for mid, r in roles.items():
        if mid in mentions:
            mentions[mid].actors = tuple(r["actor"])
            mentions[mid].recipients = tuple(r["recipient"])
    return list(mentions.values()), current


def full_rows(conn: Connection, ids_: list[str]) -> dict[str, dict]:
    """Complete mention rows (with the document's URL and source) for the given mention ids."""
    m, d = s.mentions, s.documents
    rows: dict[str, dict] = {}
    wanted = sorted(set(ids_))
    for i in range(0, len(wanted), 500):
        q = (select(m, d.c.url.label("doc_url"), d.c.source.label("doc_source"))
             .join(d, d.c.id == m.c.document_id).where(m.c.id.in_(wanted[i:i + 500])))
        for row in conn.execute(q).mappings():
            rows[row["id"]] = dict(row)
    return rows


def _located(c: Cluster, rep: Mention) -> Mention | None:
    return rep if _place(rep) else next((m for m in c.mentions if _place(m)), None)


def event_rows(clusters: list[Cluster], rows: dict[str, dict],
               actor_country: dict[int, str]) -> tuple[list[dict], list[dict], dict[str, int]]:
    """events rows, event_actors rows and mention -> event id. `rows` holds the full rows of every
    representative and located mention."""
    events, links, assign = [], [], {}
    for c in clusters:
        first = min(c.mentions, key=lambda m: (m.when is None, m.when or dt.date.min, m.id))
        eid = ids.event_id(first.id)
        rep = representative(c)
        r = rows[rep.id]
        text_dates = [m.date for m in c.mentions if m.date is not None]
        published = [m.published for m in c.mentions if m.published is not None]
        located = _located(c, rep)
        loc = rows[located.id] if located else {}
        all_actors = [a for m in c.mentions for a in m.actors]
        all_recips = [a for m in c.mentions for a in m.recipients]
        actor1, actor2 = _most_common(all_actors), _most_common(all_recips)
        country = loc.get("location_country") or (actor_country.get(actor1) if actor1 else None) or None
        events.append({
            "id": eid, "event_type": r["event_type"], "cameo": r["cameo"], "quad": r["quad"],
            "goldstein": r["goldstein"], "mode": r["mode"], "context": r["context"], "modality": r["modality"],
            "date": min(text_dates) if text_dates else (min(published) if published else None),
            "date_precision": r["date_precision"] if rep.date else ("day" if published else None),
            "date_from_text": bool(text_dates),
            "location_name": loc.get("location_name"), "country": country, "lat": loc.get("lat"),
            "lon": loc.get("lon"), "geonameid": loc.get("geonameid"),
            "actor1_id": actor1, "actor2_id": actor2,
            "num_mentions": len(c.mentions), "num_sources": len({m.outlet or m.document_id for m in c.mentions}),
            "num_articles": len({m.document_id for m in c.mentions}),
            "first_seen": min(published) if published else None,
            "last_seen": max(published) if published else None,
            "confidence": max(m.confidence for m in c.mentions),
            "rep_mention_id": rep.id, "rep_document_id": rep.document_id, "rep_sentence": r["sentence"],
            "rep_text": r["text"], "rep_trigger_text": r["trigger_text"], "rep_trigger_start": r["trigger_start"],
            "rep_trigger_end": r["trigger_end"], "rep_url": r["doc_url"], "rep_source": r["doc_source"],
            "rep_outlet": r["outlet"],
        })
        for role, members in (("actor", all_actors), ("recipient", all_recips)):
            for aid, n in sorted(Counter(members).items()):
                links.append({"event_id": eid, "actor_id": aid, "role": role, "num_mentions": n})
        for m in c.mentions:
            assign[m.id] = eid
    return events, links, assign


def rebuild(engine: Engine) -> int:
    """Recompute every event from the stored mentions, atomically; return the number of events."""
    try:
        with write_transaction(engine) as conn:
            return rebuild_in(conn)
    except StoreError:
        raise
    except Exception as exc:
        raise explain(exc, engine) from exc


def rebuild_in(conn: Connection) -> int:
    mentions, current = load_mentions(conn)
    actor_country = dict(conn.execute(select(s.actors.c.id, s.actors.c.country)).all())
    clusters = cluster(mentions)
    needed = []
    for c in clusters:
        rep = representative(c)
        needed.append(rep.id)
        located = _located(c, rep)
        if located is not None:
            needed.append(located.id)
    rows = full_rows(conn, needed)
    events, links, assign = event_rows(clusters, rows, actor_country)
    # rewrite only the events that changed: a re-run that adds a few documents touches a few events
    old = {r["id"]: dict(r) for r in conn.execute(select(s.events)).mappings()}
    old_links: dict[int, list[dict]] = defaultdict(list)
    for r in conn.execute(select(s.event_actors).order_by(s.event_actors.c.actor_id, s.event_actors.c.role)):
        old_links[r.event_id].append(dict(r._mapping))
    new_links: dict[int, list[dict]] = defaultdict(list)
    for link in links:
        new_links[link["event_id"]].append(link)
    new = {e["id"]: e for e in events}
    stale = sorted(eid for eid, row in old.items()
                   if eid not in new or new[eid] != row or _links_key(old_links[eid]) != _links_key(new_links[eid]))
    stale_set = set(stale)
    fresh = [e for e in events if e["id"] not in old or e["id"] in stale_set]
    for i in range(0, len(stale), 500):
        chunk = stale[i:i + 500]
        conn.execute(delete(s.event_actors).where(s.event_actors.c.event_id.in_(chunk)))
        conn.execute(delete(s.events).where(s.events.c.id.in_(chunk)))
    if fresh:
        conn.execute(s.events.insert(), fresh)
        fresh_links = [link for e in fresh for link in new_links[e["id"]]]
        if fresh_links:
            conn.execute(s.event_actors.insert(), fresh_links)
    changed = [{"mid": mid, "eid": eid} for mid, eid in sorted(assign.items()) if current[mid] != eid]
    if changed:
        conn.execute(update(s.mentions).where(s.mentions.c.id == bindparam("mid"))
                     .values(event_id=bindparam("eid")), changed)
    return len(events)


def _links_key(links: list[dict]) -> list[tuple]:
    return sorted((r["actor_id"], r["role"], r["num_mentions"]) for r in links)


def needs_rebuild(engine: Engine) -> bool:
    """Whether some mention is not yet part of an event (new mentions, or a merge was interrupted)."""
    with engine.connect() as conn:
        unmerged = conn.execute(select(func.count()).select_from(s.mentions)
                                .where(s.mentions.c.event_id.is_(None))).scalar()
        if unmerged:
            return True
        stale = conn.execute(select(func.count()).select_from(s.mentions)
                             .where(s.mentions.c.event_id.not_in(select(s.events.c.id)))).scalar()
        return bool(stale)
