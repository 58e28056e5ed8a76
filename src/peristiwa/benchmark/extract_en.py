"""`make bench` section: English `extract` (article stage, the English spaCy pipeline, the tree coder) in
articles per second on one core, for ~500-word English articles built from the CASE-2021 Task 2 snippets
(../shared/data/events-en; news sentences about protests, clashes and diplomacy, joined until an article
has 500 words). Target: >= 10 articles/s.

Runs in a child process pinned to one core with one BLAS thread, like the Indonesian `extract` section;
the statistical pipeline's share is timed inside the run as the time spent waiting for each parsed doc.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from peristiwa.report import ReportTable

CASE = Path("events-en/case2021-task2-finegrained/test_set_final_release_with_labels.tsv")

CHILD = r"""
import csv, json, sys, time
from peristiwa.nlp import load_model
from peristiwa.benchmark.model_time import ModelClock
from peristiwa.pipeline import Pipeline
from peristiwa.schema import Document

csv.field_size_limit(10 ** 9)
n_articles, target_words = int(sys.argv[2]), 500
with open(sys.argv[1], encoding="utf-8", newline="") as fh:
    snippets = [r["EventSnippet"].strip() for r in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
                if r.get("EventSnippet")]
texts, cur, i = [], [], 0
while len(texts) < n_articles and snippets:
    cur.append(snippets[i % len(snippets)])
    i += 1
    if sum(len(s.split()) for s in cur) >= target_words:
        texts.append("\n\n".join(cur))
        cur = []
docs = [Document(doc_id=f"bench-en-{k}", source=f"bench-en-{k}", kind="clean", text=t, lang="en")
        for k, t in enumerate(texts)]
pipe = Pipeline(lang="en")
list(pipe.run(docs[:4]))  # load the pipeline, lexicons, coder
nlp = load_model("en")
clock = ModelClock(nlp)
t0, c0 = time.perf_counter(), time.process_time()
results = list(pipe.run(docs))
total, cpu = time.perf_counter() - t0, time.process_time() - c0
errors = [r.error for r in results if r.error]
print(json.dumps({"articles": len(results), "words": sum(len(t.split()) for t in texts), "seconds": total,
                  "cpu_seconds": cpu,
                  "model_seconds": clock.seconds, "events": sum(len(r.events) for r in results),
                  "model": nlp.meta["name"], "errors": errors[:3], "n_errors": len(errors)}))
"""


def measure(shared: Path, articles: int = 60) -> dict:
    env = dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1")
    cmd = [sys.executable, "-c", CHILD, str(shared / CASE), str(articles)]
    if sys.platform.startswith("linux"):
        cmd = ["taskset", "-c", "0", *cmd]
    out = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=1200, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def run(shared: Path) -> list[ReportTable]:
    from peristiwa.nlp import load_model

    if not (shared / CASE).is_file():
        return [ReportTable("extract speed, English", [], notes=[f"{shared / CASE} not found"])]
    if load_model("en") is None:
        return [ReportTable("extract speed, English", [], notes=["no English pipeline installed: make install"])]
    runs = [measure(shared) for _ in range(3)]
    table = ReportTable(
        "extract speed, English: whole pipeline on one core (~500-word articles of CASE-2021 snippets)",
        ["run", "articles", "words/article", "seconds", "articles/s", "CPU s", "articles/CPU-s", "model s",
         "outside model", "events"])
    for k, m in enumerate(runs, 1):
        per_s = m["articles"] / m["seconds"] if m["seconds"] else 0.0
        outside = max(0.0, m["seconds"] - m["model_seconds"]) / m["seconds"] if m["seconds"] else 0.0
        per_cpu = m["articles"] / m["cpu_seconds"] if m.get("cpu_seconds") else 0.0
        table.rows.append([k, m["articles"], round(m["words"] / max(1, m["articles"])), m["seconds"], per_s,
                           m.get("cpu_seconds"), per_cpu, m["model_seconds"], f"{100 * outside:.0f} %",
                           m["events"]])
    table.notes.append(f"pipeline {runs[0]['model']}; target >= 10 articles/s per core; three runs: the spread "
                       "is the machine's noise")
    if any(m["n_errors"] for m in runs):
        table.notes.append(f"document(s) failed, e.g. {runs[0]['errors']}")
    return [table]
