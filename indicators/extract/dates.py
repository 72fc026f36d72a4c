"""Date phrases in report text: fuzzy ("early March"), relative ("Wednesday", "last week"),
ranges ("between the mornings of 3 and 6 June") and anaphoric ("since then").

`date_phrases.find_date_phrases` finds every phrase of a text in one regex pass; here
`DateResolver.resolve` turns one phrase into dates with precisions (see `indicators.dates`)
against the report's publication day, each of its atoms read by `date_atoms.DateAtomReader`,
and `is_future` tells a sentence about what is to come ("will", "expected", "by late August
... could"), in which a month or weekday without a year lies after that day.
"""

from __future__ import annotations

import calendar
import functools
import re
from dataclasses import dataclass
from datetime import date, timedelta

from dateutil.relativedelta import MO

from indicators.dates import canonical_start
from indicators.extract import vocabulary
from indicators.extract.date_atoms import (
    DIGITS,
    SPACES,
    DateAtom,
    DateAtomReader,
    on_or_before,
)
from indicators.extract.date_phrases import (
    NUMWORD,
    UNIT,
    YEAR,
    month_number,
)
from indicators.extract.number_words import parse_number

UNIT_DAYS = {"hour": 1 / 24, "day": 1, "week": 7, "month": 30, "year": 365}


_QUARTER_ATOM = re.compile(
    rf"(?:the )?(first|second|third|fourth) quarter(?: of (?:({YEAR})|th(?:e|is) year))?", re.I
)
_QUARTER_NUMBERS = {"first": 1, "second": 2, "third": 3, "fourth": 4}
# "Q3 2025", "2025 Q3": the quarter in figures, read as "third quarter of 2025"
_QUARTER_IN_FIGURES = re.compile(
    rf"Q([1-4])(?:\s?[-/]\s?|\s+(?:of\s+)?)({YEAR})|({YEAR})[\s-]Q([1-4])"
)
_QUARTER_WORDS = {str(number): word for word, number in _QUARTER_NUMBERS.items()}
# "the first half of 2025", "H2 2024", "2024-H2": a half of a year, its six months
_HALF_ATOM = re.compile(
    rf"(?:the\s+)?(?:(first)|second)\s+half\s+of\s+(?:({YEAR})|th(?:e|is)\s+year|(last)\s+year)"
    rf"|H([12])(?:\s?[-/]\s?|\s+(?:of\s+)?)({YEAR})|({YEAR})[\s-]H([12])",
    re.I,
)

# "the first two weeks of October", "the last ten days of May", "the first three months of
# 2025": the first or last part of a month or year (`date_phrases._PART_OF`)
_PART_ATOM = re.compile(
    r"the\s+(?P<edge>first|last|final|opening|closing)\s+(?P<count>\w+)\s+"
    rf"(?:(?P<unit>days|weeks)\s+of\s+(?P<month>[A-Za-z]+\.?)(?:,?\s+(?P<year>{YEAR}))?"
    rf"|(?P<unit_m>months)\s+of\s+(?P<year_alone>{YEAR}))",
    re.IGNORECASE,
)
# "the past 24 hours", "the last three weeks" (all of it: "the last week of March" is a
# fuzzy month, not a trailing window)
_YEAR_KINDS = ("school", "academic")  # "the past two school years": two years
_TRAILING_WINDOW = re.compile(
    rf"(?i)the\s+(?:past|last)\s+(?:{NUMWORD}\s+)?(?:(?:school|academic)\s+)?{UNIT}"
)
_HOURS_AROUND = re.compile(r"(?i)hours\s+(?:before|after)")
_POSSESSOR = re.compile(r"([A-Z][\w-]+)(?:’s|'s)")
_BEFORE_PREVIOUS = re.compile(r"(?i)the\s+(?:week|day|month)\s+before|the\s+previous")

# Lower case only ("May" is a month); "could not afford" speaks of the past, so modal verbs
# other than "will" do not count.
# "due to" speaks of the future only before a verb ("due to begin"), not a cause ("due to cuts")
_DUE_TO = [f"due to {verb}" for verb in vocabulary.words("due_to_verbs")]
_FUTURE = vocabulary.words("future_words") + _DUE_TO
FUTURE_WORDS = re.compile(
    r"\b(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in _FUTURE) + r")\b"
)


@dataclass(slots=True)
class DatePhrase:
    start: int
    end: int
    text: str
    role: str  # range, since, until, point
    first: DateAtom | None = None  # start of the period
    last: DateAtom | None = None  # end of the period (the same atom for a point)
    anchor_name: str = ""  # "hours before Witkoff's statement": whose statement
    relative_to_previous: bool = False  # "since then", "the week before"


# "would" before "from Sunday" speaks of what is to come, as reported speech does
_WOULD = re.compile(r"\b(?:would|will)\b")


class DateResolver(DateAtomReader):
    """Resolves phrases in document order, remembering the last date for "since then"."""

    def resolve(self, match: re.Match, future: bool = False) -> DatePhrase | None:
        try:
            phrase = self._resolve(match, future)
        except (ValueError, OverflowError):
            return None  # "31 February" and the like
        if phrase is not None:
            remembered = phrase.first or phrase.last
            if remembered is not None and not phrase.relative_to_previous:
                self.last_date = phrase.last or phrase.first
        return phrase

    def _resolve(self, match: re.Match, future: bool) -> DatePhrase | None:
        role = match.lastgroup
        phrase = DatePhrase(match.start(), match.end(), match.group(), role)
        if role == "range":
            last = self._atom(match, "range_b", future)
            first = self._atom(match, "range_a", future, reference=last)
            return self._range(phrase, first, last)
        if role == "from_range":
            last = self._atom(match, "from_b", future)
            first = self._atom(match, "from_a", future, reference=last)
            return self._range(phrase, first, last)
        if role == "month_range":  # "April to June 2025", "June–September 2025"
            last = self._atom(match, "month_b", future)
            first = self._atom(match, "month_a", future, reference=last)
            return self._range(phrase, first, last)
        if role == "dash_range":
            last = self._atom(match, "dash_b", future)
            first = self._atom(match, "dash_a", future, reference=last)
            return self._range(phrase, first, last)
        if role == "week_range":  # "EW 27 to EW 30"
            last = self._atom(match, "week_b", future)
            first = self._atom(match, "week_a", future, reference=last)
            return self._range(phrase, first, last)
        if role == "month_dash":
            return self._month_dash(match, phrase, future)
        if role == "since":
            phrase.role = "since"
            if match.group("since_a").lower() == "then":
                if self.last_date is None:
                    return None
                previous = self.last_date
                phrase.first = DateAtom(
                    previous.day, previous.precision, match.group(), *match.span()
                )
                phrase.relative_to_previous = True
                return phrase
            # "since Monday" is past; "starting on Monday" is to come in a sentence of the future
            opener = match.group("since")[:5].lower()
            coming = future and opener in ("start", "begin")
            phrase.first = self._atom(match, "since_a", future=coming)
            return phrase if phrase.first else None
        if role == "since_event":  # "since the offensive began in late January"
            phrase.role = "since"
            phrase.first = self._atom(match, "since_event_a", future=False)
            return phrase if phrase.first else None
        if role == "from_start":  # "would be applied from Sunday": a start, often to come
            phrase.role = "since"
            coming = future or _WOULD.search(
                match.string, max(0, match.start() - 120), match.start()
            )
            phrase.first = self._atom(match, "from_start_a", future=bool(coming))
            return phrase if phrase.first else None
        if role == "so_far":
            phrase.role = "since"
            if match.group("so_far_a"):  # "so far in 2025", "so far in November": since its start
                phrase.first = self._atom(match, "so_far_a", future=False)
                return phrase if phrase.first else None
            unit = match.group().split()[-1].lower()
            phrase.first = self._period_atom(unit, match)
            return phrase
        if role == "until":
            # "by late August", "until the end of June": the nearest such day, past or future
            past = self._atom(match, "until_a", future=False)
            coming = self._atom(match, "until_a", future=True)
            candidates = [atom for atom in (past, coming) if atom is not None]
            if not candidates:
                return None
            phrase.last = min(candidates, key=lambda a: abs((a.day - self.published).days))
            return phrase
        atom_text = match.group("point_a")
        # the patterns below open with "the" or "hours" in any case: most atoms ("Monday",
        # "12 May") open otherwise and are not searched ("ſ" is a case of "s" for re)
        opening = atom_text[:5].lower()
        the = opening.startswith("the")
        if the and _TRAILING_WINDOW.fullmatch(atom_text):
            return self._trailing_window(match, phrase)
        # (no letter other than its own cases matches one of "quarter" for re)
        if "Q" in atom_text and _QUARTER_IN_FIGURES.fullmatch(atom_text):
            figures = _QUARTER_IN_FIGURES.fullmatch(atom_text)
            number, year = (
                figures.group(1) or figures.group(4),
                figures.group(2) or figures.group(3),
            )
            atom_text = f"{_QUARTER_WORDS[number]} quarter of {year}"
        if the and " of " in atom_text and _PART_ATOM.fullmatch(atom_text):
            return self._part_of(phrase, _PART_ATOM.fullmatch(atom_text))
        if ("alf" in atom_text or "H" in atom_text) and _HALF_ATOM.fullmatch(atom_text):
            return self._half(phrase, _HALF_ATOM.fullmatch(atom_text))
        if "quarter" in atom_text.lower():
            quarter = _QUARTER_ATOM.fullmatch(SPACES.sub(" ", atom_text))
            if quarter:
                return self._quarter(phrase, quarter, future)
        atom = self._atom(match, "point_a", future)
        if atom is None:
            return None
        phrase.first = phrase.last = atom
        if (opening == "hours" or "ſ" in opening) and _HOURS_AROUND.match(atom_text):
            phrase.anchor_name = _POSSESSOR.search(atom_text).group(1)
        if the and _BEFORE_PREVIOUS.match(atom_text):
            phrase.relative_to_previous = True
        return phrase

    def _range(self, phrase: DatePhrase, first: DateAtom | None, last: DateAtom | None):
        if first is None or last is None:
            return None
        if first.day > last.day and first.precision != "day":
            first.day = first.day.replace(year=first.day.year - 1)
        if first.day > last.day:
            return None
        phrase.role = "range"
        phrase.first, phrase.last = first, last
        return phrase

    def _month_dash(self, match: re.Match, phrase: DatePhrase, future: bool):
        month = month_number(match.group("md_month"))
        year_text = match.group("md_year")
        days = [int(DIGITS.match(match.group(g)).group()) for g in ("md_a", "md_b")]
        year = int(year_text) if year_text else self._infer_year(month, days[1], future)
        first = DateAtom(
            date(year, month, days[0]), "day", match.group("md_a"), *match.span("md_a")
        )
        last = DateAtom(date(year, month, days[1]), "day", match.group("md_b"), *match.span("md_b"))
        return self._range(phrase, first, last)

    def _quarter(self, phrase: DatePhrase, quarter: re.Match, future: bool) -> DatePhrase:
        """'the second quarter of 2025': its first month to its last; without a year, the
        latest such quarter begun by the publication day (the next one in a future sentence)."""
        first_month = 3 * _QUARTER_NUMBERS[quarter.group(1).lower()] - 2
        year = int(quarter.group(2)) if quarter.group(2) else self.published.year
        if not quarter.group(2) and not quarter.group().lower().endswith("year"):
            if future and date(year, first_month, 1) <= self.published:
                year += 1 if first_month + 2 < self.published.month else 0
            elif not future and date(year, first_month, 1) > self.published:
                year -= 1
        phrase.role = "range"
        phrase.first = DateAtom(
            date(year, first_month, 1), "month", phrase.text, phrase.start, phrase.end
        )
        phrase.last = DateAtom(
            date(year, first_month + 2, 1), "month", phrase.text, phrase.start, phrase.end
        )
        return phrase

    def _half(self, phrase: DatePhrase, half: re.Match) -> DatePhrase:
        """'the first half of 2025': January to June; 'H2 2024': July to December; 'of this
        year' (or of the year) the publication's year, 'of last year' the one before."""
        first_half = bool(half.group(1)) or "1" in (half.group(4) or "", half.group(7) or "")
        year_text = half.group(2) or half.group(5) or half.group(6)
        year = int(year_text) if year_text else self.published.year - bool(half.group(3))
        first_month = 1 if first_half else 7
        phrase.role = "range"
        phrase.first = DateAtom(
            date(year, first_month, 1), "month", phrase.text, phrase.start, phrase.end
        )
        phrase.last = DateAtom(
            date(year, first_month + 5, 1), "month", phrase.text, phrase.start, phrase.end
        )
        return phrase

    def _part_of(self, phrase: DatePhrase, part: re.Match) -> DatePhrase:
        """'the first two weeks of October': 1 to 14 October; 'the last ten days of May': 22
        to 31 May; 'the first three months of 2025': January to March."""
        first = part.group("edge").lower() in ("first", "opening")
        count = int(parse_number(part.group("count")) or 1)
        unit = (part.group("unit") or part.group("unit_m")).lower()
        if unit == "months":
            year, count = int(part.group("year_alone")), min(count, 12)
            months = (1, count) if first else (13 - count, 12)
            start, end, precision = date(year, months[0], 1), date(year, months[1], 1), "month"
        else:
            month = month_number(part.group("month"))
            year_text = part.group("year")
            year = int(year_text) if year_text else self._infer_year(month, 1, False)
            month_days = calendar.monthrange(year, month)[1]
            days = min(month_days, count * (7 if unit == "weeks" else 1))
            first_day = 1 if first else month_days - days + 1
            start = date(year, month, first_day)
            end, precision = start + timedelta(days=days - 1), "day"
        phrase.role = "range"
        phrase.first = DateAtom(start, precision, phrase.text, phrase.start, phrase.end)
        phrase.last = DateAtom(end, precision, phrase.text, phrase.start, phrase.end)
        return phrase

    def _trailing_window(self, match: re.Match, phrase: DatePhrase) -> DatePhrase:
        """'in the past 24 hours', 'over the last three weeks': up to the publication day."""
        words = [w for w in match.group("point_a").lower().split() if w not in _YEAR_KINDS]
        unit = words[-1].rstrip("s")
        count = parse_number(words[-2]) if len(words) > 3 else 1.0
        if count is None:
            count = 7.0 if words[-2] in ("few", "several") else 1.0
        days = max(1, round(count * UNIT_DAYS[unit]))
        start_day = self.published - timedelta(days=days)
        phrase.role = "range"
        phrase.first = DateAtom(start_day, "day", phrase.text, phrase.start, phrase.end)
        phrase.last = DateAtom(self.published, "day", phrase.text, phrase.start, phrase.end)
        return phrase

    def _atom(
        self, match: re.Match, group: str, future: bool, reference: DateAtom | None = None
    ) -> DateAtom | None:
        text = match.group(group)
        start, end = match.span(group)
        if _RELATIVE_TO_PREVIOUS.search(text):
            parsed = self.parse_atom(text, future, reference)
            if parsed is None:
                return None
            day, precision = parsed
            return DateAtom(canonical_start(day, precision), precision, text, start, end)
        found = _canonical_atom(
            self.published, text, future, reference.day if reference is not None else None
        )
        if found is None:
            return None
        return DateAtom(found[0], found[1], text, start, end)

    def _period_atom(self, unit: str, match: re.Match) -> DateAtom:
        precision = {"week": "week", "month": "month", "year": "year"}[unit]
        day = self.published
        if unit == "week":
            day = on_or_before(day, MO.weekday)
        return DateAtom(canonical_start(day, precision), precision, match.group(), *match.span())


# "the week before": the only atoms whose day depends on the dates read before them.
_RELATIVE_TO_PREVIOUS = re.compile(
    r"(?i)\bthe\s+(?:(?:week|day|month)\s+before|previous\s+(?:week|day|month))"
)


@functools.lru_cache(maxsize=8192)
def _canonical_atom(
    published: date, text: str, future: bool, reference_day: date | None
) -> tuple[date, str] | None:
    """(stored day, precision) of an atom that does not depend on earlier dates; reports
    repeat their dates ("Tuesday", "June 2024"), so each is parsed once."""
    reference = DateAtom(reference_day, "day", "", 0, 0) if reference_day is not None else None
    parsed = DateResolver(published).parse_atom(text, future, reference)
    if parsed is None:
        return None
    day, precision = parsed
    return canonical_start(day, precision), precision


# the longest word of each, from the same list ("in the next": "next", not "in")
_FUTURE_HINTS = tuple(
    dict.fromkeys("due" if word in _DUE_TO else max(word.split(), key=len) for word in _FUTURE)
)
# in lower case, for a search of a lower-cased text (a superset of the sentences that hold one)
FUTURE_HINTS = tuple(sorted({hint.lower() for hint in _FUTURE_HINTS}))


def is_future(sentence: str) -> bool:
    # most sentences hold none of the words: a few substring tests spare the regex scan
    for hint in _FUTURE_HINTS:
        if hint in sentence:
            return FUTURE_WORDS.search(sentence) is not None
    return False


# A quarter named by what it refers to, not by its number: "in the quarter" (the one the
# report or the sentence covers), "the same quarter of 2024" (those months in that year)
_THE_QUARTER = re.compile(
    r"\b(?:in|during|over|for|this)\s+(?:the\s+)?quarter\b(?!\s+of\b)|\bthe\s+same\s+quarter\s+"
    rf"(?:of|in)\s+(?P<year>{YEAR})\b",
    re.IGNORECASE,
)


def is_quarter_range(phrase: DatePhrase) -> bool:
    """Is the phrase a range of three months ("between April and June 2025", "July–September
    2025"), a quarter another phrase may refer to?"""
    first, last = phrase.first, phrase.last
    if phrase.role != "range" or first is None or last is None or first.precision != "month":
        return False
    months = (last.day.year - first.day.year) * 12 + last.day.month - first.day.month
    return months == 2 and last.precision == "month"


def _a_baseline(text: str, phrase: DatePhrase) -> bool:
    """Is the range what a figure is compared with ("14 percent more than in April–June",
    "compared with July–September 2024"), not the quarter the sentence is about?"""
    before = text[max(0, phrase.start - 48) : phrase.start]
    return "than " in before[-14:] or "compared" in before or "relative" in before


def quarters_referred_to(
    text: str, start: int, end: int, phrases: list[DatePhrase], reference: DatePhrase | None
) -> list[DatePhrase]:
    """The sentence text[start:end]'s phrases with "in the quarter" and "the same quarter of
    2024" read against the quarter they refer to: a range of three months in the sentence,
    else `reference` (the report's own, from its head). Call only when "quarter" is in it."""
    own = (
        next((p for p in phrases if is_quarter_range(p) and not _a_baseline(text, p)), None)
        or reference
    )
    if own is None:
        return phrases
    first, last = own.first.day, own.last.day
    found = []
    for match in _THE_QUARTER.finditer(text, start, end):
        year = match.group("year")
        if year:  # "against 11 in the same quarter of 2024"
            a, b = (
                date(int(year), first.month, 1),
                date(int(year) + last.year - first.year, last.month, 1),
            )
        elif own is reference:  # "in the quarter": the report's; a sentence's own range says it
            a, b = first, last
        else:
            continue
        phrase = DatePhrase(match.start(), match.end(), match.group(), "range")
        phrase.first = DateAtom(a, "month", phrase.text, phrase.start, phrase.end)
        phrase.last = DateAtom(b, "month", phrase.text, phrase.start, phrase.end)
        found.append(phrase)
    if not found:
        return phrases
    # a year read inside "the same quarter of 2024" gives way to the quarter
    kept = [p for p in phrases if not any(f.start <= p.start and p.end <= f.end for f in found)]
    return sorted(kept + found, key=lambda p: p.start)


# "since the ceasefire": an event the report has dated before, named without a date
_SINCE_DATED_EVENTS: dict[str, str] = vocabulary.words("since_dated_events", "dates")
_SINCE_THE_EVENT = re.compile(
    r"\b[Ss]ince\s+the\s+(?P<noun>" + "|".join(_SINCE_DATED_EVENTS) + r")\b(?!\s+(?:of|in|on)\b)"
)


def since_dated_events(
    text: str, start: int, end: int, phrases: list[DatePhrase], start_of
) -> list[DatePhrase]:
    """The periods "since the ceasefire" opens in text[start:end] when the phrase has no date
    of its own: from the start of the last event of that kind the report dated, which
    `start_of(kind)` gives as (day, precision) or None. Call only where "ince the " is."""
    found = []
    for match in _SINCE_THE_EVENT.finditer(text, start, end):
        if any(match.end() <= p.start <= match.end() + 40 for p in phrases):
            continue  # "since the war began in April 2023": dated here
        when = start_of(_SINCE_DATED_EVENTS[match.group("noun").lower()])
        if when is None:
            continue
        phrase = DatePhrase(match.start(), match.end(), match.group(), "since")
        phrase.first = DateAtom(when[0], when[1], phrase.text, phrase.start, phrase.end)
        found.append(phrase)
    return sorted(phrases + found, key=lambda p: p.start) if found else phrases
