"""Generated cases for a third round of classes of phrasing the unseen reports showed the
extractor misread.

Each class is tested over many numbers, nouns, places and agencies, not one sentence:

- indicators told apart only by a number in their ids (IPC phases, serotypes) take the number
  the text gives the id's word beside the figure ("a further 118,000 in Emergency (IPC Phase
  4)", "followed by DENV-2 (19%)");
- a share of a planned whole ("4,850 households (71 percent of the 6,800 planned)") is the
  share of the target reached, and the whole is the target of what the part achieved;
- a count restated as its share of a whole ("1,640 (86 percent) were followed up daily") is a
  part of that whole, not a rate per day;
- a count named by its noun alone ("Francisco Morazán (38,210 cases)") after the report named
  it in full ("128,440 suspected dengue cases were reported") counts what the first such
  figure counts, when it is no bigger than that total;
- a count's predicate says what happened to those it counts: "1,260 children with severe acute
  malnutrition were admitted for treatment" are admissions, not the children found with it,
  when the clause names both indicators in full (a participle of reporting, "were notified",
  names none); so does the noun right after it ("using 45
  missiles and more than 450 drones" are missiles and drones launched, not the attack the
  sentence and its heading are about);
- a list after a plural word of a level ("in the departments of Francisco Morazán (38,210
  cases), Cortés (29,870) and Atlántida (11,045)") names places, though the gazetteer does not
  know them: each figure is in the name before it;
- people a plan or a fund "will reach" are its target, not people reached;
- a rate's base is the word after " per ", not after any "per" ("minutes per person" is a rate
  per person, not per "son");
- a crop's output is its production: "rice output is down by an estimated 60 per cent" is
  the change in rice production, negative when it is down.

Set PROPERTY_EXAMPLES to run more examples (CI runs the default).
"""

from __future__ import annotations

import os
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from indicators.extract.catalogue import Catalogue, Indicator, unit_family
from indicators.extract.pipeline import extract

EXAMPLES = int(os.environ.get("PROPERTY_EXAMPLES", "100"))
PROPERTY = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
PUBLISHED = date(2025, 10, 14)
AGENCIES = st.sampled_from(["UNICEF", "WHO", "IOM", "the IPC Technical Working Group", "OCHA"])
PLACES = st.sampled_from(["Rakhine", "Kassala", "Tigray", "Borno", "Kasai", "Jonglei", "Sittwe"])
COUNTS = st.integers(1_000, 900_000)


def _catalogue(*rows: tuple[str, str, str]) -> Catalogue:
    return Catalogue([Indicator(i, name, unit, name + ".") for i, name, unit in rows])


def _by_value(text: str, catalogue: Catalogue) -> dict[float, object]:
    observations = extract(text, PUBLISHED, "Agency", catalogue=catalogue).observations
    return {o.value: o for o in observations}


# -- ids told apart by a number ------------------------------------------------------------

PHASE_NAMES = {3: "Crisis", 4: "Emergency", 5: "Catastrophe"}
IPC_CATALOGUE = _catalogue(
    *(
        (f"people_in_ipc_phase_{n}", f"People in IPC Phase {n}", "count")
        for n in sorted(PHASE_NAMES)
    ),
    ("people_displaced", "People displaced", "count"),
)


@PROPERTY
@given(
    phases=st.permutations(sorted(PHASE_NAMES)).map(lambda p: p[:2]),
    first=COUNTS,
    second=COUNTS,
    place=PLACES,
    agency=AGENCIES,
    lead=st.sampled_from(
        [
            "{place}: {a} people are projected to be in {p} and a further {b} in {q}.",
            "In {place}, {agency} estimates that {a} people face {p}, and {b} face {q}.",
            "{agency} said {a} people were classified in {p} in {place} and {b} in {q}.",
            "Some {a} people in {place} are in {p}, while another {b} are in {q}.",
        ]
    ),
    named=st.booleans(),
)
def test_ids_told_apart_by_a_number_take_the_number_beside_the_figure(
    phases, first, second, place, agency, lead, named
):
    if first == second:
        second += 1

    def phase(number: int) -> str:
        if named:
            return f"{PHASE_NAMES[number]} (IPC Phase {number})"
        return f"IPC Phase {number}"

    p, q = phases
    text = lead.format(
        place=place, agency=agency, a=f"{first:,}", b=f"{second:,}", p=phase(p), q=phase(q)
    )
    text = text[0].upper() + text[1:]
    found = _by_value(text, IPC_CATALOGUE)
    assert found[first].indicator_id == f"people_in_ipc_phase_{p}", text
    assert found[second].indicator_id == f"people_in_ipc_phase_{q}", text


@PROPERTY
@given(
    types=st.permutations([1, 2, 3, 4]).map(lambda p: p[:2]),
    shares=st.lists(st.integers(2, 97), min_size=2, max_size=2, unique=True),
    prefix=st.sampled_from(["DENV-", "DENV"]),
    lead=st.sampled_from(
        [
            "Serotype {x} was identified in {a}% of positive samples, followed by {y} ({b}%).",
            "{x} accounted for {a}% of positive samples in {place}, and {y} for {b}%.",
            "In {place}, {x} was found in {a} percent of positive samples; {y} in {b} percent.",
        ]
    ),
    place=PLACES,
)
def test_a_serotype_number_before_the_share_names_its_indicator(types, shares, prefix, lead, place):
    catalogue = _catalogue(
        *(
            (f"share_positive_samples_denv{n}", f"Positive samples with DENV-{n}", "percent")
            for n in (1, 2, 3, 4)
        ),
    )
    x, y = types
    a, b = shares
    text = lead.format(x=f"{prefix}{x}", y=f"{prefix}{y}", a=a, b=b, place=place)
    found = _by_value(text, catalogue)
    assert found[a].indicator_id == f"share_positive_samples_denv{x}", text
    assert found[b].indicator_id == f"share_positive_samples_denv{y}", text


# -- a share of a planned whole ------------------------------------------------------------

ASSISTANCE = st.sampled_from(
    [
        ("cash", "Multipurpose cash of {currency} {amount:,} per {one} was transferred to"),
        ("kits", "Hygiene kits were distributed to"),
        ("vouchers", "Food vouchers were given to"),
        ("tarpaulins", "Partners handed out tarpaulins to"),
    ]
)
RECIPIENTS = st.sampled_from(
    [("households", "household"), ("families", "family"), ("schools", "school")]
)


@PROPERTY
@given(
    assistance=ASSISTANCE,
    recipients=RECIPIENTS,
    reached=st.integers(100, 90_000),
    extra=st.integers(50, 90_000),
    amount=st.integers(20, 9_000),
    currency=st.sampled_from(["BDT", "KES", "CHF"]),
    percent=st.sampled_from(["percent", "per cent"]),
    planned=st.sampled_from(["planned", "targeted"]),
    tail=st.sampled_from([" through mobile money", " in {place}", ""]),
    place=PLACES,
)
def test_a_share_of_a_planned_whole_is_the_target_reached(
    assistance, recipients, reached, extra, amount, currency, percent, planned, tail, place
):
    item, lead = assistance
    many, one = recipients
    whole = reached + extra
    share = round(100 * reached / whole)
    if share in (reached, whole) or share < 2:
        share = 3 if reached != 3 else 4
    catalogue = _catalogue(
        (f"{many}_receiving_{item}", f"{many.capitalize()} receiving {item}", "count"),
        (f"{many}_planned_{item}", f"{many.capitalize()} planned for {item}", "count"),
        (f"{many}_targeted", f"{many.capitalize()} targeted", "count"),
        (f"share_{item}_target_reached", f"{item.capitalize()} target reached", "percent"),
        ("share_appeal_funded", "Appeal funded", "percent"),
    )
    text = (
        lead.format(currency=currency, amount=amount, one=one)
        + f" {reached:,} {many} ({share} {percent} of the {whole:,} {planned})"
        + tail.format(place=place)
        + "."
    )
    found = _by_value(text, catalogue)
    assert found[share].indicator_id == f"share_{item}_target_reached", text
    assert found[whole].indicator_id == f"{many}_planned_{item}", text


# -- a count restated as a share is no rate ------------------------------------------------

FOLLOWED = st.sampled_from(
    [
        ("contacts", "listed", "followed up", "contacts_followed_up", "Contacts followed up"),
        ("patients", "admitted", "visited", "patients_visited", "Patients visited"),
        ("children", "enrolled", "fed", "children_fed", "Children fed"),
        ("households", "registered", "checked", "households_checked", "Households checked"),
    ]
)


@PROPERTY
@given(
    followed=FOLLOWED,
    whole=st.integers(200, 90_000),
    part_share=st.integers(11, 99),
    adverb=st.sampled_from(["daily", "weekly", "every day", "each week"]),
    place=PLACES,
    opening=st.sampled_from(
        ["Of the {w} {n} {l} in {place}, ", "Of the {w} {n} {l} in the past 21 days, "]
    ),
    percent=st.sampled_from(["percent", "per cent", "%"]),
)
def test_a_count_restated_as_its_share_is_no_rate(
    followed, whole, part_share, adverb, place, opening, percent
):
    noun, listed, verb, indicator_id, name = followed
    part = max(1, whole * part_share // 100)
    if part == part_share:
        part += 1
    catalogue = _catalogue(
        (f"{noun}_{listed}", f"{noun.capitalize()} {listed}", "count"),
        (indicator_id, name, "count"),
    )
    gap = "" if percent == "%" else " "
    text = (
        opening.format(w=f"{whole:,}", n=noun, l=listed, place=place)
        + f"{part:,} ({part_share}{gap}{percent}) were {verb} {adverb}."
    )
    text = text[0].upper() + text[1:]
    found = _by_value(text, catalogue)
    assert found[part].indicator_id == indicator_id, text
    assert found[part].unit == "count", text


# -- a count named by its noun alone -------------------------------------------------------

DISEASES = st.sampled_from(["dengue", "cholera", "measles", "mpox", "diphtheria"])


@PROPERTY
@given(
    disease=DISEASES,
    total=st.integers(20_000, 900_000),
    parts=st.lists(st.integers(1_000, 19_000), min_size=1, max_size=3, unique=True),
    places=st.permutations(["Kassala", "Borno", "Kasai", "Jonglei", "Sittwe"]),
    noun=st.sampled_from([("cases", "suspected"), ("deaths", "reported")]),
    lead=st.sampled_from(
        [
            "{What} are concentrated in {places}.",
            "Most {what} were notified in {places}.",
            "The highest numbers were recorded in {places}.",
        ]
    ),
    country=st.sampled_from(["Honduras", "Nigeria", "Bangladesh", "Chad"]),
)
def test_a_count_named_by_its_noun_alone_counts_what_the_report_named_in_full(
    disease, total, parts, places, noun, lead, country
):
    what, participle = noun
    catalogue = _catalogue(
        (f"{disease}_{participle}_{what}", f"{participle.capitalize()} {disease} {what}", "count"),
        (f"severe_{disease}_{what}", f"Severe {disease} {what}", "count"),
        ("health_workers_trained", "Health workers trained", "count"),
    )
    listed = [f"{place} ({part:,} {what})" for place, part in zip(places, parts, strict=False)]
    named = listed[0] if len(listed) == 1 else ", ".join(listed[:-1]) + " and " + listed[-1]
    text = (
        f"Since January, {total:,} {participle} {disease} {what} have been reported in "
        f"{country}. Clinical training has been given to 640 health workers.\n\n"
        + lead.format(What=what.capitalize(), what=what, places=named)
    )
    found = _by_value(text, catalogue)
    for part in parts:
        assert found[part].indicator_id == f"{disease}_{participle}_{what}", text
    # a count no smaller than the total is no part of it; one said of something else keeps it
    bigger = f"{text} The region as a whole counted {total + 5_000:,} {what}."
    assert (
        _by_value(bigger, catalogue)[total + 5_000].indicator_id != f"{disease}_{participle}_{what}"
    )


# -- output is production -------------------------------------------------------------------

SUBJECTS = st.sampled_from(
    [
        ("rice output", "rice_production_change", "Change in rice production"),
        ("maize production", "maize_production_change", "Change in maize production"),
        ("fuel imports", "fuel_imports_change", "Change in fuel imports"),
        ("school enrolment", "school_enrolment_change", "Change in school enrolment"),
    ]
)


@PROPERTY
@given(
    subject=SUBJECTS,
    size=st.integers(2, 95),
    direction=st.sampled_from(["down", "up"]),
    by=st.sampled_from([" by", ""]),
    hedge=st.sampled_from(["an estimated", "about", "some", "nearly", "almost", "roughly"]),
    percent=st.sampled_from(["per cent", "percent"]),
    agency=AGENCIES,
    place=PLACES,
    tail=st.sampled_from([" compared with last year", " on the year before", ""]),
)
def test_output_is_production_in_a_change_up_or_down(
    subject, size, direction, by, hedge, percent, agency, place, tail
):
    words, indicator_id, name = subject
    catalogue = _catalogue(
        (indicator_id, name, "percent"),
        ("share_households_food_insecure", "Households food insecure", "percent"),
    )
    text = (
        f"In {place}, {agency} warns that {words} is {direction}{by} {hedge} {size} {percent}"
        f"{tail}."
    )
    found = extract(text, PUBLISHED, "Agency", catalogue=catalogue).observations
    (change,) = [o for o in found if abs(o.value) == size]
    assert change.indicator_id == indicator_id, text
    assert change.value == (-size if direction == "down" else size), text


# -- the predicate's verb names the indicator ------------------------------------------------

PREDICATES = st.sampled_from(
    [
        (
            "children with severe acute malnutrition",
            "children_severe_acute_malnutrition",
            "admitted for treatment",
            "severe_acute_malnutrition_admissions",
        ),
        (
            "patients with acute watery diarrhoea",
            "patients_acute_watery_diarrhoea",
            "discharged",
            "acute_watery_diarrhoea_discharges",
        ),
        (
            "pregnant women with obstetric complications",
            "pregnant_women_obstetric_complications",
            "evacuated",
            "obstetric_complications_evacuations",
        ),
        (
            "young children with severe wasting",
            "young_children_severe_wasting",
            "vaccinated",
            "severe_wasting_vaccinations",
        ),
    ]
)


@PROPERTY
@given(
    predicate=PREDICATES,
    count=COUNTS,
    auxiliary=st.sampled_from(["were", "have been", "had been"]),
    place=PLACES,
    opening=st.sampled_from(["In {month}, ", "In {place}, ", "Across {place}, ", ""]),
    month=st.sampled_from(["January", "March", "September"]),
    tail=st.sampled_from([" in {place}", " by partners", ""]),
)
def test_a_counts_predicate_names_its_indicator(
    predicate, count, auxiliary, place, opening, month, tail
):
    who, who_id, verb, verb_id = predicate
    catalogue = _catalogue(
        (who_id, who.capitalize(), "count"),
        (verb_id, verb_id.replace("_", " ").capitalize(), "count"),
    )
    text = (
        opening.format(month=month, place=place)
        + f"{count:,} {who} {auxiliary} {verb}"
        + tail.format(place=place)
        + "."
    )
    text = text[0].upper() + text[1:]
    assert _by_value(text, catalogue)[count].indicator_id == verb_id, text
    # without the verb the children found with it stay theirs
    found = f"{text[:-1]}; another {count + 7:,} {who} were found at screening."
    assert _by_value(found, catalogue)[count + 7].indicator_id == who_id, found


# -- a list of places after a plural level --------------------------------------------------

UNKNOWN_PLACES = ["Valle Alto", "Río Seco", "Montaña Verde", "Kibanga", "Lomé-Sud", "Taraza"]


@PROPERTY
@given(
    names=st.permutations(UNKNOWN_PLACES).map(lambda p: p[:3]),
    counts=st.lists(st.integers(1_000, 90_000), min_size=3, max_size=3, unique=True),
    level=st.sampled_from(["departments", "provinces", "districts", "counties", "regions"]),
    lead=st.sampled_from(
        [
            "Cases are concentrated in the {level} of {items}.",
            "Most of the displaced are in the {level} of {items}.",
            "The floods hit hardest across the {level} of {items}.",
        ]
    ),
    serial=st.booleans(),
)
def test_a_list_after_a_plural_level_names_places(names, counts, level, lead, serial):
    items = [f"{name} ({count:,})" for name, count in zip(names, counts, strict=True)]
    joined = ", ".join(items[:-1]) + ("," if serial else "") + " and " + items[-1]
    text = "Situation overview\n\n" + lead.format(level=level, items=joined)
    observations = extract(text, PUBLISHED, "Agency").observations
    placed = {o.value: o.location for o in observations}
    for name, count in zip(names, counts, strict=True):
        assert placed[count] == name, text


# -- "will reach" is a target ----------------------------------------------------------------


@PROPERTY
@given(
    count=COUNTS,
    subject=st.sampled_from(
        ["CERF funding", "The allocation", "The response plan", "The new grant", "The programme"]
    ),
    modal=st.sampled_from(["will", "would"]),
    hedge=st.sampled_from(["an estimated ", "some ", "about ", ""]),
    place=PLACES,
    tail=st.sampled_from([" in {place}", " across {place} by December", ""]),
)
def test_people_a_plan_will_reach_are_its_target(count, subject, modal, hedge, place, tail):
    catalogue = _catalogue(
        ("people_targeted", "People targeted", "count"),
        ("people_reached", "People reached", "count"),
    )
    text = f"{subject} {modal} reach {hedge}{count:,} people" + tail.format(place=place) + "."
    assert _by_value(text, catalogue)[count].indicator_id == "people_targeted", text
    reached = f"Partners reached {hedge}{count:,} people" + tail.format(place=place) + "."
    assert _by_value(reached, catalogue)[count].indicator_id == "people_reached", reached


# -- the noun right after a count names its indicator -------------------------------------

TARGETS = st.sampled_from(
    [
        ("the energy system", "massive_attacks_on_energy_system", "Massive attacks on energy"),
        ("the water network", "attacks_on_water_network", "Attacks on the water network"),
        ("health facilities", "attacks_on_health_facilities", "Attacks on health facilities"),
    ]
)


@PROPERTY
@given(
    target=TARGETS,
    weapons=st.permutations(["missiles", "drones", "rockets", "shells"]).map(lambda p: p[:2]),
    counts=st.lists(st.integers(12, 900), min_size=2, max_size=2, unique=True),
    actor=st.sampled_from(["Russia", "The armed group", "The RSF", "Enemy forces"]),
    when=st.sampled_from(["Overnight", "On Saturday", "Early on Monday"]),
    bound=st.sampled_from(["more than ", "at least ", ""]),
)
def test_the_noun_after_a_count_names_what_it_counts(target, weapons, counts, actor, when, bound):
    words, attack_id, attack_name = target
    catalogue = _catalogue(
        (attack_id, attack_name, "count"),
        *((f"{weapon}_launched", f"{weapon.capitalize()} launched", "count") for weapon in weapons),
    )
    first, second = weapons
    a, b = counts
    text = (
        f"Statement on the attack on {words}\n\n"
        f"{when}, {actor} launched another massive attack on {words}, using {a} {first} and "
        f"{bound}{b} {second}."
    )
    found = _by_value(text, catalogue)
    assert found[a].indicator_id == f"{first}_launched", text
    assert found[b].indicator_id == f"{second}_launched", text


# -- a rate's base ---------------------------------------------------------------------------


@PROPERTY
@given(
    measured=st.sampled_from(["minutes", "cases", "visits", "trucks", "operations"]),
    base=st.sampled_from(["person", "operation", "supermarket", "day", "week", "expert"]),
)
def test_a_rates_base_is_the_word_after_per(measured, base):
    assert unit_family(f"{measured} per {base}") == "rate:" + base.rstrip("s")


@PROPERTY
@given(
    disease=DISEASES,
    cases=st.integers(100, 90_000),
    deaths=st.integers(2, 99),
    verb=st.sampled_from(["notified", "reported", "recorded", "documented"]),
    week=st.integers(2, 52),
)
def test_a_participle_of_reporting_names_no_indicator(disease, cases, deaths, verb, week):
    catalogue = _catalogue(
        (f"{disease}_cases", f"{disease.capitalize()} cases", "count"),
        (f"{disease}_deaths", f"{disease.capitalize()} deaths", "count"),
    )
    text = f"In week {week}, {cases:,} {disease} cases and {deaths} deaths were {verb}."
    assert _by_value(text, catalogue)[deaths].indicator_id == f"{disease}_deaths", text
