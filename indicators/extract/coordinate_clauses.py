"""A sentence of coordinate clauses whose first states no figure: "Power has been cut in Port
Vila since Monday, and 60 per cent of the water supply systems on Tanna are not working". The
date inside that first clause dates what it says (the cut), not the figure of the clause after
it; a date opening the sentence ("Since Monday, ... and 60 per cent ...") still dates both.
"""

from __future__ import annotations

import re

# the joints of two coordinate clauses, each with its own subject
_JOINTS = (", and ", ", while ", ", but ", "; ")
_JOINT = re.compile(r",\s+(?:and|while|but)\s+|;\s+")


def figureless_clause_end(
    text: str, clause_start: int, position: int, figures: list[int] | None
) -> int:
    """Where the last coordinate clause before the figure at `position` ends, when none of
    the clauses before the figure's own holds a figure; 0 otherwise."""
    lead = text[clause_start:position]
    if not any(joint in lead for joint in _JOINTS):
        return 0
    joint = 0
    for match in _JOINT.finditer(text, clause_start, position):
        joint = match.start()
    if joint <= clause_start:
        return 0
    if any(clause_start <= figure < joint for figure in figures or ()):
        return 0
    return joint
