"""The English pipeline: the installed statistical pipeline (tagger, parser, NER; `peristiwa.nlp.PACKAGES`),
or, when none is installed, spaCy's blank English tokenizer with its rule-based sentencizer and entities
from the actor lexicons.

The blank fallback keeps English working on a set-up without the model package: the coder then reads
word order instead of the parse (docs/events-en.md); it marks the names the lexicons know (people PER,
countries and places LOC, bodies and groups ORG) as `doc.ents`.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from spacy.language import Language

if TYPE_CHECKING:
    from spacy.tokens import Doc

_lock = threading.Lock()
_nlp: list[Language] = []


def english_nlp() -> Language:
    """The English pipeline: the installed statistical one (loaded once per process) with its NER gated to
    the sentences the coder reads (peristiwa.events_en.ner_gate) and its attribute ruler read from an index
    (peristiwa.nlp.attribute_index: the same result, faster), else the blank one.

    The gate is installed here, not by peristiwa.nlp.load_model: the gate reads this package's lexicons, and
    peristiwa.nlp sits below the coders (no import circle nlp <-> events_en)."""
    from peristiwa.events_en.ner_gate import gate_ner
    from peristiwa.nlp import load_model
    from peristiwa.nlp.attribute_index import index_attribute_ruler

    nlp = load_model("en")
    if nlp is None:
        return blank_english_nlp()
    with _lock:
        return gate_ner(index_attribute_ruler(nlp))  # once: each leaves a pipeline it changed as it is


def blank_english_nlp() -> Language:
    """The blank English pipeline with a sentencizer (built once per process)."""
    with _lock:
        if not _nlp:
            import spacy

            nlp = spacy.blank("en")
            nlp.add_pipe("sentencizer")
            nlp.add_pipe("peristiwa_en_quote_starts")
            nlp.add_pipe("peristiwa_en_entities")
            # long wire copy: the tokenizer is linear, nothing here needs spaCy's 1M-character guard
            nlp.max_length = 20_000_000
            _nlp.append(nlp)
        return _nlp[0]


@Language.component("peristiwa_en_quote_starts")
def quote_starts(doc: Doc) -> Doc:
    """The sentencizer ends a sentence after '."' even when that quote opens the next sentence
    ('... in Niger. "This cannot stand," he said'): an opening straight quote starts the sentence it opens.
    A quote opens when an even number of them came before it in its paragraph."""
    n = 0
    for t in doc:
        if t.is_space and t.text.count("\n") > 1:
            n = 0
            continue
        if t.text != '"':
            continue
        opening = n % 2 == 0
        n += 1
        if opening and t.i + 1 < len(doc) and doc[t.i + 1].is_sent_start and not t.is_sent_start:
            t.is_sent_start = True
            doc[t.i + 1].is_sent_start = False
    return doc


_LABELS = {"person": "PER", "country": "LOC", "name": "ORG"}


@Language.component("peristiwa_en_entities")
def lexicon_entities(doc: Doc) -> Doc:
    """Named actors as entities; generic agents ("police") and pronouns are not names."""
    from peristiwa.events_en.actors import shared_finder

    spans = []
    for m in shared_finder().find(doc, None):
        label = _LABELS.get(m.kind)
        if label is None:
            continue
        # "Foreign Minister Kojo Mensah": the name after the title; "Libyan troops": the name before the agent
        start, end = (m.name_start, m.end) if m.name_start >= 0 else (m.start, m.end)
        if m.titled and m.name_start < 0:
            end = next((k for k in range(start + 1, end) if doc[k].is_lower), end)
        if start < end:
            spans.append(doc.char_span(doc[start].idx, doc[end - 1].idx + len(doc[end - 1]), label=label))
    doc.ents = [s for s in spans if s is not None]
    return doc
