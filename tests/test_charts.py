"""Each figure builder: what it draws, how it marks uncertainty, its text alternative."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from indicators import charts, summaries

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
