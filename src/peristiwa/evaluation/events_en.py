"""`make eval` section for the English coder: PLOVER gold records, CASE-2021 Task 2, PETRARCH-2 unit tests.

PLOVER GSR (events-en/plover-gsr/PLOVER_GSR_CAMEO.txt, 322 records, one gold event each; CC BY-SA, the
training data of the learned type model, peristiwa.events_en.typer): every sentence is coded alone, by the
coder without the model and by the coder with a model trained on the other folds (5-fold cross-validation); a record counts as found when one of its predicted events has the gold PLOVER type. Precision
is over every predicted event, so extra events cost. Source/target countries are scored on the records
whose type was found, against the gold actors' codes. The records use PLOVER 0.5 labels: DEMAND -> REQUEST,
DISAPPROVE and INVESTIGATE -> ACCUSE, FIGHT -> ASSAULT (the data README's suggestion, which matches the
NGEC codebook's definitions).

CASE-2021 (events-en/case2021-task2-finegrained, 1,019 snippets, 30 ACLED-style types; EVAL ONLY): a
snippet's material event with the finest code (else its most confident event) is mapped to a CASE type by
CAMEO code, mode and sectors (case_type below, docs/events-en.md); a snippet with no event, or with an
event that maps to nothing, counts as a miss.

Written wire sentences (`data/events_en_written.jsonl`, the project's own text): English sentences in the
style of international wire copy, written and annotated with the events guideline by helper agents, scored
by the shared metric exactly as the held-out English sides are. Their `split` says which were read while
fixing the coder ("read") and which were not ("unread": the figure to quote).
"""

from __future__ import annotations

import csv
import json
import re
import sys
from collections import Counter
from pathlib import Path

from peristiwa.ontology import PLOVER_TYPES
from peristiwa.report import ReportTable
from peristiwa.schema import Article, Event

GSR = Path("events-en/plover-gsr/PLOVER_GSR_CAMEO.txt")
CASE = Path("events-en/case2021-task2-finegrained/test_set_final_release_with_labels.tsv")

REMAP = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
# CAMEO country codes in the gold records that are not ISO-3.
CAMEO_ISO = {"JAP": "JPN", "ITL": "ITA", "ROM": "ROU", "GER": "DEU"}
_ORGS = {"UNO": "IGO", "EUR": "IGO"}
_ARMED = {"MIL", "REB", "COP"}
_STATE = {"GOV", "MIL", "COP"}
_CIVILIAN = {"CVL", "REF", "EDU", "MED", "REL", "BUS", "LAB"}
# CAMEO roots a verb's general sense gives ("killed", "attacked"): a snippet's finer event is its ACLED type
_ROOT_CODES = {"190", "180", "193", "140", "141", "170", "182", "1823"}


def parse(texts: list[str]) -> list:
    """The English pipeline's Docs for `texts` (parsed once, coded by several coders)."""
    from peristiwa.events_en import english_nlp

    return list(english_nlp().pipe(texts, batch_size=64))


def code_docs(docs: list, texts: list[str], coder=None, published: list[str | None] | None = None
              ) -> list[list[Event]]:
    """Each parsed text coded alone as a clean English article (by `coder`, else the shipped English coder)."""
    from peristiwa.events_en import EnglishCoder

    coder = coder or EnglishCoder()
    dates = published or [None] * len(texts)
    return [coder.code(doc, Article(text=text, published=date))[1]
            for text, doc, date in zip(texts, docs, dates, strict=True)]


def code_texts(texts: list[str], published: list[str | None] | None = None, coder=None) -> list[list[Event]]:
    """Each text coded alone as a clean English article (by `coder`, else the shipped English coder)."""
    return code_docs(parse(texts), texts, coder, published)


# -- PLOVER gold records ------------------------------------------------------------------------------------
def gold_type(rec: dict) -> str:
    return REMAP.get(rec["event"], rec["event"])


def _codes(actors) -> set[str]:
    if not isinstance(actors, list):
        return set()
    out = set()
    for a in actors:
        code = str(a.get("code") or "").strip().upper()
        if len(code) >= 3:
            code = CAMEO_ISO.get(code[:3], code[:3])
            out.add(_ORGS.get(code, code))
    return out


def _pred_codes(actors) -> set[str]:
    return {_ORGS.get(a.country, a.country) for a in actors if a.country}


def _prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score_gsr(records: list[dict], predicted: list[list[Event]]) -> dict:
    n_pred = tp = first_ok = quad_ok = 0
    roles = {"source": [0, 0, 0], "target": [0, 0, 0]}  # tp, predicted, gold
    per_type: dict[str, list[int]] = {t: [0, 0, 0] for t in PLOVER_TYPES}
    confusion: Counter = Counter()
    from peristiwa.ontology import DEFAULT_CAMEO, lookup

    for rec, events in zip(records, predicted, strict=True):
        gold = gold_type(rec)
        types = [e.event for e in events]
        n_pred += len(events)
        for t in types:
            if t in per_type:
                per_type[t][1] += 1
        if gold in per_type:
            per_type[gold][2] += 1
        hit = next((e for e in events if e.event == gold), None)
        best = max(events, key=lambda e: e.confidence, default=None)
        confusion[(gold, best.event if best else "(none)")] += 1
        if best is not None and best.event == gold:
            first_ok += 1
        if best is not None and gold in DEFAULT_CAMEO and best.quad == lookup(DEFAULT_CAMEO[gold]).quad:
            quad_ok += 1
        if hit is not None:
            tp += 1
            per_type[gold][0] += 1
            for role, gold_actors, pred_actors in (("source", rec.get("source"), hit.actor),
                                                  ("target", rec.get("target"), hit.recipient)):
                g, p = _codes(gold_actors), _pred_codes(pred_actors)
                if not g:
                    continue
                roles[role][0] += len(g & p)
                roles[role][1] += len(p)
                roles[role][2] += len(g)
    return {"n": len(records), "n_pred": n_pred, "tp": tp, "first_ok": first_ok, "quad_ok": quad_ok,
            "roles": roles, "per_type": per_type, "confusion": confusion}


_EVT = re.compile(r"\(EVT: ([^)}]*)[)}]")
FOLDS = 5


def typer_rows(records: list[dict], docs: list, coder) -> list[tuple[int, list[str], str]]:
    """Training rows for the type model (peristiwa.events_en.typer): (record index, features, label) for each
    verb of a record's sentence the model is asked about; the label is the record's type when the verb is
    in one of its EVT spans (textInfo.markup), else NONE."""
    from peristiwa.events_en.typer import NONE, features, sentence_nouns

    say = coder.lex.cues.say
    rows = []
    for k, (rec, doc) in enumerate(zip(records, docs, strict=True)):
        info = rec.get("textInfo") or {}
        markup = info.get("markup", "") if isinstance(info, dict) else str(info)  # one record has it bare
        evt = {w.lower() for span in _EVT.findall(markup) for w in span.split()}
        gold = gold_type(rec)
        coder._framed = set()
        nouns = {sent.start: sentence_nouns(sent, coder.lex) for sent in doc.sents}
        for t in doc:
            if t.pos_ != "VERB":
                continue
            trig = coder._trigger(t)
            if t.i in coder._framed or trig is None and (t.lemma_.lower() in say or t.lower_ in say):
                continue
            if t.dep_ == "xcomp" or any(ch.dep_ == "xcomp" for ch in t.children):
                continue  # the coder does not ask the model about these (tree.EnglishCoder._retype)
            label = gold if t.lower_ in evt and gold in PLOVER_TYPES else NONE
            rows.append((k, features(t, trig.code if trig else None, nouns[t.sent.start], coder.lex.cues.crowds),
                         label))
    return rows


def gsr_cross_validated(records: list[dict], docs: list, folds: int = FOLDS, drop: float | None = None
                        ) -> list[list[Event]]:
    """The coder with a type model trained on the other folds' records, for each fold (record k is in fold
    k mod `folds`; the file lists records by type, so every fold holds every type). `drop`: the model's
    threshold for dropping a dictionary event (default: the shipped coder's, off)."""
    from peristiwa.events_en import EnglishCoder
    from peristiwa.events_en.typer import fit

    rows = typer_rows(records, docs, EnglishCoder(typer=None))
    texts = [r["text"] for r in records]
    predicted: list[list[Event]] = [[] for _ in records]
    for fold in range(folds):
        train = [(f, label) for i, f, label in rows if i % folds != fold]
        coder = EnglishCoder(typer=fit([f for f, _ in train], [label for _, label in train]))
        if drop is not None:
            coder.DROP = drop
        for i in range(fold, len(records), folds):
            predicted[i] = code_docs([docs[i]], [texts[i]], coder)[0]
    return predicted


def gsr_records(shared: Path) -> list[dict]:
    path = shared / GSR
    return [r for r in json.loads(path.read_text(encoding="utf-8")) if r.get("event") != "DOCUMENT"]


def _gsr_rows(table: ReportTable, label: str, s: dict, predicted: list[list[Event]]) -> None:
    p, r, f = _prf(s["tp"], s["n_pred"], s["n"])
    table.rows.append([f"{label}: event type (any predicted event of the record)", p, r, f, s["tp"], s["n_pred"],
                       s["n"]])
    n_with = sum(1 for ev in predicted if ev)
    table.rows.append([f"{label}: type of the most confident event (accuracy)", None, s["first_ok"] / s["n"], None,
                       s["first_ok"], n_with, s["n"]])
    table.rows.append([f"{label}: quad class of the most confident event (accuracy)", None, s["quad_ok"] / s["n"],
                       None, s["quad_ok"], n_with, s["n"]])
    for role in ("source", "target"):
        tp, n_pred, n_gold = s["roles"][role]
        p, r, f = _prf(tp, n_pred, n_gold)
        table.rows.append([f"{label}: {role} countries, on records whose type was found", p, r, f, tp, n_pred,
                           n_gold])


def gsr_tables(shared: Path) -> list[ReportTable]:
    path = shared / GSR
    if not path.is_file():
        return [ReportTable("events: English PLOVER gold records", [], notes=[f"{path} not found: skipped"])]
    from peristiwa.events_en import EnglishCoder

    records = gsr_records(shared)
    texts = [r["text"] for r in records]
    docs = parse(texts)
    alone = code_docs(docs, texts, EnglishCoder(typer=None))
    s = score_gsr(records, alone)
    cv = gsr_cross_validated(records, docs)
    s_cv = score_gsr(records, cv)
    cv_drop = gsr_cross_validated(records, docs, drop=0.5)
    main = ReportTable("events: English PLOVER gold records (PLOVER_GSR_CAMEO, 322 sentences)",
                       ["measure", "precision", "recall", "F1", "matched", "predicted", "gold"])
    _gsr_rows(main, "coder alone (untrained)", s, alone)
    _gsr_rows(main, f"shipped: coder + type model retyping ({FOLDS}-fold cross-validated)", s_cv, cv)
    _gsr_rows(main, f"not shipped: + the model also dropping events ({FOLDS}-fold cross-validated)",
              score_gsr(records, cv_drop), cv_drop)
    main.notes.append("labels remapped from PLOVER 0.5: DEMAND->REQUEST, DISAPPROVE/INVESTIGATE->ACCUSE, "
                      "FIGHT->ASSAULT; countries compared as ISO-3 (UN/EU bodies as IGO)")
    main.notes.append("the shipped type model (peristiwa.events_en.typer) is trained on ALL these records: its "
                      "figure here is the 5-fold cross-validated one (each record coded by a model trained on "
                      "the other four fifths); the coder alone learned nothing from them")
    main.notes.append("the sentences are the CAMEO manual's examples: many are built to show rare codes")
    main.notes.append("dropping is off in the shipped coder: its gain here comes mostly from dropping real events "
                      "the records leave unmarked (one gold event per sentence), and it drops right ones in the "
                      "tests' invented sentences")
    main.notes.append("before the parse (the shallow word-order coder, 2026-11-25): event type P/R/F1 0.481 / 0.578 / "
                      "0.525; the parse coder of 2026-12-06: 0.508 / 0.615 / 0.556; target: event type F1 >= 0.70")
    types = ReportTable("events: English PLOVER gold records per type (shipped coder, cross-validated)",
                        ["type", "gold", "predicted", "matched", "P", "R", "F1"])
    for t, (tp, n_pred, n_gold) in s_cv["per_type"].items():
        if n_gold or n_pred:
            p, r, f = _prf(tp, n_pred, n_gold)
            types.rows.append([t, n_gold, n_pred, tp, p, r, f])
    return [main, types]


# -- CASE 2021 -----------------------------------------------------------------------------------------------
# CAMEO prefix -> CASE type, first match wins (finer codes before their parents). TERRITORY is split by
# who takes it. ACLED's "disrupted weapons use" names seizures of arms; CAMEO 1711 is confiscation.
_CAMEO_CASE: tuple[tuple[str, str], ...] = (
    ("1831", "SUIC_BOMB"), ("183", "REM_EXPLOS"), ("195", "AIR_STRIKE"), ("194", "ART_MISS_ATTACK"),
    ("204", "CHEM_WEAP"), ("1821", "SEX_VIOL"), ("181", "ABDUCT_DISSAP"), ("192", "TERRITORY"),
    ("173", "ARREST"), ("175", "FORCE_AGAINST_PROTEST"), ("1712", "PROPERTY_DISTRUCT"),
    ("1711", "DISR_WEAP"), ("145", "VIOL_DEMONSTR"),
)


def case_type(ev: Event) -> str | None:
    """Our event -> a CASE-2021 type (ACLED sub-event types plus DIPLO); None when nothing fits.

    Decided by CAMEO code first (the finer record), then PLOVER type, with sectors where ACLED splits by
    who acts (territory taken by the state or by a non-state group; a clash needs armed actors on both
    sides). Documented in docs/events-en.md."""
    code = ev.cameo
    if "grenade" in ev.mode:
        return "GRENADE"
    src = {a.sector for a in ev.actor}
    tgt = {a.sector for a in ev.recipient}
    for prefix, case in _CAMEO_CASE:
        if code.startswith(prefix):
            if case == "TERRITORY":
                return "GOV_REGAINS_TERIT" if src & _STATE else "NON_STATE_ACTOR_OVERTAKES_TER"
            return case
    if ev.event == "PROTEST":
        return "PEACE_PROTEST"
    if ev.event == "ASSAULT":
        # ACLED: an attack is one-sided violence on unarmed people; a clash is fighting between armed,
        # organised actors: an armed target, or a state's military in action (its operations are mostly
        # against armed groups)
        return "ARMED_CLASH" if tgt & _ARMED or "MIL" in src else "ATTACK"
    if code.startswith(("084", "0871")):
        # ACLED's agreements include ceasefires, prisoner releases and exchanges
        return "AGREEMENT"
    if code.startswith(("0874", "087")):
        return "NON_VIOL_TERRIT_TRANSFER"
    if ev.event == "CONCEDE" or code.startswith(("045", "046")):
        # ACLED's agreements include peace talks (CAMEO 045 mediate, 046 negotiate), surrenders, prisoner
        # releases and exchanges
        return "AGREEMENT"
    if ev.event == "AGREE" or code.startswith(("057", "06")):
        return "AGREEMENT"
    if ev.event in ("CONSULT", "SUPPORT", "REQUEST", "REJECT", "THREATEN", "SANCTION", "ACCUSE",
                    "AID", "COOPERATE"):
        return "DIPLO"
    return None


def score_case(gold: list[str], predicted: list[list[Event]]) -> tuple[float, float, int, dict]:
    labels = sorted(set(gold))
    pred = []
    for events in predicted:
        # ACLED records material events: a snippet's event is its material one (quad 2 or 4), else any; among
        # those the one with a finer code than a root ("air strike" before "killed"), then the most confident
        mapped = [(e.quad in (2, 4), e.cameo not in _ROOT_CODES, e.confidence, -k, case_type(e))
                  for k, e in enumerate(events) if case_type(e)]
        pred.append(max(mapped)[-1] if mapped else None)
    correct = sum(g == p for g, p in zip(gold, pred, strict=True))
    per: dict[str, tuple[int, int, int]] = {}
    f1s = []
    for lab in labels:
        tp = sum(g == lab and p == lab for g, p in zip(gold, pred, strict=True))
        n_pred = sum(p == lab for p in pred)
        n_gold = sum(g == lab for g in gold)
        per[lab] = (tp, n_pred, n_gold)
        f1s.append(_prf(tp, n_pred, n_gold)[2])
    coded = sum(p is not None for p in pred)
    return correct / len(gold) if gold else 0.0, sum(f1s) / len(f1s) if f1s else 0.0, coded, per


def case_tables(shared: Path) -> list[ReportTable]:
    path = shared / CASE
    if not path.is_file():
        return [ReportTable("events: English CASE-2021 Task 2", [], notes=[f"{path} not found: skipped"])]
    from peristiwa.events_en import EnglishCoder

    csv.field_size_limit(sys.maxsize)
    with path.open(encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE) if r.get("SubType")]
    texts = [r["EventSnippet"] for r in rows]
    docs = parse(texts)
    gold = [r["SubType"].strip() for r in rows]
    alone = score_case(gold, code_docs(docs, texts, EnglishCoder(typer=None)))
    acc, macro, coded, per = score_case(gold, code_docs(docs, texts, EnglishCoder()))
    main = ReportTable("events: English CASE-2021 Task 2 (1,019 snippets, 30 types, EVAL ONLY)",
                       ["measure", "shipped coder (with the type model)", "coder alone"])
    main.rows += [["accuracy (no event = miss)", acc, alone[0]], ["macro-F1 over the gold types", macro, alone[1]],
                  ["snippets with a mapped event", coded, alone[2]], ["snippets", len(gold), len(gold)]]
    main.notes.append("nothing was trained on these snippets (no licence); the type model is trained on the PLOVER "
                      "GSR records only")
    main.notes.append("before: the shallow word-order coder (2026-11-25) accuracy 0.281, macro-F1 0.252, 771 "
                      "mapped; the parse coder of 2026-12-06 0.274 / 0.255 / 797; target: accuracy >= 0.50")
    main.notes.append("a snippet's event is its material one (quad 2 or 4), else any; among those the one with a "
                      "finer code than a root, then the most confident; mapped to a CASE type by CAMEO code, mode, "
                      "PLOVER type and sectors (peristiwa.evaluation.events_en.case_type; docs/events-en.md); types "
                      "with no PLOVER counterpart (ORG_CRIME, NATURAL_DISASTER, MAN_MADE_DISASTER, ATTRIB, "
                      "HQ_ESTABLISHED, CHANGE_TO_GROUP_ACT, OTHER) can only be missed")
    types = ReportTable("events: English CASE-2021 per type (shipped coder)",
                        ["type", "gold", "predicted", "matched", "P", "R", "F1"])
    for lab, (tp, n_pred, n_gold) in per.items():
        p, r, f = _prf(tp, n_pred, n_gold)
        types.rows.append([lab, n_gold, n_pred, tp, p, r, f])
    return [main, types]


# -- PETRARCH-2 unit tests -----------------------------------------------------------------------------------
UNITTESTS = Path("events-en/petrarch2-unittests")
_SENTENCE = re.compile(r"<Sentence\b[^>]*\bid=\"([^\"]+)\"[^>]*>(.*?)</Sentence>", re.S)
_CODING = re.compile(r"<EventCoding\s+sourcecode=\"([^\"]*)\"\s+targetcode=\"([^\"]*)\"\s+eventcode=\"([^\"]*)\"")
_TEXT = re.compile(r"<Text>(.*?)</Text>", re.S)


class _Everything:
    """Every code is a known country: the unit tests' actors are fictional (Arnor, Gondor)."""

    def __contains__(self, item: object) -> bool:
        return True


def unittest_records(folder: Path) -> list[tuple[str, str, list[tuple[str, str, str]]]]:
    """(id, text, [(source code, target code, CAMEO code)]) for each record of PETR.UnitTest.records.xml."""
    raw = (folder / "PETR.UnitTest.records.xml").read_text(encoding="utf-8", errors="replace")
    out = []
    for sid, body in _SENTENCE.findall(raw):
        text = _TEXT.search(body)
        if text is None:
            continue
        out.append((sid, " ".join(text.group(1).split()), _CODING.findall(body)))
    return out


def unittest_coder(folder: Path, typer: bool = True):
    """The English coder run as PETRARCH-2 runs its unit tests: with the tests' own verb, actor and agent
    dictionaries (converted by scripts/build_english_lexicon.py into a temporary lexicon folder), our
    closed-class cues and event nouns."""
    import importlib.util
    import shutil
    import tempfile

    from peristiwa.events_en import EnglishCoder
    from peristiwa.events_en.lexicon import DATA, build_lexicon

    script = Path(__file__).resolve().parents[3] / "scripts" / "build_english_lexicon.py"
    spec = importlib.util.spec_from_file_location("build_english_lexicon", script)
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        verbs, patterns, synsets = build.build_verbs(folder / "PETR.Validate.verbs.txt")
        agents = build.build_agents(folder / "PETR.Validate.agents.txt")
        actors = build.build_actors([folder / "PETR.Validate.actors.txt"], _Everything(), {a[0] for a in agents})
        for name, columns, rows in (("verbs.tsv", "verb\tparticle\tforms\tcode\tblock", verbs),
                                    ("patterns.tsv", "block\tbefore\tafter\tcode", patterns),
                                    ("synsets.tsv", "name\tword", synsets),
                                    ("agents.tsv", "phrase\tsector\tcode", agents),
                                    ("actors.tsv", "name\tcanonical\tcountry\tsector\tsource", actors)):
            build._write(out / name, "PETRARCH-2 unit-test dictionaries", columns, rows)
        for name in ("cues.yaml", "nouns.yaml", "frames.yaml"):
            shutil.copy(DATA / name, out / name)
        return EnglishCoder(build_lexicon(out), typer=None if not typer else True)


def score_unittests(records, predicted: list[list[Event]]) -> dict:
    """Gold codings whose code is a CAMEO code we know: matched when a predicted event has the same CAMEO
    root and every gold side's code (first three letters) is among that side's predicted countries. As in
    PETRARCH-2, one event of several actors is several codings (one per source and target pair)."""
    from peristiwa.ontology import lookup

    n_gold = n_fictional = tp = tp_root = pred_ok = 0
    n_pred = sum(len(p) for p in predicted)
    for (_sid, _text, codings), events in zip(records, predicted, strict=True):
        right: set[int] = set()  # predicted events that match some gold coding
        for src, tgt, code in codings:
            try:
                if not lookup(code).plover:
                    raise KeyError(code)
            except KeyError:
                n_fictional += 1
                continue
            n_gold += 1
            same_root = [k for k, e in enumerate(events) if e.cameo[:2] == code[:2]]
            tp_root += bool(same_root)
            for k in same_root:
                e = events[k]
                a, b = {x.country for x in e.actor}, {x.country for x in e.recipient}
                if (src[:3] in a or src in ("", "---")) and (tgt[:3] in b or tgt in ("", "---")):
                    right.add(k)
                    tp += 1
                    break
        pred_ok += len(right)
    return {"pred_ok": pred_ok, "gold": n_gold, "fictional": n_fictional, "predicted": n_pred, "tp": tp, "tp_root": tp_root,
            "records": len(records)}


def unittest_tables(shared: Path) -> list[ReportTable]:
    folder = shared / UNITTESTS
    if not (folder / "PETR.UnitTest.records.xml").is_file():
        return [ReportTable("events: English PETRARCH-2 unit tests", [], notes=[f"{folder} not found: skipped"])]
    records = unittest_records(folder)
    texts = [text for _sid, text, _c in records]
    docs = parse(texts)
    t = ReportTable(f"events: English PETRARCH-2 unit tests ({len(records)} records; regression cases)",
                    ["measure", "precision", "recall", "F1", "matched", "predicted", "gold"])
    for label, typer in (("shipped coder (with the type model)", True), ("coder alone", False)):
        s = score_unittests(records, code_docs(docs, texts, unittest_coder(folder, typer)))
        p = s["pred_ok"] / s["predicted"] if s["predicted"] else 0.0
        r = s["tp"] / s["gold"] if s["gold"] else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        t.rows.append([f"{label}: CAMEO root + source and target codes", p, r, f, s["tp"], s["predicted"],
                       s["gold"]])
        t.rows.append([f"{label}: CAMEO root alone (recall)", None, s["tp_root"] / s["gold"] if s["gold"] else 0.0,
                       None, s["tp_root"], None, s["gold"]])
    t.notes.append("before the parse (the shallow word-order coder on the same records, measured 2026-12-06): "
                   "P/R/F1 0.296 / 0.291 / 0.293, CAMEO root recall 0.540; the parse coder of 2026-12-06: F1 0.326")
    t.notes.append("recall over gold codings (one per source-target pair, as PETRARCH-2 writes them); precision "
                   "over predicted events (an event is right when it matches at least one coding)")
    t.notes.append(f"{s['fictional']} gold codings use codes the test dictionary invents (345, 903, ...) and "
                   "are not scored; coded with the tests' own verb, actor and agent dictionaries, as PETRARCH-2 "
                   "runs them; only what our ontology has a PLOVER type for can be matched")
    return [t]


# -- written wire sentences ----------------------------------------------------------------------------------
WRITTEN = "events_en_written.jsonl"


def written_rows() -> list[dict]:
    from peristiwa.evaluation.news_ner import standoff_path

    path = standoff_path(WRITTEN)
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def written_tables(shared: Path) -> list[ReportTable]:
    from dataclasses import asdict

    from peristiwa.events.scoring import load_scorer

    title = "events: English wire-style sentences written by the project (shared metric)"
    try:
        scorer = load_scorer(shared)
    except FileNotFoundError as e:
        return [ReportTable(title, [], notes=[f"{e}: skipped"])]
    rows = written_rows()
    coded = code_texts([r["id_text"] for r in rows])
    pred = {str(r["line"]): [asdict(e) for e in evs] for r, evs in zip(rows, coded, strict=True)}
    t = ReportTable(title, ["split", "sentences", "loose P", "loose R", "loose F1", "strict F1", "matched",
                            "predicted", "gold"])
    for split in ("fresh", "unread", "read"):
        part = [r for r in rows if r["split"] == split]
        lo = scorer.score(part, pred)
        st = scorer.score(part, pred, strict=True)
        t.rows.append([split, len(part), lo["P"], lo["R"], lo["F1"], st["F1"], lo["matched"], lo["predicted"],
                       lo["gold"]])
    t.notes.append("the project's own English sentences in the style of international wire copy, written and "
                   "annotated with the events-id guideline by helper agents (evaluation/data/README.md); "
                   "'read': their errors were read while fixing the coder; 'unread': never read, but its "
                   "figure was watched while choosing fixes; 'fresh': written after the last fix of round 9 "
                   "(batches 17-18), never read, scored twice (rounds 9 and 10): the figure to quote")
    t.notes.append("a proxy for issue 14's held-out English sides (scored the same way; target F1 >= 0.50); "
                   "invented text is tidier than wire copy")
    return [t, _reliability_table(scorer, [r for r in rows if r["split"] != "read"], pred)]


def _reliability_table(scorer, rows: list[dict], pred: dict[str, list[dict]]) -> ReportTable:
    """The English confidence (peristiwa.events_en.calibration, fitted on the read split) on never-read
    sentences: observed precision per bucket, calibration error, and what keeping the confident ones gives."""
    from peristiwa.evaluation.events import reliability_table
    from peristiwa.events_en.calibration import PATH

    rel, ece, kept, prec = reliability_table(
        scorer, rows, pred, f"events: English confidence on the {len(rows)} never-read written sentences (loose match)")
    rel.notes.append(f"expected calibration error {ece:.3f}; events with confidence >= 0.7: {kept}, of which "
                     f"right {prec:.3f}; before the calibrator (a fixed 0.6 / 0.45 by trigger kind, 2026-12-07): "
                     "ECE 0.14-0.19 on these splits")
    best = json.loads(PATH.read_text(encoding="utf-8")).get("threshold_best_f1") if PATH.is_file() else None
    if best:
        kept_pred = {k: [e for e in v if e["confidence"] >= best] for k, v in pred.items()}
        s = scorer.score(rows, kept_pred)
        rel.notes.append(f"every event is emitted; keeping only confidence >= {best} (best F1 on the read split's "
                         f"held-out folds) gives P {s['P']:.3f} R {s['R']:.3f} F1 {s['F1']:.3f} here, against "
                         f"{scorer.score(rows, pred)['F1']:.3f} for all; it also drops the material events whose "
                         "participants the coder cannot place, which event counts need (CASE-2021 accuracy, "
                         "measured 2026-12-07: 0.508 for all, 0.373 at confidence >= 0.3)")
    return rel


def run(shared: Path) -> list[ReportTable]:
    return gsr_tables(shared) + case_tables(shared) + unittest_tables(shared) + written_tables(shared)
