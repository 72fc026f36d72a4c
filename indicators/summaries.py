"""Frames derived from the loaded tables for the dashboard: nothing here is new data.

`prepare` joins each figure and event to its source and indicator and adds its date
windows and wording, once per load. The rest selects from that: filters, the headline
figures, the length of the blockade from its fuzzy bounds, the talks, disagreements
between sources and figures per source. All vectorised: the tables may hold a million rows.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

import numpy as np
import pandas as pd

from indicators import citations, schema
from indicators import derived as D
from indicators.dates import interval_length_days
from indicators.schema import PERCENT_UNIT

# Events of these kinds last; without an end they were still going on when reported.
# Every other kind without an end is a moment.
DURATION_KINDS = ("war", "ceasefire", "blockade", "siege")
TALKS_KINDS = ("talks",)

# Columns joined from the sources table onto figures and events.
SOURCE_COLUMNS = {
    "publisher": D.SOURCE_PUBLISHER,
    "title": D.SOURCE_TITLE,
    "url": D.SOURCE_URL,
    "published": D.SOURCE_PUBLISHED,
}
# What a download of figures or events holds besides the table's own columns: the report
# it comes from and the dashboard's wording, so a reused file still cites its source.
DOWNLOAD_EXTRAS = {
    "observations": (
        D.INDICATOR_NAME,
        D.UNIT,
        D.SOURCE_PUBLISHER,
        D.SOURCE_TITLE,
        D.SOURCE_URL,
        D.SOURCE_PUBLISHED,
        D.VALUE_SHOWN,
        D.AS_OF_TEXT,
    ),
    "events": (
        D.SOURCE_PUBLISHER,
        D.SOURCE_TITLE,
        D.SOURCE_URL,
        D.SOURCE_PUBLISHED,
        D.START_TEXT,
        D.END_TEXT,
    ),
}

# What a table of figures shows, in order, with its headings. Downloads use the same frame.
FIGURE_TABLE_COLUMNS = {
    D.INDICATOR_NAME: "Indicator",
    "location": "Location",
    D.VALUE_SHOWN: "Value",
    "value_as_stated": "As stated",
    D.AS_OF_TEXT: "Holds",
    "reported_on": "Stated on",
    D.SOURCE_PUBLISHER: "Publisher",
    D.SOURCE_TITLE: "Report",
    D.SOURCE_PUBLISHED: "Published",
    "attributed_to": "Attributed to",
    "quote": "Quote",
    "observation_id": "Observation",
}

EVENT_TABLE_COLUMNS = {
    "label": "Event",
    "kind": "Kind",
    D.START_TEXT: "From",
    D.END_TEXT: "Until",
    "location": "Location",
    D.SOURCE_PUBLISHER: "Publisher",
    D.SOURCE_TITLE: "Report",
    D.SOURCE_PUBLISHED: "Published",
    "attributed_to": "Attributed to",
    "quote": "Quote",
    "event_id": "Event id",
}


@dataclass(frozen=True)
class Filters:
    """The part of a view that selects rows; None or () selects everything."""

    location: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class Prepared:
    """The tables with their joins and wording; treat the frames as read-only."""

    sources: pd.DataFrame
    indicators: pd.DataFrame
    observations: pd.DataFrame
    events: pd.DataFrame
    locations: tuple[str, ...]
    date_range: tuple[date, date] | None

    @property
    def indicator_ids(self) -> tuple[str, ...]:
        return tuple(self.indicators["indicator_id"])

    @property
    def source_ids(self) -> tuple[str, ...]:
        return tuple(self.sources["source_id"])


# --------------------------------------------------------------------------- Date windows


def window_bounds(days: pd.Series, precisions: pd.Series) -> tuple[pd.Series, pd.Series]:
    """First and last day of each fuzzy date's window; the vectorised `dates.window`."""
    days = pd.to_datetime(days)
    precisions = precisions.fillna("").astype(str)
    month_start = days - pd.to_timedelta(days.dt.day - 1, unit="D")
    month_end = month_start + pd.offsets.MonthEnd(0)
    year_start = days - pd.to_timedelta(days.dt.day_of_year - 1, unit="D")
    year_end = year_start + pd.offsets.YearEnd(0)
    ten = pd.Timedelta(days=10)
    first = days.copy()
    last = days.copy()
    cases = {
        "week": (days, days + pd.Timedelta(days=6)),
        "early-month": (month_start, month_start + ten - pd.Timedelta(days=1)),
        "mid-month": (month_start + ten, month_start + 2 * ten - pd.Timedelta(days=1)),
        "late-month": (month_start + 2 * ten, month_end),
        "month": (month_start, month_end),
        "year": (year_start, year_end),
    }
    for precision, (case_first, case_last) in cases.items():
        mask = precisions == precision
        if mask.any():
            first = first.mask(mask, case_first)
            last = last.mask(mask, case_last)
    return first, last


def _describe_column(days: pd.Series, precisions: pd.Series, as_stated: pd.Series) -> pd.Series:
    """'early March 2025 (“early March”)' for each fuzzy date; empty where there is none."""
    words = [
        _describe_one(day, precision, stated)
        for day, precision, stated in zip(
            days, precisions.fillna(""), as_stated.fillna(""), strict=True
        )
    ]
    return pd.Series(words, index=days.index, dtype="str")


def _describe_one(day: object, precision: str, stated: str) -> str:
    normalised = citations.as_date(day)
    text = citations.describe_date(normalised, precision or "day") if normalised else ""
    if text:
        return citations.with_stated_words(text, stated)
    return f"“{stated}”, date not stated" if stated else ""


# --------------------------------------------------------------------------- Prepare


def _join_sources(frame: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    joined = frame.copy()
    for column, new_name in SOURCE_COLUMNS.items():
        values = _lookup(joined["source_id"], sources, "source_id", column)
        if column == "published":
            joined[new_name] = pd.to_datetime(pd.Series(values, index=joined.index))
        else:
            joined[new_name] = pd.Series(values, index=joined.index).fillna("").astype("str")
    return joined


def _word_each_distinct(frame: pd.DataFrame, columns: list[str], word) -> pd.Series:
    """`word(*cells)` for each row, computed once per distinct combination of cells.

    Wording is plain Python; a million figures repeat far fewer combinations, so this is
    where a large table saves most of its preparation time.
    """
    if frame.empty:
        return pd.Series([], index=frame.index, dtype="str")
    combined = np.zeros(len(frame), dtype=np.int64)
    for column in columns:
        codes, uniques = pd.factorize(frame[column], use_na_sentinel=False)
        # Renumber after each column so the combined codes stay below the row count.
        combined = pd.factorize(combined * (len(uniques) + 1) + codes)[0]
    _, first_rows, inverse = np.unique(combined, return_index=True, return_inverse=True)
    distinct = frame[columns].iloc[first_rows].itertuples(index=False, name=None)
    words = np.asarray([word(*cells) for cells in distinct], dtype=object)
    return pd.Series(words[inverse], index=frame.index, dtype="str")


def _lookup(keys: pd.Series, table: pd.DataFrame, key: str, column: str) -> np.ndarray:
    """`table[column]` for each of `keys`, matched on `table[key]`; missing keys give None."""
    positions = pd.Index(table[key]).get_indexer(keys)
    values = np.append(table[column].to_numpy(dtype=object), None)
    return values[positions]  # position -1 picks the trailing None


def _prepare_observations(
    observations: pd.DataFrame, indicators: pd.DataFrame, sources: pd.DataFrame
) -> pd.DataFrame:
    frame = _join_sources(observations, sources)
    for column, new_name in (("name", D.INDICATOR_NAME), ("unit", "unit")):
        values = _lookup(frame["indicator_id"], indicators, "indicator_id", column)
        frame[new_name] = pd.Series(values, index=frame.index).fillna("").astype("str")
    # The period's end has its own precision only where the table says so.
    stated_end_precision = frame.get("period_end_precision", pd.Series("", index=frame.index))
    frame["end_precision"] = stated_end_precision.where(
        stated_end_precision.fillna("") != "", frame["period_precision"]
    )

    # The figure holds for its period, or on the day it was stated when it gives none.
    has_period = frame["period_start"].notna()
    period_first, _ = window_bounds(frame["period_start"], frame["period_precision"])
    period_end = frame["period_end"].fillna(frame["period_start"])
    _, period_last = window_bounds(period_end, frame["end_precision"])
    frame[D.AS_OF_FIRST] = period_first.where(has_period, frame["reported_on"])
    frame[D.AS_OF_LAST] = period_last.where(has_period, frame["reported_on"])
    # A day the report does not put into words, other than its own publication day, was
    # worked out (from another source, or the briefing's day); the row's notes say how.
    stated_words = frame.get("reported_on_as_stated", pd.Series("", index=frame.index))
    frame[D.REPORTED_ON_INFERRED] = (stated_words.fillna("").astype(str).str.strip() == "") & (
        frame["reported_on"].notna()
        & (frame["reported_on"] != frame[D.SOURCE_PUBLISHED].dt.normalize())
    )

    frame[D.VALUE_SHOWN] = _word_each_distinct(
        frame,
        ["value", "qualifier", "unit", "value_as_stated", "value_low", "value_high"],
        citations.format_value,
    )
    frame[D.AS_OF_TEXT] = _word_each_distinct(
        frame,
        ["period_start", "period_end", "period_precision", "reported_on", "end_precision"],
        citations.as_of_text,
    )
    return frame


def _prepare_events(events: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    frame = _join_sources(events, sources)
    frame[D.START_FIRST], frame[D.START_LAST] = window_bounds(
        frame["start"], frame["start_precision"]
    )
    frame[D.END_FIRST], frame[D.END_LAST] = window_bounds(frame["end"], frame["end_precision"])
    has_start = frame["start"].notna()
    has_end = frame["end"].notna()
    lasting = frame["kind"].isin(DURATION_KINDS)
    shape = np.select(
        [has_start & has_end, has_start & lasting, has_start | has_end],
        [D.INTERVAL, D.ONGOING, D.MOMENT],
        default=D.UNPLACED,
    )
    frame[D.SHAPE] = pd.Series(shape, index=frame.index, dtype="str")
    frame[D.START_TEXT] = _describe_column(
        frame["start"], frame["start_precision"], frame["start_as_stated"]
    )
    frame[D.END_TEXT] = _describe_column(
        frame["end"], frame["end_precision"], frame["end_as_stated"]
    )
    ongoing = frame[D.SHAPE] == D.ONGOING
    frame.loc[ongoing, D.END_TEXT] = [
        f"ongoing as of {citations.format_day(published)}"
        for published in frame.loc[ongoing, D.SOURCE_PUBLISHED]
    ]
    # Where the event is drawn: from its earliest to its latest possible day. An ongoing
    # event is drawn up to the day its report was published, and no further.
    frame[D.DRAWN_FIRST] = frame[D.START_FIRST].fillna(frame[D.END_FIRST])
    drawn_last = frame[D.END_LAST].where(has_end, frame[D.START_LAST])
    frame[D.DRAWN_LAST] = drawn_last.mask(ongoing, frame[D.SOURCE_PUBLISHED])
    return frame


def _date_range(observations: pd.DataFrame, events: pd.DataFrame) -> tuple[date, date] | None:
    candidates = [
        observations[D.AS_OF_FIRST],
        observations[D.AS_OF_LAST],
        events[D.DRAWN_FIRST],
        events[D.DRAWN_LAST],
    ]
    lows = [series.min() for series in candidates if series.notna().any()]
    highs = [series.max() for series in candidates if series.notna().any()]
    if not lows:
        return None
    return min(lows).date(), max(highs).date()


def prepare(tables: dict[str, pd.DataFrame]) -> Prepared:
    """Join and word the loaded tables once; every view selects from the result."""
    sources = tables["sources"]
    indicators = tables["indicators"]
    observations = _prepare_observations(tables["observations"], indicators, sources)
    events = _prepare_events(tables["events"], sources)
    locations = sorted(set(observations["location"]) | set(events["location"]))
    return Prepared(
        sources=sources,
        indicators=indicators,
        observations=observations,
        events=events,
        locations=tuple(location for location in locations if location),
        date_range=_date_range(observations, events),
    )


# --------------------------------------------------------------------------- Filters


def filter_prepared(prepared: Prepared, filters: Filters) -> Prepared:
    """The rows a view selects. An event with no stated date is kept whatever the dates."""
    observations = prepared.observations
    events = prepared.events
    sources = prepared.sources
    if filters.location:
        observations = observations[observations["location"] == filters.location]
        events = events[events["location"] == filters.location]
    if filters.sources:
        observations = observations[observations["source_id"].isin(filters.sources)]
        events = events[events["source_id"].isin(filters.sources)]
        sources = sources[sources["source_id"].isin(filters.sources)]
    if filters.date_from:
        start = pd.Timestamp(filters.date_from)
        observations = observations[observations[D.AS_OF_LAST] >= start]
        events = events[(events[D.DRAWN_LAST] >= start) | events[D.DRAWN_LAST].isna()]
    if filters.date_to:
        end = pd.Timestamp(filters.date_to)
        observations = observations[observations[D.AS_OF_FIRST] <= end]
        events = events[(events[D.DRAWN_FIRST] <= end) | events[D.DRAWN_FIRST].isna()]
    return replace(prepared, sources=sources, observations=observations, events=events)


def figure_table(observations: pd.DataFrame) -> pd.DataFrame:
    """The figures as the tables on screen show them (and their downloads carry)."""
    table = observations[list(FIGURE_TABLE_COLUMNS)].rename(columns=FIGURE_TABLE_COLUMNS)
    return table.reset_index(drop=True)


def event_table(events: pd.DataFrame) -> pd.DataFrame:
    table = events[list(EVENT_TABLE_COLUMNS)].rename(columns=EVENT_TABLE_COLUMNS)
    return table.reset_index(drop=True)


def tidy_download(frame: pd.DataFrame, table_name: str) -> pd.DataFrame:
    """Rows of a prepared table as people reuse them: the table's own columns (numbers as
    numbers, dates as dates, written ISO by the CSV export), then the report each row
    comes from and the dashboard's wording as extra columns."""
    columns = [
        name
        for name in (*schema.TABLES[table_name].column_names, *DOWNLOAD_EXTRAS.get(table_name, ()))
        if name in frame.columns
    ]
    return frame[columns].reset_index(drop=True)


def reports_cited(frame: pd.DataFrame, sources: pd.DataFrame) -> list[tuple[str, str, object]]:
    """(publisher, title, published) of each report a frame's rows come from, by source order."""
    used = set(frame["source_id"].unique()) if len(frame) else set()
    cited = sources[sources["source_id"].isin(used)]
    return list(zip(cited["publisher"], cited["title"], cited["published"], strict=True))


# --------------------------------------------------------------------------- Headlines


def latest_per_indicator(observations: pd.DataFrame) -> pd.DataFrame:
    """Each indicator's most recent figure: latest period, then latest said, then published."""
    if observations.empty:
        return observations
    ordered = observations.sort_values(
        [D.AS_OF_LAST, "reported_on", D.SOURCE_PUBLISHED], kind="stable", na_position="first"
    )
    return ordered.groupby("indicator_id", sort=False).tail(1)


def latest_per_source(observations: pd.DataFrame, limit: int = 4) -> pd.DataFrame:
    """Each source's most recent figure per place, for up to `limit` of them, newest last."""
    if observations.empty:
        return observations
    ordered = observations.sort_values([D.AS_OF_LAST, "reported_on"], kind="stable")
    return ordered.groupby(["source_id", "location"], sort=False).tail(1).tail(limit)


def headline_figures(prepared: Prepared, limit: int = 4) -> pd.DataFrame:
    """The latest figure of each share-of-a-population indicator, in the catalogue's order."""
    shares = prepared.indicators.loc[prepared.indicators["unit"] == PERCENT_UNIT, "indicator_id"]
    latest = latest_per_indicator(
        prepared.observations[prepared.observations["indicator_id"].isin(shares)]
    )
    order = {indicator: position for position, indicator in enumerate(shares)}
    latest = (
        latest.assign(_order=latest["indicator_id"].map(order))
        .sort_values("_order")
        .drop(columns="_order")
    )
    conflicted = disagreements(
        prepared.observations[prepared.observations["indicator_id"].isin(shares)]
    )
    latest = latest.assign(disputed=latest.index.isin(conflicted.index))
    return latest.head(limit)


@dataclass(frozen=True)
class BlockadeLength:
    event: pd.Series
    shortest_days: int
    longest_days: int
    ongoing: bool

    @property
    def text(self) -> str:
        """'62–80 days': the shortest and longest span the fuzzy bounds allow, no hedge word
        added (the card says it is approximate and why)."""
        if self.ongoing:
            return f"at least {self.shortest_days} days"
        if self.shortest_days == self.longest_days:
            return f"{self.shortest_days} days"
        return f"{self.shortest_days}–{self.longest_days} days"


def blockade_length(events: pd.DataFrame) -> BlockadeLength | None:
    """The length of the most recent total aid blockade, from the windows of its bounds."""
    blockades = events[(events["kind"] == "blockade") & events["start"].notna()]
    if blockades.empty:
        return None
    event = blockades.sort_values([D.START_FIRST, D.SOURCE_PUBLISHED], kind="stable").iloc[-1]
    start = event["start"].date()
    if pd.notna(event["end"]):
        shortest, longest = interval_length_days(
            start, event["start_precision"], event["end"].date(), event["end_precision"]
        )
        return BlockadeLength(event, shortest, longest, ongoing=False)
    # Still going on when reported: it had lasted at least until the report was published.
    published = event[D.SOURCE_PUBLISHED].date()
    shortest, longest = interval_length_days(start, event["start_precision"], published, "day")
    return BlockadeLength(event, shortest, longest, ongoing=True)


def talks_events(events: pd.DataFrame, limit: int = 3) -> pd.DataFrame:
    """The most recent dated talks events, newest first (by the earliest day each can be)."""
    talks = events[events["kind"].isin(TALKS_KINDS) & events[D.DRAWN_FIRST].notna()]
    ordered = talks.sort_values(
        [D.DRAWN_FIRST, D.DRAWN_LAST, D.SOURCE_PUBLISHED], ascending=False, kind="stable"
    )
    return ordered.head(limit)


# --------------------------------------------------------------------------- Comparisons


def _value_key(observations: pd.DataFrame) -> pd.Series:
    """What two figures must share to agree: their numbers, or their words when wordless.

    One hash per row; missing numbers hash alike, so 'empty' agrees with 'empty'.
    """
    numbers = observations[["value", "value_low", "value_high"]].round(6)
    wordless = numbers.isna().all(axis=1)
    words = observations["value_as_stated"].str.strip().str.lower().where(wordless, "")
    return pd.util.hash_pandas_object(numbers.assign(words=words), index=False)


def disagreements(observations: pd.DataFrame) -> pd.DataFrame:
    """Figures from different sources that differ for the same indicator, place and period.

    Returns those rows (never an average of them) with a `group` number per disagreement,
    ordered by group.
    """
    if observations.empty:
        return observations.assign(group=pd.Series(dtype="int64"))
    keys = ["indicator_id", "location", D.AS_OF_FIRST, D.AS_OF_LAST]
    frame = observations.assign(_value_key=_value_key(observations))
    grouped = frame.groupby(keys, sort=False, dropna=False)
    conflicting = (grouped["source_id"].transform("nunique") > 1) & (
        grouped["_value_key"].transform("nunique") > 1
    )
    result = frame[conflicting]
    if result.empty:
        return result.drop(columns="_value_key").assign(group=pd.Series(dtype="int64"))
    group = result.groupby(keys, sort=False, dropna=False).ngroup()
    result = result.assign(group=group).sort_values(["group", D.SOURCE_PUBLISHED], kind="stable")
    return result.drop(columns="_value_key")


def figures_per_source(prepared: Prepared) -> pd.DataFrame:
    """How many figures and events each report gives, in the sources table's order."""
    sources = prepared.sources
    observation_counts = prepared.observations["source_id"].value_counts()
    event_counts = prepared.events["source_id"].value_counts()
    counts = pd.DataFrame(
        {
            "source_id": sources["source_id"].to_numpy(),
            "publisher": sources["publisher"].to_numpy(),
            "title": sources["title"].to_numpy(),
            "published": sources["published"].to_numpy(),
            "figures": sources["source_id"]
            .map(observation_counts)
            .fillna(0)
            .astype("int64")
            .to_numpy(),
            "events": sources["source_id"].map(event_counts).fillna(0).astype("int64").to_numpy(),
        }
    )
    return counts


def numeric_figures(observations: pd.DataFrame) -> pd.DataFrame:
    """Figures that have a number to draw (a value or a bound)."""
    return observations[observations[["value", "value_low", "value_high"]].notna().any(axis=1)]
