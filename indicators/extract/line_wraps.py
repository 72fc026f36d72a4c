"""Lines a report was hard-wrapped at, read as the spaces they stand for.

A report saved as plain text is often wrapped at a fixed width (an e-mail, a terminal copy,
a text export), so one sentence runs over several lines. The sentence splitter reads each
line as a paragraph and a line with no full stop as a heading, which would drop the start of
every wrapped sentence. `unwrapped` gives the text the rules read: the same length, each
line break that wraps a sentence replaced by a space, so every offset still points at the
same character of the report, and the quotes are taken from the report itself.

A break wraps a paragraph when neither line is blank, a heading, a label or a row of a list
or a table, and either the report is wrapped at a width and the line before the break fills
most of it, or the line before it has no closing punctuation, is no row of key figures, and
either ends with a word no sentence ends with ("killed in") or the line after it goes on in
lower case ("killed in the\\ndistrict"). The words are in `vocabulary/words.json`.
"""

from __future__ import annotations

import re

from indicators.extract import vocabulary
from indicators.extract.sentences import (
    BULLET,
    FIGURE_FIRST_LINE,
    KEY_FIGURE_LINE,
    TERMINAL_CHARS,
)

# A report is read as wrapped at a width when nearly all its lines (but a long address or a
# table's row) are no longer than a width within these bounds...
MIN_WRAP_WIDTH, MAX_WRAP_WIDTH, NEARLY_ALL = 50, 100, 0.95
# ...and at least this many lines stop near that width short of a sentence's end (a few
# headings of about one length are no wrap)
MIN_WRAPPED_LINES, NEAR = 3, 0.8
# a line filling this share of the width is a wrapped line, not a heading
FILLED = 0.7
MIN_WORDS = 4  # a line of fewer words is a heading or a label, whatever follows it

_LINE = re.compile(r"[^\n]*(?:\n|\Z)")
_LOWER_START = re.compile(r"[ \t]*[a-z(]")
# the words no heading or sentence ends with ("killed in", "the number of")
CONTINUATIONS = frozenset(vocabulary.words("line_continuations", "words"))


def unwrapped(text: str) -> str:
    """`text` with the line breaks that wrap a sentence replaced by spaces (same length)."""
    if "\n" not in text:
        return text
    lines = [match.group() for match in _LINE.finditer(text) if match.group()]
    contents = [line.rstrip("\r\n").rstrip() for line in lines]
    width = _wrap_width(contents)
    pieces = []
    for index, line in enumerate(lines):
        if index + 1 < len(lines) and _wraps(contents[index], contents[index + 1], width):
            ending = len(line) - len(line.rstrip("\r\n"))
            line = line[: len(line) - ending] + " " * ending
        pieces.append(line)
    return "".join(pieces)


def _wrap_width(contents: list[str]) -> int:
    """The width the report is wrapped at, or 0 when it is not wrapped at one."""
    lengths = sorted(len(line) for line in contents if line.strip())
    if not lengths:
        return 0
    width = lengths[int(NEARLY_ALL * (len(lengths) - 1))]
    if not MIN_WRAP_WIDTH <= width <= MAX_WRAP_WIDTH:
        return 0
    wrapped = sum(
        1
        for line in contents
        if NEAR * width <= len(line) <= width and line[-1] not in TERMINAL_CHARS
    )
    return width if wrapped >= MIN_WRAPPED_LINES else 0


def _wraps(line: str, following: str, width: int) -> bool:
    """Does the break after `line` fall inside a paragraph that goes on in `following`?"""
    stripped = line.strip()
    if not stripped or not following.strip():
        return False  # a blank line ends a paragraph
    if len(stripped.split()) < MIN_WORDS or "|" in line or "|" in following:
        return False  # a heading, a label, a row of a table
    if BULLET.match(following.lstrip()):
        return False  # the next item of a list
    if width and len(line) >= FILLED * width:
        # a line filling the width is wrapped, whatever it ends with: in a report wrapped
        # at a width, a blank line is what ends a paragraph
        return True
    if stripped[-1] in TERMINAL_CHARS or _is_a_row(stripped):
        return False
    last_word = stripped.rsplit(None, 1)[-1]
    return last_word in CONTINUATIONS or _LOWER_START.match(following) is not None


def _is_a_row(line: str) -> bool:
    """Is the line a row of a key-figures box ("919 schools closed", "People in need: 4M")?"""
    return FIGURE_FIRST_LINE.match(line) is not None or KEY_FIGURE_LINE.match(line) is not None
