"""A response cache for the read-only JSON API, keyed by the normalised query and the data version.

Why: a dashboard asks the same few questions again and again (every visitor's first view is the
unfiltered network, timeline and table), and the answers change only when the data does. A hit is
answered here, in the event loop, before routing, validation and the thread pool: a fraction of a
millisecond instead of 10-20 ms of numpy and SQL. The data version (ReadStore.version: the column
index's token, which changes with every ingest) is part of each entry, so an ingest invalidates them
all at once, and it makes the ETag: a browser that asks again with If-None-Match gets 304.

Only successful GET answers of the listed routes are kept; each worker process has its own cache,
bounded in bytes and evicting the least recently used answer.
"""

from __future__ import annotations

import hashlib
import re
from collections import OrderedDict
from collections.abc import Callable
from urllib.parse import parse_qsl, urlencode

from starlette.types import ASGIApp, Message, Receive, Scope, Send

# Query parameters the cached routes read; any other parameter does not change an answer, so it is
# left out of the key (FastAPI ignores it too).
PARAMS = frozenset({"start", "end", "actor", "country", "type", "quad", "q", "article",
                    "sort", "limit", "cursor", "name", "max_edges", "interval"})
CACHED_PATHS = ("/api/events", "/api/actors", "/api/network", "/api/timeline")
CACHED_PREFIXES = ("/api/articles/",)
_CANON = {  # spellings the API reads alike: applied only to values that pass its own validation
    "type": (re.compile(r"^[A-Za-z_]{2,24}(,[A-Za-z_]{2,24}){0,19}$"), lambda v: ",".join(sorted(set(v.upper().split(","))))),
    "quad": (re.compile(r"^[1-4](,[1-4]){0,3}$"), lambda v: ",".join(sorted(set(v.split(","))))),
    "country": (re.compile(r"^[A-Za-z]{3}$"), str.upper),
}
CACHE_HEADER = b"x-peristiwa-cache"  # hit or miss: for operators (and tests) to see the cache work
_KEPT_HEADERS = {b"content-type", b"content-length"}


def normalise(query: bytes) -> str:
    """The query string as the cache sees it: known parameters only, in name order, list-valued
    filters (type, quad) sorted and country codes upper-cased."""
    pairs = []
    for name, value in parse_qsl(query.decode("latin-1"), keep_blank_values=True):
        if name not in PARAMS:
            continue
        canon = _CANON.get(name)
        if canon is not None and canon[0].match(value):
            value = canon[1](value)
        pairs.append((name, value))
    pairs.sort(key=lambda p: p[0])  # stable: repeated names keep their order
    return urlencode(pairs)


class ResponseCache:
    """ASGI middleware: answers repeated GETs of CACHED_PATHS from memory while the data version holds."""

    def __init__(self, app: ASGIApp, version: Callable[[], str | None], max_bytes: int) -> None:
        self.app = app
        self.version = version
        self.max_bytes = max_bytes
        self.max_entry = max(1, max_bytes // 8)
        self._entries: OrderedDict[tuple[str, str], tuple[str, list, bytes]] = OrderedDict()
        self._size = 0
        self.hits = self.misses = 0

    def _cacheable(self, scope: Scope) -> bool:
        if scope["type"] != "http" or scope["method"] not in ("GET", "HEAD"):
            return False
        path = scope["path"]
        return path in CACHED_PATHS or path.startswith(CACHED_PREFIXES)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if not self._cacheable(scope):
            await self.app(scope, receive, send)
            return
        version = self.version()
        if version is None:  # no data loaded yet (the first request of an app started without lifespan)
            await self.app(scope, receive, send)
            return
        key = (scope["path"], normalise(scope.get("query_string", b"")))
        etag = '"' + hashlib.sha1(f"{version}\n{key[0]}\n{key[1]}".encode()).hexdigest()[:20] + '"'
        if _header(scope, b"if-none-match") == etag.encode():
            await _send(send, 304, [(b"etag", etag.encode()), (b"cache-control", b"no-cache")], b"")
            return
        entry = self._entries.get(key) if self.max_bytes > 0 else None
        if entry is not None and entry[0] == version:
            self._entries.move_to_end(key)
            self.hits += 1
            await _send(send, 200, [*entry[1], (CACHE_HEADER, b"hit")], b"" if scope["method"] == "HEAD" else entry[2])
            return
        self.misses += 1
        start: Message = {}
        chunks: list[bytes] = []

        async def capture(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                start = message
                if message["status"] == 200:
                    message = {**message, "headers": [*message.get("headers", []), (b"etag", etag.encode()),
                                                      (b"cache-control", b"no-cache"), (CACHE_HEADER, b"miss")]}
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
                if not message.get("more_body", False):
                    self._keep(key, version, etag, start, b"".join(chunks), scope["method"])
            await send(message)

        await self.app(scope, receive, capture)

    def _keep(self, key: tuple[str, str], version: str, etag: str, start: Message, body: bytes,
              method: str) -> None:
        if start.get("status") != 200 or method != "GET" or self.max_bytes <= 0 or len(body) > self.max_entry:
            return
        headers = [(k, v) for k, v in start.get("headers", []) if k.lower() in _KEPT_HEADERS]
        headers += [(b"etag", etag.encode()), (b"cache-control", b"no-cache")]
        old = self._entries.pop(key, None)
        if old is not None:
            self._size -= len(old[2])
        self._entries[key] = (version, headers, body)
        self._size += len(body)
        while self._size > self.max_bytes and self._entries:
            _, (_, _, dropped) = self._entries.popitem(last=False)
            self._size -= len(dropped)


def _header(scope: Scope, name: bytes) -> bytes | None:
    for k, v in scope.get("headers", []):
        if k == name:
            return v
    return None


async def _send(send: Send, status: int, headers: list, body: bytes) -> None:
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
