"""Skeleton article builder; the article-stage issue replaces it with the real rules."""

from __future__ import annotations

from peristiwa.schema import Article, Document


def build_article(doc: Document) -> Article:
    text = doc.text if doc.text is not None else (doc.raw or b"").decode("utf-8", "replace")
    paras = [p.strip() for p in text.split("\n") if p.strip()]
    return Article(title=doc.title or (paras[0] if paras else None), published=doc.published,
                   text="\n\n".join(paras))
