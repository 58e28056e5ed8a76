"""spaCy's `attribute_ruler`, answered from an index: the same rules, the same result, in less time.

en_core_web_sm's attribute ruler (tag -> POS and morphology, a few lemma and POS exceptions: 179 rules)
runs spaCy's Matcher over every token, and took 0.64 s of the English pipeline's 4.0 s on the benchmark's
60 articles (`make bench`, one core), as much as the parser. Nearly all of its rules read one token (its
tag, lower-case form, dependency label, whether it is a space), so what they give a token depends on
those few values only: this component works that out once per combination and caches it, and leaves only
the multi-token rules ("gon na", "ai n't") to a Matcher of their own. Measured on the same articles:
0.32 s where every combination is new, 0.10 s once they are cached, the output identical token for token. The rules and their order are read
from the pipeline's own ruler, so a pipeline that replaces en_core_web_sm brings its own.

`index_attribute_ruler(nlp)` installs it in place of a loaded pipeline's `attribute_ruler` (which stays,
disabled: its rules are this component's). tests/test_attribute_index.py checks that both give every
token the same POS, morphology, lemma, tag and dependency label.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

# token attributes a one-token rule may read here, as doc.to_array gives them (others go to the Matcher)
_READ = {"TAG", "LOWER", "DEP", "IS_SPACE", "ORTH"}
_CACHE_LIMIT = 500_000


def _predicate(value: object) -> tuple[Callable[[object], bool], frozenset | None] | None:
    """A test for one attribute's value as the Matcher reads `value`, with the values it accepts when they
    can be listed; None for a form not handled here."""
    if isinstance(value, (str, bool, int)):
        return (lambda x: x == value), frozenset([value])
    if isinstance(value, dict) and len(value) == 1:
        (op, arg), = value.items()
        if op == "IN":
            allowed = frozenset(arg)
            return (lambda x: x in allowed), allowed
        if op == "NOT_IN":
            banned = frozenset(arg)
            return (lambda x: x not in banned), None
        if op == "REGEX":
            rx = re.compile(arg)
            return (lambda x: bool(rx.search(str(x)))), None
    return None


_Test = tuple[str, Callable[[object], bool], frozenset | None]


class IndexedAttributeRuler:
    def __init__(self, ruler) -> None:
        self.vocab = ruler.vocab
        self.matcher = Matcher(ruler.vocab)
        self.complex: dict[int, tuple[int, int, dict]] = {}  # matcher key -> (attr id, index, attrs)
        simple: list[tuple[int, list[list[_Test]], dict]] = []
        # ruler.patterns lists the rules in their order; ruler.attrs holds them as the tokens take them
        for attr_id, (rule, attrs) in enumerate(zip(ruler.patterns, ruler.attrs, strict=True)):
            one = self._one_token(rule["patterns"])
            if one is None:
                key = self.vocab.strings.add(f"peristiwa_attr_{attr_id}")
                self.matcher.add(key, rule["patterns"])
                self.complex[key] = (attr_id, rule["index"], attrs)
            else:
                simple.append((attr_id, one, attrs))
        self.keys = sorted({k for _, one, _ in simple for p in one for k, _, _ in p})
        pos = {k: i for i, k in enumerate(self.keys)}
        # a pattern that asks for given tags or words is tried only on tokens with one of them
        self.by_value: dict[tuple[int, object], set[int]] = {}
        self.always: set[int] = set()
        for n, (_, one, _) in enumerate(simple):
            for pattern in one:
                listed = next(((k, v) for k, _, v in pattern if k in ("TAG", "LOWER") and v is not None), None)
                if listed is None:
                    self.always.add(n)
                else:
                    for v in listed[1]:
                        self.by_value.setdefault((pos[listed[0]], v), set()).add(n)
        self.simple = [(a, [[(pos[k], f) for k, f, _ in p] for p in one], attrs) for a, one, attrs in simple]
        self.indexed = [pos[k] for k in ("TAG", "LOWER") if k in pos]
        self._cache: dict[tuple[int, ...], tuple[list[tuple[int, dict]], dict]] = {}

    @staticmethod
    def _one_token(patterns: list[list[dict]]) -> list[list[_Test]] | None:
        out = []
        for pattern in patterns:
            if len(pattern) != 1:
                return None
            tests = []
            for key, value in pattern[0].items():
                test = _predicate(value) if key in _READ else None
                if test is None:
                    return None
                tests.append((key, *test))
            out.append(tests)
        return out

    def _rules_for(self, ids: tuple[int, ...]) -> tuple[list[tuple[int, dict]], dict]:
        """The one-token rules a token with these attribute values matches, in order, and what they set."""
        found = self._cache.get(ids)
        if found is None:
            strings = self.vocab.strings
            signature = tuple(bool(v) if k == "IS_SPACE" else strings[v] for k, v in zip(self.keys, ids, strict=True))
            tried = set(self.always)
            for i in self.indexed:
                tried |= self.by_value.get((i, signature[i]), set())
            rules = []
            for n in sorted(tried):
                attr_id, patterns, attrs = self.simple[n]
                if any(all(test(signature[i]) for i, test in p) for p in patterns):
                    rules.append((attr_id, attrs))
            if len(self._cache) >= _CACHE_LIMIT:
                self._cache.clear()
            found = self._cache[ids] = (rules, _merged(rules))
        return found

    def __call__(self, doc: Doc) -> Doc:
        extra: dict[int, list[tuple[int, dict]]] = {}
        if self.complex:
            for key, start, end in self.matcher(doc, allow_missing=True):
                attr_id, index, attrs = self.complex[key]
                extra.setdefault(doc[start:end][index].i, []).append((attr_id, attrs))
        rows = doc.to_array(self.keys).tolist() if len(doc) else []
        for token, row in zip(doc, rows, strict=True):
            rules, merged = self._rules_for(tuple(row) if isinstance(row, list) else (row,))
            if token.i in extra:
                merged = _merged(sorted(rules + extra[token.i], key=lambda r: r[0]))
            if merged:
                set_token_attrs(token, merged)
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)


def _merged(rules: list[tuple[int, dict]]) -> dict:
    merged: dict = {}
    for _, attrs in rules:  # later rules win, as in spaCy's ruler
        merged.update(attrs)
    return merged


@Language.factory("peristiwa_attribute_index")
def make_attribute_index(nlp: Language, name: str) -> IndexedAttributeRuler:
    return IndexedAttributeRuler(nlp.get_pipe("attribute_ruler"))


def index_attribute_ruler(nlp: Language) -> Language:
    """Run a loaded pipeline's `attribute_ruler` from the index (no-op without one, or when done)."""
    if "attribute_ruler" not in nlp.pipe_names or "peristiwa_attribute_index" in nlp.pipe_names:
        return nlp
    nlp.add_pipe("peristiwa_attribute_index", after="attribute_ruler")
    nlp.disable_pipe("attribute_ruler")
    return nlp
