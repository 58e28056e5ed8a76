"""Exports read back by the tools users have: csv, pyarrow, networkx, json; GDELT has 61 columns."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import networkx as nx
import pyarrow.parquet as pq
import pytest

from peristiwa.export import export_events
from peristiwa.export.gdelt import COLUMNS as GDELT_COLUMNS
from peristiwa.export.gdelt import write as write_gdelt
from peristiwa.store.queries import EventFilter
from tests.store_records import sample_corpus, store_results


@pytest.fixture
def engine(db_url):
    return store_results(db_url, sample_corpus())


def test_gdelt_has_61_tab_separated_columns_with_codes(engine, tmp_path):
    assert len(GDELT_COLUMNS) == 61
    out = tmp_path / "events.tsv"
    assert export_events(engine, "gdelt", out) == 4  # three reports of one attack merge
    rows = [line.split("\t") for line in out.read_text().splitlines()]
    assert all(len(r) == 61 for r in rows)
    col = {name: i for i, name in enumerate(GDELT_COLUMNS)}
    attack = next(r for r in rows if r[col["NumMentions"]] == "3")
    assert attack[col["SQLDATE"]] == "20240305"
    assert attack[col["EventCode"]] == "190" and attack[col["EventRootCode"]] == "19"
    assert attack[col["QuadClass"]] == "4" and attack[col["GoldsteinScale"]] == "-10.0"
    assert (attack[col["NumSources"]], attack[col["NumArticles"]]) == ("3", "3")
    assert attack[col["Actor1Code"]] == "IDNREB" and attack[col["Actor2Code"]] == "IDNMIL"
    assert attack[col["Actor1CountryCode"]] == "IDN"
    assert attack[col["ActionGeo_CountryCode"]] == "ID"  # FIPS
    assert attack[col["ActionGeo_FullName"]].startswith("Jayapura")
    assert attack[col["ActionGeo_FeatureID"]] == "2082600"
    assert attack[col["SOURCEURL"]] == "https://example.org/b"  # the most confident report
    agree = next(r for r in rows if r[col["EventCode"]] == "057")
    assert agree[col["Actor1CountryCode"]] == "TUR" and agree[col["Actor2CountryCode"]] == "LBY"
    assert agree[col["ActionGeo_Type"]] == "0"


def test_gdelt_header_option(engine):
    buf = io.StringIO()
    with engine.connect() as conn:
        write_gdelt(conn, buf, header=True)
    assert buf.getvalue().splitlines()[0].split("\t") == GDELT_COLUMNS


def test_acled_columns_and_scope(engine, tmp_path):
    out = tmp_path / "acled.csv"
    n = export_events(engine, "acled", out)
    rows = list(csv.DictReader(out.open()))
    assert n == len(rows) == 4  # two attacks, a protest, and AGREE as a strategic development
    assert list(rows[0])[:7] == ["event_id_cnty", "event_date", "year", "time_precision", "disorder_type",
                                  "event_type", "sub_event_type"]
    protest = next(r for r in rows if r["event_type"] == "Protests")
    assert protest["inter1"] == "7" and protest["inter2"] == "1" and protest["interaction"] == "17"
    assert protest["country"] == "Indonesia" and protest["iso"] == "360"
    assert protest["geo_precision"] == "1" and protest["location"] == "Wamena"
    battle = next(r for r in rows if r["location"] == "Jayapura")
    assert battle["event_type"] == "Battles" and battle["actor1"].startswith("Kelompok Kriminal Bersenjata")
    assert battle["time_precision"] == "1" and battle["event_date"] == "2024-03-05"


def test_plover_jsonl_records(engine, tmp_path):
    out = tmp_path / "events.jsonl"
    export_events(engine, "plover", out)
    recs = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(recs) == 4
    attack = next(r for r in recs if r["numMentions"] == 3)
    assert attack["event"] == "ASSAULT" and attack["date"] == "2024-03-05"
    assert attack["source"][0]["actorText"] == "Kelompok Kriminal Bersenjata"
    assert attack["target"][0] == {"actorText": "Tentara Nasional Indonesia", "code": "IDN", "sector": "MIL",
                                   "wikidata": "Q1467405"}
    assert attack["eventLoc"]["name"] == "Jayapura" and attack["eventLoc"]["country code"] == "ID"
    assert attack["text"] == "Pos TNI di Jayapura diserang KKB." and attack["eventText"] == "diserang"


def test_csv_parquet_graphml(engine, tmp_path):
    export_events(engine, "csv", tmp_path / "e.csv")
    export_events(engine, "parquet", tmp_path / "e.parquet")
    export_events(engine, "graphml", tmp_path / "e.graphml")
    rows = list(csv.DictReader((tmp_path / "e.csv").open()))
    table = pq.read_table(tmp_path / "e.parquet")
    assert table.num_rows == len(rows) == 4
    assert sorted(table.column("num_mentions").to_pylist()) == [1, 1, 1, 3]
    g = nx.read_graphml(tmp_path / "e.graphml")
    labels = {g.nodes[n]["label"] for n in g.nodes}
    assert {"Kelompok Kriminal Bersenjata", "Tentara Nasional Indonesia", "Turki", "Libya"} <= labels
    kkb = next(n for n in g.nodes if g.nodes[n]["label"] == "Kelompok Kriminal Bersenjata")
    tni = next(n for n in g.nodes if g.nodes[n]["label"] == "Tentara Nasional Indonesia")
    assert g.edges[kkb, tni]["weight"] == 2 and g.edges[kkb, tni]["mentions"] == 4  # 3 + 1


@pytest.mark.parametrize(("flt", "expected"), [
    (EventFilter(date_from=dt.date(2024, 3, 1), date_to=dt.date(2024, 3, 31)), 2),
    (EventFilter(countries=["TUR"]), 1),
    (EventFilter(countries=["IDN"]), 3),
    (EventFilter(actors=["kelompok kriminal bersenjata"]), 2),
    (EventFilter(actors=["Q43"]), 1),
    (EventFilter(event_types=["protest"]), 1),
    (EventFilter(quads=[1, 3]), 2),
    (EventFilter(cameo=["19"]), 2),
    (EventFilter(min_mentions=2), 1),
])
def test_filters(engine, tmp_path, flt, expected):
    out = tmp_path / "f.csv"
    assert export_events(engine, "csv", out, flt) == expected
