"""`python -m indicators extract`: report text in, candidate rows printed.

`extract REPORT.txt|DIR --published YYYY-MM-DD` prints candidate observations and events.
The options that describe a report (`--published`, `--publisher`, ...) and `run_extraction`
are shared with `add` (`indicators.adding`).
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
from indicators.extract.pipeline import extract
from indicators.reports import read_report

DEFAULT_DATA_DIR = Path(__file__).resolve().parents[2] / "data"


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
    _warn(extraction.warnings(str(args.report)))
    return 0


def _warn(messages: list[str]) -> None:
    for message in messages:
        print(f"warning: {message}", file=sys.stderr)


def _extract_folder(args, catalogue: Catalogue) -> int:
    files = sorted(p for p in args.report.iterdir() if p.suffix == ".txt" and p.is_file())
    if not files:
        raise CommandError(f"{args.report}: no .txt files in this folder")
    jobs = _job_count(getattr(args, "jobs", 1), len(files))
    totals = {"reports": 0, "observations": 0, "events": 0, "failed": 0, "skipped sentences": 0}
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
        totals["skipped sentences"] += len(extraction.failures)
        if args.format == "json":
            sys.stdout.write(json.dumps(extraction.as_dict(), ensure_ascii=False) + "\n")
        else:
            sys.stdout.write(f"== {path.name}\n" + render(extraction, args.format) + "\n")
        _warn(extraction.warnings(str(path)))
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
