"""What every page shares: the page context and the pieces that show data safely.

Text from the tables reaches the screen only through `st.text`, `st.dataframe`, Plotly
(escaped in `indicators.charts`) or Markdown escaped by `indicators.citations`; nothing
here passes `unsafe_allow_html`.
"""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

import pandas as pd
import streamlit as st

from dashboard_pages import data_access
from dashboard_pages.data_access import DataKey
from indicators import page_models, summaries
from indicators.loading import LoadResult
from indicators.problems import Problem
from indicators.views import ViewOptions, ViewState

PLOTLY_CONFIG = {
    "displaylogo": False,
    "responsive": True,
    "scrollZoom": False,  # a wheel or a swipe over a chart scrolls the page
    "modeBarButtonsToRemove": ["lasso2d", "select2d"],
}
# Charts with nothing to zoom into keep only the camera.
ZOOM_BUTTONS = ["zoom2d", "pan2d", "zoomIn2d", "zoomOut2d", "autoScale2d", "resetScale2d"]
# Phones and tablets: Plotly shows its toolbar all the time where there is no hover, over
# the chart's labels and legend, so these screens get none.
TOUCH_AGENTS = re.compile(r"Mobi|Android|iPhone|iPad|iPod", re.IGNORECASE)
TABLE_ROWS_TALL = 15  # past this many rows a table scrolls within a fixed height
WIDE_TABLE_COLUMNS = 8  # past this many columns a table is wider than any page
ROW_PIXELS = 35  # Streamlit's row height: a table's height is whole rows, none cut in half
CSV_MIME = "text/csv"
EXPORTS_AVAILABLE = importlib.util.find_spec("indicators.exports") is not None


@dataclass
class PageContext:
    """What a page needs: the data, the current view and the filtered rows."""

    key: DataKey
    load: LoadResult
    prepared: summaries.Prepared
    options: ViewOptions
    state: ViewState
    filters: summaries.Filters
    view: summaries.Prepared
    today: date
    pages: dict[str, st.Page] = field(default_factory=dict)


def on_touch_screen() -> bool:
    """Whether the reader's browser says it is a phone or a tablet."""
    try:
        agent = st.context.headers.get("User-Agent") or ""
    except (AttributeError, RuntimeError):
        return False
    return bool(TOUCH_AGENTS.search(agent))


PROBLEMS_LISTED = 500


def show_problems(problems: list[Problem]) -> None:
    """The loader's problems as a warning with the list one click away; valid rows still show."""
    if not problems:
        return
    count = len(problems)
    st.warning(
        f"{count:,} {'problem was' if count == 1 else 'problems were'} found in the tables. The rows "
        "concerned are left out; everything valid is shown.",
        icon=":material/warning:",
    )
    with st.expander("The problems, by file and line"):
        st.code("\n".join(str(problem) for problem in problems[:PROBLEMS_LISTED]), language=None)
        if count > PROBLEMS_LISTED:
            st.caption(
                f"The first {PROBLEMS_LISTED} of {count:,}; `python -m indicators validate` lists them all."
            )


# --------------------------------------------------------------------------- Cards


def show_quote(quote: str, note: str = "") -> None:
    """The verbatim sentence, one click away, shown as plain text; with it, the note on how
    a date the report does not give was worked out."""
    label = (
        "Exact words, and how the date was worked out" if note else "Exact words from the report"
    )
    with st.expander(label):
        st.text(quote)
        if note:
            st.caption("How the date was worked out")
            st.text(note)


def show_card(card: page_models.Card, help: str | None = None) -> None:
    """A figure as a metric card: value with its qualifier, when it holds, its citation."""
    with st.container(border=True):
        st.metric(label=card.label, value=card.value, help=help)
        # One caption, two lines: each element is a message to the browser on every rerun.
        st.caption(f"{card.dated}  \n{card.citation}")
        show_quote(card.quote, card.note)


# --------------------------------------------------------------------------- Charts and tables


def chart_config(chart: page_models.Chart, touch: bool) -> dict:
    """Plotly's options for a chart: its saved image's name, and which buttons it offers."""
    remove = [*PLOTLY_CONFIG["modeBarButtonsToRemove"], *([] if chart.zoomable else ZOOM_BUTTONS)]
    return {
        **PLOTLY_CONFIG,
        "displayModeBar": not touch and "hover",
        "modeBarButtonsToRemove": remove,
        "toImageButtonOptions": {"format": "png", "filename": chart.file_name, "scale": 2},
    }


def show_chart(chart: page_models.Chart, key: str) -> None:
    """A Plotly chart, titled and cited inside itself, with its text alternative beneath."""
    st.plotly_chart(
        chart.figure,
        width="stretch",
        config=chart_config(chart, on_touch_screen()),
        alt=chart.aria_label,
        key=key,
    )
    st.caption(chart.in_words)


DATE_FORMAT = "YYYY-MM-DD"


def _column(table: page_models.DisplayTable, name: str):
    width = table.widths.get(name)
    if name in table.date_columns:
        return st.column_config.DateColumn(format=DATE_FORMAT, width=width)
    if name == "Address":
        return st.column_config.LinkColumn(width=width, display_text="open")
    return st.column_config.Column(width=width)


def show_table(table: page_models.DisplayTable, key: str, what: str = "rows") -> None:
    """A table on screen, at most DISPLAY_ROWS rows; say so when there are more.

    Empty cells stay empty ('not stated'), and the height is whole rows, so the last one
    shown is never cut in half.
    """
    shown_rows = table.shown.num_rows
    st.dataframe(
        table.shown,
        key=key,
        hide_index=True,
        placeholder="",
        height="content"
        if shown_rows <= TABLE_ROWS_TALL
        else ROW_PIXELS * (TABLE_ROWS_TALL + 1) + 3,
        column_config={
            name: _column(table, name)
            for name in table.shown.column_names
            if name in table.date_columns or name in table.widths
        },
    )
    if table.shown.num_columns > WIDE_TABLE_COLUMNS or (
        on_touch_screen() and table.shown.num_columns > 2
    ):
        st.caption(
            f"{table.shown.num_columns} columns: scroll the table sideways (swipe, on a "
            "touch screen) to see them all."
        )
    if table.truncated:
        st.caption(
            f"Showing the first {table.shown.num_rows:,} of {table.rows:,} {what}; the CSV "
            "download holds them all."
        )


# --------------------------------------------------------------------------- Downloads


def _exports():
    from indicators import exports  # imported on click: its formats are its own concern

    return exports


def _download(
    label: str, make: Callable[[], bytes], file_name: str, mime: str, key: str, help: str
) -> None:
    if not EXPORTS_AVAILABLE:
        st.button(
            label, key=key, disabled=True, help="Downloads are not available in this installation."
        )
        return
    # The bytes are made only when the button is clicked, so a rerun costs nothing.
    st.download_button(
        label, data=make, file_name=file_name, mime=mime, key=key, help=help, on_click="ignore"
    )


def csv_download(label: str, frame: pd.DataFrame, file_name: str, key: str, help: str = "") -> None:
    """A CSV of exactly the rows and columns of `frame` (the index is left out)."""
    source = data_access.frame_source(frame)  # the button must not keep the frame alive
    _download(
        label,
        lambda: _exports().to_csv_bytes(source()),
        file_name,
        CSV_MIME,
        key,
        help
        or f"{len(frame):,} rows, UTF-8 with a byte-order mark, safe to open in a spreadsheet.",
    )


def hxl_download(
    label: str, frame: pd.DataFrame, table_name: str, file_name: str, key: str
) -> None:
    source = data_access.frame_source(frame)  # the button must not keep the frame alive
    _download(
        label,
        lambda: _exports().to_hxl_csv_bytes(source(), table_name),
        file_name,
        CSV_MIME,
        key,
        "The same CSV with a row of HXL hashtags under the header.",
    )


def bundle_download(tables: dict[str, pd.DataFrame], today: date, key: str) -> None:
    _download(
        "Download everything (zip)",
        lambda: _exports().build_bundle(tables, today),
        f"humanitarian-indicators-{today.isoformat()}.zip",
        "application/zip",
        key,
        "All tables, a Frictionless datapackage.json, a README on how to cite them, and "
        "HXL-tagged copies.",
    )
