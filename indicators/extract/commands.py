"""`python -m indicators extract`: report text in, candidate rows printed or written.

`extract REPORT.txt|DIR [--published YYYY-MM-DD]` prints candidate observations and events
(a table, JSON, or CSV: one table per file with `--out DIR`, or one table with `--table`).
A folder's reports are dated by its manifest (`reports.csv`) or their own datelines, never by
each other (`indicators.extract.sources`). The options that describe a report (`--published`,
`--publisher`, ...) and `run_extraction` are shared with `add` (`indicators.adding`).
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict
from datetime import date
from pathlib import Path

from indicators import schema
from indicators.extract.candidates import EVENT_FIELDS, OBSERVATION_FIELDS, Extraction
from indicators.extract.catalogue import Catalogue
from indicators.extract.pipeline import extract, slug
from indicators.extract.sources import (
    MANIFEST,
    ManifestError,
    ReportFacts,
    dateline_date,
    read_manifest,
)
from indicators.reports import REPORT_SUFFIXES, read_report

TABLES = ("observations", "events")

DEFAULT_DATA_DIR = Path(__file__).resolve().parents[2] / "data"


class CommandError(Exception):
    """Bad input: the message names the file or option at fault."""


def register(subparsers) -> None:
    extract_parser = subparsers.add_parser(
        "extract",
        help="print candidate figures and events found in a report text",
        description="Read a report's text and print one candidate per stated figure or dated "
        "fact, each with its verbatim quote and offsets. Given a folder, read every report in it (.txt, .md, .html, .htm, .pdf).",
    )
    extract_parser.add_argument(
        "report",
        type=Path,
        help="a report file (text, Markdown, web page or PDF), or a folder of them",
    )
    _source_options(extract_parser, published_required=False)
    extract_parser.add_argument(
        "--format",
        choices=("table", "csv", "json"),
        default="table",
        help="output format (default: table); csv needs --out or --table",
    )
    extract_parser.add_argument(
        "--out",
        type=Path,
        help="with --format csv: a folder to write sources.csv, observations.csv and events.csv to",
    )
    extract_parser.add_argument(
        "--table",
        choices=TABLES,
        help="with --format csv: print this one table (every report's rows) to standard output",
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


class _IntermixedParser(argparse.ArgumentParser):
    def parse_known_args(self, args=None, namespace=None):
        if getattr(self, "_intermixing", False):
            return super().parse_known_args(args, namespace)
        self._intermixing = True
        try:
            return self.parse_known_intermixed_args(args, namespace)
        finally:
            self._intermixing = False


def _source_options(parser: argparse.ArgumentParser, published_required: bool = True) -> None:
    parser.add_argument(
        "--published",
        required=published_required,
        help="publication day, YYYY-MM-DD (resolves 'Wednesday', 'last week')"
        + (
            ""
            if published_required
            else "; by default the report's manifest row (reports.csv beside it) or its own "
            "dateline; in a folder, only for the reports that have neither"
        ),
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


def run_extraction(
    path: Path, args, catalogue: Catalogue, facts: ReportFacts | None = None, in_folder=False
) -> Extraction:
    """Read one report. Its date comes from `--published`, else its manifest row (`facts`),
    else its dateline; in a folder run the manifest and the dateline come first, so that no
    report is dated by another's `--published`. A report with no date is refused."""
    try:
        report = read_report(path)
    except FileNotFoundError as error:
        raise CommandError(f"{path}: no such file") from error
    except IsADirectoryError as error:
        raise CommandError(f"{path}: is a folder, not a report file") from error
    except (OSError, ValueError) as error:
        raise CommandError(str(error) if str(path) in str(error) else f"{path}: {error}") from error
    facts = facts or ReportFacts()
    notices: list[str] = []
    option = _published(args.published) if getattr(args, "published", None) else None
    dateline = dateline_date(report.text)
    if in_folder:
        published = facts.published or dateline or option
        if published is not None and published is option and not (facts.published or dateline):
            notices.append(
                f"no date in {MANIFEST} nor a dateline in the text: dated {option} by --published"
            )
    else:
        published = option or facts.published or dateline
    if published is None:
        raise CommandError(
            f"{path}: no publication date: the text has no dateline with a year; give "
            f"--published YYYY-MM-DD or add the file to {MANIFEST} beside it"
        )
    publisher = facts.publisher or getattr(args, "publisher", "")
    if not publisher:
        notices.append(
            "no --publisher: figures and events stated in the report's own voice are "
            "attributed to “Unknown publisher”"
        )
    title = facts.title or getattr(args, "title", "")
    if not title:
        title = path.stem
        notices.append(f"no --title: the title is the file name “{title}”")
    extraction = extract(
        report.text,
        published,
        publisher=publisher,
        title=title,
        url=facts.url or getattr(args, "url", ""),
        catalogue=catalogue,
        text_sha256=report.sha256,
        kind=facts.kind if facts.kind in schema.SOURCE_KINDS else args.kind,
    )
    if in_folder:  # one id per report, even for one publisher's reports of one day
        extraction.source["source_id"] += "-" + slug(path.stem)
    extraction.notices[:0] = notices
    return extraction


# ---------------------------------------------------------------------------- extract


def extract_command(args) -> int:
    try:
        if args.published:
            _published(args.published)
        _check_output_options(args)
        catalogue = _catalogue(args.data_dir)
        if args.report.is_dir():
            return _extract_folder(args, catalogue)
        facts = _manifest_facts(args.report)
        extraction = run_extraction(args.report, args, catalogue, facts)
        if args.format == "csv":
            _write_csv(args, [extraction])
        else:
            sys.stdout.write(render(extraction, args.format))
    except CommandError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    _warn(extraction.warnings(str(args.report)))
    return 0


def _check_output_options(args) -> None:
    if args.format == "csv" and not (args.out or args.table):
        raise CommandError(
            "--format csv writes one table per file: give --out DIR (sources.csv, "
            "observations.csv, events.csv) or --table observations|events (one table printed)"
        )
    if args.format != "csv" and (args.out or args.table):
        raise CommandError("--out and --table write CSV tables: use them with --format csv")
    if args.out and args.table:
        raise CommandError("give either --out DIR or --table, not both")


def _manifest_facts(report: Path) -> ReportFacts | None:
    try:
        return read_manifest(report.parent).get(report.name)
    except ManifestError as error:
        raise CommandError(str(error)) from error


def _warn(messages: list[str]) -> None:
    for message in messages:
        print(f"warning: {message}", file=sys.stderr)


def _extract_folder(args, catalogue: Catalogue) -> int:
    files = sorted(
        p
        for p in args.report.iterdir()
        if p.suffix.lower() in REPORT_SUFFIXES and p.is_file() and not p.name.startswith(".")
    )
    if not files:
        raise CommandError(
            f"{args.report}: no report files ({', '.join(REPORT_SUFFIXES)}) in this folder"
        )
    jobs = _job_count(getattr(args, "jobs", 1), len(files))
    totals = {"reports": 0, "observations": 0, "events": 0, "failed": 0, "skipped sentences": 0}
    started = time.perf_counter()
    size = 0
    try:
        manifest = read_manifest(args.report)
    except ManifestError as error:
        raise CommandError(str(error)) from error
    read: list[Extraction] = []
    outcomes = _folder_extractions(files, args, catalogue, jobs, manifest)
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
        totals["skipped sentences"] += len(extraction.failures)
        if args.format == "json":
            sys.stdout.write(json.dumps(extraction.as_dict(), ensure_ascii=False) + "\n")
        elif args.format == "csv":
            read.append(extraction)
        else:
            sys.stdout.write(f"== {path.name}\n" + render(extraction, args.format) + "\n")
        _warn(extraction.warnings(str(path)))
    if args.format == "csv":
        _write_csv(args, read)
    elapsed = time.perf_counter() - started
    print(file=sys.stderr)
    processes = f", {jobs} processes" if jobs > 1 else ""
    print(
        f"{totals['reports']} report(s) read, {totals['failed']} failed: "
        f"{totals['observations']} observation(s), {totals['events']} event(s), "
        f"{totals['skipped sentences']} sentence(s) skipped "
        f"in {elapsed:.2f} s ({size / 1e6 / max(elapsed, 1e-9):.1f} MB/s{processes})",
        file=sys.stderr,
    )
    return 1 if totals["failed"] else 0


def _job_count(requested: int, files: int) -> int:
    if requested < 0:
        raise CommandError(f"--jobs {requested}: give 0 (one per processor) or more")
    available = os.cpu_count() or 1
    return max(1, min(requested or available, available, files))


def _folder_extractions(
    files: list[Path], args, catalogue: Catalogue, jobs: int, manifest: dict[str, ReportFacts]
):
    """Each report's extraction, or the CommandError that stopped it, in the order of `files`.
    With several jobs, worker processes read the reports; results still come in order."""
    if jobs == 1:
        for path in files:
            yield _extraction_or_error(path, args, catalogue, manifest)
        return
    with ProcessPoolExecutor(
        max_workers=jobs, initializer=_start_worker, initargs=(args, catalogue, manifest)
    ) as pool:
        yield from pool.map(_extract_in_worker, files)


_worker: dict = {}


def _start_worker(args, catalogue: Catalogue, manifest: dict[str, ReportFacts]) -> None:
    _worker.update(args=args, catalogue=catalogue, manifest=manifest)


def _extract_in_worker(path: Path):
    return _extraction_or_error(path, _worker["args"], _worker["catalogue"], _worker["manifest"])


def _extraction_or_error(path: Path, args, catalogue: Catalogue, manifest=None):
    try:
        return run_extraction(path, args, catalogue, (manifest or {}).get(path.name), True)
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
                {
                    "source": extraction.source,
                    "observations": observations,
                    "events": events,
                    "warnings": extraction.warnings(),
                },
                ensure_ascii=False,
                indent=2,
            )
            + "\n"
        )
    return _table(extraction, observations, events)


OBSERVATION_CSV_COLUMNS = [
    "candidate_id",
    "indicator_name",
    "indicator_is_new",
    "unit",
    *OBSERVATION_FIELDS,
    "review",
]
EVENT_CSV_COLUMNS = ["candidate_id", *EVENT_FIELDS]


def csv_tables(extractions: list[Extraction]) -> dict[str, tuple[str, int]]:
    """sources, observations and events of the reports: each one CSV text with its header,
    and its number of rows."""
    rows: dict[str, list[dict]] = {"sources": [], "observations": [], "events": []}
    for extraction in extractions:
        observations, events = _candidate_dicts(extraction)
        rows["sources"].append(extraction.source)
        rows["observations"] += observations
        rows["events"] += events
    columns = {
        "sources": schema.SOURCES.column_names,
        "observations": OBSERVATION_CSV_COLUMNS,
        "events": EVENT_CSV_COLUMNS,
    }
    tables = {}
    for name, table_rows in rows.items():
        buffer = io.StringIO()
        writer = csv.DictWriter(
            buffer, fieldnames=columns[name], extrasaction="ignore", lineterminator="\n"
        )
        writer.writeheader()
        writer.writerows(table_rows)
        tables[name] = (buffer.getvalue(), len(table_rows))
    return tables


def _write_csv(args, extractions: list[Extraction]) -> None:
    tables = csv_tables(extractions)
    if args.table:
        sys.stdout.write(tables[args.table][0])
        return
    try:
        args.out.mkdir(parents=True, exist_ok=True)
        for name, (content, _) in tables.items():
            (args.out / f"{name}.csv").write_text(content, "utf-8")
    except OSError as error:
        raise CommandError(
            f"{args.out}: cannot write the tables ({error.strerror or error})"
        ) from error
    counts = ", ".join(f"{size} {name}" for name, (_, size) in tables.items())
    print(f"wrote {counts} to {args.out}", file=sys.stderr)


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
            f"      period {period or '-'}  reported {row['reported_on']}  by {row['attributed_to']}  in {_place(row)}"
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
        lines.append(f"      by {row['attributed_to']}  in {_place(row)}")
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


def _place(row: dict) -> str:
    """'Gaza Strip (PSE)': the place with its country code when it has one."""
    code = row.get("country_code")
    return f"{row['location']} ({code})" if code else row["location"]


def _excerpt(text: str, width: int = 110) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
