"""Text keys shared by the lexicons of several stages (actors, places, English actors).

A leaf: it imports nothing from peristiwa, so every stage may use it without making an import circle.
"""

from __future__ import annotations


def compact(text: str) -> str:
    """Lexicon key of an alias or of a run of tokens: lower case, no whitespace, one apostrophe form."""
    return "".join(text.lower().replace("’", "'").replace("‘", "'").split())


def is_acronym(alias: str) -> bool:
    """'AS', 'RI', 'PBB': all letters upper case, six at most (such aliases match only in exactly this case)."""
    letters = [c for c in alias if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and len(letters) <= 6
