"""The subject of a figure's verb that stands before a participle saying what it led to:
"Settler attacks resulting in casualties or property damage rose to 148". The words read
around a figure stop some words before it, inside the participle's object; the subject is
what the figure counts, so the figure is read by it and its verb ("rose to"), not by the
casualties that qualify it. The participles are vocabulary (figures.json:
subject_participles).
"""

from __future__ import annotations

import re

from indicators.extract import vocabulary

SUBJECT_PARTICIPLES: list[str] = vocabulary.words("subject_participles")
_HINTS = tuple(f" {participle} " for participle in SUBJECT_PARTICIPLES)
_SUBJECT = re.compile(
    r"(?P<subject>(?:[A-Za-z][\w’'-]*\s+){1,4}?)(?:"
    + vocabulary.alternatives(SUBJECT_PARTICIPLES)
    + r")\s"
)
# how many characters before a figure its own words already reach (`whole_words`)
_READ_REACH = 45


def subject_before_participle(before: str) -> str:
    """The one to four words before the participle in `before` (the text of the figure's
    clause before it) when the participle stands beyond the words read around the figure;
    "" when there is none."""
    if not any(hint in before for hint in _HINTS):
        return ""
    cut = len(before) - _READ_REACH
    for match in _SUBJECT.finditer(before):
        if match.end("subject") <= cut + 1:
            return match.group("subject").strip()
    return ""


_LAST_WORDS = re.compile(r"(?:[A-Za-z][\w’'-]*\s+){1,2}\Z")


def verb_before(before: str) -> str:
    """The last two words before a figure ("rose to", "have displaced"): its verb."""
    match = _LAST_WORDS.search(before, max(0, len(before) - 30))
    return match.group().strip() if match else ""
