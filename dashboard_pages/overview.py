"""Overview: the headline figures as cards, each with its date and citation."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard_pages import common, data_access
from indicators import citations, summaries


def render(context: common.PageContext) -> None:
    st.title("Overview")
    st.caption(
        "The latest figure for each headline indicator, as the reports state it. Each card "
        "says when the figure holds, who published it and who it is attributed to; the exact "
        "sentence is one click away."
    )
    summary = data_access.overview(context.key, context.filters)
    headlines = summary["headlines"]
    blockade: summaries.BlockadeLength | None = summary["blockade"]
    talks = summary["talks"]

    cards = [("figure", row) for _, row in headlines.iterrows()]
    if blockade is not None:
        cards.append(("blockade", blockade))
    if not talks.empty:
        cards.append(("talks", talks))
    if not cards:
        st.info("No headline figure in this selection. Widen the filters in the sidebar.")

    columns = st.columns(2)
    for position, (kind, item) in enumerate(cards):
        with columns[position % 2]:
            if kind == "figure":
                common.figure_card(item)
                if item["disputed"]:
                    st.warning(
                        "Other reports give a different figure for the same period.",
                        icon=":material/compare_arrows:",
                    )
                    st.page_link(
                        context.pages["indicators"], label="Compare them on the Indicators page"
                    )
            elif kind == "blockade":
                _blockade_card(item)
            else:
                _talks_card(item)

    st.divider()
    figure_rows = summaries.figure_table(headlines)
    event_rows = summaries.event_table(_overview_events(blockade, talks))
    left, right = st.columns(2)
    with left:
        common.csv_download(
            "Download these figures (CSV)",
            figure_rows,
            "overview-figures.csv",
            key="overview_figures_csv",
        )
    with right:
        common.csv_download(
            "Download these events (CSV)",
            event_rows,
            "overview-events.csv",
            key="overview_events_csv",
        )


def _overview_events(
    blockade: summaries.BlockadeLength | None, talks: pd.DataFrame
) -> pd.DataFrame:
    frames = [blockade.event.to_frame().T] if blockade is not None else []
    frames.append(talks)
    return pd.concat(frames) if frames else talks


def _blockade_card(blockade: summaries.BlockadeLength) -> None:
    event = blockade.event
    with st.container(border=True):
        st.metric(
            label="Length of the total aid blockade",
            value=citations.escape_markdown(blockade.text),
            help="Approximate: the report dates its start and end only to part of a month, so "
            "the length is given as the shortest and longest span those windows allow.",
        )
        until = event["end_text"] or "not stated"
        st.caption(
            citations.escape_markdown(
                f"{event['label']} · {event['location']} · from {event['start_text']} until "
                f"{until} · approximate"
            )
        )
        common.show_citation(event)
        common.show_quote(event["quote"])


def _talks_card(talks: pd.DataFrame) -> None:
    latest = talks.iloc[0]
    with st.container(border=True):
        # Not a metric: an event's label is a sentence and must wrap, not be cut short.
        st.caption("State of the talks (latest event)")
        st.subheader(citations.escape_markdown(latest["label"]), anchor=False)
        st.caption(citations.escape_markdown(f"{latest['location']} · {latest['start_text']}"))
        common.show_citation(latest)
        common.show_quote(latest["quote"])
        earlier = talks.iloc[1:]
        if not earlier.empty:
            st.markdown("**Before that**")
            for _, row in earlier.iterrows():
                st.markdown(common.event_line(row))
                common.show_citation(row)
