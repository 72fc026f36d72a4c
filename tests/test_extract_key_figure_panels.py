"""Key figures as report panels set them: a label before its figure with no colon ("People
in need 15.5M"), a figure and its label on lines of their own ("15.5M" / "People in need"),
money in billions written "$1.2B", a heading above a figure that labels nothing; and panels
printed to PDF, a figure's box over its label's. Generated cases."""

from __future__ import annotations

import os
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from indicators.extract.catalogue import Catalogue
from indicators.extract.key_figure_lines import figure_label_pairs, joined_key_figures
from indicators.extract.pipeline import extract

EXAMPLES = int(os.environ.get("PROPERTY_EXAMPLES", "100"))
PUBLISHED = date(2025, 9, 10)
LABELS = [
    "People in need",
    "People displaced",
    "Refugees",
    "Children out of school",
    "Cholera cases",
    "Households reached",
    "Health facilities damaged",
]
HEADINGS = ["KEY FIGURES", "Key figures", "In numbers", "At a glance", "Highlights:"]


@st.composite
def figures(draw) -> tuple[str, float]:
    """A figure as a key-figures panel writes it, with its value: "15.5M", "4,200", "23%"."""
    form = draw(st.sampled_from(["millions", "thousands", "separated", "percent"]))
    if form == "millions":
        tenths = draw(st.integers(11, 999))
        return f"{tenths / 10:g}M", tenths * 100_000
    if form == "thousands":
        value = draw(st.integers(11, 999))
        return f"{value}K", value * 1_000
    if form == "separated":
        value = draw(st.integers(1_000, 9_999_999))
        return f"{value:,}", value
    share = draw(st.integers(1, 99))
    return f"{share}%", share


def _panel(draw, count: int) -> list[tuple[str, str, float]]:
    labels = draw(st.lists(st.sampled_from(LABELS), min_size=count, max_size=count, unique=True))
    return [(label, *draw(figures())) for label in labels]


def _values(text: str) -> dict[str, float]:
    """Each candidate's value by the label its quote holds."""
    result = extract(text, PUBLISHED, "OCHA", catalogue=Catalogue([]))
    found = {}
    for observation in result.observations:
        for label in LABELS:
            if label in observation.quote:
                found[label] = observation.value
    return found


@settings(max_examples=EXAMPLES, deadline=None)
@given(st.data(), st.integers(2, 5))
def test_a_label_before_its_figure_with_no_colon_is_a_row(data, count):
    panel = _panel(data.draw, count)
    lines = "\n".join(f"{label} {figure}" for label, figure, _ in panel)
    text = f"Flood response snapshot\n\nKEY FIGURES\n{lines}\n\nPartners reached 41,200 people."
    values = _values(text)
    assert values == {label: value for label, _, value in panel}


@settings(max_examples=EXAMPLES, deadline=None)
@given(st.data(), st.integers(2, 5), st.booleans(), st.sampled_from([None, *HEADINGS]))
def test_a_figure_and_its_label_on_lines_of_their_own_are_one_row(
    data, count, figure_first, heading
):
    panel = _panel(data.draw, count)
    pairs = [(figure, label) if figure_first else (label, figure) for label, figure, _ in panel]
    lines = "\n".join(line for pair in pairs for line in pair)
    head = f"{heading}\n" if heading else ""
    text = f"Flood response snapshot\n\n{head}{lines}\n\nPartners reached 41,200 people."
    # offsets are kept: the reading only turns the break inside each pair into a space
    joined = joined_key_figures(text)
    assert len(joined) == len(text)
    assert [i for i, (a, b) in enumerate(zip(text, joined, strict=True)) if a != b] == [
        i for i, c in enumerate(text) if c == "\n" and joined[i] == " "
    ]
    assert _values(text) == {label: value for label, _, value in panel}


@settings(max_examples=EXAMPLES, deadline=None)
@given(st.data(), st.integers(1, 4))
def test_a_block_that_cannot_be_paired_one_way_only_is_left_as_it_is(data, count):
    # a label or a figure over: which label is whose figure cannot be told
    panel = _panel(data.draw, count)
    lines = [line for label, figure, _ in panel for line in (label, figure)]
    extra = data.draw(st.sampled_from(["Context", "Response", "Access constraints"]))
    for block in ([*lines, extra], [lines[1], *lines[2:]] if count > 1 else [lines[1]]):
        assert figure_label_pairs(["Flood response snapshot", "", *block, ""]) == []


@settings(max_examples=EXAMPLES, deadline=None)
@given(
    st.sampled_from(["$", "US$", "US$ ", "USD "]),
    st.integers(11, 999),
    st.sampled_from(["B", "bn", " billion", " B"]),
)
def test_money_in_billions_as_panels_write_it(sign, tenths, scale):
    text = f"Appeal update\n\nThe plan requires {sign}{tenths / 10:g}{scale} for 2026."
    result = extract(text, PUBLISHED, "OCHA", catalogue=Catalogue([]))
    assert [(o.value, o.unit) for o in result.observations] == [(tenths * 100_000_000, "usd")]


@pytest.mark.parametrize("heading", ["Update", "Flash Update", "Round", "Phase", "Week"])
@settings(max_examples=max(10, EXAMPLES // 5), deadline=None)
@given(figure=figures())
def test_a_heading_on_the_line_above_labels_no_figure(heading, figure):
    written, value = figure
    text = f"{heading}\n\n{written} people displaced\n\nPartners reached 41,200 people."
    result = extract(text, PUBLISHED, "OCHA", catalogue=Catalogue([]))
    assert value in [o.value for o in result.observations]
    # on the figure's own line a label still labels: "Flash Update 4" is no count
    labelled = extract(f"{heading} 4 of the response", PUBLISHED, "OCHA")
    assert 4 not in [o.value for o in labelled.observations]


@pytest.mark.browser
@settings(
    max_examples=max(4, EXAMPLES // 20),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(st.data(), st.integers(2, 4), st.booleans())
def test_a_pdf_panel_of_key_figures_reads_each_figure_with_its_label(
    printer, tmp_path_factory, data, count, figure_first
):
    from indicators.ingest.pdf import pdf_text
    from tests.pdf_maker import html_to_pdf

    panel = _panel(data.draw, count)
    boxes = "".join(
        "<div style='width:130px'>"
        + (
            f"<div style='font-size:26px'>{figure}</div><div>{label}</div>"
            if figure_first
            else f"<div>{label}</div><div style='font-size:26px'>{figure}</div>"
        )
        + "</div>"
        for label, figure, _ in panel
    )
    html = (
        "<html><body style='font-family:DejaVu Sans;font-size:11px;margin:40px'>"
        "<h1>Flood response snapshot</h1>"
        f"<div style='display:flex;gap:30px'>{boxes}</div>"
        "<p>Partners reached 41,200 people with food assistance in the week, the cluster "
        "said on Tuesday.</p></body></html>"
    )
    pdf = html_to_pdf(html, tmp_path_factory.mktemp("panel") / "panel.pdf", printer)
    text, _ = pdf_text(pdf.read_bytes(), "panel.pdf")
    for label, figure, _ in panel:
        assert (f"{figure} {label}" if figure_first else f"{label} {figure}") in text.split("\n")
    assert _values(text) == {label: value for label, _, value in panel}


LINES = st.sampled_from(
    [
        "15.5M",
        "People in need",
        "KEY FIGURES",
        "Key figures",
        "In numbers:",
        "23%",
        "$1.2B",
        "District\tCases\tDeaths",
        "Blantyre\t1,497\t31",
        "Nsanje    402    11",
        "",
        "- Germany: €70 million",
        "The largest pledges announced were:",
        "Funded 23%",
        "Partners reached 41,200 people on 15/09/2025.",
        "Some 2-3 million people fled.",
        "Q3 2025",
        "1.2m people",
        "  ",
        "\t",
        "•",
        "Total | 61,300 | 24",
        "(n=1,234)",
    ]
)


@settings(max_examples=EXAMPLES, deadline=None)
@given(st.lists(LINES, max_size=30), st.sampled_from(["\n", "\n\n", "\r\n"]))
def test_any_mix_of_panels_tables_and_lists_reads_without_error(lines, separator):
    text = "Situation update" + separator + separator.join(lines)
    result = extract(text, PUBLISHED, "OCHA", catalogue=Catalogue([]))
    assert not result.failures
    for observation in (*result.observations, *result.events):
        # every quote is the report's own words at its offsets
        assert observation.quote == text[observation.quote_start : observation.quote_end]
