"""Event words in an English sentence: verbs from the CAMEO dictionary (refined by its patterns) and event
nouns, with a shallow noun/verb decision from the words around them (there is no tagger to ask)."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from peristiwa.events_en.lexicon import EnglishLexicon, Pattern, Verb, inflections
from peristiwa.ontology import lookup


@dataclass(slots=True)
class Trigger:
    start: int  # token index
    end: int  # exclusive; covers the particle of a phrasal verb
    code: str
    kind: str  # "verb" | "noun"
    lemma: str
    form: str  # "base" | "s" | "ed" | "ing" | "noun"
    mode: str = ""  # the means, from an event noun ("grenade"); else the CAMEO code's PLOVER mode


def governor_forms(lemmas: set[str]) -> dict[str, str]:
    """Every regular form of each lemma -> the lemma ("vowed" -> "vow")."""
    out: dict[str, str] = {}
    for lemma in lemmas:
        for form in inflections(lemma):
            out.setdefault(form, lemma)
    return out


class TriggerFinder:
    def __init__(self, lex: EnglishLexicon) -> None:
        self.lex = lex
        c = lex.cues
        # adverbs between subject and verb ("also", "reportedly"): skipped when reading what precedes a verb
        self._adjectives: set[int] = set()
        self._doc_words: tuple[Doc | None, list[str]] = (None, [])
        self.skip_words = c.aux - c.modal - {"to", "do", "does", "did", "not", "n't", "never", "cannot"}

    def find(self, doc: Doc, start: int, end: int, covered: set[int], adjectives: set[int] | None = None
             ) -> list[Trigger]:
        """Verb triggers, then event nouns outside them (the coder uses nouns to refine a verb's code, and as
        events of their own only when no verb gives one)."""
        # multi-word event nouns first: "air strikes" is not the verb "strikes"
        self._adjectives = adjectives or set()
        phrases = [n for n in self._nouns(doc, start, end, covered) if n.end - n.start > 1]
        covered = covered | {k for n in phrases for k in range(n.start, n.end)}
        out: list[Trigger] = []
        i = start
        while i < end:
            t = doc[i]
            if i in covered or not t.is_alpha:
                i += 1
                continue
            trig = self._verb(doc, i, start, end, covered)
            if trig is not None:
                out.append(trig)
                i = trig.end
                continue
            i += 1
        taken = covered | {k for t in out for k in range(t.start, t.end)}
        return out + sorted(phrases + self._nouns(doc, start, end, taken), key=lambda n: n.start)

    # -- verbs -------------------------------------------------------------------------------------------
    def _verb(self, doc: Doc, i: int, start: int, end: int, covered: set[int]) -> Trigger | None:
        word = doc[i].lower_
        entries = self.lex.verbs.get(word)
        if not entries:
            return None
        if word in self.lex.cues.not_verbs or word in self.lex.cues.say:
            # an idiom with a phrase after it is still a verb ("took to the streets", "went on strike"); with
            # one word ("go to", "set up") it is as ambiguous as the verb alone
            entries = [v for v in entries if len(v.particle.split()) > 1]
            if not entries:
                return None
        verdict: dict[str, bool] = {}
        best: tuple[int, Trigger] | None = None
        for v in entries:
            if v.form not in verdict:
                verdict[v.form] = self.is_verb(doc, i, start, v.form, covered)
            if not verdict[v.form]:
                continue
            stop = i + 1
            if v.particle:
                parts = v.particle.split()
                if [t.lower_ for t in doc[i + 1:i + 1 + len(parts)]] != parts:
                    continue
                stop = i + 1 + len(parts)
            code, size = self._pattern(doc, v, i, stop, start, end)
            if size == 0 and v.lemma in self.lex.cues.pattern_only:
                code = "---"
            score = (2 if v.particle else 0) + (1 if code != "---" else 0) + size * 2
            trig = Trigger(i, stop, code, "verb", v.lemma, v.form)
            if best is None or score > best[0]:
                best = (score, trig)
        return best[1] if best else None

    def is_verb(self, doc: Doc, i: int, start: int, form: str, covered: set[int]) -> bool:
        c = self.lex.cues
        j = i - 1
        while j >= start and doc[j].lower_ in self.skip_words:
            j -= 1
        if j < start:
            # sentence-initial: "Suspected rebels", "Armed men", "Talks" are modifiers and nouns
            return False
        prev = doc[j].lower_
        if prev in c.determiners or prev in ("'s", "’s"):
            return False
        if form == "ed":
            return True
        if form == "ing":
            return prev not in c.place_preps
        if prev in c.aux or prev in c.modal or prev in c.negation or prev in c.pronouns or prev in c.be:
            return form != "s" or prev not in c.aux
        if j in covered:  # right after an actor: "Iran accuses", "Rebels attack", but "Serb demand"
            if j in self._adjectives and form in ("base", "s"):
                return False  # "the new European sanctions", "an Iranian attack": a noun after an adjective
            if form == "base" and self._after_article(doc, j, start, covered):
                return False  # "a police patrol": a compound noun
            return form != "base" or prev.endswith("s") or prev in c.plural_nouns \
                or self._coordinated(doc, j, start, covered)
        if form == "s":
            # after a common word an -s form is a plural noun ("emergency loans"); after an unknown name or a
            # relative pronoun it is a verb
            return prev in ("who", "which", "that") or doc[j].text[:1].isupper() and not doc[j].is_sent_start \
                and not prev.endswith(("ean", "ian", "ese", "ish"))  # "European sanctions", not a name
        return False

    @staticmethod
    def _coordinated(doc: Doc, j: int, start: int, covered: set[int]) -> bool:
        """'Sudan and Chad back ...': an actor joined to another by 'and' is a plural subject."""
        k = j
        while k > start and k - 1 in covered:
            k -= 1
        return k - 2 >= start and doc[k - 1].lower_ == "and" and k - 2 in covered

    @staticmethod
    def _after_article(doc: Doc, j: int, start: int, covered: set[int]) -> bool:
        k = j
        while k > start and k - 1 in covered:
            k -= 1
        return k > start and doc[k - 1].lower_ in ("a", "an")

    def _words(self, doc: Doc) -> list[str]:
        """Lower-case token texts of the document, computed once per Doc (patterns read them many times)."""
        if self._doc_words[0] is not doc:
            self._doc_words = (doc, [t.lower_ for t in doc])
        return self._doc_words[1]

    def _pattern(self, doc: Doc, v: Verb, i: int, stop: int, start: int, end: int) -> tuple[str, int]:
        quad = _quad(v.code)
        for p in self.lex.patterns.get(v.block, ()):
            # a pattern may turn a verb of speech from one quad to another ("express * support"), but a
            # material verb keeps its quad: "clash * government" -> criticism is a dictionary artefact; a
            # hand-written pattern may move it ("struck * deal" is an agreement)
            if quad in (2, 4) and p.code != "---" and _quad(p.code) != quad and not p.curated:
                continue
            if _matches(self._words(doc), p, i, stop, start, end, self.lex.cues.boundaries):
                return p.code, p.size
        return v.code, 0

    def instrument_nouns(self, doc: Doc, start: int, end: int, taken: set[int]) -> list[Trigger]:
        """Event nouns anywhere outside the verbs, actor names included: they only refine a verb's code
        ("a suicide bomber blew himself up" -> suicide bombing)."""
        return self._nouns(doc, start, end, taken)

    # -- nouns --------------------------------------------------------------------------------------------
    def _nouns(self, doc: Doc, start: int, end: int, covered: set[int]) -> list[Trigger]:
        words = self._words(doc)
        out: list[Trigger] = []
        i = start
        while i < end:
            if i in covered:
                i += 1
                continue
            hit = None
            for n in (3, 2, 1):
                if i + n > end:
                    continue
                noun = self.lex.nouns.get(" ".join(words[i:i + n]) if n > 1 else words[i])
                if noun is not None:
                    hit = (n, noun)
                    break
            if hit:
                n, noun = hit
                out.append(Trigger(i, i + n, noun.code, "noun", " ".join(words[i:i + n]), "noun"))
                i += n
            else:
                i += 1
        return out


def _quad(code: str) -> int:
    try:
        return lookup(code).quad if code and code != "---" else 0
    except KeyError:
        return 0


@dataclass(frozen=True, slots=True)
class _Element:
    """One pattern element compiled for matching: exact words, stems (TABARI: "attack" matches "attacks"),
    and multi-word alternatives."""

    exact: frozenset[str]
    stems: tuple[str, ...]
    multi: tuple[tuple[str, ...], ...]
    firsts: tuple[str, ...]  # the first parts of `multi`, stripped of "_": a word starting none skips them


_COMPILED: dict[tuple[str, ...], _Element] = {}


def _compile(alts: tuple[str, ...]) -> _Element:
    el = _COMPILED.get(alts)
    if el is None:
        exact, stems, multi = set(), [], []
        for alt in alts:
            parts = alt.split()
            if len(parts) > 1:
                multi.append(tuple(parts))
            elif alt.endswith("_"):
                exact.add(alt.rstrip("_"))
            else:
                stems.append(alt)
        firsts = tuple(m[0].rstrip("_") for m in multi)
        el = _COMPILED[alts] = _Element(frozenset(exact), tuple(stems), tuple(multi), firsts)
    return el


# keyed by id() for speed; each entry holds its pattern, so that the id cannot pass to another pattern while
# the entry lives (a lexicon built and dropped, as tests and evaluations do, would otherwise lend its ids and
# stale keys to the next one's patterns)
_KEYS: dict[int, tuple[Pattern, tuple[frozenset[str] | None, ...]]] = {}


def _pattern_keys(p: Pattern) -> tuple[frozenset[str] | None, ...]:
    """For each element of a pattern, the first three letters its alternatives can start with (None: an
    alternative shorter than that, which any word may start)."""
    hit = _KEYS.get(id(p))
    if hit is not None and hit[0] is p:
        return hit[1]
    out: list[frozenset[str] | None] = []
    for alts in (*p.before, *p.after):
        firsts = [alt.split()[0].rstrip("_") for alt in alts]
        out.append(None if any(len(w) < 3 for w in firsts) else frozenset(w[:3] for w in firsts))
    keys = tuple(out)
    _KEYS[id(p)] = (p, keys)
    return keys


def could_match(p: Pattern, prefixes: set[str]) -> bool:
    """False when some element of the pattern starts no word of the clause (`prefixes`: the first three
    letters of each of its words): a cheap test before `_matches`, which most patterns fail."""
    return all(k is None or not k.isdisjoint(prefixes) for k in _pattern_keys(p))


# endings that make a stem's noun the one who does it: "hold protest" is a protest, "detained protesters" is none
_AGENTIVE = ("er", "ers", "or", "ors")


def _stem_ok(tok: str, stems: str | tuple[str, ...]) -> bool:
    """`tok` starts with a stem and is not that stem's agent noun ("protest" matches "protests", not
    "protesters")."""
    if not tok.startswith(stems):
        return False
    if not tok.endswith(_AGENTIVE):
        return True
    return any(tok.startswith(s) and tok[len(s):] not in _AGENTIVE for s in ((stems,) if isinstance(stems, str) else stems))


def _part_ok(part: str, tok: str) -> bool:
    return tok == part.rstrip("_") if part.endswith("_") else _stem_ok(tok, part)


def _word_ok(alts: tuple[str, ...], words: list[str], k: int) -> int:
    """How many tokens from k match one of the alternatives (0: none). A word ending in '_' is exact; other
    words are stems."""
    el = _compile(alts)
    tok = words[k]
    if tok in el.exact or el.stems and tok.startswith(el.stems) and (
            not tok.endswith(_AGENTIVE) or _stem_ok(tok, el.stems)):
        return 1
    if not el.firsts or not tok.startswith(el.firsts):
        return 0
    for parts in el.multi:
        if k + len(parts) <= len(words) and all(_part_ok(p, words[k + n]) for n, p in enumerate(parts)):
            return len(parts)
    return 0


def _matches(words: list[str], p: Pattern, i: int, stop: int, start: int, end: int, boundaries: set[str]) -> bool:
    # after the verb: each element in order, at most 4 tokens after the previous one, within the clause
    k = stop
    for n, alts in enumerate(p.after):
        limit = k + (6 if n == 0 else 4)
        found = False
        while k < min(end, limit):
            if words[k] in boundaries:
                return False
            got = _word_ok(alts, words, k)
            if got:
                k += got
                found = True
                break
            k += 1
        if not found:
            return False
    # before the verb: in reverse order, the last element within 6 tokens of the verb
    k = i - 1
    for n, alts in enumerate(reversed(p.before)):
        limit = k - (6 if n == 0 else 4)
        found = False
        while k >= max(start, limit):
            if words[k] in boundaries:
                return False
            if _word_ok(alts, words, k):
                k -= 1
                found = True
                break
            k -= 1
        if not found:
            return False
    return True
