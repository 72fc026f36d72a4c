"""Cached access to the tables and everything derived from them.

The loaded tables and their prepared form are built once per data key and shared by every
rerun and every session (`st.cache_resource` hands back the same objects without copying
them, which matters at a million rows). Each filtered view and each page's model
(`indicators.page_models`: its words, cards, tables and figures) is kept in one cache for
all sessions whose bound is the memory the views hold (`view_cache`), so any number of
distinct links keeps the process within a known size. Treat them all as read-only. A data
key names the folder and the size and modification time of each table file, so an edited
table is loaded afresh.
"""

from __future__ import annotations

import os
from dataclasses import astuple, dataclass
from functools import cached_property
from pathlib import Path

import streamlit as st

from dashboard_pages.view_cache import FrameSources, SizeBoundedCache
from indicators import citations, page_models, places, release, schema, summaries
from indicators.loading import LoadResult, load_tables
from indicators.views import ViewOptions

# The filtered views and page models of all sessions together hold at most this much memory
# (an estimate that errs on the heavy side); INDICATORS_VIEW_CACHE_MB sets another budget.
DEFAULT_VIEW_CACHE_MB = 128
VIEW_CACHE_ENV = "INDICATORS_VIEW_CACHE_MB"
MAX_SEARCH_CHARS = 200  # of a source search: longer queries are cut (each one is a cache key)


@dataclass(frozen=True)
class DataKey:
    data_dir: str
    reports_dir: str | None
    files: tuple[tuple[str, int, int], ...]  # (file name, size, modification time in ns)

    @cached_property
    def token(self) -> str:
        """The key as one string, so that each cache lookup hashes a string."""
        return repr((self.data_dir, self.reports_dir, self.files))


def _filters_token(filters: summaries.Filters) -> str:
    return repr(astuple(filters))


# Streamlit hashes a cached function's arguments on every call, walking a dataclass field
# by field; handing it one string per argument makes each of the many lookups a rerun does
# cheap.
_HASHERS = {DataKey: lambda key: key.token, summaries.Filters: _filters_token}


def data_key(data_dir: Path, reports_dir: Path | None) -> DataKey:
    """Which data a rerun shows: four `stat` calls, so an edited table is noticed."""
    files = []
    for table in schema.TABLES.values():
        path = data_dir / table.file_name
        try:
            status = path.stat()
            files.append((table.file_name, status.st_size, status.st_mtime_ns))
        except OSError:
            files.append((table.file_name, -1, -1))
    return DataKey(str(data_dir), str(reports_dir) if reports_dir else None, tuple(files))


@st.cache_resource(show_spinner="Loading the tables…", max_entries=2, hash_funcs=_HASHERS)
def loaded(key: DataKey) -> LoadResult:
    return load_tables(key.data_dir, key.reports_dir)


@st.cache_resource(show_spinner=False, max_entries=2, hash_funcs=_HASHERS)
def prepared(key: DataKey) -> summaries.Prepared:
    return summaries.prepare(loaded(key).tables)


@st.cache_resource(show_spinner=False, max_entries=2, hash_funcs=_HASHERS)
def data_release(key: DataKey) -> release.Release:
    """The content version of the tables served, and the day of the newest report."""
    return release.release_of(loaded(key).tables)


@st.cache_resource(show_spinner=False, max_entries=2, hash_funcs=_HASHERS)
def location_codes(key: DataKey) -> dict[str, str]:
    """Each place's country code, as the sidebar's location filter shows it."""
    tables = loaded(key).tables
    return places.location_codes(tables["observations"], tables["events"])


@st.cache_resource(show_spinner=False, max_entries=2, hash_funcs=_HASHERS)
def source_labels(key: DataKey) -> dict[str, str]:
    """'Publisher, 24 July 2025' for every source, as the sidebar's source filter shows it."""
    return page_models.source_labels(prepared(key).sources)


def _view_cache_budget() -> int:
    try:
        megabytes = float(os.environ.get(VIEW_CACHE_ENV, "") or DEFAULT_VIEW_CACHE_MB)
    except ValueError:
        megabytes = DEFAULT_VIEW_CACHE_MB
    return int(max(megabytes, 0) * (1 << 20))


# Every filter combination and page model, for every session, in one budget of memory.
VIEWS = SizeBoundedCache(_view_cache_budget())


def _held_anyway(key: DataKey):
    """What a view may share with the data it is cut from, kept by `loaded`/`prepared`."""
    data = prepared(key)
    return (
        *loaded(key).tables.values(),
        data.sources,
        data.indicators,
        data.observations,
        data.events,
    )


# Where the frames of cached views can be found again when a download is clicked.
FRAMES = FrameSources()


def frame_source(frame):
    """A function giving `frame` at download time that does not keep it alive meanwhile."""
    return FRAMES.source(frame)


def _view(kind: str, key: DataKey, filters: summaries.Filters, *extra: object, make):
    cache_key = (kind, key.token, _filters_token(filters), *extra)

    def fetch():
        return VIEWS.get(cache_key, made, lambda: _held_anyway(key))

    def made():
        value = make()
        FRAMES.register(value, fetch)
        return value

    return fetch()


def clear_views() -> None:
    """Forget every cached view (the benchmarks' cold runs)."""
    VIEWS.clear()


def filtered(key: DataKey, filters: summaries.Filters) -> summaries.Prepared:
    return _view(
        "filtered", key, filters, make=lambda: summaries.filter_prepared(prepared(key), filters)
    )


def overview(key: DataKey, filters: summaries.Filters) -> page_models.OverviewModel:
    return _view(
        "overview", key, filters, make=lambda: page_models.overview_model(filtered(key, filters))
    )


def timeline(key: DataKey, filters: summaries.Filters) -> page_models.TimelineModel:
    return _view(
        "timeline",
        key,
        filters,
        make=lambda: page_models.timeline_model(
            filtered(key, filters), prepared(key).sources, filters
        ),
    )


def indicator(
    key: DataKey, filters: summaries.Filters, indicator_id: str
) -> page_models.IndicatorModel:
    return _view(
        "indicator",
        key,
        filters,
        indicator_id,
        make=lambda: page_models.indicator_model(
            filtered(key, filters), prepared(key), indicator_id
        ),
    )


def sources(key: DataKey, filters: summaries.Filters) -> page_models.SourcesModel:
    return _view(
        "sources",
        key,
        filters,
        make=lambda: page_models.sources_model(filtered(key, filters), prepared(key)),
    )


def source_detail(
    key: DataKey, filters: summaries.Filters, source_id: str
) -> page_models.SourceDetail | None:
    return _view(
        "source_detail",
        key,
        filters,
        source_id,
        make=lambda: page_models.source_detail(filtered(key, filters), source_id),
    )


def table_views(
    key: DataKey, filters: summaries.Filters, indicator_id: str | None
) -> dict[str, page_models.DisplayTable]:
    return _view(
        "table_views",
        key,
        filters,
        indicator_id,
        make=lambda: page_models.table_views(
            filtered(key, filters), loaded(key).tables, indicator_id
        ),
    )


@st.cache_resource(show_spinner=False, max_entries=2, hash_funcs=_HASHERS)
def indicator_names(key: DataKey) -> dict[str, str]:
    """Each indicator's name by its id, as the indicator pickers show it (a picker draws
    icon shortcodes: `citations.plain_text` keeps them as written)."""
    indicators = prepared(key).indicators
    names = (citations.plain_text(name) for name in indicators["name"].astype(str))
    return dict(zip(indicators["indicator_id"], names, strict=True))


def find_sources(key: DataKey, query: str, limit: int) -> tuple[str, ...]:
    """The first `limit` sources whose label or title holds every word of `query`."""
    return _find_sources(key, query[:MAX_SEARCH_CHARS], limit)


@st.cache_resource(show_spinner=False, max_entries=64, hash_funcs=_HASHERS)
def _find_sources(key: DataKey, query: str, limit: int) -> tuple[str, ...]:
    words = query.casefold().split()
    found = []
    for source_id, text in _source_search_texts(key).items():
        if all(word in text for word in words):
            found.append(source_id)
            if len(found) == limit:
                break
    return tuple(found)


@st.cache_resource(show_spinner=False, max_entries=2, hash_funcs=_HASHERS)
def _source_search_texts(key: DataKey) -> dict[str, str]:
    sources = prepared(key).sources
    labels = source_labels(key)
    return {
        source_id: f"{labels[source_id]} {title} {source_id}".casefold()
        for source_id, title in zip(sources["source_id"], sources["title"], strict=True)
    }


@st.cache_resource(show_spinner=False, max_entries=2, hash_funcs=_HASHERS)
def view_options(key: DataKey) -> ViewOptions:
    """What a view may choose from: every indicator, place and source."""
    data = prepared(key)
    return ViewOptions(
        indicators=data.indicator_ids, locations=data.locations, sources=data.source_ids
    )
