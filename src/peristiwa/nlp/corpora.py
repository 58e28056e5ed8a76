"""Training corpora from ../shared/data: treebanks and NER files to spaCy Docs.

Only data whose licence allows shipping shapes the weights (UD GSD and CSUI: CC BY-SA 4.0; NERGrit
and NERP: Apache-2.0; IndoSum word counts: CC BY-SA 4.0). IndoLEM NER has no licence: eval only.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from peristiwa.nlp.conllu import Sentence, read_conllu, sentence_to_doc

UD = "ud"
GSD_DEV = f"{UD}/UD_Indonesian-GSD/id_gsd-ud-dev.conllu"
GSD_TEST = f"{UD}/UD_Indonesian-GSD/id_gsd-ud-test.conllu"
GSD_LEGACY = f"{UD}/UD_Indonesian-GSD/legacy_v2.0_train/id-ud-train.conllu"
CSUI_TRAIN = f"{UD}/UD_Indonesian-CSUI/id_csui-ud-train.conllu"
CSUI_TEST = f"{UD}/UD_Indonesian-CSUI/id_csui-ud-test.conllu"
NERGRIT = "ner/indonlu-ner/nergrit_ner-grit/{split}_preprocess.txt"
NERP = "ner/indonlu-ner/nerp_ner-prosa/{split}_preprocess.txt"
INDOLEM = "ner/indolem-ner/{corpus}/{split}.01.tsv"
INDOSUM = "news/indosum-dev"
# The project's news NER dev set (standoff over IndoSum, CC BY-SA 4.0; peristiwa/evaluation/data/README.md):
# its 100 "tune" sentences can be NER training data (`--news-tune` of peristiwa.nlp.train; off, the shipped
# NER has not seen them), its 300 "eval" sentences are measured only. Read by path, not through peristiwa.evaluation, which sits above this package.
NEWS_NER_STANDOFF = Path(__file__).resolve().parents[1] / "evaluation" / "data" / "news_ner_dev.jsonl"
# 600 sentences of other IndoSum articles annotated the same way, as NER training data (annotations/README.md)
NEWS_NER_TRAIN = Path(__file__).resolve().parent / "annotations" / "news_ner_train.jsonl"

# Held out from GSD dev to choose settings; the rest of GSD dev is training data (the current GSD
# train split is not in ../shared/data).
GSD_DEV_HOLDOUT = 150

# Every corpus's tags mapped to ours; None = the span is there but unlabelled for us (missing).
NER_LABELS = {
    "PERSON": "PER", "PPL": "PER",
    "PLACE": "LOC", "PLC": "LOC", "LOCATION": "LOC",
    "ORGANISATION": "ORG", "ORGANIZATION": "ORG", "IND": "ORG",
    "EVT": "EVT",
    "FNB": None, "TIME": None, "QUANTITY": None,
}


# ---------------------------------------------------------------- treebanks

def _coarse(label: str) -> str:
    """The label as the 2017 GSD release would have written it (its conventions merged these)."""
    base = label.split(":")[0]
    if label in ("nsubj:pass", "csubj:pass", "compound:plur"):
        return label
    # possessive pronouns: det in 2017, nmod:poss now; the dependent word decides which
    if label in ("det", "nmod:poss"):
        return "DETPOSS"
    if base in ("flat", "nmod", "compound"):
        return "NOMINAL"
    return base


class LegacyRelabeler:
    """Maps 2017 GSD labels to current conventions, learnt from the current treebanks.

    The legacy file's heads are good but its labels follow old conventions (e.g. flat for names and
    nominal modifiers alike, no acl:relcl, no nmod:poss). For each arc we look up the current label
    most often seen with the same coarse label and context in current data, backing off from
    (coarse, head UPOS, dependent UPOS, dependent word) to (coarse) alone.
    """

    def __init__(self, current: Iterable[Sentence]) -> None:
        self.tables: list[dict[tuple, Counter]] = [defaultdict(Counter) for _ in range(5)]
        for s in current:
            for i, (h, d) in enumerate(zip(s.heads, s.deprels, strict=True)):
                for k, key in enumerate(self._keys(s, i, h, _coarse(d))):
                    self.tables[k][key][d] += 1

    @staticmethod
    def _keys(s: Sentence, i: int, h: int, coarse: str) -> list[tuple]:
        hpos = s.upos[h - 1] if h > 0 else "ROOT"
        dpos = s.upos[i]
        word = s.words[i].lower()
        yang = any(s.words[j].lower() == "yang" and s.heads[j] == i + 1 for j in range(len(s)))
        direction = "L" if h > i + 1 else "R"
        return [(coarse, hpos, dpos, word), (coarse, hpos, dpos, yang, direction),
                (coarse, hpos, dpos), (coarse, dpos), (coarse,)]

    def relabel(self, s: Sentence) -> Sentence:
        new = []
        for i, (h, d) in enumerate(zip(s.heads, s.deprels, strict=True)):
            label = d
            for k, key in enumerate(self._keys(s, i, h, _coarse(d))):
                got = self.tables[k].get(key)
                if got and sum(got.values()) >= (3 if k < 4 else 1):
                    label = got.most_common(1)[0][0]
                    break
            new.append(label)
        return Sentence(s.words, s.lemmas, s.upos, s.heads, new, s.spaces, s.comments)


def _right_phrase_head(s: Sentence, i: int) -> int | None:
    """The top of the phrase that starts right after word i and hangs on a word left of i (0-based)."""
    cur = i + 1
    for _ in range(len(s)):
        if cur >= len(s):
            return None
        head = s.heads[cur] - 1
        if head < 0 or head == i:
            return None
        if head < i:
            return cur
        cur = head
    return None


def reattach_commas(s: Sentence) -> Sentence:
    """Commas and semicolons attached as current UD GSD does: to the head of the phrase they open.

    The 2017 GSD file and CSUI hang most commas on the word before them or on the root; current GSD
    (and the UD guidelines) hang a comma on the following conjunct or clause. The rule reproduces 94%
    of current GSD's own comma heads; without it a third of the parser's punctuation heads were wrong.
    """
    heads = list(s.heads)
    for i, (word, rel) in enumerate(zip(s.words, s.deprels, strict=True)):
        if rel == "punct" and word in (",", ";"):
            top = _right_phrase_head(s, i)
            if top is not None:
                heads[i] = top + 1
    return Sentence(s.words, s.lemmas, s.upos, heads, s.deprels, s.spaces, s.comments)


def treebank_splits(shared: Path) -> dict[str, list[Sentence]]:
    gsd_dev = read_conllu(shared / GSD_DEV)
    return {
        "gsd_train": gsd_dev[:-GSD_DEV_HOLDOUT],
        "gsd_holdout": gsd_dev[-GSD_DEV_HOLDOUT:],
        "csui_train": read_conllu(shared / CSUI_TRAIN),
        "legacy": read_conllu(shared / GSD_LEGACY),
        "gsd_test": read_conllu(shared / GSD_TEST),
        "csui_test": read_conllu(shared / CSUI_TEST),
    }


def syntax_training_docs(vocab: Vocab, splits: dict[str, list[Sentence]],
                         current_weight: int = 2) -> tuple[list[Doc], list[Doc]]:
    """(train, dev): legacy GSD relabelled, plus the current-convention data repeated."""
    current = splits["gsd_train"] + [reattach_commas(s) for s in splits["csui_train"]]
    # GSD's own current files teach the mapping: CSUI writes nmod where GSD writes compound
    relabeler = LegacyRelabeler(splits["gsd_train"])
    legacy = [reattach_commas(relabeler.relabel(s)) for s in splits["legacy"]]
    train = [sentence_to_doc(vocab, s) for s in legacy]
    for _ in range(current_weight):
        train += [sentence_to_doc(vocab, s) for s in current]
    dev = [sentence_to_doc(vocab, s) for s in splits["gsd_holdout"]]
    return train, dev


def current_convention_docs(vocab: Vocab, splits: dict[str, list[Sentence]]) -> tuple[list[Doc], list[Doc]]:
    """(train, dev) with only the treebanks annotated in current conventions (no legacy file)."""
    current = splits["gsd_train"] + [reattach_commas(s) for s in splits["csui_train"]]
    train = [sentence_to_doc(vocab, s) for s in current]
    return train, [sentence_to_doc(vocab, s) for s in splits["gsd_holdout"]]


def lemma_tables(splits: dict[str, list[Sentence]]) -> tuple[dict[str, str], set[str]]:
    """(form -> lemma lookup, root set) from the training treebanks' LEMMA columns."""
    counts: dict[str, Counter] = defaultdict(Counter)
    for s in splits["gsd_train"] + splits["csui_train"]:
        for w, lem, pos in zip(s.words, s.lemmas, s.upos, strict=True):
            if lem != "_" and pos not in ("PROPN", "PUNCT", "NUM", "SYM", "X") and w.isalpha():
                counts[w.lower()][lem.lower()] += 1
    lookup = {w: c.most_common(1)[0][0] for w, c in counts.items()}
    roots = {lem for c in counts.values() for lem in c if lem.isalpha()}
    return lookup, roots


# ---------------------------------------------------------------- NER

def read_bio(path: Path) -> list[tuple[list[str], list[str]]]:
    """Sentences of a token<TAB>BIO-tag file."""
    out: list[tuple[list[str], list[str]]] = []
    words: list[str] = []
    tags: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if words:
                out.append((words, tags))
            words, tags = [], []
            continue
        parts = line.split("\t")
        if len(parts) < 2:
            parts = line.split()
        words.append(parts[0])
        tags.append(parts[-1].strip() if len(parts) > 1 else "O")
    if words:
        out.append((words, tags))
    return out


def bio_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """(start, end, raw label) token spans; a stray I- starts a span."""
    spans: list[tuple[int, int, str]] = []
    start, label = None, None
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, lab = tag.partition("-")
        if tag == "O" or prefix == "B" or lab != label:
            if start is not None:
                spans.append((start, i, label))
            start, label = (i, lab) if prefix in ("B", "I") and lab else (None, None)
    return spans


def bio_to_doc(vocab: Vocab, words: list[str], tags: list[str]) -> Doc:
    doc = Doc(vocab, words=words)
    ents, missing = [], []
    for s, e, raw in bio_spans(tags):
        label = NER_LABELS.get(raw, raw)
        (ents if label else missing).append(Span(doc, s, e, label=label or ""))
    doc.set_ents(ents, missing=missing, default="outside")
    return doc


def _written_forms(shared: Path, limit_files: int = 5) -> dict[str, Counter]:
    """How often each lower-cased word is written in each form, over IndoSum news and NERGrit train."""
    counts: dict[str, Counter] = defaultdict(Counter)
    for path in sorted((shared / INDOSUM).glob("dev.*.jsonl"))[:limit_files]:
        for line in path.open(encoding="utf-8"):
            for para in json.loads(line).get("paragraphs", []):
                for sent in para:
                    for i, w in enumerate(sent):
                        if i > 0:  # sentence-initial capitals say nothing about the word
                            counts[w.lower()][w] += 1
    for words, _ in read_bio(shared / NERGRIT.format(split="train")):
        for w in words[1:]:
            counts[w.lower()][w] += 1
    return counts


def case_lexicon(shared: Path, limit_files: int = 5) -> dict[str, str]:
    """Most frequent written form of each lower-cased word, where it is not the lower-cased one."""
    counts = _written_forms(shared, limit_files)
    return {k: c.most_common(1)[0][0] for k, c in counts.items() if c.most_common(1)[0][0] != k}


def usually_lower(shared: Path) -> set[str]:
    """Words written in lower case more often than in any other form in running news text."""
    return {k for k, c in _written_forms(shared).items() if c.most_common(1)[0][0] == k}


def truecase(words: list[str], tags: list[str], lexicon: dict[str, str]) -> list[str]:
    """Restore likely casing of a lower-cased NERP sentence: lexicon form, entity words capitalised."""
    out = []
    for i, (w, t) in enumerate(zip(words, tags, strict=True)):
        form = lexicon.get(w, w)
        if form == w and t != "O" and w.isalpha() and t.split("-")[-1] not in ("FNB",):
            form = w[:1].upper() + w[1:]
        if i == 0:
            form = form[:1].upper() + form[1:]
        out.append(form)
    return out


# IndoSum is distributed as tokens; these glue to the word before them (or, for "(", the word after)
_GLUE_LEFT = frozenset({",", ".", ")", ";", ":", "?", "!", "%"})


def indosum_text(words: Sequence[str]) -> str:
    """An IndoSum sentence's tokens joined back into text as events-id wrote its sentences: no space before
    punctuation or after "(", and straight double quotes alternating as opening and closing marks."""
    out = ""
    open_quote = False
    glue = True
    for w in words:
        if not w.strip():
            continue
        if w == '"':
            out += w if open_quote or glue else " " + w
            glue = not open_quote
            open_quote = not open_quote
            continue
        out += w if w in _GLUE_LEFT or glue else " " + w
        glue = w == "("
    return out


def indosum_articles(shared: Path, wanted: set[str]) -> dict[str, list[list[list[str]]]]:
    """The paragraphs (lists of tokenised sentences) of the wanted IndoSum articles, by article id."""
    found: dict[str, list] = {}
    for f in sorted((shared / INDOSUM).glob("dev.*.jsonl")):
        with open(f, encoding="utf-8") as fh:
            for line in fh:
                rec = json.loads(line)
                if rec["id"] in wanted and rec["id"] not in found:
                    found[rec["id"]] = rec["paragraphs"]
    return found


def read_news_standoff(shared: Path, split: str | None = None,
                       standoff: Path = NEWS_NER_STANDOFF) -> list[tuple[list[str], list[str]]]:
    """(words, BIO tags) per sentence of a standoff NER file over IndoSum (one split, or all): each line names
    an article, paragraph and sentence, its token count and entity spans; the words come from `shared`."""
    items = [json.loads(line) for line in standoff.read_text(encoding="utf-8").splitlines() if line]
    items = [x for x in items if split is None or x["split"] == split]
    paragraphs = indosum_articles(shared, {x["article"] for x in items})
    out = []
    for x in items:
        words = paragraphs[x["article"]][x["paragraph"]][x["sentence"]]
        if len(words) != x["n_tokens"]:
            raise ValueError(f"{x['id']}: IndoSum sentence has {len(words)} tokens, the annotation {x['n_tokens']}")
        tags = ["O"] * len(words)
        for start, end, label in x["entities"]:
            tags[start] = f"B-{label}"
            for i in range(start + 1, end):
                tags[i] = f"I-{label}"
        out.append((list(words), tags))
    return out


def ner_training_docs(vocab: Vocab, shared: Path, splits: tuple[str, ...] = ("train",),
                      news_tune: bool = False, news_train: bool = False) -> tuple[list[Doc], list[Doc]]:
    """NERGrit (twice as written, once lower-cased) and NERP (lower-cased as given and case-restored)
    from `splits`, with `news_tune` the tune split of the news NER dev set and with `news_train` the
    project's news NER training sentences, each weighted as NERGrit is, and the valid splits as given (for
    choosing settings)."""
    lexicon = case_lexicon(shared)
    train: list[Doc] = []
    for split in splits:
        # NERGrit (1,672 sentences) is written twice as written so that it weighs about half as much as
        # NERP (6,720), whose annotation conventions would otherwise dominate
        for words, tags in read_bio(shared / NERGRIT.format(split=split)):
            train.append(bio_to_doc(vocab, words, tags))
            train.append(bio_to_doc(vocab, words, tags))
            train.append(bio_to_doc(vocab, [w.lower() for w in words], tags))
        for words, tags in read_bio(shared / NERP.format(split=split)):
            train.append(bio_to_doc(vocab, words, tags))
            train.append(bio_to_doc(vocab, truecase(words, tags, lexicon), tags))
    # IndoSum news sentences annotated by the project (NERGrit conventions): the only training sentences
    # from the running political news the pipeline reads
    news = (read_news_standoff(shared, "tune") if news_tune else []) + \
        (read_news_standoff(shared, "train", NEWS_NER_TRAIN) if news_train else [])
    for words, tags in news:
        train.append(bio_to_doc(vocab, words, tags))
        train.append(bio_to_doc(vocab, words, tags))
        train.append(bio_to_doc(vocab, [w.lower() for w in words], tags))
    dev = [bio_to_doc(vocab, w, t) for w, t in read_bio(shared / NERGRIT.format(split="valid"))]
    dev += [bio_to_doc(vocab, w, t) for w, t in read_bio(shared / NERP.format(split="valid"))]
    return train, dev


def ner_eval_sets(shared: Path) -> Iterator[tuple[str, list[tuple[list[str], list[str]]]]]:
    yield "NERGrit test", read_bio(shared / NERGRIT.format(split="test"))
    yield "NERP test", read_bio(shared / NERP.format(split="test"))
    yield "IndoLEM NER-UI fold 1 test", read_bio(shared / INDOLEM.format(corpus="nerui", split="test"))
    yield "IndoLEM NER-UGM fold 1 test", read_bio(shared / INDOLEM.format(corpus="nerugm", split="test"))
