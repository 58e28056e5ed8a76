"""The one FastAPI object: API under /api (OpenAPI at /docs), pages at / and /articles/{id}, assets at /static.

Safety is decided here, once for every route: the database is opened read-only, request bodies are
capped, every response carries a Content-Security-Policy that allows only this origin's own scripts
(article text is untrusted, so even an escaping mistake cannot run a script), and CORS is off unless
origins are named.
"""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path

import anyio
from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from peristiwa.web.cache import ResponseCache
from peristiwa.web.readdb import ReadStore

HERE = Path(__file__).resolve().parent
STATIC = HERE / "static"

# Cytoscape and Chart.js draw on <canvas> and set element.style from script, which 'self' allows;
# no inline <script>, no eval, no third-party origin.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
       "frame-ancestors 'none'")
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
]
# /docs is Swagger UI served from static/vendor; its page starts it with one inline script.
DOCS_CSP = ("default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
            "img-src 'self' data:; connect-src 'self'; object-src 'none'; frame-ancestors 'none'")

DEFAULT_MAX_BODY = 256 * 1024
DEFAULT_CACHE_BYTES = 64 * 2**20  # per worker process
SERVE_VARIABLE = "PERISTIWA_SERVE"


class SecurityHeaders:
    """Adds the headers above to every HTTP response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        is_docs = scope.get("path", "") == "/docs"

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", [])
                           if k.lower() != b"content-security-policy"]
                for k, v in SECURITY_HEADERS:
                    if k == b"content-security-policy" and is_docs:
                        v = DOCS_CSP.encode()
                    headers.append((k, v))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)


class BodyLimit:
    """Refuses request bodies over `max_bytes` with 413, whether announced by Content-Length or streamed."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for k, v in scope.get("headers", []):
            if k == b"content-length":
                try:
                    announced = int(v)
                except ValueError:
                    await _plain(send, 400, "invalid Content-Length")
                    return
                if announced > self.max_bytes:
                    await _plain(send, 413, f"request body over {self.max_bytes} bytes")
                    return
        seen = 0
        started = refused = False

        async def guarded_send(message: Message) -> None:
            nonlocal started
            if refused:  # the 413 went out already; whatever the app says after it is dropped
                return
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        async def counting_receive() -> Message:
            # the app sees a disconnect once the limit is passed (raising here would be caught by the
            # body parser and answered as a generic 400)
            nonlocal seen, refused, started
            if refused:
                return {"type": "http.disconnect"}
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_bytes:
                    if not started:
                        await _plain(send, 413, f"request body over {self.max_bytes} bytes")
                        started = True
                    refused = True
                    return {"type": "http.disconnect"}
            return message

        await self.app(scope, counting_receive, guarded_send)


async def _plain(send: Send, status: int, text: str) -> None:
    body = json.dumps({"detail": text}).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


def create_app(db_url: str, allow_extract: bool = False, cors_origins: list[str] | None = None, *,
               max_body_bytes: int = DEFAULT_MAX_BODY, cache_bytes: int = DEFAULT_CACHE_BYTES,
               index_folder: Path | None = None) -> FastAPI:
    """The dashboard and API over the store at `db_url` (read-only; POST /api/extract only if allowed).

    `cache_bytes` bounds the response cache (0: none); `index_folder` is where the column index is
    saved (default: beside a SQLite file, else the user's cache folder)."""
    from peristiwa.web.api import build_router
    from peristiwa.web.pages import build_pages

    store = ReadStore(db_url, index_folder=index_folder)

    @contextlib.asynccontextmanager
    async def lifespan(_app: FastAPI):
        # the index is loaded (or built) before the server takes requests, not on a user's request
        await anyio.to_thread.run_sync(store.index)
        yield

    app = FastAPI(title="peristiwa", version=_version(),
                  description="Political event data from news: who did what to whom, every event tied "
                              "to its sentence. Read-only API over a peristiwa store.",
                  docs_url=None, redoc_url=None, lifespan=lifespan)
    app.state.store = store
    app.state.allow_extract = allow_extract
    app.include_router(build_router(store, allow_extract=allow_extract))
    app.include_router(build_pages(store))
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(openapi_url="/openapi.json", title="peristiwa API",
                                   swagger_js_url="/static/vendor/swagger-ui-bundle.js",
                                   swagger_css_url="/static/vendor/swagger-ui.css",
                                   swagger_favicon_url="/static/favicon.svg")

    app.add_middleware(ResponseCache, version=store.version, max_bytes=cache_bytes)
    if cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=list(cors_origins), allow_methods=["GET"],
                           allow_headers=[], allow_credentials=False)
    app.add_middleware(BodyLimit, max_bytes=max_body_bytes)
    app.add_middleware(SecurityHeaders)
    return app


def app_from_environment() -> FastAPI:
    """The app of `peristiwa serve --workers N`: each worker process calls this (uvicorn's factory),
    with the command's options passed down in PERISTIWA_SERVE (JSON)."""
    opts = json.loads(os.environ[SERVE_VARIABLE])
    folder = opts.get("index_folder")
    return create_app(opts["db_url"], allow_extract=opts["allow_extract"], cors_origins=opts["cors_origins"],
                      cache_bytes=opts["cache_bytes"], index_folder=Path(folder) if folder else None)


def _version() -> str:
    try:
        from importlib.metadata import version
        return version("peristiwa")
    except Exception:  # running from a source tree without metadata
        return "0"
