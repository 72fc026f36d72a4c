"""Names a sentence spells out beside their acronym: "The Central Emergency Response Fund
(CERF) allocated US$ 2 million", "the Survival Minimum Expenditure Basket (SMEB)". The words of
such a name name what the acronym stands for, one thing: where the catalogue keys an indicator
by the acronym itself (`cerf_allocation`), they are no evidence of indicators keyed by the
words ("emergency funds allocated"). Read once per sentence."""

from __future__ import annotations

import functools
import re

from indicators.extract.catalogue import content_word_tuple, normalise

# capitalised words (joined by short lower-case words) right before an acronym in parentheses
_NAME_THEN_ACRONYM = re.compile(
    r"((?:[A-Z][A-Za-z’'-]*\s+(?:(?:of|for|and|the|on|de|del|la|in)\s+){0,2}){2,8})"
    r"\(([A-Z][A-Za-z]{1,7})\)"
)
_JOINERS = frozenset({"of", "for", "and", "the", "on", "de", "del", "la", "in"})


@functools.lru_cache(maxsize=256)
def acronym_names(sentence: str) -> tuple[tuple[str, frozenset[str]], ...]:
    """(acronym's normal form, the normal forms of its name's words) of each name the
    sentence spells out right before its acronym in parentheses, whose initials are the
    acronym's capitals in any order (a name translated: "Temporary Protection Permit (PPT)")."""
    if "(" not in sentence:
        return ()
    found = []
    for match in _NAME_THEN_ACRONYM.finditer(sentence):
        acronym = match.group(2)
        capitals = "".join(letter for letter in acronym if letter.isupper())
        words = [w for w in match.group(1).split() if w.lower() not in _JOINERS]
        # the name is the acronym's last len(capitals) capitalised words
        words = words[-len(capitals) :] if len(words) >= len(capitals) else []
        if not words or sorted(w[0] for w in words) != sorted(capitals):
            continue
        found.append((normalise(acronym), frozenset(content_word_tuple(" ".join(words)))))
    return tuple(found)
