from __future__ import annotations

import argparse
from pathlib import Path

from peristiwa.evaluation import SECTIONS
from peristiwa.report import run_sections


def main() -> None:
    ap = argparse.ArgumentParser(prog="python -m peristiwa.evaluation")
    ap.add_argument("--shared", type=Path, default=Path("../shared/data"))
    ap.add_argument("--out", type=Path, default=Path("reports"))
    ap.add_argument("--only", nargs="*", choices=SECTIONS, help="run only these sections")
    args = ap.parse_args()
    run_sections("evaluation", args.only or SECTIONS, args.shared, args.out)


main()
