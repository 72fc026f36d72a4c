"""Generated cases for a subject made only of places before a verb of reporting: "Borno and
Yobe together reported 58 per cent of the cases", "Maiduguri recorded 1,200 cases", "North
Kivu alone reported 40,000 displacements". A region or a town does not speak: the figure is
where those places are, and it is credited to the report's publisher. A country alone may
speak for its government ("Sudan reported ..."), and a body named with a place speaks
("Health authorities in Borno reported ..."). A place that is the subject of a state ("Qalqilya
has been without mains power for 29 days", "Gaza is under siege") is where the figure holds,
and a country's first-level subdivision (`vocabulary/subdivisions.json`, from ISO 3166-2) is
a place of its country wherever it stands.

Set PROPERTY_EXAMPLES to run more examples (CI runs the default).
"""

from __future__ import annotations

import json
import os
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from indicators.extract import vocabulary
from indicators.extract.catalogue import Catalogue, Indicator
from indicators.extract.pipeline import extract

EXAMPLES = int(os.environ.get("PROPERTY_EXAMPLES", "100"))
PROPERTY = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
PUBLISHED = date(2025, 11, 14)
PUBLISHER = "Health Cluster"
CATALOGUE = Catalogue([Indicator("cholera_cases", "cholera cases", "count", "Cholera cases.")])
LEVELS = vocabulary.place_levels()
# places below a country that open no other name of the gazetteer ("Darfur" opens
# "Darfur states"): each is read as itself
SUB_NATIONAL = sorted(
    {name for level in ("region", "city") for name in LEVELS[level] if name.isascii()} - {"Visayas"}
)
VERBS = st.sampled_from(["reported", "recorded", "confirmed"])


def _observations(text: str):
    result = extract(text, PUBLISHED, PUBLISHER, catalogue=CATALOGUE)
    assert not result.failures, result.failures
    return result.observations


@PROPERTY
@given(
    places=st.lists(st.sampled_from(SUB_NATIONAL), min_size=1, max_size=3, unique=True),
    marker=st.sampled_from(["", " together", " alone", " combined"]),
    verb=VERBS,
    count=st.integers(12, 90_000),
)
def test_places_before_a_verb_of_reporting_are_where_not_who(places, marker, verb, count):
    if len(places) == 1:
        subject = places[0] + (marker if marker != " together" else "")
    else:
        subject = ", ".join(places[:-1]) + " and " + places[-1] + marker
    text = f"{subject} {verb} {count:,} cholera cases last week."
    (observation,) = _observations(text)
    assert observation.attributed_to == PUBLISHER, (text, observation)
    assert observation.location in places, (text, observation)


@PROPERTY
@given(
    body=st.sampled_from(["Health authorities", "The state ministry of health", "Local officials"]),
    place=st.sampled_from(SUB_NATIONAL),
    verb=VERBS,
    count=st.integers(12, 90_000),
)
def test_a_body_named_with_its_place_still_speaks(body, place, verb, count):
    text = f"{body} in {place} {verb} {count:,} cholera cases last week."
    (observation,) = _observations(text)
    assert observation.attributed_to != PUBLISHER, (text, observation)


SUBDIVISIONS = json.loads((vocabulary.FOLDER / "subdivisions.json").read_text("utf-8"))["names"]
CODES = vocabulary.place_country_codes()


@PROPERTY
@given(
    place=st.sampled_from(sorted(SUBDIVISIONS)),
    state=st.sampled_from(
        ["has been without mains power for {n} days", "has been cut off for {n} days"]
        + ["is under siege, with {n:,} people trapped", "was without water for {n} days"]
    ),
    count=st.integers(2, 900),
)
def test_a_subdivision_in_a_state_is_where_the_figure_holds(place, state, count):
    # a state's first-level subdivision ("Kassala", "Al Hudaydah", "Nampula") is a place of
    # the gazetteer, in its country, and the subject of a state is where, not an actor
    text = f"{place} {state.format(n=count)}, local officials said."
    (observation,) = _observations(text)
    assert observation.location == place, (text, observation)
    assert observation.country_code == CODES[SUBDIVISIONS[place]], (text, observation)
