"""What a count counts, said by its own words: the participle of its predicate ("1,260
children with severe acute malnutrition were admitted for treatment"; of two indicators the
clause names in full, the one that holds that verb, admissions, measures the figure, not the
one that names only who is counted) and the noun right after it ("using 45 missiles and more
than 450 drones" are missiles launched, not the attack the sentence is about)."""

from __future__ import annotations

import re

from indicators.extract import vocabulary
from indicators.extract.catalogue import POPULATION_WORDS, normalise, word_content

# the count's noun phrase, then its auxiliary and participle: "children with severe acute
# malnutrition were admitted", "cases have been confirmed" (within the figure's own clause)
_PREDICATE = re.compile(
    r"(?:\s+[A-Za-z][\w-]*){1,6}?\s+(?:were|was|have\s+been|has\s+been|had\s+been)"
    r"\s+([a-z]+ed)\b"
)
_REPORTING = frozenset(vocabulary.words("reporting_participles"))
_PUNCTUATION = re.compile(r"[,;()]")  # the clause goes on past the noun phrase
# the nouns of who is counted ("people", "children"): they name no indicator of their own
_POPULATION = frozenset(normalise(word) for word in POPULATION_WORDS)


def predicate_key(text: str, end: int, clause_end: int) -> str | None:
    """The normal form of the participle of a count's predicate after `end` (its noun phrase,
    an auxiliary, then the participle), within its clause; or None."""
    window = text[end : min(clause_end, end + 90)]
    if " were " not in window and " was " not in window and " been " not in window:
        return None  # (the auxiliaries of `_PREDICATE`)
    found = _PREDICATE.match(window)
    if found is None or _PUNCTUATION.search(window, 0, found.start(1)) is not None:
        return None
    if found.group(1) in _REPORTING:
        return None  # "9 deaths were notified": reported, nothing that happened to them
    return word_content(found.group(1))


def _all_keys(catalogue) -> frozenset[str]:
    """Every key word of the catalogue's readings, worked out once per catalogue."""
    keys = catalogue.__dict__.get("_all_key_words")
    if keys is None:
        keys = catalogue._all_key_words = frozenset(
            key for reading in catalogue.readings for key in reading.keys
        )
    return keys


def with_its_verb(catalogue, indicator, retry, clause_words, noun, text, end, clause_end):
    """`indicator`, or the other indicator the clause names in full whose key words hold the
    count's own `noun` (a set of at most one normal form, not a word of who is counted), else
    the participle of its predicate after `end` where `indicator` is named in full too, where
    `indicator`'s key words do not (`retry(excluded ids)` matches again)."""
    if indicator is None:
        return None
    keys = _all_keys(catalogue)
    if noun and not noun <= indicator.keys and not noun <= _POPULATION:
        (word,) = noun  # "45 missiles": the noun says what it counts, whatever the verb
    else:  # named by its noun, or by who is counted: the verb may say what happened
        word = predicate_key(text, end, clause_end)
        if word is None or word in indicator.keys or not indicator.keys <= set(clause_words):
            return indicator
    if word not in keys:
        return indicator  # no indicator holds it: none to prefer
    other = retry(frozenset({indicator.indicator_id}))
    if other is not None and word in other.keys and other.keys <= set(clause_words):
        return other
    return indicator
