"""Headlines of ../shared/data/news/id-headlines-narasipal (six outlets' CSV files) by reference: the
project's headline annotations store `narasipal:<outlet>:<row>` and read the text from the shared data."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

FOLDER = Path("news/id-headlines-narasipal")
OUTLETS = ("cnbc", "cnn", "detik", "kompas", "republika", "tempo")


def norm(text: str) -> str:
    return " ".join(text.lower().split())


def headline_rows(shared: Path, outlet: str) -> Iterator[tuple[str, str]]:
    """(reference, headline) of every row of one outlet's file; the row is its number among the data rows."""
    path = shared / FOLDER / f"{outlet}_master.csv"
    with open(path, encoding="utf-8", newline="") as f:
        for row_no, row in enumerate(csv.DictReader(f)):
            text = " ".join((row.get("article_title") or "").split())
            if text:
                yield f"narasipal:{outlet}:{row_no}", text


def headline_texts(shared: Path) -> dict[str, str]:
    """Every headline of the folder by reference."""
    return {ref: text for outlet in OUTLETS for ref, text in headline_rows(shared, outlet)}
