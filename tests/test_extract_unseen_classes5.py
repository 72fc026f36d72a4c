"""Generated cases for a fifth round of classes of phrasing the unseen reports showed the
extractor misread.

Each class is tested over many numbers, nouns, places and agencies, not one sentence:

- a survey's sample, the object of the verb that drew it ("the survey measured 3,412
  children", "teams interviewed 1,250 households"), is no figure of the crisis: with the
  shipped catalogue it is proposed as no indicator, while a catalogue that keeps one (such
  as households surveyed) still gets it;
- a name spelled out beside its acronym ("the Central Emergency Response Fund (CERF)") names
  the one thing the acronym stands for: where the catalogue keys an indicator by the acronym
  (a CERF allocation), the name's words are no evidence of an indicator keyed by them
  (emergency funds allocated), which still matches where the catalogue keeps no such one;
- the people a requirement is "to reach" ("require US$ 4.3 billion to reach 12.7 million
  people") are the plan's target, not people in need, and the money stays the requirement;
- of two ids the matcher reads alike (`people_in_need_shelter`, `people_needing_shelter`), a
  list's row ("Shelter and NFI: 5.7") is the one its list's lead-in spells ("Needs by sector
  (people in need, millions):"), as a sentence's figure is the one the words beside it spell;
- a share whose whole the sentence before names ("412 people were killed or injured by
  explosive devices ... More than a third of the victims were children") is a share of that
  whole: the sentence before says what the share's "of the victims", "of them" are;
- what something costs is its price ("The cost of a 20-litre jerrycan of water ... rose to
  KES 30", "A bag of maize cost SSP 9,500"): "cost" reads as "price" (words.json synonyms);
- money told by the participle right after it ("of the $2.47 billion requested") is what the
  participle names, though the clause's other words (the donors who pledged the amount
  before it) cover another indicator better.

Set PROPERTY_EXAMPLES to run more examples (CI runs the default).
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from indicators.extract.catalogue import Catalogue, Indicator
from indicators.extract.pipeline import extract

EXAMPLES = int(os.environ.get("PROPERTY_EXAMPLES", "100"))
PROPERTY = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
PUBLISHED = date(2025, 10, 14)
SHIPPED = Catalogue.from_csv(Path(__file__).resolve().parents[1] / "data" / "indicators.csv")
PLACES = st.sampled_from(["Maradi", "Kassala", "Tigray", "Borno", "Kasai", "Jonglei", "Sittwe"])
COUNTS = st.integers(120, 90_000)


def _catalogue(*rows: tuple[str, str, str]) -> Catalogue:
    return Catalogue([Indicator(i, name, unit, name + ".") for i, name, unit in rows])


def _observations(text: str, catalogue: Catalogue) -> list:
    return extract(text, PUBLISHED, "Agency", catalogue=catalogue).observations


def _by_value(text: str, catalogue: Catalogue) -> dict[float, object]:
    return {o.value: o for o in _observations(text, catalogue)}


# -- a survey's sample is no indicator ------------------------------------------------------

SAMPLERS = st.sampled_from(
    ["The survey", "Enumerators", "Teams", "The assessment teams", "Field staff", "Partners"]
)
SAMPLE_VERBS = st.sampled_from(["measured", "weighed", "interviewed", "surveyed", "sampled"])
SAMPLED = st.sampled_from(["children", "households", "women", "returnees", "caregivers"])
HEDGES = st.sampled_from(["", "some ", "about ", "a total of ", "more than "])


@PROPERTY
@given(SAMPLERS, SAMPLE_VERBS, HEDGES, COUNTS, SAMPLED, PLACES, st.booleans())
def test_a_surveys_sample_is_proposed_as_no_indicator(sampler, verb, hedge, n, noun, place, lead):
    sentence = f"{sampler} {verb} {hedge}{n:,} {noun} in {place} in September."
    if lead:
        sentence = f"In {place}, {sampler[0].lower() + sampler[1:]} {verb} {hedge}{n:,} {noun}."
    assert n not in _by_value(sentence, SHIPPED)


@PROPERTY
@given(SAMPLERS, HEDGES, COUNTS, PLACES)
def test_a_catalogue_that_keeps_the_sample_still_gets_it(sampler, hedge, n, place):
    catalogue = _catalogue(("households_surveyed", "Households surveyed", "count"))
    sentence = f"{sampler} surveyed {hedge}{n:,} households in {place} in September."
    found = _by_value(sentence, catalogue)
    assert found[n].indicator_id == "households_surveyed"


@PROPERTY
@given(st.sampled_from(["screened", "reached", "assisted", "vaccinated"]), COUNTS, SAMPLED, PLACES)
def test_a_count_reached_by_the_response_is_still_proposed(verb, n, noun, place):
    sentence = f"Mobile teams {verb} {n:,} {noun} in {place} in September."
    assert n in _by_value(sentence, SHIPPED)


# -- a name spelled out beside its acronym ---------------------------------------------------

FUNDS = st.sampled_from(
    [
        ("Central Emergency Response Fund", "CERF"),
        ("Disaster Response Emergency Fund", "DREF"),
        ("Emergency Humanitarian Response Fund", "EHRF"),
        ("Regional Emergency Pooled Fund", "REPF"),
    ]
)
GRANTORS = st.sampled_from(["The Emergency Relief Coordinator", "OCHA", "The IFRC", "The UN"])


def _fund_sentence(form: int, name: str, acronym: str, millions: int, place: str, who: str):
    if form == 0:
        return f"The {name} ({acronym}) allocated US$ {millions} million on 12 March for {place}."
    if form == 1:
        return f"{who} has released US$ {millions} million from the {name} ({acronym}) for {place}."
    return f"In {place}, the {name} ({acronym}) has allocated US$ {millions} million since May."


@PROPERTY
@given(FUNDS, st.integers(2, 90), PLACES, GRANTORS, st.integers(0, 2))
def test_a_fund_spelled_beside_its_acronym_is_the_acronyms_indicator(
    fund, millions, place, who, form
):
    name, acronym = fund
    own_id = f"{acronym.lower()}_allocation"
    catalogue = _catalogue(
        ("emergency_funds_allocated", "Emergency funds allocated", "usd"),
        (own_id, f"{acronym} allocation", "usd"),
    )
    sentence = _fund_sentence(form, name, acronym, millions, place, who)
    assert _by_value(sentence, catalogue)[millions * 1_000_000].indicator_id == own_id


@PROPERTY
@given(FUNDS, st.integers(2, 90), PLACES, GRANTORS, st.integers(0, 2))
def test_a_fund_without_an_indicator_of_its_own_keeps_the_words_of_its_name(
    fund, millions, place, who, form
):
    name, acronym = fund
    catalogue = _catalogue(
        ("emergency_funds_allocated", "Emergency funds allocated", "usd"),
        ("cash_transferred", "Cash transferred", "usd"),
    )
    sentence = _fund_sentence(form, name, acronym, millions, place, who)
    found = _by_value(sentence, catalogue)[millions * 1_000_000]
    assert found.indicator_id == "emergency_funds_allocated"


# -- the people a requirement is to reach ----------------------------------------------------

PLANS = st.sampled_from(
    [
        "The humanitarian response plan",
        "The flash appeal",
        "The regional plan",
        "The three countries' response plans together",
        "Partners",
    ]
)
REQUIRES = st.sampled_from(["require", "requires", "required", "seek", "seeks", "sought"])


@PROPERTY
@given(PLANS, REQUIRES, st.integers(12, 900), COUNTS, PLACES, st.booleans())
def test_the_people_a_requirement_is_to_reach_are_its_target(plan, verb, millions, n, place, year):
    catalogue = _catalogue(
        ("people_in_need", "People in need", "count"),
        ("people_targeted", "People targeted", "count"),
        ("funding_required", "Funding required", "usd"),
    )
    n *= 10
    when = " for 2026" if year else ""
    sentence = f"{plan}{when} {verb} US$ {millions} million to reach {n:,} people in {place}."
    found = _by_value(sentence, catalogue)
    assert found[n].indicator_id == "people_targeted"
    assert found[millions * 1_000_000].indicator_id == "funding_required"


# -- a list's lead-in spells which of two twin ids its rows are ------------------------------

SECTORS = st.sampled_from(
    [
        ("shelter", "Shelter and NFI"),
        ("health", "Health"),
        ("protection", "Protection"),
        ("education", "Education"),
        ("nutrition", "Nutrition"),
        ("wash", "WASH"),
    ]
)
LEAD_INS = {
    "in_need": [
        "Needs by sector (people in need, millions):",
        "People in need by sector (millions):",
        "Sectors with the most people in need (millions):",
    ],
    "needing": [
        "People needing assistance, by sector (millions):",
        "Sectors, people needing support (millions):",
    ],
}


@PROPERTY
@given(SECTORS, st.sampled_from(sorted(LEAD_INS)), st.data(), st.integers(11, 99))
def test_a_rows_twin_id_is_the_one_its_lead_in_spells(sector, spelling, data, tenths):
    word, label = sector
    catalogue = _catalogue(
        (f"people_needing_{word}", f"People needing {word} support", "count"),
        (f"people_in_need_{word}", f"People in need of {word} assistance", "count"),
        ("people_in_need", "People in need", "count"),
    )
    lead_in = data.draw(st.sampled_from(LEAD_INS[spelling]))
    others = [("Food security", 0.5), ("Early recovery", 0.7)]  # no value of the row
    rows = [f"{label}: {tenths / 10}"] + [f"{name}: {value}" for name, value in others]
    order = data.draw(st.permutations(rows))
    text = "Syria: needs overview\n\n" + lead_in + "\n" + "\n".join(order) + "\n"
    found = _by_value(text, catalogue)
    assert found[tenths * 100_000].indicator_id == (
        f"people_in_need_{word}" if spelling == "in_need" else f"people_needing_{word}"
    )


# -- a share whose whole the sentence before names -------------------------------------------

WHOLES = st.sampled_from(
    [
        ("victims", "of explosive devices", "explosive_device"),
        ("victims", "of landmines", "landmine"),
        ("cases", "of cholera", "cholera"),
        ("deaths", "from measles", "measles"),
        ("casualties", "from airstrikes", "airstrike"),
    ]
)
FRACTIONS = st.sampled_from(
    [
        ("More than a third", 33.3),
        ("Nearly half", 50),
        ("About a quarter", 25),
        ("Two thirds", 66.7),
        ("Some 40 percent", 40),
    ]
)
WHEN = st.sampled_from(["between January and September", "in July", "since March", ""])


@PROPERTY
@given(
    WHOLES,
    FRACTIONS,
    st.sampled_from(["children", "women"]),
    COUNTS,
    PLACES,
    WHEN,
    st.booleans(),
    st.sampled_from(["The ICRC", "WHO", "The Protection Cluster", "UNMAS"]),
)
def test_a_share_of_the_whole_the_sentence_before_names(
    whole, fraction, part, n, place, when, pronoun, agency
):
    noun, of_what, thing = whole
    words, share = fraction
    own_id = f"share_{thing}_{noun}_{part}"
    catalogue = _catalogue(
        (own_id, f"{noun.capitalize()} {of_what} who are {part}", "percent"),
        (f"{thing}_{noun}", f"{noun.capitalize()} {of_what}", "count"),
        ("share_households_female_headed", "Households headed by women", "percent"),
    )
    first = f"{agency} recorded {n:,} {noun} {of_what} in {place} {when}."
    of = "of them" if pronoun else f"of the {noun}"
    text = " ".join(first.split()).replace(" .", ".") + f" {words} {of} were {part}."
    found = _by_value(text, catalogue)
    assert found[share].indicator_id == own_id


# -- a cost is a price ------------------------------------------------------------------------

GOODS = st.sampled_from(
    [("jerrycan", "water"), ("bag", "maize"), ("sack", "charcoal"), ("bundle", "firewood")]
)
CURRENCIES = st.sampled_from(["KES", "SSP", "ETB", "SDG"])


@PROPERTY
@given(GOODS, CURRENCIES, st.integers(20, 9_000), PLACES, st.integers(0, 2))
def test_what_something_costs_is_its_price(goods, currency, price, place, form):
    container, good = goods
    own_id = f"{good}_price_{container}"
    catalogue = _catalogue(
        (own_id, f"Price of a {container} of {good}", f"{currency.lower()} per {container}"),
        ("cash_transfer_value", "Cash transfer value", currency.lower()),
    )
    if form == 0:
        text = f"The cost of a {container} of {good} in {place} rose to {currency} {price:,}."
    elif form == 1:
        text = f"In {place}, a {container} of {good} cost {currency} {price:,} in August."
    else:
        text = f"The average cost of a {container} of {good} was {currency} {price:,} in {place}."
    assert _by_value(text, catalogue)[price].indicator_id == own_id


# -- money told by its participle -------------------------------------------------------------

DONORS = st.sampled_from(["Thirty-four donors", "Donors", "Twelve donors", "The donors"])
ASKED = st.sampled_from(["requested", "required", "sought", "needed"])


@PROPERTY
@given(DONORS, ASKED, st.integers(20, 400), st.integers(401, 990), PLACES, st.booleans())
def test_money_told_by_its_participle_is_what_it_names(donors, asked, pledged, needed, place, late):
    catalogue = _catalogue(
        ("donor_pledge", "Donor pledge", "usd"),
        ("funding_required", "Funding required", "usd"),
        ("funding_received", "Funding received", "usd"),
    )
    tail = ", at a high-level pledging event" if late else ""
    text = (
        f"{donors} today pledged US$ {pledged} million for the response in {place}, "
        f"of the US$ {needed} million {asked} for 2026{tail}."
    )
    found = _by_value(text, catalogue)
    assert found[pledged * 1_000_000].indicator_id == "donor_pledge"
    assert found[needed * 1_000_000].indicator_id == "funding_required"
