"""A count named by its noun alone after the report has named it in full: "Cases are
concentrated in ... Francisco Morazán (38,210 cases)" after "128,440 suspected dengue cases
were reported" counts what the report's first such figure counts, a part of that total. The
noun alone says too little to match the catalogue ("cases" of what?); the report said it."""

from __future__ import annotations

import re

# the noun right after the count, and nothing that says more of it: "(38,210 cases)",
# "38,210 cases, ..." (not "38,210 cases of measles", "38,210 cases among children")
_NOUN_ALONE = re.compile(r" ([A-Za-z]+)\s*(?:[),;]|\.(?!\d)|\Z)")


class _FirstByKey:
    """For one report's list of observations: key word -> the first catalogue count whose id
    holds it (its indicator and value), read on as the list grows, each observation once."""

    __slots__ = ("observations", "scanned", "first")

    def __init__(self, observations) -> None:
        self.observations = observations
        self.scanned = 0
        self.first: dict[str, tuple[object, float | None]] = {}

    def get(self, catalogue, key: str):
        observations = self.observations
        while self.scanned < len(observations):
            observation = observations[self.scanned]
            self.scanned += 1
            if observation.indicator_is_new or observation.unit != "count":
                continue
            indicator = catalogue.by_id.get(observation.indicator_id)
            if indicator is None or len(indicator.keys) < 2:
                continue
            for word in indicator.keys:
                self.first.setdefault(word, (indicator, observation.value))
        return self.first.get(key)


_firsts: list[_FirstByKey] = []  # the last report's


def named_in_full_before(catalogue, observations, text: str, mention, noun) -> object | None:
    """The catalogue indicator of the report's first count whose id holds `noun` (the count's
    one noun, a normal form) and whose value is no smaller than this count's, when nothing
    but the noun follows the count; or None."""
    if not noun or not observations:
        return None
    found = _NOUN_ALONE.match(text, mention.end, mention.end + 40)
    if found is None:
        return None
    if not _firsts or _firsts[0].observations is not observations:
        _firsts[:] = [_FirstByKey(observations)]
    (key,) = noun
    first = _firsts[0].get(catalogue, key)
    if first is None:
        return None
    indicator, value = first
    if value is not None and mention.value is not None and value < mention.value:
        return None  # a part is no bigger than the total it is of
    return indicator
