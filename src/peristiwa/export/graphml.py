"""GraphML: the actor network. Nodes are canonical actors; a directed edge actor -> recipient carries the
number of events, their mentions, the summed and mean Goldstein score and the PLOVER types seen.
Opens in Gephi, Cytoscape, yEd and networkx."""

from __future__ import annotations

from collections import Counter, defaultdict
from pathlib import Path
from typing import IO

import networkx as nx
from sqlalchemy import Connection, and_, select

from peristiwa.store import schema as s
from peristiwa.store.queries import EventFilter


def graph(conn: Connection, f: EventFilter | None = None) -> nx.DiGraph:
    e, src, dst, a = s.events, s.event_actors.alias("src"), s.event_actors.alias("dst"), s.actors
    q = (select(src.c.actor_id, dst.c.actor_id, e.c.event_type, e.c.goldstein, e.c.num_mentions)
         .select_from(e.join(src, and_(src.c.event_id == e.c.id, src.c.role == "actor"))
                      .join(dst, and_(dst.c.event_id == e.c.id, dst.c.role == "recipient")))
         .where(src.c.actor_id != dst.c.actor_id)
         .order_by(e.c.id, src.c.actor_id, dst.c.actor_id))
    if f is not None:
        q = q.where(f.where())
    edges: dict[tuple[int, int], dict] = defaultdict(lambda: {"events": 0, "mentions": 0, "goldstein": 0.0,
                                                              "types": Counter()})
    for source, target, kind, goldstein, mentions in conn.execute(q):
        d = edges[(source, target)]
        d["events"] += 1
        d["mentions"] += mentions
        d["goldstein"] += goldstein or 0.0
        d["types"][kind] += 1
    g = nx.DiGraph()
    nodes = sorted({n for pair in edges for n in pair})
    for i in range(0, len(nodes), 500):
        for row in conn.execute(select(a).where(a.c.id.in_(nodes[i:i + 500]))).mappings():
            g.add_node(str(row["id"]), label=row["name"], country=row["country"] or "",
                       sector=row["sector"] or "", wikidata=row["wikidata"] or "")
    for (source, target), d in sorted(edges.items()):
        g.add_edge(str(source), str(target), weight=d["events"], mentions=d["mentions"],
                   goldstein=round(d["goldstein"], 3), goldstein_mean=round(d["goldstein"] / d["events"], 3),
                   types=",".join(f"{k}:{v}" for k, v in sorted(d["types"].items())))
    return g


def write(conn: Connection, out: IO[bytes] | Path, f: EventFilter | None = None) -> int:
    g = graph(conn, f)
    nx.write_graphml(g, out)
    return g.number_of_edges()
