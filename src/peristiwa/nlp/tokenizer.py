"""Indonesian news tokenizer: spaCy's `id` rules plus patterns and abbreviations kept as data.

spaCy's Indonesian tokenizer already keeps reduplication ("negara-negara") and "PDI-P" together; news
text also needs currency amounts ("Rp1,5"), slash dates ("7/4/2019"), clock times and abbreviations
("Jl.", "Kab.", "S.H.") kept whole. The patterns live in data/nlp/tokenizer_patterns.tsv and
data/nlp/abbreviations.txt so an analyst can extend them without touching code.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import spacy

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokenizer import Tokenizer

DATA = Path(__file__).resolve().parents[1] / "data" / "nlp"


def _data_lines(name: str) -> list[str]:
    text = (DATA / name).read_text(encoding="utf-8")
    return [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


@lru_cache(maxsize=1)
def abbreviations() -> tuple[str, ...]:
    return tuple(ln.strip() for ln in _data_lines("abbreviations.txt"))


@lru_cache(maxsize=1)
def token_pattern() -> re.Pattern[str]:
    """One alternation of every whole-token pattern, anchored at both ends."""
    parts = [ln.split("\t", 1)[1].strip() for ln in _data_lines("tokenizer_patterns.tsv")]
    return re.compile("^(?:" + "|".join(f"(?:{p})" for p in parts) + ")$")


def customize(tokenizer: Tokenizer) -> Tokenizer:
    """Add our whole-token patterns and abbreviation special cases to a spaCy tokenizer."""
    from spacy.attrs import ORTH

    # spaCy serialises token_match as a regex, so ours and any existing one become one pattern
    ours = token_pattern().pattern
    old = tokenizer.token_match
    if old is not None and hasattr(old, "__self__"):
        ours = f"{ours}|(?:{old.__self__.pattern})"
    tokenizer.token_match = re.compile(ours).match
    for abbr in abbreviations():
        tokenizer.add_special_case(abbr, [{ORTH: abbr}])
    return tokenizer


@spacy.registry.tokenizers("peristiwa.id_tokenizer.v1")
def create_id_tokenizer():
    """Registered so a saved pipeline's config rebuilds this tokenizer on load."""

    def make(nlp: Language) -> Tokenizer:
        base = spacy.registry.tokenizers.get("spacy.Tokenizer.v1")()(nlp)
        return customize(base)

    return make
