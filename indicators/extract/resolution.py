"""The last stage: one candidate per fact of a report.

A figure repeated in a headline, a summary box and the body is one candidate, the statement
that says the most; its notes name where else it is stated.
"""

from __future__ import annotations

import re

from indicators.extract.candidates import Observation
from indicators.schema import LOWER_BOUND_QUALIFIERS, UPPER_BOUND_QUALIFIERS


def one_per_fact(
    observations: list[Observation], publisher: str, default_place: str
) -> list[Observation]:
    """One candidate per fact: a figure repeated in a headline, a summary box and the body
    (same indicator, value, bounds and unit; qualifier, period, attribution and place the same
    or left unsaid in one) is kept once, as the statement that says the most, whose notes name
    where else it is stated."""
    kept: list[Observation] = []
    by_value: dict[tuple, list[int]] = {}  # (value, unit) -> indexes in kept: facts to compare
    for observation in observations:
        key = (observation.value, observation.unit)
        for index in by_value.get(key, ()) if observation.value is not None else ():
            other = kept[index]
            if _same_fact(other, observation, publisher, default_place):
                richer, poorer = (
                    (observation, other)
                    if _detail(observation, publisher) > _detail(other, publisher)
                    else (other, observation)
                )
                also = f"also stated at [{poorer.quote_start}:{poorer.quote_end}]"
                richer.notes = "; ".join(n for n in (richer.notes, poorer.notes, also) if n)
                kept[index] = richer
                break
        else:
            by_value.setdefault(key, []).append(len(kept))
            kept.append(observation)
    return kept


def _same_fact(a: Observation, b: Observation, publisher: str, default_place: str) -> bool:
    if a.value is None or (a.value, a.unit) != (b.value, b.unit):
        return False
    if a.indicator_id != b.indicator_id and not (
        # a headline and the body word one figure differently: "Nearly one million Rohingya
        # refugees face cuts" and "Nearly one million Rohingya refugees live in the camps"
        (a.indicator_is_new or b.indicator_is_new)
        and a.value_as_stated.lower() == b.value_as_stated.lower()
        and a.value >= 1000
        # one of them a sentence of the body: two rows of key figures are two facts
        and (_is_sentence(a.quote) or _is_sentence(b.quote))
    ):
        return False
    if a.quote_start == b.quote_start:
        return False  # two figures of one sentence are two statements
    if _is_row(a.quote) and _is_row(b.quote):
        return False  # two rows of a table are two facts, whichever place one leaves unsaid
    label_a, label_b = _ROW_LABEL.match(a.quote), _ROW_LABEL.match(b.quote)
    if label_a and label_b and label_a.group(1).strip() != label_b.group(1).strip():
        return False  # "- Germany: €1 million", "- Japan: €1 million": two rows, two facts
    if (a.value_low, a.value_high) != (b.value_low, b.value_high) and a.qualifier and b.qualifier:
        return False

    def agree(x: str, y: str, unsaid: tuple[str, ...] = ("",)) -> bool:
        return x == y or x in unsaid or y in unsaid

    return (
        (agree(a.qualifier, b.qualifier) or _same_bound(a.qualifier, b.qualifier))
        and agree(a.period_start, b.period_start)
        and agree(a.period_end, b.period_end)
        and agree(a.attributed_to, b.attributed_to, ("", publisher))
        and agree(a.location, b.location, ("", "Unknown", default_place))
    )


# the label of a "Label: figure" row or bullet
_ROW_LABEL = re.compile(r"\s*(?:[-•*–]\s+)?([^:\n]{1,60}):\s")


def _is_row(quote: str) -> bool:
    """A row of a table: cells parted by bars, by tabs or by runs of spaces (a table pasted)."""
    return "|" in quote or "\t" in quote or "   " in quote


def _is_sentence(quote: str) -> bool:
    return quote.rstrip()[-1:] in ".!?"


def _same_bound(x: str, y: str) -> bool:
    """'over 243,000' and 'more than 243,000' state the same bound in other words."""
    return (x in LOWER_BOUND_QUALIFIERS and y in LOWER_BOUND_QUALIFIERS) or (
        x in UPPER_BOUND_QUALIFIERS and y in UPPER_BOUND_QUALIFIERS
    )


def _detail(observation: Observation, publisher: str) -> tuple:
    """How much a statement of a figure says: a period, a named source, a hedge, then a full
    sentence over a line of a key-figures box."""
    return (
        not observation.indicator_is_new,  # a catalogue indicator over a proposed one
        bool(observation.period_start or observation.period_end),
        observation.attributed_to != publisher,
        bool(observation.qualifier),
        _is_sentence(observation.quote),  # a sentence of the body over a box's line
        -observation.quote_start,  # then the first
    )
