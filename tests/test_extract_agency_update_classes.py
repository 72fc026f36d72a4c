"""Generated cases for classes of phrasing that agency updates use (a UNICEF situation report,
an OCHA flash update, an MSF press release, an IOM Missing Migrants update, a Famine Review
Committee alert, an ACAPS briefing note).

Each class is tested over many numbers, words and orders, not one sentence: a participle after
a possessive is an adjective ("Of Nasir's estimated 245,000 people"), not a speech verb; those
a survey asks ("Households reported that ...") are no speaker; "X puts the damage at US$ 4.6
billion" credits X, while "the war puts children at risk" credits no one.

Set PROPERTY_EXAMPLES to run more examples (CI runs the default).
"""

from __future__ import annotations

import os
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from indicators.extract import gazetteer, vocabulary
from indicators.extract.catalogue import Catalogue, Indicator
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
PUBLISHED = date(2025, 6, 30)
PLACES = st.sampled_from(["Nasir", "Ulang", "Maban", "Akobo", "Renk"])
PARTICIPLES = st.sampled_from(vocabulary.words("participle_speech_verbs", "speakers"))


@PROPERTY
@given(PLACES, PARTICIPLES, st.integers(10_000, 900_000), st.integers(2, 99), st.booleans())
def test_a_participle_after_a_possessive_is_no_speech_verb(place, participle, whole, part, curly):
    # "Of Nasir's estimated 245,000 people, 32,000 are ...": the county's, said by no one
    mark = "’" if curly else "'"
    text = (
        f"Upper Nile update\n\nOf {place}{mark}s {participle} {whole:,} people, "
        f"{whole * part // 100:,} are displaced.\n"
    )
    figures = extract(text, PUBLISHED, "IPC", catalogue=CATALOGUE).observations
    assert figures and {f.attributed_to for f in figures} == {"IPC"}


@PROPERTY
@given(
    st.sampled_from(vocabulary.words("respondent_nouns", "speakers")),
    st.sampled_from(["reported", "said", "told assessment teams"]),
    st.sampled_from(["the", "most", ""]),
    st.integers(2, 99),
)
def test_those_a_survey_asks_are_no_speaker(respondents, verb, determiner, share):
    # "Households reported that the price ...": the report's figure of those asked
    subject = f"{determiner} {respondents}".strip()
    subject = subject[0].upper() + subject[1:]
    text = (
        f"Nutrition alert\n\n{subject} {verb} that {share} percent of children "
        f"were acutely malnourished.\n"
    )
    (figure,) = extract(text, PUBLISHED, "IPC", catalogue=CATALOGUE).observations
    assert (figure.value, figure.attributed_to) == (share, "IPC")


@PROPERTY
@given(
    st.sampled_from(["The World Bank", "UNICEF", "The Ministry of Health", "OCHA"]),
    st.sampled_from(vocabulary.words("valuation_speech_verbs", "speakers")),
    st.sampled_from(["the damage to housing", "the number of people displaced", "the toll"]),
    st.sampled_from(["US$ {n} million", "{n}", "about {n}", "at least {n}"]),
    st.integers(2, 900),
)
def test_a_figure_valued_at_is_its_speakers(speaker, verb, what, form, number):
    # "The World Bank puts the damage to housing at US$ 4.6 billion": the bank's estimate
    stated = form.format(n=number)
    text = f"Lebanon note\n\n{speaker} {verb} {what} at {stated}.\n"
    figures = extract(text, PUBLISHED, "ACAPS", catalogue=CATALOGUE).observations
    expected = speaker.removeprefix("The ")
    assert [f.value for f in figures][:1] == [number * (1_000_000 if "million" in form else 1)]
    assert figures[0].attributed_to == expected


@PROPERTY
@given(
    st.sampled_from(vocabulary.words("valuation_speech_verbs", "speakers")),
    st.sampled_from(["children at risk", "pressure on health services", "schools out of use"]),
    st.integers(2, 900_000),
)
def test_a_valuation_verb_with_nothing_valued_credits_no_one(verb, what, count):
    # "The war puts children at risk": no figure after "at", so no one is credited
    text = f"Sudan update\n\nThe war {verb} {what}, and {count:,} people were displaced.\n"
    (figure,) = extract(text, PUBLISHED, "OCHA", catalogue=CATALOGUE).observations
    assert (figure.value, figure.attributed_to) == (count, "OCHA")


# towns two to a holder below the country, where a title naming both would be on the holder
TOWN_PAIRS = [
    ("El Fasher", "Tawila"),
    ("Sittwe", "Maungdaw"),
    ("Numan", "Yola"),
    ("Goma", "Sake"),
    ("Uvira", "Bukavu"),
    ("Renk", "Malakal"),
]


@PROPERTY
@given(
    st.sampled_from(TOWN_PAIRS),
    st.booleans(),
    st.sampled_from(["fleeing", "fled", "escaping", "leaving", "from"]),
    st.sampled_from(["MSF teams in {to} warn", "families arrive in {to}", "{to} clinics full"]),
    st.integers(2, 9_000),
)
def test_a_place_a_title_names_as_an_origin_is_not_the_reports(pair, flip, verb, rest, count):
    # "Malnutrition soars among children fleeing El Fasher, MSF teams in Tawila warn": the
    # report is on Tawila, where the children come to, not on the region holding both towns
    origin, destination = reversed(pair) if flip else pair
    title = f"Malnutrition soars among children {verb} {origin}, " + rest.format(to=destination)
    text = (
        f"{title}\n\nPress release | Nairobi, 22 October 2025\n\n"
        f"Clinics in {destination} are full. {count:,} children died.\n"
    )
    (figure,) = extract(text, date(2025, 10, 22), "MSF", catalogue=CATALOGUE).observations
    assert figure.location == destination


ACRONYM_NAMES = st.lists(
    st.sampled_from(["Famine", "Review", "Committee", "Global", "Nutrition", "Cluster", "Joint"]),
    min_size=1,
    max_size=5,
).map(" ".join)


@PROPERTY
@given(
    ACRONYM_NAMES,
    st.sampled_from(["", "of the ", "for "]),
    st.sampled_from(["FRC", "GNC", "JMMI", "CCCM", "REACH", "NFI", "HRP"]),
    st.sampled_from(TOWN_PAIRS),
    st.integers(2, 9_000),
)
def test_a_title_line_ending_with_its_acronym_is_no_sentence(name, joint, acronym, pair, count):
    # "IPC Famine Review Committee (FRC)" above "South Sudan: Nasir and Ulang Counties": the
    # title's lines below it still say what the report is on
    first, second = pair
    text = (
        f"IPC {name} {joint}Alerts ({acronym})\n"
        f"{gazetteer.country_of(first)}: {first} and {second}\n\n"
        f"Some {count:,} people were displaced.\n"
    )
    result = extract(text, PUBLISHED, "IPC", catalogue=CATALOGUE)
    (figure,) = result.observations
    assert figure.location == gazetteer.ancestors(first)[1]
    # a sentence that ends with a parenthesis after a verb is still one
    sentence = f"Cases rose to {count:,} in {first} (see annex)"
    (figure,) = extract(
        f"Update\n\n{sentence}\n", PUBLISHED, "IPC", catalogue=CATALOGUE
    ).observations
    assert figure.quote == sentence


MONTHS = st.sampled_from(["January", "February", "March", "April", "May", "June", "July", "August"])
DISEASES = st.sampled_from(["cholera", "measles", "dengue", "mpox"])


@PROPERTY
@given(
    st.sampled_from(["Health partners", "Authorities", "Clinics", "Local officials"]),
    st.sampled_from(["report", "update"]),
    DISEASES,
    st.integers(10, 90_000),
)
def test_a_label_word_after_a_plural_subject_is_a_verb(subject, verb, disease, count):
    # "Health partners report 112 suspected cholera cases": a figure, not "Situation Report 12"
    text = f"Floods update\n\n{subject} {verb} {count:,} suspected {disease} cases.\n"
    figures = extract(text, PUBLISHED, "OCHA", catalogue=CATALOGUE).observations
    assert [f.value for f in figures] == [count]
    label = f"Floods update\n\nSituation Report {count} was issued on Monday.\n"
    assert extract(label, PUBLISHED, "OCHA", catalogue=CATALOGUE).observations == []


@PROPERTY
@given(
    DISEASES,
    st.integers(100, 90_000),
    st.integers(1, 99),
    MONTHS,
    st.sampled_from(["including {d} deaths, in {p}", "and {d} deaths have been recorded in {p}"]),
    PLACES,
)
def test_a_period_after_coordinated_figures_dates_both(disease, cases, deaths, month, form, place):
    disease = "suspected " + ("cholera" if disease in ("cholera", "dengue") else "mpox")
    # "112 suspected cases, including 4 deaths, in Adamawa since 1 September"; "1,130 cases
    # and 41 deaths have been recorded in the two counties since February": one period
    tail = form.format(d=deaths, p=place)
    verb = "" if form.startswith("and") else " were reported"
    text = f"Upper Nile\n\nSome {cases:,} {disease} cases{verb}, {tail} since {month}.\n"
    if form.startswith("and"):
        text = f"Upper Nile\n\nSome {cases:,} {disease} cases {tail} since {month}.\n"
    figures = extract(text, PUBLISHED, "OCHA", catalogue=CATALOGUE).observations
    by_value = {f.value: f for f in figures}
    assert set(by_value) == {cases, deaths}
    assert by_value[cases].period_start == by_value[deaths].period_start != ""
    assert by_value[deaths].indicator_id != by_value[cases].indicator_id  # deaths, not cases


QUARTERS = st.sampled_from(
    [
        (1, "January", "March"),
        (2, "April", "June"),
        (3, "July", "September"),
        (4, "October", "December"),
    ]
)


@PROPERTY
@given(
    QUARTERS,
    st.integers(2019, 2025),
    st.integers(1, 5),
    st.sampled_from(["in the quarter", "during the quarter"]),
    st.integers(2, 900),
    st.integers(2, 900),
)
def test_the_quarter_is_the_one_the_report_covers(quarter, year, back, said, count, earlier):
    # "Quarterly Update, July–September 2025" ... "48 of the dead and missing in the quarter";
    # "against 1.2 in the same quarter of 2024": those months in that year
    number, first, last = quarter
    earlier += count  # two figures, told apart by their values
    title = f"Route update\nQuarterly Update, {first}–{last} {year}\n\n"
    published = date(year + 1, 1, 20)
    text = f"{title}At least {count:,} migrants died {said}, against {earlier:,} in the same quarter of {year - back}.\n"
    figures = extract(text, published, "IOM", catalogue=CATALOGUE).observations
    month = 3 * number - 2
    by_value = {f.value: (f.period_start, f.period_end, f.period_precision) for f in figures}
    assert by_value[count] == (f"{year}-{month:02d}-01", f"{year}-{month + 2:02d}-01", "month")
    old = year - back
    assert by_value[earlier] == (f"{old}-{month:02d}-01", f"{old}-{month + 2:02d}-01", "month")


@PROPERTY
@given(
    QUARTERS,
    st.integers(2019, 2025),
    st.integers(2, 900),
    st.integers(2, 900),
)
def test_the_same_quarter_of_a_year_is_the_sentences_quarter_then(quarter, year, count, earlier):
    # "between April and June 2025 ..., against 11 in the same quarter of 2024"
    number, first, last = quarter
    earlier = earlier if earlier != count else count + 1  # the earlier figure told apart
    text = (
        f"Mine action update\n\n{count:,} people were injured by UXO between {first} and {last} "
        f"{year}, against {earlier:,} in the same quarter of {year - 1}.\n"
    )
    figures = extract(text, date(year + 1, 2, 1), "NRA", catalogue=CATALOGUE).observations
    month = 3 * number - 2
    (before,) = [f for f in figures if f.value == earlier]
    assert (before.period_start, before.period_end) == (
        f"{year - 1}-{month:02d}-01",
        f"{year - 1}-{month + 2:02d}-01",
    )


@PROPERTY
@given(
    st.sampled_from(["attempted crossings", "crossings", "departures", "admissions"]),
    st.sampled_from([1, 10, 100, 1000]),
    st.integers(1, 99),
    st.integers(1, 99),
    st.sampled_from(["against", "compared with", "up from"]),
)
def test_a_rate_per_its_denominator_and_its_baseline(denominator, base, rate, earlier, join):
    # "1.9 deaths per 100 attempted crossings ..., against 1.2 in the same quarter of 2024":
    # a rate, and the bare figure after "against" the same rate
    value, before = rate / 10, (rate + earlier) / 10
    text = (
        f"Route update\n\nThe death rate rose to {value} deaths per {base:,} {denominator} "
        f"this year, {join} {before} in 2023.\n"
    )
    figures = extract(text, date(2025, 10, 15), "IOM", catalogue=CATALOGUE).observations
    units = {f.value: f.unit for f in figures}
    assert units[value] == units[before] == f"per {base:,} {denominator}"
    assert len({f.indicator_id for f in figures}) == 1


# what a cost is of, each with its change and its amount in US dollars
COSTS = [("smeb_cost", "minimum expenditure basket"), ("rent_cost", "rent"), ("fuel_cost", "fuel")]
COST_CATALOGUE = Catalogue(
    [
        indicator
        for cost, words in COSTS
        for indicator in (
            Indicator(cost, f"Cost of {words}", "lbp per household per month", f"Cost of {words}."),
            Indicator(
                f"{cost}_usd", f"Cost of {words} (US dollars)", "usd per household per month"
            ),
            Indicator(f"{cost}_change", f"Change in the cost of {words}", "percent"),
        )
    ]
)


@PROPERTY
@given(
    st.sampled_from(COSTS),
    st.integers(2, 90),
    st.integers(100, 900),
    st.integers(1, 40),
    st.sampled_from(["higher", "more", "lower", "less"]),
    st.sampled_from(["January", "the previous month", "December"]),
)
def test_a_change_and_another_currency_after_an_amount_are_that_amounts(
    cost, millions, dollars, change, direction, since
):
    # "The cost of the survival minimum expenditure basket rose to LBP 42.5 million (US$ 475)
    # per household per month in February, 6% higher than in January"
    indicator, words = cost
    text = (
        f"Lebanon note\n\nThe cost of {words} rose to LBP {millions} million (US$ {dollars}) "
        f"per household per month in February, {change}% {direction} than in {since}.\n"
    )
    figures = extract(text, PUBLISHED, "ACAPS", catalogue=COST_CATALOGUE).observations
    read = {f.indicator_id: f.value for f in figures}
    sign = -1 if direction in ("lower", "less") else 1
    assert read == {
        indicator: millions * 1_000_000,
        f"{indicator}_usd": dollars,
        f"{indicator}_change": sign * change,
    }


@PROPERTY
@given(
    st.sampled_from(
        ["Nearly four in five", "Three in four", "Roughly one in three", "Two out of five"]
    ),
    st.lists(
        st.sampled_from(["of", "the", "deaths", "and", "disappearances", "recorded"]),
        min_size=0,
        max_size=5,
    ),
    st.booleans(),
)
def test_a_ratio_restated_by_its_percent_after_its_noun_is_one_figure(ratio, words, cent):
    # "Nearly four in five of the deaths and disappearances (79 per cent) occurred off Libya"
    values = {
        "Nearly four in five": 79,
        "Three in four": 75,
        "Roughly one in three": 33,
        "Two out of five": 40,
    }
    exact = values[ratio]
    said = " ".join(words)
    percent = f"{exact} per cent" if cent else f"{exact}%"
    text = f"Route update\n\n{ratio} {said} ({percent}) occurred at sea.\n".replace("  ", " ")
    figures = extract(text, PUBLISHED, "IOM", catalogue=CATALOGUE).observations
    assert [f.value for f in figures] == [exact]


@PROPERTY
@given(
    st.integers(2019, 2026),
    st.sampled_from(["appeal", "Flash Appeal", "Humanitarian Response Plan", "HRP"]),
    st.sampled_from(["", "Lebanon ", "Regional "]),
    st.integers(2, 99),
    st.integers(2, 900),
)
def test_a_year_naming_an_appeal_is_no_period_of_its_share(year, plan, country, share, millions):
    # "The 2025 appeal is only 27 per cent funded": the share holds now; what "the 2025
    # appeal requests" is for that year
    name = f"The {year} {country}{plan}"
    text = f"Crisis note\n\n{name} is only {share} per cent funded.\n"
    (figure,) = extract(text, date(year, 12, 1), "OCHA", catalogue=CATALOGUE).observations
    assert (figure.value, figure.period_start) == (share, "")
    text = f"Crisis note\n\n{name} requests US$ {millions} million.\n"
    (figure,) = extract(text, date(year, 12, 1), "OCHA", catalogue=CATALOGUE).observations
    assert (figure.period_start, figure.period_precision) == (f"{year}-01-01", "year")


@PROPERTY
@given(
    st.integers(1, 28),
    MONTHS,
    st.sampled_from(["earthquake", "withdrawal deadline", "ceasefire", "floods", "cyclone"]),
    st.sampled_from(["Six months after", "Weeks after", "After", "Two days before"]),
    st.integers(2, 900_000),
)
def test_a_date_naming_an_event_a_time_is_told_from_is_no_period(day, month, event, lead, count):
    # "Six months after the 28 March earthquake, 1.1 million children still need assistance"
    text = f"Update\n\n{lead} the {day} {month} {event}, {count:,} people still need assistance.\n"
    (figure,) = extract(text, date(2025, 10, 14), "UNICEF", catalogue=CATALOGUE).observations
    assert (figure.value, figure.period_start) == (count, "")
    # a date after "after the" that names no event still dates the figure
    text = f"Update\n\nSome {count:,} people were displaced after the {day} {month} in the north.\n"
    (figure,) = extract(text, date(2025, 10, 14), "UNICEF", catalogue=CATALOGUE).observations
    assert figure.period_start != ""


SYNONYM_CATALOGUE = Catalogue(
    [
        Indicator("child_migrants_dead_missing", "Child migrants dead and missing", "count"),
        Indicator("migrants_dead_missing", "Migrants dead and missing", "count"),
        Indicator("cropland_submerged", "Cropland submerged", "hectares"),
        Indicator("people_affected", "People affected", "count"),
    ]
)


@PROPERTY
@given(
    st.integers(2, 90_000),
    st.sampled_from(
        ["deaths and disappearances", "dead and missing", "deaths and people who disappeared"]
    ),
    st.booleans(),
)
def test_an_id_in_the_singular_or_another_word_for_it_is_read_in_the_text(count, loss, children):
    # "Children accounted for at least 48 of the dead and missing" (child_...); "24,500 deaths
    # and disappearances" (dead_missing)
    who = "children among the migrants" if children else "migrants"
    text = f"Route update\n\nIOM recorded {count:,} {loss} of {who} on the route.\n"
    (figure,) = extract(text, PUBLISHED, "IOM", catalogue=SYNONYM_CATALOGUE).observations
    expected = "child_migrants_dead_missing" if children else "migrants_dead_missing"
    assert (figure.value, figure.indicator_id) == (count, expected)


@PROPERTY
@given(
    st.integers(2, 900_000),
    st.sampled_from(["farmland", "rice paddy", "paddy", "cropland"]),
    st.sampled_from(["were submerged", "was submerged", "lay submerged"]),
)
def test_farmland_and_paddy_are_cropland(hectares, land, verb):
    # "Some 38,000 hectares of farmland were submerged", "61,000 hectares of rice paddy"
    text = f"Floods update\n\nSome {hectares:,} hectares of {land} {verb} by the floods.\n"
    figures = extract(text, PUBLISHED, "OCHA", catalogue=SYNONYM_CATALOGUE).observations
    assert [(f.value, f.indicator_id) for f in figures] == [(hectares, "cropland_submerged")]


TABLE_CATALOGUE = Catalogue(
    [
        Indicator("share_households_severe_hunger", "Households in severe hunger", "percent"),
        Indicator(
            "share_children_acutely_malnourished", "Children acutely malnourished", "percent"
        ),
    ]
)
TABLE_ROWS = {
    "share_households_severe_hunger": "Households in severe hunger",
    "share_children_acutely_malnourished": "Children acutely malnourished",
}


@PROPERTY
@given(
    st.sampled_from(TOWN_PAIRS),
    st.lists(st.integers(1, 99), min_size=4, max_size=4, unique=True),
    st.sampled_from(["Indicator", "Evidence", "Food consumption", "Nutrition"]),
)
def test_a_table_whose_columns_are_places_puts_each_cell_in_its_column(pair, values, first):
    # "Food consumption | Nasir | Ulang" above "Severe household hunger | 22% | 14%": the row
    # says what each cell counts, its column where
    west, east = pair
    rows = list(TABLE_ROWS.items())
    lines = [f"{first} | {west} | {east}"] + [
        f"{label} | {values[2 * i]}% | {values[2 * i + 1]}%" for i, (_, label) in enumerate(rows)
    ]
    text = "Alert\n\nEVIDENCE REVIEWED\n" + "\n".join(lines) + "\n"
    figures = extract(text, PUBLISHED, "IPC", catalogue=TABLE_CATALOGUE).observations
    got = {(f.indicator_id, f.location): f.value for f in figures}
    expected = {}
    for i, (indicator, _) in enumerate(rows):
        expected[(indicator, west)] = values[2 * i]
        expected[(indicator, east)] = values[2 * i + 1]
    assert got == expected


@PROPERTY
@given(
    st.sampled_from(
        [("Lebanon", ["Tyre", "Nabatieh", "Beirut"]), ("Somalia", ["Baidoa", "Burao"])]
    ),
    st.sampled_from(["most", "many", "several", "some"]),
    st.sampled_from(["in", "to"]),
    st.integers(2, 900_000),
)
def test_places_after_most_of_them_are_where_parts_are(country, part, preposition, count):
    # "92,000 remained displaced, most of them in Tyre, Nabatieh and Beirut": in Lebanon
    name, towns = country
    listed = ", ".join(towns[:-1]) + " and " + towns[-1]
    text = (
        f"Displacement in {name}\n\nSome {count:,} people remained displaced, "
        f"{part} of them {preposition} {listed}.\n"
    )
    (figure,) = extract(text, PUBLISHED, "ACAPS", catalogue=CATALOGUE).observations
    assert (figure.value, figure.location) == (count, name)
    # one place holding most of them is the figure's ("most of them in Androy")
    text = text.replace(listed, towns[0])
    (figure,) = extract(text, PUBLISHED, "ACAPS", catalogue=CATALOGUE).observations
    assert (figure.value, figure.location) == (count, towns[0])


@PROPERTY
@given(
    st.sampled_from(
        [
            ("ceasefire", "ceasefire", "took effect"),
            ("truce", "ceasefire", "took effect"),
            ("war", "war", "began"),
        ]
    ),
    st.integers(1, 28),
    MONTHS,
    st.integers(2018, 2024),
    st.integers(2, 9_000),
)
def test_since_an_event_the_report_dated_opens_at_its_start(event, day, month, year, count):
    # "Since the ceasefire ... took effect on 27 November 2024, ..." then "At least 83 people
    # have been killed in strikes since the ceasefire"
    noun, kind, verb = event
    text = (
        f"Briefing note\n\nSince the {noun} {verb} on {day} {month} {year}, most of the "
        f"displaced have returned. At least {count:,} people have been killed in strikes "
        f"since the {noun}, according to the Ministry of Public Health.\n"
    )
    result = extract(text, date(year + 1, 3, 14), "ACAPS", catalogue=CATALOGUE)
    (started,) = [e for e in result.events if e.kind == kind]
    (figure,) = result.observations
    assert (figure.period_start, figure.period_precision) == (
        started.start,
        started.start_precision,
    )
    assert figure.period_start != "" and figure.period_end == ""


@PROPERTY
@given(
    st.integers(100_000, 900_000),
    st.integers(2, 60),
    st.sampled_from(["local government areas", "districts", "counties", "townships"]),
    st.integers(1, 28),
    st.integers(1, 28),
    st.sampled_from(["up from", "down from"]),
)
def test_a_count_of_where_shares_the_figures_date_and_not_its_baseline(
    people, areas, where, day, earlier_day, join
):
    # "412,000 people have been affected in 14 local government areas as of 8 September, up
    # from 265,000 on 2 September": the date is the people's too, the baseline is theirs
    earlier = people // 2 if join == "up from" else people * 2
    text = (
        f"Floods update\n\nSome {people:,} people have been affected in {areas} {where} as of "
        f"{day} September, {join} {earlier:,} on {earlier_day} August.\n"
    )
    figures = extract(text, date(2025, 9, 30), "OCHA", catalogue=CATALOGUE).observations
    by_value = {f.value: f for f in figures}
    assert by_value[people].period_start == f"2025-09-{day:02d}"
    assert by_value[earlier].indicator_id == by_value[people].indicator_id
    assert by_value[earlier].period_start == f"2025-08-{earlier_day:02d}"


@PROPERTY
@given(
    st.sampled_from([("two", 2), ("three", 3), ("four", 4), ("5", 5), ("10", 10)]),
    st.sampled_from(["almost ", "nearly ", "about ", ""]),
    st.sampled_from(["its capacity", "the weekly average", "its price a year earlier"]),
    st.sampled_from(["a week", "a day", "per month"]),
)
def test_n_times_a_quantity_is_a_multiplier_and_n_times_a_week_is_none(number, hedge, what, often):
    # "now holds 112 children, nearly three times its capacity"; "visited three times a week"
    word, value = number
    text = f"Update\n\nThe centre now holds 112 children, {hedge}{word} times {what}.\n"
    figures = extract(text, PUBLISHED, "MSF", catalogue=CATALOGUE).observations
    multiplier = [f for f in figures if f.value == value]
    assert multiplier and multiplier[0].value_as_stated.lower() == f"{hedge}{word} times"
    text = f"Update\n\nMobile teams visit the 14 camps {word} times {often}.\n"
    figures = extract(text, PUBLISHED, "MSF", catalogue=CATALOGUE).observations
    assert value not in [f.value for f in figures] or value == 14


@PROPERTY
@given(
    st.integers(200, 9_000),
    st.integers(1, 99),
    st.sampled_from(["Of the", "Of these", "Of those"]),
    st.sampled_from(["are missing and presumed dead", "were children", "died at sea"]),
)
def test_a_whole_referred_back_to_is_no_new_figure(whole, part_share, lead, rest):
    # "At least 612 migrants died or went missing ... Of the 612, 418 are missing"
    part = whole * part_share // 100 or 1
    text = (
        f"Route update\n\nAt least {whole:,} migrants died or went missing at sea this year. "
        f"{lead} {whole:,}, {part:,} {rest}.\n"
    )
    figures = extract(text, PUBLISHED, "IOM", catalogue=CATALOGUE).observations
    assert sorted(f.value for f in figures) == sorted([whole, part])


@PROPERTY
@given(
    st.sampled_from([("Stressed", 2), ("Crisis", 3), ("Emergency", 4), ("Catastrophe", 5)]),
    st.sampled_from(TOWN_PAIRS),
    st.integers(2, 900_000),
)
def test_an_ipc_phase_named_after_in_is_no_place(phase, pair, count):
    # "In Ulang County, ... with an estimated 9,500 people in Catastrophe (IPC Phase 5)"
    name, number = phase
    town = pair[0]
    text = (
        f"Alert\n\nIn {town}, the committee classifies the county in Emergency (IPC Phase 4), "
        f"with an estimated {count:,} people in {name} (IPC Phase {number}).\n"
    )
    figures = extract(text, PUBLISHED, "IPC", catalogue=CATALOGUE).observations
    assert [f.location for f in figures if f.value == count] == [town]
