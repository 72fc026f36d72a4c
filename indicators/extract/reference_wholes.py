"""A share of a reference level: "rainfall was 50 to 75 percent of the average", "60 per
cent of normal", "less than half of its usual rainfall". The words after "of" name the level
the figure is compared with, not what it counts: the figure's subject stands before it, as
for a share followed by no noun (`figures.json`: `reference_spans`, the levels)."""

from __future__ import annotations

import re

from indicators.extract import vocabulary

_LEVELS = vocabulary.alternatives(vocabulary.words("reference_spans") + ["normal", "usual"])
_OF_A_REFERENCE = re.compile(
    rf"\s+of\s+(?:the\s+|its\s+|their\s+)?(?:[a-z-]+\s+)?(?:{_LEVELS})\b", re.IGNORECASE
)


def of_a_reference(after: str) -> bool:
    """Do the words after a share name a reference level it is a share of ("of the
    average", "of the long-term mean", "of normal")?"""
    return after.startswith(" of ") and _OF_A_REFERENCE.match(after) is not None
