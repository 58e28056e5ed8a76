"""Writing Results as JSON Lines (stdout or a file)."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from pathlib import Path

from peristiwa.schema import Result


def write_jsonl(results: Iterable[Result], path: Path | None = None) -> tuple[int, list[str]]:
    """Write one JSON object per result; return (succeeded, error messages)."""
    ok, failed = 0, []
    out = open(path, "w", encoding="utf-8") if path else sys.stdout  # noqa: SIM115
    try:
        for result in results:
            out.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
            if result.error:
                failed.append(result.error)
            else:
                ok += 1
            out.flush()
    finally:
        if path:
            out.close()
    return ok, failed
