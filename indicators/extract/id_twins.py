"""Indicators the matcher cannot tell apart, told apart by how the text spells their ids.

Two ids of one unit may hold the same key words once synonyms and stop words are read:
`houses_destroyed` and `houses_damaged` ("destroyed" reads as "damaged"),
`contacts_under_follow_up` and `contacts_followed_up` ("under" is a stop word),
`mpox_confirmed_cases` and `mpox_new_confirmed_cases` ("new" is one). The matcher scores them
alike and keeps the first; the words of the text beside the figure, stemmed but not read
through synonyms, say which one it states: "6,700 houses destroyed", "still under follow-up",
"1,085 confirmed cases" (no "new"). Ids told apart by a number are `numbered_ids`' concern.
"""

from __future__ import annotations

from indicators.extract.catalogue import UNIT_WORDS, stem, unit_family, words_of
from indicators.extract.locations import lead_in_of_list


def _twins(catalogue) -> dict[str, tuple]:
    """Each indicator id -> the indicators of its unit with the same key words (itself
    included), for the ids that have any; worked out once per catalogue."""
    twins = catalogue.__dict__.get("_id_twins")
    if twins is None:
        groups: dict[tuple, list] = {}
        for indicator in catalogue.indicators:
            if any(c.isdigit() for c in indicator.indicator_id):
                continue  # "..._phase_4", "..._denv2": told apart by their numbers
            groups.setdefault((unit_family(indicator.unit), indicator.keys), []).append(indicator)
        twins = {
            indicator.indicator_id: tuple(group)
            for group in groups.values()
            if len(group) > 1
            for indicator in group
        }
        catalogue.__dict__["_id_twins"] = twins
    return twins


def _spelled(indicator_id: str) -> frozenset[str]:
    """The stems of an id's words as spelled, less the words that name its unit."""
    return frozenset(stem(w) for w in indicator_id.split("_") if w and w not in UNIT_WORDS)


def _stems(text: str) -> frozenset[str]:
    return frozenset(stem(w) for w in words_of(text))


def as_spelled(catalogue, indicator, text: str, clause_start: int, mention, own_end: int):
    """`indicator`, or the twin of it whose id the words around the figure spell best: the
    most of its words said in the figure's own words after it ("2,140 flood shelters" after
    "312,000 people took refuge in"), less those left unsaid, then the same from the clause's
    start; a tie keeps `indicator`."""
    if indicator is None:
        return indicator
    group = _twins(catalogue).get(indicator.indicator_id)
    if group is None:
        return indicator
    lead = text[clause_start : mention.start]
    # (the words before another figure of the clause are its own: "12,000 people remain in
    # 300 evacuation centres" does not say "people" of the centres)
    before = frozenset() if any(c.isdigit() for c in lead) else _stems(lead)
    after = _stems(text[mention.end : max(mention.end, own_end)])
    if text.find(":", clause_start, mention.start) >= 0:
        after |= _row_words(text, clause_start, before)
    said = before | after

    def spelled(candidate) -> tuple[int, int]:
        words = _spelled(candidate.indicator_id)
        return 2 * len(words & after) - len(words), 2 * len(words & said) - len(words)

    best, best_score = indicator, spelled(indicator)
    for twin in group:
        if twin is not indicator and (score := spelled(twin)) > best_score:
            best, best_score = twin, score
    return best


def _row_words(text: str, row_start: int, label: frozenset[str]) -> frozenset[str]:
    """The words a list's row ("Shelter and NFI: 5.7") says of its figure when its list has a
    lead-in ("Needs by sector (people in need, millions):"): its label's and the lead-in's,
    the row's own words as those after a figure in a sentence are; none for a row of no
    list (a key figure's label is read as the words before it)."""
    lead_in = lead_in_of_list(text, row_start)
    return label | _stems(lead_in) if lead_in else frozenset()
