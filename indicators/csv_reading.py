"""Read a table's CSV file into text cells, each row indexed by the line it starts on.

Two readers give the same frame: Arrow's reader for a well-formed file (one row per line,
the common case, read without Python in the loop) and the csv module for anything else,
which reports every odd line by its number. Lines are counted as the csv module counts
them: a line ends at "\r\n", "\n" or a lone "\r", also inside a quoted cell.

Nothing here converts a cell to a number or a date (`indicators.row_types` does) and
nothing raises on bad data: a file that cannot be read is a problem, not an exception.
"""

from __future__ import annotations

import contextlib
import csv
import io
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

import pandas as pd
import pyarrow
import pyarrow.csv as pacsv

from indicators import schema
from indicators.problems import Problem

LINE = "line"  # index name of every loaded table: the line of the file the row starts on
CHUNK_ROWS = 100_000  # rows converted to compact columns at a time, to bound memory
SCAN_BYTES = 1 << 24  # block size when checking a file for NUL bytes and counting its lines
# Where the csv module (and an editor) ends a line; the separators are kept by split.
_LINE_BREAKS = re.compile(r"(\r\n|\r|\n)")
_LINE_BREAKS_BYTES = re.compile(rb"(\r\n|\r|\n)")

csv.field_size_limit(64 * 1024 * 1024)


def split_lines(text: str) -> list[str]:
    """The lines of `text` as the csv module numbers them (line i is item i - 1)."""
    return _LINE_BREAKS.split(text)[::2]


def _map_lines(text: str, change: Callable[[int, str], str]) -> str:
    """`text` with each line replaced by change(number, line), line breaks kept."""
    parts = _LINE_BREAKS.split(text)
    parts[::2] = [change(number, line) for number, line in enumerate(parts[::2], start=1)]
    return "".join(parts)


def _decode(data: bytes, file: str) -> tuple[str, list[Problem]]:
    """UTF-8 text of a file; lines that are not UTF-8 are reported and blanked."""
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        pass
    problems = []
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    parts = _LINE_BREAKS_BYTES.split(data)
    decoded = []
    for index, part in enumerate(parts):
        if index % 2:  # a line break
            decoded.append(part.decode("ascii"))
            continue
        try:
            decoded.append(part.decode("utf-8"))
        except UnicodeDecodeError as error:
            problems.append(
                Problem(
                    file,
                    index // 2 + 1,
                    None,
                    f"not valid UTF-8 (byte 0x{part[error.start]:02x} at position "
                    f"{error.start + 1}); save the file as UTF-8. The line was skipped.",
                )
            )
            decoded.append("")
    return "".join(decoded), problems


def read_rows(path: Path, table: schema.Table) -> tuple[pd.DataFrame | None, list[Problem]]:
    """Read a CSV file into a frame of text cells indexed by line number.

    Returns None for the frame when nothing can be read (missing or empty file, or a
    header without the table's required columns).
    """
    with open_table_file(path) as opened:
        return read_opened(opened, path.name, path.parent, table)


@contextlib.contextmanager
def open_table_file(path: Path) -> Iterator[BinaryIO | OSError]:
    """The file open for reading, or the error opening it gave (the readers report it)."""
    try:
        handle = path.open("rb")
    except OSError as error:
        yield error
        return
    with handle:
        yield handle


def read_opened(
    opened: BinaryIO | OSError, file: str, folder: Path, table: schema.Table
) -> tuple[pd.DataFrame | None, list[Problem]]:
    """`read_rows` of a file already opened (or the error opening it gave), reported as
    `file`: the handle may be a temporary file that holds the table's next content."""
    try:
        if isinstance(opened, OSError):
            raise opened
        fast = read_fast(opened, table)
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
    return read_exact(data, file, table)


def _lone_carriage_returns(block: bytes, after_cr: bool) -> int:
    """How many "\r" in `block` do not start a "\r\n" (a block may split one pair)."""
    lone = block.count(b"\r") - block.count(b"\r\n")
    if block.endswith(b"\r"):
        lone -= 1  # decided by the next block (or, at the end of the file, by the caller)
    if after_cr and not block.startswith(b"\n"):
        lone += 1  # the previous block's last "\r" was alone
    return lone


def _scan(source: bytes | BinaryIO) -> tuple[bytes, int] | None:
    """The header line and the number of lines below it; None if a NUL byte, a lone
    carriage return (a line break Arrow's reader and the line count would disagree on) or
    no header.

    A file is read in blocks, so a large one is never held in memory as bytes beside its
    table.
    """
    if isinstance(source, bytes):
        header_end = source.find(b"\n")
        if header_end < 0 or b"\x00" in source:
            return None
        if source.count(b"\r") != source.count(b"\r\n"):
            return None
        lines = source.count(b"\n", header_end + 1)
        return source[: header_end + 1], lines + (0 if source.endswith(b"\n") else 1)
    source.seek(0)
    header_line = source.readline()
    if not header_line.endswith(b"\n") or b"\x00" in header_line:
        return None
    if header_line.count(b"\r") != header_line.count(b"\r\n"):
        return None
    lines = 0
    last = b""
    while block := source.read(SCAN_BYTES):
        if b"\x00" in block or _lone_carriage_returns(block, last.endswith(b"\r")):
            return None
        lines += block.count(b"\n")
        last = block
    if last.endswith(b"\r"):
        return None  # the file ends in a lone carriage return
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


def read_fast(source: bytes | BinaryIO | Path, table: schema.Table) -> pd.DataFrame | None:
    """Parse a well-formed file with Arrow's CSV reader; None if anything is odd.

    Well-formed means: UTF-8, a usable header, one row per line, every row with as many
    cells as the header, no blank lines and no NUL bytes. Then row i starts on line i + 2.
    Anything else goes to the exact reader, which explains every problem by line.
    """
    if isinstance(source, Path):
        with source.open("rb") as handle:
            return read_fast(handle, table)
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
    if header_problems or not usable or len(set(header)) < len(header):
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


def read_exact(
    data: bytes, file: str, table: schema.Table
) -> tuple[pd.DataFrame | None, list[Problem]]:
    """Read row by row with the csv module, knowing the line each row starts on."""
    text, problems = _decode(data, file)
    if "\x00" in text:

        def without_nul(number: int, line: str) -> str:
            if "\x00" not in line:
                return line
            problems.append(
                Problem(file, number, None, "contains a NUL byte; the line was skipped")
            )
            return ""

        text = _map_lines(text, without_nul)
    lines: list[str] = []  # the file's lines, split only when a row spans several

    def physical_lines(first: int, last: int) -> list[str]:
        if not lines:
            lines.extend(split_lines(text))
        return lines[first - 1 : last]

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
            last_line == first_line
            or not _swallowed_rows(physical_lines(first_line + 1, last_line), expected)
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
            for offset, line in enumerate(physical_lines(first_line + 1, last_line), start=1):
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


def _swallowed_rows(continuation: list[str], expected: int) -> bool:
    """Did an unclosed quote swallow complete rows below it? `continuation` holds the
    lines a row runs on to below its first.

    A cell may legitimately hold a line break (a quote from a hard-wrapped report), but
    then its continuation lines are not whole rows on their own.
    """
    for line in continuation:
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
    # only a table's own column written twice is ambiguous; other columns are not read, so
    # a spreadsheet's trailing empty columns (",,") or a repeated note column do no harm
    known = set(table.column_names)
    duplicated = sorted({name for name in header if name in known and header.count(name) > 1})
    for name in duplicated:
        problems.append(Problem(file, line, name, "column appears more than once in the header"))
    missing = [c for c in table.columns if c.name not in header and not c.may_be_absent]
    for column in missing:
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
