"""`python -m indicators add REPORT --published ... --accept o1,e2|--all [DATA_DIR]`.

Reads the report (text, Markdown, a web page or a PDF, see `indicators.ingest`), extracts
its candidates and hands the chosen ones to `indicators.adding.add_report`, the same
function the dashboard's "Add a report" page calls. Every failure ends in one sentence on
standard error: what happened, whether anything changed, what to do.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from indicators.adding import (
    AddError,
    AddResult,
    SourceDetails,
    add_report,
    catalogue_of,
    extract_candidates,
)
from indicators.extract.commands import DEFAULT_DATA_DIR, _IntermixedParser, _source_options
from indicators.ingest import FORMATS, IngestError, read_document
from indicators.store import explain_os_error

ID_COLUMN = {
    "sources.csv": "source_id",
    "indicators.csv": "indicator_id",
    "observations.csv": "observation_id",
    "events.csv": "event_id",
}


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
            "change. The report's text is kept in the tables' reports/ folder.",
        )
    finally:
        subparsers._parser_class = default_class
    add_parser.add_argument("report", type=Path, help=f"a report file ({', '.join(FORMATS)})")
    _source_options(add_parser)
    add_parser.add_argument(
        "--language", default="en", help="the report's language, ISO 639-1 (default: en)"
    )
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
        details = _details(args)
        document = _document(args.report)
        extraction = extract_candidates(document, details, catalogue_of(args.data_dir))
        accepted = None if args.all else args.accept.split(",")
        result = add_report(args.data_dir, document, details, extraction, accepted)
    except _UsageError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    except AddError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1 if str(error).startswith("nothing was added:") else 2
    except OSError as error:  # e.g. the catalogue could not be read
        cause, advice = explain_os_error(error)
        print(f"error: nothing was added: {cause}; {advice}", file=sys.stderr)
        return 1
    _print_result(Path(args.data_dir), result)
    return 0


class _UsageError(Exception):
    pass


def _details(args) -> SourceDetails:
    try:
        published = date.fromisoformat(args.published)
    except ValueError as error:
        raise _UsageError(
            f"--published {args.published!r} is not a date of the form YYYY-MM-DD"
        ) from error
    details = SourceDetails(
        published=published,
        publisher=args.publisher,
        title=args.title,
        url=args.url,
        language=args.language,
        kind=args.kind,
    )
    problems = details.problems()
    if problems:
        # Say which option: the details speak of "the publisher", "the title", ...
        options = {"the publisher": "--publisher", "the title": "--title", "the address": "--url"}
        worded = []
        for problem in problems:
            for words, option in options.items():
                if problem.startswith(words):
                    problem = f"{option}: {problem}"
            worded.append(problem)
        raise _UsageError("; ".join(worded))
    return details


def _document(path: Path):
    try:
        return read_document(path)
    except FileNotFoundError as error:
        raise _UsageError(f"{path}: no such file") from error
    except IsADirectoryError as error:
        raise _UsageError(f"{path}: is a folder, not a report file") from error
    except IngestError as error:
        raise _UsageError(str(error)) from error
    except OSError as error:
        cause, advice = explain_os_error(error)
        raise _UsageError(f"{path}: cannot be read: {cause}; {advice}") from error


def _print_result(data_dir: Path, result: AddResult) -> None:
    if result.already_added:
        print(
            f"Nothing to add: this report was already added as source {result.source_id} "
            f"in {data_dir}; nothing to do."
        )
        return
    if not result.changed:
        print(
            f"Nothing to add: {result.source_id} and the chosen candidates are already in {data_dir}."
        )
        return
    print(f"Added to {data_dir}:")
    for name, fresh in result.added.items():
        for row in fresh:
            detail = ""
            if name == "observations.csv":
                qualifier = row["qualifier"] + " " if row["qualifier"] else ""
                detail = f" {row['indicator_id']} {qualifier}{row['value_as_stated']!r} ({row['attributed_to']})"
            elif name == "events.csv":
                detail = f" {row['kind']} {row['start'] or row['start_as_stated']} ({row['attributed_to']})"
            print(f"  {name}: {row[ID_COLUMN[name]]}{detail}")
    print(f"  report text kept as {data_dir / result.report_file}")
    for warning in result.warnings:
        print(f"warning: {warning}", file=sys.stderr)
