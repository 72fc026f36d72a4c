"""The hedge before a figure ("an estimated", "at least", "up to") and the bound it states:
the qualifier a figure carries, in the words of the vocabulary its quote must hold.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from indicators import schema
from indicators.extract import vocabulary
from indicators.extract.number_words import SPACES
from indicators.extract.patterns import _unusual_case, alternation

if TYPE_CHECKING:
    from indicators.extract.number_mention import NumberMention

HEDGES = vocabulary.words("hedges")
QUALIFIER_BEFORE = re.compile(
    r"(?:^|(?<=[\s(“\"‘]))(?P<qualifier>"
    + "|".join(re.escape(h).replace(r"\ ", r"\s+") for h in sorted(HEDGES, key=len, reverse=True))
    + r")\s+\Z",
    re.IGNORECASE,
)
# QUALIFIER_BEFORE with the hedges as a trie: the same matches (one hedge at most fits between
# a start and the white space at the end), several times quicker to search
_QUALIFIER_BEFORE_TRIE = re.compile(
    r"(?:^|(?<=[\s(“\"‘]))(?P<qualifier>" + alternation(HEDGES) + r")\s+\Z", re.IGNORECASE
)
# Hedges that are not in the vocabulary map to the word of the vocabulary they contain
# (the validator requires the qualifier to appear in the quote); the rest only set bounds.
QUALIFIER_CANONICAL = {
    "an estimated": "estimated",
    "just over": "over",
    "well over": "over",
}
# the qualifiers that state a bound, as the schema defines them
LOWER_BOUND = frozenset(schema.LOWER_BOUND_QUALIFIERS)
UPPER_BOUND = frozenset(schema.UPPER_BOUND_QUALIFIERS)
BOUND_ONLY = {  # hedge -> which bound it sets, with no vocabulary qualifier
    "no fewer than": "low",
    "no less than": "low",
    "upwards of": "low",
    "in excess of": "low",
    "under": "high",
    "below": "high",
    "approximately": None,
    # not words of the vocabulary, which a qualifier must quote: "as many as" is "up to",
    # "just" is "only", written in the notes
    "as many as": "high",
    "just": None,
}
# the last words of the hedges: a window that ends with none cannot match QUALIFIER_BEFORE
_QUALIFIER_ENDINGS = tuple(sorted({hedge.split()[-1] for hedge in HEDGES}))


def attach_qualifier(text: str, mention: NumberMention, floor: int) -> None:
    if mention.qualifier:  # ordinal durations carry their own
        return
    before = text[max(floor, mention.start - 24) : mention.start]
    match = None
    if before[-1:].isspace() and (
        before.rstrip().lower().endswith(_QUALIFIER_ENDINGS) or _unusual_case(before)
    ):
        match = _QUALIFIER_BEFORE_TRIE.search(before)
    if match is not None:
        hedge = SPACES.sub(" ", match.group("qualifier").lower())
        mention.start -= len(before) - match.start("qualifier")
        if hedge in BOUND_ONLY:
            side = BOUND_ONLY[hedge]
            if side == "low":
                mention.value_low = mention.value
            elif side == "high":
                mention.value_high = mention.value
            mention.note = f"stated as “{match.group('qualifier')}”"
            return
        qualifier = QUALIFIER_CANONICAL.get(hedge, hedge)
        mention.qualifier = qualifier
    elif plus := _OR_MORE.match(text, mention.end, mention.end + 10):
        mention.end = plus.end()
        mention.value_low = mention.value
        mention.note = "stated with “or more”"
        return
    if mention.qualifier in LOWER_BOUND:
        mention.value_low = mention.value
    elif mention.qualifier in UPPER_BOUND:
        mention.value_high = mention.value


_OR_MORE = re.compile(r"\s*(?:\+|or\s+more\b)")
