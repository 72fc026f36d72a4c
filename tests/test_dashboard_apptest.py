"""The dashboard's pages run headless through Streamlit's AppTest.

`INDICATORS_DATA_DIR` points the app at the shipped tables or at a small fixture with two
disagreeing sources, one broken row and hostile text in titles, labels and quotes.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from streamlit import config as streamlit_config
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1 import app_test as app_test_module

from indicators import citations, summaries
from indicators.loading import DEFAULT_DATA_DIR, load_tables
from indicators.views import PAGES

REPO_ROOT = Path(__file__).resolve().parent.parent
APP = str(REPO_ROOT / "dashboard.py")
FIXTURE_DIR = Path(__file__).parent / "fixtures" / "dashboard"
DATA_DIR_VARIABLE = "INDICATORS_DATA_DIR"
TITLES = {
    "overview": "Overview",
    "timeline": "Timeline",
    "indicators": "Indicators",
    "sources": "Sources",
    "data": "Data",
}


@pytest.fixture(autouse=True)
def full_error_details():
    # The app hides error details from the public; the tests want to read them.
    previous = streamlit_config.get_option("client.showErrorDetails")
    streamlit_config.set_option("client.showErrorDetails", "full")
    yield
    streamlit_config.set_option("client.showErrorDetails", previous)


@pytest.fixture
def media(monkeypatch) -> list[MediaFileManager]:
    """The media managers AppTest creates, so a test can click a download and read its bytes."""
    managers: list[MediaFileManager] = []

    class Capturing(MediaFileManager):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            managers.append(self)

    monkeypatch.setattr(app_test_module, "MediaFileManager", Capturing)
    return managers


@pytest.fixture
def use_fixture(monkeypatch):
    monkeypatch.setenv(DATA_DIR_VARIABLE, str(FIXTURE_DIR))


@pytest.fixture
def use_shipped(monkeypatch):
    monkeypatch.delenv(DATA_DIR_VARIABLE, raising=False)


def run(params: dict[str, str] | None = None) -> AppTest:
    app = AppTest.from_file(APP, default_timeout=60)
    for name, value in (params or {}).items():
        app.query_params[name] = value
    app.run()
    assert not app.exception, [exception.value for exception in app.exception]
    return app


def plain(markdown: str) -> str:
    """The text escaped Markdown shows on screen: links as their text, no emphasis marks."""
    text = re.sub(r"(?<!\\)\[(.*?)(?<!\\)\]\([^)\s]*\)", r"\1", markdown)
    text = re.sub(r"(?<!\\)\*", "", text)
    return re.sub(r"\\(.)", r"\1", text)


def shown_markdown(app: AppTest) -> list[str]:
    """Every string the app hands to a Markdown renderer."""
    strings = [
        element.value
        for element in [*app.markdown, *app.caption, *app.title, *app.subheader, *app.header]
    ]
    strings += [element.value for element in [*app.info, *app.warning]]
    strings += [metric.label for metric in app.metric] + [metric.value for metric in app.metric]
    strings += [expander.label for expander in app.expander]
    return strings


def downloads(app: AppTest) -> dict[str, object]:
    return {button.proto.label: button for button in app.get("download_button")}


def download_bytes(app: AppTest, managers: list[MediaFileManager], label: str) -> bytes:
    """Click a download button (it makes its bytes on click) and return what it serves."""
    button = downloads(app)[label]
    manager = managers[-1]
    url = manager.execute_deferred(button.proto.deferred_file_id)
    return manager.read_file(url.rsplit("/", 1)[-1]).content


def read_csv(data: bytes) -> pd.DataFrame:
    assert data.startswith(b"\xef\xbb\xbf")  # Excel needs the byte-order mark
    return pd.read_csv(io.BytesIO(data), encoding="utf-8-sig", dtype=str, keep_default_na=False)


# --------------------------------------------------------------------------- every page


@pytest.mark.parametrize("page", PAGES)
def test_each_page_runs_on_the_shipped_data(use_shipped, page):
    app = run({"page": page})
    assert app.title[0].value == TITLES[page]
    assert not app.warning  # the shipped tables have no problem
    share = app.sidebar.code[0].value
    assert f"page={page}" in share


@pytest.mark.parametrize("page", PAGES)
def test_each_page_runs_on_the_fixture(use_fixture, page):
    app = run({"page": page})
    assert app.title[0].value == TITLES[page]


@pytest.mark.parametrize("page", ["timeline", "indicators", "sources"])
def test_every_chart_carries_its_title_source_and_date_inside(use_shipped, page):
    app = run({"page": page, "indicator": "share_people_days_without_eating"})
    charts = app.get("plotly_chart")
    assert charts
    for chart in charts:
        layout = json.loads(chart.proto.spec)["layout"]
        config = json.loads(chart.proto.config)
        # Inside the figure, so a saved image keeps them: title, source line, data date.
        assert layout["title"]["text"].strip("<b>/")
        source = next(note for note in layout["annotations"] if note.get("name") == "source")
        assert source["text"].startswith(("Source: ", "Sources: "))
        assert "published 2" in source["text"] and "2025" in source["text"]
        assert re.fullmatch(
            r"[a-z0-9_-]+-2025-07-2[45]", config["toImageButtonOptions"]["filename"]
        )
        # A swipe over the chart scrolls the page; zooming is the toolbar's job.
        assert layout["dragmode"] is False and config["scrollZoom"] is False
        assert "Source" in chart.proto.alt
    captions = [plain(caption.value) for caption in app.caption]
    assert sum(caption.startswith("In words: ") for caption in captions) >= len(charts)


# --------------------------------------------------------------------------- overview


def test_overview_shows_hedged_headlines_with_dates_and_citations(use_shipped):
    app = run()
    tables = load_tables(DEFAULT_DATA_DIR).tables
    prepared = summaries.prepare(tables)
    values = {plain(metric.label): plain(metric.value) for metric in app.metric}
    for row in summaries.headline_figures(prepared).itertuples():
        assert values[row.indicator_name] == row.value_shown
    assert values["People going days without eating"] == "nearly 33%"  # never a bare 33%
    assert values["Length of the total aid blockade"] == "62–80 days"
    talks = summaries.talks_events(prepared.events)
    assert talks.iloc[0]["label"] in [plain(header.value) for header in app.subheader]

    # A card's caption holds two lines: when the figure holds, then its citation.
    captions = [plain(line) for caption in app.caption for line in caption.value.split("  \n")]
    assert any("as of 20 July 2025" in caption and "inferred" in caption for caption in captions)
    assert any(
        caption.startswith("Politico, US leaves Gaza ceasefire talks")
        and "published 24 July 2025" in caption
        and caption.endswith("attributed to United Nations")
        for caption in captions
    )
    # The exact sentence is one click away, shown as plain text.
    quotes = [text.value for text in app.text]
    nearly = prepared.observations.loc[
        prepared.observations["qualifier"] == "nearly", "quote"
    ].iloc[0]
    assert f"“{nearly}”" in quotes
    # Its day is not in the report: the note saying how it was worked out is beside the quote.
    note = prepared.observations.loc[prepared.observations["qualifier"] == "nearly", "notes"]
    assert " ".join(note.iloc[0].split()) in quotes
    labels = [expander.label for expander in app.expander]
    assert labels.count("Exact words, and how the date was worked out") == 1
    assert set(labels) == {
        "Exact words from the report",
        "Exact words, and how the date was worked out",
    }


def test_only_http_report_links_become_links(use_shipped):
    app = run()
    sources = load_tables(DEFAULT_DATA_DIR).tables["sources"]
    markdown = " ".join(caption.value for caption in app.caption)
    for title, url in zip(sources["title"], sources["url"], strict=True):
        link = f"]({url})"
        assert (link in markdown) == bool(citations.safe_link_url(url)), title


# --------------------------------------------------------------------------- sharing


def test_many_sources_are_found_by_search_and_chosen_ones_stay(use_fixture, monkeypatch):
    from dashboard_pages import state

    monkeypatch.setattr(state, "SOURCE_CHOICES", 1)  # the fixture's two reports are 'many'
    app = run({"page": "data", "sources": "agency-b-2025-06-03"})
    sources = app.sidebar.multiselect(key=state.SOURCES_KEY)
    assert sources.value == ["agency-b-2025-06-03"]  # the link's choice is offered and kept
    # What is chosen, then the first SOURCE_CHOICES reports that match the (empty) search.
    assert [option.split(",")[0] for option in sources.options] == ["Agency B **bold**", "Agency A"]
    assert "sources=agency-b-2025-06-03" in app.sidebar.code[0].value

    app.sidebar.text_input(key=state.SOURCE_SEARCH_KEY).input("SECOND report").run()
    assert len(app.sidebar.multiselect(key=state.SOURCES_KEY).options) == 1

    app.sidebar.text_input(key=state.SOURCE_SEARCH_KEY).input("agency a").run()
    sources = app.sidebar.multiselect(key=state.SOURCES_KEY)
    assert len(sources.options) == 2 and sources.options[1].startswith("Agency A, ")
    sources.select("agency-a-2025-06-01").run()
    assert app.sidebar.multiselect(key=state.SOURCES_KEY).value == [
        "agency-b-2025-06-03",
        "agency-a-2025-06-01",
    ]
    app.sidebar.text_input(key=state.SOURCE_SEARCH_KEY).input("no such words").run()
    assert not app.exception
    # What is chosen stays chosen (and offered) whatever the search finds.
    assert app.sidebar.multiselect(key=state.SOURCES_KEY).value == [
        "agency-b-2025-06-03",
        "agency-a-2025-06-01",
    ]
    assert len(app.sidebar.multiselect(key=state.SOURCES_KEY).options) == 2


def test_query_parameters_restore_the_view(use_shipped):
    params = {
        "page": "indicators",
        "indicator": "war_duration",
        "location": "Gaza Strip",
        "sources": "rbc-ukraine-2025-07-25",
        "from": "2025-01-01",
    }
    app = run(params)
    assert app.title[0].value == "Indicators"
    assert app.selectbox(key="indicator_choice").value == "war_duration"
    assert app.sidebar.selectbox(key="filter_location").value == "Gaza Strip"
    assert app.sidebar.multiselect(key="filter_sources").value == ["rbc-ukraine-2025-07-25"]
    assert app.sidebar.date_input(key="filter_dates").value[0] == date(2025, 1, 1)
    assert not app.info  # nothing to report about the link
    share = app.sidebar.code[0].value
    for name, value in params.items():
        assert f"{name}={value.replace(' ', '+')}" in share
    assert {name: app.query_params[name] for name in params} == params


def test_a_share_link_reproduces_the_view_it_was_copied_from(use_fixture):
    first = run({"page": "data"})
    first.sidebar.selectbox(key="filter_location").set_value("Town X").run()
    first.sidebar.multiselect(key="filter_sources").set_value(["agency-b-2025-06-03"]).run()
    share = first.sidebar.code[0].value
    query = dict(pair.split("=", 1) for pair in share.split("?", 1)[1].split("&"))
    second = run({name: value.replace("+", " ") for name, value in query.items()})
    assert second.title[0].value == "Data"
    assert second.sidebar.selectbox(key="filter_location").value == "Town X"
    assert second.sidebar.multiselect(key="filter_sources").value == ["agency-b-2025-06-03"]
    assert second.sidebar.code[0].value == share
    assert [tab.label for tab in second.tabs] == [tab.label for tab in first.tabs]


def test_changing_a_filter_updates_the_url(use_fixture):
    app = run({"page": "timeline"})
    app.sidebar.selectbox(key="filter_location").set_value("Town Y").run()
    assert app.query_params["location"] == "Town Y"
    assert "location=Town+Y" in app.sidebar.code[0].value


@pytest.mark.parametrize(
    "params",
    [
        {"page": "nowhere"},
        {"page": "indicators", "indicator": "<script>alert(1)</script>"},
        {"from": "2025-99-99", "to": "soon"},
        {"from": "2025-07-01", "to": "2025-01-01"},
        {"location": "x" * 3000, "sources": ",,,nobody,,"},
        {"utm_source": "mail", "page": "data"},
        {"from": "1900-01-01", "to": "2100-12-31", "page": "timeline"},
    ],
)
def test_malformed_parameters_fall_back_with_a_notice(use_shipped, params):
    app = run(params)
    assert app.title[0].value in TITLES.values()
    in_range = params.get("from") == "1900-01-01"
    if not in_range:
        notices = " ".join(info.value for info in app.info)
        assert "could not be followed" in notices
        assert "<script>" not in notices and "x" * 100 not in notices


# --------------------------------------------------------------------------- downloads


def test_data_view_download_holds_exactly_the_filtered_rows(use_fixture, media):
    app = run({"page": "data", "location": "Town X", "sources": "agency-a-2025-06-01"})
    observations = load_tables(FIXTURE_DIR).tables["observations"]
    expected = observations[
        (observations["location"] == "Town X")
        & (observations["source_id"] == "agency-a-2025-06-01")
    ]
    label = f"This view ({len(expected)} rows, CSV)"
    assert label in downloads(app)
    downloaded = read_csv(download_bytes(app, media, label))
    assert list(downloaded["observation_id"]) == list(expected["observation_id"])
    assert list(downloaded.columns) == list(observations.columns)


def test_full_table_downloads_hold_every_valid_row(use_fixture, media):
    app = run({"page": "data", "location": "Town X", "table": "events"})
    tables = load_tables(FIXTURE_DIR).tables
    events = tables["events"]
    full = read_csv(download_bytes(app, media, f"Whole table ({len(events)} rows, CSV)"))
    assert set(full["event_id"]) == set(events["event_id"])
    hxl = download_bytes(app, media, "Whole table, HXL-tagged (CSV)")
    assert hxl.decode("utf-8-sig").splitlines()[1].startswith("#")


def test_download_cells_cannot_run_as_formulas(use_fixture, media):
    app = run({"page": "indicators", "indicator": "clinics_status"})
    data = download_bytes(app, media, "Download this table (CSV)")
    table = read_csv(data)
    assert table["value_as_stated"].str.startswith("=").sum() == 0
    assert any("HYPERLINK" in cell for cell in table["value_as_stated"])


def test_indicator_table_download_is_the_table_shown(use_fixture, media):
    app = run({"page": "indicators", "indicator": "share_water", "location": "Town X"})
    prepared = summaries.prepare(load_tables(FIXTURE_DIR).tables)
    rows = summaries.filter_prepared(
        prepared, summaries.Filters(location="Town X")
    ).observations.query("indicator_id == 'share_water'")
    downloaded = read_csv(download_bytes(app, media, "Download this table (CSV)"))
    assert list(downloaded.columns) == list(summaries.tidy_download(rows, "observations").columns)
    assert list(downloaded["observation_id"]) == list(rows["observation_id"])
    assert list(downloaded["value_shown"]) == list(rows["value_shown"])
    shown = app.dataframe[-1].value
    assert list(shown["Value"]) == list(rows["value_shown"])  # the rows shown, in order


def test_bundle_download_is_the_whole_dataset(use_shipped, media):
    app = run({"page": "data"})
    from indicators import exports

    data = download_bytes(app, media, "Download everything (zip)")
    assert data == exports.build_bundle(load_tables(DEFAULT_DATA_DIR).tables, date.today())
    names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    assert "datapackage.json" in names


def test_overview_downloads_are_the_cards_shown(use_shipped, media):
    app = run()
    figures = read_csv(download_bytes(app, media, "Download these figures (CSV)"))
    metric_values = {plain(metric.value) for metric in app.metric}
    assert set(figures["value_shown"]) <= metric_values
    events = read_csv(download_bytes(app, media, "Download these events (CSV)"))
    assert "blockade" in set(events["kind"]) and "talks" in set(events["kind"])


def test_data_page_draws_only_the_open_table_and_the_link_names_it(use_fixture):
    app = run({"page": "data", "table": "events"})
    events = load_tables(FIXTURE_DIR).tables["events"]
    assert len(app.dataframe) == 1  # one grid per rerun, not four
    assert sorted(app.dataframe[0].value["event_id"]) == sorted(events["event_id"])
    assert "table=events" in app.sidebar.code[0].value

    app.session_state["data_table_choice"] = "Sources"  # the reader opens another tab
    app.run()
    assert list(app.dataframe[0].value.columns)[1] == "source_id"
    assert "table=sources" in app.sidebar.code[0].value
    app.session_state["data_table_choice"] = "Observations"  # the default: not in the link
    app.run()
    assert "table=" not in app.sidebar.code[0].value


# --------------------------------------------------------------------------- safety and problems


@pytest.mark.parametrize("page", PAGES)
def test_hostile_text_is_shown_inert(use_fixture, page):
    app = run({"page": page, "indicator": "share_water"})
    markdown_strings = shown_markdown(app)
    if page != "data":  # the data page shows the tables only as grids
        assert any("\\<script\\>" in markdown for markdown in markdown_strings)
    for markdown in markdown_strings:
        assert not re.search(r"(?<!\\)<script", markdown), markdown
        assert not re.search(r"(?<!\\)\]\(javascript", markdown), markdown
        assert not re.search(r"(?<!\\)\*\*bold", markdown), markdown


def test_loader_problems_are_listed_and_valid_rows_still_shown(use_fixture):
    app = run({"page": "data"})
    assert any("1 problem was found" in warning.value for warning in app.warning)
    listed = " ".join(code.value for code in app.code)
    assert "observations.csv:6: [value] 'abc' is not a number" in listed
    valid = load_tables(FIXTURE_DIR).tables["observations"]
    assert [tab.label for tab in app.tabs] == ["Sources", "Indicators", "Observations", "Events"]
    assert app.dataframe[0].value.shape[0] == len(valid)  # the valid rows are all shown
    assert any(f"{len(valid)} rows in this view" in caption.value for caption in app.caption)


def test_disagreeing_sources_are_flagged_side_by_side(use_fixture):
    app = run({"page": "indicators", "indicator": "share_water"})
    assert any("reports give different figures" in warning.value for warning in app.warning)
    # Side by side: one row per report, each with its own figure, never an average.
    table = next(
        element.value for element in app.markdown if "| Report | Figure |" in element.value
    )
    rows = {
        plain(line.split(" | ")[0]): plain(line.split(" | ")[1]) for line in table.splitlines()[2:]
    }
    says = {report.split(",")[0].lstrip("| "): figure for report, figure in rows.items()}
    assert says["Agency A"] == "about 40%"
    assert says["Agency B **bold**"] == "55%"


def test_timeline_lists_events_without_dates(use_shipped):
    app = run({"page": "timeline"})
    assert "Not placed on the timeline: dates not stated" in [
        header.value for header in app.subheader
    ]
    undated = load_tables(DEFAULT_DATA_DIR).tables["events"].query("start.isna() and end.isna()")
    markdown = " ".join(plain(element.value) for element in app.markdown)
    for label in undated["label"]:
        assert label in markdown


def test_sources_page_lists_each_report_with_its_figures(use_shipped):
    app = run({"page": "sources"})
    tables = load_tables(DEFAULT_DATA_DIR).tables
    sources, observations = tables["sources"], tables["observations"]
    listing = app.dataframe[0].value
    assert list(listing["Publisher"]) == list(sources["publisher"])
    counts = observations["source_id"].value_counts()
    assert list(listing["Figures"]) == [
        int(counts.get(source, 0)) for source in sources["source_id"]
    ]
    # A handful of reports: each in full, with the figures taken from it.
    headers = [plain(header.value) for header in app.subheader]
    shown = [plain(element.value) for element in app.markdown]
    for source_id, publisher in zip(sources["source_id"], sources["publisher"], strict=True):
        assert publisher in headers
        own = observations[observations["source_id"] == source_id]
        assert f"Figures taken from this report ({len(own)})" in shown
    names = load_tables(DEFAULT_DATA_DIR).tables["indicators"].set_index("indicator_id")["name"]
    figure_names = sorted(
        name
        for table in app.dataframe[1:]
        if "Indicator" in table.value.columns
        for name in table.value["Indicator"]
    )
    assert figure_names == sorted(names[observations["indicator_id"]])


def test_many_reports_are_opened_one_at_a_time(use_shipped, monkeypatch):
    from dashboard_pages import sources_page

    monkeypatch.setattr(sources_page, "SHOWN_IN_FULL", 1)
    app = run({"page": "sources"})
    tables = load_tables(DEFAULT_DATA_DIR).tables
    sources, observations = tables["sources"], tables["observations"]
    for source_id, publisher in zip(sources["source_id"], sources["publisher"], strict=True):
        app.selectbox(key="source_detail").set_value(source_id).run()
        headers = [plain(header.value) for header in app.subheader]
        assert publisher in headers
        assert not (set(sources["publisher"]) - {publisher}) & set(headers)  # only that one
        own = observations[observations["source_id"] == source_id]
        assert len(app.dataframe[1].value) == len(own)


# --------------------------------------------------------------------------- what a reader reads


def _all_text(app: AppTest) -> str:
    return " ".join([*map(plain, shown_markdown(app)), *(text.value for text in app.text)])


@pytest.mark.parametrize("page", PAGES)
def test_wording_says_each_thing_once_and_plainly(use_shipped, page):
    text = _all_text(run({"page": page, "indicator": "share_people_days_without_eating"}))
    assert "““" not in text and "””" not in text  # no quote wrapped in a second pair of marks
    assert "about 62–80" not in text  # no hedge of the app's own beside the report's words
    assert "Gaza Strip · Gaza Strip" not in text
    assert "mid May" not in text and "(“mid-May”)" not in text
    assert not re.search(r"as of (\d+ \w+ \d{4}) · stated \1", text)
    assert "language: " not in text
    for caption in (plain(caption.value) for caption in run({"page": page}).caption):
        if caption.startswith("In words: "):
            assert caption.count(":") == 1 and "((" not in caption.replace(" ", "")


def test_a_reports_language_is_written_out(use_shipped):
    text = _all_text(run({"page": "sources"}))
    assert "in English" in text


def test_tables_show_empty_cells_empty_and_fit_whole_rows(use_shipped):
    app = run({"page": "data"})
    table = app.dataframe[0]
    assert table.proto.HasField("placeholder") and table.proto.placeholder == ""
    assert table.value["value_low"].isna().any()  # there are empty cells to show empty
    timeline = run({"page": "timeline"}).dataframe[0]
    events = load_tables(DEFAULT_DATA_DIR).tables["events"]
    assert len(timeline.value) == len(events)
    # Its height is that of its rows ("content"), so none is cut in half.
    assert timeline.proto.placeholder == ""


def test_wide_tables_say_they_scroll(use_shipped):
    captions = [plain(caption.value) for caption in run({"page": "data"}).caption]
    assert any("scroll the table sideways" in caption for caption in captions)


def test_page_downloads_are_tidy(use_shipped, media):
    app = run({"page": "timeline"})
    events = read_csv(download_bytes(app, media, "Download the events on this timeline (CSV)"))
    stored = load_tables(DEFAULT_DATA_DIR).tables["events"]
    assert list(events.columns[: len(stored.columns)]) == list(stored.columns)
    for column in ("start", "end"):
        assert events[column].str.fullmatch(r"(\d{4}-\d{2}-\d{2})?").all()  # ISO or empty
    assert "start_text" in events and "source_title" in events
    app = run({"page": "indicators", "indicator": "share_people_days_without_eating"})
    figures = read_csv(download_bytes(app, media, "Download this table (CSV)"))
    assert float(figures["value"].iloc[0]) == 33.3 and figures["unit"].iloc[0] == "percent"
    assert (
        figures["qualifier"].iloc[0] == "nearly" and figures["value_shown"].iloc[0] == "nearly 33%"
    )
    assert figures["reported_on"].iloc[0] == "2025-07-20"
    app = run({"page": "sources"})
    reports = read_csv(download_bytes(app, media, "Download this list with its counts (CSV)"))
    assert {"url", "published", "language", "figures", "events"} <= set(reports)
    assert set(reports["language"]) == {"en"}


def test_a_page_hands_back_the_choice_it_made(use_shipped):
    app = run({"page": "indicators"})
    app.selectbox(key="indicator_choice").set_value("war_duration").run()
    assert "indicator=war_duration" in app.sidebar.code[0].value
    app = run({"page": "data"})
    app.selectbox(key="data_indicator_choice").set_value("war_duration").run()
    assert "indicator=war_duration" in app.sidebar.code[0].value


def test_the_page_icon_is_served_by_the_app():
    from dashboard_pages import app as dashboard_app

    assert dashboard_app.PAGE_ICON.is_file()
    assert dashboard_app.PAGE_ICON.read_bytes().startswith(b"\x89PNG")
