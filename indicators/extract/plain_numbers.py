"""What a plain number is a figure of, from the words around it: a label, an age, a level
or a reference before it ("phase 3", "aged 5"), a unit after it ("days", "km", "a.m."), a
year, a step of a sequence. A number that is none of these is a count.

The largest single reading of a match, kept apart from the scan in `numbers`.
"""

from __future__ import annotations

import re

from indicators.extract import number_context as context
from indicators.extract import vocabulary
from indicators.extract.number_mention import (
    COUNT,
    DURATION,
    MEASURE,
    MONEY,
    MULTIPLIER,
    PERIOD,
    SHARE,
    NumberMention,
)
from indicators.extract.number_words import (
    DISTANCE_UNITS,
    MEASURE_UNITS,
    MONEY_WORDS,
    SCALES,
    SHORT_SCALES,
    SPACES,
    TIME_UNITS,
    parse_number,
    scaled,
)
from indicators.extract.patterns import _unusual_case, alternation

SPEED_UNITS = vocabulary.words("speed_units")

_NOT_COUNTED = alternation(vocabulary.words("not_counted"))
_AGE_NOUNS = alternation(vocabulary.words("age_nouns"))
_CHANGE_WORD = alternation(vocabulary.words("change_words"))

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
# the words of a scale's level ("severity 4") are labels too, and open a label's range
_LEVEL_LABEL_WORDS = vocabulary.words("level_label_words")
LABEL_WORDS += [word for word in _LEVEL_LABEL_WORDS if word not in LABEL_WORDS]
LABEL_PHRASES = (
    (rf"{_AGE_NOUNS}\s+(?:under|below|over)",
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
      | (?P<ago>\s+(?:hours?|days?|weeks?|months?|years?)\s+(?:ago|earlier|later|before|after|apart)\b)
      | (?P<unit>[\s-]+(?P<unit_word>hours?|days?|weeks?|months?|years?)\b)
      | (?P<measure>\s(?P<measure_unit>{alternation(MEASURE_UNITS)})\b)
      | (?P<speed>\s?(?P<speed_unit>{alternation(SPEED_UNITS)})(?![\w/]))
      | (?P<distance>[\s-]?(?P<distance_unit>{alternation(DISTANCE_UNITS)})\b(?P<length>\s+of\s+(?!the\b|its\b|their\b)(?-i:[a-z]))?)
      | (?P<structure>\s+(?:[a-z]+\s+)?{_NOT_COUNTED}\b(?!-))
      | (?P<times>\s+times\b(?!\s+(?:a|per|each|every|this|that|last|in|over|since)\b))
      | (?P<word_after>[a-z]|-[a-z])""",
    re.IGNORECASE | re.VERBOSE,
)


# "2.3m children", "1.2m people": millions of what the next word names, as the press writes
# them; not "a 5m wall", "2m high", "rose 2m" (metres)
_MILLIONS_NOUN = re.compile(
    r"\s?(?:(?i:[a-z]+s|people|children|women|men|youth|population)|[A-Z][a-z]+ese)\b"
)
_ARTICLE_BEFORE = re.compile(r"\b(?:a|an)\s+\Z", re.IGNORECASE)
_MAGNITUDE_BEFORE = re.compile(r"\bmagnitude\s+(?:of\s+)?\Z", re.IGNORECASE)
# the second of two magnitudes ("earthquakes of magnitude 7.1 and 6.6"): a magnitude too
_MAGNITUDES_BEFORE = re.compile(
    r"\bmagnitudes?\s+(?:of\s+)?\d+(?:\.\d+)?(?:,\s*\d+(?:\.\d+)?)*,?\s+(?:and|or)\s+\Z",
    re.IGNORECASE,
)


def _millions_of(text: str, start: int, end: int) -> bool:
    """Is the lower-case "m" after a number (text[start:end], "2.3m") millions?"""
    if _ARTICLE_BEFORE.search(text, max(0, start - 4), start):
        return False
    return _MILLIONS_NOUN.match(text, end) is not None


def plain_number(text: str, match: re.Match) -> NumberMention | None:
    span_start, span_end = match.span()
    token = match.group("num")
    value = parse_number(token)
    if value is None:
        return None
    before = text[max(0, span_start - 24) : span_start]
    # a label stands on the figure's line: a heading above it ("Update") labels nothing
    own_line = before[before.rfind("\n") + 1 :] if "\n" in before else before
    if (
        before.endswith(("and ", "or "))
        and "agnitude" in own_line
        and token[0].isdigit()
        and _MAGNITUDES_BEFORE.search(own_line)
    ):  # "earthquakes of magnitude 7.1 and 6.6": the second is a magnitude too
        return NumberMention.alone(span_start, span_end, value, MEASURE, "magnitude")
    if (
        _may_end_with_label(own_line)
        and _LABEL_BEFORE_TRIE.search(own_line)
        and not (  # "reached 9,200 children, against a target of 20,000": the plan's count
            before.endswith("target of ")
            and not match.group("percent")
            and _AGAINST_TARGET.search(before)
        )
        # "Health partners report 112 suspected cases": the verb, not "Situation Report 12"
        and not (before.endswith(_VERB_LABEL_ENDINGS) and _REPORTING_VERB.search(before))
    ):
        if token[0].isdigit() and _MAGNITUDE_BEFORE.search(own_line):
            # "A magnitude 6.0 earthquake", "an aftershock of magnitude 5.2": its intensity
            return NumberMention.alone(span_start, span_end, value, MEASURE, "magnitude")
        return None
    if before.endswith(_SEQUENCE_ENDINGS) and _SEQUENCE_BEFORE.search(before):
        return None  # "Round 12" of a tracking assessment, "EW 30", "week (EW) 1"
    if len(token) <= 2 and value <= 31 and _DAYS_OF_A_MONTH.match(text, span_end, span_end + 40):
        return None  # "on 10 and 11 March", "on 3, 4 and 5 August": days of a month
    if before.endswith(_LEVEL_RANGE_ENDINGS) and _LEVEL_RANGE_BEFORE.search(own_line):
        return None  # "IPC Phases 3 to 5", "severity 4 or 5": the range's end is a label too
    if context.not_a_figure(text, token, before, span_start, span_end):
        return None  # "the 15% emergency threshold", "0800 100 066", "Ifo 2", "one meal a day"
    is_word = not token[0].isdigit()
    if match.group("percent"):
        if value > 100:
            return None  # a share is 0-100; a rise "by 150 percent" is not one
        return NumberMention.alone(
            span_start,
            span_end,
            value,
            SHARE,
            "percent",
            provisional=bool(match.group("star")),
        )
    scale = match.group("scale")
    short_scale = (match.group("short_scale") or "").lstrip()
    if (
        short_scale
        and short_scale[0] == "m"
        and text[match.end("short_scale") - len(short_scale)] == "m"
        and not _millions_of(text, span_start, match.end("short_scale"))
    ):
        return None  # "a 5m wall", "rose 2m": metres, not millions
    if short_scale and token[-1].isdigit():  # "15.5M", "2bn" in tables of key figures
        value = scaled(value, SHORT_SCALES[short_scale.lower()])
        return NumberMention.alone(span_start, span_end, value, COUNT, "count")
    if scale:
        value = scaled(value, SCALES[scale.lower()])
        money = match.group("money_words")
        unit = MONEY_WORDS[SPACES.sub(" ", money.lower())] if money else "count"
        kind = MONEY if money else COUNT
        measure = (
            _MEASURE_AFTER.match(text, span_end)
            if not money and text[span_end + 1 : span_end + 2] in _MEASURE_INITIALS
            else None
        )
        if measure is not None:  # "2.3 million hectares"
            end = measure.end("unit")
            unit = MEASURE_UNITS[SPACES.sub(" ", measure.group("unit").lower())]
            return NumberMention.alone(span_start, end, value, MEASURE, unit)
        return NumberMention.alone(
            span_start,
            span_end,
            value,
            kind,
            unit,
            provisional=bool(match.group("star")),
        )
    if looks_like_year(token, value, text, span_end):
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
            unit = MEASURE_UNITS[SPACES.sub(" ", after.group("measure_unit").lower())]
            per = context.MEASURE_PER.match(text, end) if text.startswith(" per ", end) else None
            if (
                value == 1
                and per is None
                and text[end : end + 3].lstrip()[:1] in context.LABEL_ENDS
            ):
                return None  # "Rice, 1 kg: SYP 27,500": the quantity a price is for
            if per is None and _PACKAGE_AFTER.match(text, end) and _SIZE_ARTICLE.search(before):
                return None  # "a 50 kg bag of wheat flour": the size of what is priced
            if per is not None:  # "14.2 litres per person per day": one measure per base
                end = per.end()
                base = per.group("base").lower()
                unit += " per " + context.PER_PERSON.get(base, base)
                if per.group("time"):
                    unit += " per " + per.group("time").lower()
            return NumberMention.alone(span_start, end, value, MEASURE, unit)
        if after.lastgroup == "speed":  # "winds of 185 km/h": a hazard's speed
            unit = SPEED_UNITS[SPACES.sub(" ", after.group("speed_unit").lower())]
            return NumberMention.alone(span_start, after.end("speed_unit"), value, MEASURE, unit)
        if after.lastgroup == "distance":
            if after.group("length") is None and not _travelled(text, span_start):
                return None  # "within 25 km of the border": where, not how much
            end = after.end("distance_unit")
            unit = DISTANCE_UNITS[after.group("distance_unit").lower()]
            return NumberMention.alone(span_start, end, value, MEASURE, unit)
        if after.lastgroup == "times":
            # "almost three times the weekly average", "nearly four times its capacity": a
            # multiplier ("three times a week" says how often, and is no figure of it)
            return NumberMention.alone(span_start, after.end(), value, MULTIPLIER, "times")
        if after.lastgroup == "word_after" and token[-1].isdigit():
            return None  # "50kg", "G7", "4x4"
        if after.lastgroup == "unit":
            window = text[max(0, span_start - 50) : span_start]
            if ("age" in window or "ange" in window) and context.AGE_BEFORE.search(window):
                return None  # "the median age is 27 years (range: 3 months to 71 years)"
            unit = TIME_UNITS[after.group("unit_word").lower().rstrip("s")]
            if _LEFT_AFTER.match(text, after.end()):
                return None  # "with two months of the year left": time left, no figure
            mention = NumberMention.alone(span_start, after.end(), value, DURATION, unit)
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
            elif (" in " in window or " within " in window or " over " in window) and (
                _FIGURE_THEN_IN.search(window)
            ):
                mention.kind = PERIOD  # "3,000 people fled in 24 hours": the period of a figure
            return mention
    if value < 100 and DETERMINER_BEFORE.search(before) and not before.endswith(context.OF_WHICH):
        return None  # "the two sides", "its three hospitals": a known set, not a figure
    if is_word and value == 1 and not _ONE_HEDGED.search(before):
        return None  # "one" is mostly a pronoun
    if value == 1 and before.endswith("least ") and context.AT_LEAST_ONE_OBJECT.search(before):
        return None  # "districts that have reported at least one case": a definition
    return NumberMention.alone(
        span_start,
        span_end,
        value,
        COUNT,
        "count",
        provisional=bool(match.group("star")),
    )


# label words that are also verbs: after a plural subject ("partners", not "progress"), in
# lower case, they report a figure ("partners report 112 cases") and name no document
_VERB_LABEL_ENDINGS = ("report ", "update ")
_REPORTING_VERB = re.compile(r"\b[A-Za-z][a-z]*[^\Ws]s\s+(?:now\s+|also\s+)?(?:report|update)\s\Z")
# a number that names a step of a sequence: "Round 12", "EW 30", "epidemiological week (EW) 1"
_SEQUENCE_ENDINGS = ("ound ", "OUND ", "EW ", "EW) ")
# "a 50 kg bag", "each 12.5 kg cylinder": a package after its size
_PACKAGE_NOUNS = vocabulary.words("package_nouns")
_PACKAGE_AFTER = re.compile(rf"\s+{alternation(_PACKAGE_NOUNS)}s?\b", re.IGNORECASE)
_SIZE_ARTICLE = re.compile(r"\b(?:a|an|each|every|per|one|the)\s+\Z", re.IGNORECASE)
# the days after a day of a month that list it with them, then the month: "10 and 11 March"
_MONTH_WORDS = alternation(vocabulary.words("months", "dates"))
_DAYS_OF_A_MONTH = re.compile(
    rf"(?:\s*,\s*\d{{1,2}}){{0,5}},?\s*(?:and|&|or)\s+\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH_WORDS}\b",
    re.IGNORECASE,
)
# the end of a range of a scale's levels, after its first number and "or", "to", "and"
_LEVEL_RANGE_ENDINGS = (" or ", " to ", " and ", "-", "–")
_LEVEL_RANGE_BEFORE = re.compile(
    rf"\b{alternation(_LEVEL_LABEL_WORDS)}\s+\d+\s*(?:or|to|and|[-–])\s*\Z", re.IGNORECASE
)
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
    rf"\b{_CHANGE_WORD}\s+(?:(?:by\s+)?(?:(?:about|some|nearly|almost|over|more\s+than)\s+)?"
    r"\d[\d.,]*\s*(?:%|percent|per\s+cent)?\s+)?"  # "rose by 20 percent in two weeks"
    r"(?:(?:in|over|within)\s+(?:(?:the|its)\s+(?:past|last)\s+)?|in\s+just\s+)\Z",
    re.IGNORECASE,
)
# a figure and its words, then "in", "within" or "over" before a duration: "Some 3,000 people
# fled in 24 hours", "rainfall of up to 250 mm in 24 hours"
_FIGURE_THEN_IN = re.compile(
    r"\d(?:[\d.,]*\d)?(?:\s*%)?(?:\s+[^\W\d]+){1,4}\s+(?:in|within|over)\s+"
    r"(?:(?:just|only|barely)\s+|the\s+(?:past|last|first)\s+)?\Z",
    re.IGNORECASE,
)
# "with two months of the year left", "three weeks remaining": how long is left, no figure
# "walk an average of 9.6 km to fetch water": how far someone goes (figures.json:
# distance_travelled_words), a figure; the words as written mid-sentence are the fast test
_TRAVELLED_WORDS = vocabulary.words("distance_travelled_words")
_TRAVELLED = re.compile(r"\b(?:" + vocabulary.alternatives(_TRAVELLED_WORDS) + r")\b", re.I)


def _travelled(text: str, start: int) -> bool:
    window = text[max(0, start - 60) : start]
    lowered = window.lower()
    return any(word in lowered for word in _TRAVELLED_WORDS) and bool(_TRAVELLED.search(window))


_LEFT_AFTER = re.compile(
    r"\s+(?:of\s+(?:the|this|its|their)\s+(?:"
    + vocabulary.alternatives(vocabulary.words("periods_left"))
    + r")\s+)?(?:left|remaining|to\s+go)\b",
    re.IGNORECASE,
)
_ONE_HEDGED = re.compile(r"\b(?:only|just|at\s+least|about|nearly|some)\s+\Z", re.IGNORECASE)
_COUNTED_AFTER_YEAR = re.compile(r"\s+(?:people|persons|families|households|children|cases)\b")
# The last characters LABEL_BEFORE and QUALIFIER_BEFORE can match (lower case; a digit before
# a final "n" is "H5N1"): a cheap test before searching a window with a long alternation.
_LABEL_ENDINGS = tuple(
    LABEL_WORDS + [ending for _, endings in LABEL_PHRASES for ending in endings] + ["#", "№"]
)


def _may_end_with_label(before: str) -> bool:
    tail = before.rstrip().lower()
    if tail.endswith(("and", "from")):  # only "aged between 15 and", "a scale from"
        return "age" in tail or "scale" in tail or "ladder" in tail or _unusual_case(before)
    return (
        tail.endswith(_LABEL_ENDINGS)
        or (tail[-1:] == "n" and tail[-2:-1].isdigit())
        or _unusual_case(before)
    )


def looks_like_year(token: str, value: float, text: str, end: int) -> bool:
    if len(token) != 4 or not token.isdigit() or not 1900 <= value <= 2099:
        return False
    return not _COUNTED_AFTER_YEAR.match(text, end, end + 16)
