"""Generated cases for the new indicators proposed for figures the catalogue has no indicator
for, and for the dates around such figures.

Most figures of a report from another crisis match no indicator of a small catalogue, so what
the extractor proposes is what an analyst reviews:

- a past verb just before the figure names what happened to what it counts ("Shelling killed
  12 people": `people_killed`), past its hedge ("displaced an estimated 4,000 families"), not a
  verb of reporting ("recorded 300 cases": `cases`), and not for money, which is named by what
  it is for;
- a count after an aim ("plans to reach 300,000 people", "US$ 78 million to assist 760,000
  people") is what is targeted (`people_targeted`);
- "killed 12 people and injured 19", "37 civilians were killed and dozens wounded": the words
  after "and" are not the first figure's; the second verb is the second figure's,
  and the second figure does not take the first one's indicator;
- a preposition ("before the next storm", "across the region") and a date phrase end the
  words the id is made of ("so far this year", "last week", "between
  early March and mid-April" are no part of an id);
- a share its subject changed by ("food prices rose by 40 percent", "rations were cut by half")
  is a change in percent of the subject (`food_prices_change`), negative for a fall;
- a bare figure with a verb of its own ("including 18,200 that were destroyed", "another 96,000
  are staying with relatives") counts what the figure before it counts, with its own verb
  (`houses_destroyed`, `people_staying`), not the figure before's indicator;
- a date after a list of figures, each with its noun, dates each of them ("188 deaths, 640
  injuries and 135 missing persons as of 7 November");
- "so far in November", "so far in 2025" are periods from that month's or year's start;
- a date after a figure that follows a speaker's verb is the figure's period, not the day the
  speaker spoke ("Health officials recorded 300 cases in October").

Set PROPERTY_EXAMPLES to run more examples (CI runs the default).
"""

from __future__ import annotations

import os
from datetime import date

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
PUBLISHED = date(2025, 11, 14)
# a catalogue that holds none of the figures below: each is proposed
CATALOGUE = Catalogue([Indicator("rainfall_mm", "rainfall", "mm", "Rainfall in millimetres.")])
SUBJECTS = st.sampled_from(["Shelling", "The floods", "Partners", "Clashes", "The storm"])
VERBS = st.sampled_from(["killed", "displaced", "reached", "evacuated", "injured", "sheltered"])
NOUNS = st.sampled_from(["people", "children", "families", "civilians", "households"])
PLACES = st.sampled_from(["Kharkiv", "Goma", "Maiduguri", "Sittwe", "Port-au-Prince"])
COUNTS = st.integers(12, 900_000)
HEDGES = st.sampled_from(["", "an estimated ", "at least ", "some ", "nearly "])


def _observations(text: str):
    return extract(text, PUBLISHED, "Agency", catalogue=CATALOGUE).observations


@PROPERTY
@given(subject=SUBJECTS, verb=VERBS, noun=NOUNS, place=PLACES, count=COUNTS, hedge=HEDGES)
def test_a_past_verb_before_a_figure_names_what_happened(subject, verb, noun, place, count, hedge):
    text = f"{subject} {verb} {hedge}{count:,} {noun} in {place}."
    (observation,) = _observations(text)
    assert observation.indicator_is_new, observation
    assert observation.indicator_id == f"{noun}_{verb}", (text, observation.indicator_id)


@PROPERTY
@given(
    subject=st.sampled_from(["Health officials", "The ministry", "Partners", "Surveillance teams"]),
    verb=st.sampled_from(["recorded", "reported", "counted", "documented"]),
    disease=st.sampled_from(["cholera", "measles", "dengue", "mpox"]),
    count=COUNTS,
    month=st.integers(1, 10),
)
def test_a_verb_of_reporting_names_nothing_and_its_date_is_the_figures(
    subject, verb, disease, count, month
):
    month_name = date(2025, month, 1).strftime("%B")
    text = f"{subject} {verb} {count:,} {disease} cases in {month_name}."
    (observation,) = _observations(text)
    assert observation.indicator_id == f"{disease}_cases", (text, observation.indicator_id)
    # the month after the figure dates the cases, not the reporting
    assert observation.period_start == f"2025-{month:02d}-01", (text, observation)
    assert observation.reported_on == PUBLISHED.isoformat(), (text, observation)


@PROPERTY
@given(
    donor=st.sampled_from(["The European Union", "Germany", "The fund", "Japan"]),
    verb=st.sampled_from(["released", "allocated", "announced", "pledged"]),
    amount=st.integers(2, 90),
    purpose=st.sampled_from(["emergency aid", "refugee health", "flood response"]),
)
def test_money_is_named_by_what_it_is_for(donor, verb, amount, purpose):
    text = f"{donor} {verb} EUR {amount}m for {purpose}."
    (observation,) = _observations(text)
    assert observation.indicator_id == purpose.replace(" ", "_") + "_eur", observation


@PROPERTY
@given(
    subject=SUBJECTS,
    verbs=st.lists(VERBS, min_size=2, max_size=2, unique=True),
    noun=NOUNS,
    counts=st.lists(COUNTS, min_size=2, max_size=2, unique=True),
)
def test_two_verbs_joined_by_and_are_two_indicators(subject, verbs, noun, counts):
    first, second = verbs
    text = f"{subject} {first} {counts[0]:,} {noun} and {second} {counts[1]:,}."
    found = {o.value: o.indicator_id for o in _observations(text)}
    assert first in found[counts[0]].split("_"), (text, found)
    assert second not in found[counts[0]].split("_"), (text, found)
    assert second in found[counts[1]].split("_"), (text, found)
    assert first not in found[counts[1]].split("_"), (text, found)


DATE_PHRASES = st.sampled_from(
    [
        ("so far this year", {"far", "year"}),
        ("last week", {"last", "week"}),
        ("in the past month", {"past", "month"}),
        ("between early March and mid-April", {"early", "mid", "march", "april"}),
        ("since January", {"since", "january"}),
        ("so far in November", {"far", "november"}),
    ]
)


@PROPERTY
@given(
    agency=st.sampled_from(["WFP", "UNHCR", "The Red Cross", "IOM"]),
    thing=st.sampled_from(["food parcels", "hygiene kits", "shelter kits", "water tanks"]),
    phrase=DATE_PHRASES,
    count=COUNTS,
)
def test_a_date_phrase_is_no_part_of_a_proposed_id(agency, thing, phrase, count):
    stated, words = phrase
    text = f"{agency} has handed out {count:,} {thing} {stated}."
    (observation,) = _observations(text)
    assert not words & set(observation.indicator_id.split("_")), (text, observation.indicator_id)
    assert observation.period_as_stated == stated, (text, observation)


@PROPERTY
@given(
    count=COUNTS,
    when=st.sampled_from(
        [
            ("so far in November", "2025-11-01", "month"),
            ("so far in March 2025", "2025-03-01", "month"),
            ("so far in 2024", "2024-01-01", "year"),
            ("so far this month", "2025-11-01", "month"),
        ]
    ),
    opening=st.booleans(),
)
def test_so_far_in_a_month_or_year_runs_from_its_start(count, when, opening):
    stated, start, precision = when
    text = (
        f"{stated[0].upper() + stated[1:]}, {count:,} people have arrived in the camps."
        if opening
        else f"Some {count:,} people have arrived in the camps {stated}."
    )
    result = extract(text, PUBLISHED, "Agency", catalogue=CATALOGUE)
    assert not result.failures, result.failures
    (observation,) = result.observations
    assert (observation.period_start, observation.period_precision) == (start, precision), (
        text,
        observation,
    )
    assert observation.period_end == "", observation


@PROPERTY
@given(
    noun=NOUNS,
    count=COUNTS,
    tail=st.sampled_from(
        ["before the next storm", "across the region", "during the floods", "after the attack"]
    ),
)
def test_a_preposition_ends_the_words_of_an_id(noun, count, tail):
    text = f"Partners need shelter for {count:,} {noun} {tail}."
    (observation,) = _observations(text)
    assert observation.indicator_id.split("_")[-1] == noun, (text, observation.indicator_id)


@PROPERTY
@given(
    who=st.sampled_from(
        ["WFP plans", "The plan aims", "The appeal seeks US$ 12 million", "UNICEF intends"]
    ),
    verb=st.sampled_from(["reach", "assist", "support", "help"]),
    noun=NOUNS,
    count=COUNTS,
)
def test_a_count_after_an_aim_is_what_is_targeted(who, verb, noun, count):
    text = f"{who} to {verb} {count:,} {noun} in the coming months."
    found = {o.value: o for o in _observations(text)}
    assert found[count].indicator_id == f"{noun}_targeted", (text, found[count].indicator_id)


@PROPERTY
@given(
    verbs=st.lists(VERBS, min_size=2, max_size=2, unique=True),
    noun=NOUNS,
    count=COUNTS,
    others=st.sampled_from(["dozens", "many more", "scores", "hundreds"]),
    place=PLACES,
)
def test_the_words_after_a_whole_predicate_and_and_are_not_the_figures(
    verbs, noun, count, others, place
):
    first, second = verbs
    text = f"At least {count:,} {noun} were {first} and {others} {second} in {place}."
    found = {o.value: o.indicator_id for o in _observations(text)}
    assert found[count] == f"{noun}_{first}", (text, found)


@PROPERTY
@given(
    subject=st.sampled_from(["Food prices", "Water supply", "School attendance", "Rations"]),
    verb=st.sampled_from(
        [("rose by", 1), ("increased by", 1), ("fell by", -1), ("dropped by", -1)]
        + [("were cut by", -1), ("has been reduced by", -1), ("climbed by", 1)]
    ),
    size=st.sampled_from([("40 percent", 40.0), ("a quarter", 25.0), ("half", 50.0)]),
    month=st.integers(1, 10),
)
def test_a_share_a_subject_changed_by_is_its_change(subject, verb, size, month):
    words, sign = verb
    stated, value = size
    month_name = date(2025, month, 1).strftime("%B")
    text = f"{subject} {words} {stated} in {month_name}."
    (observation,) = _observations(text)
    assert observation.indicator_id == subject.lower().replace(" ", "_") + "_change", (
        text,
        observation.indicator_id,
    )
    assert (observation.value, observation.unit) == (sign * value, "percent"), (text, observation)


THINGS = st.sampled_from(["houses", "schools", "health facilities", "water points", "shelters"])


@PROPERTY
@given(
    thing=THINGS,
    verbs=st.lists(
        st.sampled_from(["damaged", "destroyed", "looted", "flooded"]),
        min_size=2,
        max_size=2,
        unique=True,
    ),
    counts=st.lists(COUNTS, min_size=2, max_size=2, unique=True),
    join=st.sampled_from([", including {n} that were", " and {n} were", ", of which {n} were"]),
)
def test_a_bare_figure_with_a_verb_of_its_own_counts_what_the_figure_before_counts(
    thing, verbs, counts, join
):
    first, second = verbs
    whole, part = counts
    text = f"More than {whole:,} {thing} were {first}{join.format(n=f'{part:,}')} {second}."
    found = {o.value: o.indicator_id for o in _observations(text)}
    noun = thing.replace(" ", "_")
    assert found[whole] == f"{noun}_{first}", (text, found)
    assert found[part] == f"{noun}_{second}", (text, found)


@PROPERTY
@given(
    noun=NOUNS,
    # (a bare count of a dozen after "another" is no figure the extractor reads)
    counts=st.lists(st.integers(1_200, 900_000), min_size=2, max_size=2, unique=True),
    place=PLACES,
)
def test_another_bare_figure_with_its_own_verb_is_not_the_figure_before(noun, counts, place):
    text = (
        f"About {counts[0]:,} {noun} remain in camps in {place}, while another {counts[1]:,} "
        "are staying with relatives."
    )
    found = {o.value: o.indicator_id for o in _observations(text)}
    assert found[counts[1]] == f"{noun}_staying", (text, found)


LIST_NOUNS = ["deaths", "injuries", "missing persons", "food packs", "hygiene kits", "tents"]


@PROPERTY
@given(
    nouns=st.lists(st.sampled_from(LIST_NOUNS), min_size=2, max_size=4, unique=True),
    counts=st.lists(COUNTS, min_size=4, max_size=4, unique=True),
    when=st.sampled_from(
        [
            ("as of 7 November", "2025-11-07"),
            ("since 5 November", "2025-11-05"),
            ("in October", "2025-10-01"),
            ("between 1 and 6 November", "2025-11-01"),
        ]
    ),
    verb=st.sampled_from(["reported", "distributed", "confirmed"]),
)
def test_a_date_after_a_list_of_figures_dates_each_of_them(nouns, counts, when, verb):
    stated, start = when
    items = [f"{count:,} {noun}" for count, noun in zip(counts, nouns)]
    listed = ", ".join(items[:-1]) + " and " + items[-1]
    text = f"Partners {verb} {listed} {stated}."
    found = {o.value: o for o in _observations(text)}
    for count in counts[: len(nouns)]:
        assert found[count].period_start == start, (text, found[count])
        assert found[count].period_as_stated == stated, (text, found[count])
