"""WARC files (.warc, .warc.gz) -> Document, one per archived HTML page (response or resource record).

A file that is not a WARC, or whose gzip stream breaks off, yields an error Document naming the file
and the record where reading stopped; the pages read before that point are kept.
"""

from __future__ import annotations

import gzip
import zlib
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
        problem = _not_warc(fh)
        if problem:
            yield _error(path, problem)
            return
        fh.seek(0)
        records = ArchiveIterator(fh)
        n = 0  # record number: the document's place in the archive (its source is path#n)
        try:
            for n, record in enumerate(records, 1):  # noqa: B007 - n is reported after the loop
                doc = _document(path, record, n)
                if doc is not None:
                    yield doc
        except ArchiveLoadFailed as exc:
            yield _error(path, f"not a valid WARC file (record {n + 1}: {_short(exc)})")
        except Exception as exc:  # zlib.error, EOFError, struct errors from a damaged or cut-off stream
            yield _error(path, f"corrupt or truncated archive after record {n} "
                               f"({type(exc).__name__}: {_short(exc)})")
            return
    # warcio stops quietly where a gzip stream breaks off; a full decompression says whether it did
    problem = _gzip_problem(path)
    if problem:
        yield _error(path, f"{problem} after record {n}; the records before it were read")


def _not_warc(fh) -> str | None:
    head = fh.read(2)
    fh.seek(0)
    try:
        if head == b"\x1f\x8b":
            with gzip.GzipFile(fileobj=fh) as gz:
                start = gz.read(8)
        else:
            start = fh.read(8)
    except (OSError, EOFError, zlib.error) as exc:
        return f"not a readable gzip file ({_short(exc)})"
    if not start.strip():
        return "empty archive"
    # ARC files start with a URL or filedesc line
    if not start.startswith((b"WARC/", b"http:", b"https:", b"filedesc:")):
        return f"not a valid WARC file (starts with {start[:8]!r})"
    return None


def _gzip_problem(path: Path) -> str | None:
    with open(path, "rb") as fh:
        if fh.read(2) != b"\x1f\x8b":
            return None
        fh.seek(0)
        try:
            with gzip.GzipFile(fileobj=fh) as gz:
                while gz.read(1 << 20):
                    pass
        except (OSError, EOFError, zlib.error) as exc:
            return f"corrupt or truncated gzip stream ({_short(exc)})"
    return None


def _document(path: Path, record, n: int) -> Document | None:
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
    source = f"{path}#{n}"
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
