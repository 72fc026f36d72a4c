"""A figure's unit, value and period as an observation states them.

Rates ("300 a day", "weekly"), whether a stated unit can be kept in an indicator's
(`units_agree`) and the conversion when it can (`convert`), the unit a proposed indicator is
given, a count too odd to be one (`implausible`), and the period fields of an observation.
`figures.FigureReading` asks these once it knows what a figure measures; none needs the
sentence or the run.
"""

from __future__ import annotations

import re

from indicators.extract import numbers as num
from indicators.extract import vocabulary
from indicators.extract.dates import DatePhrase

# Rate adverbs and the unit of time each is per (figures.json).
ADVERB_UNIT: dict[str, str] = vocabulary.words("rate_adverbs")
# Lower case on purpose: "Horn Daily" is a newspaper, not a rate.
RATE_AFTER = re.compile(
    r"\b(?:(?:a|per|each|every)\s+(?P<unit>"
    + vocabulary.alternatives(ADVERB_UNIT.values())
    + r")|(?P<adverb>"
    + vocabulary.alternatives(ADVERB_UNIT)
    + r"))\b"
)
RATE_BEFORE = re.compile(
    r"\b(?:[Ee]ach|[Ee]very|per)\s+(?P<unit>day|week|month)\b|\b(?P<adverb>daily|weekly)\b"
)
# The units and adverbs of RATE_AFTER (RATE_BEFORE's are among them) less those that hold
# another ("weekly" holds "week"): a window holding none cannot match either pattern.
_RATE_WORDS = (*ADVERB_UNIT.values(), *ADVERB_UNIT)
_RATE_HINTS = tuple(w for w in _RATE_WORDS if not any(o != w and o in w for o in _RATE_WORDS))


def find_rate(pattern: re.Pattern, window: str) -> re.Match | None:
    """RATE_AFTER or RATE_BEFORE searched in a window, which must hold one of their words."""
    if any(hint in window for hint in _RATE_HINTS):
        return pattern.search(window)
    return None


def period_fields(period: DatePhrase | None) -> dict:
    fields = {
        "period_start": "",
        "period_end": "",
        "period_precision": "",
        "period_end_precision": "",
        "period_as_stated": "",
    }
    if period is None:
        return fields
    first, last = period.first, period.last
    if period.role == "since":
        last = None
    if period.role == "until":
        first = None
    if first is not None:
        fields["period_start"] = first.day.isoformat()
        fields["period_precision"] = first.precision
    if last is not None:
        fields["period_end"] = last.day.isoformat()
        if first is None or last.precision != first.precision:
            fields["period_end_precision"] = last.precision
    fields["period_as_stated"] = period.text
    return fields


def units_agree(kind: str, stated: str, indicator_unit: str) -> bool:
    """Can a figure stated in `stated` be kept in the indicator's unit? A duration only in its
    own unit or one it converts to exactly (weeks to days)."""
    if kind != num.DURATION or stated == indicator_unit:
        return True
    return (stated, indicator_unit) in _UNIT_FACTORS


def implausible(kind: str, unit: str, value: float | None) -> str:
    """Why a figure's size is implausible for its unit, or "": a count of people or things
    that is not a whole number ("some 2.6 people fled": a "million" dropped from the text)."""
    if value is None or kind != num.COUNT or not unit.startswith("count"):
        return ""
    if value != int(value):
        return (
            f"a count of {value:g} is not a whole number; the text may have dropped a word "
            "such as “million”"
        )
    return ""


def proposed_unit(kind: str, unit: str, rate: str) -> str:
    if rate:
        return f"{unit if unit not in ('count', '') else 'count'} per {rate}"
    if kind == num.SHARE:
        return "percent"
    if kind == num.DURATION:
        return {"weeks": "days", "years": "months", "hours": "hours"}.get(unit, unit)
    return unit


_UNIT_FACTORS = {
    ("weeks", "days"): 7,
    ("years", "months"): 12,
    ("months", "days"): 30,
    ("years", "days"): 365,
}


def convert(value, low, high, stated_unit: str, unit: str, notes: list[str]):
    """A duration stated in weeks or years, for an indicator kept in days or months."""
    if stated_unit == unit:
        return value, low, high
    factor = _UNIT_FACTORS.get((stated_unit, unit))
    if factor is None or value is None:
        return value, low, high
    notes.append(f"stated in {stated_unit}, converted to {unit}")
    return (
        num.scaled(value, factor),
        num.scaled(low, factor) if low is not None else None,
        num.scaled(high, factor) if high is not None else None,
    )
