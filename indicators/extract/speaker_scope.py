"""The part of a sentence a speaker is credited with: from a clause's start or back over
the coordinate clauses they said, to the clause's end.

Kept apart from `attribution`, which finds the speakers: the clause bounds are read from the
sentence's punctuation alone.
"""

from __future__ import annotations

import re

from indicators.extract.speech_verbs import speaks_in

STRONG_BOUNDARY = re.compile(r";|\s[—–]\s|,\s+(?:while|whereas|with|but)\b")


# STRONG_BOUNDARY less its dash branch, for sentences with no dash: a pattern that opens with
# ";" or "," is scanned for at C speed, where "\s[—–]\s" is tried at every space.
_STRONG_BOUNDARY_NO_DASH = re.compile(r";|,\s+(?:while|whereas|with|but)\b")
assert STRONG_BOUNDARY.pattern == r";|\s[—–]\s|" + _STRONG_BOUNDARY_NO_DASH.pattern[2:]


def strong_boundary(sentence: str) -> re.Pattern:
    """STRONG_BOUNDARY, or the same without its dash branch for a sentence with no dash."""
    return STRONG_BOUNDARY if "—" in sentence or "–" in sentence else _STRONG_BOUNDARY_NO_DASH


def clause_start(sentence: str, position: int) -> int:
    last = 0
    if ";" not in sentence and "," not in sentence and "—" not in sentence and "–" not in sentence:
        return last  # no boundary can open a clause
    for match in strong_boundary(sentence).finditer(sentence, 0, position):
        last = match.end()
    return last


def said_from(sentence: str, position: int) -> int:
    """Where the words credited to a speaker named last, at `position`, begin: the opening
    mark of a quote closing just before them (a quote is said whole, its dashes, semicolons
    and ', but' included; from the sentence's start when it opened in an earlier one), else
    the start of the clauses they said (`credited_from`)."""
    before = sentence[:position].rstrip()
    if before.endswith(("”", '"')):
        mark = "“" if before[-1] == "”" else '"'
        opening = sentence.rfind(mark, 0, len(before) - 1)
        return max(opening, 0)
    return credited_from(sentence, position)


# Boundaries a speaker named last reaches back over: coordinate clauses joined by ';', a
# dash, ', while', ', whereas' or ', but' are all theirs ("Some 1,200 are sick, while 300
# have died, Dr Ali said"). A ', with' adjunct is not crossed: it carries the figure the
# speaker gave to a clause that is the report's own ("The war passed the 500-day mark on
# Tuesday, with 14.7 million displaced, the UN said").
_NOT_CROSSED = re.compile(r",\s+with\b")


def credited_from(sentence: str, position: int) -> int:
    """Where the clauses credited to a speaker named at `position`, after them, begin: back
    over each coordinate clause before, up to one that has a speaker of its own (a speech
    verb or 'according to': "12 entered, the UN said, while 7 entered, the army said")."""
    if ";" not in sentence and "," not in sentence and "—" not in sentence and "–" not in sentence:
        return 0  # no boundary can open a clause
    boundaries = list(strong_boundary(sentence).finditer(sentence, 0, position))
    start = boundaries[-1].end() if boundaries else 0
    for index in range(len(boundaries) - 1, -1, -1):
        boundary = boundaries[index]
        if _NOT_CROSSED.match(boundary.group()):
            break
        before_start = boundaries[index - 1].end() if index else 0
        clause = sentence[before_start : boundary.start()]
        if "ccording to" in clause or speaks_in(clause):
            break
        start = before_start
    return start


def clause_end(sentence: str, position: int) -> int:
    if ";" not in sentence and "," not in sentence and "—" not in sentence and "–" not in sentence:
        return len(sentence)  # no boundary can close a clause
    match = strong_boundary(sentence).search(sentence, position)
    return match.start() if match else len(sentence)
