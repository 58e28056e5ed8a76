"""Indonesian lemmatizer: a lookup table from the treebanks, then affix stripping checked against roots.

Indonesian morphology is mostly concatenative: prefixes meN-/peN- (with nasal assimilation: "menyerang"
<- serang, "memukul" <- pukul, "menandatangani" <- tandatangan), di-, ber-, ter-, per-, ke-, se-;
suffixes -kan, -i, -an; inflectional -nya/-ku/-mu and particles -lah/-kah/-pun. We generate every
stripping in the order of the Nazief-Adriani stemmer (inflection, then derivational suffix, then up to
two prefixes) and keep the first candidate that is a known root: first against the treebank lemmas
(strict), then against a larger word list from news text (loose). Unknown words keep their form, so
the stemmer never invents a root.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterable, Iterator
from pathlib import Path

import numpy
from spacy.attrs import IS_SPACE, LEMMA, ORTH, POS
from spacy.language import Language
from spacy.tokens import Doc

PARTICLES = ("lah", "kah", "pun", "tah")
POSSESSIVES = ("nya", "ku", "mu")
SUFFIXES = ("kan", "an", "i")
# Prefixes whose stripping is a plain cut; meN-/peN- are handled by _nasal below.
PLAIN_PREFIXES = ("di", "ke", "se", "ber", "be", "bel", "ter", "te", "per", "pe")
VOWELS = set("aeiou")
NO_LEMMA_POS = {"PROPN", "PUNCT", "NUM", "SYM", "X"}


def _nasal(word: str, stem: str) -> Iterator[str]:
    """Roots behind a meN-/peN- word; `stem` is what follows 'me'/'pe'."""
    if stem.startswith("ng"):
        rest = stem[2:]
        if rest.startswith("e") and len(rest) > 3:  # menge-: mengebom <- bom
            yield rest[1:]
        yield rest                                  # menggempur <- gempur, mengambil <- ambil
        yield "k" + rest                            # mengirim <- kirim
    elif stem.startswith("ny"):
        yield "s" + stem[2:]                        # menyerang <- serang
        yield stem[2:]
    elif stem.startswith("m"):
        yield "p" + stem[1:]                        # memukul <- pukul
        yield stem[1:]                              # membeli <- beli
    elif stem.startswith("n"):
        yield "t" + stem[1:]                        # menandatangani <- tandatangan
        yield stem[1:]                              # mendukung <- dukung
    else:
        yield stem                                  # melihat <- lihat, merebut <- rebut


def _strip_prefix(word: str) -> Iterator[str]:
    if len(word) < 4:
        return
    if word.startswith(("me", "pe")) and len(word) > 4:
        if word.startswith(("memper", "diper")):
            yield word[6:] if word.startswith("memper") else word[5:]
        yield from _nasal(word, word[2:])
    for p in PLAIN_PREFIXES:
        if word.startswith(p) and len(word) - len(p) >= 3:
            yield word[len(p):]


def _strip_suffixes(word: str) -> Iterator[str]:
    """The word without inflection, then without each derivational suffix (most likely first)."""
    bases = [word]
    for p in PARTICLES:
        if word.endswith(p) and len(word) - len(p) >= 3:
            bases.append(word[: -len(p)])
    for b in list(bases):
        for p in POSSESSIVES:
            if b.endswith(p) and len(b) - len(p) >= 3:
                bases.append(b[: -len(p)])
    for b in bases:
        yield b
        for s in SUFFIXES:
            if b.endswith(s) and len(b) - len(s) >= 3:
                yield b[: -len(s)]


def candidates(word: str) -> Iterator[str]:
    """Every stripping of `word`, in the order they are tried: suffixes alone first (as Nazief-Adriani
    does, so "berikan" is "beri" and not "ikan"), then prefixes on the most stripped base first."""
    seen: set[str] = set()
    bases = list(dict.fromkeys(_strip_suffixes(word)))
    for c in bases:
        seen.add(c)
        yield c
    for base in sorted(bases, key=len):
        for c in _strip_prefix(base):
            for c2 in (c, *_strip_prefix(c)):  # two prefixes: diperbaiki, keberhasilan
                if c2 not in seen:
                    seen.add(c2)
                    yield c2


class RuleLemmatizer:
    """Lemma of an Indonesian word form: lookup, then affix stripping validated against roots."""

    def __init__(self, lookup: dict[str, str] | None = None, roots: Iterable[str] = (),
                 loose_roots: Iterable[str] = ()) -> None:
        self.lookup = dict(lookup or {})
        self.roots = set(roots)
        self.loose_roots = set(loose_roots) | self.roots
        self._cache: dict[str, str] = {}

    def lemma(self, form: str, pos: str = "") -> str:
        if pos in NO_LEMMA_POS:  # names are not stripped ("Diponegoro"), only case-folded
            return form.lower()
        low = form.lower()
        got = self._cache.get(low)
        if got is None:
            got = self._lemma(low)
            if len(self._cache) < 200_000:
                self._cache[low] = got
        return got

    def _lemma(self, low: str) -> str:
        if low in self.lookup:
            return self.lookup[low]
        if "-" in low:  # reduplication: negara-negara -> negara, tembak-menembak -> tembak
            head = low.split("-", 1)[0]
            return self._lemma(head) if head.isalpha() else low
        if low in self.roots or not low.isalpha():
            return low
        cands = list(candidates(low))[1:]
        for c in cands:
            if c in self.roots:
                return c
        for c in cands:
            if c in self.loose_roots:
                return c
        return low

    def to_disk(self, path: Path) -> None:
        data = {"lookup": self.lookup, "roots": sorted(self.roots),
                "loose_roots": sorted(self.loose_roots - self.roots)}
        # mtime=0: the same tables give the same bytes, so a retrain does not rewrite an unchanged file
        with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as fh:
            fh.write(json.dumps(data, ensure_ascii=False).encode("utf-8"))

    @classmethod
    def from_disk(cls, path: Path) -> RuleLemmatizer:
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            data = json.load(fh)
        return cls(data["lookup"], data["roots"], data["loose_roots"])


class LemmatizerComponent:
    """spaCy component wrapper; tables are saved with the pipeline."""

    FILE = "id_lemmas.json.gz"

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.rules = RuleLemmatizer()
        self._lemma_ids: dict[tuple[int, int], int] = {}  # (form, part of speech) -> lemma, as string ids

    def __call__(self, doc: Doc) -> Doc:
        # Through arrays of string ids rather than Token objects, which were most of this component's time.
        strings = doc.vocab.strings
        lemma = self.rules.lemma
        ids = self._lemma_ids
        out = []
        for orth, pos, space, old in doc.to_array([ORTH, POS, IS_SPACE, LEMMA]).tolist():
            if space:
                out.append(old)
                continue
            got = ids.get((orth, pos))
            if got is None:
                got = strings.add(lemma(strings[orth], strings[pos] if pos else ""))
                if len(ids) < 500_000:
                    ids[(orth, pos)] = got
            out.append(got)
        doc.from_array([LEMMA], numpy.asarray(out, dtype="uint64").reshape(-1, 1))
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)

    def to_disk(self, path: Path, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        self.rules.to_disk(path / self.FILE)

    def from_disk(self, path: Path, exclude: Iterable[str] = ()) -> LemmatizerComponent:
        self.rules = RuleLemmatizer.from_disk(Path(path) / self.FILE)
        self._lemma_ids = {}
        return self


@Language.factory("id_rule_lemmatizer")
def make_lemmatizer(nlp: Language, name: str) -> LemmatizerComponent:
    return LemmatizerComponent(nlp, name)
