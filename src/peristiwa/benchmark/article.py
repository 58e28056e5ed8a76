"""Article stage speed (`make bench`): documents per second on one core, start-up kept apart.

The stage is what `Pipeline._article_stage` runs per document: `build_article` plus language id.
Raw text: the 1,000 id-news-detik-1000 bodies (with their scraping residue) and the seed page.
HTML: the 26 id-news-extraction-fixtures pages (trafilatura does most of that work).
"""

from __future__ import annotations

import csv
import time
from pathlib import Path

from peristiwa.article import build_article
from peristiwa.article.resources import rules
from peristiwa.ingest.files import read_file
from peristiwa.nlp.langid import detect_language, warm_up
from peristiwa.report import ReportTable
from peristiwa.schema import Document

DETIK = Path("news/id-news-detik-1000/data_berita.csv")
FIXTURES = Path("html/id-news-extraction-fixtures/html")
SEED = Path("seed/000_4eb2d5cc41c4756d.txt")
TARGET_DOCS_PER_SECOND = 200


def _stage(doc: Document) -> None:
    art = build_article(doc)
    detect_language(" ".join(filter(None, [art.title, art.text[:2000]])))


def _time(docs: list[Document], rounds: int) -> tuple[float, float, int]:
    """(wall seconds, CPU seconds of this process, documents): CPU time is the one-core figure that
    other processes on a shared machine do not distort."""
    t0, c0 = time.perf_counter(), time.process_time()
    for _ in range(rounds):
        for doc in docs:
            _stage(doc)
    return time.perf_counter() - t0, time.process_time() - c0, rounds * len(docs)


def run(shared: Path) -> list[ReportTable]:
    table = ReportTable("Article stage speed (one process, one core)",
                        ["input", "documents", "wall s", "CPU s", "docs/s (wall)", "docs/s (CPU)", "target"])
    t0 = time.perf_counter()
    rules()
    warm_up()
    table.notes.append(f"start-up (outlet rules + language model, once per process): "
                       f"{time.perf_counter() - t0:.2f} s, not counted below")
    text_docs: list[Document] = []
    if (shared / DETIK).is_file():
        with open(shared / DETIK, encoding="utf-8", newline="") as fh:
            text_docs = [Document(doc_id=r["id"], source=f"detik:{r['id']}", kind="text", text=r["isi_berita"])
                         for r in csv.DictReader(fh)]
    if (shared / SEED).is_file():
        text_docs.append(read_file(shared / SEED))
    if text_docs:
        _stage(text_docs[0])  # first-call caches (compiled patterns) out of the timing
        wall, cpu, n = _time(text_docs, rounds=1)
        table.rows.append(["raw text (detik-1000 + seed)", n, wall, cpu, n / wall, n / cpu,
                           f">= {TARGET_DOCS_PER_SECOND}"])
    else:
        table.notes.append(f"data not found: {shared / DETIK}")
    pages = [read_file(p) for p in sorted((shared / FIXTURES).glob("*.html"))] if (shared / FIXTURES).is_dir() else []
    if pages:
        _stage(pages[0])
        wall, cpu, n = _time(pages, rounds=2)
        table.rows.append(["HTML (26 fixture pages x 2)", n, wall, cpu, n / wall, n / cpu, "(trafilatura-bound)"])
    return [table]
