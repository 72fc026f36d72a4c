"""What a count counts, said by its own words: the participle of its predicate ("1,260
children with severe acute malnutrition were admitted for treatment"; of two indicators the
clause names in full, the one that holds that verb, admissions, measures the figure, not the
one that names only who is counted) and the noun right after it ("using 45 missiles and more
than 450 drones" are missiles launched, not the attack the sentence is about)."""

from __future__ import annotations

import re

from indicators.extract.catalogue import POPULATION_WORDS, normalise, word_content

# the count's noun phrase, then its auxiliary and participle: "children with severe acute
# malnutrition were admitted", "cases have been confirmed" (within the figure's own clause)
_PREDICATE = re.compile(
    r"(?:\s+[A-Za-z][\w-]*){1,6}?\s+(?:were|was|have\s+been|has\s+been|had\s+been)"
    r"\s+([a-z]+ed)\b"
)
_AUXILIARIES = (" were ", " was ", " been ")
# the nouns of who is counted ("people", "children"): they name no indicator of their own
_POPULATION = frozenset(normalise(word) for word in POPULATION_WORDS)


def predicate_key(text: str, end: int, clause_end: int) -> str | None:
    """The normal form of the participle of a count's predicate after `end` (its noun phrase,
    an auxiliary, then the participle), within its clause; or None."""
    window = text[end : min(clause_end, end + 90)]
    if not any(window.find(auxiliary) >= 0 for auxiliary in _AUXILIARIES):
        return None
    found = _PREDICATE.match(window)
    if found is None or any(c in window[: found.start(1)] for c in ",;()"):
        return None
    return word_content(found.group(1))


def with_its_verb(indicator, retry, clause_words, verb: str | None, noun=frozenset()):
    """`indicator`, or the other indicator the clause names in full whose key words hold the
    count's own `noun` (a set of at most one normal form, not a word of who is counted), else
    the predicate's `verb` where `indicator` is named in full too, where `indicator`'s key
    words do not (`retry(excluded ids)` matches again)."""
    if indicator is None:
        return None
    if noun and not noun <= indicator.keys and not noun <= _POPULATION:
        (word,) = noun  # "45 missiles": the noun says what it counts, whatever the verb
    elif verb is not None and verb not in indicator.keys and indicator.keys <= set(clause_words):
        word = verb
    else:
        return indicator
    other = retry(frozenset({indicator.indicator_id}))
    if other is not None and word in other.keys and other.keys <= set(clause_words):
        return other
    return indicator
