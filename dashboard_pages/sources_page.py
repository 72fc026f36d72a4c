"""Sources: every report with its metadata and counts, and what was taken from each.

A handful of reports are shown in full one after the other; past SHOWN_IN_FULL, a picker
opens one at a time, so a rerun never draws thousands of tables.
"""

from __future__ import annotations

from itertools import islice

import streamlit as st

from dashboard_pages import common, data_access, state
from indicators.views import ViewState

DETAIL_KEY = "source_detail"
DETAIL_CHOICES = 1_000  # reports offered in the picker; the sidebar's filter reaches the rest
SHOWN_IN_FULL = 5  # up to this many reports in a view, each is shown in full without a picker


def render(context: common.PageContext) -> ViewState:
    st.title("Sources")
    st.caption("Every report the figures are read from, and what was taken from each.")
    if context.view.sources.empty:
        st.info("No report in this selection. Widen the filters in the sidebar.")
        return context.state
    model = data_access.sources(context.key, context.filters)
    common.show_chart(model.chart, key="sources_chart")

    st.subheader("The reports")
    common.show_table(model.listing, key="sources_listing", what="reports")
    common.csv_download(
        "Download this list with its counts (CSV)",
        model.listing.download,
        "reports.csv",
        key="sources_listing_csv",
    )

    if len(model.labels) <= SHOWN_IN_FULL:
        st.subheader("Each report in full")
        for source_id in model.labels:
            detail = data_access.source_detail(context.key, context.filters, source_id)
            if detail is not None:
                _show_detail(detail)
        return context.state

    st.subheader("One report in full")
    choices = tuple(islice(model.labels, DETAIL_CHOICES))
    source_id = state.choose(
        "Report",
        DETAIL_KEY,
        choices,
        choices[0],
        format_func=lambda value: model.labels.get(value, value),
    )
    if len(model.labels) > DETAIL_CHOICES:
        st.caption(
            f"The first {DETAIL_CHOICES:,} of {len(model.labels):,} reports can be picked here; "
            "pick others with the sidebar's Sources filter."
        )
    detail = data_access.source_detail(context.key, context.filters, source_id)
    if detail is not None:
        _show_detail(detail)
    return context.state


def _show_detail(detail) -> None:
    with st.container(border=True):
        st.subheader(detail.heading, anchor=False)
        st.markdown(detail.title)
        st.caption(detail.facts)
        if not detail.has_url:
            st.caption("No web address could be verified for this report.")
        if detail.notes:
            st.caption("Notes")
            st.text(detail.notes)
        st.caption(detail.checksum)

        for what, table, key in (
            ("Figures", detail.figures, "figures"),
            ("Events", detail.events, "events"),
        ):
            st.markdown(f"**{what} taken from this report ({table.rows:,})**")
            if table.rows:
                common.show_table(table, key=f"source_{key}_{detail.source_id}", what=what.lower())
                common.csv_download(
                    f"Download these {what.lower()} (CSV)",
                    table.download,
                    f"{detail.source_id}-{key}.csv",
                    key=f"source_{key}_csv_{detail.source_id}",
                )
