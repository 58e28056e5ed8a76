"""Tables for `make eval` and `make bench`: printed with rich, written to reports/ as Markdown and JSON.

A section module (peristiwa.evaluation.<name> or peristiwa.benchmark.<name>) exposes
`run(shared: Path) -> list[ReportTable]`; the runner prints and saves them. Sections whose data is
missing return a table whose `notes` say so instead of failing.
"""

from __future__ import annotations

import argparse
import importlib
import json
import time
import traceback
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table


@dataclass
class ReportTable:
    title: str
    columns: list[str]
    rows: list[list[Any]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def markdown(self) -> str:
        out = [f"### {self.title}", ""]
        if self.rows:
            out.append("| " + " | ".join(self.columns) + " |")
            out.append("|" + "---|" * len(self.columns))
            out += ["| " + " | ".join(_fmt(v) for v in row) + " |" for row in self.rows]
        out += [f"- {n}" for n in self.notes]
        return "\n".join(out) + "\n"


def _fmt(v: Any) -> str:
    if isinstance(v, float):
        return f"{v:.3f}" if abs(v) < 10 else f"{v:.1f}"
    return "" if v is None else str(v)


def run_sections(kind: str, sections: list[str], shared: Path, out: Path) -> list[ReportTable]:
    console = Console()
    tables: list[ReportTable] = []
    for name in sections:
        t0 = time.perf_counter()
        try:
            module = importlib.import_module(f"peristiwa.{kind}.{name}")
            got = module.run(shared)
        except Exception as exc:  # a broken section is reported, the others still run
            got = [ReportTable(f"{name}: failed", [], notes=[f"{type(exc).__name__}: {exc}",
                                                             traceback.format_exc(limit=3)])]
        for table in got:
            table.notes.append(f"section {name!r} took {time.perf_counter() - t0:.1f} s")
            _print(console, table)
        tables += got
    out.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    md = f"# peristiwa {kind} ({stamp})\n\n" + "\n".join(t.markdown() for t in tables)
    (out / f"{kind}.md").write_text(md, encoding="utf-8")
    (out / f"{kind}.json").write_text(json.dumps([asdict(t) for t in tables], indent=1, default=str),
                                      encoding="utf-8")
    console.print(f"written: {out / f'{kind}.md'}, {out / f'{kind}.json'}")
    return tables


def _print(console: Console, t: ReportTable) -> None:
    table = Table(*t.columns, title=t.title) if t.columns else None
    if table is not None:
        for row in t.rows:
            table.add_row(*(_fmt(v) for v in row))
        console.print(table)
    else:
        console.print(f"[bold]{t.title}[/bold]")
    for n in t.notes:
        console.print(f"  {n}")


def main(kind: str, sections: list[str]) -> None:
    """`python -m peristiwa.evaluation|benchmark [--shared DIR] [--out DIR] [--only SECTION...]`."""
    ap = argparse.ArgumentParser(prog=f"python -m peristiwa.{kind}")
    ap.add_argument("--shared", type=Path, default=Path("../shared/data"))
    ap.add_argument("--out", type=Path, default=Path("reports"))
    ap.add_argument("--only", nargs="*", choices=sections, help="run only these sections")
    args = ap.parse_args()
    run_sections(kind, args.only or sections, args.shared, args.out)
