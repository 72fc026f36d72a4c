"""Load the CSV tables, validate them, and keep every valid row.

Load: read each file as text, row by row, remembering the line each row starts on
(`indicators.csv_reading`). All tables come from the same committed change of the folder,
even one a writer left half-way (`indicators.store`), and nothing is written to the folder.
Process: types and allowed values (`indicators.row_types`), the rules within a row
(`indicators.row_rules`), then the rules across tables and against report texts
(`indicators.table_checks`). Save nothing: return the valid rows and the list of problems.

Nothing here raises on bad data. A bad row is reported (file, line, column, why) and left
out; its neighbours still load.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

import pandas as pd

from indicators import places, schema, store
from indicators.csv_reading import (  # noqa: F401 - part of this module's interface
    LINE,
    open_table_file,
    read_opened,
    read_rows,
)
from indicators.problems import Problem, sort_key
from indicators.reports import index_reports
from indicators.row_rules import check_event_rules, check_observation_rules
from indicators.row_types import check_types, empty_frame, finish_types
from indicators.table_checks import (
    check_events_against_sources,
    check_foreign_keys,
    check_indicator_units,
    check_quotes_against_reports,
)

DEFAULT_DATA_DIR = Path(__file__).resolve().parent.parent / "data"


@dataclass
class LoadResult:
    tables: dict[str, pd.DataFrame]
    problems: list[Problem] = field(default_factory=list)
    reports_checked: bool = False

    @property
    def ok(self) -> bool:
        return not self.problems


def load_table(path: Path, table: schema.Table) -> tuple[pd.DataFrame, list[Problem]]:
    """One table's valid rows (typed) and its problems; never raises on bad data."""
    with open_table_file(path) as opened:
        return _load_opened(opened, path.name, path.parent, table)


def _load_opened(
    opened: BinaryIO | OSError, file: str, folder: Path, table: schema.Table
) -> tuple[pd.DataFrame, list[Problem]]:
    """`load_table` of a file already opened (or the error opening it gave), as `file`."""
    frame, problems = read_opened(opened, file, folder, table)
    if frame is None:
        return empty_table(table), problems
    typed, type_problems, _ = check_types(frame, table, file)
    del frame  # its text columns are replaced below; holding them would double the memory
    typed = finish_types(typed, table)
    problems = problems + type_problems
    rule_problems: list[Problem] = []
    if table.name == "observations":
        rule_problems = check_observation_rules(typed, file)
    elif table.name == "events":
        rule_problems = check_event_rules(typed, file)
    if "country_code" in table.column_names:  # a real code that agrees with the place
        rule_problems += places.country_code_problems(typed, file)
    if rule_problems:
        bad = {problem.line for problem in rule_problems}
        typed = typed.loc[~typed.index.isin(bad)]
    return typed, problems + rule_problems


def empty_table(table: schema.Table) -> pd.DataFrame:
    return empty_frame(table)


def _open_tables(
    data_dir: Path, open_files: contextlib.ExitStack
) -> tuple[dict[str, BinaryIO | OSError], list[Problem]]:
    """Open every table file (or note why it could not be), all as of one committed change.

    The store only ever changes a table by renaming a new file over it, so a file once
    open keeps its content to the end. Opening every table under the store's shared lock,
    where no writer is half-way through its renames, thus pins one consistent version,
    while the lock is held only for the moment the opening takes. A folder without a lock
    file (never written through the store) is opened without it; nothing is created.

    A journal means a writer died after its commit point (or, without the lock, is
    renaming right now): the tables it names are opened from their temporary files, which
    is what the next writer's roll-forward will make of the folder, without writing
    anything here. A journal that cannot be read is reported, and the committed files
    are read.
    """
    problems: list[Problem] = []
    opened: dict[str, BinaryIO | OSError] = {}
    with store.shared_lock_if_possible(data_dir):
        try:
            pending = store.pending_files(data_dir)
        except store.StoreError as error:
            pending = {}
            problems.append(
                Problem(
                    store.JOURNAL_NAME,
                    None,
                    None,
                    f"the journal of an unfinished change cannot be read ({error}); the tables "
                    "were loaded as last committed. Repair or remove the journal by hand: "
                    "writes to this folder are refused until then.",
                )
            )
        for table in schema.TABLES.values():
            final = data_dir / table.file_name
            path = data_dir / pending.get(table.file_name, table.file_name)
            try:
                try:
                    opened[table.name] = open_files.enter_context(path.open("rb"))
                except FileNotFoundError:
                    if path == final:
                        raise
                    # Its rename was done already: the final file is the new one.
                    opened[table.name] = open_files.enter_context(final.open("rb"))
            except OSError as error:
                opened[table.name] = error
    return opened, problems


def load_tables(
    data_dir: Path | str = DEFAULT_DATA_DIR, reports_dir: Path | str | None = None
) -> LoadResult:
    """Every table's valid rows plus every problem found, in file and line order.

    The tables are read as of one committed change of the folder (see `_open_tables`).
    Nothing is written to it."""
    data_dir = Path(data_dir)
    tables: dict[str, pd.DataFrame] = {}
    if not data_dir.is_dir():
        reason = "is not a folder" if data_dir.exists() else "folder does not exist"
        tables = {table.name: empty_table(table) for table in schema.TABLES.values()}
        return LoadResult(tables=tables, problems=[Problem(str(data_dir), None, None, reason)])
    with contextlib.ExitStack() as open_files:
        opened, problems = _open_tables(data_dir, open_files)
        for table in schema.TABLES.values():
            handle = opened[table.name]
            frame, table_problems = _load_opened(handle, table.file_name, data_dir, table)
            if not isinstance(handle, OSError):
                handle.close()  # frees a replaced file's disk space sooner
            tables[table.name] = frame
            problems += table_problems

    # Across tables: a row pointing at something that does not exist is left out.
    for table in schema.TABLES.values():
        key_problems, bad = check_foreign_keys(tables, table)
        problems += key_problems
        if bad:
            tables[table.name] = tables[table.name].loc[~tables[table.name].index.isin(bad)]
    unit_problems = check_indicator_units(
        tables["observations"], tables["indicators"], "observations.csv"
    )
    problems += unit_problems
    if unit_problems:
        bad = {problem.line for problem in unit_problems}
        tables["observations"] = tables["observations"].loc[~tables["observations"].index.isin(bad)]

    event_problems = check_events_against_sources(
        tables["events"], tables["sources"], schema.EVENTS.file_name
    )
    problems += event_problems
    if event_problems:
        bad = {problem.line for problem in event_problems}
        tables["events"] = tables["events"].loc[~tables["events"].index.isin(bad)]

    reports_checked = False
    if reports_dir is not None:
        reports_dir = Path(reports_dir)
        if not reports_dir.is_dir():
            problems.append(Problem(str(reports_dir), None, None, "reports folder does not exist"))
        else:
            reports, skipped = index_reports(reports_dir)
            problems += [
                Problem(str(reports_dir), None, None, f"skipped {reason}") for reason in skipped
            ]
            quote_problems, bad_by_table = check_quotes_against_reports(tables, reports)
            problems += quote_problems
            for name, bad in bad_by_table.items():
                tables[name] = tables[name].loc[~tables[name].index.isin(bad)]
            reports_checked = True

    problems.sort(key=sort_key)
    return LoadResult(tables=tables, problems=problems, reports_checked=reports_checked)
