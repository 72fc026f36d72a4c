"""Overview: the headline figures as cards, each with its date and citation."""

from __future__ import annotations

from functools import partial

import streamlit as st

from dashboard_pages import common, data_access
from indicators.views import ViewState

BLOCKADE_HELP = (
    "Approximate: the report dates its start and end only to part of a month, so the length "
    "is given as the shortest and longest span those windows allow."
)
CARDS_PER_ROW = 2


def render(context: common.PageContext) -> ViewState:
    st.title("Overview")
    st.caption(
        "The latest figure for each headline indicator, as the reports state it. Each card "
        "says when the figure holds, who published it and who it is attributed to; the exact "
        "sentence is one click away."
    )
    model = data_access.overview(context.key, context.filters)
    if model.empty:
        st.info("No headline figure in this selection. Widen the filters in the sidebar.")

    cards = [partial(_figure_card, card, context) for card in model.figure_cards]
    if model.blockade is not None:
        cards.append(partial(common.show_card, model.blockade, help=BLOCKADE_HELP))
    if model.talks is not None:
        cards.append(partial(_talks_card, model.talks))
    # A row of columns per pair of cards: on a phone the columns stack, and the cards then
    # come in the same order as on a wide screen (left to right, top to bottom).
    for first in range(0, len(cards), CARDS_PER_ROW):
        row = cards[first : first + CARDS_PER_ROW]
        for column, draw in zip(st.columns(CARDS_PER_ROW), row, strict=False):
            with column:
                draw()

    st.divider()
    left, right = st.columns(2)
    with left:
        common.csv_download(
            "Download these figures (CSV)",
            model.figures,
            "overview-figures.csv",
            key="overview_figures_csv",
        )
    with right:
        common.csv_download(
            "Download these events (CSV)",
            model.events,
            "overview-events.csv",
            key="overview_events_csv",
        )
    return context.state


def _figure_card(card, context: common.PageContext) -> None:
    common.show_card(card)
    if card.disputed:
        st.warning(
            "Other reports give a different figure for the same period.",
            icon=":material/compare_arrows:",
        )
        st.page_link(context.pages["indicators"], label="Compare them on the Indicators page")


def _talks_card(talks) -> None:
    latest = talks.latest
    with st.container(border=True):
        # Not a metric: an event's label is a sentence and must wrap, not be cut short.
        st.caption(latest.label)
        st.subheader(latest.value, anchor=False)
        st.caption(f"{latest.dated}  \n{latest.citation}")
        common.show_quote(latest.quote, latest.note)
        if talks.earlier:
            st.caption(talks.earlier_markdown)  # the earlier events, in smaller type
