"""Loader and validator: golden files under tests/fixtures/tables, and one case per failure kind."""

from __future__ import annotations

import csv
import io
import shutil
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from indicators import schema
from indicators.dates import interval_length_days
from indicators.loading import load_tables
from tests.conftest import FIXTURES

TABLES_DIR = FIXTURES / "tables"
GOOD = TABLES_DIR / "good"
BROKEN = TABLES_DIR / "broken"
REPORTS = TABLES_DIR / "reports"


@pytest.fixture
def good_copy(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(GOOD, target)
    return target


def problem_lines(result) -> list[str]:
    return [str(problem) for problem in result.problems]


def test_good_tables_load_without_problems_and_typed():
    result = load_tables(GOOD, REPORTS)
    assert problem_lines(result) == []
    assert result.reports_checked
    observations = result.tables["observations"]
    assert list(observations["observation_id"]) == ["nu-o1", "nu-o2", "nu-o3"]
    assert observations["value"].dtype == "float64"
    assert pd.api.types.is_datetime64_any_dtype(observations["reported_on"])
    assert observations.loc[observations["observation_id"] == "nu-o3", "value"].item() == 25
    # The index is the CSV line each row starts on, so problems and rows can be matched.
    assert list(observations.index) == [2, 3, 4]
    for name, table in schema.TABLES.items():
        assert list(result.tables[name].columns) == table.column_names


def test_broken_tables_match_golden_problems_exactly():
    result = load_tables(BROKEN, REPORTS)
    expected = (BROKEN / "expected_problems.txt").read_text("utf-8").splitlines()
    assert problem_lines(result) == expected


def test_broken_tables_keep_every_good_row():
    result = load_tables(BROKEN, REPORTS)
    observations = result.tables["observations"]
    # nu-o3 sits right below an unclosed quote; it must not be swallowed.
    assert sorted(observations["observation_id"]) == ["nu-o1", "nu-o2", "nu-o3"]
    assert list(result.tables["events"]["event_id"]) == ["nu-e1"]
    assert list(result.tables["sources"].index) == [2]
    assert len(result.tables["indicators"]) == 3


def test_without_reports_a_misplaced_quote_is_not_detected_but_everything_else_is():
    result = load_tables(BROKEN)
    assert not result.reports_checked
    assert not any(problem.column == "quote" for problem in result.problems)
    assert "nu-o7" in set(result.tables["observations"]["observation_id"])


def test_missing_file_is_one_problem_and_other_tables_load(good_copy: Path):
    (good_copy / "events.csv").unlink()
    result = load_tables(good_copy)
    assert problem_lines(result) == [f"events.csv: file is missing (expected in {good_copy})"]
    assert len(result.tables["events"]) == 0
    assert list(result.tables["events"].columns) == schema.EVENTS.column_names
    assert len(result.tables["observations"]) == 3


def test_empty_file(good_copy: Path):
    (good_copy / "events.csv").write_bytes(b"")
    result = load_tables(good_copy)
    assert problem_lines(result) == ["events.csv: file is empty; expected a header row"]
    assert len(result.tables["observations"]) == 3


def test_header_without_a_required_column_loads_no_rows_of_that_table(good_copy: Path):
    path = good_copy / "events.csv"
    path.write_text(path.read_text("utf-8").replace("label,", "title,", 1), "utf-8")
    result = load_tables(good_copy)
    assert problem_lines(result) == [
        "events.csv:1: [label] column is missing from the header (required; no row can be loaded without it)"
    ]
    assert len(result.tables["events"]) == 0
    assert len(result.tables["sources"]) == 1


def test_missing_optional_column_is_reported_and_rows_still_load(good_copy: Path):
    path = good_copy / "sources.csv"
    frame = pd.read_csv(path, dtype=str, keep_default_na=False).drop(columns=["notes"])
    frame.to_csv(path, index=False)
    result = load_tables(good_copy)
    assert problem_lines(result) == [
        "sources.csv:1: [notes] column is missing from the header (expected; read as empty)"
    ]
    assert list(result.tables["sources"]["notes"]) == [""]


def test_columns_in_another_order_and_extra_columns_are_accepted(good_copy: Path):
    path = good_copy / "indicators.csv"
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    frame = frame[list(reversed(frame.columns))]
    frame["reviewer_note"] = "checked"
    frame.to_csv(path, index=False)
    result = load_tables(good_copy)
    assert problem_lines(result) == []
    assert list(result.tables["indicators"]["reviewer_note"]) == ["checked"] * 3


def test_file_in_another_encoding_reports_each_bad_line(good_copy: Path):
    path = good_copy / "indicators.csv"
    text = path.read_text("utf-8")
    lines = text.splitlines()
    lines[2] = lines[2].replace("Wells damaged", "Puits endommagés")
    path.write_bytes(("\n".join(lines) + "\n").encode("latin-1"))
    result = load_tables(good_copy)
    assert problem_lines(result) == [
        "indicators.csv:3: not valid UTF-8 (byte 0xe9 at position 35); save the file as UTF-8. "
        "The line was skipped.",
        "observations.csv:3: [indicator_id] 'share_wells_damaged' is not in indicators.csv",
    ]
    assert len(result.tables["indicators"]) == 2


def test_bom_and_windows_line_endings_are_read(good_copy: Path):
    for path in good_copy.glob("*.csv"):
        text = path.read_text("utf-8").replace("\n", "\r\n")
        path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    result = load_tables(good_copy, REPORTS)
    assert problem_lines(result) == []
    assert list(result.tables["observations"].index) == [2, 3, 4]


def test_truncated_file_keeps_the_complete_rows(good_copy: Path):
    path = good_copy / "observations.csv"
    data = path.read_bytes()
    path.write_bytes(data[: data.rindex(b"UNICEF")])  # cut inside the last row's quote
    result = load_tables(good_copy)
    assert [problem.line for problem in result.problems] == [4]
    assert list(result.tables["observations"]["observation_id"]) == ["nu-o1", "nu-o2"]


def test_fuzzy_date_must_be_the_first_day_of_its_window(good_copy: Path):
    path = good_copy / "events.csv"
    path.write_text(
        path.read_text("utf-8").replace("2024-07-03,day", "2024-07-03,mid-month"), "utf-8"
    )
    result = load_tables(good_copy)
    assert problem_lines(result) == [
        "events.csv:2: [start] 2024-07-03 is not the first day of its mid-month window; write 2024-07-11"
    ]


def test_blank_lines_are_ignored(good_copy: Path):
    path = good_copy / "observations.csv"
    lines = path.read_text("utf-8").splitlines()
    path.write_text("\n".join([lines[0], "", lines[1], "", lines[2], lines[3]]) + "\n\n", "utf-8")
    result = load_tables(good_copy)
    assert problem_lines(result) == []
    assert list(result.tables["observations"].index) == [3, 5, 6]


def test_status_indicator_must_not_carry_a_number(good_copy: Path):
    path = good_copy / "indicators.csv"
    path.write_text(path.read_text("utf-8").replace(",count,", ",status,"), "utf-8")
    result = load_tables(good_copy)
    assert problem_lines(result) == [
        "observations.csv:2: [value] must be empty for a status indicator (its words go in value_as_stated)"
    ]


def test_reports_folder_missing_is_reported():
    result = load_tables(GOOD, TABLES_DIR / "no-such-folder")
    assert [problem.message for problem in result.problems] == ["reports folder does not exist"]
    assert not result.reports_checked


def test_report_with_another_hash_is_reported(good_copy: Path, tmp_path: Path):
    reports = tmp_path / "reports"
    reports.mkdir()
    text = (REPORTS / "northern-update.txt").read_text("utf-8")
    (reports / "northern-update.txt").write_text(text + "Edited later.\n", "utf-8")
    result = load_tables(good_copy, reports)
    assert problem_lines(result) == [
        "sources.csv:2: [text_sha256] no report file with this SHA-256 was found, so its quotes "
        "cannot be checked"
    ]


def test_fast_and_exact_readers_agree_on_a_well_formed_file():
    from indicators.csv_reading import read_exact, read_fast

    for table in schema.TABLES.values():
        data = (GOOD / table.file_name).read_bytes()
        fast = read_fast(data, table)
        exact, problems = read_exact(data, table.file_name, table)
        assert fast is not None, table.name  # a well-formed file takes the fast path
        assert problems == []
        pd.testing.assert_frame_equal(fast, exact, check_index_type=False)


def test_a_cell_with_a_line_break_is_kept_and_later_rows_keep_their_line_numbers(good_copy: Path):
    path = good_copy / "events.csv"
    original = path.read_text("utf-8")
    second_row = original.splitlines()[1].replace("nu-e1", "nu-e2")
    text = original.replace("Aid convoys suspended", '"Aid convoys\nsuspended"')
    path.write_text(text + second_row + "\n", "utf-8")
    result = load_tables(good_copy)
    assert problem_lines(result) == []
    events = result.tables["events"]
    assert list(events["label"]) == ["Aid convoys\nsuspended", "Aid convoys suspended"]
    assert list(events.index) == [2, 4]


def test_a_period_with_a_start_and_no_end_is_valid(good_copy: Path):
    path = good_copy / "observations.csv"
    path.write_text(
        path.read_text("utf-8").replace(
            "2024-06-01,2024-07-11,early-month,mid-month", "2024-06-01,,early-month,"
        ),
        "utf-8",
    )
    result = load_tables(good_copy)
    assert problem_lines(result) == []
    first = result.tables["observations"].iloc[0]
    assert pd.isna(first["period_end"]) and first["period_precision"] == "early-month"


# --------------------------------------------------------------------------- the number rule


def set_cell(path: Path, row: int, column: str, value: str, **writer_options) -> None:
    rows = list(csv.reader(io.StringIO(path.read_text("utf-8"))))
    rows[row][rows[0].index(column)] = value
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n", **writer_options).writerows(rows)
    path.write_bytes(buffer.getvalue().encode("utf-8"))


@pytest.mark.parametrize(
    ("cell", "column", "message"),
    [
        ("3_060", "value", "'3_060' is not a number: write it without digit separators (3060)"),
        ("１２", "value", "'１２' is not a number: write its digits as 0-9 (12)"),
        ("٣٠٦٠", "value", "'٣٠٦٠' is not a number: write its digits as 0-9 (3060)"),
        ("nan", "value", "'nan' is not a number; leave the cell empty when there is no figure"),
        ("1,000", "value", "'1,000' is not a number: write it without digit separators"),
        (
            "7_5",
            "quote_start",
            "'7_5' is not a whole number: write it without digit separators (75)",
        ),
        ("75.0", "quote_start", "'75.0' is not a whole number"),
        ("9" * 19, "quote_start", f"'{'9' * 19}' is not a whole number of at most 18 digits"),
    ],
)
def test_a_number_python_reads_but_the_rule_refuses_is_one_problem(
    good_copy, cell, column, message
):
    path = good_copy / "observations.csv"
    set_cell(path, 1, column, cell)
    set_cell(path, 2, "value", "forty")  # a second bad row: the first must not take all down
    result = load_tables(good_copy)
    assert problem_lines(result) == [
        f"observations.csv:2: [{column}] {message}",
        "observations.csv:3: [value] 'forty' is not a number",
    ]
    assert list(result.tables["observations"]["observation_id"]) == ["nu-o3"]


@pytest.mark.parametrize("cell", ["1e3", "+5", " 12 ", ".5", "5."])
def test_plain_ascii_numbers_with_sign_point_or_exponent_load(good_copy, cell):
    set_cell(good_copy / "observations.csv", 1, "value", cell)
    result = load_tables(good_copy)
    assert problem_lines(result) == []
    assert result.tables["observations"].loc[2, "value"] == float(cell)


# --------------------------------------------------------------------------- line breaks


def test_a_carriage_return_in_a_quoted_cell_loses_no_row(good_copy):
    path = good_copy / "observations.csv"
    set_cell(path, 1, "notes", "a\rb", quoting=csv.QUOTE_ALL)
    result = load_tables(good_copy)
    assert problem_lines(result) == []
    observations = result.tables["observations"]
    assert list(observations["observation_id"]) == ["nu-o1", "nu-o2", "nu-o3"]
    assert list(observations.index) == [2, 4, 5]  # the CR ends line 2, as the csv module counts
    assert observations.loc[2, "notes"] == "a\rb"


@pytest.mark.parametrize("line_end", [b"\r\n", b"\r"])
def test_crlf_and_lone_cr_files_load_like_lf_files(good_copy, line_end):
    expected = load_tables(good_copy).tables
    for table in schema.TABLES.values():
        path = good_copy / table.file_name
        path.write_bytes(path.read_bytes().replace(b"\n", line_end))
    result = load_tables(good_copy)
    assert problem_lines(result) == []
    for name, frame in expected.items():
        pd.testing.assert_frame_equal(result.tables[name], frame)


def test_a_bad_row_in_a_lone_cr_file_is_named_by_its_line(good_copy):
    path = good_copy / "observations.csv"
    lines = path.read_bytes().split(b"\n")
    header_cells = len(next(csv.reader([lines[0].decode("utf-8-sig")])))
    lines.insert(2, b"nu-broken,only,three")
    path.write_bytes(b"\r".join(lines))
    result = load_tables(good_copy)
    assert problem_lines(result) == [
        f"observations.csv:3: has 3 cells, the header has {header_cells}; the row was skipped"
    ]
    assert list(result.tables["observations"].index) == [2, 4, 5]


# --------------------------------------------------------------------------- impossible events


def test_an_event_starting_after_its_report_was_published_is_refused(good_copy):
    set_cell(good_copy / "events.csv", 1, "start", "2024-08-20")
    set_cell(good_copy / "events.csv", 1, "end", "")
    set_cell(good_copy / "events.csv", 1, "end_precision", "")
    result = load_tables(good_copy)
    assert problem_lines(result) == [
        "events.csv:2: [start] 2024-08-20 is after its report was published (2024-08-14); an "
        "event cannot start after the report that states it"
    ]
    assert result.tables["events"].empty


def test_an_event_ending_before_it_starts_is_refused(good_copy):
    set_cell(good_copy / "events.csv", 1, "end", "2024-07-01")
    result = load_tables(good_copy)
    assert problem_lines(result) == ["events.csv:2: [end] 2024-07-01 is before start 2024-07-03"]
    assert result.tables["events"].empty


def test_no_length_is_negative_even_for_an_impossible_interval():
    assert interval_length_days(date(2024, 8, 20), "day", date(2024, 8, 14), "day") == (0, 0)
