"""Train the English event-type model (peristiwa.events_en.typer) on the PLOVER GSR records.

    .venv/bin/python scripts/train_english_typer.py [../shared/data]

Writes src/peristiwa/data/events_en/type_model.npz (weights only, no pickle). The records are CC BY-SA 4.0
(events-en/plover-gsr): the weights are a derivative, shipped under the same licence (model card:
data/events_en/type_model.md). Nothing else trains it: CASE-2021 has no licence and stays evaluation
data. Its figure on the records themselves is `make eval`'s 5-fold cross-validated one.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from peristiwa.evaluation.events_en import gsr_records, parse, typer_rows
from peristiwa.events_en import EnglishCoder
from peristiwa.events_en.typer import MODEL, fit


def main(shared: Path) -> None:
    records = gsr_records(shared)
    docs = parse([r["text"] for r in records])
    rows = typer_rows(records, docs, EnglishCoder(typer=None))
    model = fit([f for _, f, _ in rows], [label for _, _, label in rows])
    model.save(MODEL)
    labels = Counter(label for _, _, label in rows)
    print(f"{MODEL}: {len(records)} records, {len(rows)} verbs, {len(model.vocab)} features, "
          f"{len(model.classes)} classes; labels {dict(labels.most_common())}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("../shared/data"))
