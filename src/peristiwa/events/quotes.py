"""Quotes with their speakers.

Direct quotes are text between “…” or straight "…" marks, the speaker named by a speech word right
after the closing mark (“…,” kata Pompeo) or before the opening one (Pompeo mengatakan: “…”).
Indirect quotes are the content of "X mengatakan (bahwa) …". Offsets point into article.text.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from peristiwa.events.attribution import enclitic_speaker
from peristiwa.events.lexicon import Cues
from peristiwa.schema import Actor, Quote

# Paired curly quotes, or straight quotes within one paragraph (no blank line inside).
_DIRECT = re.compile(r"“([^”]{2,}?)”|\"((?:[^\"\n]|\n(?!\n)){2,}?)\"")
_AFTER = re.compile(r"^[\s,.]*(?P<cue>[A-Za-z]+)", re.UNICODE)
_LEFT_WORDS = 12


def find_quotes(doc: Doc, text: str, actors, cues: Cues) -> list[Quote]:
    post = {seq[0] for seq in cues.attribution_post if len(seq) == 1}
    quotes: list[Quote] = []
    spans: list[tuple[int, int]] = []
    for m in _DIRECT.finditer(text):
        g = 1 if m.group(1) is not None else 2
        start, end = m.start(g), m.end(g)
        body = text[start:end]
        # trim the punctuation and spaces that sit inside the marks
        lead = len(body) - len(body.lstrip())
        body_s = body.strip().rstrip(",")
        if len(body_s.split()) < 2:
            continue
        q_start = start + lead
        q_end = q_start + len(body_s)
        speaker = _speaker_after(doc, text, m.end(), actors, post) or _speaker_before(doc, m.start(), actors, cues)
        quotes.append(Quote(body_s, q_start, q_end, speaker))
        spans.append((m.start(), m.end()))
    quotes += _indirect(doc, actors, cues, spans)
    quotes.sort(key=lambda q: q.start)
    return quotes


def _token_at(doc: Doc, char: int):
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _speaker_after(doc: Doc, text: str, char: int, actors, post: set[str]) -> Actor | None:
    m = _AFTER.match(text[char:char + 40])
    if not m or m.group("cue").lower() not in post and not m.group("cue").lower().endswith("nya"):
        return None
    cue = m.group("cue").lower()
    base = cue[:-3] if cue.endswith("nya") else cue
    if base not in post and cue not in post:
        return None
    tok = _token_at(doc, char + m.start("cue"))
    if tok is None:
        return None
    for mention in actors.mentions:
        if tok.i <= mention.start <= tok.i + 3 and mention.start >= tok.i:
            if mention.start == tok.i and not cue.endswith("nya"):
                continue
            return mention.actor
    if cue.endswith("nya"):
        # "katanya" is one token: its -nya is the person last named before the quotation
        ante = enclitic_speaker(doc, actors.mentions, tok.i)
        return ante.actor if ante is not None else None
    return None


def _speaker_before(doc: Doc, char: int, actors, cues: Cues) -> Actor | None:
    tok = _token_at(doc, max(0, char - 1))
    if tok is None:
        return None
    lo = max(tok.sent.start if doc.has_annotation("SENT_START") else 0, tok.i - _LEFT_WORDS)
    window = doc[lo:tok.i + 1]
    speech = [t for t in window if t.lower_ in cues.attribution_pre or t.lower_ in ("kata", "ujar")]
    if not speech:
        return None
    v = speech[-1]
    if v.lower_ in ("kata", "ujar"):
        after = [m for m in actors.mentions if v.i < m.start <= v.i + 3]
        return after[0].actor if after else None
    before = [m for m in actors.mentions if lo <= m.start and m.end <= v.i]
    return before[-1].actor if before else None


def _indirect(doc: Doc, actors, cues: Cues, direct: list[tuple[int, int]]) -> list[Quote]:
    """ "X mengatakan (bahwa) ...": the rest of the sentence after the speech verb, spoken by X."""
    out: list[Quote] = []
    if not doc.has_annotation("SENT_START"):
        return out
    for sent in doc.sents:
        for t in sent:
            if t.lower_ not in cues.attribution_pre:
                continue
            if any(a <= t.idx < b for a, b in direct):
                break
            j = t.i + 1
            while j < sent.end and (doc[j].lower_ in cues.complementisers or doc[j].text in {",", ":"}):
                j += 1
            last = sent.end
            while last > j and doc[last - 1].is_punct:
                last -= 1
            if last - j < 3 or any(doc[k].text in {"“", "\""} for k in range(j, last)):
                break
            before = [m for m in actors.mentions if sent.start <= m.start and m.end <= t.i
                      and t.i - m.end <= 4]
            if not before:
                break
            span = doc[j:last]
            out.append(Quote(span.text, span.start_char, span.end_char, before[-1].actor))
            break
    return out
