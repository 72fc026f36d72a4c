"""Generated cases for the period a list's lead-in gives its rows.

A line ending in a colon that names one period ("Devices destroyed, April–June 2025:",
"Medical activities in the camp, 1–21 October 2025:", "The assessment, conducted between 1 and
20 September, found:") dates each row of the list under it that names no period of its own,
bulleted or written "Label: figure". A row that names its own period keeps it, a sentence
written after the list is not one of its rows, and a lead-in with no date (or with two) dates
nothing.

Set PROPERTY_EXAMPLES to run more examples (CI runs the default).
"""

from __future__ import annotations

import os
from datetime import date

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from indicators.extract.catalogue import Catalogue, Indicator
from indicators.extract.pipeline import extract

EXAMPLES = int(os.environ.get("PROPERTY_EXAMPLES", "100"))
PROPERTY = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
PUBLISHED = date(2025, 11, 20)
ROWS = [
    ("outpatient_consultations", "Outpatient consultations"),
    ("latrines_built", "Latrines built"),
    ("hygiene_kits_distributed", "Hygiene kits distributed"),
    ("children_vaccinated_measles", "Children vaccinated against measles"),
    ("shelter_kits_distributed", "Shelter kits distributed"),
]
CATALOGUE = Catalogue([Indicator(i, label.lower(), "count", label + ".") for i, label in ROWS])
PLACES = st.sampled_from(["Tawila", "Cox's Bazar", "Maiduguri", "Kharkiv", "Bentiu", "Goma"])
# (as written, period start, period end)
PERIODS = st.sampled_from(
    [
        ("April–June 2025", "2025-04-01", "2025-06-01"),
        ("1–21 October 2025", "2025-10-01", "2025-10-21"),
        ("September 2025", "2025-09-01", "2025-09-01"),
        ("between 3 and 17 August", "2025-08-03", "2025-08-17"),
        ("January to March 2025", "2025-01-01", "2025-03-01"),
    ]
)
LEAD_INS = st.sampled_from(
    [
        "Activities in {place}, {period}:",
        "Key outputs of the response in {place}, {period}:",
        "The partners' monitoring in {place}, carried out {period}, found:",
        "Services delivered in {place} ({period}):",
    ]
)
BULLETS = st.sampled_from(["- ", "• ", "* ", ""])


def _rows(count: int, bullet: str, values: list[int]) -> list[str]:
    return [f"{bullet}{label}: {value:,}" for (_, label), value in zip(ROWS[:count], values)]


def _observations(text: str) -> dict[float, object]:
    result = extract(text, PUBLISHED, "Agency", catalogue=CATALOGUE)
    return {o.value: o for o in result.observations}


VALUES = st.lists(st.integers(12, 90_000), min_size=2, max_size=5, unique=True)


@PROPERTY
@given(lead=LEAD_INS, period=PERIODS, place=PLACES, bullet=BULLETS, values=VALUES)
def test_a_lead_in_that_names_a_period_dates_its_rows(lead, period, place, bullet, values):
    stated, start, end = period
    rows = _rows(len(values), bullet, values)
    text = "\n".join(
        [
            "Response update",
            "",
            "Teams worked in difficult conditions throughout the month.",
            "",
            lead.format(place=place, period=stated),
            *rows,
        ]
    )
    found = _observations(text)
    for (indicator, _), value in zip(ROWS, values):
        observation = found[value]
        assert observation.indicator_id == indicator, (text, observation)
        assert (observation.period_start, observation.period_end) == (start, end), (
            text,
            observation,
        )
        # the quote runs from the lead-in down to the row, so it holds the period it states
        assert text[observation.quote_start : observation.quote_end] == observation.quote
        assert observation.quote.startswith(lead.format(place=place, period=stated)[:12])
        assert observation.period_as_stated in observation.quote


@PROPERTY
@given(lead=LEAD_INS, period=PERIODS, place=PLACES, values=VALUES, month=st.integers(1, 8))
def test_a_row_that_names_its_own_period_keeps_it(lead, period, place, values, month):
    stated, start, _ = period
    month_name = date(2025, month, 1).strftime("%B")
    rows = _rows(len(values), "- ", values)
    rows[0] += f" in {month_name} 2024"
    text = "\n".join(["Update", "", lead.format(place=place, period=stated), *rows])
    found = _observations(text)
    assert found[values[0]].period_start == f"2024-{month:02d}-01", text
    assert found[values[1]].period_start == start, text


@PROPERTY
@given(place=PLACES, bullet=BULLETS, values=VALUES)
def test_a_lead_in_with_no_date_dates_nothing(place, bullet, values):
    rows = _rows(len(values), bullet, values)
    text = "\n".join(["Update", "", f"Activities in {place}:", *rows])
    found = _observations(text)
    for value in values:
        assert found[value].period_start == "", text


@PROPERTY
@given(period=PERIODS, place=PLACES, values=VALUES, extra=st.integers(100, 900))
def test_a_sentence_after_the_list_is_not_one_of_its_rows(period, place, values, extra):
    assume(extra not in values)
    stated, start, _ = period
    rows = _rows(len(values), "- ", values)
    text = "\n".join(
        [
            "Update",
            "",
            f"Activities in {place}, {stated}:",
            *rows,
            f"Partners also distributed {extra} shelter kits to families who lost their homes.",
        ]
    )
    found = _observations(text)
    assert found[values[0]].period_start == start, text
    if extra in found:
        assert found[extra].period_start == "", (text, found[extra])
