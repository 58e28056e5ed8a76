"""Language identification with py3langid (its model ships inside the package).

The model is loaded once, lazily, on the first call, and restricted to the languages peristiwa meets in
news, so that it does not answer Javanese or Tagalog for short Indonesian headlines. Indonesian and
Malay share most of their vocabulary; when the model answers either, marker words from
data/langid/id_ms.yaml decide.
"""

from __future__ import annotations

import functools
import re
from importlib import resources

import yaml

LANGUAGES = ["id", "ms", "en", "jv", "tl", "nl", "de", "fr", "es", "pt", "it", "pl", "ru", "ar", "tr",
             "zh", "ja", "ko", "th", "vi"]
MIN_CHARS = 20  # below this no guess is better than a wrong one
MODEL_CHARS = 600  # the model's cost grows with length; a news paragraph or two is plenty
MARKER_CHARS = 3000
_WORD = re.compile(r"[a-z]+(?:-[a-z]+)?")


@functools.cache
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    ident = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    ident.set_languages(LANGUAGES)
    return ident


@functools.cache
def _spec() -> dict:
    path = resources.files("peristiwa") / "data" / "langid" / "id_ms.yaml"
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@functools.cache
def _markers() -> tuple[frozenset[str], frozenset[str]]:
    spec = _spec()
    ids, mss = set(spec["id"]), set(spec["ms"])
    return frozenset(ids - mss), frozenset(mss - ids)


@functools.cache
def _short_english() -> frozenset[str]:
    return frozenset(_spec().get("short_english") or ())


def analysis_language(lang: str | None) -> str | None:
    """The language whose pipeline analyses text of `lang`: its own, or a close one where peristiwa has none
    (Malay -> Indonesian; data/langid/id_ms.yaml, `analyse_as`); text too short to identify (None) is read
    as `unknown` says."""
    spec = _spec()
    return (spec.get("analyse_as") or {}).get(lang, lang) if lang else spec.get("unknown")


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of text's language, or None when the text is too short to tell (under 20 characters
    and no English word of data/langid/id_ms.yaml's `short_english`)."""
    text = text.strip()
    if len(text) < MIN_CHARS:
        # too short for the model; an English function word still tells ("Hello world", "The talks")
        return "en" if _short_english() & set(_WORD.findall(text.lower())) else None
    lang, _ = _identifier().classify(text[:MODEL_CHARS])
    if lang in ("id", "ms"):
        lang = _id_or_ms(text[:MARKER_CHARS])
    return lang


def _id_or_ms(text: str) -> str:
    id_words, ms_words = _markers()
    words = _WORD.findall(text.lower())
    id_score = sum(w in id_words for w in words)
    ms_score = sum(w in ms_words for w in words)
    # Malay only on positive evidence; a tie goes to Indonesian, the project's first language
    return "ms" if ms_score > id_score else "id"


def warm_up() -> None:
    """Load the model now (e.g. before timing), instead of on the first document."""
    _identifier()
    _markers()
