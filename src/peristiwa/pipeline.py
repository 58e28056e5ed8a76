"""The flow in one place: Document -> Article -> analysed text -> events -> Result.

Each stage is a pure function of the previous stage's output plus its resources; models load once per
Pipeline, and documents go through the statistical model in batches (`nlp.pipe`).
A failure in one document becomes that document's `error` and never stops the batch.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import TYPE_CHECKING

from peristiwa.article import build_article
from peristiwa.events import load_coder
from peristiwa.nlp import entities_of, load_model
from peristiwa.nlp.langid import analysis_language, detect_language
from peristiwa.offsets import CharMap, map_back
from peristiwa.schema import Article, Document, Result

if TYPE_CHECKING:
    from spacy.language import Language

    from peristiwa.events import Coder


# Documents per batch of the statistical model: its arrays for 16 news articles of ~500 words stay in the
# CPU caches; with 32 the same fresh text ran 10-15 % slower (one core, Indonesian and English, make bench).
NLP_BATCH = 16


class Pipeline:
    """Loads resources once; `run` streams Results in input order."""

    def __init__(self, *, lang: str | None = None, published: str | None = None,
                 batch_size: int = 32, analyse: bool = True) -> None:
        self.lang = lang
        self.published = published
        self.batch_size = batch_size
        self.analyse = analyse
        self._models: dict[str | None, Language | None] = {}
        self._coders: dict[str | None, Coder | None] = {}

    def run(self, documents: Iterable[Document]) -> Iterator[Result]:
        it = iter(documents)
        while batch := list(itertools.islice(it, self.batch_size)):
            yield from self._run_batch(batch)

    def _run_batch(self, batch: list[Document]) -> list[Result]:
        results: list[Result] = []
        for doc in batch:
            results.append(self._article_stage(doc))
        if self.analyse:
            self._analysis_stage([r for r in results if r.error is None])
        return results

    def _article_stage(self, doc: Document) -> Result:
        result = Result(doc_id=doc.doc_id, source=doc.source)
        if doc.error:
            result.error = doc.error
            return result
        try:
            article = build_article(doc)
            if self.published:
                article.published = self.published
            result.article = article
            result.language = self.lang or doc.lang or detect_language(_lang_sample(article))
        except Exception as exc:  # one bad document must not stop the batch
            result.error = f"{doc.source}: article stage failed: {type(exc).__name__}: {exc}"
            result.article = None
        return result

    def _analysis_stage(self, results: list[Result]) -> None:
        """Statistical pipeline in batches per language, then event coding per document."""
        by_lang: dict[str | None, list[Result]] = defaultdict(list)
        for r in results:
            by_lang[analysis_language(r.language)].append(r)
        for lang, group in by_lang.items():
            nlp = self._model(lang)
            if nlp is None:  # no model for this language: article only, said in the README
                continue
            coder = self._coder(lang, nlp)
            # a clean record's text stays as given; the analysis reads its story (no dateline, spaces normalised)
            stories = [r.article.story or r.article.text for r in group]
            readings = [_reading(story) if lang == "id" else None for story in stories]
            texts = (story if rd is None else rd.text for story, rd in zip(stories, readings, strict=True))
            docs = nlp.pipe(texts, batch_size=min(self.batch_size, NLP_BATCH))
            for r, story, rd, doc in zip(group, stories, readings, docs, strict=True):
                try:
                    # event ids are built from the document's id, so identical texts under two ids differ
                    doc.user_data["doc_id"] = r.doc_id
                    article = replace(r.article, text=story if rd is None else rd.text)
                    r.entities = entities_of(doc)
                    if coder is not None:
                        r.quotes, r.events = coder.code(doc, article)
                    # one call for all three lists: a record in two of them (a speaker) is moved once
                    if rd is not None:  # a headline was read in sentence case: offsets back onto it
                        r.entities, r.quotes, r.events = map_back([r.entities, r.quotes, r.events], rd)
                    if r.article.story:  # offsets from the story onto the text as given
                        onto = CharMap(r.article.text, r.article.story, r.article.story_index)
                        r.entities, r.quotes, r.events = map_back([r.entities, r.quotes, r.events], onto)
                    r.entities = [replace(e) for e in r.article.dateline_names] + r.entities
                except Exception as exc:  # the rest of the batch goes on
                    r.error = f"{r.source}: analysis failed: {type(exc).__name__}: {exc}"
                    r.entities, r.quotes, r.events = [], [], []

    def _model(self, lang: str | None) -> Language | None:
        if lang not in self._models:
            if lang == "en":
                # the installed English pipeline with its NER gated to the coder's sentences, or a blank
                # tokenizer's output when none is installed
                from peristiwa.events_en import english_nlp

                self._models[lang] = english_nlp()
            else:
                self._models[lang] = load_model(lang) if lang else None
        return self._models[lang]

    def _coder(self, lang: str | None, nlp: Language) -> Coder | None:
        if lang not in self._coders:
            self._coders[lang] = load_coder(lang, nlp) if lang else None
        return self._coders[lang]


def _reading(text: str):
    from peristiwa.headlines import headline_reader

    return headline_reader().read(text)


def _lang_sample(article: Article) -> str:
    return " ".join(filter(None, [article.title, article.text[:2000]]))


def extract(documents: Iterable[Document], **options) -> Iterator[Result]:
    """Convenience: run a fresh Pipeline over documents."""
    return Pipeline(**options).run(documents)
