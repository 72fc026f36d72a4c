"""Cached access to the tables and everything derived from them.

The loaded tables, their prepared form, each filtered view and each page's model
(`indicators.page_models`: its words, cards, tables and figures) are built once and shared
by every rerun and every session: `st.cache_resource` hands back the same objects without
copying them, which matters at a million rows. Treat them as read-only. A data key names
the folder and the size and modification time of each table file, so an edited table is
loaded afresh.
"""

from __future__ import annotations

from dataclasses import astuple, dataclass
from functools import cached_property
from pathlib import Path

import streamlit as st

from indicators import page_models, schema, summaries
from indicators.loading import LoadResult, load_tables
from indicators.views import ViewOptions

FILTERED_VIEWS_KEPT = 32  # distinct filter combinations kept per data key


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
def source_labels(key: DataKey) -> dict[str, str]:
    """'Publisher, 24 July 2025' for every source, as the sidebar's source filter shows it."""
    return page_models.source_labels(prepared(key).sources)


@st.cache_resource(show_spinner=False, max_entries=FILTERED_VIEWS_KEPT, hash_funcs=_HASHERS)
def filtered(key: DataKey, filters: summaries.Filters) -> summaries.Prepared:
    return summaries.filter_prepared(prepared(key), filters)


@st.cache_resource(show_spinner=False, max_entries=FILTERED_VIEWS_KEPT, hash_funcs=_HASHERS)
def overview(key: DataKey, filters: summaries.Filters) -> page_models.OverviewModel:
    return page_models.overview_model(filtered(key, filters))


@st.cache_resource(show_spinner=False, max_entries=FILTERED_VIEWS_KEPT, hash_funcs=_HASHERS)
def timeline(key: DataKey, filters: summaries.Filters) -> page_models.TimelineModel:
    return page_models.timeline_model(filtered(key, filters), prepared(key).sources, filters)


@st.cache_resource(show_spinner=False, max_entries=FILTERED_VIEWS_KEPT, hash_funcs=_HASHERS)
def indicator(
    key: DataKey, filters: summaries.Filters, indicator_id: str
) -> page_models.IndicatorModel:
    return page_models.indicator_model(filtered(key, filters), prepared(key), indicator_id)


@st.cache_resource(show_spinner=False, max_entries=FILTERED_VIEWS_KEPT, hash_funcs=_HASHERS)
def sources(key: DataKey, filters: summaries.Filters) -> page_models.SourcesModel:
    return page_models.sources_model(filtered(key, filters), prepared(key))


@st.cache_resource(show_spinner=False, max_entries=FILTERED_VIEWS_KEPT, hash_funcs=_HASHERS)
def source_detail(
    key: DataKey, filters: summaries.Filters, source_id: str
) -> page_models.SourceDetail | None:
    return page_models.source_detail(filtered(key, filters), source_id)


@st.cache_resource(show_spinner=False, max_entries=FILTERED_VIEWS_KEPT, hash_funcs=_HASHERS)
def table_views(
    key: DataKey, filters: summaries.Filters, indicator_id: str | None
) -> dict[str, page_models.DisplayTable]:
    return page_models.table_views(filtered(key, filters), loaded(key).tables, indicator_id)


@st.cache_resource(show_spinner=False, max_entries=2, hash_funcs=_HASHERS)
def indicator_names(key: DataKey) -> dict[str, str]:
    """Each indicator's name by its id, for the indicator pickers."""
    indicators = prepared(key).indicators
    return dict(zip(indicators["indicator_id"], indicators["name"].astype(str), strict=True))


@st.cache_resource(show_spinner=False, max_entries=64, hash_funcs=_HASHERS)
def find_sources(key: DataKey, query: str, limit: int) -> tuple[str, ...]:
    """The first `limit` sources whose label or title holds every word of `query`."""
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
