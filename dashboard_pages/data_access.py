"""Cached access to the tables and everything derived from them.

The loaded tables, their prepared form, each filtered view and each figure are built once
and shared by every rerun and every session: `st.cache_resource` hands back the same
objects without copying them, which matters at a million rows. Treat them as read-only.
A data key names the folder and the size and modification time of each table file, so an
edited table is loaded afresh.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from indicators import charts, citations, schema, summaries
from indicators.loading import LoadResult, load_tables

FILTERED_VIEWS_KEPT = 32  # distinct filter combinations kept per data key


@dataclass(frozen=True)
class DataKey:
    data_dir: str
    reports_dir: str | None
    files: tuple[tuple[str, int, int], ...]  # (file name, size, modification time in ns)


def data_key(data_dir: Path, reports_dir: Path | None) -> DataKey:
    """Which data a rerun shows: four `stat` calls, so an edited table is noticed."""
    files = []
    for table in schema.TABLES.values():
        path = data_dir / table.file_name
        try:
            status = path.stat()
            files.append((table.file_name, status.st_size, status.st_mtime_ns))
        except OSError:
            files.append((table.file_name, -1, -1))
    return DataKey(str(data_dir), str(reports_dir) if reports_dir else None, tuple(files))


@st.cache_resource(show_spinner="Loading the tables…", max_entries=2)
def loaded(key: DataKey) -> LoadResult:
    return load_tables(key.data_dir, key.reports_dir)


@st.cache_resource(show_spinner=False, max_entries=2)
def prepared(key: DataKey) -> summaries.Prepared:
    return summaries.prepare(loaded(key).tables)


@st.cache_resource(show_spinner=False, max_entries=2)
def source_labels(key: DataKey) -> dict[str, str]:
    """'Publisher, 24 July 2025' for every source, as the sidebar's source filter shows it."""
    sources = prepared(key).sources
    return {
        source_id: f"{publisher}, {citations.format_day(published)}"
        for source_id, publisher, published in zip(
            sources["source_id"], sources["publisher"], sources["published"], strict=True
        )
    }


@st.cache_resource(show_spinner=False, max_entries=FILTERED_VIEWS_KEPT)
def filtered(key: DataKey, filters: summaries.Filters) -> summaries.Prepared:
    return summaries.filter_prepared(prepared(key), filters)


@st.cache_resource(show_spinner=False, max_entries=FILTERED_VIEWS_KEPT)
def timeline_chart(key: DataKey, filters: summaries.Filters) -> tuple[go.Figure, str]:
    events = filtered(key, filters).events
    return charts.timeline_figure(events), charts.timeline_alt(events)


@st.cache_resource(show_spinner=False, max_entries=FILTERED_VIEWS_KEPT)
def indicator_figures(key: DataKey, filters: summaries.Filters, indicator_id: str) -> pd.DataFrame:
    observations = filtered(key, filters).observations
    return observations[observations["indicator_id"] == indicator_id]


@st.cache_resource(show_spinner=False, max_entries=FILTERED_VIEWS_KEPT)
def indicator_charts(
    key: DataKey, filters: summaries.Filters, indicator_id: str, chart_points: int
) -> dict[str, object]:
    """The indicator page's figures, alt texts and the rows they draw."""
    figures = indicator_figures(key, filters, indicator_id)
    catalogue = prepared(key).indicators.set_index("indicator_id")
    name = (
        str(catalogue.at[indicator_id, "name"]) if indicator_id in catalogue.index else indicator_id
    )
    unit = str(catalogue.at[indicator_id, "unit"]) if indicator_id in catalogue.index else ""
    drawn = (
        summaries.numeric_figures(figures)
        .sort_values("as_of_last", kind="stable")
        .tail(chart_points)
    )
    colours = charts.source_colours(prepared(key).source_ids)
    result: dict[str, object] = {
        "drawn": drawn,
        "values_figure": charts.values_figure(drawn, unit, colours=colours),
        "values_alt": charts.values_alt(drawn, name),
        "disagreements": summaries.disagreements(figures),
    }
    if unit == schema.PERCENT_UNIT:
        latest_per_source = summaries.latest_per_source(drawn)
        result["waffle_rows"] = latest_per_source
        result["waffle_figure"] = charts.waffle_figure(latest_per_source, colours=colours)
        result["waffle_alt"] = charts.waffle_alt(latest_per_source)
    return result


@st.cache_resource(show_spinner=False, max_entries=FILTERED_VIEWS_KEPT)
def sources_chart(key: DataKey, filters: summaries.Filters) -> tuple[pd.DataFrame, go.Figure, str]:
    counts = summaries.figures_per_source(filtered(key, filters))
    return counts, charts.figures_per_source_figure(counts), charts.figures_per_source_alt(counts)


@st.cache_resource(show_spinner=False, max_entries=FILTERED_VIEWS_KEPT)
def overview(key: DataKey, filters: summaries.Filters) -> dict[str, object]:
    view = filtered(key, filters)
    return {
        "headlines": summaries.headline_figures(view),
        "blockade": summaries.blockade_length(view.events),
        "talks": summaries.talks_events(view.events),
    }


@st.cache_resource(show_spinner=False, max_entries=FILTERED_VIEWS_KEPT)
def table_views(
    key: DataKey, filters: summaries.Filters, indicator_id: str | None
) -> dict[str, pd.DataFrame]:
    """Each table's rows in a view, with the columns it was loaded with (the Data page)."""
    view = filtered(key, filters)
    tables = loaded(key).tables
    frames = {
        "sources": view.sources,
        "indicators": view.indicators,
        "observations": view.observations,
        "events": view.events,
    }
    if indicator_id:
        frames["indicators"] = frames["indicators"][
            frames["indicators"]["indicator_id"] == indicator_id
        ]
        frames["observations"] = frames["observations"][
            frames["observations"]["indicator_id"] == indicator_id
        ]
    return {name: frame[list(tables[name].columns)] for name, frame in frames.items()}


@st.cache_resource(show_spinner=False, max_entries=FILTERED_VIEWS_KEPT)
def timeline_tables(key: DataKey, filters: summaries.Filters) -> dict[str, pd.DataFrame]:
    """The timeline page's rows: placed on the chart, not placed, and the table of all."""
    events = filtered(key, filters).events
    return {
        "placed": events[events["shape"] != "unplaced"],
        "unplaced": events[events["shape"] == "unplaced"],
        "table": summaries.event_table(events),
    }


@st.cache_resource(show_spinner=False, max_entries=FILTERED_VIEWS_KEPT)
def indicator_tables(
    key: DataKey, filters: summaries.Filters, indicator_id: str, chart_points: int
) -> dict[str, object]:
    """The indicator page's table, its latest figures per source and how many have numbers."""
    figures = indicator_figures(key, filters, indicator_id)
    drawn = indicator_charts(key, filters, indicator_id, chart_points)["drawn"]
    return {
        "table": summaries.figure_table(figures),
        "numeric_count": len(summaries.numeric_figures(figures)),
        "latest": summaries.latest_per_source(drawn).iloc[::-1],
        "statements": figures.head(20),
    }


@st.cache_resource(show_spinner=False, max_entries=FILTERED_VIEWS_KEPT)
def source_tables(
    key: DataKey, filters: summaries.Filters, limit: int
) -> dict[str, tuple[pd.DataFrame, pd.DataFrame]]:
    """For each of the first `limit` sources: the figures and the events taken from it."""
    view = filtered(key, filters)
    shown = list(view.sources["source_id"].head(limit))
    observations = view.observations[view.observations["source_id"].isin(shown)]
    events = view.events[view.events["source_id"].isin(shown)]
    figures_by_source = dict(tuple(observations.groupby("source_id", sort=False)))
    events_by_source = dict(tuple(events.groupby("source_id", sort=False)))
    return {
        source_id: (
            summaries.figure_table(figures_by_source.get(source_id, observations.iloc[0:0])),
            summaries.event_table(events_by_source.get(source_id, events.iloc[0:0])),
        )
        for source_id in shown
    }
