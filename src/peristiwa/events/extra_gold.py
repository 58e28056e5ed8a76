"""The project's own event annotations: IndoSum sentences of events-id's train articles, annotated with
events-id's guideline as further training data (`annotations/README.md`), and sentences the project wrote.

They are stored as standoff, never as text: each record names an IndoSum sentence (article, paragraph,
sentence, token count) and gives every actor, trigger and attribution as character offsets into the
sentence rebuilt by `peristiwa.nlp.corpora.indosum_text`. `read_extra_gold` turns them back into rows of
the gold format (`line`, `id_text`, `events`), which `peristiwa.events.train` reads beside the train split.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from peristiwa.nlp.corpora import indosum_articles, indosum_text

EXTRA_GOLD = Path(__file__).resolve().parent / "annotations" / "events_train_extra.jsonl"
# a fourth round, drawn where the shipped model was unsure (active learning); same format, not read by the
# shipped recipe (cross-validation: no gain, docs/events.md); `train --uncertain-round` adds it
UNCERTAIN_GOLD = Path(__file__).resolve().parent / "annotations" / "events_train_uncertain.jsonl"
# sentences the project wrote itself (international wire style), with their events: text and all
WRITTEN_GOLD = Path(__file__).resolve().parent / "annotations" / "events_written.jsonl"
# The last two rounds of written sentences (batches 25-34): a model trained with them scored lower in the
# cross-validation on the train split than one without (docs/events.md), so the shipped recipe does not read
# them (`train --more-written` does)
WRITTEN_MORE = Path(__file__).resolve().parent / "annotations" / "events_written_more.jsonl"
_SIDES = ("source", "target")


def read_extra_gold(shared: Path, path: Path = EXTRA_GOLD) -> list[dict[str, Any]]:
    """Rows in events-id's gold format, their text rebuilt from the IndoSum files under `shared`."""
    items = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    paragraphs = indosum_articles(shared, {x["article"] for x in items})
    rows = []
    for x in items:
        if x["article"] not in paragraphs:
            raise ValueError(f"{path.name} {x['id']}: IndoSum article {x['article']} is not under {shared}")
        words = paragraphs[x["article"]][x["paragraph"]][x["sentence"]]
        if len(words) != x["n_tokens"]:
            raise ValueError(f"{path.name} {x['id']}: IndoSum sentence has {len(words)} tokens, the annotation "
                             f"{x['n_tokens']}")
        text = indosum_text(words)
        rows.append({"line": f"indosum:{x['article']}:{x['paragraph']}:{x['sentence']}", "id_text": text,
                     "events": [_event_text(e, text) for e in x["events"]], "uncertain": x["uncertain"]})
    return rows


def read_written_gold(path: Path = WRITTEN_GOLD) -> list[dict[str, Any]]:
    """The project's own invented sentences with their events, rows of the gold format."""
    if not path.is_file():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _event_text(e: dict[str, Any], text: str) -> dict[str, Any]:
    out = {k: v for k, v in e.items() if k not in (*_SIDES, "trigger", "attribution")}
    for side in _SIDES:
        actors = e.get(side)
        out[side] = None if actors is None else [
            {"text": text[a["span"][0]:a["span"][1]], "country": a["country"], "sector": a["sector"]}
            for a in actors]
    out["trigger"] = text[e["trigger"][0]:e["trigger"][1]]
    out["attribution"] = text[e["attribution"][0]:e["attribution"][1]] if e.get("attribution") else ""
    return out


def to_standoff(row: dict[str, Any], ident: str, words: Sequence[str]) -> dict[str, Any]:
    """A gold-format row over an IndoSum sentence as a standoff record (each text by its first occurrence)."""
    text = indosum_text(words)
    if text != row["id_text"]:
        raise ValueError(f"{row['line']}: id_text is not the IndoSum sentence as indosum_text joins it")

    def span(s: str) -> list[int]:
        start = text.find(s)
        if not s or start < 0:
            raise ValueError(f"{row['line']}: {s!r} is not in the sentence")
        return [start, start + len(s)]

    _, article, paragraph, sentence = row["line"].split(":")
    events = []
    for e in row["events"]:
        out: dict[str, Any] = {}
        for side in _SIDES:
            actors = e.get(side)
            out[side] = None if actors is None else [
                {"span": span(a["text"]), "country": a["country"], "sector": a["sector"]} for a in actors]
        out |= {"plover": e["plover"], "cameo_root": e["cameo_root"], "quad": e["quad"],
                "trigger": span(e["trigger"]), "modality": e["modality"],
                "attribution": span(e["attribution"]) if e.get("attribution") else None}
        events.append(out)
    return {"id": ident, "article": article, "paragraph": int(paragraph), "sentence": int(sentence),
            "n_tokens": len(words), "uncertain": bool(row.get("uncertain")), "events": events}
