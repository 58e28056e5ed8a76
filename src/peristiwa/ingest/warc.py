"""WARC files (.warc, .warc.gz) -> Document, one per archived HTML page (response or resource record).

A file that is not a WARC, or whose gzip stream breaks off, yields an error Document naming the file
and the offset where reading stopped; the pages read before that point are kept.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from peristiwa.ingest.files import MAX_DOCUMENT_BYTES, doc_id_of
from peristiwa.schema import Document

WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_TEXT_TYPES = ("text/plain",)


def is_warc(path: Path) -> bool:
    return path.name.lower().endswith(WARC_SUFFIXES)


def iter_warc(path: Path) -> Iterator[Document]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    path = Path(path)
    try:
        fh = open(path, "rb")  # noqa: SIM115 - closed below
    except OSError as exc:
        yield _error(path, f"cannot read: {exc.strerror or exc}")
        return
    with fh:
        records = ArchiveIterator(fh)
        offset = 0
        count = 0
        try:
            for record in records:
                offset = records.get_record_offset()
                doc = _document(path, record, offset)
                if doc is not None:
                    count += 1
                    yield doc
        except ArchiveLoadFailed as exc:
            yield _error(path, f"not a valid WARC file at byte {offset} ({_short(exc)})")
        except (OSError, EOFError, ValueError) as exc:  # zlib.error is an Exception subclass, see below
            yield _error(path, f"corrupt or truncated archive after byte {offset} ({_short(exc)})")
        except Exception as exc:  # zlib.error, struct errors from damaged headers
            yield _error(path, f"corrupt archive after byte {offset} ({type(exc).__name__}: {_short(exc)})")


def _document(path: Path, record, offset: int) -> Document | None:
    if record.rec_type not in ("response", "resource"):
        return None
    if record.rec_type == "response":
        if record.http_headers is None:
            return None
        status = record.http_headers.get_statuscode()
        if status and not status.startswith("2"):
            return None
        ctype = (record.http_headers.get_header("Content-Type") or "").lower()
    else:
        ctype = (record.rec_headers.get_header("Content-Type") or "").lower()
    if not ctype.startswith(_HTML_TYPES + _TEXT_TYPES):
        return None
    url = record.rec_headers.get_header("WARC-Target-URI")
    source = f"{path}#{offset}"
    raw = record.content_stream().read(MAX_DOCUMENT_BYTES + 1)
    if len(raw) > MAX_DOCUMENT_BYTES:
        return Document(doc_id=doc_id_of(raw[:4096]), source=source, url=url,
                        error=f"{source}: record too large (over {MAX_DOCUMENT_BYTES:,} bytes)")
    if not raw.strip():
        return None
    rid = record.rec_headers.get_header("WARC-Record-ID") or doc_id_of(raw)
    kind = "html" if ctype.startswith(_HTML_TYPES) else "text"
    return Document(doc_id=rid.strip("<>"), source=source, raw=raw, kind=kind, url=url)


def _error(path: Path, problem: str) -> Document:
    return Document(doc_id=doc_id_of(str(path).encode()), source=str(path), error=f"{path}: {problem}")


def _short(exc: BaseException) -> str:
    return str(exc).strip().splitlines()[0][:200] if str(exc).strip() else type(exc).__name__
