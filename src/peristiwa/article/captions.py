"""Photo captions with their credit: "… menggempur Tripoli./Reuters-Esam Omran Al Fetori",
"… Los Angeles, Senin (15/2). (REUTERS / Danny Moloshok)", "… (ANTARA FOTO/Sigid Kurniawan/nym)".
"""

from __future__ import annotations

import functools
import re

from peristiwa.article.resources import Rules
from peristiwa.schema import Caption


@functools.cache
def _patterns(credit_start: str) -> tuple[re.Pattern[str], ...]:
    credit = rf"(?:{credit_start})\b[^()\n]{{0,70}}"
    return (
        # sentence./Agency-Photographer (the scraped-text form): capitalised names after the slash
        re.compile(r"^(?P<text>.{15,}?[.!?\"”)])/\s*(?P<credit>[A-Z][\w.]*(?:\s?[-/]\s?|\s)"
                   r"[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*){0,5})$"),
        re.compile(rf"^(?P<text>.{{15,}}?[.!?\"”)])\s*/\s*(?P<credit>{credit})$", re.I),
        # sentence (AGENCY / Photographer)
        re.compile(rf"^(?P<text>.{{15,}}?)\s*\(\s*(?P<credit>{credit})\s*\)$", re.I),
        # sentence Foto: Photographer/outlet
        re.compile(r"^(?P<text>.{15,}?[.!?])\s*(?P<credit>(?:foto|photo)\s*:\s*[^.]{2,70})$", re.I),
    )


def parse_caption(line: str, rules: Rules) -> Caption | None:
    # every form has a slash, a closing parenthesis or the word foto/photo: most lines skip the regexes
    if "/" not in line and not line.endswith(")") and "oto" not in line.lower():
        return None
    for pattern in _patterns(rules.caption_credit_start):
        m = pattern.match(line)
        if m:
            credit = m.group("credit").strip(" /")
            # "(Foto: ...)" must contain a slash or a name, and a plain quote ending "(kata X)" is no credit
            if len(credit) < 2:
                continue
            return Caption(text=m.group("text").strip(), credit=credit)
    return None
