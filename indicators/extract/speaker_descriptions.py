"""A speaker named after a description of it: "according to the state weather agency
PAGASA", "the national disaster management authority NDMA said". The lower-case words before
the name say what kind of body it is; the name is the run of capitalised words after the
organisation noun that ends them (`speakers.json`: `org_words`)."""

from __future__ import annotations

from indicators.extract import vocabulary

_ORG_WORDS = frozenset(vocabulary.words("org_words", "speakers"))


def named_after_its_description(words: list[str]) -> str:
    """The name after a description ending with a lower-case organisation noun ("state
    weather agency PAGASA": PAGASA), or "" when the words are no such phrase."""
    start = len(words)
    while start > 0 and words[start - 1][:1].isupper():
        start -= 1
    if start == 0 or start == len(words) or words[start - 1] not in _ORG_WORDS:
        return ""
    return " ".join(words[start:])
