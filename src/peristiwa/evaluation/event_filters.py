"""`make eval` section: what the rule coder's filters and merge rules drop, by reason, on the IndoSum dev set.

The rule coder (peristiwa.events.coder, lexicon only) codes every sentence of events-id/dev.gold.jsonl;
its named filters (peristiwa.events.filters.EVENT_FILTERS) drop candidates and its merge rules
(MERGE_RULES, TOLL_RULES) fold events into one another. For each reason: how many candidates it removed,
how many of those would have matched a gold event of their sentence (the shared metric's loose `matches`),
and how many of those gold events the coder then missed altogether: the filter's false negatives.
A merged event is not lost (its roles go to the event it joins), so merges count removals only.
Dev numbers only: nothing here feeds back into a rule.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict
from pathlib import Path

from peristiwa.report import ReportTable

DEV = "events-id/dev.gold.jsonl"


def run(shared: Path) -> list[ReportTable]:
    from peristiwa.events.coder import IndonesianCoder
    from peristiwa.events.gold import read_gold
    from peristiwa.events.scoring import load_scorer
    from peristiwa.nlp import load_model
    from peristiwa.schema import Article

    title = "rule filters: candidates dropped per reason (IndoSum dev, lexicon-only coder)"
    if not (shared / DEV).is_file():
        return [ReportTable(title, [], notes=[f"{shared / DEV} not found: section skipped"])]
    nlp = load_model("id")
    if nlp is None:
        return [ReportTable(title, [], notes=["no Indonesian model shipped: section skipped"])]
    try:
        scorer = load_scorer(shared)
    except FileNotFoundError as exc:
        return [ReportTable(title, [], notes=[str(exc)])]
    rows = read_gold(shared / DEV)
    coder = IndonesianCoder()
    dropped: list[tuple[dict, str]] = []
    coder.on_drop = lambda ev, reason: dropped.append((asdict(ev), reason))
    filtered: Counter[str] = Counter()  # the filters' reasons (coder.dropped counts the merges too)
    matching: Counter[str] = Counter()
    missed: Counter[str] = Counter()
    for row, doc in zip(rows, nlp.pipe([r["id_text"] for r in rows], batch_size=64), strict=True):
        dropped.clear()
        doc.user_data["doc_id"] = str(row["line"])
        _, events = coder.code(doc, Article(text=row["id_text"]))
        kept = [asdict(e) for e in events]
        gold = row["events"]
        unmatched = [g for g in gold if not any(scorer.matches(p, g) for p in kept)]
        for ev, reason in dropped:
            filtered[reason] += 1
            matching[reason] += any(scorer.matches(ev, g) for g in gold)
            missed[reason] += any(scorer.matches(ev, g) for g in unmatched)
    table = ReportTable(title, ["reason", "kind", "removed", "would match a gold event", "false negatives"])
    for reason, n in coder.dropped.most_common():
        if reason in filtered:
            table.rows.append([reason, "filter", n, matching[reason], missed[reason]])
        else:
            table.rows.append([reason, "merge", n, "", ""])
    table.notes.append(f"{len(rows)} sentences, {sum(len(r['events']) for r in rows)} gold events; a false "
                       "negative is a gold event that a dropped candidate matches (loose) and no kept event does")
    table.notes.append("each drop is also logged at DEBUG on the 'peristiwa.events' logger")
    return [table]

