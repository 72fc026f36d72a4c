"""Generated cases for the classes of phrasing the seventh batch of unseen reports showed the
extractor misread (an ICRC operational update, a humanitarian needs overview summary, a cash
working group market update, an access snapshot, a cyclone flash update, a wire story on an
attack).

Each class is tested over many numbers, nouns, places and speakers, not one sentence:

- a place in capitals that opens the name heading a report ("IRAQ CASH WORKING GROUP") is the
  report's place;
- a speed after a number is a figure ("winds of 185 km/h", "gusts of up to 120 mph");
- the end of a range of a scale's levels is a label ("IPC Phases 3 to 5", "severity 4 or 5");
- a key-figure row's "N of M" counts what its label names ("Sub-districts ...: 187 of 272");
- a speaker's name after the lower-case words that say what it is ("the conflict monitor
  ACLED"), an acronym the report spells out ("According to the NDMO"), and a name in commas
  before "told" ("..., the governor, Colonel X, told AFP");
- the date after a change's size and "from" is what it is measured from ("up 3.2% from July"),
  and so is the date of an earlier count ("than at the last count in January 2025");
- a measure that sizes a package is no figure ("a 50 kg bag of wheat flour");
- a list's lead-in that names a scale scales its rows ("(people in need, millions):");
- a count of people keeps the noun of the places they are in ("4,200 people remain in 58
  evacuation centres");
- days listed before their month are no figures ("on 10 and 11 March");
- a date inside a coordinate clause that states no figure does not date the figure after it
  ("Power has been cut since Monday, and 60 per cent of ... are not working").

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
PUBLISHED = date(2025, 9, 17)
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August"]
COUNTS = st.integers(12, 900_000)
SMALL = st.integers(12, 99)


def _catalogue(*rows: tuple[str, str, str]) -> Catalogue:
    return Catalogue([Indicator(i, name, unit, name + ".") for i, name, unit in rows])


def _observations(text: str, catalogue: Catalogue | None = None, publisher: str = "Agency"):
    return extract(text, PUBLISHED, publisher, catalogue=catalogue).observations


def _by_value(text: str, catalogue: Catalogue | None = None, publisher: str = "Agency"):
    return {o.value: o for o in _observations(text, catalogue, publisher)}


# -- a place in capitals opening the name that heads a report -------------------------------

# (country, places in it the gazetteer knows)
COUNTRIES = st.sampled_from(
    [
        ("IRAQ", "Iraq", ["Ninewa", "Basra", "Sinjar"]),
        ("SOMALIA", "Somalia", ["Baidoa", "Gedo", "Mogadishu"]),
        ("SOUTH SUDAN", "South Sudan", ["Jonglei", "Renk", "Upper Nile"]),
        ("YEMEN", "Yemen", ["Marib", "Taiz", "Hodeidah"]),
        ("NIGERIA", "Nigeria", ["Borno", "Yobe", "Adamawa"]),
    ]
)
BODIES = st.sampled_from(
    ["CASH WORKING GROUP", "PROTECTION CLUSTER", "NUTRITION CLUSTER", "SHELTER CLUSTER"]
)


@PROPERTY
@given(COUNTRIES, BODIES, st.sampled_from(MONTHS), COUNTS, COUNTS)
def test_a_place_in_capitals_opening_a_name_heads_the_report(country, body, month, n, m):
    capitals, name, places = country
    assume(n != m)
    text = (
        f"{capitals} {body}\nMarket and Response Update, {month} 2025\n\n"
        f"Partners reached {n:,} households this month.\n\n"
        f"In {places[0]}, {m:,} households received assistance. "
        f"Needs remain high in {places[1]} and {places[2]}."
    )
    found = _by_value(text)
    assert found[n].location == name, text
    assert found[m].location == places[0]


# -- a speed after a number -----------------------------------------------------------------

SPEEDS = st.sampled_from(
    [
        ("km/h", "km per hour"),
        ("kph", "km per hour"),
        ("kilometres per hour", "km per hour"),
        ("mph", "miles per hour"),
        ("miles an hour", "miles per hour"),
        ("knots", "knots"),
    ]
)
SPEED_SENTENCES = st.sampled_from(
    [
        "The cyclone made landfall in {place} with sustained winds of {n} {unit}.",
        "Gusts of up to {n} {unit} were recorded over {place} on Tuesday.",
        "The storm hit {place} with winds reaching {n} {unit}, the weather office said.",
    ]
)
ISLANDS = st.sampled_from(["Tanna", "Cebu", "Leyte", "Eastern Samar", "Aniwa"])


@PROPERTY
@given(SPEED_SENTENCES, SPEEDS, st.integers(40, 320), ISLANDS)
def test_a_speed_after_a_number_is_a_figure(sentence, speed, n, place):
    # a hazard's intensity is read for a catalogue that keeps an indicator in its unit
    # (`hazard_intensity`), in that unit
    written, unit = speed
    catalogue = _catalogue(("max_wind_speed", "Maximum sustained wind speed", unit))
    found = _by_value(sentence.format(n=n, unit=written, place=place), catalogue)
    assert n in found, sentence
    assert found[n].unit == unit


# -- the end of a range of a scale's levels ---------------------------------------------------

LEVELS = st.sampled_from(
    [
        ("IPC Phases {a} to {b}", 3, 5),
        ("IPC Phase {a} or {b}", 3, 4),
        ("severity {a} or {b}", 4, 5),
        ("severity levels {a} and {b}", 3, 4),
        ("Category {a} or {b}", 3, 4),
    ]
)
LEVEL_SENTENCES = st.sampled_from(
    [
        "Some {n:,} people in {place} are in {levels}.",
        "In {place}, {n:,} people live in areas classified in {levels}.",
    ]
)


@PROPERTY
@given(LEVEL_SENTENCES, LEVELS, COUNTS, st.sampled_from(["Borno", "Tigray", "Gedo", "Kunar"]))
def test_the_end_of_a_range_of_levels_is_a_label(sentence, levels, n, place):
    pattern, low, high = levels
    assume(n not in (low, high))
    text = sentence.format(n=n, place=place, levels=pattern.format(a=low, b=high))
    values = {o.value for o in _observations(text)}
    assert n in values, text
    assert high not in values and low not in values, text


# -- a key-figure row's "N of M" ------------------------------------------------------------

ROW_LABELS = st.sampled_from(
    [
        "Sub-districts in severity 4 or 5",
        "Health facilities assessed",
        "Districts affected",
        "Schools reopened",
        "Water points functional",
    ]
)


@PROPERTY
@given(ROW_LABELS, st.integers(3, 900), st.integers(1, 900))
def test_a_key_figure_rows_part_of_a_whole_is_a_count(label, part, more):
    whole = part + more
    text = f"KEY FIGURES\n{label}: {part} of {whole}\nPeople in need: 4.2M"
    found = _by_value(text)
    assert part in found, text
    assert found[part].unit == "count"
    # no share worked out of it (3 of 99 is 3.0 per cent: so tell them by unit)
    assert not any(o.unit == "percent" for o in found.values()), text


# -- a speaker's name after words that say what it is ----------------------------------------

DESCRIBED = st.sampled_from(
    [
        ("the conflict monitor ACLED", "ACLED"),
        ("the state weather agency PAGASA", "PAGASA"),
        ("the rights group Amnesty International", "Amnesty International"),
        ("the charity Save the Children", "Save the Children"),
        ("the al-Qaeda-linked Group for the Support of Islam and Muslims", None),
    ]
)
DESCRIBED_SENTENCES = st.sampled_from(
    [
        "Violence in {place} has killed more than {n:,} civilians since January, according to {who}.",
        "According to {who}, {n:,} people were displaced in {place} last month.",
        "{Who} said {n:,} people had been detained in {place}.",
    ]
)


@PROPERTY
@given(DESCRIBED_SENTENCES, DESCRIBED, COUNTS, st.sampled_from(["Mopti", "Borno", "Darfur"]))
def test_a_speaker_is_named_without_the_words_that_describe_it(sentence, described, n, place):
    who, name = described
    name = name or who.split("-linked ", 1)[1]
    text = sentence.format(who=who, Who=who[0].upper() + who[1:], n=n, place=place)
    assert _by_value(text)[n].attributed_to == name, text


# -- an acronym the report spells out ---------------------------------------------------------

SPELT = st.sampled_from(
    [
        ("National Disaster Management Office", "NDMO"),
        ("Disaster Management Authority", "DMA"),
        ("National Emergency Relief Agency", "NERA"),
        ("Provincial Disaster Coordination Office", "PDCO"),
    ]
)


@PROPERTY
@given(SPELT, COUNTS, SMALL, st.booleans())
def test_an_acronym_the_report_spells_out_is_its_full_name(spelt, n, deaths, lead):
    name, acronym = spelt
    assume(n != deaths)
    later = (
        f"According to the {acronym}, {deaths} people have died."
        if lead
        else f"{deaths} people have died, the {acronym} said."
    )
    text = f"The {name} ({acronym}) estimates that {n:,} people were affected. {later}"
    found = _by_value(text)
    assert found[n].attributed_to == name
    assert found[deaths].attributed_to == name, text


# -- a name in commas before "told" -----------------------------------------------------------

POSTS = st.sampled_from(
    ["the governor of the Mopti region", "the camp's manager", "a local official", "the mayor"]
)
NAMED = st.sampled_from(
    ["Colonel Abass Dembélé", "Ali Musa", "Captain Issa Traoré", "Amina Hassan", "Dr Halima Bello"]
)
OUTLETS = st.sampled_from(["AFP", "Reuters", "reporters", "the BBC"])


@PROPERTY
@given(POSTS, NAMED, OUTLETS, COUNTS)
def test_a_name_in_commas_before_told_is_the_speaker(post, named, outlet, n):
    text = f"At least {n:,} people were killed near Boni on Monday, {post}, {named}, told {outlet}."
    bare = (
        named.split(" ", 1)[1] if named.split(" ", 1)[0] in ("Colonel", "Captain", "Dr") else named
    )
    assert _by_value(text, publisher="AFP")[n].attributed_to == bare, text


# -- the date a change is measured from -------------------------------------------------------

CHANGES = st.sampled_from(
    [
        "- {Item}: up {p}% from {month}",
        "The price of {item} rose by {p} percent from {month}.",
        "{Item} fell {p} per cent from {month}, traders said.",
        "The cost of {item} increased by {p}% from {month}, to IQD 9,000.",
    ]
)
ITEMS = st.sampled_from(["cooking gas", "wheat flour", "the basket", "diesel", "rice"])


@PROPERTY
@given(CHANGES, ITEMS, st.integers(2, 60), st.sampled_from(MONTHS))
def test_the_date_after_a_change_and_from_is_its_baseline(sentence, item, p, month):
    row = sentence.format(item=item, Item=item[0].upper() + item[1:], p=p, month=month)
    text = "Market update\n\nKey findings\n" + row
    change = {abs(o.value): o for o in _observations(text)}[p]
    assert change.period_start == "" and change.period_end == "", text


COUNT_NOUNS = st.sampled_from(["count", "round", "assessment", "survey"])


@PROPERTY
@given(COUNT_NOUNS, st.integers(2, 60), st.sampled_from(MONTHS), st.booleans())
def test_the_date_of_an_earlier_count_is_a_baseline(noun, p, month, last):
    which = "last" if last else "previous"
    text = f"Checkpoints rose to 849. This is {p} per cent more than at the {which} {noun} in {month} 2025."
    change = _by_value(text)[p]
    assert change.period_start == "", text


# -- a package's size ------------------------------------------------------------------------

PACKAGES = st.sampled_from(
    [
        ("a {n} kg bag of wheat flour", "IQD 38,000"),
        ("each {n} kg sack of rice", "SOS 410,000"),
        ("a {n} litre bottle of cooking oil", "SYP 52,000"),
        ("the {n} kg cylinder of cooking gas", "IQD 9,000"),
    ]
)


@PROPERTY
@given(PACKAGES, st.sampled_from([5, 10, 12.5, 20, 25, 50]))
def test_a_measure_that_sizes_a_package_is_no_figure(package, n):
    sized, price = package
    text = f"The median price of {sized.format(n=n)} was {price} in August."
    values = {o.value for o in _observations(text)}
    assert float(n) not in values, text
    assert len(values) == 1


# -- a list's lead-in that names a scale ------------------------------------------------------

SCALED_LEAD_INS = st.sampled_from(
    [
        ("Needs by sector (people in need, millions):", 1_000_000),
        ("People in need by sector (millions):", 1_000_000),
        ("People targeted by sector (in thousands):", 1_000),
        ("Displaced people by governorate ('000):", 1_000),
    ]
)
SECTORS = st.lists(
    st.sampled_from(["WASH", "Health", "Protection", "Shelter", "Education", "Nutrition"]),
    min_size=2,
    max_size=4,
    unique=True,
)


@PROPERTY
@given(
    SCALED_LEAD_INS, SECTORS, st.lists(st.integers(11, 999), min_size=4, max_size=4, unique=True)
)
def test_a_lead_in_that_names_a_scale_scales_its_rows(lead_in, sectors, tenths):
    line, factor = lead_in
    rows = [f"{sector}: {t / 10:.1f}" for sector, t in zip(sectors, tenths)]
    text = "Overview\n\n" + line + "\n" + "\n".join(rows) + "\n\nPartners are scaling up."
    values = {o.value for o in _observations(text)}
    for t in tenths[: len(sectors)]:
        assert round(t / 10 * factor) in values, (text, values)


# -- a count of people in a count of places ---------------------------------------------------

PLACE_COUNTS = st.sampled_from(
    [
        (
            "remain in",
            "evacuation centres",
            "people_in_evacuation_centres",
            "People in evacuation centres",
        ),
        ("live in", "camps", "people_in_camps", "People in camps"),
        (
            "are sheltering in",
            "collective centres",
            "people_in_collective_centres",
            "People in collective centres",
        ),
    ]
)


@PROPERTY
@given(PLACE_COUNTS, COUNTS, st.integers(3, 999), st.sampled_from(["Idlib", "Shefa", "Borno"]))
def test_a_count_of_people_keeps_the_places_they_are_in(place_count, n, sites, place):
    verb, noun, people_id, name = place_count
    assume(n != sites)
    catalogue = _catalogue(
        (people_id, name, "count"),
        (noun.replace(" ", "_"), noun.capitalize(), "count"),
        ("people_displaced", "People displaced", "count"),
    )
    text = f"Some {n:,} people {verb} {sites} {noun} in {place}."
    found = _by_value(text, catalogue)
    assert found[n].indicator_id == people_id, text
    assert found[sites].indicator_id == noun.replace(" ", "_")


# -- days listed before their month ------------------------------------------------------------


@PROPERTY
@given(
    st.lists(st.integers(1, 28), min_size=2, max_size=4, unique=True),
    st.sampled_from(MONTHS),
    st.sampled_from(["crossed Tafea and Shefa provinces", "hit the coast", "flooded the valley"]),
    st.booleans(),
)
def test_days_listed_before_their_month_are_no_figures(days, month, what, ampersand):
    days = sorted(days)
    joint = " & " if ampersand else " and "
    listed = ", ".join(str(d) for d in days[:-1]) + joint + str(days[-1])
    text = f"The storm {what} on {listed} {month}."
    values = {o.value for o in _observations(text)}
    assert not values & {float(d) for d in days}, text


# -- a date inside a clause that states no figure ---------------------------------------------

CUTS = st.sampled_from(
    [
        "Power has been cut in {place} since {when}",
        "Roads to {place} have been closed since {when}",
        "Fighting has continued around {place} since {when}",
    ]
)
WHENS = st.sampled_from(["Monday", "Tuesday", "1 August", "early July", "the weekend"])


@PROPERTY
@given(CUTS, WHENS, st.integers(5, 95), st.sampled_from(["Port Vila", "Tanna", "Goma", "Jenin"]))
def test_a_date_in_a_clause_without_a_figure_does_not_date_the_next(cut, when, p, place):
    text = (
        cut.format(place=place, when=when)
        + f", and {p} per cent of the water supply systems are not working."
    )
    share = _by_value(text)[p]
    assert share.period_start == "" and share.period_end == "", text


# -- the subject before a participle of what it led to ------------------------------------------

SUBJECTS = st.sampled_from(
    [
        ("Settler attacks", "settler_attacks", "Settler attacks"),
        ("Airstrikes", "airstrikes", "Airstrikes"),
        ("Armed robberies", "armed_robberies", "Armed robberies"),
    ]
)
RESULTS = st.sampled_from(
    [
        "resulting in casualties or property damage",
        "causing injuries or damage to homes",
        "involving casualties among civilians",
        "affecting schools and health facilities",
    ]
)


@PROPERTY
@given(SUBJECTS, RESULTS, COUNTS, st.sampled_from(MONTHS))
def test_the_subject_before_a_participle_names_the_figure(subject, result, n, month):
    words, indicator_id, name = subject
    catalogue = _catalogue(
        (indicator_id, name, "count"), ("people_injured", "People injured", "count")
    )
    text = f"{words} {result} rose to {n:,} in {month}."
    assert _by_value(text, catalogue)[n].indicator_id == indicator_id, text


# -- a count that gives something "to" another count ---------------------------------------------

GIVERS = st.sampled_from(["partners", "organisations", "agencies", "NGOs"])
GIVEN = st.sampled_from(["multi-purpose cash", "food parcels", "cash grants", "hygiene kits"])
GIVING = st.sampled_from(["delivered", "distributed", "transferred", "provided"])


@PROPERTY
@given(GIVERS, GIVEN, GIVING, st.integers(3, 60), COUNTS, st.sampled_from(MONTHS))
def test_a_count_that_gives_to_another_names_neither_and_dates_both(
    givers, given_thing, verb, who, n, month
):
    assume(who != n)
    received = "households_received_" + given_thing.replace(" ", "_").replace("-", "_")
    catalogue = _catalogue(
        ("cash_partners", "Cash partners", "count"),
        (received, f"Households that received {given_thing}", "count"),
    )
    text = f"Response: {who} {givers} {verb} {given_thing} to {n:,} households in {month}."
    found = _by_value(text, catalogue)
    assert found[n].indicator_id == received, text
    start = f"2025-{MONTHS.index(month) + 1:02d}-01"
    assert found[n].period_start == start
    assert found[who].period_start == start, text


# -- those killed or injured are the victims ----------------------------------------------------

HARMED = st.sampled_from(
    ["killed or injured", "killed and injured", "killed or wounded", "dead or injured"]
)
CAUSES = st.sampled_from(
    [
        (
            "explosive devices",
            "explosive_device",
            "Victims of explosive devices",
            "Deaths from explosive devices",
        ),
        ("landmines", "landmine", "Victims of landmines", "Deaths from landmines"),
        ("airstrikes", "airstrike", "Victims of airstrikes", "Deaths from airstrikes"),
    ]
)


@PROPERTY
@given(HARMED, CAUSES, COUNTS, st.sampled_from(["Cauca", "Kachin", "Kunar"]))
def test_those_killed_or_injured_are_the_victims(harmed, cause, n, place):
    words, slug, victims, deaths = cause
    catalogue = Catalogue(
        [
            Indicator(f"{slug}_victims", victims, "count", f"People killed or injured by {words}."),
            Indicator(f"{slug}_deaths", deaths, "count", f"People killed by {words}."),
        ]
    )
    text = f"In {place}, {n:,} people were {harmed} by {words} between January and September."
    assert _by_value(text, catalogue)[n].indicator_id == f"{slug}_victims", text


# -- a running total's words are its own ------------------------------------------------------


@PROPERTY
@given(
    st.sampled_from(["new", "additional", "newly registered"]),
    st.sampled_from(
        [
            ("cases of missing persons", "cases"),
            ("tracing requests", "requests"),
            ("cases of separated children", "cases"),
        ]
    ),
    st.integers(12, 900),
    st.integers(1_000, 90_000),
    st.sampled_from(["follows", "handles", "manages"]),
)
def test_a_running_totals_words_are_its_own(new, counted, n, total, verb):
    what, head = counted
    slug = what.replace(" ", "_")
    catalogue = _catalogue(
        (f"{slug}_new", f"New {what}", "count"),
        (f"{slug}_followed", f"{what.capitalize()} it {verb}", "count"),
    )
    text = (
        f"Between January and September, the agency documented {n} {new} {what}, "
        f"bringing the number of {head} it {verb} since 1985 to {total:,}."
    )
    found = _by_value(text, catalogue)
    assert found[n].indicator_id == f"{slug}_new", text
    assert found[total].indicator_id == f"{slug}_followed", text
    assert found[total].period_start == "1985-01-01"


# -- what is sent from a place ------------------------------------------------------------------

SENT = st.sampled_from(["air force flights", "relief flights", "aid convoys", "ships", "trucks"])
ORIGINS = st.sampled_from(["New Zealand", "Australia", "Kenya", "Egypt", "France"])
DESTINATIONS = st.sampled_from(
    [("VANUATU", "Vanuatu"), ("SOMALIA", "Somalia"), ("SUDAN", "Sudan"), ("HAITI", "Haiti")]
)


@PROPERTY
@given(SENT, ORIGINS, DESTINATIONS, st.integers(2, 9), st.integers(10, 900))
def test_a_place_that_what_is_sent_comes_from_is_not_where_it_holds(sent, origin, dest, k, tonnes):
    capitals, name = dest
    text = (
        f"{capitals}: Flash Update No. 2\n\n"
        f"{k} {sent} from {origin} delivered {tonnes} tonnes of relief items on Wednesday."
    )
    assert _by_value(text)[tonnes].location == name, text


# -- a sentence whose subject is a pronoun for the figure before ---------------------------------

COUNTED = st.sampled_from(
    [
        ("movement obstacles", "movement_obstacles", "Movement obstacles"),
        ("checkpoints", "checkpoints", "Checkpoints"),
        ("protection incidents", "protection_incidents", "Protection incidents"),
    ]
)


@PROPERTY
@given(
    COUNTED,
    COUNTS,
    st.integers(2, 60),
    st.sampled_from(["This is", "This was", "That is"]),
    st.sampled_from(["more", "fewer"]),
    st.sampled_from(["at the last count in January 2025", "than a year earlier"]),
)
def test_a_pronoun_subject_takes_the_change_of_the_figure_before(
    counted, n, p, opening, more, baseline
):
    words, indicator_id, name = counted
    catalogue = _catalogue(
        (indicator_id, name, "count"), (indicator_id + "_change", f"Change in {words}", "percent")
    )
    than = baseline if baseline.startswith("than") else "than " + baseline
    text = f"OCHA recorded {n:,} {words} as of 31 July. {opening} {p} per cent {more} {than}."
    change = {abs(o.value): o for o in _observations(text, catalogue)}[p]
    assert change.indicator_id == indicator_id + "_change", text
    assert change.value == (p if more == "more" else -p)


@PROPERTY
@given(
    st.integers(200_000, 900_000),
    st.integers(1_000, 99_000),
    st.integers(1_000, 99_000),
    st.sampled_from([("Ninewa", "Basra"), ("Baidoa", "Gedo"), ("Aleppo", "Homs")]),
)
def test_a_pronoun_subject_measures_what_the_figure_before_measures(cost, up, down, places):
    high, low = places
    catalogue = _catalogue(("smeb_cost_iqd", "Cost of the basket", "iqd per household"))
    text = (
        f"The median cost of the basket rose to IQD {cost:,} per household in August. "
        f"It was highest in {high} at IQD {cost + up:,} and lowest in {low} at IQD {cost - down:,}."
    )
    found = _by_value(text, catalogue)
    assert found[cost + up].indicator_id == "smeb_cost_iqd", text
    assert found[cost + up].location == high
    assert found[cost - down].indicator_id == "smeb_cost_iqd"
