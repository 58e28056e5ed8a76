"""`peristiwa extract` end to end, through a real subprocess: examples, --jsonl, --lang, --published,
bad inputs and exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from peristiwa.schema import JSON_SCHEMA

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "peristiwa.cli", "extract", *args], capture_output=True,
                          text=True, timeout=600, cwd=ROOT)


def records(proc: subprocess.CompletedProcess) -> list[dict]:
    return [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    """One run over the examples folder plus a folder of bad inputs and a missing path: the statistical
    model loads once for all the assertions below."""
    bad = tmp_path_factory.mktemp("bad")
    (bad / "empty.txt").write_bytes(b"")
    (bad / "image.html").write_bytes(bytes(range(256)) * 50)
    (bad / "nav.html").write_text("<html><body><nav><a href='/'>Beranda</a></nav></body></html>", encoding="utf-8")
    (bad / "recs.jsonl").write_text('{"id": "ok", "text": "Presiden menerima kunjungan menteri luar negeri."}\n'
                                    "{broken\n", encoding="utf-8")
    missing = bad / "missing.txt"
    proc = run_cli(str(EXAMPLES), str(bad), str(missing))
    return proc, {r["source"]: r for r in records(proc)}, bad


def test_examples_folder(batch):
    proc, recs, _ = batch
    assert proc.returncode == 0, proc.stderr
    examples = {Path(s.split(":")[0]).name + (":" + s.split(":")[1] if ":" in s else ""): r
                for s, r in recs.items() if str(EXAMPLES) in s}
    files = sorted(p for p in EXAMPLES.iterdir() if p.suffix in {".html", ".txt"})
    assert len(examples) == len(files) + 2  # the .jsonl holds two records
    for rec in examples.values():
        assert set(JSON_SCHEMA["required"]) <= set(rec)
        assert "error" not in rec, rec.get("error")
        art = rec["article"]
        # a clean record's text keeps its dateline ahead of the lead
        assert art["title"] and art["lead"] and art["text"].split("\n\n")[0].endswith(art["lead"])
    wire = examples["reuters-wire-ceasefire.txt"]
    assert wire["language"] == "en" and wire["article"]["wire_source"] == "Reuters"
    raw = examples["republika-pilkada-papua-raw.txt"]["article"]
    assert (raw["outlet"], raw["dateline_place"], raw["published"]) == ("Republika", "NABIRE", "2025-10-22")
    assert raw["captions"][0]["credit"] == "Republika-Aditya Pradana"
    assert all(r["language"] == "id" for name, r in examples.items() if not name.startswith(("reuters", "en-")))
    assert examples["en-maritime-standoff.txt"]["language"] == "en"
    assert examples["clean-records.jsonl:1"]["article"]["published"] == "2025-10-24"
    # input order: the examples folder in name order, then the other paths
    sources = list(recs)
    assert sources[0].endswith("antara-bentrok-perbatasan.html") and sources[-1].endswith("missing.txt")


def test_bad_inputs_do_not_stop_the_batch(batch):
    proc, recs, bad = batch
    assert "error" not in recs[f"{bad / 'recs.jsonl'}:1"]
    expect = {
        str(bad / "empty.txt"): "empty file",
        str(bad / "image.html"): "binary",
        str(bad / "nav.html"): "no article text",
        f"{bad / 'recs.jsonl'}:2": "not JSON",
        str(bad / "missing.txt"): "no such file",
    }
    for source, problem in expect.items():
        assert source in recs[source]["error"] and problem in recs[source]["error"], recs[source]["error"]
        assert recs[source]["article"] is None
    assert "11 document(s) extracted, 5 failed" in proc.stderr
    assert proc.stderr.count("error: ") == 5


def test_jsonl_lang_and_published_options(seed_path):
    # --lang ms: no Malay statistical model ships, so this run is the article stage alone
    proc = run_cli("--lang", "ms", "--published", "2019-12-11", "--jsonl", str(EXAMPLES / "clean-records.jsonl"),
                   str(seed_path))
    assert proc.returncode == 0, proc.stderr
    recs = records(proc)
    assert [r["doc_id"] for r in recs][1:] == ["clean-001", "clean-002"]
    assert all(r["language"] == "ms" and r["article"]["published"] == "2019-12-11" for r in recs)
    assert recs[1]["article"]["text"].startswith("Jakarta (ANTARA) - Presiden Prabowo Subianto menerima kunjungan")
    assert recs[1]["article"]["lead"].startswith("Presiden Prabowo Subianto menerima kunjungan")
    assert recs[0]["article"]["title"] == 'AS Ingin "Bersalaman" dengan Rusia di Libya'


def test_bad_published_option(seed_path):
    proc = run_cli("--published", "11-12-2019", str(seed_path))
    assert proc.returncode == 2 and "YYYY-MM-DD" in proc.stderr and proc.stdout == ""


def test_exit_status_is_non_zero_only_when_nothing_succeeded(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    proc = run_cli(str(tmp_path / "empty.txt"), str(tmp_path / "missing.html"))
    assert proc.returncode == 1
    assert len(records(proc)) == 2
    assert "0 document(s) extracted, 2 failed" in proc.stderr


def test_dash_reads_the_document_from_standard_input():
    """`cat page | peristiwa extract -`: the same record as reading the file, with `-` as its source."""
    page = EXAMPLES / "kompas-menlu-asean-myanmar.html"
    proc = subprocess.run([sys.executable, "-m", "peristiwa.cli", "extract", "-", str(page)],
                          input=page.read_bytes(), capture_output=True, timeout=600, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr.decode()
    piped, read = [json.loads(line) for line in proc.stdout.decode().splitlines() if line.strip()]
    assert piped["source"] == "-" and "error" not in piped
    assert piped["doc_id"] == read["doc_id"]
    assert piped["article"]["title"] == read["article"]["title"]  # told apart as HTML without a suffix
    assert [(e["event"], e["trigger"]) for e in piped["events"]] == [(e["event"], e["trigger"]) for e in read["events"]]
    assert piped["events"]


def test_standard_input_text_html_and_empty():
    import io

    from peristiwa.ingest.files import read_stream

    html = read_stream(io.BytesIO(b"\n  <!DOCTYPE html><html><body><p>Teks</p></body></html>"))
    assert (html.kind, html.source) == ("html", "-")
    text = read_stream(io.BytesIO(b"JAKARTA - Presiden <b>menerima</b> tamu."))
    assert text.kind == "text" and text.text.startswith("JAKARTA")
    assert "empty" in read_stream(io.BytesIO(b"  \n")).error


def test_min_confidence_leaves_out_the_less_likely_events(batch):
    _, recs, _ = batch
    every = {s: r["events"] for s, r in recs.items() if str(EXAMPLES) in s and r.get("events")}
    confidences = sorted(e["confidence"] for evs in every.values() for e in evs)
    cut = confidences[len(confidences) // 2]
    proc = run_cli("--min-confidence", str(cut), str(EXAMPLES))
    assert proc.returncode == 0, proc.stderr
    kept = {r["source"]: r["events"] for r in records(proc)}
    assert all(e["confidence"] >= cut for evs in kept.values() for e in evs)
    # the same events, the others left out: nothing re-coded
    for source, evs in every.items():
        assert [e["id"] for e in kept[source]] == [e["id"] for e in evs if e["confidence"] >= cut]
    assert run_cli("--min-confidence", "1.5", str(EXAMPLES)).returncode == 2
