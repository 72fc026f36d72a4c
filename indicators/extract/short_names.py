"""A count named by its noun alone after the report has named it in full: "Cases are
concentrated in ... Francisco Morazán (38,210 cases)" after "128,440 suspected dengue cases
were reported" counts what the report's first such figure counts, a part of that total. The
noun alone says too little to match the catalogue ("cases" of what?); the report said it."""

from __future__ import annotations

import re

# the noun right after the count, and nothing that says more of it: "(38,210 cases)",
# "38,210 cases, ..." (not "38,210 cases of measles", "38,210 cases among children")
_NOUN_ALONE = re.compile(r" ([A-Za-z]+)\s*(?:[),;]|\.(?!\d)|\Z)")


def named_in_full_before(catalogue, observations, text: str, mention, noun) -> object | None:
    """The catalogue indicator of the report's first count whose id holds `noun` (the count's
    one noun, a normal form) and whose value is no smaller than this count's, when nothing
    but the noun follows the count; or None."""
    if not noun or not observations:
        return None
    found = _NOUN_ALONE.match(text, mention.end, mention.end + 40)
    if found is None:
        return None
    (key,) = noun
    value = mention.value
    for observation in observations:
        if observation.indicator_is_new or observation.unit != "count":
            continue
        indicator = catalogue.by_id.get(observation.indicator_id)
        if indicator is None or key not in indicator.keys or len(indicator.keys) < 2:
            continue
        if value is not None and observation.value is not None and observation.value < value:
            return None  # a part is no bigger than the total it is of
        return indicator
    return None
