"""Timeline periods: the one definition of how a day is labelled per interval.

Both the SQL path (readdb) and the column index (colindex) label days with it, so their timelines
agree; it sits below both and imports neither.
"""

from __future__ import annotations

import datetime as dt

INTERVALS = ("day", "week", "month", "year")


def period_label(day: dt.date, interval: str) -> str:
    """`day`'s period: 2019-11-19 (day), 2019-W47 (ISO week), 2019-11 (month) or 2019 (year)."""
    if interval == "day":
        return day.isoformat()
    if interval == "week":
        y, w, _ = day.isocalendar()
        return f"{y}-W{w:02d}"
    if interval == "month":
        return f"{day.year}-{day.month:02d}"
    if interval == "year":
        return str(day.year)
    raise ValueError(f"interval: one of {', '.join(INTERVALS)}")
