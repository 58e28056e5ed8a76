"""`peristiwa ingest`: sources -> pipeline -> database, resumable, in 1 process, N processes or on Dask.

The flow:
  1. a first pass over the sources hashes every document (content hash) to count what is new, so the
     progress bar has a total and an ETA; documents already stored, and repeats within the run, are
     skipped in both passes (the first occurrence in input order is the one stored);
  2. the second pass sends chunks of new documents to the pipeline: in this process, in a pool of
     worker processes (each loads the models once; this process is the one writer), or on a Dask
     cluster whose workers run the pipeline and write their chunk to the shared database themselves;
  3. each chunk is written in one transaction (store/writer.py), so killing the run at any moment loses
     at most the chunks in flight, which the next run redoes;
  4. mentions are merged into events (store/merge.py), in one transaction, whenever some are unmerged.
Results do not depend on the mode: keys are content hashes and the merge is order-independent.
"""

from __future__ import annotations

import glob
import os
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from peristiwa.ingest.feeds import is_feed, is_url, iter_feed, parse_feed
from peristiwa.ingest.files import SUFFIXES, doc_id_of, iter_documents
from peristiwa.ingest.warc import is_warc, iter_warc
from peristiwa.schema import Document, Result
from peristiwa.store import ids

CHUNK = 32  # documents per pipeline call and per write transaction


@dataclass
class IngestOptions:
    workers: int = 1
    dask: str | None = None
    chunk: int = CHUNK
    lang: str | None = None
    published: str | None = None
    retry_failed: bool = False
    progress: bool = True


@dataclass
class IngestSummary:
    seen: int = 0  # documents read from the sources
    new: int = 0  # documents sent to the pipeline
    stored: int = 0  # documents stored with status ok
    failed: int = 0  # documents stored as failures
    skipped: int = 0  # already in the database, or repeated within the run
    mentions: int = 0
    events: int = 0  # events in the database after merging
    seconds: float = 0.0
    failures: list[str] = field(default_factory=list)

    @property
    def docs_per_s(self) -> float:
        return (self.stored + self.failed) / self.seconds if self.seconds else 0.0


# ---------------------------------------------------------------------------------------------- sources

def iter_sources(sources: Iterable[str | Path]) -> Iterator[Document]:
    """Documents from files, folders, globs, WARC files and RSS/Atom feeds (files or URLs), in order."""
    for src in sources:
        name = str(src)
        if is_url(name):
            yield from iter_feed(name)
            continue
        path = Path(name)
        if not path.exists() and glob.has_magic(name):
            matches = sorted(glob.glob(name, recursive=True))
            if not matches:
                yield Document(doc_id=doc_id_of(name.encode()), source=name, error=f"{name}: no file matches")
            for m in matches:
                yield from _path(Path(m), explicit=False)
            continue
        yield from _path(path, explicit=True)


def _path(path: Path, *, explicit: bool) -> Iterator[Document]:
    if path.is_dir():
        for root, dirs, files in os.walk(path):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for fname in sorted(files):
                if not fname.startswith("."):
                    yield from _file(Path(root) / fname, explicit=False)
        return
    yield from _file(path, explicit=explicit)


def _file(f: Path, *, explicit: bool) -> Iterator[Document]:
    if is_warc(f):
        yield from iter_warc(f)
    elif is_feed(f):
        yield from iter_feed(f)
    elif explicit or f.suffix.lower() in SUFFIXES:
        yield from iter_documents([f])


class _Sources:
    """The sources, readable twice; feeds given as URLs are fetched once and kept."""

    def __init__(self, sources: Iterable[str | Path]) -> None:
        self.sources = [str(s) for s in sources]
        self._fetched: dict[str, list[Document]] = {}

    def __iter__(self) -> Iterator[Document]:
        for src in self.sources:
            if is_url(src):
                if src not in self._fetched:
                    self._fetched[src] = list(iter_feed(src))
                yield from self._fetched[src]
            else:
                yield from iter_sources([src])


def hashed(docs: Iterable[Document]) -> Iterator[tuple[str, Document]]:
    for doc in docs:
        yield ids.content_hash(doc), doc


# ----------------------------------------------------------------------------------------------- workers

_PIPELINE = None
_ENGINES: dict[str, object] = {}


def _pipeline(lang: str | None, published: str | None):
    """One Pipeline per process (models load once), reused across chunks."""
    global _PIPELINE
    if _PIPELINE is None or (_PIPELINE.lang, _PIPELINE.published) != (lang, published):
        from peristiwa.pipeline import Pipeline

        _PIPELINE = Pipeline(lang=lang, published=published)
    return _PIPELINE


def process_chunk(chunk: list[tuple[str, Document]], lang: str | None = None,
                  published: str | None = None) -> list[tuple[str, Document, Result]]:
    """Run the pipeline over a chunk; the raw bytes are dropped before results travel back."""
    pipe = _pipeline(lang, published)
    results = list(pipe.run([d for _, d in chunk]))
    out = []
    for (h, d), r in zip(chunk, results, strict=True):
        out.append((h, Document(doc_id=d.doc_id, source=d.source, kind=d.kind, url=d.url), r))
    return out


def process_and_write(chunk: list[tuple[str, Document]], url: str, lang: str | None,
                      published: str | None) -> dict:
    """Dask task: pipeline and write in the worker (to the shared database)."""
    from peristiwa.store.db import connect
    from peristiwa.store.writer import Item, write_batch

    engine = _ENGINES.get(url)
    if engine is None:
        engine = _ENGINES[url] = connect(url)
    done = process_chunk(chunk, lang, published)
    stats = write_batch(engine, [Item.of(d, r, h) for h, d, r in done])
    return {"documents": stats.documents, "failed": stats.failed, "skipped": stats.skipped,
            "mentions": stats.mentions, "errors": [r.error for _, _, r in done if r.error]}


def _init_worker() -> None:
    # workers must not inherit a half-used engine or model from a forked parent
    global _PIPELINE
    _PIPELINE = None


# ------------------------------------------------------------------------------------------------ ingest

def ingest(sources: Iterable[str | Path], url: str | None = None, options: IngestOptions | None = None,
           *, on_progress: Callable[[int, int], None] | None = None) -> IngestSummary:
    """Ingest `sources` into the database at `url`; see the module docstring."""
    from peristiwa.store import connect, init_db
    from peristiwa.store.merge import needs_rebuild, rebuild
    from peristiwa.store.writer import stored_hashes

    opts = options or IngestOptions()
    engine = connect(url)
    init_db(engine)
    _check_writable(engine)
    src = _Sources(sources)
    summary = IngestSummary()
    t0 = time.perf_counter()

    # pass 1: what is new (hashes only: the corpus never sits in memory)
    order: list[str] = []
    for h, _ in hashed(src):
        order.append(h)
    summary.seen = len(order)
    unique = list(dict.fromkeys(order))
    stored: set[str] = set()
    for i in range(0, len(unique), 5000):
        stored |= stored_hashes(engine, unique[i:i + 5000], include_failed=not opts.retry_failed)
    todo = {h for h in unique if h not in stored}
    summary.new = len(todo)
    summary.skipped = summary.seen - summary.new

    def new_docs() -> Iterator[tuple[str, Document]]:
        for h, d in hashed(src):
            if h in todo:
                todo.discard(h)  # later repeats within the run are skipped
                yield h, d

    def chunks() -> Iterator[list[tuple[str, Document]]]:
        batch: list[tuple[str, Document]] = []
        for item in new_docs():
            batch.append(item)
            if len(batch) >= opts.chunk:
                yield batch
                batch = []
        if batch:
            yield batch

    with _Progress(summary.new, enabled=opts.progress, callback=on_progress) as bar:
        if opts.dask:
            _run_dask(chunks(), engine, opts, summary, bar)
        elif opts.workers > 1:
            _run_pool(chunks(), engine, opts, summary, bar)
        else:
            _run_local(chunks(), engine, opts, summary, bar)
    if needs_rebuild(engine):
        rebuild(engine)
    from peristiwa.store.queries import stats

    with engine.connect() as conn:
        summary.events = stats(conn)["events"]
    summary.seconds = time.perf_counter() - t0
    engine.dispose()
    return summary


def _write(engine, done: list[tuple[str, Document, Result]], summary: IngestSummary) -> None:
    from peristiwa.store.writer import Item, write_batch

    stats = write_batch(engine, [Item.of(d, r, h) for h, d, r in done])
    _account(summary, stats.documents, stats.failed, stats.skipped, stats.mentions,
             [r.error for _, _, r in done if r.error])


def _account(summary: IngestSummary, documents: int, failed: int, skipped: int, mentions: int,
             errors: list[str]) -> None:
    summary.stored += documents
    summary.failed += failed
    summary.skipped += skipped
    summary.mentions += mentions
    summary.failures += errors


def _run_local(chunks, engine, opts: IngestOptions, summary: IngestSummary, bar: _Progress) -> None:
    for chunk in chunks:
        _write(engine, process_chunk(chunk, opts.lang, opts.published), summary)
        bar.advance(len(chunk))


def _run_pool(chunks, engine, opts: IngestOptions, summary: IngestSummary, bar: _Progress) -> None:
    import multiprocessing as mp

    # spawn: a fresh interpreter per worker, no forked database connections or model state
    ctx = mp.get_context("spawn")
    with ctx.Pool(opts.workers, initializer=_init_worker) as pool:
        pending: deque = deque()
        for chunk in chunks:
            pending.append((len(chunk), pool.apply_async(process_chunk, (chunk, opts.lang, opts.published))))
            while len(pending) > 2 * opts.workers:  # bounded: the corpus never queues up in memory
                _drain_one(pending, engine, summary, bar)
        while pending:
            _drain_one(pending, engine, summary, bar)


def _drain_one(pending: deque, engine, summary: IngestSummary, bar: _Progress) -> None:
    n, res = pending.popleft()
    _write(engine, res.get(), summary)  # in input order: one writer
    bar.advance(n)


def _run_dask(chunks, engine, opts: IngestOptions, summary: IngestSummary,
              bar: _Progress) -> None:
    from dask.distributed import Client, as_completed

    url = engine.url
    if url.get_backend_name() == "sqlite" and url.database and not url.database.startswith("file:"):
        url = url.set(database=str(Path(url.database).resolve()))  # workers may run in another folder
    full_url = url.render_as_string(hide_password=False)
    with Client(opts.dask) as client:
        n_workers = max(1, len(client.scheduler_info().get("workers", {})))
        window = as_completed()
        sizes: dict[str, int] = {}
        for chunk in chunks:
            fut = client.submit(process_and_write, chunk, full_url, opts.lang, opts.published, pure=False)
            sizes[fut.key] = len(chunk)
            window.add(fut)
            while window.count() > 2 * n_workers:
                _collect(next(window), sizes, summary, bar)
        for fut in window:
            _collect(fut, sizes, summary, bar)


def _collect(fut, sizes: dict[str, int], summary: IngestSummary, bar: _Progress) -> None:
    got = fut.result()
    _account(summary, got["documents"], got["failed"], got["skipped"], got["mentions"], got["errors"])
    bar.advance(sizes.pop(fut.key, 0))


def _check_writable(engine) -> None:
    """Fail before any work when the database cannot be written (read-only file, no permission)."""
    from peristiwa.store.db import explain, write_transaction
    from peristiwa.store.schema import schema_version

    try:
        with write_transaction(engine) as conn:  # an update that changes nothing still needs the write lock
            conn.execute(schema_version.update().where(schema_version.c.version < 0).values(note=None))
    except Exception as exc:
        raise explain(exc, engine) from exc


class _Progress:
    """A rich progress bar with documents/s and ETA (on stderr), or nothing."""

    def __init__(self, total: int, *, enabled: bool, callback: Callable[[int, int], None] | None) -> None:
        self.total, self.done, self.enabled, self.callback = total, 0, enabled, callback
        self._progress = None

    def __enter__(self) -> _Progress:
        if self.enabled:
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TaskProgressColumn,
                TextColumn,
                TimeElapsedColumn,
                TimeRemainingColumn,
            )

            self._progress = Progress(
                TextColumn("ingest"), BarColumn(), MofNCompleteColumn(), TaskProgressColumn(),
                TextColumn("{task.fields[rate]} docs/s"), TimeElapsedColumn(), TextColumn("ETA"),
                TimeRemainingColumn(), console=Console(stderr=True), transient=False)
            self._progress.start()
            self._task = self._progress.add_task("ingest", total=self.total, rate="-")
            self._t0 = time.perf_counter()
        return self

    def advance(self, n: int) -> None:
        self.done += n
        if self._progress is not None:
            rate = self.done / max(time.perf_counter() - self._t0, 1e-9)
            self._progress.update(self._task, advance=n, rate=f"{rate:.1f}")
        if self.callback is not None:
            self.callback(self.done, self.total)

    def __exit__(self, *exc) -> None:
        if self._progress is not None:
            self._progress.stop()


__all__ = ["IngestOptions", "IngestSummary", "ingest", "iter_sources", "parse_feed"]
