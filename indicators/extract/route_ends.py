"""A place that ends a route ("on the Bocaranga–Koui axis", "along the Goma-Sake road") names
the road, not where a figure holds: a figure on it holds in the area the road runs through."""

from __future__ import annotations

import re

from indicators.extract import vocabulary

_DASHES = "–—-"
_ROUTE_WORDS = vocabulary.words("route_words", "places")
_ROUTE = rf"(?:{vocabulary.alternatives(_ROUTE_WORDS)})\b"
# a name of up to four words, capitalised or particles ("Ali al Gharbi")
_PARTICLES = vocabulary.alternatives(vocabulary._load("places")["towns"]["name_particles"])
_WORD = r"[A-ZÀ-Þ][\w’'.]*"
_NAME = rf"{_WORD}(?:[ -](?:{_WORD}|(?:{_PARTICLES})\b)){{0,3}}"
# after the first end: the dash, the other end and the route word
_FIRST_END = re.compile(rf"\s?[{_DASHES}]\s?{_NAME}\s+{_ROUTE}")
# after the second end, the route word; before it, the first end and the dash
_SECOND_END = re.compile(rf"\s+{_ROUTE}")
_BEFORE_SECOND = re.compile(rf"{_NAME}\s?[{_DASHES}]\s?\Z")


def is_route_end(text: str, start: int, end: int) -> bool:
    """Whether the place at text[start:end] is one end of a road or axis named by its two."""
    after = text[end : end + 2]
    if any(dash in after for dash in _DASHES) and _FIRST_END.match(text, end):
        return True
    before = text[max(0, start - 2) : start]
    return (
        any(dash in before for dash in _DASHES)
        and _SECOND_END.match(text, end) is not None
        and _BEFORE_SECOND.search(text, max(0, start - 40), start) is not None
    )
