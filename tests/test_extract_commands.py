"""`python -m indicators extract`: formats, folders and clear errors."""

from __future__ import annotations

import argparse
import csv
import io
import json
import shutil

import pytest

from indicators.extract.commands import register
from tests.conftest import REPO_ROOT

REPORTS = REPO_ROOT / "tests" / "fixtures" / "reports"


def run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="indicators")
    register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    return args.func(args)


def test_json_output_carries_the_table_columns(capsys):
    code = run(
        [
            "extract",
            str(REPORTS / "gaza_wire_story.txt"),
            "--published",
            "2025-06-10",
            "--publisher",
            "Levant Wire",
            "--format",
            "json",
        ]
    )
    data = json.loads(capsys.readouterr().out)
    assert code == 0
    assert set(data) == {"source", "observations", "events", "warnings"}
    assert data["warnings"] == ["no --title: the title is the file name “gaza_wire_story”"]
    assert (
        data["source"]["source_id"] == "levant-wire-2025-06-10"
        and len(data["source"]["text_sha256"]) == 64
    )
    first = data["observations"][0]
    for column in (
        "observation_id",
        "indicator_id",
        "value",
        "qualifier",
        "value_low",
        "value_high",
        "value_as_stated",
        "period_start",
        "period_end",
        "period_precision",
        "reported_on",
        "attributed_to",
        "location",
        "quote",
        "quote_start",
        "quote_end",
        "unit",
        "indicator_name",
    ):
        assert column in first
    assert {e["kind"] for e in data["events"]} == {"blockade", "talks"}


def test_table_and_csv_output(capsys):
    assert (
        run(
            [
                "extract",
                str(REPORTS / "yemen_wfp_briefing.txt"),
                "--published",
                "2025-05-16",
                "--format",
                "csv",
                "--table",
                "observations",
            ]
        )
        == 0
    )
    out = capsys.readouterr().out
    assert out.splitlines()[0].startswith(
        "candidate_id,indicator_name,indicator_is_new,unit,observation_id"
    )
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows and all(row["source_id"] == "unknown-publisher-2025-05-16" for row in rows)
    assert (
        run(["extract", str(REPORTS / "yemen_wfp_briefing.txt"), "--published", "2025-05-16"]) == 0
    )
    table = capsys.readouterr().out
    assert "“more than 17 million”" in table and "o1" in table


def test_a_folder_run_reads_every_report_format_and_nothing_else(tmp_path, capsys):
    ingest = REPORTS.parent / "ingest"
    shutil.copy(REPORTS / "haiti_wire_story.txt", tmp_path / "haiti.txt")
    shutil.copy(REPORTS / "somalia_news_article.txt", tmp_path / "somalia.MD")
    shutil.copy(ingest / "chad_flood_update.html", tmp_path / "chad.htm")
    shutil.copy(ingest / "chad_flood_update.pdf", tmp_path / "chad.pdf")
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04 not read")
    (tmp_path / "extra.csv").write_text("a,b\n1,2\n", "utf-8")
    (tmp_path / ".hidden.txt").write_text("95 percent", "utf-8")
    assert run(["extract", str(tmp_path), "--published", "2025-07-18"]) == 0
    captured = capsys.readouterr()
    read = [
        line.removeprefix("== ") for line in captured.out.splitlines() if line.startswith("== ")
    ]
    assert read == ["chad.htm", "chad.pdf", "haiti.txt", "somalia.MD"]
    assert "4 report(s) read, 0 failed" in captured.err
    # the web page and the PDF give the same text, so the same figures
    blocks = captured.out.split("== ")
    chad = [block.split("\n", 1)[1] for block in blocks if block.startswith("chad.")]
    assert chad[0].count("\n  o") == chad[1].count("\n  o") > 0


def test_a_folder_without_reports_names_the_formats_it_reads(tmp_path, capsys):
    (tmp_path / "reports.csv").write_text("file,published\n", "utf-8")
    assert run(["extract", str(tmp_path), "--published", "2025-07-18"]) == 2
    assert ".txt, .md, .html, .htm, .pdf" in capsys.readouterr().err


def test_folder_gets_a_progress_bar_and_a_summary(tmp_path, capsys):
    for name in ("haiti_wire_story.txt", "somalia_news_article.txt"):
        shutil.copy(REPORTS / name, tmp_path / name)
    (tmp_path / "notes.odt").write_text("not a report", "utf-8")
    assert run(["extract", str(tmp_path), "--published", "2025-07-18"]) == 0
    captured = capsys.readouterr()
    assert (
        "== haiti_wire_story.txt" in captured.out and "== somalia_news_article.txt" in captured.out
    )
    assert "2/2" in captured.err and "2 report(s) read, 0 failed" in captured.err


@pytest.mark.parametrize(
    "argv_tail, message",
    [
        (["missing.txt", "--published", "2025-07-24"], "missing.txt: no such file"),
        (["REPORT", "--published", "24/07/2025"], "--published '24/07/2025' is not a date"),
    ],
)
def test_bad_input_gives_a_clear_error(tmp_path, capsys, argv_tail, message):
    argv_tail = [
        str(tmp_path / a)
        if a == "missing.txt"
        else str(REPORTS / "haiti_wire_story.txt")
        if a == "REPORT"
        else a
        for a in argv_tail
    ]
    assert run(["extract", *argv_tail]) == 2
    assert message in capsys.readouterr().err


def test_a_file_that_is_not_utf8_is_named_in_the_error(tmp_path, capsys):
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("Caf\xe9 95 percent".encode("latin-1"))
    assert run(["extract", str(bad), "--published", "2025-07-24"]) == 2
    assert f"{bad}: not valid UTF-8" in capsys.readouterr().err


def test_a_folder_read_by_several_processes_gives_the_same_output(tmp_path, capsys):
    names = ("haiti_wire_story.txt", "somalia_news_article.txt", "yemen_wfp_briefing.txt")
    for name in names:
        shutil.copy(REPORTS / name, tmp_path / name)
    (tmp_path / "broken.txt").write_bytes("Caf\xe9 95 percent".encode("latin-1"))
    outputs = []
    for jobs in ("1", "2"):
        argv = ["extract", str(tmp_path), "--published", "2025-07-18", "--format", "json"]
        assert run([*argv, "--jobs", jobs]) == 1  # the broken file fails, the others are read
        captured = capsys.readouterr()
        assert "3 report(s) read, 1 failed" in captured.err and "not valid UTF-8" in captured.err
        outputs.append(captured.out)
    assert outputs[0] == outputs[1]
    assert [json.loads(line)["source"]["title"] for line in outputs[0].splitlines()] == [
        name.removesuffix(".txt") for name in names
    ]


def test_a_negative_number_of_jobs_is_refused(tmp_path, capsys):
    shutil.copy(REPORTS / "haiti_wire_story.txt", tmp_path / "haiti_wire_story.txt")
    assert run(["extract", str(tmp_path), "--published", "2025-07-18", "--jobs", "-1"]) == 2
    assert "--jobs -1" in capsys.readouterr().err
