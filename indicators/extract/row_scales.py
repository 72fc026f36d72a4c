"""The scale a list's lead-in gives its rows' figures: under "Needs by sector (people in need,
millions):" the row "Food security: 12.9" is 12.9 million people, as a table's header "(in
thousands)" scales its cells. The scale words are vocabulary (figures.json: row_scales).
"""

from __future__ import annotations

import functools
import re

from indicators.extract import vocabulary
from indicators.extract.locations import lead_in_of_list
from indicators.extract.number_words import scaled

ROW_SCALES: dict[str, float] = {
    word: float(factor) for word, factor in vocabulary.words("row_scales").items()
}
# a scale word in the lead-in's parentheses: "(people in need, millions)", "(in thousands)"
_SCALE_IN_PARENTHESES = re.compile(
    r"\((?:[^()]*?[\s,])?(?:in\s+)?(?P<scale>"
    + vocabulary.alternatives(sorted(ROW_SCALES, key=len, reverse=True))
    + r")\s*\)",
    re.IGNORECASE,
)


@functools.lru_cache(maxsize=256)
def _scale_of_lead_in(lead_in: str) -> float:
    match = _SCALE_IN_PARENTHESES.search(lead_in) if "(" in lead_in else None
    return ROW_SCALES[match.group("scale").lower()] if match else 1.0


def row_scale(text: str, row_start: int, number_start: int) -> float:
    """The factor the lead-in of the list whose row ("Label: figure") opens at `row_start`
    scales the row's figure by; 1 when the row is none or its lead-in names no scale."""
    if text.find(":", row_start, number_start) < 0:
        return 1.0
    lead_in = lead_in_of_list(text, row_start)
    return _scale_of_lead_in(lead_in) if lead_in else 1.0


def scaled_bounds(value, low, high, factor: float):
    """(value, low, high), each scaled by `factor` (None stays None)."""
    return tuple(None if v is None else scaled(v, factor) for v in (value, low, high))
