"""The English coder's word lists (data/events_en/words.yaml), read once.

`W = words()` at the top of a module; the rules then read `W.not_names`, `W.subject_pronouns`, ...
"""

from __future__ import annotations

from functools import lru_cache

from peristiwa.util.words import Words, load_words


@lru_cache(maxsize=1)
def words() -> Words:
    """The word lists of data/events_en/words.yaml."""
    return load_words("events_en/words.yaml")
