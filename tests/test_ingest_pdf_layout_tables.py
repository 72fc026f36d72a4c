"""Tables printed without rules, told by how their words stand (`pdf_layout_tables`): generated
pages of words placed as a table's cells are read as their rows, exactly; prose, two columns of
text, figures beside their labels and columns too close to tell apart are not tables; and
borderless tables printed to PDF by a browser read as their rows."""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from indicators.ingest.pdf_layout_tables import layout_tables

EXAMPLES = int(os.environ.get("PROPERTY_EXAMPLES", "100"))
SIZE = 10.0  # font size, points
CHAR = 0.55 * SIZE  # a character's width
SPACE = 0.3 * SIZE

WORDS = ["Pemba", "Metuge", "Jere", "Konduga", "Blantyre", "Other", "Upper", "Nile", "Kassala"]
HEADERS = ["Displaced", "Deaths", "Shelters damaged", "Cases", "People reached", "% funded"]


class _Page:
    """As much of a pdfplumber page as `layout_tables` reads: its words with their bounds."""

    def __init__(self, words: list[dict]) -> None:
        self.words = words

    def extract_words(self) -> list[dict]:
        return self.words


def _place(text: str, x0: float, top: float) -> list[dict]:
    """The words of `text` set from x0 on one line at `top`."""
    words = []
    for word in text.split():
        x1 = x0 + CHAR * len(word)
        words.append({"text": word, "x0": x0, "x1": x1, "top": top, "bottom": top + SIZE})
        x0 = x1 + SPACE
    return words


def _width(text: str) -> float:
    """How wide `_place` sets `text`."""
    return CHAR * len(text.replace(" ", "")) + SPACE * (len(text.split()) - 1)


@st.composite
def grids(draw):
    """(header, rows of cells): a first column of places, then columns of figures."""
    columns = draw(st.lists(st.sampled_from(HEADERS), min_size=1, max_size=4, unique=True))
    places = draw(st.lists(st.sampled_from(WORDS), min_size=2, max_size=6, unique=True))
    figures = st.integers(0, 999_999).map(lambda v: f"{v:,}")
    rows = [[place, *(draw(figures) for _ in columns)] for place in places]
    return ["District", *columns], rows


def _page_of(header, rows, gap: float, pitch: float, top: float = 100.0) -> list[dict]:
    """A table's words: each column as wide as its widest cell, `gap` between columns, the
    first column left-aligned and the others right-aligned, a row every `pitch` points."""
    table = [header, *rows]
    widths = [max(_width(row[i]) for row in table) for i in range(len(header))]
    lefts = [72.0]
    for width in widths[:-1]:
        lefts.append(lefts[-1] + width + gap)
    words = []
    for index, row in enumerate(table):
        for column, cell in enumerate(row):
            x0 = lefts[column] if column == 0 else lefts[column] + widths[column] - _width(cell)
            words += _place(cell, x0, top + index * pitch)
    return words


@settings(max_examples=EXAMPLES, deadline=None)
@given(grids(), st.floats(1.5, 4.0), st.floats(1.6, 2.8))
def test_a_grid_of_words_reads_as_its_rows(grid, gap_sizes, pitch_sizes):
    # rows further apart than the lines of a wrapped cell (1.2 font sizes): see the next test
    header, rows = grid
    words = _page_of(header, rows, gap_sizes * SIZE, pitch_sizes * SIZE)
    prose = _place("Displacement rose again in the week, partners said.", 72.0, 60.0)
    tables = layout_tables(_Page(prose + words), [])
    assert len(tables) == 1
    assert tables[0].rows == tuple(" | ".join(row) for row in [header, *rows])
    # where it stands: the prose line above is outside it, its own words inside
    assert not tables[0].holds(72.0, 60.0, 300.0, 60.0 + SIZE)
    assert all(tables[0].holds(w["x0"], w["top"], w["x1"], w["bottom"]) for w in words)


@settings(max_examples=EXAMPLES, deadline=None)
@given(grids(), st.data())
def test_a_header_cell_that_wraps_reads_as_one_cell(grid, data):
    header, rows = grid
    words = _page_of(header, rows, 2.5 * SIZE, 1.8 * SIZE)
    # the header's last column goes on on a line of its own, set as closely as a wrapped cell
    extra = data.draw(st.sampled_from(["(people)", "as of May", "total"]))
    last = max((w for w in words if w["top"] == 100.0), key=lambda w: w["x1"])
    words += _place(extra, last["x1"] - _width(extra), 100.0 + 1.15 * SIZE)
    for word in words:
        if word["top"] > 100.0 + 1.2 * SIZE:
            word["top"] += 1.15 * SIZE
            word["bottom"] += 1.15 * SIZE
    tables = layout_tables(_Page(words), [])
    assert len(tables) == 1
    expected = [*header[:-1], f"{header[-1]} {extra}"]
    assert tables[0].rows[0] == " | ".join(expected)
    assert tables[0].rows[1:] == tuple(" | ".join(row) for row in rows)


@settings(max_examples=EXAMPLES, deadline=None)
@given(grids(), st.floats(1.0, 1.4))
def test_rows_as_close_as_a_cells_lines_are_read_as_text(grid, pitch_sizes):
    # with no space between its rows, a table's lines could be one wrapped row: no table
    header, rows = grid
    words = _page_of(header, rows, 2.5 * SIZE, pitch_sizes * SIZE)
    assert layout_tables(_Page(words), []) == []


SENTENCE = st.lists(
    st.sampled_from(
        ["people", "were", "displaced", "in", "the", "district", "since", "June", "12,400"]
        + ["partners", "said", "and", "aid", "reached", "3", "camps", "of", "whom", "most"]
    ),
    min_size=12,
    max_size=24,
).map(" ".join)


@settings(max_examples=EXAMPLES, deadline=None)
@given(st.lists(SENTENCE, min_size=3, max_size=12), st.floats(0.3, 1.0))
def test_prose_is_no_table_however_its_spaces_stretch(lines, stretch):
    # a justified line stretches its spaces (here up to one font size): still one cell a line
    words = []
    for index, line in enumerate(lines):
        x0 = 72.0
        for word in line.split():
            x1 = x0 + CHAR * len(word)
            top = 100.0 + index * 1.3 * SIZE
            words.append({"text": word, "x0": x0, "x1": x1, "top": top, "bottom": top + SIZE})
            x0 = x1 + stretch * SIZE
    assert layout_tables(_Page(words), []) == []


@settings(max_examples=EXAMPLES, deadline=None)
@given(st.lists(st.tuples(SENTENCE, SENTENCE), min_size=3, max_size=12))
def test_two_columns_of_prose_are_no_table(lines):
    words = []
    for index, (left, right) in enumerate(lines):
        top = 100.0 + index * 1.3 * SIZE
        words += _place(left, 72.0, top) + _place(right, 72.0 + _width(left) + 3 * SIZE, top)
    assert layout_tables(_Page(words), []) == []


@settings(max_examples=EXAMPLES, deadline=None)
@given(grids())
def test_figures_beside_their_labels_with_no_header_are_no_table(grid):
    # "People in need   15.5M" lines: key figures, read as text (each line has its figure)
    _, rows = grid
    words = []
    for index, row in enumerate(rows * 2):
        words += _place(row[0], 72.0, 100.0 + index * 1.5 * SIZE)
        words += _place(row[1], 300.0, 100.0 + index * 1.5 * SIZE)
    assert layout_tables(_Page(words), []) == []


@settings(max_examples=EXAMPLES, deadline=None)
@given(grids())
def test_columns_too_close_to_tell_apart_are_no_table(grid):
    # set a space apart, two columns' figures would read as one cell ("23,410 4,120")
    header, rows = grid
    if len(header) < 3:
        header, rows = [*header, "Deaths"], [[*row, "12"] for row in rows]
    words = _page_of(header, rows, SPACE, 1.6 * SIZE)
    for table in layout_tables(_Page(words), []):
        for row in table.rows[1:]:
            cells = row.split(" | ")
            assert all(len(cell.split()) == 1 or not cell[0].isdigit() for cell in cells)


def test_a_page_whose_words_cannot_be_read_has_no_table():
    class Damaged:
        def extract_words(self):
            raise ValueError("bad font")

    assert layout_tables(Damaged(), []) == []


@pytest.mark.browser
@settings(
    max_examples=max(4, EXAMPLES // 20),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(grids(), st.sampled_from(["3px 12px", "4px 16px", "6px 24px"]), st.booleans())
# a table of one column of figures, each a box of its own: never read as key-figure panels
@example(
    grid=(["District", "Displaced"], [["Pemba", "0"], ["Metuge", "0"]]), pad="3px 12px", wrap=False
)
# headers centred over narrow columns of right-aligned figures, overlapping none of them
@example(
    grid=(
        ["District", "Displaced", "Shelters damaged", "People reached", "% funded"],
        [["Pemba", "0", "0", "0", "0"], ["Metuge", "0", "0", "0", "0"]],
    ),
    pad="6px 24px",
    wrap=False,
)
def test_a_borderless_table_in_a_pdf_reads_as_its_rows(printer, tmp_path_factory, grid, pad, wrap):
    from indicators.ingest.pdf import pdf_text
    from tests.pdf_maker import html_to_pdf

    header, rows = grid
    if wrap:  # a narrow header: its cells wrap onto two or three lines
        header = ["Local government area", *header[1:]]
    width = "width:70px" if wrap else ""
    cells = "".join(f"<th style='{width}'>{h}</th>" for h in header)
    body = "".join(
        "<tr>"
        + "".join(
            f"<td style='text-align:{'left' if i == 0 else 'right'}'>{cell}</td>"
            for i, cell in enumerate(row)
        )
        + "</tr>"
        for row in rows
    )
    html = (
        "<html><body style='font-family:DejaVu Sans;font-size:11pt'>"
        "<p>Displacement by district, as of 31 May 2025, partners said.</p>"
        f"<table style='border-collapse:collapse'><tr>{cells}</tr>{body}</table>"
        f"<style>th, td {{ border: none; padding: {pad} }}</style>"
        "<p>Most of the displaced live with host families.</p></body></html>"
    )
    pdf = html_to_pdf(html, tmp_path_factory.mktemp("borderless") / "table.pdf", printer)
    text, _ = pdf_text(pdf.read_bytes(), "table.pdf")
    table = "\n".join(" | ".join(row) for row in [header, *rows])
    assert text == (
        "Displacement by district, as of 31 May 2025, partners said.\n\n"
        f"{table}\n\n"
        "Most of the displaced live with host families.\n"
    )


PROSE = (
    "Partners reached 41,200 people with food assistance in the week, and 12 mobile clinics "
    "treated 3,950 patients, most of them children under five, the cluster said on Tuesday. "
    "Access to the northern districts remains limited by insecurity and damaged roads. "
)
LAYOUTS = {
    "justified narrow": f"<div style='width:260px;text-align:justify'><p>{PROSE * 3}</p></div>",
    "two columns": f"<div style='column-count:2;column-gap:24px'><p>{PROSE * 4}</p></div>",
    "key figure panels": "<div style='display:flex;gap:40px'>"
    + "".join(
        f"<div><div style='font-size:26px'>{n}</div><div>{label}</div></div>"
        for n, label in [("15.5M", "People in need"), ("4.2M", "Displaced"), ("23%", "Funded")]
    )
    + f"</div><p>{PROSE}</p>",
    "figures beside labels": "<div style='display:grid;grid-template-columns:200px 90px'>"
    + "".join(
        f"<div>{label}</div><div>{n}</div>"
        for label, n in [("People in need", "15.5M"), ("Displaced", "4.2M"), ("Funded", "23%")]
    )
    + f"</div><p>{PROSE}</p>",
    "sidebar": "<div style='display:flex;gap:30px'><div style='width:140px'><b>Highlights</b>"
    "<p>61,300 displaced</p><p>14 areas affected</p><p>24 deaths</p></div>"
    f"<div style='width:380px'><p>{PROSE * 2}</p></div></div>",
}


@pytest.mark.browser
@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_pages_without_a_table_read_as_before(printer, tmp_path, monkeypatch, layout):
    from indicators.ingest import pdf
    from tests.pdf_maker import html_to_pdf

    html = (
        "<html><body style='font-family:DejaVu Sans;font-size:11px;margin:40px'>"
        f"<h1>Situation update</h1>{LAYOUTS[layout]}</body></html>"
    )
    data = html_to_pdf(html, tmp_path / "page.pdf", printer).read_bytes()
    text, _ = pdf.pdf_text(data, "page.pdf")
    monkeypatch.setattr(pdf, "layout_tables", lambda page, ruled: [])
    assert text == pdf.pdf_text(data, "page.pdf")[0]
    assert " | " not in text


ODD_WORDS = st.lists(
    st.fixed_dictionaries(
        {
            "text": st.text(min_size=0, max_size=12),
            "x0": st.floats(-1e6, 1e6) | st.just(float("nan")),
            "x1": st.floats(-1e6, 1e6) | st.just(float("nan")),
            "top": st.floats(-1e6, 1e6) | st.just(float("nan")),
            "bottom": st.floats(-1e6, 1e6) | st.just(float("nan")),
        }
    ),
    max_size=40,
)


@settings(max_examples=EXAMPLES, deadline=None)
@given(ODD_WORDS)
def test_odd_words_never_raise(words):
    # zero or negative heights, words in any order, NaN bounds: tables or none, never an error
    for table in layout_tables(_Page(words), []):
        assert len(table.rows) >= 3 and all(" | " in row for row in table.rows)
