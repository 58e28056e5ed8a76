"""Dates stage: the date of an event from its sentence, resolved against the article's published date.

    resolve_date(sent, published) -> ("2019-12-18", "day") | ("2019-11-01", "month") | (None, None)

Dates come back as YYYY-MM-DD; with "month" or "year" precision they are the first day of the period, with
"week" the day N weeks before publication. Relative expressions without a published date stay unresolved.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from peristiwa.dates.expressions import Found, find_dates, parse_published

if TYPE_CHECKING:
    from spacy.tokens import Span

__all__ = ["Found", "find_dates", "parse_published", "resolve_date"]


def resolve_date(sent: Span, published: str | None, trigger_i: int | None = None
                 ) -> tuple[str | None, str | None]:
    """The date of the sentence's event: the resolved expression nearest the trigger (the first one when
    no trigger is given); (None, None) when the sentence has none that resolves."""
    found = [f for f in _find_dates(sent.text, published) if f.date]
    if not found:
        return None, None
    if trigger_i is None:
        best = found[0]
    else:
        doc = sent.doc
        at = doc[trigger_i].idx - sent.start_char if sent.start <= trigger_i < sent.end else 0
        text = sent.text.lower()

        def cost(f: Found) -> tuple[int, int]:
            if f.start <= at < f.end:
                return 0, 0
            lo, hi = (f.end, at) if f.end <= at else (at, f.start)
            between = text[lo:hi].split()
            # A date across a clause boundary ("kemarin ia mengatakan bahwa serangan ...") belongs to the
            # other clause's verb.
            crossed = sum(w.strip(",;") in _CLAUSE_BREAKS for w in between)
            return crossed, hi - lo

        best = min(found, key=cost)
    return best.date, best.precision


# a sentence with several events is read once (find_dates is pure; its results are only read here)
_find_dates = lru_cache(maxsize=256)(find_dates)

_CLAUSE_BREAKS = {"bahwa", "kata", "ujar", "ucap", "katanya", "sementara", "sedangkan", "that", "said", "while"}
