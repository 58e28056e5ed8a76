"""Generate a large peristiwa database of synthetic events for benchmarks (`make bench`).

Nothing is copied from articles: actors, sentences and dates are drawn from distributions chosen to look
like a news event stream. Actor popularity follows a Zipf law (a few states dominate, a long tail of
ministries, groups and people); countries follow a news-coverage mix weighted toward Indonesia and the
great powers; PLOVER types follow a POLECAT-like mix (CONSULT and ACCUSE common, SANCTION and RETREAT
rare); volume grows over the years with a weekly rhythm; most events stay inside a country or between
neighbours. Rows go in through the store's own schema (init_db, so the full-text triggers fill too) with
executemany in batches.

    python scripts/generate_events_db.py --events 1000000 --db bench.db
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import math
import operator
import random
import sqlite3
import sys
import time
from pathlib import Path

from peristiwa.store import connect, init_db
from peristiwa.store import schema as s

# ISO-3, display name, share of coverage
COUNTRIES = [
    ("IDN", "Indonesia", 22), ("USA", "Amerika Serikat", 10), ("CHN", "China", 7), ("RUS", "Rusia", 5),
    ("MYS", "Malaysia", 4), ("AUS", "Australia", 3), ("SGP", "Singapura", 3), ("JPN", "Jepang", 3),
    ("UKR", "Ukraina", 3), ("ISR", "Israel", 3), ("PSE", "Palestina", 3), ("PHL", "Filipina", 2),
    ("THA", "Thailand", 2), ("MMR", "Myanmar", 2), ("IND", "India", 2), ("TUR", "Turki", 2),
    ("IRN", "Iran", 2), ("SAU", "Arab Saudi", 2), ("GBR", "Inggris", 2), ("FRA", "Prancis", 2),
    ("DEU", "Jerman", 1), ("EGY", "Mesir", 1), ("LBY", "Libya", 1), ("ARE", "Uni Emirat Arab", 1),
    ("GRC", "Yunani", 1), ("KOR", "Korea Selatan", 1), ("PRK", "Korea Utara", 1), ("VNM", "Vietnam", 1),
    ("TLS", "Timor Leste", 1), ("PNG", "Papua Nugini", 1), ("SYR", "Suriah", 1), ("IRQ", "Irak", 1),
    ("AFG", "Afganistan", 1), ("PAK", "Pakistan", 1), ("BRA", "Brasil", 1), ("NGA", "Nigeria", 1),
]
NEIGHBOURS = {
    "IDN": ["MYS", "SGP", "AUS", "TLS", "PNG", "PHL"], "USA": ["CHN", "RUS", "JPN", "KOR"],
    "CHN": ["USA", "JPN", "PHL", "VNM"], "RUS": ["UKR", "USA", "TUR"], "UKR": ["RUS"], "ISR": ["PSE", "IRN"],
    "PSE": ["ISR", "EGY"], "LBY": ["EGY", "TUR", "ARE", "GRC"], "MMR": ["THA", "IND", "CHN"],
}
SECTORS = [("GOV", 40), ("MIL", 12), ("OPP", 6), ("REB", 4), ("CVL", 10), ("BUS", 8), ("MED", 5), ("JUD", 5),
           ("LEG", 6), ("EDU", 2), ("REL", 2)]
SECTOR_WORDS = {"GOV": "Pemerintah", "MIL": "Militer", "OPP": "Oposisi", "REB": "Kelompok bersenjata",
                "CVL": "Warga", "BUS": "Pengusaha", "MED": "Media", "JUD": "Pengadilan", "LEG": "Parlemen",
                "EDU": "Mahasiswa", "REL": "Tokoh agama"}
# PLOVER type, share, quad, CAMEO root, Goldstein centre, Indonesian verbs
TYPES = [
    ("CONSULT", 24, 1, "040", 1.0, ["bertemu dengan", "berunding dengan", "mengunjungi"]),
    ("ACCUSE", 10, 3, "111", -2.0, ["menuduh", "mengecam", "mengkritik"]),
    ("REQUEST", 8, 1, "020", -0.5, ["meminta", "mendesak", "menyerukan kepada"]),
    ("AGREE", 7, 1, "030", 4.0, ["sepakat dengan", "menandatangani perjanjian dengan"]),
    ("SUPPORT", 7, 1, "050", 3.5, ["mendukung", "memuji"]),
    ("COOPERATE", 6, 2, "060", 5.0, ["bekerja sama dengan", "menjalin kerja sama dengan"]),
    ("ASSAULT", 8, 4, "190", -9.0, ["menyerang", "menembaki", "mengebom"]),
    ("PROTEST", 5, 3, "140", -6.5, ["berunjuk rasa menentang", "memprotes"]),
    ("THREATEN", 4, 3, "130", -4.4, ["mengancam", "memperingatkan"]),
    ("REJECT", 4, 3, "120", -4.0, ["menolak", "mengusir"]),
    ("COERCE", 4, 4, "170", -7.0, ["menangkap", "menahan"]),
    ("AID", 3, 2, "070", 7.0, ["membantu", "mengirim bantuan kepada"]),
    ("MOBILIZE", 2, 4, "150", -7.2, ["mengerahkan pasukan ke"]),
    ("SANCTION", 2, 4, "160", -4.0, ["menjatuhkan sanksi kepada", "membekukan aset"]),
    ("CONCEDE", 1, 2, "080", 5.0, ["membebaskan", "mengalah kepada"]),
    ("RETREAT", 1, 2, "087", 4.0, ["menarik pasukan dari"]),
]
SYLLABLES = ["an", "di", "ra", "su", "to", "wi", "ja", "ko", "ma", "ni", "sa", "har", "yo", "bu", "li", "pra"]
START, END = dt.date(2015, 1, 1), dt.date(2025, 12, 31)


def _person(rng: random.Random) -> str:
    word = lambda: "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()  # noqa: E731
    return f"{word()} {word()}"


def make_actors(n: int, rng: random.Random) -> list[dict]:
    """n actors, the first ones (the most popular under Zipf) being states themselves."""
    weights = [c[2] for c in COUNTRIES]
    actors, seen = [], set()
    for iso, name, _ in COUNTRIES:
        actors.append((name, iso, "GOV"))
        seen.add((name, iso, "GOV"))
    while len(actors) < n:
        iso, cname, _ = rng.choices(COUNTRIES, weights)[0]
        sector = rng.choices([x[0] for x in SECTORS], [x[1] for x in SECTORS])[0]
        name = f"{SECTOR_WORDS[sector]} {cname}" if rng.random() < 0.3 else f"{_person(rng)} ({cname})"
        if (name, iso, sector) in seen:
            continue
        seen.add((name, iso, sector))
        actors.append((name, iso, sector))
    out = []
    for name, iso, sector in actors:
        key = f"{name}|{iso}|{sector}"
        out.append({"id": _id60("actor:" + key), "key": key, "name": name, "country": iso, "sector": sector,
                    "wikidata": None})
    return out


def _id60(text: str) -> int:
    return int.from_bytes(hashlib.sha256(text.encode()).digest()[:8], "big") & ((1 << 60) - 1)


class Zipf:
    """Draw indexes 0..n-1 with P(i) ~ 1 / (i+1)^a, by bisection over the cumulative weights."""

    def __init__(self, n: int, a: float, rng: random.Random) -> None:
        total, self.cum = 0.0, []
        for i in range(n):
            total += 1.0 / (i + 1) ** a
            self.cum.append(total)
        self.total, self.rng = total, rng

    def draw(self) -> int:
        import bisect
        return bisect.bisect_left(self.cum, self.rng.random() * self.total)


def _date(rng: random.Random) -> dt.date:
    # volume grows ~2x over the decade (density ∝ 1 + t); fewer events at weekends
    span = (END - START).days
    while True:
        t = math.sqrt(rng.random() * 3 + 1) - 1  # inverse CDF of density (1 + t) on [0, 1]
        day = START + dt.timedelta(days=int(t * span))
        if day.weekday() < 5 or rng.random() < 0.6:
            return day


def generate(db: str, n_events: int, seed: int = 7, batch: int = 20_000, log=print) -> dict:
    """Write `n_events` synthetic events into a new SQLite store at path `db`."""
    rng = random.Random(seed)
    engine = connect(db)
    init_db(engine)  # the store's own schema, indexes and full-text triggers
    engine.dispose()
    # bulk load through the driver: executemany per table, the full-text index filled once at the end
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA journal_mode = OFF")
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("PRAGMA cache_size = -400000")
    conn.execute("DROP TRIGGER IF EXISTS events_fts_ai")
    # secondary indexes are rebuilt once after the load (sorted builds beat a million random inserts)
    indexes = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
                           "AND tbl_name IN ('events', 'event_actors', 'articles', 'documents')").fetchall()
    for name, _ in indexes:
        conn.execute(f'DROP INDEX "{name}"')
    n_actors = max(200, min(20_000, n_events // 50))
    actors = make_actors(n_actors, rng)
    by_country: dict[str, list[int]] = {}
    for i, a in enumerate(actors):
        by_country.setdefault(a["country"], []).append(i)
    zipf = Zipf(n_actors, 1.1, rng)
    type_weights = [t[1] for t in TYPES]
    t0 = time.perf_counter()
    _insert(conn, "actors", actors)
    docs_per_event = 0.1  # one synthetic article per ~10 events (its text: those events' sentences)
    n_docs = max(1, int(n_events * docs_per_event))
    written = 0
    while written < n_events:
        size = min(batch, n_events - written)
        events, links, documents, articles = [], [], [], []
        doc_text: dict[int, list[str]] = {}
        for k in range(size):
            i = written + k
            ai = zipf.draw()
            actor = actors[ai]
            ptype, _, quad, cameo, gold, verbs = rng.choices(TYPES, type_weights)[0]
            r = rng.random()
            if r < 0.45:  # inside the actor's own country
                pool = by_country[actor["country"]]
                ri = pool[min(int(rng.paretovariate(1.2)) - 1, len(pool) - 1)]
            elif r < 0.7 and actor["country"] in NEIGHBOURS:
                pool = by_country.get(rng.choice(NEIGHBOURS[actor["country"]]), [0])
                ri = pool[min(int(rng.paretovariate(1.2)) - 1, len(pool) - 1)]
            else:
                ri = zipf.draw()
            recipient = actors[ri] if ri != ai and rng.random() < 0.88 else None
            second = actors[zipf.draw()] if rng.random() < 0.08 else None
            day = _date(rng)
            iso = day.isoformat()
            doc = rng.randrange(n_docs)
            verb = rng.choice(verbs)
            sentence = f"{actor['name']} {verb} {recipient['name'] if recipient else 'pihak lain'}" \
                       f" pada {day.day} {day.strftime('%m')} {day.year}."
            doc_text.setdefault(doc, []).append(sentence)
            eid = _id60(f"event:{seed}:{i}")
            doc_id = hashlib.sha256(f"doc:{seed}:{doc}".encode()).hexdigest()[:32]
            trig = len(actor["name"]) + 1
            events.append({
                "id": eid, "event_type": ptype, "cameo": cameo, "quad": quad,
                "goldstein": round(max(-10.0, min(10.0, rng.gauss(gold, 0.8))), 1), "mode": "[]", "context": "[]",
                "modality": "asserted" if rng.random() < 0.9 else rng.choice(["intended", "negated", "demanded"]),
                "date": iso, "date_precision": "day", "date_from_text": rng.random() < 0.3,
                "location_name": None, "country": actor["country"], "lat": None, "lon": None, "geonameid": None,
                "actor1_id": actor["id"], "actor2_id": recipient["id"] if recipient else None,
                "num_mentions": 1 + int(rng.paretovariate(2.0)) - 1, "num_sources": 1, "num_articles": 1,
                "first_seen": iso, "last_seen": iso, "confidence": round(rng.uniform(0.4, 0.95), 2),
                "rep_mention_id": f"{doc_id}:0", "rep_document_id": doc_id, "rep_sentence": 0,
                "rep_text": sentence, "rep_trigger_text": verb, "rep_trigger_start": trig,
                "rep_trigger_end": trig + len(verb), "rep_url": None, "rep_source": f"generated/{doc}",
                "rep_outlet": "generated"})
            links.append({"event_id": eid, "actor_id": actor["id"], "role": "actor", "num_mentions": 1})
            if second is not None and second["id"] != actor["id"]:
                links.append({"event_id": eid, "actor_id": second["id"], "role": "actor", "num_mentions": 1})
            if recipient is not None:
                links.append({"event_id": eid, "actor_id": recipient["id"], "role": "recipient", "num_mentions": 1})
        for doc, sentences in doc_text.items():
            doc_id = hashlib.sha256(f"doc:{seed}:{doc}".encode()).hexdigest()[:32]
            documents.append({"id": doc_id, "doc_id": f"generated-{doc}", "source": f"generated/{doc}",
                              "kind": "clean", "language": "id", "status": "ok", "num_events": len(sentences)})
            articles.append({"document_id": doc_id, "title": f"Berita sintetis {doc}", "outlet": "generated",
                             "text": "\n\n".join(sentences), "captions": "[]", "removed": "[]"})
        conn.execute("BEGIN")
        _insert(conn, "documents", documents, ignore=True)
        _insert(conn, "articles", articles, ignore=True)
        _insert(conn, "events", events)
        _insert(conn, "event_actors", links, ignore=True)
        conn.execute("COMMIT")
        written += size
        log(f"{written:,} events ({written / (time.perf_counter() - t0):,.0f}/s)")
    log("indexes ...")
    for _, ddl in indexes:
        conn.execute(ddl)
    log("full-text index ...")
    conn.execute("INSERT INTO events_fts(rowid, rep_text) SELECT id, rep_text FROM events")
    conn.execute("INSERT INTO events_fts(events_fts) VALUES ('optimize')")
    for ddl in s.EVENTS_FTS_SQLITE:
        conn.execute(ddl)
    conn.execute("ANALYZE")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.close()
    return {"events": n_events, "actors": n_actors, "documents": n_docs, "seconds": time.perf_counter() - t0}


def _insert(conn: sqlite3.Connection, table: str, rows: list[dict], ignore: bool = False) -> None:
    if not rows:
        return
    cols = list(s.metadata.tables[table].columns.keys())
    missing = [c for c in cols if c not in rows[0]]
    if missing:  # the few small tables whose optional columns stay NULL
        rows = [{**dict.fromkeys(missing), **r} for r in rows]
    sql = (f"INSERT {'OR IGNORE ' if ignore else ''}INTO {table} ({', '.join(f'{c!r}' for c in cols)}) "
           f"VALUES ({', '.join('?' * len(cols))})")
    get = operator.itemgetter(*cols)  # values are already SQL-ready (ISO dates, JSON text)
    conn.executemany(sql, map(get, rows))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--db", type=Path, default=Path("bench-events.db"))
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    if args.db.exists():
        sys.exit(f"{args.db} exists: remove it first (generation appends to nothing, it starts fresh)")
    info = generate(str(args.db), args.events, args.seed)
    print(f"{info['events']:,} events, {info['actors']:,} actors, {info['documents']:,} articles "
          f"in {info['seconds']:.0f} s -> {args.db}")


if __name__ == "__main__":
    main()
