"""What happened to those a count counts, said by the participle of its predicate ("1,260
children with severe acute malnutrition were admitted for treatment"): of two indicators the
clause names in full, the one that holds that verb (admissions) measures the figure, not the
one that names only who is counted (children with severe acute malnutrition)."""

from __future__ import annotations

import re

from indicators.extract.catalogue import word_content

# the count's noun phrase, then its auxiliary and participle: "children with severe acute
# malnutrition were admitted", "cases have been confirmed" (within the figure's own clause)
_PREDICATE = re.compile(
    r"(?:\s+[A-Za-z][\w-]*){1,6}?\s+(?:were|was|have\s+been|has\s+been|had\s+been)"
    r"\s+([a-z]+ed)\b"
)
_AUXILIARIES = (" were ", " was ", " been ")


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


def with_its_verb(indicator, retry, clause_words, verb: str | None):
    """`indicator`, or the other indicator the clause names in full whose key words hold the
    predicate's `verb` where `indicator`'s do not (`retry(excluded ids)` matches again)."""
    if indicator is None or verb is None or verb in indicator.keys:
        return indicator
    if not indicator.keys <= set(clause_words):
        return indicator
    other = retry(frozenset({indicator.indicator_id}))
    if other is not None and verb in other.keys and other.keys <= set(clause_words):
        return other
    return indicator
