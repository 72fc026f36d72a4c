"""A figure told as it stood before an event: "46 trucks ... entered on 12 October, against 500
trucks a day before the war", "1,200 a week before the crisis". The sentence's date is
the figure before's; the one told "before the war" holds then, a time the report leaves
undated, so it takes no period. The events are those a "since the war" opens a period at
(dates.json: since_dated_events), with the hazards a report may date its figures from.
"""

from __future__ import annotations

import re

from indicators.extract import vocabulary

_EVENT_NOUNS = sorted(
    set(vocabulary.words("since_dated_events", "dates"))
    | {"crisis", "earthquake", "floods", "cyclone", "typhoon", "hurricane", "outbreak"}
)
_BEFORE_AN_EVENT = re.compile(
    r"[^,;:.]{0,40}?\bbefore\s+the\s+(?:" + vocabulary.alternatives(_EVENT_NOUNS) + r")\b",
    re.IGNORECASE,
)


def told_before_an_event(text: str, figure_end: int, clause_end: int) -> bool:
    """Do the figure's own words, after it and before a comma, say it held before an event
    ("500 trucks a day before the war")?"""
    if text.find(" before the ", figure_end, min(clause_end, figure_end + 60)) < 0:
        return False
    return _BEFORE_AN_EVENT.match(text, figure_end, clause_end) is not None
