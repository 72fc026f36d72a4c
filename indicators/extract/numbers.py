"""Find the figures a text states: digits, number words, fractions, ratios, percentages.

One compiled pattern scans a whole text; each match becomes a `NumberMention` with its
value, what kind of figure it is (count, share, duration, money) and its character span.
What surrounds a number (a qualifier before it, a unit or "a day" after it) is read by
small anchored patterns on the few characters around the match, never by a character loop.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from decimal import Decimal

from text_to_num import text2num

from indicators import schema
from indicators.extract import number_context as context
from indicators.extract import vocabulary
from indicators.extract.number_context import LOCAL_CURRENCY_CODES  # noqa: F401 - read from here
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

# Kinds of figure.
COUNT = "count"
SHARE = "share"  # a percent, 0-100
DURATION = "duration"
MONEY = "money"
RATE = "rate"  # per a stated denominator: "1.8 deaths per 10,000 people per day"
MULTIPLIER = "multiplier"  # "ten-fold", "tripled": unit `times`
MEASURE = "measure"  # a physical quantity: "6,500 km of roads", "2.3 million hectares"
PERIOD = "period"  # the period of a change, not a figure: "doubled in three months"

CARDINALS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
]
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
SHORT_SCALES = {"k": 1_000, "m": 1_000_000, "mn": 1_000_000, "bn": 1_000_000_000}
FRACTIONS = {
    "half": 1 / 2,
    "halves": 1 / 2,
    "third": 1 / 3,
    "thirds": 1 / 3,
    "quarter": 1 / 4,
    "quarters": 1 / 4,
    "fifth": 1 / 5,
    "fifths": 1 / 5,
    "sixth": 1 / 6,
    "sixths": 1 / 6,
    "seventh": 1 / 7,
    "eighth": 1 / 8,
    "ninth": 1 / 9,
    "tenth": 1 / 10,
    "tenths": 1 / 10,
}
ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
}
TIME_UNITS = {"hour": "hours", "day": "days", "week": "weeks", "month": "months", "year": "years"}
CURRENCIES = {"$": "usd", "us$": "usd", "usd": "usd", "€": "eur", "eur": "eur", "£": "gbp"}
CURRENCIES |= {"gbp": "gbp", "chf": "chf"}
MONEY_WORDS = vocabulary.words("money_words")
MULTIPLIER_VERBS = vocabulary.words("multiplier_verbs")
DISTANCE_UNITS = vocabulary.words("distance_units")
MEASURE_UNITS = vocabulary.words("measure_units")
_DENOMINATOR = alternation(vocabulary.words("denominators"))
_RATE_BASE = alternation(vocabulary.words("rate_bases"))
_TIME_BASE = alternation(vocabulary.words("time_bases"))
_NOT_COUNTED = alternation(vocabulary.words("not_counted"))
_CHANGE_WORD = alternation(vocabulary.words("change_words"))

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
          (?:\s?(?P<money_scale>million|billion|thousand|mn|bn|m|k)\b)?{_MONEY_PER}?)
    | (?P<mult_verb>{alternation(MULTIPLIER_VERBS)})\b
    | (?P<scaled_fraction>(?P<sf_lead>a|one|half)\s+(?:(?P<sf_frac>{_FRACTION})\s+of\s+)?
          (?:a\s+)?(?P<sf_scale>million|billion)\b)
    | (?P<fraction>(?:(?P<frac_count>a|an|one|two|three|four|five|six|seven|eight|nine)[ -])?
          (?P<frac_word>{_FRACTION})\b)
    | (?P<number>(?P<num>{_NUM})(?P<star>\*)?
          (?:(?P<percent>{_PERCENT})
            |\s(?P<scale>million|billion)\b(?:\s(?P<money_words>{alternation(MONEY_WORDS)})\b)?
            |(?P<short_scale>(?-i:M|bn|mn))\b)?)
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
_FOLD_SOURCE = rf"(?P<fold>(?P<fold_num>{_NUM})[\s-]?fold\b)"
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

HEDGES = vocabulary.words("hedges")
QUALIFIER_BEFORE = re.compile(
    r"(?:^|(?<=[\s(“\"‘]))(?P<qualifier>"
    + "|".join(re.escape(h).replace(r"\ ", r"\s+") for h in sorted(HEDGES, key=len, reverse=True))
    + r")\s+\Z",
    re.IGNORECASE,
)
# QUALIFIER_BEFORE with the hedges as a trie: the same matches (one hedge at most fits between
# a start and the white space at the end), several times quicker to search
_QUALIFIER_BEFORE_TRIE = re.compile(
    r"(?:^|(?<=[\s(“\"‘]))(?P<qualifier>" + alternation(HEDGES) + r")\s+\Z", re.IGNORECASE
)
# Hedges that are not in the vocabulary map to the word of the vocabulary they contain
# (the validator requires the qualifier to appear in the quote); the rest only set bounds.
QUALIFIER_CANONICAL = {
    "an estimated": "estimated",
    "just over": "over",
    "well over": "over",
}
# the qualifiers that state a bound, as the schema defines them
LOWER_BOUND = frozenset(schema.LOWER_BOUND_QUALIFIERS)
UPPER_BOUND = frozenset(schema.UPPER_BOUND_QUALIFIERS)
BOUND_ONLY = {  # hedge -> which bound it sets, with no vocabulary qualifier
    "no fewer than": "low",
    "no less than": "low",
    "upwards of": "low",
    "in excess of": "low",
    "under": "high",
    "below": "high",
    "approximately": None,
    # not words of the vocabulary, which a qualifier must quote: "as many as" is "up to",
    # "just" is "only", written in the notes
    "as many as": "high",
    "just": None,
}

# Words just before a number that make it a label, an age, a level or a reference, not a
# figure. Each entry is a pattern and the words it can end with: the endings are the fast
# test made before the pattern is searched, so both come from this one list.
LABEL_WORDS = [
    "phase",
    "phases",
    "resolution",
    "no.",
    "number",
    "article",
    "section",
    "page",
    "update",
    "report",
    "route",
    "road",
    "highway",
    "level",
    "grade",
    "category",
    "chapter",
    "paragraph",
    "item",
    "version",
    "vol.",
    "flight",
    "unit",
    "block",
    "zone",
    "sector",
    "camp",
    "building",
    "platform",
    "line",
    "gate",
    "aged",
    "ages",
    "magnitude",
    "covid",
    "per",
]
LABEL_PHRASES = (
    (r"(?:children|child|girls|boys|infants|those|people|persons|aged?)\s+(?:under|below|over)",
     ("under", "below", "over")),
    (r"(?:under|below|over|above)\s+the\s+age\s+of", ("of",)),
    (r"(?:aged?|ages)\s+(?:between\s+)?\d+\s*(?:[-–]|to|and)", ("-", "–", "to", "and")),
    (r"(?:scale|ladder)\s+(?:of|from)(?:\s+\w+\s+to)?", ("of", "from", "to")),
    (r"(?:magnitude|depth|altitude|temperature|threshold|cut-off)\s+of", ("of",)),
    (r"h\d+n", ()),  # "H5N1": a digit before a final "n", tested on its own
    (r"(?:family|household)\s+of", ("of",)),  # "a family of five": its size
    (r"(?:to\s+the\s+)?nearest", ("nearest",)),  # "rounded to the nearest 100 pounds"
    (rf"(?:{alternation(vocabulary.words('reference_levels'))})\s+of", ("of",)),
)  # fmt: skip
LABEL_BEFORE = re.compile(
    r"(?:\b(?:"
    + "|".join([re.escape(word) for word in LABEL_WORDS] + [p for p, _ in LABEL_PHRASES])
    + r")|[#№]|[A-Za-z]-)\s*\Z",
    re.IGNORECASE,
)
# LABEL_BEFORE with the label words as a trie, for the test of whether a window ends with a
# label (a match exists at the same places; which word matched is not used)
_LABEL_BEFORE_TRIE = re.compile(
    r"(?:\b(?:"
    + "|".join([alternation(LABEL_WORDS)] + [p for p, _ in LABEL_PHRASES])
    + r")|[#№]|[A-Za-z]-)\s*\Z",
    re.IGNORECASE,
)
DETERMINER_BEFORE = re.compile(
    r"\b(?:the|these|those|its|their|his|her|our|both|a|an|every|each|per|last|first|next"
    r"|another|any|which|whose|one|other)\s+\Z",
    re.IGNORECASE,
)
AFTER_NUMBER = re.compile(
    rf"""(?P<age>[\s-]+years?[\s-]+old\b|[\s-]+year-olds?\b|-month-old\b)
      | (?P<clock>\s*(?:a\.m\.|p\.m\.|am\b|pm\b|hrs\b|GMT\b|UTC\b|[:h]\d{{2}}\b|local\s+time\b))
      | (?P<ago>\s+(?:hours?|days?|weeks?|months?|years?)\s+(?:ago|earlier|later|before|after)\b)
      | (?P<unit>[\s-]+(?P<unit_word>hours?|days?|weeks?|months?|years?)\b)
      | (?P<measure>\s(?P<measure_unit>{alternation(MEASURE_UNITS)})\b)
      | (?P<distance>[\s-]?(?P<distance_unit>{alternation(DISTANCE_UNITS)})\b(?P<length>\s+of\s+(?!the\b|its\b|their\b)(?-i:[a-z]))?)
      | (?P<structure>\s+(?:[a-z]+\s+)?{_NOT_COUNTED}\b(?!-))
      | (?P<word_after>[a-z]|-[a-z])""",
    re.IGNORECASE | re.VERBOSE,
)


@dataclass(slots=True)
class NumberMention:
    start: int  # span of the figure as stated, qualifier included
    end: int
    number_start: int  # span of the number itself
    number_end: int
    value: float | None
    kind: str
    unit: str  # percent, count, days, months, usd, ...
    qualifier: str = ""
    value_low: float | None = None
    value_high: float | None = None
    provisional: bool = False
    note: str = ""
    what: str = ""  # for a rate: what it counts ("deaths")
    change: bool = False  # for a period: it is the period of a change ("doubled in ...")


_SEPARATORS = re.compile(r"[,\s\u00a0\u202f\u2009]")
_SPACES = re.compile(r"\s+")
_UNIT_AFTER_RATIO = re.compile(
    r"[\s-]*(?:hours?|days?|weeks?|months?|years?|million|billion)\b", re.IGNORECASE
)


def words_to_number(words: str) -> float | None:
    """'two hundred and fifty thousand' -> 250000; None when it is not a cardinal."""
    cleaned = re.sub(r"\s+", " ", words.lower().replace("-", " ")).strip()
    try:
        return float(text2num(cleaned, "en"))
    except (ValueError, TypeError):
        return None


def parse_number(token: str) -> float | None:
    """Digits with thousands separators (comma or space) or number words, as a float."""
    token = token.strip()
    if not token:
        return None
    if token.isdecimal():  # plain digits, the most common figure: no separator to take out
        return float(token)
    if token[0].isdigit():
        digits = _SEPARATORS.sub("", token)
        try:
            return float(digits)
        except ValueError:
            return None
    return words_to_number(token)


def round_share(value: float) -> float:
    return round(value, 1)


def scaled(value: float, factor: float) -> float:
    """value × factor in decimal arithmetic: "14.7 million" is 14700000, never 14699999.999…
    (a parsed float's shortest repr is the number as written)."""
    return float(Decimal(repr(value)) * Decimal(repr(factor)))


def _cased(words) -> str:
    return trie_pattern({w for word in words for w in (word, word.capitalize())})


# Where a figure can be: a digit, a currency sign, a number, fraction or ordinal word. The big
# pattern is tried only at these anchors (and a word or two before them), which keeps the scan
# fast: a case-insensitive alternation run at every position of a text is slow. Only the first
# digit of a run is an anchor: a phrase cannot start inside a number.
# The words that can begin a figure: number, fraction and ordinal words, scales, multiplier
# verbs ("tripled") and multipliers written as one word ("tenfold").
ANCHOR_WORDS = (
    CARDINALS
    + list(FRACTIONS)
    + list(ORDINALS)
    + ["million", "billion"]
    + list(MULTIPLIER_VERBS)
    + [f"{word}fold" for word in CARDINALS + ["hundred"]]
)
NUMBER_ANCHOR = re.compile(r"\d(?<!\d\d)|[$€£]|US\$|\b(?=[a-zA-Z])" + _cased(ANCHOR_WORDS) + r"\b")
# NUMBER_ANCHOR as two patterns that each open with a character set, which re scans for at C
# speed (an alternation that opens with tests is tried at every position): digits and
# currency signs, then the words. Their matches are NUMBER_ANCHOR's (see `number_anchors`).
_SIGN_ANCHOR = re.compile(r"[\d$€£U](?:(?<=\d)(?<!\d\d)|(?<=[$€£])|(?<=U)S\$)")
# Rare words are found by str.find, not in the trie: a word opening with a common letter
# ("doubled") would make re try the trie at every "d" of the text.
RARE_ANCHOR_WORDS = frozenset(
    cased
    for word in list(MULTIPLIER_VERBS) + [f"{word}fold" for word in CARDINALS + ["hundred"]]
    for cased in (word, word.capitalize())
)
_ANCHOR_FORMS = {
    cased for word in ANCHOR_WORDS for cased in (word, word.capitalize())
} - RARE_ANCHOR_WORDS
_WORD_ANCHOR = re.compile(bounded_trie_pattern(_ANCHOR_FORMS))
# The same words in lower case, for the `lowered` text: a trie half the size, faster to scan;
# a word found there is kept when the text has it in one of the forms above ("Two", not "TWO").
_WORD_ANCHOR_LOWER = re.compile(bounded_trie_pattern({form.lower() for form in _ANCHOR_FORMS}))
_ANCHOR_WORDS_LOWER = tuple(sorted({form.lower() for form in _ANCHOR_FORMS}))
# what the rare words end with (from the same lists, the first letter left out for its two
# cases), searched for; then the whole word is checked
_RARE_ENDINGS = ("fold", *(verb[1:] for verb in MULTIPLIER_VERBS))


def number_anchors(
    text: str, start: int = 0, end: int | None = None, lower: str | None = None
) -> list[int]:
    """Where NUMBER_ANCHOR matches in text[start:end], in order: the two kinds of anchor
    never overlap, as no number word starts with "U" or holds a digit or sign. `lower` is the
    `lowered` text (up to `end` at least), when the caller has it."""
    end = len(text) if end is None else end
    found = [m.start() for m in _SIGN_ANCHOR.finditer(text, start, end)]
    lower = lowered(text) if lower is None else lower
    if lower is None:
        found += [m.start() for m in _WORD_ANCHOR.finditer(text, start, end)]
    else:
        forms = _ANCHOR_FORMS  # _WORD_ANCHOR_LOWER's spans, found in one pass
        found += [
            s
            for s, e in whole_word_spans(lower, _ANCHOR_WORDS_LOWER, start, end)
            if text[s:e] in forms
        ]
    found += find_words(text, RARE_ANCHOR_WORDS, _RARE_ENDINGS, start, end)
    found.sort()
    return found


# What NUMBER_PATTERN can begin with: a digit or currency, a number or fraction word, or the
# article, "its" or "the" of a fraction, a scaled fraction or an ordinal duration.
_NUMBER_STARTERS = r"[\d$]|us\$|usd|eur|an?[\s-]|its\s|the\s|" + trie_pattern(
    set(CARDINALS) | set(FRACTIONS) | {"half"}
)
_NUMBER_STARTS = starts_pattern(_NUMBER_STARTERS, re.IGNORECASE)
_NUMBER_STARTS_LOWER = starts_pattern(_NUMBER_STARTERS)  # for the lower-cased text
_NUMBER_STARTERS_ONLY = starters_only_pattern(_NUMBER_STARTERS, re.IGNORECASE)
_NUMBER_STARTERS_ONLY_LOWER = starters_only_pattern(_NUMBER_STARTERS)


def find_numbers(text: str, start: int = 0, end: int | None = None) -> list[NumberMention]:
    """Every figure in text[start:end], in order; spans are offsets into `text`."""
    end = len(text) if end is None else end
    mentions = []
    position = start
    # word starts are looked up in the lower-cased text when its offsets hold
    lower = lowered(text[:end])
    if lower is None:
        scanned, pattern = text, NUMBER_PATTERN
        starts, starters_only = _NUMBER_STARTS, _NUMBER_STARTERS_ONLY
    else:
        scanned, pattern = lower, _NUMBER_PATTERN_LOWER
        starts, starters_only = _NUMBER_STARTS_LOWER, _NUMBER_STARTERS_ONLY_LOWER
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
            if " per " in window or "fold" in window[:6]:
                match = _follower(scanned, match, end, lower is not None) or match
        mention = _mention_from_match(text, match)
        if (
            mention is not None
            and mention.kind == COUNT
            and text[mention.start - 2 : mention.start - 1].isupper()
        ):
            _local_currency(text, mention)
        if mention is None and match.lastgroup in ("ratio", "of_ratio"):
            match = _no_ratio(lower is not None).match(scanned, match.start(), end) or match
            mention = _mention_from_match(text, match) if match.lastgroup != "ratio" else None
        position = match.end()
        if mention is not None:
            _attach_qualifier(text, mention, start)
            mentions.append(mention)
    return mentions


def _local_currency(text: str, mention: NumberMention) -> None:
    """A count after a currency code ("SYP 9,800", "KES 310 million") is money in that
    currency; followed by "to the US dollar", it is an exchange rate (unit "syp per usd")."""
    code = context.currency_code_before(text, mention.start)
    if not code:
        return
    mention.kind, mention.unit = MONEY, code.lower()
    mention.start -= 4
    if code != "USD" and context.TO_THE_DOLLAR.match(text, mention.end) is not None:
        mention.unit += " per usd"


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
        if group == "of_ratio" and _looks_like_year(
            match.group("of_den"), denominator, text, span_end
        ):
            return None  # "EW 30 of 2025", "Resolution 12 of 2024": a year, not a whole
        after = text[span_end : span_end + 12]
        if _UNIT_AFTER_RATIO.match(after):
            return None  # "one in two days", "two of three million"
        if group == "of_ratio" and _is_count_of_whole(text, match):
            # "in 140 of the country's 160 districts": 140 districts, out of 160
            whole = text[slice(*match.span("of_den"))]
            return NumberMention(
                span_start, span_end, span_start, span_end, numerator, COUNT, "count",
                note=f"out of {whole}",
            )  # fmt: skip
        return NumberMention(
            span_start,
            span_end,
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
            unit += " per " + _SPACES.sub(" ", match.group("money_per").lower())
            if match.group("money_time"):
                unit += " per " + match.group("money_time").lower()
        return NumberMention(span_start, span_end, span_start, span_end, value, MONEY, unit)
    if group == "per_rate":
        return _per_rate(text, match)
    if group == "fold":
        value = parse_number(match.group("fold_num"))
        if not value:
            return None
        return NumberMention(span_start, span_end, span_start, span_end, value, MULTIPLIER, "times")
    if group == "mult_verb":
        value = float(MULTIPLIER_VERBS[match.group("mult_verb").lower()])
        return NumberMention(span_start, span_end, span_start, span_end, value, MULTIPLIER, "times")
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
        return NumberMention(span_start, span_end, span_start, span_end, value, COUNT, "count")
    if group == "and_half":
        whole = parse_number(match.group("ah_whole"))
        if whole is None:
            return None
        value = scaled(whole + 0.5, SCALES[match.group("ah_scale").lower()])
        return NumberMention(span_start, span_end, span_start, span_end, value, COUNT, "count")
    if group == "fraction":
        return _fraction_mention(text, match)
    if group == "ordinal_span":
        return _ordinal_duration(text, match)
    return _plain_number(text, match)


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
    return _IN_BEFORE.search(before) is not None


def _per_rate(text: str, match: re.Match) -> NumberMention | None:
    """'1.8 deaths per 10,000 people per day': one rate, its unit the denominator and time."""
    value = parse_number(match.group("pr_num"))
    denominator = parse_number(match.group("pr_den"))
    if value is None or not denominator:
        return None
    population = _SPACES.sub(" ", text[slice(*match.span("pr_pop"))].lower())
    unit = f"per {int(denominator):,} {population}" if denominator == int(denominator) else ""
    if not unit:
        return None
    if match.group("pr_time"):
        unit += " per " + match.group("pr_time").lower()
    mention = NumberMention(
        match.start(), match.end(), match.start(), match.end(), value, RATE, unit
    )
    mention.what = _SPACES.sub(" ", text[slice(*match.span("pr_what"))].strip())
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
    return NumberMention(span_start, span_end, span_start, span_end, value, SHARE, "percent")


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
    mention = NumberMention(
        start, match.end(), start, match.end(), float(number - 1), DURATION, unit
    )
    # "its third month": more than two have passed. No hedge word to quote, so only the bound.
    mention.value_low = mention.value
    # as written: the match may be on the lower-cased text
    ordinal_as_stated = text[slice(*match.span("ordinal"))]
    unit_as_stated = text[slice(*match.span("ordinal_unit"))]
    mention.note = f"“{ordinal_as_stated} {unit_as_stated}”: more than {number - 1} {unit}"
    return mention


def _plain_number(text: str, match: re.Match) -> NumberMention | None:
    span_start, span_end = match.span()
    token = match.group("num")
    value = parse_number(token)
    if value is None:
        return None
    before = text[max(0, span_start - 24) : span_start]
    if (
        _may_end_with_label(before)
        and _LABEL_BEFORE_TRIE.search(before)
        and not (  # "reached 9,200 children, against a target of 20,000": the plan's count
            before.endswith("target of ")
            and not match.group("percent")
            and _AGAINST_TARGET.search(before)
        )
    ):
        return None
    if before.endswith(_SEQUENCE_ENDINGS) and _SEQUENCE_BEFORE.search(before):
        return None  # "Round 12" of a tracking assessment, "EW 30", "week (EW) 1"
    if context.not_a_figure(text, token, before, span_start, span_end):
        return None  # "the 15% emergency threshold", "0800 100 066", "Ifo 2", "one meal a day"
    is_word = not token[0].isdigit()
    if match.group("percent"):
        if value > 100:
            return None  # a share is 0-100; a rise "by 150 percent" is not one
        return NumberMention(
            span_start,
            span_end,
            span_start,
            span_end,
            value,
            SHARE,
            "percent",
            provisional=bool(match.group("star")),
        )
    scale = match.group("scale")
    short_scale = match.group("short_scale")
    if short_scale and text[match.start("short_scale")] == "m":
        return None  # "a 5m wall": metres, not millions
    if short_scale and token[-1].isdigit():  # "15.5M", "2bn" in tables of key figures
        value = scaled(value, SHORT_SCALES[short_scale.lower()])
        return NumberMention(span_start, span_end, span_start, span_end, value, COUNT, "count")
    if scale:
        value = scaled(value, SCALES[scale.lower()])
        money = match.group("money_words")
        unit = MONEY_WORDS[_SPACES.sub(" ", money.lower())] if money else "count"
        kind = MONEY if money else COUNT
        measure = (
            _MEASURE_AFTER.match(text, span_end)
            if not money and text[span_end + 1 : span_end + 2] in _MEASURE_INITIALS
            else None
        )
        if measure is not None:  # "2.3 million hectares"
            end = measure.end("unit")
            unit = MEASURE_UNITS[_SPACES.sub(" ", measure.group("unit").lower())]
            return NumberMention(span_start, end, span_start, end, value, MEASURE, unit)
        return NumberMention(
            span_start,
            span_end,
            span_start,
            span_end,
            value,
            kind,
            unit,
            provisional=bool(match.group("star")),
        )
    if _looks_like_year(token, value, text, span_end):
        return None
    if (
        ("." in token or ":" in token)
        and _CLOCK_TIME.fullmatch(token)
        and _AT_BEFORE.search(before)
    ):
        return None  # "at 09.40": a time of day
    after = AFTER_NUMBER.match(text, span_end, min(len(text), span_end + 40))
    if after is not None:
        if after.lastgroup in ("age", "clock", "ago", "structure"):
            return None  # "structure": "in four stages", "one type of support"
        if after.lastgroup == "measure":
            end = after.end("measure_unit")
            unit = MEASURE_UNITS[_SPACES.sub(" ", after.group("measure_unit").lower())]
            per = context.MEASURE_PER.match(text, end) if text.startswith(" per ", end) else None
            if (
                value == 1
                and per is None
                and text[end : end + 3].lstrip()[:1] in context.LABEL_ENDS
            ):
                return None  # "Rice, 1 kg: SYP 27,500": the quantity a price is for
            if per is not None:  # "14.2 litres per person per day": one measure per base
                end = per.end()
                base = per.group("base").lower()
                unit += " per " + context.PER_PERSON.get(base, base)
                if per.group("time"):
                    unit += " per " + per.group("time").lower()
            return NumberMention(span_start, end, span_start, end, value, MEASURE, unit)
        if after.lastgroup == "distance":
            if after.group("length") is None:
                return None  # "within 25 km of the border": where, not how much
            end = after.end("distance_unit")
            unit = DISTANCE_UNITS[after.group("distance_unit").lower()]
            return NumberMention(span_start, end, span_start, end, value, MEASURE, unit)
        if after.lastgroup == "word_after" and token[-1].isdigit():
            return None  # "50kg", "G7", "4x4"
        if after.lastgroup == "unit":
            window = text[max(0, span_start - 50) : span_start]
            if ("age" in window or "ange" in window) and context.AGE_BEFORE.search(window):
                return None  # "the median age is 27 years (range: 3 months to 71 years)"
            unit = TIME_UNITS[after.group("unit_word").lower().rstrip("s")]
            mention = NumberMention(
                span_start, after.end(), span_start, after.end(), value, DURATION, unit
            )
            mention.provisional = bool(match.group("star"))
            window = text[max(0, span_start - 40) : span_start]
            if ("within" in window or "first" in window or "next" in window) and (
                _WINDOW_BEFORE.search(window)
            ):
                mention.kind = PERIOD  # "within the first 72 hours": a window, not a figure
            elif (" in " in window or " over " in window or "within" in window) and (
                _CHANGE_BEFORE.search(window)
            ):
                mention.kind, mention.change = PERIOD, True  # "doubled in three months"
            return mention
    if value < 100 and DETERMINER_BEFORE.search(before) and not before.endswith(context.OF_WHICH):
        return None  # "the two sides", "its three hospitals": a known set, not a figure
    if is_word and value == 1 and not _ONE_HEDGED.search(before):
        return None  # "one" is mostly a pronoun
    if value == 1 and before.endswith("least ") and context.AT_LEAST_ONE_OBJECT.search(before):
        return None  # "districts that have reported at least one case": a definition
    return NumberMention(
        span_start,
        span_end,
        span_start,
        span_end,
        value,
        COUNT,
        "count",
        provisional=bool(match.group("star")),
    )


# a number that names a step of a sequence: "Round 12", "EW 30", "epidemiological week (EW) 1"
_SEQUENCE_ENDINGS = ("ound ", "OUND ", "EW ", "EW) ")
_SEQUENCE_BEFORE = re.compile(r"(?:\b(?:[Rr]ound|ROUND)|\bEW\)?)\s\Z")
_AGAINST_TARGET = re.compile(r"\bagainst\s+(?:a|the|its|their)\s+target\s+of\s+\Z", re.IGNORECASE)
_MEASURE_INITIALS = frozenset(
    letter for unit in vocabulary.words("measure_units") for letter in (unit[0], unit[0].upper())
)
_MEASURE_AFTER = re.compile(rf"\s(?P<unit>{alternation(MEASURE_UNITS)})\b", re.IGNORECASE)
_CLOCK_TIME = re.compile(r"(?:[01]?\d|2[0-3])[.:][0-5]\d")
_AT_BEFORE = re.compile(r"\b(?:at|from|until|by|before|after)\s+\Z", re.IGNORECASE)
_WINDOW_BEFORE = re.compile(
    r"\b(?:within(?:\s+(?:the|its|their)\s+(?:first|past|last|next))?"
    r"|(?:in|during|over|for)\s+(?:the|its|their)\s+(?:first|next))\s+\Z",
    re.IGNORECASE,
)
_CHANGE_BEFORE = re.compile(
    rf"\b{_CHANGE_WORD}\s+(?:(?:in|over|within)\s+(?:(?:the|its)\s+(?:past|last)\s+)?|in\s+just\s+)\Z",
    re.IGNORECASE,
)
_ONE_HEDGED = re.compile(r"\b(?:only|just|at\s+least|about|nearly|some)\s+\Z", re.IGNORECASE)
_COUNTED_AFTER_YEAR = re.compile(r"\s+(?:people|persons|families|households|children|cases)\b")
# The last characters LABEL_BEFORE and QUALIFIER_BEFORE can match (lower case; a digit before
# a final "n" is "H5N1"): a cheap test before searching a window with a long alternation.
_LABEL_ENDINGS = tuple(
    LABEL_WORDS + [ending for _, endings in LABEL_PHRASES for ending in endings] + ["#", "№"]
)
# the last words of the hedges: a window that ends with none cannot match QUALIFIER_BEFORE
_QUALIFIER_ENDINGS = tuple(sorted({hedge.split()[-1] for hedge in HEDGES}))


def _may_end_with_label(before: str) -> bool:
    tail = before.rstrip().lower()
    if tail.endswith(("and", "from")):  # only "aged between 15 and", "a scale from"
        return "age" in tail or "scale" in tail or "ladder" in tail or _unusual_case(before)
    return (
        tail.endswith(_LABEL_ENDINGS)
        or (tail[-1:] == "n" and tail[-2:-1].isdigit())
        or _unusual_case(before)
    )


def _looks_like_year(token: str, value: float, text: str, end: int) -> bool:
    if len(token) != 4 or not token.isdigit() or not 1900 <= value <= 2099:
        return False
    return not _COUNTED_AFTER_YEAR.match(text, end, end + 16)


def _attach_qualifier(text: str, mention: NumberMention, floor: int) -> None:
    if mention.qualifier:  # ordinal durations carry their own
        return
    before = text[max(floor, mention.start - 24) : mention.start]
    match = None
    if before[-1:].isspace() and (
        before.rstrip().lower().endswith(_QUALIFIER_ENDINGS) or _unusual_case(before)
    ):
        match = _QUALIFIER_BEFORE_TRIE.search(before)
    if match is not None:
        hedge = _SPACES.sub(" ", match.group("qualifier").lower())
        mention.start -= len(before) - match.start("qualifier")
        if hedge in BOUND_ONLY:
            side = BOUND_ONLY[hedge]
            if side == "low":
                mention.value_low = mention.value
            elif side == "high":
                mention.value_high = mention.value
            mention.note = f"stated as “{match.group('qualifier')}”"
            return
        qualifier = QUALIFIER_CANONICAL.get(hedge, hedge)
        mention.qualifier = qualifier
    elif plus := _OR_MORE.match(text, mention.end, mention.end + 10):
        mention.end = plus.end()
        mention.value_low = mention.value
        mention.note = "stated with “or more”"
        return
    if mention.qualifier in LOWER_BOUND:
        mention.value_low = mention.value
    elif mention.qualifier in UPPER_BOUND:
        mention.value_high = mention.value


_OR_MORE = re.compile(r"\s*(?:\+|or\s+more\b)")
RANGE_GAP = re.compile(r"\s*(?:-|–|—|to|and)\s*\Z", re.IGNORECASE)


def merge_ranges(text: str, mentions: list[NumberMention]) -> list[NumberMention]:
    """'between 30 and 40 children', '10-20%': one figure with both bounds, valued at the midpoint."""
    merged: list[NumberMention] = []
    index = 0
    while index < len(mentions):
        current = mentions[index]
        following = mentions[index + 1] if index + 1 < len(mentions) else None
        if following is not None and _is_range(text, current, following):
            kind, unit = (current.kind, current.unit)
            if following.kind != COUNT:
                kind, unit = following.kind, following.unit
            low, high = current.value, following.value
            between = re.search(
                r"\bbetween\s+\Z", text[max(0, current.start - 12) : current.start], re.I
            )
            merged.append(
                NumberMention(
                    current.start - (len(between.group()) if between else 0),
                    following.end,
                    current.number_start,
                    following.number_end,
                    round((low + high) / 2, 1),
                    kind,
                    unit,
                    value_low=low,
                    value_high=high,
                    provisional=current.provisional or following.provisional,
                    note="a range; the value is its midpoint",
                )
            )
            index += 2
            continue
        if (
            following is not None
            and current.kind == SHARE
            and following.kind == SHARE
            and _restated_share(text, current, following)
        ):
            index += 1  # "two out of three IDPs (64 percent)": one share, the exact one kept
            continue
        merged.append(current)
        index += 1
    if not merged:
        return merged
    # the intervals are looked for only where these figures stand, not in the whole text
    start, end = merged[0].end, merged[-1].end + 60
    if text.find("CI", start, end) >= 0 or text.find("onfidence interval", start, end) >= 0:
        return context.with_confidence_intervals(text, merged)
    return merged


# "Nearly two out of three IDPs (64 percent)", "one in five (21%)": a few words, then the
# percent in parentheses
_RESTATED_GAP = re.compile(r"(?:\s+[^\s\d().,;:]+){0,3}\s*\(\s*\Z")


def _restated_share(text: str, share: NumberMention, exact: NumberMention) -> bool:
    """Is `share` a ratio or fraction ("two out of three") restated exactly by the percent in
    parentheses right after it ("(64 percent)")? Then the two are one figure."""
    if share.kind != SHARE or exact.kind != SHARE or share.value is None or exact.value is None:
        return False
    if exact.start - share.end > 40 or text[exact.end : exact.end + 1] != ")":
        return False
    stated = text[share.number_start : share.number_end]
    if "%" in stated or "cent" in stated:
        return False  # two percents side by side are two figures
    if abs(share.value - exact.value) > 10:
        return False
    return _RESTATED_GAP.match(text[share.end : exact.start]) is not None


def _is_range(text: str, low: NumberMention, high: NumberMention) -> bool:
    if low.qualifier or high.qualifier or low.value is None or high.value is None:
        return False
    if not low.value < high.value or low.kind not in (COUNT, high.kind):
        return False
    if low.kind == COUNT and high.kind == COUNT and low.unit != high.unit:
        return False
    gap = text[low.number_end : high.number_start]
    if len(gap) > 7 or not RANGE_GAP.match(gap):
        return False
    joiner = gap.strip().lower()
    before = text[max(0, low.start - 10) : low.start].lower()
    if joiner == "and":
        return before.rstrip().endswith("between")
    if joiner == "to":
        return not before.rstrip().endswith("from")  # "rose from 860 to 1,230" is a change
    return True
