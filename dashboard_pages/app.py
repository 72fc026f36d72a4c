"""The page arrangement: find the data, read the view from the URL, draw the sidebar
filters, hand over to the page. `dashboard.py` calls `main` on every rerun; keeping the
arrangement here, in an imported module, means it is compiled once per process."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from functools import partial
from pathlib import Path

import streamlit as st

from dashboard_pages import (
    add_page,
    common,
    data_access,
    data_page,
    indicators_page,
    overview,
    sources_page,
    state,
    timeline,
)
from indicators.views import ADD_PAGE, DEFAULT_PAGE, ViewState

# The page icon is a file served by the app itself: a Material or emoji icon would make
# every reader's browser fetch the image from a third-party host.
PAGE_ICON = Path(__file__).with_name("icon.png")

# Page key (also the URL path and the `page` query parameter), title, icon, renderer.
# A renderer takes the PageContext and returns the view state after its own choices (an
# indicator picked, a tab opened), which becomes the URL and the share link.
PAGES = (
    ("overview", "Overview", ":material/dashboard:", overview.render),
    ("timeline", "Timeline", ":material/timeline:", timeline.render),
    ("indicators", "Indicators", ":material/monitoring:", indicators_page.render),
    ("sources", "Sources", ":material/description:", sources_page.render),
    ("data", "Data", ":material/table:", data_page.render),
)
# Only where editing is allowed (`add_page.access`): elsewhere the page does not exist.
EDIT_PAGES = ((ADD_PAGE, "Add a report", ":material/note_add:", add_page.render),)


def main(app_dir: Path) -> None:
    """One run of the dashboard; `app_dir` holds the default `data/` folder."""
    data_dir = Path(os.environ.get("INDICATORS_DATA_DIR") or app_dir / "data")
    reports_dir = (
        Path(os.environ["INDICATORS_REPORTS_DIR"])
        if os.environ.get("INDICATORS_REPORTS_DIR")
        else None
    )
    st.set_page_config(
        page_title="Humanitarian indicators, cited",
        page_icon=str(PAGE_ICON),
        layout="wide",
    )

    key = data_access.data_key(data_dir, reports_dir)
    load = data_access.loaded(key)
    prepared = data_access.prepared(key)
    options = data_access.view_options(key)
    editable = add_page.access()
    if editable.allowed:
        options = replace(options, pages=options.pages + (ADD_PAGE,))
    elif editable.offer_sign_in:
        add_page.offer_sign_in()
    view_state = state.state_from_url(options)

    context = common.PageContext(
        key=key,
        load=load,
        prepared=prepared,
        options=options,
        state=view_state,
        filters=state.filters_of(view_state),
        view=prepared,
        today=date.today(),
    )
    outcome: dict[str, ViewState] = {}
    pages = {
        page_key: st.Page(
            partial(_run_page, render, context, outcome),
            title=title,
            icon=icon,
            url_path=page_key,
            default=page_key == DEFAULT_PAGE,
        )
        for page_key, title, icon, render in PAGES + (EDIT_PAGES if editable.allowed else ())
    }
    context.pages = pages
    current = st.navigation(list(pages.values()), position="top")
    current_key = next(page_key for page_key, page in pages.items() if page is current)
    state.follow_requested_page(view_state, current_key, pages)

    labels = data_access.source_labels(key)
    context.state = state.sidebar_filters(
        view_state,
        prepared,
        options,
        labels,
        partial(data_access.find_sources, key),
        location_codes=data_access.location_codes(key),
    ).with_changes(page=current_key)
    context.filters = state.filters_of(context.state)
    context.view = data_access.filtered(key, context.filters)
    share_slot = st.sidebar.empty()

    state.show_notices()
    common.show_problems(load.problems)

    try:
        current.run()
    finally:
        # The session keeps its pages, and so this context, until it expires: it must not
        # keep its filtered view too, which the views cache bounds and may have dropped.
        context.view = prepared
    final_state = outcome.get("state") or context.state

    state.sync_url(final_state)
    state.show_share_link(final_state, share_slot)


def _run_page(
    render: Callable[[common.PageContext], ViewState | None],
    context: common.PageContext,
    outcome: dict[str, ViewState],
) -> None:
    """Run a page and keep the state it hands back, for the URL and the share link."""
    outcome["state"] = render(context) or context.state
