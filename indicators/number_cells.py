"""What a number cell in a table may hold: the one rule every reader of the tables applies.

A number is written with the ASCII digits 0-9, at most one leading sign, at most one
decimal point and, for a `number` column, an optional exponent (`1.5e6`). Surrounding
spaces are ignored. Nothing else is a number, even where Python or pandas would read one:
digit separators (`3_060`, `1,000`, `1 000`), other scripts' digits (`１２`, `٣٠٦٠`),
`nan`, `inf`, hexadecimal. Such a cell is reported with the reason and its row is left
out; it is never normalised, so a table means the same thing to every program that reads
it. An `integer` column takes whole numbers only (no point, no exponent) of at most 18
digits.
"""

from __future__ import annotations

import math
import re
import unicodedata

import pandas as pd

NUMBER_PATTERN = r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?"
WHOLE_NUMBER_PATTERN = r"[+-]?[0-9]{1,18}"
_NOT_FINITE = re.compile(r"[+-]?(?:nan|inf|infinity)", re.IGNORECASE)
MAX_SHOWN_CHARS = 80


def invalid_cells(cells: pd.Series, whole: bool) -> pd.Series:
    """True where a (stripped) cell is set but is not a number under the rule."""
    pattern = WHOLE_NUMBER_PATTERN if whole else NUMBER_PATTERN
    matches = cells.str.fullmatch(pattern)
    return cells.notna() & ~matches.fillna(False).astype(bool)


def to_numbers(cells: pd.Series, whole: bool) -> pd.Series:
    """Cells that all pass the rule (or are empty) as float64, or Int64 when `whole`."""
    if not len(cells):
        return pd.Series([], index=cells.index, dtype="Int64" if whole else "float64")
    numbers = pd.to_numeric(cells)
    return numbers.astype("Int64") if whole else numbers.astype("float64")


def _shown(cell: str) -> str:
    if len(cell) > MAX_SHOWN_CHARS:
        cell = cell[: MAX_SHOWN_CHARS - 3] + "..."
    return repr(cell)


def _as_written(cell: str, whole: bool) -> str | None:
    """The cell as the rule wants it, where its meaning is clear (`3_060` is 3060)."""
    try:
        value = int(cell) if whole else float(cell)
    except ValueError:
        return None
    if whole:
        return str(value)
    if not math.isfinite(value):
        return None
    return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)


def why_not_a_number(cell: str, whole: bool) -> str:
    """One sentence: the cell, and why the rule refuses it."""
    kind = "whole number" if whole else "number"
    shown = _shown(cell)
    if _NOT_FINITE.fullmatch(cell):
        return f"{shown} is not a {kind}; leave the cell empty when there is no figure"
    if any(character.isdigit() and not "0" <= character <= "9" for character in cell):
        reason = "write its digits as 0-9"
    elif "_" in cell or "," in cell or any(unicodedata.category(c) == "Zs" for c in cell):
        reason = "write it without digit separators"
    elif whole and re.fullmatch(NUMBER_PATTERN, cell):
        digits = cell.lstrip("+-")
        if digits.isdigit():
            return f"{shown} is not a whole number of at most 18 digits"
        return f"{shown} is not a {kind}"
    else:
        return f"{shown} is not a {kind}"
    suggestion = _as_written(cell, whole)
    if suggestion is not None:
        reason += f" ({suggestion})"
    return f"{shown} is not a {kind}: {reason}"
