"""Tables pasted as text (`extract/text_tables.py`): cells parted by tabs or set in columns by
runs of spaces are read as a table's rows, each figure named by its column and placed by its
row, its quote the line as pasted; prose with two spaces between sentences is no table.
Generated cases."""

from __future__ import annotations

import os
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from indicators.extract.catalogue import Catalogue
from indicators.extract.pipeline import extract
from indicators.extract.text_tables import tabled

EXAMPLES = int(os.environ.get("PROPERTY_EXAMPLES", "100"))
PLACES = ["Blantyre", "Nsanje", "Mangochi", "Zomba", "Chikwawa", "Lilongwe", "Machinga"]
HEADERS = ["Cases", "Deaths", "Displaced", "Schools closed", "Households reached"]


@st.composite
def tables(draw):
    columns = draw(st.lists(st.sampled_from(HEADERS), min_size=1, max_size=3, unique=True))
    places = draw(st.lists(st.sampled_from(PLACES), min_size=2, max_size=5, unique=True))
    rows = [[place, *(f"{draw(st.integers(1, 250_000)):,}" for _ in columns)] for place in places]
    return ["District", *columns], rows


def _pasted(table, parting: str) -> str:
    header, rows = table
    if parting == "tabs":
        return "\n".join("\t".join(row) for row in [header, *rows])
    widths = [max(len(row[i]) for row in [header, *rows]) + 3 for i in range(len(header))]
    return "\n".join(
        "".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        for row in [header, *rows]
    )


@settings(max_examples=EXAMPLES, deadline=None)
@given(tables(), st.sampled_from(["tabs", "spaces"]))
def test_a_pasted_table_reads_by_row_and_column(table, parting):
    header, rows = table
    pasted = _pasted(table, parting)
    text = f"Cholera situation update\n\nFIGURES BY DISTRICT\n{pasted}\n\nPartners said so."
    # the reading keeps every offset: only the gaps' first characters turn into bars
    read = tabled(text)
    assert len(read) == len(text)
    assert all(a == b or (a in " \t" and b == "|") for a, b in zip(text, read, strict=True))
    found = extract(text, date(2025, 3, 21), "WHO", catalogue=Catalogue([])).observations
    for place, *values in rows:
        cells = [o for o in found if o.quote.startswith(place)]
        assert sorted(o.value for o in cells) == sorted(float(v.replace(",", "")) for v in values)
        assert all(o.location == place for o in cells)
        assert len({o.indicator_id for o in cells}) == len(values)
        # each quote is the line as pasted
        assert all(o.quote in pasted.split("\n") for o in cells)


PROSE = st.lists(
    st.sampled_from(["The rains came.", "Many fled.", "Aid arrived late.", "Roads were cut."]),
    min_size=2,
    max_size=4,
).map("  ".join)


@settings(max_examples=EXAMPLES, deadline=None)
@given(st.lists(PROSE, min_size=3, max_size=6))
def test_prose_with_two_spaces_between_sentences_is_no_table(lines):
    text = "Situation update\n\n" + "\n".join(lines) + "\n"
    assert tabled(text) == text


@settings(max_examples=EXAMPLES, deadline=None)
@given(tables())
def test_a_block_whose_first_line_holds_a_figure_is_no_table(table):
    # no header: figures beside their labels, read as the text says
    _, rows = table
    text = "Update\n\n" + "\n".join("\t".join(row) for row in rows + rows[:1]) + "\n"
    assert tabled(text) == text
