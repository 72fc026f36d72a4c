"""`python -m indicators add`: a report's chosen candidates into the tables, in one change.

`add REPORT.txt --published ... --accept o1,e2|--all [DATA_DIR]` appends the source row, the
chosen candidates and any new indicators to the tables, checked and written atomically
through `indicators.store`.
"""

from __future__ import annotations

import csv
import shutil
import sys
import tempfile
from pathlib import Path

from indicators import schema
from indicators.extract.commands import (
    DEFAULT_DATA_DIR,
    CommandError,
    _candidate_dicts,
    _catalogue,
    _IntermixedParser,
    _source_options,
    run_extraction,
)
from indicators.extract.pipeline import Extraction
from indicators.reports import read_report
from indicators.store import StoreError, append_rows

OBSERVATION_KEY = (
    "source_id",
    "indicator_id",
    "quote_start",
    "quote_end",
    "value_as_stated",
    "attributed_to",
)
EVENT_KEY = ("source_id", "kind", "quote_start", "quote_end")


def register(subparsers) -> None:
    # `add REPORT --published ... --all DATA_DIR`: the folder comes after the options, which
    # plain argparse does not allow for a second positional; intermixed parsing does.
    default_class = subparsers._parser_class
    subparsers._parser_class = _IntermixedParser
    try:
        add_parser = subparsers.add_parser(
            "add",
            help="add a report and chosen candidates to the tables",
            description="Extract candidates from a report and append the source row, the chosen "
            "candidates and any new indicators to the tables, after validation, in one atomic "
            "change.",
        )
    finally:
        subparsers._parser_class = default_class
    add_parser.add_argument("report", type=Path, help="a UTF-8 text file")
    _source_options(add_parser)
    choice = add_parser.add_mutually_exclusive_group(required=True)
    choice.add_argument("--accept", metavar="ID,ID", help="candidate ids from `extract` (o1,o3,e2)")
    choice.add_argument("--all", action="store_true", help="add every candidate")
    add_parser.add_argument(
        "data_dir",
        nargs="?",
        type=Path,
        default=DEFAULT_DATA_DIR,
        help="folder with the CSV tables",
    )
    add_parser.set_defaults(func=add_command)


def add_command(args) -> int:
    try:
        return _add(args)
    except CommandError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    except StoreError as error:
        print(f"error: nothing was added: {error}", file=sys.stderr)
        return 1


def _add(args) -> int:
    data_dir = Path(args.data_dir)
    if not (data_dir / "sources.csv").exists():
        raise CommandError(f"{data_dir}: no sources.csv here; is this the tables folder?")
    extraction = run_extraction(args.report, args, _catalogue(data_dir))
    report_text = read_report(args.report).text
    observations, events = _chosen(extraction, args)
    for row in observations + events:
        if report_text[row["quote_start"] : row["quote_end"]] != row["quote"]:
            raise CommandError(
                f"{args.report}: candidate {row['candidate_id']} quotes text not at its offsets"
            )
    source = dict(extraction.source)
    source["source_id"] = _source_id_for(data_dir, source, args.report)
    source["notes"] = source["notes"] or "Added with `python -m indicators add`."
    rows = _table_rows(source, observations, events, extraction)
    headers = {table.file_name: table.column_names for table in schema.TABLES.values()}
    keys = {
        "sources.csv": ("source_id",),
        "indicators.csv": ("indicator_id",),
        "observations.csv": OBSERVATION_KEY,
        "events.csv": EVENT_KEY,
    }
    added = append_rows(data_dir, rows, headers, keys, check=_validator(data_dir))
    _print_added(data_dir, source, rows, added)
    return 0


def _chosen(extraction: Extraction, args) -> tuple[list[dict], list[dict]]:
    observations, events = _candidate_dicts(extraction)
    if args.all:
        return observations, events
    wanted = [part.strip().lower() for part in args.accept.split(",") if part.strip()]
    known = {row["candidate_id"] for row in observations + events}
    unknown = [item for item in wanted if item not in known]
    if unknown:
        raise CommandError(
            f"{args.report}: no candidate {', '.join(unknown)}; this report has "
            f"{', '.join(sorted(known, key=lambda c: (c[0], int(c[1:])))) or 'no candidates'}"
        )
    return (
        [row for row in observations if row["candidate_id"] in wanted],
        [row for row in events if row["candidate_id"] in wanted],
    )


def _source_id_for(data_dir: Path, source: dict, report: Path) -> str:
    """The report's source id; refuses a report already added with different text."""
    path = data_dir / "sources.csv"
    with open(path, encoding="utf-8-sig", newline="") as handle:
        existing = list(csv.DictReader(handle))
    for row in existing:
        if row.get("text_sha256") == source["text_sha256"]:
            return row["source_id"]  # the same text: add only what is missing
    for row in existing:
        same_id = row.get("source_id") == source["source_id"]
        same_url = bool(source["url"]) and row.get("url") == source["url"]
        if same_id or same_url:
            raise CommandError(
                f"{report}: this report was already added as source {row['source_id']} from a "
                f"different text (SHA-256 {row.get('text_sha256', '')[:12]}… there, "
                f"{source['text_sha256'][:12]}… here); not adding it again. If the report was "
                "corrected, add it under another publisher or date, or edit the tables by hand."
            )
    return source["source_id"]


def _table_rows(
    source: dict, observations: list[dict], events: list[dict], extraction: Extraction
) -> dict:
    source_id = source["source_id"]
    observation_rows = []
    for row in observations:
        out = {column: row.get(column, "") for column in schema.OBSERVATIONS.column_names}
        out["observation_id"] = f"{source_id}-{row['candidate_id']}"
        out["source_id"] = source_id
        out["provisional"] = "true" if row["provisional"] else ""
        observation_rows.append(out)
    event_rows = []
    for row in events:
        out = {column: row.get(column, "") for column in schema.EVENTS.column_names}
        out["event_id"] = f"{source_id}-{row['candidate_id']}"
        out["source_id"] = source_id
        event_rows.append(out)
    chosen_indicators = {row["indicator_id"] for row in observations}
    indicator_rows = [
        {
            "indicator_id": item["indicator_id"],
            "name": item["name"],
            "unit": item["unit"]
            if item["unit"] in ("percent", "count", "days", "months", "status")
            else item["unit"],
            "definition": f"{item['name']} (proposed when {source_id} was added; review this definition).",
            "hxl_tag": "#indicator+" + item["indicator_id"],
        }
        for item in extraction.new_indicators()
        if item["indicator_id"] in chosen_indicators
    ]
    source_row = {column: source.get(column, "") for column in schema.SOURCES.column_names}
    return {
        "sources.csv": [source_row],
        "indicators.csv": indicator_rows,
        "observations.csv": observation_rows,
        "events.csv": event_rows,
    }


def _validator(data_dir: Path):
    """Refuse a change that makes the tables invalid: compare problems before and after."""
    from indicators.loading import load_tables

    before = {(p.file, p.column, p.message) for p in load_tables(data_dir).problems}

    def check(contents: dict[str, bytes]) -> None:
        with tempfile.TemporaryDirectory() as folder:
            for name, data in contents.items():
                Path(folder, name).write_bytes(data)
            for other in data_dir.glob("*.csv"):
                if other.name not in contents:
                    shutil.copy(other, Path(folder, other.name))
            problems = load_tables(folder).problems
        new = [p for p in problems if (p.file, p.column, p.message) not in before]
        if new:
            listed = "; ".join(str(p).replace(folder, str(data_dir)) for p in new[:10])
            raise StoreError(f"the new rows would not validate: {listed}")

    return check


def _print_added(data_dir: Path, source: dict, rows: dict, added: dict[str, list]) -> None:
    if not any(added.values()):
        print(
            f"Nothing to add: {source['source_id']} and the chosen candidates are already in {data_dir}."
        )
        return
    print(f"Added to {data_dir}:")
    id_column = {
        "sources.csv": "source_id",
        "indicators.csv": "indicator_id",
        "observations.csv": "observation_id",
        "events.csv": "event_id",
    }
    for name, fresh in added.items():
        for row in fresh:
            detail = ""
            if name == "observations.csv":
                detail = f" {row['indicator_id']} {row['qualifier'] + ' ' if row['qualifier'] else ''}{row['value_as_stated']!r} ({row['attributed_to']})"
            elif name == "events.csv":
                detail = f" {row['kind']} {row['start'] or row['start_as_stated']} ({row['attributed_to']})"
            print(f"  {name}: {row[id_column[name]]}{detail}")
    for name, fresh in added.items():
        skipped = len(rows[name]) - len(fresh)
        if skipped:
            print(f"  {skipped} row(s) already present in {name}, not added again")
