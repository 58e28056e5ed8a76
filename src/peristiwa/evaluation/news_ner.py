"""The news NER dev set: 400 IndoSum sentences annotated by the project for PER/ORG/LOC (NERGrit conventions).

The annotation is standoff (`data/news_ner_dev.jsonl`): an IndoSum article id, paragraph and sentence
index, the sentence's token count and entity spans as token indices — never the text, which is read
from ../shared/data/news/indosum-dev at evaluation time (CC BY-SA 4.0). `split` is "tune" for the 100
sentences read while writing the organisation rules and "eval" for the 300 that were not; `make eval`
reports both, and the eval part is the figure to quote. How it was made: data/README.md.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

INDOSUM = "news/indosum-dev"
SPLITS = ("tune", "eval")


def standoff_path() -> Path:
    return Path(str(resources.files("peristiwa.evaluation") / "data" / "news_ner_dev.jsonl"))


def _articles(shared: Path, wanted: set[str]) -> dict[str, list[list[list[str]]]]:
    found: dict[str, list] = {}
    for f in sorted((shared / INDOSUM).glob("dev.*.jsonl")):
        with open(f, encoding="utf-8") as fh:
            for line in fh:
                # the id is the first field: skip the JSON decoding of articles we do not need
                rec = json.loads(line)
                if rec["id"] in wanted and rec["id"] not in found:
                    found[rec["id"]] = rec["paragraphs"]
    return found


def load_news_ner(shared: Path, split: str | None = None) -> list[tuple[list[str], list[str]]]:
    """(words, BIO tags) per sentence of the news NER dev set (one split, or all)."""
    items = [json.loads(line) for line in standoff_path().read_text(encoding="utf-8").splitlines() if line]
    items = [x for x in items if split is None or x["split"] == split]
    paragraphs = _articles(shared, {x["article"] for x in items})
    out = []
    for x in items:
        words = paragraphs[x["article"]][x["paragraph"]][x["sentence"]]
        if len(words) != x["n_tokens"]:
            raise ValueError(f"{x['id']}: IndoSum sentence has {len(words)} tokens, the annotation {x['n_tokens']}")
        tags = ["O"] * len(words)
        for start, end, label in x["entities"]:
            tags[start] = f"B-{label}"
            for i in range(start + 1, end):
                tags[i] = f"I-{label}"
        out.append((list(words), tags))
    return out
