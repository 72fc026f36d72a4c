"""Generated cases for classes of phrasing that field reports use (operation updates, food
security outlooks, outbreak news, mine action updates, pledging releases).

Each class is tested over many numbers, words and orders, not one sentence: a bare range of
months ("(April to June 2025)", "April–June 2025") is a period; a year an average is taken
over ("the 1995–2024 average") is no period; a table's caption says what its cells count,
and a count in a district's row counts no districts; a country in capitals in a title ("SOMALIA
Food Security Outlook") is the report's place; "the government" is the report's country's;
"the UNHCR-led Network" is the network; a survey that "confirmed" figures is no speaker; a
running total ("bringing the total to 263,400") takes no period of the clause before; a
measure told again in another unit in parentheses is one figure; "22 percent more than in the
first quarter" is measured against the first quarter, and keeps its sentence's period.

Set PROPERTY_EXAMPLES to run more examples (CI runs the default).
"""

from __future__ import annotations

import os
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from indicators.extract import gazetteer, vocabulary
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


SIMPLE_COUNTRIES = sorted(c for c in gazetteer.COUNTRIES if c.isalpha() and c[0].isupper())


@PROPERTY
@given(
    st.sampled_from(SIMPLE_COUNTRIES),
    st.sampled_from(vocabulary.words("own_government_phrases", "speakers")),
    st.sampled_from(["reports that", "said", "estimates that"]),
    st.integers(2, 90_000),
)
def test_the_government_named_without_its_country_is_the_reports_country(
    country, phrase, verb, count
):
    # "The government reports that 48,600 houses were damaged" in an update on Bangladesh
    text = (
        f"{country}: Floods \u2013 Operation Update No. 1\n\n"
        f"{phrase.capitalize()} {verb} {count:,} houses were damaged or destroyed.\n"
    )
    (figure,) = extract(text, date(2025, 9, 22), "IFRC", catalogue=CATALOGUE).observations
    assert figure.attributed_to == f"Government of {country}"
    # a government its sentence names by its country is that country's, whatever the report's
    named = text.replace(phrase.capitalize(), "The Chadian government")
    (figure,) = extract(named, date(2025, 9, 22), "IFRC", catalogue=CATALOGUE).observations
    assert figure.attributed_to == "Government of Chad"


@PROPERTY
@given(
    st.sampled_from(["UNHCR", "WFP", "UNICEF", "WHO", "IOM", "OCHA"]),
    st.sampled_from(vocabulary.words("led_by_suffixes", "speakers")),
    st.sampled_from(
        ["Protection and Return Monitoring Network", "Logistics Cluster", "Shelter Working Group"]
    ),
    st.integers(2, 900_000),
)
def test_an_organisation_before_led_names_no_speaker_the_body_after_it_does(
    organisation, suffix, body, count
):
    # "according to the UNHCR-led Protection and Return Monitoring Network"
    text = (
        f"Somalia update\n\nSome {count:,} people were newly displaced by drought, "
        f"according to the {organisation}-{suffix} {body}.\n"
    )
    (figure,) = extract(text, date(2025, 6, 30), "FEWS NET", catalogue=CATALOGUE).observations
    assert figure.attributed_to == body


@PROPERTY
@given(
    st.sampled_from(["Technical", "Rapid", "Non-technical", "Field", "Household"]),
    # the methods that find figures (a bulletin or report is the document itself)
    st.sampled_from(
        [
            w
            for w in vocabulary.words("method_nouns")
            if " " not in w and w not in ("bulletin", "report", "update", "snapshot")
        ]
    ),
    st.sampled_from(["confirmed", "recorded", "counted", "documented"]),
    st.integers(2, 9_000),
)
def test_a_method_that_finds_figures_is_no_speaker(adjective, method, verb, count):
    # "Technical survey confirmed 96 new contaminated areas": the report's own finding
    text = f"Laos update\n\n{adjective} {method} {verb} {count:,} new contaminated areas.\n"
    (figure,) = extract(text, date(2025, 7, 15), "NRA", catalogue=CATALOGUE).observations
    assert (figure.value, figure.attributed_to) == (count, "NRA")


@PROPERTY
@given(
    st.integers(1, 12),
    st.lists(st.integers(1_000, 900_000), min_size=2, max_size=2, unique=True),
    st.sampled_from(vocabulary.words("running_total_verbs")),
    st.sampled_from(["total of refugees registered in the country", "total", "number of refugees"]),
    st.booleans(),
)
def test_a_running_total_takes_no_period_of_the_clause_before(month, counts, verb, total, since):
    # "registered 57,200 refugees in July, bringing the total ... to 263,400": the total is
    # no July figure, and "bringing the total ..." is no speaker
    first, second = sorted(counts)
    name = MONTH_NAMES[month - 1]
    own = " since 24 February 2022" if since else ""
    text = (
        f"South Sudan update\n\nPartners registered {first:,} refugees in {name}, "
        f"{verb} the {total}{own} to {second:,}.\n"
    )
    found = {
        o.value: o
        for o in extract(text, date(2025, 12, 20), "UNHCR", catalogue=CATALOGUE).observations
    }
    assert (found[first].period_start, found[first].period_precision) == (
        f"2025-{month:02d}-01",
        "month",
    )
    # the speaker of the clause before ("Partners registered ..."), not "bringing the total"
    assert found[second].attributed_to == found[first].attributed_to == "Partners"
    assert found[second].period_start == ("2022-02-24" if since else "")


@PROPERTY
@given(
    st.integers(10, 9_000),
    st.sampled_from(["square metres", "sq km", "km2", "acres"]),
    st.sampled_from(["", "about "]),
    st.integers(1, 12),
)
def test_a_measure_told_again_in_another_unit_is_one_figure(hectares, unit, hedge, month):
    # "1,284 hectares (12.84 million square metres)": one measure, its hectares kept
    other = {"square metres": hectares * 10_000, "sq km": hectares / 100, "acres": hectares * 2.47}
    other_value = other.get(unit, hectares / 100)
    name = MONTH_NAMES[month - 1]
    text = (
        f"Mine action update\n\nOperators cleared {hectares:,} hectares "
        f"({hedge}{other_value:,.2f} {unit}) of farmland in {name}.\n"
    )
    found = extract(text, date(2025, 12, 20), "NRA", catalogue=CATALOGUE).observations
    assert [(o.value, o.unit) for o in found] == [(hectares, "hectares")]
    assert found[0].period_start == f"2025-{month:02d}-01"
    # two measures side by side, not in parentheses, are two figures
    apart = text.replace(f"({hedge}", "and ").replace(f" {unit})", f" {unit}")
    found = extract(apart, date(2025, 12, 20), "NRA", catalogue=CATALOGUE).observations
    assert len(found) == 2


@PROPERTY
@given(
    MONTH_PAIRS,
    st.integers(101, 9_000),
    st.integers(2, 99),
    st.sampled_from(["more", "less", "fewer", "higher", "lower"]),
    st.sampled_from(["the first quarter", "January", "2024", "the same period of 2024"]),
)
def test_a_change_against_an_earlier_period_keeps_the_period_of_its_sentence(
    months, count, share, comparative, baseline
):
    # "cleared 1,284 hectares between April and June, 22 percent more than in the first
    # quarter": the first quarter is what the change is measured against
    first, last = months
    a, b = MONTH_NAMES[first - 1], MONTH_NAMES[last - 1]
    text = (
        f"Mine action update\n\nOperators cleared {count:,} hectares between {a} and {b}, "
        f"{share} percent {comparative} than in {baseline}.\n"
    )
    found = {
        o.value: o
        for o in extract(text, date(2025, 12, 20), "NRA", catalogue=CATALOGUE).observations
    }
    expected = (f"2025-{first:02d}-01", f"2025-{last:02d}-01")
    assert (found[count].period_start, found[count].period_end) == expected
    assert (found[share].period_start, found[share].period_end) == expected
