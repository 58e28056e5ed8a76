"""MODEL_CARD.md beside the shipped model: data, licence, scores and how to retrain."""

from __future__ import annotations

from peristiwa.nlp.corpora import GSD_DEV_HOLDOUT

CARD = """# id_core: peristiwa's Indonesian news pipeline

Built {date} by `python -m peristiwa.nlp.train --shared ../shared/data` (also `make train`).
spaCy {spacy_version}; components: {pipes}. Size on disk: {size:.1f} MB.

## What it does
- **tokenizer**: spaCy's Indonesian rules plus whole-token patterns and abbreviations kept as data
  (`peristiwa/data/nlp/tokenizer_patterns.tsv`, `abbreviations.txt`): "negara-negara", "Rp1,5",
  "PDI-P", "Jl.", "7/4/2019" stay one token. Clitics such as "-nya" are not split off.
- **paragraph_sentences**: a blank line always starts a sentence; quotes stay with their sentence.
- **static vectors**: 100-dimensional FastText vectors ({vectors}) trained by
  `peristiwa.nlp.vectors` on the shippable text below; lower-case, Title-case and UPPER-case forms share a
  row. Both CNN encoders read them beside their hashed NORM/PREFIX/SUFFIX/SHAPE features.
- **tok2vec + morphologizer (UPOS) + parser (UD relations)**: CNN (MultiHashEmbed + MaxoutWindow,
  width 128, depth 4), trained together.
- **id_rule_lemmatizer**: treebank lookup, then meN-/peN-/di-/ber-/ter-/per-/ke-/se- and
  -kan/-i/-an/-nya/-lah… stripping, accepted only when the result is a known root.
- **ner**: PER, ORG, LOC, EVT; its own CNN tok2vec (width 128, depth 3) whose input also carries, per
  label PER/LOC/ORG, the word's BILOU position in a known name and how many known names hold the word
  (`peristiwa.nlp.name_lists`, matched case-insensitively against `peristiwa/data/nlp/ner_names.tsv`,
  {names}; a fifth of the full-name matches are hidden in training so the model also finds names that
  no list holds). Settings (encoder size, name features, gazetteer, number of steps) were chosen on the
  NERGrit and NERP valid splits with a model trained on the train splits; the shipped model is then
  trained on train + valid{news_final} with those settings ({ner_final}).
- **country_gazetteer** (when it helped on the NER dev splits): a predicted entity that is a country
  name becomes LOC; capitalised country names the model missed are added. Dev F1 with and without it:
  {gazetteer}

## Training data and licences
| data | used for | licence |
|---|---|---|
| UD Indonesian-GSD legacy v2.0 train (4,477 sentences), labels mapped to current conventions | parser, UPOS | CC BY-SA (the 2017 README said BY-NC-SA 3.0; the current README says Google dropped NC) |
| UD Indonesian-GSD dev, minus its last {holdout} sentences (kept to choose settings) | parser, UPOS, lemmas | CC BY-SA 4.0 |
| UD Indonesian-CSUI train | parser, UPOS, lemmas | CC BY-SA 4.0 |
| IndoNLU NERGrit train + valid (as written + lower-cased copy) | NER | Apache-2.0 (IndoNLU); NERGrit corpus licence must be included |
| IndoNLU NERP train + valid (lower-cased as given + case-restored copy; FNB spans left unlabelled) | NER | Apache-2.0 (IndoNLU) |
| IndoSum dev word counts | case restoration of NERP, lemmatizer's word list | CC BY-SA 4.0 |
| IndoSum dev text + the training splits above (lower-cased) | static word vectors | CC BY-SA 4.0 / Apache-2.0 |
| Indonesian DBpedia names of persons, places, organisations (Alfina et al. 2016/17: "may be used for free") | NER name features | DBpedia content: CC BY-SA |
| BPS provinces, regencies, districts (edwardsamuel/Wilayah-Administratif-Indonesia) | NER name features | ODbL 1.0 |
| Country names in Indonesian (umpirsky/country-list; CLDR) | NER name features, country_gazetteer | MIT; Unicode licence |
{extra_rows}
**Because UD and IndoSum are CC BY-SA, this model is distributed under CC BY-SA 4.0.**
IndoLEM NER (no licence) and the test splits are used for evaluation only.

The legacy GSD train file follows 2017 conventions (flat for names and nominal modifiers, no
acl:relcl…). Each of its arcs keeps its head; its label is replaced by the current label most often
seen in current GSD data with the same coarse label and context (head/dependent UPOS, word).

## Scores (gold tokenisation; `make eval` prints the same)
{scores}

## Retrain
```
make train            # = python -m peristiwa.nlp.train --shared ../shared/data
python -m peristiwa.nlp.train --only convert syntax   # one step at a time
```
Configs: `src/peristiwa/nlp/configs/` (syntax.cfg, syntax_adapt.cfg, ner.cfg;
seeds in the configs). Syntax stage shipped: {syntax_stage}. Training took
{train_time}
on one CPU thread (OMP_NUM_THREADS=1).
"""


def render_card(meta: dict, scores: str, size_mb: float, date: str) -> str:
    """MODEL_CARD.md from the model's meta.json (its `peristiwa_build` facts are written by
    peristiwa.nlp.train.assemble) and the scores as markdown tables: nothing is read from the build folder
    and nothing asks the trainer (spaCy's generate_readme(meta) works the same way)."""
    facts = meta.get("peristiwa_build") or {}
    minutes = facts.get("train_minutes") or {}
    steps = facts.get("ner_final_steps")
    return CARD.format(
        date=date, spacy_version=meta.get("spacy_version", "").lstrip(">=<~ ").split(",")[0] or "?",
        pipes=", ".join(meta.get("pipeline", [])), size=size_mb, holdout=GSD_DEV_HOLDOUT, scores=scores,
        train_time=", ".join(f"{part} {m} min" for part, m in minutes.items()) or "(not recorded)",
        gazetteer=_gazetteer(facts.get("gazetteer_dev_f1")), vectors=_vectors(facts.get("vectors")),
        syntax_stage=_syntax_stage(facts.get("syntax_stage")), **_ner_data(facts.get("ner_data")),
        ner_final=f"{steps} steps" if steps else "not done for this build: the shipped model is the train-only one")


def _syntax_stage(stage: str | None) -> str:
    if not stage:
        return "(not recorded)"
    if stage in ("syntax", "syntax_adapt"):
        return f"{stage} (the stage with the best LAS on the held-out GSD dev sentences)"
    return stage


def _ner_data(data: dict | None) -> dict[str, str]:
    """The name-list sizes, the training-data rows and the words on the final NER's extra sentences."""
    if not data:
        return {"names": "sizes not recorded", "news_final": "", "extra_rows": ""}
    names = data.get("names") or {}
    lex = data.get("lexicon_names") or {}
    rows = ""
    if lex:
        rows += ("| The project's lexicons (written by us): organisations of `data/actors/organisations_id.yaml`, "
                 "`igos.yaml`, `groups.yaml` and `data/nlp/org_names.txt`, people of `people.yaml`, with aliases "
                 "| NER name features | the project's |\n")
    tune = data.get("news_tune_sentences") or 0
    if tune:
        rows += (f"| The news NER dev set's tune split ({tune} IndoSum sentences annotated by the project; "
                 "twice as written + lower-cased copy; the 300 eval sentences are not trained on) "
                 "| NER (final model only) | CC BY-SA 4.0 |\n")
    return {
        "names": ", ".join(f"{names[k]:,} {k}" for k in ("PER", "LOC", "ORG") if k in names)
        + (" names; " + ", ".join(f"{lex[k]:,} {k}" for k in ("ORG", "PER") if k in lex)
           + " of them from the project's own lexicons" if lex else " names"),
        "news_final": f" + the {tune} tune sentences of the news NER dev set" if tune else "",
        "extra_rows": rows,
    }


def _gazetteer(dev: dict | None) -> str:
    if not dev:
        return "(not measured)"
    return "; ".join(f"{mode}: " + ", ".join(f"{k} {v:.1f}" for k, v in scores.items())
                     for mode, scores in dev.items())


def _vectors(st: dict | None) -> str:
    if not st:
        return "statistics not recorded"
    return f"{st['words']:,} words from {st['tokens']:,} tokens in {st['sentences']:,} sentences"
