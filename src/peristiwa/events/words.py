"""The event coder's word lists (data/events/roles.yaml, data/events/coder.yaml), each file read once.

`W = words("roles")` at the top of a module; the rules then read `W.not_verbs`, `W.chain`, ...
"""

from __future__ import annotations

from functools import lru_cache

from peristiwa.util.words import Words, load_words


@lru_cache(maxsize=8)
def words(name: str) -> Words:
    """The word lists of data/events/<name>.yaml."""
    return load_words(f"events/{name}.yaml")
