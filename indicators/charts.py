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

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio
from plotly.subplots import make_subplots

from indicators import citations
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
SOURCE_BARS = 25  # reports drawn on the rows-per-report chart; the table beneath lists all
SERIES_SHOWN = 7  # sources given their own colour on the values chart; the rest share grey
OTHER_SOURCES_COLOUR = "#9E9E9E"
LABELLED_POINTS = 40  # past this many figures, the values chart labels none (hover has them)
FONT = "Source Sans Pro, Arial, sans-serif"
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
        hoverlabel={"align": "left"},
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.02, "xanchor": "left", "x": 0},
    )


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
    placed = events[events["shape"] != "unplaced"]
    start_fuzzy = placed["start_last"] > placed["start_first"]
    end_fuzzy = placed["end_last"] > placed["end_first"]
    lasting = placed["shape"].isin(["interval", "ongoing"])

    core_begin = (placed["start_last"] + DAY).where(start_fuzzy, placed["start_first"])
    core_finish = placed["end_first"].where(end_fuzzy, placed["end_last"] + DAY)
    core_finish = core_finish.where(placed["shape"] != "ongoing", placed["drawn_last"] + DAY)

    pieces = [
        pd.DataFrame(
            {"part": "fuzzy", "begin": placed["start_first"], "finish": placed["start_last"] + DAY}
        )[lasting & start_fuzzy],
        pd.DataFrame({"part": "core", "begin": core_begin, "finish": core_finish})[
            lasting & (core_finish > core_begin)
        ],
        pd.DataFrame(
            {"part": "fuzzy", "begin": placed["end_first"], "finish": placed["end_last"] + DAY}
        )[(placed["shape"] == "interval") & end_fuzzy],
        # A moment known only to within a window (a week, "this month") is that window, hatched.
        pd.DataFrame(
            {"part": "fuzzy", "begin": placed["drawn_first"], "finish": placed["drawn_last"] + DAY}
        )[(placed["shape"] == "moment") & (placed["drawn_last"] > placed["drawn_first"])],
    ]
    segments = pd.concat(pieces)
    segments.index.name = "row"
    return segments.reset_index()


def _event_hover(events: pd.DataFrame) -> np.ndarray:
    citation = [
        citations.citation_text(publisher, title, published, attributed)
        for publisher, title, published, attributed in zip(
            events["source_publisher"],
            events["source_title"],
            events["source_published"],
            events["attributed_to"],
            strict=True,
        )
    ]
    columns = [
        [plotly_text(text, HOVER_WIDTH) for text in events["label"]],
        [plotly_text(text) for text in events["kind"]],
        [plotly_text(text, HOVER_WIDTH) for text in events["start_text"]],
        [plotly_text(text or "—", HOVER_WIDTH) for text in events["end_text"]],
        [plotly_text(f"“{text}”", HOVER_WIDTH) for text in events["quote"]],
        [plotly_text(text, HOVER_WIDTH) for text in citation],
    ]
    return np.array(columns, dtype=object).T


EVENT_HOVER = (
    "<b>%{customdata[0]}</b> (%{customdata[1]})<br>"
    "From: %{customdata[2]}<br>Until: %{customdata[3]}<br><br>"
    "%{customdata[4]}<br><br>%{customdata[5]}<extra></extra>"
)


def _placed_events(events: pd.DataFrame) -> pd.DataFrame:
    return events[events["shape"] != "unplaced"].sort_values(
        ["drawn_first", "drawn_last"], kind="stable"
    )


def timeline_figure(events: pd.DataFrame, max_rows: int = TIMELINE_ROWS) -> go.Figure:
    """The dated events as bars and diamonds; uncertain windows hatched and pale.

    `events` is `summaries.prepare(...).events` (or a filtered part of it). Events with no
    stated date are left out here; the page lists them beneath the chart. Beyond `max_rows`
    dated events, only the latest are drawn, with a note on the chart.
    """
    placed = _placed_events(events)
    left_out = max(len(placed) - max_rows, 0)
    if left_out:
        placed = placed.tail(max_rows)
    figure = go.Figure()
    if placed.empty:
        _base_layout(figure, 200)
        _note_centred(figure, "No dated events in this selection")
        figure.update_xaxes(visible=False)
        figure.update_yaxes(visible=False)
        return figure

    hover = pd.DataFrame(_event_hover(placed).tolist(), index=placed.index)
    rows = placed["event_id"]
    segments = _segments(placed)
    in_legend: set[str] = set()

    def legend(kind: str) -> bool:
        shown = kind not in in_legend
        in_legend.add(kind)
        return shown

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
            )
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
            )
        )

    # Per kind: what is certain first (so the legend shows it), the uncertain windows last.
    for kind in dict.fromkeys(placed["kind"]):
        colour = KIND_COLOURS.get(kind, OKABE_ITO["black"])
        of_kind = segments[placed.loc[segments["row"], "kind"].to_numpy() == kind]
        add_bars(kind, colour, of_kind[of_kind["part"] == "core"], fuzzy=False)
        same_kind = placed[placed["kind"] == kind]
        moments = same_kind[
            (same_kind["shape"] == "moment") & (same_kind["drawn_last"] == same_kind["drawn_first"])
        ]
        add_markers(kind, colour, moments, moments["drawn_first"] + DAY / 2, "diamond")
        ongoing = same_kind[same_kind["shape"] == "ongoing"]
        add_markers(kind, colour, ongoing, ongoing["drawn_last"] + DAY, "triangle-right")
        add_bars(kind, colour, of_kind[of_kind["part"] == "fuzzy"], fuzzy=True)
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
        )
    )
    # Each label sits above its bar, inside the plot, so narrow screens keep the full width
    # for the dates instead of giving half of it to a column of labels.
    for event_id, label in zip(rows, placed["label"], strict=True):
        figure.add_annotation(
            x=0,
            xref="paper",
            xanchor="left",
            y=event_id,
            yref="y",
            yanchor="bottom",
            yshift=11,
            text=plotly_text(label),
            showarrow=False,
            font={"size": 12, "color": "#333333"},
            align="left",
        )
    if left_out:
        _note_above(
            figure,
            f"Showing the {len(placed)} latest of {len(placed) + left_out:,} dated events; "
            "narrow the filters to see others. The table beneath lists them all.",
            yshift=30,
        )
    _base_layout(figure, 160 + ROW_HEIGHT * len(placed))
    figure.update_layout(
        barmode="overlay",
        bargap=0.3,
        margin={"l": 10, "r": 10, "t": 70 if left_out else 40, "b": 10},
        legend={"orientation": "h", "yanchor": "top", "y": -0.04, "xanchor": "left", "x": 0},
    )
    figure.update_xaxes(
        type="date",
        showgrid=True,
        gridcolor="#EEEEEE",
        side="top",
        # One line per date label: days when zoomed in, months otherwise.
        tickformatstops=[
            {"dtickrange": [None, 20 * 86_400_000], "value": "%-d %b %Y"},
            {"dtickrange": [20 * 86_400_000, None], "value": "%b %Y"},
        ],
    )
    figure.update_yaxes(
        type="category",
        categoryorder="array",
        categoryarray=rows.tolist(),
        showticklabels=False,
        autorange="reversed",
        range=[len(placed) - 0.5, -0.9],  # room above the first bar for its label
    )
    return figure


def timeline_alt(events: pd.DataFrame, max_rows: int = TIMELINE_ROWS) -> str:
    """One sentence on what the timeline shows."""
    placed = _placed_events(events)
    drawn = (
        f" (the chart draws the latest {max_rows}; the table lists all)"
        if len(placed) > max_rows
        else ""
    )
    unplaced = int((events["shape"] == "unplaced").sum())
    undated = (
        f"; {_count(unplaced, 'event')} without a stated date listed beneath" if unplaced else ""
    )
    if placed.empty:
        return f"Timeline with no dated events in this selection{undated}."
    first, last = placed.iloc[0], placed.sort_values("drawn_last", kind="stable").iloc[-1]
    return (
        f"Timeline of {_count(len(placed), 'dated event')} from {citations.format_day(placed['drawn_first'].min())} "
        f"to {citations.format_day(placed['drawn_last'].max())}, the first being “{first['label']}” "
        f"({first['start_text']}) and the last “{last['label']}” ({last['start_text']}){drawn}{undated}."
    )


# --------------------------------------------------------------------------- Shares


def _share_of_hundred(row: pd.Series) -> float | None:
    for column in ("value", "value_low", "value_high"):
        if pd.notna(row[column]):
            return float(row[column])
    return None


def _panel_title(row: pd.Series) -> str:
    return (
        f"<b>{plotly_text(row['value_shown'])}</b> · {plotly_text(row['location'])}<br>"
        f"{plotly_text(row['source_publisher'])}, {plotly_text(row['as_of_text'])}"
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
            f"one of the {filled} in 100 ({plotly_text(row['value_shown'])})",
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
    figure.update_xaxes(visible=False, constrain="domain")
    figure.update_yaxes(visible=False, autorange="reversed", scaleanchor="x", constrain="domain")
    for axis_number in range(2, panels + 1):
        figure.update_yaxes(
            scaleanchor=f"x{axis_number}",
            row=(axis_number - 1) // columns + 1,
            col=(axis_number - 1) % columns + 1,
        )
    _base_layout(figure, 300 * grid_rows + 40)
    figure.update_layout(margin={"t": 70})
    figure.update_annotations(font={"size": 13})
    return figure


def waffle_alt(figures: pd.DataFrame) -> str:
    parts = [
        f"{row['source_publisher']}: {row['value_shown']} (“{row['value_as_stated']}”) in "
        f"{row['location']} {row['as_of_text']}"
        for _, row in figures.iterrows()
        if _share_of_hundred(row) is not None
    ]
    if not parts:
        return "No share to draw in this selection."
    return "Grids of 100 squares with one square filled per percent: " + "; ".join(parts) + "."


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
            str(by_source[source_id]["source_publisher"].iloc[0]),
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
    for position, (rows, colour, name) in enumerate(_series(numeric, colours)):
        rows = rows.sort_values("as_of_last", kind="stable")
        central = rows["value"].fillna(rows["value_low"]).fillna(rows["value_high"])
        upper = (rows["value_high"] - central).clip(lower=0).fillna(0)
        lower = (central - rows["value_low"]).clip(lower=0).fillna(0)
        hover = np.array(
            [
                [
                    plotly_text(shown),
                    plotly_text(f"“{stated}”"),
                    plotly_text(as_of),
                    plotly_text(citations.format_day(said)),
                    plotly_text(attributed, HOVER_WIDTH),
                    plotly_text(f"“{quote}”", HOVER_WIDTH),
                    plotly_text(publisher),
                ]
                for shown, stated, as_of, said, attributed, quote, publisher in zip(
                    rows["value_shown"],
                    rows["value_as_stated"],
                    rows["as_of_text"],
                    rows["reported_on"],
                    rows["attributed_to"],
                    rows["quote"],
                    rows["source_publisher"],
                    strict=True,
                )
            ],
            dtype=object,
        )
        figure.add_trace(
            go.Scatter(
                x=rows["as_of_last"].dt.strftime("%Y-%m-%d").tolist(),
                y=central.tolist(),
                mode="markers+text" if labelled else "markers",
                text=[
                    plotly_text(f"{shown} ({place})" if several_places else shown)
                    for shown, place in zip(rows["value_shown"], rows["location"], strict=True)
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
        periods = rows[rows["as_of_last"] > rows["as_of_first"]]
        if not periods.empty:
            xs: list[object] = []
            ys: list[object] = []
            for first, last, value in zip(
                periods["as_of_first"], periods["as_of_last"], central[periods.index], strict=True
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
    if title:
        figure.update_layout(title={"text": plotly_text(title), "font": {"size": 15}})
        figure.update_layout(margin={"t": 80})
    figure.update_xaxes(
        type="date",
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
                (numeric["as_of_first"].min() - padding).strftime("%Y-%m-%d"),
                (numeric["as_of_last"].max() + padding).strftime("%Y-%m-%d"),
            ]
        )
    if unit == PERCENT_UNIT:
        figure.update_yaxes(range=[0, 105], ticksuffix="%", title_text="share (percent)")
    else:
        figure.update_yaxes(title_text=plotly_text(unit), rangemode="tozero")
    if numeric.empty:
        _note_centred(figure, "No figure with a number in this selection")
    return figure


def values_alt(figures: pd.DataFrame, indicator_name: str) -> str:
    numeric = figures[figures[["value", "value_low", "value_high"]].notna().any(axis=1)]
    if numeric.empty:
        return f"No figure with a number for {indicator_name} in this selection."
    ordered = numeric.sort_values("as_of_last", kind="stable")
    parts = [
        f"{shown} {as_of} ({publisher})"
        for shown, as_of, publisher in zip(
            ordered["value_shown"], ordered["as_of_text"], ordered["source_publisher"], strict=True
        )
    ]
    shown = "; ".join(parts[:5]) + (f"; and {len(parts) - 5} more" if len(parts) > 5 else "")
    return f"{indicator_name}: {_count(len(numeric), 'figure')} over time by source: {shown}."


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
        plotly_text(f"{publisher}, {citations.format_day(published)}", 30)
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
                marker={
                    "color": SERIES_COLOURS[position],
                    "pattern": {"shape": ["", "."][position]},
                },
                customdata=np.array([[label] for label in labels], dtype=object),
                hovertemplate="%{customdata[0]}: %{x} " + name + "<extra></extra>",
            )
        )
    _base_layout(figure, 120 + 70 * max(len(counts), 1))
    figure.update_layout(barmode="group")
    figure.update_yaxes(
        type="category",
        tickvals=counts["source_id"].tolist(),
        ticktext=labels,
        autorange="reversed",
        automargin=True,
    )
    figure.update_xaxes(title_text="rows taken from the report", rangemode="tozero")
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
        f" (the chart draws the {len(counts)} with the most rows, of {total:,} reports)"
        if total > len(counts)
        else ""
    )
    parts = [
        f"{publisher} ({citations.format_day(published)}): {_count(int(figures), 'figure')} and {_count(int(events), 'event')}"
        for publisher, published, figures, events in zip(
            counts["publisher"],
            counts["published"],
            counts["figures"],
            counts["events"],
            strict=True,
        )
    ]
    return "Rows taken from each report" + drawn + ": " + "; ".join(parts) + "."
