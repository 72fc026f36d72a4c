"""Each figure builder: what it draws, how it marks uncertainty, its text alternative."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as hyp

from benchmarks import synthetic
from indicators import charts, summaries
from indicators.loading import load_tables

FIXTURE_DIR = Path(__file__).parent / "fixtures" / "dashboard"
DAY_MS = 24 * 3600 * 1000


def all_text(figure: go.Figure) -> str:
    """Every string the figure will show: labels, hovers, titles, annotations."""
    return figure.to_json()


def bars(figure: go.Figure) -> list[go.Bar]:
    return [
        trace
        for trace in figure.data
        if isinstance(trace, go.Bar) and trace.y and trace.y[0] is not None
    ]


# --------------------------------------------------------------------------- palette and text


def test_palette_is_okabe_ito():
    okabe_ito = {
        "#E69F00",
        "#56B4E9",
        "#009E73",
        "#F0E442",
        "#0072B2",
        "#D55E00",
        "#CC79A7",
        "#000000",
    }
    assert set(charts.SERIES_COLOURS) <= okabe_ito
    assert set(charts.KIND_COLOURS.values()) <= okabe_ito
    assert len(set(charts.KIND_COLOURS.values())) == len(charts.KIND_COLOURS)


def test_plotly_text_escapes_tags_and_wraps():
    text = charts.plotly_text("<b>bold</b> & <a href='javascript:alert(1)'>x</a>")
    assert "<" not in text.replace("<br>", "") and "&lt;b&gt;" in text
    wrapped = charts.plotly_text("word " * 40, width=20)
    assert wrapped.count("<br>") >= 5
    assert charts.plotly_text(None) == ""


def test_source_colours_are_stable_and_distinct():
    colours = charts.source_colours(["b", "a", "b", "c"])
    assert list(colours) == ["b", "a", "c"]
    assert len(set(colours.values())) == 3


# --------------------------------------------------------------------------- timeline


def test_timeline_places_every_dated_event_once(shipped):
    figure = charts.timeline_figure(shipped.events)
    drawn = {y for trace in figure.data if trace.y for y in trace.y if y is not None}
    placed = set(shipped.events.loc[shipped.events["shape"] != "unplaced", "event_id"])
    assert drawn == placed
    assert figure.layout.yaxis.categoryarray is not None
    assert set(figure.layout.yaxis.categoryarray) == placed


def test_timeline_leaves_out_events_without_dates(shipped):
    figure = charts.timeline_figure(shipped.events)
    undated = shipped.events.loc[shipped.events["shape"] == "unplaced", "event_id"]
    drawn = {y for trace in figure.data if trace.y for y in trace.y}
    assert not set(undated) & drawn


def test_fuzzy_bounds_are_hatched_windows(shipped):
    figure = charts.timeline_figure(shipped.events)
    blockade = shipped.events[shipped.events["kind"] == "blockade"].iloc[0]
    hatched = [
        trace for trace in bars(figure) if trace.marker.pattern.shape == charts.FUZZY_PATTERN
    ]
    pieces = [
        (pd.Timestamp(base), length)
        for trace in hatched
        for base, length, y in zip(trace.base, trace.x, trace.y, strict=True)
        if y == blockade["event_id"]
    ]
    # "early March" is 1-10 March and "mid-May" 11-20 May: two ten-day hatched windows.
    assert sorted(pieces) == [
        (blockade["start_first"], 10 * DAY_MS),
        (blockade["end_first"], 10 * DAY_MS),
    ]
    solid = [
        (pd.Timestamp(base), length)
        for trace in bars(figure)
        if trace.marker.pattern.shape == ""
        for base, length, y in zip(trace.base, trace.x, trace.y, strict=True)
        if y == blockade["event_id"]
    ]
    # Surely going on from the day after the start window to the start of the end window.
    assert solid == [
        (
            blockade["start_last"] + pd.Timedelta(days=1),
            (blockade["end_first"] - blockade["start_last"] - pd.Timedelta(days=1)).days * DAY_MS,
        )
    ]


def test_exact_moments_are_diamonds_and_ongoing_events_end_at_publication(shipped):
    figure = charts.timeline_figure(shipped.events)
    diamonds = {
        y
        for trace in figure.data
        if isinstance(trace, go.Scatter) and trace.marker.symbol == "diamond"
        for y in trace.y
    }
    exact = shipped.events[
        (shipped.events["shape"] == "moment") & (shipped.events["start_precision"] == "day")
    ]
    assert diamonds == set(exact["event_id"])
    arrows = [
        trace
        for trace in figure.data
        if isinstance(trace, go.Scatter) and trace.marker.symbol == "triangle-right"
    ]
    ongoing = shipped.events[shipped.events["shape"] == "ongoing"].set_index("event_id")
    for trace in arrows:
        for x, y in zip(trace.x, trace.y, strict=True):
            assert pd.Timestamp(x) == ongoing.at[y, "source_published"] + pd.Timedelta(days=1)


def test_timeline_hover_carries_words_quote_and_source(shipped):
    figure = charts.timeline_figure(shipped.events)
    blockade = shipped.events[shipped.events["kind"] == "blockade"].iloc[0]
    hovers = [
        row for trace in figure.data if trace.customdata is not None for row in trace.customdata
    ]
    blockade_hover = next(
        row for row in hovers if row[0] == charts.plotly_text(blockade["label"], charts.HOVER_WIDTH)
    )
    assert blockade["start_as_stated"] in blockade_hover[2]
    assert blockade["end_as_stated"] in blockade_hover[3]
    assert blockade_hover[4].replace("<br>", " ").startswith("“" + blockade["quote"][:30])
    assert blockade["source_publisher"] in blockade_hover[5]


def test_hostile_labels_reach_plotly_escaped(fixture):
    figure = charts.timeline_figure(fixture.events)
    text = all_text(figure)
    assert "<script>" not in text and "\\u003cscript" not in text
    assert "&lt;script&gt;" in text


def test_empty_timeline_says_so(shipped):
    figure = charts.timeline_figure(shipped.events.iloc[0:0])
    assert not figure.data
    assert "No dated events" in figure.layout.annotations[0].text
    assert "no dated events" in charts.timeline_alt(shipped.events.iloc[0:0])


def test_timeline_alt_counts_and_spans(shipped):
    alt = charts.timeline_alt(shipped.events)
    placed = (shipped.events["shape"] != "unplaced").sum()
    assert f"{placed} dated events" in alt
    assert "without a stated date" in alt
    assert alt.count(".") >= 1 and "\n" not in alt


# --------------------------------------------------------------------------- waffle


def test_waffle_fills_one_square_per_percent(shipped):
    shares = shipped.observations[shipped.observations["unit"] == "percent"]
    figure = charts.waffle_figure(shares)
    heatmaps = [trace for trace in figure.data if isinstance(trace, go.Heatmap)]
    assert len(heatmaps) == len(shares)
    for trace, value in zip(heatmaps, shares["value"], strict=True):
        grid = np.array(trace.z)
        assert grid.shape == (10, 10)
        assert grid.sum() == round(value)
        # Filled row by row from the top-left, as a reader counts.
        assert list(grid.flatten()) == sorted(grid.flatten(), reverse=True)


def test_waffle_titles_say_the_hedged_value(shipped):
    shares = shipped.observations[shipped.observations["qualifier"] == "nearly"]
    figure = charts.waffle_figure(shares)
    titles = [annotation.text for annotation in figure.layout.annotations]
    assert any(f"<b>{shares.iloc[0]['value_shown']}</b>" in title for title in titles)
    assert shares.iloc[0]["value_shown"].startswith("nearly ")
    assert shares.iloc[0]["value_as_stated"] in charts.waffle_alt(shares)


def test_waffle_colours_follow_the_source(fixture):
    shares = fixture.observations[fixture.observations["indicator_id"] == "share_water"]
    colours = charts.source_colours(fixture.sources["source_id"])
    figure = charts.waffle_figure(shares, colours=colours)
    for trace, source_id in zip(figure.data, shares["source_id"], strict=True):
        assert trace.colorscale[-1][1] == colours[source_id]


# --------------------------------------------------------------------------- values over time


def test_values_figure_draws_each_figure_at_its_date(fixture):
    figures = fixture.observations[fixture.observations["indicator_id"] == "share_water"]
    figure = charts.values_figure(figures, "percent")
    points = [trace for trace in figure.data if trace.mode == "markers+text"]
    drawn = sorted(
        (pd.Timestamp(x), y) for trace in points for x, y in zip(trace.x, trace.y, strict=True)
    )
    expected = sorted(zip(figures["as_of_last"], figures["value"], strict=True))
    assert drawn == expected
    assert list(figure.layout.yaxis.range) == [0, 105]
    labels = [label for trace in points for label in trace.text]
    assert any(label.startswith("about 40%") for label in labels)  # the qualifier stays
    assert len(points) == figures["source_id"].nunique()


def test_a_range_becomes_an_error_bar():
    figures = pd.DataFrame(
        {
            "source_id": ["s"],
            "source_publisher": ["P"],
            "location": ["L"],
            "value": [float("nan")],
            "value_low": [10.0],
            "value_high": [20.0],
            "value_shown": ["between 10% and 20%"],
            "value_as_stated": ["between 10 and 20 percent"],
            "as_of_text": ["as of 1 May 2025"],
            "as_of_first": [pd.Timestamp("2025-05-01")],
            "as_of_last": [pd.Timestamp("2025-05-01")],
            "reported_on": [pd.Timestamp("2025-05-01")],
            "attributed_to": ["A"],
            "quote": ["between 10 and 20 percent"],
        }
    )
    figure = charts.values_figure(figures, "percent")
    point = figure.data[0]
    assert point.y == (10.0,)
    assert point.error_y.array == (10.0,) and point.error_y.visible


def test_a_period_is_drawn_as_a_line_across_it(shipped):
    figures = shipped.observations.head(1).assign(
        as_of_first=pd.Timestamp("2025-03-01"), as_of_last=pd.Timestamp("2025-05-20")
    )
    figure = charts.values_figure(figures, "percent")
    lines = [trace for trace in figure.data if trace.mode == "lines"]
    assert len(lines) == 1 and lines[0].x[:2] == ("2025-03-01", "2025-05-20")


def test_values_alt_lists_the_figures(fixture):
    figures = fixture.observations[fixture.observations["indicator_id"] == "share_water"]
    alt = charts.values_alt(figures, "Households short of water")
    assert alt.startswith("Households short of water, 3 figures")
    assert "about 40%" in alt and "55%" in alt
    assert "No figure" in charts.values_alt(figures.iloc[0:0], "X")


# --------------------------------------------------------------------------- sources


def test_figures_per_source_bars_match_the_counts(shipped):
    counts = summaries.figures_per_source(shipped)
    figure = charts.figures_per_source_figure(counts)
    by_name = {trace.name: dict(zip(trace.y, trace.x, strict=True)) for trace in figure.data}
    assert by_name["figures"] == dict(zip(counts["source_id"], counts["figures"], strict=True))
    assert by_name["events"] == dict(zip(counts["source_id"], counts["events"], strict=True))
    alt = charts.figures_per_source_alt(counts)
    for publisher in counts["publisher"]:
        assert publisher in alt


def test_every_builder_has_a_one_sentence_alternative(shipped):
    shares = shipped.observations[shipped.observations["unit"] == "percent"]
    counts = summaries.figures_per_source(shipped)
    for alt in (
        charts.timeline_alt(shipped.events),
        charts.waffle_alt(shares),
        charts.values_alt(shares, "Shares"),
        charts.figures_per_source_alt(counts),
    ):
        assert alt.endswith(".") and "\n" not in alt and len(alt) > 20


def test_timeline_draws_only_the_latest_events_and_says_so(shipped):
    dated = shipped.events[shipped.events["shape"] != "unplaced"]
    figure = charts.timeline_figure(shipped.events, max_rows=3)
    drawn = set().union(*(set(trace.y or ()) for trace in figure.data)) - {None}
    latest = set(dated.sort_values(["drawn_first", "drawn_last"]).tail(3)["event_id"])
    assert drawn == latest
    notes = [a.text for a in figure.layout.annotations if "latest of" in (a.text or "")]
    assert notes == [
        f"Showing the 3 latest of {len(dated)} dated events; narrow the filters to see others. "
        "The table beneath lists them all."
    ]
    assert "the chart draws the latest 3" in charts.timeline_alt(shipped.events, max_rows=3)
    assert "latest of" not in str(charts.timeline_figure(shipped.events).layout.annotations)


# --------------------------------------------------------------------------- reading the timeline


def _axis_range(figure: go.Figure, panel: int = 1) -> tuple[pd.Timestamp, pd.Timestamp]:
    axis = figure.layout["xaxis" if panel == 1 else f"xaxis{panel}"]
    return pd.Timestamp(axis.range[0]), pd.Timestamp(axis.range[1])


def _labels(figure: go.Figure, panel: int = 1) -> list:
    yref = "y" if panel == 1 else f"y{panel}"
    return [note for note in figure.layout.annotations if note.yref == yref]


def test_timeline_axis_follows_the_date_filter(shipped):
    whole = charts.timeline_figure(shipped.events)
    low, high = _axis_range(whole)
    assert low <= shipped.events["drawn_first"].min() and high.year == 2025
    narrowed = charts.timeline_figure(
        shipped.events, date_from=pd.Timestamp("2025-07-15").date(), date_to=None
    )
    low, high = _axis_range(narrowed)
    # The war since 2023 is still drawn, cut at the axis, which starts where the filter does.
    assert low == pd.Timestamp("2025-07-15")
    assert high <= shipped.events["drawn_last"].max() + pd.Timedelta(days=40)
    both = charts.timeline_figure(
        shipped.events,
        date_from=pd.Timestamp("2025-03-01").date(),
        date_to=pd.Timestamp("2025-05-31").date(),
    )
    assert _axis_range(both) == (pd.Timestamp("2025-03-01"), pd.Timestamp("2025-06-01"))


def test_a_dense_latest_cluster_gets_a_zoomed_panel_day_by_day(shipped):
    figure = charts.timeline_figure(shipped.events)
    placed = shipped.events[shipped.events["shape"] != "unplaced"]
    recent = placed[placed["drawn_first"] >= pd.Timestamp("2025-07-04")]
    assert set(figure.layout.yaxis2.categoryarray) == set(recent["event_id"])
    low, high = _axis_range(figure, 2)
    assert high - low <= pd.Timedelta(days=charts.ZOOM_DAYS)
    assert low <= recent["drawn_first"].min() and high > recent["drawn_first"].max()
    titles = [note.text for note in figure.layout.annotations if note.yref == "paper"]
    assert any("latest weeks" in text for text in titles)
    # The whole span is still the first panel.
    assert set(figure.layout.yaxis.categoryarray) == set(placed["event_id"])
    # A short span needs no zoom: a filter on the latest weeks gives one panel.
    short = charts.timeline_figure(shipped.events, date_from=pd.Timestamp("2025-07-10").date())
    assert "yaxis2" not in short.layout.to_plotly_json()


def test_each_label_sits_beside_its_own_mark(shipped):
    figure = charts.timeline_figure(shipped.events)
    placed = shipped.events[shipped.events["shape"] != "unplaced"].set_index("event_id")
    for panel in (1, 2):
        low, high = _axis_range(figure, panel)
        span = high - low
        for note in _labels(figure, panel):
            event = placed.loc[note.y]
            x = pd.Timestamp(note.x)
            first = max(event["drawn_first"], low)
            last = min(event["drawn_last"] + pd.Timedelta(days=2), high)
            # The label starts or ends at its mark, never a chart width away from it.
            assert first - span * 0.01 <= x <= last + span * 0.01, (note.text, x, first, last)
            if note.xanchor == "right":
                assert x == first


def test_moments_on_the_same_day_each_have_a_row_and_a_label(shipped):
    figure = charts.timeline_figure(shipped.events)
    same_day = shipped.events[shipped.events["drawn_first"] == pd.Timestamp("2025-07-24")]
    assert len(same_day) >= 3
    for panel in (1, 2):
        rows = [note.y for note in _labels(figure, panel) if note.y in set(same_day["event_id"])]
        assert sorted(rows) == sorted(same_day["event_id"])  # one label each, in its own row


def test_charts_let_a_touch_screen_scroll_and_hover_boxes_are_readable(shipped, fixture):
    counts = summaries.figures_per_source(shipped)
    shares = fixture.observations[fixture.observations["indicator_id"] == "share_water"]
    for figure in (
        charts.timeline_figure(shipped.events),
        charts.values_figure(shares, "percent"),
        charts.waffle_figure(shares),
        charts.figures_per_source_figure(counts),
    ):
        assert figure.layout.dragmode is False  # a swipe scrolls the page, it does not zoom
        assert figure.layout.hoverlabel.bgcolor == "white"
        assert figure.layout.hoverlabel.font.color == "#1A1A1A"


def test_the_waffle_has_nothing_to_zoom(fixture):
    shares = fixture.observations[fixture.observations["indicator_id"] == "share_water"]
    figure = charts.waffle_figure(shares)
    axes = [value for key, value in figure.layout.to_plotly_json().items() if "axis" in key]
    assert axes and all(axis.get("fixedrange") for axis in axes)


def test_one_figure_is_not_drawn_on_the_whole_percent_axis(shipped, fixture):
    one = shipped.observations[shipped.observations["value"] == 95]
    low, high = charts.values_figure(one, "percent").layout.yaxis.range
    assert low <= 95 <= high and high - low <= 60 and high <= 102
    several = fixture.observations[fixture.observations["indicator_id"] == "share_water"]
    assert list(charts.values_figure(several, "percent").layout.yaxis.range) == [0, 105]
    months = shipped.observations[shipped.observations["unit"] == "months"]
    low, high = charts.values_figure(months, "months").layout.yaxis.range
    assert low < 21 < high


def test_the_values_axis_title_has_room(fixture):
    shares = fixture.observations[fixture.observations["indicator_id"] == "share_water"]
    axis = charts.values_figure(shares, "percent").layout.yaxis
    assert axis.automargin is True and axis.title.text == "percent"


def test_report_bars_are_solid_not_dotted(shipped):
    figure = charts.figures_per_source_figure(summaries.figures_per_source(shipped))
    for trace in figure.data:
        assert not (trace.marker.pattern and trace.marker.pattern.shape)
    assert len({trace.marker.color for trace in figure.data}) == 2


def test_a_cited_figure_carries_title_source_and_date_inside(shipped):
    figure = charts.timeline_figure(shipped.events)
    height = figure.layout.height
    charts.cite(
        figure,
        "Events as the reports date them",
        "Sources: Politico, “US leaves Gaza ceasefire talks” (24 July 2025)",
        "Reports published 24–25 July 2025.",
    )
    assert "Events as the reports date them" in figure.layout.title.text
    assert figure.layout.title.yref == "container"  # inside the image, above the plot
    source = next(note for note in figure.layout.annotations if note.name == "source")
    assert "Politico" in source.text and "24–25 July 2025" in source.text
    assert source.y == 0 and source.yanchor == "top" and source.yshift < 0  # under the plot
    assert figure.layout.height > height and figure.layout.margin.b >= 40


def test_span_words_are_short_and_say_each_part_once():
    day = pd.Timestamp
    assert charts.span_words(day("2025-07-17"), day("2025-07-26")) == "17–26 July 2025"
    assert charts.span_words(day("2025-06-30"), day("2025-07-02")) == "30 June – 2 July 2025"
    assert charts.span_words(day("2025-07-24"), day("2025-07-24")) == "24 July 2025"
    assert charts.span_words(day("2023-10-01"), day("2025-07-31")) == "October 2023 to July 2025"


def _bracket_depth(text: str) -> int:
    depth = deepest = 0
    for character in text:
        depth += character == "("
        deepest = max(deepest, depth)
        depth -= character == ")"
    return deepest


def test_chart_alternatives_nest_no_brackets_and_stack_no_colons(shipped):
    counts = summaries.figures_per_source(shipped)
    numeric = summaries.numeric_figures(shipped.observations)
    shares = numeric[numeric["unit"] == "percent"]
    for alt in (
        charts.timeline_alt(shipped.events),
        charts.values_alt(shares, "Shares"),
        charts.waffle_alt(shares),
        charts.figures_per_source_alt(counts),
    ):
        assert _bracket_depth(alt) <= 1, alt
        assert ":" not in alt, alt  # the caption puts 'In words:' before it


# --------------------------------------------------------------------------- any timeline

# Each example builds a whole timeline figure: a quarter of the suite's examples.
TIMELINE_EXAMPLES = max(int(os.environ.get("PROPERTY_EXAMPLES", "100")) // 4, 10)


@pytest.fixture(scope="module")
def synthetic_events(tmp_path_factory) -> summaries.Prepared:
    """Synthetic tables with a few hundred events over two years, many in the same weeks."""
    dataset = synthetic.generate(tmp_path_factory.mktemp("timeline"), 600, events=240, seed=3)
    return summaries.prepare(load_tables(dataset.data_dir).tables)


@settings(
    max_examples=TIMELINE_EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(data=hyp.data())
def test_any_timeline_keeps_its_axis_labels_and_rows_in_order(synthetic_events, data):
    first, last = synthetic_events.date_range
    days = (last - first).days
    start = data.draw(hyp.none() | hyp.integers(0, days), label="from")
    length = data.draw(hyp.none() | hyp.integers(1, days), label="length")
    date_from = first + timedelta(days=start) if start is not None else None
    date_to = (date_from or first) + timedelta(days=length) if length is not None else None
    filters = summaries.Filters(date_from=date_from, date_to=date_to)
    events = summaries.filter_prepared(synthetic_events, filters).events
    rows = data.draw(hyp.integers(1, 80), label="max_rows")
    figure = charts.timeline_figure(events, max_rows=rows, date_from=date_from, date_to=date_to)
    placed = events[events["shape"] != "unplaced"]
    if placed.empty:
        assert "No dated events" in figure.layout.annotations[0].text
        return
    low, high = _axis_range(figure)
    if date_from:
        assert low == pd.Timestamp(date_from)
    if date_to:
        assert high == pd.Timestamp(date_to) + pd.Timedelta(days=1)
    by_id = placed.set_index("event_id")
    panels = 2 if "yaxis2" in figure.layout.to_plotly_json() else 1
    for panel in range(1, panels + 1):
        axis = figure.layout["yaxis" if panel == 1 else f"yaxis{panel}"]
        shown = list(axis.categoryarray)
        assert len(shown) == len(set(shown)) <= rows  # one row per event
        labels = _labels(figure, panel)
        assert sorted(note.y for note in labels) == sorted(shown)  # one label per row
        panel_low, panel_high = _axis_range(figure, panel)
        span = panel_high - panel_low
        for note in labels:
            event = by_id.loc[note.y]
            x = pd.Timestamp(note.x)
            mark_first = max(event["drawn_first"], panel_low)
            mark_last = min(event["drawn_last"] + pd.Timedelta(days=2), panel_high)
            assert mark_first - span * 0.01 <= x <= mark_last + span * 0.01
    if panels == 2:
        zoom_low, zoom_high = _axis_range(figure, 2)
        assert zoom_high - zoom_low <= pd.Timedelta(days=charts.ZOOM_DAYS + 3)
        assert len(figure.layout.yaxis2.categoryarray) >= charts.ZOOM_MIN_EVENTS
