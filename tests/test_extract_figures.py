"""Classes of numbers in report text, generated: what is not a figure is never extracted, and
what is one is read with its unit, exact value and bounds.

Each test builds sentences from a template of the class with generated numbers and words
(ages, clock times, distances, scale levels, denominators, a plan's stages, the period of a
change; money in several currencies, decimals with scales, fractions, multipliers, counts out
of a whole, baselines, counts with a word missing) and checks the candidates.
"""

from __future__ import annotations

import os
from datetime import date
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from indicators.extract.pipeline import extract

EXAMPLES = int(os.environ.get("PROPERTY_EXAMPLES", "100"))
PROPERTY = settings(
    max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
PUBLISHED = date(2025, 6, 12)
WORDS = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]

counts = st.integers(1_000, 900_000)
small = st.integers(2, 99)
number_words = st.sampled_from(WORDS)


def values(text: str) -> list[float]:
    return [o.value for o in extract(text, PUBLISHED, "Relief Agency").observations]


def observations(text: str):
    result = extract(text, PUBLISHED, "Relief Agency")
    assert result.failures == []
    for row in result.observations + result.events:
        assert text[row.quote_start : row.quote_end] == row.quote
    return result.observations


# ------------------------------------------------------------------ not figures


@st.composite
def not_figure_phrases(draw) -> str:
    low, high = sorted(draw(st.lists(small, min_size=2, max_size=2, unique=True)))
    return draw(
        st.sampled_from(
            [
                f"including children under the age of {draw(number_words)}",
                f"among them women aged {low} to {high}",
                f"and children aged {low}-{high} months",
                f"at {draw(st.integers(0, 23)):02d}.{draw(st.integers(0, 59)):02d} local time",
                f"at {draw(st.integers(1, 12))}:{draw(st.integers(0, 59)):02d} a.m.",
                f"within {draw(small)} km of the border",
                f"about {draw(small)} kilometres north of the town",
                f"after a magnitude {draw(st.integers(4, 8))}.{draw(st.integers(0, 9))} earthquake",
                f"on a scale of one to {draw(number_words)}",
                f"above the emergency threshold of {draw(small)} percent",
                f"in {draw(number_words)} stages",
                "with at least one type of support",
                f"in {draw(number_words)} phases",
            ]
        )
    )


@PROPERTY
@given(counts, not_figure_phrases())
def test_ages_times_distances_levels_and_stages_are_not_figures(count, phrase):
    text = f"Some {count:,} people were displaced, {phrase}, the agency said."
    assert values(text) == [count]


@PROPERTY
@given(counts, number_words, st.sampled_from(["months", "weeks", "days"]))
def test_the_period_of_a_change_is_not_a_figure(count, word, unit):
    text = f"Admissions doubled in {word} {unit}, to {count:,}, the ministry said."
    found = observations(text)
    assert sorted(o.value for o in found) == sorted([2.0, count])
    doubled = next(o for o in found if o.value_as_stated == "doubled")
    assert doubled.unit == "times" and doubled.period_start and doubled.period_end


# ------------------------------------------------------------------ figures with units


def _decimal(whole: int, tenth: int) -> str:
    return f"{whole}.{tenth}" if tenth else str(whole)


@PROPERTY
@given(
    st.integers(1, 999),
    st.integers(0, 9),
    st.sampled_from(
        [
            ("US$ {n} million", "usd", 10**6),
            ("{n} million dollars", "usd", 10**6),
            ("$ {n} billion", "usd", 10**9),
            ("EUR {n}m", "eur", 10**6),
            ("€{n} million", "eur", 10**6),
            ("{n} billion euros", "eur", 10**9),
        ]
    ),
)
def test_money_carries_its_currency_and_its_exact_value(whole, tenth, form):
    template, currency, scale = form
    stated = _decimal(whole, tenth)
    text = f"The agency is seeking {template.format(n=stated)} for the response."
    (figure,) = observations(text)
    assert figure.unit.split()[0] == currency
    assert figure.value == float(Decimal(stated) * scale)  # no float noise: 14.7 million


@PROPERTY
@given(st.integers(1, 999), st.integers(1, 9), st.sampled_from(["million", "billion"]))
def test_scaled_decimals_are_exact(whole, tenth, scale):
    text = f"Some {whole}.{tenth} {scale} people need assistance."
    (figure,) = observations(text)
    factor = 10**6 if scale == "million" else 10**9
    assert figure.value == float(Decimal(f"{whole}.{tenth}") * factor)
    assert figure.review == ""


@PROPERTY
@given(
    st.integers(1, 99),
    st.integers(0, 9),
    st.sampled_from([1_000, 10_000, 100_000]),
    st.sampled_from(["people", "live births", "children", "population"]),
    st.sampled_from(["", " per day", " per week", " per year"]),
)
def test_a_rate_keeps_its_denominator_and_time_base(whole, tenth, per, population, time):
    stated = _decimal(whole, tenth)
    text = f"The survey found {stated} deaths per {per:,} {population}{time} in the camps."
    (figure,) = observations(text)
    assert figure.value == float(Decimal(stated))
    assert figure.unit == f"per {per:,} {population}{time}"


@PROPERTY
@given(
    st.sampled_from(
        [("a quarter", 25.0), ("three quarters", 75.0), ("a third", 33.3), ("two thirds", 66.7)]
        + [("a fifth", 20.0), ("half", 50.0)]
    ),
    st.sampled_from(["of them were women", "of the households surveyed had no food"]),
)
def test_bare_fractions_are_shares(fraction, rest):
    words, share = fraction
    (figure,) = observations(f"{words.capitalize()} {rest}.")
    assert (figure.value, figure.unit) == (share, "percent")


@PROPERTY
@given(
    st.sampled_from(["fell", "dropped", "declined", "has been reduced", "was cut"]),
    st.sampled_from([("three quarters", 75.0), ("half", 50.0), ("a third", 33.3)]),
)
def test_a_fraction_a_change_is_by_is_a_change_in_percent(verb, fraction):
    words, share = fraction
    (figure,) = observations(f"Electricity supply {verb} by more than {words} since March.")
    assert figure.unit == "percent" and figure.qualifier == "more than"
    # a fall of more than three quarters: a change below -75 percent of what fell
    assert figure.indicator_id == "electricity_supply_change", figure.indicator_id
    assert figure.value == -share and figure.value_high == -share and figure.value_low is None


@PROPERTY
@given(
    st.sampled_from(
        [("ten-fold", 10.0), ("threefold", 3.0), ("tripled", 3.0), ("doubled", 2.0)]
        + [("quadrupled", 4.0), ("5-fold", 5.0)]
    )
)
def test_multipliers_are_times_not_counts(form):
    words, factor = form
    verb = words if words.endswith("ed") else f"rose {words}"
    (figure,) = observations(f"Admissions of malnourished children {verb} between January and May.")
    assert (figure.value, figure.unit) == (factor, "times")


@PROPERTY
@given(st.integers(2, 400), st.integers(1, 400), st.sampled_from(["country's", "region's"]))
def test_a_count_out_of_a_whole_is_the_count(part, extra, owner):
    whole = part + extra
    text = f"Cases were reported in {part} of the {owner} {whole} districts."
    (figure,) = observations(text)
    assert figure.value == part and f"out of {whole}" in figure.notes


@PROPERTY
@given(counts, counts)
def test_a_baseline_is_a_second_figure_with_its_own_period(current, baseline):
    text = f"Some {current:,} people were displaced this year, up from {baseline:,} a year earlier."
    found = observations(text)
    assert [o.value for o in found] == [current, baseline]
    assert found[0].period_start == "2025-01-01" and found[1].period_start == "2024-01-01"


@PROPERTY
@given(st.integers(1, 9), st.integers(1, 9))
def test_a_count_that_is_not_whole_is_kept_and_flagged(whole, tenth):
    stated = f"{whole}.{tenth}"
    (figure,) = observations(f"In the north, some {stated} people fled their homes last month.")
    assert figure.value == float(stated)
    assert figure.review and "needs review" in figure.notes


@PROPERTY
@given(
    counts,
    st.sampled_from(
        ["KEY FIGURES\n• {n} people displaced\n\n", "HIGHLIGHTS\n- {n} people displaced\n\n"]
    ),
)
def test_a_figure_repeated_in_a_headline_is_one_candidate(count, headline):
    text = headline.format(n=f"{count:,}") + (
        f"Fighting has displaced {count:,} people since 3 May, the agency said."
    )
    found = observations(text)
    assert len(found) == 1
    assert found[0].period_start == "2025-05-03" and "also stated at" in found[0].notes


@PROPERTY
@given(counts, st.sampled_from(["Israel has", "Iran has", "Egypt said it has"]))
def test_an_actors_country_is_not_the_figures_place(count, actor):
    text = f"{actor} closed the crossing. Some {count:,} people are stranded in Gaza, the UN said."
    found = observations(text)
    assert [o.location for o in found] == ["Gaza Strip"]
