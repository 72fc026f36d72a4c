"""A PDF's pages as the paragraphs a reader sees: generated layouts of generated reports, each
paragraph cut into boxes and across pages, with a running head and foot on every page."""

from __future__ import annotations

import os

from hypothesis import given, settings
from hypothesis import strategies as st

from indicators.ingest.pdf_pages import Box, body_paragraphs

EXAMPLES = int(os.environ.get("PROPERTY_EXAMPLES", "100"))

_LOWER = ["families", "in", "the", "district", "reported", "that", "water", "points", "were"]
_LOWER += ["closed", "and", "partners", "said", "more", "people", "had", "fled", "since", "May"]
_OPENERS = ["Heavy", "Partners", "In", "The", "Health", "Since", "About", "Clinics"]
_NUMBERS = ["611", "1,204", "18.7 million", "23 percent", "4,862", "two thirds"]


@st.composite
def paragraphs(draw) -> list[str]:
    """Paragraphs of sentences, each opening with a capital and closing with a full stop."""
    found = []
    for _ in range(draw(st.integers(min_value=2, max_value=10))):
        sentences = []
        for _ in range(draw(st.integers(min_value=1, max_value=4))):
            words = [draw(st.sampled_from(_OPENERS))]
            words += draw(st.lists(st.sampled_from(_LOWER + _NUMBERS), min_size=3, max_size=25))
            sentences.append(" ".join(words) + ".")
        found.append(" ".join(sentences))
    return found


def _pieces(paragraph: str, cuts: list[int]) -> list[str]:
    """The paragraph cut before some of its words that open in lower case."""
    words = paragraph.split(" ")
    places = sorted({i for i in (c % len(words) for c in cuts) if i > 0 and words[i][:1].islower()})
    pieces, start = [], 0
    for place in places:
        pieces.append(" ".join(words[start:place]))
        start = place
    pieces.append(" ".join(words[start:]))
    return pieces


@st.composite
def layouts(draw) -> tuple[list[str], list[list[Box]]]:
    """A generated report and its pages: each paragraph in boxes, the boxes over pages, a
    running head (with its report number) and a foot (with the page number) on each."""
    report = draw(paragraphs())
    boxes = []
    for paragraph in report:
        cuts = draw(st.lists(st.integers(min_value=0, max_value=200), max_size=3))
        boxes += _pieces(paragraph, cuts)
    per_page = draw(st.integers(min_value=1, max_value=5))
    chunks = [boxes[i : i + per_page] for i in range(0, len(boxes), per_page)]
    pages = []
    for number, chunk in enumerate(chunks, start=1):
        top = draw(st.floats(min_value=0.02, max_value=0.06))
        page = [Box("Cholera Outbreak | Situation Report No. 9 | 21 March 2025", top, top + 0.02)]
        for index, text in enumerate(chunk):
            place = 0.15 + 0.65 * index / max(1, len(chunk))
            page.append(Box(text, place, place + 0.1))
        foot = draw(st.floats(min_value=0.9, max_value=0.96))
        page.append(Box(f"Page {number} of {len(chunks)}", foot, foot + 0.02))
        pages.append(page)
    return report, pages


@settings(max_examples=EXAMPLES, deadline=None)
@given(layouts())
def test_the_paragraphs_come_back_whole_without_running_heads_and_feet(layout):
    report, pages = layout
    if len(pages) < 2:
        return  # one page gives no evidence of what runs on every page
    assert body_paragraphs(pages) == report


@settings(max_examples=EXAMPLES, deadline=None)
@given(
    st.sampled_from(["Malawi: Cholera Outbreak", "KEY FIGURES", "Situation Report No. 4"]),
    st.sampled_from(["Response", "Funding", "Health"]),
    st.integers(min_value=2, max_value=6),
)
def test_a_title_or_heading_that_stands_once_stays(title, heading, page_count):
    # the title in the top margin of the first page only, a heading repeated in the body of
    # every page, each followed by a paragraph opening with a capital: all are kept
    pages = [
        [
            Box("Agency | Bulletin", 0.03, 0.05),
            Box(heading, 0.3, 0.33),
            Box(f"Partners said 12 clinics reopened on page {n}.", 0.35, 0.5),
            Box(f"{n}", 0.94, 0.96),
        ]
        for n in range(1, page_count + 1)
    ]
    pages[0].insert(1, Box(title, 0.06, 0.1))
    got = body_paragraphs(pages)
    assert got[0] == title
    assert got.count(heading) == page_count
    assert "Agency | Bulletin" not in got and not any(p.isdigit() for p in got)


def test_one_page_keeps_its_margins():
    page = [Box("Agency | Bulletin", 0.03, 0.05), Box("Some 40 people fled.", 0.3, 0.4)]
    page.append(Box("Page 1 of 1", 0.95, 0.97))
    assert body_paragraphs([page]) == ["Agency | Bulletin", "Some 40 people fled.", "Page 1 of 1"]


@settings(max_examples=EXAMPLES, deadline=None)
@given(
    st.sampled_from(["up from", "the number of", "compared with", "displaced,", "two-"]),
    st.sampled_from(["472 in the week before.", "Kasanga district.", "Week 12 figures."]),
)
def test_a_box_left_open_goes_on_whatever_the_next_one_opens_with(ending, following):
    # a comma, a hyphen or a word no sentence ends with says the sentence goes on
    pages = [[Box(f"Some 611 cases were reported, {ending}", 0.7, 0.85)]]
    pages.append([Box(following, 0.15, 0.2)])
    (joined,) = body_paragraphs(pages)
    space = "" if ending.endswith("-") else " "
    assert joined == f"Some 611 cases were reported, {ending}{space}{following}"


@settings(max_examples=EXAMPLES, deadline=None)
@given(
    st.sampled_from(["since 3", "in the districts of", "reported by the Ministry of Health in"]),
    st.sampled_from(["January 2025.", "Blantyre and Zomba.", "4,862 cases were suspected."]),
    st.booleans(),
)
def test_a_full_line_goes_on_in_the_same_font_though_the_next_opens_with_a_capital(
    ending, following, page_break
):
    body = "DejaVuSans 12.0"
    before = Box(f"Partners said 97 deaths were recorded {ending}", 0.7, 0.75, full=True)
    before = Box(before.text, before.top, before.bottom, full=True, opens_in=body, ends_in=body)
    after = Box(following, 0.15 if page_break else 0.76, 0.2 if page_break else 0.8)
    after = Box(after.text, after.top, after.bottom, opens_in=body, ends_in=body)
    pages = [[before], [after]] if page_break else [[before, after]]
    assert body_paragraphs(pages) == [f"{before.text} {following}"]
    if ending != "since 3":
        return  # "of", "in": words no sentence ends with, whatever the geometry says
    # a line that stops short of the width, or a font that changes, is a break of the report's
    short = Box(before.text, before.top, before.bottom, opens_in=body, ends_in=body)
    assert body_paragraphs([[short, after]]) == [short.text, following]
    heading = Box(following, after.top, after.bottom, opens_in="DejaVuSans-Bold 14.0")
    assert body_paragraphs([[before, heading]]) == [before.text, following]


def test_a_page_whose_tables_cannot_be_told_keeps_its_text():
    from indicators.ingest.pdf_tables import page_tables

    class DamagedPage:
        lines, rects = [{"x0": 0}], []

        def find_tables(self):
            raise ValueError("a rectangle with no corners")

    assert page_tables(DamagedPage()) == []
