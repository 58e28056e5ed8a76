"""The pattern lexicon and the CAMEO table: shipped data is well-formed and covers the ontology."""

from __future__ import annotations

import pytest

from peristiwa.events.lexicon import derive, load_lexicon, men_forms
from peristiwa.ontology import PLOVER_TYPES, cameo_table, intended_variant, lookup


def test_cameo_table_quads_and_goldstein() -> None:
    table = cameo_table()
    assert len(table) > 250
    for code, row in table.items():
        assert -10 <= row.goldstein <= 10, code
        assert row.quad in (1, 2, 3, 4), code
    assert lookup("190").quad == 4 and lookup("190").plover == "ASSAULT"
    assert lookup("057").plover == "SUPPORT" and lookup("057").quad == 1
    assert lookup("073").quad == 2
    assert lookup("111").quad == 3 and lookup("111").goldstein < 0
    assert lookup("020").quad == 1 and lookup("100").quad == 3  # appeal vs demand
    assert lookup("0871").plover == "RETREAT"
    assert lookup("1234").code == "1234"
    with pytest.raises(KeyError):
        lookup("999")


def test_intended_cooperation_becomes_agree() -> None:
    assert intended_variant("CONSULT", "040") == ("AGREE", "036")
    assert intended_variant("AID", "073") == ("AGREE", "033")
    assert intended_variant("ASSAULT", "190") == ("ASSAULT", "190")


@pytest.mark.parametrize(("root", "form"), [
    ("serang", "menyerang"), ("tembak", "menembak"), ("kirim", "mengirim"), ("pasok", "memasok"),
    ("bom", "mengebom"), ("kritik", "mengkritik"), ("tolak", "menolak"), ("dukung", "mendukung"),
    ("cabut", "mencabut"), ("lawan", "melawan"), ("usir", "mengusir"), ("hantam", "menghantam"),
])
def test_men_prefix_assimilation(root: str, form: str) -> None:
    assert form in men_forms(root)


def test_derived_forms_and_voice() -> None:
    forms = dict(derive("runding", ["ber", "di"], ["", "kan"]))
    assert forms["berunding"] == "active"
    assert forms["dirundingkan"] == "passive"
    assert dict(derive("kerja sama", ["ber"], [""]))["bekerja sama"] == "active"


def test_every_plover_type_has_verbs_and_nouns() -> None:
    lex = load_lexicon()
    kinds: dict[str, set[str]] = {t: set() for t in PLOVER_TYPES}
    for pats in lex.index.values():
        for p in pats:
            if p.kind != "light":
                kinds[p.event].add(p.kind)
    for t in PLOVER_TYPES:
        assert kinds[t], f"no pattern for {t}"
    many = sum(1 for pats in lex.index.values() for p in pats if p.kind == "verb")
    assert many > 400  # derived surface forms


def test_lexicon_lookups() -> None:
    lex = load_lexicon()
    heads = {w: {(p.kind, p.event) for p in lex.index.get(w, [])} for w in
             ("menyerang", "diserang", "mengecam", "menandatangani", "bertemu", "serangan", "sanksi", "melakukan")}
    assert ("verb", "ASSAULT") in heads["menyerang"] and ("verb", "ASSAULT") in heads["diserang"]
    assert ("verb", "ACCUSE") in heads["mengecam"]
    assert ("verb", "SUPPORT") in heads["menandatangani"]
    assert ("verb", "CONSULT") in heads["bertemu"]
    assert ("noun", "ASSAULT") in heads["serangan"]
    assert ("noun", "SANCTION") in heads["sanksi"]
    assert ("light", "") in heads["melakukan"]
    passive = [p for p in lex.index["diserang"] if p.kind == "verb"]
    assert passive[0].voice == "passive"
