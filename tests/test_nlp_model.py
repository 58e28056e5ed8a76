"""The shipped Indonesian pipeline: loading, entity offsets, CoNLL-U round trip, bad input."""

from __future__ import annotations

import subprocess
import sys

import pytest
from click.testing import CliRunner

from peristiwa.cli import main
from peristiwa.nlp import entities_of, load_model

# Our own sentences (not from the data sets).
TEXT = ("Presiden Joko Widodo bertemu Perdana Menteri Malaysia Anwar Ibrahim di Jakarta pada Senin. "
        "Keduanya membahas perbatasan di Kalimantan.\n\n"
        "\"Kami sepakat memperkuat kerja sama,\" kata Jokowi kepada wartawan.")


def test_loads_once_per_process(nlp):
    assert load_model("id") is nlp
    import peristiwa

    assert peristiwa.load("id") is nlp


def test_pipeline_components(nlp):
    for name in ("paragraph_sentences", "morphologizer", "id_rule_lemmatizer", "parser", "ner"):
        assert name in nlp.pipe_names


def test_ner_reads_the_shipped_name_lists(nlp):
    embed = nlp.config["components"]["ner"]["model"]["tok2vec"]["embed"]
    assert embed["@architectures"] == "peristiwa.NameHashEmbed.v1" and embed["names_path"] is None
    # matches are hidden at random only in training: at run time the same text gives the same entities
    doc = nlp("Wakil Presiden bertemu delegasi dari Bukittinggi dan Wisconsin di Jakarta.")
    again = nlp("Wakil Presiden bertemu delegasi dari Bukittinggi dan Wisconsin di Jakarta.")
    assert [(e.text, e.label_) for e in doc.ents] == [(e.text, e.label_) for e in again.ents]
    assert ("Jakarta", "LOC") in [(e.text, e.label_) for e in doc.ents]


def test_static_vectors_ship_and_ignore_case(nlp):
    vectors = nlp.vocab.vectors
    assert vectors.shape[0] > 10_000 and vectors.shape[1] == 100
    # NERP is lower-cased: a lower-cased name must meet the same row as the written one
    for forms in (("jakarta", "Jakarta", "JAKARTA"), ("presiden", "Presiden", "PRESIDEN")):
        rows = {vectors.key2row.get(nlp.vocab.strings[f]) for f in forms}
        assert len(rows) == 1 and None not in rows, forms


def test_analysis_fills_every_layer(nlp):
    doc = nlp(TEXT)
    words = [t for t in doc if not t.is_space]
    assert all(t.pos_ for t in words)
    assert all(t.lemma_ for t in words)
    assert all(t.dep_ for t in words)
    assert {e.label_ for e in doc.ents} <= {"PER", "ORG", "LOC", "EVT"}
    assert any(e.label_ in ("PER", "LOC") for e in doc.ents)


def test_entity_offsets_point_into_text(nlp):
    doc = nlp(TEXT)
    ents = entities_of(doc)
    assert ents
    for e in ents:
        assert TEXT[e.start:e.end] == e.text
        assert e.end > e.start


def test_paragraph_break_starts_sentence(nlp):
    doc = nlp(TEXT)
    quote = TEXT.index('"Kami')
    starts = {t.idx for t in doc if t.is_sent_start}
    assert quote in starts
    kata = TEXT.index("kata Jokowi")
    assert kata not in starts  # the speech verb stays with its quote


def test_pipe_batches_match_single_calls(nlp):
    texts = [TEXT, "Polisi menangkap dua tersangka di Surabaya.", ""]
    batched = [[(t.text, t.pos_, t.dep_) for t in d] for d in nlp.pipe(texts, batch_size=2)]
    single = [[(t.text, t.pos_, t.dep_) for t in nlp(x)] for x in texts]
    assert batched == single


@pytest.mark.parametrize("text", [
    "",
    "   \n\n  ",
    "Presiden\u200b Jokowi\u200d bertemu\ufeff menteri.",        # zero-width characters
    "Menteri Kesehatan Bu\u0301di Gunadi\u0308 hadir.",           # combining marks
    "Warga 😀🇮🇩 merayakan kemenangan 🎉 di Bandung.",             # emoji and flags
    "Delegasi \u0627\u0644\u0639\u0631\u0628\u064a\u0629 \u202bRTL\u202c tiba di Jakarta.",  # Arabic, RTL marks
    "\x00\x07 kontrol \ud7ff karakter",
])
def test_odd_input_does_not_break(nlp, text):
    doc = nlp(text)
    for e in entities_of(doc):
        assert text[e.start:e.end] == e.text
    assert "".join(t.text_with_ws for t in doc) == text


def test_very_long_sentence(nlp):
    words = ["warga", "menolak", "rencana", "itu", "dan"] * 4000  # 20,000 tokens, no full stop
    text = " ".join(words)
    doc = nlp(text)
    assert len(doc) == 20_000
    assert all(t.head.i < len(doc) for t in doc)


def _conllu(sent_id: str) -> str:
    """A hand-written sentence with a multiword token (3-4) and SpaceAfter=No; HEAD/DEPREL blank."""
    rows = [["1", "Polisi", "polisi", "NOUN"], ["2", "menangkap", "tangkap", "VERB"],
            ["3-4", "pelakunya", "_", "_"], ["3", "pelaku", "laku", "NOUN"], ["4", "nya", "nya", "PRON"],
            ["5", "di", "di", "ADP"], ["6", "Medan", "Medan", "PROPN"], ["7", ".", ".", "PUNCT"]]
    lines = [f"# sent_id = {sent_id}", "# text = Polisi menangkap pelakunya di Medan."]
    for r in rows:
        misc = "SpaceAfter=No" if r[1] == "Medan" else "_"
        lines.append("\t".join([*r, "_", "_", "_", "_", "_", misc]))
    return "\n".join(lines) + "\n\n"


def test_cli_conllu_round_trip(tmp_path):
    src = tmp_path / "in.conllu"
    src.write_text(_conllu("t1") + _conllu("t2"), encoding="utf-8")
    out = CliRunner().invoke(main, ["nlp", "--conllu", str(src)])  # in-process: model already loaded
    assert out.exit_code == 0, out.output
    blocks = [b for b in out.stdout.split("\n\n") if b.strip()]
    assert len(blocks) == 2
    for block, sid in zip(blocks, ("t1", "t2"), strict=True):
        lines = block.splitlines()
        assert lines[0] == f"# sent_id = {sid}"
        rows = [ln.split("\t") for ln in lines if not ln.startswith("#")]
        assert [r[1] for r in rows] == ["Polisi", "menangkap", "pelaku", "nya", "di", "Medan", "."]
        assert all(len(r) == 10 for r in rows)
        heads = [int(r[6]) for r in rows]
        assert heads.count(0) == 1 and all(0 <= h <= len(rows) for h in heads)
        assert all(r[3] and r[3] != "_" for r in rows) and all(r[7] and r[7] != "_" for r in rows)
        assert rows[5][9] == "NER=B-LOC|SpaceAfter=No"  # the entity beside the spacing
        assert rows[0][2] == "polisi"


def test_cli_text_gives_entities_and_no_empty_sentence(tmp_path):
    src = tmp_path / "in.txt"
    src.write_text("Ketua KPK Agus Rahardjo bertemu Presiden Joko Widodo di Jakarta.\n\n", encoding="utf-8")
    out = CliRunner().invoke(main, ["nlp", str(src)])
    assert out.exit_code == 0, out.output
    blocks = [b for b in out.stdout.split("\n\n") if b.strip()]
    assert len(blocks) == 1 and out.stdout.count("# sent_id") == 1
    rows = [ln.split("\t") for ln in blocks[0].splitlines() if not ln.startswith("#")]
    tags = {r[1]: r[9].split("|")[0] for r in rows}
    assert (tags["KPK"], tags["Agus"], tags["Rahardjo"], tags["Jakarta"]) == ("NER=B-ORG", "NER=B-PER", "NER=I-PER",
                                                                           "NER=B-LOC")
    assert tags["bertemu"] == "_"


def test_cli_rejects_bad_conllu(tmp_path):
    bad = tmp_path / "bad.conllu"
    bad.write_text("1\tPolisi\tpolisi\n\n", encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "peristiwa.cli", "nlp", "--conllu", str(bad)],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode != 0
    assert "bad.conllu:1" in out.stderr and "10 tab-separated columns" in out.stderr
