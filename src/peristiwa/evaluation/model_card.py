"""`python -m peristiwa.evaluation.model_card --shared ../shared/data`: score the Indonesian model on the
test sets and write its MODEL_CARD.md (the last step of `python -m peristiwa.nlp.train`, which runs this as
a program of its own).

The scores come from peristiwa.evaluation.nlp, the rest of the card from the model's meta.json
(peristiwa.nlp.card.render_card); this module only puts them together and writes the files.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from peristiwa.evaluation.nlp import evaluate, tables
from peristiwa.nlp import MODEL_DIR, load_model, model_path, register_components
from peristiwa.nlp.card import render_card


def write_card(model_dir: Path, shared: Path) -> Path:
    """Evaluate the model in `model_dir`, write scores.json and MODEL_CARD.md beside it; the card's path."""
    import spacy

    if model_dir.resolve() == (model_path("id") or Path()).resolve():
        nlp = load_model("id")
    else:
        register_components()
        nlp = spacy.load(model_dir)
    scores = evaluate(nlp, shared)
    (model_dir / "scores.json").write_text(json.dumps(scores, indent=1))
    md = "\n".join(t.markdown() for t in tables(scores))
    size = sum(p.stat().st_size for p in model_dir.rglob("*") if p.is_file()) / 1e6
    meta = json.loads((model_dir / "meta.json").read_text(encoding="utf-8"))
    out = model_dir / "MODEL_CARD.md"
    out.write_text(render_card(meta, md, size, time.strftime("%Y-%m-%d", time.gmtime())), encoding="utf-8")
    print(md)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(prog="python -m peristiwa.evaluation.model_card", description=__doc__)
    ap.add_argument("--shared", type=Path, default=Path("../shared/data"))
    ap.add_argument("--model", type=Path, default=MODEL_DIR / "id_core")
    args = ap.parse_args()
    write_card(args.model, args.shared)


if __name__ == "__main__":
    main()
