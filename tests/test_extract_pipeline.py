"""The whole extractor: golden report files, the seed reports, and robustness."""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from benchmarks.extraction_quality import (
    event_differences,
    observation_differences,
    score_fixtures,
    score_seeds,
    totals,
)
from indicators.extract.catalogue import Catalogue
from indicators.extract.pipeline import extract
from tests.conftest import REPO_ROOT

REPORTS = Path(__file__).resolve().parent / "fixtures" / "reports"
CATALOGUE = Catalogue.from_csv(REPO_ROOT / "data" / "indicators.csv", REPORTS / "indicators.csv")
GOLDEN = sorted(REPORTS.glob("*.expected.json"))
# The line reached on the fixture reports; lower it only with a reason.
MIN_PRECISION = 0.95
MIN_RECALL = 0.95
MIN_UNIT_ACCURACY = 0.95
MIN_PER_REPORT = 0.95
# Location accuracy: 0.95 overall and on each report.
MIN_LOCATION_ACCURACY = 0.95
MIN_LOCATION_PER_REPORT = 0.95
# The reports written after the rules, in genres the rules were not written for (the fixture
# README says which classes they still miss): the line they reach, to be raised, never lowered.
UNSEEN = REPORTS / "unseen"
# the whole folder: the first six reports, the agency reports, the news and press texts, the
# field reports and the agency updates; these lines alone fall when a batch is added (see the
# folder's README)
MIN_UNSEEN_PRECISION = 0.84
MIN_UNSEEN_RECALL = 0.85
# their places (see the folder's README)
MIN_UNSEEN_LOCATION_ACCURACY = 0.96
# the first six of them (bulletins, surveys, a snapshot), held at the line they reached alone
FIRST_UNSEEN = (
    "ethiopia_ocha_humanitarian_snapshot",
    "kenya_wash_cluster_bulletin",
    "madagascar_ipc_food_insecurity_analysis",
    "niger_smart_nutrition_survey",
    "syria_wfp_market_price_bulletin",
    "uganda_mpox_epidemiological_bulletin",
)
MIN_FIRST_UNSEEN_PRECISION = 0.91
MIN_FIRST_UNSEEN_RECALL = 0.93
# 115 of 117 matched rows ("the region" read as the region named before)
MIN_FIRST_UNSEEN_LOCATION_ACCURACY = 0.98
# the fourth batch (field reports), held at the line it reached alone
FOURTH_UNSEEN = (
    "bangladesh_ifrc_dref_operation_update",
    "lao_uxo_mine_action_quarterly_update",
    "somalia_fews_net_food_security_outlook",
    "south_sudan_unhcr_sudan_arrivals_update",
    "tanzania_who_marburg_disease_outbreak_news",
    "yemen_pledging_event_press_release",
)
MIN_FOURTH_UNSEEN_PRECISION = 0.90
MIN_FOURTH_UNSEEN_RECALL = 0.90
MIN_FOURTH_UNSEEN_LOCATION_ACCURACY = 0.96
# the fifth batch (agency updates: a situation report, a flash update, an NGO press release, a
# migrant route update, a famine review alert, a briefing note), held at the line it reached alone
FIFTH_UNSEEN = (
    "central_mediterranean_iom_missing_migrants_update",
    "lebanon_acaps_briefing_note",
    "myanmar_unicef_humanitarian_situation_report",
    "nigeria_ocha_floods_flash_update",
    "south_sudan_famine_review_committee_alert",
    "sudan_msf_tawila_press_release",
)
MIN_FIFTH_UNSEEN_PRECISION = 0.87
MIN_FIFTH_UNSEEN_RECALL = 0.85
MIN_FIFTH_UNSEEN_LOCATION_ACCURACY = 0.96
# the sixth batch (an earthquake situation report, a regional refugee and migrant response
# update, a protection cluster dashboard, a WHO grade 3 emergency situation report, an NGO
# typhoon press release, a drought early-warning bulletin), held at the line it reached with
# its rules (scored blind at 0.552, 0.552 and 0.522)
SIXTH_UNSEEN = (
    "afghanistan_ocha_earthquake_situation_report",
    "burkina_faso_protection_cluster_dashboard",
    "drc_who_grade3_emergency_situation_report",
    "kenya_ndma_drought_early_warning_bulletin",
    "philippines_save_the_children_typhoon_press_release",
    "r4v_regional_refugee_migrant_response_update",
)
MIN_SIXTH_UNSEEN_PRECISION = 0.78
MIN_SIXTH_UNSEEN_RECALL = 0.80
MIN_SIXTH_UNSEEN_LOCATION_ACCURACY = 0.88
# the seventh batch (an ICRC operational update, a humanitarian needs overview summary, a cash
# working group market update, an access snapshot, a cyclone flash update, a wire story on an
# attack), held at the line it reached with its rules (scored blind at 0.522, 0.561 and 0.750)
SEVENTH_UNSEEN = (
    "colombia_icrc_operational_update",
    "iraq_cash_working_group_market_monitoring",
    "mali_attack_wire_story",
    "syria_humanitarian_needs_overview_summary",
    "vanuatu_cyclone_flash_update",
    "west_bank_ocha_access_snapshot",
)
MIN_SEVENTH_UNSEEN_PRECISION = 0.81
MIN_SEVENTH_UNSEEN_RECALL = 0.84
MIN_SEVENTH_UNSEEN_LOCATION_ACCURACY = 0.98
# the eighth batch (an agency situation report, an emergency appeal extracted from a PDF, a
# measles outbreak update, a country brief, a Security Council briefing, a desert locust
# update), held at the line it reached with its rules (scored blind at 0.430, 0.468 and 0.981)
EIGHTH_UNSEEN = (
    "chad_wfp_country_brief",
    "ethiopia_fao_desert_locust_update",
    "gaza_unrwa_situation_report",
    "pakistan_who_measles_outbreak_update",
    "sudan_security_council_briefing",
    "turkiye_ifrc_earthquake_emergency_appeal",
)
MIN_EIGHTH_UNSEEN_PRECISION = 0.61
MIN_EIGHTH_UNSEEN_RECALL = 0.64
MIN_EIGHTH_UNSEEN_LOCATION_ACCURACY = 0.98
# the forty-two before it, held where they stood when it came
MIN_FORTY_TWO_UNSEEN_PRECISION = 0.87
MIN_FORTY_TWO_UNSEEN_RECALL = 0.88
MIN_FORTY_TWO_UNSEEN_LOCATION_ACCURACY = 0.96
# the thirty-six before it, held where they stood when it came
MIN_EARLIER_UNSEEN_PRECISION = 0.88
MIN_EARLIER_UNSEEN_RECALL = 0.88
MIN_EARLIER_UNSEEN_LOCATION_ACCURACY = 0.95
# the seeds: every row placed ("President Donald Trump ..." is in the United States)
MIN_SEED_LOCATION_ACCURACY = 1.0


def test_there_are_enough_golden_reports_of_several_kinds():
    kinds = {json.loads(path.read_text("utf-8"))["kind"] for path in GOLDEN}
    assert len(GOLDEN) >= 20
    assert {"situation report", "briefing", "news article", "press release"} <= kinds


def test_every_golden_figure_fixes_its_unit():
    for path in GOLDEN:
        for row in json.loads(path.read_text("utf-8"))["observations"]:
            assert row.get("unit"), (path.name, row["value_as_stated"])


@pytest.mark.parametrize("golden_path", GOLDEN, ids=lambda p: p.name.removesuffix(".expected.json"))
def test_golden_report(golden_path):
    golden = json.loads(golden_path.read_text("utf-8"))
    text = golden_path.with_name(golden_path.name.replace(".expected.json", ".txt")).read_text(
        "utf-8"
    )
    result = extract(
        text, date.fromisoformat(golden["published"]), golden["publisher"], catalogue=CATALOGUE
    ).as_dict()
    for expected in golden["observations"]:
        differences = [observation_differences(expected, got) for got in result["observations"]]
        assert [] in differences, (
            f"{expected['indicator_id']} {expected['value_as_stated']!r}: closest differs in {min(differences, key=len)}"
        )
    for expected in golden["events"]:
        differences = [event_differences(expected, got) for got in result["events"]]
        assert [] in differences, (
            f"{expected['kind']}: closest differs in {min(differences, key=len, default=['(no events)'])}"
        )


def test_precision_recall_and_unit_accuracy_hold_the_line():
    scores = score_fixtures()
    total = totals(scores)
    assert total.precision >= MIN_PRECISION and total.recall >= MIN_RECALL, (
        total.precision,
        total.recall,
    )
    assert total.unit_accuracy >= MIN_UNIT_ACCURACY, total.unit_accuracy
    assert total.location_accuracy >= MIN_LOCATION_ACCURACY, total.location_accuracy
    for score in scores:
        assert score.precision >= MIN_PER_REPORT and score.recall >= MIN_PER_REPORT, score.name
        assert score.unit_accuracy >= MIN_PER_REPORT, (score.name, score.unit_errors)
        assert score.location_accuracy >= MIN_LOCATION_PER_REPORT, score.location_errors


def test_unseen_reports_hold_their_line():
    scores = score_fixtures(UNSEEN)
    total = totals(scores)
    assert len(scores) >= 48
    assert total.precision >= MIN_UNSEEN_PRECISION, (total.precision, total.extras)
    assert total.recall >= MIN_UNSEEN_RECALL, total.recall
    assert total.unit_accuracy >= MIN_UNIT_ACCURACY, [s.unit_errors for s in scores]
    assert total.location_accuracy >= MIN_UNSEEN_LOCATION_ACCURACY, [
        s.location_errors for s in scores
    ]
    first = totals([s for s in scores if s.name in FIRST_UNSEEN])
    assert first.expected and first.precision >= MIN_FIRST_UNSEEN_PRECISION, (
        first.precision,
        first.extras,
    )
    assert first.recall >= MIN_FIRST_UNSEEN_RECALL, first.recall
    assert first.location_accuracy >= MIN_FIRST_UNSEEN_LOCATION_ACCURACY, first.location_errors
    fourth = totals([s for s in scores if s.name in FOURTH_UNSEEN])
    assert fourth.expected and fourth.precision >= MIN_FOURTH_UNSEEN_PRECISION, fourth.extras
    assert fourth.recall >= MIN_FOURTH_UNSEEN_RECALL, fourth.recall
    assert fourth.location_accuracy >= MIN_FOURTH_UNSEEN_LOCATION_ACCURACY, fourth.location_errors
    fifth = totals([s for s in scores if s.name in FIFTH_UNSEEN])
    assert fifth.expected and fifth.precision >= MIN_FIFTH_UNSEEN_PRECISION, fifth.extras
    assert fifth.recall >= MIN_FIFTH_UNSEEN_RECALL, fifth.recall
    assert fifth.location_accuracy >= MIN_FIFTH_UNSEEN_LOCATION_ACCURACY, fifth.location_errors
    sixth = totals([s for s in scores if s.name in SIXTH_UNSEEN])
    assert sixth.expected and sixth.precision >= MIN_SIXTH_UNSEEN_PRECISION, sixth.extras
    assert sixth.recall >= MIN_SIXTH_UNSEEN_RECALL, sixth.recall
    assert sixth.location_accuracy >= MIN_SIXTH_UNSEEN_LOCATION_ACCURACY, sixth.location_errors
    seventh = totals([s for s in scores if s.name in SEVENTH_UNSEEN])
    assert seventh.expected and seventh.precision >= MIN_SEVENTH_UNSEEN_PRECISION, seventh.extras
    assert seventh.recall >= MIN_SEVENTH_UNSEEN_RECALL, seventh.recall
    assert seventh.location_accuracy >= MIN_SEVENTH_UNSEEN_LOCATION_ACCURACY, (
        seventh.location_errors
    )
    eighth = totals([s for s in scores if s.name in EIGHTH_UNSEEN])
    assert eighth.expected and eighth.precision >= MIN_EIGHTH_UNSEEN_PRECISION, eighth.extras
    assert eighth.recall >= MIN_EIGHTH_UNSEEN_RECALL, eighth.recall
    assert eighth.location_accuracy >= MIN_EIGHTH_UNSEEN_LOCATION_ACCURACY, eighth.location_errors
    forty_two = totals([s for s in scores if s.name not in EIGHTH_UNSEEN])
    assert forty_two.precision >= MIN_FORTY_TWO_UNSEEN_PRECISION, forty_two.extras
    assert forty_two.recall >= MIN_FORTY_TWO_UNSEEN_RECALL, forty_two.recall
    assert forty_two.location_accuracy >= MIN_FORTY_TWO_UNSEEN_LOCATION_ACCURACY, (
        forty_two.location_errors
    )
    earlier = totals([s for s in scores if s.name not in SEVENTH_UNSEEN + EIGHTH_UNSEEN])
    assert earlier.precision >= MIN_EARLIER_UNSEEN_PRECISION, earlier.extras
    assert earlier.recall >= MIN_EARLIER_UNSEEN_RECALL, earlier.recall
    assert earlier.location_accuracy >= MIN_EARLIER_UNSEEN_LOCATION_ACCURACY, (
        earlier.location_errors
    )


def test_every_quote_is_verbatim_at_its_offsets():
    for path in REPORTS.rglob("*.txt"):
        text = path.read_text("utf-8")
        result = extract(text, date(2025, 7, 1), "P", catalogue=CATALOGUE)
        for row in result.observations + result.events:
            assert text[row.quote_start : row.quote_end] == row.quote
        for observation in result.observations:
            assert observation.value_as_stated.lower() in observation.quote.lower()
            assert observation.qualifier.lower() in observation.quote.lower()
            assert observation.period_as_stated in observation.quote


def test_seed_reports_round_trip_into_the_shipped_tables(seeds_dir):
    scores = score_seeds(seeds_dir, REPO_ROOT / "data")
    assert len(scores) == 2
    for score in scores:
        assert score.misses == [], score.misses
        assert score.location_accuracy >= 0.9, score.location_errors
    assert totals(scores).location_accuracy >= MIN_SEED_LOCATION_ACCURACY


def test_seed_figures_carry_their_attribution_and_period(seeds_dir):
    text = (seeds_dir / "000_a392ad57c68e2500.txt").read_text("utf-8")
    catalogue = Catalogue.from_csv(REPO_ROOT / "data" / "indicators.csv")
    result = extract(text, date(2025, 7, 24), "Politico", catalogue=catalogue)
    water = next(
        o for o in result.observations if o.indicator_id == "share_households_severe_water_shortage"
    )
    assert (water.value, water.reported_on, water.reported_on_as_stated) == (
        95,
        "2025-07-23",
        "Wednesday",
    )
    assert water.attributed_to == "WHO Director-General Tedros Adhanom Ghebreyesus"
    assert water.period_start == ""  # present tense: as of the day it was said
    blockade = next(e for e in result.events if e.kind == "blockade")
    assert (blockade.start_as_stated, blockade.end_as_stated) == ("early March", "mid-May")


def test_shipped_rows_quote_the_seed_text_as_the_extractor_does(seeds_dir):
    with open(REPO_ROOT / "data" / "observations.csv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    text = (seeds_dir / "000_a392ad57c68e2500.txt").read_text("utf-8")
    catalogue = Catalogue.from_csv(REPO_ROOT / "data" / "indicators.csv")
    quotes = {
        (o.quote_start, o.quote_end)
        for o in extract(text, date(2025, 7, 24), "Politico", catalogue=catalogue).observations
    }
    for row in rows:
        if row["source_id"] == "politico-2025-07-24":
            assert (int(row["quote_start"]), int(row["quote_end"])) in quotes


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=600))
def test_arbitrary_text_never_raises_and_quotes_stay_verbatim(text):
    result = extract(text, date(2025, 7, 24), "P", catalogue=CATALOGUE)
    for row in result.observations + result.events:
        assert text[row.quote_start : row.quote_end] == row.quote


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "nearly",
                "one",
                "in",
                "three",
                "95",
                "percent",
                "since",
                "9",
                "October",
                "said",
                "Wednesday",
                "according",
                "to",
                "the",
                "UN",
                ",",
                ".",
                "between",
                "and",
                "mid-May",
                "siege",
                "talks",
                "87*",
                "a",
                "quarter",
                "of",
                "million",
                "WHO",
                "he",
                "told",
                "reporters",
                "\n",
                "—",
                "“",
                "”",
            ]
        ),
        max_size=80,
    )
)
def test_report_like_word_salad_never_raises(words):
    text = " ".join(words)
    result = extract(text, date(2025, 7, 24), "P", catalogue=CATALOGUE)
    for row in result.observations + result.events:
        assert text[row.quote_start : row.quote_end] == row.quote


def test_empty_huge_line_and_random_bytes_are_handled():
    assert extract("", date(2025, 7, 24)).observations == []
    huge = ("12 trucks entered " * 20000) + "."
    result = extract(huge, date(2025, 7, 24))
    assert result.observations and all(o.quote_end <= len(huge) for o in result.observations)
    noise = bytes(range(256)).decode("latin-1") * 50
    extract(noise, date(2025, 7, 24))


def _candidates(text: str) -> tuple[list[tuple], list[tuple]]:
    result = extract(text, date(2025, 7, 24), publisher="P", catalogue=CATALOGUE)
    observations = [
        (o.indicator_id, o.value, o.qualifier, o.value_as_stated, o.period_start, o.quote_start)
        for o in result.observations
    ]
    events = [(e.kind, e.start, e.end, e.start_as_stated, e.quote_start) for e in result.events]
    return observations, events


def test_letters_with_unusual_case_rules_do_not_change_what_is_found():
    # Keywords are matched on the lower-cased text, except in a report with a letter such as
    # "İ" whose lower case is longer: the same candidates must come out either way.
    text = (
        "The Blockade began in early March, the UN said. After TWENTY-ONE MONTHS OF WAR, "
        "Talks in Doha COLLAPSED on Thursday. Food deliveries are Far Below what is needed, "
        "WFP said. Nearly 40 percent of households face severe water shortages."
    )
    plain = _candidates(text)
    assert plain[1], "the text should yield events"
    for letter in ("İ", "ı", "ſ"):
        observations, events = _candidates(text + f" A convoy reached {letter}zmir.")
        assert (observations, events) == plain


@pytest.mark.parametrize(
    "sentence, place",
    [
        # the actor of the verb is not the place; the place after "into" is
        (
            "Between early March and mid-May, Israel did not let 400 trucks into the Gaza Strip.",
            "Gaza Strip",
        ),
        # the parties "between X and Y" are not the place
        ("Talks between Ethiopia and Eritrea stalled as 30,000 people fled in Tigray.", "Tigray"),
        # a country as a government or its forces, and an organisation's name
        ("Sudan army strikes killed at least 40 civilians in El Fasher.", "El Fasher"),
        ("At least 430 civilians were killed in Tawila, the Sudan Doctors Network said.", "Tawila"),
        # where people go, not where they come from
        ("Some 12,000 refugees crossed from Sudan into Chad last week.", "Chad"),
        # places named together: the first
        ("In Lahj and Taiz, 45,000 children are acutely malnourished.", "Lahj"),
        ("Some 400,000 people have been displaced in North and South Kivu.", "North Kivu"),
        # a sentence naming no place: the one before it in its paragraph, or the place named
        # last before "the governorate"
        ("Camps in Baidoa shelter 60,000 people. She said 300 families arrive daily.", "Baidoa"),
        ("Prices rose in Hodeidah. In the governorate, 3 of 5 clinics lack fuel.", "Hodeidah"),
    ],
)
def test_a_figure_is_placed_where_it_holds_not_in_an_actors_country(sentence, place):
    result = extract(sentence, date(2025, 7, 1), "P", catalogue=CATALOGUE)
    assert result.observations, sentence
    assert {o.location for o in result.observations} == {place}


def test_talks_are_placed_where_they_sit_carried_through_the_report():
    text = (
        "Witkoff said on Thursday the latest response in the talks in Doha showed no will to "
        "end the fighting. On Wednesday, Hamas submitted a response to an Israeli and U.S. "
        "proposal in the talks."
    )
    result = extract(text, date(2025, 7, 24), "P", catalogue=CATALOGUE)
    talks = [e for e in result.events if e.kind == "talks"]
    assert talks
    assert {e.location for e in talks} == {"Doha"}


@pytest.mark.parametrize(
    "sentence, code",
    [
        ("Some 12,000 refugees crossed from Sudan into Chad last week.", "TCD"),
        ("At least 95 percent of households in the Gaza Strip face water shortages.", "PSE"),
        ("Some 400,000 people have been displaced in El Fasher.", ""),  # a town: no country
    ],
)
def test_each_candidate_carries_the_country_code_of_its_place(sentence, code):
    result = extract(sentence, date(2025, 7, 1), "P", catalogue=CATALOGUE)
    assert result.observations
    assert {o.country_code for o in result.observations} == {code}


def test_a_count_of_another_thing_is_not_the_indicator_of_its_clause():
    text = "About 450 schools were shut in Tillabéri, leaving 90,000 children out of school."
    result = extract(text, date(2025, 7, 1), "P", catalogue=CATALOGUE)
    by_value = {o.value: o.indicator_id for o in result.observations}
    assert by_value[90000] == "children_out_of_school"
    assert by_value.get(450) != "children_out_of_school"


def test_the_place_codes_file_agrees_with_the_country_data():
    from indicators.extract import vocabulary

    written = json.loads((vocabulary.FOLDER / "place_codes.json").read_text("utf-8"))["codes"]
    assert written == vocabulary.place_codes_from_country_data(), (
        "run python -m indicators.extract.vocabulary.place_codes"
    )


def test_the_towns_file_agrees_with_the_city_data():
    from indicators.extract import vocabulary
    from indicators.extract.vocabulary.towns import towns_from_city_data

    written = json.loads((vocabulary.FOLDER / "towns.json").read_text("utf-8"))["names"]
    assert written == towns_from_city_data(), "run python -m indicators.extract.vocabulary.towns"


def test_the_subdivisions_file_agrees_with_the_country_data():
    from indicators.extract import vocabulary

    written = json.loads((vocabulary.FOLDER / "subdivisions.json").read_text("utf-8"))["names"]
    assert written == vocabulary.subdivisions_from_country_data(), (
        "run python -m indicators.extract.vocabulary.subdivisions"
    )
    # each lies in a country of the gazetteer, whose code it takes
    codes = vocabulary.place_country_codes()
    assert all(codes[name] == codes[country] for name, country in written.items())
