"""A sentence whose subject is a pronoun standing for the figure before: "OCHA recorded 849
obstacles .... This is 14 per cent more than at the last count", "The median cost of the
SMEB rose to IQD 412,500 .... It was highest in Ninewa at IQD 447,000". Its figure measures
what the first figure of the sentence before measures, or that measure's change; its own
words ("last count", "highest") name nothing. The pronouns and their verbs are vocabulary
(figures.json: referring_openings).
"""

from __future__ import annotations

import re

from indicators.extract import numbers as num
from indicators.extract import vocabulary

_OPENINGS: list[str] = vocabulary.words("referring_openings")
_OPENING = re.compile(r"(?:" + vocabulary.alternatives(_OPENINGS) + r")\b")
_FIRST_WORDS = tuple(frozenset(opening.split(" ", 1)[0] + " " for opening in _OPENINGS))
# how far before the sentence the figure it refers to may end (the space between sentences)
_ADJACENT = 4


def opens_with_a_pronoun(sentence_text: str) -> bool:
    """Does the sentence open with a pronoun that stands for the figure before ("This is",
    "It was")?"""
    return sentence_text.startswith(_FIRST_WORDS) and _OPENING.match(sentence_text) is not None


def referent(observations: list, sentence_start: int):
    """The first observation of the sentence just before `sentence_start` whose indicator
    the catalogue holds, or None."""
    first = None
    for observation in reversed(observations):
        end = observation.quote_end
        if end > sentence_start:
            continue
        if sentence_start - end > _ADJACENT:
            break
        if not observation.indicator_is_new:
            first = observation
    return first


def referred_indicator(catalogue, referred, kind: str, unit: str):
    """The indicator a figure of a sentence opening with a pronoun measures: the change of
    what the referent measures, for a share (a change stated after it), or that measure, for a
    figure in its unit (its currency); None when neither fits."""
    if referred is None:
        return None
    if kind == num.SHARE:
        return catalogue.by_id.get(referred.indicator_id + "_change")
    indicator = catalogue.by_id.get(referred.indicator_id)
    if indicator is not None and indicator.unit.split(" per ")[0] == unit.split(" per ")[0]:
        return indicator
    return None
