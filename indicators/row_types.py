"""Turn a table's text cells into typed columns, and report each cell that does not fit.

Types, allowed values, patterns, minimums and unique ids are checked with pandera (its
failure messages are mapped to sentences here). Number cells follow the one rule of
`indicators.number_cells` before pandera sees them, so what counts as a number never
depends on which reader read the file or on the other rows of the table.
"""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
from pandera.errors import SchemaErrors

from indicators import number_cells, schema
from indicators.csv_reading import LINE
from indicators.problems import Problem

ISO_DATE = r"^\d{4}-\d{2}-\d{2}$"
MAX_FIELD_CHARS = 20_000  # longer cells are reported instead of loaded


def _is_iso_date(series: pd.Series) -> pd.Series:
    parsed = pd.to_datetime(series, format="%Y-%m-%d", errors="coerce")
    return parsed.notna() | series.isna()


def _pandera_schema(table: schema.Table) -> pa.DataFrameSchema:
    columns = {}
    for column in table.columns:
        checks = []
        if column.kind == schema.TEXT:
            dtype = str
            if column.allowed is not None:
                checks.append(pa.Check.isin(list(column.allowed), name="allowed"))
            if column.pattern is not None:
                checks.append(pa.Check.str_matches(column.pattern, name="pattern"))
            checks.append(pa.Check(lambda s: s.str.len() <= MAX_FIELD_CHARS, name="too_long"))
        elif column.kind == schema.NUMBER:
            dtype = "float64"
            checks.append(pa.Check(lambda s: ~s.isin([float("inf"), float("-inf")]), name="finite"))
        elif column.kind == schema.INTEGER:
            dtype = "Int64"
        elif column.kind == schema.DATE:
            dtype = str
            checks.append(pa.Check.str_matches(ISO_DATE, name="iso_date"))
            checks.append(pa.Check(_is_iso_date, name="real_date"))
        elif column.kind == schema.BOOLEAN:
            dtype = str
            checks.append(pa.Check.isin(["true", "false"], name="boolean"))
        else:  # pragma: no cover - the schema module defines every kind
            raise ValueError(column.kind)
        if column.minimum is not None:
            checks.append(pa.Check.ge(column.minimum, name="minimum"))
        if column.unique:
            checks.append(pa.Check(lambda s: ~s.duplicated(keep="first"), name="unique"))
        columns[column.name] = pa.Column(
            dtype,
            checks=checks,
            nullable=not column.required,
            coerce=column.kind in (schema.NUMBER, schema.INTEGER),
            required=True,
        )
    return pa.DataFrameSchema(columns, strict=False, name=table.name)


def _explain(column: schema.Column, check: str, failure: object) -> str:
    # pandera names its built-in checks after themselves; map them to what they mean here.
    if check.startswith("isin"):
        check = "boolean" if column.kind == schema.BOOLEAN else "allowed"
    elif check.startswith("str_matches"):
        check = "iso_date" if column.kind == schema.DATE else "pattern"
    elif check.startswith("greater_than_or_equal_to"):
        check = "minimum"
    shown = repr(failure) if len(str(failure)) <= 80 else repr(str(failure)[:77] + "...")
    if check.startswith("coerce_dtype") or check.startswith("dtype"):
        if column.kind == schema.INTEGER:
            return f"{shown} is not a whole number"
        return f"{shown} is not a number"
    if check == "not_nullable":
        return "is required but empty"
    if check == "allowed":
        return f"{shown} is not one of: {', '.join(column.allowed or ())}"
    if check == "pattern":
        return f"{shown} is not of the expected form: {column.pattern_hint or column.pattern}"
    if check == "iso_date":
        return f"{shown} is not a date written YYYY-MM-DD"
    if check == "real_date":
        return f"{shown} is not a real calendar date"
    if check == "boolean":
        return f"{shown} must be true, false or empty"
    if check == "minimum":
        return f"{shown} must be at least {column.minimum:g}"
    if check == "unique":
        return f"{shown} is used by an earlier row; ids must be unique"
    if check == "too_long":
        return f"is {len(str(failure))} characters long, more than the {MAX_FIELD_CHARS} allowed"
    if check == "finite":
        return f"{shown} is not a finite number"
    return f"{shown} fails check {check}"


def check_types(
    frame: pd.DataFrame, table: schema.Table, file: str
) -> tuple[pd.DataFrame, list[Problem], set[int]]:
    """Convert text cells to their types with pandera; report what does not convert.

    The cells of `frame` are blanked and stripped in place.
    """
    # The frame's columns are replaced one by one (not copied whole), so that each old
    # column can be freed at once: the caller does not use the raw frame afterwards.
    schema_columns = {column.name for column in table.columns}
    for name in frame.columns if len(frame) else ():
        cells = frame[name]
        if name in schema_columns and cells.dtype in ("str", object):
            cells = cells.str.strip()  # surrounding spaces are never meaningful here
        if (cells == "").any():  # most columns have no empty cell: no copy then
            cells = cells.replace("", pd.NA)
        frame[name] = cells
    problems: list[Problem] = []
    bad_lines: set[int] = set()
    seen: set[tuple[int, str]] = set()  # (line, column) already explained
    for column in table.columns:
        if column.kind not in (schema.NUMBER, schema.INTEGER) or column.name not in frame:
            continue
        whole = column.kind == schema.INTEGER
        cells = frame[column.name]
        invalid = number_cells.invalid_cells(cells, whole)
        if invalid.any():
            for line, cell in cells[invalid].items():
                line = int(line)
                why = number_cells.why_not_a_number(str(cell), whole)
                problems.append(Problem(file, line, column.name, why))
                bad_lines.add(line)
                seen.add((line, column.name))
            cells = cells.where(~invalid)
        frame[column.name] = number_cells.to_numbers(cells, whole)
    pandera_schema = _pandera_schema(table)
    try:
        validated = pandera_schema.validate(frame, lazy=True)
    except SchemaErrors as errors:
        cases = errors.failure_cases
        for case in cases.itertuples(index=False):
            column_name = case.column if isinstance(case.column, str) else None
            line = case.index
            if column_name is None or column_name not in table.column_names or pd.isna(line):
                continue
            line = int(line)
            column = table.column(column_name)
            check = str(case.check)
            failure = case.failure_case
            if check == "not_nullable":
                failure = None
            if (line, column_name) in seen:
                continue  # one problem per cell: the first check that fails explains it
            seen.add((line, column_name))
            problems.append(Problem(file, line, column_name, _explain(column, check, failure)))
            bad_lines.add(line)
        validated = frame  # its number columns are typed already
    if bad_lines:
        validated = validated.loc[~validated.index.isin(bad_lines)]
    problems.sort(key=lambda problem: (problem.line or 0, problem.column or ""))
    return validated, problems, bad_lines


def finish_types(frame: pd.DataFrame, table: schema.Table) -> pd.DataFrame:
    for column in table.columns:
        if column.kind == schema.DATE:
            frame[column.name] = pd.to_datetime(frame[column.name], format="%Y-%m-%d")
        elif column.kind == schema.BOOLEAN:
            frame[column.name] = (
                frame[column.name].map({"true": True, "false": False}).astype("boolean")
            )
        elif column.kind == schema.TEXT:
            # fillna copies nothing when a column has no empty cell (most of the big ones).
            frame[column.name] = frame[column.name].astype("str").fillna("")
    return frame


def empty_frame(table: schema.Table) -> pd.DataFrame:
    """A table with no row, its columns typed as a loaded table's are."""
    frame = pd.DataFrame(
        {column.name: pd.array([], dtype="str") for column in table.columns},
        index=pd.Index([], name=LINE, dtype="int64"),
    )
    for column in table.columns:
        if column.kind in (schema.NUMBER, schema.INTEGER):
            whole = column.kind == schema.INTEGER
            frame[column.name] = number_cells.to_numbers(frame[column.name], whole)
    return finish_types(frame, table)
