"""The actor stage's word lists (data/actors/resolver.yaml, data/actors/context.yaml), each file read once.

`W = words("resolver")` at the top of a module; the rules then read `W.not_name`, `W.place_words`, ...
"""

from __future__ import annotations

from functools import lru_cache

from peristiwa.util.words import Words, load_words


@lru_cache(maxsize=8)
def words(name: str) -> Words:
    """The word lists of data/actors/<name>.yaml."""
    return load_words(f"actors/{name}.yaml")
