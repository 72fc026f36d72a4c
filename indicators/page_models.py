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

    @property
    def rows(self) -> int:
        return len(self.frame)

    @property
    def truncated(self) -> bool:
        return len(self.frame) > self.shown.num_rows


@dataclass(frozen=True)
class Chart:
    """A figure with its text alternative and its 'Source: ...' caption."""

    figure: go.Figure
    alt: str  # plain text, for screen readers
    caption: str  # Markdown
    in_words: str = field(init=False)  # Markdown: the alternative, shown under the chart

    def __post_init__(self) -> None:
        # Drawn on every rerun from a cache: made ready once, here.
        object.__setattr__(self, "figure", charts.frozen(self.figure))
        object.__setattr__(self, "in_words", citations.escape_markdown(f"In words: {self.alt}"))


def display_table(frame: pd.DataFrame, limit: int = DISPLAY_ROWS) -> DisplayTable:
    """The table cut to `limit` rows; an index named 'line' (file line numbers) is kept."""
    head = frame.head(limit)
    if head.index.name == "line":
        head = head.reset_index()
    head = citations.shown_frame(head)
    shown = pa.Table.from_pandas(head, preserve_index=False)
    date_columns = tuple(
        column for column in head.columns if pd.api.types.is_datetime64_any_dtype(head[column])
    )
    return DisplayTable(frame=frame, shown=shown, date_columns=date_columns)


def figure_card(row: pd.Series, label: str | None = None) -> Card:
    """A figure with its qualifier, when it holds, where, when it was said, and by whom."""
    dated = f"{row['as_of_text']} · stated {citations.format_day(row['reported_on'])}"
    if row["location"]:
        dated = f"{row['location']} · {dated}"
    return Card(
        label=citations.escape_markdown(label or row["indicator_name"]),
        value=citations.escape_markdown(row["value_shown"]),
        dated=citations.escape_markdown(dated),
        citation=citation_of(row),
        quote=citations.without_bidi_controls(f"“{row['quote']}”"),
        disputed=bool(row.get("disputed", False)),
    )


def cards_markdown(cards: tuple[Card, ...]) -> str:
    """Cards as one Markdown list: figure, when it holds, citation and the exact words.

    One element instead of five per card, where a chart beside it already draws the values.
    """
    return "\n".join(
        f"- **{card.label}: {card.value}**  \n  {card.dated}  \n  {card.citation}  \n  "
        f"*{citations.escape_markdown(card.quote)}*"
        for card in cards
    )


def citation_of(row: pd.Series) -> str:
    """Publisher, linked title, publication date and attribution, as one Markdown line."""
    return citations.citation_markdown(
        row["source_publisher"],
        row["source_title"],
        row["source_url"],
        row["source_published"],
        row["attributed_to"],
    )


def event_line(row: pd.Series) -> EventLine:
    """'**US pulls out of the talks** — 24 July 2025 (“Thursday”)' with its citation."""
    when = row["start_text"] or row["end_text"]
    return EventLine(
        line=f"**{citations.escape_markdown(row['label'])}** — {citations.escape_markdown(when)}",
        citation=citation_of(row),
        quote=citations.without_bidi_controls(f"“{row['quote']}”"),
    )


def source_caption(frame: pd.DataFrame, sources: pd.DataFrame) -> str:
    return citations.source_caption(summaries.reports_cited(frame, sources), limit=CAPTION_REPORTS)


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
        until = event["end_text"] or "not stated"
        blockade_card = Card(
            label="Length of the total aid blockade",
            value=citations.escape_markdown(blockade.text),
            dated=citations.escape_markdown(
                f"{event['label']} · {event['location']} · from {event['start_text']} until "
                f"{until} · approximate"
            ),
            citation=citation_of(event),
            quote=citations.without_bidi_controls(f"“{event['quote']}”"),
        )
        events.insert(0, event.to_frame().T)

    talks_card = None
    if not talks.empty:
        latest = talks.iloc[0]
        talks_card = TalksCard(
            latest=Card(
                label="State of the talks (latest event)",
                value=citations.escape_markdown(latest["label"]),
                dated=citations.escape_markdown(f"{latest['location']} · {latest['start_text']}"),
                citation=citation_of(latest),
                quote=citations.without_bidi_controls(f"“{latest['quote']}”"),
            ),
            earlier=tuple(event_line(row) for _, row in talks.iloc[1:].iterrows()),
        )
    return OverviewModel(
        figure_cards=tuple(figure_card(row) for _, row in headlines.iterrows()),
        blockade=blockade_card,
        talks=talks_card,
        figures=summaries.figure_table(headlines),
        events=summaries.event_table(pd.concat(events)),
    )


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


def timeline_model(view: summaries.Prepared, sources: pd.DataFrame) -> TimelineModel:
    events = view.events
    placed = events[events["shape"] != "unplaced"]
    unplaced = events[events["shape"] == "unplaced"]
    return TimelineModel(
        chart=Chart(
            charts.timeline_figure(events),
            charts.timeline_alt(events),
            source_caption(placed, sources),
        ),
        unplaced=tuple(event_line(row) for _, row in unplaced.head(UNPLACED_CARDS).iterrows()),
        unplaced_note=count_note(
            min(len(unplaced), UNPLACED_CARDS),
            len(unplaced),
            "events without a stated date",
            "the table below lists them all",
        ),
        table=display_table(summaries.event_table(events)),
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
        f"| {citation_of(row)} | **{citations.escape_markdown(row['value_shown'])}** | "
        f"{citations.escape_markdown(citations.format_day(row['reported_on']))} | "
        f"{citations.escape_markdown('“' + str(row['quote']) + '”')} |"
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
    drawn = numeric.sort_values("as_of_last", kind="stable").tail(chart_points)
    numeric_count = len(numeric)
    colours = charts.source_colours(prepared.source_ids)
    sources = prepared.sources

    waffle = None
    if unit == schema.PERCENT_UNIT and not drawn.empty:
        latest_shares = summaries.latest_per_source(drawn)
        waffle = Chart(
            charts.waffle_figure(latest_shares, colours=colours),
            charts.waffle_alt(latest_shares),
            source_caption(latest_shares, sources),
        )
    values = None
    latest_cards: tuple[Card, ...] = ()
    latest_note = ""
    statements: tuple[Card, ...] = ()
    if not drawn.empty:
        values = Chart(
            charts.values_figure(drawn, unit, colours=colours),
            charts.values_alt(drawn, name),
            source_caption(drawn, sources),
        )
        # The same latest figures the waffle draws, newest first.
        latest = summaries.latest_per_source(drawn, limit=LATEST_CARDS).iloc[::-1]
        latest_cards = tuple(
            figure_card(row, label=f"{row['source_publisher']}, {row['location']}")
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
                f"{group.iloc[0]['location']}, {group.iloc[0]['as_of_text']}"
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
            )
        ),
        table=display_table(summaries.figure_table(figures)),
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
    listing = counts.merge(
        view.sources[["source_id", "kind", "language", "url"]], on="source_id", how="left"
    )[list(LISTING_COLUMNS)].rename(columns=LISTING_COLUMNS)
    return SourcesModel(
        chart=Chart(
            charts.figures_per_source_figure(counts),
            charts.figures_per_source_alt(counts),
            source_caption(counts, prepared.sources),
        ),
        counts=counts,
        listing=display_table(listing),
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
        f"language: {source['language']}",
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
        figures=display_table(summaries.figure_table(observations)),
        events=display_table(summaries.event_table(events)),
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
