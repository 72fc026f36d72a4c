"""A report hard-wrapped at a width reads as the same report with each paragraph on one line.

Each golden report of `tests/fixtures/reports/` and `unseen/` is wrapped at a generated width (as a text
export or an e-mail would wrap it, the line break standing where a space was) and extracted:
every candidate must be the one the unwrapped report gives, its quote the wrapped report's
own words at its offsets.
"""

from __future__ import annotations

import json
import os
import textwrap
from dataclasses import asdict
from datetime import date
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from indicators.extract.catalogue import Catalogue
from indicators.extract.line_wraps import CONTINUATIONS, unwrapped
from indicators.extract.pipeline import extract
from tests.conftest import REPO_ROOT

REPORTS = Path(__file__).resolve().parent / "fixtures" / "reports"
CATALOGUE = Catalogue.from_csv(REPO_ROOT / "data" / "indicators.csv", REPORTS / "indicators.csv")
# the reports written with the rules and those written before them
GOLDEN = sorted(REPORTS.glob("*.expected.json")) + sorted(REPORTS.glob("unseen/*.expected.json"))
EXAMPLES = int(os.environ.get("PROPERTY_EXAMPLES", "100"))
# a whole report is extracted per example: a tenth of the usual count still tries each report
PROPERTY = settings(max_examples=max(10, EXAMPLES // 10), deadline=None)


def wrapped(text: str, width: int) -> str:
    """`text` with each line longer than `width` wrapped at spaces, a break for a space."""
    lines = []
    for line in text.split("\n"):
        if len(line) <= width or "|" in line or "  " in line:
            lines.append(line)  # a table's row is not wrapped; nor is a spaced-out line
            continue
        lines.append(
            "\n".join(textwrap.wrap(line, width, break_long_words=False, break_on_hyphens=False))
        )
    return "\n".join(lines)


def candidates(text: str, golden: dict) -> list[dict]:
    result = extract(
        text, date.fromisoformat(golden["published"]), golden["publisher"], catalogue=CATALOGUE
    )
    return [asdict(c) for c in (*result.observations, *result.events)]


@PROPERTY
@given(st.sampled_from(GOLDEN), st.integers(min_value=60, max_value=100))
def test_a_report_wrapped_at_a_width_gives_the_same_candidates(path, width):
    golden = json.loads(path.read_text(encoding="utf-8"))
    text = path.with_name(path.name.removesuffix(".expected.json") + ".txt").read_text("utf-8")
    wrapped_text = wrapped(text, width)
    if wrapped_text.count(" ") + wrapped_text.count("\n") != text.count(" ") + text.count("\n"):
        return  # a line textwrap changed more than its breaks (not a wrap of this report)
    plain = candidates(text, golden)
    found = candidates(wrapped_text, golden)
    assert len(found) == len(plain)
    for one, other in zip(found, plain, strict=True):
        quote = wrapped_text[one["quote_start"] : one["quote_end"]]
        assert one["quote"] == quote  # the report's own words, line breaks and all
        # (a row dated by its list's lead-in quotes the lead-in: a break of the report's own)
        assert quote.replace("\n", " ") == other["quote"].replace("\n", " ")
        assert {**one, "quote": other["quote"]} == other


@PROPERTY
@given(
    st.sampled_from(["killed in", "displaced from", "the number of", "reached by the"]),
    st.sampled_from(["Kasanga", "the district", "Tsihombe"]),
)
def test_a_line_ending_inside_a_sentence_goes_on_in_the_next(ending, following):
    # no width to go by (one sentence): the words a line ends with say it goes on
    text = f"Report\n\nOfficials said 40 people were {ending}\n{following} last week.\n"
    assert unwrapped(text) == text.replace(f"{ending}\n", f"{ending} ")
    result = extract(text, date(2025, 3, 14), "Publisher", catalogue=CATALOGUE)
    (figure,) = [o for o in result.observations if o.value == 40]
    assert "\n" in figure.quote and text[figure.quote_start : figure.quote_end] == figure.quote


@PROPERTY
@given(
    st.sampled_from(["KEY FIGURES", "Overview", "Water, sanitation and hygiene"]),
    st.sampled_from(["919 schools closed because of insecurity", "People in need: 4.2 million"]),
    st.sampled_from(["over 243,000 learners affected", "some 12,000 households reached"]),
)
def test_headings_and_rows_of_key_figures_stay_lines_of_their_own(heading, row, lower_row):
    # a heading, then rows each a figure of its own, one opening in lower case
    text = f"{heading}\n{row}\n{lower_row}\n\nThe agency said 7 clinics reopened.\n"
    assert unwrapped(text) == text


@PROPERTY
@given(
    st.lists(
        st.sampled_from(
            [
                "4,212 suspected cholera cases since the start of the outbreak in October",
                "97 deaths among them, most in the districts bordering the lake shore",
                "38 of the 116 districts reporting at least one case in the past month",
            ]
        ),
        min_size=3,
        max_size=3,
    ),
    st.sampled_from(["OVERVIEW", "Response", "Water and sanitation"]),
)
def test_a_list_of_long_items_is_no_wrapped_paragraph(items, heading):
    # a box of long bullet items without full stops, then the next section's heading
    text = "KEY FIGURES\n" + "".join(f"- {item}\n" for item in items)
    text += f"{heading}\nThe ministry said 12 clinics reopened last week.\n"
    assert unwrapped(text) == text


# prose for a report wrapped at a width: the width is read off its lines
_PROSE = (
    "Partners in the district reported that the number of families sheltering in schools "
    "and churches rose again during the week, as heavy rain cut the last road to the "
    "lowland villages and the river crossing stayed closed to trucks. Health workers said "
    "that the two clinics still open were receiving more patients than they could treat, "
    "most of them children with diarrhoea and respiratory infections."
)
_ROW_WORDS = ["schools", "Ouest", "department", "not", "functional", "yet", "again", "closed"]


@PROPERTY
@given(
    st.integers(min_value=60, max_value=100),
    st.sampled_from(["1 in 4", "919", "Over 12,000", "3 of 10"]),
    st.sampled_from(["US$ 24.6M required", "US$ 3.1 million received", "12% funded"]),
    st.data(),
)
def test_a_break_before_a_word_that_would_have_fitted_is_the_reports_own(width, figure, row, data):
    # a key-figures box whose first row is long: a wrapping program would have put the next
    # row's first word on it, had the break been a wrap
    first_word = row.split()[0]
    longest = width - len(first_word) - 1
    words = [figure]
    while len(" ".join(words)) < 0.7 * width:
        words.append(data.draw(st.sampled_from(_ROW_WORDS)))
    first_row = " ".join(words)
    if len(first_row) > longest:
        return  # the next word would not have fitted: a wrap is possible there
    prose = textwrap.fill(_PROSE, width)
    text = f"Title of the update\n\nKEY FIGURES\n{first_row}\n{row}\n\n{prose}\n\n{prose}\n"
    reading = unwrapped(text)
    assert f"{first_row}\n{row}\n" in reading  # the box keeps its lines
    assert textwrap.fill(_PROSE, width).replace("\n", " ") in reading  # the prose is joined


@PROPERTY
@given(
    st.integers(min_value=60, max_value=100),
    st.sampled_from(
        [
            "Cumulative confirmed cases since the start of the outbreak: {n}, including {m} "
            "deaths (case fatality rate 0.6%).",
            "The median age of cases is {m} years (range: 3 months to {m} years), and {n} "
            "cases were in women.",
            "Of the new cases reported in the week, {m} percent were in children under five "
            "(total: {n}, in nine districts).",
        ]
    ),
    st.integers(min_value=1_000, max_value=99_999),
    st.integers(min_value=12, max_value=79),
    st.booleans(),
)
def test_prose_with_a_colon_before_a_figure_is_no_row_of_key_figures(width, line, n, m, bullet):
    # "...: 7,912, including" and "(range: 3 months to 71" look like a label and its figure,
    # yet go on after the figure or before it: wrapped, they are one sentence
    sentence = ("• " if bullet else "") + line.format(n=f"{n:,}", m=m)
    prose = textwrap.fill(_PROSE, width)
    text = f"Weekly bulletin\n\nSUMMARY\n{textwrap.fill(sentence, width)}\n\n{prose}\n\n{prose}\n"
    assert f"SUMMARY\n{sentence}\n" in unwrapped(text)


_BOX_ROWS = [
    "1,184,000 people have arrived from the neighbouring country since the war began",
    "2,350 average daily arrivals at the three border crossings in the month of July",
    "57,200 refugees registered by the authorities and partners in the transit centres",
    "84% of the new arrivals are women and children, most of them from the border area",
    "US$ 505 million required for the refugee response in the country for this year",
]


def _row_cut(row: str, width: int) -> str:
    """The row cut to the width at a word's end, and to no word a row never ends with."""
    words = row[: width - 1].rsplit(" ", 1)[0].rstrip(",").split(" ")
    while words[-1].lower() in CONTINUATIONS or words[-1].endswith(","):
        words.pop()
    return " ".join(words)


@PROPERTY
@given(
    st.integers(min_value=60, max_value=100),
    st.lists(st.sampled_from(_BOX_ROWS), min_size=2, max_size=5, unique=True),
)
def test_rows_of_a_box_that_each_open_with_their_figure_keep_their_lines(width, rows):
    # each row as long as the width allows: the next row's figure would not have fitted
    cut = [_row_cut(row, width) for row in rows]
    prose = textwrap.fill(_PROSE, width)
    text = "Update\n\nKEY FIGURES\n" + "\n".join(cut) + f"\n\n{prose}\n\n{prose}\n"
    reading = unwrapped(text)
    assert "KEY FIGURES\n" + "\n".join(cut) + "\n" in reading
    assert textwrap.fill(_PROSE, width).replace("\n", " ") in reading


@PROPERTY
@given(
    st.integers(min_value=1, max_value=4),
    st.sampled_from(
        [
            "Some 3,100 personnel were deployed in 212 teams. The sector has received",
            "Some 520,000 of them have now returned to their homes, the agency said. In 60 of",
            "About 1.1 million houses have been damaged or destroyed, and about",
            "12 boreholes were repaired in the district, and the sector has received US$",
        ]
    ),
    st.sampled_from(["11.8 million of the 52 million it needs.", "120 villages were assessed."]),
)
def test_a_paragraph_whose_lines_open_with_figures_is_still_one_paragraph(over, first, second):
    # two lines of prose, each opening with a figure: sentences inside a line, or a line
    # ending with a word that goes on, say it is no box of key figures; wrapped at a width
    # the next line's first word would have overflowed
    width = len(first) + min(over, len(second.split()[0]))
    prose = textwrap.fill(_PROSE, width)
    text = f"Update\n\n{prose}\n\n{first}\n{second}\n\n{prose}\n"
    assert f"{first} {second}" in unwrapped(text)
