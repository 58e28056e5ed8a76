"""The actor network of a set of documents as a self-contained SVG.

Actors are nodes (area grows with how often they take part in events), events are directed edges
coloured by CAMEO quad class (negated and hypothetical events are left out); parallel events of one class between the same pair are drawn once, wider,
labelled with their PLOVER types. Layout by networkx (spring, fixed seed), drawing by hand: no scripts,
no fonts or styles from the internet.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from html import escape
from typing import Any

import networkx as nx

QUAD_COLOURS = {1: "#2e7d32", 2: "#1565c0", 3: "#ef6c00", 4: "#c62828"}
QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}
WIDTH, HEIGHT, MARGIN = 1100, 800, 90
# what did not happen, or only might, is not part of the picture of who does what to whom
SKIPPED_MODALITIES = {"negated", "hypothetical"}


@dataclass
class Edge:
    source: str
    target: str
    quad: int
    types: Counter = field(default_factory=Counter)
    directed: bool = True

    @property
    def count(self) -> int:
        return sum(self.types.values())


@dataclass
class Network:
    labels: dict[str, str] = field(default_factory=dict)  # node key -> label
    weight: Counter = field(default_factory=Counter)  # node key -> number of event roles
    edges: dict[tuple[str, str, int], Edge] = field(default_factory=dict)


def _key(actor: dict[str, Any]) -> tuple[str, str]:
    name = actor.get("name") or actor.get("text") or "?"
    country = actor.get("country") or ""
    return f"{name}|{country}", name


def build_network(events: Iterable[dict[str, Any]]) -> Network:
    """Events as JSON dicts (the `events` of extract's output) -> nodes and aggregated edges."""
    net = Network()
    for ev in events:
        if ev.get("modality") in SKIPPED_MODALITIES:
            continue
        actors = [_key(a) for a in ev.get("actor") or []]
        recipients = [_key(a) for a in ev.get("recipient") or []]
        for k, label in actors + recipients:
            net.labels[k] = label
            net.weight[k] += 1
        quad = int(ev.get("quad") or 0)
        etype = ev.get("event") or "?"
        pairs: list[tuple[str, str, bool]] = []
        if recipients:
            pairs = [(a, r, True) for a, _ in actors for r, _ in recipients if a != r]
        elif len(actors) > 1:  # a two-sided act with all parties as actors: joint, drawn undirected
            keys = [a for a, _ in actors]
            pairs = [(keys[i], keys[j], False) for i in range(len(keys)) for j in range(i + 1, len(keys))]
        for a, b, directed in pairs:
            edge = net.edges.setdefault((a, b, quad), Edge(a, b, quad, directed=directed))
            edge.types[etype] += 1
    return net


def render_svg(net: Network, title: str = "peristiwa: actor network") -> str:
    g = nx.MultiDiGraph()
    g.add_nodes_from(net.labels)
    for e in net.edges.values():
        g.add_edge(e.source, e.target)
    pos = _layout(g)
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
           f'viewBox="0 0 {WIDTH} {HEIGHT}" font-family="sans-serif">',
           f"<title>{escape(title)}</title>",
           '<rect width="100%" height="100%" fill="#ffffff"/>',
           "<defs>"]
    for q, colour in QUAD_COLOURS.items():
        out.append(f'<marker id="arrow{q}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" '
                   f'markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="{colour}"/>'
                   "</marker>")
    out.append("</defs>")
    out.append(f'<text x="20" y="30" font-size="18" font-weight="bold">{escape(title)}</text>')
    radius = {k: 8 + 4 * math.sqrt(net.weight[k]) for k in net.labels}
    pair_count: Counter = Counter()
    for e in sorted(net.edges.values(), key=lambda e: (e.quad, e.source, e.target)):
        pair = tuple(sorted((e.source, e.target)))
        bend = 40 * pair_count[pair] * (1 if e.source < e.target else -1)
        pair_count[pair] += 1
        out.append(_edge_svg(e, pos, radius, bend))
    for k, label in net.labels.items():
        x, y = pos[k]
        r = radius[k]
        out.append(f'<g class="node"><circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" fill="#eceff1" '
                   f'stroke="#37474f" stroke-width="1.5"><title>{escape(label)} ({escape(k.split("|")[1] or "?")}): '
                   f'{net.weight[k]} event role(s)'
                   f"</title></circle>"
                   f'<text x="{x:.1f}" y="{y - r - 5:.1f}" font-size="13" text-anchor="middle" '
                   f'paint-order="stroke" stroke="#ffffff" stroke-width="3">{escape(label)}</text></g>')
    out += _legend()
    if not net.labels:
        out.append(f'<text x="{WIDTH / 2}" y="{HEIGHT / 2}" text-anchor="middle" font-size="16">'
                   "no events with actors in these documents</text>")
    out.append("</svg>")
    return "\n".join(out) + "\n"


def _layout(g: nx.MultiDiGraph) -> dict[str, tuple[float, float]]:
    if not g.nodes:
        return {}
    if len(g.nodes) == 1:
        raw = {next(iter(g.nodes)): (0.0, 0.0)}
    else:
        simple = nx.Graph(g)
        raw = nx.spring_layout(simple, seed=7, k=2.2 / math.sqrt(len(g.nodes)), iterations=200)
    xs = [p[0] for p in raw.values()]
    ys = [p[1] for p in raw.values()]
    x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
    sx = (WIDTH - 2 * MARGIN) / ((x1 - x0) or 1.0)
    sy = (HEIGHT - 2 * MARGIN - 60) / ((y1 - y0) or 1.0)
    return {k: (MARGIN + (x - x0) * sx if x1 > x0 else WIDTH / 2,
                MARGIN + 40 + (y - y0) * sy if y1 > y0 else HEIGHT / 2) for k, (x, y) in raw.items()}


def _edge_svg(e: Edge, pos, radius, bend: float) -> str:
    (x1, y1), (x2, y2) = pos[e.source], pos[e.target]
    dx, dy = x2 - x1, y2 - y1
    dist = math.hypot(dx, dy) or 1.0
    ux, uy = dx / dist, dy / dist
    sx, sy = x1 + ux * radius[e.source], y1 + uy * radius[e.source]
    tx, ty = x2 - ux * (radius[e.target] + 2), y2 - uy * (radius[e.target] + 2)
    mx, my = (sx + tx) / 2 - uy * bend, (sy + ty) / 2 + ux * bend
    colour = QUAD_COLOURS.get(e.quad, "#607d8b")
    width = 1.5 + 1.2 * math.log2(1 + e.count)
    marker = f' marker-end="url(#arrow{e.quad})"' if e.directed and e.quad in QUAD_COLOURS else ""
    dash = "" if e.directed else ' stroke-dasharray="6 4"'
    label = ", ".join(f"{t}×{n}" if n > 1 else t for t, n in sorted(e.types.items()))
    lx, ly = (sx + 2 * mx + tx) / 4, (sy + 2 * my + ty) / 4
    return (f'<g class="edge quad{e.quad}"><path d="M{sx:.1f},{sy:.1f} Q{mx:.1f},{my:.1f} {tx:.1f},{ty:.1f}" '
            f'fill="none" stroke="{colour}" stroke-width="{width:.1f}" stroke-opacity="0.85"{dash}{marker}>'
            f"<title>{escape(label)} ({QUAD_NAMES.get(e.quad, 'quad ?')})</title></path>"
            f'<text x="{lx:.1f}" y="{ly:.1f}" font-size="10" fill="{colour}" text-anchor="middle" '
            f'paint-order="stroke" stroke="#ffffff" stroke-width="3">{escape(label)}</text></g>')


def _legend() -> list[str]:
    out = []
    y = HEIGHT - 20 - 18 * len(QUAD_COLOURS)
    for q, colour in QUAD_COLOURS.items():
        out.append(f'<line x1="20" y1="{y}" x2="50" y2="{y}" stroke="{colour}" stroke-width="3"/>'
                   f'<text x="58" y="{y + 4}" font-size="12">quad {q}: {QUAD_NAMES[q]}</text>')
        y += 18
    out.append(f'<text x="20" y="{y + 4}" font-size="11" fill="#555">dashed: joint act listed with all parties '
               "as actors</text>")
    return out


def network_svg(results: Iterable[dict[str, Any]], title: str = "peristiwa: actor network") -> str:
    """SVG of the actor network of extract results (JSON dicts with an `events` list)."""
    events: list[dict[str, Any]] = []
    for r in results:
        events += r.get("events") or []
    return render_svg(build_network(events), title)


def node_count(results: Iterable[dict[str, Any]]) -> dict[str, int]:
    """Per node label, how many event roles it has (for summaries and tests)."""
    net = build_network(ev for r in results for ev in r.get("events") or [])
    out: dict[str, int] = defaultdict(int)
    for k, label in net.labels.items():
        out[label] += net.weight[k]
    return dict(out)
