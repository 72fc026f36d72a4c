"""Corrections before adding: validated as `validate` validates the tables, naming the
candidate; the quote, its offsets and the ids can never be corrected; a dry run writes
nothing. Set PROPERTY_EXAMPLES to run more generated cases (CI runs the default)."""

from __future__ import annotations

import csv
import os
import shutil
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from indicators.adding import AddError, SourceDetails, add_report, catalogue_of, extract_candidates
from indicators.ingest import read_document
from tests.conftest import REPO_ROOT

EXAMPLES = int(os.environ.get("PROPERTY_EXAMPLES", "100"))
REPORT = REPO_ROOT / "tests" / "fixtures" / "reports" / "gaza_wire_story.txt"
DETAILS = SourceDetails(published=date(2025, 6, 10), publisher="Levant Wire")
SOURCE_ID = "levant-wire-2025-06-10"
SETTINGS = dict(
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def fresh(tmp_path):
    folder = tmp_path / "data"
    if folder.exists():
        shutil.rmtree(folder)
    shutil.copytree(REPO_ROOT / "data", folder)
    return folder


def files(folder):
    """Every file but the lock (taken by any writer, whether or not it writes)."""
    return {
        path.name: path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and path.name != ".lock"
    }


def prepared(folder):
    document = read_document(REPORT)
    return document, extract_candidates(document, DETAILS, catalogue_of(folder))


@settings(max_examples=max(10, EXAMPLES // 5), **SETTINGS)
@given(
    field=st.sampled_from(["quote", "quote_start", "quote_end", "source_id", "observation_id"]),
    value=st.one_of(st.text(max_size=10), st.integers(-5, 5000)),
)
def test_the_quote_its_offsets_and_ids_can_never_be_corrected(tmp_path, field, value):
    folder = fresh(tmp_path)
    before = files(folder)
    document, extraction = prepared(folder)
    with pytest.raises(AddError, match=f"candidate o1: the {field} is the report's"):
        add_report(folder, document, DETAILS, extraction, ["o1"], {"o1": {field: value}})
    assert files(folder) == before


@settings(max_examples=max(10, EXAMPLES // 5), **SETTINGS)
@given(
    value=st.one_of(
        st.from_regex(r"^[0-9]{1,4}(\.[0-9]{1,2})?$", fullmatch=True),
        st.text(max_size=8),
    ),
    dry_run=st.booleans(),
)
def test_a_corrected_value_is_added_when_valid_and_refused_by_candidate_when_not(
    tmp_path, value, dry_run
):
    folder = fresh(tmp_path)
    before = files(folder)
    document, extraction = prepared(folder)
    correction = {"o1": {"value": value, "value_low": "", "value_high": ""}}
    try:
        result = add_report(
            folder, document, DETAILS, extraction, ["o1", "e2"], correction, dry_run=dry_run
        )
    except AddError as error:
        named = f"{SOURCE_ID}-o1 (observations.csv:" in str(error) and "[value]" in str(error)
        refused_up_front = "candidate o1: the value holds a line break" in str(error)
        assert named or refused_up_front, error
        assert files(folder) == before
        return
    assert [row["observation_id"] for row in result.added["observations.csv"]] == [
        f"{SOURCE_ID}-o1"
    ]
    if dry_run:
        assert files(folder) == before
        return
    with open(folder / "observations.csv", encoding="utf-8", newline="") as handle:
        row = [r for r in csv.DictReader(handle) if r["source_id"] == SOURCE_ID][0]
    assert row["value"] == value.strip()
    assert document.text[int(row["quote_start"]) : int(row["quote_end"])] == row["quote"]


def test_a_new_indicator_in_a_correction_needs_a_name_and_unit_and_is_added(tmp_path):
    folder = fresh(tmp_path)
    document, extraction = prepared(folder)
    with pytest.raises(AddError, match="a new indicator needs a name and a unit"):
        add_report(
            folder,
            document,
            DETAILS,
            extraction,
            ["o1"],
            {"o1": {"indicator_id": "flour_trucks_entered", "indicator_name": ""}},
        )
    result = add_report(
        folder,
        document,
        DETAILS,
        extraction,
        ["o1"],
        {
            "o1": {
                "indicator_id": "flour_trucks_entered",
                "indicator_name": "Flour trucks entering",
                "unit": "count",
            }
        },
    )
    assert [row["indicator_id"] for row in result.added["indicators.csv"]] == [
        "flour_trucks_entered"
    ]
    assert result.added["observations.csv"][0]["indicator_id"] == "flour_trucks_entered"


def test_choosing_no_candidate_is_refused(tmp_path):
    folder = fresh(tmp_path)
    document, extraction = prepared(folder)
    with pytest.raises(AddError, match="no candidate was chosen"):
        add_report(folder, document, DETAILS, extraction, [])
