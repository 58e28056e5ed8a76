"""Features of the learned event model: of a token as a possible trigger, and of a (trigger, word) pair as
a possible source or target. Training (events.train) and coding (events.model) both call these, so a
model only ever sees features made the same way.

What a sentence offers the features is gathered once in `SentenceView`: the parse, the actor mentions of
the resolver, the event lexicon's matches (what a word can mean) and, when the rule coder runs beside the
model, its events (what the rules decided).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
from spacy.tokens import Doc, Token

from peristiwa.events.matcher import Match

# A word that may stand for a participant: its part of speech, or a resolver mention over it.
ARG_POS = {"NOUN", "PROPN", "PRON"}
# Modifiers inside a noun phrase: they are part of their head's phrase, never a participant of their own.
INNER_DEPS = {"compound", "flat", "flat:name", "flat:foreign", "fixed", "det", "nummod", "case", "punct",
              "goeswith"}
TRIGGER_POS = {"VERB", "NOUN", "ADJ", "PROPN", "ADV", "AUX", "X"}
_MAX_PATH = 4


@dataclass
class SentenceView:
    doc: Doc
    start: int
    end: int
    actors: object  # actors.resolver.DocActors
    lexicon: dict[int, Match] = field(default_factory=dict)  # token -> lexicon match covering it
    rule_types: dict[int, str] = field(default_factory=dict)  # trigger head token -> rule event type
    rule_events: list = field(default_factory=list)  # (trigger token, schema.Event) of the rule coder
    rule_roles: dict[tuple[int, int], str] = field(default_factory=dict)  # (trigger, word) -> src|tgt
    speakers: set[int] = field(default_factory=set)  # tokens of attributed speakers ("kata X")
    similar: LexiconSimilarity | None = None
    home: str = ""  # the article's own country (actors.context.article_country)
    words: list = field(default_factory=list)  # events.matcher.Word of the sentence
    quotes: list = field(default_factory=list)  # (start char, end char, speaker Actor | None) over the sentence
    attributions: list = field(default_factory=list)  # events.attribution.Attribution

    def tokens(self) -> range:
        return range(self.start, self.end)


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

    def scores(self, token: Token) -> np.ndarray:
        """Highest cosine of the word (its form or its lemma) to any lexicon word of each type."""
        key = token.lower_
        got = self._cache.get(key)
        if got is not None:
            return got
        out = np.zeros(len(self.types), np.float32)
        vocab = token.vocab
        for w in {token.lower_, token.lemma_.lower()}:
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
def trigger_candidates(view: SentenceView) -> list[int]:
    doc = view.doc
    out = []
    for i in view.tokens():
        t = doc[i]
        if t.is_punct or t.is_space or t.like_num:
            continue
        if t.pos_ in TRIGGER_POS or i in view.lexicon:
            out.append(i)
    return out


def _shape(t: Token) -> str:
    if t.is_upper and len(t.text) > 1:
        return "UP"
    if t.is_title:
        return "Tt"
    return "lo"


def _word(doc: Doc, i: int, lo: int, hi: int) -> str:
    return doc[i].lower_ if lo <= i < hi else "<s>"


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


def trigger_features(view: SentenceView, i: int) -> list[str]:
    doc, lo, hi = view.doc, view.start, view.end
    t = doc[i]
    w, lem = t.lower_, t.lemma_.lower()
    pre, suf = _prefix(w), _suffix(w)
    f = ["bias", f"w={w}", f"lem={lem}", f"pos={t.pos_}", f"dep={t.dep_}", f"lem|pos={lem}|{t.pos_}",
         f"pre={pre}", f"suf={suf}", f"pre|suf={pre}|{suf}", f"pre|lem={pre}|{lem}", f"shape={_shape(t)}",
         f"hlem={t.head.lemma_.lower()}", f"dep|hpos={t.dep_}|{t.head.pos_}",
         f"w-1={_word(doc, i - 1, lo, hi)}", f"w+1={_word(doc, i + 1, lo, hi)}",
         f"w-2={_word(doc, i - 2, lo, hi)}", f"w+2={_word(doc, i + 2, lo, hi)}",
         f"w-1|w={_word(doc, i - 1, lo, hi)}|{w}", f"w|w+1={w}|{_word(doc, i + 1, lo, hi)}"]
    if i == lo:
        f.append("first")
    actors = view.actors
    for c in t.children:
        f.append(f"cdep={c.dep_}")
        if c.dep_ in ("obj", "obl", "nmod", "xcomp", "ccomp"):
            f.append(f"c:{c.dep_}={c.lemma_.lower()}")
        if c.dep_ in ("nsubj", "nsubj:pass", "obj", "obl", "iobj", "nmod", "nmod:poss", "flat"):
            cm = actors.covering(c.i)
            # who takes part decides whether a verb is a political act ("polisi menangkap" vs "menangkap ikan")
            kind = "none" if cm is None else f"{cm.kind}/{cm.actor.sector or '-'}"
            f += [f"arg:{c.dep_}={kind}", f"arg:{c.dep_}|lem={kind}|{lem}"]
            if c.dep_ == "obl":
                case = next((x.lower_ for x in c.children if x.dep_ == "case"), "")
                f.append(f"obl_case={case}")
    # a clause that describes someone ("yang direbut Israel") rarely reports a new act
    anc = t
    for _ in range(3):
        if anc.dep_ in ("acl", "acl:relcl", "advcl", "ccomp", "xcomp", "csubj"):
            f.append(f"under={anc.dep_}")
            break
        if anc.head.i == anc.i:
            f.append("under=root")
            break
        anc = anc.head
    n_mentions = len(actors.in_span(lo, hi))
    f.append(f"mentions={min(n_mentions, 4)}")
    if t.ent_type_:
        f.append(f"ent={t.ent_type_}")
    m = view.lexicon.get(i)
    if m is not None:
        p = m.pattern
        role = "head" if i == m.head else "in"
        f += [f"lex={p.event}", f"lexc={p.cameo[:2]}", f"lexk={p.kind}", f"lex|role={p.event}|{role}",
              f"lex|pos={p.event}|{t.pos_}"]
        if m.light is not None:
            f.append("lex_light")
        if p.modality:
            f.append(f"lexmod={p.modality}")
    else:
        f.append("nolex")
    rule = view.rule_types.get(i)
    if rule:
        f += [f"rule={rule}", "rule_any"]
    if view.similar is not None:
        sims = view.similar.scores(t)
        k = int(np.argmax(sims))
        top = float(sims[k])
        if top >= 0.4:
            band = "9" if top >= 0.9 else "7" if top >= 0.7 else "5" if top >= 0.55 else "4"
            f += [f"sim={view.similar.types[k]}", f"sim={view.similar.types[k]}|{band}", f"simband={band}"]
    mention = view.actors.covering(i)
    if mention is not None:
        f.append(f"inmention={mention.kind}")
    if i in view.speakers:
        f.append("speaker")
    return f


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
    doc, actors = view.doc, view.actors
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
        t = doc[i]
        if t.pos_ in ARG_POS and t.dep_ not in INNER_DEPS and i not in seen:
            seen.add(i)
            out.append(i)
    return out


def _agents() -> frozenset[str]:
    from peristiwa.events.participants import participant_words

    return participant_words().agent_nouns


def _path(doc: Doc, a: int, b: int) -> str:
    """Dependency labels from a up to the lowest common ancestor and down to b ('^' up, 'v' down)."""
    up_a = [a]
    while doc[up_a[-1]].head.i != up_a[-1] and len(up_a) < 12:
        up_a.append(doc[up_a[-1]].head.i)
    up_b = [b]
    while doc[up_b[-1]].head.i != up_b[-1] and len(up_b) < 12:
        up_b.append(doc[up_b[-1]].head.i)
    common = next((x for x in up_a if x in up_b), None)
    if common is None:
        return "none"
    ka, kb = up_a.index(common), up_b.index(common)
    if ka + kb > _MAX_PATH:
        return "far"
    ups = [f"^{doc[x].dep_}" for x in up_a[:ka]]
    downs = [f"v{doc[x].dep_}" for x in reversed(up_b[:kb])]
    return "".join(ups + downs) or "self"


def _case_word(doc: Doc, i: int, lo: int) -> str:
    """The preposition that marks a participant ('oleh X', 'kepada X', 'terhadap X'), if any."""
    for c in doc[i].children:
        if c.dep_ == "case":
            return c.lower_
    j = i - 1
    while j >= lo and doc[j].dep_ in INNER_DEPS and doc[j].dep_ != "case" and not doc[j].is_punct:
        j -= 1
    return doc[j].lower_ if j >= lo and doc[j].pos_ == "ADP" else ""


def _voice(t: Token) -> str:
    w = t.lower_
    if w.startswith(("di", "ter")) and t.pos_ == "VERB" and not w.startswith(("dia", "dik")):
        return "passive"
    if w.startswith("ber"):
        return "ber"
    if w.startswith("me"):
        return "active"
    return t.pos_.lower()


def _bucket(n: int) -> str:
    return str(n) if n <= 3 else "4-6" if n <= 6 else "7-10" if n <= 10 else "11+"


def role_features(view: SentenceView, trigger: int, cand: int, label: str) -> list[str]:
    doc, lo = view.doc, view.start
    t, c = doc[trigger], doc[cand]
    direction = "L" if cand < trigger else "R"
    dist = _bucket(abs(cand - trigger))
    path = _path(doc, trigger, cand)
    case = _case_word(doc, cand, lo)
    voice = _voice(t)
    etype = label.split(":", 1)[0]
    between = range(min(cand, trigger) + 1, max(cand, trigger))
    n_verbs = sum(1 for k in between if doc[k].pos_ == "VERB")
    f = ["bias", f"dir={direction}", f"dist={dist}", f"dir|dist={direction}|{dist}", f"path={path}",
         f"path|voice={path}|{voice}", f"case={case}", f"case|voice={case}|{voice}", f"case|type={case}|{etype}",
         f"dir|voice={direction}|{voice}", f"type={etype}", f"type|dir={etype}|{direction}",
         f"cpos={c.pos_}", f"cdep={c.dep_}", f"cdep|voice={c.dep_}|{voice}", f"tpos={t.pos_}",
         f"verbs={min(n_verbs, 3)}", f"dir|verbs={direction}|{min(n_verbs, 3)}", f"clem={c.lemma_.lower()}",
         f"tlem|dir={t.lemma_.lower()}|{direction}"]
    if any(doc[k].text == "," for k in between):
        f.append("comma")
    if any(doc[k].lower_ in ("yang",) for k in between):
        f.append("yang")
    if any(doc[k].lower_ == "oleh" for k in between):
        f.append("oleh_between")
    if c.ent_type_:
        f.append(f"ent={c.ent_type_}")
    m = view.actors.covering(cand)
    if m is not None:
        a = m.actor
        f += [f"mkind={m.kind}", f"msector={a.sector}", f"mcountry={'yes' if a.country else 'no'}",
              f"mkind|dir={m.kind}|{direction}", f"mvia={m.via}"]
    else:
        f.append("nomention")
        lem = c.lemma_.lower()
        f += [f"cpre={_prefix(c.lower_)}", f"csuf={_suffix(c.lower_)}",
              f"agent_noun={c.lower_ in _agents() or lem in _agents()}"]
    if cand in view.speakers:
        f.append("speaker")
    rule = view.rule_roles.get((trigger, cand))
    if rule:
        f += [f"rule={rule}", f"rule|type={rule}|{etype}"]
    if c.head.i == trigger:
        f.append(f"child={c.dep_}")
    if t.head.i == cand:
        f.append(f"parent={t.dep_}")
    return f
