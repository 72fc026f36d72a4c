"""One date atom read as a day and a precision: "3 June", "early March", "last Tuesday",
"week 36 of 2025", "the past two weeks", against the report's publication day.

`DateAtomReader.parse_atom` reads an atom's text (as DATE_PHRASE's groups give it, see
`date_phrases`); `dates.DateResolver` builds on it to read whole phrases, ranges and "since
then". A month or weekday without a year is the latest one on or before the publication day,
unless the sentence speaks of the future.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from dateutil.relativedelta import MO, relativedelta

from indicators.extract import vocabulary
from indicators.extract.date_phrases import (
    BARE_DAY,
    DAY,
    MONTH,
    NUMWORD,
    PART_OF_DAY,
    UNIT,
    WEEKDAY,
    WEEKDAYS,
    YEAR,
    month_number,
)
from indicators.extract.numbers import parse_number

_ONE_DAY = timedelta(days=1)


def on_or_before(day: date, weekday: int) -> date:
    """The last `weekday` (0 for Monday) on or before `day`, as day + relativedelta(weekday=
    WD(-1)) gives it, without relativedelta's general arithmetic (some 50 us a call)."""
    return day - timedelta(days=(day.weekday() - weekday) % 7)


def on_or_after(day: date, weekday: int) -> date:
    """The first `weekday` on or after `day`: day + relativedelta(weekday=WD(+1))."""
    return day + timedelta(days=(weekday - day.weekday()) % 7)


_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_NUMERIC = re.compile(r"(\d{1,2})([/.-])(\d{1,2})\2(\d{4})")
_BARE_DAY = re.compile(BARE_DAY)
_DAY_MONTH = re.compile(rf"({DAY}) (?:of )?({MONTH})(?:,? ({YEAR}))?")
_MONTH_DAY = re.compile(rf"({MONTH}) ({DAY})(?:,? ({YEAR}))?")
_FUZZY_MONTH = re.compile(rf"(.+?)[ -]({MONTH})(?:,? ({YEAR}))?")
_FUZZY_YEAR = re.compile(rf"(?:early|mid|late|the (?:beginning|start|middle|end) of)[ -]({YEAR})")
_MONTH_ONLY = re.compile(rf"({MONTH})(?:,? ({YEAR}))?")
_YEAR_ONLY = re.compile(YEAR)
_WEEKDAY_ATOM = re.compile(rf"(?:(last|this|next) )?({WEEKDAY})(?: {PART_OF_DAY})?", re.I)
_WEEK_NUMBER_ATOM = re.compile(
    rf"(?:(?:(?:epidemiological|epi) )?week(?: \(ew\))?|ew) (\d+)(?:,? (?:of )?({YEAR}))?", re.I
)
DIGITS = re.compile(r"\d+")
SPACES = re.compile(r"\s+")


# The words before a month that narrow it (dates.json), as `_fuzzy_lead` writes them, to
# the precision and first day of their window (a negative day counts back from the month's
# end: the last week of March is 25-31 March). No precision is a half month: "the first half
# of" is the month.
FUZZY_PRECISIONS: dict[str, tuple[str, int]] = {
    lead: (window["precision"], window["first_day"])
    for lead, window in vocabulary.words("fuzzy_leads", "dates").items()
}


def _fuzzy_lead(words: str) -> str:
    """'The  last few days of' -> 'last days of': one spelling per entry of FUZZY_PRECISIONS."""
    words = SPACES.sub(" ", words.strip().lower())
    words = words.removeprefix("the ").replace(" few ", " ")
    return words


@dataclass(slots=True)
class DateAtom:
    day: date
    precision: str
    text: str
    start: int
    end: int


class DateAtomReader:
    """Reads one atom against the report's publication day; `last_date` is the date read
    last (see `dates.DateResolver`), for "the week before"."""

    def __init__(self, published: date) -> None:
        self.published = published
        self.last_date: DateAtom | None = None

    def parse_atom(
        self, text: str, future: bool = False, reference: DateAtom | None = None
    ) -> tuple[date, str] | None:
        """('early March', ...) -> (date(2025, 3, 1), 'early-month')."""
        text = SPACES.sub(" ", text.strip())
        lower = text.lower()
        published = self.published
        iso = _ISO.fullmatch(text)
        if iso:
            return date(int(iso[1]), int(iso[2]), int(iso[3])), "day"
        numeric = _NUMERIC.fullmatch(text)
        if numeric:  # day first ("15/09/2025"), month first only where no month can be first
            first, second = int(numeric[1]), int(numeric[3])
            day_number, month = (second, first) if second > 12 >= first else (first, second)
            return date(int(numeric[4]), month, day_number), "day"
        if reference is not None and _BARE_DAY.fullmatch(text):
            day_number = int(DIGITS.match(text).group())
            return reference.day.replace(day=day_number), "day"
        day_month = _DAY_MONTH.fullmatch(text)
        month_day = _MONTH_DAY.fullmatch(text) if day_month is None else None
        if day_month or month_day:
            if day_month:
                day_text, month_text, year_text = day_month.groups()
            else:
                month_text, day_text, year_text = month_day.groups()
            month = month_number(month_text)
            day_number = int(DIGITS.match(day_text).group())
            year = (
                int(year_text)
                if year_text
                else self._infer_year(month, day_number, future, reference)
            )
            return date(year, month, day_number), "day"
        fuzzy = _FUZZY_MONTH.fullmatch(text)
        lead = _fuzzy_lead(fuzzy.group(1)) if fuzzy else ""
        if lead in FUZZY_PRECISIONS:
            precision, day_number = FUZZY_PRECISIONS[lead]
            month = month_number(fuzzy.group(2))
            year = (
                int(fuzzy.group(3))
                if fuzzy.group(3)
                else self._infer_year(month, 1, future, reference)
            )
            if day_number < 0:  # counted back from the month's end: "the last week of"
                month_end = calendar.monthrange(year, month)[1]
                return date(year, month, month_end + 1 + day_number), precision
            return date(year, month, day_number), precision
        fuzzy_year = _FUZZY_YEAR.fullmatch(lower)
        if fuzzy_year:
            return date(int(fuzzy_year.group(1)), 1, 1), "year"
        month_only = _MONTH_ONLY.fullmatch(text)
        if month_only:
            month = month_number(month_only.group(1))
            year = (
                int(month_only.group(2))
                if month_only.group(2)
                else self._infer_year(month, 1, future, reference)
            )
            return date(year, month, 1), "month"
        if _YEAR_ONLY.fullmatch(text):
            return date(int(text), 1, 1), "year"
        week_number = _WEEK_NUMBER_ATOM.fullmatch(text)
        if week_number:
            return self._numbered_week(
                int(week_number.group(1)), week_number.group(2), future, reference
            )
        weekday = _WEEKDAY_ATOM.fullmatch(text)
        if weekday and weekday.group(2).capitalize() in WEEKDAYS:
            which = (weekday.group(1) or "").lower()
            rule = WEEKDAYS[weekday.group(2).capitalize()]
            if which == "next" or (future and which != "last"):
                return on_or_after(published + _ONE_DAY, rule.weekday), "day"
            if which == "last":
                return on_or_before(published - _ONE_DAY, rule.weekday), "day"
            return on_or_before(published, rule.weekday), "day"
        return self._relative(lower, future)

    def _numbered_week(
        self, number: int, year_text: str | None, future: bool, reference: DateAtom | None = None
    ):
        """Week `number` of the ISO calendar, as (its Monday, 'week'); without a year, the
        week of the year of the range's end ("between EW 1 and EW 52 of 2016"), the one
        before when that would come after the end, else the latest such week begun by the
        publication day (the next one in a future sentence)."""
        if not year_text and reference is not None:
            year = reference.day.isocalendar()[0]
            monday = date.fromisocalendar(year, min(number, 52), 1)
            if monday > reference.day:
                monday = date.fromisocalendar(year - 1, min(number, 52), 1)
            return monday, "week"
        year = int(year_text) if year_text else self.published.isocalendar()[0]
        monday = date.fromisocalendar(year, number, 1) if number <= 52 or year_text else None
        if monday is None:  # week 53 of a year that has none
            raise ValueError(number)
        if not year_text:
            if monday > self.published and not future:
                monday = date.fromisocalendar(year - 1, min(number, 52), 1)
            elif future and monday + timedelta(days=6) < self.published:
                monday = date.fromisocalendar(year + 1, min(number, 52), 1)
        return monday, "week"

    def _relative(self, lower: str, future: bool) -> tuple[date, str] | None:
        published = self.published
        if (
            lower in ("today", "tonight", "overnight", "the morning")
            or lower.startswith("this ")
            and lower.split()[1]
            in (
                "morning",
                "afternoon",
                "evening",
            )
        ):
            return published, "day"
        if lower in ("yesterday", "last night"):
            return published - timedelta(days=1), "day"
        match = re.fullmatch(
            r"(?:earlier |later )?(last|this|next|past) (week|month|year|weekend)", lower
        )
        if match:
            which, unit = match.groups()
            shift = {"last": -1, "past": -1, "this": 0, "next": 1}[which]
            if unit in ("week", "weekend"):
                monday = on_or_before(published, MO.weekday) + timedelta(weeks=shift)
                if unit == "weekend":
                    return monday + timedelta(days=5), "day"
                return monday, "week"
            if unit == "month":
                return (published + relativedelta(months=shift)).replace(day=1), "month"
            return date(published.year + shift, 1, 1), "year"
        if lower.startswith("the same "):  # "the same period a year earlier": last year
            return date(published.year - 1, 1, 1), "year"
        match = re.fullmatch(r"(?:at )?the (start|beginning|end) of (the|this|last) year", lower)
        if match:
            year = published.year - (1 if match.group(2) == "last" else 0)
            if match.group(1) == "end":
                return date(year, 12, 21), "late-month"
            return date(year, 1, 1), "early-month"
        match = re.fullmatch(rf"({NUMWORD}) ({UNIT}) (?:ago|earlier)", lower)
        if match:
            count_text, unit = match.groups()
            unit = unit.rstrip("s")
            count_text = re.sub(r"^a ", "", count_text)
            if count_text in ("few", "several", "couple of"):
                # "a few days earlier": read as the week before the report
                if unit in ("day", "hour"):
                    return published - timedelta(days=7), "week"
                count = 3.0
            else:
                count = parse_number(count_text) if count_text not in ("a", "one") else 1.0
            if count is None:
                return None
            if unit == "hour":
                return published, "day"
            if unit == "day":
                return published - timedelta(days=int(count)), "day"
            if unit == "week":
                day = published - timedelta(weeks=int(count))
                return on_or_before(day, MO.weekday), "week"
            if unit == "month":
                return (published - relativedelta(months=int(count))).replace(day=1), "month"
            return date(published.year - int(count), 1, 1), "year"
        if re.fullmatch(
            r"(?:the (?:week|day|month) before|the previous (?:week|day|month))", lower
        ):
            unit = next(word for word in lower.split() if word in ("week", "day", "month"))
            anchor = self.last_date.day if self.last_date is not None else published
            if unit == "week":
                return on_or_before(anchor - timedelta(weeks=1), MO.weekday), "week"
            if unit == "day":
                return anchor - timedelta(days=1), "day"
            return (anchor - relativedelta(months=1)).replace(day=1), "month"
        if lower.startswith("hours "):
            return published, "day"  # the pipeline replaces it with the anchor's day
        return None

    def _infer_year(
        self, month: int, day: int, future: bool, reference: DateAtom | None = None
    ) -> int:
        """The year that puts a month (and day) nearest before the report, or after it."""
        anchor = reference.day if reference is not None else self.published
        year = anchor.year
        if reference is not None:
            return year - 1 if (month, day) > (anchor.month, anchor.day) else year
        if future:
            return year + 1 if (month, day) < (anchor.month, anchor.day) else year
        return year - 1 if (month, day) > (anchor.month, anchor.day) else year
