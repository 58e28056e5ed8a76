from __future__ import annotations

import pytest

from peristiwa.nlp.langid import detect_language


@pytest.mark.parametrize(("text", "lang"), [
    ("Menteri Luar Negeri Sugiono bertemu dengan mitranya dari Malaysia di Jakarta, Selasa, untuk membahas "
     "krisis Myanmar dan perlindungan pekerja migran.", "id"),
    ("Polisi mengatakan bahwa ribuan mahasiswa berunjuk rasa di depan Gedung DPR pada Kamis kemarin.", "id"),
    ("Perdana Menteri berkata kerajaan akan mengumumkan dasar baharu minggu depan kerana rakyat memerlukan "
     "bantuan wang segera, menurut kenyataan pejabatnya semalam.", "ms"),
    ("Polis berkata suspek ditahan semalam selepas serbuan di Kuala Lumpur dan boleh didakwa minggu ini.", "ms"),
    ("Thailand and Cambodia agreed on Sunday to extend a ceasefire along their disputed border.", "en"),
])
def test_languages(text, lang):
    assert detect_language(text) == lang


def test_too_short_to_tell():
    assert detect_language("Jakarta") is None
    assert detect_language("") is None
    assert detect_language("Israel Serang Gaza") is None
    # a short English text is told by its function words
    assert detect_language("Hello world") == "en" and detect_language("The war in Gaza") == "en"


@pytest.mark.parametrize("text", [
    # words both languages write ("pejabat", "sebelum", "boleh", "supaya", "kereta") are no evidence of Malay
    "Hal tersebut diungkapkan langsung oleh pejabat Irak kepada wartawan di Baghdad.",
    "Sebelum menempati posisi ini, ia menjabat sebagai presiden sebuah lembaga akademis di Amerika Serikat.",
    "Indonesia tidak boleh tertinggal dari negara tetangga supaya industri otomotif tetap tumbuh.",
])
def test_words_both_languages_write_leave_indonesian_indonesian(text):
    assert detect_language(text) == "id"


def test_malay_text_is_coded_by_the_indonesian_pipeline():
    from peristiwa.nlp import load_model
    from peristiwa.nlp.langid import analysis_language
    from peristiwa.pipeline import Pipeline
    from peristiwa.schema import Document

    assert analysis_language("ms") == "id" and analysis_language("en") == "en" and analysis_language(None) == "id"
    if load_model("id") is None:
        pytest.skip("no Indonesian model shipped")
    text = "Polis berkata suspek ditahan semalam selepas serbuan di Kuala Lumpur kerana memiliki senjata api."
    (r,) = Pipeline().run([Document(doc_id="m", source="malay", kind="clean", text=text)])
    assert r.language == "ms"  # reported as detected
    assert r.entities and any(e.event == "COERCE" for e in r.events)


def test_a_short_headline_is_read_as_indonesian():
    from peristiwa.nlp import load_model
    from peristiwa.pipeline import Pipeline
    from peristiwa.schema import Document

    if load_model("id") is None:
        pytest.skip("no Indonesian model shipped")
    (r,) = Pipeline().run([Document(doc_id="s", source="short", kind="clean", text="Israel Serang Gaza")])
    assert r.language is None  # too short to tell, and said so
    e = next(e for e in r.events if e.event == "ASSAULT")
    assert {a.country for a in e.actor} == {"ISR"}
