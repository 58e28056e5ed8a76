"""`make bench` section: speed and peak memory of the full Indonesian pipeline on one core.

Runs in a child process with one BLAS/OpenMP thread so that the figures are the pipeline's own:
peak RSS is the child's (model load + processing), not that of the benchmark runner.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from peristiwa.report import ReportTable

CHILD = r"""
import json, resource, sys, time
from pathlib import Path
t0 = time.perf_counter()
from peristiwa.nlp import load_model
nlp = load_model("id")
load_s = time.perf_counter() - t0
texts, limit = [], int(sys.argv[2])
n_words = 0
for path in sorted(Path(sys.argv[1]).glob("dev.*.jsonl")):
    for line in path.open(encoding="utf-8"):
        art = json.loads(line)
        paras = [" ".join(" ".join(s) for s in p) for p in art.get("paragraphs", [])]
        texts.append("\n\n".join(paras))
        n_words += sum(len(s) for p in art.get("paragraphs", []) for s in p)
        if n_words >= limit:
            break
    if n_words >= limit:
        break
t1, c1 = time.perf_counter(), time.process_time()
n_tokens = sum(len(d) for d in nlp.pipe(texts, batch_size=32))
run_s, cpu_s = time.perf_counter() - t1, time.process_time() - c1
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"docs": len(texts), "tokens": n_tokens, "seconds": run_s, "cpu_s": cpu_s, "load_s": load_s,
                  "peak_mb": rss, "pipes": nlp.pipe_names}))
"""


def measure(shared: Path, words: int = 60_000) -> dict:
    env = dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1")
    cmd = [sys.executable, "-c", CHILD, str(shared / "news" / "indosum-dev"), str(words)]
    if sys.platform.startswith("linux"):
        cmd = ["taskset", "-c", "0", *cmd]  # one core, as the target says
    out = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=900, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def run(shared: Path) -> list[ReportTable]:
    from peristiwa.nlp import model_path

    path = model_path("id")
    if path is None or not (path / "config.cfg").is_file():
        return [ReportTable("NLP speed", [], notes=["no Indonesian model shipped: run `make train`"])]
    if not (shared / "news" / "indosum-dev").is_dir():
        return [ReportTable("NLP speed", [], notes=[f"IndoSum dev not found under {shared}"])]
    m = measure(shared)
    t = ReportTable("NLP: full Indonesian pipeline, one core (IndoSum dev news)",
                    ["docs", "tokens", "tokens/s (wall)", "tokens per CPU-second", "target tokens/s",
                     "peak RSS MB", "target MB", "model load s"])
    t.rows.append([m["docs"], m["tokens"], round(m["tokens"] / m["seconds"]),
                   round(m["tokens"] / max(m["cpu_s"], 1e-9)), 10_000, round(m["peak_mb"]), 600,
                   round(m["load_s"], 1)])
    t.notes.append("wall-clock speed drops when other processes share the core; tokens per CPU-second "
                   "is the pipeline's own speed on one core")
    t.notes.append("pipes: " + ", ".join(m["pipes"]))
    return [t]
