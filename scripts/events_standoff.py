"""Turn event annotations in events-id's gold format (text) into the project's standoff file (offsets).

    python scripts/events_standoff.py --shared ../shared/data ANNOTATED.jsonl... > events_train_extra.jsonl
    python scripts/events_standoff.py --first 3600 ROUND4.jsonl... >> events_train_extra.jsonl  # a later round

Each input line is {"line": "indosum:<article>:<paragraph>:<sentence>", "id_text", "events", "uncertain"}
over a sentence drawn by `sample_events_extra.py`; its text must be the IndoSum sentence as
`peristiwa.nlp.corpora.indosum_text` joins it. The output stores no text (src/peristiwa/events/annotations).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from peristiwa.events.extra_gold import to_standoff
from peristiwa.nlp.corpora import indosum_articles


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", type=Path, default=Path("../shared/data"))
    ap.add_argument("--first", type=int, default=0, help="number of the first record (evtrain-NNNN)")
    ap.add_argument("files", nargs="+", type=Path)
    args = ap.parse_args()
    rows = [json.loads(line) for f in args.files for line in f.open(encoding="utf-8") if line.strip()]
    paragraphs = indosum_articles(args.shared, {r["line"].split(":")[1] for r in rows})
    for k, row in enumerate(rows):
        _, article, p, s = row["line"].split(":")
        record = to_standoff(row, f"evtrain-{args.first + k:04d}", paragraphs[article][int(p)][int(s)])
        print(json.dumps(record, ensure_ascii=False))


if __name__ == "__main__":
    main()
