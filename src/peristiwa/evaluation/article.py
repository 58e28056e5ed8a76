"""Article stage accuracy (`make eval`).

1. ../shared/data/html/id-news-extraction-fixtures: title (exact after whitespace/quote normalisation),
   published date (the expected epoch read in Jakarta time, UTC+7) and body token F1 (bag of lower-cased
   word tokens, as in the scrapinghub article-extraction benchmark). Our `text` starts after the dateline,
   so the dateline prefix is cut from the expected body's first line the same way before scoring.
2. ../shared/data/news/id-news-detik-1000: share of bodies with known scraping residue, before and after.
3. ../shared/data/html/trafilatura-eval: snippet precision/recall (the upstream "with"/"without" test),
   for trafilatura alone (default settings) and for the article stage, in the same run.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
import re
import tarfile
import tempfile
import time
from collections import Counter
from pathlib import Path

from peristiwa.article import build_article
from peristiwa.article.dateline import split_dateline
from peristiwa.article.resources import rules
from peristiwa.ingest.files import decode_bytes
from peristiwa.report import ReportTable
from peristiwa.schema import Document

FIXTURES = Path("html/id-news-extraction-fixtures")
DETIK = Path("news/id-news-detik-1000/data_berita.csv")
TRAFILATURA = Path("html/trafilatura-eval")
# 330 of the 990 pages keep both extractors within about three minutes on one core; set
# PERISTIWA_TRAFILATURA_EVERY=1 for the whole set
TRAFILATURA_SAMPLE_EVERY = int(os.environ.get("PERISTIWA_TRAFILATURA_EVERY", "3"))
JAKARTA = dt.timezone(dt.timedelta(hours=7))

# Residue as it is seen in scraped Indonesian news bodies; independent of the rules in data/outlets.
RESIDUE = re.compile(r"^\s*(scroll to continue with content|advertisement|baca juga\b|\[gambas:|"
                     r"(simak|tonton|saksikan) (juga )?(video|live)\b|saksikan live ?detik)", re.I | re.M)

_TOKEN = re.compile(r"\w+")
_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "`": "'"})


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.lower())


def token_f1(got: str, expected: str) -> float:
    a, b = Counter(tokens(got)), Counter(tokens(expected))
    common = sum((a & b).values())
    if not common:
        return 1.0 if not a and not b else 0.0
    p, r = common / sum(a.values()), common / sum(b.values())
    return 2 * p * r / (p + r)


def norm_title(title: str | None) -> str:
    return " ".join((title or "").translate(_QUOTES).split()).casefold()


def run(shared: Path) -> list[ReportTable]:
    return [fixtures_table(shared), detik_table(shared), trafilatura_table(shared)]


def fixtures_table(shared: Path) -> ReportTable:
    base = shared / FIXTURES
    table = ReportTable("Article stage on id-news-extraction-fixtures (26 Indonesian HTML pages)",
                        ["page", "title", "date", "body F1"])
    if not (base / "ground-truth.json").is_file():
        table.notes.append(f"data not found: {base}")
        return table
    r = rules()
    titles, dates, f1s = [], [], []
    for item in json.loads((base / "ground-truth.json").read_text(encoding="utf-8")):
        exp = item["expected"]
        raw = (base / item["html_file"]).read_bytes()
        doc = Document(doc_id=item["html_file"], source=item["html_file"], kind="html",
                       text=raw.decode("utf-8", "replace"))
        try:
            art = build_article(doc)
        except Exception as exc:  # a failure scores zero and is named
            table.rows.append([f"{item['html_file']} (error: {exc})", 0, 0, 0.0])
            titles.append(0), dates.append(0), f1s.append(0.0)
            continue
        want_date = dt.datetime.fromtimestamp(exp["date"] / 1000, JAKARTA).date().isoformat()
        lines = exp["content"].strip().split("\n")
        _, lines[0] = split_dateline(" ".join(lines[0].split()), r)
        title_ok = int(norm_title(art.title) == norm_title(exp["title"]))
        date_ok = int(art.published == want_date)
        f1 = token_f1(art.text, "\n".join(lines))
        titles.append(title_ok), dates.append(date_ok), f1s.append(f1)
        table.rows.append([Path(item["html_file"]).stem, title_ok, date_ok, f1])
    n = len(f1s)
    table.rows.append(["ALL (mean)", sum(titles) / n, sum(dates) / n, sum(f1s) / n])
    table.notes.append("targets: title >= 0.95, date >= 0.90, body F1 >= 0.92")
    return table


def detik_table(shared: Path) -> ReportTable:
    path = shared / DETIK
    table = ReportTable("Residue left in id-news-detik-1000 bodies (raw-text path)",
                        ["bodies", "with residue before", "with residue after", "prose tokens kept"])
    if not path.is_file():
        table.notes.append(f"data not found: {path}")
        return table
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    before = after = 0
    kept, total = 0, 0
    for row in rows:
        body = row["isi_berita"]
        before += bool(RESIDUE.search(body))
        art = build_article(Document(doc_id=row["id"], source=f"detik:{row['id']}", kind="text", text=body,
                                     title=row["judul"]))
        after += bool(RESIDUE.search(art.text))
        prose = "\n".join(line for line in body.split("\n") if not RESIDUE.search(line))
        want, got = Counter(tokens(prose)), Counter(tokens(art.text))
        kept += sum((want & got).values())
        total += sum(want.values())
    n = len(rows)
    table.rows.append([n, before / n, after / n, kept / max(total, 1)])
    table.notes.append("residue = lines starting SCROLL TO CONTINUE WITH CONTENT, ADVERTISEMENT, Baca juga, "
                       "[Gambas:, Simak/Tonton/Saksikan (juga) video/live; 'prose tokens kept' = token recall "
                       "against the body without those lines (dateline and chrome removal cost a little)")
    return table


def _unpacked(base: Path) -> Path | None:
    archive = base / "html-eval-and-cache.tar.xz"
    if not archive.is_file():
        return None
    target = Path(tempfile.gettempdir()) / f"peristiwa-trafilatura-eval-{archive.stat().st_size}"
    if not (target / ".done").is_file():
        target.mkdir(parents=True, exist_ok=True)
        with tarfile.open(archive) as tar:
            tar.extractall(target, filter="data")
        (target / ".done").touch()
    return target


def _score(text: str, item: dict, counts: Counter) -> None:
    for snippet in item.get("with", []):
        counts["tp" if snippet in text else "fn"] += 1
    for snippet in item.get("without", []):
        counts["fp" if snippet in text else "tn"] += 1


def _metrics(c: Counter) -> list[float]:
    p = c["tp"] / max(c["tp"] + c["fp"], 1)
    r = c["tp"] / max(c["tp"] + c["fn"], 1)
    f = 2 * p * r / (p + r) if p + r else 0.0
    acc = (c["tp"] + c["tn"]) / max(sum(c.values()), 1)
    return [p, r, f, acc]


def trafilatura_table(shared: Path) -> ReportTable:
    import trafilatura

    base = shared / TRAFILATURA
    table = ReportTable("Main-content extraction on trafilatura-eval (snippet precision/recall)",
                        ["extractor", "docs", "precision", "recall", "F1", "accuracy", "seconds"])
    folder = _unpacked(base) if (base / "evaldata.json").is_file() else None
    if folder is None:
        table.notes.append(f"data not found: {base}")
        return table
    data = json.loads((base / "evaldata.json").read_text(encoding="utf-8"))
    keys = sorted(data)[::TRAFILATURA_SAMPLE_EVERY]
    pages = []
    for key in keys:
        item = data[key]
        path = next((p for p in (folder / "eval" / item["file"], folder / "cache" / item["file"]) if p.is_file()),
                    None)
        if path is not None:
            pages.append((key, item, path.read_bytes()))
    ours, alone = Counter(), Counter()
    t_alone = t_ours = 0.0
    failed = 0
    for key, item, raw in pages:
        t0 = time.perf_counter()
        base_text = trafilatura.extract(raw, url=key) or ""
        t1 = time.perf_counter()
        try:
            art = build_article(Document(doc_id=key, source=key, kind="html", url=key,
                                         text=decode_bytes(raw, key)))
            # captions are part of the extracted text, as in trafilatura's output; the title is not (the
            # annotations list page titles among the snippets that must not appear)
            text = "\n".join(filter(None, [art.text, *[c.text for c in art.captions]]))
        except Exception:  # an error is an empty extraction, as for trafilatura
            text, failed = "", failed + 1
        t2 = time.perf_counter()
        t_alone += t1 - t0
        t_ours += t2 - t1
        _score(base_text, item, alone)
        _score(text, item, ours)
    table.rows.append(["trafilatura alone (default)", len(pages), *_metrics(alone), t_alone])
    table.rows.append(["peristiwa article stage", len(pages), *_metrics(ours), t_ours])
    table.notes.append(f"deterministic sample: every {TRAFILATURA_SAMPLE_EVERY}. page in URL order "
                       f"({len(pages)} of {len(data)} pages)")
    table.notes.append(f"pages the article stage rejected (no article): {failed}")
    return table
