"""Print a short human-readable summary of an extract JSON Lines file (used by `make run`)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from rich.console import Console
from rich.table import Table


def main(path: str) -> None:
    console = Console()
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        if rec.get("error"):
            console.print(f"[red]{rec['source']}[/red]: {rec['error']}")
            continue
        art = rec["article"]
        console.rule(f"{rec['source']}  [{rec['language']}]")
        console.print(f"[bold]{art['title']}[/bold]")
        console.print(f"outlet={art['outlet']} place={art['dateline_place']} published={art['published']} "
                      f"author={art['author']} editor={art['editor']} wire={art['wire_source']}")
        console.print(f"{len(art['text'])} chars of body, {len(art['removed'])} chrome lines removed, "
                      f"{len(rec['entities'])} entities, {len(rec['quotes'])} quotes, {len(rec['events'])} events")
        if rec["events"]:
            table = Table("event", "cameo", "quad", "actor", "recipient", "trigger", "modality", "date")
            for ev in rec["events"]:
                table.add_row(ev["event"], ev["cameo"], str(ev["quad"]),
                              ", ".join(a["name"] for a in ev["actor"]),
                              ", ".join(a["name"] for a in ev["recipient"]),
                              ev["trigger"]["text"], ev["modality"], str(ev["date"]))
            console.print(table)
    console.print(f"\nfull records: {path}")


if __name__ == "__main__":
    main(sys.argv[1])
