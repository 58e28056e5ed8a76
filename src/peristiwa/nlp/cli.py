"""`peristiwa nlp`: the Indonesian (or English) pipeline from the command line, CoNLL-U out."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from pathlib import Path


def annotate_conllu(path: Path, lang: str = "id") -> Iterator[str]:
    """CoNLL-U blocks for a CoNLL-U file: its words and sentences kept, everything else predicted."""
    from spacy.tokens import Doc

    from peristiwa.nlp import load_model
    from peristiwa.nlp.conllu import read_conllu

    sents = read_conllu(path)  # a malformed file fails before the model is loaded
    nlp = _model(load_model, lang)
    docs = (Doc(nlp.vocab, words=s.words, spaces=s.spaces, sent_starts=[True] + [False] * (len(s) - 1))
            for s in sents)
    # the sentence is given: no component may split it, so only the statistical parts run
    with nlp.select_pipes(disable=[p for p in ("paragraph_sentences",) if p in nlp.pipe_names]):
        for k, (s, doc) in enumerate(zip(sents, nlp.pipe(docs, batch_size=64), strict=True), 1):
            yield _block(s.comments, doc, k)


def _block(comments: list[str], doc, k: int) -> str:
    from peristiwa.nlp.conllu import _token_line

    lines = comments or [f"# sent_id = {k}"]
    ids = {t.i: t.i + 1 for t in doc}
    root = next((t.i for t in doc if t.head.i == t.i), 0)
    for tok in doc:
        line = _token_line(tok, ids)
        if tok.head.i == tok.i and tok.i != root:  # parser split the sentence: keep one tree
            cols = line.split("\t")
            cols[6], cols[7] = str(root + 1), "parataxis"
            line = "\t".join(cols)
        lines.append(line)
    return "\n".join(lines) + "\n\n"


def annotate_text(path: Path, lang: str = "id") -> Iterator[str]:
    from peristiwa.nlp import load_model
    from peristiwa.nlp.conllu import doc_to_conllu

    nlp = _model(load_model, lang)
    yield doc_to_conllu(nlp(path.read_text(encoding="utf-8")))


def _model(load_model, lang: str = "id"):
    nlp = load_model(lang)
    if nlp is None and lang == "en":
        from peristiwa.nlp import PACKAGES

        raise ValueError(f"the English pipeline {PACKAGES['en']!r} is not installed: run `make install`")
    if nlp is None:
        raise ValueError("no Indonesian model is installed (src/peristiwa/data/models/id_core): run `make train`")
    return nlp


def run_nlp(conllu_path: Path | None, text_file: Path | None, output: Path | None, lang: str = "id") -> None:
    blocks = annotate_conllu(conllu_path, lang) if conllu_path else annotate_text(text_file, lang)
    with contextlib.ExitStack() as stack:
        out = stack.enter_context(open(output, "w", encoding="utf-8")) if output else sys.stdout
        for block in blocks:
            out.write(block)
