"""Draw the sentences of the news NER dev set from IndoSum (../shared/data/news/indosum-dev).

Articles in events-id (whose ids sit in the `line` field of its gold files) are left out. From the rest,
with a fixed seed: up to three sentences from every remaining headline-news article ("tajuk utama";
events-id took most of them), then two per article of the other categories (sport, technology,
entertainment) up to 400 in all; 8-60 tokens, no "Baca juga" links. The
first 100 drawn (mixed the same way) are the `tune` part, the rest `eval`. Prints one JSON object per
sentence, {"id", "article", "paragraph", "sentence", "split", "n_tokens"}: references, never text.

    python scripts/sample_news_ner.py --shared ../shared/data > sample.jsonl

With --train, the NER training sentences instead (src/peristiwa/nlp/annotations): two per article from the
articles of events-id's train split (political headline news, the domain the pipeline reads), never from
its dev split or from the dev set's articles, 600 in all (seed 29), `split` "train", ids newstrain-NNN.

    python scripts/sample_news_ner.py --shared ../shared/data --train > train_refs.jsonl
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path


def articles(shared: Path) -> dict[str, dict]:
    out: dict[str, dict] = {}
    for f in sorted((shared / "news" / "indosum-dev").glob("dev.*.jsonl")):
        for line in f.open(encoding="utf-8"):
            rec = json.loads(line)
            out.setdefault(rec["id"], rec)
    return out


def events_articles(shared: Path, pattern: str = "*.gold.jsonl") -> set[str]:
    ids = set()
    for f in (shared / "events-id").glob(pattern):
        for line in f.open(encoding="utf-8"):
            ids.add(json.loads(line)["line"].split(":")[1])
    return ids


def _candidates(rec: dict) -> list[tuple[int, int]]:
    return [(p, s) for p, para in enumerate(rec["paragraphs"]) for s, toks in enumerate(para)
            if 8 <= len(toks) <= 60 and not (toks[0].lower() == "baca" and toks[1].lower() == "juga")]


def train_sample(shared: Path, dev_articles: set[str], n: int = 600, seed: int = 29) -> list[dict]:
    arts = articles(shared)
    skip = events_articles(shared, "dev.gold.jsonl") | dev_articles
    ids = [a for a in sorted(events_articles(shared, "train.gold.jsonl")) if a in arts and a not in skip]
    rng = random.Random(seed)
    rng.shuffle(ids)
    out: list[dict] = []
    for aid in ids:
        rec = arts[aid]
        cands = _candidates(rec)
        for p, s in sorted(rng.sample(cands, min(2, len(cands)))):
            out.append({"article": aid, "paragraph": p, "sentence": s,
                        "n_tokens": len(rec["paragraphs"][p][s]), "category": rec["category"]})
        if len(out) >= n:
            break
    return [{"id": f"newstrain-{k:03d}", **x, "split": "train"} for k, x in enumerate(out[:n])]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", type=Path, default=Path("../shared/data"))
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--train", action="store_true", help="draw the NER training sentences (seed 29)")
    args = ap.parse_args()
    if args.train:
        dev = Path(__file__).resolve().parents[1] / "src" / "peristiwa" / "evaluation" / "data" / "news_ner_dev.jsonl"
        dev_articles = {json.loads(line)["article"] for line in dev.open(encoding="utf-8") if line.strip()}
        for item in train_sample(args.shared, dev_articles):
            print(json.dumps(item, ensure_ascii=False))
        return
    arts = articles(args.shared)
    skip = events_articles(args.shared)
    rng = random.Random(args.seed)
    ids = sorted(a for a in arts if a not in skip)
    rng.shuffle(ids)
    # events-id took most headline articles: every remaining one gives up to three sentences, the
    # other categories two per article up to 400 in all
    per = {"headline": 3, "other": 2}
    got: dict[str, list[dict]] = {"headline": [], "other": []}
    for kind in ("headline", "other"):
        for aid in ids:
            rec = arts[aid]
            if ("headline" if rec["category"] == "tajuk utama" else "other") != kind:
                continue
            if len(got["headline"]) + len(got["other"]) >= 400:
                break
            cands = _candidates(rec)
            for p, s in sorted(rng.sample(cands, min(per[kind], len(cands)))):
                if len(got["headline"]) + len(got["other"]) < 400:
                    got[kind].append({"article": aid, "paragraph": p, "sentence": s,
                                      "n_tokens": len(rec["paragraphs"][p][s]), "category": rec["category"]})
    # interleave so that the first 100 (tune) mix the categories like the rest
    n_h = len(got["headline"])
    order = sorted([(k / n_h, 0, x) for k, x in enumerate(got["headline"])]
                   + [(k / len(got["other"]), 1, x) for k, x in enumerate(got["other"])], key=lambda t: (t[0], t[1]))
    order = [x for _, _, x in order]
    for k, item in enumerate(order):
        item = {"id": f"news-{k:03d}", **item, "split": "tune" if k < 100 else "eval"}
        print(json.dumps(item, ensure_ascii=False))


if __name__ == "__main__":
    main()
