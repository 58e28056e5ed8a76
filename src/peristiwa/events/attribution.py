"""Who a sentence's content is attributed to: "..., kata Pompeo", "menurut para diplomat",
"Para diplomat mengatakan (bahwa) ...". Speech verbs are frames, not events (cues.yaml lists them)."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from peristiwa.events.lexicon import Cues
from peristiwa.events.matcher import Word


@dataclass(slots=True)
class Attribution:
    speaker: object | None  # ActorMention
    cue_start: int  # token index of the speech word
    cue_end: int
    preposed: bool  # "X mengatakan ..." (content follows) vs "..., kata X" / "menurut X"
    initial: bool = False  # "Menurut X, ..." opens the sentence: it covers everything after it


def find_attributions(doc: Doc, words: list[Word], mentions: list, cues: Cues) -> list[Attribution]:
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
            out.append(Attribution(speaker, w.start, end_tok, preposed=False, initial=i <= 1))
            i += len(post)
            continue
        if w.text in cues.attribution_pre:
            left = [m for m in mentions if m.end <= w.start and w.start - m.end <= 4]
            out.append(Attribution(left[-1] if left else None, w.start, w.end, preposed=True))
        i += 1
    return out


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
