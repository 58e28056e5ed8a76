"""`make eval` section: event coding on the Indonesian dev gold set (../shared/data/events-id-dev).

Every gold sentence goes through the real Pipeline as a clean document. A predicted event matches a
gold event (one-to-one, per sentence) when
  loose:  same quad class and the same known countries on each side (source set, target set; empty
          country codes are ignored, so "mereka" -> "" matches any unknown);
  strict: loose + the same PLOVER type.
The confusion table pairs gold and predicted events by trigger overlap and counts type against type.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from peristiwa.events.ontology import PLOVER_TYPES
from peristiwa.report import ReportTable

DEV = "events-id-dev/dev.gold.jsonl"


@dataclass
class Item:
    etype: str
    quad: int
    src: frozenset[str]
    tgt: frozenset[str]
    span: tuple[int, int] | None  # trigger character span in the sentence


@dataclass
class Scores:
    tp_loose: int = 0
    tp_strict: int = 0
    n_pred: int = 0
    n_gold: int = 0

    def prf(self, tp: int) -> tuple[float, float, float]:
        p = tp / self.n_pred if self.n_pred else 0.0
        r = tp / self.n_gold if self.n_gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _countries(actors: list[dict[str, Any]] | None) -> frozenset[str]:
    return frozenset(a.get("country") or "" for a in actors or []) - {""}


def gold_items(record: dict[str, Any]) -> list[Item]:
    text = record["id_text"]
    out = []
    for e in record.get("events") or []:
        trig = e.get("trigger") or ""
        pos = text.find(trig) if trig else -1
        out.append(Item(e["plover"], int(e["quad"]), _countries(e.get("source")), _countries(e.get("target")),
                        (pos, pos + len(trig)) if pos >= 0 else None))
    return out


def pred_items(events: list[dict[str, Any]]) -> list[Item]:
    return [Item(e["event"], int(e["quad"]), _countries(e["actor"]), _countries(e["recipient"]),
                 (e["trigger"]["start"], e["trigger"]["end"])) for e in events]


def match(gold: list[Item], pred: list[Item], strict: bool) -> int:
    used: set[int] = set()
    tp = 0
    for g in gold:
        for k, p in enumerate(pred):
            if k in used or p.quad != g.quad or p.src != g.src or p.tgt != g.tgt:
                continue
            if strict and p.etype != g.etype:
                continue
            used.add(k)
            tp += 1
            break
    return tp


def confusion(gold: list[Item], pred: list[Item], table: Counter) -> None:
    used: set[int] = set()
    for g in gold:
        hit = None
        for k, p in enumerate(pred):
            if k in used or g.span is None or p.span is None:
                continue
            if p.span[0] < g.span[1] and g.span[0] < p.span[1]:
                hit = k
                break
        if hit is None:
            table[(g.etype, "(none)")] += 1
        else:
            used.add(hit)
            table[(g.etype, pred[hit].etype)] += 1
    for k, p in enumerate(pred):
        if k not in used:
            table[("(none)", p.etype)] += 1


def code_sentences(texts: list[str]) -> list[list[dict[str, Any]]]:
    """Events of each text as JSON dicts, through the real pipeline (clean Indonesian documents)."""
    from peristiwa.pipeline import Pipeline
    from peristiwa.schema import Document

    docs = [Document(doc_id=f"dev-{i}", source=f"dev-{i}", kind="clean", text=t, lang="id")
            for i, t in enumerate(texts)]
    out = []
    for r in Pipeline(lang="id").run(docs):
        if r.error:
            raise RuntimeError(r.error)
        out.append(json.loads(json.dumps(r.to_dict()))["events"])
    return out


def score(records: list[dict[str, Any]], predicted: list[list[dict[str, Any]]]
          ) -> tuple[Scores, dict[str, Scores], Counter]:
    total = Scores()
    per_type: dict[str, Scores] = {t: Scores() for t in PLOVER_TYPES}
    conf: Counter = Counter()
    for rec, events in zip(records, predicted, strict=True):
        gold, pred = gold_items(rec), pred_items(events)
        total.n_gold += len(gold)
        total.n_pred += len(pred)
        total.tp_loose += match(gold, pred, strict=False)
        total.tp_strict += match(gold, pred, strict=True)
        for t in PLOVER_TYPES:
            g_t = [g for g in gold if g.etype == t]
            p_t = [p for p in pred if p.etype == t]
            s = per_type[t]
            s.n_gold += len(g_t)
            s.n_pred += len(p_t)
            s.tp_strict += match(g_t, p_t, strict=True)
        confusion(gold, pred, conf)
    return total, per_type, conf


def run(shared: Path) -> list[ReportTable]:
    path = shared / DEV
    if not path.is_file():
        return [ReportTable("events: Indonesian dev set", [], notes=[f"{path} not found: section skipped"])]
    from peristiwa.nlp import load_model

    if load_model("id") is None:
        return [ReportTable("events: Indonesian dev set", [],
                            notes=["no Indonesian model shipped yet (peristiwa.nlp.load_model('id') is None)"])]
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    predicted = code_sentences([r["id_text"] for r in records])
    total, per_type, conf = score(records, predicted)
    main = ReportTable(
        "events: Indonesian dev set (events-id-dev, 80 sentences)",
        ["match", "precision", "recall", "F1", "matched", "predicted", "gold"],
    )
    for name, tp in (("loose (quad + countries)", total.tp_loose), ("strict (+ PLOVER type)", total.tp_strict)):
        p, r, f = total.prf(tp)
        main.rows.append([name, p, r, f, tp, total.n_pred, total.n_gold])
    sure = [(r, p) for r, p in zip(records, predicted, strict=True) if not r.get("uncertain")]
    if sure:
        certain, _, _ = score([r for r, _ in sure], [p for _, p in sure])
        for name, tp in (("loose, sentences not flagged uncertain", certain.tp_loose),
                         ("strict, sentences not flagged uncertain", certain.tp_strict)):
            p, r, f = certain.prf(tp)
            main.rows.append([name, p, r, f, tp, certain.n_pred, certain.n_gold])
    main.notes.append("targets: loose F1 >= 0.80 (floor 0.60), strict F1 >= 0.65; the held-out test set decides")
    types = ReportTable("events: per PLOVER type (strict)", ["type", "gold", "predicted", "matched", "P", "R", "F1"])
    for t, s in per_type.items():
        if s.n_gold or s.n_pred:
            p, r, f = s.prf(s.tp_strict)
            types.rows.append([t, s.n_gold, s.n_pred, s.tp_strict, p, r, f])
    labels = sorted({a for a, _ in conf} | {b for _, b in conf}, key=lambda x: (x == "(none)", x))
    cm = ReportTable("events: type confusion (rows gold, columns predicted; paired by trigger overlap)",
                     ["gold \\ pred"] + labels)
    for a in labels:
        cm.rows.append([a] + [conf.get((a, b), 0) or "" for b in labels])
    return [main, types, cm]  # English: its own section, peristiwa.evaluation.events_en
