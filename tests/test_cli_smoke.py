import json
import subprocess
import sys

from peristiwa.schema import JSON_SCHEMA


def run_cli(*args: str, input: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "peristiwa.cli", *args], capture_output=True, text=True,
                          input=input, timeout=600)


def test_extract_seed_prints_one_json_object(seed_path):
    proc = run_cli("extract", str(seed_path))
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.strip().splitlines()
    assert len(lines) == 1
    rec = json.loads(lines[0])
    assert set(JSON_SCHEMA["required"]) <= set(rec)
    assert rec["source"].endswith("000_4eb2d5cc41c4756d.txt")


def test_missing_path_fails_with_named_error(tmp_path):
    missing = tmp_path / "nope.txt"
    proc = run_cli("extract", str(missing))
    assert proc.returncode == 1
    rec = json.loads(proc.stdout)
    assert str(missing) in rec["error"]
