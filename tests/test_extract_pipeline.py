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
MIN_PER_REPORT = 0.8


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
        if expected.get("known_miss"):
            continue  # counted against the report in the benchmark; the reason is in the file
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
    for score in scores:
        # one report of six rows with one known miss stays above this floor
        assert score.precision >= MIN_PER_REPORT and score.recall >= MIN_PER_REPORT, score.name
        assert score.unit_accuracy >= MIN_UNIT_ACCURACY, (score.name, score.unit_errors)


def test_every_quote_is_verbatim_at_its_offsets():
    for path in REPORTS.glob("*.txt"):
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
