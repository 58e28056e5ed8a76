"""Training-data conversions: comma attachment and legacy label mapping (hand-built trees, our words)."""

from __future__ import annotations

from peristiwa.nlp.conllu import Sentence
from peristiwa.nlp.corpora import LegacyRelabeler, reattach_commas


def sentence(rows: list[tuple[str, str, int, str]]) -> Sentence:
    words, upos, heads, rels = (list(col) for col in zip(*rows, strict=True))
    return Sentence(words, ["_"] * len(words), upos, heads, rels, [True] * len(words), [])


def test_comma_before_conjunct_hangs_on_the_conjunct() -> None:
    # "Rusia , Turki dan Mesir hadir ." with the comma on the word before it (2017 style)
    s = sentence([("Rusia", "PROPN", 6, "nsubj"), (",", "PUNCT", 1, "punct"), ("Turki", "PROPN", 1, "conj"),
                  ("dan", "CCONJ", 5, "cc"), ("Mesir", "PROPN", 1, "conj"), ("hadir", "VERB", 0, "root"),
                  (".", "PUNCT", 6, "punct")])
    out = reattach_commas(s)
    assert out.heads[1] == 3  # Turki
    assert out.heads[:1] + out.heads[2:] == s.heads[:1] + s.heads[2:]  # nothing else moves
    assert out.deprels == s.deprels


def test_comma_closing_a_fronted_phrase_stays() -> None:
    # "Menurut dia , pasukan mundur ." — nothing after the comma hangs on a word before it
    s = sentence([("Menurut", "ADP", 2, "case"), ("dia", "PRON", 5, "obl"), (",", "PUNCT", 2, "punct"),
                  ("pasukan", "NOUN", 5, "nsubj"), ("mundur", "VERB", 0, "root"), (".", "PUNCT", 5, "punct")])
    assert reattach_commas(s).heads == s.heads


def test_final_comma_and_clause_comma() -> None:
    # "Ia datang , lalu pergi ," — the clause after the first comma hangs on "datang"
    s = sentence([("Ia", "PRON", 2, "nsubj"), ("datang", "VERB", 0, "root"), (",", "PUNCT", 0, "punct"),
                  ("lalu", "ADV", 5, "advmod"), ("pergi", "VERB", 2, "conj"), (",", "PUNCT", 2, "punct")])
    out = reattach_commas(s)
    assert out.heads[2] == 5 and out.heads[5] == 2


def test_relabeler_learns_current_labels_from_context() -> None:
    current = [sentence([("Presiden", "NOUN", 3, "nsubj"), ("Joko", "PROPN", 1, "flat:name"),
                         ("datang", "VERB", 0, "root")])] * 3
    legacy = sentence([("Presiden", "NOUN", 3, "nsubj"), ("Joko", "PROPN", 1, "flat"),
                       ("datang", "VERB", 0, "root")])
    assert LegacyRelabeler(current).relabel(legacy).deprels == ["nsubj", "flat:name", "root"]


def test_final_ner_data_adds_the_valid_splits_with_the_same_augmentation(shared) -> None:
    import spacy

    from peristiwa.nlp.corpora import NERGRIT, NERP, ner_training_docs, read_bio

    vocab = spacy.blank("id").vocab
    train, dev = ner_training_docs(vocab, shared)
    full, dev_again = ner_training_docs(vocab, shared, splits=("train", "valid"))
    n_grit = len(read_bio(shared / NERGRIT.format(split="valid")))
    n_nerp = len(read_bio(shared / NERP.format(split="valid")))
    assert len(dev) == len(dev_again) == n_grit + n_nerp
    # NERGrit three times (twice as written, once lower-cased), NERP twice (as given, case-restored)
    assert len(full) == len(train) + 3 * n_grit + 2 * n_nerp
    # (NERP's own valid split repeats 79 of its train sentences, so no disjointness check here)
    assert {tuple(t.text for t in d) for d in dev} <= {tuple(t.text for t in d) for d in full}


def test_final_ner_data_adds_the_news_tune_split_and_never_the_eval_split(shared) -> None:
    import spacy

    from peristiwa.nlp.corpora import ner_training_docs, read_news_standoff

    vocab = spacy.blank("id").vocab
    full, _ = ner_training_docs(vocab, shared, splits=("train", "valid"))
    news, _ = ner_training_docs(vocab, shared, splits=("train", "valid"), news_tune=True)
    tune, held = read_news_standoff(shared, "tune"), read_news_standoff(shared, "eval")
    # weighted as NERGrit: twice as written, once lower-cased
    assert len(news) == len(full) + 3 * len(tune)
    texts = {tuple(t.text for t in d) for d in news}
    assert all(tuple(w) in texts and tuple(x.lower() for x in w) in texts for w, _ in tune)
    assert not any(tuple(w) in texts for w, _ in held)
    # the entities come along: the tune split's ORG spans are ORG in the training docs
    added = news[len(full):]
    assert sum(e.label_ == "ORG" for d in added for e in d.ents) == 3 * sum(
        t == "B-ORG" for _, tags in tune for t in tags)


def test_news_training_sentences_load_and_share_no_article_with_the_dev_sets(shared) -> None:
    """The project's 600 annotated news sentences rebuild from the shared IndoSum text, and none comes from
    an article of the news NER dev set or of events-id's dev split (whose figures they would inflate)."""
    import json

    import spacy

    from peristiwa.evaluation.news_ner import standoff_path
    from peristiwa.nlp.corpora import NEWS_NER_TRAIN, ner_training_docs, read_news_standoff

    sents = read_news_standoff(shared, "train", NEWS_NER_TRAIN)
    assert len(sents) == 600
    counts = {lab: sum(t == f"B-{lab}" for _, tags in sents for t in tags) for lab in ("PER", "ORG", "LOC")}
    assert all(n > 300 for n in counts.values()), counts
    items = [json.loads(x) for x in NEWS_NER_TRAIN.read_text(encoding="utf-8").splitlines() if x]
    dev_articles = {json.loads(x)["article"] for x in standoff_path().read_text(encoding="utf-8").splitlines() if x}
    events_dev = {json.loads(x)["line"].split(":")[1]
                  for x in (shared / "events-id" / "dev.gold.jsonl").read_text(encoding="utf-8").splitlines() if x}
    assert not {x["article"] for x in items} & (dev_articles | events_dev)
    vocab = spacy.blank("id").vocab
    plain, _ = ner_training_docs(vocab, shared)
    news, _ = ner_training_docs(vocab, shared, news_train=True)
    assert len(news) == len(plain) + 3 * len(sents)
