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
