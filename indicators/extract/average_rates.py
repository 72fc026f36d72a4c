"""A rate stated as the average of a figure before it: "UNRWA teams provided 112,400 health
consultations in the first two weeks of October, an average of some 8,000 a day", "Settler
attacks ... rose to 148 in July, ..., an average of almost five a day". The clause of the
average names nothing but the average; what it is an average of is what the clause before it
counts, so its words name the rate too.
"""

from __future__ import annotations

import re

# what opens the clause of an average, up to its figure and a hedge before it
_AVERAGE_BEFORE = re.compile(
    r"^[,;\s]*(?:(?:an|the|on)\s+)?(?:average|averaging)(?:\s+of)?\s+(?:[a-z]+\s+)?\Z",
    re.IGNORECASE,
)


def words_averaged(text: str, sentence_start: int, figure_start: int) -> str:
    """The words of the sentence before the comma that opens an average's own words ("" when
    the figure at `figure_start` is no average after a comma)."""
    if text.find("verag", max(sentence_start, figure_start - 30), figure_start) < 0:
        return ""
    comma = text.rfind(",", max(sentence_start, figure_start - 30), figure_start)
    if comma < 0 or _AVERAGE_BEFORE.match(text[comma:figure_start]) is None:
        return ""
    return text[sentence_start:comma]
