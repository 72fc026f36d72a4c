"""The whole a share is stated of, and the verb that is the share's: "Only 23 percent of the
US$ 38.5 million sought for 2025 has been received", "12 per cent of the 7,400 households
targeted were reached". The amount after "percent of the" is the whole, described by its own
participle (sought, targeted); the finite verb after it (has been received, were reached)
says what happened to the part, the share, and names nothing of the whole."""

from __future__ import annotations

import re

from indicators.extract.catalogue import word_content

# "23 percent of the ", "17% of its ": a share's whole follows
_SHARE_OF_BEFORE = re.compile(
    r"(?:%|\bper\s*cent|\bpercent)\s+of\s+(?:the\s+|its\s+|their\s+)?\Z", re.IGNORECASE
)
# the share's finite verb after the whole: "has been received", "were reached", "is funded"
_PART_VERB = re.compile(
    r"\s(?:has|have|had|was|were|is|are)\s+(?:(?:been|now|so\s+far|only|already)\s+)*"
    r"([a-z]+(?:ed|en))\b"
)


def verbs_of_the_part(text: str, before: str, figure_end: int, clause_end: int, verb_keys):
    """The catalogue's verb keys of the finite verb after a figure that is the whole of the
    share just before it ("... of the US$ 38.5 million sought ... has been received":
    received), which are the share's words, not the whole's; empty otherwise."""
    if not before.endswith(("of ", "of the ", "of its ", "of their ")):
        return frozenset()
    if _SHARE_OF_BEFORE.search(before) is None:
        return frozenset()
    verb = _PART_VERB.search(text, figure_end, clause_end)
    if verb is None:
        return frozenset()
    read = word_content(verb.group(1))
    return frozenset((read,)) if read in verb_keys else frozenset()
