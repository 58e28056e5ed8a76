"""The learned event coder: its training recipe, the shipped model, and countries from context."""

from __future__ import annotations

from pathlib import Path

import pytest

from peristiwa.actors.context import article_country, sentence_country
from peristiwa.events.model import MODEL_DIR
from peristiwa.schema import Actor

MODELS = MODEL_DIR.parent


def _code(nlp, text: str):
    from peristiwa.events import load_coder
    from peristiwa.schema import Article

    return load_coder("id", nlp).code(nlp(text), Article(text=text))[1]


def test_training_recipe_runs_end_to_end_on_a_small_split(shared: Path, tmp_path: Path, nlp) -> None:
    """The recipe's command line, in its own process (scikit-learn then stays out of this one's BLAS)."""
    import json
    import subprocess
    import sys

    from peristiwa.events.learned_coder import LearnedCoder

    subprocess.run([sys.executable, "-m", "peristiwa.events.train", "--shared", str(shared), "--out",
                    str(tmp_path), "--folds", "2", "--limit", "160"], check=True, capture_output=True, timeout=600)
    for name in ("triggers.npz", "detector.npz", "roles.npz", "countries.npz", "settings.json", "calibration.json",
                 "training.json", "MODEL_CARD.md"):
        assert (tmp_path / name).is_file(), name
    cv = json.loads((tmp_path / "training.json").read_text(encoding="utf-8"))["cv"]
    assert cv["sentences"] == 160 and len(cv["loose_f1_per_fold"]) == 2
    assert 0.0 <= cv["loose"]["F1"] <= 1.0
    coder = LearnedCoder.load(tmp_path)
    text = "Polisi menangkap dua tersangka di Jakarta."
    from peristiwa.schema import Article

    _, events = coder.code(nlp(text), Article(text=text))
    assert all(0.0 <= e.confidence <= 1.0 for e in events)


def test_shipped_model_codes_the_seed(seed_path: Path) -> None:
    from peristiwa.ingest.files import read_file
    from peristiwa.pipeline import Pipeline

    result = next(Pipeline().run([read_file(seed_path)]))
    assert result.error is None and result.events
    text = result.article.text
    for e in result.events:
        assert text[e.trigger.start:e.trigger.end] == e.trigger.text
        assert 0.0 < e.confidence < 1.0
        assert e.actor or e.recipient
    # Trump's call to Haftar, Turkey's supplies to Tripoli
    pairs = {(e.event, a.name, b.name) for e in result.events for a in e.actor for b in e.recipient}
    assert ("CONSULT", "Donald Trump", "Khalifa Haftar") in pairs
    assert any(t == "REQUEST" and a == "United States" for t, a, _ in pairs)


def test_a_generic_actor_takes_the_country_of_its_context(nlp) -> None:
    events = _code(nlp, "Polisi menangkap dua tersangka pembunuhan di sebuah rumah kontrakan pada Senin malam.")
    arrest = [e for e in events if e.event == "COERCE"]
    assert arrest, [(e.event, e.trigger.text) for e in events]
    assert {a.country for a in arrest[0].actor} == {"IDN"}  # an Indonesian article's police: Indonesia's


def test_context_country_rules() -> None:
    assert sentence_country({"PHL"}, "IDN") == "PHL"  # the one foreign state the sentence names
    assert sentence_country({"PHL", "IDN"}, "IDN") == "PHL"
    assert sentence_country({"PHL", "MYS"}, "IDN") == "IDN"  # two foreign states: no way to choose
    assert sentence_country({"UNO"}, "IDN") == "IDN"  # the UN is no state

    class M:
        def __init__(self, country: str, kind: str = "country", at: int = 0) -> None:
            self.actor = Actor("x", 0, 1, "x", country)
            self.kind, self.start, self.end = kind, at, at + 1

    assert article_country([M("MMR"), M("MMR"), M("MMR"), M("IDN")], "IDN") == "MMR"
    assert article_country([M("MMR"), M("MMR"), M("IDN")], "IDN") == "IDN"  # twice is not what it is about
    assert article_country([M("MMR", "pronoun")] * 5, "IDN") == "IDN"
    # the towns and regions an article names count for their country, unless a mention already covers them
    usa = [M("USA", at=k) for k in range(3)]
    assert article_country(usa, "IDN", [(10, 12, "IDN"), (20, 21, "IDN"), (30, 31, "IDN")]) == "IDN"
    assert article_country(usa, "IDN", [(0, 1, "IDN"), (1, 2, "IDN"), (2, 3, "IDN")]) == "USA"
    assert article_country([], "IDN", [(k, k + 1, "MMR") for k in range(3)]) == "MMR"


def test_an_article_on_a_province_that_names_a_foreign_market_is_domestic(nlp) -> None:
    """A provincial article naming the United States three times is still about Indonesia: its towns and
    regions count for Indonesia, so its police are Indonesia's (they were the United States')."""
    text = ("Gubernur Jawa Tengah mengatakan ekspor Jawa Tengah ke Amerika Serikat terus naik. Amerika Serikat "
            "menjadi pasar utama, disusul Jepang. Investor dari Amerika Serikat datang ke Semarang dan Kendal. "
            "Polisi menangkap dua pria yang mencuri kontainer ekspor pada Senin.")
    arrest = [e for e in _code(nlp, text) if e.event == "COERCE"]
    assert arrest and [(a.text, a.country) for a in arrest[0].actor] == [("Polisi", "IDN")], arrest


def test_shipped_models_fit_the_size_budget() -> None:
    total = sum(f.stat().st_size for f in MODELS.rglob("*") if f.is_file())
    names = Path(MODELS.parent / "nlp" / "ner_names.tsv")
    total += names.stat().st_size if names.is_file() else 0
    assert total <= 60 * 1024 * 1024, f"{total / 2**20:.1f} MB of shipped models"


def test_event_stage_is_registered_components_writing_to_the_doc(nlp) -> None:
    from spacy.language import Language

    from peristiwa.events import load_coder
    from peristiwa.events.components import EventStage, stage_components
    from peristiwa.schema import Article

    assert stage_components("learned") == ["peristiwa_actors", "peristiwa_triggers", "peristiwa_roles",
                                           "peristiwa_events"]
    meta = Language.get_factory_meta("peristiwa_roles")
    assert "doc._.roles" in meta.assigns and "doc._.event_triggers" in meta.requires
    text = "KPK menahan Bupati Tegal di Jakarta pada Selasa."
    doc = nlp(text)
    quotes, events = load_coder("id", nlp).code(doc, Article(text=text))
    arrest = next(e for e in events if e.event == "COERCE")
    trigger = next(s for s in doc.spans["triggers"] if s.label_ == "COERCE")
    assert trigger.text == arrest.trigger.text == "menahan"
    source = next(s for s in doc.spans["actors"] if s.text == "KPK")
    assert source.label_ == "IDN" and doc._.roles[(trigger.start, source.start)]["src"] > 0.5
    assert doc._.events == events
    # the rule coder replaces the learned components by a variant name
    rules = EventStage(nlp.vocab, "rules")
    assert rules.nlp.pipe_names == ["peristiwa_actors", "peristiwa_rule_events"]
    _, rule_events = rules.code(nlp(text), Article(text=text))
    assert any(e.event == "COERCE" for e in rule_events)


def test_batched_probabilities_equal_one_at_a_time() -> None:
    """proba_many sums each row's weights from one running total: rows with no known feature, repeated
    features and unknown ones must come out as proba gives them."""
    import numpy as np

    from peristiwa.events.linear import LinearModel

    rng = np.random.default_rng(3)
    model = LinearModel(["O", "A", "B"], [f"f{k}" for k in range(50)], rng.normal(size=(50, 3)),
                        rng.normal(size=3))
    rows = [["f1", "f2", "f2"], [], ["nope"], [f"f{k}" for k in range(0, 50, 3)] + ["nope"], ["f49"]]
    batched = model.proba_many(rows)
    single = np.array([model.proba(r) for r in rows])
    assert batched.shape == (5, 3)
    assert np.allclose(batched, single, atol=1e-5)
    assert np.allclose(batched.sum(axis=1), 1.0, atol=1e-5)


def test_shipped_event_probability_comes_from_the_detector(nlp) -> None:
    """P(event) of a candidate word is the pooled detector's, P(type | event) the labeller's."""
    from peristiwa.events.labels import EVENT
    from peristiwa.events.learned_coder import LearnedCoder
    from peristiwa.schema import Article

    coder = LearnedCoder.load()
    model = coder.model
    assert model.detector is not None and model.detector.labels == sorted(["O", EVENT])
    text = "Polisi menangkap dua tersangka teroris di Surabaya, Selasa."
    doc = nlp(text)
    view = coder.views(doc, Article(text=text))[0]
    scored = model.trigger_scores([view])[0]
    arrest = next(x for x in scored if doc[x[0]].text == "menangkap")
    p_event, p_label = model.word_score(view, arrest[0], arrest[1])
    assert abs(arrest[2] - p_event) < 1e-5 and abs(arrest[3] - p_label) < 1e-5
    assert arrest[1] == "COERCE" and arrest[2] > 0.5
    bare = model.detector.proba(["bias"])[model.detector.labels.index(EVENT)]
    assert arrest[2] > bare


def test_the_place_of_an_abduction_is_not_its_victim(nlp) -> None:
    """The students are the recipients, Kaduna the place; with no state named, the place's country (NGA) is
    the armed group's and the students'."""
    events = _code(nlp, "Kelompok bersenjata menculik 20 pelajar dari sebuah sekolah di negara bagian Kaduna, kata polisi.")
    ab = [e for e in events if e.event == "ASSAULT"]
    assert ab, [(e.event, e.trigger.text) for e in events]
    assert all(a.text != "Kaduna" for a in ab[0].recipient) and ab[0].recipient
    assert {a.country for a in ab[0].recipient} == {"NGA"} and {a.country for a in ab[0].actor} == {"NGA"}


@pytest.mark.parametrize("text", ["Liga Arab mengecam serangan Israel terhadap kamp pengungsi Jenin.",
                                  "Menteri Luar Negeri Mesir mengecam serangan Israel ke Gaza pada Senin."])
def test_the_critic_of_an_attack_is_not_its_author(nlp, text) -> None:
    """The attack is proposed with Israel alone as its author (whether it is emitted is the calibrator's
    call: in the first sentence its target, the refugees of a camp no list places, takes Israel's country,
    and a dyad inside one foreign state is rated low); the condemnation is emitted."""
    from peristiwa.events.learned_coder import LearnedCoder
    from peristiwa.schema import Article

    coder = LearnedCoder.load()
    doc, art = nlp(text), Article(text=text)
    cands = [ev for si, v in enumerate(coder.views(doc, art)) for ev, _ in coder.candidates(v, si, art, "t")]
    attack = [e for e in cands if e.event == "ASSAULT"]
    assert attack, [(e.event, e.trigger.text) for e in cands]
    assert {a.country for a in attack[0].actor} == {"ISR"}
    events = _code(nlp, text)
    assert any(e.event == "ACCUSE" and {a.country for a in e.recipient} == {"ISR"} for e in events)


@pytest.mark.parametrize("text", ["Liga Arab mengecam serangan terhadap konvoi bantuan di Gaza.",
                                  "Sekjen PBB mengutuk serangan terhadap sekolah itu pada Senin."])
def test_an_attack_with_no_named_author_is_not_given_to_its_critic(nlp, text) -> None:
    """No author of the attack is named: the critic is no source of any attack candidate, and the candidate keeps
    the confidence the model gave it as proposed."""
    from peristiwa.events.learned_coder import LearnedCoder
    from peristiwa.schema import Article

    coder = LearnedCoder.load()
    doc, art = nlp(text), Article(text=text)
    cands = [ev for si, v in enumerate(coder.views(doc, art)) for ev, _ in coder.candidates(v, si, art, "t")]
    critic = text.split(" meng")[0]
    for e in cands:
        if e.event == "ASSAULT":
            assert all(a.text != critic and not critic.endswith(a.text) for a in e.actor), (e.actor, critic)
    assert any(e.event == "ACCUSE" for e in cands)


def test_restraint_is_no_detention(nlp) -> None:
    """"menahan diri" (object_not in verbs.yaml): the model does not propose what the lexicon rules out."""
    events = _code(nlp, "Sekjen PBB mengimbau semua pihak di Sudan untuk menahan diri.")
    assert [e.event for e in events] == ["REQUEST"]


def test_a_draw_is_no_detention(nlp) -> None:
    """"ditahan imbang" is a football draw (object_not in verbs.yaml), while a detention stays one."""
    assert not _code(nlp, "Timnas Vietnam ditahan imbang 2-2 oleh Thailand di Stadion My Dinh, Hanoi.")
    events = _code(nlp, "Polisi Vietnam menahan dua aktivis di Hanoi pada Senin.")
    assert any(e.event == "COERCE" for e in events), [(e.event, e.trigger.text) for e in events]


def test_a_sea_is_no_participant(nlp) -> None:
    """"Laut China Selatan" names neither China nor anyone who takes part."""
    events = _code(nlp, "Amerika Serikat dan Filipina menggelar latihan militer gabungan di Laut China Selatan.")
    for e in events:
        assert all("Laut" not in a.text and a.country != "CHN" for a in (*e.actor, *e.recipient)), e


@pytest.mark.parametrize("text,country", [("Rusia membombardir kota Aleppo pada Senin.", "SYR"),
                                          ("Pasukan Rusia menyerang kota Kharkiv pada Selasa.", "UKR")])
def test_a_city_attacked_is_the_target(nlp, text, country) -> None:
    """The place an attack is done to is its recipient, with the place's country (as the guideline codes
    "London", "Khan Sheikhoun"); a place after "di" is only where it happened."""
    attack = [e for e in _code(nlp, text) if e.event == "ASSAULT"]
    assert attack and {a.country for a in attack[0].recipient} == {country}, attack
    events = _code(nlp, "Militer Rusia menyerang kelompok pemberontak di Aleppo pada Senin.")
    attack = [e for e in events if e.event == "ASSAULT"]
    assert attack and "kelompok pemberontak" in [a.text for a in attack[0].recipient], attack
    assert all(a.text != "Aleppo" for a in attack[0].recipient)
    events = _code(nlp, "Polisi menggerebek sebuah rumah di Bekasi pada Senin malam.")
    assert all(a.text != "Bekasi" for e in events for a in e.recipient)


@pytest.mark.parametrize("text,country", [("Rusia mengebom kota Kharkiv pada Senin malam.", "UKR"),
                                          ("Pesawat tempur Israel mengebom rumah sakit di Gaza utara.", "PSE")])
def test_a_place_chosen_as_participant_keeps_its_own_country(nlp, text, country) -> None:
    """When the parse misses the object ("mengebom" read as a noun) and the role model picks the place's words
    as the target, the place is in its own country, not in the one state the sentence names."""
    attack = [e for e in _code(nlp, text) if e.event == "ASSAULT"]
    assert attack and {a.country for a in attack[0].recipient} == {country}, attack


def test_a_person_named_like_a_town_is_no_place(nlp) -> None:
    """"Iskandar Muda" (a sultan, and the Kodam named after him) is no participant in Iskandar, Uzbekistan."""
    events = _code(nlp, "Komando Daerah Militer Iskandar Muda mengerahkan 300 prajurit ke Pidie.")
    assert events and all(a.country in ("IDN", "") for e in events for a in (*e.actor, *e.recipient)), events


def test_the_place_of_an_act_is_not_its_doer(nlp) -> None:
    """"Polisi di Karachi": the police act, Karachi is where (and gives them their country)."""
    arrest = [e for e in _code(nlp, "Polisi di Karachi menangkap lima tersangka pengeboman.") if e.event == "COERCE"]
    assert arrest and [a.text for a in arrest[0].actor] == ["Polisi"], arrest
    assert {a.country for a in arrest[0].actor} == {"PAK"}


def test_an_air_strike_on_a_territory_names_it_and_is_reported_once(nlp) -> None:
    """"ke Gaza" names what the strike is aimed at (Gaza is a place, not an actor); the light verb and the
    noun of one phrase are one event, not two."""
    attack = [e for e in _code(nlp, "Israel melancarkan serangan udara ke Gaza pada Senin.") if e.event == "ASSAULT"]
    assert len(attack) == 1, attack
    assert {a.country for a in attack[0].recipient} == {"PSE"} and {a.country for a in attack[0].actor} == {"ISR"}


def test_repeats_are_one_event() -> None:
    from peristiwa.util.repeats import without_repeats

    def ev(start, end, conf, event="ASSAULT", target="PSE"):
        return {"sentence": 0, "event": event, "trigger": {"start": start, "end": end}, "confidence": conf,
                "actor": [{"country": "ISR"}], "recipient": [{"country": target}]}
    kept = without_repeats([ev(7, 18, 0.4), ev(19, 33, 0.6), ev(40, 50, 0.5, "ACCUSE"), ev(90, 99, 0.3)])
    assert [(e["trigger"]["start"], e["confidence"]) for e in kept] == [(19, 0.6), (40, 0.5), (90, 0.3)]
    # another target is another event; a weaker one that names less is the same act
    assert len(without_repeats([ev(7, 18, 0.4), ev(19, 33, 0.6, target="LBN")])) == 2
    weaker = {**ev(7, 18, 0.4), "recipient": []}
    assert [e["confidence"] for e in without_repeats([weaker, ev(19, 33, 0.6)])] == [0.6]
    assert len(without_repeats([{**ev(7, 18, 0.6), "recipient": []}, ev(19, 33, 0.4)])) == 2


@pytest.mark.parametrize("text", ["Orang tak dikenal menembak seorang polisi di Papua.",
                                  "Kelompok bersenjata tidak dikenal menculik lima pekerja di Nigeria."])
def test_unknown_gunmen_are_no_negation(nlp, text) -> None:
    """"tak dikenal" makes an adjective of the noun (not_negation in cues.yaml): the act happened."""
    events = [e for e in _code(nlp, text) if e.event == "ASSAULT"]
    assert events and events[0].modality == "asserted", events
    assert [e.modality for e in _code(nlp, "Polisi tidak menangkap pelaku pembakaran itu.")] == ["negated"]


def test_a_promise_is_one_event(nlp) -> None:
    """"berjanji akan memberikan bantuan": the promise and the promised aid are one intended act (AGREE), not
    an AGREE on each word."""
    events = _code(nlp, "Jepang berjanji akan memberikan bantuan 10 juta dolar kepada korban banjir di Pakistan.")
    assert len([e for e in events if e.event == "AGREE"]) == 1, [(e.event, e.trigger.text) for e in events]


def test_a_phrase_around_a_named_participant_is_that_participant(nlp) -> None:
    """The role model may choose both "Presiden" (the resolver's actor) and the noun phrase "Bapak Presiden"
    around it: one participant, the resolver's."""
    events = _code(nlp, "Bapak Presiden meminta kepada kita semua untuk melakukan konsolidasi data.")
    req = [e for e in events if e.event == "REQUEST"]
    assert req and [a.text for a in req[0].actor] == ["Presiden"], [(e.event, e.actor) for e in events]


def test_only_a_phrase_that_adds_nothing_gives_way() -> None:
    from peristiwa.events.learned_coder import _without_containers

    text = "Bapak Presiden dan Danone Indonesia"
    presiden, bapak = Actor("Presiden", 6, 14, "president", "IDN", "GOV"), Actor("Bapak Presiden", 0, 14,
                                                                                "Bapak Presiden", "IDN", "")
    state, firm = Actor("Indonesia", 26, 35, "Indonesia", "IDN", "GOV"), Actor("Danone Indonesia", 19, 35,
                                                                               "Danone Indonesia", "IDN", "")
    assert text[bapak.start:bapak.end] == "Bapak Presiden" and text[firm.start:firm.end] == "Danone Indonesia"
    mentions = {(6, 14): "role", (26, 35): "country"}
    assert _without_containers([presiden, bapak], mentions) == [presiden]
    # a phrase around a state's name is often a body of that state: it stays
    assert _without_containers([state, firm], mentions) == [state, firm]
    # a resolver's own mention stays whatever it holds
    assert _without_containers([presiden, bapak], {**mentions, (0, 14): "person"}) == [presiden, bapak]


def _view(nlp, text: str):
    from peristiwa.events.learned_coder import LearnedCoder
    from peristiwa.schema import Article

    coder = LearnedCoder.load()
    coder.nlp = nlp
    return coder, coder.views(nlp(text), Article(text=text))[0]


def test_country_chooser_learns_from_gold_participants_without_a_country(nlp) -> None:
    from peristiwa.events.countries import YES, candidates, state_mentions, training_rows
    from peristiwa.events.gold import align

    text = "Kepolisian Turki menahan Mehmet Ozkaya di dekat kedutaan besar Belanda di Ankara."
    _, view = _view(nlp, text)
    cands = candidates(view, state_mentions(view))
    assert set(cands) == {"TUR", "NLD", view.home}  # each state named, and the article's own country
    row = {"id_text": text, "events": [{"trigger": "menahan", "plover": "COERCE", "cameo_root": "17", "quad": 4,
                                        "source": [{"text": "Kepolisian Turki", "country": "TUR"}],
                                        "target": [{"text": "Mehmet Ozkaya", "country": "TUR"}]}]}
    X, y = training_rows(view, align(view.doc, row))
    # the police name their country; the man names none, so he gives one row per candidate country, and only
    # Turkey's is a yes
    assert len(y) == len(cands) and y.count(YES) == 1
    assert "home=False" in X[y.index(YES)] and any(f.startswith("dist=") for f in X[y.index(YES)])
    assert "lemma=mehmet|home=False" in X[y.index(YES)]  # the participant's own (head) word is read too
    row["events"][0]["target"][0]["country"] = ""
    assert training_rows(view, align(view.doc, row)) == ([], [])  # a participant of unknown country teaches nothing


def test_shipped_country_chooser_reads_the_sentence(nlp) -> None:
    """Two foreign states named: the rule of one foreign state gave the detained man the article's country
    (IDN); the chooser ties him to the state whose police hold him."""
    from peristiwa.events.countries import choose

    coder, view = _view(nlp, "Kepolisian Turki menahan Mehmet Ozkaya di dekat kedutaan besar Belanda di Ankara.")
    assert coder.model.countries is not None
    head = next(t.i for t in view.doc if t.text == "Ozkaya")
    man = Actor("Mehmet Ozkaya", 25, 38, "Mehmet Ozkaya")
    assert choose(coder.model.countries, view, head, man) == "TUR"
    detained = [e for e in _code(nlp, view.doc.text) if e.event == "COERCE"]
    assert detained and {a.country for a in detained[0].recipient} == {"TUR"}


def test_an_act_asked_for_is_scored_as_demanded(nlp) -> None:
    """Every candidate after a proposed request and a link word carries the modality it will be output with,
    so that its confidence is the calibrator's for demanded acts, whether or not it is kept."""
    from peristiwa.events.learned_coder import LearnedCoder
    from peristiwa.schema import Article

    text = "Pemerintah Norwegia meminta kelompok pemberontak itu untuk membebaskan para sandera di Mali."
    coder = LearnedCoder.load()
    doc, art = nlp(text), Article(text=text)
    views = coder.views(doc, art)
    cands = [ev for si, v in enumerate(views) for ev, _ in coder.candidates(v, si, art, "t")]
    asks = [e for e in cands if e.event == "REQUEST"]
    assert asks, [(e.event, e.trigger.text) for e in cands]
    after = [e for e in cands if e.trigger.start > asks[0].trigger.end]
    assert after and all(e.modality == "demanded" for e in after), [(e.trigger.text, e.modality) for e in after]


def test_calibrator_reads_weights_by_feature_name(tmp_path: Path) -> None:
    """A calibration file written before a feature existed still loads: its weights go to the features they
    were fitted for, the new one weighs nothing."""
    import json

    from peristiwa.events.calibration import FEATURES, Calibrator

    old = [f for f in FEATURES if f != "same_foreign"]
    weights = [0.1 * (k + 1) for k in range(len(old))]
    (tmp_path / "calibration.json").write_text(json.dumps({"features": old, "weights": weights, "bias": -1.0}))
    cal = Calibrator.load(tmp_path)
    assert cal is not None and len(cal.weights) == len(FEATURES)
    assert cal.weights[FEATURES.index("same_foreign")] == 0.0
    assert cal.weights[FEATURES.index("known_word")] == weights[old.index("known_word")]


def test_a_dyad_inside_one_foreign_state_is_its_own_feature() -> None:
    """same_foreign: both sides of one foreign state; two of the article's own country are not it."""
    from peristiwa.events.calibration import FEATURES, event_features
    from peristiwa.events.model import Predicted
    from peristiwa.schema import Actor

    p = Predicted(0, "REJECT", 0.6, 0.8)
    nld = Actor(text="Belanda", start=0, end=7, name="Netherlands", country="NLD")
    idn = Actor(text="KPK", start=0, end=3, name="KPK", country="IDN")
    k = FEATURES.index("same_foreign")

    def feats(src, tgt):
        return event_features(p, [src], [tgt], "REJECT", 2, "", "", from_rules=False, home="IDN")

    assert feats(nld, nld)[k] == 1.0 and feats(idn, idn)[k] == 0.0 and feats(idn, nld)[k] == 0.0


def test_a_name_the_ner_missed_may_still_be_a_participant(nlp) -> None:
    """Initials and single names the NER leaves untagged ("ZA") are role candidates; a day's name is not."""
    from peristiwa.events.features import role_candidates
    from peristiwa.events.learned_coder import LearnedCoder
    from peristiwa.schema import Article

    text = "Polisi menangkap ZA di rumahnya pada Senin."
    doc = nlp(text)
    view = LearnedCoder.load().views(doc, Article(text=text))[0]
    trigger = next(t.i for t in doc if t.text == "menangkap")
    found = [doc[i].text for i in role_candidates(view, trigger)]
    assert "ZA" in found and "Senin" not in found, found


def test_a_relative_pronoun_stands_for_the_noun_its_clause_describes(nlp) -> None:
    """The role model sometimes picks "yang" itself: the participant is the noun the clause describes."""
    from peristiwa.events.participants import actors_of

    _, view = _view(nlp, "Polisi menahan warga Palestina yang menyerang petugas itu.")
    doc = view.doc
    yang = next(t.i for t in doc if t.lower_ == "yang")
    assert doc[yang].head.dep_ == "acl:relcl", [(t.text, t.dep_, t.head.text) for t in doc]
    assert [(a.text, a.country) for a in actors_of(view, yang)] == [("warga Palestina", "PSE")]
    # with no noun before it ("Yang bersangkutan") it stays the participant it was
    _, view = _view(nlp, "Yang bersangkutan ditahan polisi.")
    assert [a.text for a in actors_of(view, 0)][0].startswith("Yang")


def test_a_natural_hazard_is_no_participant(nlp) -> None:
    """The guideline codes no natural disaster: a landslide that closes a road is no one's act, and the
    hazard words come from data/events/participants.yaml."""
    from peristiwa.events.features import role_candidates
    from peristiwa.events.participants import participant_words

    assert {"longsor", "banjir", "gempa"} <= participant_words().hazards
    _, view = _view(nlp, "Longsor menutup jalan provinsi dan banjir merendam kantor polisi di Bekasi.")
    doc = view.doc
    for verb in ("menutup", "merendam"):
        trigger = next(t.i for t in doc if t.text == verb)
        found = {doc[i].lower_ for i in role_candidates(view, trigger)}
        assert not found & {"longsor", "banjir"}, (verb, found)
    events = _code(nlp, "Longsor menutup jalan provinsi di Kampung Ketengan.")
    assert not any(a.text.lower().startswith("longsor") for e in events for a in (*e.actor, *e.recipient)), events


def test_a_foreign_dateline_is_the_articles_country() -> None:
    """"Marawi (ANTARA) -": the unnamed police of the story are the Philippines', not the outlet's Indonesia;
    "Jayapura (ANTARA) -" stays at home."""
    from peristiwa.pipeline import Pipeline
    from peristiwa.schema import Document

    texts = {"ph": "Marawi (ANTARA) - Polisi menangkap tiga tersangka pembom di sebuah pasar.",
             "id": "Jayapura (ANTARA) - Polisi menangkap tiga tersangka pembom di sebuah pasar."}
    docs = [Document(doc_id=k, source="t", kind="clean", text=t, lang="id") for k, t in texts.items()]
    got = {}
    for r in Pipeline(lang="id").run(docs):
        assert r.article.dateline_place in ("Marawi", "Jayapura"), r.article.dateline_place
        arrest = next(e for e in r.events if e.event == "COERCE")
        got[r.doc_id] = {a.country for a in arrest.actor}
    assert got == {"ph": {"PHL"}, "id": {"IDN"}}, got
