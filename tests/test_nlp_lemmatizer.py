"""Indonesian affix stripping, validated against a root list."""

from __future__ import annotations

import pytest

from peristiwa.nlp.lemmatizer import RuleLemmatizer, candidates

ROOTS = {"gempur", "serang", "tandatangan", "beri", "ikan", "tani", "hasil", "pukul", "kirim", "bom",
         "serah", "laku", "dukung", "negara", "ambil", "baik"}


@pytest.fixture(scope="module")
def lem():
    return RuleLemmatizer(lookup={"bagian": "bagi"}, roots=ROOTS)


@pytest.mark.parametrize("word, root", [
    ("menggempur", "gempur"), ("diserang", "serang"), ("menandatangani", "tandatangan"),
    ("berikan", "beri"), ("pertanian", "tani"), ("keberhasilan", "hasil"), ("memukul", "pukul"),
    ("mengirim", "kirim"), ("mengebom", "bom"), ("menyerahkannya", "serah"), ("dilakukan", "laku"),
    ("mendukungnya", "dukung"), ("negara-negara", "negara"), ("mengambil", "ambil"),
    ("diperbaiki", "baik"), ("Diserang", "serang"), ("bagian", "bagi"),
])
def test_strips_affixes(lem, word, root):
    assert lem.lemma(word, "VERB") == root


def test_unknown_word_is_kept(lem):
    # no root behind it: the stemmer must not invent one
    assert lem.lemma("menjolok", "VERB") == "menjolok"


def test_proper_nouns_untouched(lem):
    assert lem.lemma("Diponegoro", "PROPN") == "diponegoro"


def test_loose_roots_are_a_second_choice():
    lem = RuleLemmatizer(roots={"serang"}, loose_roots={"diserang", "rang"})
    assert lem.lemma("diserang") == "serang"


def test_candidates_try_suffix_before_prefix():
    c = list(candidates("berikan"))
    assert c.index("beri") < c.index("ikan")
