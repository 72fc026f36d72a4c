"""The year of a plan, which dates its requirement and not the clauses after it: "WHO
requires US$ 54 million for its response in 2025; 31% has been received". "For 2025" after
an amount needed says which year's plan needs it; a figure of another clause that takes no
date of its own holds as the report states it, and takes none from the plan (a figure of
the same clause, "received US$ 61.3 million of the US$ 178 million required for 2025", is
of the same plan's year)."""

from __future__ import annotations

import re

from indicators.extract.catalogue import content_word_tuple

# "for 2025", "for its response in 2025", "for the year 2025" just before the date phrase
_FOR_BEFORE = re.compile(
    r"\bfor\s+(?:(?:its|their|the)\s+(?:[a-z]+\s+){0,3}(?:in\s+)?)?\Z", re.IGNORECASE
)
_NEED = content_word_tuple("need")[0]


def of_another_figures_plan(text: str, period, mention, mentions) -> bool:
    """Is `period` the year of a plan whose requirement is another figure than `mention`:
    "for 2025" after the last figure before it (of `mentions`), an amount a word of need
    ("requires", "sought", "requested") stands beside?"""
    if period is None or period.start < 5:
        return False
    # the phrase may hold its "for" ("for 2025")
    at = period.start + 4 if period.text[:4].lower() == "for " else period.start
    if "for" not in text[max(0, at - 40) : at]:
        return False
    if _FOR_BEFORE.search(text, max(0, at - 40), at) is None:
        return False
    required = None
    for other in mentions:
        if other.end <= period.start:
            required = other
    if required is None or required is mention:
        return False
    words = content_word_tuple(text[max(0, required.start - 30) : at])
    return _NEED in words
