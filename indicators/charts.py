"""Plotly figures for the dashboard: one builder per chart, data in, figure out.

Each builder has a partner `*_alt` that says in one sentence what the chart shows, for
people who cannot see it. Colours come from the Okabe-Ito palette, which stays distinct
for the common kinds of colour blindness, and uncertainty is drawn with a hatch pattern
as well as a lighter shade so it never rests on colour alone. Text from the data is
HTML-escaped before it reaches Plotly, which would otherwise read tags in it.
"""

from __future__ import annotations

import html
import json
import math
import textwrap
from collections.abc import Callable

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio
from plotly.subplots import make_subplots

from indicators import citations
from indicators import derived as D
from indicators.schema import PERCENT_UNIT

# Okabe & Ito (2008), "Color Universal Design".
OKABE_ITO = {
    "orange": "#E69F00",
    "sky blue": "#56B4E9",
    "bluish green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish purple": "#CC79A7",
    "black": "#000000",
}
SERIES_COLOURS = tuple(
    OKABE_ITO[name]
    for name in (
        "blue",
        "vermillion",
        "bluish green",
        "reddish purple",
        "orange",
        "sky blue",
        "black",
    )
)
KIND_COLOURS = {
    "war": OKABE_ITO["vermillion"],
    "ceasefire": OKABE_ITO["bluish green"],
    "blockade": OKABE_ITO["black"],
    "siege": OKABE_ITO["orange"],
    "talks": OKABE_ITO["blue"],
    "diplomacy": OKABE_ITO["sky blue"],
    "statement": OKABE_ITO["reddish purple"],
}
EMPTY_SQUARE_COLOUR = "#E4E4E4"
FUZZY_OPACITY = 0.35
FUZZY_PATTERN = "/"
HOVER_WIDTH = 60  # characters per hover line
ROW_HEIGHT = 46  # pixels per event on the timeline: its label above, its bar below
# A timeline with thousands of rows is neither readable nor quick to draw: beyond this many
# dated events it shows the latest ones and says so on the chart; the table beneath has all.
TIMELINE_ROWS = 60
ZOOM_DAYS = 28  # the zoomed panel: the events that start in the axis's latest four weeks
ZOOM_WHEN_SPAN_OVER = 120  # days; a shorter axis shows its days legibly without a zoom
ZOOM_MIN_EVENTS = 3
PANEL_GAP = 90  # pixels between the timeline's panels: the first one's dates, the next title
LABEL_WIDTH = 34  # characters per line of an event's label on the timeline
LABEL_ROOM = 0.4  # share of the axis that must be free beside a mark to hold its label
SOURCE_BARS = 25  # reports drawn on the rows-per-report chart; the table beneath lists all
SERIES_SHOWN = 7  # sources given their own colour on the values chart; the rest share grey
OTHER_SOURCES_COLOUR = "#9E9E9E"
LABELLED_POINTS = 40  # past this many figures, the values chart labels none (hover has them)
FONT = "Source Sans Pro, Arial, sans-serif"
TITLE_WIDTH = 44  # characters per line of a chart's title: it must fit a phone
SOURCE_WIDTH = 64  # characters per line of the source line beneath a chart
SOURCE_LINE = 15  # pixels per line of it
DAY = pd.Timedelta(days=1)


class FrozenFigure(go.Figure):
    """A finished figure that many reruns draw: its plain dict form is made once.

    Streamlit asks a figure for `to_dict()` (a deep copy) and encodes the result to JSON on
    every rerun. A cached figure never changes, so it hands over the same dict of plain
    JSON values each time, which the encoder takes as it is. Do not change it after
    `frozen` made it.
    """

    def to_dict(self) -> dict:
        plain = self.__dict__.get("_plain_dict")
        if plain is None:
            plain = json.loads(pio.to_json(super().to_dict(), validate=False))
            self.__dict__["_plain_dict"] = plain
        return plain


def frozen(figure: go.Figure) -> FrozenFigure:
    """The figure as a FrozenFigure, its dict form made now (for a cache to hand out)."""
    result = FrozenFigure(figure)
    result.to_dict()
    return result


def plotly_text(text: object, width: int | None = None) -> str:
    """Data text made safe for Plotly labels and hovers, optionally wrapped into lines."""
    if text is None or (isinstance(text, float) and math.isnan(text)):
        return ""
    plain = " ".join(citations.without_bidi_controls(str(text)).split())
    lines = textwrap.wrap(plain, width) if width else [plain]
    return "<br>".join(html.escape(line, quote=False) for line in lines)


def _faded(colour: str) -> str:
    """The colour at FUZZY_OPACITY, as rgba, so a hatch drawn over it stays solid."""
    red, green, blue = (int(colour[index : index + 2], 16) for index in (1, 3, 5))
    return f"rgba({red},{green},{blue},{FUZZY_OPACITY})"


def _base_layout(figure: go.Figure, height: int) -> None:
    figure.update_layout(
        height=height,
        margin={"l": 10, "r": 10, "t": 40, "b": 10},
        font={"family": FONT, "size": 13},
        # Dark text on white in every hover box, whatever the colour of the mark under it.
        hoverlabel={
            "align": "left",
            "bgcolor": "white",
            "bordercolor": "#555555",
            "font": {"color": "#1A1A1A", "family": FONT, "size": 13},
        },
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.02, "xanchor": "left", "x": 0},
        # A finger dragging over a chart scrolls the page instead of zooming into the chart;
        # zooming is done with the toolbar's + and − buttons.
        dragmode=False,
    )


def cite(figure: go.Figure, title: str, source: str, data_note: str) -> go.Figure:
    """Title above the chart, source line and data date beneath it, inside the figure.

    A chart saved as an image (the toolbar's camera) then still says what it shows, which
    reports it is drawn from and how recent they are. Room is added to the figure's height
    for both, above and below what the builder laid out.
    """
    margin = figure.layout.margin
    top, bottom, left = margin.t or 0, margin.b or 0, margin.l or 0
    height = figure.layout.height or 450
    title_lines = plotly_text(title, TITLE_WIDTH).split("<br>") if title else []
    below = [*plotly_text(source, SOURCE_WIDTH).split("<br>"), plotly_text(data_note)]
    below = [line for line in below if line]
    title_room = 22 * len(title_lines) + (12 if title_lines else 0)
    source_room = SOURCE_LINE * len(below) + 10
    if title_lines:
        figure.update_layout(
            title={
                "text": "<br>".join(f"<b>{line}</b>" for line in title_lines),
                "x": 0,
                "xref": "container",
                "xanchor": "left",
                "y": 1,
                "yref": "container",
                "yanchor": "top",
                "pad": {"t": 10, "l": 10},
                "font": {"size": 16, "color": "#1A1A1A"},
            }
        )
    if below:
        figure.add_annotation(
            text="<br>".join(below),
            x=0,
            xref="paper",
            xanchor="left",
            xshift=-max(left - 10, 0),
            y=0,
            yref="paper",
            yanchor="top",
            yshift=-(bottom - 4),
            showarrow=False,
            align="left",
            font={"size": 11, "color": "#555555"},
            name="source",
        )
    new_height = height + title_room + source_room
    figure.update_layout(
        height=new_height, margin={"t": top + title_room, "b": bottom + source_room}
    )
    if figure.layout.legend.yref == "container" and figure.layout.legend.yanchor == "top":
        figure.update_layout(legend_y=1 - (title_room + 4) / new_height)  # under the title
    return figure


def _note_above(figure: go.Figure, text: str, yshift: int) -> None:
    """A note over the plot, flush left, in dark red: what the chart leaves out."""
    figure.add_annotation(
        text=plotly_text(text),
        x=0,
        xref="paper",
        xanchor="left",
        y=1,
        yref="paper",
        yanchor="bottom",
        yshift=yshift,
        showarrow=False,
        font={"size": 12, "color": "#8B0000"},
    )


def _note_centred(figure: go.Figure, text: str) -> None:
    """A message in the middle of an empty chart."""
    figure.add_annotation(text=text, showarrow=False, x=0.5, y=0.5, xref="paper", yref="paper")


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


# --------------------------------------------------------------------------- Timeline


def _segments(events: pd.DataFrame) -> pd.DataFrame:
    """Pieces to draw per event: 'fuzzy' for an uncertain window, 'core' where it surely ran.

    Columns: event row index, part, begin, finish (exclusive). Built column-wise.
    """
    placed = events[events[D.SHAPE] != D.UNPLACED]
    start_fuzzy = placed[D.START_LAST] > placed[D.START_FIRST]
    end_fuzzy = placed[D.END_LAST] > placed[D.END_FIRST]
    lasting = placed[D.SHAPE].isin([D.INTERVAL, D.ONGOING])

    core_begin = (placed[D.START_LAST] + DAY).where(start_fuzzy, placed[D.START_FIRST])
    core_finish = placed[D.END_FIRST].where(end_fuzzy, placed[D.END_LAST] + DAY)
    core_finish = core_finish.where(placed[D.SHAPE] != D.ONGOING, placed[D.DRAWN_LAST] + DAY)

    pieces = [
        pd.DataFrame(
            {"part": "fuzzy", "begin": placed[D.START_FIRST], "finish": placed[D.START_LAST] + DAY}
        )[lasting & start_fuzzy],
        pd.DataFrame({"part": "core", "begin": core_begin, "finish": core_finish})[
            lasting & (core_finish > core_begin)
        ],
        pd.DataFrame(
            {"part": "fuzzy", "begin": placed[D.END_FIRST], "finish": placed[D.END_LAST] + DAY}
        )[(placed[D.SHAPE] == D.INTERVAL) & end_fuzzy],
        # A moment known only to within a window (a week, "this month") is that window, hatched.
        pd.DataFrame(
            {"part": "fuzzy", "begin": placed[D.DRAWN_FIRST], "finish": placed[D.DRAWN_LAST] + DAY}
        )[(placed[D.SHAPE] == D.MOMENT) & (placed[D.DRAWN_LAST] > placed[D.DRAWN_FIRST])],
    ]
    segments = pd.concat(pieces)
    segments.index.name = "row"
    return segments.reset_index()


def _event_hover(events: pd.DataFrame) -> np.ndarray:
    citation = [
        citations.citation_text(publisher, title, published, attributed)
        for publisher, title, published, attributed in zip(
            events[D.SOURCE_PUBLISHER],
            events[D.SOURCE_TITLE],
            events[D.SOURCE_PUBLISHED],
            events["attributed_to"],
            strict=True,
        )
    ]
    columns = [
        [plotly_text(text, HOVER_WIDTH) for text in events["label"]],
        [plotly_text(text) for text in events["kind"]],
        [plotly_text(text, HOVER_WIDTH) for text in events[D.START_TEXT]],
        [plotly_text(text or "—", HOVER_WIDTH) for text in events[D.END_TEXT]],
        [plotly_text(citations.quoted(text), HOVER_WIDTH) for text in events["quote"]],
        [plotly_text(text, HOVER_WIDTH) for text in citation],
    ]
    return np.array(columns, dtype=object).T


EVENT_HOVER = (
    "<b>%{customdata[0]}</b> (%{customdata[1]})<br>"
    "From: %{customdata[2]}<br>Until: %{customdata[3]}<br><br>"
    "%{customdata[4]}<br><br>%{customdata[5]}<extra></extra>"
)


def _placed_events(events: pd.DataFrame) -> pd.DataFrame:
    return events[events[D.SHAPE] != D.UNPLACED].sort_values(
        [D.DRAWN_FIRST, D.DRAWN_LAST], kind="stable"
    )


def timeline_range(
    placed: pd.DataFrame, date_from: object = None, date_to: object = None
) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The dates the timeline's axis spans: the date filter's, or the events' own, padded.

    An event reaching outside a filter's range (a war since 2023 seen from July 2025) is cut
    at the axis, so the axis shows the chosen dates and not the whole of the event.
    """
    first = placed[D.DRAWN_FIRST].min()
    last = placed[D.DRAWN_LAST].max() + DAY
    if date_from:
        first = max(first, pd.Timestamp(date_from))
    if date_to:
        last = min(last, pd.Timestamp(date_to) + DAY)
    padding = max((last - first) * 0.03, DAY)  # of the span shown, not of the events'
    low = pd.Timestamp(date_from) if date_from else first - padding
    high = pd.Timestamp(date_to) + DAY if date_to else last + padding
    return low, max(high, low + DAY)


def latest_cluster(placed: pd.DataFrame, low: pd.Timestamp, high: pd.Timestamp) -> pd.DataFrame:
    """The events starting in the latest ZOOM_DAYS of a long axis, when they are many.

    On an axis of months or years, events a few days apart are drawn on top of one another;
    a second panel shows these latest weeks at the scale of days. Empty when not needed.
    """
    if high - low <= pd.Timedelta(days=ZOOM_WHEN_SPAN_OVER):
        return placed.iloc[0:0]
    end = min(high, placed[D.DRAWN_LAST].max() + DAY)  # the latest drawn day, not the padding
    recent = placed[
        (placed[D.DRAWN_FIRST] >= end - pd.Timedelta(days=ZOOM_DAYS))
        & (placed[D.DRAWN_FIRST] < high)
    ]
    if len(recent) < ZOOM_MIN_EVENTS or len(recent) == len(placed):
        return placed.iloc[0:0]
    return recent


def _zoom_range(cluster: pd.DataFrame, high: pd.Timestamp) -> tuple[pd.Timestamp, pd.Timestamp]:
    return cluster[D.DRAWN_FIRST].min() - DAY, min(cluster[D.DRAWN_LAST].max() + 2 * DAY, high)


def _label_place(
    begin: pd.Timestamp, finish: pd.Timestamp, low: pd.Timestamp, high: pd.Timestamp
) -> tuple[pd.Timestamp, str, int, int]:
    """Where an event's label goes: (x, xanchor, xshift, yshift) beside its mark.

    Right of the mark when there is room there, else left of it, else above a long bar.
    """
    span = high - low
    begin, finish = max(begin, low), min(finish, high)
    if (high - finish) / span >= LABEL_ROOM:
        return finish, "left", 8, 0
    if (begin - low) / span >= LABEL_ROOM:
        return begin, "right", -8, 0
    return begin, "left", 0, 13


def _draw_events(
    figure: go.Figure,
    placed: pd.DataFrame,
    hover: pd.DataFrame,
    segments: pd.DataFrame,
    panel: int,
    legend: Callable[[str], bool],
) -> None:
    """Bars, diamonds and arrows of `placed` in the timeline's panel number `panel`."""
    rows = placed["event_id"]

    def add_bars(kind: str, colour: str, pieces: pd.DataFrame, fuzzy: bool) -> None:
        if pieces.empty:
            return
        figure.add_trace(
            go.Bar(
                orientation="h",
                base=pieces["begin"].dt.strftime("%Y-%m-%d").tolist(),
                x=((pieces["finish"] - pieces["begin"]).dt.total_seconds() * 1000).tolist(),
                y=rows.loc[pieces["row"]].tolist(),
                customdata=hover.loc[pieces["row"]].to_numpy(),
                hovertemplate=EVENT_HOVER,
                name=kind,
                legendgroup=kind,
                showlegend=legend(kind),
                marker={
                    "color": _faded(colour) if fuzzy else colour,
                    "pattern": {
                        "shape": FUZZY_PATTERN if fuzzy else "",
                        "fgcolor": colour,
                        "fgopacity": 1.0,
                        "solidity": 0.25,
                    },
                    "line": {"width": 0},
                },
                width=0.35,
            ),
            row=panel,
            col=1,
        )

    def add_markers(
        kind: str, colour: str, moments: pd.DataFrame, x: pd.Series, symbol: str
    ) -> None:
        if moments.empty:
            return
        figure.add_trace(
            go.Scatter(
                x=x.dt.strftime("%Y-%m-%d %H:%M").tolist(),
                y=moments["event_id"].tolist(),
                mode="markers",
                marker={
                    "symbol": symbol,
                    "size": 13,
                    "color": colour,
                    "line": {"width": 1, "color": "white"},
                },
                customdata=hover.loc[moments.index].to_numpy(),
                hovertemplate=EVENT_HOVER,
                name=kind,
                legendgroup=kind,
                showlegend=legend(kind),
            ),
            row=panel,
            col=1,
        )

    segments = segments[segments["row"].isin(placed.index)]
    # Per kind: what is certain first (so the legend shows it), the uncertain windows last.
    for kind in dict.fromkeys(placed["kind"]):
        colour = KIND_COLOURS.get(kind, OKABE_ITO["black"])
        of_kind = segments[placed.loc[segments["row"], "kind"].to_numpy() == kind]
        add_bars(kind, colour, of_kind[of_kind["part"] == "core"], fuzzy=False)
        same_kind = placed[placed["kind"] == kind]
        moments = same_kind[
            (same_kind[D.SHAPE] == D.MOMENT) & (same_kind[D.DRAWN_LAST] == same_kind[D.DRAWN_FIRST])
        ]
        add_markers(kind, colour, moments, moments[D.DRAWN_FIRST] + DAY / 2, "diamond")
        ongoing = same_kind[same_kind[D.SHAPE] == D.ONGOING]
        add_markers(kind, colour, ongoing, ongoing[D.DRAWN_LAST] + DAY, "triangle-right")
        add_bars(kind, colour, of_kind[of_kind["part"] == "fuzzy"], fuzzy=True)


def _label_events(
    figure: go.Figure, placed: pd.DataFrame, panel: int, low: pd.Timestamp, high: pd.Timestamp
) -> None:
    """Each event's label beside its mark, in its own row, so no two labels meet."""
    suffix = "" if panel == 1 else str(panel)
    for event_id, label, first, last, shape in zip(
        placed["event_id"],
        placed["label"],
        placed[D.DRAWN_FIRST],
        placed[D.DRAWN_LAST],
        placed[D.SHAPE],
        strict=True,
    ):
        finish = last + (2 * DAY if shape == D.ONGOING else DAY)  # past an ongoing arrow
        x, anchor, xshift, yshift = _label_place(first, finish, low, high)
        figure.add_annotation(
            x=x.strftime("%Y-%m-%d %H:%M"),
            xref=f"x{suffix}",
            xanchor=anchor,
            xshift=xshift,
            y=event_id,
            yref=f"y{suffix}",
            yanchor="bottom" if yshift else "middle",
            yshift=yshift,
            text=plotly_text(label, LABEL_WIDTH),
            showarrow=False,
            font={"size": 12, "color": "#333333"},
            align="right" if anchor == "right" else "left",
        )


def _timeline_panel_title(figure: go.Figure, panel: int, text: str) -> None:
    domain = figure.layout[f"yaxis{'' if panel == 1 else panel}"].domain
    figure.add_annotation(
        text=f"<b>{plotly_text(text)}</b>",
        x=0,
        xref="paper",
        xanchor="left",
        y=domain[1],
        yref="paper",
        yanchor="bottom",
        yshift=6,
        showarrow=False,
        font={"size": 13, "color": "#1A1A1A"},
    )


def span_words(first: pd.Timestamp, last: pd.Timestamp) -> str:
    """Two days as a short span: '17–26 July 2025', '3 June – 2 July 2025', '2023–2025'."""
    first, last = first.normalize(), last.normalize()
    if (last - first).days > 366:
        return f"{first:%B %Y} to {last:%B %Y}"
    if first == last:
        return citations.format_day(first)
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}–{citations.format_day(last)}"
    if first.year == last.year:
        return f"{first.day} {first:%B} – {citations.format_day(last)}"
    return f"{citations.format_day(first)} – {citations.format_day(last)}"


def timeline_figure(
    events: pd.DataFrame,
    max_rows: int = TIMELINE_ROWS,
    date_from: object = None,
    date_to: object = None,
) -> go.Figure:
    """The dated events as bars and diamonds; uncertain windows hatched and pale.

    `events` is `summaries.prepare(...).events` (or a filtered part of it). Events with no
    stated date are left out here; the page lists them beneath the chart. Beyond `max_rows`
    dated events, only the latest are drawn, with a note on the chart. The axis spans
    `date_from`..`date_to` when given. On a long axis with several events in its latest
    weeks, a second panel beneath shows those weeks day by day.
    """
    placed = _placed_events(events)
    left_out = max(len(placed) - max_rows, 0)
    if left_out:
        placed = placed.tail(max_rows)
    if placed.empty:
        figure = go.Figure()
        _base_layout(figure, 200)
        _note_centred(figure, "No dated events in this selection")
        figure.update_xaxes(visible=False)
        figure.update_yaxes(visible=False)
        return figure

    low, high = timeline_range(placed, date_from, date_to)
    cluster = latest_cluster(placed, low, high)
    panels = 2 if len(cluster) else 1
    heights = [ROW_HEIGHT * len(placed) + 30, ROW_HEIGHT * len(cluster) + 30][:panels]
    gap = PANEL_GAP if panels == 2 else 0
    # Above the plot: the legend (up to four lines on a phone) and the first panel's title.
    top = (125 if panels == 2 else 100) + (30 if left_out else 0)
    bottom = 40
    height = top + sum(heights) + gap + bottom
    figure = make_subplots(
        rows=panels,
        cols=1,
        row_heights=heights,
        vertical_spacing=gap / (height - top - bottom),
    )
    hover = pd.DataFrame(_event_hover(placed).tolist(), index=placed.index)
    segments = _segments(placed)
    in_legend: set[str] = set()

    def legend(kind: str) -> bool:
        shown = kind not in in_legend
        in_legend.add(kind)
        return shown

    ranges = [(low, high)]
    _draw_events(figure, placed, hover, segments, 1, legend)
    _label_events(figure, placed, 1, low, high)
    if panels == 2:
        zoom_low, zoom_high = _zoom_range(cluster, high)
        ranges.append((zoom_low, zoom_high))
        _draw_events(figure, cluster, hover, segments, 2, legend)
        _label_events(figure, cluster, 2, zoom_low, zoom_high)
        whole = span_words(
            max(low, placed[D.DRAWN_FIRST].min()), min(high - DAY, placed[D.DRAWN_LAST].max())
        )
        _timeline_panel_title(figure, 1, f"All dated events, {whole}")
        _timeline_panel_title(
            figure,
            2,
            f"The latest weeks, {span_words(zoom_low + DAY, cluster[D.DRAWN_LAST].max())}",
        )
    # A legend entry for the hatch, in neutral grey, so it is read as 'uncertain' for any kind.
    figure.add_trace(
        go.Bar(
            x=[None],
            y=[None],
            orientation="h",
            name="date uncertain (within this window)",
            marker={
                "color": _faded("#666666"),
                "pattern": {"shape": FUZZY_PATTERN, "fgcolor": "#666666", "solidity": 0.25},
            },
            hoverinfo="skip",
        ),
        row=1,
        col=1,
    )
    if left_out:
        _note_above(
            figure,
            f"Showing the {len(placed)} latest of {len(placed) + left_out:,} dated events; "
            "narrow the filters to see others. The table beneath lists them all.",
            yshift=30,
        )
    _base_layout(figure, height)
    figure.update_layout(
        barmode="overlay",
        bargap=0.3,
        margin={"l": 10, "r": 10, "t": top, "b": bottom},
        # At the top of the figure, under its title (see `cite`), growing downwards as it
        # wraps on a narrow screen, into the room kept above the first panel.
        legend={
            "orientation": "h",
            "yref": "container",
            "yanchor": "top",
            "y": 1,
            "xanchor": "left",
            "x": 0,
            "font": {"size": 12},
        },
    )
    for panel, (panel_low, panel_high), shown in zip(
        range(1, panels + 1), ranges, (placed, cluster), strict=False
    ):
        figure.update_xaxes(
            type="date",
            range=[panel_low.strftime("%Y-%m-%d %H:%M"), panel_high.strftime("%Y-%m-%d %H:%M")],
            showgrid=True,
            gridcolor="#EEEEEE",
            # One line per date label: days when zoomed in, months otherwise.
            tickformatstops=[
                {"dtickrange": [None, 20 * 86_400_000], "value": "%-d %b"},
                {"dtickrange": [20 * 86_400_000, None], "value": "%b %Y"},
            ],
            row=panel,
            col=1,
        )
        figure.update_yaxes(
            type="category",
            categoryorder="array",
            categoryarray=shown["event_id"].tolist(),
            showticklabels=False,
            autorange=False,
            range=[len(shown) - 0.5, -0.9],  # first row on top, room above it for a label
            row=panel,
            col=1,
        )
    return figure


def timeline_alt(
    events: pd.DataFrame,
    max_rows: int = TIMELINE_ROWS,
    date_from: object = None,
    date_to: object = None,
) -> str:
    """One sentence on what the timeline shows."""
    placed = _placed_events(events)
    drawn = (
        f", of which the chart draws the latest {max_rows} and the table lists all"
        if len(placed) > max_rows
        else ""
    )
    unplaced = int((events[D.SHAPE] == D.UNPLACED).sum())
    undated = (
        f"; {_count(unplaced, 'event')} without a stated date listed beneath" if unplaced else ""
    )
    if placed.empty:
        return f"Timeline with no dated events in this selection{undated}."
    low, high = timeline_range(placed.tail(max_rows), date_from, date_to)
    cluster = latest_cluster(placed.tail(max_rows), low, high)
    zoom = (
        f"; a second panel zooms in on the latest weeks, with {_count(len(cluster), 'event')}"
        if len(cluster)
        else ""
    )
    first, last = placed.iloc[0], placed.sort_values(D.DRAWN_LAST, kind="stable").iloc[-1]
    return (
        f"Timeline of {_count(len(placed), 'dated event')} from "
        f"{citations.format_day(placed[D.DRAWN_FIRST].min())} to "
        f"{citations.format_day(placed[D.DRAWN_LAST].max())}{drawn}, the first being "
        f"“{first['label']}”, {first[D.START_TEXT]}, and the last “{last['label']}”, "
        f"{last[D.START_TEXT]}{zoom}{undated}."
    )


# --------------------------------------------------------------------------- Shares


def _share_of_hundred(row: pd.Series) -> float | None:
    for column in ("value", "value_low", "value_high"):
        if pd.notna(row[column]):
            return float(row[column])
    return None


def _panel_title(row: pd.Series) -> str:
    return (
        f"<b>{plotly_text(row[D.VALUE_SHOWN])}</b> · {plotly_text(row['location'])}<br>"
        f"{plotly_text(row[D.SOURCE_PUBLISHER])}, {plotly_text(row[D.AS_OF_TEXT])}"
    )


def source_colours(source_ids: object) -> dict[str, str]:
    """One palette colour per source, in the given order, so every chart agrees."""
    unique = list(dict.fromkeys(source_ids))
    return {
        source: SERIES_COLOURS[position % len(SERIES_COLOURS)]
        for position, source in enumerate(unique)
    }


def waffle_figure(
    figures: pd.DataFrame, columns: int = 2, colours: dict[str, str] | None = None
) -> go.Figure:
    """A 10×10 grid per figure: 'nearly 33%' is 33 of 100 squares filled.

    `figures` are prepared observations of one share indicator (unit percent); one grid
    per row, side by side, so a reader sees 'one in three' and sources can be compared.
    """
    figures = figures[[_share_of_hundred(row) is not None for _, row in figures.iterrows()]]
    panels = max(len(figures), 1)
    columns = min(columns, panels)
    grid_rows = math.ceil(panels / columns)
    titles = [_panel_title(row) for _, row in figures.iterrows()]
    figure = make_subplots(
        rows=grid_rows,
        cols=columns,
        subplot_titles=titles or None,
        horizontal_spacing=0.08,
        vertical_spacing=0.12 if grid_rows > 1 else 0.0,
    )
    cells = np.arange(100)
    colours = colours or source_colours(figures["source_id"])
    for position, (_, row) in enumerate(figures.iterrows()):
        share = _share_of_hundred(row)
        filled = int(round(share))
        # Fill from the top-left, row by row, as a reader counts.
        grid = (cells < filled).astype(int).reshape(10, 10)
        hover = np.where(
            grid == 1,
            f"one of the {filled} in 100 ({plotly_text(row[D.VALUE_SHOWN])})",
            f"one of the other {100 - filled} in 100",
        )
        figure.add_trace(
            go.Heatmap(
                z=grid,
                x=list(range(10)),
                y=list(range(10)),
                zmin=0,
                zmax=1,
                colorscale=[
                    [0, EMPTY_SQUARE_COLOUR],
                    [1, colours[row["source_id"]]],
                ],
                showscale=False,
                xgap=3,
                ygap=3,
                text=hover,
                hovertemplate="%{text}<extra></extra>",
            ),
            row=position // columns + 1,
            col=position % columns + 1,
        )
    # A grid of 100 squares has nothing to zoom into: its axes are fixed.
    figure.update_xaxes(visible=False, constrain="domain", fixedrange=True)
    figure.update_yaxes(
        visible=False, autorange="reversed", scaleanchor="x", constrain="domain", fixedrange=True
    )
    for axis_number in range(2, panels + 1):
        figure.update_yaxes(
            scaleanchor=f"x{axis_number}",
            row=(axis_number - 1) // columns + 1,
            col=(axis_number - 1) % columns + 1,
        )
    _base_layout(figure, 300 * grid_rows + 20)
    figure.update_layout(margin={"t": 50})
    figure.update_annotations(font={"size": 13})
    return figure


def waffle_alt(figures: pd.DataFrame) -> str:
    parts = [
        f"{row[D.VALUE_SHOWN]} (“{row['value_as_stated']}”) in {row['location']} "
        f"{row[D.AS_OF_TEXT]}, from {row[D.SOURCE_PUBLISHER]}"
        for _, row in figures.iterrows()
        if _share_of_hundred(row) is not None
    ]
    if not parts:
        return "No share to draw in this selection."
    return "Grids of 100 squares with one square filled per percent, " + "; ".join(parts) + "."


# --------------------------------------------------------------------------- Values over time


def _series(numeric: pd.DataFrame, colours: dict[str, str]) -> list[tuple[pd.DataFrame, str, str]]:
    """(rows, colour, legend name) per source; past SERIES_SHOWN sources, the ones with the
    most figures keep their colour and the rest share one grey series."""
    source_ids = list(dict.fromkeys(numeric["source_id"]))
    if len(source_ids) <= SERIES_SHOWN:
        kept, rest = source_ids, []
    else:
        ranked = set(numeric["source_id"].value_counts(sort=True).index[: SERIES_SHOWN - 1])
        kept = [source_id for source_id in source_ids if source_id in ranked]
        rest = [source_id for source_id in source_ids if source_id not in ranked]
    by_source = dict(tuple(numeric.groupby("source_id", sort=False)))
    series = [
        (
            by_source[source_id],
            colours.get(source_id, OKABE_ITO["black"]),
            str(by_source[source_id][D.SOURCE_PUBLISHER].iloc[0]),
        )
        for source_id in kept
    ]
    if rest:
        others = numeric[numeric["source_id"].isin(rest)]
        series.append((others, OTHER_SOURCES_COLOUR, f"{len(rest):,} other reports"))
    return series


def values_figure(
    figures: pd.DataFrame, unit: str, title: str = "", colours: dict[str, str] | None = None
) -> go.Figure:
    """Each figure of one indicator at the date it holds for, one colour per source.

    A figure for a period is drawn as a line across the period; a range ('up to', 'between')
    as an error bar. The label beside each point is the figure with its qualifier (up to
    LABELLED_POINTS figures; the hover always has it). Past SERIES_SHOWN sources, the ones
    with the most figures keep their colour and the others share one grey series.
    """
    figure = go.Figure()
    numeric = figures[figures[["value", "value_low", "value_high"]].notna().any(axis=1)]
    colours = colours or source_colours(numeric["source_id"])
    several_places = numeric["location"].nunique() > 1  # then each label names its place
    labelled = len(numeric) <= LABELLED_POINTS  # past this, labels would hide the points
    series = _series(numeric, colours)
    for position, (rows, colour, name) in enumerate(series):
        rows = rows.sort_values(D.AS_OF_LAST, kind="stable")
        central = rows["value"].fillna(rows["value_low"]).fillna(rows["value_high"])
        upper = (rows["value_high"] - central).clip(lower=0).fillna(0)
        lower = (central - rows["value_low"]).clip(lower=0).fillna(0)
        hover = np.array(
            [
                [
                    plotly_text(shown),
                    plotly_text(citations.quoted(stated)),
                    plotly_text(as_of),
                    plotly_text(citations.format_day(said)),
                    plotly_text(attributed, HOVER_WIDTH),
                    plotly_text(citations.quoted(quote), HOVER_WIDTH),
                    plotly_text(publisher),
                ]
                for shown, stated, as_of, said, attributed, quote, publisher in zip(
                    rows[D.VALUE_SHOWN],
                    rows["value_as_stated"],
                    rows[D.AS_OF_TEXT],
                    rows["reported_on"],
                    rows["attributed_to"],
                    rows["quote"],
                    rows[D.SOURCE_PUBLISHER],
                    strict=True,
                )
            ],
            dtype=object,
        )
        figure.add_trace(
            go.Scatter(
                x=rows[D.AS_OF_LAST].dt.strftime("%Y-%m-%d").tolist(),
                y=central.tolist(),
                mode="markers+text" if labelled else "markers",
                text=[
                    plotly_text(f"{shown} ({place})" if several_places else shown)
                    for shown, place in zip(rows[D.VALUE_SHOWN], rows["location"], strict=True)
                ]
                if labelled
                else None,
                textposition="middle right",
                marker={
                    "size": 11 if labelled else 7,
                    "color": colour,
                    "opacity": 1 if labelled else 0.7,
                    "symbol": ["circle", "square", "diamond"][position % 3],
                },
                error_y={
                    "type": "data",
                    "symmetric": False,
                    "array": upper.tolist(),
                    "arrayminus": lower.tolist(),
                    "visible": bool((upper + lower).any()),
                },
                customdata=hover,
                hovertemplate=(
                    "<b>%{customdata[0]}</b> %{customdata[2]}<br>As stated: %{customdata[1]}<br>"
                    "Stated on %{customdata[3]} by %{customdata[4]}<br><br>%{customdata[5]}"
                    "<extra>%{customdata[6]}</extra>"
                ),
                name=plotly_text(name),
            )
        )
        periods = rows[rows[D.AS_OF_LAST] > rows[D.AS_OF_FIRST]]
        if not periods.empty:
            xs: list[object] = []
            ys: list[object] = []
            for first, last, value in zip(
                periods[D.AS_OF_FIRST], periods[D.AS_OF_LAST], central[periods.index], strict=True
            ):
                xs += [first.strftime("%Y-%m-%d"), last.strftime("%Y-%m-%d"), None]
                ys += [value, value, None]
            figure.add_trace(
                go.Scatter(
                    x=xs,
                    y=ys,
                    mode="lines",
                    line={"color": colour, "width": 3 if labelled else 1.5},
                    opacity=1 if labelled else 0.4,
                    hoverinfo="skip",
                    showlegend=False,
                    legendgroup=name,
                )
            )
    _base_layout(figure, 360)
    # A fixed room for the values and the axis title, so the source line beneath the chart
    # can start at the figure's left edge (automargin still widens it for long numbers).
    # Room above the plot for the legend only when there is more than one source to tell apart.
    figure.update_layout(margin={"l": 64, "r": 10, "t": 40 if len(series) > 1 else 16, "b": 60})
    if title:
        figure.update_layout(title={"text": plotly_text(title), "font": {"size": 15}})
        figure.update_layout(margin={"t": 80})
    figure.update_xaxes(
        type="date",
        automargin=True,
        title_text="date the figure holds for",
        showgrid=True,
        gridcolor="#EEEEEE",
        tickformat="%d %b %Y",
    )
    if not numeric.empty:
        # Pad the dates so a single figure is not drawn on an axis a millisecond wide.
        padding = pd.Timedelta(days=10)
        figure.update_xaxes(
            range=[
                (numeric[D.AS_OF_FIRST].min() - padding).strftime("%Y-%m-%d"),
                (numeric[D.AS_OF_LAST].max() + padding).strftime("%Y-%m-%d"),
            ]
        )
    # The axis title gets its own room (automargin), so it is never cut at a narrow width.
    figure.update_yaxes(automargin=True, title_standoff=8)
    if unit == PERCENT_UNIT:
        figure.update_yaxes(range=value_range(numeric, unit), ticksuffix="%", title_text="percent")
    elif len(_central(numeric).unique()) == 1:
        figure.update_yaxes(title_text=plotly_text(unit), range=value_range(numeric, unit))
    else:
        figure.update_yaxes(title_text=plotly_text(unit), rangemode="tozero")
    if numeric.empty:
        _note_centred(figure, "No figure with a number in this selection")
    return figure


def _central(numeric: pd.DataFrame) -> pd.Series:
    return numeric["value"].fillna(numeric["value_low"]).fillna(numeric["value_high"])


def value_range(numeric: pd.DataFrame, unit: str) -> list[float]:
    """The values axis: 0-100% for shares with several values, and around the value, not
    over the whole of 0-100%, when there is one value only (it would look empty)."""
    values = pd.concat([_central(numeric), numeric["value_low"], numeric["value_high"]]).dropna()
    if values.empty:
        return [0, 105] if unit == PERCENT_UNIT else [0, 1]
    low, high = float(values.min()), float(values.max())
    if unit == PERCENT_UNIT and _central(numeric).nunique() > 1:
        return [0, 105]
    padding = max(abs(high) * 0.25, (high - low) * 0.25, 1.0)
    low, high = low - padding, high + padding
    if unit == PERCENT_UNIT:
        return [max(low, 0.0), min(high, 102.0)]
    return [min(max(low, 0.0), float(values.min())), high]


def values_alt(figures: pd.DataFrame, indicator_name: str) -> str:
    numeric = figures[figures[["value", "value_low", "value_high"]].notna().any(axis=1)]
    if numeric.empty:
        return f"No figure with a number for {indicator_name} in this selection."
    ordered = numeric.sort_values(D.AS_OF_LAST, kind="stable")
    parts = [
        f"{shown} {as_of} from {publisher}"
        for shown, as_of, publisher in zip(
            ordered[D.VALUE_SHOWN], ordered[D.AS_OF_TEXT], ordered[D.SOURCE_PUBLISHER], strict=True
        )
    ]
    shown = "; ".join(parts[:5]) + (f"; and {len(parts) - 5} more" if len(parts) > 5 else "")
    return f"{indicator_name}, {_count(len(numeric), 'figure')} over time by source, {shown}."


# --------------------------------------------------------------------------- Sources


def _most_used_sources(counts: pd.DataFrame, max_bars: int) -> pd.DataFrame:
    """The `max_bars` reports with the most rows, in the table's order; all when fewer."""
    if len(counts) <= max_bars:
        return counts
    rows = counts["figures"] + counts["events"]
    return counts.loc[
        rows.sort_values(ascending=False, kind="stable").index[:max_bars]
    ].sort_index()


def figures_per_source_figure(counts: pd.DataFrame, max_bars: int = SOURCE_BARS) -> go.Figure:
    """Figures and events taken from each report, as grouped horizontal bars.

    Beyond `max_bars` reports, the ones with the most rows are drawn, with a note on the
    chart; the page's table lists every report.
    """
    total = len(counts)
    counts = _most_used_sources(counts, max_bars)
    figure = go.Figure()
    labels = [
        f"{plotly_text(publisher, 18)}<br>{plotly_text(citations.format_day(published))}"
        for publisher, published in zip(counts["publisher"], counts["published"], strict=True)
    ]
    for position, (column, name) in enumerate((("figures", "figures"), ("events", "events"))):
        figure.add_trace(
            go.Bar(
                orientation="h",
                y=counts["source_id"].tolist(),
                x=counts[column].tolist(),
                name=name,
                text=counts[column].tolist(),
                textposition="outside",
                # Solid fills in two colours that stay apart for colour-blind readers; the
                # legend and the count beside each bar say which is which.
                marker={"color": (OKABE_ITO["blue"], OKABE_ITO["orange"])[position]},
                customdata=np.array([[label] for label in labels], dtype=object),
                hovertemplate="%{customdata[0]}: %{x} " + name + "<extra></extra>",
            )
        )
    _base_layout(figure, 160 + 70 * max(len(counts), 1))
    # A fixed room for the reports' names (wrapped to fit it), so the source line beneath
    # the chart starts at the figure's left edge.
    figure.update_layout(barmode="group", margin={"l": 120, "r": 20, "t": 40, "b": 60})
    figure.update_yaxes(
        type="category",
        tickvals=counts["source_id"].tolist(),
        ticktext=labels,
        autorange="reversed",
        automargin=False,
    )
    figure.update_xaxes(
        title_text="rows taken from the report", rangemode="tozero", automargin=True
    )
    if total > len(counts):
        figure.update_layout(margin={"t": 110})
        _note_above(
            figure,
            f"Showing the {len(counts)} reports with the most rows, of {total:,}; the "
            "table beneath lists them all.",
            yshift=64,  # above the legend
        )
    return figure


def figures_per_source_alt(counts: pd.DataFrame, max_bars: int = SOURCE_BARS) -> str:
    if counts.empty:
        return "No report in this selection."
    total = len(counts)
    counts = _most_used_sources(counts, max_bars)
    drawn = (
        f", of which the chart draws the {len(counts)} with the most rows of {total:,} reports"
        if total > len(counts)
        else ""
    )
    parts = [
        f"{publisher} of {citations.format_day(published)} with {_count(int(figures), 'figure')} and {_count(int(events), 'event')}"
        for publisher, published, figures, events in zip(
            counts["publisher"],
            counts["published"],
            counts["figures"],
            counts["events"],
            strict=True,
        )
    ]
    return "Rows taken from each report" + drawn + ", " + "; ".join(parts) + "."
