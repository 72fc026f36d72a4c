"""Tables pasted as text: cells parted by tabs ("Blantyre\t1,497\t31"), as a spreadsheet or a
PDF viewer copies them, or set in columns by runs of spaces ("Blantyre    1,497    31"). Read
line by line they are words and numbers with nothing to say which header a number is under.
Each gap between cells is read as a bar (the gap's first character), as the rows of a table
flattened to text are written ("Blantyre | 1,497 | 31"), so the rules for such rows name each
figure by its column and place it by its row. Offsets are kept: a quote is still the report's
own line, tabs and spaces as they stand.

A block of lines is read as a table only when it is one beyond doubt:
- at least `MIN_ROWS` consecutive lines (its header included), each parted into the same
  number of cells (at least two) by tabs, or by runs of two or more spaces;
- every cell short (`MAX_CELL` characters: prose is no cell), the first line without a figure
  (its header; a year may head a column), and at least half the lines under it holding one.
"""

from __future__ import annotations

import re

MIN_ROWS = 3
MAX_CELL = 48
_TAB_GAP = re.compile(r"[ ]*\t[\t ]*")
_SPACE_GAP = re.compile(r"[ ]{2,}|[ ]*\t[\t ]*")
# a cell that holds a figure alone ("23,410", "17%", "$1.2M", "<1"), and a year (a column's
# header, no figure); `ingest.pdf_layout_tables` tells a table's cells by the same patterns
NUMBER_CELL = re.compile(
    r"[<>~≈+−–-]?\s?(?:[A-Z]{0,3}\$|€|£)?\d[\d,.\u00a0\u202f]*(?:%|[kKmMbB]n?)?\*?"
)
YEAR = re.compile(r"(?:19|20)\d\d")


def _cells(line: str) -> list[tuple[int, int]] | None:
    """Where the gaps between a line's cells stand (start, end), or None when it has none."""
    stripped = line.strip()
    if not stripped or "|" in line:
        return None
    gaps = _TAB_GAP if "\t" in stripped else _SPACE_GAP
    lead = len(line) - len(line.lstrip())
    found = [
        (lead + m.start(), lead + m.end())
        for m in gaps.finditer(stripped)
        if m.end() < len(stripped)
    ]
    return found or None


def _texts(line: str, gaps: list[tuple[int, int]]) -> list[str]:
    edges = [len(line) - len(line.lstrip()), *(e for g in gaps for e in g), len(line.rstrip())]
    return [line[edges[i] : edges[i + 1]].strip() for i in range(0, len(edges), 2)]


def _numeric(texts: list[str], years: bool = True) -> bool:
    return any(
        NUMBER_CELL.fullmatch(text) and (years or not YEAR.fullmatch(text)) for text in texts
    )


def tabled(text: str) -> str:
    """`text` with each gap between the cells of a pasted table read as a bar."""
    if "\t" not in text and "  " not in text:
        return text
    lines = text.split("\n")
    found = [_cells(line) if ("\t" in line or "  " in line) else None for line in lines]
    characters: list[str] | None = None
    position = 0
    starts = []
    for line in lines:
        starts.append(position)
        position += len(line) + 1
    index = 0
    while index < len(lines):
        if found[index] is None:
            index += 1
            continue
        width = len(found[index])
        end = index
        while end < len(lines) and found[end] is not None and len(found[end]) == width:
            end += 1
        block = range(index, end)
        texts = [_texts(lines[i], found[i]) for i in block]
        body = texts[1:]
        if (
            len(texts) >= MIN_ROWS
            and all(len(cell) <= MAX_CELL and cell for row in texts for cell in row)
            and not _numeric(texts[0], years=False)
            and sum(_numeric(row) for row in body) * 2 >= len(body)
        ):
            characters = characters if characters is not None else list(text)
            for i in block:
                for gap_start, _ in found[i]:
                    characters[starts[i] + gap_start] = "|"
        index = end
    return text if characters is None else "".join(characters)
