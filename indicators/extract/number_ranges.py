"""Figures that are read together: a range ("between 30 and 40", "10-20%") merged into one
figure with both bounds, and a ratio restated by the percent in brackets after it.

Read on the figures `numbers.find_numbers` has found, after the scan.
"""

from __future__ import annotations

import re

from indicators.extract import number_context as context
from indicators.extract import vocabulary
from indicators.extract.number_mention import COUNT, MEASURE, MONEY, SHARE, NumberMention
from indicators.extract.number_words import parse_number, scaled

RANGE_GAP = re.compile(r"\s*(?:-|–|—|to|and)\s*\Z", re.IGNORECASE)
# "have ranged from 24% to 88%": from one bound to the other, no change
_RANGE_VERBS = vocabulary.alternatives(vocabulary.words("range_verbs"))
_RANGED_FROM = re.compile(rf"\b(?:{_RANGE_VERBS})\s+from\s+\Z", re.IGNORECASE)


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
            low, high = _low_scaled(text, current, following), following.value
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
                    # "about 10-15%", "some 2-3 million": the hedge is the range's
                    qualifier=current.qualifier,
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
        if (
            following is not None
            and current.kind == MEASURE == following.kind
            and current.unit != following.unit
            and _IN_PARENTHESES.fullmatch(text, current.end, following.start)
            and text.startswith(")", following.end)
        ):
            # "1,284 hectares (12.84 million square metres)": one measure, told in two units
            # (money told again in dollars stays two figures, as the reports' tables keep both)
            merged.append(current)
            index += 2
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


_IN_PARENTHESES = re.compile(r"\s*\(\s*(?:(?:about|around|some|roughly|or)\s+)?")

# "Nearly two out of three IDPs (64 percent)", "one in five (21%)", "Nearly four in five of
# the deaths and disappearances (79 per cent)": a few words, then the percent in parentheses
_RESTATED_GAP = re.compile(r"(?:\s+[^\s\d().,;:]+){0,6}\s*\(\s*\Z")


def _restated_share(text: str, share: NumberMention, exact: NumberMention) -> bool:
    """Is `share` a ratio or fraction ("two out of three") restated exactly by the percent in
    parentheses right after it ("(64 percent)")? Then the two are one figure."""
    if share.kind != SHARE or exact.kind != SHARE or share.value is None or exact.value is None:
        return False
    if exact.start - share.end > 80 or text[exact.end : exact.end + 1] != ")":
        return False
    stated = text[share.number_start : share.number_end]
    if "%" in stated or "cent" in stated:
        return False  # two percents side by side are two figures
    if abs(share.value - exact.value) > 10:
        return False
    return _RESTATED_GAP.match(text[share.end : exact.start]) is not None


# the scales a range's second figure may carry for both ("2-3 million": 2 million to 3)
_SCALES = (1e3, 1e6, 1e9)
_DIGITS = re.compile(r"[\d.,]+")


def _low_scaled(text: str, low: NumberMention, high: NumberMention) -> float:
    """The range's first figure, in the scale the second states for both: "2-3 million",
    "between 2 and 3 million" is 2 million to 3 million; "between 200 and 3 million" is not
    (200 million is no lower bound of 3 million)."""
    if low.value is None or high.value is None or high.kind not in (COUNT, MONEY):
        return low.value
    stated_low = text[low.number_start : low.number_end]
    if low.kind not in (COUNT, MONEY) or not _DIGITS.fullmatch(stated_low.lstrip("$£€")):
        return low.value  # the first states its own scale ("2 million to 3 million")
    digits = _DIGITS.match(text, high.number_start, high.number_end)
    number = parse_number(digits.group()) if digits else None
    if not number:
        return low.value
    for factor in _SCALES:
        if abs(high.value - scaled(number, factor)) < 1e-6 * high.value:
            candidate = scaled(low.value, factor)
            return candidate if candidate < high.value else low.value
    return low.value


# the word of a numbered week or round before a number (`before` is lower-cased): "week 35",
# "epidemiological week (EW) 36", "round 12"
_NUMBERED_BEFORE = re.compile(r"(?:\bweek|\bew\)?|\bround)\s\Z")


def _is_range(text: str, low: NumberMention, high: NumberMention) -> bool:
    if high.qualifier or low.value is None or high.value is None:
        return False
    if low.qualifier and (low.value_low is not None or low.value_high is not None):
        return False  # "more than 10 to 15": a bound, then a figure
    gap = text[low.number_end : high.number_start]
    if len(gap) > 7 or not RANGE_GAP.match(gap):
        return False
    joiner = gap.strip().lower()
    before = text[max(0, low.start - 10) : low.start].lower()
    if joiner == "and" and not before.rstrip().endswith("between"):
        return False
    if joiner == "to" and before.rstrip().endswith("from"):
        # "rose from 860 to 1,230" is a change; "ranged from 24% to 88%" a range
        return _RANGED_FROM.search(text, max(0, low.start - 20), low.start) is not None
    if before.endswith((" ", ")")) and _NUMBERED_BEFORE.search(before):
        return False  # "from 1,100 in week 35 to 1,650": a week's number, then a figure
    low_value = _low_scaled(text, low, high)
    # "$2-3 million": the second takes the first's currency (its scale said once, after it)
    money_pair = low.kind == MONEY and high.kind == COUNT and low_value != low.value
    high_kind = MONEY if money_pair else high.kind
    if not low_value < high.value or low.kind not in (COUNT, high_kind):
        return False
    if low.kind == COUNT and high_kind == COUNT and low.unit != high.unit:
        return False
    if money_pair:
        high.kind, high.unit = MONEY, low.unit
    return True
