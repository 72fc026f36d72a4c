"""`python -m indicators extract` and `python -m indicators add`.

`extract REPORT.txt|DIR --published YYYY-MM-DD` prints candidate observations and events.
`add REPORT.txt --published ... --accept o1,e2|--all [DATA_DIR]` appends the source row, the
chosen candidates and any new indicators to the tables, checked and written atomically.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import shutil
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict
from datetime import date
from pathlib import Path

from indicators import schema
from indicators.extract.catalogue import Catalogue
from indicators.extract.pipeline import EVENT_FIELDS, OBSERVATION_FIELDS, Extraction, extract
from indicators.reports import read_report
from indicators.store import StoreError, append_rows

DEFAULT_DATA_DIR = Path(__file__).resolve().parents[2] / "data"
OBSERVATION_KEY = (
    "source_id",
    "indicator_id",
    "quote_start",
    "quote_end",
    "value_as_stated",
    "attributed_to",
)
EVENT_KEY = ("source_id", "kind", "quote_start", "quote_end")


class CommandError(Exception):
    """Bad input: the message names the file or option at fault."""


def register(subparsers) -> None:
    extract_parser = subparsers.add_parser(
        "extract",
        help="print candidate figures and events found in a report text",
        description="Read a report's text and print one candidate per stated figure or dated "
        "fact, each with its verbatim quote and offsets. Given a folder, read every .txt in it.",
    )
    extract_parser.add_argument(
        "report", type=Path, help="a UTF-8 text file, or a folder of .txt files"
    )
    _source_options(extract_parser)
    extract_parser.add_argument(
        "--format",
        choices=("table", "csv", "json"),
        default="table",
        help="output format (default: table)",
    )
    extract_parser.add_argument(
        "--data-dir",
        type=Path,
        default=DEFAULT_DATA_DIR,
        help="tables whose indicators.csv is the catalogue",
    )
    extract_parser.add_argument(
        "--jobs",
        type=int,
        default=1,
        help="given a folder, read its reports in this many processes at once "
        "(0: one per processor; default: 1)",
    )
    extract_parser.set_defaults(func=extract_command)

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


class _IntermixedParser(argparse.ArgumentParser):
    def parse_known_args(self, args=None, namespace=None):
        if getattr(self, "_intermixing", False):
            return super().parse_known_args(args, namespace)
        self._intermixing = True
        try:
            return self.parse_known_intermixed_args(args, namespace)
        finally:
            self._intermixing = False


def _source_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--published",
        required=True,
        help="publication day, YYYY-MM-DD (resolves 'Wednesday', 'last week')",
    )
    parser.add_argument("--publisher", default="", help="who published the report")
    parser.add_argument("--title", default="", help="the report's headline")
    parser.add_argument("--url", default="", help="web address of the report")
    parser.add_argument(
        "--kind", default="news article", choices=schema.SOURCE_KINDS, help="what sort of report"
    )


def _published(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as error:
        raise CommandError(f"--published {value!r} is not a date of the form YYYY-MM-DD") from error


def _catalogue(data_dir: Path) -> Catalogue:
    return Catalogue.from_csv(Path(data_dir) / "indicators.csv")


def run_extraction(path: Path, args, catalogue: Catalogue) -> Extraction:
    try:
        report = read_report(path)
    except FileNotFoundError as error:
        raise CommandError(f"{path}: no such file") from error
    except IsADirectoryError as error:
        raise CommandError(f"{path}: is a folder, not a report file") from error
    except (OSError, ValueError) as error:
        raise CommandError(str(error) if str(path) in str(error) else f"{path}: {error}") from error
    published = _published(args.published)
    return extract(
        report.text,
        published,
        publisher=args.publisher,
        title=args.title or path.stem,
        url=args.url,
        catalogue=catalogue,
        text_sha256=report.sha256,
        kind=args.kind,
    )


# ---------------------------------------------------------------------------- extract


def extract_command(args) -> int:
    try:
        _published(args.published)
        catalogue = _catalogue(args.data_dir)
        if args.report.is_dir():
            return _extract_folder(args, catalogue)
        extraction = run_extraction(args.report, args, catalogue)
    except CommandError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    sys.stdout.write(render(extraction, args.format))
    return 0


def _extract_folder(args, catalogue: Catalogue) -> int:
    files = sorted(p for p in args.report.iterdir() if p.suffix == ".txt" and p.is_file())
    if not files:
        raise CommandError(f"{args.report}: no .txt files in this folder")
    jobs = _job_count(getattr(args, "jobs", 1), len(files))
    totals = {"reports": 0, "observations": 0, "events": 0, "failed": 0}
    started = time.perf_counter()
    size = 0
    outcomes = _folder_extractions(files, args, catalogue, jobs)
    for number, (path, extraction) in enumerate(zip(files, outcomes), start=1):
        _progress(number, len(files), path.name)
        if isinstance(extraction, CommandError):
            print(f"\nerror: {extraction}", file=sys.stderr)
            totals["failed"] += 1
            continue
        size += path.stat().st_size
        totals["reports"] += 1
        totals["observations"] += len(extraction.observations)
        totals["events"] += len(extraction.events)
        if args.format == "json":
            sys.stdout.write(json.dumps(extraction.as_dict(), ensure_ascii=False) + "\n")
        else:
            sys.stdout.write(f"== {path.name}\n" + render(extraction, args.format) + "\n")
    elapsed = time.perf_counter() - started
    print(file=sys.stderr)
    processes = f", {jobs} processes" if jobs > 1 else ""
    print(
        f"{totals['reports']} report(s) read, {totals['failed']} failed: "
        f"{totals['observations']} observation(s), {totals['events']} event(s) "
        f"in {elapsed:.2f} s ({size / 1e6 / max(elapsed, 1e-9):.1f} MB/s{processes})",
        file=sys.stderr,
    )
    return 1 if totals["failed"] else 0


def _job_count(requested: int, files: int) -> int:
    if requested < 0:
        raise CommandError(f"--jobs {requested}: give 0 (one per processor) or more")
    available = os.cpu_count() or 1
    return max(1, min(requested or available, available, files))


def _folder_extractions(files: list[Path], args, catalogue: Catalogue, jobs: int):
    """Each report's extraction, or the CommandError that stopped it, in the order of `files`.
    With several jobs, worker processes read the reports; results still come in order."""
    if jobs == 1:
        for path in files:
            yield _extraction_or_error(path, args, catalogue)
        return
    with ProcessPoolExecutor(
        max_workers=jobs, initializer=_start_worker, initargs=(args, catalogue)
    ) as pool:
        yield from pool.map(_extract_in_worker, files)


_worker: dict = {}


def _start_worker(args, catalogue: Catalogue) -> None:
    _worker.update(args=args, catalogue=catalogue)


def _extract_in_worker(path: Path):
    return _extraction_or_error(path, _worker["args"], _worker["catalogue"])


def _extraction_or_error(path: Path, args, catalogue: Catalogue):
    try:
        return run_extraction(path, args, catalogue)
    except CommandError as error:
        return error


def _progress(done: int, total: int, name: str) -> None:
    width = 30
    filled = int(width * done / total)
    bar = "#" * filled + "." * (width - filled)
    line = f"[{bar}] {done}/{total} {name}"
    if sys.stderr.isatty():
        print(f"\r{line[:100]:<100}", end="", file=sys.stderr, flush=True)
    else:
        print(line, file=sys.stderr)


def _candidate_dicts(extraction: Extraction) -> tuple[list[dict], list[dict]]:
    observations = []
    for observation in extraction.observations:
        row = asdict(observation)
        row["observation_id"] = observation.candidate_id
        row["source_id"] = extraction.source["source_id"]
        observations.append(row)
    events = []
    for event in extraction.events:
        row = asdict(event)
        row["event_id"] = event.candidate_id
        row["source_id"] = extraction.source["source_id"]
        events.append(row)
    return observations, events


def render(extraction: Extraction, output: str) -> str:
    observations, events = _candidate_dicts(extraction)
    if output == "json":
        return (
            json.dumps(
                {"source": extraction.source, "observations": observations, "events": events},
                ensure_ascii=False,
                indent=2,
            )
            + "\n"
        )
    if output == "csv":
        buffer = io.StringIO()
        observation_columns = [
            "candidate_id",
            "indicator_name",
            "indicator_is_new",
            "unit",
        ] + OBSERVATION_FIELDS
        writer = csv.DictWriter(
            buffer, fieldnames=observation_columns, extrasaction="ignore", lineterminator="\n"
        )
        writer.writeheader()
        writer.writerows(observations)
        buffer.write("\n")
        writer = csv.DictWriter(
            buffer,
            fieldnames=["candidate_id"] + EVENT_FIELDS,
            extrasaction="ignore",
            lineterminator="\n",
        )
        writer.writeheader()
        writer.writerows(events)
        return buffer.getvalue()
    return _table(extraction, observations, events)


def _number(value) -> str:
    if value is None:
        return ""
    return f"{value:g}" if isinstance(value, float) else str(value)


def _table(extraction: Extraction, observations: list[dict], events: list[dict]) -> str:
    source = extraction.source
    lines = [
        f"source {source['source_id']}: {source['publisher']}, published {source['published']}",
        f"{len(observations)} observation(s), {len(events)} event(s)",
    ]
    for row in observations:
        value = _number(row["value"])
        bounds = ""
        if row["value_low"] is not None or row["value_high"] is not None:
            bounds = f" [{_number(row['value_low'])}..{_number(row['value_high'])}]"
        new = " (new)" if row["indicator_is_new"] else ""
        period = _span(
            row["period_start"],
            row["period_end"],
            row["period_precision"],
            row["period_end_precision"],
        )
        lines.append(
            f"{row['candidate_id']:>4}  {row['indicator_id']}{new}  {row['qualifier'] + ' ' if row['qualifier'] else ''}"
            f"{value or '-'}{bounds} {row['unit']}  “{row['value_as_stated']}”"
            f"{'  provisional' if row['provisional'] else ''}"
        )
        lines.append(
            f"      period {period or '-'}  reported {row['reported_on']}  by {row['attributed_to']}  in {row['location']}"
        )
        lines.append(
            f"      quote [{row['quote_start']}:{row['quote_end']}] {_excerpt(row['quote'])}"
        )
    for row in events:
        when = (
            _span(row["start"], row["end"], row["start_precision"], row["end_precision"])
            or row["start_as_stated"]
        )
        lines.append(f"{row['candidate_id']:>4}  {row['kind']}  {when or '-'}  {row['label']}")
        lines.append(f"      by {row['attributed_to']}  in {row['location']}")
        lines.append(
            f"      quote [{row['quote_start']}:{row['quote_end']}] {_excerpt(row['quote'])}"
        )
    return "\n".join(lines) + "\n"


def _span(start: str, end: str, precision: str, end_precision: str) -> str:
    if not start and not end:
        return ""
    first = f"{start} ({precision})" if start else "…"
    last = f"{end} ({end_precision or precision})" if end else "…"
    return first if start and end == start and not end_precision else f"{first} – {last}"


def _excerpt(text: str, width: int = 110) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


# ---------------------------------------------------------------------------- add


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
