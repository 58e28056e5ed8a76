"""Safety of the web app: injection attempts in every filter, hostile article text, read-only store,
request and page size limits, no CORS unless asked, and the headers every response carries."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text

from peristiwa.web.app import STATIC, create_app
from peristiwa.web.readdb import ReadStore
from tests.web_data import HOSTILE_TITLE, build_db, doc_hash

INJECTIONS = [
    "' OR '1'='1",
    "' OR 1=1 --",
    "\" OR \"\"=\"",
    "Russia'; DROP TABLE events; --",
    "1; DELETE FROM events",
    "') UNION SELECT name, sql FROM sqlite_master --",
    "%' OR 1=1 --",
    "_%",
    "\\",
    "NEAR(Tripoli LNA) OR * OR events_fts:x",
    "\"Tripoli\" AND NOT \"",
    "Russia\x00",
    "ロシア🙂",
    "2019-01-01' OR '1'='1",
    "-1 OR 1=1",
    "${jndi:ldap://x}",
    "<script>alert(1)</script>",
]
FILTERS = ["start", "end", "actor", "country", "type", "quad", "q", "article", "sort", "cursor", "interval",
           "name", "limit", "max_edges"]
ENDPOINTS = ["/api/events", "/api/network", "/api/timeline", "/api/actors"]


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> str:
    return build_db(str(tmp_path_factory.mktemp("websec") / "web.db"))


@pytest.fixture(scope="module")
def client(db) -> TestClient:
    return TestClient(create_app(db))


def event_count(db: str) -> int:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT count(*) FROM events").fetchone()[0]


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_injection_attempts_in_every_filter_are_inert(client, db, endpoint):
    before = event_count(db)
    for name in FILTERS:
        for payload in INJECTIONS:
            r = client.get(endpoint, params={name: payload})
            assert r.status_code in (200, 400, 422), (endpoint, name, payload, r.status_code, r.text[:200])
            if r.status_code != 200:
                assert "detail" in r.json()
                continue
            body = r.json()
            if endpoint == "/api/events" and name in ("actor", "q", "country", "article"):
                # a payload is a value to match, never SQL: no actor or sentence matches these strings
                assert body["events"] == [], (name, payload)
            if endpoint == "/api/actors" and name == "name":
                assert body["actors"] == [], payload
    assert event_count(db) == before
    with sqlite3.connect(db) as conn:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"events", "actors", "articles", "event_actors"} <= tables


def test_injection_in_article_path_is_refused(client):
    for bad in ["' OR 1=1", "..%2F..%2Fetc%2Fpasswd", "0" * 31 + "'", "x" * 32]:
        assert client.get(f"/api/articles/{bad}").status_code in (404, 422)
    assert client.get("/static/../app.py").status_code == 404
    assert client.get("/static/%2e%2e/app.py").status_code == 404


def test_store_is_read_only(db):
    store = ReadStore(db)
    with store.engine.connect() as conn, pytest.raises(Exception, match="(?i)readonly|read-only|query_only"):
        conn.execute(text("DELETE FROM events"))
    assert event_count(db) > 0


def test_writes_are_refused(client):
    for method in ("post", "put", "patch", "delete"):
        r = getattr(client, method)("/api/events")
        assert r.status_code == 405, method
    r = client.post("/api/extract", json={"text": "Rusia mengirim tentara."})
    assert r.status_code == 403
    assert "--allow-extract" in r.json()["detail"]
    assert "/api/extract" not in client.get("/openapi.json").json()["paths"]


def test_page_and_request_limits(client):
    assert client.get("/api/events?limit=501").status_code == 422
    assert client.get("/api/events?limit=0").status_code == 422
    assert client.get("/api/network?max_edges=100000").status_code == 422
    assert client.get("/api/events", params={"q": "x" * 201}).status_code == 422
    assert client.get("/api/events", params={"cursor": "A" * 401}).status_code == 422
    assert client.get("/api/events", params={"cursor": "bm90IGEgY3Vyc29y"}).status_code == 400
    assert client.get("/api/events?start=2020-01-01&end=2019-01-01").status_code == 400


def test_request_body_limit_counts_announced_and_streamed_bodies(db):
    c = TestClient(create_app(db, allow_extract=True, max_body_bytes=1000))
    r = c.post("/api/extract", content=b"{" + b" " * 5000 + b"}", headers={"content-type": "application/json"})
    assert r.status_code == 413

    def chunks():  # no Content-Length: the limit must count what arrives
        for _ in range(10):
            yield b" " * 500

    r = c.post("/api/extract", content=chunks(), headers={"content-type": "application/json"})
    assert r.status_code == 413
    # under the byte limit but over the character limit of one text: validation says so
    c2 = TestClient(create_app(db, allow_extract=True))
    assert c2.post("/api/extract", json={"text": "a" * 100_001}).status_code in (413, 422)


def test_no_cors_unless_asked(db, client):
    r = client.get("/api/events", headers={"Origin": "http://evil.example"})
    assert "access-control-allow-origin" not in r.headers
    pre = client.options("/api/events", headers={"Origin": "http://evil.example",
                                                 "Access-Control-Request-Method": "GET"})
    assert "access-control-allow-origin" not in pre.headers
    allowed = TestClient(create_app(db, cors_origins=["http://analyst.example"]))
    ok = allowed.get("/api/events", headers={"Origin": "http://analyst.example"})
    assert ok.headers["access-control-allow-origin"] == "http://analyst.example"
    other = allowed.get("/api/events", headers={"Origin": "http://evil.example"})
    assert "access-control-allow-origin" not in other.headers


def test_security_headers_on_pages_and_api(client):
    for path in ["/", "/api/events", f"/articles/{doc_hash('hostile')}", "/static/style.css"]:
        r = client.get(path)
        assert r.status_code == 200, path
        csp = r.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp, path
        assert r.headers["x-content-type-options"] == "nosniff"
        assert r.headers["x-frame-options"] == "DENY"


def test_templates_escape_hostile_titles(client):
    r = client.get(f"/articles/{doc_hash('hostile')}")
    assert r.status_code == 200
    assert "<script>window.__pwned" not in r.text
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in r.text
    assert HOSTILE_TITLE not in r.text


def test_scripts_never_parse_data_as_html():
    """Our JavaScript puts data on the page only as text nodes; these sinks would parse it as HTML."""
    sinks = re.compile(r"\.innerHTML|\.outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function\(")
    scripts = sorted(Path(STATIC).glob("*.js"))
    assert scripts
    for path in scripts:
        assert not sinks.search(path.read_text(encoding="utf-8")), path.name


def test_no_cdn_or_remote_urls_in_our_pages_and_scripts():
    web = Path(STATIC).parent
    files = [*web.glob("templates/*.html"), *Path(STATIC).glob("*.js"), *Path(STATIC).glob("*.css")]
    for path in files:
        assert not re.search(r"https?://", path.read_text(encoding="utf-8")), path.name
