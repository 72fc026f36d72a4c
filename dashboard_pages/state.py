"""The view state between the URL, the widgets and the share link.

On a session's first run the widgets start from the URL's query parameters; from then on
the widgets lead and the URL follows them, so the address bar always holds a link that
reproduces the view.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import streamlit as st

from indicators import citations, views
from indicators.summaries import Filters, Prepared
from indicators.views import ViewOptions, ViewState

LOCATION_KEY = "filter_location"
DATES_KEY = "filter_dates"
SOURCES_KEY = "filter_sources"
SOURCE_SEARCH_KEY = "filter_sources_search"
SOURCE_CHOICES = 200  # sources the filter lists at once; past this, a search box narrows them
NOTICES_KEY = "view_notices"
STARTED_KEY = "view_started"
ALL = ""  # the widgets' choice for 'no filter'


def state_from_url(options: ViewOptions) -> ViewState:
    """The state the URL asks for; its notices are kept for the session to show."""
    state, notices = views.parse_view(st.query_params.to_dict(), options)
    if notices:
        st.session_state[NOTICES_KEY] = notices
    return state


def follow_requested_page(
    requested: ViewState, current_key: str, pages: dict[str, st.Page]
) -> None:
    """Open the page a link's `page` parameter names, on the session's first run only.

    A link to the app's root lands on the default page; after the first run the navigation
    leads, so a stale parameter never pulls the reader back.
    """
    first_run = not st.session_state.get(STARTED_KEY)
    st.session_state[STARTED_KEY] = True
    if first_run and requested.page != current_key and current_key == views.DEFAULT_PAGE:
        st.switch_page(pages[requested.page], query_params=st.query_params.to_dict())


def show_notices() -> None:
    notices = st.session_state.get(NOTICES_KEY)
    if notices:
        st.info(
            "This link could not be followed entirely:\n\n"
            + "\n".join(f"- {citations.escape_markdown(notice)}" for notice in notices),
            icon=":material/link_off:",
        )


def _start(key: str, value: object, valid: bool = True) -> None:
    """Give a widget its first value (from the URL), or reset one the data no longer allows."""
    if key not in st.session_state or not valid:
        st.session_state[key] = value


def sidebar_filters(
    state: ViewState,
    prepared: Prepared,
    options: ViewOptions,
    source_labels: dict[str, str],
    find_sources: Callable[[str, int], tuple[str, ...]] | None = None,
    location_codes: dict[str, str] | None = None,
) -> ViewState:
    """Location, dates and sources in the sidebar; returns the state they select.

    `source_labels` comes from a cached loader: with thousands of sources, formatting them
    on every rerun would cost more than drawing the sidebar. Past SOURCE_CHOICES sources,
    `find_sources(query, limit)` gives the ones a search box offers. `location_codes` gives
    each place's country code, shown beside it ("Gaza Strip (PSE)").
    """
    codes = location_codes or {}
    with st.sidebar:
        st.header("Filters")
        location_choices = (ALL, *options.locations)
        _start(
            LOCATION_KEY,
            state.location or ALL,
            st.session_state.get(LOCATION_KEY, ALL) in location_choices,
        )
        location = st.selectbox(
            "Location",
            location_choices,
            key=LOCATION_KEY,
            format_func=lambda value: (
                citations.plain_text(f"{value} ({codes[value]})" if value in codes else value)
                or "All locations"
            ),
        )

        date_from, date_to = state.date_from, state.date_to
        if prepared.date_range is not None:
            first, last = prepared.date_range
            # A link may ask for dates beyond the data; widen the calendar rather than fail.
            lowest = min(first, date_from or first)
            highest = max(last, date_to or last)
            _start(DATES_KEY, (date_from or first, date_to or last))
            chosen = st.date_input(
                "Dates",
                key=DATES_KEY,
                min_value=lowest,
                max_value=highest,
                format="YYYY-MM-DD",
                help="Figures whose period (or day stated) falls in this range, and events that overlap it.",
            )
            date_from, date_to = _date_bounds(chosen, first, last)

        current = st.session_state.get(SOURCES_KEY, [])
        _start(
            SOURCES_KEY, list(state.sources), all(source in options.sources for source in current)
        )
        source_choices = options.sources
        if find_sources is not None and len(options.sources) > SOURCE_CHOICES:
            # Thousands of reports make a list no one can scroll, sent on every rerun: offer
            # the ones a search finds, and always the ones already chosen.
            query = st.text_input(
                "Find sources",
                key=SOURCE_SEARCH_KEY,
                placeholder="Publisher, title or date",
                help=f"{len(options.sources):,} reports; the list below offers the first "
                f"{SOURCE_CHOICES} that match.",
            )
            chosen_now = tuple(st.session_state.get(SOURCES_KEY, ()))
            found = find_sources(query, SOURCE_CHOICES)
            source_choices = tuple(dict.fromkeys((*chosen_now, *found)))
        chosen_sources = st.multiselect(
            "Sources",
            source_choices,
            key=SOURCES_KEY,
            format_func=lambda source_id: source_labels.get(source_id, source_id),
            placeholder="All sources",
        )
    return state.with_changes(
        location=location or None,
        date_from=date_from,
        date_to=date_to,
        sources=views.sanitise_sources(chosen_sources, options),
    )


def _date_bounds(chosen: object, first: date, last: date) -> tuple[date | None, date | None]:
    """The widget's range as state; the data's own bounds mean 'no limit'."""
    picked = tuple(chosen) if isinstance(chosen, list | tuple) else (chosen,)
    start = picked[0] if picked and isinstance(picked[0], date) else None
    end = picked[1] if len(picked) > 1 and isinstance(picked[1], date) else None
    return (start if start and start != first else None), (end if end and end != last else None)


def filters_of(state: ViewState) -> Filters:
    return Filters(
        location=state.location,
        date_from=state.date_from,
        date_to=state.date_to,
        sources=state.sources,
    )


def choose(
    label: str, key: str, options: tuple[str, ...], wanted: str, format_func, **kwargs
) -> str:
    """A selectbox that starts at the URL's choice and keeps a valid value."""
    _start(key, wanted, st.session_state.get(key, wanted) in options)
    return st.selectbox(label, options, key=key, format_func=format_func, **kwargs)


def choose_tab(labels: dict[str, str], key: str, wanted: str) -> list[tuple[str, object]]:
    """Tabs that start at the URL's choice and run only the open one's content.

    `labels` maps each tab's name to its label. Returns (name, tab) pairs; each tab's
    `open` says whether it is the one to draw.
    """
    _start(key, labels[wanted], st.session_state.get(key) in labels.values())
    tabs = st.tabs(list(labels.values()), key=key, on_change="rerun")
    return list(zip(labels, tabs, strict=True))


def sync_url(state: ViewState) -> None:
    """Write the state into the address bar, only when it changed."""
    query = views.view_query(state)
    if st.query_params.to_dict() != query:
        st.query_params.from_dict(query)


def show_share_link(state: ViewState, slot) -> None:
    with slot.container():
        st.subheader("Share this view")
        root = views.app_root(st.context.url, state.page, st.get_option("server.baseUrlPath"))
        st.code(views.share_url(root, state), language=None, wrap_lines=True)
        st.caption("Copy this link: it opens this page with the same filters.")
