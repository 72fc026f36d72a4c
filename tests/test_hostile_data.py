"""Hostile text in the tables is shown inert, and no exported cell can start a formula.

A copy of the shipped tables gets hostile values in every kind of text the dashboard
shows: a report title with a `<script>` tag, a publisher with an `<img onerror>`, a
`javascript:` report URL, markdown links and images in an attribution and an event label,
HTML in a quote and an indicator name, and cells that a spreadsheet would run as formulas.
Each value carries a marker (H1, H2, ...) so the tests can see that it is shown at all.

- AppTest: on every page, text that Streamlit renders as Markdown has every tag, link and
  image escaped, HTML is never allowed, and chart text holds no live markup.
- Real browser (Debian's Chromium): no alert fires, no script, image or `javascript:` link
  is created, and the hostile words are visible as plain text.
- Exports: in the CSV, HXL and bundle downloads no cell starts a formula, for the hostile
  tables and for any text (hypothesis).
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import zipfile
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from benchmarks.common import DASHBOARD, PAGES, streamlit_server
from indicators import schema, summaries
from indicators.loading import load_tables
from tests.conftest import REPO_ROOT

exports = pytest.importorskip("indicators.exports")

TODAY = date(2025, 8, 1)
SCRIPT = '<script>alert("H1")</script>'
IMAGE_TAG = '<img src=x onerror=alert("H2")>'
JAVASCRIPT_URL = "javascript:alert('H3')"
MARKDOWN_LINK = '[read more H4](javascript:alert("H4"))'
MARKDOWN_IMAGE = "![H5](https://evil.example/pixel-H5.png)"
RAW_LINK = "<a href=\"javascript:alert('H6')\">H6</a>"
BARE_WWW = "www.evil.example/H6b"  # addresses Markdown would link if left bare
BARE_EMAIL = "press@evil.example"
FORMULAS = (
    '=HYPERLINK("https://evil.example/H7","click")',
    "+cmd|' /C calc'!A0 H8",
    "-2+3+cmd|' /C calc'!A0 H9",
    "@SUM(A1:A9) H10",
    "\t=1+1 H11",
    " =1+2 H12",
    "\uff1d1+3 H13",
)
MARKERS = [f"H{number}" for number in range(1, 14)]


def _edit(path: Path, key: str, changes: dict[str, dict[str, str]]) -> None:
    """Set cells of the rows whose `key` is in `changes`; keep each quote's offsets right."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
        columns = list(rows[0])
    for row in rows:
        for column, value in changes.get(row[key], {}).items():
            row[column] = value
        if "quote_start" in row:
            row["quote_end"] = str(int(row["quote_start"]) + len(row["quote"]))
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


@pytest.fixture(scope="module")
def hostile_data(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("hostile") / "data"
    shutil.copytree(REPO_ROOT / "data", folder)
    shipped = load_tables(REPO_ROOT / "data").tables
    first_source, second_source = shipped["sources"]["source_id"].tolist()[:2]
    observations = shipped["observations"]
    events = shipped["events"]
    share = next(name for name in shipped["indicators"]["indicator_id"] if name.startswith("share"))
    _edit(
        folder / "sources.csv",
        "source_id",
        {
            first_source: {
                "title": f"{SCRIPT} {MARKDOWN_LINK} **bold** {FORMULAS[0]} {BARE_WWW} {BARE_EMAIL}",
                "publisher": f"{IMAGE_TAG} Politico",
                "url": JAVASCRIPT_URL,
                "notes": FORMULAS[3],
            },
            second_source: {
                "title": f"{FORMULAS[1]} {RAW_LINK}",
                "url": 'https://example.org/x) [H3b](javascript:alert("H3b")',
            },
        },
    )
    _edit(
        folder / "indicators.csv",
        "indicator_id",
        {share: {"name": f"<b>Hungry</b> {SCRIPT}", "definition": FORMULAS[4]}},
    )
    first_observation = observations["observation_id"].iloc[0]
    second_observation = observations["observation_id"].iloc[1]
    original_quote = observations["quote"].iloc[0]
    _edit(
        folder / "observations.csv",
        "observation_id",
        {
            first_observation: {
                "attributed_to": f"{MARKDOWN_LINK} {MARKDOWN_IMAGE}",
                "quote": f"{original_quote} {SCRIPT} {RAW_LINK} {MARKDOWN_IMAGE}",
                "notes": FORMULAS[2],
            },
            second_observation: {"attributed_to": FORMULAS[5], "location": FORMULAS[6]},
        },
    )
    first_event = events["event_id"].iloc[0]
    _edit(
        folder / "events.csv",
        "event_id",
        {
            first_event: {
                "label": f"{SCRIPT} {MARKDOWN_LINK} {MARKDOWN_IMAGE}",
                "attributed_to": f"{IMAGE_TAG} {FORMULAS[0]}",
                "quote": f"{events['quote'].iloc[0]} {IMAGE_TAG}",
            }
        },
    )
    result = load_tables(folder)
    assert result.problems == [], [str(problem) for problem in result.problems]
    return folder


# --------------------------------------------------------------------------- Markdown checks

MARKDOWN_KINDS = {"heading", "alert", "metric", "title", "header", "subheader", "info"}
UNESCAPED_TAG = re.compile(r"(?<!\\)<\s*/?\s*[A-Za-z!]")
UNESCAPED_IMAGE = re.compile(r"(?<!\\)!(?<!\\)\[")
MARKDOWN_TARGET = re.compile(r"(?<!\\)\]\(\s*([^)\s]*)")
# Plotly reads a few tags in chart text (<b>, <br>, <a href>); data must reach it escaped.
LIVE_CHART_TAG = re.compile(r"<\s*(?:script|img|a|iframe|svg|object|embed|style)\b", re.I)


def inert_markdown_problems(text: str) -> list[str]:
    """What in a Markdown string could become live: a tag, an image, a non-web link."""
    problems = []
    if UNESCAPED_TAG.search(text):
        problems.append("an HTML tag that is not escaped")
    if UNESCAPED_IMAGE.search(text):
        problems.append("a Markdown image that is not escaped")
    for target in MARKDOWN_TARGET.findall(text):
        if not re.match(r"https?://", target, re.I):
            problems.append(f"a Markdown link to {target!r}")
    return problems


def test_the_markdown_checks_catch_live_markup():
    """The checks below would fail on live markup (so passing them means something)."""
    for live in (SCRIPT, IMAGE_TAG, MARKDOWN_LINK, MARKDOWN_IMAGE, RAW_LINK):
        assert inert_markdown_problems(live), live
    from indicators.citations import escape_markdown, markdown_link

    for live in (SCRIPT, IMAGE_TAG, MARKDOWN_LINK, MARKDOWN_IMAGE, RAW_LINK):
        assert inert_markdown_problems(escape_markdown(live)) == [], live
    assert inert_markdown_problems(markdown_link("report", JAVASCRIPT_URL)) == []
    assert inert_markdown_problems(markdown_link("report", "https://example.org/a")) == []


def markdown_texts(app) -> list[tuple[str, str]]:
    """(where, text) of every string on the page that Streamlit renders as Markdown."""
    found = []

    def visit(node):
        proto = getattr(node, "proto", None)
        kind = getattr(node, "type", type(node).__name__)
        if proto is not None:
            fields = {descriptor.name for descriptor in proto.DESCRIPTOR.fields}
            if "allow_html" in fields:
                assert not proto.allow_html, f"{kind} allows HTML: {proto.body[:80]}"
            if "body" in fields and kind in MARKDOWN_KINDS | {"markdown", "caption"}:
                found.append((kind, proto.body))
            for name in ("label", "help"):
                if name in fields and getattr(proto, name):
                    found.append((f"{kind}.{name}", getattr(proto, name)))
            block = proto.WhichOneof("type") if "expandable" in fields else None
            if block in ("expandable", "tab"):
                found.append((block, getattr(proto, block).label))
        for child in getattr(node, "children", {}).values():
            visit(child)

    visit(app._tree)
    return found


def chart_strings(app) -> list[str]:
    strings: list[str] = []

    def walk(value):
        if isinstance(value, str):
            strings.append(value)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    for chart in app.get("plotly_chart"):
        walk(json.loads(chart.proto.spec))
    return strings


@pytest.fixture(scope="module")
def pages_run(hostile_data):
    """Every page of the dashboard run once under AppTest on the hostile tables."""
    from streamlit.testing.v1 import AppTest

    previous = os.environ.get("INDICATORS_DATA_DIR")
    os.environ["INDICATORS_DATA_DIR"] = str(hostile_data)
    try:
        apps = {}
        for page in PAGES:
            app = AppTest.from_file(str(DASHBOARD), default_timeout=120)
            app.query_params["page"] = page
            app.run()
            apps[page] = app
        return apps
    finally:
        if previous is None:
            os.environ.pop("INDICATORS_DATA_DIR", None)
        else:
            os.environ["INDICATORS_DATA_DIR"] = previous


@pytest.mark.parametrize("page", PAGES)
def test_apptest_pages_show_hostile_text_inert(pages_run, page):
    app = pages_run[page]
    assert not app.exception, [element.value for element in app.exception]
    for where, text in markdown_texts(app):
        assert inert_markdown_problems(text) == [], (where, text[:200])
    for text in chart_strings(app):
        assert not LIVE_CHART_TAG.search(text), text[:200]


def test_apptest_hostile_words_are_shown_somewhere(pages_run):
    """Inert, not dropped: the marked values reach the pages (escaped) or the charts."""
    shown = " ".join(
        [text for app in pages_run.values() for _, text in markdown_texts(app)]
        + [text for app in pages_run.values() for text in chart_strings(app)]
    )
    for marker in ("H1", "H4", "H5"):
        assert marker in shown, marker


# --------------------------------------------------------------------------- Real browser

LIVE_MARKUP = """
() => {
  const scripts = [...document.querySelectorAll('script')].filter(
    (node) => /alert\\(/.test(node.textContent));
  const images = [...document.querySelectorAll('img')].filter(
    (node) => /evil\\.example|^x$/.test(node.getAttribute('src') || ''));
  const links = [...document.querySelectorAll('a, [href]')].filter((node) => {
    const target = (node.getAttribute('href') || node.getAttribute('xlink:href') || '').trim();
    return /^javascript:/i.test(target);
  });
  const handlers = [...document.querySelectorAll('[onerror], [onclick], [onload]')];
  return {
    scripts: scripts.map((node) => node.outerHTML.slice(0, 200)),
    images: images.map((node) => node.outerHTML.slice(0, 200)),
    links: links.map((node) => node.outerHTML.slice(0, 200)),
    handlers: handlers.map((node) => node.outerHTML.slice(0, 200)),
  };
}
"""
# Links to the hostile domain, which only occurs inside text cells (never as a report URL).
DATA_LINKS = """
() => [...document.querySelectorAll('a[href*="evil.example"]')].map((node) => node.outerHTML)
"""
OPEN_EXPANDERS = """
() => document.querySelectorAll('[data-testid="stExpander"] details:not([open]) > summary')
  .forEach((summary) => summary.click())
"""
DRAWN = """
() => {
  const main = document.querySelector('[data-testid="stMainBlockContainer"]');
  return !!(main && main.querySelector('h1')) &&
    !document.querySelector('[data-testid="stStatusWidget"]');
}
"""


@pytest.fixture(scope="module")
def browser_run(hostile_data, tmp_path_factory) -> dict[str, object]:
    """Every page opened in headless Chromium on the hostile tables, quotes expanded."""
    chromium = Path("/usr/bin/chromium")
    if not chromium.exists():
        if os.environ.get("CI"):
            pytest.fail("/usr/bin/chromium is missing; CI must run the browser tests")
        pytest.skip("/usr/bin/chromium is missing")
    from playwright.sync_api import sync_playwright

    from benchmarks.browser_timing import CHROMIUM_FLAGS

    run: dict[str, object] = {"dialogs": [], "live": {}, "data_links": {}, "text": ""}
    screenshots = Path(os.environ.get("HOSTILE_SCREENSHOTS", tmp_path_factory.mktemp("shots")))
    texts = []
    env = {"INDICATORS_DATA_DIR": str(hostile_data)}
    with (
        streamlit_server(DASHBOARD, env=env, startup_timeout=90) as port,
        sync_playwright() as playwright,
    ):
        browser = playwright.chromium.launch(executable_path=str(chromium), args=CHROMIUM_FLAGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.on(
                "dialog", lambda dialog: (run["dialogs"].append(dialog.message), dialog.dismiss())
            )
            for name in PAGES:
                page.goto(f"http://127.0.0.1:{port}/?page={name}", wait_until="domcontentloaded")
                page.wait_for_function(DRAWN, timeout=60_000)
                page.wait_for_timeout(500)  # let charts and images settle
                page.evaluate(OPEN_EXPANDERS)  # open the quotes, so they are rendered too
                page.wait_for_timeout(300)
                run["live"][name] = page.evaluate(LIVE_MARKUP)
                run["data_links"][name] = page.evaluate(DATA_LINKS)
                texts.append(page.evaluate("document.body.innerText"))
                page.screenshot(path=str(screenshots / f"hostile-{name}.png"), full_page=True)
        finally:
            browser.close()
    run["text"] = "\n".join(texts)
    return run


@pytest.mark.browser
def test_real_browser_runs_no_hostile_markup(browser_run):
    assert browser_run["dialogs"] == []
    for page, live in browser_run["live"].items():
        assert live == {"scripts": [], "images": [], "links": [], "handlers": []}, (page, live)
    text = browser_run["text"]
    assert "H1" in text and "<script>" in text, "the hostile title should be shown as text"
    assert "H4" in text and "javascript:" in text


@pytest.mark.browser
def test_real_browser_makes_no_link_from_addresses_inside_text(browser_run):
    """Bare https://, www. and e-mail addresses in data text (GitHub-flavoured Markdown
    would link them) stay plain text, and are still shown as written."""
    assert browser_run["data_links"] == {page: [] for page in PAGES}
    text = browser_run["text"].replace("\u2060", "")  # the invisible joiners that break them
    for address in ("https://evil.example/H7", BARE_WWW, BARE_EMAIL):
        assert address in text, address


# --------------------------------------------------------------------------- Exports

FORMULA_STARTS = "=+-@\t\r\uff1d\uff0b\uff0d\uff20"
NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


def formula_cells(data: bytes) -> list[str]:
    """Cells of a CSV file that a spreadsheet could run as a formula."""
    text = data.decode("utf-8-sig")
    risky = []
    for row in csv.reader(io.StringIO(text, newline="")):
        for cell in row:
            stripped = cell.lstrip().lstrip("\ufeff\u200b").lstrip()
            if stripped[:1] in tuple(FORMULA_STARTS) and not NUMBER.fullmatch(cell):
                risky.append(cell)
    return risky


def test_the_formula_check_catches_formulas():
    for formula in FORMULAS:
        assert formula_cells(f'"{formula.replace(chr(34), chr(34) * 2)}"\n'.encode()), formula
    assert formula_cells(b"-3,2.5,+4,2025-07-24,'=1\n") == []


def exported_files(tables: dict[str, pd.DataFrame]) -> dict[str, bytes]:
    prepared = summaries.prepare(tables)
    files = {
        "figures.csv": exports.to_csv_bytes(summaries.figure_table(prepared.observations)),
        "events-view.csv": exports.to_csv_bytes(summaries.event_table(prepared.events)),
    }
    for name, table in schema.TABLES.items():
        frame = tables[name][table.column_names]
        files[f"{name}.csv"] = exports.to_csv_bytes(frame)
        files[f"{name}-hxl.csv"] = exports.to_hxl_csv_bytes(frame, name)
    with zipfile.ZipFile(io.BytesIO(exports.build_bundle(tables, TODAY))) as bundle:
        for entry in bundle.namelist():
            if entry.endswith(".csv"):
                files[f"bundle/{entry}"] = bundle.read(entry)
    return files


def test_no_exported_cell_of_the_hostile_tables_starts_a_formula(hostile_data):
    tables = load_tables(hostile_data).tables
    files = exported_files(tables)
    assert any(name.startswith("bundle/") for name in files)
    for name, data in files.items():
        assert formula_cells(data) == [], name
    # The hostile cells are exported (neutralised), not dropped.
    everything = b"".join(files.values()).decode("utf-8-sig", "replace")
    for marker in ("H7", "H8", "H9", "H10", "H11", "H12", "H13"):
        assert marker in everything, marker


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.text(max_size=30),
            st.sampled_from(FORMULAS),
            st.builds(
                lambda space, start, rest: space + start + rest,
                st.sampled_from(["", " ", "\t", "\u00a0", "\u3000", "\ufeff", "\n", "\r\n"]),
                st.sampled_from(list(FORMULA_STARTS)),
                st.text(max_size=10),
            ),
        ),
        min_size=1,
        max_size=20,
    )
)
def test_no_exported_text_cell_starts_a_formula_whatever_the_text(texts):
    frame = pd.DataFrame({"quote": pd.array(texts, dtype="str"), "label": texts[::-1]})
    for data in (exports.to_csv_bytes(frame), exports.to_hxl_csv_bytes(frame, "events")):
        assert formula_cells(data) == []
