"""Indicators: one indicator's figures over time and by source, disagreements side by side."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard_pages import common, data_access, state
from indicators import citations
from indicators.schema import PERCENT_UNIT

INDICATOR_KEY = "indicator_choice"
# Cards are several elements each: a handful keeps reruns quick, the table holds the rest.
LATEST_CARDS = 12
DISAGREEMENTS_SHOWN = 10


def render(context: common.PageContext) -> None:
    st.title("Indicators")
    catalogue = context.prepared.indicators.set_index("indicator_id")
    indicator_ids = context.prepared.indicator_ids
    if not indicator_ids:
        st.info("The indicators table is empty.")
        return
    indicator_id = state.choose(
        "Indicator",
        INDICATOR_KEY,
        indicator_ids,
        context.state.indicator or indicator_ids[0],
        format_func=lambda value: str(catalogue.at[value, "name"]),
    )
    context.state = context.state.with_changes(indicator=indicator_id)
    unit = str(catalogue.at[indicator_id, "unit"])
    st.caption(
        citations.escape_markdown(f"{catalogue.at[indicator_id, 'definition']} Unit: {unit}.")
    )

    figures = data_access.indicator_figures(context.key, context.filters, indicator_id)
    if figures.empty:
        st.info("No figure for this indicator in this selection. Widen the filters in the sidebar.")
        return
    tables = data_access.indicator_tables(
        context.key, context.filters, indicator_id, common.CHART_POINTS
    )
    charts = data_access.indicator_charts(
        context.key, context.filters, indicator_id, common.CHART_POINTS
    )
    drawn: pd.DataFrame = charts["drawn"]
    sources = context.prepared.sources

    if unit == PERCENT_UNIT and not charts["waffle_rows"].empty:
        st.subheader("Out of every 100")
        common.show_chart(
            charts["waffle_figure"],
            charts["waffle_alt"],
            common.source_caption(charts["waffle_rows"], sources),
            key="waffle_chart",
        )

    if not drawn.empty:
        st.subheader("Over time, by source")
        common.show_chart(
            charts["values_figure"],
            charts["values_alt"],
            common.source_caption(drawn, sources),
            key="values_chart",
        )
        if len(drawn) < tables["numeric_count"]:
            st.caption(
                f"The chart draws the latest {len(drawn):,} figures; the table below holds all of them."
            )
        st.subheader("Latest figure from each source")
        latest = tables["latest"]
        columns = st.columns(2)
        for position, (_, row) in enumerate(latest.head(LATEST_CARDS).iterrows()):
            with columns[position % 2]:
                common.figure_card(row, label=f"{row['source_publisher']}, {row['location']}")
        if len(latest) > LATEST_CARDS:
            st.caption(
                f"Showing {LATEST_CARDS} of {len(latest):,} sources; the table below holds "
                "every figure."
            )
    else:
        st.subheader("In the reports' words")
        st.caption(
            "This indicator is stated in words, not numbers; each statement is shown with its source."
        )
        for _, row in tables["statements"].head(LATEST_CARDS).iterrows():
            common.figure_card(row)

    disagreements: pd.DataFrame = charts["disagreements"]
    if not disagreements.empty:
        _show_disagreements(disagreements)

    st.subheader("Every figure")
    table = tables["table"]
    common.show_table(table, key="indicator_table", what="figures")
    common.csv_download(
        "Download this table (CSV)", table, f"{indicator_id}-figures.csv", key="indicator_csv"
    )


def _show_disagreements(disagreements: pd.DataFrame) -> None:
    groups = disagreements["group"].nunique()
    st.subheader("Sources that disagree")
    st.warning(
        f"For {groups} place and period{'s' if groups > 1 else ''}, reports give different figures. "
        "They are shown side by side, never averaged.",
        icon=":material/compare_arrows:",
    )
    shown_groups = sorted(disagreements["group"].unique())[:DISAGREEMENTS_SHOWN]
    shown = disagreements[disagreements["group"].isin(shown_groups)]
    if groups > DISAGREEMENTS_SHOWN:
        st.caption(f"Showing {DISAGREEMENTS_SHOWN} of {groups:,}; the table below holds them all.")
    for _, group in shown.groupby("group", sort=True):
        first = group.iloc[0]
        st.markdown(citations.escape_markdown(f"{first['location']}, {first['as_of_text']}"))
        columns = st.columns(min(len(group), 3))
        for position, (_, row) in enumerate(group.head(6).iterrows()):
            with columns[position % len(columns)]:
                common.figure_card(row, label=f"{row['source_publisher']} says")
