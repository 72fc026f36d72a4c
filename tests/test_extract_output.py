"""`extract` output a CSV reader can read, and folder runs that date each report by itself."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest

from indicators.cli import build_parser
from indicators.extract.sources import dateline_date

REPORTS = Path(__file__).resolve().parent / "fixtures" / "reports"


def run(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)


def _rows(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text)))


def test_csv_without_a_destination_is_refused_with_the_choices(capsys):
    report = str(REPORTS / "yemen_wfp_briefing.txt")
    assert run(["extract", report, "--published", "2025-05-16", "--format", "csv"]) == 2
    error = capsys.readouterr().err
    assert "--out DIR" in error and "--table observations|events" in error


def test_out_writes_one_readable_table_per_file(tmp_path, capsys):
    report = str(REPORTS / "yemen_wfp_briefing.txt")
    argv = ["extract", report, "--published", "2025-05-16", "--publisher", "WFP"]
    assert run([*argv, "--format", "csv", "--out", str(tmp_path / "out")]) == 0
    assert "wrote 1 sources" in capsys.readouterr().err
    sources = _rows((tmp_path / "out" / "sources.csv").read_text("utf-8"))
    observations = _rows((tmp_path / "out" / "observations.csv").read_text("utf-8"))
    events = _rows((tmp_path / "out" / "events.csv").read_text("utf-8"))
    assert [s["source_id"] for s in sources] == ["wfp-2025-05-16"]
    assert len(observations) == 10 and {o["source_id"] for o in observations} == {"wfp-2025-05-16"}
    text = (REPORTS / "yemen_wfp_briefing.txt").read_text("utf-8")
    for row in observations + events:  # every row whole: its quote at its offsets
        assert text[int(row["quote_start"]) : int(row["quote_end"])] == row["quote"]


def test_table_events_prints_only_the_events(capsys):
    report = str(REPORTS / "gaza_wire_story.txt")
    argv = ["extract", report, "--published", "2025-06-10", "--format", "csv"]
    assert run([*argv, "--table", "events"]) == 0
    rows = _rows(capsys.readouterr().out)
    assert rows and set(rows[0]) >= {"event_id", "kind", "start", "quote"}
    assert "indicator_id" not in rows[0]


def test_missing_publisher_and_title_are_said(capsys):
    report = str(REPORTS / "yemen_wfp_briefing.txt")
    assert run(["extract", report, "--published", "2025-05-16"]) == 0
    error = capsys.readouterr().err
    assert "no --publisher" in error and "Unknown publisher" in error
    assert "no --title: the title is the file name “yemen_wfp_briefing”" in error


def test_a_report_with_a_dateline_needs_no_published_option(capsys):
    report = str(REPORTS / "zambia_cholera_situation_report.txt")
    assert run(["extract", report, "--publisher", "WHO", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["source"]["published"] == "2025-02-18"


def test_a_report_with_no_date_is_refused_not_guessed(capsys):
    report = str(REPORTS / "gaza_wire_story.txt")  # a dateline without a year
    assert run(["extract", report, "--publisher", "Levant Wire"]) == 2
    assert "no publication date" in capsys.readouterr().err


def test_a_folder_dates_each_report_by_its_manifest_or_dateline(tmp_path, capsys):
    for name in ("gaza_wire_story", "zambia_cholera_situation_report", "bangladesh_unhcr_briefing"):
        shutil.copy(REPORTS / f"{name}.txt", tmp_path / f"{name}.txt")
    (tmp_path / "reports.csv").write_text(
        "file,published,publisher,title\n"
        "gaza_wire_story.txt,2025-06-10,Levant Wire,Aid trucks wait at the crossings\n",
        "utf-8",
    )
    assert run(["extract", str(tmp_path), "--format", "json", "--publisher", "Agency"]) == 1
    captured = capsys.readouterr()
    sources = [json.loads(line)["source"] for line in captured.out.splitlines()]
    assert [(s["published"], s["publisher"]) for s in sources] == [
        ("2025-06-10", "Levant Wire"),  # from reports.csv
        ("2025-02-18", "Agency"),  # from its dateline
    ]
    assert sources[0]["title"] == "Aid trucks wait at the crossings"
    # the briefing has no dateline with a year: reported, not dated by another report
    assert "bangladesh_unhcr_briefing.txt: no publication date" in captured.err
    assert "2 report(s) read, 1 failed" in captured.err


def test_a_folder_gives_each_report_its_own_source_id(tmp_path, capsys):
    for name in ("haiti_wire_story.txt", "somalia_news_article.txt"):
        shutil.copy(REPORTS / name, tmp_path / name)
    argv = ["extract", str(tmp_path), "--published", "2025-07-18", "--publisher", "Wire"]
    assert run([*argv, "--format", "csv", "--table", "observations"]) == 0
    ids = {row["source_id"] for row in _rows(capsys.readouterr().out)}
    assert ids == {"wire-2025-07-18-haiti-wire-story", "wire-2025-07-18-somalia-news-article"}


def test_published_applies_only_to_reports_without_a_date_and_says_so(tmp_path, capsys):
    shutil.copy(REPORTS / "haiti_wire_story.txt", tmp_path / "haiti_wire_story.txt")
    shutil.copy(REPORTS / "somalia_news_article.txt", tmp_path / "somalia_news_article.txt")
    argv = ["extract", str(tmp_path), "--published", "2025-07-20", "--format", "json"]
    assert run(argv) == 0
    captured = capsys.readouterr()
    published = [json.loads(line)["source"]["published"] for line in captured.out.splitlines()]
    assert published == ["2025-07-20", "2025-07-18"]  # the article's own dateline wins
    assert "haiti_wire_story.txt: no date in reports.csv nor a dateline" in captured.err


def test_a_bad_manifest_row_is_named(tmp_path, capsys):
    shutil.copy(REPORTS / "haiti_wire_story.txt", tmp_path / "haiti_wire_story.txt")
    (tmp_path / "reports.csv").write_text("file,published\nhaiti_wire_story.txt,18/07/25\n")
    assert run(["extract", str(tmp_path)]) == 2
    assert "reports.csv:2: [published] '18/07/25' is not a date" in capsys.readouterr().err


@pytest.mark.parametrize("golden", sorted(REPORTS.rglob("*.expected.json")), ids=lambda p: p.stem)
def test_a_dateline_when_found_is_the_publication_day(golden):
    day = dateline_date(golden.with_name(golden.name.replace(".expected.json", ".txt")).read_text())
    assert day is None or day.isoformat() == json.loads(golden.read_text())["published"]
