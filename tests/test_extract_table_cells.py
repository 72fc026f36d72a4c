"""A table's figures, read row by row: generated tables flattened to text ("Pemba | 98,215 |
17%", as a PDF's ruled table is written out), and generated ruled tables printed to PDF."""

from __future__ import annotations

import os
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from indicators.extract.catalogue import Catalogue
from indicators.extract.pipeline import extract

EXAMPLES = int(os.environ.get("PROPERTY_EXAMPLES", "100"))
PLACES = ["Pemba", "Metuge", "Montepuez", "Blantyre", "Mangochi", "Nsanje", "Kassala", "Gedaref"]
COUNT_HEADERS = ["Suspected cases", "Deaths", "IDPs", "Households reached", "Schools closed"]
SHARE_HEADERS = ["% of total", "% of all cases", "Share (%)"]


@st.composite
def tables(draw) -> tuple[list[str], list[str], list[list[int]]]:
    """(column headers, row places, each row's counts); a share column last."""
    counts = draw(st.lists(st.sampled_from(COUNT_HEADERS), min_size=1, max_size=3, unique=True))
    places = draw(st.lists(st.sampled_from(PLACES), min_size=2, max_size=5, unique=True))
    values = [
        draw(st.lists(st.integers(10, 250_000), min_size=len(counts), max_size=len(counts)))
        for _ in places
    ]
    return counts + [draw(st.sampled_from(SHARE_HEADERS))], places, values


def _rows(headers, places, values, shares) -> str:
    lines = ["District | " + " | ".join(headers)]
    for place, row, share in zip(places, values, shares, strict=True):
        lines.append(" | ".join([place, *(f"{v:,}" for v in row), f"{share}%"]))
    return "\n".join(lines)


def _html_rows(headers, places, values, shares) -> str:
    """The table's header and rows in HTML, as a web page or a printed report holds them."""
    cells = "".join(f"<th>{h}</th>" for h in ["District", *headers])
    body = "".join(
        "<tr>" + "".join(f"<td>{c}</td>" for c in [p, *(f"{v:,}" for v in r), f"{s}%"]) + "</tr>"
        for p, r, s in zip(places, values, shares, strict=True)
    )
    return f"<tr>{cells}</tr>{body}"


def _text(headers, places, values, shares) -> str:
    return f"Situation update\n\nFIGURES BY DISTRICT\n{_rows(headers, places, values, shares)}\n"


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tables(), st.data())
def test_each_cell_is_a_figure_of_its_row_named_by_its_column(table, data):
    headers, places, values = table
    shares = [data.draw(st.integers(1, 99)) for _ in places]
    text = _text(headers, places, values, shares)
    result = extract(text, date(2025, 6, 2), "IOM", catalogue=Catalogue([]))
    found = [o for o in result.observations if " | " in o.quote]
    # every cell, none lost as a repeat of another row's equal figure
    assert len(found) == len(places) * len(headers)
    for place, row, share in zip(places, values, shares, strict=True):
        cells = [o for o in found if o.quote.startswith(f"{place} | ")]
        assert sorted(o.value for o in cells) == sorted([*row, share])
        assert all(o.location == place for o in cells)
        # each column its own indicator, named by its header, never by the row's place
        assert len({o.indicator_id for o in cells}) == len(headers)
        assert not any(place.lower() in o.indicator_id for o in cells)
    share_cells = [o for o in found if o.unit == "percent"]
    assert len({o.indicator_id for o in share_cells}) == 1
    assert share_cells[0].indicator_id.startswith("share_")
    assert (
        share_cells[0].indicator_id != "share_figure"
    )  # "% of total" says of what: the column before


@pytest.mark.browser
@settings(
    max_examples=max(4, EXAMPLES // 20),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(tables(), st.data(), st.sampled_from(["3px 10px", "1px 2px", "6px 24px"]))
def test_a_ruled_table_in_a_pdf_reads_as_its_rows(printer, tmp_path_factory, table, data, padding):
    from indicators.ingest.pdf import pdf_text
    from tests.pdf_maker import html_to_pdf

    headers, places, values = table
    shares = [data.draw(st.integers(1, 99)) for _ in places]
    rows = _html_rows(headers, places, values, shares)
    html = (
        "<html><body style='font-family:DejaVu Sans;font-size:11pt'>"
        "<p>Displacement by district, as of 31 May 2025, partners said.</p>"
        f"<table style='border-collapse:collapse'>{rows}</table>"
        f"<style>th, td {{ border: 1px solid #444; padding: {padding} }}</style>"
        "<p>Most of the displaced live with host families.</p></body></html>"
    )
    pdf = html_to_pdf(html, tmp_path_factory.mktemp("table") / "table.pdf", printer)
    text, _ = pdf_text(pdf.read_bytes(), "table.pdf")
    assert text == (
        "Displacement by district, as of 31 May 2025, partners said.\n\n"
        f"{_rows(headers, places, values, shares)}\n\n"
        "Most of the displaced live with host families.\n"
    )


@settings(max_examples=max(10, EXAMPLES // 5), deadline=None)
@given(tables(), st.data())
def test_a_web_pages_table_reads_as_its_rows(table, data):
    from indicators.ingest.html import html_text

    headers, places, values = table
    shares = [data.draw(st.integers(1, 99)) for _ in places]
    rows = _html_rows(headers, places, values, shares)
    page = (
        "<html lang='en'><head><title>Displacement by district</title></head><body><article>"
        "<h1>Displacement by district</h1><p>Partners recorded new displacement in every "
        "district of the province during the month, the agency said on Monday.</p>"
        f"<table>{rows}</table>"
        "<p>Most of the displaced live with host families, according to the partners.</p>"
        "</article></body></html>"
    )
    text, _ = html_text(page.encode("utf-8"), "page.html")
    # the table a paragraph of its own, a row to a line, as the extractor reads tables
    assert f"\n\n{_rows(headers, places, values, shares)}\n\n" in text


def _markdown(headers, places, values, shares, align: str) -> str:
    lines = ["| District | " + " | ".join(headers) + " |"]
    lines.append("|" + "|".join(align for _ in range(len(headers) + 1)) + "|")
    for place, row, share in zip(places, values, shares, strict=True):
        lines.append("| " + " | ".join([place, *(f"{v:,}" for v in row), f"{share}%"]) + " |")
    return "\n".join(lines)


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tables(), st.data(), st.sampled_from(["---", ":---", "---:", " :---: "]))
def test_a_markdown_table_gives_what_the_table_flattened_to_text_gives(table, data, align):
    headers, places, values = table
    shares = [data.draw(st.integers(1, 99)) for _ in places]
    head = "Situation update\n\nFIGURES BY DISTRICT\n"
    flat = head + _rows(headers, places, values, shares) + "\n"
    marked = head + _markdown(headers, places, values, shares, align) + "\n"
    catalogue = Catalogue([])

    def read(text):
        result = extract(text, date(2025, 6, 2), "IOM", catalogue=catalogue)
        for o in result.observations:
            assert o.quote == text[o.quote_start : o.quote_end]  # the report's own words
        return [(o.value, o.unit, o.indicator_id, o.location) for o in result.observations]

    assert read(marked) == read(flat)


@settings(max_examples=EXAMPLES, deadline=None)
@given(
    st.sampled_from(["**61,902** people", "__61,902__ people", "61,902 **people**"]),
    st.sampled_from(["* ", "+ ", "- "]),
)
def test_strong_emphasis_and_list_marks_are_read_as_the_words_they_mark(strong, mark):
    from indicators.extract.markdown import marked_up

    text = f"Update\n\nPartners said {strong} live in sites.\n\n{mark}41 latrines were built.\n"
    reading = marked_up(text)
    assert len(reading) == len(text)
    assert "61,902 people" in " ".join(reading.split())
    result = extract(text, date(2025, 6, 2), "IOM", catalogue=Catalogue([]))
    values = sorted(o.value for o in result.observations)
    assert values == [41, 61902]


@settings(max_examples=EXAMPLES, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab1 |*_-:\n"), max_size=200))
def test_markdown_marks_keep_every_offset(text):
    from indicators.extract.markdown import marked_up

    reading = marked_up(text)
    assert len(reading) == len(text)
    # only marks become spaces (a list's asterisk a dash); every other character stays
    for before, after in zip(text, reading, strict=True):
        assert after == before or (before in "|*_-:+" and after in " -")


# the units tables are laid out by, besides the levels places refer back with
TABLE_LEVELS = ["LGA", "Woreda", "Upazila", "Health zone", "Department", "Local government area"]


@settings(max_examples=max(10, EXAMPLES // 2), deadline=None)
@given(tables(), st.data(), st.sampled_from(TABLE_LEVELS), st.booleans())
def test_a_row_is_placed_by_its_first_cell_under_any_unit_of_a_country(table, data, level, plural):
    headers, places, values = table
    shares = [data.draw(st.integers(1, 99)) for _ in places]
    text = _text(headers, places, values, shares).replace(
        "District | ", f"{level}{'s' if plural else ''} | ", 1
    )
    result = extract(text, date(2025, 6, 2), "IOM", catalogue=Catalogue([]))
    for place in places:
        cells = [o for o in result.observations if o.quote.startswith(f"{place} | ")]
        assert cells and all(o.location == place for o in cells)


@settings(max_examples=max(10, EXAMPLES // 2), deadline=None)
@given(
    tables(),
    st.data(),
    st.sampled_from(["Total", "TOTAL", "Grand total", "Other LGAs", "Others", "All Districts"]),
)
def test_a_row_that_gathers_others_names_no_place(table, data, gathering):
    headers, places, values = table
    shares = [data.draw(st.integers(1, 99)) for _ in places]
    total = [sum(column) for column in zip(*values, strict=True)]
    text = _text(headers, [*places, gathering], [*values, total], [*shares, 100])
    result = extract(text, date(2025, 6, 2), "IOM", catalogue=Catalogue([]))
    gathered = [o for o in result.observations if o.quote.startswith(f"{gathering} | ")]
    # its figures are read, in the report's place (none is named here), not in "Total"
    assert sorted(o.value for o in gathered) == sorted([*total, 100])
    assert all(o.location != gathering for o in gathered)
    # and the rows above keep their places
    for place in places:
        assert all(
            o.location == place for o in result.observations if o.quote.startswith(f"{place} |")
        )
