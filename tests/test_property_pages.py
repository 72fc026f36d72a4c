"""Generated cases through the real pages (AppTest): hostile data text and hostile links.

Each example writes a copy of the dashboard fixture whose every free text cell (titles,
publishers, labels, places, names, quotes, notes) carries generated text made of icon
shortcodes, bidi controls and Markdown, sometimes with a number cell only Python would
read (`3_060`), and opens one page with a generated link. Then:

- the page runs without an exception;
- no text the page shows (Markdown, captions, headings, metrics, expander and tab labels,
  select options) holds a bidi control or an icon shortcode that Streamlit would draw,
  and plain text and table cells (which draw no shortcode) hold no bidi control;
- the link's notice stays short, however long the link.

Set PROPERTY_EXAMPLES to run more examples (CI runs the default).
"""

from __future__ import annotations

import csv
import io
import os
import re
import tempfile
from pathlib import Path

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest

from indicators import schema, views

EXAMPLES = int(os.environ.get("PROPERTY_EXAMPLES", "100"))
PAGE_SETTINGS = settings(
    max_examples=max(EXAMPLES // 20, 5),  # each example runs a whole page
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
REPO_ROOT = Path(__file__).resolve().parent.parent
APP = str(REPO_ROOT / "dashboard.py")
FIXTURE_DIR = Path(__file__).parent / "fixtures" / "dashboard"
WORD_JOINER = "\u2060"
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
# What Streamlit would draw as an icon or a coloured span: a colon right before a name and
# then a colon (":material/verified:", ":smile:") or a bracket (":red[...]").
SHORTCODE = re.compile(r":[A-Za-z0-9_+/-]+[:\[]")
# Columns whose text is read by rules (ids, codes, allowed values, words inside the quote).
RULED = {"url", "text_sha256", "language", "hxl_tag", "unit", "qualifier"}

HOSTILE_PIECES = [
    ":material/verified:",
    ":material/check_circle:",
    ":streamlit:",
    ":smile:",
    ":+1:",
    ":red[fake badge]",
    ":blue-background[x]",
    "\u202e",
    "\u202a",
    "\u202b",
    "\u202c",
    "\u202d",
    "\u2066",
    "\u2067",
    "\u2068",
    "\u2069",
    "**",
    "<b>",
    " ",
    "verified",
    "10:30",
    ":",
]
hostile_text = st.lists(st.sampled_from(HOSTILE_PIECES), min_size=1, max_size=8).map("".join)
hostile_value = st.one_of(
    hostile_text,
    st.text(max_size=30),
    st.builds(lambda n: ",".join(f"src-{i}" for i in range(n)), st.integers(0, 3_000)),
    st.builds(lambda piece, n: piece * n, hostile_text, st.integers(1, 2_000)),
)
hostile_link = st.dictionaries(
    st.one_of(st.sampled_from(views.PARAMETERS), st.text(min_size=1, max_size=12)),
    hostile_value,
    max_size=6,
)


def hostile_copy(target: Path, mark: str, bad_number: bool) -> None:
    """The fixture with `mark` added to every free text cell of every table."""
    for table in schema.TABLES.values():
        text = (FIXTURE_DIR / table.file_name).read_text("utf-8")
        reader = csv.DictReader(io.StringIO(text))
        rows = list(reader)
        free = [
            column.name
            for column in table.columns
            if column.kind == schema.TEXT
            and column.allowed is None
            and column.pattern is None
            and not column.unique
            and column.name not in RULED
            and not column.name.endswith("_as_stated")
            and column.name not in ("source_id", "indicator_id")
        ]
        for row in rows:
            for name in free:
                if row.get(name):
                    row[name] = f"{row[name]} {mark}"
            if "quote" in row and row["quote_start"].strip().isdigit():
                row["quote_end"] = str(int(row["quote_start"]) + len(row["quote"].strip()))
        if bad_number and table.name == "observations" and rows:
            rows[0]["value"] = "3_060"
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=reader.fieldnames, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        (target / table.file_name).write_text(buffer.getvalue(), "utf-8")


def shown_texts(app: AppTest) -> list[str]:
    """Every string the page shows, with word joiners and Markdown escapes as they are."""
    texts = [
        element.value
        for element in [
            *app.markdown,
            *app.caption,
            *app.title,
            *app.subheader,
            *app.header,
            *app.info,
            *app.warning,
        ]
    ]
    texts += [metric.label for metric in app.metric] + [metric.value for metric in app.metric]
    texts += [expander.label for expander in app.expander]
    texts += [tab.label for tab in app.tabs]
    for widget in [*app.selectbox, *app.multiselect]:
        texts.append(widget.label)
        texts += [str(option) for option in widget.options]
    return texts


def table_cells(app: AppTest) -> list[str]:
    """The text cells of every table on the page (a grid draws no shortcode)."""
    cells = []
    for frame in (element.value for element in app.dataframe):
        if isinstance(frame, pd.DataFrame):
            for column in frame.columns:
                if frame[column].dtype == object or pd.api.types.is_string_dtype(frame[column]):
                    cells += [str(cell) for cell in frame[column].dropna()]
    return cells


def resolved(text: str) -> str:
    """What a Markdown renderer searches for shortcodes: backslash escapes resolved."""
    return re.sub(r"\\(.)", r"\1", text)


@PAGE_SETTINGS
@given(
    page=st.sampled_from(views.PAGES),
    mark=hostile_text,
    bad_number=st.booleans(),
    link=hostile_link,
)
def test_no_page_draws_an_icon_or_reorders_text_from_the_data(
    monkeypatch, page, mark, bad_number, link
):
    with tempfile.TemporaryDirectory() as folder:
        hostile_copy(Path(folder), mark, bad_number)
        monkeypatch.setenv("INDICATORS_DATA_DIR", folder)
        app = AppTest.from_file(APP, default_timeout=60)
        for name, value in {**link, "page": page}.items():
            app.query_params[name] = value
        app.run()
        assert not app.exception, [exception.value for exception in app.exception]
        for text in shown_texts(app):
            assert not BIDI_CONTROLS.search(text), repr(text)
            assert not SHORTCODE.search(resolved(text)), repr(text)
        # Plain text and table grids draw no shortcode (checked in Chromium): bidi only.
        for text in [element.value for element in app.text] + table_cells(app):
            assert not BIDI_CONTROLS.search(text), repr(text)
        notices = [info.value for info in app.info if "could not be followed" in info.value]
        assert sum(len(notice) for notice in notices) < 2 * views.MAX_NOTICE_CHARS
        if bad_number:
            warnings = " ".join(code.value for code in app.code)
            assert "observations.csv:2: [value] '3\\_060' is not a number" in warnings or (
                "observations.csv:2: [value] '3_060' is not a number" in warnings
            )
