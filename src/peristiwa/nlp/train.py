"""`python -m peristiwa.nlp.train --shared ../shared/data`: rebuild the shipped Indonesian pipeline.

Steps (each can be run alone with --only): convert the treebanks and NER files to DocBins under
build/nlp, train static word vectors on the shippable news text (peristiwa.nlp.vectors), train the
syntax pipeline (tok2vec + morphologizer + parser) and the NER pipeline from the
configs in peristiwa/nlp/configs, assemble them with the tokenizer, sentence and lemmatizer
components into src/peristiwa/data/models/id_core, evaluate, and write the model card.
Seeds are fixed in the configs; run with one thread (OMP_NUM_THREADS=1) for the timings in the card.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import json  # noqa: E402
import multiprocessing  # noqa: E402
import shutil  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

import spacy  # noqa: E402
from spacy.tokens import DocBin  # noqa: E402

from peristiwa.nlp import MODEL_DIR, corpora, register_components  # noqa: E402
from peristiwa.nlp.name_lists import (  # noqa: E402
    build_name_lists,
    lexicon_names,
    shipped_names_path,
    write_name_lists,
)

register_components()

CONFIGS = Path(__file__).resolve().parent / "configs"
STEPS = ("convert", "vectors", "syntax", "syntax_adapt", "ner", "ner_final", "gazetteer", "assemble", "card")


# Issue 13, third round: both off, the shipped NER has neither (figures in docs/nlp.md). Measured with the
# train-only NER (seed 0) on NERGrit valid + NERP valid + the news NER dev set's tune split, country gazetteer
# and rule components on: without either 76.0 + 77.1 + 86.6; with the lexicon names 75.4 + 77.0 + 85.8; with
# the names and half of the tune split in training, each half scored by the model that did not see it,
# 75.6 + 77.1 + 86.6 (means of the two models on valid). Neither beat the NER as shipped.
# NER_LEXICON_NAMES: the names of the project's lexicons (organisations, people) among the NER's known names;
# NER_NEWS_TUNE: the tune split's 100 news sentences among the final NER's training sentences.
NER_LEXICON_NAMES = False
NER_NEWS_TUNE = False
# NER_NEWS_TRAIN: the project's 600 annotated IndoSum sentences (nlp/annotations) among the training sentences
# of both NER models. Measured the same way (2026-12-06): 76.9 + 75.8 + 87.0 = 239.7, the baseline's sum; off.
NER_NEWS_TRAIN = False


def convert(shared: Path, build: Path, lexicons: bool = NER_LEXICON_NAMES, news_tune: bool = NER_NEWS_TUNE,
            news_train: bool = NER_NEWS_TRAIN) -> None:
    vocab = spacy.blank("id").vocab
    splits = corpora.treebank_splits(shared)
    train, dev = corpora.syntax_training_docs(vocab, splits)
    _save(build / "syntax", train, dev)
    _save(build / "syntax_current", *corpora.current_convention_docs(vocab, splits))
    lookup, roots = corpora.lemma_tables(splits)
    loose = _loose_roots(shared)
    (build / "lemmas.json").write_text(json.dumps({"lookup": lookup, "roots": sorted(roots),
                                                   "loose": sorted(loose)}, ensure_ascii=False))
    names = build_name_lists(shared, corpora.usually_lower(shared), lexicons)
    write_name_lists(names, shipped_names_path())  # the NER reads them as features: shipped
    train, dev = corpora.ner_training_docs(vocab, shared, news_train=news_train)
    _save(build / "ner", train, dev)
    # the shipped NER also learns from the news NER dev set's tune split; the train-only model above, which
    # settings are chosen with, has not seen it, so the tune split measures it as well
    train, dev = corpora.ner_training_docs(vocab, shared, splits=("train", "valid"), news_tune=news_tune,
                                           news_train=news_train)
    _save(build / "ner_final", train, dev)
    lexicon = lexicon_names() if lexicons else {}
    (build / "ner_data.json").write_text(json.dumps({
        "names": {k: len(v) for k, v in names.items()},
        "lexicon_names": {k: len(v & names[k]) for k, v in lexicon.items()},
        "news_tune_sentences": len(corpora.read_news_standoff(shared, "tune")) if news_tune else 0,
        "news_train_sentences": len(corpora.read_news_standoff(shared, "train", corpora.NEWS_NER_TRAIN))
        if news_train else 0}))
    print(f"converted: syntax and NER DocBins, {len(lookup)} lemma lookups, {len(roots)} roots, "
          f"{len(loose)} loose roots -> {build}; known names: "
          + ", ".join(f"{len(v)} {k}" for k, v in names.items()))


def _loose_roots(shared: Path, min_count: int = 3) -> set[str]:
    """Words seen at least `min_count` times in IndoSum news: evidence that a stripped form is a word."""
    from collections import Counter

    counts: Counter[str] = Counter()
    for path in sorted((shared / corpora.INDOSUM).glob("dev.*.jsonl")):
        for line in path.open(encoding="utf-8"):
            for para in json.loads(line).get("paragraphs", []):
                for sent in para:
                    counts.update(w.lower() for w in sent if w.isalpha())
    return {w for w, c in counts.items() if c >= min_count and len(w) >= 3}


def _save(dest: Path, train: list, dev: list) -> None:
    dest.mkdir(parents=True, exist_ok=True)
    DocBin(docs=train, store_user_data=False).to_disk(dest / "train.spacy")
    DocBin(docs=dev, store_user_data=False).to_disk(dest / "dev.spacy")


def train_part(name: str, build: Path, max_steps: int | None, data: str | None = None,
               source: Path | None = None, stage: str | None = None) -> None:
    """Train configs/`name`.cfg on build/`data` into build/`stage`/model (both default to `name`)."""
    from spacy.cli.train import train

    data = data or name
    stage = stage or name
    overrides: dict[str, object] = {"paths.train": str(build / data / "train.spacy"),
                                    "paths.dev": str(build / data / "dev.spacy"),
                                    "paths.vectors": str(build / "vectors")}
    if source is not None:
        overrides["paths.source"] = str(source)
    if max_steps:
        overrides["training.max_steps"] = max_steps
    (build / stage).mkdir(parents=True, exist_ok=True)
    out = build / stage / "model"
    t0 = time.time()
    train(CONFIGS / f"{name}.cfg", out, overrides=overrides)
    (build / stage / "train_seconds.txt").write_text(f"{time.time() - t0:.0f}\n")


def syntax_model(build: Path) -> Path:
    """The trained syntax stage with the best LAS on the held-out GSD dev sentences (all stages score
    the same sentences); a later stage wins ties."""
    best, best_las = build / "syntax" / "model" / "model-best", -1.0
    for stage in ("syntax", "syntax_adapt"):
        meta = build / stage / "model" / "model-best" / "meta.json"
        if meta.is_file():
            las = json.loads(meta.read_text()).get("performance", {}).get("dep_las") or 0.0
            if las >= best_las:
                best, best_las = meta.parent, las
    return best


# The final NER model is trained on train + valid with the settings chosen on valid alone, for this
# many steps: where the chosen config peaked on valid (1,000 and 1,250 steps with seeds 0 and 1).
# NERGrit has only 1,672 training sentences, so its 209 valid ones are 12% more data.
NER_FINAL_STEPS = 1250


def ner_selection_model(build: Path) -> Path:
    """The NER checkpoint with the best F1 on the valid splits (settings and the gazetteer are chosen
    with it)."""
    return build / "ner" / "model" / "model-best"


def ner_model(build: Path) -> Path:
    """The NER model to ship: the train + valid one when it was trained."""
    final = build / "ner_final" / "model" / "model-last"
    return final if final.is_dir() else ner_selection_model(build)


def assemble(build: Path, dest: Path, syntax_from: Path | None = None) -> None:
    """The shipped pipeline: the syntax stage (or the tok2vec, morphologizer and parser of the pipeline
    `syntax_from`, with its vectors, when only the NER was retrained), the NER and the rule components."""
    from peristiwa.nlp.lemmatizer import RuleLemmatizer

    if syntax_from is not None:
        nlp = spacy.load(syntax_from, exclude=["ner", "country_gazetteer", "id_rule_lemmatizer",
                                               "paragraph_sentences"])
        nlp.meta.pop("peristiwa_build", None)
    else:
        nlp = spacy.load(syntax_model(build))
    ner = spacy.load(ner_model(build))
    nlp.add_pipe("paragraph_sentences", before="parser")
    lem = nlp.add_pipe("id_rule_lemmatizer", after="morphologizer")
    tables = json.loads((build / "lemmas.json").read_text())
    lem.rules = RuleLemmatizer(tables["lookup"], tables["roots"], tables["loose"])
    nlp.add_pipe("ner", source=ner)
    choice = json.loads((build / "gazetteer.json").read_text()) if (build / "gazetteer.json").is_file() else {}
    if choice.get("use"):
        gaz = nlp.add_pipe("country_gazetteer", after="ner", config={"add": choice["add"]})
        gaz.set_names(choice["names"])
    nlp.meta.update({"name": "core", "version": "0.1.0", "license": "CC BY-SA 4.0",
                     "author": "peristiwa", "description": "Indonesian news pipeline (peristiwa)"})
    # what the model card says about this build, read later from meta.json alone (peristiwa.nlp.card)
    nlp.meta["peristiwa_build"] = build_facts(build, syntax_from)
    if dest.exists():
        shutil.rmtree(dest)
    dest.parent.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(dest)
    size = sum(p.stat().st_size for p in dest.rglob("*") if p.is_file())
    print(f"assembled {nlp.pipe_names} -> {dest} ({size / 1e6:.1f} MB)")


def build_facts(build: Path, syntax_from: Path | None = None) -> dict:
    """Facts of a build the model card reports: the NER's known names per label (and how many come from the
    project's lexicons) and its news training sentences, minutes per training stage, the gazetteer's dev
    F1, the vectors' statistics, the syntax stage shipped and the steps of the final NER training (None
    when the train-only NER ships)."""
    minutes = {}
    for part in ("syntax", "syntax_adapt", "ner", "ner_final") if syntax_from is None else ("ner", "ner_final"):
        f = build / part / "train_seconds.txt"
        if f.is_file():
            minutes[part] = round(int(f.read_text()) / 60)
    gaz = build / "gazetteer.json"
    vectors = build / "vectors" / "vectors_stats.json"
    data = build / "ner_data.json"
    return {
        "ner_data": json.loads(data.read_text()) if data.is_file() else None,
        "train_minutes": minutes,
        "gazetteer_dev_f1": json.loads(gaz.read_text())["dev_f1"] if gaz.is_file() else None,
        "vectors": json.loads(vectors.read_text()) if vectors.is_file() else None,
        "syntax_stage": (f"kept from the pipeline in {_shown(syntax_from)} (only the NER was retrained)"
                         if syntax_from is not None
                         else syntax_model(build).parent.parent.name if build.is_dir() else None),
        "ner_final_steps": NER_FINAL_STEPS if build.is_dir() and ner_model(build).parent.parent.name == "ner_final"
        else None,
    }


def _shown(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def choose_gazetteer(shared: Path, build: Path) -> dict:
    """Measure the country gazetteer on the NER dev splits (off / relabel / relabel+add); keep the best."""
    from peristiwa.nlp.gazetteer import country_names
    from peristiwa.nlp.scores import ner_scores

    ner = spacy.load(ner_selection_model(build))  # the final model has seen the valid splits
    names = sorted(country_names(shared))
    dev = {"NERGrit valid": (corpora.read_bio(shared / corpora.NERGRIT.format(split="valid")), {"PER", "ORG", "LOC"}),
           "NERP valid": (corpora.read_bio(shared / corpora.NERP.format(split="valid")),
                          {"PER", "ORG", "LOC", "EVT"})}
    results = {}
    for mode in ("off", "relabel", "relabel+add"):
        if mode != "off":
            if "country_gazetteer" in ner.pipe_names:
                ner.remove_pipe("country_gazetteer")
            ner.add_pipe("country_gazetteer", config={"add": mode == "relabel+add"}).set_names(names)
        results[mode] = {k: ner_scores(ner, sents, labels)["f"] for k, (sents, labels) in dev.items()}
    best = max(results, key=lambda m: (sum(results[m].values()), m == "off"))
    choice = {"use": best != "off", "add": best == "relabel+add", "dev_f1": results, "names": names}
    (build / "gazetteer.json").write_text(json.dumps(choice, ensure_ascii=False, indent=1))
    print("country gazetteer on NER dev F1:", json.dumps(results), "-> chosen:", best)
    return choice


def _train_ner_chain(build: Path, steps: tuple[str, ...] | list[str], max_steps: int | None) -> None:
    if "ner" in steps:
        train_part("ner", build, max_steps)
    if "ner_final" in steps:  # its "dev" scores are on sentences it trains on: not a measure
        train_part("ner", build, NER_FINAL_STEPS, data="ner_final", stage="ner_final")


def main() -> None:
    ap = argparse.ArgumentParser(prog="python -m peristiwa.nlp.train", description=__doc__)
    ap.add_argument("--shared", type=Path, default=Path("../shared/data"))
    ap.add_argument("--build", type=Path, default=Path("build/nlp"))
    ap.add_argument("--out", type=Path, default=MODEL_DIR / "id_core")
    ap.add_argument("--only", nargs="*", choices=STEPS, help="run only these steps")
    ap.add_argument("--syntax-steps", type=int, help="override training.max_steps (syntax)")
    ap.add_argument("--ner-steps", type=int, help="override training.max_steps (NER)")
    ap.add_argument("--lexicon-names", action=argparse.BooleanOptionalAction, default=NER_LEXICON_NAMES,
                    help="the project's organisations and people among the NER's known names")
    ap.add_argument("--news-tune", action=argparse.BooleanOptionalAction, default=NER_NEWS_TUNE,
                    help="the news NER dev set's tune split among the final NER's training sentences")
    ap.add_argument("--news-train", action=argparse.BooleanOptionalAction, default=NER_NEWS_TRAIN,
                    help="the project's annotated news sentences (nlp/annotations) among the NER training data")
    ap.add_argument("--syntax-from", type=Path, help="assemble with the tok2vec, morphologizer, parser and "
                    "vectors of this pipeline (e.g. the shipped one) instead of the build's syntax stage")
    args = ap.parse_args()
    steps = args.only or STEPS
    t0 = time.time()
    from peristiwa.nlp.blas import choose_cpu_ops

    print("matrix multiply:", choose_cpu_ops())  # before any model is built; the NER fork inherits it
    if "convert" in steps:
        convert(args.shared, args.build, args.lexicon_names, args.news_tune, args.news_train)
    if "vectors" in steps:
        from peristiwa.nlp.vectors import train_vectors

        print("vectors:", train_vectors(args.shared, args.build / "vectors"))
    # The syntax and NER chains share nothing until assembly: on a 2-core machine they train side by
    # side, each on one thread, so `make train` takes the longer chain's time rather than the sum.
    ner_chain = None
    if {"ner", "ner_final"} & set(steps):
        ner_chain = multiprocessing.get_context("fork").Process(
            target=_train_ner_chain, args=(args.build, steps, args.ner_steps), name="ner-chain")
        ner_chain.start()
    if "syntax" in steps:
        train_part("syntax", args.build, args.syntax_steps)
    if "syntax_adapt" in steps:
        train_part("syntax_adapt", args.build, None, data="syntax_current",
                   source=args.build / "syntax" / "model" / "model-best")
    if ner_chain is not None:
        ner_chain.join()
        if ner_chain.exitcode != 0:
            raise SystemExit(f"NER training failed (exit code {ner_chain.exitcode})")
    if "gazetteer" in steps:
        choose_gazetteer(args.shared, args.build)
    if "assemble" in steps:
        assemble(args.build, args.out, args.syntax_from)
    if "card" in steps:
        # the card needs the test-set scores of peristiwa.evaluation, which sits above this package: run it
        # as its own program rather than import it (no import circle nlp <-> evaluation)
        subprocess.run([sys.executable, "-m", "peristiwa.evaluation.model_card", "--shared", str(args.shared),
                        "--model", str(args.out)], check=True)
    print(f"done in {time.time() - t0:.0f} s")


if __name__ == "__main__":
    main()
