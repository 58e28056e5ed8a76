"""The English NER, run only on the sentences an event, an attribution or a quote may be read from.

en_core_web_sm's NER has a tok2vec of its own (it does not listen to the shared one), so running it on a
sentence alone gives the entities it gives that sentence inside the document, at a fraction of the cost on
news where most sentences code nothing: the NER was about 60 % of the English pipeline's time. A sentence
is read when it holds a word the coder can start from (a verb of the CAMEO dictionary or a frame, a verb of
saying, an event noun) or a quotation mark; when those hold more than 60 % of the words, the NER runs on
the whole Doc (one run over it is cheaper than one per sentence). Entities of the other sentences are not looked for: the English
`entities` of a document are those of its event, attribution and quote sentences (docs/events-en.md).

`gate_ner(nlp)` installs it in a loaded English pipeline (peristiwa.events_en.english_nlp does, once); the
environment variable PERISTIWA_EN_NER=all keeps the NER on every sentence.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc, Span

_QUOTES = {'"', "“", "”", "''", "``"}


class GatedNER:
    """Runs `ner` on the sentences of a Doc that hold an event cue; sets doc.ents from their entities."""

    def __init__(self, ner, verbs: set[str], nouns: set[str]) -> None:
        self.ner = ner
        self.verbs = verbs  # lemmas and surface forms of event verbs, frame verbs and verbs of saying
        self.nouns = nouns  # first words of event nouns

    def wanted(self, sent: Span) -> bool:
        for t in sent:
            if t.text in _QUOTES:
                return True
            if t.pos_ == "VERB" and (t.lemma_.lower() in self.verbs or t.lower_ in self.verbs):
                return True
            if t.pos_ in ("NOUN", "PROPN") and t.lower_ in self.nouns:
                return True
        return False

    def __call__(self, doc: Doc) -> Doc:
        return next(self.pipe([doc]))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 32) -> Iterator[Doc]:
        """The NER over a batch at once: whole Docs in one `ner.pipe`, the chosen sentences of the others in
        another (batched, the NER's own encoder runs about 15 % faster than one Doc at a time)."""
        batch: list[Doc] = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= batch_size:
                yield from self._run(batch)
                batch = []
        if batch:
            yield from self._run(batch)

    def _run(self, docs: list[Doc]) -> list[Doc]:
        whole: list[Doc] = []
        parts: list[tuple[Doc, Span]] = []
        for doc in docs:
            chosen = [s for s in doc.sents if self.wanted(s)]
            if sum(len(s) for s in chosen) > 0.6 * len(doc):
                # little to skip: one run over the whole Doc is cheaper than one per sentence
                whole.append(doc)
            else:
                parts += [(doc, s) for s in chosen]
        for _ in self.ner.pipe(whole, batch_size=len(whole) or 1):
            pass
        found: dict[int, list[Span]] = {}
        subs = self.ner.pipe((s.as_doc() for _, s in parts), batch_size=max(len(parts), 1))
        for (doc, sent), sub in zip(parts, subs, strict=True):
            found.setdefault(id(doc), []).extend(
                Span(doc, sent.start + e.start, sent.start + e.end, label=e.label) for e in sub.ents)
        whole_ids = {id(d) for d in whole}
        for doc in docs:
            if id(doc) not in whole_ids:
                doc.set_ents(found.get(id(doc), []), default="outside")
        return docs


def _cue_words() -> tuple[set[str], set[str]]:
    from peristiwa.events_en.lexicon import load_lexicon

    lex = load_lexicon()
    verbs = set(lex.verbs) | lex.cues.say | {v.split()[0] for f in lex.frames for v in f.verbs}
    nouns = {n.split()[0] for n in lex.nouns}
    return verbs, nouns


@Language.factory("peristiwa_en_ner_gate")
def make_gate(nlp: Language, name: str) -> GatedNER:
    verbs, nouns = _cue_words()
    return GatedNER(nlp.get_pipe("ner"), verbs, nouns)


def gate_ner(nlp: Language) -> Language:
    """Replace the running of `ner` in an English pipeline by the gated one (the component stays, disabled:
    its weights are the gate's). No-op without a parser and NER, or when PERISTIWA_EN_NER=all."""
    if os.environ.get("PERISTIWA_EN_NER", "").lower() == "all":
        return nlp
    if "ner" not in nlp.pipe_names or "parser" not in nlp.pipe_names or "peristiwa_en_ner_gate" in nlp.pipe_names:
        return nlp
    nlp.add_pipe("peristiwa_en_ner_gate", after="ner")
    nlp.disable_pipe("ner")
    return nlp
