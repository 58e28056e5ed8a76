"""The JSON API over a real store (written by the store's writer and merge), through the real app."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from peristiwa.store import StoreError
from peristiwa.web.app import create_app
from tests.web_data import HOSTILE_NAME, build_db, doc_hash

SEED_ACTORS = {"United States", "Russia", "Libya", "Turkey", "Egypt", "United Arab Emirates", "Greece"}


@pytest.fixture(scope="module")
def client(tmp_path_factory) -> TestClient:
    url = build_db(str(tmp_path_factory.mktemp("web") / "web.db"))
    return TestClient(create_app(url))


def names(actors: list[dict]) -> set[str]:
    return {a["name"] for a in actors}


def test_events_are_listed_newest_first_with_actors_and_article(client):
    r = client.get("/api/events")
    assert r.status_code == 200
    events = r.json()["events"]
    assert len(events) == 9
    dates = [e["date"] for e in events]
    assert dates == sorted(dates, reverse=True)
    greece = next(e for e in events if e["event"] == "REJECT")
    assert names(greece["actor"]) == {"Greece"} and names(greece["recipient"]) == {"Libya"}
    assert greece["article_id"] == doc_hash("libya-3")
    assert greece["text"] == "Yunani mengusir duta besar Libya dari Athena."
    assert greece["trigger"]["text"] == "mengusir"
    # 60-bit ids travel as strings (JavaScript numbers would round them)
    assert isinstance(greece["id"], str) and int(greece["id"]) > 0


@pytest.mark.parametrize(("query", "expected"), [
    ("actor=Russia", {"THREATEN", "COOPERATE"}),
    ("actor=russia", {"THREATEN", "COOPERATE"}),  # names match case-insensitively
    ("country=GRC", {"REJECT"}),
    ("country=egy", {"SUPPORT"}),
    ("type=AID,AGREE", {"AID", "AGREE"}),
    ("quad=4", {"ASSAULT"}),
    ("start=2019-11-01&end=2019-11-30", {"REQUEST", "THREATEN", "COOPERATE", "AGREE"}),
    ("q=Tripoli", {"AID", "ASSAULT", "REQUEST"}),
    ("q=embargo senjata", {"THREATEN"}),
    ("q=tidakada", set()),
    ("actor=United States&quad=1", {"REQUEST", "COOPERATE"}),
    (f"article={doc_hash('libya-1')}", {"AID", "SUPPORT", "ASSAULT"}),
])
def test_event_filters(client, query, expected):
    r = client.get(f"/api/events?{query}")
    assert r.status_code == 200, r.text
    assert {e["event"] for e in r.json()["events"]} == expected


def test_cursor_pagination_walks_every_event_once(client):
    for sort in ("-date", "date", "-goldstein", "goldstein", "mentions"):
        seen, cursor = [], None
        for _ in range(20):
            r = client.get("/api/events", params={"limit": 2, "sort": sort, **({"cursor": cursor} if cursor else {})})
            assert r.status_code == 200, r.text
            body = r.json()
            seen += [e["id"] for e in body["events"]]
            cursor = body["next_cursor"]
            if not cursor:
                break
        assert len(seen) == 9 and len(set(seen)) == 9, sort
    all_by_goldstein = [e["goldstein"] for e in client.get("/api/events?sort=goldstein").json()["events"]]
    assert all_by_goldstein == sorted(all_by_goldstein)


def test_cursor_from_another_sort_is_refused(client):
    cursor = client.get("/api/events?limit=1&sort=-date").json()["next_cursor"]
    r = client.get("/api/events", params={"limit": 1, "sort": "goldstein", "cursor": cursor})
    assert r.status_code == 400
    assert "sort order" in r.json()["detail"]


def test_network_aggregates_edges_by_direction_and_type(client):
    r = client.get("/api/network")
    assert r.status_code == 200
    body = r.json()
    by_id = {n["id"]: n["name"] for n in body["nodes"]}
    assert set(by_id.values()) >= SEED_ACTORS
    edges = {(by_id[e["source"]], by_id[e["target"]], e["event"]): e for e in body["edges"]}
    warn = edges[("United States", "Russia", "THREATEN")]
    assert warn["count"] == 1 and warn["quad"] == 3 and warn["mean_goldstein"] == -4.4
    assert warn["first_date"] == warn["last_date"] == "2019-11-19"
    assert ("United States", "Russia", "COOPERATE") in edges  # same pair, other type: its own edge
    assert ("Russia", "United States", "THREATEN") not in edges  # direction kept
    # both actors of "Egypt and the UAE support the LNA" get an edge
    assert ("Egypt", "Libyan National Army", "SUPPORT") in edges
    assert ("United Arab Emirates", "Libyan National Army", "SUPPORT") in edges


def test_network_filtered_by_actor_is_its_neighbourhood(client):
    body = client.get("/api/network?actor=Greece").json()
    assert {n["name"] for n in body["nodes"]} == {"Greece", "Libya"}
    assert [e["event"] for e in body["edges"]] == ["REJECT"]


def test_timeline_counts_per_period_and_quad(client):
    body = client.get("/api/timeline?interval=month").json()
    months = {p["period"]: p["counts"] for p in body["periods"]}
    assert months["2019-07"] == {"2": 2, "4": 1}
    assert months["2019-11"] == {"1": 3, "3": 1}
    weeks = client.get("/api/timeline?interval=week&country=USA").json()["periods"]
    assert sum(p["total"] for p in weeks) == 3
    assert all(p["period"].startswith("2019-W") for p in weeks)
    assert client.get("/api/timeline?interval=decade").status_code == 422


def test_actors_with_counts_countries_and_sectors(client):
    actors = client.get("/api/actors").json()["actors"]
    us = next(a for a in actors if a["name"] == "United States")
    assert (us["country"], us["sector"], us["count"], us["as_actor"], us["as_recipient"]) == ("USA", "GOV", 3, 3, 0)
    counts = [a["count"] for a in actors]
    assert counts == sorted(counts, reverse=True)
    assert [a["name"] for a in client.get("/api/actors?name=emirat").json()["actors"]] == ["United Arab Emirates"]
    assert {a["name"] for a in client.get("/api/actors?quad=4").json()["actors"]} >= {"Libyan National Army", "Libya"}


def test_article_has_spans_of_actors_triggers_and_every_event_sentence(client):
    r = client.get(f"/api/articles/{doc_hash('libya-1')}")
    assert r.status_code == 200
    art = r.json()
    text = art["text"]
    assert art["title"].startswith("Turki kirim drone")
    assert len(art["events"]) == 3
    for ev in art["events"]:
        assert text[ev["sentence_start"]:ev["sentence_end"]] == ev["text"]
        assert text[ev["trigger"]["start"]:ev["trigger"]["end"]] == ev["trigger"]["text"]
    for span in art["actors"]:
        assert text[span["start"]:span["end"]] == span["text"]
    assert {t["text"] for t in art["triggers"]} == {"mengirim", "mendukung", "menyerang"}
    # the event table links to /articles/<article_id>#event-<id>: that id is among the article's events
    listed = client.get(f"/api/events?article={doc_hash('libya-1')}").json()["events"]
    assert {e["id"] for e in listed} == {e["id"] for e in art["events"]}


def test_unknown_article_is_404_and_malformed_id_422(client):
    assert client.get("/api/articles/" + "0" * 32).status_code == 404
    assert client.get("/api/articles/not-a-hash").status_code == 422
    assert client.get("/articles/" + "0" * 32).status_code == 404


def test_pages_and_openapi(client):
    page = client.get("/")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    assert "/static/vendor/cytoscape.min.js" in page.text and "/static/vendor/chart.umd.min.js" in page.text
    assert client.get("/static/vendor/cytoscape.min.js").status_code == 200, "run `make install` (npm step)"
    spec = client.get("/openapi.json").json()
    assert {"/api/events", "/api/actors", "/api/network", "/api/timeline", "/api/articles/{article_id}"} <= set(spec["paths"])
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/static/vendor/swagger-ui-bundle.js" in docs.text
    assert "cdn" not in docs.text.lower()


def test_hostile_strings_come_back_unchanged_as_json(client):
    """JSON carries data as it is; escaping is the page's job (tested in test_web_security/browser)."""
    events = client.get("/api/events?quad=4&country=IRQ").json()["events"]
    assert names(events[0]["actor"]) == {HOSTILE_NAME}


def test_missing_database_is_a_clear_error(tmp_path):
    with pytest.raises(StoreError, match="no such database file"):
        create_app(str(tmp_path / "nope.db"))


def test_same_answers_on_sqlite_and_postgresql(db_url):
    url = build_db(db_url)
    c = TestClient(create_app(url))
    assert {e["event"] for e in c.get("/api/events?q=Tripoli").json()["events"]} == {"AID", "ASSAULT", "REQUEST"}
    assert {e["event"] for e in c.get("/api/events?actor=Russia").json()["events"]} == {"THREATEN", "COOPERATE"}
    ids, cursor = [], None
    while True:
        body = c.get("/api/events", params={"limit": 4, **({"cursor": cursor} if cursor else {})}).json()
        ids += [e["id"] for e in body["events"]]
        cursor = body["next_cursor"]
        if not cursor:
            break
    assert len(set(ids)) == 9
    months = {p["period"]: p["total"] for p in c.get("/api/timeline").json()["periods"]}
    assert months == {"2019-07": 3, "2019-11": 4, "2019-12": 1, "2020-01": 1}
    assert {n["name"] for n in c.get("/api/network").json()["nodes"]} >= SEED_ACTORS
    art = c.get(f"/api/articles/{doc_hash('libya-2')}").json()
    assert len(art["events"]) == 3


def _generator():
    import importlib.util

    from tests.conftest import ROOT

    spec = importlib.util.spec_from_file_location("generate_events_db", ROOT / "scripts" / "generate_events_db.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_column_index_answers_exactly_as_sql(tmp_path):
    """The in-memory column index (fast path) and plain SQL (reference) agree on generated data."""
    import random

    from peristiwa.store.queries import EventFilter as StoreFilter
    from peristiwa.web.readdb import EventFilter, ReadStore

    db = str(tmp_path / "gen.db")
    _generator().generate(db, 4000, seed=3, log=lambda *a: None)
    fast, ref = ReadStore(db), ReadStore(db, column_index=False)
    top = [a["name"] for a in ref.actors(EventFilter(), limit=30)["actors"]]
    rng = random.Random(5)
    for _ in range(25):
        import datetime as dt
        sf = StoreFilter()
        if rng.random() < 0.4:
            sf.date_from = dt.date(rng.randint(2015, 2024), rng.randint(1, 12), 1)
            sf.date_to = sf.date_from + dt.timedelta(days=rng.randint(30, 900))
        if rng.random() < 0.3:
            sf.actors = [rng.choice(top)]
        if rng.random() < 0.3:
            sf.countries = [rng.choice(["IDN", "USA", "LBY", "RUS", "XXX"])]
        if rng.random() < 0.3:
            sf.event_types = rng.sample(["CONSULT", "ASSAULT", "AID", "ACCUSE"], 2)
        if rng.random() < 0.3:
            sf.quads = [rng.randint(1, 4)]
        f = EventFilter(store=sf, q=rng.choice([None, None, "menyerang", "Indonesia"]))
        for sort in ("-date", "goldstein"):
            a, b = fast.events(f, sort=sort, limit=7), ref.events(f, sort=sort, limit=7)
            assert [e["id"] for e in a["events"]] == [e["id"] for e in b["events"]], (sf, sort)
            if a["next_cursor"]:
                a2 = fast.events(f, sort=sort, limit=7, cursor=a["next_cursor"])
                b2 = ref.events(f, sort=sort, limit=7, cursor=b["next_cursor"])
                assert [e["id"] for e in a2["events"]] == [e["id"] for e in b2["events"]]
        assert fast.timeline(f, interval="week") == ref.timeline(f, interval="week")
        na, nb = fast.network(f, max_edges=10**6), ref.network(f, max_edges=10**6)
        key = lambda e: (e["source"], e["target"], e["event"])  # noqa: E731
        ea, eb = sorted(na["edges"], key=key), sorted(nb["edges"], key=key)
        assert [e["mean_goldstein"] for e in ea] == pytest.approx([e["mean_goldstein"] for e in eb], abs=0.011)
        strip = lambda edges: [{**e, "mean_goldstein": None} for e in edges]  # noqa: E731 (sums differ in order)
        assert strip(ea) == strip(eb)
        assert {n["id"]: n["count"] for n in na["nodes"]} == {n["id"]: n["count"] for n in nb["nodes"]}
        # cut to the biggest edges: the biggest counts, each edge as in the full answer, the same cut
        # (ties included) every time
        cut = fast.network(f, max_edges=5)["edges"]
        assert [e["count"] for e in cut] == sorted((e["count"] for e in ea), reverse=True)[:5]
        assert all(e in na["edges"] for e in cut)
        assert cut == fast.network(f, max_edges=5)["edges"]
        aa, ab = fast.actors(f, limit=2000)["actors"], ref.actors(f, limit=2000)["actors"]
        assert sorted(map(str, aa)) == sorted(map(str, ab))


def test_extract_endpoint_runs_the_real_pipeline_when_allowed(tmp_path):
    from peristiwa.schema import JSON_SCHEMA

    url = build_db(str(tmp_path / "x.db"), results=[])
    c = TestClient(create_app(url, allow_extract=True))
    text = "JAKARTA - Menteri Luar Negeri Indonesia bertemu dengan Duta Besar Jepang di Jakarta pada Senin."
    r = c.post("/api/extract", json={"text": text, "title": "Pertemuan", "published": "2024-03-04", "lang": "id"})
    assert r.status_code == 200, r.text
    rec = r.json()
    assert set(JSON_SCHEMA["required"]) <= set(rec)
    assert rec["article"]["published"] == "2024-03-04"
    assert "Duta Besar Jepang" in rec["article"]["text"]
    assert "/api/extract" in c.get("/openapi.json").json()["paths"]
    assert c.post("/api/extract", json={"text": ""}).status_code == 422


def test_export_in_the_formats_of_peristiwa_export(client):
    import csv
    import io
    import json

    r = client.get("/api/export?format=plover&actor=Russia")
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith("application/x-ndjson")
    assert "attachment" in r.headers["content-disposition"]
    lines = [json.loads(x) for x in r.text.splitlines() if x.strip()]
    assert len(lines) == 2
    r = client.get("/api/export?format=csv&quad=4")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert len(rows) == 2
    r = client.get("/api/export?format=graphml")
    assert r.status_code == 200 and b"<graphml" in r.content
    assert client.get("/api/export?format=parquet").content[:4] == b"PAR1"
    assert client.get("/api/export?format=xml").status_code == 422
    assert client.get("/api/export?format=csv&q=Tripoli").status_code == 400


def test_new_events_show_up_while_serving(tmp_path, monkeypatch):
    """An ingest into the database the server reads is picked up: the column index is rebuilt."""
    import hashlib

    from peristiwa.store import connect
    from peristiwa.store.merge import rebuild
    from peristiwa.store.writer import Item, write_batch
    from peristiwa.web import indexfiles
    from tests.web_data import ARTICLES, result_of

    monkeypatch.setattr(indexfiles, "RECHECK_S", 0.0)
    url = build_db(str(tmp_path / "live.db"), results=[result_of(*ARTICLES[0])])
    c = TestClient(create_app(url))
    assert len(c.get("/api/events").json()["events"]) == 3
    assert "Greece" not in {n["name"] for n in c.get("/api/network").json()["nodes"]}
    assert c.get("/api/events?q=mengusir").json()["events"] == []  # a search kept for this index...
    engine = connect(url)
    later = result_of(*ARTICLES[2])
    write_batch(engine, [Item(hash=hashlib.sha256(b"later").hexdigest()[:32], result=later, kind="clean")])
    rebuild(engine)
    engine.dispose()
    assert len(c.get("/api/events").json()["events"]) == 5
    assert "Greece" in {n["name"] for n in c.get("/api/network").json()["nodes"]}
    # ...is not the answer for the next one
    assert [e["event"] for e in c.get("/api/events?q=mengusir").json()["events"]] == ["REJECT"]


def test_timeline_counts_the_events_it_cannot_place(tmp_path):
    """An article that states no date gives events without one: the timeline leaves them out and says
    how many, in plain SQL and on the column index alike."""
    from peristiwa.web.readdb import EventFilter, ReadStore
    from tests.web_data import ARTICLES, Spec, result_of

    undated = result_of("undated", "Tanpa tanggal", None, [
        Spec("Turki mengirim truk lapis baja ke Tripoli.", "mengirim", "AID", "070", 2, 7.0, ["Turki"], ["Tripoli"]),
        Spec("Mesir mendukung LNA.", "mendukung", "SUPPORT", "050", 2, 3.5, ["Mesir"], ["LNA"])])
    url = build_db(str(tmp_path / "undated.db"), results=[undated, result_of(*ARTICLES[0])])
    for store in (ReadStore(url), ReadStore(url, column_index=False)):
        body = store.timeline(EventFilter(), interval="month")
        assert body["undated"] == 2
        assert sum(p["total"] for p in body["periods"]) == 3
    body = TestClient(create_app(url)).get("/api/timeline?actor=Egypt").json()
    assert body["undated"] == 1 and sum(p["total"] for p in body["periods"]) == 1
