"""Line-level chrome: subscription banners, ads, navigation, "Baca juga" inserts, repeated lines.

The patterns come from `data/outlets/*.yaml` (see `resources`); this module decides only how they apply.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from peristiwa.article.resources import Rules

_SPACE = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
_PROSE_END = re.compile(r"""[.!?。！？]["'”’)」]?$|[.!?,]["”’]\s*\w+.*[.!?]$""")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")
_LINE = re.compile(r"[^\r\n]+")
_RUN = re.compile(r"[^\r\n \t\u00a0\u2000-\u200a\u202f\u205f\u3000\u200b-\u200d\u2060\ufeff\u00ad]+")


def normalised(text: str) -> tuple[str, Sequence[int]]:
    """`"\n\n".join(split_lines(text))` and, for each of its characters, where it stands in `text` (a
    space that stands for a run of spaces maps to the run's first; the blank line between two paragraphs to
    the end of the first), so that offsets found in the normalised text can be moved back onto `text`."""
    if "\n\n".join(split_lines(text)) == text:  # already normal: most clean text, at regex speed
        return text, range(len(text))
    out: list[str] = []
    index: list[int] = []
    for line in _LINE.finditer(text):
        # runs of ordinary characters, each kept whole; between two runs a single space if any space stood
        # there (invisible characters alone join them), nothing before the first or after the last
        parts: list[str] = []
        at: list[int] = []
        prev_end = None
        for run in _RUN.finditer(text, line.start(), line.end()):
            gap = _SPACE.search(text, prev_end, run.start()) if prev_end is not None else None
            if gap is not None:
                parts.append(" ")
                at.append(gap.start())
            parts.append(run.group())
            at.extend(range(run.start(), run.end()))
            prev_end = run.end()
        if not parts:
            continue
        if out:
            out.append("\n\n")
            index += [index[-1] + 1] * 2
        out += parts
        index += at
    return "".join(out), index


def normalise_line(line: str) -> str:
    """Non-breaking and odd spaces become plain spaces, invisible characters go; ends are stripped."""
    return _SPACE.sub(" ", _INVISIBLE.sub("", line)).strip()


def split_lines(text: str) -> list[str]:
    """Non-empty normalised lines; the whole text is normalised at once (one regex pass, not one a line)."""
    text = _SPACE.sub(" ", _INVISIBLE.sub("", text.replace("\r\n", "\n").replace("\r", "\n")))
    return [line for line in (raw.strip() for raw in text.split("\n")) if line]


def looks_like_prose(line: str) -> bool:
    """A sentence (or more) of news prose: several words and sentence-final punctuation."""
    # scripts without spaces between words (Chinese, Japanese) count by characters
    long_enough = len(line.split()) >= 5 or len(_CJK.findall(line)) >= 10
    return long_enough and bool(_PROSE_END.search(line))


def is_chrome(line: str, rules: Rules) -> bool:
    if rules.boilerplate.fullmatch(line):
        return True
    return len(line.split()) <= 20 and bool(rules.boilerplate_short.fullmatch(line))


MAX_REPEATED_CHROME_WORDS = 20


def repeated(lines: list[str]) -> tuple[set[str], set[str]]:
    """Lines occurring more than once in a page: (chrome to drop everywhere, prose to keep once)."""
    counts = Counter(lines)
    chrome, prose = set(), set()
    for line, n in counts.items():
        if n > 1:
            # short non-sentences repeated on a page are furniture; a long passage repeated is a teaser
            # of the story itself, kept once
            short = len(line.split()) <= MAX_REPEATED_CHROME_WORDS
            (chrome if short and not looks_like_prose(line) else prose).add(line)
    return chrome, prose
