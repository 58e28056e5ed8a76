"""Readers never crash on bytes: every bad input becomes a Document with an error naming it."""

from __future__ import annotations

import json

import pytest

from peristiwa.ingest import files
from peristiwa.ingest.files import decode_bytes, doc_id_of, iter_documents, iter_jsonl_records, read_file

INDONESIAN = "Menteri Luar Negeri bertemu mitranya di Jakarta, Selasa (21/10/2025). Kerja sama akan diperkuat."


def test_text_file_is_decoded_and_hashed(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text(INDONESIAN, encoding="utf-8")
    doc = read_file(p)
    assert doc.error is None and doc.kind == "text" and doc.text == INDONESIAN
    assert doc.doc_id == doc_id_of(p.read_bytes())
    # same bytes elsewhere, same id
    q = tmp_path / "b.txt"
    q.write_bytes(p.read_bytes())
    assert read_file(q).doc_id == doc.doc_id


def test_html_suffixes(tmp_path):
    for name in ("a.html", "b.htm", "c.HTML"):
        (tmp_path / name).write_text("<html><body><p>x</p></body></html>", encoding="utf-8")
        assert read_file(tmp_path / name).kind == "html"


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1", "utf-16", "utf-8-sig"])
def test_charsets(tmp_path, encoding):
    text = "Pernyataan Menlu: “Kami menolak” — kata pejabat café di Jakarta. " * 5
    if encoding == "latin-1":
        text = "Menteri mengatakan à propos: la réunion était très productive. " * 5
    p = tmp_path / "x.txt"
    p.write_bytes(text.encode(encoding))
    assert read_file(p).text == text


def test_declared_html_charset_is_used():
    html = '<html><head><meta charset="windows-1252"></head><body><p>Caf\xe9 \x93kutipan\x94</p></body></html>'
    assert "Café “kutipan”" in decode_bytes(html.encode("latin-1"))


def test_utf8_with_one_broken_byte_stays_utf8():
    data = ("Pembangunan jembatan di Kalimantan Ūtara " * 200).encode("utf-8")
    data = data[:1000] + b"\xc3" + data[1000:]
    text = decode_bytes(data)
    assert "Ūtara" in text and text.count("\ufffd") == 1


def test_empty_and_blank_files(tmp_path):
    for name, data in (("empty.txt", b""), ("blank.txt", b" \n\t\n")):
        p = tmp_path / name
        p.write_bytes(data)
        doc = read_file(p)
        assert doc.error == f"{p}: empty file"


def test_binary_file(tmp_path):
    p = tmp_path / "photo.html"
    p.write_bytes(bytes(range(256)) * 40)
    doc = read_file(p)
    assert doc.error is not None and str(p) in doc.error and "binary" in doc.error


def test_size_cap(tmp_path, monkeypatch):
    monkeypatch.setattr(files, "MAX_DOCUMENT_BYTES", 1000)
    p = tmp_path / "huge.txt"
    p.write_text(INDONESIAN * 100, encoding="utf-8")
    doc = read_file(p)
    assert doc.error is not None and str(p) in doc.error and "too large" in doc.error and "1,000" in doc.error


def test_unreadable_and_missing_paths(tmp_path):
    docs = list(iter_documents([tmp_path / "missing.txt"]))
    assert len(docs) == 1 and docs[0].error == f"{tmp_path / 'missing.txt'}: no such file or folder"
    doc = read_file(tmp_path)  # a folder where a file is expected
    assert doc.error is not None and doc.error.startswith(f"{tmp_path}: cannot read")


def test_folder_walk_is_sorted_and_skips_other_files(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / ".hidden").mkdir()
    for name in ("b.txt", "a.html", "sub/c.htm", "notes.pdf", ".hidden/d.txt", ".e.txt"):
        (tmp_path / name).write_text(INDONESIAN, encoding="utf-8")
    sources = [d.source for d in iter_documents([tmp_path])]
    assert sources == [str(tmp_path / "a.html"), str(tmp_path / "b.txt"), str(tmp_path / "sub" / "c.htm")]


def test_jsonl_records_and_bad_lines(tmp_path):
    p = tmp_path / "recs.jsonl"
    lines = [
        json.dumps({"id": "r1", "text": INDONESIAN, "title": "Judul", "published": "2025-10-21", "lang": "id"}),
        "{not json",
        json.dumps({"id": "r3"}),
        json.dumps(["a", "list"]),
        "",
        json.dumps({"id": "r6", "text": INDONESIAN, "published": "21/10/2025"}),
        json.dumps({"text": INDONESIAN}),
    ]
    p.write_bytes(("\n".join(lines) + "\n").encode() + b'{"id": "r8", "text": "\xff\xfe"}\n')
    docs = list(iter_jsonl_records(p))
    assert [d.source for d in docs] == [f"{p}:{n}" for n in (1, 2, 3, 4, 6, 7, 8)]
    ok = docs[0]
    assert (ok.doc_id, ok.kind, ok.title, ok.published, ok.lang) == ("r1", "clean", "Judul", "2025-10-21", "id")
    assert docs[1].error.startswith(f"{p}:2: not JSON")
    assert docs[2].error == f'{p}:3: missing or empty "text"'
    assert docs[3].error == f"{p}:4: a record must be a JSON object"
    assert "YYYY-MM-DD" in docs[4].error and docs[4].error.startswith(f"{p}:6:")
    assert docs[5].error is None and docs[5].doc_id == doc_id_of(lines[6].encode() + b"\n")
    assert docs[6].error == f"{p}:8: not UTF-8"


def test_jsonl_in_a_folder_is_read_as_records(tmp_path):
    (tmp_path / "x.jsonl").write_text(json.dumps({"id": "a", "text": INDONESIAN}) + "\n", encoding="utf-8")
    docs = list(iter_documents([tmp_path]))
    assert [(d.doc_id, d.kind) for d in docs] == [("a", "clean")]


def test_missing_jsonl_file(tmp_path):
    docs = list(iter_jsonl_records(tmp_path / "nope.jsonl"))
    assert len(docs) == 1 and "cannot read" in docs[0].error
