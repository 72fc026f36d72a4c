"""Generated cases for classes of phrasing that field reports use (operation updates, food
security outlooks, outbreak news, mine action updates, pledging releases).

Each class is tested over many numbers, words and orders, not one sentence: a bare range of
months ("(April to June 2025)", "April–June 2025") is a period; a year an average is taken
over ("the 1995–2024 average") is no period; a table's caption says what its cells count,
and a count in a district's row counts no districts; a country in capitals in a title ("SOMALIA
Food Security Outlook") is the report's place.

Set PROPERTY_EXAMPLES to run more examples (CI runs the default).
"""

from __future__ import annotations

import os
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from indicators.extract import gazetteer
from indicators.extract.catalogue import Catalogue, Indicator
from indicators.extract.date_phrases import MONTH_NAMES, find_date_phrases
from indicators.extract.dates import DateResolver
from indicators.extract.pipeline import extract
from tests.conftest import REPO_ROOT

EXAMPLES = int(os.environ.get("PROPERTY_EXAMPLES", "100"))
PROPERTY = settings(
    max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
CATALOGUE = Catalogue.from_csv(
    REPO_ROOT / "data" / "indicators.csv",
    REPO_ROOT / "tests" / "fixtures" / "reports" / "indicators.csv",
)
YEARS = st.integers(2015, 2030)
MONTH_PAIRS = st.tuples(st.integers(1, 11), st.integers(1, 11)).map(
    lambda pair: (min(pair), max(pair) + 1)
)


def _periods(text: str, published: date) -> list[tuple[str, str, str]]:
    resolver = DateResolver(published)
    out = []
    for match in find_date_phrases(text):
        phrase = resolver.resolve(match)
        if phrase is not None and phrase.first is not None and phrase.last is not None:
            out.append((phrase.role, phrase.first.day.isoformat(), phrase.last.day.isoformat()))
    return out


@PROPERTY
@given(
    MONTH_PAIRS,
    YEARS,
    st.sampled_from(["({a} to {b} {y})", "{a}–{b} {y}", "{a}-{b} {y}", "{a} {y} – {b} {y}"]),
    st.integers(2, 900_000),
)
def test_a_bare_range_of_months_is_the_period_from_the_first_to_the_last(months, year, form, count):
    # "the gu season (April to June 2025)", "Devices destroyed, April–June 2025:"
    first, last = months
    stated = form.format(a=MONTH_NAMES[first - 1], b=MONTH_NAMES[last - 1], y=year)
    published = date(year + 1, 1, 15)
    expected = (f"{year}-{first:02d}-01", f"{year}-{last:02d}-01")
    assert _periods(f"Rain fell in the season {stated} on most days.", published) == [
        ("range", *expected)
    ]
    if " – " in stated:
        return  # a spaced dash also parts clauses: the phrase is read, the clause is cut there
    text = f"During the lean season {stated}, {count:,} people were displaced by the floods."
    (figure,) = extract(text, published, "P", catalogue=CATALOGUE).observations
    assert (figure.value, figure.period_start, figure.period_end) == (count, *expected)
    assert figure.period_precision == "month"


AVERAGE_CATALOGUE = Catalogue(
    [
        Indicator("rice_price_above_average", "Rice price above average", "percent"),
        Indicator("harvest_below_average", "Harvest below average", "percent"),
    ]
)


@PROPERTY
@given(
    st.integers(1, 12),
    st.integers(2, 95),
    st.tuples(st.integers(1990, 2015), st.integers(1, 10)),
    st.sampled_from(["average", "mean", "median"]),
    st.sampled_from(["{a}–{b}", "{a}-{b}", "{a} to {b}", "{b}"]),
)
def test_a_year_an_average_is_taken_over_is_no_period(month, share, span, noun, form):
    # "40 to 50 percent below the 1995–2024 average": the average's years, not the figure's
    first_year, length = span
    years = form.format(a=first_year, b=first_year + length)
    published = date(2025, 12, 20)
    text = f"The rice price was {share} percent above the {years} {noun} in the markets."
    (figure,) = extract(text, published, "P", catalogue=AVERAGE_CATALOGUE).observations
    assert (figure.indicator_id, figure.value) == ("rice_price_above_average", share)
    assert (figure.period_start, figure.period_end) == ("", "")
    # the sentence's own month is still the figure's period
    name = MONTH_NAMES[month - 1]
    dated = f"In {name}, the rice price was {share} percent above the {years} {noun}."
    (figure,) = extract(dated, published, "P", catalogue=AVERAGE_CATALOGUE).observations
    assert (figure.period_start, figure.period_precision) == (f"2025-{month:02d}-01", "month")


DISEASES = st.sampled_from(["marburg", "ebola", "lassa", "nipah"])
COLUMNS = ("confirmed", "probable", "deaths")
TOWNS = ["Kasanga", "Mugunga", "Tsihombe", "Kalehe", "Masisi", "Kutum"]


@PROPERTY
@given(
    DISEASES,
    st.permutations(COLUMNS),
    st.lists(st.sampled_from(TOWNS), min_size=2, max_size=2, unique=True),
    st.lists(st.integers(1, 999), min_size=6, max_size=6, unique=True),
    st.sampled_from(["District", "Districts", "Province"]),
)
def test_a_tables_caption_says_what_its_cells_count(disease, columns, towns, values, level):
    # "Table 1. Confirmed and probable cases and deaths by district" above
    # "District | Confirmed | Probable | Deaths": each cell is its column's count of the disease
    # the report is on, not a count of districts, nor the count of the cell before it
    ids = {
        "confirmed": f"{disease}_confirmed_cases",
        "probable": f"{disease}_probable_cases",
        "deaths": f"{disease}_deaths",
    }
    catalogue = Catalogue(
        [Indicator(i, i.replace("_", " ").capitalize(), "count") for i in ids.values()]
        + [Indicator("districts_with_cases", "Districts with cases", "count")]
    )
    header = " | ".join([level, *(c.capitalize() for c in columns)])
    rows = [
        " | ".join([town, *(str(v) for v in values[3 * i : 3 * i + 3])])
        for i, town in enumerate(towns)
    ]
    text = (
        f"Disease Outbreak News\n{disease.capitalize()} virus disease\n\n"
        "Cases have been reported from two districts.\n\n"
        f"Table 1. Confirmed and probable cases and deaths by {level.lower()}\n"
        + "\n".join([header, *rows])
        + "\n\nThe response goes on.\n"
    )
    found = {
        o.value: (o.indicator_id, o.location)
        for o in extract(text, date(2025, 3, 3), "WHO", catalogue=catalogue).observations
    }
    for i, town in enumerate(towns):
        for column, value in zip(columns, values[3 * i : 3 * i + 3], strict=True):
            assert found[value] == (ids[column], town)


# (region or town, its country) for places of the gazetteer within a country named one word
PLACES_IN_COUNTRIES = sorted(
    (place, gazetteer.country_of(place))
    for place in gazetteer.WITHIN
    if gazetteer.country_of(place)
    and gazetteer.country_of(place) != place
    and " " not in gazetteer.country_of(place)
    and gazetteer.levels_of(place) & {"region", "city"}
)


@PROPERTY
@given(
    st.sampled_from(PLACES_IN_COUNTRIES),
    st.sampled_from(["Food Security Outlook", "Operational Update", "Flash Update No. 3"]),
)
def test_a_country_in_capitals_heading_a_title_is_the_reports_place(place, title):
    # "SOMALIA Food Security Outlook" in a report that names Baidoa most and never Somalia
    town, country = place
    text = (
        f"{country.upper()} {title}\nJune 2025\n\n"
        f"Prices rose in {town}. Markets in {town} were short of food.\n\n"
        "Officials said 40 people were killed."
    )
    result = extract(text, date(2025, 6, 30), "P", catalogue=CATALOGUE)
    (figure,) = [o for o in result.observations if o.value == 40]
    assert figure.location == country
    # without the title's country the report is on the place it names most
    result = extract(
        text.replace(country.upper() + " ", ""), date(2025, 6, 30), "P", catalogue=CATALOGUE
    )
    (figure,) = [o for o in result.observations if o.value == 40]
    assert figure.location == town
