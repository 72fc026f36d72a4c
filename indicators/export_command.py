"""The `export` command: the bundle, the JSON snapshot, or one table as CSV or HXL."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from indicators import schema
from indicators.exports import (
    build_bundle,
    to_csv_bytes,
    to_hxl_csv_bytes,
    write_atomically,
    write_snapshot,
)
from indicators.loading import DEFAULT_DATA_DIR, load_tables


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date written YYYY-MM-DD") from None


def _fail(message: str, code: int) -> int:
    print(f"export: {message}", file=sys.stderr)
    return code


def export_command(args: argparse.Namespace) -> int:
    if args.format in ("bundle", "json"):
        if args.table:
            return _fail("--table goes with --format csv or --format hxl", 2)
        if args.out is None:
            what = "PATH.zip" if args.format == "bundle" else "DIR"
            return _fail(f"--out {what} is required for --format {args.format}", 2)
        if args.format == "json" and args.out.exists() and not args.out.is_dir():
            return _fail(f"cannot write the snapshot into {args.out}: it is not a folder", 2)
    elif not args.table:
        return _fail(f"--format {args.format} needs --table NAME", 2)
    if args.out is not None and not args.out.parent.is_dir():
        return _fail(f"cannot write {args.out}: folder {args.out.parent} does not exist", 2)

    result = load_tables(args.data_dir, args.reports)
    for problem in result.problems:
        print(problem, file=sys.stderr)
    notes = []
    if result.reports_checked:
        notes.append(
            "Every quote was checked, at its offsets, against the report text whose SHA-256 "
            "is in `sources.text_sha256`."
        )
    if result.problems:
        count = len(result.problems)
        if not args.allow_problems:
            return _fail(
                f"{count} problem(s) in {args.data_dir}; nothing was written. Fix them (see "
                "`python -m indicators validate`) or pass --allow-problems to export the "
                "valid rows only.",
                1,
            )
        print(
            f"export: {count} problem(s) in {args.data_dir}; the rows they concern are left out.",
            file=sys.stderr,
        )
        notes.append(
            f"{count} problem(s) were found when this export was made; the rows they concern "
            "are left out of it."
        )

    if args.format == "bundle":
        today = args.today or date.today()
        data = build_bundle(result.tables, today, sources_note=" ".join(notes) or None)
        counts = ", ".join(f"{len(frame)} {name}" for name, frame in result.tables.items())
        what = f"{counts}; with datapackage.json, README.md, hdx_dataset.json and HXL copies"
    elif args.format == "json":
        today = args.today or date.today()
        try:
            files = write_snapshot(args.out, result.tables, today)
        except OSError as error:
            return _fail(f"cannot write into {args.out}: {error.strerror or error}", 1)
        counts = ", ".join(f"{len(frame)} {name}" for name, frame in result.tables.items())
        size = sum(len(data) for data in files.values())
        print(
            f"Wrote {len(files)} files to {args.out} ({size:,} bytes): {counts}; with index.json."
        )
        return 0
    else:
        table = schema.TABLES[args.table]
        frame = result.tables[table.name][table.column_names]
        data = to_hxl_csv_bytes(frame, table.name) if args.format == "hxl" else to_csv_bytes(frame)
        what = f"{len(frame)} {table.name}"
        if args.out is None:
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
            return 0
    try:
        write_atomically(args.out, data)
    except OSError as error:
        return _fail(f"cannot write {args.out}: {error.strerror or error}", 1)
    print(f"Wrote {args.out} ({len(data):,} bytes): {what}.")
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    export = subparsers.add_parser(
        "export",
        help="write the tables as a zip bundle or a JSON snapshot, or one table as CSV or HXL",
        description="Write the whole dataset as one zip (data/ and hxl/ CSVs, a Frictionless "
        "datapackage.json, README.md, hdx_dataset.json), the JSON snapshot into a folder (one "
        "file per table and an index.json), or one table as CSV or HXL-tagged CSV to --out or "
        "standard output. Problems are printed to standard error; if there is any, nothing "
        "is written and the exit status is 1, unless --allow-problems, which exports the "
        "valid rows. Files are written atomically: a temporary file beside the target is "
        "renamed over it. Exit status 2 is a usage error.",
    )
    export.add_argument(
        "data_dir",
        nargs="?",
        type=Path,
        default=DEFAULT_DATA_DIR,
        help="folder with the CSV tables (default: the package's data/)",
    )
    export.add_argument(
        "--out", type=Path, metavar="PATH", help="file to write (a folder for --format json)"
    )
    export.add_argument(
        "--format",
        choices=("bundle", "csv", "hxl", "json"),
        default="bundle",
        help="bundle (default): the zip; json: the JSON snapshot, one file per table and an "
        "index.json, into the folder --out; csv or hxl: the one table named by --table",
    )
    export.add_argument("--table", choices=schema.TABLE_ORDER, help="table for csv or hxl")
    export.add_argument(
        "--today",
        type=_iso_date,
        metavar="YYYY-MM-DD",
        help="export date written into the bundle or snapshot (default: today)",
    )
    export.add_argument(
        "--reports", type=Path, metavar="DIR", help="check every quote against these report texts"
    )
    export.add_argument(
        "--allow-problems",
        action="store_true",
        help="export the valid rows even when some rows have problems (exit status 0)",
    )
    export.set_defaults(func=export_command)
