"""The tables of a PDF page that no lines are ruled around, told by how their words stand.

A table printed without borders has no lines for pdfplumber to find, and the layout analysis
reads it a column at a time ("LGA Maiduguri Jere Konduga Displaced 23,410 17,950 ..."), so no
figure can be told from its row. Its words show it all the same: lines whose words stand in
groups far apart (cells), one above the other in the same columns, most rows holding a number.
Such a run of lines is read as a table, a row to a line as `pdf_tables` writes ruled ones.

What is taken for a table, and what is not:
- the gap between two cells is wider than `CELL_GAP` times the font's size, far more than a
  space (a justified line stretches its spaces, never so far);
- at least `MIN_ROWS` lines (its header included) and `MIN_COLUMNS` columns, every cell short
  (`MAX_CELL` characters: a column of prose is no cell), and at least half the rows under the
  header holding a number;
- lines set as closely as a wrapped cell's lines are one row (a label that wraps, a header
  cell centred beside one that wraps); the first row is the header and holds no figure;
- a line of two columns of prose, a key figure beside its label once, a list: not a table.
"""

from __future__ import annotations

import re
from statistics import median

from indicators.extract.text_tables import MAX_CELL, MIN_ROWS, NUMBER_CELL, YEAR
from indicators.ingest.pdf_tables import MIN_COLUMNS, PageTable

# a cell ends where the next word stands this many font sizes away (a space is about 0.3)
CELL_GAP = 1.2
# the next line of a table stands at most this many font sizes below the one before
ROW_STEP = 2.0
# the lines of a wrapped cell stand at most this many font sizes apart (rows, further)
WRAPPED_GAP = 0.45
MAX_WRAPPED = 6
# two figures side by side in one cell: the gap between two columns was too narrow to see
RUN_TOGETHER = re.compile(r"\d[\d,.]*%?\s+[<>~+−–-]?(?:[A-Z]{0,3}\$|€|£)?\d")


def layout_tables(page, ruled: list[PageTable]) -> list[PageTable]:
    """The tables without rules on a pdfplumber page, top to bottom, none inside a ruled one;
    none when the page's words cannot be read (its text is then read as the layout analysis
    gives it, not lost)."""
    try:
        words = [
            w
            for w in page.extract_words()
            if not any(t.holds(w["x0"], w["top"], w["x1"], w["bottom"]) for t in ruled)
        ]
        tables = [_table(run) for run in _runs(_lines(words))]
    except Exception:  # pdfplumber's geometry on a damaged page, an odd word
        return []
    return [table for table in tables if table is not None]


def _lines(words: list[dict]) -> list[list[dict]]:
    """The page's words in lines, top to bottom, each line's words left to right."""
    lines: list[list[dict]] = []
    for word in sorted(words, key=lambda w: (round(w["top"], 1), w["x0"])):
        if lines:
            last = lines[-1]
            height = last[0]["bottom"] - last[0]["top"]
            if abs(word["top"] - last[0]["top"]) <= 0.5 * height:
                last.append(word)
                continue
        lines.append([word])
    for line in lines:
        line.sort(key=lambda w: w["x0"])
    return lines


class _Line:
    """A line of words in its cells: each cell [x0, x1, text]."""

    def __init__(self, words: list[dict]) -> None:
        self.size = median(w["bottom"] - w["top"] for w in words) or 1.0
        self.top = min(w["top"] for w in words)
        self.bottom = max(w["bottom"] for w in words)
        self.cells: list[list] = []
        for word in words:
            if self.cells and word["x0"] - self.cells[-1][1] <= CELL_GAP * self.size:
                cell = self.cells[-1]
                cell[1], cell[2] = word["x1"], cell[2] + " " + word["text"]
            else:
                self.cells.append([word["x0"], word["x1"], word["text"]])


class _Band:
    """Lines set as closely as the lines of one wrapped cell, or closer (a cell centred
    beside another that wraps): one row of a table, if the lines are one."""

    def __init__(self, line: _Line) -> None:
        self.lines = [line]
        self.top, self.bottom, self.size = line.top, line.bottom, line.size

    def takes(self, line: _Line) -> bool:
        return line.top - self.bottom <= WRAPPED_GAP * max(self.size, line.size)

    def add(self, line: _Line) -> None:
        self.lines.append(line)
        self.bottom = max(self.bottom, line.bottom)

    @property
    def spans(self) -> int:
        """In how many columns of its own the band's cells stand."""
        return len(_columns([cell for line in self.lines for cell in line.cells]))

    def numeric(self, years: bool = True) -> bool:
        """Does a cell hold a number (a year only if `years`: "2024" heads a column)?"""
        return any(
            NUMBER_CELL.fullmatch(text) and (years or not YEAR.fullmatch(text))
            for line in self.lines
            for _, _, text in line.cells
        )


def _bands(lines: list[list[dict]]) -> list[_Band]:
    bands: list[_Band] = []
    for line in map(_Line, lines):
        if bands and bands[-1].takes(line):
            bands[-1].add(line)
        else:
            bands.append(_Band(line))
    return bands


def _runs(lines: list[list[dict]]) -> list[list[_Band]]:
    """Runs of consecutive bands that may be a table: each of cells in several columns, and
    near the one before."""
    runs: list[list[_Band]] = []
    current: list[_Band] = []
    for band in _bands(lines):
        last = current[-1] if current else None
        near = last is not None and band.top - last.bottom <= ROW_STEP * max(last.size, band.size)
        if band.spans >= MIN_COLUMNS and len(band.lines) <= MAX_WRAPPED:
            if not near:
                runs.append(current)
                current = []
            current.append(band)
        else:
            runs.append(current)
            current = []
    runs.append(current)
    return [run for run in runs if len(run) >= MIN_ROWS]


def _table(run: list[_Band]) -> PageTable | None:
    """The run read as a table, its first band the header and each band after it a row, or
    None when it is not one."""
    cells = [cell for band in run for line in band.lines for cell in line.cells]
    # the columns are where the rows' cells stand; a header centred over a narrow column of
    # right-aligned figures ("Shelters damaged" over "0") may overlap none of them
    columns = _columns([cell for band in run[1:] for line in band.lines for cell in line.cells])
    if len(columns) < MIN_COLUMNS:
        return None
    if any(len(text) > MAX_CELL for _, _, text in cells):
        return None  # a column of prose
    header, body = run[0], run[1:]
    if header.numeric(years=False):
        return None  # no header: figures beside their labels, read as text
    if sum(band.numeric() for band in body) * 2 < len(body):
        return None
    rows = [_cells(band.lines, columns) for band in run]
    if any(row is None for row in rows) or any(
        RUN_TOGETHER.search(cell) for row in rows for cell in row
    ):
        return None  # two columns too close to tell apart ("23,410 4,120")
    written = tuple(" | ".join(cell.replace("|", "/") for cell in row) for row in rows)
    return PageTable(
        min(c[0] for c in columns),
        run[0].top,
        max(c[1] for c in columns),
        run[-1].bottom,
        written,
    )


def _cells(lines: list[_Line], columns: list[tuple[float, float]]) -> list[str] | None:
    """The text of each column in these lines, top to bottom; None when two cells of a line
    fall in one column (the columns ran together)."""
    row = [""] * len(columns)
    for line in sorted(lines, key=lambda line: line.top):
        taken = set()
        for x0, x1, text in line.cells:
            index = _column_of(x0, x1, columns)
            if index in taken:
                return None
            taken.add(index)
            row[index] = f"{row[index]} {text}".strip()
    return row


def _column_of(x0: float, x1: float, columns: list[tuple[float, float]]) -> int:
    """The column a cell stands in: the one it overlaps most, or else the nearest."""
    overlaps = [min(x1, c1) - max(x0, c0) for c0, c1 in columns]
    best = max(range(len(columns)), key=overlaps.__getitem__)
    if overlaps[best] > 0:
        return best
    middle = (x0 + x1) / 2
    return min(range(len(columns)), key=lambda i: abs((columns[i][0] + columns[i][1]) / 2 - middle))


def _columns(cells: list[list]) -> list[tuple[float, float]]:
    """The columns the cells stand in, left to right: the spans of cells that overlap."""
    spans: list[list[float]] = []
    for x0, x1, _ in sorted(cells, key=lambda cell: cell[0]):
        if spans and x0 < spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], x1)
        else:
            spans.append([x0, x1])
    return [(x0, x1) for x0, x1 in spans]
