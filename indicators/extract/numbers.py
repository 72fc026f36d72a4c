"""Find the figures a text states: digits, number words, fractions, ratios, percentages.

One compiled pattern scans a whole text; each match becomes a `NumberMention` with its
value, what kind of figure it is (count, share, duration, money) and its character span.
What surrounds a number (a qualifier before it, a unit or "a day" after it) is read by
small anchored patterns on the few characters around the match, never by a character loop.

The parts live beside this module: `number_mention` (the record and the kinds of figure),
`number_words` (number words, units, parsing), `number_anchors` (where a figure can begin),
`plain_numbers` (what a plain number is a figure of), `number_qualifiers` (the hedge before a
figure), `number_ranges` (ranges and restated ratios, merged after the scan).
"""

from __future__ import annotations

import functools
import re
from decimal import Decimal

from indicators.extract import number_context as context
from indicators.extract import vocabulary
from indicators.extract.number_anchors import (
    NUMBER_STARTERS_ONLY,
    NUMBER_STARTERS_ONLY_LOWER,
    NUMBER_STARTS,
    NUMBER_STARTS_LOWER,
    number_anchors,
)
from indicators.extract.number_context import LOCAL_CURRENCY_CODES
from indicators.extract.number_mention import (
    COUNT,
    DURATION,
    MEASURE,
    MONEY,
    MULTIPLIER,
    PERIOD,
    RATE,
    SHARE,
    NumberMention,
)
from indicators.extract.number_qualifiers import attach_qualifier
from indicators.extract.number_words import (
    CARDINALS,
    CURRENCIES,
    DISTANCE_UNITS,
    FRACTIONS,
    MEASURE_UNITS,
    MONEY_WORDS,
    MULTIPLIER_VERBS,
    ORDINALS,
    SCALES,
    SHORT_SCALES,
    SPACES,
    TIME_UNITS,
    parse_number,
    round_share,
    scaled,
)
from indicators.extract.patterns import (  # noqa: F401 - also imported from here
    UNUSUAL_CASE_LETTERS,
    _unusual_case,
    alternation,
    bounded_trie_pattern,
    candidate_starts,
    find_words,
    lower_case_pattern,
    lowered,
    starters_only_pattern,
    starts_pattern,
    trie_pattern,
    whole_word_spans,
)
from indicators.extract.plain_numbers import looks_like_year, plain_number

# What the scan finds and the names the rest of extraction reads it by (`num.SHARE`,
# `numbers.MEASURE_UNITS`): the kinds, the record and the number words and units are defined
# beside this module and handed on from here.
__all__ = [
    "BY_CHANGE",
    "CARDINALS",
    "COUNT",
    "CURRENCIES",
    "DISTANCE_UNITS",
    "DURATION",
    "LOCAL_CURRENCY_CODES",
    "MEASURE",
    "MEASURE_UNITS",
    "MONEY",
    "MULTIPLIER",
    "NUMBER_PATTERN",
    "NumberMention",
    "PERIOD",
    "RATE",
    "SCALES",
    "SHARE",
    "find_numbers",
    "parse_number",
    "scaled",
]

_DENOMINATOR = alternation(vocabulary.words("denominators"))
_RATE_BASE = alternation(vocabulary.words("rate_bases"))
_TIME_BASE = alternation(vocabulary.words("time_bases"))


_CARD = "(?:" + "|".join(sorted(CARDINALS, key=len, reverse=True)) + ")"
_SCALE = "(?:hundred|thousand|million|billion)"
# "two hundred and fifty thousand", "twenty-one": each repetition eats one whole word,
# so the pattern cannot backtrack badly.
_WORDS = rf"(?:{_CARD}(?:(?:[ -]+and[ -]+|[ -]+){_CARD}|[ -]+{_SCALE})*)"
_DIGITS = r"(?:\d{1,3}(?:(?:,|[ \u00a0\u202f\u2009])\d{3})+(?![\d,]\d)(?:\.\d+)?|\d+(?:\.\d+)?)"
_NUM = rf"(?:{_DIGITS}|{_WORDS})"
_FRACTION = "(?:" + "|".join(sorted(FRACTIONS, key=len, reverse=True)) + ")"
_PERCENT = r"(?:\s?%|\s?per\s?cent\b|\s?percent\b|\s?pc\b)"
_MONEY_PREFIX = r"(?:US\$|\$|USD|€|EUR|£|GBP|CHF)"
# "per person per month" after an amount of money
_MONEY_PER = (
    rf"(?:\s+per\s+(?P<money_per>{_RATE_BASE})(?:\s+per\s+(?P<money_time>{_TIME_BASE}))?\b)"
)

_NUMBER_PATTERN_SOURCE = rf"""(?<![\w.$£€/])(?<![A-Za-z]-)(?:
      (?P<and_half>(?P<ah_whole>{_CARD}|\d+)\s+and\s+a\s+half\s+(?P<ah_scale>million|billion)\b)
    | (?P<ratio>(?P<ratio_num>{_NUM})(?:\s+(?P<ratio_noun>[a-z]+))?\s+(?:in|out\s+of)\s+
          (?:every\s+)?(?P<ratio_den>{_NUM})\b)
    | (?P<of_ratio>(?P<of_num>{_NUM})\s+of\s+(?P<of_det>the\s+|its\s+|their\s+|(?:the\s+)?[a-z]+(?:'s|’s)\s+)?
          (?P<of_den>{_NUM})\b(?!\s*{_PERCENT}|[.,]\d))
    | (?P<money>(?P<money_sign>{_MONEY_PREFIX})\s?(?P<money_num>{_DIGITS})
          (?:\s?(?P<money_scale>million|billion|thousand|mln|mn|bn|m|k|b)\b)?{_MONEY_PER}?)
    | (?P<mult_verb>{alternation(MULTIPLIER_VERBS)})\b
    | (?P<scaled_fraction>(?P<sf_lead>a|one|half)\s+(?:(?P<sf_frac>{_FRACTION})\s+of\s+)?
          (?:a\s+)?(?P<sf_scale>million|billion)\b)
    | (?P<fraction>(?:(?P<frac_count>a|an|one|two|three|four|five|six|seven|eight|nine)[ -])?
          (?P<frac_word>{_FRACTION})\b)
    | (?P<number>(?P<num>{_NUM})(?P<star>\*)?
          (?:(?P<percent>{_PERCENT})
            |\s(?P<scale>million|billion)\b(?:\s(?P<money_words>{alternation(MONEY_WORDS)})\b)?
            |(?P<short_scale>(?-i:[MKmk])|\s?(?-i:bn|mln|mn))\b)?)
    | (?P<ordinal_span>\b(?:its|the|a)\s+(?P<ordinal>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|\d+(?:st|nd|rd|th))
          \s+(?P<ordinal_unit>day|week|month|year)\b)
    )"""
NUMBER_PATTERN = re.compile(_NUMBER_PATTERN_SOURCE, re.IGNORECASE | re.VERBOSE)

# The pattern without its ratio alternatives, tried where a ratio match is not one ("6.9
# million in 2024", "six convoys in two days"), so the figure inside is still read.
_NO_RATIO_SOURCE = (
    _NUMBER_PATTERN_SOURCE[: _NUMBER_PATTERN_SOURCE.index("    | (?P<ratio>")]
    + _NUMBER_PATTERN_SOURCE[_NUMBER_PATTERN_SOURCE.index("    | (?P<money>") :]
)


# NUMBER_PATTERN for the lower-cased text (see `lowered`): several times faster than
# IGNORECASE. The groups then hold lower-cased text; what is quoted is read from the text.
_NUMBER_PATTERN_LOWER = re.compile(lower_case_pattern(_NUMBER_PATTERN_SOURCE), re.VERBOSE)


@functools.cache
def _no_ratio(lowered_text: bool) -> re.Pattern:
    """The pattern without its ratio alternatives, compiled on first need (rarely)."""
    if lowered_text:
        return re.compile(lower_case_pattern(_NO_RATIO_SOURCE), re.VERBOSE)
    return re.compile(_NO_RATIO_SOURCE, re.IGNORECASE | re.VERBOSE)


# Read at a number that NUMBER_PATTERN found, when a cheap test says they may follow (" per "
# or "fold" after it): kept out of the big pattern, which every number would try them in.
_PER_RATE_SOURCE = rf"""(?P<per_rate>(?P<pr_num>{_DIGITS})\s+(?P<pr_what>(?:[a-z-]+\s+){{0,3}}?)per\s+
    (?P<pr_den>{_DIGITS})\s+(?P<pr_pop>{_DENOMINATOR})(?:\s+per\s+(?P<pr_time>{_TIME_BASE}))?\b)"""
# "ten-fold", "a 3x increase", "2× higher", "three times higher (the average, as many)"
_TIMES_AFTER = (
    r"(?:higher|more|greater|larger|bigger|lower|faster|as\s+(?:many|much|high|likely)|the|over)\b"
)
_FOLD_SOURCE = rf"(?P<fold>(?P<fold_num>{_NUM})(?:[\s-]?fold\b|\s?[x×](?![\w×])|\s+times(?=\s+{_TIMES_AFTER})))"
_FOLLOWERS = {
    flags: (
        re.compile(
            _PER_RATE_SOURCE if not flags else lower_case_pattern(_PER_RATE_SOURCE),
            re.VERBOSE | (0 if flags else re.IGNORECASE),
        ),
        re.compile(
            _FOLD_SOURCE if not flags else lower_case_pattern(_FOLD_SOURCE),
            re.VERBOSE | (0 if flags else re.IGNORECASE),
        ),
    )
    for flags in (False, True)  # True: for the lower-cased text
}


_UNIT_AFTER_RATIO = re.compile(
    r"[\s-]*(?:hours?|days?|weeks?|months?|years?|million|billion)\b", re.IGNORECASE
)


def find_numbers(text: str, start: int = 0, end: int | None = None) -> list[NumberMention]:
    """Every figure in text[start:end], in order; spans are offsets into `text`."""
    end = len(text) if end is None else end
    mentions = []
    position = start
    # word starts are looked up in the lower-cased text when its offsets hold
    lower = lowered(text[:end])
    if lower is None:
        scanned, pattern = text, NUMBER_PATTERN
        starts, starters_only = NUMBER_STARTS, NUMBER_STARTERS_ONLY
    else:
        scanned, pattern = lower, _NUMBER_PATTERN_LOWER
        starts, starters_only = NUMBER_STARTS_LOWER, NUMBER_STARTERS_ONLY_LOWER
    for anchor in number_anchors(text, start, end, lower):
        if anchor < position:
            continue
        match = None
        for candidate in candidate_starts(scanned, anchor, position, 2, starts, starters_only):
            found = pattern.match(scanned, candidate, end)
            if found is not None and found.end() > anchor:
                match = found
                break
        if match is None:
            continue
        match_end = match.end()
        if match.lastgroup == "number":
            window = scanned[match_end : match_end + 40]
            if lower is None:
                window = window.lower()
            if (
                " per " in window
                or "fold" in window[:6]
                or window[:1] in ("x", "×")
                or window[:2] in (" x", " ×")
                or window[:7] == " times "
            ):
                match = _follower(scanned, match, end, lower is not None) or match
        mention = _mention_from_match(text, match)
        if (
            mention is not None
            and mention.kind == COUNT
            and text[mention.start - 2 : mention.start - 1].isupper()
        ):
            _local_currency(text, mention)
        elif (
            mention is not None
            and mention.kind == COUNT
            and mention.start > 0
            and (text[mention.start - 1] in CURRENCY_SIGNS or text[mention.start - 1] == " ")
        ):
            _currency_sign(text, mention)  # "₦1.6 billion", "₴ 300"
        if (
            mention is not None
            and mention.kind == COUNT
            and text[mention.end + 1 : mention.end + 2].isalpha()
        ):
            if text[mention.end + 1].isupper():
                _currency_after(text, mention)
            if mention.kind == COUNT:
                _money_word_after(text, mention)
        if (
            mention is not None
            and mention.kind == MONEY
            and " per " not in mention.unit
            and text.startswith(_PER_TIME_OPENERS, mention.end)
        ):
            _per_time_after(text, mention)  # "$50 a month", "9,000 SDG per day"
        if (
            mention is not None
            and mention.kind == MONEY
            and text.find("ly ", max(0, mention.start - 40), mention.start) >= 0
        ):
            _time_adjective_before(text, mention)  # "a monthly cash transfer of XAF 9,000"
        if mention is None and match.lastgroup in ("ratio", "of_ratio"):
            match = _no_ratio(lower is not None).match(scanned, match.start(), end) or match
            mention = _mention_from_match(text, match) if match.lastgroup != "ratio" else None
        position = match.end()
        if mention is not None:
            attach_qualifier(text, mention, start)
            mentions.append(mention)
    return mentions


def _local_currency(text: str, mention: NumberMention) -> None:
    """A count after a currency code ("SYP 9,800", "KES 310 million") is money in that
    currency; followed by "to the US dollar", it is an exchange rate (unit "syp per usd")."""
    code = context.currency_code_before(text, mention.start)
    if code:
        mention.start -= 4
        _money_in(text, mention, code)


# currency signs other than $, € and £, which the number pattern reads itself
CURRENCY_SIGNS = vocabulary.words("currency_signs")


def _currency_sign(text: str, mention: NumberMention) -> None:
    """A count just after a currency's sign ("₦1.6 billion", "₴ 300") is money in it."""
    sign_at = mention.start - 1 - (text[mention.start - 1] == " ")
    code = CURRENCY_SIGNS.get(text[sign_at]) if sign_at >= 0 else None
    if code is not None:
        mention.start = sign_at
        _money_in(text, mention, code)


def _money_in(text: str, mention: NumberMention, code: str) -> None:
    """The count `mention` is money in the currency `code`, or its rate to the dollar."""
    mention.kind, mention.unit = MONEY, code.lower()
    if code != "USD" and context.TO_THE_DOLLAR.match(text, mention.end) is not None:
        mention.unit += " per usd"


_MONEY_WORD_AFTER = re.compile(
    r"\s(?P<word>" + alternation(sorted(MONEY_WORDS, key=len, reverse=True)) + r")\b", re.IGNORECASE
)


def _money_word_after(text: str, mention: NumberMention) -> None:
    """A count before a currency's name ("3,000 euros", "1 billion yuan") is money in it."""
    found = _MONEY_WORD_AFTER.match(text, mention.end)
    if found is not None:
        mention.kind = MONEY
        mention.unit = MONEY_WORDS[SPACES.sub(" ", found.group("word").lower())]
        mention.end = found.end()


# "25,000 naira a month", "SDG 9,000 per day": money for a span of time
_PER_TIME_OPENERS = (" a ", " an ", " per ", " each ", " every ")
_PER_TIME_AFTER = re.compile(r"\s+(?:a|an|per|each|every)\s+(?P<time>day|week|month|year)\b")
# "XAF 9,000 per person", "KES 3,400 per household per month": the base of an amount in a
# currency's code, as the number pattern reads it after a sign ("US$ 8 per person per month")
_PER_BASE_AFTER = re.compile(_MONEY_PER)


def _per_time_after(text: str, mention: NumberMention) -> None:
    base = (
        _PER_BASE_AFTER.match(text, mention.end)
        if text[mention.end + 1 : mention.end + 4] == "per"
        else None
    )
    if base is not None:
        mention.unit += " per " + SPACES.sub(" ", base.group("money_per").lower())
        if base.group("money_time"):
            mention.unit += " per " + base.group("money_time").lower()
        mention.end = base.end()
        return
    found = _PER_TIME_AFTER.match(text, mention.end)
    if found is not None:
        mention.unit += " per " + found.group("time")
        mention.end = found.end()


# "A monthly cash transfer of XAF 9,000 per person", "a daily ration of US$ 0.5": the time
# an adjective of the amount's noun gives it, when the amount states none
_TIME_ADJECTIVE_BEFORE = re.compile(
    r"\b(?P<time>daily|weekly|monthly|yearly)\s+(?:[a-z-]+\s+){0,3}?of\s+\Z", re.IGNORECASE
)
_TIME_OF_ADJECTIVE = {"daily": "day", "weekly": "week", "monthly": "month", "yearly": "year"}


def _time_adjective_before(text: str, mention: NumberMention) -> None:
    if mention.unit.endswith(("per day", "per week", "per month", "per year")):
        return
    found = _TIME_ADJECTIVE_BEFORE.search(text, max(0, mention.start - 40), mention.start)
    if found is not None:
        mention.unit += " per " + _TIME_OF_ADJECTIVE[found.group("time").lower()]


def _currency_after(text: str, mention: NumberMention) -> None:
    """A count before a currency code ("2,700 SDG", "3.5 million SSP") is money in that
    currency; followed by "to the US dollar", an exchange rate."""
    code = context.currency_code_after(text, mention.end)
    if code:
        mention.end += 4
        _money_in(text, mention, code)


def _follower(scanned: str, match: re.Match, end: int, lowered_text: bool) -> re.Match | None:
    """A rate ("1.8 deaths per 10,000 people") or a multiplier ("ten-fold") at a number, which
    the caller's cheap test says may follow it."""
    per_rate, fold = _FOLLOWERS[lowered_text]
    return per_rate.match(scanned, match.start(), end) or fold.match(scanned, match.start(), end)


def _mention_from_match(text: str, match: re.Match) -> NumberMention | None:
    group = match.lastgroup
    span_start, span_end = match.span()
    if group == "ratio" or group == "of_ratio":
        prefix = "ratio" if group == "ratio" else "of"
        numerator = parse_number(match.group(f"{prefix}_num"))
        denominator = parse_number(match.group(f"{prefix}_den"))
        if group == "ratio" and match.group("ratio_noun") and numerator != 1:
            return None  # "six convoys in two ..." is not a ratio
        if not numerator or not denominator or numerator >= denominator:
            return None
        if looks_like_year(match.group(f"{prefix}_den"), denominator, text, span_end):
            # "EW 30 of 2025", "Resolution 12 of 2024", "against 1.2 in 2023": a year, no whole
            return None
        after = text[span_end : span_end + 12]
        if _UNIT_AFTER_RATIO.match(after):
            return None  # "one in two days", "two of three million"
        if group == "of_ratio" and _is_count_of_whole(text, match):
            # "in 140 of the country's 160 districts": 140 districts, out of 160
            whole = text[slice(*match.span("of_den"))]
            return NumberMention.alone(
                span_start, span_end, numerator, COUNT, "count", note=f"out of {whole}"
            )
        return NumberMention.alone(
            span_start,
            span_end,
            round_share(100 * numerator / denominator),
            SHARE,
            "percent",
        )
    if group == "money":
        value = parse_number(match.group("money_num"))
        if value is None:
            return None
        scale = (match.group("money_scale") or "").lower()
        value = scaled(value, SCALES.get(scale, SHORT_SCALES.get(scale, 1)))
        unit = CURRENCIES.get(match.group("money_sign").lower(), "usd")
        if match.group("money_per"):  # "US$ 8 per person per month"
            unit += " per " + SPACES.sub(" ", match.group("money_per").lower())
            if match.group("money_time"):
                unit += " per " + match.group("money_time").lower()
        return NumberMention.alone(span_start, span_end, value, MONEY, unit)
    if group == "per_rate":
        return _per_rate(text, match)
    if group == "fold":
        value = parse_number(match.group("fold_num"))
        if not value:
            return None
        return NumberMention.alone(span_start, span_end, value, MULTIPLIER, "times")
    if group == "mult_verb":
        value = float(MULTIPLIER_VERBS[match.group("mult_verb").lower()])
        return NumberMention.alone(span_start, span_end, value, MULTIPLIER, "times")
    if group == "scaled_fraction":
        lead = match.group("sf_lead").lower()
        fraction = match.group("sf_frac")
        scale = SCALES[match.group("sf_scale").lower()]
        if lead == "half":
            value = scale / 2
        elif fraction:
            value = float(round(Decimal(repr(FRACTIONS[fraction.lower()])) * scale))
        else:
            value = scale
        return NumberMention.alone(span_start, span_end, value, COUNT, "count")
    if group == "and_half":
        whole = parse_number(match.group("ah_whole"))
        if whole is None:
            return None
        value = scaled(whole + 0.5, SCALES[match.group("ah_scale").lower()])
        return NumberMention.alone(span_start, span_end, value, COUNT, "count")
    if group == "fraction":
        return _fraction_mention(text, match)
    if group == "ordinal_span":
        return _ordinal_duration(text, match)
    return plain_number(text, match)


_IN_BEFORE = re.compile(r"(?:^|\s)(?:in|across|at)\s+\Z", re.IGNORECASE)


def _is_count_of_whole(text: str, match: re.Match) -> bool:
    """'38 of the country's 116 districts', 'in 60 of the 120 villages': a count of places or
    things out of a whole, not a share: a possessive before the whole, or a place preposition
    before the count ('3 of 5 facilities lack fuel' stays a share)."""
    determiner = match.group("of_det") or ""
    if "'s" in determiner or "’s" in determiner:
        return True
    if context.SHARE_ASIDE_AFTER.match(text, match.end()):
        return True  # "42 of the 58 boreholes (72 percent)": the share is stated beside it
    before = text[max(0, match.start() - 8) : match.start()]
    if before.endswith(": "):
        return _label_counts(
            text, match.start() - 2
        )  # "Sub-districts in severity 4 or 5: 187 of 272"
    return _IN_BEFORE.search(before) is not None


# the words of a key figure's label that make its "N of M" a share, not a count out of a whole
_SHARE_LABEL = re.compile(r"(?:share|percent|percentage|proportion|rate|ratio)", re.IGNORECASE)


def _label_counts(text: str, colon: int) -> bool:
    """Whether the label of a key-figure row that ends at `colon` names what its "N of M"
    counts ("Sub-districts in severity 4 or 5: 187 of 272", "Health facilities assessed: 412
    of 538"): a label on its own line, not a sentence's lead-in, and not one of a share."""
    line_start = text.rfind("\n", 0, colon) + 1
    label = text[line_start:colon]
    return 0 < len(label) <= 80 and "." not in label and not _SHARE_LABEL.search(label)


def _per_rate(text: str, match: re.Match) -> NumberMention | None:
    """'1.8 deaths per 10,000 people per day': one rate, its unit the denominator and time."""
    value = parse_number(match.group("pr_num"))
    denominator = parse_number(match.group("pr_den"))
    if value is None or not denominator:
        return None
    population = SPACES.sub(" ", text[slice(*match.span("pr_pop"))].lower())
    unit = f"per {int(denominator):,} {population}" if denominator == int(denominator) else ""
    if not unit:
        return None
    if match.group("pr_time"):
        unit += " per " + match.group("pr_time").lower()
    mention = NumberMention.alone(match.start(), match.end(), value, RATE, unit)
    mention.what = SPACES.sub(" ", text[slice(*match.span("pr_what"))].strip())
    return mention


def _fraction_mention(text: str, match: re.Match) -> NumberMention | None:
    word = match.group("frac_word").lower()
    count_word = (match.group("frac_count") or "").lower()
    span_start, span_end = match.span()
    before = text[max(0, span_start - 16) : span_start].lower()
    after = text[span_end : span_end + 16].lower()
    # A share is "a fifth of ...", "half the ..."; not "a third time", "the first half of 2025".
    follows = r"\s+(?:of|the)\b" if word in ("half", "halves") else r"\s+of\b"
    # "fell by (more than) three quarters": the size of a change, with no "of" after it
    by_change = BY_CHANGE.search(text[max(0, span_start - 24) : span_start]) is not None
    # "27,600 people, of whom two thirds were women": the whole is named before it
    of_whole = before.endswith(context.OF_WHICH)
    if (not re.match(follows, after) and not by_change and not of_whole) or re.search(
        r"\b(?:first|second|last)\s+\Z", before
    ):
        return None
    if not count_word and word not in ("half", "halves"):
        return None  # a bare "third" is an ordinal
    numerator = 1.0 if count_word in ("", "a", "an", "one") else float(CARDINALS.index(count_word))
    value = round_share(100 * numerator * FRACTIONS[word])
    if value > 100:
        return None
    return NumberMention.alone(span_start, span_end, value, SHARE, "percent")


BY_CHANGE = re.compile(
    r"\bby\s+(?:more\s+than\s+|almost\s+|nearly\s+|about\s+|over\s+|some\s+|around\s+)?\Z",
    re.IGNORECASE,
)


def _ordinal_duration(text: str, match: re.Match) -> NumberMention | None:
    """'enters its third month': more than two months have passed."""
    ordinal = match.group("ordinal").lower()
    number = ORDINALS.get(ordinal)
    if number is None:
        digits = re.match(r"\d+", ordinal)
        number = int(digits.group()) if digits else None
    if not number or number < 2:
        return None
    unit = TIME_UNITS[match.group("ordinal_unit").lower()]
    start = match.start("ordinal")
    mention = NumberMention.alone(start, match.end(), float(number - 1), DURATION, unit)
    # "its third month": more than two have passed. No hedge word to quote, so only the bound.
    mention.value_low = mention.value
    # as written: the match may be on the lower-cased text
    ordinal_as_stated = text[slice(*match.span("ordinal"))]
    unit_as_stated = text[slice(*match.span("ordinal_unit"))]
    mention.note = f"“{ordinal_as_stated} {unit_as_stated}”: more than {number - 1} {unit}"
    return mention
