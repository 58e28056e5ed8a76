"""Modality of a trigger from the words before it: intended (akan, ingin, siap, berusaha untuk ...),
negated (tidak, belum, bukan ...) or hypothetical (mungkin, jika ...). The cue lists are data (cues.yaml).

The look-back stops at a clause boundary or at the actor that heads the clause, so "AS ingin bekerja
sama" is intended and "AS, yang tidak hadir, bertemu ..." is not negated.
"""

from __future__ import annotations

from peristiwa.events.lexicon import Cues
from peristiwa.events.matcher import BOUNDARY, Word

LOOKBACK = 5


def modality_of(words: list[Word], w_start: int, cues: Cues, stop_tokens: set[int]) -> str:
    """'negated' | 'hypothetical' | 'intended' | 'asserted' for the trigger starting at word w_start."""
    lo = w_start
    while lo > 0 and w_start - lo < LOOKBACK:
        prev = words[lo - 1]
        if prev.text in BOUNDARY or prev.start in stop_tokens:
            break
        lo -= 1
    window = _drop_idioms([w.text for w in words[lo:w_start]], cues.not_negation)
    found = {name: _has(window, seqs) for name, seqs in
             (("negated", cues.negated), ("hypothetical", cues.hypothetical), ("intended", cues.intended))}
    # a negation right before the verb wins over what stands further left ("akan tidak"/"tidak akan")
    if found["negated"]:
        return "negated"
    if found["hypothetical"]:
        return "hypothetical"
    if found["intended"]:
        return "intended"
    if window and window[-1] in ("untuk", "guna") :
        return "intended"
    return "asserted"


def _drop_idioms(window: list[str], idioms: list[tuple[str, ...]]) -> list[str]:
    """Blank out negators that do not negate ("tak lama kemudian", "tidak hanya")."""
    out = list(window)
    present = set(window)
    for seq in idioms:
        if seq[0] not in present:
            continue
        k = len(seq)
        for i in range(len(out) - k + 1):
            if tuple(out[i:i + k]) == seq:
                out[i:i + k] = [""] * k
    return out


def _has(window: list[str], seqs: list[tuple[str, ...]]) -> bool:
    n = len(window)
    present = set(window)
    for seq in seqs:
        # a cue whose first word the window lacks cannot be in it (most cues, most windows)
        if seq[0] not in present:
            continue
        k = len(seq)
        for i in range(n - k + 1):
            if tuple(window[i:i + k]) == seq:
                return True
    return False
