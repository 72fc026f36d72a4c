"""Each page's model: what a page shows, worked out once per view, without a browser."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio
import pytest

from benchmarks import synthetic
from indicators import charts, citations, page_models, schema, summaries
from indicators.loading import load_tables

FIXTURE_DIR = Path(__file__).parent / "fixtures" / "dashboard"


@pytest.fixture(scope="module")
def many(tmp_path_factory) -> summaries.Prepared:
    """Synthetic tables with hundreds of reports and events, more than any page draws."""
    dataset = synthetic.generate(tmp_path_factory.mktemp("many"), 6_000, events=400)
    return summaries.prepare(load_tables(dataset.data_dir).tables)


# --------------------------------------------------------------------------- pieces


def test_display_table_is_cut_to_its_limit_but_keeps_the_whole_frame():
    frame = pd.DataFrame(
        {"day": pd.date_range("2025-01-01", periods=30), "value": range(30)},
        index=pd.RangeIndex(2, 32, name="line"),
    )
    table = page_models.display_table(frame, limit=10)
    assert table.rows == 30 and table.shown.num_rows == 10 and table.truncated
    assert table.frame is frame  # the download holds every row
    assert table.shown.column_names == ["line", "day", "value"]  # file lines stay visible
    assert table.shown.column("line").to_pylist() == list(range(2, 12))
    assert table.date_columns == ("day",)
    assert not page_models.display_table(frame).truncated


def test_a_frozen_figure_draws_exactly_as_the_original():
    figure = go.Figure(go.Scatter(x=pd.date_range("2025-01-01", periods=3), y=[1.5, 2, None]))
    figure.update_layout(title="Shares")
    frozen = charts.frozen(figure)
    assert json.loads(pio.to_json(frozen, validate=False)) == json.loads(
        pio.to_json(figure, validate=False)
    )
    assert frozen.to_dict() is frozen.to_dict()  # made once, handed out on every rerun


def test_a_chart_is_frozen_and_worded_once(shipped):
    model = page_models.timeline_model(shipped, shipped.sources)
    assert isinstance(model.chart.figure, charts.FrozenFigure)
    assert re.sub(r"\\(.)", r"\1", model.chart.in_words).startswith("In words: Timeline of ")
    assert model.chart.caption.startswith(("Source: ", "Sources: "))


def test_count_note_speaks_only_when_something_is_left_out():
    assert page_models.count_note(5, 5, "events", "the table lists them") == ""
    assert page_models.count_note(20, 1234, "events", "the table lists them") == (
        "Showing 20 of 1,234 events; the table lists them."
    )


# --------------------------------------------------------------------------- pages


def test_overview_model_on_the_shipped_tables(shipped):
    model = page_models.overview_model(shipped)
    headlines = summaries.headline_figures(shipped)
    assert [card.value for card in model.figure_cards] == [
        citations.escape_markdown(value) for value in headlines["value_shown"]
    ]
    assert model.blockade is not None and model.blockade.value == "62–80 days"
    assert model.talks is not None
    assert set(model.events["kind"]) >= {"blockade", "talks"}
    assert list(model.figures["observation_id"]) == list(headlines["observation_id"])
    for card in (*model.figure_cards, model.blockade):
        assert card.quote.startswith("“") and card.quote.count("““") == 0
        assert "published" in card.citation


def test_overview_model_of_an_empty_view(shipped):
    empty = summaries.filter_prepared(shipped, summaries.Filters(location="Nowhere at all"))
    model = page_models.overview_model(empty)
    assert model.empty and model.figures.empty


def test_timeline_model_bounds_what_it_draws(many):
    model = page_models.timeline_model(many, many.sources)
    assert model.table.rows == len(many.events)
    assert len(model.unplaced) <= page_models.UNPLACED_CARDS
    unplaced = int((many.events["shape"] == "unplaced").sum())
    assert bool(model.unplaced_note) == (unplaced > page_models.UNPLACED_CARDS)
    # Thousands of reports are counted under the chart, not listed.
    assert "other reports (all on the Sources page)" in model.chart.caption
    assert model.chart.caption.count("“") <= 2 * page_models.CAPTION_REPORTS


def test_indicator_model_shows_disagreements_side_by_side_and_all_in_a_table(fixture, monkeypatch):
    monkeypatch.setattr(page_models, "DISAGREEMENTS_SHOWN", 0)
    model = page_models.indicator_model(fixture, fixture, "share_water")
    conflicting = summaries.disagreements(
        fixture.observations[fixture.observations["indicator_id"] == "share_water"]
    )
    assert model.disagreement_groups == conflicting["group"].nunique() > 0
    assert model.disagreements == ()
    table = model.disagreement_table.frame
    assert sorted(table["Observation"]) == sorted(conflicting["observation_id"])
    assert list(table["Disagreement"]) == list(conflicting["group"] + 1)


def test_indicator_model_draws_the_latest_figures(many):
    indicator_id = many.indicators.loc[many.indicators["unit"] == "percent", "indicator_id"].iloc[0]
    model = page_models.indicator_model(many, many, indicator_id, chart_points=10)
    figures = many.observations[many.observations["indicator_id"] == indicator_id]
    assert model.table.rows == len(figures)
    assert model.values is not None and model.waffle is not None
    assert "latest 10 figures" in model.drawn_note
    assert len(model.latest_cards) <= page_models.LATEST_CARDS


def test_sources_model_lists_every_report_and_bounds_its_chart(many):
    model = page_models.sources_model(many, many)
    assert list(model.listing.frame["Source id"]) == list(many.sources["source_id"])
    counts = many.observations["source_id"].value_counts()
    assert list(model.listing.frame["Figures"]) == [
        int(counts.get(source, 0)) for source in many.sources["source_id"]
    ]
    bars = {trace.name: trace for trace in model.chart.figure.data}
    assert len(bars["figures"].y) == charts.SOURCE_BARS < len(many.sources)
    assert "with the most rows" in model.chart.alt


def test_source_detail_holds_only_that_reports_rows(shipped):
    source_id = shipped.sources["source_id"].iloc[0]
    detail = page_models.source_detail(shipped, source_id)
    own = shipped.observations[shipped.observations["source_id"] == source_id]
    assert sorted(detail.figures.frame["Observation"]) == sorted(own["observation_id"])
    assert detail.has_url == bool(shipped.sources["url"].iloc[0])
    assert page_models.source_detail(shipped, "no-such-report") is None


def test_data_page_tables_keep_the_loaded_columns(fixture):
    tables = load_tables(FIXTURE_DIR).tables
    views = page_models.table_views(fixture, tables, "share_water")
    for name, table in views.items():
        assert list(table.frame.columns) == list(tables[name].columns)
    assert set(views["observations"].frame["indicator_id"]) == {"share_water"}


def test_values_chart_of_many_sources_keeps_every_point_and_a_short_legend(many):
    indicator_id = many.indicators.loc[many.indicators["unit"] == "percent", "indicator_id"].iloc[0]
    figures = summaries.numeric_figures(
        many.observations[many.observations["indicator_id"] == indicator_id]
    )
    assert figures["source_id"].nunique() > charts.SERIES_SHOWN  # the case this is about
    figure = charts.values_figure(figures, "percent")
    points = [trace for trace in figure.data if trace.mode and "markers" in trace.mode]
    assert len(points) == charts.SERIES_SHOWN
    assert sum(len(trace.y) for trace in points) == len(figures)  # nothing dropped
    others = points[-1]
    assert (
        others.name.endswith("other reports") and others.marker.color == charts.OTHER_SOURCES_COLOUR
    )
    # Too many points to label: the figures are in the hover, with their publisher.
    assert all(trace.text is None for trace in points)
    publishers = {row[6] for trace in points for row in trace.customdata}
    assert publishers == {charts.plotly_text(name) for name in figures["source_publisher"]}


def test_undated_events_are_listed_with_citation_and_exact_words(shipped):
    model = page_models.timeline_model(shipped, shipped.sources)
    undated = shipped.events[shipped.events["shape"] == "unplaced"]
    assert len(model.unplaced) == len(undated) > 0
    items = model.unplaced_markdown.split("\n- ")
    assert len(items) == len(undated)
    for item, (_, row) in zip(items, undated.iterrows(), strict=True):
        assert citations.escape_markdown(row["label"]) in item
        assert citations.escape_markdown(row["quote"]) in item
        assert "published" in item


def test_each_disagreement_is_a_table_of_its_reports_with_their_words(fixture):
    model = page_models.indicator_model(fixture, fixture, "share_water")
    conflicting = summaries.disagreements(
        fixture.observations[fixture.observations["indicator_id"] == "share_water"]
    )
    assert len(model.disagreements) == min(
        conflicting["group"].nunique(), page_models.DISAGREEMENTS_SHOWN
    )
    first = model.disagreements[0]
    group = conflicting[conflicting["group"] == conflicting["group"].min()]
    lines = first.table.splitlines()
    assert lines[0] == "| Report | Figure | Stated on | Exact words |"
    assert len(lines) == 2 + len(group) == 2 + first.figures
    for line, (_, row) in zip(lines[2:], group.iterrows(), strict=True):
        cells = re.split(r"(?<!\\)\|", line)[1:-1]  # escaped pipes in the data stay inside
        assert len(cells) == 4
        assert citations.escape_markdown(row["value_shown"]) in cells[1]
        assert citations.escape_markdown(row["quote"]) in cells[3]


def test_latest_figures_are_listed_with_dates_citation_and_exact_words(fixture):
    model = page_models.indicator_model(fixture, fixture, "share_water")
    items = model.latest_markdown.split("\n- ")
    assert len(items) == len(model.latest_cards) > 0
    for item, card in zip(items, model.latest_cards, strict=True):
        assert f"**{card.label}: {card.value}**" in item
        assert card.dated in item and card.citation in item
        # The exact words are escaped: markup in a quote shows as text.
        assert citations.escape_markdown(card.quote) in item
    assert "<script" not in model.latest_markdown.replace("\\<script", "")


# --------------------------------------------------------------------------- what a reader reads


def test_an_inferred_day_looks_inferred_and_its_note_is_at_hand(shipped):
    model = page_models.overview_model(shipped)
    hunger = next(card for card in model.figure_cards if card.value == "nearly 33%")
    plain = re.sub(r"\\(.)", r"\1", hunger.dated)
    assert "20 July 2025" in plain and "inferred" in plain
    row = shipped.observations[shipped.observations["value"] == 33.3].iloc[0]
    assert hunger.note == " ".join(row["notes"].split())
    water = next(card for card in model.figure_cards if card.value == "95%")
    assert "inferred" not in water.dated and water.note == ""  # "Wednesday": stated


def test_cards_say_each_date_and_place_once(shipped):
    model = page_models.overview_model(shipped)
    for card in (*model.figure_cards, model.blockade, model.talks.latest):
        plain = re.sub(r"\\(.)", r"\1", card.dated)
        for day in re.findall(r"\d{1,2} \w+ \d{4}", plain):
            assert plain.count(day) == 1, plain
    blockade = re.sub(r"\\(.)", r"\1", model.blockade.dated)
    assert blockade.count("Gaza Strip") == 1 and "mid-May 2025" in blockade
    assert "mid May" not in blockade and "(“mid-May”)" not in blockade


def test_quotes_that_open_with_a_quotation_mark_get_no_second_one(shipped):
    model = page_models.overview_model(shipped)
    water = next(card for card in model.figure_cards if card.value == "95%")
    assert water.quote.startswith("“Food deliveries") and not water.quote.startswith("““")


def test_page_downloads_are_tidy_with_the_wording_beside(shipped):
    model = page_models.overview_model(shipped)
    figures = model.figures
    assert list(figures.columns[: len(schema.OBSERVATIONS.column_names)]) == list(
        schema.OBSERVATIONS.column_names
    )
    assert pd.api.types.is_float_dtype(figures["value"])
    assert pd.api.types.is_datetime64_any_dtype(figures["reported_on"])
    assert {"value_shown", "as_of_text", "unit", "source_url", "source_title"} <= set(figures)
    assert "start" in model.events and "start_text" in model.events
    timeline = page_models.timeline_model(shipped, shipped.sources)
    assert list(timeline.table.download["event_id"]) == list(shipped.events["event_id"])
    listing = page_models.sources_model(shipped, shipped).listing.download
    assert {"url", "published", "figures", "events", "language"} <= set(listing)
    assert listing["figures"].dtype.kind == "i"


def test_screen_tables_fit_a_desktop_page():
    for widths in (
        page_models.EVENT_SCREEN,
        page_models.FIGURE_SCREEN,
        page_models.LISTING_SCREEN,
        page_models.DISAGREEMENT_SCREEN,
    ):
        assert sum(widths.values()) <= 940  # the main column's width at 1400 px
    for widths in (page_models.SOURCE_EVENT_SCREEN, page_models.SOURCE_FIGURE_SCREEN):
        assert sum(widths.values()) <= 890  # inside a report's bordered box


def test_screen_tables_show_their_columns_and_downloads_keep_all(shipped):
    detail = page_models.source_detail(shipped, shipped.sources["source_id"].iloc[0])
    assert detail.figures.shown.column_names == list(page_models.SOURCE_FIGURE_SCREEN)
    assert "quote" in detail.figures.download and "notes" in detail.figures.download


def test_a_report_says_its_language_in_words(shipped):
    detail = page_models.source_detail(shipped, shipped.sources["source_id"].iloc[0])
    plain = re.sub(r"\\(.)", r"\1", detail.facts)
    assert "in English" in plain and "language:" not in plain


def test_charts_name_their_title_and_image_file(shipped):
    timeline = page_models.timeline_model(shipped, shipped.sources)
    chart = timeline.chart
    assert chart.file_name == "timeline-2025-07-25"
    assert chart.title in chart.figure.layout.title.text
    assert chart.source.line.startswith("Sources: Politico")
    assert "Reports published 24–25 July 2025" in chart.source.data_note
    assert chart.source.line in chart.aria_label
    waffle = page_models.indicator_model(
        shipped, shipped, "share_households_severe_water_shortage"
    ).waffle
    assert waffle is not None and not waffle.zoomable


def test_the_timeline_follows_the_filters_dates(shipped):
    filters = summaries.Filters(date_from=pd.Timestamp("2025-07-15").date())
    view = summaries.filter_prepared(shipped, filters)
    chart = page_models.timeline_model(view, shipped.sources, filters).chart
    assert pd.Timestamp(chart.figure.layout.xaxis.range[0]) == pd.Timestamp("2025-07-15")
