"""The actor network picture: nodes, quad-coloured edges, a self-contained SVG, and the CLI."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

from click.testing import CliRunner

from peristiwa.cli import main
from peristiwa.graph import QUAD_COLOURS, build_network, network_svg

SVG = "{http://www.w3.org/2000/svg}"


def _actor(name: str, country: str) -> dict:
    return {"text": name, "start": 0, "end": 1, "name": name, "country": country, "sector": "GOV", "wikidata": None}


EVENTS = [
    {"event": "SUPPORT", "quad": 1, "actor": [_actor("Egypt", "EGY"), _actor("United Arab Emirates", "ARE")],
     "recipient": [_actor("Libyan National Army", "LBY")]},
    {"event": "AID", "quad": 2, "actor": [_actor("Turkey", "TUR")], "recipient": [_actor("Libya", "LBY")]},
    {"event": "AID", "quad": 2, "actor": [_actor("Turkey", "TUR")], "recipient": [_actor("Libya", "LBY")]},
    {"event": "SANCTION", "quad": 4, "actor": [_actor("Greece", "GRC")], "recipient": [_actor("Libya", "LBY")]},
    {"event": "SUPPORT", "quad": 1, "actor": [_actor("Libya", "LBY"), _actor("Turkey", "TUR")], "recipient": []},
    {"event": "ACCUSE", "quad": 3, "actor": [], "recipient": [_actor("Russia", "RUS")]},
    {"event": "ASSAULT", "quad": 4, "modality": "negated", "actor": [_actor("India", "IND")],
     "recipient": [_actor("Pakistan", "PAK")]},
]


def test_network_aggregates_parallel_events() -> None:
    net = build_network(EVENTS)
    assert len(net.labels) == 7
    aid = [e for e in net.edges.values() if e.quad == 2]
    assert len(aid) == 1 and aid[0].count == 2 and aid[0].directed
    joint = [e for e in net.edges.values() if not e.directed]
    assert len(joint) == 1 and joint[0].types["SUPPORT"] == 1
    assert len([e for e in net.edges.values() if e.quad == 1 and e.directed]) == 2
    assert "India|IND" not in net.labels  # what did not happen is not drawn


def test_svg_is_self_contained_and_coloured() -> None:
    svg = network_svg([{"events": EVENTS}], title="Libya")
    root = ET.fromstring(svg)
    assert root.tag == f"{SVG}svg"
    labels = {t.text for t in root.iter(f"{SVG}text")}
    assert {"Egypt", "Turkey", "Greece", "Libyan National Army", "Libya"} <= labels
    strokes = {p.get("stroke") for p in root.iter(f"{SVG}path") if p.get("fill") == "none"}
    assert {QUAD_COLOURS[1], QUAD_COLOURS[2], QUAD_COLOURS[4]} <= strokes
    assert "http://" not in svg.replace("http://www.w3.org/2000/svg", "")
    assert "<script" not in svg and "@import" not in svg


def test_empty_network_still_draws() -> None:
    root = ET.fromstring(network_svg([{"events": []}]))
    assert any("no events" in (t.text or "") for t in root.iter(f"{SVG}text"))


def test_cli_graph_from_extract_output(tmp_path: Path) -> None:
    src = tmp_path / "out.jsonl"
    src.write_text("\n".join(json.dumps({"doc_id": str(i), "events": [ev]}) for i, ev in enumerate(EVENTS)) + "\n",
                   encoding="utf-8")
    out = tmp_path / "net.svg"
    res = CliRunner().invoke(main, ["graph", str(src), "-o", str(out)])
    assert res.exit_code == 0, res.output
    root = ET.fromstring(out.read_text(encoding="utf-8"))
    assert "Greece" in {t.text for t in root.iter(f"{SVG}text")}


def test_extract_writes_the_graph_too(tmp_path: Path) -> None:
    # a language without a model: the wiring is what is tested here (no events, the picture says so)
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "a", "text": "Some text in no supported language.", "lang": "xx"}) + "\n",
                   encoding="utf-8")
    svg = tmp_path / "net.svg"
    res = CliRunner().invoke(main, ["extract", "--jsonl", str(src), "--lang", "xx", "-o", str(tmp_path / "o.jsonl"),
                                    "--graph", str(svg)])
    assert res.exit_code == 0, res.output
    root = ET.fromstring(svg.read_text(encoding="utf-8"))
    assert any("no events" in (t.text or "") for t in root.iter(f"{SVG}text"))
