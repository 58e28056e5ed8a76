"""Draw IndoSum sentences for the project's own event annotations (training data beside events-id's train split).

Only articles of events-id's **train** split are read (never its dev split, nor an article of the news NER
dev set), and never a sentence events-id already annotated, so that cross-validation by article and the dev
figures stay clean. From each article, with a fixed seed, up to two sentences of 8-60 tokens (no "Baca
juga" links): as in events-id, most name a political act (a bare root of the event lexicon, or a one-word
trigger of events-id's train split), the rest are drawn from the other sentences, so that the
annotations teach what is no event too. Prints one JSON object per sentence, {"id", "article",
"paragraph", "sentence", "n_tokens"}: references, never text.

    python scripts/sample_events_extra.py --shared ../shared/data > refs.jsonl
    python scripts/sample_events_extra.py --shared ../shared/data --seed 43 --skip refs.jsonl > refs2.jsonl

With --uncertain (the fourth round, active learning): the sentences the shipped model is least sure of. Of
the political sentences of those articles that nobody annotated yet, the shipped learned coder codes each;
first those with a candidate event whose calibrated confidence lies in [0.12, 0.6], nearest 0.3 first (the
emit threshold is near there: what the model cannot decide teaches it most), then sentences where it finds
nothing above 0.12 (its misses are there), shuffled; at most three per article. The draw depends on the
shipped model (commit 0dec376 drew the fourth round). Prints {"line", "id_text"}: what an annotator reads.

    python scripts/sample_events_extra.py --shared ../shared/data --uncertain > batch.jsonl
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

import yaml
from sample_news_ner import _candidates, articles, events_articles

ROOT = Path(__file__).resolve().parents[1]


def political_words(shared: Path) -> frozenset[str]:
    """Bare roots of the event lexicon and the train split's one-word triggers."""
    roots: set[str] = set()
    for name in ("verbs.yaml", "nouns.yaml"):
        data = yaml.safe_load((ROOT / "src" / "peristiwa" / "data" / "events" / name).read_text(encoding="utf-8"))
        for entries in data.values():
            for entry in entries if isinstance(entries, list) else []:
                if isinstance(entry, dict) and len(entry.get("root", "")) >= 4:
                    roots.add(entry["root"].lower())
    words: set[str] = set()
    for line in (shared / "events-id" / "train.gold.jsonl").open(encoding="utf-8"):
        for event in json.loads(line)["events"]:
            if len(event["trigger"].split()) == 1 and len(event["trigger"]) >= 4:
                words.add(event["trigger"].lower())
    return frozenset(roots | words)


def drawable_articles(shared: Path, arts: dict[str, dict]) -> list[str]:
    """events-id's train articles, in order, less any of its dev split or of the news NER dev set."""
    dev_ner = ROOT / "src" / "peristiwa" / "evaluation" / "data" / "news_ner_dev.jsonl"
    skip = events_articles(shared, "dev.gold.jsonl") | {
        json.loads(line)["article"] for line in dev_ner.open(encoding="utf-8") if line.strip()}
    return [a for a in sorted(events_articles(shared, "train.gold.jsonl")) if a in arts and a not in skip]


def sample(shared: Path, n: int, seed: int, share_political: float = 0.7, drawn: frozenset = frozenset(),
           first: int = 0) -> list[dict]:
    arts = articles(shared)
    annotated = set()
    for line in (shared / "events-id" / "train.gold.jsonl").open(encoding="utf-8"):
        annotated.add(tuple(json.loads(line)["line"].split(":")[1:]))
    words = political_words(shared)

    def political(toks: list[str]) -> bool:
        return any(t.lower() in words for t in toks)

    ids = drawable_articles(shared, arts)
    rng = random.Random(seed)
    rng.shuffle(ids)
    pol: list[dict] = []
    other: list[dict] = []
    for aid in ids:
        rec = arts[aid]
        cands = [(p, s) for p, s in _candidates(rec)
                 if (aid, str(p), str(s)) not in annotated and (aid, p, s) not in drawn]
        rng.shuffle(cands)
        marked = [(p, s) for p, s in cands if political(rec["paragraphs"][p][s])]
        unmarked = [c for c in cands if c not in marked]
        for p, s in marked[:2]:
            pol.append({"article": aid, "paragraph": p, "sentence": s, "n_tokens": len(rec["paragraphs"][p][s])})
        for p, s in unmarked[:1]:
            other.append({"article": aid, "paragraph": p, "sentence": s, "n_tokens": len(rec["paragraphs"][p][s])})
    n_pol = min(len(pol), round(n * share_political))
    out = pol[:n_pol] + other[: n - n_pol]
    rng.shuffle(out)
    return [{"id": f"evtrain-{k:04d}", **x} for k, x in enumerate(out, start=first)]


def unannotated(shared: Path) -> list[tuple[str, int, int, list[str]]]:
    """Political sentences of the train split's articles that neither events-id nor the project annotated."""
    from peristiwa.events.extra_gold import EXTRA_GOLD

    arts = articles(shared)
    done = set()
    for line in (shared / "events-id" / "train.gold.jsonl").open(encoding="utf-8"):
        _, aid, p, s = json.loads(line)["line"].split(":")
        done.add((aid, int(p), int(s)))
    for line in EXTRA_GOLD.open(encoding="utf-8"):
        x = json.loads(line)
        done.add((x["article"], x["paragraph"], x["sentence"]))
    words = political_words(shared)
    out = []
    for aid in drawable_articles(shared, arts):
        for p, s in _candidates(arts[aid]):
            toks = arts[aid]["paragraphs"][p][s]
            if (aid, p, s) not in done and any(t.lower() in words for t in toks):
                out.append((aid, p, s, toks))
    return out


def uncertain(shared: Path, n: int = 1200, n_band: int = 1050, seed: int = 53, per_article: int = 3,
              band: tuple[float, float] = (0.12, 0.6), centre: float = 0.3) -> list[dict]:
    from peristiwa.events.learned_coder import LearnedCoder
    from peristiwa.events.train import prepare
    from peristiwa.nlp import load_model
    from peristiwa.nlp.corpora import indosum_text
    from peristiwa.schema import Article

    rows = [{"line": f"indosum:{aid}:{p}:{s}", "id_text": indosum_text(toks), "events": []}
            for aid, p, s, toks in unannotated(shared)]
    coder = LearnedCoder.load()
    coder.nlp = load_model("id")
    scored = []
    for row, ex in zip(rows, prepare(rows, coder), strict=True):
        found = coder.candidates(ex.view, 0, Article(text=row["id_text"]), "al")
        scored.append((row, [round(ev.confidence, 3) for ev, _ in found]))
    lo, hi = band
    unsure = sorted(((r, c) for r, c in scored if any(lo <= x <= hi for x in c)),
                    key=lambda rc: min(abs(x - centre) for x in rc[1] if lo <= x <= hi))
    silent = [r for r, c in scored if max(c, default=0.0) < lo]
    rng = random.Random(seed)
    rng.shuffle(silent)
    per: dict[str, int] = {}
    chosen: list[dict] = []
    for pool, limit in (([r for r, _ in unsure], n_band), (silent, n)):
        for r in pool:
            aid = r["line"].split(":")[1]
            if per.get(aid, 0) >= per_article:
                continue
            per[aid] = per.get(aid, 0) + 1
            chosen.append(r)
            if len(chosen) == limit:
                break
    rng.shuffle(chosen)
    return [{"line": r["line"], "id_text": r["id_text"]} for r in chosen]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", type=Path, default=Path("../shared/data"))
    ap.add_argument("--n", type=int, default=1200)
    ap.add_argument("--seed", type=int, default=41)
    ap.add_argument("--skip", type=Path, help="references drawn before (a later round draws other sentences)")
    ap.add_argument("--uncertain", action="store_true", help="the fourth round: where the shipped model is unsure")
    args = ap.parse_args()
    if args.uncertain:
        for item in uncertain(args.shared):
            print(json.dumps(item, ensure_ascii=False))
        return
    before = [json.loads(line) for line in args.skip.open(encoding="utf-8")] if args.skip else []
    drawn = frozenset((x["article"], x["paragraph"], x["sentence"]) for x in before)
    for item in sample(args.shared, args.n, args.seed, drawn=drawn, first=len(before)):
        print(json.dumps(item, ensure_ascii=False))


if __name__ == "__main__":
    main()
