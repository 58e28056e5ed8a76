"""Headlines read as sentences: "Iran Kecam Serangan Israel ke Suriah" -> "Iran mengecam serangan Israel ke Suriah".

Indonesian headlines capitalise every word and drop the verb's prefix ("Kecam", "Desak", "Tangkap"). The
parser, the NER and the event model learnt from running prose, where a capital marks a name and a verb
carries its meN- prefix, so a headline is analysed in a *reading*: words that are not known names are put in
lower case, and a bare verb root the event lexicon knows takes its active meN- form. Everything found in the
reading is mapped back, word by word, onto the headline's own characters (peristiwa.offsets.map_back), so
offsets and texts point into the original text as always.

A text is a headline when it is one short line, with no sentence end inside, whose words mostly begin with a
capital (peristiwa.headlines.is_headline); a text whose lines are mostly headlines is a list of them, each read
so (a line that is no headline is kept as it is).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from peristiwa.events.lexicon import men_forms
from peristiwa.events.matcher import prefixed_verb

_INTERJECTION = re.compile(r"^((?:\w+:\s+)?)\w+!\s+")
_WORD = re.compile(r"\S+")
_LINE = re.compile(r"[^\n]+")
MAX_WORDS = 25


def is_headline(text: str) -> bool:
    body = text.strip()
    if not body or "\n" in body:
        return False
    words = body.split()
    # an interjection may open a headline ("Duh! Dolar AS Dekati ...", "Video: Miris! ...")
    if not 3 <= len(words) <= MAX_WORDS or re.search(r"[.!?]\s+\S", _INTERJECTION.sub(r"\1", body)):
        return False
    alpha = [w for w in words if w[:1].isalpha() and len(w) > 1]
    if any(w[:1].islower() and prefixed_verb(_core(w)) for w in alpha):
        return False
    return len(alpha) >= 3 and sum(w[:1].isupper() for w in alpha) >= 0.7 * len(alpha)


@dataclass
class Reading:
    """A headline's reading and the word-by-word alignment back onto the headline."""

    original: str
    text: str
    spans: list[tuple[int, int, int, int]]  # (reading start, reading end, original start, original end)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        starts = [s[0] for s in self.spans]
        k = max(0, bisect_right(starts, start) - 1)
        j = max(0, bisect_right(starts, max(start, end - 1)) - 1)
        a, _, oa, _ = self.spans[k]
        _, b, _, ob = self.spans[j]
        # inside one unchanged word the offsets carry over exactly; a changed word maps as a whole
        new_start = oa + (start - a) if self.text[a:self.spans[k][1]] == self.original[oa:self.spans[k][3]] else oa
        new_end = ob - (b - end) if self.text[self.spans[j][0]:b] == self.original[self.spans[j][2]:ob] else ob
        return new_start, max(new_start, new_end)


class HeadlineReader:
    """Built once per process from the actor lexicon (names stay capitalised) and the event lexicon (bare
    verb roots and their active forms)."""

    def __init__(self, names: set[str], roots: dict[str, str], before_verb: frozenset[str] = frozenset(),
                 verb_forms: frozenset[str] = frozenset(), common: frozenset[str] = frozenset(),
                 multi_word_names: frozenset[str] = frozenset(), is_place=None,
                 subjects: frozenset[str] = frozenset(), known_words: frozenset[str] = frozenset(),
                 verb_words: frozenset[str] = frozenset()) -> None:
        self.names = names
        self.roots = roots  # bare root, or root + the suffix of one of its meN- forms -> that form
        self.before_verb = before_verb  # auxiliaries and adverbs a verb follows ("Akan", "Tak", "Kembali")
        self.verb_forms = verb_forms  # meN- words of the event lexicon ("menghentikan", "memberikan")
        # words prose writes in lower case although some name holds them ("Bantuan", "Tentara", "Presiden"),
        # unless they stand in a multi-word name the lexicons know ("Tepi Barat", "Dewan Keamanan PBB")
        self.common = common
        self.multi_word_names = multi_word_names  # lower case
        self.is_place = is_place or (lambda _name: False)
        self.subjects = subjects  # common nouns of people and bodies ("polisi", "warga", "presiden")
        self.known_words = known_words  # the event lexicon's words as they stand ("setuju" is no "menyetuju")
        self.verb_words = verb_words  # roots that are verbs as they stand ("setuju", "sepakat")

    def _in_names(self, cores: list[str]) -> set[int]:
        """Positions of the words that make up a known multi-word name, every word capitalised."""
        out: set[int] = set()
        i = 0
        while i < len(cores):
            for k in range(min(5, len(cores) - i), 1, -1):
                span = cores[i:i + k]
                if all(w[:1].isupper() for w in span) and (" ".join(span).lower() in self.multi_word_names
                                                           or self.is_place(" ".join(span))):
                    out.update(range(i, i + k))
                    i += k - 1
                    break
            i += 1
        return out

    def _verb(self, low: str, capital: bool) -> str | None:
        """The active form of a headline's bare verb: from the lexicon's roots, else (a capitalised word) the
        meN- form of the word itself when the lexicon knows it ("Hentikan" -> menghentikan, "Adili" ->
        mengadili)."""
        if low in self.roots:
            return self.roots[low]
        if not capital or len(low) < 4 or not low.isalpha() or low in self.known_words:
            return None
        return next((f for f in men_forms(low) if f in self.verb_forms), None)

    def read(self, text: str) -> Reading | None:
        """The reading of a headline, or of a list of headlines (one per line; a line that is none is kept as
        it is); None for other text."""
        lines = [m for m in _LINE.finditer(text) if m.group().strip()]
        heads = [is_headline(m.group()) for m in lines]
        if not lines or sum(heads) * 2 < len(lines):  # most lines are headlines, or it is no list of them
            return None
        out, spans, pos, last = [], [], 0, 0
        for line, head in zip(lines, heads, strict=True):
            found = list(_WORD.finditer(text, line.start(), line.end()))
            in_names = self._in_names([_core(m.group()) for m in found]) if head else set()
            prev = "start"  # what the previous word was read as: start | name | unknown | verb | aux | word
            for k, m in enumerate(found):
                out.append(text[last:m.start()])
                pos += m.start() - last
                word = m.group()
                if head:
                    word, prev = self._word(word, prev, k in in_names)
                out.append(word)
                spans.append((pos, pos + len(word), m.start(), m.end()))
                pos += len(word)
                last = m.end()
        out.append(text[last:])
        return Reading(text, "".join(out), spans)

    def _word(self, word: str, prev: str, in_name: bool = False) -> tuple[str, str]:
        core = _core(word)
        lead = word[:len(word) - len(word.lstrip("\"'“”‘’("))]
        tail = word[len(lead) + len(core):]
        low = core.lower()
        if not core or not core[:1].isalpha():
            # a number after a name is part of it ("PA 212", "Densus 88")
            return word, "name" if prev == "name" and core.isdigit() else "word"
        # a bare root is the headline's verb where a verb stands: first or after a comma or colon (a clause's
        # start: "..., Serukan Serangan"), after its subject's name, after another verb ("Korea Utara Ancam
        # Serang ...") or an auxiliary ("Akan Adili", "Tak Hentikan"); after a common noun it is part of a
        # compound ("Gencatan Senjata"). After another verb or a word the lexicons do not know (perhaps a name:
        # "Seinfeld Kunjungi Israel") only a root that is no noun of its own ("Gelar Demo", "Akibat Perang")
        after = "start" if tail[-1:] in (",", ":", "!") else None
        verb = self._verb(low, core[:1].isupper()) if prev in ("start", "name", "aux") or \
            prev in ("verb", "unknown") and low not in self.known_words else None
        if verb is not None and not tail.startswith(","):
            return lead + verb + tail, after or "verb"
        if in_name or (core.isupper() and len(core) > 1) or self._name(core, low):
            return word, after or "name"
        # a person or a body named by a common noun is a subject the verb may follow ("Polisi Tangkap ...")
        # and a lexicon word that is a verb as it stands ("Hamas Setuju Bebaskan ...") is one
        state = "aux" if low in self.before_verb else "name" if low in self.subjects else \
            "verb" if low in self.verb_words and prev in ("start", "name", "verb", "aux") else \
            "unknown" if core[:1].isupper() and low not in self.common else "word"
        return lead + low + tail, after or state

    def _name(self, core: str, low: str) -> bool:
        if not core[:1].isupper():  # a word a headline writes in lower case is a function word ("dari")
            return False
        if low in self.names and low not in self.common:
            return True
        return "-" in core and core[:1].isupper() and all(p.lower() in self.names for p in core.split("-") if p)


def _core(word: str) -> str:
    return word.strip("\"'“”‘’,:;()!?.")


@lru_cache(maxsize=1)
def headline_reader() -> HeadlineReader:
    from peristiwa.actors import load_lexicon as load_actors
    from peristiwa.events.lexicon import load_lexicon as load_events

    actors = load_actors()
    names: set[str] = set()
    for values in actors.actors.keys.values():
        for v in values:
            text = getattr(v, "text", "")
            names.update(w.lower() for w in re.findall(r"[\w']+", text) if w[:1].isupper())
    from peristiwa.places import load_gazetteer

    names.update(w for w in load_gazetteer().first_words() if len(w) >= 4)
    events = load_events()
    roots: dict[str, str] = {}
    own: set[str] = set()
    for root, pats in events.by_root.items():
        # a root the lexicon lists as a word of its own is read as itself ("Setuju" is "setuju")
        if any(p.words == (root,) for p in pats):
            own.add(root)
        if " " in root or root in own:
            continue
        # the active form of the root itself, with no suffix ("serang" -> menyerang, "temu" -> bertemu): a
        # headline's bare "Tewas" is not "menewaskan"; a root with the suffix of one of its meN- forms takes
        # that form ("Bebaskan" -> membebaskan, "Tewaskan" -> menewaskan, "Adili" -> mengadili)
        men = set(men_forms(root))
        for suffix in ("", "kan", "i"):
            forms = men | {"ber" + root} if not suffix else {f + suffix for f in men}
            active = [p.words[0] for p in pats if p.voice == "active" and p.words[0] in forms]
            if active:
                roots.setdefault(root + suffix, min(active, key=len))
    from peristiwa.actors.words import words as actor_words
    from peristiwa.events.words import words

    cues = events.cues
    role_lists, resolver = words("roles"), actor_words("resolver")
    # what stands between a subject and its verb: adverbs, one-word modality cues ("Akan", "Tak", "Siap"),
    # and the link to a demanded act ("untuk Hentikan Agresi")
    before = frozenset(role_lists.vp_adverbs) | cues.demand_links | frozenset(
        c[0] for c in (*cues.intended, *cues.negated, *cues.hypothetical) if len(c) == 1)
    # the lexicon's meN- verbs, and the speech verbs a headline's clause hangs on ("Klaim" -> mengklaim)
    forms = frozenset(w for w in (*events.index, *cues.attribution_pre) if w.startswith("me") and " " not in w)
    multi = frozenset(a.text.lower() for values in actors.actors.keys.values() for a in values
                      if " " in getattr(a, "text", ""))
    subjects = _subject_words(actors, resolver)
    # the event lexicon's words, which prose writes in lower case ("bantuan", "kesepakatan")
    lexicon_words = frozenset(w for w in events.index if " " not in w)
    # numbers, quantifiers and place nouns: lower case in prose, and a verb does not follow them ("Tiga
    # Sandera", "Para Sandera")
    common = lexicon_words | subjects | frozenset(
        w for w in (*(x for name in ("counts", "place_words", "directions", "region_nouns", "leader_words")
                      for x in getattr(resolver, name)), *role_lists.premodifiers, *role_lists.determiners)
        if " " not in w)
    # a bare root that is also a name ("Serang", a regency) is read as the verb: headlines lead with acts
    return HeadlineReader(names - set(roots), roots, before, forms, common, multi, load_gazetteer().knows, subjects,
                          lexicon_words, frozenset(own))


def _subject_words(actors, resolver) -> frozenset[str]:
    """Common nouns that name people and bodies, written in lower case in prose: participant nouns
    ("pengungsi", "mahasiswa"), titles ("presiden", "menlu") and the resolver's generic nouns ("negara",
    "warga")."""
    from peristiwa.events.participants import participant_words

    out = {w for w in participant_words().agent_nouns if " " not in w}
    out |= {k for k in actors.titles.keys if k.isalpha()}
    for name in ("counted", "country_nouns"):
        out |= {w for w in getattr(resolver, name) if " " not in w}
    return frozenset(out)
