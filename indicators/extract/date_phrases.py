"""The date phrases of report text and the one scan that finds them.

Month and weekday names (dates.json), the regex fragments a date is written with (a day, a
month, a year, a weekday), DATE_PHRASE (an atom with the words that give it a role: a range, a
start, an end, a point), and `find_date_phrases`, which tries DATE_PHRASE only at the few places
DATE_ANCHOR points to. Turning a phrase into dates is `dates.DateResolver`'s work; the
fragments are shared with it so that both read a date the same way.
"""

from __future__ import annotations

import re

from dateutil.relativedelta import FR, MO, SA, SU, TH, TU, WE

from indicators.extract import vocabulary
from indicators.extract.hints import ANYTHING, DASH, DIGIT, SPACE, SPACE_OR_DASH, word_starts
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


def month_number(name: str) -> int:
    """'Sept.', 'MARCH', 'May' -> 9, 3, 5 (a name as `MONTH` matches it)."""
    return MONTHS[name.rstrip(".").capitalize()]


# Month names as written in text: title case, and capitals as headings have them ("MARCH").
# Lower case is not a month: "may", "march" are verbs.
_FULL_MONTHS = [name for name in MONTHS if len(name) > 4 or name in ("May", "June", "July")]
_SHORT_MONTHS = [name for name in MONTHS if name not in _FULL_MONTHS]
_FULL_MONTHS += [name.upper() for name in _FULL_MONTHS]
_SHORT_MONTHS += [name.upper() for name in _SHORT_MONTHS]
_MONTH_FORMS = _FULL_MONTHS + _SHORT_MONTHS
# as tries (see `patterns.trie_pattern`): the month is tried in every atom of DATE_PHRASE
MONTH = (
    r"(?:" + trie_pattern(set(_FULL_MONTHS)) + r"\b"
    r"|" + trie_pattern(set(_SHORT_MONTHS)) + r"(?:\.|\b))"
)
WEEKDAY = r"(?:" + "|".join(WEEKDAYS) + r")\b"
YEAR = r"(?:19|20)\d{2}(?!\d|,\d)"
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
PART_OF_DAY = r"(?:morning|afternoon|evening|night)"
NUMWORD = r"(?:\d+|a\s+few|a\s+couple\s+of|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|few|several|couple\s+of)"
UNIT = r"(?:hours?|days?|weeks?|months?|years?)"
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
    r"(?:(?:(?i:epidemiological|epi)\s+)?(?i:week)(?:\s+\(EW\))?|EW)\s+"
    rf"(?:[1-4]\d|5[0-3]|0?[1-9])(?!\d|[.,]\d)(?:,?\s+(?:of\s+)?{YEAR})?"
)
_QUARTER = (
    rf"(?i:the\s+)?(?i:first|second|third|fourth)\s+(?i:quarter)(?:\s+of\s+(?:{YEAR}|(?i:the|this)\s+year))?"
    # as tables and dashboards write it: "Q3 2025", "Q3-2025", "2025 Q3"
    rf"|Q[1-4](?:\s?[-/]\s?|\s+(?:of\s+)?){YEAR}|{YEAR}[\s-]Q[1-4](?!\w)"
)
# a half of a year ("the first half of 2025", "H2 2024"): its six months
_HALF = (
    rf"(?i:the\s+)?(?i:first|second)\s+(?i:half)\s+of\s+(?:{YEAR}|(?i:the|this|last)\s+year)"
    rf"|H[12](?:\s?[-/]\s?|\s+(?:of\s+)?){YEAR}|{YEAR}[\s-]H[12](?!\w)"
)
# the first or last days, weeks or months of a month or year ("in the first two weeks of
# October", "the last ten days of May", "the first three months of 2025"): that part of it
_PART_COUNT = r"(?:\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_PART_OF = (
    rf"(?i:the\s+(?:first|last|final|opening|closing))\s+(?i:{_PART_COUNT})\s+"
    rf"(?:(?i:days|weeks)\s+of\s+{MONTH}(?:,?\s+{YEAR})?|(?i:months)\s+of\s+{YEAR})"
)
# A date in figures, day first as agencies write it ("15/09/2025", "15.09.2025", "15-09-2025";
# "09/15/2025" only where the first number cannot be a day of a twelve-month year's month)
_DAY_OR_MONTH = r"(?:[12]\d|3[01]|0?[1-9])"
_NUMERIC_DATE = "|".join(
    rf"{_DAY_OR_MONTH}{sep}{_DAY_OR_MONTH}{sep}(?:19|20)\d\d(?!\d)" for sep in ("/", r"\.", "-")
)
# An atom is one date; each alternative is tried in this order at a position.
ATOM = rf"""(?:
    \d{{4}}-\d{{2}}-\d{{2}}
  | (?:{_NUMERIC_DATE})
  | {_WEEK_NUMBER}
  | {_QUARTER}
  | {_HALF}
  | {_PART_OF}
  | {DAY}\s+(?:of\s+)?{MONTH}(?:,?\s+{YEAR})?
  | {MONTH}\s+{DAY}(?:,?\s+{YEAR})?
  | {_FUZZY}[\s-]+{MONTH}(?:,?\s+{YEAR})?
  | (?:[Ee]arly|[Mm]id|[Ll]ate|(?i:the\s+(?:beginning|start|middle|end)\s+of))[\s-]+{YEAR}
  | {MONTH}(?:,?\s+{YEAR})?
  | (?:(?i:last|this|next)\s+)?{WEEKDAY}(?:\s+{PART_OF_DAY})?
  | (?i:yesterday|today|tonight|overnight|last\s+night|this\s+(?:morning|afternoon|evening))
  | (?i:(?:earlier|later)\s+this\s+(?:week|month|year))
  | (?i:(?:at\s+)?the\s+(?:start|beginning|end)\s+of\s+(?:the|this|last)\s+year)
  | (?i:the\s+(?:week|day|month)\s+before|the\s+previous\s+(?:week|day|month))
  | (?i:the\s+same\s+(?:period|time)\s+(?:a\s+year\s+(?:earlier|ago|before)|(?:of\s+)?last\s+year))
  | (?i:{NUMWORD}\s+{UNIT}\s+(?:{_WINDOW_CLOSERS}))
  | (?i:(?:last|this|next|past)\s+(?:week|month|year|weekend))
  | (?i:the\s+(?:{_WINDOW_OPENERS})\s+(?:{NUMWORD}\s+)?(?:(?:school|academic)\s+)?{UNIT})
  | (?i:hours\s+(?:before|after))\s+[A-Z][\w-]+(?:’s|'s)\s+(?:statement|announcement|remarks|speech|briefing)
  | {YEAR}
)"""
BARE_DAY = rf"{DAY}"
# "since the war began in April 2023", "since fighting escalated in November 2023"
# (a trie: the verb is tried after each of the words that may follow "since")
_SINCE_EVENT_VERBS = trie_pattern(
    set(vocabulary.words("since_event_verbs", "dates"))
    | set(vocabulary.words("since_event_nouns", "dates"))
)

# A phrase is an atom with the words that give it a role: a range, a start, an end, a point.
DATE_PHRASE = re.compile(
    rf"""(?<![\w-])(?:
    (?P<range>(?i:between)\s+(?:the\s+{PART_OF_DAY}s?\s+of\s+|(?i:epidemiological|epi)\s+)?
        (?P<range_a>{ATOM}|{BARE_DAY})\s+and\s+(?:the\s+{PART_OF_DAY}\s+of\s+)?(?P<range_b>{ATOM}))
  | (?P<from_range>(?i:from)\s+(?P<from_a>{ATOM}|{BARE_DAY})\s+(?i:to|until|till|through)\s+(?P<from_b>{ATOM}))
  | (?P<month_range>(?:(?i:in|during|for|over|of)\s+)?(?P<month_a>{MONTH}(?:,?\s+{YEAR})?)
        (?:\s+(?i:to|until|through)\s+|\s?[-–]\s?)(?P<month_b>{MONTH}(?:,?\s+{YEAR})?))
  | (?P<week_range>(?:(?i:in|during|for|over)\s+)?(?P<week_a>{_WEEK_NUMBER})\s*(?i:to|[-–])\s*(?P<week_b>{_WEEK_NUMBER}))
  | (?P<dash_range>(?P<dash_a>{DAY})\s?[-–]\s?(?P<dash_b>{DAY}\s+{MONTH}(?:,?\s+{YEAR})?))
  | (?P<month_dash>(?P<md_month>{MONTH})\s+(?P<md_a>{DAY})\s?[-–]\s?(?P<md_b>{DAY})(?:,?\s+(?P<md_year>{YEAR}))?)
  | (?P<since_event>(?i:(?:ever\s+)?since)\s+(?:the\s+)?(?:[\w’'-]+\s+){{1,6}}?(?i:{_SINCE_EVENT_VERBS})
        (?:\s+[\w’'-]+){{0,5}}?\s+(?:(?i:on|in)\s+)?(?P<since_event_a>{ATOM}))
  | (?P<since>(?i:(?:ever\s+)?since|starting(?:\s+on)?|beginning(?:\s+on)?)\s+(?P<since_a>(?i:then|the\s+morning)|{ATOM}))
  | (?P<from_start>(?i:from)\s+(?P<from_start_a>(?:(?i:this|next)\s+)?{WEEKDAY}
        |{DAY}\s+(?:of\s+)?{MONTH}(?:,?\s+{YEAR})?|{MONTH}\s+{DAY}(?:,?\s+{YEAR})?))
  | (?P<so_far>(?i:so\s+far\s+this\s+(?:week|month|year)|so\s+far\s+in\s+)(?P<so_far_a>{MONTH}(?:,?\s+{YEAR})?|{YEAR})?)
  | (?P<until>(?i:by|until|till|through)\s+(?P<until_a>{ATOM}))
  | (?P<point>(?:(?i:in|on|during|as\s+of|at|of|for|over)\s+)?(?P<point_a>{ATOM}))
)(?![\w-])""",
    re.VERBOSE,
)


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
    + MONTH
    + r"|\s?[-–]|\s+(?i:and|to|until|till|through)\b))"
    r"|(?=\d?(?:/\d{1,2}/|\.\d{1,2}\.|-\d{1,2}-)(?:19|20)\d\d(?!\d))"
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
