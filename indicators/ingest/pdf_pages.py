"""A PDF's pages read as one text: the running heads and feet left out, and a paragraph cut
into pieces (by a page break, or by the layout analysis) read as one.

A report printed to PDF repeats a line at the top or foot of every page (the agency and the
report's title, "Page 3 of 12"), and its paragraphs run on from one page to the next. Read box
by box, the repeated lines come between the two halves of a sentence, and each half is a
paragraph of its own, so the figure of that sentence loses what it counts. The layout analysis
also cuts a paragraph set with wide line spacing into several boxes on one page.
`body_paragraphs` takes the boxes of each page with where they stand and gives the paragraphs
a reader sees:
- a box in a page's top or bottom margin whose words (digits aside) stand in that margin on
  at least half the pages, and on two at least, is a running head or foot;
- a box that ends without a sentence's closing punctuation goes on in the next one (on its
  page or at the top of the next page) when that one opens in lower case, or the first ends
  with a comma, a hyphen ("two-" then "week": no space) or a word no sentence ends with
  ("up from" then "472 in the week before": the words of `line_continuations`, as for a
  hard-wrapped text), or its last line fills the width of the page's text and the letters
  either side of the break are of one font and size ("... since 3" then "January 2025.");
- a table's rows (`pdf_tables`) are a paragraph of their own, a row to a line.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

# what ends a paragraph's last sentence (a break after anything else may fall inside it), and
# the words no heading or sentence ends with ("up from"): as a hard-wrapped text is read
from indicators.extract.line_wraps import CONTINUATIONS
from indicators.extract.sentences import TERMINAL_CHARS as CLOSING

# How far down a page its top margin reaches, and from where its bottom margin starts, as
# shares of the page's height: running heads and feet stand there.
TOP_MARGIN, BOTTOM_MARGIN = 0.12, 0.88
# A running line stands on at least this share of the pages, and on two at least.
RUNNING_SHARE = 0.5

_DIGITS = re.compile(r"\d+")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Box:
    """A text box of a page: its text as one paragraph, and where it stands, as shares of the
    page's height from its top (0 at the top edge, 1 at the foot)."""

    text: str
    top: float
    bottom: float
    rows: bool = False  # a table's rows, a line each: never joined to the text around them
    full: bool = False  # its last line fills the width of the page's text
    opens_in: str = ""  # the font and size of its first letter and of its last
    ends_in: str = ""

    @property
    def in_margin(self) -> bool:
        return self.bottom <= TOP_MARGIN or self.top >= BOTTOM_MARGIN


def body_paragraphs(pages: list[list[Box]]) -> list[str]:
    """The paragraphs of the pages, in order, without their running heads and feet, a
    paragraph cut into boxes or by a page break read as one."""
    running = _running_lines(pages)
    paragraphs: list[str] = []
    previous: Box | None = None
    for boxes in pages:
        for box in boxes:
            if not box.text.strip() or (box.in_margin and _key(box.text) in running):
                continue
            if (
                previous is not None
                and not box.rows
                and not previous.rows
                and (_goes_on(paragraphs[-1], box.text) or _runs_on(paragraphs[-1], previous, box))
            ):
                paragraphs[-1] = _joined(paragraphs[-1], box.text)
            else:
                paragraphs.append(box.text)
            previous = box
    return paragraphs


def _key(text: str) -> str:
    """A line's words without its numbers ("Page 3 of 12" and "Page 4 of 12" are one)."""
    return _SPACES.sub(" ", _DIGITS.sub("#", text.lower())).strip()


def _running_lines(pages: list[list[Box]]) -> set[str]:
    """The keys of the lines that stand in the margins of enough pages to be running lines."""
    if len(pages) < 2:
        return set()
    seen: dict[str, int] = {}
    for boxes in pages:
        for key in {_key(box.text) for box in boxes if box.in_margin}:
            seen[key] = seen.get(key, 0) + 1
    needed = max(2, math.ceil(RUNNING_SHARE * len(pages)))
    return {key for key, count in seen.items() if count >= needed and key}


def _goes_on(last: str, first: str) -> bool:
    """Does the box `first` go on with the sentence the box before it left open?"""
    last, first = last.rstrip(), first.lstrip()
    if not last or not first or last[-1] in CLOSING:
        return False
    if first[0].islower() or last[-1] in ",-":
        return True
    return last.rsplit(None, 1)[-1].lower() in CONTINUATIONS


def _runs_on(last: str, before: Box, box: Box) -> bool:
    """Does `box` go on with the paragraph `before` ends, though it opens with a capital or a
    figure ("... since 3" then "January 2025.")? When the line before fills the width of the
    page's text, ends without closing punctuation, and the letters either side of the break
    are of one font and size: a heading stops short of the width, or is set otherwise."""
    last = last.rstrip()
    return (
        bool(last)
        and last[-1] not in CLOSING
        and before.full
        and bool(before.ends_in)
        and before.ends_in == box.opens_in
    )


def _joined(last: str, first: str) -> str:
    last, first = last.rstrip(), first.lstrip()
    return last + first if last.endswith("-") else f"{last} {first}"
