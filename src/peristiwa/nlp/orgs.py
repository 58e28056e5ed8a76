"""Organisations of Indonesian public life as entities: a ruler after the statistical NER.

The statistical NER learnt ORG from NERGrit/NERP (Wikipedia bands, universities, clubs) and misses the
bodies Indonesian political news is made of: KPK, DPR, Polri, the parties, the ministries. This
component puts what the project knows on top of it, all of it from data files:
- known names: every alias of `data/actors/organisations_id.yaml` written with a capital or a digit
  first (the actor lexicon reads the same file), matched exactly in case over runs of tokens, spaces
  ignored ("PDI-P" = "PDI - P");
- units named by their place, `place_heads` in `data/nlp/org_patterns.yaml` ("Polres Metro Jakarta
  Selatan", "Kejari Jakarta Selatan", "DPRD DKI Jakarta"), also where the head alone is a known name;
- names opened by an organisation word, `name_heads` ("Partai Buruh Inggris", "Universitas Negeri
  Makassar"), where no known name starts;
- an acronym in brackets after an organisation ("Komisi Pemberantasan Korupsi (KPK)") is one too,
  as NERGrit writes it: two entities, brackets outside.
A run of name words ends at a `stop` word, at a person the model found, or after `max_words`.

Against the model's entities: a rule's span replaces those it overlaps, except a longer model entity
(not a person, no brackets inside) that holds it whole — the model read more of the name than the rule.
A two-letter acronym followed by "(<number>" is a suspect's initials with an age ("MA (35)"), not an
institution; a `generic` unit word alone ("Polsek") and a `not_names` phrase ("Badan Usaha Milik Negara")
are no entity.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml
from spacy.language import Language
from spacy.tokens import Doc, Span

_CONNECTORS = {"dan", "untuk", "&", "-", "/"}
_ROMAN = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII"}
_PERSON = {"PER", "PERSON"}


def _data_path(*parts: str) -> Path:
    return Path(str(resources.files("peristiwa").joinpath("data", *parts)))


def _key(words: Iterable[str]) -> str:
    return "".join("".join(w.split()) for w in words)


class _Index:
    """Exact-case keys over concatenated token texts, with their prefixes, for left-to-right scans."""

    def __init__(self, names: Iterable[str]) -> None:
        self.keys: set[str] = set()
        self.prefixes: set[str] = set()
        for name in names:
            key = _key([name])
            if not key:
                continue
            self.keys.add(key)
            self.prefixes.update(key[:i] for i in range(1, len(key) + 1))

    def longest(self, words: list[str], i: int, limit: int = 12) -> int:
        """End of the longest key starting at word i (i when none)."""
        best, key = i, ""
        for j in range(i, min(len(words), i + limit)):
            key += words[j]
            if key not in self.prefixes:
                break
            if key in self.keys:
                best = j + 1
        return best


@lru_cache(maxsize=2)
def known_names(path: str | None = None) -> tuple[str, ...]:
    """Aliases of the Indonesian organisations file that can be entity names (capital or digit first)."""
    file = Path(path) if path else _data_path("actors", "organisations_id.yaml")
    names = []
    for item in yaml.safe_load(file.read_text(encoding="utf-8")) or []:
        for alias in item.get("aliases") or ():
            alias = str(alias).strip()
            if alias[:1].isupper() or alias[:1].isdigit():
                names.append(alias)
    return tuple(names)


@lru_cache(maxsize=2)
def load_rules(path: str | None = None) -> dict:
    file = Path(path) if path else _data_path("nlp", "org_patterns.yaml")
    return yaml.safe_load(file.read_text(encoding="utf-8"))


class OrgRuler:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        rules = load_rules()
        self.names = _Index(known_names())
        self.place_heads = _Index(rules["place_heads"])
        self.name_heads = _Index(rules["name_heads"])
        self.stop = set(rules["stop"])
        self.generic = _Index(rules.get("generic") or ())
        self.not_names = _Index(rules.get("not_names") or ())
        self.max_words = int(rules.get("max_words", 6))

    # -- spans -------------------------------------------------------------------------------------
    def spans(self, doc: Doc) -> list[tuple[int, int]]:
        words = [t.text for t in doc]
        person_start = {e.start for e in doc.ents if e.label_ in _PERSON}
        found: list[tuple[int, int]] = []
        i, n = 0, len(words)
        while i < n:
            if not (words[i][:1].isupper() or words[i][:1].isdigit()):
                i += 1
                continue
            end = self.names.longest(words, i)
            if end > i and (end - i == 1 and self._initials(words, i) or self.generic.longest(words, i) == end):
                end = i  # "MA (35)" is a suspect's initials; "Polsek" alone is no one police station
            if self.not_names.longest(words, i) > i:
                i = self.not_names.longest(words, i)
                continue
            head = self.place_heads.longest(words, i)
            if head > i:
                run = self._run(words, head, person_start, acronyms=True)
                end = max(end, run if run > head else i)
            elif end == i:
                head = self.name_heads.longest(words, i)
                if head > i:
                    run = self._run(words, head, person_start, acronyms=False)
                    end = run if run > head else i  # a head word alone is no name ("Partai itu")
            if end > i:
                found.append((i, end))
                i = end
            else:
                i += 1
        return found

    def _run(self, words: list[str], j: int, person_start: set[int], acronyms: bool) -> int:
        """End of the name words from j on; j itself (no name) when the first word is not one."""
        start, last = j, j
        known = self.names.longest(words, j)
        if known > j and not acronyms:
            return known  # "Fraksi Hanura", "Partai Golkar": a known name is the whole of it
        while j < len(words) and j - start < self.max_words and j not in person_start:
            w = words[j]
            if w in self.stop:
                break
            if self._name_word(w, acronyms or j == start):  # "Fraksi PKS": an acronym may name the body
                j += 1
                last = j
            elif w.lower() in _CONNECTORS and j > start and j + 1 < len(words) \
                    and self._name_word(words[j + 1], acronyms) and words[j + 1] not in self.stop:
                j += 1
            else:
                break
        return last

    @staticmethod
    def _name_word(w: str, acronyms: bool) -> bool:
        if w in _ROMAN or w.isdigit():
            return True
        if not w[:1].isupper():
            return False
        if w.isupper() and len(w) > 1:
            return acronyms and len(w) <= 6
        return w.replace("-", "").replace(".", "").isalpha()

    @staticmethod
    def _initials(words: list[str], i: int) -> bool:
        """"MA (35)": two capitals and an age in brackets are a person's initials."""
        return (len(words[i]) == 2 and i + 2 < len(words) and words[i + 1] == "("
                and words[i + 2][:1].isdigit())

    def _brackets(self, doc: Doc, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """An acronym in brackets right after an organisation: "Komisi Pemilihan Umum (KPU)"."""
        orgs = spans + [(e.start, e.end) for e in doc.ents if e.label_ == "ORG"]
        taken = {i for s, e in spans for i in range(s, e)}
        out = []
        for _, e in orgs:
            if e + 2 < len(doc) and doc[e].text == "(" and doc[e + 2].text == ")" and e + 1 not in taken:
                w = doc[e + 1].text
                letters = [c for c in w if c.isalpha()]
                if 2 <= len(letters) <= 10 and sum(c.isupper() for c in letters) >= 2 and w[:1].isupper():
                    out.append((e + 1, e + 2))
                    taken.add(e + 1)
        return out

    # -- merge -------------------------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        spans = self.spans(doc)
        spans += self._brackets(doc, spans)
        if not spans:
            return doc
        ents = list(doc.ents)
        keep_rule = []
        for s, e in sorted(spans):
            holder = next((x for x in ents if x.start <= s and e <= x.end and (x.start, x.end) != (s, e)
                           and x.label_ not in _PERSON and not any(t.text in "()" for t in x)), None)
            if holder is not None:
                continue  # the model's longer name holds the rule's
            ents = [x for x in ents if x.end <= s or x.start >= e]
            keep_rule.append(Span(doc, s, e, label="ORG"))
        doc.ents = sorted(ents + keep_rule, key=lambda x: x.start)
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128):
        for doc in docs:
            yield self(doc)

    # The rules live in the package's data files, not in the saved pipeline.
    def to_disk(self, path: Path, exclude: Iterable[str] = ()) -> None:
        Path(path).mkdir(parents=True, exist_ok=True)

    def from_disk(self, path: Path, exclude: Iterable[str] = ()) -> OrgRuler:
        return self


@Language.factory("org_ruler")
def make_org_ruler(nlp: Language, name: str) -> OrgRuler:
    return OrgRuler(nlp, name)
