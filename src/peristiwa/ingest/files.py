"""Plain files and folders -> Document. (Skeleton: the article-stage issue completes it.)"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from peristiwa.schema import Document


def _doc_id(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:16]


def iter_documents(paths: Iterable[Path]) -> Iterator[Document]:
    for path in paths:
        path = Path(path)
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for f in files:
            try:
                raw = f.read_bytes()
            except OSError as exc:
                yield Document(doc_id=str(f), source=str(f), error=f"{f}: cannot read: {exc.strerror}")
                continue
            if f.suffix.lower() == ".jsonl":
                yield from iter_jsonl_records(f)
                continue
            kind = "html" if f.suffix.lower() in {".html", ".htm"} else "text"
            yield Document(doc_id=_doc_id(raw), source=str(f), raw=raw, kind=kind)


def iter_jsonl_records(path: Path) -> Iterator[Document]:
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            rec = json.loads(line)
            yield Document(doc_id=str(rec["id"]), source=f"{path}:{n}", kind="clean", text=rec["text"],
                           title=rec.get("title"), published=rec.get("published"), url=rec.get("url"),
                           lang=rec.get("lang"))
