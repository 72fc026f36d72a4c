"""Sources: every report with its metadata and the figures and events taken from it."""

from __future__ import annotations

import streamlit as st

from dashboard_pages import common, data_access
from indicators import citations

SOURCES_DETAILED = 20  # reports shown in full; the chart and the Data page cover the rest


def render(context: common.PageContext) -> None:
    st.title("Sources")
    st.caption("Every report the figures are read from, and what was taken from each.")
    sources = context.view.sources
    if sources.empty:
        st.info("No report in this selection. Widen the filters in the sidebar.")
        return
    counts, figure, alt = data_access.sources_chart(context.key, context.filters)
    common.show_chart(
        figure, alt, common.source_caption(counts, context.prepared.sources), key="sources_chart"
    )
    common.csv_download(
        "Download these counts (CSV)", counts, "rows-per-source.csv", key="sources_counts_csv"
    )

    tables = data_access.source_tables(context.key, context.filters, SOURCES_DETAILED)
    for _, source in sources.head(SOURCES_DETAILED).iterrows():
        source_id = source["source_id"]
        st.divider()
        st.subheader(citations.escape_markdown(source["publisher"]))
        st.markdown(f"*{citations.markdown_link(source['title'], source['url'])}*")
        facts = [
            f"published {citations.format_day(source['published'])}",
            f"{source['kind']}",
            f"language: {source['language']}",
        ]
        st.caption(citations.escape_markdown(" · ".join(facts)))
        if not citations.safe_link_url(source["url"]):
            st.caption("No web address could be verified for this report.")
        if source["notes"]:
            st.caption("Notes")
            st.text(source["notes"])
        st.caption(
            citations.escape_markdown(
                f"SHA-256 of the text the quotes were checked against: {source['text_sha256']}"
            )
        )

        own_figures, own_events = tables[source_id]
        st.markdown(f"**Figures taken from this report ({len(own_figures):,})**")
        if not own_figures.empty:
            common.show_table(own_figures, key=f"source_figures_{source_id}", what="figures")
            common.csv_download(
                "Download these figures (CSV)",
                own_figures,
                f"{source_id}-figures.csv",
                key=f"source_figures_csv_{source_id}",
            )
        st.markdown(f"**Events taken from this report ({len(own_events):,})**")
        if not own_events.empty:
            common.show_table(own_events, key=f"source_events_{source_id}", what="events")
            common.csv_download(
                "Download these events (CSV)",
                own_events,
                f"{source_id}-events.csv",
                key=f"source_events_csv_{source_id}",
            )
    if len(sources) > SOURCES_DETAILED:
        st.caption(
            f"The first {SOURCES_DETAILED} of {len(sources):,} reports are shown in full; pick sources "
            "in the sidebar, or see them all on the Data page."
        )
