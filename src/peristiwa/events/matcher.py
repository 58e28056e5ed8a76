"""Trigger finding: longest-match lookup of the pattern lexicon over normalised words of a sentence.

Words, not tokens: a hyphenated run the tokenizer split ("anti - teror") is one word, a reduplicated
plural ("serangan-serangan") is its base, and "-nya" is stripped as an alternative reading
("ofensifnya" -> "ofensif"). Light verbs take the event noun that follows them ("melakukan serangan").
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from peristiwa.events.lexicon import EventLexicon, Pattern, voice_of
from peristiwa.events.words import words

# The matcher's and the coder's vocabulary: data/events/coder.yaml.
W = words("coder")
# The role finder's prepositions (data/events/roles.yaml): a capitalised word after one is a place or a name.
R = words("roles")
VERB_PREFIXES = ("me", "di", "ber", "ter")
# Where a trigger's phrase ends (punctuation, "bahwa"); modality and the coder stop there too.
BOUNDARY = W.boundary


@dataclass(slots=True)
class Word:
    text: str  # lower-case, reduplication collapsed
    alt: str  # without a trailing -nya
    start: int  # first token index (doc)
    end: int  # token index after the last


@dataclass(slots=True)
class Match:
    pattern: Pattern  # the event's pattern (for a light verb: the noun's)
    w_start: int  # word indices of the trigger (light verb through noun)
    w_end: int
    start: int  # token indices of the trigger
    end: int
    head: int  # token index of the word that carries the roles (verb, or the noun when standalone)
    light: Pattern | None = None  # the light verb, when the event noun came through one
    noun_start: int = -1  # token index where the event noun starts (light constructions)
    voice: str = "active"


def words_of(doc: Doc, start: int, end: int) -> list[Word]:
    out: list[Word] = []
    if end <= start:
        return out
    # each token's text and trailing space read once (a spaCy Token per look-up was most of this time)
    texts: list[str] = []
    spaces: list[str] = []
    for t in doc[start:end]:
        texts.append(t.text)
        spaces.append(t.whitespace_)
    n = end - start
    k = 0
    while k < n:
        j = k + 1
        text = texts[k]
        # glue "x - y" written without spaces back into one word
        while j + 1 < n and texts[j] == "-" and not spaces[j - 1] and not spaces[j]:
            text += "-" + texts[j + 1]
            j += 2
        out.append(_word(text, start + k, start + j))
        k = j
    return out


def _word(text: str, start: int, end: int) -> Word:
    low = text.lower()
    if "-" in low:
        a, _, b = low.partition("-")
        if a and (a == b or b == a + "nya"):  # serangan-serangan, perundingan-perundingannya
            low = a
    alt = low[:-3] if low.endswith("nya") and len(low) > 5 else low
    return Word(low, alt, start, end)


def _eq(word: Word, w: str) -> bool:
    return word.text == w or word.alt == w


def _seq_at(words: list[Word], k: int, seq: tuple[str, ...]) -> bool:
    if k + len(seq) > len(words):
        return False
    return all(_eq(words[k + n], w) for n, w in enumerate(seq))


def _priority(p: Pattern) -> tuple[int, int]:
    rank = 0 if p.objects else 1 if p.kind == "light" else 2 if p.kind == "verb" else 3
    return (-len(p.words), rank)


def find_triggers(doc: Doc, words: list[Word], lex: EventLexicon) -> list[Match]:
    out: list[Match] = []
    n = len(words)
    headline = is_headline(doc, words)
    i = 0
    while i < n:
        w = words[i]
        cands = list(lex.index.get(w.text, ()))
        if w.alt != w.text:
            cands += lex.index.get(w.alt, ())
        cands.sort(key=_priority)
        best: Match | None = None
        for p in cands:
            if not _seq_at(words, i, p.words):
                continue
            end = i + len(p.words)
            if p.kind == "light":
                best = _light(doc, words, i, end, p, lex)
                if best is not None:
                    break
                continue
            if p.objects and not _has_object(words, end, p.objects):
                continue
            if p.objects_not and end < n and words[end].alt in p.objects_not:
                continue
            if p.kind == "noun" and p.need_light:
                continue
            head = words[i].start
            best = Match(p, i, end, words[i].start, words[end - 1].end, head,
                         voice=p.voice if p.kind == "verb" else "active")
            break
        if best is None:
            best = _by_lemma(doc, words, i, lex)
        if best is None and (headline or _after_first_person(words, i)):
            best = _bare_root(doc, words, i, lex, headline)
        if best is not None:
            out.append(best)
            i = best.w_end
        else:
            i += 1
    return out


def _has_object(words: list[Word], k: int, objects: tuple[tuple[str, ...], ...]) -> bool:
    # within six words: a named object may stand between ("menetapkan Ketua DPR X sebagai tersangka")
    for j in range(k, min(len(words), k + 6)):
        if words[j].text in BOUNDARY:
            return False
        if any(_seq_at(words, j, o) for o in objects):
            return True
    return False


def _light(doc: Doc, words: list[Word], i: int, end: int, light: Pattern, lex: EventLexicon) -> Match | None:
    for k in range(end, min(len(words), end + 4)):
        wk = words[k]
        if wk.text in BOUNDARY:
            return None
        nouns = [p for p in list(lex.index.get(wk.text, ())) + list(lex.index.get(wk.alt, ()))
                 if p.kind == "noun" and _seq_at(words, k, p.words)]
        if nouns:
            noun = max(nouns, key=lambda p: len(p.words))
            stop = k + len(noun.words)
            return Match(noun, i, stop, words[i].start, words[stop - 1].end, words[i].start, light=light,
                         noun_start=wk.start, voice=light.voice)
        if wk.alt not in W.light_gap and not wk.text.isdigit():
            return None
    return None


def _by_lemma(doc: Doc, words: list[Word], i: int, lex: EventLexicon) -> Match | None:
    """A verb whose form we did not derive but whose lemma is a lexicon root (the model's lemmatizer)."""
    w = words[i]
    if w.end - w.start != 1:
        return None
    tok = doc[w.start]
    if tok.pos_ != "VERB" or not tok.lemma_:
        return None
    # same suffix class as a derived form: "menemukan" (find) is not "menemui" (meet) though both are temu
    cls = (_prefix_class(tok.lower_), _suffix_class(tok.lower_))
    pats = [p for p in lex.by_root.get(tok.lemma_.lower(), ())
            if not p.need_light and (_prefix_class(p.words[0]), _suffix_class(p.words[0])) == cls]
    if not pats:
        return None
    voice = voice_of(tok.text)
    p = next((p for p in pats if p.voice == voice), pats[0])
    if p.objects_not and i + 1 < len(words) and words[i + 1].alt in p.objects_not:
        return None  # what rules out the derived forms rules out the lemma too ("ditahan imbang")
    return Match(p, i, i + 1, w.start, w.end, w.start, voice=voice)


def is_headline(doc: Doc, words: list[Word]) -> bool:
    """A headline in Title Case: at most sixteen words, three or more of four letters or more, at least three
    quarters of those capitalised ("Iran Kecam Serangan Israel ke Suriah"; prepositions stay lower case). The
    length keeps out a dateline, and a verb written in lower case ("dijadwalkan mengunjungi") a sentence full
    of titles and names."""
    if sum(w.text.isalpha() for w in words) > 16:
        return False
    if any(prefixed_verb(w.text) and doc[w.start].text[:1].islower() for w in words):
        return False
    caps = [doc[w.start].text[:1].isupper() for w in words if len(w.text) > 3 and w.text.isalpha()]
    return len(caps) >= 3 and sum(caps) >= 0.75 * len(caps)


def prefixed_verb(word: str) -> bool:
    """A lower-case word with a verb's prefix that is no preposition ("menyambut", "ditangkap"; not "terhadap"):
    written in lower case, it makes a sentence of a line full of names and titles, not a headline."""
    return len(word) > 5 and word.startswith(VERB_PREFIXES) and word not in R.preps


def _after_first_person(words: list[Word], i: int) -> bool:
    """The word follows a first-person pronoun, perhaps with one adverb between ("sudah kami tangkap", "saya
    minta", "kami juga dukung")."""
    j = i - 1
    if j >= 0 and words[j].text in R.vp_adverbs:
        j -= 1
    return j >= 0 and words[j].text in R.first_person


def _bare_root(doc: Doc, words: list[Word], i: int, lex: EventLexicon, headline: bool) -> Match | None:
    """A verb root without its prefix, read as the active meN- form. Headlines drop the prefix: "Iran Kecam
    Serangan Israel" is "Iran mengecam serangan Israel", "Hamas Bebaskan Sandera" is "Hamas membebaskan
    sandera" (a capitalised root; not after a preposition: "Polres di Serang" is a city). So does a verb
    whose agent is a first-person pronoun before it, in quotes and speech: "pelaku sudah kami tangkap",
    "saya minta Dishub ...". The root may carry the suffix of one of its meN- forms ("Bebaskan", "kami
    amankan"); a root whose meN- forms all carry a suffix is no reading of itself ("Orang Tewas" is no
    "menewaskan")."""
    w = words[i]
    if w.end - w.start != 1:
        return None
    tok = doc[w.start].text
    if headline:
        if (i > 0 and words[i - 1].text in R.preps) or not (tok[:1].isupper() and tok[1:].islower()):
            return None
    elif not tok.islower():
        return None
    low = w.text
    readings = [(low, ""), *((low[:-len(x)], x) for x in ("kan", "i") if low.endswith(x) and len(low) > len(x) + 2)]
    for root, suffix in readings:
        pats = [p for p in lex.by_root.get(root, ()) if p.voice == "active" and not p.need_light
                and _prefix_class(p.words[0]) == "me" and _suffix_class(p.words[0]) == suffix]
        if not pats:
            continue
        p = min(pats, key=lambda p: len(p.words[0]))
        if p.objects_not and i + 1 < len(words) and words[i + 1].alt in p.objects_not:
            return None
        return Match(p, i, i + 1, w.start, w.end, w.start, voice="active")
    return None


def _suffix_class(form: str) -> str:
    if form.endswith("kan"):
        return "kan"
    if form.endswith("i") and form[:2] in ("me", "di"):
        return "i"
    return ""


def _prefix_class(form: str) -> str:
    """bertahan is not menahan: a lemma match must keep the derived form's prefix."""
    for prefix in ("memper", "diper", "me", "di", "ter", "ber", "be", "ke", "pe"):
        if form.startswith(prefix):
            return "ber" if prefix == "be" else prefix
    return ""
