"""`python -m indicators add`: appends checked rows once, refuses a changed report."""

from __future__ import annotations

import argparse
import csv
import shutil
import subprocess
import sys

import pytest

from indicators import adding as commands
from indicators.adding import register as register_add
from indicators.extract.commands import register as register_extract
from indicators.loading import load_tables
from tests.conftest import REPO_ROOT

REPORT = REPO_ROOT / "tests" / "fixtures" / "reports" / "gaza_wire_story.txt"
SOURCE = ["--published", "2025-06-10", "--publisher", "Levant Wire"]


def run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="indicators")
    subparsers = parser.add_subparsers(dest="command", required=True)
    register_extract(subparsers)
    register_add(subparsers)
    args = parser.parse_args(argv)
    return args.func(args)


@pytest.fixture
def data(tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(REPO_ROOT / "data", folder)
    return folder


def files(folder):
    return {path.name: path.read_bytes() for path in sorted(folder.glob("*.csv"))}


def test_add_appends_the_chosen_candidates_and_the_tables_stay_valid(data, capsys):
    before = files(data)
    assert run(["add", str(REPORT), *SOURCE, "--accept", "o1,o2,e1", str(data)]) == 0
    out = capsys.readouterr().out
    assert "levant-wire-2025-06-10-o1" in out and "levant-wire-2025-06-10-e1" in out
    after = files(data)
    for name, old in before.items():
        assert after[name].startswith(old)  # appended, never rewritten
    result = load_tables(data, REPORT.parent)
    assert [
        str(p)
        for p in result.problems
        if "sha256" not in str(p).lower() and "SHA-256" not in str(p)
    ] == []
    observations = result.tables["observations"]
    added = observations[observations["source_id"] == "levant-wire-2025-06-10"]
    assert sorted(added["attributed_to"]) == ["Israeli military", "United Nations"]
    # each added row carries the country code of its place, worked out at extraction
    assert set(zip(added["location"], added["country_code"], strict=True)) == {
        ("Gaza Strip", "PSE")
    }


def test_adding_again_duplicates_nothing(data, capsys):
    assert run(["add", str(REPORT), *SOURCE, "--all", str(data)]) == 0
    once = files(data)
    capsys.readouterr()
    assert run(["add", str(REPORT), *SOURCE, "--all", str(data)]) == 0
    assert "Nothing to add" in capsys.readouterr().out
    assert files(data) == once


def test_a_changed_text_of_a_report_already_added_is_refused(data, tmp_path, capsys):
    assert run(["add", str(REPORT), *SOURCE, "--accept", "o1", str(data)]) == 0
    before = files(data)
    changed = tmp_path / "gaza_corrected.txt"
    changed.write_text(REPORT.read_text("utf-8").replace("Twelve", "Thirteen"), "utf-8")
    assert run(["add", str(changed), *SOURCE, "--all", str(data)]) == 2
    error = capsys.readouterr().err
    assert "already added as source levant-wire-2025-06-10" in error and str(changed) in error
    assert files(data) == before


def test_unknown_candidate_ids_are_listed(data, capsys):
    assert run(["add", str(REPORT), *SOURCE, "--accept", "o99", str(data)]) == 2
    assert "no candidate o99; this report has" in capsys.readouterr().err


def test_rows_that_would_not_validate_are_refused_and_nothing_changes(data, monkeypatch, capsys):
    real = commands._table_rows

    def broken(*args):
        rows = real(*args)
        rows["observations.csv"][0]["value_low"] = 10**9  # above the value
        return rows

    monkeypatch.setattr(commands, "_table_rows", broken)
    before = files(data)
    assert run(["add", str(REPORT), *SOURCE, "--accept", "o1", str(data)]) == 1
    assert "would not validate" in capsys.readouterr().err
    assert files(data) == before


def test_the_seed_reports_are_already_in_the_shipped_tables(data, seeds_dir, capsys):
    before = files(data)
    for name, published, publisher in (
        ("000_a392ad57c68e2500.txt", "2025-07-24", "Politico"),
        ("004_f8ba3efb4d5d572a.txt", "2025-07-25", "RBC-Ukraine"),
    ):
        assert (
            run(
                [
                    "add",
                    str(seeds_dir / name),
                    "--published",
                    published,
                    "--publisher",
                    publisher,
                    "--all",
                    str(data),
                ]
            )
            == 0
        )
        assert "Nothing to add" in capsys.readouterr().out
    assert files(data) == before


def test_the_package_command_line_runs_add(data):
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "indicators",
            "add",
            str(REPORT),
            *SOURCE,
            "--accept",
            "e2",
            str(data),
        ],
        capture_output=True,
        text=True,
        cwd=REPO_ROOT,
    )
    assert result.returncode == 0, result.stderr
    assert "levant-wire-2025-06-10-e2 talks 2025-06-08" in result.stdout


@pytest.mark.parametrize(
    "cell", ["3_060", "１２", "٣٠٦٠", "nan", "inf", "1,000", "12abc", "9" * 40, " - 5"]
)
def test_add_on_a_table_with_a_bad_number_cell_adds_and_keeps_that_row(data, capsys, cell):
    # A number cell the rule refuses is a problem of the tables as they were: `add` still
    # adds the report, never tracebacks, and leaves the bad row in its file as it was.
    path = data / "observations.csv"
    with open(path, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
        header = list(rows[0])
    rows[0]["quote_start"] = cell
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=header)
        writer.writeheader()
        writer.writerows(rows)
    bad_line = path.read_bytes().splitlines()[1]
    assert run(["add", str(REPORT), *SOURCE, "--accept", "o1", str(data)]) == 0
    captured = capsys.readouterr()
    assert "Traceback" not in captured.out + captured.err
    assert "levant-wire-2025-06-10-o1" in captured.out
    assert path.read_bytes().splitlines()[1] == bad_line
    problems = [str(p) for p in load_tables(data).problems]
    assert any("observations.csv:2: [quote_start]" in p for p in problems), problems
