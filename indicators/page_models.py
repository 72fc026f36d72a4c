"""What each dashboard page shows, worked out once per view: words, cards, tables, figures.

A page's rerun should only hand finished pieces to Streamlit. Everything here is plain
data: Markdown already escaped (`citations`), tables already in Arrow form and cut to what
the screen shows, Plotly figures already built. The dashboard caches each model per data
and filter choice, so a rerun does no pandas work, and each model is testable without a
browser.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd
import plotly.graph_objects as go
import pyarrow as pa

from indicators import charts, citations, schema, summaries
from indicators import derived as D

DISPLAY_ROWS = 200  # rows drawn in a table on screen (sent on every rerun); downloads hold all
CHART_POINTS = 500  # figures drawn in one chart (the latest); the table and download hold all
LATEST_CARDS = 4  # 'latest figure from each source' cards, the same figures the waffle draws
DISAGREEMENTS_SHOWN = 5  # disagreements shown side by side, a table each; one table has all
FIGURES_PER_DISAGREEMENT = 6
UNPLACED_CARDS = 20  # undated events listed under the timeline
CAPTION_REPORTS = 5  # reports named under a chart before the rest are counted


# --------------------------------------------------------------------------- Pieces


@dataclass(frozen=True)
class Card:
    """A figure (or an event) as a card. Every field but `quote` is inert Markdown."""

    label: str
    value: str
    dated: str
    citation: str
    quote: str  # the report's exact words, shown as plain text
    disputed: bool = False
    note: str = ""  # plain text: how a date was worked out, shown with the quote


@dataclass(frozen=True)
class EventLine:
    """An event as one line of Markdown with its citation and the report's exact words."""

    line: str
    citation: str
    quote: str


@dataclass(frozen=True)
class DisplayTable:
    """A table as the screen shows it: its first DISPLAY_ROWS rows, already in Arrow form.

    `frame` is the whole table, for its download; `shown` is what `st.dataframe` draws.
    Converting to Arrow once here spares every rerun the conversion.
    """

    frame: pd.DataFrame
    shown: pa.Table
    date_columns: tuple[str, ...]
    # Pixels per column heading, chosen so the table fits the page at desktop width.
    widths: dict[str, int] = field(default_factory=dict)
    tidy: pd.DataFrame | None = None  # what its download holds, when not `frame` itself

    @property
    def rows(self) -> int:
        return len(self.frame)

    @property
    def download(self) -> pd.DataFrame:
        """The rows as people reuse them: the tables' own columns, numbers as numbers."""
        return self.frame if self.tidy is None else self.tidy

    @property
    def truncated(self) -> bool:
        return len(self.frame) > self.shown.num_rows


@dataclass(frozen=True)
class ChartSource:
    """Which reports a chart is drawn from, as a caption and as lines inside the figure."""

    caption: str  # Markdown: 'Source: Politico, “Title” (24 July 2025)'
    line: str  # the same, plain text
    data_note: str  # plain text: 'Reports published 24–25 July 2025'
    latest: str  # ISO day of the latest report, '' when there is none


@dataclass(frozen=True)
class Chart:
    """A figure titled and cited inside itself, with its text alternative.

    The title, the source line and the date of the latest report are drawn into the figure,
    so an image saved from the chart's toolbar still carries them. `file_name` names that
    image; `zoomable` is False for charts with nothing to zoom into (the waffle).
    """

    figure: go.Figure
    alt: str  # plain text, for screen readers
    source: ChartSource
    title: str = ""  # plain text
    name: str = "chart"  # the start of the saved image's file name
    zoomable: bool = True
    in_words: str = field(init=False)  # Markdown: the alternative, shown under the chart

    def __post_init__(self) -> None:
        # Drawn on every rerun from a cache: made ready once, here.
        charts.cite(self.figure, self.title, self.source.line, self.source.data_note)
        object.__setattr__(self, "figure", charts.frozen(self.figure))
        object.__setattr__(self, "in_words", citations.escape_markdown(f"In words: {self.alt}"))

    @property
    def caption(self) -> str:
        return self.source.caption

    @property
    def aria_label(self) -> str:
        """What a screen reader says for the chart: its title, what it shows, its sources."""
        return " ".join(part for part in (self.title + ".", self.alt, self.source.line) if part)

    @property
    def file_name(self) -> str:
        return "-".join(part for part in (self.name, self.source.latest) if part)


def display_table(
    frame: pd.DataFrame,
    limit: int = DISPLAY_ROWS,
    widths: dict[str, int] | None = None,
    tidy: pd.DataFrame | None = None,
) -> DisplayTable:
    """The table cut to `limit` rows; an index named 'line' (file line numbers) is kept.

    With `widths`, the screen shows those columns only (the download keeps them all).
    """
    head = frame.head(limit)
    if head.index.name == "line":
        head = head.reset_index()
    head = citations.shown_frame(head)
    if widths:
        head = head[[column for column in widths if column in head.columns]]
    shown = pa.Table.from_pandas(head, preserve_index=False)
    date_columns = tuple(
        column for column in head.columns if pd.api.types.is_datetime64_any_dtype(head[column])
    )
    return DisplayTable(
        frame=frame, shown=shown, date_columns=date_columns, widths=dict(widths or {}), tidy=tidy
    )


# Columns each table shows on screen, with their widths in pixels: together they fit the
# page at desktop width (a phone scrolls them sideways). The downloads hold every column.
EVENT_SCREEN = {
    "Event": 260,
    "Kind": 70,
    "From": 235,
    "Until": 175,
    "Location": 95,
    "Publisher": 95,
}
# Inside a report's bordered box: a little narrower, and its publisher goes without saying.
SOURCE_EVENT_SCREEN = {
    "Event": 240,
    "Kind": 70,
    "From": 220,
    "Until": 165,
    "Location": 90,
    "Attributed to": 105,
}
FIGURE_SCREEN = {
    "Location": 90,
    "Value": 170,
    "As stated": 170,
    "Holds": 140,
    "Stated on": 85,
    "Publisher": 90,
    "Attributed to": 185,
}
SOURCE_FIGURE_SCREEN = {
    "Indicator": 250,
    "Location": 85,
    "Value": 165,
    "Holds": 125,
    "Stated on": 85,
    "Attributed to": 170,
}
DISAGREEMENT_SCREEN = {
    "Disagreement": 95,
    **{k: v for k, v in FIGURE_SCREEN.items() if k != "As stated"},
}


def figure_display(observations: pd.DataFrame, widths: dict[str, int]) -> DisplayTable:
    """Figures on screen (headed, worded) and in their download (tidy)."""
    return display_table(
        summaries.figure_table(observations),
        widths=widths,
        tidy=summaries.tidy_download(observations, "observations"),
    )


def event_display(events: pd.DataFrame, widths: dict[str, int] = EVENT_SCREEN) -> DisplayTable:
    return display_table(
        summaries.event_table(events),
        widths=widths,
        tidy=summaries.tidy_download(events, "events"),
    )


def stated_on_words(row: pd.Series) -> str:
    """'stated 23 July 2025', or that the day was worked out when the report does not say it."""
    day = citations.format_day(row["reported_on"])
    if not day:
        return ""
    return f"stated {day}{INFERRED if bool(row.get(D.REPORTED_ON_INFERRED, False)) else ''}"


INFERRED = " (inferred: the report gives no date)"


def figure_dated(row: pd.Series, place: bool = True) -> str:
    """Where and when a figure holds, and when it was said, with no date said twice."""
    day = citations.format_day(row["reported_on"])
    inferred = INFERRED if bool(row.get(D.REPORTED_ON_INFERRED, False)) else ""
    if pd.isna(row["period_start"]) and day:
        # No period: the figure holds on the day it was said; say that day once.
        when = [f"as of {day}, the day it was stated{inferred}"]
    else:
        when = [str(row[D.AS_OF_TEXT] or ""), stated_on_words(row)]
    where = str(row["location"] or "") if place else ""
    return " · ".join(part for part in (where, *when) if part)


def date_note(row: pd.Series) -> str:
    """The row's notes when its day was inferred: how that day was worked out."""
    if bool(row.get(D.REPORTED_ON_INFERRED, False)):
        notes = " ".join(str(row.get("notes") or "").split())
        return notes or "The report does not say on which day this was stated."
    return ""


def figure_card(row: pd.Series, label: str | None = None, place: bool = True) -> Card:
    """A figure with its qualifier, when it holds, where (unless `place` is False, for a
    label that names it), when it was said, and by whom."""
    return Card(
        label=citations.escape_markdown(label or row[D.INDICATOR_NAME]),
        value=citations.escape_markdown(row[D.VALUE_SHOWN]),
        dated=citations.escape_markdown(figure_dated(row, place)),
        citation=citation_of(row),
        quote=citations.without_bidi_controls(citations.quoted(row["quote"])),
        disputed=bool(row.get("disputed", False)),
        note=date_note(row),
    )


def cards_markdown(cards: tuple[Card, ...]) -> str:
    """Cards as one Markdown list: figure, when it holds, citation and the exact words.

    One element instead of five per card, where a chart beside it already draws the values.
    """
    return "\n".join(
        f"- **{card.label}: {card.value}**  \n  {card.dated}  \n  {card.citation}  \n  "
        f"*{citations.escape_markdown(card.quote)}*"
        + (f"  \n  Note on the date: {citations.escape_markdown(card.note)}" if card.note else "")
        for card in cards
    )


def citation_of(row: pd.Series) -> str:
    """Publisher, linked title, publication date and attribution, as one Markdown line."""
    return citations.citation_markdown(
        row[D.SOURCE_PUBLISHER],
        row[D.SOURCE_TITLE],
        row[D.SOURCE_URL],
        row[D.SOURCE_PUBLISHED],
        row["attributed_to"],
    )


def event_line(row: pd.Series) -> EventLine:
    """'**US pulls out of the talks** — 24 July 2025 (“Thursday”)' with its citation."""
    when = row[D.START_TEXT] or row[D.END_TEXT]
    return EventLine(
        line=f"**{citations.escape_markdown(row['label'])}** — {citations.escape_markdown(when)}",
        citation=citation_of(row),
        quote=citations.without_bidi_controls(citations.quoted(row["quote"])),
    )


def chart_source(frame: pd.DataFrame, sources: pd.DataFrame) -> ChartSource:
    """The reports a chart's rows come from: named (the first CAPTION_REPORTS), and dated."""
    reports = summaries.reports_cited(frame, sources)
    days = [day for day in (citations.as_date(published) for _, _, published in reports) if day]
    note = ""
    if days:
        span = charts.span_words(pd.Timestamp(min(days)), pd.Timestamp(max(days)))
        note = f"{'Report' if len(reports) == 1 else 'Reports'} published {span}."
    return ChartSource(
        caption=citations.source_caption(reports, limit=CAPTION_REPORTS),
        line=citations.source_line(reports, limit=CAPTION_REPORTS),
        data_note=note,
        latest=max(days).isoformat() if days else "",
    )


def count_note(shown: int, total: int, what: str, where: str) -> str:
    """'Showing 12 of 3,400 sources; the table below holds every figure.' or ''."""
    if total <= shown:
        return ""
    return f"Showing {shown:,} of {total:,} {what}; {where}."


# --------------------------------------------------------------------------- Overview


@dataclass(frozen=True)
class TalksCard:
    latest: Card
    earlier: tuple[EventLine, ...]
    # 'Before that' and the earlier events as one Markdown list, each with its citation.
    earlier_markdown: str = field(init=False)

    def __post_init__(self) -> None:
        items = "\n".join(f"- {event.line}  \n  {event.citation}" for event in self.earlier)
        object.__setattr__(self, "earlier_markdown", f"**Before that**\n\n{items}")


@dataclass(frozen=True)
class OverviewModel:
    figure_cards: tuple[Card, ...]
    blockade: Card | None
    talks: TalksCard | None
    figures: pd.DataFrame  # the cards' figures, as downloaded
    events: pd.DataFrame  # the blockade and talks events, as downloaded

    @property
    def empty(self) -> bool:
        return not self.figure_cards and self.blockade is None and self.talks is None


def overview_model(view: summaries.Prepared) -> OverviewModel:
    headlines = summaries.headline_figures(view)
    blockade = summaries.blockade_length(view.events)
    talks = summaries.talks_events(view.events)

    blockade_card = None
    events = [talks]
    if blockade is not None:
        event = blockade.event
        until = event[D.END_TEXT] or "not stated"
        blockade_card = Card(
            label="Length of the total aid blockade",
            value=citations.escape_markdown(blockade.text),
            dated=citations.escape_markdown(
                " · ".join(
                    (
                        *label_and_place(event),
                        f"from {event[D.START_TEXT]} until {until}",
                        "approximate",
                    )
                )
            ),
            citation=citation_of(event),
            quote=citations.without_bidi_controls(citations.quoted(event["quote"])),
        )
        events.insert(0, event.to_frame().T)

    talks_card = None
    if not talks.empty:
        latest = talks.iloc[0]
        talks_card = TalksCard(
            latest=Card(
                label="State of the talks (latest event)",
                value=citations.escape_markdown(latest["label"]),
                dated=citations.escape_markdown(
                    " · ".join(part for part in (latest["location"], latest[D.START_TEXT]) if part)
                ),
                citation=citation_of(latest),
                quote=citations.without_bidi_controls(citations.quoted(latest["quote"])),
            ),
            earlier=tuple(event_line(row) for _, row in talks.iloc[1:].iterrows()),
        )
    return OverviewModel(
        figure_cards=tuple(figure_card(row) for _, row in headlines.iterrows()),
        blockade=blockade_card,
        talks=talks_card,
        figures=summaries.tidy_download(headlines, "observations"),
        events=summaries.tidy_download(pd.concat(events), "events"),
    )


def label_and_place(event: pd.Series) -> tuple[str, ...]:
    """An event's label, and its place unless the label already names it."""
    label, place = str(event["label"] or ""), str(event["location"] or "")
    if place and place.casefold() in label.casefold():
        return (label,)
    return tuple(part for part in (label, place) if part)


# --------------------------------------------------------------------------- Timeline


@dataclass(frozen=True)
class TimelineModel:
    chart: Chart
    unplaced: tuple[EventLine, ...]
    unplaced_note: str
    table: DisplayTable
    # The undated events as one Markdown list: label, citation and the exact words.
    unplaced_markdown: str = field(init=False)

    def __post_init__(self) -> None:
        listed = "\n".join(
            f"- {event.line}  \n  {event.citation}  \n  *{citations.escape_markdown(event.quote)}*"
            for event in self.unplaced
        )
        object.__setattr__(self, "unplaced_markdown", listed)


def timeline_model(
    view: summaries.Prepared,
    sources: pd.DataFrame,
    filters: summaries.Filters | None = None,
) -> TimelineModel:
    """The timeline of a view; its axis spans the filter's dates when it sets them."""
    events = view.events
    placed = events[events[D.SHAPE] != D.UNPLACED]
    unplaced = events[events[D.SHAPE] == D.UNPLACED]
    window = {
        "date_from": filters.date_from if filters else None,
        "date_to": filters.date_to if filters else None,
    }
    return TimelineModel(
        chart=Chart(
            charts.timeline_figure(events, **window),
            charts.timeline_alt(events, **window),
            chart_source(placed, sources),
            title="Events as the reports date them",
            name="timeline",
        ),
        unplaced=tuple(event_line(row) for _, row in unplaced.head(UNPLACED_CARDS).iterrows()),
        unplaced_note=count_note(
            min(len(unplaced), UNPLACED_CARDS),
            len(unplaced),
            "events without a stated date",
            "the table below lists them all",
        ),
        table=event_display(events),
    )


# --------------------------------------------------------------------------- Indicators


@dataclass(frozen=True)
class Disagreement:
    """One place and period where reports give different figures, as one Markdown table:
    a row per report (never an average), with its citation and its exact words."""

    heading: str  # Markdown: 'Gaza, as of 20 July 2025'
    table: str  # Markdown
    figures: int


DISAGREEMENT_HEADER = "| Report | Figure | Stated on | Exact words |\n| --- | --- | --- | --- |"


def disagreement_table(group: pd.DataFrame) -> str:
    """The figures of one disagreement side by side, a Markdown table row each."""
    rows = [
        f"| {citation_of(row)} | **{citations.escape_markdown(row[D.VALUE_SHOWN])}** | "
        f"{citations.escape_markdown(stated_on_words(row).removeprefix('stated '))} | "
        f"{citations.escape_markdown(citations.quoted(row['quote']))} |"
        for _, row in group.iterrows()
    ]
    return "\n".join([DISAGREEMENT_HEADER, *rows])


@dataclass(frozen=True)
class IndicatorModel:
    indicator_id: str
    name: str
    description: str  # Markdown: definition and unit
    has_figures: bool
    waffle: Chart | None
    values: Chart | None
    drawn_note: str
    latest_cards: tuple[Card, ...]
    latest_markdown: str  # the same, as one list
    latest_note: str
    statements: tuple[Card, ...]  # figures stated only in words
    statements_markdown: str
    disagreement_groups: int
    disagreements: tuple[Disagreement, ...]
    disagreement_table: DisplayTable  # every disagreeing figure, numbered by group
    table: DisplayTable


def indicator_model(
    view: summaries.Prepared,
    prepared: summaries.Prepared,
    indicator_id: str,
    chart_points: int = CHART_POINTS,
) -> IndicatorModel:
    """One indicator's charts, cards and table in a view; `prepared` gives the catalogue,
    the report list and each source's colour, the same whatever the filters."""
    catalogue = prepared.indicators.set_index("indicator_id")
    known = indicator_id in catalogue.index
    name = str(catalogue.at[indicator_id, "name"]) if known else indicator_id
    unit = str(catalogue.at[indicator_id, "unit"]) if known else ""
    definition = str(catalogue.at[indicator_id, "definition"]) if known else ""
    observations = view.observations
    figures = observations[observations["indicator_id"] == indicator_id]
    numeric = summaries.numeric_figures(figures)
    drawn = numeric.sort_values(D.AS_OF_LAST, kind="stable").tail(chart_points)
    numeric_count = len(numeric)
    colours = charts.source_colours(prepared.source_ids)
    sources = prepared.sources

    waffle = None
    if unit == schema.PERCENT_UNIT and not drawn.empty:
        latest_shares = summaries.latest_per_source(drawn)
        waffle = Chart(
            charts.waffle_figure(latest_shares, colours=colours),
            charts.waffle_alt(latest_shares),
            chart_source(latest_shares, sources),
            title=f"{name}: out of every 100",
            name=f"{indicator_id}-out-of-100",
            zoomable=False,
        )
    values = None
    latest_cards: tuple[Card, ...] = ()
    latest_note = ""
    statements: tuple[Card, ...] = ()
    if not drawn.empty:
        values = Chart(
            charts.values_figure(drawn, unit, colours=colours),
            charts.values_alt(drawn, name),
            chart_source(drawn, sources),
            title=f"{name}, over time by source",
            name=f"{indicator_id}-over-time",
        )
        # The same latest figures the waffle draws, newest first.
        latest = summaries.latest_per_source(drawn, limit=LATEST_CARDS).iloc[::-1]
        latest_cards = tuple(
            figure_card(row, label=f"{row[D.SOURCE_PUBLISHER]}, {row['location']}", place=False)
            for _, row in latest.iterrows()
        )
        latest_note = count_note(
            len(latest_cards),
            len(drawn[["source_id", "location"]].drop_duplicates()),
            "sources and places",
            "the table below holds every figure",
        )
    else:
        statements = tuple(figure_card(row) for _, row in figures.head(LATEST_CARDS).iterrows())

    conflicting = summaries.disagreements(figures)
    group_ids = sorted(conflicting["group"].unique())
    shown = conflicting[conflicting["group"].isin(group_ids[:DISAGREEMENTS_SHOWN])]
    disagreements = tuple(
        Disagreement(
            heading=citations.escape_markdown(
                f"{group.iloc[0]['location']}, {group.iloc[0][D.AS_OF_TEXT]}"
            ),
            table=disagreement_table(group.head(FIGURES_PER_DISAGREEMENT)),
            figures=len(group),
        )
        for _, group in shown.groupby("group", sort=True)
    )
    return IndicatorModel(
        indicator_id=indicator_id,
        name=name,
        description=citations.escape_markdown(f"{definition} Unit: {unit}."),
        has_figures=not figures.empty,
        waffle=waffle,
        values=values,
        drawn_note=(
            f"The chart draws the latest {len(drawn):,} figures; the table below holds all of them."
            if len(drawn) < numeric_count
            else ""
        ),
        latest_cards=latest_cards,
        latest_markdown=cards_markdown(latest_cards),
        latest_note=latest_note,
        statements=statements,
        statements_markdown=cards_markdown(statements),
        disagreement_groups=len(group_ids),
        disagreements=disagreements,
        disagreement_table=display_table(
            summaries.figure_table(conflicting).assign(
                Disagreement=conflicting["group"].to_numpy() + 1
            ),
            widths=DISAGREEMENT_SCREEN,
            tidy=summaries.tidy_download(conflicting, "observations").assign(
                disagreement=conflicting["group"].to_numpy() + 1
            ),
        ),
        table=figure_display(figures, FIGURE_SCREEN),
    )


# --------------------------------------------------------------------------- Sources


@dataclass(frozen=True)
class SourceDetail:
    """One report in full: what it is and what was taken from it."""

    source_id: str
    heading: str  # Markdown: the publisher
    title: str  # Markdown: the title, linked when its address is http(s)
    facts: str  # Markdown: published, kind, language
    has_url: bool
    notes: str  # plain text
    checksum: str  # Markdown
    figures: DisplayTable
    events: DisplayTable


@dataclass(frozen=True)
class SourcesModel:
    chart: Chart
    counts: pd.DataFrame  # figures and events per report, as downloaded
    listing: DisplayTable  # every report in the view, one row each
    labels: dict[str, str] = field(default_factory=dict)  # source id -> 'Publisher, day'


LISTING_COLUMNS = {
    "publisher": "Publisher",
    "title": "Title",
    "published": "Published",
    "figures": "Figures",
    "events": "Events",
    "kind": "Kind",
    "language": "Language",
    "url": "Address",
    "source_id": "Source id",
}
LISTING_SCREEN = {
    "Publisher": 110,
    "Title": 330,
    "Published": 95,
    "Figures": 65,
    "Events": 60,
    "Kind": 105,
    "Language": 75,
    "Address": 80,
}


def source_labels(sources: pd.DataFrame) -> dict[str, str]:
    """'Publisher, 24 July 2025' for each source id, as the pickers show a report."""
    return {
        source_id: f"{citations.plain_text(publisher)}, {citations.format_day(published)}"
        for source_id, publisher, published in zip(
            sources["source_id"], sources["publisher"], sources["published"], strict=True
        )
    }


def sources_model(view: summaries.Prepared, prepared: summaries.Prepared) -> SourcesModel:
    counts = summaries.figures_per_source(view)
    joined = counts[["source_id", "figures", "events"]].merge(
        view.sources, on="source_id", how="left"
    )
    listing = joined.assign(language=joined["language"].map(citations.language_name))[
        list(LISTING_COLUMNS)
    ].rename(columns=LISTING_COLUMNS)
    tidy = joined[[*schema.SOURCES.column_names, "figures", "events"]]
    return SourcesModel(
        chart=Chart(
            charts.figures_per_source_figure(counts),
            charts.figures_per_source_alt(counts),
            chart_source(counts, prepared.sources),
            title="Rows taken from each report",
            name="rows-per-report",
        ),
        counts=counts,
        listing=display_table(listing, widths=LISTING_SCREEN, tidy=tidy),
        labels=source_labels(view.sources),
    )


def source_detail(view: summaries.Prepared, source_id: str) -> SourceDetail | None:
    """The report `source_id` of a view, or None when the view does not hold it."""
    matches = view.sources[view.sources["source_id"] == source_id]
    if matches.empty:
        return None
    source = matches.iloc[0]
    facts = [
        f"published {citations.format_day(source['published'])}",
        f"{source['kind']}",
        f"in {citations.language_name(source['language'])}",
    ]
    observations = view.observations[view.observations["source_id"] == source_id]
    events = view.events[view.events["source_id"] == source_id]
    return SourceDetail(
        source_id=source_id,
        heading=citations.escape_markdown(source["publisher"]),
        title=f"*{citations.markdown_link(source['title'], source['url'])}*",
        facts=citations.escape_markdown(" · ".join(facts)),
        has_url=citations.safe_link_url(source["url"]) is not None,
        notes=citations.without_bidi_controls(str(source["notes"] or "")),
        checksum=citations.escape_markdown(
            f"SHA-256 of the text the quotes were checked against: {source['text_sha256']}"
        ),
        figures=figure_display(observations, SOURCE_FIGURE_SCREEN),
        events=event_display(events, SOURCE_EVENT_SCREEN),
    )


# --------------------------------------------------------------------------- Data


def table_views(
    view: summaries.Prepared, tables: dict[str, pd.DataFrame], indicator_id: str | None
) -> dict[str, DisplayTable]:
    """Each table's rows in a view, with the columns it was loaded with (the Data page)."""
    frames = {
        "sources": view.sources,
        "indicators": view.indicators,
        "observations": view.observations,
        "events": view.events,
    }
    if indicator_id:
        frames["indicators"] = frames["indicators"][
            frames["indicators"]["indicator_id"] == indicator_id
        ]
        frames["observations"] = frames["observations"][
            frames["observations"]["indicator_id"] == indicator_id
        ]
    return {
        name: display_table(frame[list(tables[name].columns)]) for name, frame in frames.items()
    }
