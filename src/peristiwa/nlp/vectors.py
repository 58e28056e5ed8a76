"""Static word vectors for the tok2vec layers, trained on shippable Indonesian text.

The NER and parser training sets are small (a few thousand sentences each); vectors learnt from a
larger body of news give rare words (names of places, offices, organisations) a starting point that
the hashed embeddings alone cannot. Only text whose licence allows shaping shipped weights is used:
IndoSum (CC BY-SA 4.0), the UD training treebanks (CC BY-SA 4.0), NERGrit and NERP train (Apache-2.0).
gensim's FastText is trained once (fixed seed, one worker so the run is repeatable) and its vectors
for words seen at least `min_count` times are stored as a spaCy vectors table whose lower-case,
Title-case and UPPER-case keys share one row, so cased and lower-cased text (NERP is lower-cased) meet
the same vector (spaCy does not save a LOWER key attribute for default-mode tables).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from peristiwa.nlp import corpora


def ship_sentences(shared: Path) -> Iterator[list[str]]:
    """Lower-cased token lists from every shippable corpus."""
    from peristiwa.nlp.conllu import read_conllu

    for path in sorted((shared / corpora.INDOSUM).glob("dev.*.jsonl")):
        for line in path.open(encoding="utf-8"):
            for para in json.loads(line).get("paragraphs", []):
                for sent in para:
                    yield [w.lower() for w in sent]
    for rel in (corpora.GSD_LEGACY, corpora.CSUI_TRAIN):
        for s in read_conllu(shared / rel):
            yield [w.lower() for w in s.words]
    # GSD dev minus the held-out part: the held-out sentences choose settings and stay unseen
    for s in read_conllu(shared / corpora.GSD_DEV)[: -corpora.GSD_DEV_HOLDOUT]:
        yield [w.lower() for w in s.words]
    for rel in (corpora.NERGRIT, corpora.NERP):
        for words, _ in corpora.read_bio(shared / rel.format(split="train")):
            yield [w.lower() for w in words]


def train_vectors(shared: Path, dest: Path, *, dim: int = 100, min_count: int = 3, epochs: int = 10,
                  seed: int = 0) -> dict[str, int]:
    """Train FastText on the shippable text and save a spaCy pipeline holding only the vectors."""
    import numpy
    import spacy
    from gensim.models import FastText
    from spacy.vectors import Vectors

    sentences = list(ship_sentences(shared))
    model = FastText(vector_size=dim, window=5, min_count=min_count, sg=1, epochs=epochs, seed=seed,
                     workers=1, min_n=3, max_n=5)
    model.build_vocab(corpus_iterable=sentences)
    model.train(corpus_iterable=sentences, total_examples=len(sentences), epochs=epochs)
    words = list(model.wv.index_to_key)
    data = numpy.asarray(model.wv.vectors[: len(words)], dtype="float32")
    nlp = spacy.blank("id")
    vectors = Vectors(strings=nlp.vocab.strings, data=data, keys=words)
    for row, word in enumerate(words):
        for form in {word.title(), word.upper()} - {word}:
            vectors.add(nlp.vocab.strings.add(form), row=row)
    nlp.vocab.vectors = vectors
    dest.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(dest)
    stats = {"sentences": len(sentences), "tokens": sum(len(s) for s in sentences), "words": len(words),
             "dim": dim}
    (dest / "vectors_stats.json").write_text(json.dumps(stats))
    return stats
