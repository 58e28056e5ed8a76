"""JSON API under /api. Every filter is validated here (types, lengths, allowed characters) before it
reaches readdb, which binds it as a parameter."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import tempfile
import threading
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, BackgroundTasks, Depends, HTTPException, Query
from fastapi import Path as PathParam
from fastapi.responses import FileResponse, JSONResponse
from pydantic import BaseModel, Field

from peristiwa.store.queries import EventFilter as StoreFilter
from peristiwa.web.readdb import INTERVALS, BadRequest, EventFilter, ReadStore

MAX_PAGE = 500
MAX_EDGES = 2000
MAX_EXTRACT_CHARS = 100_000
MAX_EXPORT = 200_000
EXPORT_TYPES = {  # `peristiwa export` format: media type, file extension
    "plover": ("application/x-ndjson", "jsonl"), "gdelt": ("text/tab-separated-values", "tsv"),
    "acled": ("text/csv", "csv"), "csv": ("text/csv", "csv"),
    "parquet": ("application/vnd.apache.parquet", "parquet"), "graphml": ("application/graphml+xml", "graphml"),
}
COUNTRY = r"^[A-Za-z]{3}$"
PLOVER = r"^[A-Za-z_]{2,24}(,[A-Za-z_]{2,24}){0,19}$"
QUADS = r"^[1-4](,[1-4]){0,3}$"
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def event_filter(
    start: Annotated[dt.date | None, Query(description="first day (YYYY-MM-DD), inclusive")] = None,
    end: Annotated[dt.date | None, Query(description="last day (YYYY-MM-DD), inclusive")] = None,
    actor: Annotated[str | None, Query(max_length=200, description="actor name, as an actor or a recipient")] = None,
    country: Annotated[str | None, Query(pattern=COUNTRY,
                                         description="ISO-3 code of the place or of any actor")] = None,
    type: Annotated[str | None, Query(pattern=PLOVER, description="PLOVER type(s), comma-separated")] = None,
    quad: Annotated[str | None, Query(pattern=QUADS, description="quad class(es) 1-4, comma-separated")] = None,
    q: Annotated[str | None, Query(max_length=200, description="words in the event's sentence")] = None,
    article: Annotated[str | None, Query(pattern=r"^[0-9a-f]{32}$", description="only events of this article")] = None,
) -> EventFilter:
    if start and end and start > end:
        raise HTTPException(400, "start is after end")
    actor, q = _text_param("actor", actor), _text_param("q", q)
    store = StoreFilter(
        date_from=start, date_to=end, actors=[actor] if actor else [],
        countries=[country.upper()] if country else [],
        event_types=[t.upper() for t in type.split(",")] if type else [],
        quads=sorted({int(x) for x in quad.split(",")}) if quad else [])
    return EventFilter(store=store, q=q, document=article)


def _text_param(name: str, value: str | None) -> str | None:
    """Free text from a request: control characters are refused (SQLite would cut a string at NUL)."""
    if value is None:
        return None
    if _CONTROL.search(value):
        raise HTTPException(400, f"{name}: control characters are not allowed")
    return value.strip() or None


Filters = Annotated[EventFilter, Depends(event_filter)]


class ExtractRequest(BaseModel):
    text: str = Field(min_length=1, max_length=MAX_EXTRACT_CHARS, description="article text (clean body)")
    title: str | None = Field(default=None, max_length=1000)
    published: dt.date | None = None
    lang: str | None = Field(default=None, pattern=r"^[a-z]{2,3}$")
    id: str | None = Field(default=None, max_length=200)


def build_router(store: ReadStore, *, allow_extract: bool = False) -> APIRouter:
    router = APIRouter(prefix="/api")

    def answer(fn, *args, **kwargs) -> JSONResponse:
        # the result is plain JSON types already: straight to json.dumps, without FastAPI's
        # per-field encoder (a large share of the time for a 300-edge network)
        try:
            return JSONResponse(fn(*args, **kwargs))
        except BadRequest as exc:
            raise HTTPException(400, str(exc)) from exc

    @router.get("/events", summary="Events matching the filters, sorted, with cursor pagination")
    def events(f: Filters,
               sort: Annotated[str, Query(pattern=r"^-?(date|goldstein|mentions)$")] = "-date",
               limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50,
               cursor: Annotated[str | None, Query(max_length=400)] = None) -> JSONResponse:
        return answer(store.events, f, sort=sort, limit=limit, cursor=cursor)

    @router.get("/actors", summary="Actors with their event counts, countries and sectors")
    def actors(f: Filters, name: Annotated[str | None, Query(max_length=200, description="part of the name")] = None,
               limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 100) -> JSONResponse:
        return answer(store.actors, f, name=_text_param("name", name), limit=limit)

    @router.get("/network", summary="Actor network: edges aggregated by direction and PLOVER type")
    def network(f: Filters, max_edges: Annotated[int, Query(ge=1, le=MAX_EDGES)] = 300) -> JSONResponse:
        return answer(store.network, f, max_edges=max_edges)

    @router.get("/timeline", summary="Event counts per day, week, month or year by quad class")
    def timeline(f: Filters, interval: Annotated[str, Query(pattern="^(" + "|".join(INTERVALS) + ")$")] = "month") -> JSONResponse:
        return answer(store.timeline, f, interval=interval)

    @router.get("/articles/{article_id}", summary="An article with the spans of actors, triggers and quotes")
    def article(article_id: Annotated[str, PathParam(pattern=r"^[0-9a-f]{32}$")]) -> dict:
        found = store.article(article_id)
        if found is None:
            raise HTTPException(404, "no such article")
        return found

    @router.get("/export", summary="The matching events in a `peristiwa export` format, as a download")
    def export(f: Filters, background: BackgroundTasks,
               format: Annotated[str, Query(pattern="^(" + "|".join(EXPORT_TYPES) + ")$")] = "plover",
               header: bool = False) -> FileResponse:
        from peristiwa.export import export_events

        if f.q or f.document:
            raise HTTPException(400, "export takes the date, actor, country, type and quad filters only")
        n = store.count(f)
        if n > MAX_EXPORT:
            raise HTTPException(413, f"{n} events match; the API exports at most {MAX_EXPORT} "
                                     "(narrow the filters, or use `peristiwa export` on the database)")
        media, ext = EXPORT_TYPES[format]
        tmp = Path(tempfile.mkdtemp(prefix="peristiwa-export-"))
        out = tmp / f"peristiwa-events.{ext}"
        try:
            export_events(store.engine, format, out, f.store, header=header)
        except Exception:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        background.add_task(shutil.rmtree, tmp, True)
        return FileResponse(out, media_type=media, filename=out.name)

    if allow_extract:
        lock = threading.Lock()
        pipeline: list = []

        @router.post("/extract", summary="Run the extractor on one text (server started with --allow-extract)")
        def extract(req: ExtractRequest) -> dict:
            from peristiwa.pipeline import Pipeline
            from peristiwa.schema import Document

            doc = Document(doc_id=req.id or "request", source="api", kind="clean", text=req.text,
                           title=req.title, published=req.published.isoformat() if req.published else None,
                           lang=req.lang)
            with lock:  # one model in memory, used by one request at a time
                if not pipeline:
                    pipeline.append(Pipeline())
                result = next(iter(pipeline[0].run([doc])))
            return result.to_dict()
    else:
        @router.post("/extract", include_in_schema=False)
        def extract_refused() -> dict:
            raise HTTPException(403, "this server is read-only: start it with --allow-extract to enable extraction")

    return router
