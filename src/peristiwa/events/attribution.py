"""Who a sentence's content is attributed to: "..., kata Pompeo", "menurut para diplomat",
"Para diplomat mengatakan (bahwa) ...". Speech verbs are frames, not events (cues.yaml lists them)."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from peristiwa.actors.words import words as word_lists
from peristiwa.events.lexicon import Cues
from peristiwa.events.matcher import Word

_OPENING = {"\"", "\u201c"}
_CLOSING = {"\"", "\u201d"}
_QUOTE_REACH = 400  # tokens searched back for the mark that opens a quotation


@dataclass(slots=True)
class Attribution:
    speaker: object | None  # ActorMention
    cue_start: int  # token index of the speech word
    cue_end: int
    preposed: bool  # "X mengatakan ..." (content follows) vs "..., kata X" / "menurut X"
    initial: bool = False  # "Menurut X, ..." opens the sentence: it covers everything after it


def find_attributions(doc: Doc, words: list[Word], mentions: list, cues: Cues,
                      earlier: list | None = None) -> list[Attribution]:
    """The sentence's speech frames. `mentions`: the sentence's actor mentions; `earlier`: the document's,
    where a speech word with the enclitic -nya ("katanya") finds whom it stands for."""
    out: list[Attribution] = []
    n = len(words)
    by_first = _by_first(cues)
    i = 0
    while i < n:
        w = words[i]
        seqs = by_first.get(w.text)
        # most words open no cue: no generator is built for them (it was most of this function's time)
        post = next((seq for seq in seqs if tuple(x.text for x in words[i:i + len(seq)]) == seq),
                    None) if seqs else None
        if post is not None:
            end_tok = words[i + len(post) - 1].end
            speaker = next((m for m in mentions if end_tok <= m.start <= end_tok + 3), None)
            if speaker is None and w.text.endswith("nya"):
                speaker = next((m for m in mentions if m.start == w.start or m.start == w.end - 1), None)
                if speaker is None and earlier is not None:
                    speaker = enclitic_speaker(doc, earlier, w.start)
            out.append(Attribution(speaker, w.start, end_tok, preposed=False, initial=i <= 1))
            i += len(post)
            continue
        if w.text in cues.attribution_pre:
            left = [m for m in mentions if m.end <= w.start and w.start - m.end <= 4]
            out.append(Attribution(left[-1] if left else None, w.start, w.end, preposed=True))
        i += 1
    return out


def enclitic_speaker(doc: Doc, mentions: list, i: int):
    """The person the -nya of a speech word at token i stands for ("...," katanya): the most recent person
    who is a clause's subject (else the most recent person) before the quotation the word closes (or before
    the word, when it closes none), in that sentence or the two before it, as a reader takes it; a person
    pronoun counts as the person it was resolved to.
    `mentions`: the document's actor mentions in text order."""
    j = i - 1
    while j >= 0 and doc[j].text == ",":
        j -= 1
    if j >= 0 and doc[j].text in _CLOSING:
        k = j - 1
        while k >= max(0, j - _QUOTE_REACH) and doc[k].text not in _OPENING:
            k -= 1
        j = k if k >= 0 and doc[k].text in _OPENING else i
    else:
        j = i
    if j <= 0:
        return None
    sent = doc[j - 1].sent
    for _ in range(2):
        if sent.start == 0:
            break
        sent = doc[sent.start - 1].sent
    pronouns = word_lists("resolver").person_pronouns
    people = [m for m in mentions if sent.start <= m.start < j
              and (m.kind == "person" or m.kind == "pronoun" and doc[m.start].lower_ in pronouns)]
    # the one a clause is about, not the last one named: "Purbaya menegaskan keputusan ada di tangan Cak Imin.
    # '...,' katanya." is Purbaya speaking
    subjects = [m for m in people if doc[m.head].dep_.startswith("nsubj")]
    return max(subjects or people, key=lambda m: m.start) if people else None


# keyed by id(); each entry holds its cue set, so that the id cannot pass to another cue set while the entry
# lives (a lexicon built and dropped would otherwise lend its id and its cues to the next one)
_FIRST: dict[int, tuple[Cues, dict[str, list[tuple[str, ...]]]]] = {}


def _by_first(cues: Cues) -> dict[str, list[tuple[str, ...]]]:
    """Postposed cues keyed by their first word, longest first (built once per cue set)."""
    hit = _FIRST.get(id(cues))
    if hit is not None and hit[0] is cues:
        return hit[1]
    got: dict[str, list[tuple[str, ...]]] = {}
    for seq in sorted(cues.attribution_post, key=len, reverse=True):
        got.setdefault(seq[0], []).append(seq)
    _FIRST[id(cues)] = (cues, got)
    return got


def attribution_for(trigger_start: int, atts: list[Attribution]):
    """The speaker an event at trigger_start is reported by (None when the sentence names none)."""
    best = None
    for a in atts:
        if a.speaker is None:
            continue
        if a.preposed and trigger_start > a.cue_start:
            best = a
        elif not a.preposed and (trigger_start < a.cue_start or a.initial):
            best = best or a
    return best.speaker if best else None
