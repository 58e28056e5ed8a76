"""Token embedding for the NER: spaCy's hashed lexical features and static vectors, plus name-list matches.

spaCy's MultiHashEmbed reads only built-in token attributes, so this layer extends its recipe with a
feature extractor that appends, per label (PER, LOC, ORG), the BILOU position of the word in a known
name (peristiwa.nlp.name_lists) and, optionally, how many known names hold the word. Each of those
columns gets a small embedding table of its own; the Maxout that mixes everything is spaCy's. During
training a share of the matches is hidden so that the model also learns to find names that no list
holds.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy
from spacy.attrs import intify_attr
from spacy.ml.staticvectors import StaticVectors
from spacy.tokens import Doc
from spacy.util import registry
from thinc.api import HashEmbed, Maxout, Model, chain, concatenate, list2ragged, ragged2list, with_array
from thinc.types import Floats2d, Ints2d

from peristiwa.nlp.name_lists import BEGIN, INSIDE, LABELS, OUT, UNIT, load_matcher

NAME_CODES = 5


def _hide_matches(row: numpy.ndarray, share: float, rng: numpy.random.Generator) -> None:
    """Set a random `share` of the matched names in one label's code row to OUT, in place."""
    starts = numpy.flatnonzero((row == BEGIN) | (row == UNIT))
    for s in starts[rng.random(len(starts)) < share]:
        e = s + 1
        if row[s] == BEGIN:
            while e < len(row) and row[e] == INSIDE:
                e += 1
            e += 1  # the LAST word
        row[s:e] = OUT


def NameFeatureExtractor(attrs: list[str], names_path: str | None, hide: float,
                         word_buckets: bool = False) -> Model[list[Doc], list[Ints2d]]:
    attr_ids = [intify_attr(a) for a in attrs]
    rng = numpy.random.default_rng(0)

    def forward(model: Model, docs: list[Doc], is_train: bool) -> tuple[list[Ints2d], Callable]:
        matcher = load_matcher(names_path)
        out = []
        for doc in docs:
            lexical = doc.to_array(attr_ids).astype("uint64").reshape((len(doc), len(attr_ids)))
            words = [t.text for t in doc]
            codes = numpy.asarray(matcher.codes(words), dtype="uint64").reshape(
                (len(LABELS), len(doc)))
            if is_train and hide > 0:
                for row in codes:
                    _hide_matches(row, hide, rng)
            columns = [lexical, codes.T]
            if word_buckets:
                columns.append(numpy.asarray(matcher.word_buckets(words), dtype="uint64").reshape(
                    (len(LABELS), len(doc))).T)
            out.append(model.ops.asarray2i(numpy.hstack(columns), dtype="uint64"))
        return out, lambda d_features: []

    return Model("name_feature_extractor", forward, attrs={"attrs": attr_ids})


@registry.architectures("peristiwa.NameHashEmbed.v1")
def NameHashEmbed(width: int, attrs: list[str], rows: list[int], name_width: int = 16,
                  hide_names: float = 0.2, names_path: str | None = None,
                  word_buckets: bool = False) -> Model[list[Doc], list[Floats2d]]:
    """MultiHashEmbed with static vectors (always on) and one small table per name-list label (two
    with `word_buckets`: the word's position in a matched name, and how many names hold the word)."""
    if len(rows) != len(attrs):
        raise ValueError(f"Mismatched lengths: {len(rows)} vs {len(attrs)}")
    # spaCy's seeds for the lexical tables, so the hashing matches MultiHashEmbed's
    lexical = [HashEmbed(width, rows[i], column=i, seed=8 + i, dropout=0.0) for i in range(len(attrs))]
    n_name_columns = len(LABELS) * (2 if word_buckets else 1)
    names = [HashEmbed(name_width, NAME_CODES * 8, column=len(attrs) + k, seed=100 + k, dropout=0.0)
             for k in range(n_name_columns)]
    concat_size = width * (len(lexical) + 1) + name_width * len(names)
    features = chain(
        NameFeatureExtractor(attrs, names_path, hide_names, word_buckets),
        list2ragged(),
        with_array(concatenate(*lexical, *names)),
    )
    return chain(
        concatenate(features, StaticVectors(width, dropout=0.0)),
        with_array(Maxout(width, concat_size, nP=3, dropout=0.0, normalize=True)),
        ragged2list(),
    )
