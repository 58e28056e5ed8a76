"""Readers: files, folders, JSON Lines (and later WARC, feeds) -> Document."""

from peristiwa.ingest.files import iter_documents, iter_jsonl_records

__all__ = ["iter_documents", "iter_jsonl_records"]
