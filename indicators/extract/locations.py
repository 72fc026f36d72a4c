"""Where a figure holds: the gazetteer's places in a sentence, less those named as actors or
origins, and capitalised names after a place preposition.

The gazetteer is `vocabulary/places.json`; `places_described` is the one scan of a text for
its places (the pipeline buckets the matches by sentence).
"""

from __future__ import annotations

import re

from indicators.extract import patterns, vocabulary

# The gazetteer (vocabulary/places.json). A trie of the names (see `patterns.trie_pattern`)
# prefers the longer of two names that start alike ("Gaza Strip" over "Gaza"). The same
# matches as \b(?:trie)\b, in a pattern that opens with a letter and so scans faster (see
# `patterns.bounded_trie_pattern`).
KNOWN_PLACE = re.compile(patterns.bounded_trie_pattern(set(vocabulary.place_names())))
# The prepositions as a bounded trie (the same matches as \b(?:in|inside|...)\b), so that re
# skips the letters that open none of them instead of testing \b at every character.
PLACE_AFTER_PREPOSITION = re.compile(
    patterns.bounded_trie_pattern({"in", "inside", "into", "across", "near", "throughout"})
    + r"\s+(?:the\s+)?"
    r"(?P<place>[A-Z][a-zé’'-]+(?:[ -](?:[A-Z][a-zé’'-]+|al|el|de|du))*(?:\s(?:region|province|governorate|district|state|city|camp))?)"
)
NOT_PLACES = frozenset(
    [
        "The",
        "A",
        "An",
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "President",
        "Prime",
        "Minister",
        "Ministry",
        "Office",
        "United",
        "Nations",
        "Health",
        "Director",
        "General",
        "Secretary",
        "State",
        "Department",
        "Council",
        "Security",
        "Red",
        "Cross",
        "Crescent",
        "Palestinian",
        "Israeli",
        "Hamas",
        "This",
        "That",
        "These",
        "Those",
        "It",
        "He",
        "She",
        "They",
        "We",
        "Our",
    ]
)
ANAPHORIC_PLACE = re.compile(r"\bthe\s+(?:enclave|Strip|territory)\b")
PLACE_CANONICAL = vocabulary.place_canonical()
# A place named as an actor ("Israel has placed ...", "Iran called for ...") or as where
# people came back from ("returned from Iran and Pakistan") is not where a figure holds.
ACTOR_AFTER_PLACE = re.compile(
    r"(?:’s|'s)?\s+(?:has|have|had|is|was|said|says|say|announced|called|accused|denied|pulled"
    r"|struck|launched|deported|expelled|kept|placed|stepped|warned|urged|rejected|agreed|sent)\b"
)
ORIGIN_BEFORE_PLACE = re.compile(
    r"\b(?:return\w*|deport\w*|repatriat\w*|expell?\w*|back|them|refugees|arrivals|migrants)"
    r"\s+from\s+"
    r"(?:[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*\s*(?:,|and|or)\s+)*\Z"
)


def places_described(text: str) -> list[tuple[int, int, str]]:
    """The gazetteer's places in a sentence that a figure there may describe: not an actor
    ("Iran has stepped up deportations") nor an origin ("returned from Iran")."""
    found = []
    for match in KNOWN_PLACE.finditer(text):
        start, end = match.span()
        if ACTOR_AFTER_PLACE.match(text, end) or (
            text.find("from", max(0, start - 80), start) >= 0
            and ORIGIN_BEFORE_PLACE.search(text, max(0, start - 80), start)
        ):
            continue
        found.append((start, end, match.group()))
    return found
