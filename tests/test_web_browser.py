"""The dashboard in a real headless Chromium (Debian's), against the app served by uvicorn on loopback.

Screenshots go to reports/ on every run. In CI (CI=true) a missing Chromium is a failure; locally a skip.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.web_data import HOSTILE_NAME, build_db, doc_hash

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[1]
REPORTS = ROOT / "reports"
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
# Turkey's two acts on the seed (supplying Tripoli, signing with Libya) are proposed by the shipped coder
# below its emit threshold (tests/test_seed_events.py checks them as candidates), so it is not in the network.
SEED_ACTORS = ["United States", "Russia", "Libya", "Egypt", "United Arab Emirates", "Greece"]
TIMEOUT_MS = 20_000


def _missing(reason: str) -> None:
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{reason}: the browser tests must run in CI (make test installs chromium)")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser() -> Iterator:
    if not Path(CHROMIUM).exists():
        _missing(f"{CHROMIUM} not found (Debian package chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("playwright (Python) not installed")
    if not (ROOT / "src/peristiwa/web/static/vendor/cytoscape.min.js").exists():
        pytest.fail("dashboard JavaScript libraries missing: run `make install` (npm step)")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def served() -> Iterator:
    """Start the real app with uvicorn in a thread; yields a function db_url -> base URL."""
    import uvicorn

    from peristiwa.web.app import create_app

    servers = []

    def serve(db_url: str) -> str:
        port = _free_port()
        server = uvicorn.Server(uvicorn.Config(create_app(db_url), host="127.0.0.1", port=port, log_level="warning"))
        threading.Thread(target=server.run, daemon=True).start()
        deadline = time.time() + 30
        while not server.started:
            if time.time() > deadline:
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.05)
        servers.append(server)
        return f"http://127.0.0.1:{port}"

    yield serve
    for server in servers:
        server.should_exit = True


@pytest.fixture(scope="module")
def demo_url(served, tmp_path_factory) -> str:
    return served(build_db(str(tmp_path_factory.mktemp("browser") / "demo.db")))


def _page(browser, **kw):
    page = browser.new_page(viewport=kw.pop("viewport", {"width": 1366, "height": 860}), **kw)
    page.set_default_timeout(TIMEOUT_MS)
    page.problems = []  # script errors and CSP violations collected for the asserts
    page.on("pageerror", lambda exc: page.problems.append(f"pageerror: {exc}"))
    page.on("console", lambda m: page.problems.append(f"console.{m.type}: {m.text}") if m.type == "error" else None)
    return page


def _wait(page, fn: str, arg=None, timeout: float = TIMEOUT_MS / 1000) -> None:
    """Poll a JS function until it returns true. (page.wait_for_function evaluates a string, which our
    Content-Security-Policy forbids, as it should.)"""
    deadline = time.time() + timeout
    while not page.evaluate(fn, arg):
        if time.time() > deadline:
            raise AssertionError(f"timed out waiting for {fn}")
        page.wait_for_timeout(50)


def _shot(page, name: str) -> None:
    REPORTS.mkdir(exist_ok=True)
    page.screenshot(path=str(REPORTS / f"web-{name}.png"), full_page=True)


def _network_names(page) -> list[str]:
    page.wait_for_selector("#network[data-state=ready]", state="attached")
    return page.evaluate("window.peristiwaNetwork.nodes().map(n => n.data('label'))")


def _click_node(page, name: str) -> None:
    """A real mouse click on the node's position on the canvas."""
    box = page.locator("#network").bounding_box()
    pos = page.evaluate("""(name) => {
        const n = window.peristiwaNetwork.nodes().filter(n => n.data('label') === name)[0];
        return n.renderedPosition(); }""", name)
    page.mouse.click(box["x"] + pos["x"], box["y"] + pos["y"])


def _table_rows(page) -> list[dict]:
    page.wait_for_selector("#events-status[data-state=ready]", state="attached")
    return page.evaluate("""() => [...document.querySelectorAll('#events tbody tr')].map(tr => ({
        actor: tr.querySelector('td.actor').textContent, recipient: tr.querySelector('td.recipient').textContent,
        type: tr.querySelector('td.type .badge').textContent}))""")


def test_dashboard_network_click_filters_table_and_event_opens_its_sentence(browser, demo_url):
    page = _page(browser)
    page.goto(demo_url + "/")
    names = _network_names(page)
    for actor in SEED_ACTORS:
        assert actor in names
    assert len(_table_rows(page)) == 9
    page.wait_for_selector("#timeline-status[data-state=ready]", state="attached")
    assert page.locator("#timeline-undated").is_hidden()  # every demo event has a date
    _shot(page, "dashboard")

    _click_node(page, "Russia")
    _wait(page, "() => document.querySelector('#active-actor').textContent === 'Russia'")
    _wait(page, "() => document.querySelectorAll('#events tbody tr').length === 2")
    rows = _table_rows(page)
    assert all("Russia" in r["actor"] + r["recipient"] for r in rows)
    assert {r["type"] for r in rows} == {"THREATEN", "COOPERATE"}
    assert "actor=Russia" in page.url
    assert set(_network_names(page)) == {"Russia", "United States"}
    _shot(page, "dashboard-russia")

    page.locator("#events tbody tr", has_text="THREATEN").locator("a.event-link").click()
    page.wait_for_selector("#reader[data-state=ready]", state="attached")
    assert f"/articles/{doc_hash('libya-2')}#event-" in page.url
    current = page.locator("#text .hl-sentence.current")
    assert current.count() >= 1
    assert "".join(current.all_text_contents()) == "Amerika Serikat memperingatkan Rusia soal embargo senjata PBB."
    assert current.first.is_visible()
    assert page.evaluate("""() => { const r = document.querySelector('#text .current').getBoundingClientRect();
                                    return r.top >= 0 && r.bottom <= window.innerHeight; }""")
    assert page.locator("#text .hl-trigger", has_text="memperingatkan").count() == 1
    assert page.locator("#text .hl-actor", has_text="Rusia").count() >= 1
    _shot(page, "article")
    assert page.problems == [], page.problems
    page.close()


def test_filters_form_and_pagination(browser, demo_url):
    page = _page(browser)
    page.goto(demo_url + "/?quad=4")
    rows = _table_rows(page)
    assert {r["type"] for r in rows} == {"ASSAULT"}
    page.select_option("select[name=quad]", "")
    page.fill("input[name=q]", "Tripoli")
    page.click("button[type=submit]")
    _wait(page, "() => new URLSearchParams(location.search).get('q') === 'Tripoli'")
    _wait(page, "() => document.querySelectorAll('#events tbody tr').length === 3")
    assert {r["type"] for r in _table_rows(page)} == {"AID", "ASSAULT", "REQUEST"}
    page.close()


def test_hostile_article_text_is_shown_as_text_never_run(browser, demo_url):
    page = _page(browser)
    page.goto(demo_url + "/?country=IRQ")
    _wait(page, "() => document.querySelectorAll('#events tbody tr').length === 1")
    assert HOSTILE_NAME in _network_names(page)
    assert page.locator("#events tbody td.actor").first.text_content() == HOSTILE_NAME
    page.goto(f"{demo_url}/articles/{doc_hash('hostile')}")
    page.wait_for_selector("#reader[data-state=ready]", state="attached")
    assert "<script>" in page.locator("#title").text_content()
    assert "<img src=x" in page.locator("#text").text_content()
    assert page.locator("#text img, #text script, #text iframe, #title script").count() == 0
    assert page.evaluate("window.__pwned") is None
    _shot(page, "hostile-article")
    page.close()


def test_phone_layout(browser, demo_url):
    page = _page(browser, viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page.goto(demo_url + "/")
    assert len(_network_names(page)) >= 7
    _table_rows(page)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"page scrolls sideways on a phone ({width}px)"
    _shot(page, "phone")
    page.close()


def test_loading_state_then_error_is_shown(browser, demo_url):
    """Slow or failing queries show a status line instead of an empty panel."""
    page = _page(browser)
    held = []
    page.route("**/api/network*", lambda route: held.append(route))  # the request waits until the test answers it
    page.goto(demo_url + "/")
    status = page.locator("#network-status")
    for _ in range(100):
        if held:
            break
        page.wait_for_timeout(50)
    assert held, "the dashboard did not ask for the network"
    assert status.get_attribute("data-state") == "loading"
    assert "Loading" in status.text_content()
    assert page.locator(".network-panel").get_attribute("aria-busy") == "true"
    held[0].fulfill(status=500, content_type="application/json", body='{"detail": "database went away"}')
    page.wait_for_selector("#network-status[data-state=error]", state="attached")
    assert "Could not load" in status.text_content()
    page.close()


# ---- the seed, through the real pipeline and `peristiwa ingest` --------------------------------------------------
@pytest.fixture(scope="module")
def seed_url(served, seed_path, tmp_path_factory) -> str:
    db = tmp_path_factory.mktemp("seed") / "seed.db"
    proc = subprocess.run([sys.executable, "-m", "peristiwa.cli", "ingest", str(ROOT / "examples"), str(seed_path),
                           "--db", str(db), "--quiet"], capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stderr
    return served(str(db))


def test_seed_conflict_in_the_network(browser, seed_url):
    """The seed through `peristiwa ingest` (the real pipeline): its actors in the network, a click on
    Russia filters the table, an event opens on its highlighted sentence."""
    page = _page(browser)
    page.goto(seed_url + "/")
    names = _network_names(page)
    _shot(page, "seed-dashboard")
    missing = [a for a in SEED_ACTORS if not any(a.lower() in n.lower() for n in names)]
    assert not missing, f"seed actors missing from the network: {missing} (have {names})"
    target = next(n for n in names if "russia" in n.lower())
    _click_node(page, target)
    _wait(page, "(n) => document.querySelector('#active-actor').textContent === n", target)
    rows = _table_rows(page)
    assert rows and all(target in r["actor"] + r["recipient"] for r in rows)
    page.locator("#events tbody a.event-link").first.click()
    page.wait_for_selector("#reader[data-state=ready]", state="attached")
    assert page.locator("#text .hl-sentence.current").count() >= 1
    _shot(page, "seed-article")
    # the seed's war alone: events in or with Libya
    page.goto(seed_url + "/?country=LBY")
    libya = _network_names(page)
    for actor in ["Egypt", "United Arab Emirates", "Greece", "Libya"]:
        assert any(actor.lower() in n.lower() for n in libya), (actor, libya)
    _shot(page, "seed-libya")
    # the seed states no date, so neither do its events: the timeline says how many it leaves out
    undated = json.loads(page.evaluate("() => fetch('/api/timeline').then(r => r.text())"))["undated"]
    page.goto(seed_url + "/")
    page.wait_for_selector("#timeline-status[data-state]:not([data-state=loading])", state="attached")
    note = page.locator("#timeline-undated")
    assert undated > 0 and note.is_visible()
    assert note.get_attribute("data-count") == str(undated) and f"{undated} event" in note.text_content()
    assert page.problems == [], page.problems
    page.close()



@pytest.fixture(scope="module")
def large_url(served, tmp_path_factory) -> str:
    """A generated database big enough that the network is fitted at a zoom well under 1."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("generate_events_db", ROOT / "scripts" / "generate_events_db.py")
    gen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen)
    db = str(tmp_path_factory.mktemp("large") / "large.db")
    gen.generate(db, 5000, seed=11, log=lambda *a: None)
    return served(db)


def _label_px(page) -> dict:
    """The zoom, and the smallest and largest node label as drawn on screen (CSS pixels)."""
    return page.evaluate("""() => { const cy = window.peristiwaNetwork;
        const named = cy.nodes().filter(n => n.style('label') !== '');
        const px = named.map(n => parseFloat(n.renderedStyle('font-size')));
        return {zoom: cy.zoom(), nodes: cy.nodes().length, named: named.length,
                min: Math.min(...px), max: Math.max(...px)}; }""")


def test_network_labels_are_readable_at_the_default_zoom(browser, large_url):
    """A 1400 px wide window: the fitted network of a large database is zoomed out, and its labels used
    to shrink with it (about 6 px); they keep a readable size on screen at any zoom."""
    page = _page(browser, viewport={"width": 1400, "height": 900})
    page.goto(large_url + "/")
    _network_names(page)
    page.wait_for_timeout(100)  # one frame for the style update after the fit
    fitted = _label_px(page)
    # the case of the complaint: a zoomed-out fit (the force layout is random: 0.58-0.81 over runs); below 0.9
    # an unscaled 12 px label would be drawn under 11 px, so the check below can still fail
    assert fitted["nodes"] > 50 and fitted["zoom"] < 0.9, fitted
    assert fitted["named"] >= 30 and fitted["min"] >= 11, fitted
    _shot(page, "network-large")
    page.evaluate("() => { const cy = window.peristiwaNetwork; cy.zoom(cy.zoom() / 2); }")
    page.wait_for_timeout(100)
    zoomed_out = _label_px(page)
    assert zoomed_out["zoom"] < fitted["zoom"] and zoomed_out["min"] >= 11, zoomed_out
    page.evaluate("() => { const cy = window.peristiwaNetwork; cy.zoom(cy.zoom() * 8); }")
    page.wait_for_timeout(100)
    zoomed_in = _label_px(page)  # close up, every actor is named
    assert zoomed_in["named"] > fitted["named"] and zoomed_in["min"] >= 11, zoomed_in
    assert page.problems == [], page.problems
    page.close()


def test_api_description_renders_offline(browser, demo_url):
    """/docs: Swagger UI from our own static files lists the endpoints."""
    page = _page(browser)
    page.goto(demo_url + "/docs")
    page.wait_for_selector(".opblock-summary-path", state="attached")
    paths = page.evaluate("() => [...document.querySelectorAll('.opblock-summary-path')].map(e => e.textContent)")
    assert {"/api/events", "/api/network", "/api/timeline", "/api/actors"} <= {p.replace("\u200b", "") for p in paths}
    _shot(page, "api-docs")
    page.close()
