"""Language identification (skeleton; the article-stage issue completes it)."""

from __future__ import annotations


def detect_language(text: str) -> str | None:
    return None
