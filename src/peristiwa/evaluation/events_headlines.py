"""`make eval` section: Indonesian headlines, scored by the shared metric (../shared/scripts/score_events.py).

The gold is the project's own annotation of 300 headlines drawn from ../shared/data/news/id-headlines-narasipal
(scripts/sample_headlines.py; data/events_headlines.jsonl stores references, character spans and events, no
text: the text is read from the shared data). Batch 0 was read while the headline reading was developed;
batches 1-2 were not, and are the figure to quote. Each headline is coded as a one-line document through the
pipeline, as `peristiwa extract` codes it (the headline read in sentence case, peristiwa.headlines), and, for
comparison, parsed as written.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import Any

from peristiwa.evaluation.events import extract_rows
from peristiwa.evaluation.headlines import FOLDER, headline_texts
from peristiwa.report import ReportTable

GOLD = Path(__file__).parent / "data" / "events_headlines.jsonl"
READ_BATCHES = {0}  # read while developing the headline reading


def gold_rows(shared: Path, path: Path = GOLD) -> list[dict[str, Any]]:
    """Rows of events-id's gold format rebuilt from the standoff file and the shared headlines."""
    texts = headline_texts(shared)
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        d = json.loads(line)
        text = texts[d["ref"]]

        def side(refs, text=text):
            return None if not refs else [{"text": text[a["span"][0]:a["span"][1]], "country": a["country"],
                                           "sector": a.get("sector", "")} for a in refs]

        events = [{**{k: v for k, v in e.items() if k not in ("trigger", "source", "target")},
                   "trigger": text[e["trigger"][0]:e["trigger"][1]], "source": side(e["source"]),
                   "target": side(e["target"])} for e in d["events"]]
        rows.append({"line": d["ref"], "id_text": text, "events": events, "uncertain": d.get("uncertain", False),
                     "batch": d["batch"]})
    return rows


def code_headlines(rows: list[dict[str, Any]], reading: bool = True) -> dict[str, list[dict]]:
    """Each headline's events as `extract --jsonl` prints them; `reading=False`: parsed as written."""
    if reading:
        return extract_rows(rows, "id")
    from peristiwa.events import load_coder
    from peristiwa.nlp import load_model
    from peristiwa.schema import Article

    nlp = load_model("id")
    coder = load_coder("id", nlp)
    out = {}
    for r, doc in zip(rows, nlp.pipe([r["id_text"] for r in rows]), strict=True):
        doc.user_data["doc_id"] = r["line"]
        out[r["line"]] = [asdict(e) for e in coder.code(doc, Article(text=r["id_text"]))[1]]
    return out


def run(shared: Path) -> list[ReportTable]:
    from peristiwa.events.scoring import load_scorer
    from peristiwa.nlp import load_model

    title = "events: Indonesian headlines (narasipal, annotated by the project), shared metric"
    if not (shared / FOLDER).is_dir() or not GOLD.is_file():
        return [ReportTable(title, [], notes=[f"{shared / FOLDER} or {GOLD.name} not found: section skipped"])]
    if load_model("id") is None:
        return [ReportTable(title, [], notes=["no Indonesian model: section skipped"])]
    scorer = load_scorer(shared)
    rows = gold_rows(shared)
    t = ReportTable(title, ["headlines", "coder", "match", "P", "R", "F1", "matched", "predicted", "gold"])
    for coder_name, reading in (("shipped (headline reading)", True), ("parsed as written", False)):
        pred = code_headlines(rows, reading)
        for part, subset in (("batches 1-2 (not read)", [r for r in rows if r["batch"] not in READ_BATCHES]),
                             ("batch 0 (read)", [r for r in rows if r["batch"] in READ_BATCHES])):
            for match, kw in (("loose", {}), ("strict", {"strict": True})):
                s = scorer.score(subset, pred, **kw)
                t.rows.append([f"{part}, {len(subset)}", coder_name, match, s["P"], s["R"], s["F1"], s["matched"],
                               s["predicted"], s["gold"]])
    t.notes.append("gold: the project's annotation with events-id's guideline (evaluation/data/README.md); "
                   "no headline is training data")
    return [t]
