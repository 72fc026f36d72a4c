"""The dashboard states the version it serves, how to cite it, and each place's code."""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
import pytest
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1 import app_test as app_test_module

from indicators import release
from indicators.loading import DEFAULT_DATA_DIR, load_tables

APP = str(Path(__file__).resolve().parent.parent / "dashboard.py")


@pytest.fixture(autouse=True)
def shipped_data(monkeypatch):
    monkeypatch.delenv("INDICATORS_DATA_DIR", raising=False)


@pytest.fixture
def media(monkeypatch) -> list[MediaFileManager]:
    managers: list[MediaFileManager] = []

    class Capturing(MediaFileManager):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            managers.append(self)

    monkeypatch.setattr(app_test_module, "MediaFileManager", Capturing)
    return managers


def run(params: dict[str, str]) -> AppTest:
    app = AppTest.from_file(APP, default_timeout=60)
    for name, value in params.items():
        app.query_params[name] = value
    app.run()
    assert not app.exception, [exception.value for exception in app.exception]
    return app


def test_data_page_shows_the_version_and_how_to_cite_it():
    this = release.release_of(load_tables(DEFAULT_DATA_DIR).tables)
    app = run({"page": "data"})
    captions = [caption.value for caption in app.caption]
    assert f"Version {this.version}, newest report {this.newest_report_text}." in captions
    assert "How to cite" in [expander.label for expander in app.expander]
    assert release.citation(this) in [block.value for block in app.code]
    assert any("Cite each figure also to its original report" in text for text in captions)


def test_the_location_filter_shows_each_places_country_code():
    app = run({"page": "data"})
    options = app.sidebar.selectbox(key="filter_location").options
    assert "Gaza Strip (PSE)" in options
    assert "Doha, Qatar (QAT)" in options
    assert "Europe" in options  # a region: no code to show


def test_the_data_view_download_carries_the_country_code(media):
    app = run({"page": "data", "location": "Gaza Strip"})
    button = next(
        button
        for button in app.get("download_button")
        if button.proto.label.startswith("This view")
    )
    manager = media[-1]
    url = manager.execute_deferred(button.proto.deferred_file_id)
    data = manager.read_file(url.rsplit("/", 1)[-1]).content
    table = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig", dtype=str, keep_default_na=False)
    assert len(table) > 0
    assert set(table["country_code"]) == {"PSE"}
