"""Where a running total opens after a figure: "Between January and September, the ICRC
documented 238 new cases of missing persons, bringing the number of cases it follows since
1985 to 7,615". The words of the total that the figure's own part does not say ("follows")
are the total's, not the figure's; the words both say stay both's ("..., bringing the total
of refugees registered to 263,400" after "registered 11,450 refugees"). The words of the
increment ("new") are not the total's. The verbs and words are those of figures.json:
running_total_verbs, increment_words.
"""

from __future__ import annotations

import re

from indicators.extract import vocabulary
from indicators.extract.catalogue import content_word_tuple

_VERBS = vocabulary.words("running_total_verbs")
_HINTS = tuple(f", {verb} " for verb in _VERBS)
# the total's verb, then a figure of its own before the clause ends
_TOTAL_THEN_FIGURE = re.compile(
    r",\s+(?:" + vocabulary.alternatives(_VERBS) + r")\s[^,;]*?\bto\s+(?:some\s+|about\s+)?\d"
)


def running_total_after(text: str, figure_end: int, clause_end: int) -> int:
    """Where a running total with a figure of its own opens after the figure ending at
    `figure_end`, within its clause; -1 when there is none."""
    segment = text[figure_end:clause_end]
    if not any(hint in segment for hint in _HINTS):
        return -1
    match = _TOTAL_THEN_FIGURE.search(text, figure_end, clause_end)
    return match.start() if match is not None else -1


_TOTAL_BEFORE = re.compile(
    r",\s+(?:" + vocabulary.alternatives(_VERBS) + r")\s[^,;]*?\bto\s+(?:some\s+|about\s+)?\Z"
)


def in_running_total(text: str, clause_start: int, figure_start: int) -> bool:
    """Is the figure at `figure_start` the total a running total brings to ("..., bringing
    the number of cases it follows since 1985 to 7,615")?"""
    segment = text[clause_start:figure_start]
    return any(hint in segment for hint in _HINTS) and bool(
        _TOTAL_BEFORE.search(text, clause_start, figure_start)
    )


INCREMENT_WORDS = frozenset(content_word_tuple(" ".join(vocabulary.words("increment_words"))))


def without_increment_words(words: tuple[str, ...]) -> tuple[str, ...]:
    """A running total's words less those that name the increment before it ("new")."""
    return tuple(word for word in words if word not in INCREMENT_WORDS)
