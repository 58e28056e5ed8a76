"""RSS/Atom feeds (files or URLs) -> Document, one per entry.

An entry's full content (content:encoded, Atom content) or else its summary is the document, with the
entry's title, link and publication date. Linked pages are not fetched: feeds are read as given, and a
URL is fetched (with httpx) only because the user named it. A feed that cannot be parsed, or a URL that
cannot be fetched, yields an error Document naming it.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

from peristiwa.ingest.files import MAX_DOCUMENT_BYTES, doc_id_of
from peristiwa.schema import Document

FEED_SUFFIXES = (".rss", ".atom", ".xml", ".rdf")
TIMEOUT_S = 30.0


def is_feed(path: Path) -> bool:
    return path.name.lower().endswith(FEED_SUFFIXES)


def is_url(source: str) -> bool:
    return source.startswith(("http://", "https://"))


def fetch(url: str) -> bytes:
    import httpx

    with httpx.Client(follow_redirects=True, timeout=TIMEOUT_S,
                      headers={"User-Agent": "peristiwa (feed reader)"}) as client:
        resp = client.get(url)
        resp.raise_for_status()
        if len(resp.content) > MAX_DOCUMENT_BYTES:
            raise ValueError(f"feed larger than {MAX_DOCUMENT_BYTES:,} bytes")
        return resp.content


def iter_feed(source: str | Path) -> Iterator[Document]:
    name = str(source)
    try:
        data = fetch(name) if is_url(name) else Path(source).read_bytes()
    except OSError as exc:
        yield _error(name, f"cannot read: {getattr(exc, 'strerror', None) or exc}")
        return
    except Exception as exc:  # httpx errors, HTTP status, size
        yield _error(name, f"cannot fetch: {type(exc).__name__}: {exc}")
        return
    yield from parse_feed(data, name)


def parse_feed(data: bytes, name: str) -> Iterator[Document]:
    import feedparser

    parsed = feedparser.parse(data)
    entries = parsed.get("entries") or []
    problem = parsed.get("bozo_exception") if parsed.get("bozo") else None
    if problem is not None and isinstance(problem, feedparser.CharacterEncodingOverride):
        problem = None  # declared and real encodings differ; the text was still read
    if not entries:
        why = f"not a readable RSS/Atom feed ({problem})" if problem else "feed has no entries"
        yield _error(name, why)
        return
    if problem is not None:  # the entries read before the break still count
        yield _error(name, f"malformed feed ({problem}); {len(entries)} entr(y/ies) read before the error")
    for n, entry in enumerate(entries, 1):
        source = f"{name}#{n}"
        body, kind = _body(entry)
        if not body.strip():
            yield _error(source, "entry has no content or summary")
            continue
        link = entry.get("link")
        raw = body.encode("utf-8")
        yield Document(doc_id=str(entry.get("id") or link or doc_id_of(raw)), source=source,
                       raw=raw, text=body, kind=kind, title=entry.get("title"), url=link,
                       published=_published(entry))


def _body(entry) -> tuple[str, str]:
    contents = entry.get("content") or []
    for c in contents:
        if c.get("value", "").strip():
            return c["value"], "html" if "html" in (c.get("type") or "html") else "text"
    summary = entry.get("summary") or ""
    detail = entry.get("summary_detail") or {}
    return summary, "html" if "html" in (detail.get("type") or "html") else "text"


def _published(entry) -> str | None:
    for key in ("published_parsed", "updated_parsed"):
        value = entry.get(key)
        if value:
            return time.strftime("%Y-%m-%d", value)
    return None


def _error(name: str, problem: str) -> Document:
    return Document(doc_id=doc_id_of(name.encode()), source=name, error=f"{name}: {problem}")
