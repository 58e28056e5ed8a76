"""The event model's card, written from what training recorded in training.json (and nothing else)."""

from __future__ import annotations

import json
from pathlib import Path


def render_card(info: dict) -> str:
    cv = info["cv"]
    sizes = info.get("files", {})
    lines = [
        "# id_events: the learned Indonesian event model",
        "",
        "Four linear classifiers and a calibrator (`peristiwa.events.model`, `peristiwa.events.countries`,",
        "`peristiwa.events.calibration`):",
        "- **detector** and **triggers**: every candidate word of a sentence -> event or not (the detector, every",
        "  type's examples pooled: P(event)) and -> a PLOVER type (REQUEST, ACCUSE and ASSAULT split by CAMEO root)",
        "  or none (the labeller: P(type | event)), both from the word, its lemma, affixes and the lemma's first and",
        "  last letters, neighbours and dependency relations, who its arguments are (actor mentions of the",
        "  resolver), what the event lexicon and the rule coder say of it, and how close it comes in the id_core",
        "  word vectors to the lexicon's words of each type;",
        "- **roles**: every (trigger, noun phrase or actor mention) pair of a sentence -> source, target or neither, from",
        "  the dependency path, direction, distance, the marking preposition, the trigger's voice, the mention's kind",
        "  and what the rule coder chose;",
        "- **countries**: a participant nothing gives a country to (an unknown name, a generic noun) -> which of",
        "  the article's own country and the states its sentence names it belongs to, from where each state is",
        "  named (distance, inside the participant's phrase, above it, beside it on one head), the participant's",
        "  head word (its lemma), sector, mention kind, capital letter and dependency, and how many states the",
        "  sentence names;",
        "- **calibrator**: a logistic regression from the model's probabilities, the participants' countries and",
        "  the rules' agreement to the probability that the event is right by the shared metric (same quad class and",
        "  participant countries as a careful annotator). It is fitted on cross-validated predictions, so",
        "  `confidence` is the probability on unseen text; events below the kept threshold are not emitted.",
        "",
        "## Data and licence",
        f"- Training: `{info['data']}` ({cv['sentences']} sentences of IndoSum 2017 news, hand-annotated with the "
        "events-id guideline), CC BY-SA 4.0; the weights are a derivative and carry the same licence.",
    ]
    extra = info.get("extra")
    if extra:
        lines.append(
            f"- Also: the project's own annotations (`peristiwa/events/annotations/{extra['file']}`, "
            f"{extra['sentences']} other sentences of the same training articles, {extra['events']} events, "
            "annotated with the same guideline; standoff over IndoSum, CC BY-SA 4.0). They train every fold but "
            "the one holding their article and are never scored.")
        if extra.get("written_sentences"):
            lines.append(
                f"- And: {extra['written_sentences']} sentences the project wrote itself in the style of "
                f"Indonesian online and wire news, with their {extra['written_events']} events "
                f"(`peristiwa/events/annotations/{extra['written_file']}`, the project's own text and licence); "
                f"they train every fold, each weighing {extra.get('written_weight', 0.5)} of a project IndoSum "
                "sentence.")
    lines += [
        "- Features read the shipped id_core pipeline and the project's lexicons (their own licences: id_core card,",
        "  README). No dev or test sentence shaped the weights or the thresholds.",
        "",
        "## Settings",
        "`keep` (the emit threshold on the calibrated confidence) is chosen by this run's cross-validation;",
        "the other thresholds were chosen in cross-validation experiments on the training split (docs/events.md).",
        "",
    ]
    lines += [f"- `{k}`: {v}" for k, v in info["settings"].items()]
    lines += [
        "",
        f"## Scores: {cv['folds']}-fold cross-validation on the training split, by article",
        "",
        "| match | P | R | F1 |",
        "|---|---|---|---|",
        f"| loose (quad + countries) | {cv['loose']['P']:.3f} | {cv['loose']['R']:.3f} | {cv['loose']['F1']:.3f} |",
        f"| strict (+ PLOVER type) | {cv['strict']['P']:.3f} | {cv['strict']['R']:.3f} | {cv['strict']['F1']:.3f} |",
        "",
        f"Loose F1 per fold: {', '.join(f'{x:.3f}' for x in cv['loose_f1_per_fold'])} (mean {cv['loose_f1_mean']:.3f},"
        f" sd {cv['loose_f1_sd']:.3f})."
        + (f" Held-out confidence: expected calibration error {cv['ece']:.3f}; of the {cv['above_0.7_events']}"
           f" events with confidence >= 0.7, {cv['above_0.7_precision']:.3f} are right." if "ece" in cv else "")
        + " Dev-set figures: `make eval` (reports/evaluation.md) and the README.",
        "",
        "## Files",
    ]
    lines += [f"- `{name}`: {size / 1024:.0f} KiB" for name, size in sorted(sizes.items())]
    lines += [
        "",
        "## Retrain",
        "`make train` (after the id_core pipeline), or only this model: "
        "`make train-events` (about 6 minutes on 2 cores).",
        "The run is deterministic for a given id_core model and training file.",
        "",
    ]
    return "\n".join(lines)


def write_card(model_dir: Path) -> None:
    info = json.loads((model_dir / "training.json").read_text(encoding="utf-8"))
    (model_dir / "MODEL_CARD.md").write_text(render_card(info), encoding="utf-8")
