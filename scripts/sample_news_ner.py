"""Draw the sentences of the news NER dev set from IndoSum (../shared/data/news/indosum-dev).

Articles in events-id (whose ids sit in the `line` field of its gold files) are left out. From the rest,
with a fixed seed: up to three sentences from every remaining headline-news article ("tajuk utama";
events-id took most of them), then two per article of the other categories (sport, technology,
entertainment) up to 400 in all; 8-60 tokens, no "Baca juga" links. The
first 100 drawn (mixed the same way) are the `tune` part, the rest `eval`. Prints one JSON object per
sentence, {"id", "article", "paragraph", "sentence", "split", "n_tokens"}: references, never text.

    python scripts/sample_news_ner.py --shared ../shared/data > sample.jsonl
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


def events_articles(shared: Path) -> set[str]:
    ids = set()
    for f in (shared / "events-id").glob("*.gold.jsonl"):
        for line in f.open(encoding="utf-8"):
            ids.add(json.loads(line)["line"].split(":")[1])
    return ids


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", type=Path, default=Path("../shared/data"))
    ap.add_argument("--seed", type=int, default=13)
    args = ap.parse_args()
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
            cands = [(p, s) for p, para in enumerate(rec["paragraphs"]) for s, toks in enumerate(para)
                     if 8 <= len(toks) <= 60 and not (toks[0].lower() == "baca" and toks[1].lower() == "juga")]
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
