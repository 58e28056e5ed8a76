"""The rules' word lists in data/ (read by peristiwa.util.words): every key commented, documented and used.

A key no code reads is a list an analyst would edit to no effect; a key with no README entry or comment is
one nobody can tell the purpose of.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from peristiwa.util.words import DATA, load_words

SRC = Path(__file__).resolve().parents[1] / "src" / "peristiwa"

WORD_FILES = [
    "events/roles.yaml",
    "events/coder.yaml",
    "events/types.yaml",
    "events/topics.yaml",
    "actors/resolver.yaml",
    "actors/context.yaml",
    "places/words.yaml",
    "events_en/words.yaml",
]


def _code() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in SRC.rglob("*.py"))


@pytest.mark.parametrize("relative", WORD_FILES)
def test_every_key_is_commented_documented_and_read(relative: str) -> None:
    words = load_words(relative)
    path = DATA / relative
    lines = path.read_text(encoding="utf-8").splitlines()
    readme = (path.parent / "README.md").read_text(encoding="utf-8")
    code = _code()
    for key in words.names():
        at = next(k for k, line in enumerate(lines) if line.startswith(f"{key}:"))
        assert at > 0 and lines[at - 1].startswith("#"), f"{relative}: {key} has no comment line above it"
        assert f"| `{key}` |" in readme, f"{relative}: {key} has no entry in {path.parent.name}/README.md"
        assert re.search(rf"\b[A-Z]\w*\.{key}\b", code), f"{relative}: no code reads {key}"


def test_lists_are_sets_and_ordered_lists_tuples() -> None:
    words = load_words("events/roles.yaml")
    assert isinstance(words.chain, frozenset) and "sehingga" in words.chain
    assert isinstance(words.verb_prefixes, tuple) and words.verb_prefixes[0] == "meng"
    with pytest.raises(AttributeError, match="no word list"):
        _ = words.no_such_list


def test_type_lists_name_plover_types_and_verbal_is_quad_1_or_3() -> None:
    from peristiwa.ontology import PLOVER_TYPES, event_types, lookup

    types = event_types()
    assert all(set(getattr(types, name)) <= set(PLOVER_TYPES) for name in types.names())
    assert lookup("111").verbal and lookup("130").verbal and not lookup("190").verbal and not lookup("070").verbal
