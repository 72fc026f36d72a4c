"""The words around a number that make it no figure, or read it otherwise than its digits.

Reference levels and spans ("the 15% emergency threshold", "a target of at least 90
percent", "the five-year average"), a z-score cut-off, telephone numbers, a footnote's marker
("637,400[1]"), the number of a place's name ("Ifo 2"), how often something happens ("one
meal a day"), a confidence interval after an estimate ("14.8% (95% CI: 12.9–16.9)": its
bounds), a currency code before an amount
("SYP 9,800", "SYP 14,650 to the US dollar"), a measure per person per day. `numbers` asks
these at each number it reads; every test is guarded by a cheap one (`str.endswith`, `in`),
since most numbers are none of these.
"""

from __future__ import annotations

import re

import pycountry

from indicators.extract import vocabulary
from indicators.extract.patterns import alternation

REFERENCE_LEVELS = vocabulary.words("reference_levels")
REFERENCE_SPANS = vocabulary.words("reference_spans")
# "the 10% alert threshold", "a 95 percent target": up to two words, then the reference noun
_REFERENCE_AFTER = re.compile(
    rf"(?:\s+[a-z]+){{0,2}}?\s+(?:{alternation(REFERENCE_LEVELS)})\b", re.IGNORECASE
)
_SPAN_AFTER = re.compile(
    rf"[\s-]+(?:year|month|week|day)s?[\s-]+(?:{alternation(REFERENCE_SPANS)})\b", re.IGNORECASE
)
_THE_BEFORE = re.compile(r"\b(?:the|a|an|its|their)\s+\Z", re.IGNORECASE)
_THE_ENDINGS = ("the ", "The ", " a ", " an ", "its ", "their ", "A ", "An ")
# Labels whose last word is common before figures ("over", "-"), tested only when the window
# holds their first word: "a target of at least 90 percent", "a z-score below -2"
_HEDGE_ENDINGS = ("least ", "about ", "around ", "over ", "than ", "to ")
_HEDGED_REFERENCE = re.compile(
    rf"(?:{alternation(REFERENCE_LEVELS)})\s+of\s+"
    r"(?:at\s+least|about|around|over|more\s+than|less\s+than|up\s+to)\s*\Z",
    re.IGNORECASE,
)
_SCORE_CUT_OFF = re.compile(
    r"scores?\s+(?:below|above|under|over|of|[<>]=?)?\s*[-−]?\Z", re.IGNORECASE
)
_CODE_BEFORE = re.compile(r"(?<![\d.,])0\d+\s\Z")
# a capitalised name (not the sentence's first word) just before a small number, which ends
# the name: punctuation, "and"/"or", or the end of the line after it
_NAME_BEFORE = re.compile(r"(?<=[a-z] )(?-i:[A-Z][a-z]{2,})\s\Z")
_NAME_END_AFTER = re.compile(r"\s*(?:[,;)]|\s(?:and|or)\s+[A-Z]|$)", re.MULTILINE)
_TEMPERATURE_UNITS = vocabulary.words("temperature_units")
# what a unit of temperature opens with right after the number, read off the units: the
# cheap test before the pattern
_TEMPERATURE_STARTS = tuple(
    sorted({lead + unit[:3] for unit in _TEMPERATURE_UNITS for lead in ("", " ")})
)
_TEMPERATURE_AFTER = re.compile(
    r"\s?(?:" + alternation(_TEMPERATURE_UNITS) + r")(?![A-Za-z])", re.IGNORECASE
)
_HABIT_AFTER = re.compile(r"\s(?:meals?|times)\s+(?:a|per|each|every)\s+(?:day|week|month)\b")
AGE_BEFORE = re.compile(
    r"(?:\b(?:median|mean|average)\s+age\b[^.;:()]*|\brange\s*:?\s*(?:\d[\d.]*\s+\w+\s+to\s+)?)\Z",
    re.IGNORECASE,
)
# "districts that have reported at least one case", "households said at least one member had
# been forced to pay", "homes where at least one child ...": a definition, not a figure
_AT_LEAST_ONE_OPENERS = vocabulary.alternatives(vocabulary.words("at_least_one_openers"))
AT_LEAST_ONE_OBJECT = re.compile(
    rf"\b(?:{_AT_LEAST_ONE_OPENERS})\s+at\s+least\s+\Z",
    re.IGNORECASE,
)
OF_WHICH = ("of which ", "of whom ")  # "212 beds, of which 64 were occupied": a part, counted
# "42 of the 58 boreholes (72 percent)": the share is stated beside the count
SHARE_ASIDE_AFTER = re.compile(
    r"[^.;:()\n]{0,40}\(\s*\d[\d.]*\s?(?:%|per\s?cent|percent)\s*\)", re.IGNORECASE
)
LABEL_ENDS = frozenset(":)=–")  # after "1 kg" in "Rice, 1 kg: SYP 27,500"
PER_PERSON = {"capita": "person", "head": "person", "people": "person"}  # one base, one unit
MEASURE_PER = re.compile(
    rf"\s+per\s+(?P<base>{alternation(vocabulary.words('rate_bases'))})"
    rf"(?:\s+(?:per|a|each)\s+(?P<time>{alternation(vocabulary.words('time_bases'))}))?\b",
    re.IGNORECASE,
)

# Any ISO 4217 code in capitals before an amount ("SYP 1,284,000", "KES 310 million"), from
# the currency data pycountry ships, less the codes that are English words
LOCAL_CURRENCY_CODES = frozenset(currency.alpha_3 for currency in pycountry.currencies) - frozenset(
    vocabulary.words("currency_words_not_codes")
)
TO_THE_DOLLAR = re.compile(
    r"\s+(?:to\s+the|to\s+one|per|a|against\s+the)\s+(?:US\s+|U\.S\.\s+)?dollar\b", re.IGNORECASE
)

# "14.8% (95% CI: 12.9–16.9)": a survey estimate's confidence interval, its bounds
CONFIDENCE_INTERVAL = re.compile(
    r"\s*[(\[,]\s*(?:(?:9[059](?:\.\d)?)\s?%\s*)?(?:CI|C\.I\.|confidence\s+interval)\b"
    r"(?:\s*[:=]|\s+of)?[^)\]\n]{0,40}[)\]]?",
    re.IGNORECASE,
)


def not_a_figure(text: str, token: str, before: str, start: int, end: int) -> bool:
    """Is the number `token` at text[start:end] (`before`: the text just before it) one of
    these: a hedged reference level or a z-score cut-off, a telephone number, the number of
    a place's name, how often something happens, a reference level or span after "the"?"""
    if ("score" in before and _SCORE_CUT_OFF.search(before)) or (
        before.endswith(_HEDGE_ENDINGS) and " of " in before and _HEDGED_REFERENCE.search(before)
    ):
        return True  # "a z-score below -2", "a target of at least 90 percent"
    if before.endswith("[") and text[end : end + 1] == "]" and before[-2:-1].isalnum():
        return True  # "637,400[1]", "displaced[12]": a footnote's marker
    if token[0] == "0" and len(token) > 1 and token[1].isdigit():
        return True  # "0800 100 066": a telephone number or code, not a figure
    if before[-2:-1].isdigit() and _CODE_BEFORE.search(before):
        return True  # the rest of "0800 100 066"
    if (
        len(token) <= 2
        and token.isdigit()
        and before[-2:-1].isalpha()
        and before[before.rfind(" ", 0, -1) + 1 :][:1].isupper()
        and _NAME_BEFORE.search(before)
        and _NAME_END_AFTER.match(text, end)
    ):
        return True  # "Ifo 2 and Hagadera", "In Ifo 2, ...": part of a place's name
    if text.startswith((" meal", " time"), end) and _HABIT_AFTER.match(text, end):
        return True  # "only one meal a day", "three times a week": how often, not how many
    if _is_temperature(text, end):
        return True  # "below minus 5°C at night": the weather, no figure
    if text.startswith(",", end) and before.endswith(("Of the ", "Of these ", "Of those ")):
        return True  # "Of the 612, 418 are missing": the figure before, referred back to
    return before.endswith(_THE_ENDINGS) and _names_a_reference(text, start, end)


def _is_temperature(text: str, end: int) -> bool:
    """Does a unit of temperature follow the number ending at `end`?"""
    if not text.startswith(_TEMPERATURE_STARTS, end):
        return False
    return _TEMPERATURE_AFTER.match(text, end) is not None


def _names_a_reference(text: str, start: int, end: int) -> bool:
    """Is the number at text[start:end] a reference level or span after "the": "the 15%
    emergency threshold", "the 30-year average"? The nouns are looked for with `in` first."""
    window = text[end : end + 40].lower()
    if not any(noun in window for noun in REFERENCE_LEVELS) and not any(
        noun in window for noun in REFERENCE_SPANS
    ):
        return False
    if not _THE_BEFORE.search(text, max(0, start - 8), start):
        return False
    return bool(_REFERENCE_AFTER.match(text, end) or _SPAN_AFTER.match(text, end))


def currency_code_before(text: str, start: int) -> str:
    """The ISO 4217 code written just before the amount at `start` ("SYP 9,800"), or ""."""
    code_start = start - 4
    code = text[max(0, code_start) : start - 1]
    if code not in LOCAL_CURRENCY_CODES or text[start - 1] not in " \u00a0":
        return ""
    if code_start > 0 and text[code_start - 1].isalnum():
        return ""
    return code


def currency_code_after(text: str, end: int) -> str:
    """The ISO 4217 code written just after the amount ending at `end` ("2,700 SDG"), or ""."""
    code = text[end + 1 : end + 4]
    if text[end : end + 1] not in (" ", "\u00a0") or code not in LOCAL_CURRENCY_CODES:
        return ""
    if text[end + 4 : end + 5].isalnum():
        return ""
    return code


def with_confidence_intervals(text: str, mentions: list) -> list:
    """A figure followed by its confidence interval takes the interval as its bounds; the
    confidence level and the bounds are not figures of their own (`mentions`: the number
    mentions of `numbers`, in order)."""
    kept = []
    index = 0
    while index < len(mentions):
        mention = mentions[index]
        index += 1
        interval = CONFIDENCE_INTERVAL.match(text, mention.end)
        if interval is None or mention.value is None:
            kept.append(mention)
            continue
        inside = []
        while index < len(mentions) and mentions[index].number_start < interval.end():
            inside.append(mentions[index])
            index += 1
        bounds = [m for m in inside if m.value_low is not None and m.value_high is not None]
        if bounds:
            low, high = bounds[-1].value_low, bounds[-1].value_high
        else:
            values = [m.value for m in inside if m.value is not None]
            low, high = (values[-2], values[-1]) if len(values) >= 2 else (None, None)
        if low is not None and high is not None and low <= mention.value <= high:
            mention.value_low, mention.value_high = low, high
        kept.append(mention)
    return kept


# "doubled in a week", "rose by 20 percent in a single month": a span of one unit after a
# change is the change's period, as "doubled in three months" is (`plain_numbers`)
_ONE_SPAN_AFTER = re.compile(
    r"\s+(?:in|over|within)\s+(?:just\s+|only\s+)?(?:a|one|a\s+single)\s+"
    r"(?P<unit>hour|day|week|month)\b",
    re.IGNORECASE,
)
_CHANGE_WORDS = alternation(vocabulary.words("change_words"))
_CHANGE_JUST_BEFORE = re.compile(rf"\b{_CHANGE_WORDS}\s+(?:by\s+)?\Z", re.IGNORECASE)


def one_span_of_change(text: str, start: int, end: int, multiplier: bool) -> re.Match | None:
    """The span of one unit after a change's figure at `start`-`end` ("doubled in a week",
    "fell by 20 percent in a month"), or None; a figure that is no multiplier must follow a
    word of change."""
    if text.find(" a", end, end + 14) < 0 and text.find(" one ", end, end + 14) < 0:
        return None
    span = _ONE_SPAN_AFTER.match(text, end)
    if span is None:
        return None
    if not multiplier and _CHANGE_JUST_BEFORE.search(text, max(0, start - 20), start) is None:
        return None
    return span
