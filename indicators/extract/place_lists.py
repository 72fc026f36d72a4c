"""The places a list after a plural word of a level names ("in the departments of Francisco
Morazán (38,210 cases), Cortés (29,870) and Atlántida (11,045)", "across the states of Borno,
Adamawa and Yobe"): each capitalised name of the list is a place, though the gazetteer may
not know it."""

from __future__ import annotations

import re

from indicators.extract import vocabulary

_LEVELS = vocabulary.words("level_lists", "places")
# the hint the pattern needs: a plural level, then "of"
_HINT = "s of "
_OPENING = re.compile(
    r"\b(?:the|its|their)\s+(?:" + vocabulary.alternatives(_LEVELS) + r")\s+of\s+",
    re.IGNORECASE,
)
_NAME = r"[A-ZÀ-ÖØ-Þ][^\W\d_]+(?:[ -][A-ZÀ-ÖØ-Þ][^\W\d_]+)*"
# one name of the list, then what parts it from the next: its figures in parentheses, a comma,
# "and"
_ITEM = re.compile(
    rf"(?P<name>{_NAME})(?P<rest>\s*\([^()]*\))?(?P<join>\s*,\s*(?:and\s+)?|\s+and\s+)?"
)


def places_of_a_level_list(text: str) -> list[tuple[int, int, str]]:
    """The (start, end, name) of each place a list after a plural level word names in
    `text` (one sentence)."""
    if _HINT not in text:
        return []
    found = []
    for opening in _OPENING.finditer(text):
        at = opening.end()
        while True:
            item = _ITEM.match(text, at)
            if item is None:
                break
            found.append((*item.span("name"), item.group("name")))
            if not item.group("join"):
                break
            at = item.end()
    return found
