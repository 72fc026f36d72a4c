"""Numbers as words and digits, and the units named after them: the number words
(cardinals, scales, fractions, ordinals, multiplier verbs), the currencies, time, distance and
measure units, and the reading of a number as written ("250,000", "two hundred and fifty
thousand") as a value.

The vocabulary the number pattern, its anchors and the reading of a match all build on, kept
apart from any of them.
"""

from __future__ import annotations

import re
from decimal import Decimal

from text_to_num import text2num

from indicators.extract import vocabulary

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
SHORT_SCALES = {
    "k": 1_000,
    "m": 1_000_000,
    "mn": 1_000_000,
    "mln": 1_000_000,
    "bn": 1_000_000_000,
    "b": 1_000_000_000,
}
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

_SEPARATORS = re.compile(r"[,\s\u00a0\u202f\u2009]")
SPACES = re.compile(r"\s+")


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
