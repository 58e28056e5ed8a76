"""The shared event metric (../shared/scripts/score_events.py), loaded as it is from beside the data.

The metric is the project's judge: training chooses its thresholds by it and `make eval` reports it, so
both import the one file rather than a copy.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType


def load_scorer(shared_data: Path) -> ModuleType:
    path = Path(shared_data).resolve().parent / "scripts" / "score_events.py"
    if not path.is_file():
        raise FileNotFoundError(f"the shared event metric is not at {path}")
    spec = importlib.util.spec_from_file_location("score_events", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
