"""Key figures set apart from their labels: a figure on a line of its own and its label on the
next ("15.5M" / "People in need"), or the label first ("People in need" / "15.5M"), as a
report's panels of key figures come out of a PDF or a web page. Each pair is read as one line
("15.5M People in need"), which the sentence splitter keeps as a row of key figures; alone,
a figure without words and a label without a figure are both taken for headings.

Pairs are told only where the lines cannot be paired otherwise: a block of such lines (no
other line between them) alternates figure and label, and
- holds an even number of lines (figure first: each figure with the label after it; label
  first: each label with the figure after it), or
- opens with a panel's heading (`key_figure_headings` in `figures.json`: "Key figures", "In
  numbers"; or a line ending with a colon), followed by an even number of lines as above, or
  with a line in capitals followed by an odd number.
Any other block ("KEY FIGURES" / "15.5M" / "People in need" with no way to tell the heading
from a label, a figure between two labels) is left as it is.
"""

from __future__ import annotations

import re

from indicators.extract import vocabulary

# a figure alone: "15.5M", "US$ 1.2B", "23%", "4,200,000", "about 2 million", "637,400¹"
FIGURE_ALONE = re.compile(
    r"[ \t]*(?:(?:about|some|over|nearly|almost|more\s+than)\s+)?"
    r"(?:US\$|\$|€|£|(?-i:[A-Z]{3})\s)?\s?\d[\d,.]*"
    r"(?:\s?(?:[MKB]|bn|mn|million|billion)\b|\s?%)?\*?(?:[¹²³⁴⁵⁶⁷⁸⁹]+|\[\d{1,2}\])?[ \t]*"
)
# a label alone: words without a digit or a closing full stop ("People in need",
# "Funding required (US$)", "Children out of school"), at most MAX_LABEL_WORDS of them
LABEL_ALONE = re.compile(r"[ \t]*[A-Za-z][A-Za-z’'()/&,$€£ -]{0,58}[A-Za-z)$€£][ \t]*")
MAX_LABEL_WORDS = 8
_HEADINGS = frozenset(vocabulary.words("key_figure_headings"))


def _kind(line: str) -> str:
    """'figure', 'label' or '' for any other line."""
    if len(line) > 64:  # most lines: a paragraph, no pattern tried
        return ""
    if FIGURE_ALONE.fullmatch(line):
        return "figure"
    if LABEL_ALONE.fullmatch(line) and len(line.split()) <= MAX_LABEL_WORDS:
        return "label"
    return ""


def is_figure_alone(text: str) -> bool:
    """Is `text` (a line, a box of a page) a figure alone: "15.5M", "US$ 1.2B"?"""
    return len(text) <= 64 and FIGURE_ALONE.fullmatch(text) is not None


def is_label_alone(text: str) -> bool:
    """Is `text` the label of a key figure alone: "People in need"?"""
    return _kind(text) == "label"


def _is_heading(line: str) -> bool:
    """A panel's own heading: one of `key_figure_headings`, or a line ending with a colon."""
    if len(line) > 64:
        return False
    stripped = line.strip()
    return stripped.endswith(":") or stripped.lower() in _HEADINGS


def figure_label_pairs(lines: list[str]) -> list[int]:
    """The indexes i of `lines` (lines of a text, or paragraphs) that are read as one with
    line i + 1: a figure and its label, in the order they stand."""
    kinds = [_kind(line) for line in lines]
    joined: list[int] = []
    index = 0
    while index < len(lines):
        if not kinds[index] and not _is_heading(lines[index]):
            index += 1
            continue
        start = index
        if not kinds[index]:  # a heading opens the block
            index += 1
        first = index
        while index < len(lines) and kinds[index]:
            index += 1
        block = kinds[first:index]
        if first == start and block and _is_heading(lines[first]):
            first, block = first + 1, block[1:]  # "Key figures", then the pairs
        elif (
            first == start
            and len(block) % 2
            and block[0] == "label"
            and lines[first].strip().isupper()
        ):
            first, block = first + 1, block[1:]  # "FLOOD RESPONSE" in capitals, then the pairs
        if (
            len(block) >= 2
            and len(block) % 2 == 0
            and all(kind != block[i - 1] for i, kind in enumerate(block) if i)
        ):
            joined += range(first, first + len(block), 2)
        index = max(index, start + 1)
    return joined


# a figure alone on a line after the first: most reports hold none, and are not split (a
# pattern that opens with the line break is scanned for at C speed, where "^" is tried at
# every character)
_FIGURE_LINE = re.compile(r"\n" + FIGURE_ALONE.pattern + r"(?:\n|\Z)")


def joined_key_figures(text: str) -> str:
    """`text` with each figure and its label on one line (the line break between them read
    as a space: offsets are unchanged)."""
    if "\n" not in text or (
        _FIGURE_LINE.search(text) is None and not is_figure_alone(text[: text.find("\n")])
    ):
        return text
    lines = text.split("\n")
    pairs = figure_label_pairs(lines)
    if not pairs:
        return text
    ends = []
    position = 0
    for line in lines:
        position += len(line)
        ends.append(position)  # where the line's break stands
        position += 1
    characters = list(text)
    for index in pairs:
        characters[ends[index]] = " "
    return "".join(characters)
