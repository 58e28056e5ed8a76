"""`make eval` section: Indonesian event coding, scored by the shared metric (../shared/scripts/score_events.py).

Three test sets, each coded three ways: the two dev splits of ../shared/data and the project's own written
wire sentences (data/events_id_written.jsonl, never read by training; data/README.md says how it was made):
  lexicon only  the rule coder (verb/noun lexicon and role rules) alone;
  model only    the learned model trained without the rule coder's features or candidates (trained here
                from the training split, about as long as a `make train` of the event model);
  combined      the shipped coder: the model with the rules as features and candidates.
For the combined coder: per PLOVER type, a reliability table (confidence bucket -> observed precision) with
its expected calibration error, and the training split's cross-validation figures from the model's
training.json. Dev splits are numbers only: nothing here feeds back into a model or a rule.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

from peristiwa.report import ReportTable

DEV_SETS = (("events-id/dev.gold.jsonl", "IndoSum dev, 650 sentences"),
            ("events-id-dev/dev.gold.jsonl", "wire dev, 80 sentences"))
# Indonesian wire-style sentences the project wrote and annotated as a test set (never trained on)
WRITTEN = Path(__file__).parent / "data" / "events_id_written.jsonl"
WRITTEN_NAME = "written wire test (project's own)"
EXTRACT_NAME = "shipped, through `peristiwa extract` (no language given)"
BUCKETS = (0.0, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01)


def code_rows(rows: Sequence[dict[str, Any]], coder) -> dict[str, list[dict]]:
    """Events (as JSON dicts) of each gold row's sentence, keyed by the row's `line`, as `extract --jsonl`
    would print them for clean Indonesian records."""
    from peristiwa.nlp import load_model
    from peristiwa.schema import Article

    nlp = load_model("id")
    out: dict[str, list[dict]] = {}
    for row, doc in zip(rows, nlp.pipe([r["id_text"] for r in rows], batch_size=64), strict=True):
        doc.user_data["doc_id"] = str(row["line"])
        _, events = coder.code(doc, Article(text=row["id_text"]))
        out[str(row["line"])] = [asdict(e) for e in events]
    return out


def extract_rows(rows: Sequence[dict[str, Any]], lang: str | None = None) -> dict[str, list[dict]]:
    """Events of each gold row as `peristiwa extract --jsonl` gives them for a clean record holding the
    sentence: the whole pipeline (dateline, language identification unless `lang` is given, a headline's
    reading), which is how held-out sentences are scored."""
    from peristiwa.pipeline import Pipeline
    from peristiwa.schema import Document

    docs = [Document(doc_id=str(r["line"]), source=str(r["line"]), kind="clean", text=r["id_text"], lang=lang)
            for r in rows]
    return {res.doc_id: [asdict(e) for e in res.events or []] for res in Pipeline().run(docs)}


def reliability(scorer, rows: Sequence[dict[str, Any]], pred: dict[str, list[dict]]
                ) -> tuple[list[tuple[float, float, int, float, float]], float]:
    """(bucket low, bucket high, events, mean confidence, observed precision) per confidence bucket, and
    the expected calibration error (bucket-size-weighted |confidence - precision|)."""
    from peristiwa.events.train import match_flags

    pairs: list[tuple[float, int]] = []
    for row in rows:
        events = pred.get(str(row["line"]), [])
        pairs += zip((e["confidence"] for e in events), match_flags(scorer, row, events), strict=True)
    table, ece, n = [], 0.0, len(pairs)
    for lo, hi in zip(BUCKETS, BUCKETS[1:], strict=False):
        inside = [(c, f) for c, f in pairs if lo <= c < hi]
        if not inside:
            continue
        conf = sum(c for c, _ in inside) / len(inside)
        prec = sum(f for _, f in inside) / len(inside)
        table.append((lo, min(hi, 1.0), len(inside), conf, prec))
        ece += len(inside) / n * abs(conf - prec)
    return table, ece


def precision_above(scorer, rows, pred, threshold: float) -> tuple[int, float]:
    from peristiwa.events.train import match_flags

    kept = hits = 0
    for row in rows:
        events = pred.get(str(row["line"]), [])
        for e, f in zip(events, match_flags(scorer, row, events), strict=True):
            if e["confidence"] >= threshold:
                kept += 1
                hits += f
    return kept, (hits / kept if kept else 0.0)


def _coders(shared: Path, tmp: Path):
    from peristiwa.events.coder import IndonesianCoder
    from peristiwa.events.learned_coder import LearnedCoder
    from peristiwa.events.model import MODEL_DIR
    from peristiwa.events.train import train

    alone = tmp / "model-only"
    train(shared, alone, rules=False, log=lambda *_: None)
    return [("lexicon only", IndonesianCoder()), ("model only", LearnedCoder.load(alone)),
            ("combined (shipped)", LearnedCoder.load(MODEL_DIR))], alone


def run(shared: Path) -> list[ReportTable]:
    from peristiwa.events.gold import read_gold
    from peristiwa.events.model import MODEL_DIR
    from peristiwa.events.scoring import load_scorer
    from peristiwa.nlp import load_model

    title = "events: Indonesian dev sets, shared metric"
    if not (shared / DEV_SETS[0][0]).is_file() or not (shared / "events-id/train.gold.jsonl").is_file():
        return [ReportTable(title, [], notes=[f"{shared / 'events-id'} not found: section skipped"])]
    if load_model("id") is None or not (MODEL_DIR / "triggers.npz").is_file():
        return [ReportTable(title, [], notes=["no Indonesian model or event model shipped: section skipped"])]
    scorer = load_scorer(shared)
    main = ReportTable(title, ["dev set", "coder", "match", "P", "R", "F1", "matched", "predicted", "gold"])
    tables = [main]
    with tempfile.TemporaryDirectory() as tmp:
        coders, _ = _coders(shared, Path(tmp))
        for path, name in [*((shared / rel, name) for rel, name in DEV_SETS), (WRITTEN, WRITTEN_NAME)]:
            if not path.is_file():
                main.notes.append(f"{path} not found")
                continue
            rows = read_gold(path)
            if path == WRITTEN:
                name = f"{WRITTEN_NAME}, {len(rows)} sentences"
            for coder_name, coder in coders:
                pred = code_rows(rows, coder)
                for match, kw in (("loose", {}), ("strict", {"strict": True}),
                                  ("loose, certain sentences", {"certain_only": True})):
                    s = scorer.score(rows, pred, **kw)
                    main.rows.append([name, coder_name, match, s["P"], s["R"], s["F1"], s["matched"],
                                      s["predicted"], s["gold"]])
            tables += _combined_tables(scorer, name, rows, pred)
            extracted = extract_rows(rows)
            for match, kw in (("loose", {}), ("strict", {"strict": True})):
                s = scorer.score(rows, extracted, **kw)
                main.rows.append([name, EXTRACT_NAME, match, s["P"], s["R"], s["F1"], s["matched"], s["predicted"],
                                  s["gold"]])
    tables.append(_cross_validation(MODEL_DIR))
    main.notes.append("loose: same quad class and every gold side's known countries among the prediction's side; "
                      "strict: also the same PLOVER type (score_events.py)")
    main.notes.append(f"{EXTRACT_NAME}: each sentence a clean record run through the whole pipeline as held-out "
                      "sentences are (a dateline split off, the language identified, a headline read in sentence "
                      "case); the other rows code the sentence's text as it stands")
    main.notes.append("targets on the IndoSum dev split: loose F1 >= 0.55 (goal 0.65), strict >= 0.45; "
                      "held-out sets decide")
    return tables


def reliability_table(scorer, rows, pred, title: str) -> tuple[ReportTable, float, int, float]:
    """The reliability table (confidence bucket -> observed precision) of `pred` on `rows`, with the expected
    calibration error, the events at confidence >= 0.7 and the share of them that is right."""
    table, ece = reliability(scorer, rows, pred)
    rel = ReportTable(title, ["confidence", "events", "mean confidence", "observed precision"])
    for lo, hi, n, conf, prec in table:
        rel.rows.append([f"{lo:.1f}-{hi:.1f}", n, conf, prec])
    kept, prec = precision_above(scorer, rows, pred, 0.7)
    return rel, ece, kept, prec


def _combined_tables(scorer, name: str, rows, pred) -> list[ReportTable]:
    s = scorer.score(rows, pred, strict=True)
    types = ReportTable(f"events: {name}, combined coder per PLOVER type (strict)",
                        ["type", "gold", "predicted", "matched", "P", "R", "F1"])
    for t, (tp, n_p, n_g) in sorted(s["per_type"].items()):
        p = tp / n_p if n_p else 0.0
        r = tp / n_g if n_g else 0.0
        types.rows.append([t or "(none)", n_g, n_p, tp, p, r, 2 * p * r / (p + r) if p + r else 0.0])
    rel, ece, kept, prec = reliability_table(
        scorer, rows, pred, f"events: {name}, reliability of the combined coder's confidence (loose match)")
    rel.notes.append(f"expected calibration error {ece:.3f} (target <= 0.10)")
    rel.notes.append(f"events with confidence >= 0.7: {kept}, of which right {prec:.3f} (target >= 0.75)")
    return [types, rel]


def _cross_validation(model_dir: Path) -> ReportTable:
    t = ReportTable("events: training split, cross-validation of the shipped recipe (by article)",
                    ["match", "P", "R", "F1", "fold F1 mean", "fold F1 sd"])
    f = model_dir / "training.json"
    if not f.is_file():
        t.notes.append(f"{f} not found")
        return t
    cv = json.loads(f.read_text(encoding="utf-8"))["cv"]
    t.rows.append(["loose", cv["loose"]["P"], cv["loose"]["R"], cv["loose"]["F1"], cv["loose_f1_mean"],
                   cv["loose_f1_sd"]])
    t.rows.append(["strict", cv["strict"]["P"], cv["strict"]["R"], cv["strict"]["F1"], "", ""])
    t.notes.append(f"{cv['folds']} folds over {cv['sentences']} training sentences; confidence threshold "
                   f"{cv['keep']} chosen on the held-out folds; calibrator fitted without each fold")
    if "ece" in cv:
        t.notes.append(f"held-out confidence: expected calibration error {cv['ece']:.3f}; events with confidence "
                       f">= 0.7: {cv['above_0.7_events']}, of which right {cv['above_0.7_precision']:.3f}")
    return t
