"""Lines a report was hard-wrapped at, read as the spaces they stand for.

A report saved as plain text is often wrapped at a fixed width (an e-mail, a terminal copy,
a text export), so one sentence runs over several lines. The sentence splitter reads each
line as a paragraph and a line with no full stop as a heading, which would drop the start of
every wrapped sentence. `unwrapped` gives the text the rules read: the same length, each
line break that wraps a sentence replaced by a space, so every offset still points at the
same character of the report, and the quotes are taken from the report itself.

A break wraps a paragraph when neither line is blank, a label, a row of key figures or of a
table (a box of rows that each open with their figure, "1,184,000 people have arrived ..."
then "2,350 average daily arrivals", is read as a whole: a run of such lines between blank
lines or headings, none holding two sentences or ending with a word that goes on), nor the
next item of a list, and either
- the line before it ends with a word no sentence ends with ("killed and", "within"), a
  currency before its amount ("received US$") or a comma, or
- the line before it has no closing punctuation and ends with a word no sentence ends with
  ("killed in", the words are in `vocabulary/words.json`), or
- the report is wrapped at a width (most lines stop near one width, open-ended), the line
  before the break fills most of it, the first word after it would not have fitted on it,
  and the line after it is no heading, or
- the line before it is open-ended and the line after it goes on in lower case.
The lines before the first blank one (headline, standfirst, dateline) keep their own lines
unless they plainly go on; "14. This is ..." after an open-ended line is the sentence's
figure, not item 14 of a list.
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

_SENTENCE_ENDS = ".!?"
_SENTENCE_INSIDE = re.compile(r"[.!?]\s+[A-Z]")
_CURRENCIES = frozenset({"US$", "$", "€", "£", "USD", "EUR", "CHF", "GBP"})
_LINE = re.compile(r"[^\n]*(?:\n|\Z)")
_LOWER_START = re.compile(r"[ \t]*[a-z(]")
_NUMBERED_ITEM = re.compile(r"[ \t]*(\d{1,2})[.)]\s")
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
    # the title block (the lines before the first blank one): its lines are a headline, a
    # standfirst, a dateline, each a line of its own unless it plainly goes on
    head_end = next((i for i, line in enumerate(contents) if not line.strip()), len(lines))
    boxed = _boxes_of_figures(contents)
    for index, line in enumerate(lines):
        after = contents[index + 2] if index + 2 < len(lines) else ""
        at_width = width if index >= head_end else 0
        if (
            index + 1 < len(lines)
            and not (index in boxed and index + 1 in boxed)
            and _wraps(contents[index], contents[index + 1], after, at_width)
        ):
            ending = len(line) - len(line.rstrip("\r\n"))
            line = line[: len(line) - ending] + " " * ending
        pieces.append(line)
    return "".join(pieces)


def _wrap_width(contents: list[str]) -> int:
    """The width the report is wrapped at, or 0 when it is not wrapped at one."""
    # a table's rows keep their own length: they are no wrapped prose
    lengths = sorted(len(line) for line in contents if line.strip() and "|" not in line)
    if not lengths:
        return 0
    width = lengths[int(NEARLY_ALL * (len(lengths) - 1))]
    if not MIN_WRAP_WIDTH <= width <= MAX_WRAP_WIDTH:
        return 0
    # a line near the width, open-ended and followed by a line that is neither blank nor the
    # next item of a list (a box of long items without full stops is no wrapped prose)
    wrapped = sum(
        1
        for line, following in zip(contents, contents[1:])
        if NEAR * width <= len(line) <= width
        and line[-1] not in TERMINAL_CHARS
        and following.strip()
        and not BULLET.match(following.lstrip())
    )
    return width if wrapped >= MIN_WRAPPED_LINES else 0


def _wraps(line: str, following: str, after: str, width: int) -> bool:
    """Does the break after `line` fall inside a paragraph that goes on in `following` (the
    line after it being `after`)?"""
    stripped = line.strip()
    if not stripped or not following.strip():
        return False  # a blank line ends a paragraph
    if len(stripped.split()) < MIN_WORDS or "|" in line or "|" in following:
        return False  # a heading, a label, a row of a table
    if _goes_on(stripped):
        return True  # "killed and", "according to", "US$": goes on, whatever the next line is
    filled = width and len(line) >= FILLED * width
    overflows = filled and _next_word_overflows(line, following, width)
    if overflows and _LOWER_START.match(following) and stripped[-1] not in TERMINAL_CHARS:
        # a line filling the width, whose next word would not have fitted on it, goes on in
        # lower case: wrapped, though it reads as a row ("• 14 casualties ...: 5 people" then
        # "killed and 9 injured")
        return True
    if _is_key_figure_row(stripped):
        return False  # "Not functional: 12 percent (137 facilities)"
    if BULLET.match(following.lstrip()) and not _number_going_on(stripped, following):
        return False  # the next item of a list
    open_ended = stripped[-1] not in TERMINAL_CHARS and not _is_a_row(stripped)
    # the heading of the next section; but a few words closing a block after a filled line
    # are its last words ("..., Maradi" then "Region" and a blank line)
    if _is_a_heading(following.strip()) and not (
        filled and not after.strip() and not following.strip().isupper()
    ):
        return False
    if overflows:
        # a line filling the width is wrapped, whatever it ends with: in a report wrapped
        # at a width, a blank line is what ends a paragraph
        return True
    return open_ended and _LOWER_START.match(following) is not None


def _goes_on(line: str) -> bool:
    """Does the line end with a word no sentence or heading ends with ("killed and", "within")
    or a currency before its amount ("received US$"), or with a comma?"""
    if line[-1] == ",":
        return True
    last = line.rsplit(None, 1)[-1]
    return last.lower() in CONTINUATIONS or last in _CURRENCIES


def _boxes_of_figures(contents: list[str]) -> set[int]:
    """The lines of the boxes of key figures whose rows each open with their figure: runs of
    two lines or more, each opening with a figure ("1,184,000 people have arrived ...", "2,350
    average daily arrivals in July"), between a blank line or a heading and a blank line, a
    heading or the end. Wrapped prose has a line opening with a figure now and then; a whole
    paragraph of them, hardly."""
    boxed: set[int] = set()
    run: list[int] = []
    for index, line in enumerate([*contents, ""]):
        stripped = line.strip()
        if (
            stripped
            and FIGURE_FIRST_LINE.match(stripped)
            and not _goes_on(stripped)
            and not _SENTENCE_INSIDE.search(stripped)  # a row is one phrase, not sentences
        ):
            run.append(index)
            continue
        bounded = not stripped or _is_a_heading(stripped)
        opened = run and (
            run[0] == 0
            or not contents[run[0] - 1].strip()
            or _is_a_heading(contents[run[0] - 1].strip())
        )
        if len(run) >= 2 and bounded and opened:
            boxed.update(run)
        run = []
    return boxed


def _next_word_overflows(line: str, following: str, width: int) -> bool:
    """Would the first word of `following` have overflowed `line`? A wrapping program moves a
    word to the next line only when it does not fit, so a break before a word that fits
    ("1 in 4 schools not functional" then "US$ 24.6M required") is the report's own. The
    width read off the lines is never more than the one wrapped at, so a wrap always passes."""
    first_word = following.split(None, 1)[0] if following.strip() else ""
    return len(line.rstrip()) + 1 + len(first_word) > width


def _is_key_figure_row(line: str) -> bool:
    """Is the line a key figure with its label ("Not functional: 12 percent")? Not when what
    stands before the colon holds a sentence's end or an unclosed parenthesis ("... is 27
    years (range: 3 months to 71"), or a comma goes on after the figure ("...: 7,912,
    including"): those are prose."""
    if KEY_FIGURE_LINE.match(line) is None or line.endswith(","):
        return False
    label, figure = line.split(":", 1)
    if label.count("(") > label.count(")") or ", " in figure:
        return False
    return not any(f"{mark} " in label for mark in _SENTENCE_ENDS)


def _number_going_on(line: str, following: str) -> bool:
    """Is `following` ("14. This is ...") the figure that ends a sentence `line` left open
    ("..., killing 9 civilians and injuring"), not item 14 of a numbered list? A list's item
    follows a line that ends its own sentence or item, or opens the list at 1."""
    item = _NUMBERED_ITEM.match(following)
    if item is None or int(item.group(1)) == 1:
        return False
    return line[-1] not in TERMINAL_CHARS and BULLET.match(line) is None


def _is_a_heading(line: str) -> bool:
    """Is the line a heading ("OVERVIEW", "Water and sanitation")? A paragraph's last line
    ends with its full stop."""
    if line[-1] in TERMINAL_CHARS:
        return False
    return line.isupper() or len(line.split()) < MIN_WORDS


def _is_a_row(line: str) -> bool:
    """Is the line a row of a key-figures box ("919 schools closed", "People in need: 4M")?"""
    return FIGURE_FIRST_LINE.match(line) is not None or _is_key_figure_row(line)
