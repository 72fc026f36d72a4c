"""The ruled tables of a PDF page, as rows of cells, with pdfplumber.

Read line by line, a table's cells come out in the layout analysis's order, which is not the
table's ("IDPs % of total Pemba 98,215 17% 86,430 15% Metuge"), so no figure can be told from
its row. pdfplumber finds a table by the lines ruled around its cells and gives each row's
cells in order; a row is then written as the reports' tables flattened to text are ("Pemba |
98,215 | 17%"), which the extractor reads by its column headers. A ruled box of one row or one
column (a key-figures panel, a framed paragraph) is no table: its text is read as text.
"""

from __future__ import annotations

from dataclasses import dataclass

# a table has at least this many rows (its header included) and columns
MIN_ROWS, MIN_COLUMNS = 2, 2


@dataclass(frozen=True)
class PageTable:
    """A table of a page: where it stands (points from the page's top and left) and its rows,
    each written as its cells joined by " | "."""

    x0: float
    top: float
    x1: float
    bottom: float
    rows: tuple[str, ...]

    def holds(self, x0: float, top: float, x1: float, bottom: float) -> bool:
        """Does a line of text with these bounds stand inside the table (its centre does)?"""
        x, y = (x0 + x1) / 2, (top + bottom) / 2
        return self.x0 <= x <= self.x1 and self.top <= y <= self.bottom


def page_tables(page) -> list[PageTable]:
    """The tables of a pdfplumber page, top to bottom; none when they cannot be told (the
    page's text is then read as the layout analysis gives it, not lost)."""
    try:
        if not (page.lines or page.rects):
            return []  # nothing ruled on the page: no table to find (and no time spent)
        tables = page.find_tables()
    except Exception:  # pdfplumber's geometry on a damaged page: the text is still readable
        return []
    found = []
    for table in tables:
        cells_by_row = table.extract()
        rows = [row for row in map(_row, cells_by_row) if row is not None]
        columns = max(map(len, cells_by_row), default=0)
        if len(rows) < MIN_ROWS or columns < MIN_COLUMNS:
            continue
        x0, top, x1, bottom = table.bbox
        found.append(PageTable(x0, top, x1, bottom, tuple(rows)))
    return sorted(found, key=lambda table: table.top)


def _row(cells: list[str | None]) -> str | None:
    """A row's cells as "a | b | c" (a cell's lines joined by spaces), None when all are empty."""
    texts = [" ".join((cell or "").split()) for cell in cells]
    if not any(texts):
        return None
    return " | ".join(text.replace("|", "/") for text in texts)
