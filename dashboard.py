"""Humanitarian indicators, cited: `streamlit run dashboard.py`.

This file only arranges the page: it finds the data, reads the view from the URL, draws the
sidebar filters and hands over to the page. The data work lives in `indicators/`, wrapped
in caches by `dashboard_pages/data_access.py`.

INDICATORS_DATA_DIR names another folder of tables to show (default: ./data);
INDICATORS_REPORTS_DIR, when set, is a folder of report texts to check every quote against.
"""

from __future__ import annotations

import os
from datetime import date
from functools import partial
from pathlib import Path

import streamlit as st

from dashboard_pages import (
    common,
    data_access,
    data_page,
    indicators_page,
    overview,
    sources_page,
    state,
    timeline,
)
from indicators.views import DEFAULT_PAGE

APP_DIR = Path(__file__).parent
DATA_DIR = Path(os.environ.get("INDICATORS_DATA_DIR") or APP_DIR / "data")
REPORTS_DIR = (
    Path(os.environ["INDICATORS_REPORTS_DIR"]) if os.environ.get("INDICATORS_REPORTS_DIR") else None
)

# Page key (also the URL path and the `page` query parameter), title, icon, renderer.
PAGES = (
    ("overview", "Overview", ":material/dashboard:", overview.render),
    ("timeline", "Timeline", ":material/timeline:", timeline.render),
    ("indicators", "Indicators", ":material/monitoring:", indicators_page.render),
    ("sources", "Sources", ":material/description:", sources_page.render),
    ("data", "Data", ":material/table:", data_page.render),
)

st.set_page_config(
    page_title="Humanitarian indicators, cited", page_icon=":material/fact_check:", layout="wide"
)

key = data_access.data_key(DATA_DIR, REPORTS_DIR)
load = data_access.loaded(key)
prepared = data_access.prepared(key)
options = state.view_options(prepared)
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
pages = {
    page_key: st.Page(
        partial(render, context),
        title=title,
        icon=icon,
        url_path=page_key,
        default=page_key == DEFAULT_PAGE,
    )
    for page_key, title, icon, render in PAGES
}
context.pages = pages
current = st.navigation(list(pages.values()), position="top")
current_key = next(page_key for page_key, page in pages.items() if page is current)
state.follow_requested_page(view_state, current_key, pages)

labels = data_access.source_labels(key)
context.state = state.sidebar_filters(view_state, prepared, options, labels).with_changes(
    page=current_key
)
context.filters = state.filters_of(context.state)
context.view = data_access.filtered(key, context.filters)
share_slot = st.sidebar.empty()

state.show_notices()
common.show_problems(load.problems)

current.run()

state.sync_url(context.state)
state.show_share_link(context.state, share_slot)
