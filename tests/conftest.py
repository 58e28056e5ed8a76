"""Shared fixtures. Data from ../shared/data is read at run time; when absent, those tests skip."""

from __future__ import annotations

from pathlib import Path

import pytest

# PostgreSQL server, per-test databases, db_url (SQLite and PostgreSQL) and the Dask cluster
pytest_plugins = ["tests.pg_server"]

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
EXAMPLES = ROOT / "examples"
SEED = SHARED / "seed" / "000_4eb2d5cc41c4756d.txt"


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"shared data not found at {SHARED}: tests that read it are skipped")
    return SHARED


@pytest.fixture(scope="session")
def seed_path(shared: Path) -> Path:
    if not SEED.is_file():
        pytest.skip(f"seed article not found at {SEED}")
    return SEED


@pytest.fixture(scope="session")
def blank_id():
    """spaCy's blank Indonesian pipeline (tokenizer only), built once per test session."""
    import spacy

    return spacy.blank("id")


@pytest.fixture(scope="session")
def nlp():
    """The shipped Indonesian pipeline (loaded once per process). Test modules that mean another pipeline by
    `nlp` (the blank tokenizer, the English one) define their own fixture of that name, which wins."""
    from peristiwa.nlp import load_model

    model = load_model("id")
    assert model is not None, "the Indonesian model must ship in src/peristiwa/data/models/id_core"
    return model
