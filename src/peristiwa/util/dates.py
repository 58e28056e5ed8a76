"""Small date helpers shared by several stages."""

from __future__ import annotations

import datetime as dt


def validate_iso_date(value: str) -> str:
    """Return value if it is a real YYYY-MM-DD date, else raise ValueError naming the problem."""
    try:
        dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        raise ValueError(f"{value!r} is not a date of the form YYYY-MM-DD") from None
    if len(value) != 10:
        raise ValueError(f"{value!r} is not a date of the form YYYY-MM-DD")
    return value
