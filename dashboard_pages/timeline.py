"""Timeline: the events on one chart, fuzzy dates drawn fuzzy, undated events listed."""

from __future__ import annotations

import streamlit as st

from dashboard_pages import common, data_access
from indicators.views import ViewState


def render(context: common.PageContext) -> ViewState:
    st.title("Timeline")
    st.caption(
        "War, ceasefire, blockade and talks as the reports date them. Where a report gives only "
        "part of a month (“early March”) the bar is pale and hatched over the days it could be; "
        "a ▸ marks an event still going on when its report was published. When many events "
        "fall in the latest weeks, a second panel shows those weeks day by day. Hover (or tap) "
        "for the report's words, the quote and the source."
    )
    model = data_access.timeline(context.key, context.filters)
    common.show_chart(model.chart, key="timeline_chart")

    if model.unplaced:
        st.subheader("Not placed on the timeline: dates not stated")
        # One list, not a card each: the same words in one element, quick to send.
        st.markdown(model.unplaced_markdown)
        if model.unplaced_note:
            st.caption(model.unplaced_note)

    st.subheader("The events as a table")
    common.show_table(model.table, key="timeline_table", what="events")
    common.csv_download(
        "Download the events on this timeline (CSV)",
        model.table.download,
        "timeline-events.csv",
        key="timeline_csv",
    )
    if model.table.frame.empty:
        st.info("No event in this selection. Widen the filters in the sidebar.")
    return context.state
