"""Deterministic keys: the same content gives the same id in every process, run and database."""

from __future__ import annotations

import hashlib
import json

from peristiwa.schema import Actor, Document

_MASK60 = (1 << 60) - 1  # positive in a signed 64-bit column (PostgreSQL BIGINT, SQLite INTEGER)


def content_hash(doc: Document) -> str:
    """Key of a document: the bytes read, or the given clean text with its metadata."""
    if doc.raw is not None:
        data = doc.raw
    elif doc.text is not None:
        data = json.dumps([doc.text, doc.title, doc.published, doc.url, doc.lang],
                          ensure_ascii=False).encode("utf-8")
    else:  # unreadable input: keyed by where it came from, so its failure is recorded once
        data = f"unreadable:{doc.source}".encode()
    return hashlib.sha256(data).hexdigest()[:32]


def int60(text: str) -> int:
    return int.from_bytes(hashlib.sha256(text.encode("utf-8")).digest()[:8], "big") & _MASK60


def actor_key(actor: Actor) -> str:
    """Canonical identity: Wikidata id when known, else name|country|sector."""
    if actor.wikidata:
        return actor.wikidata
    return f"{actor.name.strip()}|{actor.country or ''}|{actor.sector or ''}"


def actor_id(key: str) -> int:
    return int60("actor:" + key)


def event_id(first_mention_id: str) -> int:
    return int60("event:" + first_mention_id)


def failure_id(source: str, stage: str) -> str:
    return hashlib.sha256(f"{stage}\0{source}".encode()).hexdigest()[:32]
