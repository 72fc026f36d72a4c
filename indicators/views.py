"""The state of a view, kept in the URL's query parameters so a link reproduces it.

`parse_view` reads query parameters into a `ViewState`, checking each one against what
the data holds; anything unknown or malformed falls back to its default and leaves a
notice in words, never an exception. `view_query` and `share_url` write a state back.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cached_property
from urllib.parse import urlencode, urlsplit, urlunsplit

PAGES = ("overview", "timeline", "indicators", "sources", "data")
DEFAULT_PAGE = PAGES[0]
ADD_PAGE = "add"  # "Add a report": a page only where editing is allowed (indicators.editing)

# Query parameter names: part of every shared link, so they stay stable.
PAGE = "page"
INDICATOR = "indicator"
LOCATION = "location"
DATE_FROM = "from"
DATE_TO = "to"
SOURCES = "sources"
TABLE = "table"
PARAMETERS = (PAGE, INDICATOR, LOCATION, DATE_FROM, DATE_TO, SOURCES, TABLE)

# The tables the Data page shows, one at a time.
TABLES = ("sources", "indicators", "observations", "events")
DEFAULT_TABLE = "observations"

# A link comes from anyone: what it may carry, and what a notice repeats of it, is bounded,
# so a crafted address cannot make a long notice that each rerun sends again.
MAX_SHOWN_CHARS = 40  # characters of one value a notice repeats
MAX_SHOWN_VALUES = 3  # values a notice names before "and N more"
MAX_SOURCES = 1_000  # sources a link may select; the rest are left out, with a notice
MAX_NOTICES = 10
MAX_NOTICE_CHARS = 2_000  # all notices of one link together
SOURCE_SEPARATOR = ","


@dataclass(frozen=True)
class ViewOptions:
    """What a view may select: the pages, and the values the loaded data holds."""

    pages: tuple[str, ...] = PAGES
    indicators: tuple[str, ...] = ()
    locations: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()

    @cached_property
    def source_positions(self) -> dict[str, int]:
        """Each source's place in the data, made once: thousands of sources are looked up
        on every rerun."""
        return {source: position for position, source in enumerate(self.sources)}


@dataclass(frozen=True)
class ViewState:
    """One view of the dashboard. None or () means 'the default': all, or the page's choice."""

    page: str = DEFAULT_PAGE
    indicator: str | None = None
    location: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    sources: tuple[str, ...] = field(default=())
    table: str | None = None  # the Data page's table; None is DEFAULT_TABLE

    def with_changes(self, **changes: object) -> ViewState:
        return replace(self, **changes)


def _shown(value: str) -> str:
    value = value if len(value) <= MAX_SHOWN_CHARS else value[: MAX_SHOWN_CHARS - 1] + "…"
    shown = repr(value)
    if len(shown) > 2 * MAX_SHOWN_CHARS:  # characters repr writes as escapes (\U0001b2fc)
        shown = shown[: 2 * MAX_SHOWN_CHARS - 2] + "…" + shown[-1]
    return shown


def _single(params: Mapping[str, str | list[str]], name: str) -> str | None:
    """The last value given for a parameter (as browsers and Streamlit read repeats)."""
    value = params.get(name)
    if isinstance(value, list | tuple):
        value = value[-1] if value else None
    return value if isinstance(value, str) else None


def _all_values(
    params: Mapping[str, str | list[str]], name: str, limit: int
) -> tuple[list[str], bool]:
    """Up to `limit` non-empty values of a parameter (comma-separated or repeated), and
    whether it has more. A huge value is never split whole: only what is kept is read."""
    value = params.get(name)
    texts = value if isinstance(value, list | tuple) else [value] if isinstance(value, str) else []
    parts: list[str] = []
    for text in texts:
        if not isinstance(text, str):
            continue
        if len(parts) == limit:
            if text.strip(SOURCE_SEPARATOR + " "):
                return parts, True
            continue
        pieces = text.split(SOURCE_SEPARATOR, limit - len(parts))
        rest = pieces.pop() if len(pieces) > limit - len(parts) else ""
        parts.extend(part.strip() for part in pieces if part.strip())
        while rest.strip(SOURCE_SEPARATOR + " ") and len(parts) < limit:  # blanks were skipped
            piece, _, rest = rest.partition(SOURCE_SEPARATOR)
            if piece.strip():
                parts.append(piece.strip())
        if rest.strip(SOURCE_SEPARATOR + " "):
            return parts, True
    return parts, False


def _shown_values(values: list[str]) -> str:
    """'a', 'b', 'c' and 997 more: the first few values, each shortened."""
    shown = ", ".join(_shown(value) for value in values[:MAX_SHOWN_VALUES])
    more = len(values) - MAX_SHOWN_VALUES
    return f"{shown} and {more:,} more" if more > 0 else shown


def _bounded(notices: list[str]) -> list[str]:
    """At most MAX_NOTICES notices of at most MAX_NOTICE_CHARS together."""
    kept: list[str] = []
    used = 0
    for notice in notices[:MAX_NOTICES]:
        if used + len(notice) > MAX_NOTICE_CHARS:
            break
        kept.append(notice)
        used += len(notice)
    if len(kept) < len(notices):
        kept.append(f"{len(notices) - len(kept):,} more problems with this link are not shown.")
    return kept


def _parse_date(text: str | None, name: str, notices: list[str]) -> date | None:
    if text is None or not text.strip():
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        notices.append(
            f"The date {name}={_shown(text)} is not a date written YYYY-MM-DD; it was ignored."
        )
        return None


def parse_view(
    params: Mapping[str, str | list[str]], options: ViewOptions
) -> tuple[ViewState, list[str]]:
    """The view a URL asks for, and a notice for every parameter that could not be used."""
    notices: list[str] = []
    unknown_names = [str(name) for name in params if name not in PARAMETERS]
    if len(unknown_names) == 1:
        notices.append(
            f"The link has an unknown parameter {_shown(unknown_names[0])}; it was ignored."
        )
    elif unknown_names:
        notices.append(
            f"The link has unknown parameters {_shown_values(unknown_names)}; they were ignored."
        )

    page = _single(params, PAGE)
    if page is not None and page not in options.pages:
        notices.append(f"There is no page {_shown(page)}; showing the {DEFAULT_PAGE} instead.")
        page = None

    indicator = _single(params, INDICATOR) or None
    if indicator is not None and indicator not in options.indicators:
        notices.append(
            f"There is no indicator {_shown(indicator)} in the data; showing the default."
        )
        indicator = None

    location = _single(params, LOCATION) or None
    if location is not None and location not in options.locations:
        notices.append(
            f"There is no location {_shown(location)} in the data; showing all locations."
        )
        location = None

    date_from = _parse_date(_single(params, DATE_FROM), DATE_FROM, notices)
    date_to = _parse_date(_single(params, DATE_TO), DATE_TO, notices)
    if date_from and date_to and date_from > date_to:
        notices.append(
            f"The date range starts ({date_from.isoformat()}) after it ends ({date_to.isoformat()}); "
            "showing all dates."
        )
        date_from = date_to = None

    requested, more = _all_values(params, SOURCES, MAX_SOURCES)
    if more:
        notices.append(
            f"The link selects more than {MAX_SOURCES:,} sources; only the first "
            f"{MAX_SOURCES:,} were read."
        )
    unknown = [source for source in requested if source not in options.source_positions]
    if len(unknown) == 1:
        notices.append(
            f"There is no source {_shown(unknown[0])} in the data; it was left out of the selection."
        )
    elif unknown:
        notices.append(
            f"There are no sources {_shown_values(unknown)} in the data; they were left out of "
            "the selection."
        )
    # Keep the data's order so equal selections give equal links.
    sources = _in_data_order(requested, options) if requested else ()
    if requested and not sources:
        notices.append("None of the requested sources is in the data; showing all sources.")

    table = _single(params, TABLE) or None
    if table is not None and table not in TABLES:
        notices.append(f"There is no table {_shown(table)}; showing the {DEFAULT_TABLE}.")
        table = None

    state = ViewState(
        page=page or DEFAULT_PAGE,
        indicator=indicator,
        location=location,
        date_from=date_from,
        date_to=date_to,
        sources=sources,
        table=None if table == DEFAULT_TABLE else table,
    )
    return state, _bounded(notices)


def view_query(state: ViewState) -> dict[str, str]:
    """The query parameters that reproduce a state; defaults are left out to keep links short."""
    query = {PAGE: state.page}
    if state.indicator:
        query[INDICATOR] = state.indicator
    if state.location:
        query[LOCATION] = state.location
    if state.date_from:
        query[DATE_FROM] = state.date_from.isoformat()
    if state.date_to:
        query[DATE_TO] = state.date_to.isoformat()
    if state.sources:
        query[SOURCES] = SOURCE_SEPARATOR.join(state.sources)
    if state.table and state.table != DEFAULT_TABLE:
        query[TABLE] = state.table
    return query


def app_root(url: str | None, page: str = DEFAULT_PAGE, base_path: str = "") -> str | None:
    """The app's own address from the address of `page`: query, fragment and page path removed.

    `base_path` is the path the app is served under (`--server.baseUrlPath`); when it is
    set, only the scheme and host are taken from `url`, so a base path that happens to end
    like a page name is kept whole. Links then work behind a reverse proxy.
    """
    if not url:
        return None
    scheme, netloc, path, _, _ = urlsplit(url)
    base_path = base_path.strip("/")
    if base_path:
        return urlunsplit((scheme, netloc, f"/{base_path}/", "", ""))
    path = path.rstrip("/")
    head, _, last = path.rpartition("/")
    if last == page:  # the default page can be reached at its own path too
        path = head
    return urlunsplit((scheme, netloc, path + "/", "", ""))


def share_url(root: str | None, state: ViewState) -> str:
    """The link to copy: the page's address under the app's root, with the state as query.

    The page is in the path, where Streamlit's navigation reads it, and in the query, where
    the dashboard does; the default page lives at the root itself. Without a known root (as
    in tests) the link is relative, which still reproduces the view on the same host.
    """
    query = urlencode(view_query(state))
    page_path = "" if state.page == DEFAULT_PAGE else state.page
    if not root:
        return f"./{page_path}?{query}"
    scheme, netloc, path, _, _ = urlsplit(root)
    path = path if path.endswith("/") else path + "/"
    return urlunsplit((scheme, netloc, path + page_path, query, ""))


def sanitise_sources(selected: Iterable[str], options: ViewOptions) -> tuple[str, ...]:
    """A selection in the data's order; selecting every source is the same as selecting none."""
    ordered = _in_data_order(selected, options)
    return () if len(ordered) == len(options.sources) else ordered


def _in_data_order(selected: Iterable[str], options: ViewOptions) -> tuple[str, ...]:
    """The known sources of `selected`, in the data's order (without walking every source
    of the data when only a few are selected)."""
    chosen = set(selected)
    if not chosen:
        return ()
    positions = options.source_positions
    return tuple(sorted((source for source in chosen if source in positions), key=positions.get))
