"""`python -m indicators validate`: output lines, summary and exit codes."""

from __future__ import annotations

import shutil
import subprocess
import sys

from indicators.cli import main
from tests.conftest import FIXTURES, REPO_ROOT

TABLES_DIR = FIXTURES / "tables"


def test_valid_folder_exits_0_with_a_summary(capsys):
    code = main(["validate", str(TABLES_DIR / "good"), "--reports", str(TABLES_DIR / "reports")])
    out = capsys.readouterr().out
    assert code == 0
    assert out.startswith("OK: ")
    assert "1 sources, 3 indicators, 3 observations, 1 events" in out
    assert "quotes checked against the report texts" in out


def test_broken_folder_prints_one_line_per_problem_and_exits_1(capsys):
    code = main(["validate", str(TABLES_DIR / "broken"), "--reports", str(TABLES_DIR / "reports")])
    out = capsys.readouterr().out.splitlines()
    expected = (TABLES_DIR / "broken" / "expected_problems.txt").read_text("utf-8").splitlines()
    assert code == 1
    assert out[:-1] == expected
    assert out[-1].startswith(f"{len(expected)} problem(s) in ")
    assert "8 valid row(s) loaded" in out[-1]


def test_deliberately_broken_copy_of_shipped_data_is_reported_line_by_line(tmp_path, seeds_dir):
    data = tmp_path / "data"
    shutil.copytree(REPO_ROOT / "data", data)
    path = data / "observations.csv"
    lines = path.read_text("utf-8").splitlines()
    lines[2] = lines[2].replace(",95,", ",ninety-five,")
    path.write_text("\n".join(lines) + "\n", "utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "indicators", "validate", str(data), "--reports", str(seeds_dir)],
        capture_output=True,
        text=True,
        cwd=REPO_ROOT,
    )
    assert result.returncode == 1
    assert result.stdout.splitlines()[0] == (
        "observations.csv:3: [value] 'ninety-five' is not a number"
    )


def test_shipped_data_validates_against_the_seed_reports(seeds_dir):
    result = subprocess.run(
        [sys.executable, "-m", "indicators", "validate", "data", "--reports", str(seeds_dir)],
        capture_output=True,
        text=True,
        cwd=REPO_ROOT,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "quotes checked against the report texts" in result.stdout


def test_a_folder_that_does_not_exist_is_one_line(tmp_path, capsys):
    missing = tmp_path / "nosuchdir"
    code = main(["validate", str(missing)])
    out = capsys.readouterr().out.splitlines()
    assert code == 1
    assert out == [
        f"{missing}: folder does not exist",
        f"1 problem(s) in {missing}; 0 valid row(s) loaded.",
    ]


def test_a_fault_of_the_program_is_not_read_as_problems_found(monkeypatch, capsys):
    import indicators.cli

    def broken(*args, **kwargs):
        raise KeyError("a fault in the loader itself")

    monkeypatch.setattr(indicators.cli, "load_tables", broken)
    code = main(["validate", str(TABLES_DIR / "good")])
    err = capsys.readouterr().err
    assert code == indicators.cli.INTERNAL_ERROR != 1
    assert "Traceback" in err and "internal error in `validate`" in err
