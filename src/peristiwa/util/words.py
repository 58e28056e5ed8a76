"""Named word lists read from a YAML file under data/: the vocabulary the rules consult, kept out of code.

A leaf (it imports nothing from peristiwa), so every stage reads its word lists the same way. Each stage
has a small loader (`events/words.py`, `actors/words.py`, ...) that names its files and caches them.

The file is a mapping of names to values:
  - a list is a set of words (`frozenset`): the rules only ask whether a word is in it;
  - a list tagged `!ordered` is a tuple, for the few lists whose order matters (prefixes tried in turn);
  - a mapping stays a mapping, with its values read by the same two rules (`{negara: [country, metonym]}`).
The values are read only; a rule that changes a list would change it for every document after.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

DATA = Path(__file__).resolve().parents[1] / "data"


class _Loader(yaml.SafeLoader):
    """SafeLoader that knows `!ordered`."""


def _ordered(loader: yaml.SafeLoader, node: yaml.SequenceNode) -> tuple:
    return tuple(loader.construct_sequence(node, deep=True))


_Loader.add_constructor("!ordered", _ordered)


def _freeze(value: Any, where: str) -> Any:
    if isinstance(value, list):
        if not all(isinstance(v, str) for v in value):
            raise ValueError(f"{where}: a word list holds only strings")
        return frozenset(value)
    if isinstance(value, dict):
        return {k: _freeze(v, f"{where}.{k}") for k, v in value.items()}
    if isinstance(value, tuple):
        return value
    raise ValueError(f"{where}: expected a list or a mapping, got {type(value).__name__}")


class Words:
    """The lists of one file as attributes: `W.not_name` is the key `not_name` of the file."""

    __slots__ = ("_path", "_lists")

    def __init__(self, path: Path, lists: dict[str, Any]) -> None:
        self._path = path
        self._lists = lists

    def __getattr__(self, name: str) -> Any:
        try:
            return self._lists[name]
        except KeyError:
            raise AttributeError(f"{self._path.name} has no word list {name!r}") from None

    def names(self) -> list[str]:
        """The names of the lists, in file order."""
        return list(self._lists)


def load_words(relative: str) -> Words:
    """Read data/<relative> (a YAML mapping of named word lists); raise ValueError on a malformed one."""
    path = DATA / relative
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)  # noqa: S506 (SafeLoader subclass)
    if not isinstance(data, dict):
        raise ValueError(f"{relative}: expected a mapping of named word lists")
    return Words(path, {str(k): _freeze(v, f"{relative}:{k}") for k, v in data.items()})
