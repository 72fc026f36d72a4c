"""Date phrases in report text: fuzzy ("early March"), relative ("Wednesday", "last week"),
ranges ("between the mornings of 3 and 6 June") and anaphoric ("since then").

`find_date_phrases` finds every phrase of a text in one regex pass; `resolve` turns one phrase
into dates with precisions (see `indicators.dates`) against the report's publication day.
A month or weekday without a year is the latest one on or before that day, unless the
sentence speaks of the future ("will", "expected", "by late August ... could").
"""

from __future__ import annotations

import calendar
import functools
import re
from dataclasses import dataclass
from datetime import date, timedelta

from dateutil.relativedelta import FR, MO, SA, SU, TH, TU, WE, relativedelta

from indicators.dates import canonical_start
from indicators.extract import vocabulary
from indicators.extract.hints import ANYTHING, DASH, DIGIT, SPACE, SPACE_OR_DASH, word_starts
from indicators.extract.number_words import parse_number
from indicators.extract.patterns import (
    bounded_trie_pattern,
    candidate_starts,
    find_words,
    lowered,
    starts_pattern,
    trie_pattern,
    whole_word_spans,
)

# Each month's spellings, its full name first (dates.json).
_MONTH_SPELLINGS = tuple(
    (name, *abbreviations) for name, abbreviations in vocabulary.words("months", "dates").items()
)
MONTHS = {name: number for number, names in enumerate(_MONTH_SPELLINGS, start=1) for name in names}
MONTH_NAMES = tuple(names[0] for names in _MONTH_SPELLINGS)
WEEKDAYS = dict(
    zip(vocabulary.words("weekdays", "dates"), (MO, TU, WE, TH, FR, SA, SU), strict=True)
)


_ONE_DAY = timedelta(days=1)


def on_or_before(day: date, weekday: int) -> date:
    """The last `weekday` (0 for Monday) on or before `day`, as day + relativedelta(weekday=
    WD(-1)) gives it, without relativedelta's general arithmetic (some 50 us a call)."""
    return day - timedelta(days=(day.weekday() - weekday) % 7)


def on_or_after(day: date, weekday: int) -> date:
    """The first `weekday` on or after `day`: day + relativedelta(weekday=WD(+1))."""
    return day + timedelta(days=(weekday - day.weekday()) % 7)


def month_number(name: str) -> int:
    """'Sept.', 'MARCH', 'May' -> 9, 3, 5 (a name as `_MONTH` matches it)."""
    return MONTHS[name.rstrip(".").capitalize()]


UNIT_DAYS = {"hour": 1 / 24, "day": 1, "week": 7, "month": 30, "year": 365}

# Month names as written in text: title case, and capitals as headings have them ("MARCH").
# Lower case is not a month: "may", "march" are verbs.
_FULL_MONTHS = [name for name in MONTHS if len(name) > 4 or name in ("May", "June", "July")]
_SHORT_MONTHS = [name for name in MONTHS if name not in _FULL_MONTHS]
_FULL_MONTHS += [name.upper() for name in _FULL_MONTHS]
_SHORT_MONTHS += [name.upper() for name in _SHORT_MONTHS]
_MONTH_FORMS = _FULL_MONTHS + _SHORT_MONTHS
# as tries (see `patterns.trie_pattern`): the month is tried in every atom of DATE_PHRASE
_MONTH = (
    r"(?:" + trie_pattern(set(_FULL_MONTHS)) + r"\b"
    r"|" + trie_pattern(set(_SHORT_MONTHS)) + r"(?:\.|\b))"
)
_WEEKDAY = r"(?:" + "|".join(WEEKDAYS) + r")\b"
_YEAR = r"(?:19|20)\d{2}(?!\d|,\d)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
_PART_OF_DAY = r"(?:morning|afternoon|evening|night)"
_NUMWORD = r"(?:\d+|a\s+few|a\s+couple\s+of|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|few|several|couple\s+of)"
_UNIT = r"(?:hours?|days?|weeks?|months?|years?)"
# "the past two weeks", "three weeks ago": the words a window back from the report's day
# opens or closes with (dates.json), also the hint that a plural unit may be part of one
_WINDOW_OPENERS_WORDS: list[str] = vocabulary.words("window_openers", "dates")
_WINDOW_CLOSERS_WORDS: list[str] = vocabulary.words("window_closers", "dates")
_WINDOW_OPENERS = vocabulary.alternatives(_WINDOW_OPENERS_WORDS)
_WINDOW_CLOSERS = vocabulary.alternatives(_WINDOW_CLOSERS_WORDS)
# The words before a month that narrow it (any case; see FUZZY_PRECISIONS).
# Lower case or capitalised ("Early March"); a case-insensitive group would be tried letter
# by letter, several times slower.
_FUZZY = (
    r"(?:[Ee]arly|[Mm]id|[Ll]ate|[Ee]nd(?=-)|(?:[Tt]he\s+)?(?:[Bb]eginning|[Ss]tart|[Mm]iddle|[Ee]nd)\s+of"
    r"|[Tt]he\s+(?:first|second|third|fourth|last|final)\s+(?:week|half)\s+of"
    r"|[Tt]he\s+(?:first|last|final|closing|opening)\s+(?:few\s+)?days\s+of)"
)

# A week of the year as surveillance bulletins number them ("epidemiological week 36", "in
# week 35 of 2025"), and a quarter of a year ("the second quarter of 2025"): a range of months.
# ("EW 30", "epidemiological week (EW) 1" in epidemiological updates)
_WEEK_NUMBER = (
    r"(?:(?i:week)(?:\s+\(EW\))?|EW)\s+"
    rf"(?:[1-4]\d|5[0-3]|0?[1-9])(?!\d|[.,]\d)(?:,?\s+(?:of\s+)?{_YEAR})?"
)
_QUARTER = rf"(?i:the\s+)?(?i:first|second|third|fourth)\s+(?i:quarter)(?:\s+of\s+(?:{_YEAR}|(?i:the|this)\s+year))?"
# An atom is one date; each alternative is tried in this order at a position.
ATOM = rf"""(?:
    \d{{4}}-\d{{2}}-\d{{2}}
  | {_WEEK_NUMBER}
  | {_QUARTER}
  | {_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?
  | {_MONTH}\s+{_DAY}(?:,?\s+{_YEAR})?
  | {_FUZZY}[\s-]+{_MONTH}(?:,?\s+{_YEAR})?
  | (?:[Ee]arly|[Mm]id|[Ll]ate)[\s-]+{_YEAR}
  | {_MONTH}(?:,?\s+{_YEAR})?
  | (?:(?i:last|this|next)\s+)?{_WEEKDAY}(?:\s+{_PART_OF_DAY})?
  | (?i:yesterday|today|tonight|overnight|last\s+night|this\s+(?:morning|afternoon|evening))
  | (?i:(?:earlier|later)\s+this\s+(?:week|month|year))
  | (?i:(?:at\s+)?the\s+(?:start|beginning|end)\s+of\s+(?:the|this|last)\s+year)
  | (?i:the\s+(?:week|day|month)\s+before|the\s+previous\s+(?:week|day|month))
  | (?i:the\s+same\s+(?:period|time)\s+(?:a\s+year\s+(?:earlier|ago|before)|(?:of\s+)?last\s+year))
  | (?i:{_NUMWORD}\s+{_UNIT}\s+(?:{_WINDOW_CLOSERS}))
  | (?i:(?:last|this|next|past)\s+(?:week|month|year|weekend))
  | (?i:the\s+(?:{_WINDOW_OPENERS})\s+(?:{_NUMWORD}\s+)?(?:(?:school|academic)\s+)?{_UNIT})
  | (?i:hours\s+(?:before|after))\s+[A-Z][\w-]+(?:’s|'s)\s+(?:statement|announcement|remarks|speech|briefing)
  | {_YEAR}
)"""
BARE_DAY = rf"{_DAY}"
# "since the war began in April 2023", "since fighting escalated in November 2023"
# (a trie: the verb is tried after each of the words that may follow "since")
_SINCE_EVENT_VERBS = trie_pattern(set(vocabulary.words("since_event_verbs", "dates")))

# A phrase is an atom with the words that give it a role: a range, a start, an end, a point.
DATE_PHRASE = re.compile(
    rf"""(?<![\w-])(?:
    (?P<range>(?i:between)\s+(?:the\s+{_PART_OF_DAY}s?\s+of\s+|(?i:epidemiological|epi)\s+)?
        (?P<range_a>{ATOM}|{BARE_DAY})\s+and\s+(?:the\s+{_PART_OF_DAY}\s+of\s+)?(?P<range_b>{ATOM}))
  | (?P<from_range>(?i:from)\s+(?P<from_a>{ATOM}|{BARE_DAY})\s+(?i:to|until|till|through)\s+(?P<from_b>{ATOM}))
  | (?P<week_range>(?:(?i:in|during|for|over)\s+)?(?P<week_a>{_WEEK_NUMBER})\s*(?i:to|[-–])\s*(?P<week_b>{_WEEK_NUMBER}))
  | (?P<dash_range>(?P<dash_a>{_DAY})\s?[-–]\s?(?P<dash_b>{_DAY}\s+{_MONTH}(?:,?\s+{_YEAR})?))
  | (?P<month_dash>(?P<md_month>{_MONTH})\s+(?P<md_a>{_DAY})\s?[-–]\s?(?P<md_b>{_DAY})(?:,?\s+(?P<md_year>{_YEAR}))?)
  | (?P<since_event>(?i:(?:ever\s+)?since)\s+(?:the\s+)?(?:[\w’'-]+\s+){{1,6}}?(?i:{_SINCE_EVENT_VERBS})
        (?:\s+[\w’'-]+){{0,5}}?\s+(?:(?i:on|in)\s+)?(?P<since_event_a>{ATOM}))
  | (?P<since>(?i:(?:ever\s+)?since|starting(?:\s+on)?|beginning(?:\s+on)?)\s+(?P<since_a>(?i:then|the\s+morning)|{ATOM}))
  | (?P<from_start>(?i:from)\s+(?P<from_start_a>(?:(?i:this|next)\s+)?{_WEEKDAY}
        |{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?|{_MONTH}\s+{_DAY}(?:,?\s+{_YEAR})?))
  | (?P<so_far>(?i:so\s+far\s+this\s+(?:week|month|year)|so\s+far\s+in\s+{_YEAR}))
  | (?P<until>(?i:by|until|till|through)\s+(?P<until_a>{ATOM}))
  | (?P<point>(?:(?i:in|on|during|as\s+of|at|of|for|over)\s+)?(?P<point_a>{ATOM}))
)(?![\w-])""",
    re.VERBOSE,
)

# Lower case only ("May" is a month); "could not afford" speaks of the past, so modal verbs
# other than "will" do not count.
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_BARE_DAY = re.compile(BARE_DAY)
_DAY_MONTH = re.compile(rf"({_DAY}) (?:of )?({_MONTH})(?:,? ({_YEAR}))?")
_MONTH_DAY = re.compile(rf"({_MONTH}) ({_DAY})(?:,? ({_YEAR}))?")
_FUZZY_MONTH = re.compile(rf"(.+?)[ -]({_MONTH})(?:,? ({_YEAR}))?")
_FUZZY_YEAR = re.compile(rf"(?:early|mid|late)[ -]({_YEAR})")
_MONTH_ONLY = re.compile(rf"({_MONTH})(?:,? ({_YEAR}))?")
_YEAR_ONLY = re.compile(_YEAR)
_WEEKDAY_ATOM = re.compile(rf"(?:(last|this|next) )?({_WEEKDAY})(?: {_PART_OF_DAY})?", re.I)
_WEEK_NUMBER_ATOM = re.compile(rf"(?:week(?: \(ew\))?|ew) (\d+)(?:,? (?:of )?({_YEAR}))?", re.I)
_QUARTER_ATOM = re.compile(
    rf"(?:the )?(first|second|third|fourth) quarter(?: of (?:({_YEAR})|th(?:e|is) year))?", re.I
)
_QUARTER_NUMBERS = {"first": 1, "second": 2, "third": 3, "fourth": 4}

# "the past 24 hours", "the last three weeks" (all of it: "the last week of March" is a
# fuzzy month, not a trailing window)
_YEAR_KINDS = ("school", "academic")  # "the past two school years": two years
_TRAILING_WINDOW = re.compile(
    rf"(?i)the\s+(?:past|last)\s+(?:{_NUMWORD}\s+)?(?:(?:school|academic)\s+)?{_UNIT}"
)
_HOURS_AROUND = re.compile(r"(?i)hours\s+(?:before|after)")
_POSSESSOR = re.compile(r"([A-Z][\w-]+)(?:’s|'s)")
_BEFORE_PREVIOUS = re.compile(r"(?i)the\s+(?:week|day|month)\s+before|the\s+previous")
_DIGITS = re.compile(r"\d+")
_SPACES = re.compile(r"\s+")

_FUTURE = vocabulary.words("future_words")
FUTURE_WORDS = re.compile(
    r"\b(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in _FUTURE) + r")\b"
)


@dataclass(slots=True)
class DateAtom:
    day: date
    precision: str
    text: str
    start: int
    end: int


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


_ANCHOR_WORDS = (
    _MONTH_FORMS
    + list(WEEKDAYS)
    + [word.capitalize() for word in vocabulary.words("capitalised_anchor_words", "dates")]
    + vocabulary.words("anchor_words", "dates")
)


def _by_length(words: list[str]) -> dict[int, list[str]]:
    grouped: dict[int, list[str]] = {}
    for word in words:
        grouped.setdefault(len(word), []).append(word)
    return grouped


# Where a digit run can be part of a date phrase: inside a word or after a dash (a name, the
# parts of "2024-05-01" or "3-6 June"), after a month ("June 15"), as four digits (a year),
# before a unit ("ten days ago", "the past 24 hours"), or as one or two digits before a month,
# a dash, "and" or "to" (a day). Tested at the run's first digit, after consuming it.
_DATE_DIGITS = (
    r"(?=\d?(?!\d)(?:st|nd|rd|th)?(?:\s+(?:of\s+)?"
    + _MONTH
    + r"|\s?[-–]|\s+(?i:and|to|until|till|through)\b))"
    r"|(?=\d{3}(?!\d))"
    r"|(?=\d*\s+(?i:hours?|days?|weeks?|months?|years?)\b)"
    r"|(?<=(?:[^\W\d]|[-–])\d)|(?<=[-–]\s\d)|(?<=\s\s\d)|"
    # one lookbehind per length of "June ", "Sept. ", ...: a lookbehind has a fixed width
    + "|".join(
        "(?<=(?:" + "|".join(re.escape(form) for form in sorted(forms)) + r")\s\d)"
        for forms in _by_length(
            list(MONTHS) + [f"{month}." for month in MONTHS if len(month) <= 4]
        ).values()
    )
)
# Where a date phrase can be: a digit or one of these words. The phrase pattern is tried at
# the anchor and up to five words before it ("at the start of the year"). Only the first
# digit of a run is an anchor: a phrase cannot start inside a number. Group `datelike` says
# whether the digits can be part of a date (see _DATE_DIGITS).
DATE_ANCHOR = re.compile(
    rf"(?P<digit>\d(?<!\d\d))(?P<datelike>{_DATE_DIGITS})?|\b(?=[a-zA-Z])"
    + trie_pattern(set(_ANCHOR_WORDS))
    + r"\b"
)
# DATE_ANCHOR as two patterns that each open with a character set, which re scans for at C
# speed: digits, then the words (see `date_anchors`).
_DIGIT_ANCHOR = re.compile(rf"\d(?<!\d\d)(?P<datelike>{_DATE_DIGITS})?")
_PLURAL_UNIT_WORDS = frozenset({"days", "weeks", "months", "years"})
# the plural units are found by str.find (see `numbers.find_words`): in the trie, "days"
# would make re try it at every "d" of the text
_WORD_ANCHOR_FORMS = frozenset(_ANCHOR_WORDS) - _PLURAL_UNIT_WORDS
_WORD_ANCHOR = re.compile(bounded_trie_pattern(_WORD_ANCHOR_FORMS))
# The same words in lower case, for the `lowered` text: a smaller trie, faster to scan; a word
# found there is kept when the text has it in one of the forms above ("March", not "march").
_WORD_ANCHOR_LOWER = re.compile(bounded_trie_pattern({w.lower() for w in _WORD_ANCHOR_FORMS}))


def date_anchors(
    text: str, start: int = 0, end: int | None = None, lower: str | None = None
) -> list[tuple[int, bool]]:
    """Where DATE_ANCHOR matches in text[start:end], in order, each with whether it is a digit
    that cannot be part of a date (group `digit` set, `datelike` not). The two kinds never
    overlap: a digit anchor is one digit, and the words hold none. `lower` is the `lowered`
    text (up to `end` at least), when the caller has it."""
    end = len(text) if end is None else end
    found = [
        (m.start(), m.group("datelike") is None) for m in _DIGIT_ANCHOR.finditer(text, start, end)
    ]
    lower = lowered(text) if lower is None else lower
    if lower is None:
        found += [(m.start(), False) for m in _WORD_ANCHOR.finditer(text, start, end)]
    else:
        forms = _WORD_ANCHOR_FORMS
        found += [
            (s, False) for s, e in _word_anchors_lower(lower, start, end) if text[s:e] in forms
        ]
    found += [
        (position, False)
        for position in find_words(text, _PLURAL_UNIT_WORDS, tuple(_PLURAL_UNIT_WORDS), start, end)
    ]
    found.sort()
    return found


_WORD_ANCHOR_WORDS_LOWER = tuple(sorted({w.lower() for w in _WORD_ANCHOR_FORMS}))


def _word_anchors_lower(lower: str, start: int, end: int) -> list[tuple[int, int]]:
    """_WORD_ANCHOR_LOWER's spans in lower[start:end], found in one pass (`whole_word_spans`)."""
    return whole_word_spans(lower, _WORD_ANCHOR_WORDS_LOWER, start, end)


# The words DATE_PHRASE can begin with (any case), read off the pattern itself (see
# `hints.word_starts`): its role words, the first words of its atoms, a digit, a month or a
# weekday, each with what may follow it. Other words before an anchor are not tried.
_DATE_WORD_STARTS = word_starts(DATE_PHRASE)
_DATE_STARTERS = "|".join(
    DIGIT if follow == DIGIT else f"(?:{trie_pattern(_DATE_WORD_STARTS[follow])}){follow}"
    for follow in (DIGIT, SPACE, SPACE_OR_DASH, DASH, ANYTHING)
    if follow in _DATE_WORD_STARTS
)
_DATE_STARTS = starts_pattern(_DATE_STARTERS, re.IGNORECASE)
_DATE_STARTS_LOWER = starts_pattern(_DATE_STARTERS)  # for the lower-cased text


def find_date_phrases(text: str, start: int = 0, end: int | None = None) -> list[re.Match]:
    end = len(text) if end is None else end
    found: list[re.Match] = []
    position = start
    # word starts are looked up in the lower-cased text when its offsets hold
    lower = lowered(text[:end])
    starts_text, starts = (text, _DATE_STARTS) if lower is None else (lower, _DATE_STARTS_LOWER)
    tried: dict[int, re.Match | None] = {}
    for anchor, plain_digits in date_anchors(text, start, end, lower):
        if anchor < position:
            continue
        if plain_digits and not _since_before(text, anchor, position, lower):
            continue  # "146 aid workers", "45%": no date phrase holds these digits
        if text.startswith(_PLURAL_UNITS, anchor) and not _window_words_near(
            lower if lower is not None else text.lower(), anchor
        ):
            continue  # "days", "weeks" open no date phrase but "the past two weeks", "... ago"
        for candidate in candidate_starts(starts_text, anchor, position, 5, starts):
            # a start tried for an earlier anchor gives the same match again (windows overlap)
            match = tried.get(candidate, _UNTRIED)
            if match is _UNTRIED:
                match = tried[candidate] = DATE_PHRASE.match(text, candidate, end)
            if match is not None and match.end() > anchor:
                found.append(match)
                position = match.end()
                break
    return found


_UNTRIED = object()
# "would" before "from Sunday" speaks of what is to come, as reported speech does
_WOULD = re.compile(r"\b(?:would|will)\b")
_SINCE = re.compile(r"since", re.IGNORECASE)
_PLURAL_UNITS = ("days", "weeks", "months", "years", "Days", "Weeks", "Months", "Years")
# a plural unit is part of a date phrase only in a window back from the report's day
_WINDOW_WORDS = tuple(_WINDOW_OPENERS_WORDS + _WINDOW_CLOSERS_WORDS)


def _window_words_near(lower: str, anchor: int) -> bool:
    """Can a plural unit at `anchor` be part of a date phrase: "the past two school years",
    "three weeks ago"? Only with one of these words near it."""
    window = lower[max(0, anchor - 40) : anchor + 16]
    return any(word in window for word in _WINDOW_WORDS)


def _since_before(text: str, anchor: int, floor: int, lower: str | None = None) -> bool:
    """Is there a "since" in reach of the anchor (where `candidate_starts` looks)? Any words,
    digits too, may stand between "since the" and "began" ("since the 2 sides began in March").
    `lower`, the `lowered` text when there is one, is searched with str.find."""
    window = max(floor, anchor - 60)
    window = max(window, text.rfind("\n", window, anchor) + 1)
    if lower is not None:
        return lower.find("since", window, anchor) >= 0
    return _SINCE.search(text, window, anchor) is not None


class DateResolver:
    """Resolves phrases in document order, remembering the last date for "since then"."""

    def __init__(self, published: date) -> None:
        self.published = published
        self.last_date: DateAtom | None = None

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
            phrase.first = self._atom(match, "since_a", future=False)
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
        if "quarter" in atom_text.lower():
            quarter = _QUARTER_ATOM.fullmatch(_SPACES.sub(" ", atom_text))
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
        days = [int(_DIGITS.match(match.group(g)).group()) for g in ("md_a", "md_b")]
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

    # ---------------------------------------------------------------- one atom

    def parse_atom(
        self, text: str, future: bool = False, reference: DateAtom | None = None
    ) -> tuple[date, str] | None:
        """('early March', ...) -> (date(2025, 3, 1), 'early-month')."""
        text = _SPACES.sub(" ", text.strip())
        lower = text.lower()
        published = self.published
        iso = _ISO.fullmatch(text)
        if iso:
            return date(int(iso[1]), int(iso[2]), int(iso[3])), "day"
        if reference is not None and _BARE_DAY.fullmatch(text):
            day_number = int(_DIGITS.match(text).group())
            return reference.day.replace(day=day_number), "day"
        day_month = _DAY_MONTH.fullmatch(text)
        month_day = _MONTH_DAY.fullmatch(text) if day_month is None else None
        if day_month or month_day:
            if day_month:
                day_text, month_text, year_text = day_month.groups()
            else:
                month_text, day_text, year_text = month_day.groups()
            month = month_number(month_text)
            day_number = int(_DIGITS.match(day_text).group())
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
            return self._numbered_week(int(week_number.group(1)), week_number.group(2), future)
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

    def _numbered_week(self, number: int, year_text: str | None, future: bool):
        """Week `number` of the ISO calendar, as (its Monday, 'week'); without a year, the
        latest such week begun by the publication day (the next one in a future sentence)."""
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
        match = re.fullmatch(rf"({_NUMWORD}) ({_UNIT}) (?:ago|earlier)", lower)
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
    words = _SPACES.sub(" ", words.strip().lower())
    words = words.removeprefix("the ").replace(" few ", " ")
    return words


_FUTURE_HINTS = tuple(word.split()[0] for word in _FUTURE)  # from the same list
# in lower case, for a search of a lower-cased text (a superset of the sentences that hold one)
FUTURE_HINTS = tuple(sorted({hint.lower() for hint in _FUTURE_HINTS}))


def is_future(sentence: str) -> bool:
    # most sentences hold none of the words: a few substring tests spare the regex scan
    for hint in _FUTURE_HINTS:
        if hint in sentence:
            return FUTURE_WORDS.search(sentence) is not None
    return False
