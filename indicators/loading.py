"""Load the CSV tables, validate them, and keep every valid row.

Load: read each file as text, row by row, remembering the line each row starts on. All
tables come from the same committed change of the folder, even one a writer left half-way
(`indicators.store`), and nothing is written to the folder.
Process: check types and allowed values with pandera, then the rules that span columns,
tables and report texts. Save nothing: return the valid rows and the list of problems.

Nothing here raises on bad data. A bad row is reported (file, line, column, why) and left
out; its neighbours still load.
"""

from __future__ import annotations

import contextlib
import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

import numpy as np
import pandas as pd
import pandera.pandas as pa
import pyarrow
import pyarrow.csv as pacsv
from pandera.errors import SchemaErrors

from indicators import schema, store
from indicators.dates import window
from indicators.problems import Problem, sort_key
from indicators.reports import ReportText, index_reports, locate_quote

DEFAULT_DATA_DIR = Path(__file__).resolve().parent.parent / "data"
LINE = "line"  # index name of every loaded table: the line of the file the row starts on
ISO_DATE = r"^\d{4}-\d{2}-\d{2}$"
MAX_FIELD_CHARS = 20_000  # longer cells are reported instead of loaded
CHUNK_ROWS = 100_000  # rows converted to compact columns at a time, to bound memory
QUOTE_ROWS = 20_000  # rows whose quotes are compared as Python strings at a time
SCAN_BYTES = 1 << 24  # block size when checking a file for NUL bytes and counting its lines

csv.field_size_limit(64 * 1024 * 1024)


@dataclass
class LoadResult:
    tables: dict[str, pd.DataFrame]
    problems: list[Problem] = field(default_factory=list)
    reports_checked: bool = False

    @property
    def ok(self) -> bool:
        return not self.problems


# --------------------------------------------------------------------------- Load


def _decode(data: bytes, file: str) -> tuple[str, list[Problem]]:
    """UTF-8 text of a file; lines that are not UTF-8 are reported and blanked."""
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        pass
    problems = []
    lines = data.split(b"\n")
    if lines and lines[0].startswith(b"\xef\xbb\xbf"):
        lines[0] = lines[0][3:]
    decoded = []
    for number, raw_line in enumerate(lines, start=1):
        try:
            decoded.append(raw_line.decode("utf-8"))
        except UnicodeDecodeError as error:
            problems.append(
                Problem(
                    file,
                    number,
                    None,
                    f"not valid UTF-8 (byte 0x{raw_line[error.start]:02x} at position "
                    f"{error.start + 1}); save the file as UTF-8. The line was skipped.",
                )
            )
            decoded.append("")
    return "\n".join(decoded), problems


def _physical_lines(text: str, first: int, last: int) -> list[str]:
    return text.split("\n")[first - 1 : last]


def read_rows(path: Path, table: schema.Table) -> tuple[pd.DataFrame | None, list[Problem]]:
    """Read a CSV file into a frame of text cells indexed by line number.

    Returns None for the frame when nothing can be read (missing or empty file, or a
    header without the table's required columns).
    """
    with _opened(path) as opened:
        return _read_opened(opened, path.name, path.parent, table)


@contextlib.contextmanager
def _opened(path: Path) -> Iterator[BinaryIO | OSError]:
    """The file open for reading, or the error opening it gave (the readers report it)."""
    try:
        handle = path.open("rb")
    except OSError as error:
        yield error
        return
    with handle:
        yield handle


def _read_opened(
    opened: BinaryIO | OSError, file: str, folder: Path, table: schema.Table
) -> tuple[pd.DataFrame | None, list[Problem]]:
    """`read_rows` of a file already opened (or the error opening it gave), reported as
    `file`: the handle may be a temporary file that holds the table's next content."""
    try:
        if isinstance(opened, OSError):
            raise opened
        fast = _read_fast(opened, table)
        if fast is not None:
            return fast, []
        opened.seek(0)
        data = opened.read()
    except FileNotFoundError:
        return None, [Problem(file, None, None, f"file is missing (expected in {folder})")]
    except OSError as error:
        return None, [Problem(file, None, None, f"cannot be read: {error.strerror}")]
    if not data or data.isspace():
        return None, [Problem(file, None, None, "file is empty; expected a header row")]
    return _read_exact(data, file, table)


def _scan(source: bytes | BinaryIO) -> tuple[bytes, int] | None:
    """The header line and the number of lines below it; None if a NUL byte or no header.

    A file is read in blocks, so a large one is never held in memory as bytes beside its
    table.
    """
    if isinstance(source, bytes):
        header_end = source.find(b"\n")
        if header_end < 0 or b"\x00" in source:
            return None
        lines = source.count(b"\n", header_end + 1)
        return source[: header_end + 1], lines + (0 if source.endswith(b"\n") else 1)
    source.seek(0)
    header_line = source.readline()
    if not header_line.endswith(b"\n") or b"\x00" in header_line:
        return None
    lines = 0
    last = b""
    while block := source.read(SCAN_BYTES):
        if b"\x00" in block:
            return None
        lines += block.count(b"\n")
        last = block
    return header_line, lines + (0 if not last or last.endswith(b"\n") else 1)


@contextlib.contextmanager
def _arrow_file(source: BinaryIO):
    """The open file as Arrow's own file: through /dev/fd, the very file already opened
    (even if it was renamed over since), read without Python in the loop; where /dev/fd is
    not available, the Python file object itself."""
    try:
        handle = pyarrow.OSFile(f"/dev/fd/{source.fileno()}")
    except (OSError, AttributeError, ValueError, pyarrow.ArrowException):
        yield source
        return
    with handle:
        yield handle


def _read_fast(source: bytes | BinaryIO | Path, table: schema.Table) -> pd.DataFrame | None:
    """Parse a well-formed file with Arrow's CSV reader; None if anything is odd.

    Well-formed means: UTF-8, a usable header, one row per line, every row with as many
    cells as the header, no blank lines and no NUL bytes. Then row i starts on line i + 2.
    Anything else goes to the exact reader, which explains every problem by line.
    """
    if isinstance(source, Path):
        with source.open("rb") as handle:
            return _read_fast(handle, table)
    scanned = _scan(source)
    if scanned is None:
        return None
    header_line, expected_rows = scanned
    try:
        header = next(csv.reader([header_line[:-1].decode("utf-8-sig").rstrip("\r")]))
    except (UnicodeDecodeError, csv.Error, StopIteration):
        return None
    header = [name.strip() for name in header]
    header_problems, usable = _check_header("", 1, header, table)
    if header_problems or not usable:
        return None
    # large_string is what pandas' string columns hold, so the conversion copies nothing.
    # One thread and small blocks: memory freed by reader threads stays with their
    # allocator heaps, which at a million rows raised the peak by a tenth for 0.3 s saved.
    options = {
        "read_options": pacsv.ReadOptions(
            column_names=header, block_size=1 << 22, use_threads=False
        ),
        "parse_options": pacsv.ParseOptions(newlines_in_values=False),
        "convert_options": pacsv.ConvertOptions(
            column_types={name: pyarrow.large_string() for name in header},
            strings_can_be_null=False,
            quoted_strings_can_be_null=False,
        ),
    }
    try:
        if isinstance(source, bytes):
            body = pyarrow.py_buffer(memoryview(source)[len(header_line) :])
            arrow_table = pacsv.read_csv(body, **options)
        else:
            with _arrow_file(source) as handle:
                handle.seek(len(header_line))
                arrow_table = pacsv.read_csv(handle, **options)
    except pyarrow.ArrowException:  # a row with the wrong cell count, or bytes that are not UTF-8
        return None
    if arrow_table.num_rows != expected_rows:  # blank lines were skipped: lines shift
        return None
    frame = arrow_table.to_pandas(
        types_mapper={pyarrow.large_string(): pd.StringDtype("pyarrow", na_value=float("nan"))}.get
    )
    frame.index = pd.RangeIndex(2, arrow_table.num_rows + 2, name=LINE)
    for column in table.columns:  # optional columns missing from the header: empty
        if column.name not in frame.columns:
            frame[column.name] = pd.array([""] * len(frame), dtype="str")
    return frame


def _read_exact(
    data: bytes, file: str, table: schema.Table
) -> tuple[pd.DataFrame | None, list[Problem]]:
    """Read row by row with the csv module, knowing the line each row starts on."""
    text, problems = _decode(data, file)
    if "\x00" in text:
        cleaned = []
        for number, line in enumerate(text.split("\n"), start=1):
            if "\x00" in line:
                problems.append(
                    Problem(file, number, None, "contains a NUL byte; the line was skipped")
                )
                line = ""
            cleaned.append(line)
        text = "\n".join(cleaned)

    reader = csv.reader(io.StringIO(text, newline=""))
    header: list[str] | None = None
    header_line = 0
    previous_line = 0
    expected = 0
    columns: list[list[str]] = []
    chunks: list[pd.DataFrame] = []
    line_numbers: list[int] = []

    def flush() -> None:
        if line_numbers:
            frame = pd.DataFrame(
                {name: pd.array(values, dtype="str") for name, values in zip(header, columns)},
                index=pd.Index(line_numbers, name=LINE),
            )
            chunks.append(frame)
            for values in columns:
                values.clear()
            line_numbers.clear()

    def keep(record: list[str], line: int) -> None:
        for values, cell in zip(columns, record):
            values.append(cell)
        line_numbers.append(line)
        if len(line_numbers) >= CHUNK_ROWS:
            flush()

    while True:
        try:
            record = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            problems.append(Problem(file, reader.line_num, None, f"unreadable CSV: {error}"))
            previous_line = reader.line_num
            continue
        first_line, last_line = previous_line + 1, reader.line_num
        previous_line = reader.line_num
        if not record or (len(record) == 1 and not record[0].strip()):
            continue  # blank line
        if header is None:
            header = [name.strip() for name in record]
            header_line = first_line
            header_problems, usable = _check_header(file, header_line, header, table)
            problems.extend(header_problems)
            if not usable:
                return None, problems
            expected = len(header)
            columns = [[] for _ in header]
            continue
        if len(record) == expected and (
            last_line == first_line or not _swallowed_rows(text, first_line, last_line, expected)
        ):
            keep(record, first_line)
            continue
        # A row with the wrong number of cells. When it spans several lines, an unclosed
        # quote probably swallowed the rows below it: read those lines one by one.
        if len(record) != expected:
            reason = f"has {len(record)} cells, the header has {expected}"
        else:
            reason = "has a quote that is not closed on its line and runs into the rows below"
        if last_line > first_line:
            reason += (
                f" (it spans lines {first_line}-{last_line}; the rows below were read on their own)"
            )
        problems.append(Problem(file, first_line, None, reason + "; the row was skipped"))
        if last_line > first_line:
            for offset, line in enumerate(
                _physical_lines(text, first_line + 1, last_line), start=1
            ):
                try:
                    cells = next(csv.reader([line]))
                except (csv.Error, StopIteration):
                    continue
                if len(cells) == expected:
                    keep(cells, first_line + offset)

    if header is None:
        return None, problems + [Problem(file, None, None, "no header row")]
    flush()
    if chunks:
        frame = pd.concat(chunks) if len(chunks) > 1 else chunks[0]
    else:
        frame = pd.DataFrame(
            {name: pd.array([], dtype="str") for name in header},
            index=pd.Index([], name=LINE, dtype="int64"),
        )
    for column in table.columns:  # optional columns missing from the header: empty
        if column.name not in frame.columns:
            frame[column.name] = pd.array([""] * len(frame), dtype="str")
    return frame, problems


def _swallowed_rows(text: str, first_line: int, last_line: int, expected: int) -> bool:
    """Did an unclosed quote on first_line swallow complete rows below it?

    A cell may legitimately hold a line break (a quote from a hard-wrapped report), but
    then its continuation lines are not whole rows on their own.
    """
    for line in _physical_lines(text, first_line + 1, last_line):
        try:
            cells = next(csv.reader([line]))
        except (csv.Error, StopIteration):
            continue
        if len(cells) == expected:
            return True
    return False


def _check_header(
    file: str, line: int, header: list[str], table: schema.Table
) -> tuple[list[Problem], bool]:
    problems = []
    duplicated = sorted({name for name in header if header.count(name) > 1})
    for name in duplicated:
        problems.append(Problem(file, line, name, "column appears more than once in the header"))
    missing = [column for column in table.columns if column.name not in header]
    for column in (column for column in missing if not column.may_be_absent):
        needed = (
            "required; no row can be loaded without it"
            if column.required
            else "expected; read as empty"
        )
        problems.append(
            Problem(file, line, column.name, f"column is missing from the header ({needed})")
        )
    usable = not duplicated and not any(column.required for column in missing)
    return problems, usable


# --------------------------------------------------------------------------- Process


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
    pandera_schema = _pandera_schema(table)
    try:
        validated = pandera_schema.validate(frame, lazy=True)
    except SchemaErrors as errors:
        cases = errors.failure_cases
        seen: set[tuple[int, str]] = set()
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
        good = frame.loc[~frame.index.isin(bad_lines)]
        validated = _coerce(good, table)
    return validated, problems, bad_lines


def _coerce(frame: pd.DataFrame, table: schema.Table) -> pd.DataFrame:
    """Types for rows that passed every check (used after a failed lazy validation)."""
    frame = frame.copy()
    for column in table.columns:
        if column.kind == schema.NUMBER:
            frame[column.name] = pd.to_numeric(frame[column.name]).astype("float64")
        elif column.kind == schema.INTEGER:
            frame[column.name] = pd.to_numeric(frame[column.name]).astype("Int64")
    return frame


def _finish_types(frame: pd.DataFrame, table: schema.Table) -> pd.DataFrame:
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


def _rule(frame: pd.DataFrame, mask: pd.Series, file: str, column: str, message) -> list[Problem]:
    """One problem per row where mask is true; message is text or a function of the row."""
    mask = mask.fillna(False).astype(bool)
    if not mask.any():
        return []
    problems = []
    for line, row in frame.loc[mask].iterrows():
        text = message(row) if callable(message) else message
        problems.append(Problem(file, int(line), column, text))
    return problems


def _contained(haystack: pd.Series, needles: pd.DataFrame) -> pd.DataFrame:
    """Row-wise, case-insensitive: does haystack contain each needle? Empty needle: True.

    Rows are turned into Python strings QUOTE_ROWS at a time, so a million long quotes are
    never all held as Python objects at once.
    """
    result = np.ones(needles.shape, dtype=bool)
    present = (needles.notna() & needles.ne("")).to_numpy(dtype=bool)
    rows = np.flatnonzero(present.any(axis=1))
    for first in range(0, len(rows), QUOTE_ROWS):
        chunk = rows[first : first + QUOTE_ROWS]
        hays = haystack.iloc[chunk].fillna("").tolist()
        for position in range(needles.shape[1]):
            wanted = np.flatnonzero(present[chunk, position])
            if not len(wanted):
                continue
            words = needles.iloc[chunk[wanted], position].tolist()
            # Most needles occur as written; only the others are compared in lower case.
            result[chunk[wanted], position] = [
                word in hays[index] or word.lower() in hays[index].lower()
                for index, word in zip(wanted.tolist(), words, strict=True)
            ]
    return pd.DataFrame(result, index=needles.index, columns=needles.columns)


def _date_rules(
    frame: pd.DataFrame, file: str, start: str, end: str, start_p: str, end_p: str
) -> list[Problem]:
    problems = []
    for date_column, precision_column in ((start, start_p), (end, end_p)):
        problems += _rule(
            frame,
            frame[date_column].notna() & (frame[precision_column] == ""),
            file,
            precision_column,
            f"is empty but {date_column} is set; say how precise the date is",
        )
        problems += _rule(
            frame,
            frame[date_column].isna() & (frame[precision_column] != ""),
            file,
            precision_column,
            f"is set but {date_column} is empty",
        )
        problems += _rule(
            frame,
            _not_window_start(frame[date_column], frame[precision_column]),
            file,
            date_column,
            lambda row, c=date_column, p=precision_column: (
                f"{row[c].date()} is not the first day of its {row[p]} window; "
                f"write {window(row[c].date(), row[p])[0]}"
            ),
        )
    both = frame[start].notna() & frame[end].notna()
    problems += _rule(
        frame,
        both & (frame[end] < frame[start]),
        file,
        end,
        lambda row: f"{row[end].date()} is before {start} {row[start].date()}",
    )
    return problems


def _not_window_start(dates: pd.Series, precisions: pd.Series) -> pd.Series:
    day = dates.dt.day
    month_start = precisions.isin(["month", "early-month"]) & (day != 1)
    mid = (precisions == "mid-month") & (day != 11)
    late = (precisions == "late-month") & (day != 21)
    year = (precisions == "year") & ((day != 1) | (dates.dt.month != 1))
    return (month_start | mid | late | year) & dates.notna()


def _quote_rules(frame: pd.DataFrame, file: str) -> list[Problem]:
    length = frame["quote"].str.len()
    problems = _rule(
        frame,
        frame["quote_end"].astype("float64") - frame["quote_start"].astype("float64") != length,
        file,
        "quote_end",
        lambda row: (
            f"quote_end - quote_start is {row['quote_end'] - row['quote_start']} but the quote "
            f"is {len(row['quote'])} characters long"
        ),
    )
    return problems


def check_observation_rules(frame: pd.DataFrame, file: str) -> list[Problem]:
    # period_end_precision is optional: where empty, a stated end has the start's precision.
    inherit = (frame["period_end_precision"] == "") & frame["period_end"].notna()
    frame = frame.assign(
        period_end_precision=frame["period_end_precision"].where(
            ~inherit, frame["period_precision"]
        )
    )
    problems = _date_rules(
        frame, file, "period_start", "period_end", "period_precision", "period_end_precision"
    )
    problems += _quote_rules(frame, file)
    stated = ["value_as_stated", "qualifier", "period_as_stated", "reported_on_as_stated"]
    in_quote = _contained(frame["quote"], frame[stated])
    problems += _rule(
        frame,
        frame["value_low"] > frame["value"],
        file,
        "value_low",
        lambda row: f"{row['value_low']:g} is above the value {row['value']:g}",
    )
    problems += _rule(
        frame,
        frame["value_high"] < frame["value"],
        file,
        "value_high",
        lambda row: f"{row['value_high']:g} is below the value {row['value']:g}",
    )
    problems += _rule(
        frame,
        frame["value_high"] < frame["value_low"],
        file,
        "value_high",
        lambda row: f"{row['value_high']:g} is below value_low {row['value_low']:g}",
    )
    problems += _rule(
        frame,
        ~in_quote["value_as_stated"],
        file,
        "value_as_stated",
        lambda row: f"{row['value_as_stated']!r} does not appear in the quote",
    )
    problems += _rule(
        frame,
        ~in_quote["qualifier"],
        file,
        "qualifier",
        lambda row: f"{row['qualifier']!r} does not appear in the quote",
    )
    problems += _rule(
        frame,
        ~in_quote["period_as_stated"],
        file,
        "period_as_stated",
        lambda row: f"{row['period_as_stated']!r} does not appear in the quote",
    )
    problems += _rule(
        frame,
        ~in_quote["reported_on_as_stated"],
        file,
        "reported_on_as_stated",
        lambda row: f"{row['reported_on_as_stated']!r} does not appear in the quote",
    )
    return problems


def check_event_rules(frame: pd.DataFrame, file: str) -> list[Problem]:
    problems = _date_rules(frame, file, "start", "end", "start_precision", "end_precision")
    problems += _quote_rules(frame, file)
    stated = ["start_as_stated", "end_as_stated"]
    in_quote = _contained(frame["quote"], frame[stated])
    for column in stated:
        problems += _rule(
            frame,
            ~in_quote[column],
            file,
            column,
            lambda row, c=column: f"{row[c]!r} does not appear in the quote",
        )
    problems += _rule(
        frame,
        frame["start"].isna() & frame["end"].isna() & (frame["start_as_stated"] == ""),
        file,
        "start",
        "an event needs a start or an end date, or its start in the report's words",
    )
    return problems


def check_indicator_units(
    observations: pd.DataFrame, indicators: pd.DataFrame, file: str
) -> list[Problem]:
    """Shares stay within 0-100; a 'status' indicator has words, not numbers."""
    units = observations["indicator_id"].map(indicators.set_index("indicator_id")["unit"])
    problems = []
    percent = units == schema.PERCENT_UNIT
    for column in ("value", "value_low", "value_high"):
        problems += _rule(
            observations,
            percent & ((observations[column] < 0) | (observations[column] > 100)),
            file,
            column,
            lambda row, c=column: f"{row[c]:g} is a share in percent and must be within 0-100",
        )
    problems += _rule(
        observations,
        (units == "status") & observations["value"].notna(),
        file,
        "value",
        "must be empty for a status indicator (its words go in value_as_stated)",
    )
    problems += _rule(
        observations,
        units.notna()
        & (units != "status")
        & observations["value"].isna()
        & ~observations["qualifier"].isin(["many", "several", "some"]),
        file,
        "value",
        "is empty; only a vague amount (many, several, some) may leave it empty",
    )
    return problems


def check_foreign_keys(
    tables: dict[str, pd.DataFrame], table: schema.Table
) -> tuple[list[Problem], set[int]]:
    problems: list[Problem] = []
    bad: set[int] = set()
    frame = tables[table.name]
    for column, other, key in table.foreign_keys:
        if other not in tables:
            continue
        known = set(tables[other][key])
        missing = ~frame[column].isin(known)
        for line, value in frame.loc[missing, column].items():
            problems.append(
                Problem(table.file_name, int(line), column, f"{value!r} is not in {other}.csv")
            )
            bad.add(int(line))
    return problems, bad


def check_quotes_against_reports(
    tables: dict[str, pd.DataFrame], reports: dict[str, ReportText]
) -> tuple[list[Problem], dict[str, set[int]]]:
    """Every quote must stand at its offsets in the report whose hash its source names."""
    problems: list[Problem] = []
    bad: dict[str, set[int]] = {}
    sources = tables.get("sources")
    if sources is None:
        return problems, bad
    text_of_source: dict[str, str] = {}
    for line, row in sources.iterrows():
        report = reports.get(row["text_sha256"])
        if report is None:
            problems.append(
                Problem(
                    "sources.csv",
                    int(line),
                    "text_sha256",
                    "no report file with this SHA-256 was found, so its quotes cannot be checked",
                )
            )
        else:
            text_of_source[row["source_id"]] = report.text
    for name in ("observations", "events"):
        frame = tables.get(name)
        if frame is None:
            continue
        bad[name] = set()
        for line, source_id, quote, start, end in zip(
            frame.index,
            frame["source_id"],
            frame["quote"],
            frame["quote_start"],
            frame["quote_end"],
        ):
            text = text_of_source.get(source_id)
            if text is None:
                continue
            if text[start:end] == quote:
                continue
            reason = locate_quote(text, quote, int(start), int(end))
            problems.append(Problem(f"{name}.csv", int(line), "quote", reason))
            bad[name].add(int(line))
    return problems, bad


# --------------------------------------------------------------------------- Entry point


def load_table(path: Path, table: schema.Table) -> tuple[pd.DataFrame, list[Problem]]:
    """One table's valid rows (typed) and its problems; never raises on bad data."""
    with _opened(path) as opened:
        return _load_opened(opened, path.name, path.parent, table)


def _load_opened(
    opened: BinaryIO | OSError, file: str, folder: Path, table: schema.Table
) -> tuple[pd.DataFrame, list[Problem]]:
    """`load_table` of a file already opened (or the error opening it gave), as `file`."""
    frame, problems = _read_opened(opened, file, folder, table)
    if frame is None:
        return empty_table(table), problems
    typed, type_problems, _ = check_types(frame, table, file)
    del frame  # its text columns are replaced below; holding them would double the memory
    typed = _finish_types(typed, table)
    problems = problems + type_problems
    rule_problems: list[Problem] = []
    if table.name == "observations":
        rule_problems = check_observation_rules(typed, file)
    elif table.name == "events":
        rule_problems = check_event_rules(typed, file)
    if rule_problems:
        bad = {problem.line for problem in rule_problems}
        typed = typed.loc[~typed.index.isin(bad)]
    return typed, problems + rule_problems


def empty_table(table: schema.Table) -> pd.DataFrame:
    frame = pd.DataFrame(
        {column.name: pd.array([], dtype="str") for column in table.columns},
        index=pd.Index([], name=LINE, dtype="int64"),
    )
    _coerce(frame, table)
    return _finish_types(_coerce(frame, table), table)


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
