"""Country names as LOC: a small post-NER correction from shipped name lists.

The statistical NER often hesitates between LOC and ORG for country names ("Mesir", "Rusia"), which
the event coder needs as places/actors. This component relabels a predicted entity whose whole text is
a known country name to LOC and, optionally, adds capitalised country names the model missed. Whether
it helps is measured on the NER dev splits by `python -m peristiwa.nlp.train --only gazetteer`; the
names (facts, not text) come from umpirsky/country-list (MIT) and CLDR (Unicode licence).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

GAZ = "lexicons/gazetteer-id"


def country_names(shared: Path) -> set[str]:
    names: set[str] = set()
    with open(shared / GAZ / "country-list-umpirsky" / "country.id.csv", encoding="utf-8") as fh:
        names |= {row["value"] for row in csv.DictReader(fh)}
    cldr = json.loads((shared / GAZ / "cldr" / "territories.id.json").read_text(encoding="utf-8"))
    terr = cldr["main"]["id"]["localeDisplayNames"]["territories"]
    # numeric codes are regions; XA/XB are CLDR's pseudo-locales, ZZ "unknown region", QO "outlying
    # Oceania", EZ the eurozone, EU an organisation: none is a place a text names as a country
    skip = {"UN", "EU", "XA", "XB", "ZZ", "QO", "EZ"}
    names |= {v for k, v in terr.items() if not k[:1].isdigit() and k not in skip and not k.startswith("UN-")}
    return {n.strip() for n in names if len(n.strip()) > 2 and "(" not in n}


class CountryGazetteer:
    FILE = "countries.json"

    def __init__(self, nlp: Language, name: str, add: bool = False) -> None:
        self.name = name
        self.add = add
        self.names: set[str] = set()
        self._lower: set[str] = set()
        self._max_len = 1
        self._prefixes: set[str] = set()

    def set_names(self, names: Iterable[str]) -> None:
        self.names = set(names)
        self._lower = {n.lower() for n in self.names}
        self._max_len = max((len(n.split()) for n in self.names), default=1)
        # every leading piece of a name: a word that starts no name is skipped at once
        self._prefixes = {n[:k] for n in self.names for k in range(1, len(n) + 1)}

    def __call__(self, doc: Doc) -> Doc:
        if not self.names:
            return doc
        ents = []
        for e in doc.ents:
            if e.label_ != "LOC" and e.text.lower() in self._lower:
                e = Span(doc, e.start, e.end, label="LOC")
            ents.append(e)
        if self.add:
            ents.extend(self._missed_names(doc, {i for e in ents for i in range(e.start, e.end)}))
        doc.ents = filter_spans(ents)
        return doc

    def _missed_names(self, doc: Doc, taken: set[int]) -> list[Span]:
        """Capitalised country names outside every entity, longest first. Works on the words as strings:
        a Span per candidate n-gram was most of this component's time."""
        words = [t.text for t in doc]
        spaces = [t.whitespace_ for t in doc]
        found = []
        for i, word in enumerate(words):
            if i in taken or word not in self._prefixes or not word.istitle():
                continue
            text = ""
            grams = []
            for j in range(i, min(i + self._max_len, len(words))):
                text += (spaces[j - 1] if j > i else "") + words[j]
                grams.append(text)
            for n in range(len(grams), 0, -1):
                if grams[n - 1] in self.names and not taken & set(range(i, i + n)):
                    found.append(Span(doc, i, i + n, label="LOC"))
                    taken |= set(range(i, i + n))
                    break
        return found

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128):
        for doc in docs:
            yield self(doc)

    def to_disk(self, path: Path, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / self.FILE).write_text(json.dumps({"names": sorted(self.names), "add": self.add},
                                                 ensure_ascii=False), encoding="utf-8")

    def from_disk(self, path: Path, exclude: Iterable[str] = ()) -> CountryGazetteer:
        data = json.loads((Path(path) / self.FILE).read_text(encoding="utf-8"))
        self.add = data["add"]
        self.set_names(data["names"])
        return self


@Language.factory("country_gazetteer", default_config={"add": False})
def make_gazetteer(nlp: Language, name: str, add: bool) -> CountryGazetteer:
    return CountryGazetteer(nlp, name, add)
