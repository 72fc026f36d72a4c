"""The humanitarian reporting lexicon (`vocabulary/concepts.json`, `indicators.extract.concepts`).

A report phrases a figure in its own words: refugees "crossed into" a country (new arrivals),
people "are sick" in an outbreak (cases), a sector "has received US$ 61 million of the US$ 178
million required" (its share funded). The lexicon maps such phrasings to the words ids use;
the matcher counts them as said, each weaker than the word itself. Generated cases over
phrasings, catalogues, numbers, places and orders; negative cases: a phrasing never takes a
figure a literal word names as well, and a concept the catalogue lacks changes nothing.

Set PROPERTY_EXAMPLES to run more generated cases (CI runs the default).
"""

from __future__ import annotations

import os
import re
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from indicators.extract.catalogue import Catalogue, Indicator, content_word_tuple
from indicators.extract.concepts import CONCEPT_WEIGHT, Lexicon, concept_entries
from indicators.extract.pipeline import extract
from indicators.extract.proposals import propose

EXAMPLES = int(os.environ.get("PROPERTY_EXAMPLES", "100"))
PROPERTY = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
PUBLISHED = date(2025, 10, 3)
PLACES = st.sampled_from(["Chad", "Uganda", "the Ouaddaï region", "Kassala", "Cox's Bazar"])
COUNTS = st.integers(12, 900_000)
# indicators no phrasing below means: each generated catalogue holds some of them
DISTRACTORS = [
    Indicator("schools_closed", "Schools closed", "count"),
    Indicator("hygiene_kits_distributed", "Hygiene kits distributed", "count"),
    Indicator("share_households_with_soap", "Households with soap", "percent"),
    Indicator("water_supply_per_person", "Water supply per person", "litres per person per day"),
    Indicator("trucks_waiting", "Trucks waiting", "count"),
]
DISTRACTOR_SETS = st.lists(st.sampled_from(DISTRACTORS), unique_by=lambda i: i.indicator_id)


def _ids(text: str, catalogue: Catalogue) -> list[str]:
    return [o.indicator_id for o in extract(text, PUBLISHED, "P", catalogue=catalogue).observations]


def _catalogue(*indicators: Indicator, others=()) -> Catalogue:
    return Catalogue([*indicators, *others])


def _spelled(phrasing: str) -> str:
    """A phrasing as a report could write it: '*' completed, '...' some words."""
    words = []
    for word in phrasing.split():
        if word == "...":
            words.append("US$ 12.5 million of the")
        elif word.endswith("*"):
            words.append(word[:-1] + "ed")
        else:
            words.append(word)
    return " ".join(words)


ALL_PHRASINGS = [
    (means, said) for means, phrasings in concept_entries().items() for said in phrasings
]


# ------------------------------------------------------------------ the lexicon itself


@pytest.mark.parametrize("means, phrasing", ALL_PHRASINGS, ids=lambda v: str(v)[:30])
def test_every_phrasing_is_found_and_its_hint_read_off_the_same_list(means, phrasing):
    keys = content_word_tuple(means)
    assert keys, f"{means!r} names no word an id could hold"
    lexicon = Lexicon(keys, content_word_tuple)
    spelled = _spelled(phrasing)
    found = lexicon.meanings(f"Officials said that {spelled} yesterday.")
    assert found and set(keys) <= set().union(*(m.words for m in found)), (phrasing, found)
    # the hint that lets the search run is one the pattern was built from
    assert any(hint in spelled.lower() for hint in lexicon.hints)


def test_a_lexicon_holds_only_the_concepts_its_catalogue_uses():
    lexicon = Catalogue([Indicator("new_arrivals", "New arrivals", "count")]).lexicon
    assert lexicon.meanings("2,400 refugees crossed into Chad")
    assert not lexicon.meanings("1,200 people are sick")  # cases: no indicator of them
    assert not Catalogue(DISTRACTORS).lexicon  # nothing of the lexicon: never searched
    assert Catalogue(DISTRACTORS).lexicon.meanings("2,400 refugees crossed into Chad") == ()


def test_a_phrasing_is_a_whole_word():
    lexicon = Lexicon(content_word_tuple("cases"), content_word_tuple)
    assert lexicon.meanings("the sickle cell clinic") == ()
    assert lexicon.meanings("people who fell ill")


# ------------------------------------------------------------------ matching with it


@PROPERTY
@given(
    count=COUNTS,
    who=st.sampled_from(["Sudanese refugees", "people", "South Sudanese", "asylum-seekers"]),
    phrase=st.sampled_from(["crossed into", "fled into", "streamed into", "poured into"]),
    place=PLACES,
    when=st.sampled_from(["on Thursday", "last week", "in September"]),
    others=DISTRACTOR_SETS,
)
def test_people_crossing_into_a_country_are_new_arrivals(count, who, phrase, place, when, others):
    catalogue = _catalogue(Indicator("new_arrivals", "New arrivals", "count"), others=others)
    text = f"More than {count:,} {who} {phrase} {place} {when}, the agency said."
    assert _ids(text, catalogue) == ["new_arrivals"]


@PROPERTY
@given(
    count=COUNTS,
    disease=st.sampled_from(["cholera", "measles", "mpox", "dengue"]),
    phrase=st.sampled_from(["are sick", "fell ill", "have been infected", "are ill"]),
    place=PLACES,
    others=DISTRACTOR_SETS,
)
def test_people_falling_ill_in_an_outbreak_are_its_cases(count, disease, phrase, place, others):
    cases = Indicator(f"{disease}_cases", f"{disease.capitalize()} cases", "count")
    catalogue = _catalogue(cases, others=others)
    # the outbreak is the report's topic: its headline names the disease
    text = (
        f"{disease.capitalize()} spreads in camps of {place}\n\n"
        f"Health workers are fighting the outbreak. Some {count:,} people {phrase}."
    )
    assert _ids(text, catalogue) == [cases.indicator_id]


@PROPERTY
@given(
    received=st.integers(2, 80),
    required=st.integers(100, 900),
    sector=st.sampled_from(["health", "shelter", "education", "protection"]),
    body=st.sampled_from(["cluster", "sector"]),
    asked=st.sampled_from(["required", "requested", "needed"]),
    others=DISTRACTOR_SETS,
)
def test_money_received_of_what_was_required_is_the_share_funded(
    received, required, sector, body, asked, others
):
    share = round(100 * received / required)
    funded = Indicator(
        f"share_{sector}_{body}_funded", f"{sector.capitalize()} {body} funded", "percent"
    )
    catalogue = _catalogue(funded, others=others)
    text = (
        f"The {sector} {body} has received US$ {received} million of the US$ {required} "
        f"million {asked} for 2025 ({share} percent)."
    )
    assert _ids(text, catalogue)[-1:] == [funded.indicator_id]
    alone = f"The {sector} {body} had received less than {share} percent of its requirements."
    assert _ids(alone, catalogue) == [funded.indicator_id]


@PROPERTY
@given(
    days=st.floats(0.5, 9.5).map(lambda v: round(v, 1)),
    phrase=st.sampled_from(["turned around results", "returned results"]),
    lab=st.sampled_from(["The national laboratory", "The reference laboratory", "Laboratories"]),
)
def test_a_laboratory_returning_results_in_days_is_its_turnaround_time(days, phrase, lab):
    turnaround = Indicator("laboratory_turnaround_time", "Laboratory turnaround time", "days")
    catalogue = _catalogue(turnaround, Indicator("samples_tested", "Samples tested", "count"))
    text = f"{lab} {phrase} in an average of {days} days."
    assert _ids(text, catalogue) == ["laboratory_turnaround_time"]


@PROPERTY
@given(
    share=st.integers(3, 90),
    item=st.sampled_from(["rice", "maize", "sorghum", "wheat flour"]),
    average=st.sampled_from(["five-year average", "seasonal average", "long-term average"]),
    above=st.booleans(),
)
def test_a_price_higher_or_lower_than_its_average_is_above_or_below_it(share, item, average, above):
    slug = item.replace(" ", "_")
    up = Indicator(
        f"{slug}_price_above_average", f"{item.capitalize()} price above average", "percent"
    )
    down = Indicator(
        f"{slug}_price_below_average", f"{item.capitalize()} price below average", "percent"
    )
    catalogue = _catalogue(up, down)
    comparison = "higher" if above else "lower"
    text = f"{item.capitalize()} prices in the region are {share} percent {comparison} than the {average}."
    assert _ids(text, catalogue) == [(up if above else down).indicator_id]


@PROPERTY
@given(
    count=COUNTS,
    phrase=st.sampled_from(
        [
            "were forced from their homes",
            "were driven from their homes",
            "were forced out of their homes",
            "left their homes",
        ]
    ),
    place=PLACES,
)
def test_people_forced_from_their_homes_are_displaced(count, phrase, place):
    catalogue = _catalogue(
        Indicator("people_displaced", "People displaced", "count"),
        Indicator("people_killed", "People killed", "count"),
    )
    text = f"In {place}, {count:,} people {phrase} by the floods."
    assert _ids(text, catalogue) == ["people_displaced"]


# ------------------------------------------------------------------ what it must not do


@PROPERTY
@given(
    count=COUNTS,
    disease=st.sampled_from(["cholera", "measles", "dengue"]),
    phrase=st.sampled_from(["fell ill", "were infected", "were sick"]),
)
def test_a_phrasing_never_takes_a_figure_a_literal_word_names(count, disease, phrase):
    """'deaths' is said: the cases the phrasing means lose, however the catalogue is ordered."""
    cases = Indicator(f"{disease}_cases", f"{disease.capitalize()} cases", "count")
    deaths = Indicator(f"{disease}_deaths", f"{disease.capitalize()} deaths", "count")
    text = f"The {disease} outbreak has caused {count:,} deaths among people who {phrase}."
    for catalogue in (_catalogue(cases, deaths), _catalogue(deaths, cases)):
        assert _ids(text, catalogue) == [deaths.indicator_id]


@PROPERTY
@given(count=COUNTS, place=PLACES)
def test_a_literal_indicator_keeps_its_figure_beside_a_phrasing(count, place):
    """'entered' names the trucks' indicator; 'crossed into' would mean new arrivals."""
    catalogue = _catalogue(
        Indicator("trucks_entered", "Trucks entered", "count"),
        Indicator("new_arrivals", "New arrivals", "count"),
    )
    text = f"{count:,} aid trucks entered {place} after they crossed into the border zone."
    assert _ids(text, catalogue) == ["trucks_entered"]


@PROPERTY
@given(
    count=COUNTS,
    who=st.sampled_from(["Sudanese refugees", "people", "asylum-seekers"]),
    phrase=st.sampled_from(["crossed into", "fled into", "are sick", "perished in"]),
    place=PLACES,
    others=DISTRACTOR_SETS,
)
def test_a_concept_the_catalogue_lacks_proposes_nothing_new(count, who, phrase, place, others):
    """Without an indicator of arrivals, cases or deaths, the figure gets the id the words
    after it give, as though there were no lexicon."""
    catalogue = Catalogue(list(others) or DISTRACTORS[:1])
    assert not catalogue.lexicon
    text = f"More than {count:,} {who} {phrase} {place}."
    after = text[text.index(f"{count:,}") + len(f"{count:,}") :]
    assert _ids(text, catalogue) == [propose("count", "count", after)[0]]


@PROPERTY
@given(
    literal=st.sampled_from(["kill", "injur", "arriv", "displac"]),
    shared=st.sampled_from(["refuge", "children", "women"]),
)
def test_a_meant_word_weighs_less_than_the_word_itself(literal, shared):
    """Two indicators of two keys: the one whose keys the clause says beats the one whose
    second key a phrasing only means, in either order of the catalogue."""
    said_id = f"{shared}_{literal}_said"
    meant_id = f"{shared}_case_meant"
    said = Indicator(said_id, said_id, "count")
    meant = Indicator(meant_id, meant_id, "count")
    said.keys = said.ordered_keys = frozenset({shared, literal})
    meant.keys = meant.ordered_keys = frozenset({shared, "case"})
    for catalogue in (Catalogue([said, meant]), Catalogue([meant, said])):
        clause = [shared, literal]
        found = catalogue.match(
            "count", clause, clause, meant=((frozenset({"case"}), True, frozenset({"sick"})),)
        )
        assert found.indicator_id == said_id
        alone = catalogue.match(
            "count", [shared], [shared], meant=((frozenset({"case"}), True, frozenset({"sick"})),)
        )
        assert alone.indicator_id == meant_id
    assert 0.5 < CONCEPT_WEIGHT < 1


def test_a_phrasing_that_holds_a_not_does_not_negate_its_figure():
    catalogue = Catalogue(
        [
            Indicator("teacher_pay_arrears", "Teacher pay arrears", "months"),
            Indicator("teachers_not_paid", "Teachers not paid", "count"),
        ]
    )
    text = "Teachers in community schools have not been paid for six months."
    assert _ids(text, catalogue) == ["teacher_pay_arrears"]


def test_every_phrasing_says_what_its_own_words_do_not():
    """A phrasing whose words already say its concept ('fled their homes': 'fled' is read as
    displaced) would be searched for nothing: the lexicon holds none."""
    for means, phrasings in concept_entries().items():
        for phrasing in phrasings:
            said = set(content_word_tuple(phrasing.replace("*", "").replace("...", "")))
            assert set(content_word_tuple(means)) - said, (means, phrasing)


def test_the_concept_file_says_what_each_concept_means_in_id_words():
    for means, phrasings in concept_entries().items():
        assert re.fullmatch(r"[a-z ]+", means), means
        assert phrasings and all(p.strip() == p and "  " not in p for p in phrasings), means
        assert not any(p.startswith("...") or p.endswith("...") for p in phrasings), means
