"""Figures that are read together: a range ("between 30 and 40", "10-20%") merged into one
figure with both bounds, and a ratio restated by the percent in brackets after it.

Read on the figures `numbers.find_numbers` has found, after the scan.
"""

from __future__ import annotations

import re

from indicators.extract import number_context as context
from indicators.extract.number_mention import COUNT, MEASURE, SHARE, NumberMention

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
        if (
            following is not None
            and current.kind == MEASURE == following.kind
            and current.unit != following.unit
            and _IN_PARENTHESES.fullmatch(text, current.end, following.start)
            and text.startswith(")", following.end)
        ):
            # "1,284 hectares (12.84 million square metres)": one measure, told in two units
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
