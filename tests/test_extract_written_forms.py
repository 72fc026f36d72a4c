"""How tables, dashboards and surveys write dates and sizes: a date in figures ("15/09/2025",
"15.09.2025"), a quarter in figures ("Q3 2025", "2025 Q3"), a sample's size ("(n=1,234)").
Each is read as what it is, never as a figure. Generated cases."""

from __future__ import annotations

import calendar
import os
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from indicators.extract.catalogue import Catalogue
from indicators.extract.pipeline import extract

EXAMPLES = int(os.environ.get("PROPERTY_EXAMPLES", "100"))
PUBLISHED = date(2025, 11, 20)


def _read(sentence: str):
    return extract(f"Situation update\n\n{sentence}", PUBLISHED, "OCHA", catalogue=Catalogue([]))


@st.composite
def days(draw) -> date:
    year = draw(st.integers(2019, 2025))
    month = draw(st.integers(1, 12))
    return date(year, month, draw(st.integers(1, calendar.monthrange(year, month)[1])))


@settings(max_examples=EXAMPLES, deadline=None)
@given(days(), st.sampled_from(["/", ".", "-"]), st.booleans(), st.integers(100, 99_999))
def test_a_date_in_figures_is_the_figures_day_day_first(day, separator, padded, count):
    parts = [f"{day.day:02d}" if padded else str(day.day), f"{day.month:02d}", str(day.year)]
    written = separator.join(parts)
    result = _read(f"As of {written}, {count:,} people were displaced, partners said.")
    assert [(o.value, o.period_start, o.period_end) for o in result.observations] == [
        (count, day.isoformat(), day.isoformat())
    ]


@settings(max_examples=EXAMPLES, deadline=None)
@given(days().filter(lambda d: d.day > 12), st.integers(100, 99_999))
def test_a_date_in_figures_is_month_first_only_where_no_month_can_be_first(day, count):
    written = f"{day.month:02d}/{day.day:02d}/{day.year}"  # "09/15/2025": 15 is no month
    result = _read(f"As of {written}, {count:,} people were displaced, partners said.")
    assert [(o.value, o.period_start) for o in result.observations] == [(count, day.isoformat())]


@settings(max_examples=EXAMPLES, deadline=None)
@given(
    st.integers(1, 4),
    st.integers(2019, 2025),
    st.sampled_from(["Q{q} {y}", "Q{q}-{y}", "Q{q}/{y}", "{y} Q{q}", "Q{q} of {y}"]),
    st.integers(100, 99_999),
)
def test_a_quarter_in_figures_is_its_three_months(quarter, year, form, count):
    written = form.format(q=quarter, y=year)
    result = _read(f"In {written}, {count:,} cases were reported, the ministry said.")
    first_month = 3 * quarter - 2
    assert [(o.value, o.period_start, o.period_end) for o in result.observations] == [
        (count, date(year, first_month, 1).isoformat(), date(year, first_month + 2, 1).isoformat())
    ]


@settings(max_examples=EXAMPLES, deadline=None)
@given(
    st.integers(30, 20_000),
    st.sampled_from(["(n={n:,})", "(N = {n:,})", "(n = {n})", "(N={n})"]),
    st.integers(1, 99),
    st.sampled_from(["households", "children", "respondents", "women"]),
)
def test_a_samples_size_is_no_figure_of_what_it_counts(size, form, share, noun):
    sample = form.format(n=size)
    result = _read(f"The survey {sample} found {share} percent of {noun} lacked safe water.")
    values = [o.value for o in result.observations]
    assert share in values
    assert size not in values or size == share
