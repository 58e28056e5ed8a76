"""Plain files, folders and JSON Lines -> Document.

Never crashes on bytes: a file that is empty, binary, undecodable, too big or unreadable becomes a
Document with `error` naming the file and the problem, and the batch goes on. Text is decoded here
(charset-normalizer, after the BOM and the page's own <meta charset>), so later stages see `str`.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from charset_normalizer import from_bytes

from peristiwa.schema import Document

MAX_DOCUMENT_BYTES = int(os.environ.get("PERISTIWA_MAX_DOCUMENT_BYTES", 16 * 2**20))
TEXT_SUFFIXES = {".txt", ".text", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)""", re.I)
# a page piped in without a file name: HTML when its first tag says so (after a BOM and whitespace)
_HTML_START = re.compile(rb"^(?:\xef\xbb\xbf)?\s*<(?:!doctype\s+html|html|head|body|!--)", re.I)
STDIN = "-"
_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))
# Control bytes that never occur in text (NUL aside from UTF-16, which the BOM check catches).
_BINARY = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")


class DecodeError(ValueError):
    """Bytes that are not text in any charset we can tell."""


def doc_id_of(data: bytes) -> str:
    """Content hash: the same bytes get the same id wherever they are read from."""
    return hashlib.sha256(data).hexdigest()[:16]


def decode_bytes(data: bytes, name: str = "document") -> str:
    """Text of `data`: BOM, then the page's declared charset if it decodes, then charset-normalizer."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    sample = data[:65536]
    if sample and len(_BINARY.findall(sample)) > max(2, len(sample) // 1000):
        raise DecodeError(f"{name}: binary content, not text or HTML")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = _META_CHARSET.search(data[:4096])
    if declared:
        try:
            return data.decode(declared.group(1).decode("ascii"))
        except (LookupError, UnicodeDecodeError):
            pass
    # UTF-8 with a few broken bytes (a truncated character in a scraped page) stays UTF-8: a detector
    # would answer some single-byte charset and garble every accented letter
    lenient = data.decode("utf-8", errors="replace")
    if lenient.count("\ufffd") <= max(1, len(lenient) // 2000):
        return lenient
    best = from_bytes(data).best()
    if best is None:
        raise DecodeError(f"{name}: cannot detect the character set (binary or corrupt)")
    return str(best)


def _kind(path: Path) -> str:
    return "html" if path.suffix.lower() in HTML_SUFFIXES else "text"


def _walk(path: Path) -> Iterator[Path]:
    """Files under a folder in a stable order; hidden files and unknown suffixes are skipped."""
    for root, dirs, files in os.walk(path):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            f = Path(root) / name
            if not name.startswith(".") and f.suffix.lower() in SUFFIXES:
                yield f


def _error(path: Path, problem: str) -> Document:
    return Document(doc_id=doc_id_of(str(path).encode()), source=str(path), error=f"{path}: {problem}")


def read_file(path: Path) -> Document:
    """One .txt/.html file -> Document (with `error` when it cannot be used)."""
    try:
        size = path.stat().st_size
        if size > MAX_DOCUMENT_BYTES:
            return _error(path, f"too large ({size:,} bytes; the limit is {MAX_DOCUMENT_BYTES:,} bytes)")
        raw = path.read_bytes()
    except OSError as exc:
        return _error(path, f"cannot read: {exc.strerror or exc}")
    return _from_bytes(raw, path, _kind(path))


def read_stream(stream: BinaryIO, name: str = STDIN) -> Document:
    """One document from a byte stream (standard input for the path `-`), text or HTML.

    A stream has no file suffix, so HTML is told by its first tag; at most MAX_DOCUMENT_BYTES are read
    (one byte more tells that the limit was passed without holding the whole stream)."""
    path = Path(name)
    try:
        raw = stream.read(MAX_DOCUMENT_BYTES + 1)
    except OSError as exc:
        return _error(path, f"cannot read: {exc.strerror or exc}")
    if len(raw) > MAX_DOCUMENT_BYTES:
        return _error(path, f"too large (over the limit of {MAX_DOCUMENT_BYTES:,} bytes)")
    return _from_bytes(raw, path, "html" if _HTML_START.match(raw[:1024]) else "text")


def _from_bytes(raw: bytes, path: Path, kind: str) -> Document:
    if not raw.strip():
        return _error(path, "empty file")
    try:
        text = decode_bytes(raw, str(path))
    except DecodeError as exc:
        return Document(doc_id=doc_id_of(raw), source=str(path), error=str(exc))
    if not text.strip():
        return Document(doc_id=doc_id_of(raw), source=str(path), error=f"{path}: no text in file")
    return Document(doc_id=doc_id_of(raw), source=str(path), raw=raw, kind=kind, text=text)


def iter_documents(paths: Iterable[Path]) -> Iterator[Document]:
    """Documents from files and folders (.txt, .html/.htm, .jsonl) and `-` (standard input), in the
    order given."""
    for path in paths:
        if str(path) == STDIN:  # the Unix convention: `-` is standard input
            yield read_stream(sys.stdin.buffer)
            continue
        path = Path(path)
        if path.is_dir():
            files: Iterable[Path] = _walk(path)
        elif path.exists():
            files = [path]
        else:
            yield _error(path, "no such file or folder")
            continue
        for f in files:
            if f.suffix.lower() in JSONL_SUFFIXES:
                yield from iter_jsonl_records(f)
            else:
                yield read_file(f)


def iter_jsonl_records(path: Path) -> Iterator[Document]:
    """Clean-article records {"id", "text", "title"?, "published"?, "url"?, "lang"?}, one per line.

    A malformed line becomes an error Document named file:line; the other lines go on.
    """
    path = Path(path)
    try:
        fh = open(path, "rb")  # noqa: SIM115 - closed below; bytes so that bad UTF-8 is per line
    except OSError as exc:
        yield _error(path, f"cannot read: {exc.strerror or exc}")
        return
    with fh:
        for n, raw_line in enumerate(fh, 1):
            source = f"{path}:{n}"
            if not raw_line.strip():
                continue
            if len(raw_line) > MAX_DOCUMENT_BYTES:
                yield _record_error(source, raw_line, "record too large")
                continue
            try:
                rec = json.loads(raw_line.decode("utf-8"))
            except UnicodeDecodeError:
                yield _record_error(source, raw_line, "not UTF-8")
                continue
            except json.JSONDecodeError as exc:
                yield _record_error(source, raw_line, f"not JSON ({exc.msg} at column {exc.colno})")
                continue
            problem = _record_problem(rec)
            if problem:
                yield _record_error(source, raw_line, problem)
                continue
            yield Document(doc_id=str(rec.get("id") or doc_id_of(raw_line)), source=source, kind="clean",
                           text=rec["text"], title=rec.get("title"), published=rec.get("published"),
                           url=rec.get("url"), lang=rec.get("lang"))


def _record_error(source: str, raw_line: bytes, problem: str) -> Document:
    return Document(doc_id=doc_id_of(raw_line), source=source, error=f"{source}: {problem}")


def _record_problem(rec: object) -> str | None:
    if not isinstance(rec, dict):
        return "a record must be a JSON object"
    if not isinstance(rec.get("text"), str) or not rec["text"].strip():
        return 'missing or empty "text"'
    for key in ("id", "title", "published", "url", "lang"):
        if rec.get(key) is not None and not isinstance(rec[key], str | int):
            return f'"{key}" must be a string'
    published = rec.get("published")
    if published is not None:
        from peristiwa.util.dates import validate_iso_date
        try:
            validate_iso_date(str(published))
        except ValueError as exc:
            return f'"published": {exc}'
    return None
