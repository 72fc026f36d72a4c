"""Fuzzy dates: a normalised day plus a precision that says how wide the window is.

"early March 2025" is stored as 2025-03-01 with precision ``early-month``; its window is
1-10 March. Every fuzzy date in the tables is the first day of its window, so the window
can always be rebuilt from (date, precision) alone.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

# Order matters only for documentation; each name maps to how its window is built.
PRECISIONS = ("day", "week", "early-month", "mid-month", "late-month", "month", "year")

PRECISION_DESCRIPTIONS = {
    "day": "that exact day",
    "week": "the seven days starting on the date",
    "early-month": "days 1-10 of the month",
    "mid-month": "days 11-20 of the month",
    "late-month": "day 21 to the end of the month",
    "month": "the whole month",
    "year": "the whole year",
}


def _month_end(day: date) -> date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def window(start: date, precision: str) -> tuple[date, date]:
    """Return the first and last day (inclusive) that a (date, precision) pair can mean."""
    if precision == "day":
        return start, start
    if precision == "week":
        return start, start + timedelta(days=6)
    if precision == "early-month":
        return start.replace(day=1), start.replace(day=10)
    if precision == "mid-month":
        return start.replace(day=11), start.replace(day=20)
    if precision == "late-month":
        return start.replace(day=21), _month_end(start)
    if precision == "month":
        return start.replace(day=1), _month_end(start)
    if precision == "year":
        return start.replace(month=1, day=1), start.replace(month=12, day=31)
    raise ValueError(
        f"unknown date precision {precision!r}; expected one of {', '.join(PRECISIONS)}"
    )


def canonical_start(day: date, precision: str) -> date:
    """The date a fuzzy date is stored as: the first day of its window."""
    return window(day, precision)[0]


def interval_length_days(
    start: date, start_precision: str, end: date, end_precision: str
) -> tuple[int, int]:
    """Shortest and longest number of days an interval with fuzzy bounds can span.

    "Between early March and mid-May" is at least 11 May - 10 March and at most
    20 May - 1 March days long.
    """
    start_first, start_last = window(start, start_precision)
    end_first, end_last = window(end, end_precision)
    shortest = max((end_first - start_last).days, 0)
    longest = max((end_last - start_first).days, 0)  # an end before the start: no length
    return shortest, longest


def describe(day: date | None, precision: str | None) -> str:
    """Human wording of a normalised date: '2025-03-01'+'early-month' -> 'early March 2025'."""
    if day is None or not precision:
        return ""
    month_year = f"{calendar.month_name[day.month]} {day.year}"
    if precision == "day":
        return f"{day.day} {month_year}"
    if precision == "week":
        last = day + timedelta(days=6)
        return f"week of {day.day} {calendar.month_name[day.month]}–{last.day} {calendar.month_name[last.month]} {last.year}"
    if precision in ("early-month", "mid-month", "late-month"):
        return f"{precision.split('-')[0]} {month_year}"
    if precision == "month":
        return month_year
    if precision == "year":
        return str(day.year)
    return day.isoformat()
