"""Publication dates as pages write them: "Rabu, 11 Desember 2019 | 08:15 WIB", "Selasa (21/10/2025)",
"Selasa, 23/02/2016 15:32 WIB", "October 21, 2025", ISO dates in metadata. Day and month names: data.
"""

from __future__ import annotations

import datetime as dt
import functools
import re

from peristiwa.article.resources import Rules


@functools.cache
def _patterns(months: tuple[str, ...], days: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    mon = "|".join(sorted((re.escape(m) for m in months), key=len, reverse=True))
    day = "|".join(sorted((re.escape(d) for d in days), key=len, reverse=True))
    return (
        re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)(?!\d)"),
        re.compile(rf"(?<!\d)(?P<d>\d{{1,2}})\s+(?P<mn>{mon})\.?,?\s+(?P<y>(?:19|20)\d\d)(?!\d)", re.I),
        re.compile(rf"\b(?P<mn>{mon})\.?\s+(?P<d>\d{{1,2}}),?\s+(?P<y>(?:19|20)\d\d)(?!\d)", re.I),
        # numeric dates are day-first in Indonesian pages; only trusted after a day name or in (...)
        re.compile(rf"(?:\b(?:{day})\b\s*[,(]?\s*)(?P<d>\d{{1,2}})/(?P<m>\d{{1,2}})/(?P<y>(?:19|20)\d\d)", re.I),
    )


def find_date(text: str, rules: Rules) -> str | None:
    """First calendar date in text as YYYY-MM-DD, or None."""
    for pattern in _patterns(tuple(rules.months), tuple(rules.days)):
        m = pattern.search(text)
        if not m:
            continue
        groups = m.groupdict()
        month = rules.months[groups["mn"].lower()] if groups.get("mn") else int(groups["m"])
        try:
            return dt.date(int(groups["y"]), month, int(groups["d"])).isoformat()
        except ValueError:
            continue
    return None


_DATE_LINE_WORDS = 12


def is_date_line(line: str, rules: Rules) -> str | None:
    """The date of a line that is only a date (with day name, time, zone, separators), else None."""
    if len(line.split()) > _DATE_LINE_WORDS:
        return None
    date = find_date(line, rules)
    if date is None:
        return None
    # what is left after removing date-ish tokens must be (almost) nothing: no prose
    leftovers = re.sub(r"[\d/:.,|()\-–—]+|\b(wib|wita|wit|utc|gmt|am|pm|pukul|diperbarui|dipublikasikan|"
                       r"published|updated|diterbitkan)\b", " ", line, flags=re.I)
    words = [w for w in leftovers.split() if w.lower() not in rules.months and w.lower() not in rules.days]
    return date if len(words) <= 2 else None
