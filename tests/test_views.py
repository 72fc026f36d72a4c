"""View state in the URL: parsing, validation, defaults with notices, share links."""

from __future__ import annotations

import os
from datetime import date
from urllib.parse import parse_qs, urlsplit

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from indicators import views
from indicators.views import ViewOptions, ViewState

EXAMPLES = int(os.environ.get("PROPERTY_EXAMPLES", "100"))
OPTIONS = ViewOptions(
    indicators=("share_people_days_without_eating", "war_duration"),
    locations=("Gaza Strip", "Doha, Qatar"),
    sources=("politico-2025-07-24", "rbc-ukraine-2025-07-25"),
)


def test_no_parameters_give_the_default_view():
    state, notices = views.parse_view({}, OPTIONS)
    assert state == ViewState()
    assert notices == []


def test_every_parameter_is_read():
    state, notices = views.parse_view(
        {
            "page": "indicators",
            "indicator": "war_duration",
            "location": "Doha, Qatar",
            "from": "2025-03-01",
            "to": "2025-07-31",
            "sources": "rbc-ukraine-2025-07-25",
            "table": "events",
        },
        OPTIONS,
    )
    assert notices == []
    assert state == ViewState(
        page="indicators",
        indicator="war_duration",
        location="Doha, Qatar",
        date_from=date(2025, 3, 1),
        date_to=date(2025, 7, 31),
        sources=("rbc-ukraine-2025-07-25",),
        table="events",
    )


states = st.builds(
    ViewState,
    page=st.sampled_from(views.PAGES),
    indicator=st.none() | st.sampled_from(OPTIONS.indicators),
    location=st.none() | st.sampled_from(OPTIONS.locations),
    date_from=st.none() | st.dates(min_value=date(2000, 1, 1), max_value=date(2024, 12, 31)),
    date_to=st.none() | st.dates(min_value=date(2025, 1, 1), max_value=date(2030, 12, 31)),
    sources=st.sampled_from([(), OPTIONS.sources[:1], OPTIONS.sources[1:], OPTIONS.sources]),
    table=st.none() | st.sampled_from([t for t in views.TABLES if t != views.DEFAULT_TABLE]),
)


@given(states)
def test_a_state_survives_its_own_query(state):
    parsed, notices = views.parse_view(views.view_query(state), OPTIONS)
    assert notices == []
    assert parsed == state


@given(states)
def test_a_share_url_carries_the_state(state):
    url = views.share_url("https://example.org/apps/indicators/", state)
    parts = urlsplit(url)
    query = {name: values[-1] for name, values in parse_qs(parts.query).items()}
    parsed, notices = views.parse_view(query, OPTIONS)
    assert parsed == state and notices == []
    expected_path = "/apps/indicators/" + ("" if state.page == views.DEFAULT_PAGE else state.page)
    assert parts.path == expected_path


@pytest.mark.parametrize(
    ("params", "field", "fragment"),
    [
        ({"page": "nope"}, "page", "no page"),
        ({"indicator": "<script>"}, "indicator", "no indicator"),
        ({"location": "Atlantis"}, "location", "no location"),
        ({"from": "2025-13-01"}, "date_from", "not a date"),
        ({"to": "yesterday"}, "date_to", "not a date"),
        ({"sources": "nobody"}, "sources", "no source"),
        ({"table": "secrets"}, "table", "no table"),
        ({"utm_source": "x"}, None, "unknown parameter"),
    ],
)
def test_bad_parameters_fall_back_to_defaults_with_a_notice(params, field, fragment):
    state, notices = views.parse_view(params, OPTIONS)
    if field:
        assert getattr(state, field) == getattr(ViewState(), field)
    assert any(fragment in notice for notice in notices), notices


def test_a_reversed_date_range_is_dropped():
    state, notices = views.parse_view({"from": "2025-07-01", "to": "2025-01-01"}, OPTIONS)
    assert (state.date_from, state.date_to) == (None, None)
    assert len(notices) == 1


def test_known_sources_are_kept_and_unknown_ones_reported():
    state, notices = views.parse_view({"sources": "nobody,rbc-ukraine-2025-07-25"}, OPTIONS)
    assert state.sources == ("rbc-ukraine-2025-07-25",)
    assert len(notices) == 1


def test_repeated_parameters_use_the_last_value():
    state, _ = views.parse_view({"page": ["timeline", "sources"]}, OPTIONS)
    assert state.page == "sources"


def test_a_long_hostile_value_is_shortened_in_its_notice():
    _, notices = views.parse_view({"indicator": "x" * 5000}, OPTIONS)
    assert len(notices) == 1 and len(notices[0]) < 200


@given(
    st.dictionaries(
        st.text(max_size=20), st.text(max_size=50) | st.lists(st.text(max_size=20), max_size=3)
    )
)
def test_any_parameters_give_a_valid_state_and_never_raise(params):
    state, notices = views.parse_view(params, OPTIONS)
    assert state.page in views.PAGES
    assert state.indicator in (None, *OPTIONS.indicators)
    assert state.location in (None, *OPTIONS.locations)
    assert set(state.sources) <= set(OPTIONS.sources)
    assert state.table in (None, *views.TABLES)
    assert isinstance(notices, list)


def test_defaults_are_left_out_of_the_query():
    assert views.view_query(ViewState()) == {"page": "overview"}
    assert views.view_query(ViewState(table=views.DEFAULT_TABLE)) == {"page": "overview"}
    assert views.parse_view({"table": views.DEFAULT_TABLE}, OPTIONS)[0].table is None


@pytest.mark.parametrize(
    ("url", "page", "root"),
    [
        ("http://localhost:8501/timeline", "timeline", "http://localhost:8501/"),
        ("http://localhost:8501/", "overview", "http://localhost:8501/"),
        ("http://localhost:8501/overview", "overview", "http://localhost:8501/"),
        ("http://localhost:8501", "overview", "http://localhost:8501/"),
        ("https://example.org/indicators/data?x=1#top", "data", "https://example.org/indicators/"),
        # Served under a base path that happens to share a page's name: only the page goes.
        ("https://example.org/indicators", "overview", "https://example.org/indicators/"),
        (
            "https://example.org/indicators/indicators",
            "indicators",
            "https://example.org/indicators/",
        ),
        ("https://example.org/base/sources", "sources", "https://example.org/base/"),
    ],
)
def test_app_root_drops_the_page_but_keeps_a_base_path(url, page, root):
    assert views.app_root(url, page) == root


@pytest.mark.parametrize(
    ("url", "page", "base_path"),
    [
        ("http://127.0.0.1:8501/hosted/indicators/timeline", "timeline", "hosted/indicators"),
        # Streamlit itself may drop a base path's last part when it matches a page name.
        ("http://127.0.0.1:8501/hosted/timeline", "timeline", "/hosted/indicators/"),
        ("http://127.0.0.1:8501/hosted/indicators", "overview", "hosted/indicators"),
    ],
)
def test_a_configured_base_path_is_kept_whole(url, page, base_path):
    assert views.app_root(url, page, base_path) == "http://127.0.0.1:8501/hosted/indicators/"


def test_share_url_without_a_known_address_is_relative():
    assert views.share_url(None, ViewState(page="timeline")) == "./timeline?page=timeline"
    assert views.app_root(None) is None


def test_selecting_every_source_means_all():
    assert views.sanitise_sources(list(reversed(OPTIONS.sources)), OPTIONS) == ()
    assert views.sanitise_sources(["rbc-ukraine-2025-07-25", "nobody"], OPTIONS) == (
        "rbc-ukraine-2025-07-25",
    )


HOSTILE_TEXT = st.one_of(
    st.text(max_size=80),
    st.builds(lambda part, n: part * n, st.text(min_size=1, max_size=8), st.integers(1, 20_000)),
    st.builds(
        lambda n: ",".join(f"src-{i}" for i in range(n)), st.integers(0, 12_000)
    ),  # the shape of a scripted link naming thousands of sources
)


@settings(max_examples=EXAMPLES, deadline=None)
@given(
    st.dictionaries(
        st.one_of(st.sampled_from(views.PARAMETERS), st.text(max_size=30)),
        HOSTILE_TEXT | st.lists(HOSTILE_TEXT, max_size=4),
        max_size=40,
    )
    | st.builds(lambda n: {f"p{i}": "x" for i in range(n)}, st.integers(0, 5_000))
)
def test_a_hostile_link_of_any_length_gives_bounded_notices(params):
    state, notices = views.parse_view(params, OPTIONS)
    assert len(notices) <= views.MAX_NOTICES + 1
    assert sum(len(notice) for notice in notices) <= views.MAX_NOTICE_CHARS + 100
    assert all(len(notice) < 400 for notice in notices)
    assert len(state.sources) <= views.MAX_SOURCES
    assert set(state.sources) <= set(OPTIONS.sources)


def test_a_link_naming_ten_thousand_sources_gives_two_short_notices():
    many = ViewOptions(sources=tuple(f"src-{i}" for i in range(5)))
    link = {"sources": ",".join(f"src-{i}" for i in range(10_001))}
    state, notices = views.parse_view(link, many)
    assert state.sources == many.sources
    assert notices == [
        "The link selects more than 1,000 sources; only the first 1,000 were read.",
        "There are no sources 'src-5', 'src-6', 'src-7' and 992 more in the data; they were "
        "left out of the selection.",
    ]


def test_many_unknown_parameters_make_one_notice():
    _, notices = views.parse_view({f"utm_{i}": "x" for i in range(500)}, OPTIONS)
    assert notices == [
        "The link has unknown parameters 'utm_0', 'utm_1', 'utm_2' and 497 more; they were ignored."
    ]
