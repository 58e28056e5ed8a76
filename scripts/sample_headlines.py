"""Draw Indonesian headlines of ../shared/data/news/id-headlines-narasipal for the project to annotate as an
events test set (evaluation/data/events_headlines.jsonl stores references and events, no text).

    python scripts/sample_headlines.py OUT.jsonl [--n 300] [--seed 7] [--skip FILE ...]

Each output line: {"id": "narasipal:<outlet>:<row>", "text": <headline>}. Headlines are taken once (the same
title in two outlets counts once), three words or more, in a random order fixed by the seed; `--skip` files
hold headlines (one per line, or JSONL with "text") that must not be drawn.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from peristiwa.evaluation.headlines import OUTLETS, headline_rows, norm  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out")
    ap.add_argument("--shared", default="../shared/data")
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--skip", nargs="*", default=[])
    a = ap.parse_args()
    skip: set[str] = set()
    for f in a.skip:
        for line in Path(f).read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if line:
                skip.add(norm(json.loads(line)["text"] if line.startswith("{") else line))
    seen: set[str] = set()
    pool = []
    for outlet in OUTLETS:
        for ref, text in headline_rows(Path(a.shared), outlet):
            key = norm(text)
            if key in seen or key in skip or len(text.split()) < 3:
                continue
            seen.add(key)
            pool.append((ref, text))
    random.Random(a.seed).shuffle(pool)
    with open(a.out, "w", encoding="utf-8") as f:
        for ref, text in pool[: a.n]:
            f.write(json.dumps({"id": ref, "text": text}, ensure_ascii=False) + "\n")
    print(f"{min(a.n, len(pool))} of {len(pool)} headlines written to {a.out}")


if __name__ == "__main__":
    csv.field_size_limit(1 << 20)
    main()
