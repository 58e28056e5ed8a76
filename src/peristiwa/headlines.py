"""Headlines read as sentences: "Iran Kecam Serangan Israel ke Suriah" -> "Iran mengecam serangan Israel ke Suriah".

Indonesian headlines capitalise every word and drop the verb's prefix ("Kecam", "Desak", "Tangkap"). The
parser, the NER and the event model learnt from running prose, where a capital marks a name and a verb
carries its meN- prefix, so a headline is analysed in a *reading*: words that are not known names are put in
lower case, and a bare verb root the event lexicon knows takes its active meN- form. Everything found in the
reading is mapped back, word by word, onto the headline's own characters, so offsets and texts point into
the original text as always.

A text is a headline when it is one short line, with no sentence end inside, whose words mostly begin with a
capital (peristiwa.headlines.is_headline).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, fields, is_dataclass
from functools import lru_cache

_WORD = re.compile(r"\S+")
MAX_WORDS = 25


def is_headline(text: str) -> bool:
    body = text.strip()
    if not body or "\n" in body:
        return False
    words = body.split()
    if not 3 <= len(words) <= MAX_WORDS or re.search(r"[.!?]\s+\S", body):
        return False
    alpha = [w for w in words if w[:1].isalpha() and len(w) > 1]
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

    def __init__(self, names: set[str], roots: dict[str, str]) -> None:
        self.names = names
        self.roots = roots

    def read(self, text: str) -> Reading | None:
        if not is_headline(text):
            return None
        out, spans, pos = [], [], 0
        last = 0
        prev = "start"  # what the previous word was read as: start | name | verb | word
        for m in _WORD.finditer(text):
            out.append(text[last:m.start()])
            pos += m.start() - last
            word, prev = self._word(m.group(), prev)
            out.append(word)
            spans.append((pos, pos + len(word), m.start(), m.end()))
            pos += len(word)
            last = m.end()
        out.append(text[last:])
        return Reading(text, "".join(out), spans)

    def _word(self, word: str, prev: str) -> tuple[str, str]:
        core = word.strip("\"'“”‘’,:;()")
        lead = word[:len(word) - len(word.lstrip("\"'“”‘’("))]
        tail = word[len(lead) + len(core):]
        low = core.lower()
        if not core or not core[:1].isalpha():
            return word, "word"
        # a bare root is the headline's verb where a verb stands: first, after its subject's name, or after
        # another verb ("Korea Utara Ancam Serang ..."); after a common noun it is part of a compound
        # ("Gencatan Senjata")
        if low in self.roots and prev in ("start", "name", "verb") and not tail.startswith(","):
            return lead + self.roots[low] + tail, "verb"
        if (core.isupper() and len(core) > 1) or low in self.names or "-" in core and core[:1].isupper() and \
                all(p.lower() in self.names for p in core.split("-") if p):
            return word, "name"
        return lead + low + tail, "word"


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
    from peristiwa.events.lexicon import men_forms
    from peristiwa.places import load_gazetteer

    names.update(w for w in load_gazetteer().first_words() if len(w) >= 4)
    events = load_events()
    roots: dict[str, str] = {}
    for root, pats in events.by_root.items():
        # the active form of the root itself, with no suffix ("serang" -> menyerang, "temu" -> bertemu): a
        # headline's bare "Tewas" is not "menewaskan"
        plain = set(men_forms(root)) | {"ber" + root}
        active = [p.words[0] for p in pats if p.voice == "active" and p.words[0] in plain]
        if active and " " not in root:
            roots[root] = min(active, key=len)
    # a bare root that is also a name ("Serang", a regency) is read as the verb: headlines lead with acts
    return HeadlineReader(names - set(roots), roots)


def map_back(obj, reading: Reading):
    """`obj` (a record or a list of records with `start`/`end`/`text` fields) with offsets and texts moved
    from the reading onto the original headline."""
    if isinstance(obj, list):
        return [map_back(x, reading) for x in obj]
    if not is_dataclass(obj):
        return obj
    for f in fields(obj):
        value = getattr(obj, f.name)
        if isinstance(value, list) or is_dataclass(value):
            map_back(value, reading)
    names = {f.name for f in fields(obj)}
    if {"start", "end", "text"} <= names and isinstance(obj.start, int):
        obj.start, obj.end = reading.to_original(obj.start, obj.end)
        obj.text = reading.original[obj.start:obj.end]
    elif "text" in names and isinstance(obj.text, str) and obj.text:
        at = reading.text.find(obj.text)  # an event's sentence
        if at >= 0:
            start, end = reading.to_original(at, at + len(obj.text))
            obj.text = reading.original[start:end]
    return obj
