"""Matching figures to the catalogue, and the ids proposed when nothing matches."""

from __future__ import annotations

from datetime import date

from indicators.extract.catalogue import Catalogue, Indicator, content_words, normalise
from indicators.extract.pipeline import extract
from indicators.extract.proposals import propose

CATALOGUE = Catalogue(
    [
        Indicator(
            "share_households_severe_water_shortage",
            "Households facing severe water shortages",
            "percent",
        ),
        Indicator(
            "share_people_days_without_eating", "People going days without eating", "percent"
        ),
        Indicator("hospitals_not_functioning", "Hospitals no longer functioning", "count"),
        Indicator("share_hospitals_functioning", "Hospitals functioning", "percent"),
        Indicator("people_killed", "People killed", "count"),
        Indicator("civilians_killed", "Civilians killed", "count"),
        Indicator("villages_cut_off", "Villages cut off", "count"),
        Indicator("helicopters_available", "Helicopters available", "count"),
        Indicator("war_duration", "Duration of the war", "months"),
    ]
)


def ids(text: str) -> list[str]:
    return [
        o.indicator_id
        for o in extract(text, date(2025, 7, 24), "P", catalogue=CATALOGUE).observations
    ]


def test_words_are_normalised_for_matching():
    assert normalise("arriving") == normalise("arrive") == normalise("arrived")
    assert normalise("deaths") == normalise("killed")
    assert content_words("no longer functioning") == ["not", "function"]


def test_the_clause_words_pick_the_indicator_and_its_unit():
    assert ids("95 percent of Gaza households face severe water shortages.") == [
        "share_households_severe_water_shortage"
    ]
    assert ids("Many hospitals in the Gaza Strip are no longer functioning.") == [
        "hospitals_not_functioning"
    ]
    assert ids("Only 9 out of 22 hospitals are still functioning.") == [
        "share_hospitals_functioning"
    ]
    assert ids("The war has lasted 21 months of war.")[0] == "war_duration"


def test_the_more_specific_and_the_nearer_indicator_wins():
    assert ids("At least 430 civilians have been killed.") == ["civilians_killed"]
    assert ids("The number of deaths has risen to 2,200.") == ["people_killed"]
    assert ids(
        "Landslides have cut off up to 40 villages, and fewer than 10 helicopters are available."
    ) == [
        "villages_cut_off",
        "helicopters_available",
    ]


def test_a_duration_in_years_is_converted_to_the_indicators_months():
    (observation,) = extract(
        "After two years of war, talks stalled.", date(2025, 7, 24), "P", catalogue=CATALOGUE
    ).observations
    assert (observation.indicator_id, observation.value, observation.value_as_stated) == (
        "war_duration",
        24,
        "two years",
    )


def test_unmatched_figures_get_a_readable_proposed_id():
    assert propose("count", "count", " convoys are waiting at the crossing") == (
        "convoys_waiting",
        "Convoys waiting",
    )
    assert (
        propose("share", "percent", " of schools are used as shelters")[0]
        == "share_schools_used_shelters"
    )
    assert propose("count", "count", " trucks a day were needed", rate="day") == (
        "trucks_needed_per_day",
        "Trucks needed per day",
    )
    (observation,) = extract(
        "Six convoys are waiting at the crossing.", date(2025, 7, 24), "P", catalogue=CATALOGUE
    ).observations
    assert observation.indicator_is_new and observation.indicator_id == "convoys_waiting"
