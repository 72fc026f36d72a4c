"""Timeline: the events on one chart, fuzzy dates drawn fuzzy, undated events listed."""

from __future__ import annotations

import streamlit as st

from dashboard_pages import common, data_access
from indicators import citations

UNPLACED_CARDS = 20  # cards for undated events; each is several elements, so keep reruns quick


def render(context: common.PageContext) -> None:
    st.title("Timeline")
    st.caption(
        "War, ceasefire, blockade and talks as the reports date them. Where a report gives only "
        "part of a month (“early March”) the bar is pale and hatched over the days it could be; "
        "a ▸ marks an event still going on when its report was published. Hover for the "
        "report's words, the quote and the source; drag across the chart to zoom in, "
        "double-click to zoom out."
    )
    figure, alt = data_access.timeline_chart(context.key, context.filters)
    rows = data_access.timeline_tables(context.key, context.filters)
    placed, unplaced, table = rows["placed"], rows["unplaced"], rows["table"]
    common.show_chart(
        figure, alt, common.source_caption(placed, context.prepared.sources), key="timeline_chart"
    )

    if not unplaced.empty:
        st.subheader("Not placed on the timeline: dates not stated")
        for _, row in unplaced.head(UNPLACED_CARDS).iterrows():
            with st.container(border=True):
                st.markdown(common.event_line(row))
                common.show_citation(row)
                common.show_quote(row["quote"])
        if len(unplaced) > UNPLACED_CARDS:
            st.caption(
                f"Showing {UNPLACED_CARDS} of {len(unplaced):,} events without a stated date; "
                "the table below lists them all."
            )

    st.subheader("The events as a table")
    common.show_table(table, key="timeline_table", what="events")
    common.csv_download(
        "Download the events on this timeline (CSV)",
        table,
        "timeline-events.csv",
        key="timeline_csv",
    )
    if table.empty:
        st.info(
            citations.escape_markdown(
                "No event in this selection. Widen the filters in the sidebar."
            )
        )
