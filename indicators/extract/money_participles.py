"""Money told by the participle right after it: "of the $2.47 billion requested", "US$ 1.2
million spent", "CHF 402,115 disbursed". The participle is the amount's own predicate: of the
indicators the clause's words match, the amount is one the participle names, though other
words of the clause (the donors who pledged the amount before it) cover another better."""

from __future__ import annotations

import re

from indicators.extract.catalogue import word_content
from indicators.extract.figure_words import is_participle

_WORD_AFTER = re.compile(r" ([a-z]+)\b")


def participle_key(text: str, amount_end: int) -> str | None:
    """The normal form of the participle right after an amount ending at `amount_end`, or
    None (no word, no participle, a stop word)."""
    if not text.startswith(" ", amount_end):
        return None  # the cheap test: "US$ 2 million." or "US$ 2 million,"
    found = _WORD_AFTER.match(text, amount_end)
    if found is None or not is_participle(found.group(1)):
        return None
    return word_content(found.group(1))


def named_by_its_participle(match, indicator, key: str, clause_words, primary):
    """The indicator the amount's participle (`key`) names among those the clause matches,
    when `indicator` is not already one; else `indicator`."""
    if indicator is not None and key in indicator.keys:
        return indicator
    named = match((key,), clause_words, **primary)
    return named if named is not None and key in named.keys else indicator
