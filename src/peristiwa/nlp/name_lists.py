"""Known names of people, places and organisations, and where a text's words match them.

The NER's training sets hold a few thousand sentences; most names a news reader meets are not in
them. Lists of names (facts, not text) tell the model that "Wisconsin" or "Bukittinggi" name places
and "Tyra Banks" a person, and the model learns how far to trust a match (a list is never the answer
by itself: "Batu" is a town and a common noun). The lists are built by `make train` from
../shared/data and shipped as `data/nlp/ner_names.tsv`:
- Indonesian DBpedia names of persons, places and organisations (Alfina et al. 2016/2017; DBpedia
  content is CC BY-SA);
- BPS provinces, regencies and districts (edwardsamuel/Wilayah-Administratif-Indonesia, ODbL 1.0);
- country names in Indonesian (umpirsky/country-list, MIT; CLDR, Unicode licence);
- the project's own lexicons (written by us): the organisations of `data/actors/organisations_id.yaml`,
  `igos.yaml` and `groups.yaml` with their aliases and `data/nlp/org_names.txt` as ORG (the names the
  organisation ruler reads, peristiwa.nlp.orgs.known_names), the people of `data/actors/people.yaml` with
  their aliases as PER.
Matching is case-insensitive because NERP and much user text is lower-cased; one-word names that are
usually written in lower case in running text ("baru", "jaya") are left out.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from importlib import resources
from pathlib import Path

LABELS = ("PER", "LOC", "ORG")
GAZ = "lexicons/gazetteer-id"
DBPEDIA = {"PER": "person.txt", "LOC": "place.txt", "ORG": "organization.txt"}
# prefixes of administrative names that running text often drops ("Kabupaten Purbalingga" → Purbalingga)
_ADMIN_PREFIXES = ("kota administrasi ", "kabupaten administrasi ", "kabupaten ", "kota ", "provinsi ",
                   "daerah istimewa ", "daerah khusus ibukota ")
_PAREN = re.compile(r"\s*\([^)]*\)")
_WORD = re.compile(r"\w+(?:[-'’.]\w+)*\.?|[^\w\s]")
MAX_WORDS = 6
LEXICON_MAX_WORDS = 14

# BILOU position of a word inside a matched name, per label; 0 = outside any name of that label
OUT, BEGIN, INSIDE, LAST, UNIT = range(5)


def name_words(name: str) -> tuple[str, ...]:
    """Lower-cased words of a name, split as the tokenizer splits names."""
    return tuple(_WORD.findall(name.lower()))


def _admin_names(path: Path) -> Iterable[str]:
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.reader(fh):
            if len(row) >= 3:
                yield row[-1].strip().title()


def build_name_lists(shared: Path, common_lower: set[str], lexicons: bool = False) -> dict[str, set[str]]:
    """Names per label from the shippable lists. `common_lower`: words usually written in lower case;
    `lexicons`: add the names of the project's own lexicons (lexicon_names)."""
    from peristiwa.nlp.gazetteer import country_names

    names: dict[str, set[str]] = {label: set() for label in LABELS}
    for label, file in DBPEDIA.items():
        text = (shared / GAZ / "dbpedia-id-entities" / file).read_text(encoding="utf-8", errors="replace")
        for line in text.splitlines():
            # "Katwijk (Holland Selatan)", "Gandus, Palembang": the name is what comes before
            name = _PAREN.sub("", line).split(",")[0].strip()
            if name and "\ufffd" not in name and "?" not in name and not name.isdigit():
                names[label].add(name)
    wilayah = shared / GAZ / "wilayah-indonesia"
    for file in ("provinces.csv", "regencies.csv", "districts.csv"):
        names["LOC"].update(_admin_names(wilayah / file))
    names["LOC"].update(country_names(shared))
    lexicon = lexicon_names() if lexicons else {}
    for label, found in lexicon.items():
        names[label].update(found)
    for name in list(names["LOC"]):
        low = name.lower()
        for prefix in _ADMIN_PREFIXES:
            if low.startswith(prefix) and len(low) > len(prefix) + 2:
                names["LOC"].add(name[len(prefix):])
                break

    def keep(name: str, label: str) -> bool:
        words = name_words(name)
        # our own names may be long ("Badan Meteorologi , Klimatologi , dan Geofisika"); the lists'
        # long lines are mostly titles and descriptions
        limit = LEXICON_MAX_WORDS if name in lexicon.get(label, ()) else MAX_WORDS
        if not words or len(words) > limit or not any(w[:1].isalpha() for w in words):
            return False
        return len(words) > 1 or (len(words[0]) > 2 and words[0] not in common_lower)

    return {label: {n for n in found if keep(n, label)} for label, found in names.items()}


def lexicon_names() -> dict[str, set[str]]:
    """Names of the project's own lexicons: organisations (ORG) and people (PER), each with its aliases;
    only those written with a capital or a digit first ("tentara bayaran Wagner" is a description)."""
    import yaml

    from peristiwa.nlp.org_names import known_names, load_rules

    people = Path(str(resources.files("peristiwa") / "data" / "actors" / "people.yaml"))
    per = set()
    for item in yaml.safe_load(people.read_text(encoding="utf-8")) or []:
        per.update(str(n).strip() for n in [item.get("name"), *(item.get("aliases") or ())] if n)
    skip = set(load_rules().get("skip_names") or ())  # "UN" in Indonesian text is the national exam
    return {"ORG": set(known_names()) - skip, "PER": {n for n in per if n[:1].isupper()}}


def write_name_lists(names: dict[str, set[str]], dest: Path) -> None:
    dest.parent.mkdir(parents=True, exist_ok=True)
    with open(dest, "w", encoding="utf-8") as fh:
        for label in LABELS:
            for name in sorted(names[label]):
                fh.write(f"{label}\t{name}\n")


class NameMatcher:
    """Longest case-insensitive matches of known names, per label, as BILOU codes per word."""

    def __init__(self, names: Iterable[tuple[str, str]]) -> None:
        self.table: dict[tuple[str, ...], int] = {}  # words → bit set of labels
        self.lengths: dict[str, int] = {}  # first word → longest name starting with it
        self.word_counts: list[dict[str, int]] = [{} for _ in LABELS]  # word → names holding it
        for label, name in names:
            words = name_words(name)
            if not words:
                continue
            k = LABELS.index(label)
            self.table[words] = self.table.get(words, 0) | (1 << k)
            self.lengths[words[0]] = max(self.lengths.get(words[0], 0), len(words))
            for w in set(words):
                self.word_counts[k][w] = self.word_counts[k].get(w, 0) + 1

    def word_buckets(self, words: Sequence[str]) -> list[list[int]]:
        """For each label, how many known names hold each word, as a bucket 0..5 (0, 1, 2-4, 5-19,
        20-99, 100+): "Abdul" or "Kabupaten" say something even outside a full-name match."""
        lower = [w.lower() for w in words]
        return [[_bucket(counts.get(w, 0)) for w in lower] for counts in self.word_counts]

    def codes(self, words: Sequence[str]) -> list[list[int]]:
        """For each label, the BILOU code of every word (greedy longest match, left to right)."""
        lower = [w.lower() for w in words]
        n = len(lower)
        out = [[OUT] * n for _ in LABELS]
        next_free = [0] * len(LABELS)
        for i, w in enumerate(lower):
            longest = self.lengths.get(w)
            if not longest:
                continue
            for length in range(min(longest, n - i), 0, -1):
                bits = self.table.get(tuple(lower[i:i + length]))
                if not bits:
                    continue
                for k in range(len(LABELS)):
                    if bits >> k & 1 and i >= next_free[k]:
                        _mark(out[k], i, length)
                        next_free[k] = i + length
                if all(i < f for f in next_free):
                    break
        return out


def _bucket(n: int) -> int:
    return 0 if n == 0 else 1 if n == 1 else 2 if n < 5 else 3 if n < 20 else 4 if n < 100 else 5


def _mark(row: list[int], start: int, length: int) -> None:
    if length == 1:
        row[start] = UNIT
        return
    row[start] = BEGIN
    for j in range(start + 1, start + length - 1):
        row[j] = INSIDE
    row[start + length - 1] = LAST


def shipped_names_path() -> Path:
    return Path(str(resources.files("peristiwa") / "data" / "nlp" / "ner_names.tsv"))


@lru_cache(maxsize=4)
def load_matcher(path: str | None = None) -> NameMatcher:
    """The matcher over a names file (default: the shipped one), built once per process."""
    file = Path(path) if path else shipped_names_path()
    with open(file, encoding="utf-8") as fh:
        return NameMatcher(tuple(line.rstrip("\n").split("\t", 1)) for line in fh if "\t" in line)
