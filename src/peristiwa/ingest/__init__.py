"""Readers: files, folders, JSON Lines (and later WARC, feeds) -> Document."""

from peristiwa.ingest.files import (
    MAX_DOCUMENT_BYTES,
    DecodeError,
    decode_bytes,
    doc_id_of,
    iter_documents,
    iter_jsonl_records,
    read_file,
)

__all__ = ["MAX_DOCUMENT_BYTES", "DecodeError", "decode_bytes", "doc_id_of", "iter_documents",
           "iter_jsonl_records", "read_file"]
