"""A window back in time that no date can be given ("the weekly average of the previous four
weeks", "compared with the past two months" in a sentence that dates nothing else): its
number says how long the window runs, as in a window the report's day dates ("in the past two
weeks"), and is no figure of the report."""

from __future__ import annotations

from indicators.extract import vocabulary

_OPENERS = tuple(vocabulary.words("window_openers", "dates"))


def in_an_undated_window(date_matches, at: int) -> bool:
    """Does the position `at` lie in a date phrase found in the text (`date_matches`, each
    an `re.Match`) that opens a window back ("the previous four weeks")?"""
    for match in date_matches:
        if match.start() <= at < match.end():
            lower = match.group().lower()
            return any(opener in lower for opener in _OPENERS)
    return False
