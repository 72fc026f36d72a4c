"""How tables, dashboards and surveys write dates and sizes: a date in figures ("15/09/2025",
"15.09.2025"), a quarter in figures ("Q3 2025", "2025 Q3"), a sample's size ("(n=1,234)").
Each is read as what it is, never as a figure. And how they write money: a currency code
before or after an amount ("2,700 SDG"), or a currency's sign ("₦1.6 billion", "₴ 300") is
money in that currency. Generated cases."""

from __future__ import annotations

import calendar
import os
from datetime import date

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from indicators.extract import vocabulary
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


@settings(max_examples=EXAMPLES, deadline=None)
@given(
    st.integers(1, 40),
    st.integers(1, 40),
    st.sampled_from(["", "About ", "Some ", "An estimated ", "Around "]),
    st.sampled_from(["-", "–", " to "]),
    st.sampled_from(["%", " percent", " per cent"]),
)
def test_a_range_whose_unit_comes_after_its_second_figure_is_one_share(
    low, width, hedge, joiner, percent
):
    high = low + width
    sentence = f"{hedge}{low}{joiner}{high}{percent} of children are malnourished, UNICEF said."
    found = _read(sentence[0].upper() + sentence[1:]).observations
    assert [(o.value, o.unit, o.value_low, o.value_high) for o in found] == [
        (round((low + high) / 2, 1), "percent", low, high)
    ]


@settings(max_examples=EXAMPLES, deadline=None)
@given(
    st.integers(1, 9),
    st.integers(1, 9),
    st.sampled_from([("million", 10**6), ("billion", 10**9), ("M", 10**6), ("bn", 10**9)]),
    st.sampled_from(["Between {a} and {b}", "Some {a}-{b}", "An estimated {a} to {b}"]),
    st.booleans(),
)
def test_a_scale_after_a_ranges_second_figure_scales_both(low, width, scale, form, money):
    word, factor = scale
    high = low + width
    stated = form.format(a=f"${low}" if money else low, b=high) + (
        f" {word}" if len(word) > 2 else word
    )
    noun = "is needed" if money else "people fled"
    found = _read(f"{stated} {noun}, the agency said.").observations
    assert [(o.value, o.value_low, o.value_high) for o in found] == [
        ((low + high) / 2 * factor, low * factor, high * factor)
    ]
    assert found[0].unit == ("usd" if money else "count")


@settings(max_examples=EXAMPLES, deadline=None)
@given(
    st.integers(11, 999).map(lambda tenths: tenths / 10),
    st.sampled_from(["m", " mln", "mn"]),
    st.sampled_from(["people", "children", "refugees", "Sudanese", "households"]),
)
def test_millions_as_the_press_writes_them(millions, scale, noun):
    found = _read(f"Some {millions:g}{scale} {noun} have fled, the agency said.").observations
    assert [o.value for o in found] == [round(millions * 1_000_000)]


@settings(max_examples=max(10, EXAMPLES // 2), deadline=None)
@given(st.integers(2, 9), st.sampled_from(["wall", "high", "deep", "overnight", "in places"]))
def test_a_lower_case_m_before_no_plural_noun_is_metres(metres, after):
    found = _read(f"Floodwater rose {metres}m {after} near the camp.").observations
    assert metres * 1_000_000 not in [o.value for o in found]


@settings(max_examples=EXAMPLES, deadline=None)
@given(
    st.integers(2, 12),
    st.sampled_from(
        ["a {n}x increase", "a {n}× increase", "{n} times higher than", "{n} times the average"]
    ),
    st.sampled_from(["Admissions", "Prices", "Cholera cases"]),
)
def test_so_many_times_is_a_multiplier_not_a_count(times, form, subject):
    phrase = form.format(n=times)
    verb = "showed" if phrase.startswith("a ") else "were"
    found = _read(f"{subject} {verb} {phrase} in July, the ministry said.").observations
    multipliers = [o for o in found if o.value == times]
    assert multipliers and all(o.unit == "times" for o in multipliers)


MONTHS = list(calendar.month_name)[1:]


@settings(max_examples=EXAMPLES, deadline=None)
@given(
    st.integers(1, 10),
    st.sampled_from(["due to funding cuts", "due to insecurity", "due to heavy rains"]),
    st.integers(1_000, 999_999),
)
def test_due_to_a_cause_speaks_of_no_future(months_back, cause, count):
    # "in October" in a report of 20 November is last October, whatever it was due to
    month = PUBLISHED.month - months_back
    year = PUBLISHED.year if month >= 1 else PUBLISHED.year - 1
    month = month if month >= 1 else month + 12
    sentence = f"WFP reached {count:,} people in {MONTHS[month - 1]} {cause}."
    found = _read(sentence).observations
    assert [(o.value, o.period_start) for o in found] == [(count, date(year, month, 1).isoformat())]
    # "due to" before a verb still says what is to come: "due to begin in March" is next March
    coming = _read(f"Distributions to {count:,} people are due to begin in March.").observations
    assert [o.period_start for o in coming] == ["2026-03-01"]


CODES = ["SDG", "SSP", "SYP", "KES", "ETB", "YER", "AFN", "HTG"]


@settings(max_examples=EXAMPLES, deadline=None)
@given(st.sampled_from(CODES), st.integers(100, 999_999), st.booleans())
def test_a_currency_code_after_an_amount_makes_it_money(code, amount, rate):
    if rate:
        sentence = f"The exchange rate reached {amount:,} {code} to the US dollar in October."
        unit = f"{code.lower()} per usd"
    else:
        sentence = f"A food basket costs {amount:,} {code} in Kassala, WFP said."
        unit = code.lower()
    found = _read(sentence).observations
    assert [(o.value, o.unit) for o in found] == [(amount, unit)]
    # named by what it is of, not by where it is ("in Kassala")
    assert "kassala" not in found[0].indicator_id


SIGNS = sorted(vocabulary.words("currency_signs").items())


@settings(max_examples=EXAMPLES, deadline=None)
@given(
    st.sampled_from(SIGNS),
    st.integers(1, 999_999),
    st.sampled_from(["", " million", " billion"]),
    st.sampled_from(["", " "]),
)
def test_an_amount_after_a_currency_sign_is_money_in_that_currency(sign, amount, scale, space):
    symbol, code = sign
    stated = f"{symbol}{space}{amount:,}{scale}"
    sentence = f"The fund released {stated} for the flood response, officials said."
    found = _read(sentence).observations
    factor = {"": 1, " million": 1_000_000, " billion": 1_000_000_000}[scale]
    assert [(o.value, o.unit) for o in found] == [(amount * factor, code.lower())], sentence
    assert found[0].value_as_stated == stated  # the sign is quoted with the amount


@settings(max_examples=EXAMPLES, deadline=None)
@given(
    st.integers(2019, 2025),
    st.sampled_from(["beginning", "start", "middle", "end"]),
    st.sampled_from([("Since", "since"), ("By", "until"), ("At", "point")]),
    st.integers(100, 99_999),
)
def test_a_part_of_a_year_is_that_year(year, part, opener, count):
    word, role = opener
    found = _read(f"{word} the {part} of {year}, {count:,} people were displaced.").observations
    day = date(year, 1, 1).isoformat()
    expected = {"since": (day, ""), "until": ("", day), "point": (day, day)}[role]
    assert [(o.value, o.period_start, o.period_end) for o in found] == [(count, *expected)]


@settings(max_examples=EXAMPLES, deadline=None)
@given(
    st.sampled_from(["start", "beginning"]),
    st.sampled_from(["the war", "the conflict", "the rainy season", "the crisis"]),
    st.sampled_from(MONTHS),
    st.integers(2019, 2024),
    st.integers(100, 99_999),
)
def test_since_the_start_of_an_event_in_a_month_opens_the_period(part, event, month, year, count):
    sentence = f"Since the {part} of {event} in {month} {year}, {count:,} people have fled."
    found = _read(sentence).observations
    first = date(year, MONTHS.index(month) + 1, 1).isoformat()
    assert [(o.value, o.period_start, o.period_end) for o in found] == [(count, first, "")]


@settings(max_examples=EXAMPLES, deadline=None)
@given(
    st.sampled_from(
        [
            ("SUDAN", "Sudan", ["El Fasher", "Kassala"]),
            ("HAITI", "Haiti", ["Jacmel", "Les Cayes"]),
            ("YEMEN", "Yemen", ["Aden", "Marib"]),
        ]
    ),
    st.sampled_from([": Humanitarian Update", " Humanitarian Update", ": Situation Report No. 7"]),
    st.integers(100, 99_999),
)
def test_a_country_in_capitals_heading_the_title_holds_the_figures_that_name_no_place(
    country, rest, count
):
    assume(count not in (2_000, 900))  # the other figures of the text
    capitals, name, towns = country
    text = (
        f"{capitals}{rest}\nIssued on 18 November 2025\n\n"
        f"More than 2,000 people have fled {towns[0]} since October.\n"
        f"Aid reached 900 families in {towns[1]} last week.\n"
        f"Cholera: {count:,} new cases were reported in the past two weeks.\n"
    )
    found = extract(text, PUBLISHED, "OCHA", catalogue=Catalogue([])).observations
    unnamed = [o for o in found if o.value == count]
    assert unnamed and unnamed[0].location == name


@settings(max_examples=EXAMPLES, deadline=None)
@given(
    st.sampled_from(
        [
            ("people in need", "people_in_need"),
            ("people at risk of famine", "people_at_risk"),
            ("children out of school", "children_out_of_school"),
            ("migrants in detention", "migrants_in_detention"),
        ]
    ),
    st.integers(11, 999),
)
def test_a_state_after_a_preposition_stays_in_a_new_indicators_name(said, tenths):
    words, indicator_id = said
    found = _read(f"Some {tenths / 10:g} million {words} were counted, OCHA said.").observations
    assert [o.indicator_id for o in found] == [indicator_id]


@settings(max_examples=EXAMPLES, deadline=None)
@given(
    st.sampled_from(
        [
            ("euros", "eur"),
            ("yuan", "cny"),
            ("dollars", "usd"),
            ("naira", "ngn"),
            ("Swiss francs", "chf"),
            ("birr", "etb"),
        ]
    ),
    st.integers(100, 999_999),
    st.sampled_from(["", " million"]),
    st.sampled_from(["", " a month", " per day"]),
)
def test_an_amount_before_a_currencys_name_is_money(currency, amount, scale, per):
    word, code = currency
    found = _read(f"Each family receives {amount:,}{scale} {word}{per} in aid, WFP said.")
    value = amount * (1_000_000 if scale else 1)
    unit = code + (f" per {per.split()[-1]}" if per else "")
    assert [(o.value, o.unit) for o in found.observations] == [(value, unit)]


@settings(max_examples=EXAMPLES, deadline=None)
@given(
    st.sampled_from(["state media", "state television", "local media", "the official news agency"]),
    st.sampled_from(["said", "reported"]),
    st.integers(10, 9_999),
)
def test_the_media_a_wire_story_cites_speak_for_its_figures(media, verb, count):
    text = f"Quake toll rises\n\nAt least {count:,} people have died, {media} {verb}."
    found = extract(text, PUBLISHED, "Reuters", catalogue=Catalogue([])).observations
    assert [(o.value, o.attributed_to.lower()) for o in found] == [
        (count, media.removeprefix("the "))
    ]


@settings(max_examples=EXAMPLES, deadline=None)
@given(
    st.sampled_from(["China", "Japan", "Germany", "Norway", "Saudi Arabia", "Canada"]),
    st.sampled_from(["pledged", "has pledged", "donated", "contributed", "allocated"]),
    st.integers(1, 900),
    st.booleans(),
)
def test_a_donors_money_is_where_it_goes_not_in_the_donor(donor, verb, millions, coordinated):
    gift = f"{donor} {verb} ${millions} million"
    sentence = f"The UN released $5 million, while {gift}." if coordinated else f"{gift}."
    text = f"Myanmar earthquake: flash update\n\nThe quake struck Mandalay on Friday.\n{sentence}"
    found = extract(text, PUBLISHED, "OCHA", catalogue=Catalogue([])).observations
    gifts = [o for o in found if o.value == millions * 1_000_000]
    assert gifts and all(o.location != donor for o in gifts)


@settings(max_examples=EXAMPLES, deadline=None)
@given(
    st.sampled_from(["UNICEF", "WFP", "IOM", "UNHCR"]),
    st.sampled_from(["Sudan", "Haiti", "Yemen", "Chad", "Ukraine"]),
    st.sampled_from(
        ["Humanitarian Situation Report No. 42", "Country Brief", "Operational Update"]
    ),
    st.integers(100, 99_999),
)
def test_the_titles_place_holds_a_report_that_names_no_other(agency, country, kind, count):
    text = (
        f"{agency} {country} {kind}\nReporting period: 1-31 October 2025\n\n"
        f"In October, {count:,} children were screened for malnutrition.\n"
    )
    found = extract(text, PUBLISHED, agency, catalogue=Catalogue([])).observations
    assert [(o.value, o.location) for o in found] == [(count, country)]


@settings(max_examples=EXAMPLES, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["Germany", "Japan", "European Union", "United Kingdom", "Norway"]),
            st.sampled_from([("€", "eur"), ("£", "gbp"), ("US$ ", "usd")]),
            st.integers(1, 400),
        ),
        min_size=2,
        max_size=4,
        unique_by=lambda row: row[0],
    ),
    st.sampled_from(
        ["The largest pledges announced were:", "Pledges by donor:", "Contributions received:"]
    ),
)
def test_a_list_of_pledges_is_labelled_by_its_donors(rows, lead_in):
    lines = "\n".join(f"- {donor}: {sign}{amount} million" for donor, (sign, _), amount in rows)
    text = (
        "Donors pledge aid for Yemen\n\nDonors met in Brussels on Monday for the response in "
        f"Yemen, OCHA said.\n\n{lead_in}\n{lines}\n"
    )
    found = extract(text, PUBLISHED, "OCHA", catalogue=_donor_catalogue()).observations
    for donor, (_, code), amount in rows:
        row = [o for o in found if o.quote.lstrip("- ").startswith(donor)]
        assert [(o.value, o.unit) for o in row] == [(amount * 1_000_000, code)]
        # the money goes to Yemen; its donor is no place, and it is a donor's pledge
        assert row[0].location == "Yemen"
        assert row[0].indicator_id == "donor_pledge" + ("" if code == "usd" else f"_{code}")


def _donor_catalogue() -> Catalogue:
    from indicators.extract.catalogue import Indicator

    return Catalogue(
        [
            Indicator("donor_pledge", "Donor pledge (US dollars)", "usd"),
            Indicator("donor_pledge_eur", "Donor pledge (euros)", "eur"),
            Indicator("donor_pledge_gbp", "Donor pledge (pounds sterling)", "gbp"),
        ]
    )


@settings(max_examples=max(10, EXAMPLES // 2), deadline=None)
@given(
    st.lists(
        st.sampled_from(["Chad", "Niger", "Mali", "Nigeria"]), min_size=2, max_size=4, unique=True
    )
)
def test_a_list_of_allocations_by_country_is_placed_by_its_rows(countries):
    lines = "\n".join(f"- {country}: $10 million" for country in countries)
    text = f"CERF allocates funds in the Sahel\n\nAllocations by country:\n{lines}\n"
    found = extract(text, PUBLISHED, "OCHA", catalogue=Catalogue([])).observations
    assert sorted(o.location for o in found) == sorted(countries)


@settings(max_examples=max(10, EXAMPLES // 2), deadline=None)
@given(st.integers(2, 900), st.integers(2019, 2024))
def test_one_figure_stated_for_two_periods_is_two_candidates(count, year):
    # "2 people were injured ... in 2019, against 2 in 2018": equal figures, two facts
    sentence = f"{count:,} people were injured by UXO in {year}, against {count:,} in {year - 1}."
    found = _read(sentence).observations
    assert sorted(o.period_start for o in found if o.value == count) == [
        f"{year - 1}-01-01",
        f"{year}-01-01",
    ]


@settings(max_examples=EXAMPLES, deadline=None)
@given(
    st.sampled_from(["week", "EW", "epidemiological week"]),
    st.integers(1, 36),  # (both weeks before the week of publication, 47)
    st.integers(1, 10),
    st.lists(st.integers(12, 90_000), min_size=2, max_size=2, unique=True),
    st.sampled_from(["rose", "fell", "went"]),
)
def test_a_change_between_two_numbered_weeks_holds_two_figures(word, first, gap, counts, verb):
    # "from 1,100 in week 35 to 1,650 in week 38": the week's number and the next figure
    # are no range ("35 to 1,650"), and each figure has its own week
    second = first + gap
    sentence = (
        f"Weekly admissions {verb} from {counts[0]:,} in {word} {first} to {counts[1]:,} "
        f"in {word} {second}."
    )
    found = {o.value: o for o in _read(sentence).observations}
    assert sorted(found) == sorted(counts), sentence
    for count, week in zip(counts, (first, second)):
        monday = date.fromisocalendar(PUBLISHED.year, week, 1).isoformat()
        assert (found[count].period_start, found[count].period_precision) == (monday, "week"), (
            sentence,
            found[count],
        )
