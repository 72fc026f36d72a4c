"""Generated cases for the gazetteer's towns and spellings, and for the two places a town's name
does not say where a figure holds.

- A town of a crisis country (`vocabulary/towns.json`, from GeoNames) is a place wherever it
  stands: as the subject of a count ("Montepuez recorded 450 cases"), after a preposition, in
  a list; it lies in its country and takes that country's code.
- A place is found as reports spell it: without its diacritics, and with hyphens for spaces or
  spaces for hyphens ("Deir-ez-Zor" for "Deir ez-Zor"); the figure keeps the spelling the text
  has, and a dateline in capitals gives the name as stored.
- One end of a road named by its two ("on the Bocaranga–Koui axis") names the road, not where
  the figure holds.
- A place name inside a person's name ("said Maria Aden, a nurse") is who speaks, not where.
- A town lies in its country, its region unknown: a report whose title names a region of that
  country ("Kasai Floods: Flash Update") and whose body names the town most covers the region.
- A place the gazetteer lacks, named in a figure's own coordinate clause, is where it holds,
  over a town it knows across ", and" ("highest in Latakia, at 12, and lowest in Kasanga, at 40").

Set PROPERTY_EXAMPLES to run more examples (CI runs the default).
"""

from __future__ import annotations

import json
import os
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from indicators.extract import vocabulary
from indicators.extract.catalogue import Catalogue, Indicator
from indicators.extract.gazetteer import country_of
from indicators.extract.pipeline import extract

EXAMPLES = int(os.environ.get("PROPERTY_EXAMPLES", "100"))
PROPERTY = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
PUBLISHED = date(2025, 11, 14)
PUBLISHER = "Health Cluster"
CATALOGUE = Catalogue(
    [
        Indicator("cholera_cases", "cholera cases", "count", "Cholera cases."),
        Indicator("people_displaced", "people displaced", "count", "People displaced."),
    ]
)
TOWNS = json.loads((vocabulary.FOLDER / "towns.json").read_text("utf-8"))["names"]
# towns that open no longer name of the gazetteer ("Khartoum" opens "Khartoum North")
_NAMES = vocabulary.place_names()
ALONE = sorted(
    town for town in TOWNS if not any(n != town and n.startswith(town + " ") for n in _NAMES)
)
SPELLINGS = vocabulary.place_spellings()
# the spellings with a hyphen or space of their own, of places no longer name begins with
SEPARATED = sorted(
    spelling
    for spelling in SPELLINGS
    if ("-" in spelling or " " in spelling)
    and not any(n != spelling and n.startswith(spelling + " ") for n in _NAMES)
)
CANONICAL = vocabulary.place_canonical()
CODES = vocabulary.place_country_codes()
COUNTS = st.integers(12, 90_000)


def _observations(text: str):
    result = extract(text, PUBLISHED, PUBLISHER, catalogue=CATALOGUE)
    assert not result.failures, result.failures
    return result.observations


def test_each_town_lies_in_a_country_of_the_gazetteer_with_its_code():
    assert len(TOWNS) > 1000  # the file holds the towns, not a sample
    for town, country in TOWNS.items():
        assert country_of(town) == country, town
        assert CODES[town] == CODES[country], town
        assert "city" in {
            level for level, names in vocabulary.place_levels().items() if town in names
        }


@PROPERTY
@given(
    town=st.sampled_from(ALONE),
    verb=st.sampled_from(["recorded", "reported", "registered"]),
    count=COUNTS,
)
def test_a_town_as_the_subject_of_a_count_is_where_it_holds(town, verb, count):
    text = f"{town} {verb} {count:,} cholera cases last week."
    (observation,) = _observations(text)
    assert observation.location == town, (text, observation)
    assert observation.attributed_to == PUBLISHER, (text, observation)


@PROPERTY
@given(
    town=st.sampled_from(ALONE),
    opening=st.sampled_from(["Fighting near", "Clashes in", "Floods across"]),
    count=COUNTS,
)
def test_a_town_after_a_preposition_is_where_it_holds(town, opening, count):
    text = f"{opening} {town} displaced {count:,} people in October, the agency said."
    (observation,) = _observations(text)
    assert observation.location == town, (text, observation)


@PROPERTY
@given(spelling=st.sampled_from(SEPARATED), count=COUNTS)
def test_a_place_is_found_as_the_text_spells_it(spelling, count):
    # "in Deir-ez-Zor" and "in Deir ez Zor" are the gazetteer's Deir ez-Zor, and each is kept
    # as written; the place lies where the place it spells does
    text = f"More than {count:,} cholera cases were reported in {spelling} last week."
    (observation,) = _observations(text)
    # ("Cox’s-Bazar" is Cox's Bazar, as "Cox’s Bazar" is)
    assert observation.location == CANONICAL.get(spelling, spelling), (text, observation)
    stored = SPELLINGS[spelling]
    assert CODES.get(spelling) == CODES.get(stored), spelling


@PROPERTY
@given(
    spelling=st.sampled_from(
        sorted(
            s
            for s in SPELLINGS
            if (not s.isascii() or "-" in s) and not any(c.isdigit() for c in s)
        )
    )
)
def test_a_dateline_in_capitals_gives_the_place_as_stored(spelling):
    from indicators.extract.report_places import dateline_places

    head = f"Floods displace thousands\n\n{spelling.upper()}, 3 April 2025 (Wire) - "
    stored = SPELLINGS[spelling]
    assert dateline_places(head) == [CANONICAL.get(stored, stored)], head


@PROPERTY
@given(
    towns=st.lists(st.sampled_from(ALONE), min_size=2, max_size=2, unique=True),
    dash=st.sampled_from(["–", "-", "—"]),
    road=st.sampled_from(["axis", "road", "corridor", "highway", "supply route"]),
    count=COUNTS,
)
def test_the_ends_of_a_road_are_not_where_its_figures_hold(towns, dash, road, count):
    first, second = towns
    text = (
        "Insecurity is rising in Ouham-Pendé.\n\n"
        f"Armed groups displaced {count:,} people on the {first}{dash}{second} {road} in March."
    )
    observation = _observations(text)[-1]
    assert observation.location not in (first, second), (text, observation)


@PROPERTY
@given(
    town=st.sampled_from([town for town in ALONE if town.isalpha()]),  # a surname's one word
    given_name=st.sampled_from(["Maria", "Ahmed", "Grace", "Ibrahim", "Fatuma"]),
    role=st.sampled_from(["a nurse", "the health officer", "a community leader"]),
    count=COUNTS,
)
def test_a_town_in_a_persons_name_is_not_where(town, given_name, role, count):
    text = (
        "Cholera is spreading in Borno.\n\n"
        f'"We counted {count:,} cholera cases this month," said {given_name} {town}, {role}.'
    )
    observation = _observations(text)[-1]
    assert observation.attributed_to == f"{given_name} {town}", (text, observation)
    assert observation.location != town, (text, observation)


UNKNOWN = st.builds(
    "{}{}".format,
    st.sampled_from(["Kasa", "Mugu", "Tsiho", "Kale", "Bwam", "Nyako"]),
    st.sampled_from(["nga", "mbe", "he", "ra", "tuka"]),
)


@PROPERTY
@given(
    town=st.sampled_from(ALONE),
    unknown=UNKNOWN,
    known_first=st.booleans(),
    counts=st.lists(COUNTS, min_size=2, max_size=2, unique=True),
)
def test_each_coordinate_clause_keeps_its_place_known_or_not(town, unknown, known_first, counts):
    first, second = (town, unknown) if known_first else (unknown, town)
    text = (
        f"Cholera cases were highest in {first}, at {counts[0]:,}, "
        f"and lowest in {second}, at {counts[1]:,}."
    )
    found = {o.value: o.location for o in _observations(text)}
    assert found.get(counts[0]) == first and found.get(counts[1]) == second, (text, found)


_SUBDIVISIONS = json.loads((vocabulary.FOLDER / "subdivisions.json").read_text("utf-8"))["names"]
_REGIONS_OF: dict[str, list[str]] = {}
for _region, _country in sorted(_SUBDIVISIONS.items()):
    if _region.isalpha():  # one word, that opens no longer name
        _REGIONS_OF.setdefault(_country, []).append(_region)
TOWN_AND_REGION = st.sampled_from(
    [town for town in ALONE if town.isalpha() and TOWNS[town] in _REGIONS_OF]
).flatmap(lambda town: st.tuples(st.just(town), st.sampled_from(_REGIONS_OF[TOWNS[town]])))


@PROPERTY
@given(pair=TOWN_AND_REGION, hazard=st.sampled_from(["Floods", "Cholera Outbreak", "Displacement"]))
def test_a_title_region_covers_a_town_whose_region_is_unknown(pair, hazard):
    town, region = pair
    text = (
        f"{region} {hazard}: Flash Update No. 2\n{town}, 14 October 2025\n\n"
        f"Partners have reached 86 per cent of the monthly target. The transit centre in "
        f"{town} now holds 112 children, and a second site in {town} opened in July."
    )
    found = {o.value: o.location for o in _observations(text)}
    assert found.get(86) == region, (text, found)
