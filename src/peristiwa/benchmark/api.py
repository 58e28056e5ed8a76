"""`make bench` section: API latency and throughput over a generated database of synthetic events.

The database (1,000,000 events by default; PERISTIWA_BENCH_EVENTS scales it) is made once by
scripts/generate_events_db.py and kept in reports/. `peristiwa serve` runs in a subprocess pinned to
one CPU core; latencies are measured one request at a time over varied filters (no response caching
exists, so repeated filters cost the same), then 50 concurrent clients on loopback run for a bounded
time from the other core.
"""

from __future__ import annotations

import asyncio
import contextlib
import importlib.util
import os
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx

from peristiwa.report import ReportTable

TARGET_P95_MS = 150.0
ROOT = Path(__file__).resolve().parents[3]
LOAD_CLIENTS = 50
LOAD_SECONDS = 15.0
LOAD_MAX_REQUESTS = 20_000


def run(shared: Path) -> list[ReportTable]:
    n = int(os.environ.get("PERISTIWA_BENCH_EVENTS", "1000000"))
    db = Path(os.environ.get("PERISTIWA_BENCH_DB", f"reports/bench-events-{n}.db"))
    notes = []
    if not db.exists():
        gen = _generator()
        if gen is None:
            return [ReportTable("API: skipped", [], notes=["scripts/generate_events_db.py not found (source tree "
                                                           "needed to generate the benchmark database)"])]
        db.parent.mkdir(parents=True, exist_ok=True)
        t0 = time.perf_counter()
        gen.generate(str(db), n, log=lambda *_: None)
        notes.append(f"generated {n:,} events in {time.perf_counter() - t0:.0f} s")
    with _server(db) as (base, startup_s, pid):
        with httpx.Client(base_url=base, timeout=120) as client:
            t0 = time.perf_counter()
            client.get("/api/timeline").raise_for_status()  # builds the column index
            index_s = time.perf_counter() - t0
            actors = [a["name"] for a in client.get("/api/actors?limit=40").json()["actors"]]
            latency, cpu = _latencies(client, _queries(actors), pid)
        load = _load(base, _queries(actors))
    data = ReportTable(
        f"API data set ({n:,} generated events)", ["events", "database MB", "server start s", "first request s"],
        [[n, round(db.stat().st_size / 1e6), round(startup_s, 1), round(index_s, 1)]],
        notes=notes + ["first request s: loading the column index (once per server start and after the data "
                       "changes)", f"machine: {os.cpu_count()} CPUs, load average before the run "
                       f"{os.getloadavg()[0]:.1f}; server pinned to one core"])
    lat = ReportTable(
        "API latency, one request at a time (server on one core)",
        ["endpoint", "requests", "p50 ms", "p95 ms", "max ms", f"p95 <= {TARGET_P95_MS:.0f} ms",
         "server CPU ms/request"],
        [[name, len(ms), _pct(ms, 50), _pct(ms, 95), round(max(ms), 1),
          "yes" if _pct(ms, 95) <= TARGET_P95_MS else "NO", cpu.get(name)]
         for name, ms in latency.items()],
        notes=["each endpoint cycles through unfiltered, date range, country, actor, type, quad and text "
               "filters (see peristiwa/benchmark/api.py:_queries)",
               "server CPU ms/request: the server process's CPU time over the run divided by its requests "
               "(independent of other load on the machine; wall-clock latency is not)"])
    thr = ReportTable(
        f"API under load: {LOAD_CLIENTS} concurrent clients on loopback",
        ["clients", "seconds", "requests", "errors", "requests/s", "p50 ms", "p95 ms"],
        [[LOAD_CLIENTS, round(load["seconds"], 1), load["requests"], load["errors"],
          round(load["requests"] / load["seconds"], 1), _pct(load["ms"], 50), _pct(load["ms"], 95)]],
        notes=["a mix of the same queries; bounded by time and request count; the load generator runs on "
               "the other core"])
    return [data, lat, thr]


def _generator():
    path = ROOT / "scripts" / "generate_events_db.py"
    if not path.exists():
        return None
    spec = importlib.util.spec_from_file_location("generate_events_db", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _queries(actors: list[str]) -> dict[str, list[dict]]:
    years = [{"start": f"{y}-01-01", "end": f"{y}-12-31"} for y in (2016, 2019, 2022, 2025)]
    common: list[dict] = [{}, *years, {"country": "IDN"}, {"country": "LBY"}, {"country": "USA", **years[2]},
                          {"type": "ASSAULT"}, {"type": "CONSULT,AGREE"}, {"quad": "4"}, {"quad": "1,2", **years[1]},
                          {"q": "menyerang"}, {"q": "sanksi"}, {"q": "Indonesia", **years[3]}]
    common += [{"actor": a} for a in actors[:10:2]] + [{"actor": a} for a in actors[-3:]]
    return {
        "/api/network": common,
        "/api/events": ([dict(f) for f in common] + [{**f, "sort": "goldstein"} for f in common[:6]]
                        + [{**f, "sort": "-mentions"} for f in common[6:10]]),
        "/api/timeline": [{**f, "interval": iv} for f in common for iv in ("month",)]
        + [{"interval": "week"}, {"interval": "day", **years[0]}],
    }


def _latencies(client: httpx.Client, queries: dict[str, list[dict]], pid: int,
               rounds: int = 4) -> tuple[dict[str, list[float]], dict[str, float | None]]:
    out: dict[str, list[float]] = {}
    cpu: dict[str, float | None] = {}
    for path, variants in queries.items():
        ms = []
        c0 = _cpu_seconds(pid)
        for _ in range(rounds):
            for params in variants:
                t0 = time.perf_counter()
                r = client.get(path, params=params)
                ms.append((time.perf_counter() - t0) * 1000)
                r.raise_for_status()
        c1 = _cpu_seconds(pid)
        out[path] = ms
        cpu[path] = round((c1 - c0) * 1000 / len(ms), 1) if c0 is not None and c1 is not None else None
    return out, cpu


def _cpu_seconds(pid: int) -> float | None:
    """User + system CPU time of a process (Linux /proc), None elsewhere."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return None


def _load(base: str, queries: dict[str, list[dict]]) -> dict:
    mix = [(path, params) for path, variants in queries.items() for params in variants]
    before = os.sched_getaffinity(0) if hasattr(os, "sched_getaffinity") else None
    if before and len(before) > 1:
        os.sched_setaffinity(0, {max(before)})  # the load generator stays off the server's core
    try:
        return asyncio.run(_load_async(base, mix))
    finally:
        if before:
            os.sched_setaffinity(0, before)


async def _load_async(base: str, mix: list[tuple[str, dict]]) -> dict:
    ms: list[float] = []
    errors = 0
    count = 0
    deadline = time.perf_counter() + LOAD_SECONDS
    limits = httpx.Limits(max_connections=LOAD_CLIENTS, max_keepalive_connections=LOAD_CLIENTS)

    async with httpx.AsyncClient(base_url=base, timeout=60, limits=limits) as client:
        async def worker(k: int) -> None:
            nonlocal errors, count
            i = k
            while time.perf_counter() < deadline and count < LOAD_MAX_REQUESTS:
                path, params = mix[i % len(mix)]
                i += LOAD_CLIENTS
                count += 1
                t0 = time.perf_counter()
                try:
                    r = await client.get(path, params=params)
                    if r.status_code != 200:
                        errors += 1
                except httpx.HTTPError:
                    errors += 1
                ms.append((time.perf_counter() - t0) * 1000)

        t0 = time.perf_counter()
        await asyncio.gather(*(worker(k) for k in range(LOAD_CLIENTS)))
        seconds = time.perf_counter() - t0
    return {"ms": ms, "errors": errors, "requests": len(ms), "seconds": seconds}


@contextlib.contextmanager
def _server(db: Path):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    cores = sorted(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else []
    pin = (lambda: os.sched_setaffinity(0, {cores[0]})) if cores else None
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "peristiwa.cli", "serve", "--db", str(db), "--port", str(port)],
                            preexec_fn=pin, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"peristiwa serve exited: {proc.stderr.read().decode()[-500:]}")
            with contextlib.suppress(httpx.HTTPError):
                if httpx.get(base + "/openapi.json", timeout=2).status_code == 200:
                    break
            if time.perf_counter() - t0 > 120:
                raise RuntimeError("peristiwa serve did not start in 120 s")
            time.sleep(0.2)
        yield base, time.perf_counter() - t0, proc.pid
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


def _pct(ms: list[float], p: int) -> float:
    if not ms:
        return 0.0
    if len(ms) == 1:
        return round(ms[0], 1)
    return round(statistics.quantiles(ms, n=100, method="inclusive")[p - 1], 1)
