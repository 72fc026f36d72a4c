"""A figure of the people an action reached, in a participle clause after it: "UNICEF set up
312 temporary learning spaces, reaching 38,900 children", "trucking water to 41 villages,
serving some 52,000 people". The clause holds a figure of its own (the places, the spaces),
yet the people counted after the participle are those the action before reached: its words
say what they were reached with, and are the later figure's own words as much as its noun."""

from __future__ import annotations

import re

from indicators.extract import vocabulary
from indicators.extract.hints import prefix_hints

_HEDGES = vocabulary.alternatives(vocabulary.words("hedges"))
_PARTICIPLES = vocabulary.alternatives(vocabulary.words("reach_participles"))
_REACHED_AFTER = re.compile(
    rf",\s+(?:{_PARTICIPLES})"
    rf"\s+(?:(?:{_HEDGES})\s+)?(?:a\s+total\s+of\s+)?\Z",
    re.IGNORECASE,
)
_HINTS = prefix_hints(_REACHED_AFTER)


def reached_by_the_action_before(before: str) -> bool:
    """Does the text just before a figure end with ", reaching" (a hedge may follow)?"""
    return any(hint in before for hint in _HINTS) and _REACHED_AFTER.search(before) is not None
