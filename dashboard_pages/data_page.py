"""Data: the tables themselves, filtered by the view, each with its downloads."""

from __future__ import annotations

import streamlit as st

from dashboard_pages import common, data_access, state
from indicators import citations, release, schema
from indicators.views import DEFAULT_TABLE, ViewState

DATA_INDICATOR_KEY = "data_indicator_choice"
DATA_TABLE_KEY = "data_table_choice"
ALL_INDICATORS = ""


def render(context: common.PageContext) -> ViewState:
    st.title("Data")
    st.caption(
        "The tables as loaded, after the sidebar's filters. Each can be downloaded as shown or "
        "whole; the zip holds everything with its metadata and how to cite it."
    )
    common.bundle_download(context.load.tables, context.today, key="bundle_zip")
    this = data_access.data_release(context.key)
    st.caption(f"Version {this.version}, newest report {this.newest_report_text}.")
    with st.expander("How to cite"):
        st.code(release.citation(this), language=None, wrap_lines=True)
        st.caption(citations.escape_markdown(release.CITATION_NOTE))

    names = data_access.indicator_names(context.key)
    choices = (ALL_INDICATORS, *context.prepared.indicator_ids)
    indicator = state.choose(
        "Indicator",
        DATA_INDICATOR_KEY,
        choices,
        context.state.indicator or ALL_INDICATORS,
        format_func=lambda value: names.get(value, value) if value else "All indicators",
        help="Narrows the observations and indicators tables.",
    )
    chosen = context.state.with_changes(indicator=indicator) if indicator else context.state

    views = data_access.table_views(context.key, context.filters, indicator or None)
    # One table at a time: only the open tab is drawn, so a rerun sends one grid, not four.
    titles = {name: schema.TABLES[name].title for name in views}
    for name, tab in state.choose_tab(titles, DATA_TABLE_KEY, context.state.table or DEFAULT_TABLE):
        if not tab.open:
            continue
        chosen = chosen.with_changes(table=None if name == DEFAULT_TABLE else name)
        table = views[name]
        spec = schema.TABLES[name]
        full = context.load.tables[name]
        with tab:
            st.caption(
                f"{table.rows:,} rows in this view, of {len(full):,}. {spec.description} "
                f"File: {spec.file_name}; the line column is the line in that file."
            )
            common.show_table(table, key=f"data_{name}", what="rows")
            first, second, third = st.columns(3)
            with first:
                common.csv_download(
                    f"This view ({table.rows:,} rows, CSV)",
                    table.frame,
                    f"{name}-view.csv",
                    key=f"data_{name}_view_csv",
                )
            with second:
                common.csv_download(
                    f"Whole table ({len(full):,} rows, CSV)",
                    full,
                    spec.file_name,
                    key=f"data_{name}_full_csv",
                )
            with third:
                common.hxl_download(
                    "Whole table, HXL-tagged (CSV)",
                    full,
                    name,
                    f"{name}-hxl.csv",
                    key=f"data_{name}_hxl_csv",
                )
    return chosen
