"""The English pipeline: spaCy's blank English tokenizer and its rule-based sentencizer.

No English statistical model can ship offline from a package registry, so the English coder reads word
order, not a parse; this pipeline only has to split words and sentences.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

_lock = threading.Lock()
_nlp: list[Language] = []


def english_nlp() -> Language:
    """The blank English pipeline with a sentencizer (built once per process)."""
    with _lock:
        if not _nlp:
            import spacy

            nlp = spacy.blank("en")
            nlp.add_pipe("sentencizer")
            # long wire copy: the tokenizer is linear, nothing here needs spaCy's 1M-character guard
            nlp.max_length = 20_000_000
            _nlp.append(nlp)
        return _nlp[0]
