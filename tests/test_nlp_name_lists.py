"""Known-name lists and the NER's name features (the lists as shipped; building them needs shared data)."""

from __future__ import annotations

import numpy
import spacy

from peristiwa.nlp import corpora
from peristiwa.nlp.embed import NameHashEmbed, _hide_matches
from peristiwa.nlp.name_lists import (
    BEGIN,
    INSIDE,
    LABELS,
    LAST,
    OUT,
    UNIT,
    NameMatcher,
    build_name_lists,
    lexicon_names,
    load_matcher,
    shipped_names_path,
    write_name_lists,
)

PER, LOC, ORG = (LABELS.index(x) for x in ("PER", "LOC", "ORG"))


def _matcher() -> NameMatcher:
    return NameMatcher([("LOC", "Sumatera Barat"), ("LOC", "Sumatera"), ("PER", "Joko Widodo"),
                        ("LOC", "Widodo"), ("ORG", "Partai Golongan Karya"), ("LOC", "Jawa Barat")])


def test_longest_match_per_label_in_bilou_codes():
    words = ["Joko", "Widodo", "ke", "Sumatera", "Barat", "bersama", "partai", "golongan", "karya"]
    codes = _matcher().codes(words)
    assert codes[PER] == [BEGIN, LAST, OUT, OUT, OUT, OUT, OUT, OUT, OUT]
    # labels are matched independently: "Widodo" is also a known place name
    assert codes[LOC] == [OUT, UNIT, OUT, BEGIN, LAST, OUT, OUT, OUT, OUT]
    # case-insensitive: lower-cased text (NERP, user input) meets the same names
    assert codes[ORG] == [OUT] * 6 + [BEGIN, INSIDE, LAST]


def test_no_match_on_partial_names_or_empty_text():
    m = _matcher()
    assert m.codes(["Jawa", "Timur"])[LOC] == [OUT, OUT]
    assert m.codes([]) == [[], [], []]


def test_word_buckets_count_the_names_holding_a_word():
    m = NameMatcher([("LOC", f"Kabupaten X{i}") for i in range(25)] + [("PER", "Abdul Rahman"),
                                                                      ("PER", "Abdul Malik")])
    buckets = m.word_buckets(["kabupaten", "Abdul", "Rahman", "tiba"])
    assert buckets[LOC] == [4, 0, 0, 0]  # 25 names: the 20-99 bucket
    assert buckets[PER] == [0, 2, 1, 0]  # 2 names, 1 name, none
    assert buckets[ORG] == [0, 0, 0, 0]


def test_hiding_removes_whole_matches():
    row = numpy.array([BEGIN, INSIDE, LAST, OUT, UNIT, BEGIN, LAST], dtype="uint64")
    _hide_matches(row, 1.0, numpy.random.default_rng(0))
    assert row.tolist() == [OUT] * 7
    row = numpy.array([BEGIN, INSIDE, LAST, OUT, UNIT], dtype="uint64")
    _hide_matches(row, 0.0, numpy.random.default_rng(0))
    assert row.tolist() == [BEGIN, INSIDE, LAST, OUT, UNIT]


def test_shipped_names_cover_the_three_labels():
    assert shipped_names_path().is_file()
    m = load_matcher()
    codes = m.codes(["Presiden", "Joko", "Widodo", "tiba", "di", "Bukittinggi", ",", "Sumatera", "Barat", "."])
    assert codes[PER][1:3] == [BEGIN, LAST]
    assert codes[LOC][5] == UNIT and codes[LOC][7:9] == [BEGIN, LAST]
    # common words that are usually written in lower case are not names by themselves
    assert m.codes(["baru", "dan", "yang"]) == [[OUT] * 3] * 3


def test_embedding_adds_name_columns_to_lexical_features():
    nlp = spacy.blank("id")
    nlp.vocab.reset_vectors(width=8)
    nlp.vocab.set_vector("tiba", numpy.ones(8, dtype="float32"))
    model = NameHashEmbed(width=16, attrs=["NORM", "SHAPE"], rows=[100, 50], name_width=4, hide_names=0.0)
    doc = nlp.make_doc("Joko Widodo tiba di Bukittinggi")
    extractor = model.layers[0].layers[0].layers[0]
    feats = extractor.predict([doc])[0]
    assert feats.shape == (5, 2 + len(LABELS))
    assert feats[:, 2 + PER].tolist()[:2] == [BEGIN, LAST]
    model.initialize(X=[doc])
    assert model.predict([doc])[0].shape == (5, 16)
    with_buckets = NameHashEmbed(width=16, attrs=["NORM"], rows=[100], name_width=4, word_buckets=True)
    feats = with_buckets.layers[0].layers[0].layers[0].predict([doc])[0]
    assert feats.shape == (5, 1 + 2 * len(LABELS))
    with_buckets.initialize(X=[doc])
    assert with_buckets.predict([doc])[0].shape == (5, 16)


def test_build_from_shared_lists(shared):
    names = build_name_lists(shared, corpora.usually_lower(shared))
    assert set(names) == set(LABELS)
    assert all(len(v) > 1000 for v in names.values())
    # administrative prefixes dropped as running text drops them
    assert "Kabupaten Purbalingga" in names["LOC"] and "Purbalingga" in names["LOC"]
    assert "Jakarta" in names["LOC"] and "Indonesia" in names["LOC"]
    assert not any("?" in n or "(" in n for v in names.values() for n in v)


def test_default_build_reproduces_the_shipped_list(shared, tmp_path):
    # `make train` writes this file; the shipped NER was trained on exactly these names
    out = tmp_path / "ner_names.tsv"
    write_name_lists(build_name_lists(shared, corpora.usually_lower(shared)), out)
    assert out.read_bytes() == shipped_names_path().read_bytes()


def test_build_with_the_project_lexicons(shared):
    names = build_name_lists(shared, corpora.usually_lower(shared), lexicons=True)
    plain = build_name_lists(shared, corpora.usually_lower(shared))
    assert all(plain[k] <= names[k] for k in LABELS) and names["LOC"] == plain["LOC"]
    # organisations with their aliases, long official names too, and people
    for name in ("KPK", "Komisi Pemberantasan Korupsi", "Partai Golkar", "Polri", "Persib Bandung",
                 "Badan Meteorologi, Klimatologi, dan Geofisika"):
        assert name in names["ORG"], name
    assert "Joko Widodo" in names["PER"] and "Jokowi" in names["PER"]
    # "UN" is the national exam in Indonesian text (org_patterns.yaml skip_names); two letters are too short
    assert "UN" not in names["ORG"] and "MK" not in names["ORG"]
    # DBpedia's qualifiers are dropped; our own names keep theirs ("PT Pertamina (Persero)")
    lex = lexicon_names()
    assert not any("?" in n or "(" in n for k, v in names.items() for n in v - lex.get(k, set()))


def test_lexicon_names_come_from_the_actor_files():
    lex = lexicon_names()
    assert {"KPK", "Dewan Perwakilan Rakyat", "Hamas", "PBB"} <= lex["ORG"]
    assert {"Joko Widodo", "Prabowo Subianto"} <= lex["PER"]
    # descriptions in the alias lists are no names
    assert not any(n[:1].islower() for v in lex.values() for n in v)


def test_lexicon_names_match_as_organisations():
    m = NameMatcher(("ORG", n) for n in lexicon_names()["ORG"])
    words = ["Komisi", "Pemberantasan", "Korupsi", "(", "KPK", ")", "memanggil", "kader", "Partai", "Golkar",
             "dan", "Polri"]
    assert m.codes(words)[ORG] == [BEGIN, INSIDE, LAST, OUT, UNIT, OUT, OUT, OUT, BEGIN, LAST, OUT, UNIT]
