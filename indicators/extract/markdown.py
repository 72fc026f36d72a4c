"""A report written in Markdown, read as the text it marks up.

A report saved as Markdown (a `.md` file, a page converted by a tool) writes a table with
bars at both ends of each row and a rule under its header ("| Pemba | 98,215 | 17% |",
"|---|---:|"), strong emphasis between double asterisks ("**61,902** people") and list items
after an asterisk ("* 41 latrines built"). `marked_up` gives the text the rules read: the same
length, these marks replaced by spaces (a list's asterisk by the dash of a list item), so every
offset still points at the same character of the report and each quote is taken from the
report itself, as for a hard-wrapped text (`line_wraps`). A table's rows then read as the
tables flattened to text do ("Pemba | 98,215 | 17%", named by the header's cells), the rule
under the header keeping the table in one piece as a row of empty cells.
"""

from __future__ import annotations

import re

# a row of a Markdown table: a bar first and last on its line
_TABLE_ROW = re.compile(r"^([ \t]*)\|(.*)\|([ \t]*)$", re.MULTILINE)
_RULE_CELL = re.compile(r"[ \t]*:?-{3,}:?[ \t]*")
# strong emphasis on one line: "**61,902**", "__host families__"
_STRONG = re.compile(r"(\*\*|__)(?=\S)([^\n]*?\S)\1")
# a list item after an asterisk or a plus ("* 41 latrines", "+ 12 schools")
_LIST_MARK = re.compile(r"^([ \t]*)[*+](?=[ \t]+\S)", re.MULTILINE)


def marked_up(text: str) -> str:
    """`text` with its Markdown marks read as spaces (same length); the text itself when it
    holds none."""
    if "|" not in text and "**" not in text and "__" not in text and "*" not in text:
        return text
    text = _TABLE_ROW.sub(_row, text)
    text = _STRONG.sub(lambda m: " " * len(m.group(1)) + m.group(2) + " " * len(m.group(1)), text)
    return _LIST_MARK.sub(lambda m: m.group(1) + "-", text)


def _row(match: re.Match) -> str:
    cells = match.group(2).split("|")
    if all(_RULE_CELL.fullmatch(cell) for cell in cells):
        # the rule under the header: a row of empty cells, so the header stays the table's
        cells = [" " * len(cell) for cell in cells]
    return f"{match.group(1)} {'|'.join(cells)} {match.group(3)}"
