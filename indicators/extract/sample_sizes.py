"""A survey's sample, counted as the object of the verb that drew it: "the survey measured
3,412 children", "teams interviewed 1,250 households", "enumerators surveyed some 840
households". Its size says how large the survey was, not how large the crisis is, so it is
proposed as no indicator (a catalogue may still keep one, such as households surveyed). The
passive and the participle after the noun ("420 households were interviewed", "the 1,200
households surveyed") are read with the method's other participles (`figure_context`)."""

from __future__ import annotations

import re

from indicators.extract import vocabulary

SAMPLE_VERBS = tuple(vocabulary.words("sample_verbs"))
# the hedges and totals that may stand between the verb and its count
_BEFORE_COUNT = (
    r"(?:(?:some|about|around|roughly|nearly|almost|over|more\s+than|at\s+least|a\s+total\s+of"
    r"|a\s+further|another|an\s+estimated)\s+)?"
)
_VERB_THEN_COUNT = re.compile(
    rf"\b(?:{vocabulary.alternatives(SAMPLE_VERBS)})\s+{_BEFORE_COUNT}\Z", re.IGNORECASE
)
_REACH = 32  # the longest verb and hedge before a count, with room to spare


def counts_a_sample(text: str, sentence_start: int, number_start: int) -> bool:
    """Is the count at `number_start` the object of a verb that draws a survey's sample?"""
    before = text[max(sentence_start, number_start - _REACH) : number_start]
    if not any(verb in before for verb in SAMPLE_VERBS):
        return False  # the cheap test: no sample verb in reach
    return _VERB_THEN_COUNT.search(before) is not None
