"""The place stage's word lists (data/places/words.yaml), read once.

`W = words()` at the top of a module; the rules then read `W.locative`, `W.place_nouns`, ...
"""

from __future__ import annotations

from functools import lru_cache

from peristiwa.util.words import Words, load_words


@lru_cache(maxsize=1)
def words() -> Words:
    """The word lists of data/places/words.yaml."""
    return load_words("places/words.yaml")
