"""Names of organisations that can be entity names, read from the actor files and `data/nlp/org_names.txt`,
and the organisation ruler's pattern file.

Its own module because the organisation ruler (peristiwa.nlp.orgs), the person rules (peristiwa.nlp.entity_edges,
which must not take initials that are a known body's for a person) and the NER's name lists
(peristiwa.nlp.name_lists) read them, while the ruler reads the person rules' country names and the name
lists' matcher: kept here, none of them imports another both ways.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml


def data_path(*parts: str) -> Path:
    return Path(str(resources.files("peristiwa").joinpath("data", *parts)))


def load_rules(path: str | None = None) -> dict:
    """The organisation ruler's patterns (`data/nlp/org_patterns.yaml`, or the file `path`)."""
    file = Path(path) if path else data_path("nlp", "org_patterns.yaml")
    return yaml.safe_load(file.read_text(encoding="utf-8"))


# Actor lexicon files whose entries are all organisations: Indonesian bodies, international bodies, armed
# groups, foreign parties and agencies, media (the actor resolver reads the same files).
ACTOR_FILES = ("organisations_id.yaml", "igos.yaml", "groups.yaml")


@lru_cache(maxsize=4)
def actor_aliases(path: str | None = None) -> tuple[str, ...]:
    """Every alias of the organisation actor files (or of the one file `path`), parsed once: the YAML is
    the slow part of loading the ruler."""
    files = [Path(path)] if path else [data_path("actors", f) for f in ACTOR_FILES]
    return tuple(str(alias).strip() for file in files
                 for item in yaml.safe_load(file.read_text(encoding="utf-8")) or []
                 for alias in item.get("aliases") or ())


@lru_cache(maxsize=2)
def known_names(path: str | None = None) -> tuple[str, ...]:
    """Organisation names that can be entity names (capital or digit first): the aliases of the actor
    files above (or of the one file `path`) and the names of `data/nlp/org_names.txt` (clubs, firms,
    media the actor lexicon has no use for)."""
    names = list(actor_aliases(path))
    if not path:
        for line in data_path("nlp", "org_names.txt").read_text(encoding="utf-8").splitlines():
            names.extend(n.strip() for n in line.split("#", 1)[0].split(",") if n.strip())
    return tuple(n for n in names if n[:1].isupper() or n[:1].isdigit())


@lru_cache(maxsize=1)
def known_name_set() -> frozenset[str]:
    """known_names() as a set, for membership tests on every document."""
    return frozenset(known_names())


@lru_cache(maxsize=1)
def lower_case_names() -> frozenset[str]:
    """Aliases the actor files write in lower case ("kumparan", "detikcom"): names that news writes so."""
    return frozenset(a for a in actor_aliases() if a[:1].islower())
