"""A figure found in a text: the `NumberMention` record and the kinds of figure it can be.

Kept on its own so that every module that reads a part of a figure (its number words, its
qualifier, its unit, a range it is part of) shares the one record without importing the scan.
"""

from __future__ import annotations

from dataclasses import dataclass

# Kinds of figure.
COUNT = "count"
SHARE = "share"  # a percent, 0-100
DURATION = "duration"
MONEY = "money"
RATE = "rate"  # per a stated denominator: "1.8 deaths per 10,000 people per day"
MULTIPLIER = "multiplier"  # "ten-fold", "tripled": unit `times`
MEASURE = "measure"  # a physical quantity: "6,500 km of roads", "2.3 million hectares"
PERIOD = "period"  # the period of a change, not a figure: "doubled in three months"


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

    @classmethod
    def alone(cls, start, end, value, kind, unit, **fields) -> NumberMention:
        """A figure that is its number alone, as first read (its qualifier comes later)."""
        return cls(start, end, start, end, value, kind, unit, **fields)
