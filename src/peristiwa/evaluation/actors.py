"""`make eval` section: actor resolution and geocoding.

Actors — on ../shared/data/events-id-dev: every gold source/target actor with a known country is looked up
among the resolver's mentions overlapping its text. Found = some mention overlaps; country = an overlapping
mention has the gold country; sector = also the gold sector. This measures the lexicon, titles and
coreference independently of the event patterns.

Places — on ../shared/data/geo/id-event-geoparser-inageoparser (disaster news with gold coordinates): every
gold place span (PLOC/LOC with coordinates) is looked up among the gazetteer's names; found = a gazetteer name
overlaps it; within 25/100 km = the chosen candidate lies that close to the gold point.
"""

from __future__ import annotations

import json
import math
import re
from pathlib import Path

from peristiwa.report import ReportTable

DEV = "events-id-dev/dev.gold.jsonl"
GEO = "geo/id-event-geoparser-inageoparser/training_v11.txt"


def _nlp():
    from peristiwa.nlp import load_model

    nlp = load_model("id")
    if nlp is not None:
        return nlp, "shipped id model"
    import spacy

    return spacy.blank("id"), "blank tokenizer (no shipped model yet: no NER, no parse)"


def actors_table(shared: Path) -> ReportTable:
    from peristiwa.actors import ActorResolver

    path = shared / DEV
    table = ReportTable("Actors on events-id-dev (gold actors with a known country)",
                        ["role", "gold", "found", "country", "country+sector", "country acc"])
    if not path.is_file():
        table.notes.append(f"{path} not found: skipped")
        return table
    nlp, which = _nlp()
    resolver = ActorResolver()
    counts = {r: [0, 0, 0, 0] for r in ("source", "target")}
    misses: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        text = rec["id_text"]
        doc = nlp(text)
        mentions = resolver.annotate(doc, None).mentions
        for ev in rec["events"]:
            for role in ("source", "target"):
                for actor in ev.get(role) or []:
                    if not actor.get("country"):
                        continue
                    start = text.find(actor["text"])
                    if start < 0:
                        continue
                    end = start + len(actor["text"])
                    over = [m.actor for m in mentions if m.actor.start < end and start < m.actor.end]
                    c = counts[role]
                    c[0] += 1
                    c[1] += bool(over)
                    ok = [a for a in over if a.country == actor["country"]]
                    c[2] += bool(ok)
                    c[3] += any(a.sector == actor.get("sector") for a in ok)
                    if not ok and len(misses) < 12:
                        got = ",".join(f"{a.country}/{a.sector}" for a in over) or "-"
                        misses.append(f"{actor['country']}/{actor.get('sector', '')} got {got}")
    for role, (n, found, country, sector) in counts.items():
        table.rows.append([role, n, found, country, sector, country / n if n else 0.0])
    n = sum(c[0] for c in counts.values())
    ok = sum(c[2] for c in counts.values())
    table.rows.append(["all", n, sum(c[1] for c in counts.values()), ok, sum(c[3] for c in counts.values()),
                       ok / n if n else 0.0])
    table.notes.append(f"pipeline: {which}; published date unknown (gold has none)")
    if misses:
        table.notes.append("first misses (gold -> resolved): " + "; ".join(misses))
    return table


_COORD = re.compile(r"\(([-\d.]+), ([-\d.]+)\)")


def _read_geo(path: Path) -> list[tuple[list[str], list[tuple[int, int, float, float]]]]:
    sents: list[tuple[list[str], list[tuple[int, int, float, float]]]] = []
    words: list[str] = []
    spans: list[tuple[int, int, float, float]] = []
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines() + [""]:
        if not raw.strip():
            if words:
                sents.append((words, spans))
            words, spans = [], []
            continue
        parts = raw.split("/")
        word, coarse = parts[0], parts[2] if len(parts) > 2 else "O"
        m = _COORD.search(raw)
        i = len(words)
        words.append(word or "/")
        if coarse.startswith("B-") and coarse[2:] in ("PLOC", "LOC") and m:
            spans.append((i, i + 1, float(m[1]), float(m[2])))
        elif coarse.startswith("I-") and coarse[2:] in ("PLOC", "LOC") and spans and spans[-1][1] == i:
            s = spans[-1]
            spans[-1] = (s[0], i + 1, s[2], s[3])
    return sents


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(a))


def places_table(shared: Path) -> ReportTable:
    from peristiwa.places import load_gazetteer

    path = shared / GEO
    table = ReportTable("Geocoding gold places (inageoparser, Indonesian disaster news)",
                        ["gold places", "found", "with coords", "<= 25 km", "<= 100 km", "found rate",
                         "<=100 km rate"])
    if not path.is_file():
        table.notes.append(f"{path} not found: skipped")
        return table
    gaz = load_gazetteer()
    n = found = coords = near25 = near100 = 0
    for words, spans in _read_geo(path):
        hits = gaz.find(words)
        for s, e, lat, lon in spans:
            n += 1
            over = [h.place for h in hits if h.start < e and s < h.end]
            if not over:
                continue
            found += 1
            located = [p for p in over if p.lat is not None]
            if not located:
                continue
            coords += 1
            # the most specific candidate: IDN first (the corpus is Indonesian local news), then population
            best = max(located, key=lambda p: (p.country == "IDN", p.kind != "country", p.population))
            d = _km(best.lat, best.lon, lat, lon)
            near25 += d <= 25
            near100 += d <= 100
    table.rows.append([n, found, coords, near25, near100, found / n if n else 0.0, near100 / n if n else 0.0])
    table.notes.append("misses are mostly streets, villages and Jakarta neighbourhoods below the gazetteer's "
                       "level (GeoNames cities >= 15k; BPS provinces, regencies, districts)")
    return table


def run(shared: Path) -> list[ReportTable]:
    return [actors_table(shared), places_table(shared)]
