"""`python -m indicators COMMAND ...`: validate, extract, add, export."""

from __future__ import annotations

import argparse
import importlib
import sys
import traceback
from pathlib import Path

from indicators import __version__
from indicators.loading import DEFAULT_DATA_DIR, load_tables

# Modules that add their own subcommands through register(subparsers).
COMMAND_MODULES = ("indicators.extract.commands", "indicators.adding", "indicators.export_command")
# Exit codes: 0 done (or valid), 1 problems found in the data, 2 a wrong command line
# (argparse), INTERNAL_ERROR a fault in this program, never to be read as "problems found".
INTERNAL_ERROR = 70


def validate_command(args: argparse.Namespace) -> int:
    result = load_tables(args.data_dir, args.reports)
    for problem in result.problems:
        print(problem)
    rows = sum(len(frame) for frame in result.tables.values())
    checked = " and quotes checked against the report texts" if result.reports_checked else ""
    if result.problems:
        print(
            f"{len(result.problems)} problem(s) in {args.data_dir}; {rows} valid row(s) loaded{checked}."
        )
        return 1
    counts = ", ".join(f"{len(frame)} {name}" for name, frame in result.tables.items())
    print(f"OK: {args.data_dir} is valid ({counts}){checked}.")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m indicators",
        description="Cited humanitarian indicator tables: validate, extract, add, export.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    validate = subparsers.add_parser(
        "validate",
        help="check the tables against their schema, each other and the report texts",
        description="Check every table against its schema and the others; with --reports, "
        "check every quote against the report text it cites. Prints one line per problem "
        "(file:line: [column] reason) and exits 1 if there is any.",
    )
    validate.add_argument(
        "data_dir",
        nargs="?",
        type=Path,
        default=DEFAULT_DATA_DIR,
        help="folder with the CSV tables (default: the package's data/)",
    )
    validate.add_argument(
        "--reports", type=Path, metavar="DIR", help="folder with the report texts, found by SHA-256"
    )
    validate.set_defaults(func=validate_command)

    for module_name in COMMAND_MODULES:
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as error:
            if error.name and module_name.startswith(error.name):
                continue  # that part of the package is not installed
            raise
        module.register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except BrokenPipeError:  # e.g. piped into `head`
        return 0
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except Exception:
        traceback.print_exc()
        print(
            f"internal error in `{args.command}` (a fault of this program, not a problem found "
            f"in the data); exit code {INTERNAL_ERROR}",
            file=sys.stderr,
        )
        return INTERNAL_ERROR


if __name__ == "__main__":
    sys.exit(main())
