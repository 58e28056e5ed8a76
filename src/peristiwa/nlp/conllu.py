"""CoNLL-U in and out: read treebank sentences into spaCy Docs, write analysed Docs back.

Multiword tokens (e.g. "membelinya" = "membeli" + "nya") are read as their syntactic words, because
UD scores heads and labels on words; the surface range line is only used to restore spacing.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.vocab import Vocab


class ConlluError(ValueError):
    """A malformed CoNLL-U line; the message names the file and line."""


@dataclass
class Sentence:
    words: list[str] = field(default_factory=list)
    lemmas: list[str] = field(default_factory=list)
    upos: list[str] = field(default_factory=list)
    heads: list[int] = field(default_factory=list)  # 0 = root, else 1-based word index
    deprels: list[str] = field(default_factory=list)
    spaces: list[bool] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.words)


def read_conllu(path: Path | str) -> list[Sentence]:
    """Sentences of a CoNLL-U file (surface tokens split into syntactic words)."""
    with open(path, encoding="utf-8") as fh:
        return list(parse_conllu(fh, name=str(path)))


def parse_conllu(lines: Iterable[str], name: str = "<conllu>") -> Iterator[Sentence]:
    sent = Sentence()
    mwt_end = 0  # last word id covered by the current multiword token
    mwt_space = True
    for lineno, raw in enumerate(lines, 1):
        line = raw.rstrip("\n").rstrip("\r")
        if not line.strip():
            if sent.words:
                yield sent
            sent, mwt_end = Sentence(), 0
            continue
        if line.startswith("#"):
            sent.comments.append(line)
            continue
        cols = line.split("\t")
        if len(cols) != 10:
            raise ConlluError(f"{name}:{lineno}: expected 10 tab-separated columns, got {len(cols)}")
        wid = cols[0]
        if "." in wid:  # empty nodes of enhanced UD: not part of the basic tree
            continue
        if "-" in wid:
            mwt_end = int(wid.split("-")[1])
            mwt_space = "SpaceAfter=No" not in cols[9]
            continue
        try:
            idx, head = int(wid), int(cols[6]) if cols[6] != "_" else 0
        except ValueError as exc:
            raise ConlluError(f"{name}:{lineno}: bad word id or head: {exc}") from exc
        if idx != len(sent.words) + 1:
            raise ConlluError(f"{name}:{lineno}: word id {idx} out of sequence")
        sent.words.append(cols[1])
        sent.lemmas.append(cols[2])
        sent.upos.append(cols[3])
        sent.heads.append(head)
        sent.deprels.append(cols[7])
        if idx < mwt_end:
            sent.spaces.append(False)
        elif idx == mwt_end:
            sent.spaces.append(mwt_space)
        else:
            sent.spaces.append("SpaceAfter=No" not in cols[9])
    if sent.words:
        yield sent


def sentence_to_doc(vocab: Vocab, sent: Sentence, *, annotate: bool = True) -> Doc:
    """A Doc with the sentence's words; with `annotate`, gold UPOS, lemma, heads and labels."""
    from spacy.tokens import Doc

    if not annotate:
        return Doc(vocab, words=sent.words, spaces=sent.spaces)
    n = len(sent)
    heads = [h - 1 if h > 0 else i for i, h in enumerate(sent.heads)]
    if any(not 0 <= h < n for h in heads):
        heads, deps = None, None
    else:
        deps = ["ROOT" if d == "root" else d for d in sent.deprels]
    has_lemmas = all(lem != "_" for lem in sent.lemmas)
    has_pos = all(p != "_" for p in sent.upos)
    return Doc(vocab, words=sent.words, spaces=sent.spaces,
               pos=sent.upos if has_pos else None,
               lemmas=sent.lemmas if has_lemmas else None,
               heads=heads, deps=deps, sent_starts=[True] + [False] * (n - 1))


def doc_to_conllu(doc: Doc, sent_id_prefix: str = "s") -> str:
    """CoNLL-U for an analysed Doc: one block per sentence, with FORM as tokenised."""
    out: list[str] = []
    k = 0
    for sent in doc.sents:
        if all(t.is_space for t in sent):  # a trailing newline is no sentence: CoNLL-U has no empty ones
            continue
        k += 1
        out.append(f"# sent_id = {sent_id_prefix}{k}")
        out.append("# text = " + " ".join(sent.text.split()))
        # whitespace tokens (paragraph breaks) are not words: number the others 1..n
        ids = {tok.i: n for n, tok in enumerate((t for t in sent if not t.is_space), 1)}
        for tok in sent:
            if tok.i in ids:
                out.append(_token_line(tok, ids))
        out.append("")
    return "\n".join(out) + ("\n" if out else "")


def _token_line(tok, ids: dict[int, int]) -> str:
    head = 0 if tok.head.i == tok.i else ids.get(tok.head.i, 0)
    dep = "root" if head == 0 else (tok.dep_ or "dep")
    # the named entity in BIO form beside SpaceAfter, as NER-annotated CoNLL-U files write it
    misc = "|".join(([f"NER={tok.ent_iob_}-{tok.ent_type_}"] if tok.ent_type_ else []) +
                    ([] if tok.whitespace_ else ["SpaceAfter=No"])) or "_"
    form = tok.text.replace("\t", " ")
    return "\t".join([str(ids[tok.i]), form, tok.lemma_ or "_", tok.pos_ or "X", "_", "_",
                      str(head), dep, "_", misc])
