"""The project's own event annotations: standoff over IndoSum, rebuilt into rows of the gold format."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from peristiwa.events.extra_gold import EXTRA_GOLD, UNCERTAIN_GOLD, read_extra_gold, to_standoff
from peristiwa.nlp.corpora import indosum_text

# an invented article in IndoSum's layout: paragraphs of tokenised sentences
WORDS = ["Jakarta", "(", "Antara", ")", "-", "Polisi", "menangkap", "dua", "orang", ",", '"', "kata", "Budi",
         '"', "."]
ROW_EVENT = {"source": [{"text": "Polisi", "country": "IDN", "sector": "COP"}],
             "target": [{"text": "dua orang", "country": "IDN", "sector": "CVL"}], "plover": "COERCE",
             "cameo_root": "17", "quad": 4, "trigger": "menangkap", "modality": "asserted", "attribution": "Budi",
             "note": "not stored"}


def test_indosum_tokens_are_joined_as_events_id_writes_its_sentences() -> None:
    assert indosum_text(WORDS) == 'Jakarta (Antara) - Polisi menangkap dua orang, "kata Budi".'
    assert indosum_text(["Ia", "berkata", ",", '"', "Kami", "menolak", ".", '"']) == 'Ia berkata, "Kami menolak."'
    assert indosum_text(["Naik", "\xa0", "10", "%", "."]) == "Naik 10%."


def test_standoff_round_trip_rebuilds_the_row(tmp_path: Path) -> None:
    text = indosum_text(WORDS)
    row = {"line": "indosum:123-polisi-tangkap:2:0", "id_text": text, "events": [ROW_EVENT], "uncertain": False}
    record = to_standoff(row, "evtrain-0000", WORDS)
    assert "text" not in json.dumps(record) and "Polisi" not in json.dumps(record)
    news = tmp_path / "news" / "indosum-dev"
    news.mkdir(parents=True)
    article = {"id": "123-polisi-tangkap", "category": "tajuk utama", "paragraphs": [[["A", "."]], [["B", "."]],
                                                                                      [WORDS]]}
    (news / "dev.01.jsonl").write_text(json.dumps(article) + "\n", encoding="utf-8")
    path = tmp_path / "extra.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    [back] = read_extra_gold(tmp_path, path)
    assert back["line"] == row["line"] and back["id_text"] == text
    event = back["events"][0]
    assert {k: event[k] for k in ROW_EVENT if k != "note"} == {k: v for k, v in ROW_EVENT.items() if k != "note"}


def test_standoff_refuses_text_that_is_not_the_sentence() -> None:
    row = {"line": "indosum:123:2:0", "id_text": "Polisi menangkap dua orang.", "events": [ROW_EVENT]}
    with pytest.raises(ValueError, match="indosum:123:2:0"):
        to_standoff(row, "x", WORDS)
    row = {"line": "indosum:123:2:0", "id_text": indosum_text(WORDS),
           "events": [{**ROW_EVENT, "trigger": "menahan"}]}
    with pytest.raises(ValueError, match="'menahan'"):
        to_standoff(row, "x", WORDS)


@pytest.mark.parametrize("path", [EXTRA_GOLD, UNCERTAIN_GOLD], ids=lambda p: p.stem)
def test_shipped_annotations_load_and_stay_in_the_training_articles(shared: Path, path: Path) -> None:
    if not path.is_file():
        pytest.skip(f"no {path.name} shipped")
    rows = read_extra_gold(shared, path)
    train = {json.loads(line)["line"] for line in (shared / "events-id" / "train.gold.jsonl").open(encoding="utf-8")}
    dev = {json.loads(line)["line"].split(":")[1] for line in (shared / "events-id" / "dev.gold.jsonl").open(
        encoding="utf-8")}
    train_articles = {line.split(":")[1] for line in train}
    assert len(rows) >= 500
    for row in rows:
        assert row["line"] not in train, row["line"]
        article = row["line"].split(":")[1]
        assert article in train_articles and article not in dev, row["line"]
        for event in row["events"]:
            assert event["trigger"] and event["trigger"] in row["id_text"]
            for side in ("source", "target"):
                assert all(a["text"] in row["id_text"] for a in event[side] or [])


def test_a_fold_never_learns_from_the_extra_sentences_of_its_own_articles() -> None:
    from peristiwa.events.train import Example, fold_training, folds

    def example(line: str) -> Example:
        return Example({"line": line, "id_text": "", "events": []}, None, None, [])

    gold = [example(f"indosum:a{n % 6}:{n}:0") for n in range(12)]
    extra = [example(f"indosum:a{n % 6}:{n}:1") for n in range(6)]
    for fold in folds(gold, 3):
        held = {gold[n].article for n in fold}
        seen = fold_training(gold, extra, fold)
        assert not any(ex.article in held for ex in seen)
        assert sum(ex.row["line"].endswith(":1") for ex in seen) == 6 - len(held)
        assert len(seen) == 12 - len(fold) + 6 - len(held)


def test_written_sentences_are_ours_and_well_formed(shared: Path) -> None:
    from peristiwa.events.extra_gold import read_written_gold

    rows = read_written_gold()
    if not rows:
        pytest.skip("no written event sentences shipped")
    lines = [r["line"] for r in rows]
    assert len(set(lines)) == len(lines) and all(line.startswith("written:") for line in lines)
    # invented text: no sentence of the shared event sets (train, dev, wire dev) is among them
    known = set()
    for path in (shared / "events-id" / "train.gold.jsonl", shared / "events-id" / "dev.gold.jsonl",
                 shared / "events-id-dev" / "dev.gold.jsonl"):
        if path.is_file():
            known |= {json.loads(line)["id_text"] for line in path.open(encoding="utf-8") if line.strip()}
    assert not known & {r["id_text"] for r in rows}
    for row in rows:
        for event in row["events"]:
            assert event["trigger"] in row["id_text"]
            assert event["plover"] and isinstance(event["quad"], int)


def test_the_uncertain_round_draws_no_sentence_annotated_before() -> None:
    if not UNCERTAIN_GOLD.is_file():
        pytest.skip(f"no {UNCERTAIN_GOLD.name} shipped")

    def refs(path: Path) -> list[tuple]:
        items = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        return [(x["id"], (x["article"], x["paragraph"], x["sentence"])) for x in items]

    before, round4 = refs(EXTRA_GOLD), refs(UNCERTAIN_GOLD)
    assert not {s for _, s in before} & {s for _, s in round4}
    ids = [i for i, _ in before + round4]
    assert len(ids) == len(set(ids))
    assert len({s for _, s in round4}) == len(round4)
