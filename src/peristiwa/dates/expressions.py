"""Date expressions in Indonesian and English, found in a sentence and resolved against the publication date.

Every finder returns `Found(start_char, end_char, date, precision)`; `date` is an ISO date (YYYY-MM-DD; for
month and year precision the first day of the period) or None when the expression needs an anchor the
article does not give. Patterns are compiled once per process.

Resolution rules (documented in docs/actors.md):
  - explicit dates ("7 April 2019", "Minggu (7/4/2019)", "7/4", "April 7, 2019", "2019-04-07") -> day;
    day/month without a year takes the publication year (the previous year when that would lie > 31 days
    after publication);
  - weekdays ("Rabu", "Rabu waktu setempat", "pada hari Minggu", "on Wednesday") -> the last such day on or
    before the publication date (the publication day itself when it is that weekday);
  - kemarin / hari ini / besok / lusa / semalam / N hari lalu -> day; pekan/minggu lalu, N minggu lalu -> week
    (the date N weeks before publication); bulan lalu, N bulan lalu, "pada April", "sejak April" -> month;
    tahun lalu, "sejak 2014", "pada 2019", "tahun 2019" -> year;
  - without a publication date only absolute expressions resolve.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

MONTHS = {
    "januari": 1, "jan": 1, "january": 1, "februari": 2, "feb": 2, "pebruari": 2, "february": 2,
    "maret": 3, "mar": 3, "march": 3, "april": 4, "apr": 4, "mei": 5, "may": 5, "juni": 6, "jun": 6,
    "june": 6, "juli": 7, "jul": 7, "july": 7, "agustus": 8, "agu": 8, "agt": 8, "aug": 8, "august": 8,
    "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10, "oct": 10, "october": 10,
    "november": 11, "nov": 11, "nopember": 11, "desember": 12, "des": 12, "dec": 12, "december": 12,
}
WEEKDAYS = {
    "senin": 0, "selasa": 1, "rabu": 2, "kamis": 3, "jumat": 4, "jum'at": 4, "sabtu": 5, "minggu": 6, "ahad": 6,
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
}
NUMBERS = {
    "satu": 1, "se": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7, "delapan": 8,
    "sembilan": 9, "sepuluh": 10, "sebelas": 11, "dua belas": 12, "one": 1, "a": 1, "an": 1, "two": 2,
    "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
}
UNITS = {"hari": "day", "day": "day", "days": "day", "minggu": "week", "pekan": "week", "week": "week",
         "weeks": "week", "bulan": "month", "month": "month", "months": "month", "tahun": "year",
         "year": "year", "years": "year"}

_MONTH_NAMES = "|".join(sorted((m for m in MONTHS if len(m) > 3 or m in {"mei", "may", "jan", "feb", "mar", "apr",
                                                                         "jun", "jul", "agu", "agt", "aug",
                                                                         "sep", "okt", "oct", "nov", "des",
                                                                         "dec"}), key=len, reverse=True))
_WEEKDAY_NAMES = "|".join(sorted(WEEKDAYS, key=len, reverse=True))
_NUM = r"(?:\d{1,2}|" + "|".join(sorted((n for n in NUMBERS if n not in {"se", "a", "an"}), key=len,
                                        reverse=True)) + ")"

_F = re.IGNORECASE
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
# 7 April 2019 / 7 Apr. 2019 / 7 April (year optional)
_DMY = re.compile(rf"\b(\d{{1,2}})\s+({_MONTH_NAMES})\.?(?:\s+(\d{{4}}))?\b", _F)
# April 7, 2019 (English)
_MDY = re.compile(rf"\b({_MONTH_NAMES})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,\s*(\d{{4}}))?\b", _F)
# 7/4/2019, 7/4/19, (7/4), 7-4-2019 — Indonesian order day/month
_NUMERIC = re.compile(r"(?<![\d/])(\d{1,2})[/\-.](\d{1,2})(?:[/\-.](\d{4}|\d{2}))?(?![\d/])")
# April 2019 / bulan April / pada April / sejak April (month, year optional)
_MONTH = re.compile(rf"\b(?:(?:bulan|pada|sejak|hingga|sampai|awal|akhir|pertengahan|in|since|until|by|"
                    rf"early|late|mid)\s+)?({_MONTH_NAMES})\b(?:\s+(?:tahun\s+)?(\d{{4}}))?", _F)
_YEAR = re.compile(r"\b(?:(?:tahun|pada|sejak|hingga|sampai|awal|akhir|pertengahan|in|since|until|during)\s+)"
                   r"((?:19|20)\d{2})\b", _F)
_WEEKDAY = re.compile(rf"\b(?:(?:pada\s+)?(?:hari\s+)?|on\s+|last\s+)({_WEEKDAY_NAMES})\b"
                      rf"(?!\s*[-–]?\s*(?:minggu|lalu|ini|depan|ke|pertama|kedua|terakhir))", _F)
_RELATIVE_WORDS = [
    (re.compile(r"\bkemarin\s+lusa\b", _F), -2, "day"),
    (re.compile(r"\b(?:kemarin|yesterday)\b", _F), -1, "day"),
    (re.compile(r"\b(?:semalam|tadi\s+malam|last\s+night)\b", _F), -1, "day"),
    (re.compile(r"\b(?:hari\s+ini|pagi\s+ini|siang\s+ini|sore\s+ini|malam\s+ini|today|tonight|this\s+morning)\b",
                _F), 0, "day"),
    (re.compile(r"\b(?:besok|esok|tomorrow)\b", _F), 1, "day"),
    (re.compile(r"\blusa\b", _F), 2, "day"),
    (re.compile(r"\b(?:(?:pekan|minggu)\s+ini|this\s+week)\b", _F), 0, "week"),
    (re.compile(r"\b(?:(?:pekan|minggu)\s+(?:lalu|kemarin)|last\s+week)\b", _F), -7, "week"),
    (re.compile(r"\b(?:(?:pekan|minggu)\s+depan|next\s+week)\b", _F), 7, "week"),
]
_RELATIVE_PERIOD = [
    (re.compile(r"\b(?:bulan\s+(?:lalu|kemarin)|last\s+month)\b", _F), -1, "month"),
    (re.compile(r"\b(?:bulan\s+ini|this\s+month)\b", _F), 0, "month"),
    (re.compile(r"\b(?:bulan\s+depan|next\s+month)\b", _F), 1, "month"),
    (re.compile(r"\b(?:tahun\s+(?:lalu|kemarin)|last\s+year)\b", _F), -12, "year"),
    (re.compile(r"\b(?:tahun\s+ini|this\s+year)\b", _F), 0, "year"),
    (re.compile(r"\b(?:tahun\s+depan|next\s+year)\b", _F), 12, "year"),
]
# dua minggu lalu / 3 hari yang lalu / sepekan lalu / two weeks ago
_AGO = re.compile(rf"\b(?:({_NUM})\s+|(se))(hari|minggu|pekan|bulan|tahun)\s+(?:yang\s+)?(?:lalu|silam|terakhir)\b"
                  rf"|\b({_NUM})\s+(days?|weeks?|months?|years?)\s+ago\b", _F)


@dataclass(frozen=True, slots=True)
class Found:
    start: int
    end: int
    date: str | None
    precision: str | None


def parse_published(published: str | None) -> date | None:
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


def _safe(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _year_for(month: int, day: int, anchor: date | None) -> int | None:
    if anchor is None:
        return None
    candidate = _safe(anchor.year, month, min(day, 28))
    if candidate and (candidate - anchor).days > 31:
        return anchor.year - 1
    return anchor.year


def _shift_months(d: date, months: int) -> date:
    total = d.year * 12 + d.month - 1 + months
    return date(total // 12, total % 12 + 1, 1)


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def find_dates(text: str, published: str | None) -> list[Found]:
    """All date expressions in `text`, left to right, overlapping weaker matches removed."""
    anchor = parse_published(published)
    found: list[Found] = []

    for m in _ISO.finditer(text):
        found.append(Found(m.start(), m.end(), _iso(_safe(int(m[1]), int(m[2]), int(m[3]))), "day"))
    for m in _DMY.finditer(text):
        day, month = int(m[1]), MONTHS[m[2].lower()]
        year = int(m[3]) if m[3] else _year_for(month, day, anchor)
        d = _safe(year, month, day) if year else None
        found.append(Found(m.start(), m.end(), _iso(d), "day" if d else None))
    for m in _MDY.finditer(text):
        month, day = MONTHS[m[1].lower()], int(m[2])
        year = int(m[3]) if m[3] else _year_for(month, day, anchor)
        d = _safe(year, month, day) if year else None
        found.append(Found(m.start(), m.end(), _iso(d), "day" if d else None))
    for m in _NUMERIC.finditer(text):
        day, month = int(m[1]), int(m[2])
        if not (1 <= day <= 31 and 1 <= month <= 12):
            continue
        if m[3]:
            year = int(m[3]) + (2000 if len(m[3]) == 2 else 0)
        else:
            # "(7/4)" after a weekday is a date; a bare "3/4" elsewhere may be a fraction: require brackets.
            if not (m.start() > 0 and text[m.start() - 1] == "("):
                continue
            year = _year_for(month, day, anchor)
        d = _safe(year, month, day) if year else None
        found.append(Found(m.start(), m.end(), _iso(d), "day" if d else None))
    for m in _MONTH.finditer(text):
        word = m[1]
        if word[0].islower() or (len(word) <= 3 and not m[2]):
            continue  # "mei" / "may" in lower case are words; 3-letter abbreviations need a year
        month = MONTHS[word.lower()]
        if m[2]:
            d = date(int(m[2]), month, 1)
        elif anchor is not None:
            year = anchor.year if month <= anchor.month else anchor.year - 1
            d = date(year, month, 1)
        else:
            d = None
        found.append(Found(m.start(), m.end(), _iso(d), "month" if d else None))
    for m in _YEAR.finditer(text):
        found.append(Found(m.start(), m.end(), f"{m[1]}-01-01", "year"))
    for m in _WEEKDAY.finditer(text):
        word = m[1]
        if word[0].islower():
            continue
        wd = WEEKDAYS[word.lower()]
        d = anchor - timedelta(days=(anchor.weekday() - wd) % 7) if anchor else None
        found.append(Found(m.start(1), m.end(), _iso(d), "day" if d else None))
    for rx, days, precision in _RELATIVE_WORDS:
        for m in rx.finditer(text):
            d = anchor + timedelta(days=days) if anchor else None
            found.append(Found(m.start(), m.end(), _iso(d), precision if d else None))
    for rx, months, precision in _RELATIVE_PERIOD:
        for m in rx.finditer(text):
            d = None
            if anchor:
                d = _shift_months(anchor, months)
                if precision == "year":
                    d = date(d.year, 1, 1)
            found.append(Found(m.start(), m.end(), _iso(d), precision if d else None))
    for m in _AGO.finditer(text):
        num_word = (m[1] or m[2] or m[4] or "").lower()
        n = int(num_word) if num_word.isdigit() else NUMBERS.get(num_word, 1)
        unit = UNITS[(m[3] or m[5]).lower().rstrip("s") if (m[3] or m[5]).lower() not in UNITS
                     else (m[3] or m[5]).lower()]
        d = None
        if anchor:
            if unit == "day":
                d = anchor - timedelta(days=n)
            elif unit == "week":
                d = anchor - timedelta(days=7 * n)
            elif unit == "month":
                d = _shift_months(anchor, -n)
            else:
                d = date(anchor.year - n, 1, 1)
        found.append(Found(m.start(), m.end(), _iso(d), unit if d else None))
    return _prune(found)


_RANK = {"day": 3, "week": 2, "month": 1, "year": 0, None: -1}


def _prune(found: list[Found]) -> list[Found]:
    """Drop a match contained in a longer one ("April" inside "7 April 2019", "Minggu" before "(7/4/2019)")."""
    found.sort(key=lambda f: (f.start, -(f.end - f.start)))
    kept: list[Found] = []
    for f in found:
        if kept and f.start < kept[-1].end:
            prev = kept[-1]
            if (f.end - f.start) > (prev.end - prev.start):
                kept[-1] = f
            continue
        kept.append(f)
    # A weekday directly followed by its explicit date is one expression: keep the explicit date.
    out: list[Found] = []
    for f in kept:
        if out and f.precision == "day" and out[-1].precision == "day" and f.start - out[-1].end <= 3:
            out[-1] = Found(out[-1].start, f.end, f.date or out[-1].date, "day")
            continue
        out.append(f)
    return out
