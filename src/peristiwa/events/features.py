"""Features of the learned event model: of a token as a possible trigger, and of a (trigger, word) pair as
a possible source or target. Training (events.train) and coding (events.model) both call these, so a
model only ever sees features made the same way.

What a sentence offers the features is gathered once in `SentenceView`: the parse, the actor mentions of
the resolver, the event lexicon's matches (what a word can mean) and, when the rule coder runs beside the
model, its events (what the rules decided).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
from spacy.tokens import Doc

from peristiwa.events.matcher import Match

# A word that may stand for a participant: its part of speech, or a resolver mention over it.
ARG_POS = {"NOUN", "PROPN", "PRON"}
# Modifiers inside a noun phrase: they are part of their head's phrase, never a participant of their own.
INNER_DEPS = {"compound", "flat", "flat:name", "flat:foreign", "fixed", "det", "nummod", "case", "punct",
              "goeswith"}
# Parts of speech of possible triggers; names, adverbs and auxiliaries are one only where the lexicon says so
# (in the training split they carry 30 of 1,298 triggers, and half the words of a news sentence).
TRIGGER_POS = {"VERB", "NOUN", "ADJ"}
_MAX_PATH = 4
NEAR_LEXICON = 0.7  # cosine to a lexicon word of some type that makes an unknown word a candidate


@dataclass
class TokenTable:
    """The parse of a Doc as plain lists, read once: features look words up here instead of creating a
    spaCy Token per look-up (which was most of the model's time)."""

    lower: list[str]
    lemma: list[str]
    pos: list[str]
    dep: list[str]
    head: list[int]
    ent: list[str]
    shape: list[str]
    skip: list[bool]  # punctuation, space or number: never a trigger
    children: list[list[int]]

    @classmethod
    def of(cls, doc: Doc) -> TokenTable:
        lower, lemma, pos, dep, head, ent, shape, skip = [], [], [], [], [], [], [], []
        children: list[list[int]] = [[] for _ in range(len(doc))]
        for t in doc:
            lower.append(t.lower_)
            lemma.append(t.lemma_.lower())
            pos.append(t.pos_)
            dep.append(t.dep_)
            h = t.head.i
            head.append(h)
            if h != t.i:
                children[h].append(t.i)
            ent.append(t.ent_type_)
            text = t.text
            shape.append("UP" if t.is_upper and len(text) > 1 else "Tt" if t.is_title else "lo")
            skip.append(t.is_punct or t.is_space or t.like_num)
        return cls(lower, lemma, pos, dep, head, ent, shape, skip, children)


@dataclass
class SentenceView:
    doc: Doc
    start: int
    end: int
    actors: object  # actors.resolver.DocActors
    table: TokenTable | None = None
    lexicon: dict[int, Match] = field(default_factory=dict)  # token -> lexicon match covering it
    rule_types: dict[int, str] = field(default_factory=dict)  # trigger head token -> rule event type
    rule_events: list = field(default_factory=list)  # (trigger token, schema.Event) of the rule coder
    rule_roles: dict[tuple[int, int], str] = field(default_factory=dict)  # (trigger, word) -> src|tgt
    speakers: set[int] = field(default_factory=set)  # tokens of attributed speakers ("kata X")
    similar: LexiconSimilarity | None = None
    home: str = ""  # the article's own country (actors.context.article_country)
    n_mentions: int = 0  # actor mentions in the sentence
    words: list = field(default_factory=list)  # events.matcher.Word of the sentence
    blocked: set = field(default_factory=set)  # tokens the lexicon rules out by the word after them
    quotes: list = field(default_factory=list)  # (start char, end char, speaker Actor | None) over the sentence
    attributions: list = field(default_factory=list)  # events.attribution.Attribution
    date: tuple | None = None  # (date, precision) of the sentence, resolved once for all its candidates
    mention_kinds: dict | None = None  # (start char, end char) -> kind of the sentence's resolver mentions, read once
    topics: tuple[str, ...] | None = None  # data/events/topics.yaml lists the sentence holds a word of, read once

    def tokens(self) -> range:
        return range(self.start, self.end)

    @property
    def t(self) -> TokenTable:
        if self.table is None:
            self.table = TokenTable.of(self.doc)
        return self.table


class LexiconSimilarity:
    """How close a word comes, in the word vectors, to the lexicon's words of each event type: the lexicon
    names half the triggers annotators mark; its neighbours in the vector space name many others
    ("bertelepon" beside "menelepon", "berkelahi" beside "bertempur")."""

    def __init__(self, lexicon, vocab) -> None:
        by_type: dict[str, set[str]] = {}
        for pats in lexicon.index.values():
            for p in pats:
                if not p.event:
                    continue
                words = by_type.setdefault(p.event, set())
                if p.root:
                    words.add(p.root)
                if len(p.words) == 1:
                    words.add(p.words[0])
        self.types = sorted(by_type)
        rows, owner = [], []
        for k, t in enumerate(self.types):
            for w in sorted(by_type[t]):
                lex = vocab[w]
                if lex.has_vector:
                    rows.append(_unit(lex.vector))
                    owner.append(k)
        self.matrix = np.array(rows, dtype=np.float32) if rows else np.zeros((0, 1), np.float32)
        self.owner = np.array(owner, dtype=np.int64)
        self._cache: dict[str, np.ndarray] = {}

    def scores(self, vocab, lower: str, lemma: str) -> np.ndarray:
        """Highest cosine of the word (its form or its lemma) to any lexicon word of each type."""
        key = lower
        got = self._cache.get(key)
        if got is not None:
            return got
        out = np.zeros(len(self.types), np.float32)
        for w in {lower, lemma}:
            lex = vocab[w]
            if not lex.has_vector or not len(self.owner):
                continue
            sims = self.matrix @ _unit(lex.vector)
            best = np.full(len(self.types), -1.0, np.float32)
            np.maximum.at(best, self.owner, sims)
            out = np.maximum(out, best)
        if len(self._cache) < 200_000:
            self._cache[key] = out
        return out


def lexicon_by_token(matches: Iterable[Match]) -> dict[int, Match]:
    out: dict[int, Match] = {}
    for m in matches:
        for i in range(m.start, m.end):
            out.setdefault(i, m)
    return out


# -- triggers ---------------------------------------------------------------------------------------------
def trigger_candidates(view: SentenceView, known: frozenset[str] | None = None) -> list[int]:
    """Words that may report an event. With `known` (the forms and lemmas of the training split's triggers),
    a word must also be one of them, be in the event lexicon, or come close to the lexicon's words in the
    vectors: a word that is none of these was below any useful probability on held-out folds, and skipping
    it is most of the model's speed."""
    t = view.t
    out = []
    for i in view.tokens():
        if t.skip[i] or not (t.pos[i] in TRIGGER_POS or i in view.lexicon) or i in view.blocked:
            continue
        if known is not None and i not in view.lexicon and t.lower[i] not in known and t.lemma[i] not in known:
            sim = view.similar.scores(view.doc.vocab, t.lower[i], t.lemma[i]) if view.similar is not None else None
            if sim is None or float(sim.max()) < NEAR_LEXICON:
                continue
        out.append(i)
    return out


def _prefix(w: str) -> str:
    for p in ("memper", "diper", "mem", "men", "meng", "meny", "me", "di", "ter", "ber", "pe", "ke", "se"):
        if w.startswith(p) and len(w) > len(p) + 2:
            return p
    return ""


def _suffix(w: str) -> str:
    for s in ("kannya", "annya", "kan", "an", "nya", "i"):
        if w.endswith(s) and len(w) > len(s) + 3:
            return s
    return ""


_ARG_DEPS = ("nsubj", "nsubj:pass", "obj", "obl", "iobj", "nmod", "nmod:poss", "flat")
_CLAUSE_DEPS = ("acl", "acl:relcl", "advcl", "ccomp", "xcomp", "csubj")


def trigger_features(view: SentenceView, i: int) -> list[str]:
    lo, hi = view.start, view.end
    t = view.t
    lower, lemma, pos, dep, head = t.lower, t.lemma, t.pos, t.dep, t.head
    w, lem, p_ = lower[i], lemma[i], pos[i]

    def word(k: int) -> str:
        return lower[k] if lo <= k < hi else "<s>"

    pre, suf = _prefix(w), _suffix(w)
    h = head[i]
    f = ["bias", f"w={w}", f"lem={lem}", f"pos={p_}", f"dep={dep[i]}", f"lem|pos={lem}|{p_}",
         f"pre={pre}", f"suf={suf}", f"pre|suf={pre}|{suf}", f"pre|lem={pre}|{lem}", f"shape={t.shape[i]}",
         f"hlem={lemma[h]}", f"dep|hpos={dep[i]}|{pos[h]}",
         f"w-1={word(i - 1)}", f"w+1={word(i + 1)}", f"w-2={word(i - 2)}", f"w+2={word(i + 2)}",
         f"w-1|w={word(i - 1)}|{w}", f"w|w+1={w}|{word(i + 1)}"]
    if i == lo:
        f.append("first")
    actors = view.actors
    for c in t.children[i]:
        d = dep[c]
        f.append(f"cdep={d}")
        if d in ("obj", "obl", "nmod", "xcomp", "ccomp"):
            f.append(f"c:{d}={lemma[c]}")
        if d in _ARG_DEPS:
            cm = actors.covering(c)
            # who takes part decides whether a verb is a political act ("polisi menangkap" vs "menangkap ikan")
            kind = "none" if cm is None else f"{cm.kind}/{cm.actor.sector or '-'}"
            if cm is None and (lower[c] in (hz := _hazards()) or lemma[c] in hz):
                kind = "hazard"
            f += [f"arg:{d}={kind}", f"arg:{d}|lem={kind}|{lem}"]
            if d == "obl":
                case = next((lower[x] for x in t.children[c] if dep[x] == "case"), "")
                f.append(f"obl_case={case}")
    # a clause that describes someone ("yang direbut Israel") rarely reports a new act
    anc = i
    for _ in range(3):
        if dep[anc] in _CLAUSE_DEPS:
            f.append(f"under={dep[anc]}")
            break
        if head[anc] == anc:
            f.append("under=root")
            break
        anc = head[anc]
    f.append(f"mentions={min(view.n_mentions, 4)}")
    for topic in sentence_topics(view):
        f += [f"topic={topic}", f"topic|pos={topic}|{p_}"]
    if t.ent[i]:
        f.append(f"ent={t.ent[i]}")
    m = view.lexicon.get(i)
    if m is not None:
        p = m.pattern
        role = "head" if i == m.head else "in"
        f += [f"lex={p.event}", f"lexc={p.cameo[:2]}", f"lexk={p.kind}", f"lex|role={p.event}|{role}",
              f"lex|pos={p.event}|{p_}"]
        if m.light is not None:
            f.append("lex_light")
        if p.modality:
            f.append(f"lexmod={p.modality}")
    else:
        f.append("nolex")
    rule = view.rule_types.get(i)
    if rule:
        f += [f"rule={rule}", "rule_any"]
    # an unseen word shares its stem's start or end with seen ones ("penggerebekan", "digerebek")
    if len(lem) >= 5:
        f += [f"lp4={lem[:4]}", f"ls4={lem[-4:]}"]
    f += [f"hlem|lem={lemma[h]}|{lem}", f"lem|dep={lem}|{dep[i]}"]
    if view.similar is not None:
        sims = view.similar.scores(view.doc.vocab, w, lem)
        k = int(np.argmax(sims))
        top = float(sims[k])
        if top >= 0.4:
            band = "9" if top >= 0.9 else "7" if top >= 0.7 else "5" if top >= 0.55 else "4"
            f += [f"sim={view.similar.types[k]}", f"sim={view.similar.types[k]}|{band}", f"simband={band}"]
        # every type the word is near, not only the nearest: "serbuan" is near ASSAULT and COERCE words
        f += [f"simt={view.similar.types[k]}" for k in np.flatnonzero(sims >= 0.5)]
    mention = actors.covering(i)
    if mention is not None:
        f.append(f"inmention={mention.kind}")
    if i in view.speakers:
        f.append("speaker")
    return f


def sentence_topics(view: SentenceView) -> tuple[str, ...]:
    """The topics of data/events/topics.yaml the sentence holds a word of ("sport"), found once per view."""
    if view.topics is None:
        text = f" {' '.join(view.t.lower[view.start:view.end])} "
        view.topics = tuple(name for name, pattern in _topic_patterns() if pattern.search(text))
    return view.topics


@lru_cache(maxsize=1)
def _topic_patterns() -> tuple[tuple[str, re.Pattern], ...]:
    from peristiwa.events.words import words

    T = words("topics")
    lists = {"sport": T.sport}
    return tuple((name, re.compile(" (?:" + "|".join(re.escape(w) for w in sorted(ws, key=len, reverse=True)) + ") "))
                 for name, ws in lists.items())


def token_dense(view: SentenceView, i: int) -> np.ndarray:
    """The parser encoder's contextual vector of the word and its static word vector, both unit length."""
    doc = view.doc
    parts = []
    if doc.tensor is not None and doc.tensor.shape[0] == len(doc) and doc.tensor.shape[1]:
        parts.append(_unit(doc.tensor[i]))
    parts.append(_unit(doc[i].vector) if doc[i].has_vector else np.zeros(doc.vocab.vectors.shape[1], np.float32))
    return np.concatenate(parts).astype(np.float32)


def _unit(v: np.ndarray) -> np.ndarray:
    n = float(np.linalg.norm(v))
    return v / n if n > 0 else v


# -- roles ------------------------------------------------------------------------------------------------
def role_candidates(view: SentenceView, trigger: int) -> list[int]:
    """Words that may be a participant: a mention's head, or the head of a noun phrase."""
    actors, t = view.actors, view.t
    out: list[int] = []
    seen: set[int] = set()
    for i in view.tokens():
        if i == trigger:
            continue
        m = actors.covering(i)
        if m is not None:
            if m.start <= trigger < m.end:
                continue
            h = m.head if m.start <= m.head < m.end else m.start
            if h not in seen:
                seen.add(h)
                out.append(h)
            continue
        if t.pos[i] in ARG_POS and t.dep[i] not in INNER_DEPS and i not in seen and _may_act(t, i):
            seen.add(i)
            out.append(i)
    return out


_NAME_LABELS = {"PER", "ORG", "PERSON", "ORGANISATION", "ORGANIZATION"}


def _may_act(t: TokenTable, i: int) -> bool:
    """A word no resolver mention covers may still name a participant when it is a pronoun, a known agent
    noun ("pelaku", "penyidik") or an agent formed with peN- ("pengunjuk", "pemberontak"); not a thing or an
    act ("sinyal", "dukungan", "persen", "hal itu"); a proper noun unless it is a day, a month or a function
    word (the resolver's not_name list). A proper noun need not be tagged by the NER: initials and single
    names it leaves out ("menangkap ZA", "mendakwa Setnov") head 39 of the 1,116 gold targets and 16 of the
    1,357 gold sources of the train split; letting the role classifier weigh them raised cross-validated loose F1 on both fold draws
    (0.5244 -> 0.5327, 0.5178 -> 0.5195)."""
    w, lem = t.lower[i], t.lemma[i]
    hazards = _hazards()
    if w in hazards or lem in hazards:
        return False
    if t.pos[i] == "PRON" or t.pos[i] == "PROPN" and (t.ent[i] in _NAME_LABELS or "flat:name" in
                                                      (t.dep[c] for c in t.children[i])):
        return True
    if t.pos[i] == "PROPN" and len(t.lower[i]) > 1 and t.lower[i].isalpha() and t.lower[i] not in _not_names():
        return True
    agents = _agents()
    if w in agents or lem in agents:
        return True
    return t.pos[i] == "NOUN" and w.startswith("pe") and not w.startswith("per") and \
        not w.endswith(("an", "annya")) and len(w) > 5


@lru_cache(maxsize=1)
def _not_names() -> frozenset[str]:
    from peristiwa.actors.words import words

    return frozenset(words("resolver").not_name)


# read per token and per candidate: cached, so the hot path pays no import statement
@lru_cache(maxsize=1)
def _hazards() -> frozenset[str]:
    from peristiwa.events.participants import participant_words

    return participant_words().hazards


@lru_cache(maxsize=1)
def _agents() -> frozenset[str]:
    from peristiwa.events.participants import participant_words

    return participant_words().agent_nouns


def _path(t: TokenTable, a: int, b: int) -> str:
    """Dependency labels from a up to the lowest common ancestor and down to b ('^' up, 'v' down)."""
    head, dep = t.head, t.dep
    up_a = [a]
    while head[up_a[-1]] != up_a[-1] and len(up_a) < 12:
        up_a.append(head[up_a[-1]])
    up_b = [b]
    while head[up_b[-1]] != up_b[-1] and len(up_b) < 12:
        up_b.append(head[up_b[-1]])
    common = next((x for x in up_a if x in up_b), None)
    if common is None:
        return "none"
    ka, kb = up_a.index(common), up_b.index(common)
    if ka + kb > _MAX_PATH:
        return "far"
    ups = [f"^{dep[x]}" for x in up_a[:ka]]
    downs = [f"v{dep[x]}" for x in reversed(up_b[:kb])]
    return "".join(ups + downs) or "self"


def _case_word(t: TokenTable, i: int, lo: int) -> str:
    """The preposition that marks a participant ('oleh X', 'kepada X', 'terhadap X'), if any."""
    for c in t.children[i]:
        if t.dep[c] == "case":
            return t.lower[c]
    j = i - 1
    while j >= lo and t.dep[j] in INNER_DEPS and t.dep[j] != "case" and t.pos[j] != "PUNCT":
        j -= 1
    return t.lower[j] if j >= lo and t.pos[j] == "ADP" else ""


def _voice(t: TokenTable, i: int) -> str:
    w, pos = t.lower[i], t.pos[i]
    if w.startswith(("di", "ter")) and pos == "VERB" and not w.startswith(("dia", "dik")):
        return "passive"
    if w.startswith("ber"):
        return "ber"
    if w.startswith("me"):
        return "active"
    return pos.lower()


def _bucket(n: int) -> str:
    return str(n) if n <= 3 else "4-6" if n <= 6 else "7-10" if n <= 10 else "11+"


def role_features(view: SentenceView, trigger: int, cand: int, label: str) -> list[str]:
    lo = view.start
    t = view.t
    lower, pos, dep = t.lower, t.pos, t.dep
    direction = "L" if cand < trigger else "R"
    dist = _bucket(abs(cand - trigger))
    path = _path(t, trigger, cand)
    case = _case_word(t, cand, lo)
    voice = _voice(t, trigger)
    etype = label.split(":", 1)[0]
    between = range(min(cand, trigger) + 1, max(cand, trigger))
    n_verbs = min(3, sum(1 for k in between if pos[k] == "VERB"))
    f = ["bias", f"dir={direction}", f"dist={dist}", f"dir|dist={direction}|{dist}", f"path={path}",
         f"path|voice={path}|{voice}", f"case={case}", f"case|voice={case}|{voice}", f"case|type={case}|{etype}",
         f"dir|voice={direction}|{voice}", f"type={etype}", f"type|dir={etype}|{direction}",
         f"cpos={pos[cand]}", f"cdep={dep[cand]}", f"cdep|voice={dep[cand]}|{voice}", f"tpos={pos[trigger]}",
         f"verbs={n_verbs}", f"dir|verbs={direction}|{n_verbs}", f"clem={t.lemma[cand]}",
         f"tlem|dir={t.lemma[trigger]}|{direction}"]
    words = {lower[k] for k in between}
    if "," in words:
        f.append("comma")
    if "yang" in words:
        f.append("yang")
    if "oleh" in words:
        f.append("oleh_between")
    if t.ent[cand]:
        f.append(f"ent={t.ent[cand]}")
    m = view.actors.covering(cand)
    if m is not None:
        a = m.actor
        f += [f"mkind={m.kind}", f"msector={a.sector}", f"mcountry={'yes' if a.country else 'no'}",
              f"mkind|dir={m.kind}|{direction}", f"mvia={m.via}"]
    else:
        f.append("nomention")
        w = lower[cand]
        agents = _agents()
        f += [f"cpre={_prefix(w)}", f"csuf={_suffix(w)}", f"agent_noun={w in agents or t.lemma[cand] in agents}"]
    if cand in view.speakers:
        f.append("speaker")
    rule = view.rule_roles.get((trigger, cand))
    if rule:
        f += [f"rule={rule}", f"rule|type={rule}|{etype}"]
    if t.head[cand] == trigger:
        f.append(f"child={dep[cand]}")
    if t.head[trigger] == cand:
        f.append(f"parent={dep[trigger]}")
    return f
