"""The flow in one place: Document -> Article -> analysed text -> events -> Result.

Each stage is a pure function of the previous stage's output plus its resources; models load once per
Pipeline, and documents go through the statistical model in batches (`nlp.pipe`).
A failure in one document becomes that document's `error` and never stops the batch.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator

from peristiwa.article import build_article
from peristiwa.nlp.langid import detect_language
from peristiwa.schema import Article, Document, Result


class Pipeline:
    """Loads resources once; `run` streams Results in input order."""

    def __init__(self, *, lang: str | None = None, published: str | None = None,
                 batch_size: int = 32, analyse: bool = True) -> None:
        self.lang = lang
        self.published = published
        self.batch_size = batch_size
        self.analyse = analyse

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
        """NLP and event coding; filled per language by peristiwa.nlp and peristiwa.events."""
        return None


def _lang_sample(article: Article) -> str:
    return " ".join(filter(None, [article.title, article.text[:2000]]))


def extract(documents: Iterable[Document], **options) -> Iterator[Result]:
    """Convenience: run a fresh Pipeline over documents."""
    return Pipeline(**options).run(documents)
