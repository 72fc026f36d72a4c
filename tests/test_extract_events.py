"""Events read from report text, by class of phrasing, over generated places and dates: a
crossing or road closed or blocked, dated where the text dates it and placed at the place the
closing phrase names; a date compared with is no event's date.

Set PROPERTY_EXAMPLES to run more generated cases (CI runs the default).
"""

from __future__ import annotations

import os
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from indicators.extract import gazetteer
from indicators.extract.pipeline import extract

EXAMPLES = int(os.environ.get("PROPERTY_EXAMPLES", "100"))
PROPERTY = settings(max_examples=EXAMPLES, deadline=None)
PUBLISHED = date(2025, 10, 3)  # a Friday
# (town, the region holding it) for towns of the gazetteer that lie in a region
TOWNS = sorted(
    (town, region)
    for town, region in gazetteer.WITHIN.items()
    if gazetteer.levels_of(town) == {"city"} and gazetteer.levels_of(region) == {"region"}
)
DATES = st.sampled_from(
    [
        ("on Sept. 20", "since Sept. 20", "2025-09-20", "day"),
        ("on Sunday", "since Sunday", "2025-09-28", "day"),
        ("in March", "since March", "2025-03-01", "month"),
    ]
)


def blockades(text: str) -> list[tuple[str, str, str]]:
    result = extract(text, PUBLISHED, "Test Wire")
    return [(e.start, e.start_precision, e.location) for e in result.events if e.kind == "blockade"]


@PROPERTY
@given(st.sampled_from(TOWNS), DATES, st.sampled_from(["crossing", "border crossing"]))
def test_a_closed_crossing_is_a_blockade_where_the_phrase_names_it(town, when, what):
    """'closed the Adre crossing on Sept. 20, a decision that slowed deliveries into Darfur':
    a blockade from that day, at Adre, not at the place of the aside."""
    name, region = town
    on, since, day, precision = when
    text = (
        f"The government closed the {name} {what} to aid convoys {on}, a decision "
        f"aid groups say has slowed deliveries into {region}."
    )
    assert blockades(text) == [(day, precision, name)], text
    text = f"The {name} {what} into {region} has been closed {since}, OCHA said."
    assert [b[:2] for b in blockades(text)] == [(day, precision)], text


@PROPERTY
@given(st.sampled_from(TOWNS), DATES)
def test_a_road_cut_blocking_supplies_is_a_blockade(town, when):
    name, _ = town
    _, since, day, precision = when
    text = f"The main road has been cut by gangs near {name} {since}, blocking supplies."
    assert blockades(text) == [(day, precision, name)], text


@PROPERTY
@given(st.sampled_from(["compared with", "compared to", "than", "against"]))
def test_a_date_compared_with_dates_no_event(comparison):
    """'as a blockade cut farmers off ..., down 60 per cent compared with last year': the
    year compared with is not when the blockade began."""
    text = (
        "Rice output is down by an estimated 60 per cent "
        f"{comparison} last year, as fighting and a blockade of the state cut farmers off."
    )
    assert blockades(text) == []


def events_of(text: str) -> list[tuple[str, str, str]]:
    result = extract(text, PUBLISHED, "Test Wire")
    return [(e.kind, e.start, e.start_precision) for e in result.events]


@PROPERTY
@given(
    st.sampled_from(TOWNS),
    st.sampled_from(["resumed", "erupted", "broke out", "escalated", "flared up"]),
    st.sampled_from(["seized", "captured", "took control of"]),
)
def test_fighting_resuming_or_a_town_seized_dates_a_war(town, verb, seized):
    """'since the fighting resumed on Wednesday', 'The M23 seized Goma in late January after
    a week-long offensive'."""
    name, _ = town
    text = f"About 48,000 people have fled {name} since the fighting {verb} on Wednesday."
    assert ("war", "2025-10-01", "day") in events_of(text), text
    text = f"The rebels {seized} {name} in late January after a week-long offensive."
    assert events_of(text) == [("war", "2025-01-21", "late-month")], text


@PROPERTY
@given(
    st.sampled_from(["denied that its soldiers were", "rejected accusations that it was"]),
    st.sampled_from([("on Saturday", "2025-09-27"), ("on Tuesday", "2025-09-30")]),
)
def test_a_dated_denial_is_a_statement(denied, when):
    words, day = when
    text = f"The foreign ministry {words} {denied} fighting alongside the rebels."
    assert events_of(text) == [("statement", day, "day")], text


@PROPERTY
@given(st.sampled_from(["declaration of principles", "framework for peace"]))
def test_a_date_dates_the_event_words_nearest_it_by_their_span(what):
    """'signed a declaration of principles in Doha last month that included a ceasefire':
    the date lies right after the declaration (talks), not the ceasefire named after it."""
    text = f"The two sides signed a {what} in Doha last month that included a ceasefire."
    assert events_of(text) == [("talks", "2025-09-01", "month")], text


@PROPERTY
@given(
    st.sampled_from(["postponed", "cancelled", "called off", "delayed"]),
    st.sampled_from(["talks", "negotiations"]),
)
def test_an_event_put_off_is_not_dated_from_its_planned_day(word, what):
    text = (
        f"Mediators said the next round of {what} between the government and the rebels, "
        f"due to open on Monday, had been {word}."
    )
    assert events_of(text) == [], text
    text = f"A new round of {what} between the government and the rebels opened on Monday."
    assert events_of(text) == [("talks", "2025-09-29", "day")], text
