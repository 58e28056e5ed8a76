"""`make bench` section: corpus ingest speed with 1 and 2 workers, peak memory, database size, export time.

The corpus is the Indonesian news in ../shared/data/news (Detik 1,000, the 2019 economy scrape and the
IndoSum dev folds: about 4,600 distinct articles), repeated until PERISTIWA_BENCH_DOCS (default 20,000)
distinct documents: each repeat varies one line (an update note) so every copy has its own content
hash. Each ingest runs in a fresh process; peak memory is the largest resident set of that process and
of its worker processes.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from peristiwa.report import ReportTable

TARGET_DOCS = int(os.environ.get("PERISTIWA_BENCH_DOCS", "20000"))
STORE_DOCS = int(os.environ.get("PERISTIWA_BENCH_STORE_DOCS", "20000"))
TARGET_RATE_PER_CORE = 30.0
TARGET_SPEEDUP = 1.7
TARGET_MB = 700


def _detik(path: Path) -> Iterator[dict]:
    csv.field_size_limit(1 << 26)
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            text = (row.get("isi_berita") or "").strip()
            if text:
                yield {"text": text, "title": row.get("judul"), "url": row.get("tautan"),
                       "published": _mdy(row.get("tanggal"))}


def _mdy(value: str | None) -> str | None:
    """Detik's "M/D/YYYY H:MM" -> YYYY-MM-DD."""
    try:
        return dt.datetime.strptime((value or "").split()[0], "%m/%d/%Y").date().isoformat()
    except (ValueError, IndexError):
        return None


def _econ(path: Path) -> Iterator[dict]:
    csv.field_size_limit(1 << 26)
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            text = (row.get("content") or "").strip()
            if text:
                yield {"text": text, "title": row.get("title"), "url": row.get("url")}


def _indosum(folder: Path) -> Iterator[dict]:
    seen: set[str] = set()
    for f in sorted(folder.glob("dev.*.jsonl")):
        with open(f, encoding="utf-8") as fh:
            for line in fh:
                rec = json.loads(line)
                if rec["id"] in seen:
                    continue
                seen.add(rec["id"])
                paras = [" ".join(" ".join(sent) for sent in para) for para in rec["paragraphs"]]
                stamp = rec["id"].split("-", 1)[0]
                published = (dt.datetime.fromtimestamp(int(stamp), dt.UTC).date().isoformat()
                             if stamp.isdigit() else None)
                yield {"text": "\n\n".join(paras), "title": None, "url": rec.get("source_url"),
                       "published": published}


def base_articles(shared: Path) -> list[dict]:
    news = shared / "news"
    out: list[dict] = []
    if (news / "id-news-detik-1000" / "data_berita.csv").is_file():
        out += _detik(news / "id-news-detik-1000" / "data_berita.csv")
    if (news / "id-news-econ-2019-small" / "ALL.csv").is_file():
        out += _econ(news / "id-news-econ-2019-small" / "ALL.csv")
    if (news / "indosum-dev").is_dir():
        out += _indosum(news / "indosum-dev")
    unique = {a["text"]: a for a in out}  # a few articles appear in two collections
    return list(unique.values())


def write_corpus(articles: list[dict], n: int, path: Path) -> int:
    """n distinct JSONL records: copy k of an article gets one varied line, so its hash differs."""
    written = 0
    with open(path, "w", encoding="utf-8") as fh:
        k = 0
        while written < n:
            for i, a in enumerate(articles):
                if written >= n:
                    break
                text = a["text"] if k == 0 else f"{a['text']}\n\n(Diperbarui, salinan {k}.)"
                fh.write(json.dumps({"id": f"bench-{k}-{i}", "text": text, "title": a["title"], "url": a["url"],
                                     "published": a.get("published"), "lang": "id"}, ensure_ascii=False) + "\n")
                written += 1
            k += 1
    return written


_CHILD = """
import json, resource, sys, time
from peristiwa.corpus import IngestOptions, ingest
t0 = time.perf_counter()
s = ingest([sys.argv[1]], sys.argv[2], IngestOptions(workers=int(sys.argv[3]), progress=False))
print(json.dumps({"stored": s.stored, "failed": s.failed, "mentions": s.mentions, "events": s.events,
                  "seconds": time.perf_counter() - t0,
                  "self_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "children_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))
"""


def _run_ingest(corpus: Path, db: Path, workers: int) -> dict:
    proc = subprocess.run([sys.executable, "-c", _CHILD, str(corpus), str(db), str(workers)],
                          capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise RuntimeError(f"ingest with {workers} worker(s) failed: {proc.stderr[-2000:]}")
    got = json.loads(proc.stdout.strip().splitlines()[-1])
    got["peak_mb"] = max(got["self_mb"], got["children_mb"])
    return got


def _db_size(db: Path) -> int:
    import sqlite3

    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return sum(p.stat().st_size for p in db.parent.glob(db.name + "*"))


def _export_times(db: Path, out: Path) -> list[list]:
    from peristiwa.export import export_events
    from peristiwa.store import connect
    from peristiwa.store.queries import EventFilter

    engine = connect(str(db))
    rows = []
    for label, fmt, flt in (("gdelt, all events", "gdelt", None),
                            ("acled, all events", "acled", None),
                            ("plover, country IDN", "plover", EventFilter(countries=["IDN"])),
                            ("csv, ASSAULT in one month", "csv",
                             EventFilter(event_types=["ASSAULT"], date_from=dt.date(2024, 3, 1),
                                         date_to=dt.date(2024, 3, 31))),
                            ("parquet, all events", "parquet", None),
                            ("graphml, all events", "graphml", None)):
        t0 = time.perf_counter()
        n = export_events(engine, fmt, out / f"export.{fmt}", flt)
        rows.append([label, n, round(time.perf_counter() - t0, 2)])
    engine.dispose()
    return rows


_TYPES = [("ASSAULT", "190", 4, -10.0), ("PROTEST", "141", 3, -6.5), ("CONSULT", "040", 1, 1.0),
          ("AGREE", "057", 1, 8.0), ("ACCUSE", "111", 3, -2.0), ("COERCE", "173", 4, -5.0),
          ("AID", "070", 2, 7.0), ("REQUEST", "020", 1, 3.0)]
_COUNTRIES = ["IDN", "IDN", "IDN", "MYS", "SGP", "AUS", "USA", "CHN", "TUR", "LBY"]
_SECTORS = ["GOV", "MIL", "COP", "REB", "CVL", "OPP", "BUS", "NGO"]


def constructed_results(n_docs: int, seed: int = 7):
    """Results with events built for a store benchmark: several outlets report overlapping happenings,
    so merging has work to do. (Records are our real Result/Event/Actor types; sentences are ours.)"""
    import random

    from peristiwa.schema import Actor, Article, Event, Location, Result, Span

    rng = random.Random(seed)
    actors = [Actor(f"Aktor {k}", 0, 8, f"Aktor {k}", _COUNTRIES[k % 10], _SECTORS[k % 8]) for k in range(300)]
    places = [Location(f"Kota {k}", "IDN", -6.0 + k / 10, 106.0 + k / 10, 9_000_000 + k) for k in range(60)]
    happenings = max(1, n_docs * 3 // 2)
    for i in range(n_docs):
        events = []
        day = None
        for j in range(3):
            h = rng.randrange(happenings)
            hr = random.Random(h)
            kind, cameo, quad, gold = hr.choice(_TYPES)
            a, b = hr.sample(actors, 2)
            day = 1 + h % 365
            date = (dt.date(2024, 1, 1) + dt.timedelta(days=day)).isoformat()
            text = f"{a.name} dan {b.name} terlibat peristiwa {kind.lower()} nomor {h}."
            events.append(Event(id=f"e{j}", sentence=j, text=text, event=kind, cameo=cameo, quad=quad,
                                goldstein=gold, trigger=Span("terlibat", text.find("terlibat"),
                                                             text.find("terlibat") + 8),
                                actor=[a], recipient=[b], date=date if rng.random() < 0.7 else None,
                                date_precision="day", location=hr.choice(places + [None]),
                                confidence=round(rng.random(), 2)))
        published = (dt.date(2024, 1, 1) + dt.timedelta(days=(day or 1) + rng.randint(0, 1))).isoformat()
        body = " ".join(e.text for e in events)
        yield Result(doc_id=f"s{i}", source=f"bench://{i}", language="id",
                     article=Article(title=f"Berita {i}", outlet=rng.choice(["kompas", "detik", "tempo", "antara"]),
                                     published=published, text=body), events=events)


def store_bench(tmpdir: Path, n_docs: int) -> list[ReportTable]:
    from peristiwa.schema import Document
    from peristiwa.store import connect, init_db
    from peristiwa.store.merge import rebuild
    from peristiwa.store.writer import Item, write_batch

    db = tmpdir / "store.db"
    engine = connect(str(db))
    init_db(engine)
    t0 = time.perf_counter()
    batch, mentions = [], 0
    for r in constructed_results(n_docs):
        mentions += len(r.events)
        batch.append(Item.of(Document(doc_id=r.doc_id, source=r.source, kind="clean", text=r.article.text + r.doc_id),
                             r))
        if len(batch) >= 32:
            write_batch(engine, batch)
            batch = []
    if batch:
        write_batch(engine, batch)
    t_write = time.perf_counter() - t0
    t0 = time.perf_counter()
    events = rebuild(engine)
    t_merge = time.perf_counter() - t0
    engine.dispose()
    size = _db_size(db)
    table = ReportTable(f"store: {n_docs:,} constructed documents with {mentions:,} event mentions",
                        ["step", "seconds", "rate"],
                        [["write (32 per transaction)", round(t_write, 1), f"{n_docs / t_write:.0f} docs/s"],
                         [f"merge into {events:,} events", round(t_merge, 1), f"{mentions / t_merge:.0f} mentions/s"]],
                        notes=[f"SQLite size {size / 2**20:.1f} MB = {size / 2**20 / n_docs * 1000:.1f} MB per 1,000 "
                               "documents (short texts: the size of stored events and mentions)",
                               "constructed Result/Event records with many overlapping reports, so the store, the "
                               "merge and the exports are measured at a larger event load than the news corpus gives"])
    exp = ReportTable(f"export over {events:,} merged events", ["export", "rows", "seconds"],
                      _export_times(db, tmpdir))
    return [table, exp]


def run(shared: Path) -> list[ReportTable]:
    articles = base_articles(shared)
    if not articles:
        return [ReportTable("ingest: skipped", [], notes=[f"no news corpus under {shared / 'news'}"])]
    cores = os.cpu_count() or 1
    with tempfile.TemporaryDirectory(prefix="peristiwa-bench-") as tmp:
        tmpdir = Path(tmp)
        corpus = tmpdir / "corpus.jsonl"
        n = write_corpus(articles, TARGET_DOCS, corpus)
        runs = {}
        for workers in (1, 2):
            db = tmpdir / f"w{workers}.db"
            runs[workers] = _run_ingest(corpus, db, workers)
            runs[workers]["db"] = db
        size = _db_size(runs[1]["db"])
        store_tables = store_bench(tmpdir, STORE_DOCS)
    speed = {w: r["stored"] / r["seconds"] for w, r in runs.items()}
    table = ReportTable(
        f"ingest: {n:,} distinct documents ({len(articles):,} news articles, repeated with one varied line)",
        ["workers", "documents", "failed", "mentions", "events", "seconds", "docs/s", "docs/s per worker",
         "peak MB (largest process)"],
        [[w, r["stored"], r["failed"], r["mentions"], r["events"], round(r["seconds"], 1), round(speed[w], 1),
          round(speed[w] / w, 1), round(r["peak_mb"])] for w, r in runs.items()])
    speedup = speed[2] / speed[1] if speed[1] else 0.0
    table.notes += [
        f"speed-up with 2 workers: {speedup:.2f}x (target >= {TARGET_SPEEDUP}x; this machine has {cores} "
        f"core(s), shared with the writer process)",
        f"target >= {TARGET_RATE_PER_CORE:.0f} docs/s per core: "
        f"{'met' if speed[1] >= TARGET_RATE_PER_CORE else 'NOT met'} with 1 worker ({speed[1]:.1f})",
        f"peak memory target <= {TARGET_MB} MB per process: "
        f"{'met' if max(r['peak_mb'] for r in runs.values()) <= TARGET_MB else 'NOT met'}",
        f"SQLite database: {size / 2**20:.1f} MB for {runs[1]['stored']:,} documents = "
        f"{size / 2**20 / max(runs[1]['stored'], 1) * 1000:.1f} MB per 1,000 documents "
        f"(article text, entities, mentions, events and indexes)",
        "scale with PERISTIWA_BENCH_DOCS (default 20000) and PERISTIWA_BENCH_STORE_DOCS (default 20000)",
    ]
    return [table, *store_tables]


__all__ = ["run", "base_articles", "write_corpus"]
