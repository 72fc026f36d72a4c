"""Indicators: one indicator's figures over time and by source, disagreements side by side."""

from __future__ import annotations

import streamlit as st

from dashboard_pages import common, data_access, state
from indicators.views import ViewState

INDICATOR_KEY = "indicator_choice"


def render(context: common.PageContext) -> ViewState:
    st.title("Indicators")
    indicator_ids = context.prepared.indicator_ids
    if not indicator_ids:
        st.info("The indicators table is empty.")
        return context.state
    names = data_access.indicator_names(context.key)
    indicator_id = state.choose(
        "Indicator",
        INDICATOR_KEY,
        indicator_ids,
        context.state.indicator or indicator_ids[0],
        format_func=lambda value: names.get(value, value),
    )
    chosen = context.state.with_changes(indicator=indicator_id)
    model = data_access.indicator(context.key, context.filters, indicator_id)
    st.caption(model.description)
    if not model.has_figures:
        st.info("No figure for this indicator in this selection. Widen the filters in the sidebar.")
        return chosen

    # Each chart carries its own title (so does an image saved from it).
    if model.waffle is not None:
        common.show_chart(model.waffle, key="waffle_chart")

    if model.values is not None:
        common.show_chart(model.values, key="values_chart")
        if model.drawn_note:
            st.caption(model.drawn_note)
        st.subheader("Latest figure from each source")
        st.markdown(model.latest_markdown)
        if model.latest_note:
            st.caption(model.latest_note)
    else:
        st.subheader("In the reports' words")
        st.caption(
            "This indicator is stated in words, not numbers; each statement is shown with its source."
        )
        st.markdown(model.statements_markdown)

    if model.disagreements:
        _show_disagreements(model)

    st.subheader("Every figure")
    common.show_table(model.table, key="indicator_table", what="figures")
    common.csv_download(
        "Download this table (CSV)",
        model.table.download,
        f"{indicator_id}-figures.csv",
        key="indicator_csv",
    )
    return chosen


def _show_disagreements(model) -> None:
    groups = model.disagreement_groups
    st.subheader("Sources that disagree")
    st.warning(
        f"For {groups} place and period{'s' if groups > 1 else ''}, reports give different figures. "
        "They are shown side by side, never averaged.",
        icon=":material/compare_arrows:",
    )
    for disagreement in model.disagreements:
        # One table per place and period: each report's figure in a row of its own.
        st.markdown(f"**{disagreement.heading}**\n\n{disagreement.table}")
    if groups > len(model.disagreements):
        st.caption(
            f"Showing {len(model.disagreements)} of {groups:,} side by side; this table holds "
            "every disagreeing figure, numbered by place and period."
        )
        common.show_table(model.disagreement_table, key="disagreement_table", what="figures")
        common.csv_download(
            "Download the disagreeing figures (CSV)",
            model.disagreement_table.download,
            f"{model.indicator_id}-disagreements.csv",
            key="disagreement_csv",
        )
