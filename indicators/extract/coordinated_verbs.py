"""The verb a figure after "and" has to itself: "Cholera has infected 118,000 people since July
2024 and killed more than 3,000": "killed" is the 3,000's verb, so it says nothing of the
118,000, which its own verb ("infected") names. Only a verb in the past form, right before
the next figure (a hedge between them), is read so; a figure after "and" that shares the
verb of the one before ("5,000 people and 300 cattle were killed") leaves it to both.
"""

from __future__ import annotations

import re

from indicators.extract.catalogue import word_content

# " and killed more than ", " and injured ", " and displaced some ": a past verb and a hedge
# of up to two words
_VERB_BEFORE_NEXT = re.compile(r"\sand\s+(?P<verb>[a-z]+ed)\s+(?:[a-z]+\s+){0,2}\Z")


def verb_of_the_next_figure(text: str, figure_end: int, next_start: int) -> frozenset:
    """The words of the past verb after "and" that the figure at `next_start` opens the
    object of, when it stands between the figure ending at `figure_end` and it; else empty."""
    if next_start <= figure_end or text.find(" and ", figure_end, next_start) < 0:
        return frozenset()
    found = _VERB_BEFORE_NEXT.search(text, max(figure_end, next_start - 40), next_start)
    if found is None:
        return frozenset()
    return frozenset((word_content(found.group("verb")),))
