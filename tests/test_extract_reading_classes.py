"""Generated cases for classes of phrasing that reports outside the first fixtures use.

Each class is tested over many numbers and words, not one sentence: numbered weeks and
quarters are dates, a confidence interval gives its estimate's bounds, a reference level
("the 15% emergency threshold", "a target of at least 90 percent", "the five-year average")
is not a figure, a currency code before an amount is money in that currency ("SYP 9,800",
"SYP 14,650 to the US dollar" an exchange rate), "15.5M" is 15,500,000, and the one unit a
price is for ("Rice, 1 kg: SYP 27,500") is not a figure.

Set PROPERTY_EXAMPLES to run more examples (CI runs the default).
"""

from __future__ import annotations

import os
from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from indicators.extract import numbers as num
from indicators.extract import vocabulary
from indicators.extract.catalogue import Catalogue, Indicator
from indicators.extract.date_phrases import find_date_phrases
from indicators.extract.dates import DateResolver
from indicators.extract.number_ranges import merge_ranges
from indicators.extract.pipeline import extract
from indicators.extract.sentences import is_boilerplate_line
from tests.conftest import REPO_ROOT

EXAMPLES = int(os.environ.get("PROPERTY_EXAMPLES", "100"))
PROPERTY = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
CATALOGUE = Catalogue.from_csv(REPO_ROOT / "data" / "indicators.csv")
YEARS = st.integers(2015, 2030)


def _mentions(text: str) -> list[num.NumberMention]:
    return merge_ranges(text, num.find_numbers(text))


def _phrases(text: str, published: date):
    resolver = DateResolver(published)
    return [(m.group(), resolver.resolve(m)) for m in find_date_phrases(text)]


@PROPERTY
@given(
    year=YEARS,
    week=st.integers(1, 52),
    lead=st.sampled_from(["in week", "in epidemiological week", "during Week", "in epi week"]),
    count=st.integers(2, 90_000),
)
def test_a_numbered_week_is_that_iso_week_and_not_a_figure(year, week, lead, count):
    monday = date.fromisocalendar(year, week, 1)
    text = f"A total of {count:,} new cases were reported {lead} {week} of {year}."
    [(_, phrase)] = _phrases(text, monday)
    assert (phrase.first.day, phrase.first.precision) == (monday, "week")
    # without its year, the latest such week begun by the publication day
    published = date.fromisocalendar(year, week, 3)
    bare = text.replace(f" of {year}", "")
    [(_, phrase)] = _phrases(bare, published)
    assert phrase.first.day == monday
    [observation] = extract(bare, published, "P", catalogue=CATALOGUE).observations
    assert (observation.value, observation.period_start) == (count, monday.isoformat())
    assert observation.period_precision == "week"


@PROPERTY
@given(year=YEARS, quarter=st.integers(1, 4), with_year=st.booleans())
def test_a_quarter_is_its_three_months(year, quarter, with_year):
    name = ("first", "second", "third", "fourth")[quarter - 1]
    stated = f"in the {name} quarter" + (f" of {year}" if with_year else "")
    first_month = 3 * quarter - 2
    published = date(year, first_month + 2, 28)  # the quarter's last month
    [(_, phrase)] = _phrases(f"Incidents rose {stated}.", published)
    assert phrase.role == "range"
    assert (phrase.first.day, phrase.last.day) == (
        date(year, first_month, 1),
        date(year, first_month + 2, 1),
    )
    assert phrase.first.precision == phrase.last.precision == "month"


DECIMALS = st.integers(10, 990).map(lambda tenths: tenths / 10)


@PROPERTY
@given(
    low=DECIMALS,
    gaps=st.tuples(st.integers(1, 50), st.integers(1, 50)),
    level=st.sampled_from(["95%", "90%", "99%", "95 %"]),
    form=st.sampled_from(
        [
            "({level} CI: {low}–{high})",
            "({level} CI {low}-{high})",
            "({level} CI: {low} to {high})",
            "({level} confidence interval: {low}–{high})",
            "(CI: {low}–{high})",
        ]
    ),  # fmt: skip
    percent=st.booleans(),
)
def test_a_confidence_interval_gives_the_bounds_of_its_estimate(low, gaps, level, form, percent):
    value = round(low + gaps[0] / 10, 1)
    high = round(value + gaps[1] / 10, 1)
    if percent and high > 100:
        return
    estimate = f"{value}%" if percent else f"{value} deaths per 10,000 people per day"
    interval = form.format(level=level, low=low, high=high)
    text = f"Global acute malnutrition: {estimate} {interval}, the survey found."
    [mention] = _mentions(text)
    assert (mention.value, mention.value_low, mention.value_high) == (value, low, high)


@PROPERTY
@given(
    number=st.integers(2, 99),
    figure=st.integers(2, 99),
    form=st.sampled_from(
        [
            "above the {n}% alert threshold",
            "close to the {n} percent emergency threshold",
            "well short of the {n} percent target",
            "against a target of at least {n} percent",
            "below the minimum standard of {n} litres",
            "nearly double the sphere standard of {n}",
            "above the {w}-year average",
            "than the {n}-year average",
        ]
    ),  # fmt: skip
)
def test_a_reference_level_is_not_a_figure(number, figure, form):
    words = {2: "two", 3: "three", 5: "five", 10: "ten"}
    reference = form.format(n=number, w=words.get(number, number))
    text = f"Coverage was {figure} percent, {reference}."
    assert [m.value for m in _mentions(text)] == [figure]


ISO_CODES = sorted(num.LOCAL_CURRENCY_CODES - {"USD", "EUR", "GBP", "CHF"})


@PROPERTY
@given(
    code=st.sampled_from(ISO_CODES),
    amount=st.integers(1, 9_999_999),
    scale=st.sampled_from(["", " million"]),
)
def test_an_amount_after_a_currency_code_is_money_in_that_currency(code, amount, scale):
    text = f"The basket cost {code} {amount:,}{scale} in September."
    [mention] = _mentions(text)
    assert (mention.kind, mention.unit) == (num.MONEY, code.lower())
    assert mention.value == amount * (1_000_000 if scale else 1)
    assert text[mention.start : mention.end].startswith(code)
    rate = f"The pound traded at {code} {amount:,} to the US dollar."
    [mention] = _mentions(rate)
    assert mention.unit == f"{code.lower()} per usd"


@PROPERTY
@given(
    word=st.sampled_from(sorted(num.vocabulary.words("currency_words_not_codes"))),
    count=st.integers(2, 999),
)
def test_a_capital_word_that_is_also_a_currency_code_stays_a_word(word, count):
    [mention] = _mentions(f"{word} {count} DISTRICTS REPORTED CASES")
    assert (mention.kind, mention.value) == (num.COUNT, count)


@PROPERTY
@given(tenths=st.integers(1, 9_999), suffix=st.sampled_from(["M", "bn"]))
def test_a_short_scale_after_digits_scales_them(tenths, suffix):
    figure = f"{tenths / 10:g}"
    [mention] = _mentions(f"People in need: {figure}{suffix}\n")
    factor = 1_000_000 if suffix == "M" else 1_000_000_000
    assert mention.value == round(tenths / 10 * factor)
    assert _mentions(f"a {figure}m wall") == []  # metres, not millions


@PROPERTY
@given(
    item=st.sampled_from(["Rice", "Wheat flour", "Sugar", "Vegetable oil", "Lentils"]),
    unit=st.sampled_from(["1 kg", "1 litre", "1 kilogram"]),
    price=st.integers(100, 999_999),
)
def test_the_one_unit_a_price_is_for_is_not_a_figure(item, unit, price):
    [mention] = _mentions(f"- {item}, {unit}: SYP {price:,}\n")
    assert (mention.value, mention.unit) == (price, "syp")


CHANGE_CATALOGUE = Catalogue(
    [
        Indicator("price_change", "Change in prices", "percent"),
        Indicator("breastfeeding_change", "Change in breastfeeding", "percentage points"),
        Indicator("water_supply_per_person", "Water supply", "litres per person per day"),
        Indicator("people_in_need", "People in need", "count"),
        Indicator("people_targeted", "People targeted", "count"),
        Indicator("confirmed_cases", "Confirmed cases", "count"),
    ]
)


@PROPERTY
@given(
    figure=st.integers(1, 99),
    fall=st.sampled_from(["fell by", "dropped", "declined by", "a fall of", "down"]),
    rise=st.sampled_from(["rose by", "increased by", "a rise of", "up"]),
)
def test_a_change_that_falls_is_negative_and_one_that_rises_positive(figure, fall, rise):
    text = f"Prices {fall} {figure} percent in March, and breastfeeding {rise} {figure} percentage points."
    observations = extract(text, date(2025, 4, 2), "P", catalogue=CHANGE_CATALOGUE).observations
    values = {o.indicator_id: (o.value, o.unit) for o in observations}
    assert values["price_change"] == (-figure, "percent")
    assert values["breastfeeding_change"] == (figure, "percentage points")


@PROPERTY
@given(
    tenths=st.integers(10, 999),
    baseline=st.integers(10, 999),
    base=st.sampled_from(["per person per day", "per person a day", "per capita per day"]),
)
def test_a_measure_per_person_per_day_is_one_unit_and_its_baseline_keeps_it(tenths, baseline, base):
    value, before = tenths / 10, baseline / 10
    if value == before:
        return  # one fact said twice is one candidate
    text = f"Water supply fell to {value:g} litres {base}, down from {before:g} litres in April."
    observations = extract(text, date(2025, 6, 6), "P", catalogue=CHANGE_CATALOGUE).observations
    assert [(o.indicator_id, o.value, o.unit) for o in observations] == [
        ("water_supply_per_person", value, "litres per person per day"),
        ("water_supply_per_person", before, "litres per person per day"),
    ]


@PROPERTY
@given(
    verb=st.sampled_from(["confirmed", "reported", "recorded", "registered"]),
    noun=st.sampled_from(["cases", "deaths", "new cases", "infections"]),
    count=st.integers(2, 99_999),
    label=st.sampled_from(["Cumulative", "Total", "Weekly"]),
)
def test_a_participle_before_a_counted_noun_is_no_speaker(verb, noun, count, label):
    text = f"{label} {verb} {noun} since the start of the outbreak: {count:,}."
    observations = extract(text, date(2025, 9, 10), "Publisher", catalogue=CATALOGUE).observations
    assert [o.attributed_to for o in observations] == ["Publisher"]


@PROPERTY
@given(
    label=st.sampled_from(["People in need", "Requested", "Funded", "Refugees and asylum-seekers"]),
    figure=st.sampled_from(["15.5M", "US$2.03 billion", "21.5%", "1,080,000", "$437 million"]),
)
def test_a_row_of_key_figures_is_read_and_a_headline_is_not(label, figure):
    assert not is_boilerplate_line(f"{label}: {figure}")
    assert is_boilerplate_line(f"Chad: {figure} people face hunger as the lean season begins")


@PROPERTY
@given(
    median=st.integers(1, 80),
    low=st.integers(1, 11),
    high=st.integers(12, 99),
    count=st.integers(2, 9_999),
)
def test_ages_and_telephone_numbers_are_not_figures(median, low, high, count):
    text = (
        f"A total of {count:,} cases were recorded; the median age is {median} years "
        f"(range: {low} months to {high} years). Call 0800 {low:03d} {high:03d} for help."
    )
    assert [m.value for m in _mentions(text)] == [count]


@PROPERTY
@given(
    name=st.sampled_from(["Ifo", "Hagadera", "Camp", "Block"]),
    number=st.integers(1, 99),
    count=st.integers(100, 99_999),
)
def test_the_number_of_a_place_name_is_not_a_figure(name, number, count):
    text = f"Most settled in {name} {number} and Dagahaley, where {count:,} people live."
    assert [m.value for m in _mentions(text)] == [count]


@PROPERTY
@given(need=st.integers(20, 99), target=st.integers(2, 19))
def test_a_bare_figure_named_by_the_words_after_it_keeps_its_own_indicator(need, target):
    text = f"An estimated {need} million people need aid, of whom {target} million are targeted."
    observations = extract(text, date(2025, 7, 8), "P", catalogue=CHANGE_CATALOGUE).observations
    assert [(o.indicator_id, o.value) for o in observations] == [
        ("people_in_need", need * 1_000_000),
        ("people_targeted", target * 1_000_000),
    ]


@PROPERTY
@given(
    number=st.integers(2, 999),
    figure=st.integers(2, 99),
    form=st.sampled_from(
        [
            "the needs of a family of {n}",
            "a z-score below -{n}",
            "rounded to the nearest {n} pounds",
            "over a recall period of {n} days",
            "measured less than {n} mm",
            "at a depth of {n} km",
        ]
    ),  # fmt: skip
)
def test_the_words_of_a_method_are_not_figures(number, figure, form):
    text = f"Coverage was {figure} percent, {form.format(n=number)}."
    assert [m.value for m in _mentions(text)] == [figure]


ROW_CATALOGUE = Catalogue(
    [
        Indicator("share_households_safe_water", "Households with safe water", "percent"),
        Indicator("share_children_stunted", "Children stunted", "percent"),
        Indicator("share_appeal_funded", "Appeal funded", "percent"),
    ]
)


@PROPERTY
@given(
    row=st.sampled_from(
        [
            ("Households with safe water", "share_households_safe_water"),
            ("Stunted children", "share_children_stunted"),
            ("Appeal funded", "share_appeal_funded"),
        ]
    ),  # fmt: skip
    aside=st.sampled_from(
        ["", " (all districts)", " (weight-for-height z-score below -2 or oedema)"]
    ),
    tenths=st.integers(1, 999),
)
def test_the_label_of_a_row_says_what_its_figure_is(row, aside, tenths):
    label, indicator_id = row
    text = f"RESULTS\n• {label}{aside}: {tenths / 10:g}%.\n"
    [observation] = extract(text, date(2025, 9, 15), "P", catalogue=ROW_CATALOGUE).observations
    assert (observation.indicator_id, observation.value) == (indicator_id, tenths / 10)


SPLIT_CATALOGUE = Catalogue(
    [
        Indicator("share_cases_women", "Cases among women", "percent"),
        Indicator("share_cases_children", "Cases among children", "percent"),
        Indicator("test_positivity_rate", "Test positivity rate", "percent"),
        Indicator("share_cases_district", "Share of cases in a district", "percent"),
        Indicator("cases_change", "Change in cases", "percent"),
    ]
)


@PROPERTY
@given(women=st.integers(1, 60), children=st.integers(1, 39), order=st.booleans())
def test_each_figure_of_a_pair_joined_by_and_keeps_its_own_noun(women, children, order):
    pairs = [(women, "women"), (children, "children")]
    if order:
        pairs.reverse()
    (a, noun_a), (b, noun_b) = pairs
    if a == b:
        return
    text = f"Of the new cases, {a} percent were {noun_a} and {b} percent were {noun_b}."
    observations = extract(text, date(2025, 9, 10), "P", catalogue=SPLIT_CATALOGUE).observations
    assert {(o.indicator_id, o.value) for o in observations} == {
        (f"share_cases_{noun_a}", a),
        (f"share_cases_{noun_b}", b),
    }


@PROPERTY
@given(now=st.integers(1, 999), before=st.integers(1, 999))
def test_a_baseline_followed_by_its_date_keeps_the_indicator(now, before):
    if now == before:
        return
    text = (
        f"Tests had a positivity rate of {now / 10:g} percent in week 36, compared with "
        f"{before / 10:g} percent the week before."
    )
    observations = extract(text, date(2025, 9, 10), "P", catalogue=SPLIT_CATALOGUE).observations
    assert [(o.indicator_id, o.value) for o in observations] == [
        ("test_positivity_rate", now / 10),
        ("test_positivity_rate", before / 10),
    ]


@PROPERTY
@given(
    whole=st.integers(3, 999),
    part=st.integers(1, 998),
    noun=st.sampled_from(["boreholes", "sites", "schools"]),
)
def test_a_count_out_of_a_whole_with_its_share_beside_it_is_both(whole, part, noun):
    if part >= whole:
        return
    share = round(100 * part / whole)
    text = f"• {part} of the {whole} {noun} ({share} percent) were functioning.\n"
    mentions = _mentions(text)
    assert [(m.value, m.kind) for m in mentions] == [(part, num.COUNT), (share, num.SHARE)]
    assert mentions[0].note == f"out of {whole}"


@PROPERTY
@given(
    agency=st.sampled_from(["IOM", "UNHCR", "WHO", "OCHA"]),
    source=st.sampled_from(["displacement tracking", "latest figures", "field teams"]),
    first=st.integers(1_000, 400_000),
    total=st.integers(500_000, 900_000),
)
def test_according_to_an_agencys_source_credits_the_agency_for_the_whole_sentence(
    agency, source, first, total
):
    text = (
        f"In the region, more than {first:,} people were newly displaced in May, according to "
        f"{agency}'s {source}, bringing the number of displaced people to about {total:,}."
    )
    observations = extract(text, date(2025, 7, 8), "Publisher", catalogue=CATALOGUE).observations
    assert [o.attributed_to for o in observations] == [agency, agency]


@PROPERTY
@given(
    verb=st.sampled_from(sorted(vocabulary.words("plan_verbs"))),
    target=st.integers(2, 9_999),
    bullet=st.sampled_from(["- ", "• ", ""]),
)
def test_an_instruction_in_a_list_of_priorities_states_a_target_not_a_figure(verb, target, bullet):
    text = f"PRIORITIES FOR JUNE\n{bullet}{verb.capitalize()} {target:,} latrines in the camps.\n"
    assert extract(text, date(2025, 6, 6), "P", catalogue=CATALOGUE).observations == []


@PROPERTY
@given(
    count=st.sampled_from(["one", "two", "three", "1", "2"]),
    habit=st.sampled_from(["meal a day", "meals a day", "times a week", "times per day"]),
    share=st.integers(2, 99),
)
def test_how_often_something_happens_is_not_a_figure(count, habit, share):
    text = f"In the camps, {share} percent of households ate only {count} {habit}."
    assert [m.value for m in _mentions(text)] == [share]


TOPIC_CATALOGUE = Catalogue(
    [
        Indicator("people_killed", "People killed", "count"),
        Indicator("mpox_deaths", "Mpox deaths", "count"),
        Indicator("cholera_deaths", "Cholera deaths", "count"),
    ]
)


@PROPERTY
@given(
    disease=st.sampled_from(["Mpox", "Cholera"]),
    deaths=st.integers(2, 9_999),
    heading=st.sampled_from(["Outbreak: Weekly Epidemiological Bulletin", "Situation Report"]),
)
def test_the_headings_say_what_a_clause_leaves_unsaid(disease, deaths, heading):
    text = f"{disease} {heading}\n\nKampala, 10 September 2025\n\nSo far {deaths:,} deaths have been recorded."
    [observation] = extract(text, date(2025, 9, 10), "P", catalogue=TOPIC_CATALOGUE).observations
    assert observation.indicator_id == f"{disease.lower()}_deaths"
    # a report about something else keeps the plain indicator
    other = text.replace(f"{disease} {heading}", "Floods: Situation Report")
    [observation] = extract(other, date(2025, 9, 10), "P", catalogue=TOPIC_CATALOGUE).observations
    assert observation.indicator_id == "people_killed"


IPC_CATALOGUE = Catalogue(
    [
        Indicator("people_food_insecure", "People facing acute food insecurity", "count"),
        Indicator("people_emergency_hunger", "People facing emergency hunger", "count"),
        Indicator("population", "Population", "count"),
    ]
)


@PROPERTY
@given(
    tenths=st.integers(1, 999),
    phase=st.sampled_from(
        [
            ("3 (Crisis) or above", "people_food_insecure"),
            ("3 or above", "people_food_insecure"),
            ("4 (Emergency)", "people_emergency_hunger"),
            ("4", "people_emergency_hunger"),
        ]
    ),  # fmt: skip
    ipc=st.booleans(),
)
def test_a_figure_in_an_ipc_phase_is_of_that_phases_indicator(tenths, phase, ipc):
    words, indicator_id = phase
    text = f"About {tenths / 10:g} million people are in {'IPC ' if ipc else ''}Phase {words}."
    [observation] = extract(text, date(2025, 11, 4), "P", catalogue=IPC_CATALOGUE).observations
    assert (observation.indicator_id, observation.value) == (indicator_id, tenths * 100_000)


@PROPERTY
@given(
    price=st.integers(100, 99_999),
    change=st.integers(1, 99),
    month=st.sampled_from(["January", "February", "March", "April", "May", "June"]),
)
def test_on_a_month_after_a_change_is_what_it_is_compared_with_not_its_period(price, change, month):
    text = f"Diesel rose to SYP {price:,} per litre, an increase of {change} percent on {month}."
    observations = extract(text, date(2025, 10, 12), "P", catalogue=CATALOGUE).observations
    assert observations and all(o.period_start == "" for o in observations)


@PROPERTY
@given(
    part=st.integers(2, 140),
    whole=st.integers(141, 999),
    noun=st.sampled_from(["case", "confirmed case", "suspected case"]),
)
def test_at_least_one_after_a_verb_is_a_definition_and_the_counted_noun_names_the_figure(
    part, whole, noun
):
    catalogue = Catalogue(
        [
            Indicator("districts_with_cases", "Districts with cases", "count"),
            Indicator("mpox_new_confirmed_cases", "New confirmed mpox cases", "count"),
        ]
    )
    text = (
        "Mpox Outbreak: Weekly Bulletin\n\nKampala, 10 September 2025\n\n"
        f"{part} of the country's {whole} districts have reported at least one {noun}."
    )
    [observation] = extract(text, date(2025, 9, 10), "P", catalogue=catalogue).observations
    assert (observation.indicator_id, observation.value) == ("districts_with_cases", part)


@PROPERTY
@given(total=st.integers(100, 999), part=st.integers(2, 99))
def test_of_which_introduces_a_part_that_is_counted_under_its_own_indicator(total, part):
    catalogue = Catalogue(
        [
            Indicator("isolation_beds", "Isolation beds", "count"),
            Indicator("isolation_beds_occupied", "Isolation beds occupied", "count"),
        ]
    )
    text = f"The isolation units have {total} beds, of which {part} were occupied on 7 September."
    observations = extract(text, date(2025, 9, 10), "P", catalogue=catalogue).observations
    # the part is read, under the indicator the words after it name (the total's own
    # indicator is not asserted: "occupied" in its sentence can still take it)
    assert ("isolation_beds_occupied", part) in [(o.indicator_id, o.value) for o in observations]
    assert total in [o.value for o in observations]


_LETTERS = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=5, max_size=14)


@PROPERTY
@given(
    words=st.lists(_LETTERS, min_size=6, max_size=14),
    amount=st.integers(1_000, 9_000_000),
    currency=st.sampled_from(["SYP", "USD", "KES"]),
)
def test_a_proposed_indicator_is_named_by_whole_words_of_the_report(words, amount, currency):
    # The words before a figure are read from a window of the text; a word the window cuts
    # ("pensive" of "expensive") never names a new indicator.
    *first, last = words
    text = (
        f"The {' '.join(first)} in Northville, at {currency} 1,410,000, and {last} in"
        f" Southtown, at {currency} {amount:,}."
    )
    extraction = extract(text, date(2025, 9, 30), publisher="Market Unit")
    said = set(text.lower().replace(".", " ").replace(",", " ").split())
    for observation in extraction.observations:
        if not observation.indicator_is_new:
            continue
        for token in observation.indicator_id.split("_"):
            cut = any(token in word and token != word for word in said)
            assert len(token) < 5 or token in said or not cut, (observation.indicator_id, text)


_METHOD_NOUNS = vocabulary.words("method_nouns")
_METHOD_VERBS = [v for v in vocabulary.words("method_verbs") if v != "took place"]
_REACHED = st.sampled_from(["districts", "markets", "sites", "villages", "enumerators", "camps"])


@PROPERTY
@given(
    noun=st.sampled_from(_METHOD_NOUNS),
    verb=st.sampled_from(_METHOD_VERBS),
    count=st.integers(61, 9_000),  # never the share's value
    reached=_REACHED,
    share=st.integers(2, 60),
)
def test_the_reach_of_a_reports_own_method_is_no_new_indicator(noun, verb, count, reached, share):
    # "The analysis covered 22 districts": how far the method reached, not a figure; a share
    # stated in the same sentence is still one.
    text = (
        f"The {noun} {verb} {count:,} {reached}; {share} percent of households there had no"
        " safe water."
    )
    values = {o.value for o in extract(text, date(2025, 10, 20), publisher="Unit").observations}
    assert count not in values, (text, values)
    assert share in values, (text, values)


@PROPERTY
@given(
    participle=st.sampled_from(vocabulary.words("method_participles")),
    count=st.integers(3, 900),
    reached=_REACHED,
    amount=st.integers(1_000, 900_000),  # never the count's value
)
def test_a_count_of_what_was_monitored_is_no_figure(participle, count, reached, amount):
    text = (
        f"The food basket cost SYP {amount:,} on average across the {count} {reached} {participle}."
    )
    values = {o.value for o in extract(text, date(2025, 10, 20), publisher="Unit").observations}
    assert count not in values and amount in values, (text, values)


@PROPERTY
@given(count=st.integers(20, 90_000), verb=st.sampled_from(["assessed as", "assessed to be"]))
def test_people_assessed_as_in_need_are_a_figure(count, verb):
    # "assessed as food insecure" states a finding about them, not the method's reach
    text = f"Some {count:,} people were {verb} food insecure in the district."
    values = {o.value for o in extract(text, date(2025, 10, 20), publisher="Unit").observations}
    assert count in values, (text, values)


def test_a_catalogue_that_keeps_the_methods_reach_still_gets_it():
    catalogue = Catalogue.from_csv(REPO_ROOT / "tests" / "fixtures" / "reports" / "indicators.csv")
    text = "The survey covered 612 households across Renk county."
    found = extract(text, date(2025, 5, 22), publisher="Unit", catalogue=catalogue)
    assert [(o.indicator_id, o.value) for o in found.observations] == [("households_surveyed", 612)]


# --- how agency reports lay figures out: tables, lists, headings, asides, baselines ---

_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August"]


@PROPERTY
@given(
    form=st.sampled_from(
        ["between EW 1 and EW {w} of {y}", "in week {w} of {y}", "Law {w} of {y}"]
    ),
    week=st.integers(2, 52),
    year=YEARS,
    count=st.integers(100, 900_000),
)
def test_a_number_of_a_year_is_no_share_of_it(form, week, year, count):
    # "EW 30 of 2025" is a week of a year, not 30 out of 2,025
    text = f"{form.format(w=week, y=year).capitalize()}, {count:,} suspected cases were reported."
    assert [m.value for m in _mentions(text) if m.kind == num.SHARE] == []
    assert count in [m.value for m in _mentions(text)]


@PROPERTY
@given(
    label=st.sampled_from(["Round", "round", "ROUND", "EW", "epidemiological week (EW)"]),
    number=st.integers(1, 60),
    count=st.integers(100, 900_000),
)
def test_the_number_of_a_round_or_week_is_a_label(label, number, count):
    text = f"In {label} {number}, the tracking counted {count:,} displaced people."
    assert [m.value for m in _mentions(text)] == [count]


@PROPERTY
@given(
    ratio=st.sampled_from(
        [
            ("two out of three", 66.7),
            ("one in five", 20),
            ("a third", 33.3),
            ("three in four", 75),
            ("half", 50),
        ]
    ),  # fmt: skip
    gap=st.integers(-6, 6),
    hedge=st.sampled_from(["", "Nearly ", "About ", "Almost "]),
    noun=st.sampled_from(["IDPs", "households", "of the children", "respondents"]),
)
def test_a_ratio_restated_by_its_percent_in_parentheses_is_one_figure(ratio, gap, hedge, noun):
    words, value = ratio
    exact = round(value) + gap
    if words in ("a third", "half") and not noun.startswith("of"):
        noun = "of " + noun
    text = f"{hedge}{words} {noun} ({exact} percent) live with host families."
    assert [(m.value, m.kind) for m in _mentions(text)] == [(exact, num.SHARE)]


@PROPERTY
@given(
    count=st.integers(1_000, 90_000),
    fraction=st.sampled_from([("two thirds", 66.7), ("a quarter", 25), ("half", 50)]),
    whole=st.sampled_from(["of whom", "of which"]),
)
def test_a_fraction_after_of_whom_is_a_share_of_the_whole_before(count, fraction, whole):
    words, value = fraction
    text = f"Support reached {count:,} people, {whole} {words} were women."
    assert [m.value for m in _mentions(text)] == [count, value]


@PROPERTY
@given(
    month=st.integers(2, 8),
    year=YEARS,
    change=st.integers(2, 90),
    form=st.sampled_from(
        [
            "compared with {base} {year}",
            "compared with Round 11 ({base} {year})",
            "compared with the same period of {before}",
            "relative to {base}",
        ]
    ),  # fmt: skip
)
def test_a_date_after_compared_with_is_the_baseline_not_the_period(month, year, change, form):
    name, base = _MONTHS[month - 1], _MONTHS[month - 2]
    baseline = form.format(base=base, year=year, before=year - 1)
    text = f"Admissions rose by {change} percent in {name} {year}, {baseline}."
    [observation] = extract(
        text, date(year, month, 28), "P", catalogue=SPLIT_CATALOGUE
    ).observations
    assert observation.period_start == date(year, month, 1).isoformat(), text
    # with no date of its own, a figure takes no period from its baseline
    bare = f"The number of cases rose by {change} percent {baseline}."
    [observation] = extract(
        bare, date(year, month, 28), "P", catalogue=SPLIT_CATALOGUE
    ).observations
    assert (observation.indicator_id, observation.period_start) == ("cases_change", ""), bare


@PROPERTY
@given(
    change=st.integers(1, 90),
    word=st.sampled_from(["fewer", "lower", "less", "higher", "more", "greater"]),
    month=st.integers(2, 8),
)
def test_a_percent_fewer_or_more_than_before_is_a_change(change, word, month):
    name, base = _MONTHS[month - 1], _MONTHS[month - 2]
    text = f"Health centres reported 3,100 cases in {name}, {change} percent {word} than in {base}."
    observations = extract(text, date(2025, month, 28), "P", catalogue=SPLIT_CATALOGUE).observations
    changes = [o for o in observations if o.indicator_id == "cases_change"]
    sign = -1 if word in ("fewer", "lower", "less") else 1
    assert [(o.value, o.period_start) for o in changes] == [
        (sign * change, date(2025, month, 1).isoformat())
    ], text


@PROPERTY
@given(
    label=st.sampled_from(["Returnees", "IDP households", "Sites hosting IDPs"]),
    count=st.integers(10, 900_000),
    marker=st.sampled_from(["¹", "²", "³", "[1]", "[12]", "*"]),
)
def test_a_row_of_key_figures_with_a_footnote_marker_is_read(label, count, marker):
    assert not is_boilerplate_line(f"{label}: {count:,}{marker}")
    text = f"KEY FIGURES\n{label}: {count:,}{marker}\n"
    assert [o.value for o in extract(text, date(2025, 10, 14), "P").observations] == [count]


ASIDE_CATALOGUE = Catalogue(
    [
        Indicator("share_returnees_citing_security", "Returnees citing security", "percent"),
        Indicator("share_returnees_citing_land_access", "Returnees citing land", "percent"),
        Indicator("share_returnees_citing_services", "Returnees citing services", "percent"),
    ]
)
_REASONS = {
    "share_returnees_citing_security": "improved security",
    "share_returnees_citing_land_access": "access to their land",
    "share_returnees_citing_services": "services",
}


@PROPERTY
@given(
    order=st.permutations(sorted(_REASONS)),
    shares=st.lists(st.integers(1, 99), min_size=3, max_size=3, unique=True),
    joiner=st.sampled_from([" and ", ", followed by "]),
)
def test_a_figure_in_parentheses_is_named_by_the_words_just_before_it(order, shares, joiner):
    # "improved security (81%) and access to their land (46%)": each its own reason
    first, second, third = (f"{_REASONS[i]} ({s}%)" for i, s in zip(order, shares))
    text = f"Returnees cited {first}, {second}{joiner}{third} as reasons to return."
    found = extract(text, date(2025, 10, 14), "P", catalogue=ASIDE_CATALOGUE).observations
    assert {(o.indicator_id, o.value) for o in found} == set(zip(order, shares)), text


HEADING_CATALOGUE = Catalogue(
    [
        Indicator("water_samples_tested", "Water samples tested", "count"),
        Indicator("stool_samples_tested", "Stool samples tested", "count"),
    ]
)


@PROPERTY
@given(
    heading=st.sampled_from(
        [
            ("WATER QUALITY", "water"),
            ("WATER", "water"),
            ("STOOL TESTING", "stool"),
            ("LABORATORY: STOOL", "stool"),
        ]
    ),  # fmt: skip
    count=st.integers(2, 9_000),
)
def test_a_section_heading_says_what_the_figures_under_it_leave_unsaid(heading, count):
    title, what = heading
    text = (
        f"Weekly bulletin\n\nThe response continued in all districts.\n\n{title}\n"
        f"Partners tested {count:,} samples at collection points this week.\n"
    )
    [observation] = extract(text, date(2025, 9, 10), "P", catalogue=HEADING_CATALOGUE).observations
    assert (observation.indicator_id, observation.value) == (f"{what}_samples_tested", count)


@PROPERTY
@given(
    form=st.sampled_from(
        [
            "The {noun} of {count} health facilities found that {share} percent had no power.",
            "DTM conducted Round 12 of the {noun} in {count} districts; {share} percent of sites"
            " lacked water.",
            "Methodology: monitoring in {count} villages by 46 monitors; {share} percent of"
            " households had no water.",
        ]
    ),  # fmt: skip
    noun=st.sampled_from(["assessment", "survey", "analysis", "mobility tracking assessment"]),
    count=st.integers(101, 9_000),
    share=st.integers(2, 99),
)
def test_the_reach_of_a_method_named_before_its_count_is_no_figure(form, noun, count, share):
    text = form.format(noun=noun, count=f"{count:,}", share=share)
    values = {o.value for o in extract(text, date(2025, 10, 20), "Unit").observations}
    assert count not in values and share in values, (text, values)


TABLE_CATALOGUE = Catalogue(
    [
        Indicator("people_displaced", "People displaced", "count"),
        Indicator("share_idps_in_district", "IDPs in a district, share of total", "percent"),
        Indicator("cerf_allocation", "CERF allocation", "usd"),
    ]
)


@PROPERTY
@given(
    rows=st.lists(
        st.tuples(
            st.sampled_from(["Pemba", "Metuge", "Chiure", "Macomia", "Ancuabe"]),
            st.integers(100, 900_000),
            st.integers(1, 99),
        ),
        min_size=1,
        max_size=5,
        unique_by=lambda row: row[0],
    ),
)
def test_a_table_flattened_to_text_is_read_by_its_column_headers(rows):
    lines = ["IDPS BY DISTRICT", "District | IDPs | % of total"]
    lines += [f"{place} | {count:,} | {share}%" for place, count, share in rows]
    text = "\n".join(lines) + "\nHome | News | Mozambique\n"
    found = extract(text, date(2025, 10, 14), "P", catalogue=TABLE_CATALOGUE).observations
    expected = {("people_displaced", count) for _, count, _ in rows}
    expected |= {("share_idps_in_district", share) for _, _, share in rows}
    assert {(o.indicator_id, o.value) for o in found} == expected
    assert is_boilerplate_line("Home | News | Mozambique")
    assert is_boilerplate_line("5 May | Geneva")


@PROPERTY
@given(
    rows=st.lists(
        st.tuples(st.sampled_from(["Chad", "Mali", "Niger", "Burkina Faso"]), st.integers(1, 99)),
        min_size=1,
        max_size=4,
        unique_by=lambda row: row[0],
    ),
    bullet=st.sampled_from(["- ", "• ", ""]),
)
def test_rows_of_a_list_are_named_by_the_line_that_opens_it(rows, bullet):
    lines = ["CERF has released money to partners in the Sahel.", "", "Allocations by country:"]
    lines += [f"{bullet}{place}: ${millions} million" for place, millions in rows]
    text = "\n".join(lines) + "\n"
    found = extract(text, date(2025, 2, 18), "OCHA", catalogue=TABLE_CATALOGUE).observations
    assert {(o.indicator_id, o.value) for o in found} == {
        ("cerf_allocation", millions * 1_000_000) for _, millions in rows
    }


@PROPERTY
@given(
    year=YEARS,
    weeks=st.lists(st.integers(1, 52), min_size=2, max_size=2, unique=True).map(sorted),
    form=st.sampled_from(
        [
            "Between epidemiological week (EW) {a} and EW {b} of {y}",
            "Between EW {a} and EW {b} of {y}",
            "From week {a} to week {b} of {y}",
            "In EW {a} to EW {b} of {y}",
        ]
    ),  # fmt: skip
    count=st.integers(60, 900_000),
)
def test_a_range_of_numbered_weeks_is_the_period_of_its_figure(year, weeks, form, count):
    first, last = weeks
    text = f"{form.format(a=first, b=last, y=year)}, {count:,} suspected cases were reported."
    published = date.fromisocalendar(year, last, 7) + (date(2000, 1, 9) - date(2000, 1, 2))
    [observation] = extract(text, published, "P", catalogue=CATALOGUE).observations
    assert observation.value == count
    assert (observation.period_start, observation.period_end, observation.period_precision) == (
        date.fromisocalendar(year, first, 1).isoformat(),
        date.fromisocalendar(year, last, 1).isoformat(),
        "week",
    ), text


HARM_CATALOGUE = Catalogue(
    [
        Indicator("civilians_killed", "Civilians killed", "count"),
        Indicator("people_injured", "People injured", "count"),
        Indicator("dengue_deaths", "Dengue deaths", "count"),
        Indicator("dengue_suspected_cases", "Suspected dengue cases", "count"),
        Indicator("mobile_health_teams", "Mobile health teams", "count"),
        Indicator(
            "settlements_reached_by_mobile_teams", "Settlements reached by mobile teams", "count"
        ),
    ]
)


@PROPERTY
@given(
    killed=st.integers(2, 900),
    injured=st.integers(2, 900),
    form=st.sampled_from(
        [
            "killing {k} civilians and injuring {i}",
            "{k} civilians were killed and {i} were injured",
            "which killed {k} civilians and injured {i}",
        ]
    ),  # fmt: skip
)
def test_a_bare_figure_after_and_is_named_by_its_own_verb(killed, injured, form):
    if killed == injured:
        return
    text = f"Eleven incidents were recorded in the district, {form.format(k=killed, i=injured)}."
    found = extract(text, date(2025, 10, 21), "P", catalogue=HARM_CATALOGUE).observations
    assert {(o.indicator_id, o.value) for o in found} >= {
        ("civilians_killed", killed),
        ("people_injured", injured),
    }, text


@PROPERTY
@given(cases=st.integers(1_000, 900_000), deaths=st.integers(2, 999))
def test_deaths_counted_by_a_disease_indicator_are_its_deaths(cases, deaths):
    # "Dengue deaths" counts deaths, though "dengue" is its first word
    text = f"In 2025, {cases:,} suspected dengue cases were reported, including {deaths} deaths."
    found = extract(text, date(2025, 8, 12), "P", catalogue=HARM_CATALOGUE).observations
    assert {(o.indicator_id, o.value) for o in found} == {
        ("dengue_suspected_cases", cases),
        ("dengue_deaths", deaths),
    }


@PROPERTY
@given(teams=st.integers(2, 400), settlements=st.integers(2, 400))
def test_a_count_ruled_out_of_one_indicator_may_be_another(teams, settlements):
    text = (
        f"HEALTH SERVICES\nMobile health teams ({teams} teams) reached {settlements} settlements.\n"
    )
    found = extract(text, date(2025, 10, 10), "P", catalogue=HARM_CATALOGUE).observations
    assert {(o.indicator_id, o.value) for o in found} == {
        ("mobile_health_teams", teams),
        ("settlements_reached_by_mobile_teams", settlements),
    }


@PROPERTY
@given(
    line=st.sampled_from(
        [
            "{n} schools closed because of insecurity",
            "over {n} learners affected",
            "US$ {n}M required (education, 2025)",
            "{n}% of schools not functional",
            "1 in 4 schools not functional",
        ]
    ),  # fmt: skip
    number=st.integers(2, 99),
)
def test_a_key_figures_line_that_opens_with_its_figure_is_read(line, number):
    assert not is_boilerplate_line(line.format(n=number))
    for heading in ("2025 Humanitarian Response Plan", "Key figures", "Situation Update No. 4"):
        assert is_boilerplate_line(heading)


@PROPERTY
@given(
    count=st.integers(1_000, 900_000),
    hedges=st.sampled_from([("over", "More than"), ("more than", "Over"), ("up to", "Up to")]),
)
def test_a_figure_in_a_key_figures_box_and_in_the_body_is_one_fact(count, hedges):
    boxed, body = hedges
    text = (
        f"KEY FIGURES\n{boxed} {count:,} learners affected\n\nSITUATION\n"
        f"{body} {count:,} learners are affected by the closures.\n"
    )
    [observation] = extract(text, date(2025, 11, 3), "P").observations
    assert observation.quote.startswith(body), observation.quote  # the body's sentence


ATTACK_CATALOGUE = Catalogue(
    [Indicator("attacks_on_health_care", "Attacks on health care", "count")]
)


@PROPERTY
@given(
    count=st.integers(2, 900),
    place=st.sampled_from(["Kharkiv oblast", "Donetsk", "the north"]),
    heading=st.sampled_from(["ATTACKS ON HEALTH CARE", "HEALTH CARE ATTACKS", "SECURITY"]),
)
def test_a_heading_that_holds_all_the_words_a_clause_leaves_unsaid_names_its_figure(
    count, place, heading
):
    text = f"Bulletin\n\nThe situation worsened.\n\n{heading}\n{place} recorded {count} attacks.\n"
    [observation] = extract(text, date(2025, 10, 10), "P", catalogue=ATTACK_CATALOGUE).observations
    named = heading != "SECURITY"  # a heading that says none of the rest names nothing
    assert (observation.indicator_id == "attacks_on_health_care") == named, text


FAR_CATALOGUE = Catalogue(
    [
        Indicator("dengue_bed_occupancy", "Dengue bed occupancy", "percent"),
        Indicator("share_sites_food_first_need", "Sites with food as first need", "percent"),
    ]
)


@PROPERTY
@given(
    share=st.integers(1, 100),
    where=st.sampled_from(
        [
            "in the public hospitals of Tegucigalpa",
            "across the 12 hospitals of the capital",
            "in the referral hospitals of the northern departments",
        ]
    ),  # fmt: skip
    when=st.sampled_from(["in the first week of August", "on 4 August", "last week"]),
)
def test_the_one_figure_of_a_sentence_is_named_by_a_subject_far_before_it(share, where, when):
    text = f"Occupancy of dengue beds {where} reached {share} percent {when}."
    [observation] = extract(text, date(2025, 8, 12), "P", catalogue=FAR_CATALOGUE).observations
    assert (observation.indicator_id, observation.value) == ("dengue_bed_occupancy", share), text


# ------------------------------------------------ what coordinated figures say once for both

COORDINATED = Catalogue(
    [
        Indicator("health_workers_killed", "Health workers killed", "count"),
        Indicator("health_workers_injured", "Health workers injured", "count"),
        Indicator("teachers_killed", "Teachers killed", "count"),
        Indicator("teachers_injured", "Teachers injured", "count"),
        Indicator("people_killed", "People killed", "count"),
        Indicator("people_injured", "People injured", "count"),
        Indicator("children_vaccinated", "Children vaccinated", "count"),
        Indicator("children_screened", "Children screened", "count"),
        Indicator("aid_workers_arrested", "Aid workers arrested", "count"),
        Indicator("aid_workers_released", "Aid workers released", "count"),
        Indicator("boreholes_functioning", "Boreholes functioning", "count"),
        Indicator("share_boreholes_functioning", "Boreholes functioning", "percent"),
        Indicator("latrines_functioning", "Latrines functioning", "count"),
        Indicator("share_latrines_functioning", "Latrines functioning", "percent"),
    ]
)
# (noun, its indicators' first word, the two predicates)
PAIRS = [
    ("health workers", "health_workers", "killed", "injured"),
    ("teachers", "teachers", "killed", "injured"),
    ("children", "children", "vaccinated", "screened"),
    ("aid workers", "aid_workers", "arrested", "released"),
]
MONTHS = ["January", "March", "May", "July", "September", "November"]
PLACES = ["Kharkiv", "Gao", "Goma", "Sittwe", "Kassala"]


def _by_value(text: str, published: date, catalogue=COORDINATED) -> dict:
    observations = extract(text, published, "P", catalogue=catalogue).observations
    return {o.value: o for o in observations}


@PROPERTY
@given(
    first=st.integers(2, 400),
    second=st.integers(401, 9_000),
    pair=st.sampled_from(PAIRS),
    month=st.sampled_from(MONTHS),
    place=st.sampled_from(PLACES),
    auxiliary=st.sampled_from(["were", "have been", "had been"]),
    second_auxiliary=st.sampled_from(["", "were "]),
    date_first=st.booleans(),
)
def test_a_bare_figure_takes_the_noun_and_the_period_said_once_for_both(
    first, second, pair, month, place, auxiliary, second_auxiliary, date_first
):
    noun, key, verb, other_verb = pair
    published = date(2025, 12, 10)
    body = f"{first:,} {noun} {auxiliary} {verb} and {second:,} {second_auxiliary}{other_verb}"
    text = (
        f"In {month}, {body} in {place}."
        if date_first
        else f"{body} in attacks in {place} in {month}."
    )
    found = _by_value(text, published)
    assert found[first].indicator_id == f"{key}_{verb}"
    assert found[second].indicator_id == f"{key}_{other_verb}"
    start = date(2025, MONTHS.index(month) * 2 + 1, 1).isoformat()
    for value in (first, second):
        assert (found[value].period_start, found[value].period_precision) == (start, "month")


@PROPERTY
@given(
    first=st.integers(2, 400),
    second=st.integers(401, 9_000),
    month=st.sampled_from(MONTHS),
    verbs=st.sampled_from([("killed", "injured"), ("killing", "injuring")]),
)
def test_figures_joined_by_and_with_a_verb_each_share_the_period_after_the_second(
    first, second, month, verbs
):
    killed, injured = verbs
    text = f"Shelling {killed} {first:,} and {injured} {second:,} in {month}."
    found = _by_value(text, date(2025, 12, 10))
    assert found[first].indicator_id == "people_killed"
    assert found[second].indicator_id == "people_injured"
    assert found[first].period_start == found[second].period_start != ""


@PROPERTY
@given(
    first=st.integers(2, 400),
    second=st.integers(401, 9_000),
    months=st.lists(st.sampled_from(MONTHS), min_size=2, max_size=2, unique=True),
)
def test_a_bare_figure_with_a_date_of_its_own_leaves_the_first_its_own(first, second, months):
    # "3 people died in May and 5 in June": each has its own period
    text = f"{first:,} people were killed in {months[0]} and {second:,} in {months[1]}."
    found = _by_value(text, date(2025, 12, 10))
    assert found[first].period_start == date(2025, MONTHS.index(months[0]) * 2 + 1, 1).isoformat()
    assert found[second].period_start == date(2025, MONTHS.index(months[1]) * 2 + 1, 1).isoformat()


@PROPERTY
@given(
    whole=st.integers(20, 900),
    share=st.integers(5, 95),
    noun=st.sampled_from(["boreholes", "latrines"]),
    place=st.sampled_from(PLACES),
    month=st.sampled_from(MONTHS),
    when=st.sampled_from(["at the end of", "in", "by the end of"]),
)
def test_a_period_after_a_restatement_in_parentheses_dates_both_figures(
    whole, share, noun, place, month, when
):
    part = max(1, whole * share // 100)
    if part == share:
        return
    text = (
        f"{part} of the {whole} {noun} in {place} ({share} percent) were functioning "
        f"{when} {month}."
    )
    found = _by_value(text, date(2025, 12, 10))
    assert found[part].indicator_id == f"{noun}_functioning"
    assert found[share].indicator_id == f"share_{noun}_functioning"
    period = (found[share].period_start, found[share].period_end)
    assert (found[part].period_start, found[part].period_end) == period != ("", "")


@PROPERTY
@given(
    first=st.integers(2, 400),
    second=st.integers(401, 9_000),
    month=st.sampled_from(MONTHS),
    place=st.sampled_from(PLACES),
)
def test_a_later_clause_with_its_own_noun_keeps_its_own_words(first, second, month, place):
    # no ellipsis: the second figure names what it counts, so it is not the first's noun
    text = (
        f"{first:,} health workers were killed and {second:,} people injured in {place} in {month}."
    )
    found = _by_value(text, date(2025, 12, 10))
    assert found[first].indicator_id == "health_workers_killed"
    assert found[second].indicator_id == "people_injured"


# ------------------------------------------------------------ durations that are no figures

DURATION_WORDS = ["two", "three", "four", "five", "six", "ten"]


@PROPERTY
@given(
    share=st.integers(5, 95),
    count=st.sampled_from(DURATION_WORDS),
    unit=st.sampled_from(["months", "weeks", "days"]),
    what=st.sampled_from(["of the year", "of the appeal", "of the campaign", ""]),
    left=st.sampled_from(["left", "remaining", "to go"]),
)
def test_time_left_in_a_period_is_no_figure(share, count, unit, what, left):
    span = f"{count} {unit} {what} {left}".replace("  ", " ")
    text = f"The response plan is only {share} percent funded, with {span}."
    observations = extract(text, date(2025, 10, 20), "P", catalogue=CATALOGUE).observations
    assert [o.value for o in observations] == [share]


@PROPERTY
@given(
    count=st.sampled_from(DURATION_WORDS),
    unit=st.sampled_from(["hours", "days", "weeks"]),
    verb=st.sampled_from(["walked", "travelled", "queued", "waited", "ran", "hid", "drove"]),
    who=st.sampled_from(["Some families", "Many of them", "Women and children"]),
    place=st.sampled_from(PLACES),
)
def test_how_long_someone_did_something_is_no_figure(count, unit, verb, who, place):
    text = f"{who} {verb} for {count} {unit} to reach {place}."
    assert extract(text, date(2025, 10, 20), "P", catalogue=CATALOGUE).observations == []


@PROPERTY
@given(
    count=st.integers(2, 11),
    unit=st.sampled_from(["months", "weeks"]),
    state=st.sampled_from(
        [
            "Teachers have not been paid for",
            "The clinic closed for",
            "The road was blocked for",
            "Families were displaced for",
            "Fighting around the town has continued for",
        ]
    ),
)
def test_how_long_a_state_lasted_stays_a_figure(count, unit, state):
    text = f"{state} {count} {unit}."
    [observation] = extract(text, date(2025, 10, 20), "P", catalogue=CATALOGUE).observations
    assert observation.unit in ("months", "days", "weeks")


@PROPERTY
@given(
    change=st.sampled_from(["doubled", "tripled", "rose by 20 percent", "fell by 15 percent"]),
    unit=st.sampled_from(["day", "week", "month"]),
    single=st.sampled_from(["a", "a single", "just a"]),
    what=st.sampled_from(["The population of the camp", "The price of maize", "Admissions"]),
)
def test_a_span_of_one_unit_after_a_change_is_its_period(change, unit, single, what):
    published = date(2025, 10, 20)
    text = f"{what} has {change} in {single} {unit}."
    [observation] = extract(text, published, "P", catalogue=CATALOGUE).observations
    assert observation.value_as_stated.split()[-1] not in ("day", "week", "month")
    back = {"day": timedelta(days=1), "week": timedelta(days=7)}.get(unit)
    first = date(2025, 9, 1) if back is None else published - back
    assert observation.period_start <= first.isoformat()
    assert observation.period_end == published.isoformat()


@PROPERTY
@given(
    ordinal=st.sampled_from(["second", "third", "fifth", "eighth", "tenth", "twelfth"]),
    form=st.sampled_from(
        [
            "This is the {o} massive attack on the energy system since October.",
            "The camp was flooded for the {o} time this year.",
            "It is the {o} consecutive season of poor rains in {p}.",
            "For the {o} time, aid convoys were turned back near {p}.",
        ]
    ),
    place=st.sampled_from(PLACES),
)
def test_an_ordinal_is_no_figure(ordinal, form, place):
    text = form.format(o=ordinal, p=place)
    assert extract(text, date(2025, 10, 20), "P", catalogue=CATALOGUE).observations == []


# ------------------------------------------------------------ a period since an origin

ORIGINS = Catalogue(
    [
        Indicator("fund_allocations_since_creation", "Fund allocations since its creation", "usd"),
        Indicator("fund_annual_allocations", "Fund allocations in a year", "usd"),
    ]
)


@PROPERTY
@given(
    origin=st.sampled_from(["its creation", "its founding", "its establishment", "its launch"]),
    start=st.integers(1990, 2015),
    total=st.integers(2, 90),
    year=st.integers(2018, 2024),
    amount=st.integers(100, 900),
)
def test_since_an_origin_opens_a_period_and_a_later_dated_figure_is_not_of_it(
    origin, start, total, year, amount
):
    text = (
        f"Since {origin} in {start}, the fund has allocated more than ${total} billion to "
        f"humanitarian action. In {year}, it allocated US$ {amount} million to 38 countries."
    )
    found = _by_value(text, date(2025, 10, 20), ORIGINS)
    since = found[total * 1_000_000_000]
    assert (since.period_start, since.period_end) == (f"{start}-01-01", "")
    assert since.period_precision == "year"
    later = found[amount * 1_000_000]
    assert later.indicator_id != "fund_allocations_since_creation"
    assert later.period_start == f"{year}-01-01"


CHANGES = Catalogue(
    [
        Indicator("share_households_with_soap", "Households with soap", "percent"),
        Indicator("soap_access_change", "Change in access to soap", "percentage points"),
        Indicator("share_children_vaccinated", "Children vaccinated", "percent"),
        Indicator(
            "vaccination_coverage_change", "Change in vaccination coverage", "percentage points"
        ),
    ]
)


@PROPERTY
@given(
    share=st.sampled_from([("three in four", 75.0), ("two in five", 40.0), ("one in three", 33.3)]),
    points=st.integers(2, 30),
    month=st.sampled_from(MONTHS),
    subject=st.sampled_from(
        [
            ("households had soap", "soap_access_change"),
            ("children were vaccinated", "vaccination_coverage_change"),
        ]
    ),  # fmt: skip
    change=st.sampled_from(["a rise of", "an increase of", "a fall of", "a drop of"]),
    middle=st.sampled_from(["at the time of the visit", "in the camps visited by the teams"]),
)
def test_a_period_of_a_change_stays_with_the_change(share, points, month, subject, change, middle):
    stated, value = share
    words, change_id = subject
    text = f"The survey found that {stated} {words} {middle}, {change} {points} percentage points since {month}."
    observations = extract(text, date(2025, 12, 10), "P", catalogue=CHANGES).observations
    [first] = [o for o in observations if o.value == value]
    assert (first.period_start, first.period_end) == ("", "")
    [changed] = [o for o in observations if abs(o.value) == points]
    month_start = date(2025, MONTHS.index(month) * 2 + 1, 1).isoformat()
    assert (changed.period_start, changed.period_end) == (month_start, "")
