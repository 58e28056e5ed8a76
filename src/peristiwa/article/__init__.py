"""Document -> Article: boilerplate, dateline, byline, captions, dates."""

from peristiwa.article.build import build_article

__all__ = ["build_article"]
