"""Property tests: corrupted tables never crash the loader, and lose no valid row.

A small, valid set of tables is generated once (`benchmarks.synthetic`). Each example
corrupts it: a cell replaced by random or wrongly typed text, a very long field, a stray
quote or random bytes inserted, a line re-encoded, lines deleted, duplicated or blanked,
the file truncated, the whole file re-encoded. Then:

- loading never raises;
- every row the corruption did not touch is loaded, with the same values as before;
- every problem names its file, a line that exists (or none, for the whole file) and a
  column of the table (or none, for the whole row);
- a cell made unreadable for its type is reported at its own line and column.

Set PROPERTY_EXAMPLES to run more examples (CI runs the default).
"""

from __future__ import annotations

import csv
import io
import os
import shutil
import tempfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pandas as pd
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from benchmarks import synthetic
from indicators import schema
from indicators.cli import main as cli_main
from indicators.loading import load_table, load_tables

EXAMPLES = int(os.environ.get("PROPERTY_EXAMPLES", "100"))
PROPERTY = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
TABLE_NAMES = ("observations", "events", "sources", "indicators")


@dataclass(frozen=True)
class Base:
    """One valid table: its file bytes, parsed rows and clean load."""

    table: schema.Table
    data: bytes
    rows: tuple[tuple[str, ...], ...]  # header first
    loaded: pd.DataFrame

    @property
    def key(self) -> str:
        return self.table.primary_key


@cache
def base_folder() -> Path:
    folder = Path(tempfile.mkdtemp(prefix="property-loading-"))
    synthetic.generate(folder, observations=24, seed=7)
    return folder / "data"


@cache
def base(name: str) -> Base:
    table = schema.TABLES[name]
    data = (base_folder() / table.file_name).read_bytes()
    rows = tuple(tuple(row) for row in csv.reader(io.StringIO(data.decode("utf-8"))))
    assert all(len(row) == len(rows[0]) for row in rows)
    assert b"\r" not in data and data.count(b"\n") == len(rows)  # one row per line
    loaded, problems = load_table(base_folder() / table.file_name, table)
    assert problems == [] and len(loaded) == len(rows) - 1
    return Base(table, data, rows, loaded)


def serialise(rows) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    return buffer.getvalue().encode("utf-8")


def line_spans(data: bytes) -> list[tuple[int, int]]:
    """(start, end) byte offsets of each line, the newline included."""
    spans = []
    start = 0
    for line in data.split(b"\n")[:-1]:
        spans.append((start, start + len(line) + 1))
        start += len(line) + 1
    return spans


# --------------------------------------------------------------------------- Corruptions

WRONG_TYPES = {
    schema.NUMBER: ["forty", "12,5", "1.2.3", "--3", "0x1F", "3 percent", "½"],
    schema.INTEGER: ["12.5", "ten", "1e3x", "-", "4 000"],
    schema.DATE: ["2025-13-01", "2025-02-30", "24/07/2025", "July 2025", "2025-7-1", "0000-00-00"],
    schema.BOOLEAN: ["yes", "TRUE!", "1.0", "nope"],
}
ODD_TEXT = st.one_of(
    st.text(max_size=40),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=80),
    st.sampled_from(
        ['"', '""', "\n", "\r\n", "\r", ",", "=cmd|' /C calc'!A0", "\x00", "\ufeff", " ", "\t"]
    ),
    st.builds(lambda n: "x" * n, st.integers(19_990, 30_000)),
)


@st.composite
def cell_corruption(draw, name: str):
    """(new file bytes, rows touched, (row, column) that must be reported or None)."""
    info = base(name)
    row = draw(st.integers(1, len(info.rows) - 1))
    column = draw(st.integers(0, len(info.rows[0]) - 1))
    column_name = info.rows[0][column]
    kind = info.table.column(column_name).kind
    must_fail = None
    if kind in WRONG_TYPES and draw(st.booleans()):
        value = draw(st.sampled_from(WRONG_TYPES[kind]))
        must_fail = (row, column_name)
    else:
        value = draw(ODD_TEXT)
    if column_name == info.key:  # a new id equal to another row's would flag that row too
        assume(value.strip() not in {other[column] for other in info.rows[1:]})
    rows = [list(item) for item in info.rows]
    rows[row][column] = value
    return serialise(rows), {row}, must_fail


@st.composite
def byte_corruption(draw, name: str):
    """Bytes inserted into, or lines removed from, the body: (bytes, rows touched, None)."""
    info = base(name)
    data = info.data
    spans = line_spans(data)
    body_start = spans[0][1]
    kind = draw(st.sampled_from(["insert", "truncate", "reencode", "delete", "duplicate", "blank"]))
    if kind == "insert":
        position = draw(st.integers(body_start, len(data)))
        inserted = draw(
            st.one_of(
                st.binary(min_size=1, max_size=12),
                st.sampled_from([b'"', b'"\n', b"\x00", b"\xff\xfe", b"\r", b"\n\n", b",,,"]),
            )
        )
        touched = {row for row, (start, end) in enumerate(spans) if start <= position < end}
        touched |= {row for row, (start, _) in enumerate(spans) if start == position}
        return data[:position] + inserted + data[position:], touched - {0}, None
    if kind == "truncate":
        cut = draw(st.integers(body_start, len(data) - 1))
        touched = {row for row, (_, end) in enumerate(spans) if end > cut}
        return data[:cut], touched, None
    row = draw(st.integers(1, len(spans) - 1))
    start, end = spans[row]
    line = data[start:end]
    if kind == "reencode":
        encoding = draw(st.sampled_from(["cp1252", "latin-1", "utf-16", "mac-roman"]))
        encoded = line[:-1].decode("utf-8").encode(encoding, errors="replace") + b"\n"
        return data[:start] + encoded + data[end:], {row}, None
    if kind == "delete":
        return data[:start] + data[end:], {row}, None
    if kind == "duplicate":  # the copy comes later, so it is the copy that is refused
        return data[:end] + line + data[end:], set(), None
    return data[:start] + b"\n" + data[start:], set(), None  # a blank line above a row


def corruption(name: str):
    return st.one_of(cell_corruption(name), byte_corruption(name))


# --------------------------------------------------------------------------- Checks


def comparable(frame: pd.DataFrame, key: str) -> dict[str, dict[str, str]]:
    shown = frame.astype(str)
    return {row[key]: row for row in shown.to_dict("records")}


def assert_problems_located(problems, file_name: str, data: bytes, table: schema.Table) -> None:
    lines = data.count(b"\n") + data.count(b"\r") + 1
    for problem in problems:
        assert problem.file == file_name, problem
        assert problem.line is None or 1 <= problem.line <= lines, problem
        assert problem.column is None or problem.column in table.column_names, problem
        assert problem.message and str(problem).startswith(file_name), problem


def check_corrupted_table(name: str, data: bytes, touched: set[int], must_fail) -> None:
    info = base(name)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / info.table.file_name
        path.write_bytes(data)
        loaded, problems = load_table(path, info.table)  # must not raise
    assert list(loaded.columns) == info.table.column_names
    assert_problems_located(problems, info.table.file_name, data, info.table)

    before = comparable(info.loaded, info.key)
    after = comparable(loaded, info.key)
    for row in set(range(1, len(info.rows))) - touched:
        key = info.rows[row][info.rows[0].index(info.key)]
        assert key in after, f"untouched row {key} was lost; problems: {problems[:5]}"
        assert after[key] == before[key], f"untouched row {key} changed"
    if must_fail is not None:
        row, column = must_fail
        assert any(p.line == row + 1 and p.column == column for p in problems), problems
        assert row + 1 not in set(loaded.index)


@PROPERTY
@given(st.data())
def test_a_corrupted_observations_table_keeps_every_untouched_row(data):
    check_corrupted_table("observations", *data.draw(corruption("observations")))


@PROPERTY
@given(st.sampled_from(("events", "sources", "indicators")), st.data())
def test_the_other_tables_keep_every_untouched_row(name, data):
    check_corrupted_table(name, *data.draw(corruption(name)))


@PROPERTY
@given(
    st.sampled_from(TABLE_NAMES),
    st.lists(st.sampled_from(["", " ", "notes2", "Unnamed: 3", "comment"]), min_size=1, max_size=4),
    st.randoms(use_true_random=False),
)
def test_columns_that_are_not_the_tables_lose_no_row(name, extra, random):
    # A spreadsheet's trailing empty columns (",,") or a helper column written twice are not
    # read, so they neither refuse the table nor move a cell: the load equals the clean one.
    info = base(name)
    positions = [random.randint(0, len(info.rows[0])) for _ in extra]

    def widen(row, cells):
        row = list(row)
        for position, cell in sorted(zip(positions, cells), reverse=True):
            row.insert(position, cell)
        return row

    rows = [widen(info.rows[0], extra)] + [widen(row, ["x"] * len(extra)) for row in info.rows[1:]]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / info.table.file_name
        path.write_bytes(serialise(rows))
        loaded, problems = load_table(path, info.table)
    assert problems == []
    pd.testing.assert_frame_equal(loaded[info.table.column_names], info.loaded)
    assert {name.strip() for name in extra} <= set(loaded.columns)  # kept, for a rewrite


def test_a_tables_own_column_written_twice_is_named():
    info = base("sources")
    rows = [[*row, row[0]] for row in info.rows]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / info.table.file_name
        path.write_bytes(serialise(rows))
        _, problems = load_table(path, info.table)
    assert [(p.line, p.column) for p in problems] == [(1, info.rows[0][0])]
    assert "more than once" in problems[0].message


@settings(max_examples=max(EXAMPLES // 3, 10), deadline=None)
@given(
    st.sampled_from(TABLE_NAMES),
    st.one_of(st.binary(max_size=2_000), st.text(max_size=500).map(str.encode)),
)
def test_random_bytes_as_a_table_never_raise(name, data):
    table = schema.TABLES[name]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / table.file_name
        path.write_bytes(data)
        loaded, problems = load_table(path, table)
    assert list(loaded.columns) == table.column_names
    assert_problems_located(problems, table.file_name, data, table)


@settings(max_examples=max(EXAMPLES // 10, 8), deadline=None)
@given(
    st.sampled_from(TABLE_NAMES),
    st.sampled_from(["utf-8-sig", "utf-16", "utf-32", "cp1252", "latin-1"]),
)
def test_a_whole_file_in_another_encoding_never_raises(name, encoding):
    info = base(name)
    data = info.data.decode("utf-8").encode(encoding, errors="replace")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / info.table.file_name
        path.write_bytes(data)
        loaded, problems = load_table(path, info.table)
    assert_problems_located(problems, info.table.file_name, data, info.table)
    if encoding == "utf-8-sig":  # a byte-order mark is allowed: nothing is lost
        assert problems == []
        assert comparable(loaded, info.key) == comparable(info.loaded, info.key)
    elif data != info.data:
        assert problems  # a file that is not UTF-8 is never read silently


@settings(max_examples=max(EXAMPLES // 5, 10), deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(TABLE_NAMES), st.data()),
        min_size=1,
        max_size=3,
        unique_by=lambda item: item[0],
    )
)
def test_the_whole_folder_and_the_validate_command_never_raise(corruptions):
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        shutil.copytree(base_folder(), folder, dirs_exist_ok=True)
        for name, data in corruptions:
            new_bytes, _, _ = data.draw(corruption(name))
            (folder / schema.TABLES[name].file_name).write_bytes(new_bytes)
        result = load_tables(folder)
        for problem in result.problems:
            table = next(t for t in schema.TABLES.values() if t.file_name == problem.file)
            data = (folder / table.file_name).read_bytes()
            assert_problems_located([problem], table.file_name, data, table)
        for name, frame in result.tables.items():
            assert list(frame.columns) == schema.TABLES[name].column_names
        code = cli_main(["validate", str(folder)])
    assert code == (1 if result.problems else 0)
