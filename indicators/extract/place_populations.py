"""A place's people counted after its name: "Of Nasir's estimated 245,000 people, 32,000 ...",
"Gaza's 2.1 million residents". A count of people a place's name owns is how many live
there, its population, whatever the rest of the clause says of a part of them."""

from __future__ import annotations

import re

from indicators.extract import vocabulary
from indicators.extract.catalogue import content_word_tuple

_HEDGES = vocabulary.alternatives(vocabulary.words("hedges"))
_PEOPLE = vocabulary.alternatives(vocabulary.words("population_nouns"))
# "Nasir's ", "South Kivu's estimated ": a capitalised name's possessive just before the count
_OWNED_BY_A_NAME = re.compile(
    rf"\b[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*['’]s\s+(?:(?:{_HEDGES}|estimated)\s+)?\Z"
)
_PEOPLE_AFTER = re.compile(rf"\s+(?:{_PEOPLE})\b")
POPULATION = content_word_tuple("population")


def a_places_people(text: str, start: int, end: int) -> bool:
    """Is the count at text[start:end] the people of a place named just before it?"""
    before = text[max(0, start - 40) : start]
    if "s " not in before[-14:] or ("'s " not in before and "’s " not in before):
        return False
    return (
        _OWNED_BY_A_NAME.search(before) is not None and _PEOPLE_AFTER.match(text, end) is not None
    )
