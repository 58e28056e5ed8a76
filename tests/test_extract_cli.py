"""`peristiwa extract` end to end, through a real subprocess: examples, --jsonl, --lang, --published,
bad inputs and exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from peristiwa.schema import JSON_SCHEMA

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "peristiwa.cli", "extract", *args], capture_output=True,
                          text=True, timeout=600, cwd=ROOT)


def records(proc: subprocess.CompletedProcess) -> list[dict]:
    return [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]


def test_examples_folder():
    proc = run_cli(str(EXAMPLES))
    assert proc.returncode == 0, proc.stderr
    recs = records(proc)
    files = sorted(p for p in EXAMPLES.iterdir() if p.suffix in {".html", ".txt"})
    assert len(recs) == len(files) + 2  # the .jsonl holds two records
    by_source = {Path(r["source"].split(":")[0]).name + (":" + r["source"].split(":")[1]
                                                          if ":" in r["source"] else ""): r for r in recs}
    for rec in recs:
        assert set(JSON_SCHEMA["required"]) <= set(rec)
        assert "error" not in rec, rec.get("error")
        art = rec["article"]
        assert art["title"] and art["lead"] and art["text"].startswith(art["lead"])
    assert by_source["reuters-wire-ceasefire.txt"]["language"] == "en"
    assert by_source["reuters-wire-ceasefire.txt"]["article"]["wire_source"] == "Reuters"
    raw = by_source["republika-pilkada-papua-raw.txt"]["article"]
    assert (raw["outlet"], raw["dateline_place"], raw["published"]) == ("Republika", "NABIRE", "2025-10-22")
    assert raw["captions"][0]["credit"] == "Republika-Aditya Pradana"
    assert all(r["language"] == "id" for name, r in by_source.items() if not name.startswith("reuters"))
    assert "9 document(s) extracted, 0 failed" in proc.stderr


def test_jsonl_lang_and_published_options(seed_path):
    proc = run_cli("--jsonl", str(EXAMPLES / "clean-records.jsonl"))
    assert proc.returncode == 0, proc.stderr
    recs = records(proc)
    assert [r["doc_id"] for r in recs] == ["clean-001", "clean-002"]
    assert [r["article"]["published"] for r in recs] == ["2025-10-24", "2025-11-03"]
    assert recs[0]["article"]["text"].startswith("Presiden Prabowo Subianto menerima kunjungan")

    proc = run_cli("--lang", "ms", "--published", "2019-12-11", str(seed_path))
    assert proc.returncode == 0, proc.stderr
    (rec,) = records(proc)
    assert rec["language"] == "ms" and rec["article"]["published"] == "2019-12-11"

    proc = run_cli("--published", "11-12-2019", str(seed_path))
    assert proc.returncode == 2 and "YYYY-MM-DD" in proc.stderr and proc.stdout == ""


def test_bad_inputs_do_not_stop_the_batch(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text((EXAMPLES / "republika-pilkada-papua-raw.txt").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "image.html").write_bytes(bytes(range(256)) * 50)
    (tmp_path / "nav.html").write_text("<html><body><nav><a href='/'>Beranda</a></nav></body></html>",
                                       encoding="utf-8")
    (tmp_path / "recs.jsonl").write_text('{"id": "ok", "text": "Presiden menerima kunjungan menteri."}\n'
                                         "{broken\n", encoding="utf-8")
    missing = tmp_path / "missing.txt"
    proc = run_cli(str(tmp_path), str(missing))
    assert proc.returncode == 0, proc.stderr
    recs = {r["source"]: r for r in records(proc)}
    assert len(recs) == 7
    assert "error" not in recs[str(good)] and "error" not in recs[f"{tmp_path / 'recs.jsonl'}:1"]
    expect = {
        str(tmp_path / "empty.txt"): "empty file",
        str(tmp_path / "image.html"): "binary",
        str(tmp_path / "nav.html"): "no article text",
        f"{tmp_path / 'recs.jsonl'}:2": "not JSON",
        str(missing): "no such file",
    }
    for source, problem in expect.items():
        assert source in recs[source]["error"] and problem in recs[source]["error"], recs[source]["error"]
        assert recs[source]["article"] is None
    assert "2 document(s) extracted, 5 failed" in proc.stderr


def test_exit_status_is_non_zero_only_when_nothing_succeeded(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    proc = run_cli(str(tmp_path / "empty.txt"), str(tmp_path / "missing.html"))
    assert proc.returncode == 1
    assert len(records(proc)) == 2
    assert "0 document(s) extracted, 2 failed" in proc.stderr
