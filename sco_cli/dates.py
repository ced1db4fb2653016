"""Partial ISO 8601 dates: '2001-06-15', '2005-07' or '2009', and intervals of them.

A date known only to the month or the year stands for that whole period: `date_key` gives the
first day it covers, `period_end` the last.
"""

from __future__ import annotations

import re

# ASCII digits only: `\d` also matches '２' and '٣', and dates are compared as strings.
_DATE = re.compile(r"[0-9]{4}(?:-([0-9]{2})(?:-([0-9]{2}))?)?")


def check_date(value: str) -> str | None:
    """None if `value` is an ISO 8601 date (full or partial) from year 0001 on, else what is
    wrong with it."""
    match = _DATE.fullmatch(value)
    if not match:
        return f"{value!r} is not a date of the form YYYY-MM-DD, YYYY-MM or YYYY"
    if value.startswith("0000"):
        return f"{value!r} has no year 0000 (years start at 0001)"
    month, day = match.group(1), match.group(2)
    if month is not None and not 1 <= int(month) <= 12:
        return f"{value!r} has no month {month}"
    if day is not None:
        last = days_in_month(int(value[:4]), int(month or 1))
        if not 1 <= int(day) <= last:
            return f"{value!r} has no day {day}"
    return None


def days_in_month(year: int, month: int) -> int:
    if month == 2:
        return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def period_end(value: str) -> str:
    """The last day a (possibly partial) date covers: '2001' -> '2001-12-31'."""
    if len(value) == 4:
        return value + "-12-31"
    if len(value) == 7:
        return f"{value}-{days_in_month(int(value[:4]), int(value[5:7])):02d}"
    return value


def date_key(value: str) -> str:
    """A sortable full date: a partial date stands for its first day."""
    return (value + "-01-01"[len(value) - 4 :]) if len(value) < 10 else value


def check_period(value: str) -> str | None:
    """None if `value` is a year, a date or an interval START/END of them."""
    parts = value.split("/")
    if len(parts) > 2:
        return f"{value!r} is not a year, a date or an interval START/END"
    for part in parts:
        if problem := check_date(part):
            return problem
    if len(parts) == 2 and date_key(parts[0]) > period_end(parts[1]):
        return f"{value!r} ends before it starts"
    return None


def overlaps(start: str, end: str | None, since: str | None, until: str | None) -> bool:
    """Whether the period from `start` to `end` (None: open, partial dates standing for the
    whole month or year they name) shares a day with the window from `since` to `until`."""
    first, last = date_key(start), period_end(end) if end else "9999-12-31"
    low = date_key(since) if since else "0000-01-01"
    high = period_end(until) if until else "9999-12-31"
    return first <= high and last >= low


def within(day: str, value: str | None) -> bool:
    """Whether a full date falls inside the month or year a partial `value` names (a full
    `value` is its own day, so only a partial one can hold `day` without being it)."""
    return value is not None and len(value) < 10 and date_key(value) <= day <= period_end(value)
