"""Find the figures a text states: digits, number words, fractions, ratios, percentages.

One compiled pattern scans a whole text; each match becomes a `NumberMention` with its
value, what kind of figure it is (count, share, duration, money) and its character span.
What surrounds a number (a qualifier before it, a unit or "a day" after it) is read by
small anchored patterns on the few characters around the match, never by a character loop.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from text_to_num import text2num

# Kinds of figure.
COUNT = "count"
SHARE = "share"  # a percent, 0-100
DURATION = "duration"
MONEY = "money"

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

_CARD = "(?:" + "|".join(sorted(CARDINALS, key=len, reverse=True)) + ")"
_SCALE = "(?:hundred|thousand|million|billion)"
# "two hundred and fifty thousand", "twenty-one": each repetition eats one whole word,
# so the pattern cannot backtrack badly.
_WORDS = rf"(?:{_CARD}(?:(?:[ -]+and[ -]+|[ -]+){_CARD}|[ -]+{_SCALE})*)"
_DIGITS = r"(?:\d{1,3}(?:(?:,|[ \u00a0\u202f\u2009])\d{3})+(?![\d,]\d)(?:\.\d+)?|\d+(?:\.\d+)?)"
_NUM = rf"(?:{_DIGITS}|{_WORDS})"
_FRACTION = "(?:" + "|".join(sorted(FRACTIONS, key=len, reverse=True)) + ")"
_PERCENT = r"(?:\s?%|\s?per\s?cent\b|\s?percent\b|\s?pc\b)"
_MONEY_PREFIX = r"(?:US\$|\$|USD|€|EUR|£)"

_NUMBER_PATTERN_SOURCE = rf"""(?<![\w.$£€/])(?<![A-Za-z]-)(?:
      (?P<and_half>(?P<ah_whole>{_CARD}|\d+)\s+and\s+a\s+half\s+(?P<ah_scale>million|billion)\b)
    | (?P<ratio>(?P<ratio_num>{_NUM})(?:\s+(?P<ratio_noun>[a-z]+))?\s+(?:in|out\s+of)\s+
          (?:every\s+)?(?P<ratio_den>{_NUM})\b)
    | (?P<of_ratio>(?P<of_num>{_NUM})\s+of\s+(?:the\s+)?(?P<of_den>{_NUM})\b(?!\s*{_PERCENT}|[.,]\d))
    | (?P<money>(?P<money_sign>{_MONEY_PREFIX})\s?(?P<money_num>{_DIGITS})
          (?:\s?(?P<money_scale>million|billion|thousand|mn|bn|m|k)\b)?)
    | (?P<scaled_fraction>(?P<sf_lead>a|one|half)\s+(?:(?P<sf_frac>{_FRACTION})\s+of\s+)?
          (?:a\s+)?(?P<sf_scale>million|billion)\b)
    | (?P<fraction>(?:(?P<frac_count>a|an|one|two|three|four|five|six|seven|eight|nine)[ -])?
          (?P<frac_word>{_FRACTION})\b)
    | (?P<number>(?P<num>{_NUM})(?P<star>\*)?
          (?:(?P<percent>{_PERCENT})
            |\s(?P<scale>million|billion)\b(?:\s(?P<money_words>(?:US\s)?dollars)\b)?)?)
    | (?P<ordinal_span>\b(?:its|the|a)\s+(?P<ordinal>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|\d+(?:st|nd|rd|th))
          \s+(?P<ordinal_unit>day|week|month|year)\b)
    )"""
NUMBER_PATTERN = re.compile(_NUMBER_PATTERN_SOURCE, re.IGNORECASE | re.VERBOSE)


def lower_case_pattern(source: str) -> str:
    """A pattern's letters in lower case, escapes (\\S) and group names aside: compiled without
    IGNORECASE and run on `lowered` text, it finds what the pattern finds case-insensitively."""
    return re.sub(
        r"\\.|\(\?P<\w+>|[A-Z]",
        lambda m: m.group().lower() if len(m.group()) == 1 else m.group(),
        source,
    )


# NUMBER_PATTERN for the lower-cased text (see `lowered`): several times faster than
# IGNORECASE. The groups then hold lower-cased text; what is quoted is read from the text.
_NUMBER_PATTERN_LOWER = re.compile(lower_case_pattern(_NUMBER_PATTERN_SOURCE), re.VERBOSE)

QUALIFIER_BEFORE = re.compile(
    r"""(?:^|(?<=[\s(“"‘]))(?P<qualifier>nearly|almost|about|around|roughly|some|an\s+estimated|estimated
        |just\s+over|well\s+over|over|more\s+than|at\s+least|only|just|up\s+to|as\s+many\s+as
        |close\s+to|fewer\s+than|less\s+than|no\s+fewer\s+than|no\s+less\s+than|approximately
        |upwards\s+of|in\s+excess\s+of|under|below)\s+\Z""",
    re.IGNORECASE | re.VERBOSE,
)
# Hedges that are not in the vocabulary map to the word of the vocabulary they contain
# (the validator requires the qualifier to appear in the quote); the rest only set bounds.
QUALIFIER_CANONICAL = {
    "an estimated": "estimated",
    "just over": "over",
    "well over": "over",
    "as many as": "up to",
    "just": "only",
}
LOWER_BOUND = {"over", "more than", "at least"}
UPPER_BOUND = {"up to", "fewer than", "less than"}
BOUND_ONLY = {  # hedge -> which bound it sets, with no vocabulary qualifier
    "no fewer than": "low",
    "no less than": "low",
    "upwards of": "low",
    "in excess of": "low",
    "under": "high",
    "below": "high",
    "approximately": None,
}

# Words just before a number that make it a label, an age or a reference, not a figure.
LABEL_BEFORE = re.compile(
    r"""(?:\b(?:phase|phases|resolution|no\.|number|article|section|page|update|report|route|road
        |highway|level|grade|category|chapter|paragraph|item|version|vol\.|flight|unit|block
        |zone|sector|camp|building|platform|line|gate|aged|ages
        |(?:children|child|girls|boys|infants|those|people|persons|aged?)\s+(?:under|below|over)
        |over\s+the\s+age\s+of|covid|h\d+n|(?:aged?|ages)\s+\d+\s*(?:[-–]|to))
        |[#№]|[A-Za-z]-)\s*\Z""",
    re.IGNORECASE | re.VERBOSE,
)
DETERMINER_BEFORE = re.compile(
    r"\b(?:the|these|those|its|their|his|her|our|both|a|an|every|each|per|last|first|next"
    r"|another|any|which|whose|one|other)\s+\Z",
    re.IGNORECASE,
)
AFTER_NUMBER = re.compile(
    r"""(?P<age>[\s-]+years?[\s-]+old\b|[\s-]+year-olds?\b|-month-old\b)
      | (?P<clock>\s*(?:a\.m\.|p\.m\.|am\b|pm\b|hrs\b|GMT\b|UTC\b|[:h]\d{2}\b))
      | (?P<ago>\s+(?:hours?|days?|weeks?|months?|years?)\s+(?:ago|earlier|later|before|after)\b)
      | (?P<unit>[\s-]+(?P<unit_word>hours?|days?|weeks?|months?|years?)\b)
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
    if token[0].isdigit():
        digits = _SEPARATORS.sub("", token)
        try:
            return float(digits)
        except ValueError:
            return None
    return words_to_number(token)


def round_share(value: float) -> float:
    return round(value, 1)


def _word_trie(words) -> dict:
    """The words as nested dicts, one level per character; "" marks where a word ends."""
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return trie


def trie_pattern(words) -> str:
    """One regex for many words, nested by shared prefixes ('t(?:wo|hree|en)'): Python's re
    tries the branches of a plain alternation one by one at every position, a trie is
    several times faster to scan with."""
    trie = _word_trie(words)

    def build(node: dict) -> str:
        branches = [re.escape(char) + build(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:
            return f"(?:{body})?"
        return body

    return build(trie)


def bounded_trie_pattern(words) -> str:
    r"""`trie_pattern` for whole words: at a word's end, a boundary, and a look back over the
    word ((?<!\w.{n}) for n characters) that it began at one. The same matches as
    \b(?:trie)\b, but the pattern opens with a letter, not a test: re then skips the characters
    that cannot begin a word of the list at C speed instead of trying the pattern there."""
    trie = _word_trie(words)

    def build(node: dict, depth: int) -> str:
        branches = [
            re.escape(char) + build(child, depth + 1)
            for char, child in sorted(node.items())
            if char
        ]
        if "" in node:  # after the longer words, as in `trie_pattern`
            branches.append(rf"\b(?<!\w(?s:.){{{depth}}})")
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    return build(trie, 0)


def _cased(words) -> str:
    return trie_pattern({w for word in words for w in (word, word.capitalize())})


# Where a figure can be: a digit, a currency sign, a number, fraction or ordinal word. The big
# pattern is tried only at these anchors (and a word or two before them), which keeps the scan
# fast: a case-insensitive alternation run at every position of a text is slow. Only the first
# digit of a run is an anchor: a phrase cannot start inside a number.
NUMBER_ANCHOR = re.compile(
    r"\d(?<!\d\d)|[$€£]|US\$|\b(?=[a-zA-Z])"
    + _cased(CARDINALS + list(FRACTIONS) + list(ORDINALS) + ["million", "billion"])
    + r"\b"
)
# NUMBER_ANCHOR as two patterns that each open with a character set, which re scans for at C
# speed (an alternation that opens with tests is tried at every position): digits and
# currency signs, then the words. Their matches are NUMBER_ANCHOR's (see `number_anchors`).
_SIGN_ANCHOR = re.compile(r"[\d$€£U](?:(?<=\d)(?<!\d\d)|(?<=[$€£])|(?<=U)S\$)")
_WORD_ANCHOR = re.compile(
    bounded_trie_pattern(
        {
            cased
            for word in CARDINALS + list(FRACTIONS) + list(ORDINALS) + ["million", "billion"]
            for cased in (word, word.capitalize())
        }
    )
)


def number_anchors(text: str, start: int = 0, end: int | None = None) -> list[int]:
    """Where NUMBER_ANCHOR matches in text[start:end], in order: the two kinds of anchor
    never overlap, as no number word starts with "U" or holds a digit or sign."""
    end = len(text) if end is None else end
    found = [m.start() for m in _SIGN_ANCHOR.finditer(text, start, end)]
    found += [m.start() for m in _WORD_ANCHOR.finditer(text, start, end)]
    found.sort()
    return found


_WORD_START = re.compile(r"(?<![\w’'$-])[\w$]")


def starts_pattern(starters: str, flags: int = 0) -> re.Pattern:
    """Word starts, with group `starter` set where the word may open a phrase (`starters`, a
    pattern matched just after the word start); words that cannot are skipped without trying
    the phrase pattern there."""
    return re.compile(rf"(?<![\w’'$-])(?:(?P<starter>(?={starters})[\w$])|[\w$])", flags)


def starters_only_pattern(starters: str, flags: int = 0) -> re.Pattern:
    """The word starts of `starts_pattern` whose word may open a phrase, alone."""
    return re.compile(rf"(?<![\w’'$-])(?={starters})[\w$]", flags)


def lowered(text: str) -> str | None:
    """The text lower-cased, when a case-sensitive pattern written in lower case finds in it
    what the same pattern, case-insensitive, finds in the text, at the same offsets (no letter
    changes length or matches otherwise than by its lower case); else None. Case-insensitive
    patterns are several times slower to run."""
    lower = text.lower()
    if len(lower) != len(text) or _unusual_case(text):
        return None
    return lower


# What NUMBER_PATTERN can begin with: a digit or currency, a number or fraction word, or the
# article, "its" or "the" of a fraction, a scaled fraction or an ordinal duration.
_NUMBER_STARTERS = r"[\d$]|us\$|usd|eur|an?[\s-]|its\s|the\s|" + trie_pattern(
    set(CARDINALS) | set(FRACTIONS) | {"half"}
)
_NUMBER_STARTS = starts_pattern(_NUMBER_STARTERS, re.IGNORECASE)
_NUMBER_STARTS_LOWER = starts_pattern(_NUMBER_STARTERS)  # for the lower-cased text
_NUMBER_STARTERS_ONLY = starters_only_pattern(_NUMBER_STARTERS, re.IGNORECASE)
_NUMBER_STARTERS_ONLY_LOWER = starters_only_pattern(_NUMBER_STARTERS)


def candidate_starts(
    text: str,
    anchor: int,
    floor: int,
    words_back: int,
    starts: re.Pattern | None = None,
    starters_only: re.Pattern | None = None,
) -> list[int]:
    """Where a phrase that contains the anchor may begin: up to `words_back` word starts
    before it (earliest first), then the anchor itself. With `starts` (see `starts_pattern`),
    the word starts that cannot open a phrase are left out; `starters_only`, the same starts
    alone (`starters_only_pattern`), is a quicker first test where most windows hold none."""
    window_start = max(floor, anchor - 12 * words_back)
    line_start = text.rfind("\n", window_start, anchor) + 1
    window_start = max(window_start, line_start)
    if starters_only is not None and starters_only.search(text, window_start, anchor) is None:
        return [anchor]
    if starts is None:
        found = [m.start() for m in _WORD_START.finditer(text, window_start, anchor)]
        return found[-words_back:] + [anchor]
    # The text from the anchor on is left out: a starter is tested on its word and the
    # character after it, and the word ends before the anchor.
    words = list(starts.finditer(text, window_start, anchor))[-words_back:]
    return [m.start() for m in words if m.lastgroup] + [anchor]


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
    for anchor in number_anchors(text, start, end):
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
        position = match.end()
        mention = _mention_from_match(text, match)
        if mention is not None:
            _attach_qualifier(text, mention, start)
            mentions.append(mention)
    return mentions


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
        after = text[span_end : span_end + 12]
        if _UNIT_AFTER_RATIO.match(after):
            return None  # "one in two days", "two of three million"
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
        value *= SCALES.get(scale, SHORT_SCALES.get(scale, 1))
        currency = CURRENCIES.get(match.group("money_sign").lower(), "usd")
        return NumberMention(span_start, span_end, span_start, span_end, value, MONEY, currency)
    if group == "scaled_fraction":
        lead = match.group("sf_lead").lower()
        fraction = match.group("sf_frac")
        scale = SCALES[match.group("sf_scale").lower()]
        if lead == "half":
            value = scale / 2
        elif fraction:
            value = FRACTIONS[fraction.lower()] * scale
        else:
            value = scale
        return NumberMention(span_start, span_end, span_start, span_end, value, COUNT, "count")
    if group == "and_half":
        whole = parse_number(match.group("ah_whole"))
        if whole is None:
            return None
        value = (whole + 0.5) * SCALES[match.group("ah_scale").lower()]
        return NumberMention(span_start, span_end, span_start, span_end, value, COUNT, "count")
    if group == "fraction":
        return _fraction_mention(text, match)
    if group == "ordinal_span":
        return _ordinal_duration(text, match)
    return _plain_number(text, match)


def _fraction_mention(text: str, match: re.Match) -> NumberMention | None:
    word = match.group("frac_word").lower()
    count_word = (match.group("frac_count") or "").lower()
    span_start, span_end = match.span()
    before = text[max(0, span_start - 16) : span_start].lower()
    after = text[span_end : span_end + 16].lower()
    # A share is "a fifth of ...", "half the ..."; not "a third time", "the first half of 2025".
    follows = r"\s+(?:of|the)\b" if word in ("half", "halves") else r"\s+of\b"
    if not re.match(follows, after) or re.search(r"\b(?:first|second|last)\s+\Z", before):
        return None
    if not count_word and word not in ("half", "halves"):
        return None  # a bare "third" is an ordinal
    numerator = 1.0 if count_word in ("", "a", "an", "one") else float(CARDINALS.index(count_word))
    value = round_share(100 * numerator * FRACTIONS[word])
    if value > 100:
        return None
    return NumberMention(span_start, span_end, span_start, span_end, value, SHARE, "percent")


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
    if _may_end_with_label(before) and LABEL_BEFORE.search(before):
        return None
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
    if scale:
        value *= SCALES[scale.lower()]
        unit = "usd" if match.group("money_words") else "count"
        kind = MONEY if match.group("money_words") else COUNT
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
    after = AFTER_NUMBER.match(text, span_end, min(len(text), span_end + 40))
    if after is not None:
        if after.lastgroup in ("age", "clock", "ago"):
            return None
        if after.lastgroup == "word_after" and token[-1].isdigit():
            return None  # "50kg", "G7", "4x4"
        if after.lastgroup == "unit":
            unit = TIME_UNITS[after.group("unit_word").lower().rstrip("s")]
            mention = NumberMention(
                span_start, after.end(), span_start, after.end(), value, DURATION, unit
            )
            mention.provisional = bool(match.group("star"))
            return mention
    if value < 100 and DETERMINER_BEFORE.search(before):
        return None  # "the two sides", "its three hospitals": a known set, not a figure
    if is_word and value == 1 and not _ONE_HEDGED.search(before):
        return None  # "one" is mostly a pronoun
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


_ONE_HEDGED = re.compile(r"\b(?:only|just|at\s+least|about|nearly|some)\s+\Z", re.IGNORECASE)
_COUNTED_AFTER_YEAR = re.compile(r"\s+(?:people|persons|families|households|children|cases)\b")
# The last characters LABEL_BEFORE and QUALIFIER_BEFORE can match (lower case; a digit before
# a final "n" is "H5N1"): a cheap test before searching a window with a long alternation.
_LABEL_ENDINGS = (
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
    "under",
    "below",
    "over",
    "of",
    "covid",
    "-",
    "–",
    "to",
    "#",
    "№",
)
_QUALIFIER_ENDINGS = (
    "nearly",
    "almost",
    "about",
    "around",
    "roughly",
    "some",
    "estimated",
    "over",
    "than",
    "least",
    "only",
    "just",
    "to",
    "as",
    "approximately",
    "of",
    "under",
    "below",
)


# Letters that re's case-insensitive matching pairs with an ASCII letter other than their lower
# case ("ſ" ~ "s"), or whose lower case is longer ("İ"): a lower-cased test is not enough there.
UNUSUAL_CASE_LETTERS = ("İ", "ı", "ſ")


def _unusual_case(text: str) -> bool:
    return "İ" in text or "ı" in text or "ſ" in text


def _may_end_with_label(before: str) -> bool:
    tail = before.rstrip().lower()
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
        match = QUALIFIER_BEFORE.search(before)
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
    elif plus := _OR_MORE.match(text[mention.end : mention.end + 10]):
        mention.end += plus.end()
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
        merged.append(current)
        index += 1
    return merged


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
