"""A figure as read from a sentence: its number mention (none for a vague amount or a
status), the candidate observation, its clause, whether a noun follows it, its period, and the
figure family and rate it was read with. The readings that make figures (`figures`,
`figure_statuses`) and the run that uses them (`pipeline`) share it.
"""

from __future__ import annotations

from dataclasses import dataclass

from indicators.extract import numbers as num
from indicators.extract.candidates import Observation
from indicators.extract.dates import DatePhrase


@dataclass(slots=True)
class _Figure:
    mention: num.NumberMention | None
    observation: Observation
    clause: tuple[int, int]
    has_noun: bool
    period: DatePhrase | None
    family: str
    rate: str
