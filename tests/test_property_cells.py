"""Generated cases for the classes of cell the loader must get right, whatever the reader:

- number cells: every spelling Python or pandas might accept (digit separators, other
  scripts' digits, nan/inf, exponents, signs, spaces) follows the one rule of
  `indicators.number_cells`: accepted cells load as their value, the others are one
  problem naming file, line and column, and only their row is lost;
- line breaks: CRLF, lone-CR and LF files, and CR, LF or CRLF inside quoted cells, load
  every row the csv module reads, at the line the csv module starts it on;
- event dates that cannot be true (an end before the start, a start after the report
  was published) are refused, and no length shown is negative.

Fast (Arrow) and exact (csv module) readers are compared on every generated file.
Set PROPERTY_EXAMPLES to run more examples (CI runs the default).
"""

from __future__ import annotations

import csv
import io
import math
import os
import re
import shutil
import tempfile
from datetime import date, timedelta
from functools import cache
from pathlib import Path

import pandas as pd
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from benchmarks import synthetic
from indicators import number_cells, schema, summaries
from indicators.cli import main as cli_main
from indicators.csv_reading import read_exact, read_fast
from indicators.loading import load_tables
from indicators.row_types import check_types

EXAMPLES = int(os.environ.get("PROPERTY_EXAMPLES", "100"))
PROPERTY = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
OBSERVATIONS = schema.TABLES["observations"]
EVENTS = schema.TABLES["events"]
TABLE_FILES = {table.file_name for table in schema.TABLES.values()}
TARGET = "syn-000000-o2"  # a count ("almost 240 hospitals"): any finite value is valid


@cache
def base_folder() -> Path:
    folder = Path(tempfile.mkdtemp(prefix="property-cells-"))
    synthetic.generate(folder, observations=24, seed=7)
    return folder / "data"


@cache
def base_rows(name: str) -> tuple[tuple[str, ...], ...]:
    data = (base_folder() / schema.TABLES[name].file_name).read_text("utf-8")
    return tuple(tuple(row) for row in csv.reader(io.StringIO(data)))


def write(rows, terminator: str = "\n", quoting: int = csv.QUOTE_MINIMAL) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator=terminator, quoting=quoting).writerows(rows)
    return buffer.getvalue().encode("utf-8")


def csv_module_records(data: bytes) -> list[tuple[int, int, list[str]]]:
    """(first line, last line, cells) of every non-blank row, as the csv module reads."""
    reader = csv.reader(io.StringIO(data.decode("utf-8"), newline=""))
    rows, previous = [], 0
    for record in reader:
        if record:
            rows.append((previous + 1, reader.line_num, record))
        previous = reader.line_num
    return rows


def csv_module_rows(data: bytes) -> list[tuple[int, list[str]]]:
    """(line the row starts on, cells) for every non-blank row, as the csv module reads."""
    return [(first, cells) for first, _, cells in csv_module_records(data)]


def load_folder_with(name: str, data: bytes):
    folder = Path(tempfile.mkdtemp(prefix="property-cells-load-"))
    shutil.copytree(base_folder(), folder, dirs_exist_ok=True)
    (folder / schema.TABLES[name].file_name).write_bytes(data)
    return folder, load_tables(folder)


def assert_readers_agree(data: bytes, table: schema.Table) -> None:
    """Both readers give the same text cells, and so the same typed rows and problems."""
    exact, _ = read_exact(data, table.file_name, table)
    fast = read_fast(data, table)
    if fast is None or exact is None:
        return
    pd.testing.assert_frame_equal(fast, exact, check_index_type=False)
    typed_fast, problems_fast, _ = check_types(fast.copy(), table, table.file_name)
    typed_exact, problems_exact, _ = check_types(exact.copy(), table, table.file_name)
    assert problems_fast == problems_exact
    pd.testing.assert_frame_equal(typed_fast, typed_exact, check_index_type=False)


# --------------------------------------------------------------------------- Number cells

# The zero of some scripts whose digits Python's int() and float() read as numbers.
DIGIT_ZEROS = [0x660, 0x6F0, 0x966, 0x9E6, 0xE50, 0xFF10, 0x1D7CE, 0x1040]
SPACES = [" ", "\t", "\u00a0", "\u3000", "\u2007"]


@st.composite
def number_spelling(draw, number: int) -> str:
    """One way to write `number`, or something near it, that some parser might accept."""
    digits = str(number)
    kind = draw(
        st.sampled_from(
            [
                "plain",
                "underscore",
                "script",
                "mixed-script",
                "sign",
                "point",
                "exponent",
                "spaces",
                "separator",
                "not-finite",
                "text",
                "unicode-digits",
                "huge",
            ]
        )
    )
    if kind == "plain":
        return digits
    if kind == "underscore":
        cut = draw(st.integers(1, max(len(digits) - 1, 1)))
        return digits[:cut] + "_" + digits[cut:]
    if kind in ("script", "mixed-script"):
        zero = draw(st.sampled_from(DIGIT_ZEROS))
        converted = [chr(zero + int(d)) for d in digits]
        if kind == "mixed-script":
            keep = draw(st.integers(0, len(digits) - 1))
            converted[keep] = digits[keep]
        return "".join(converted)
    if kind == "sign":
        return draw(st.sampled_from(["+", "-", "++", "+-", "−"])) + digits
    if kind == "point":
        return draw(st.sampled_from([digits + ".", digits + ".0", digits + ".00", "." + digits]))
    if kind == "exponent":
        return draw(
            st.sampled_from(
                [f"{number / 100}e2", f"{number}E0", f"{number}e", f"{number}e+0", f"{number}ee1"]
            )
        )
    if kind == "spaces":
        left = draw(st.sampled_from(["", *SPACES]))
        right = draw(st.sampled_from(["", *SPACES]))
        return left + digits + right
    if kind == "separator":
        return draw(st.sampled_from([f"{number:,}", f"{number:_}", digits[:1] + " " + digits[1:]]))
    if kind == "not-finite":
        return draw(st.sampled_from(["nan", "NaN", "inf", "-inf", "Infinity", "+nan", "1e999"]))
    if kind == "unicode-digits":
        return draw(st.text(alphabet=st.characters(categories=["Nd", "No", "Pd"]), max_size=6))
    if kind == "huge":
        return draw(st.sampled_from(["9" * 19, "1" + "0" * 400, "0." + "0" * 30 + "1"]))
    return draw(st.text(max_size=12))


def rule_accepts(cell: str, whole: bool) -> bool:
    pattern = number_cells.WHOLE_NUMBER_PATTERN if whole else number_cells.NUMBER_PATTERN
    stripped = cell.strip()
    return bool(re.fullmatch(pattern, stripped)) and (whole or math.isfinite(float(stripped)))


@PROPERTY
@given(st.sampled_from(["value", "quote_start"]), st.data(), st.booleans())
def test_a_number_cell_follows_the_one_rule_in_every_reader(column, data, malformed_row):
    rows = [list(row) for row in base_rows("observations")]
    header = rows[0]
    row_index = next(i for i, row in enumerate(rows) if row[0] == TARGET)
    original = int(rows[row_index][header.index(column)])
    cell = data.draw(number_spelling(original), label="cell")
    rows[row_index][header.index(column)] = cell
    if malformed_row:  # a row with too few cells sends the file to the exact reader
        rows.insert(1, ["syn-broken", "x"])
        row_index += 1
    content = write(rows)
    # The csv module writes a lone CR in a cell unquoted, and reads it back as a line end:
    # such a file breaks the row for every reader (the line-break cases cover it).
    assume([cells for _, cells in csv_module_rows(content)] == [row for row in rows if row])
    assert_readers_agree(content, OBSERVATIONS)
    folder, result = load_folder_with("observations", content)  # must not raise
    observations = result.tables["observations"]
    line = row_index + 1
    whole = column == "quote_start"
    stripped = cell.strip()
    others = {row[0] for row in rows[1:] if row[0] not in (TARGET, "syn-broken")}
    assert others <= set(observations["observation_id"])  # its neighbours stay
    if not stripped:
        assert TARGET not in set(observations["observation_id"])
    elif rule_accepts(cell, whole) and (not whole or int(stripped) == original):
        kept = observations.set_index("observation_id").loc[TARGET, column]
        assert float(kept) == float(stripped)
    else:
        assert TARGET not in set(observations["observation_id"])
        here = [p for p in result.problems if p.file == "observations.csv" and p.line == line]
        assert here, result.problems
        if "\x00" in cell:  # a NUL byte is refused for its whole line, before any type
            assert [p.message for p in here] == ["contains a NUL byte; the line was skipped"]
        elif not rule_accepts(cell, whole):
            assert any(p.column == column for p in here), here
    for problem in result.problems:
        assert problem.file in TABLE_FILES
        assert problem.line is None or problem.line >= 1
        assert problem.column is None or problem.column in OBSERVATIONS.column_names
    if not data.draw(st.booleans(), label="run the commands too"):  # half: they load again
        shutil.rmtree(folder)
        return
    assert cli_main(["validate", str(folder)]) == (1 if result.problems else 0)
    out = folder / "observations-export.csv"
    exported = cli_main(
        ["export", str(folder), "--format", "csv", "--table", "observations", "--out", str(out)]
        + ["--allow-problems"]
    )
    assert exported == 0
    written = pd.read_csv(out, encoding="utf-8-sig", dtype=str, keep_default_na=False)
    assert set(written["observation_id"]) == set(observations["observation_id"])
    shutil.rmtree(folder)


@PROPERTY
@given(st.text(max_size=30), st.booleans())
def test_the_rule_explains_every_cell_it_refuses(cell, whole):
    series = pd.Series([cell.strip() or None], dtype="str")
    refused = bool(number_cells.invalid_cells(series, whole).iloc[0])
    if refused:
        message = number_cells.why_not_a_number(cell.strip(), whole)
        assert message.startswith(repr(cell.strip()[:77])[:-1])
        assert "number" in message
    else:
        converted = number_cells.to_numbers(series.where(series.notna()), whole)
        assert converted.isna().iloc[0] == (not cell.strip())


# --------------------------------------------------------------------------- Line breaks

BREAKS = ["\r", "\n", "\r\n"]


@PROPERTY
@given(
    st.sampled_from(BREAKS),
    st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL]),
    st.lists(
        st.tuples(st.integers(1, 24), st.sampled_from(["notes", "attributed_to"]), st.data()),
        max_size=4,
    ),
    st.integers(0, 3),
)
def test_line_breaks_anywhere_keep_every_row_at_its_line(terminator, quoting, inserts, bad_row):
    rows = [list(row) for row in base_rows("observations")]
    header = rows[0]
    for row, column, data in inserts:
        position = header.index(column)
        text = rows[row][position] or "checked"
        cut = data.draw(st.integers(1, max(len(text) - 1, 1)))
        rows[row][position] = text[:cut] + data.draw(st.sampled_from(BREAKS)) + text[cut:]
    if bad_row:  # a row with the wrong cell count: reported alone at its own line
        rows.insert(bad_row * 5, ["syn-broken", "too", "few"])
    content = write(rows, terminator, quoting)
    assert_readers_agree(content, OBSERVATIONS)
    # What the csv module reads is the truth: whole rows are kept at the line it starts them
    # on, any other row is one problem at its line. (A writer ending lines with a lone CR
    # leaves a LF in a cell unquoted: the csv module, and so the loader, breaks the row there.)
    # A row of the wrong length that spans several lines is reported with its span, and its
    # lines below the first are read on their own (an unclosed quote may have swallowed them).
    lines = re.split(r"\r\n|\r|\n", content.decode("utf-8"))
    expected, expected_problems = {}, []
    for first, last, cells in csv_module_records(content)[1:]:
        if len(cells) == 1 and not cells[0].strip():
            continue  # a blank line
        if len(cells) == len(header):
            expected[cells[0]] = (first, cells)
            continue
        span = f" (it spans lines {first}-{last}; the rows below were read on their own)"
        expected_problems.append(
            f"observations.csv:{first}: has {len(cells)} cells, the header has {len(header)}"
            f"{span if last > first else ''}; the row was skipped"
        )
        for number in range(first + 1, last + 1):
            try:
                alone = next(csv.reader([lines[number - 1]]), [])
            except csv.Error:
                continue
            if len(alone) == len(header):
                expected[alone[0]] = (number, alone)
    expected = dict(sorted(expected.items(), key=lambda item: item[1][0]))
    folder, result = load_folder_with("observations", content)
    loaded = result.tables["observations"]
    by_id = {row_id: line for line, row_id in zip(loaded.index, loaded["observation_id"])}
    assert by_id == {row_id: line for row_id, (line, _) in expected.items()}
    for column in ("notes", "attributed_to"):
        assert list(loaded[column]) == [
            cells[header.index(column)].strip() for _, cells in expected.values()
        ]
    assert sorted(str(p) for p in result.problems) == sorted(expected_problems)
    if bad_row and quoting == csv.QUOTE_ALL:  # every break is quoted: only the bad row fails
        assert len(expected_problems) == 1 and "has 3 cells" in expected_problems[0]
    shutil.rmtree(folder)


# --------------------------------------------------------------------------- Event dates


@PROPERTY
@given(
    st.lists(
        st.tuples(
            st.integers(0, 12),  # which event row
            st.integers(-400, 60),  # its start, in days from its report's publication
            st.one_of(st.none(), st.integers(-90, 400)),  # its end, in days from its start
        ),
        min_size=1,
        max_size=5,
        unique_by=lambda item: item[0],
    )
)
def test_impossible_event_dates_are_refused_and_no_length_is_negative(changes):
    rows = [list(row) for row in base_rows("events")]
    header = rows[0]
    published = {row[0]: date.fromisoformat(row[4]) for row in base_rows("sources")[1:]}
    column = {name: header.index(name) for name in header}
    expectation = {}
    for index, start_offset, end_offset in changes:
        row = rows[index + 1]
        start = published[row[column["source_id"]]] + timedelta(days=start_offset)
        row[column["start"]], row[column["start_precision"]] = start.isoformat(), "day"
        row[column["start_as_stated"]] = row[column["end_as_stated"]] = ""
        if end_offset is None:
            row[column["end"]] = row[column["end_precision"]] = ""
        else:
            end = start + timedelta(days=end_offset)
            row[column["end"]], row[column["end_precision"]] = end.isoformat(), "day"
        possible = start_offset <= 0 and (end_offset is None or end_offset >= 0)
        expectation[row[0]] = (index + 2, possible)
    folder, result = load_folder_with("events", write(rows))
    kept = set(result.tables["events"]["event_id"])
    for event_id, (line, possible) in expectation.items():
        if possible:
            assert event_id in kept, result.problems
        else:
            assert event_id not in kept
            assert any(
                p.file == "events.csv" and p.line == line and p.column in ("start", "end")
                for p in result.problems
            ), result.problems
    prepared = summaries.prepare(result.tables)
    length = summaries.blockade_length(prepared.events)
    if length is not None:
        assert 0 <= length.shortest_days <= length.longest_days
        assert not re.search(r"-\d", length.text)
    shutil.rmtree(folder)
