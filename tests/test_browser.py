"""End to end in a real browser: `streamlit run dashboard.py` driven by headless Chromium.

Uses Debian's Chromium at /usr/bin/chromium through Playwright (no browser is downloaded).
Without it the tests fail under CI (the environment variable CI is set) and are skipped
elsewhere. Each page is checked for rendered Plotly charts and visible citations, a copied
share link must restore the view, and one screenshot per page (desktop and phone width) is
saved in test-output/screenshots/.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from benchmarks.common import CHROMIUM as CHROMIUM_PATH
from benchmarks.common import CHROMIUM_FLAGS

pytestmark = pytest.mark.browser

REPO_ROOT = Path(__file__).resolve().parent.parent
FIXTURE_DIR = Path(__file__).parent / "fixtures" / "dashboard"
SCREENSHOTS = REPO_ROOT / "test-output" / "screenshots"
CHROMIUM = Path(CHROMIUM_PATH)
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
TIMEOUT_MS = 60_000
# Elements some pages draw after their first paint: wait for them before reading the text.
READY_SELECTORS = {
    "overview": '[data-testid="stMetricValue"]',
    "sources": '[data-testid="stDataFrame"]',
    "data": '[data-testid="stDataFrame"]',
}
SERVER_START_SECONDS = 90

# Page key, its title, and how many Plotly charts it draws on the shipped data.
PAGES = {
    "overview": ("Overview", 0),
    "timeline": ("Timeline", 1),
    "indicators": ("Indicators", 2),
    "sources": ("Sources", 1),
    "data": ("Data", 0),
}


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        message = f"{CHROMIUM} is missing: install Debian's chromium package"
        if os.environ.get("CI"):
            pytest.fail(f"{message}; CI must run the browser tests")
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        try:
            yield launched
        finally:
            launched.close()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def streamlit_server(data_dir: Path | None = None, base_path: str = "") -> Iterator[str]:
    """Run the dashboard on a free local port; always stop it, whatever happens."""
    port = _free_port()
    command = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(REPO_ROOT / "dashboard.py"),
        "--server.headless",
        "true",
        "--server.port",
        str(port),
        "--server.address",
        "127.0.0.1",
        "--browser.gatherUsageStats",
        "false",
    ]
    if base_path:
        command += ["--server.baseUrlPath", base_path]
    environment = {**os.environ}
    environment.pop("INDICATORS_DATA_DIR", None)
    if data_dir is not None:
        environment["INDICATORS_DATA_DIR"] = str(data_dir)
    SCREENSHOTS.parent.mkdir(parents=True, exist_ok=True)
    log_path = SCREENSHOTS.parent / f"streamlit-{port}.log"
    url = f"http://127.0.0.1:{port}" + (f"/{base_path}" if base_path else "")
    with open(log_path, "wb") as log:
        server = subprocess.Popen(
            command,
            cwd=REPO_ROOT,
            env=environment,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            _wait_until_healthy(f"{url}/_stcore/health", server, log_path)
            yield url
        finally:
            _stop(server)


def _wait_until_healthy(health_url: str, server: subprocess.Popen, log_path: Path) -> None:
    deadline = time.monotonic() + SERVER_START_SECONDS
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(
                f"streamlit exited with {server.returncode}:\n{log_path.read_text()[-3000:]}"
            )
        try:
            with urllib.request.urlopen(health_url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.3)
    pytest.fail(f"streamlit did not answer on {health_url} within {SERVER_START_SECONDS} s")


def _stop(server: subprocess.Popen) -> None:
    if server.poll() is not None:
        return
    os.killpg(server.pid, signal.SIGTERM)  # its own process group: the server and its children
    try:
        server.wait(timeout=15)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait(timeout=15)


@pytest.fixture(scope="module")
def shipped_app() -> Iterator[str]:
    with streamlit_server() as url:
        yield url


def open_page(browser, url: str, viewport: dict[str, int] = DESKTOP):
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(url)
    page.wait_for_selector("h1", timeout=TIMEOUT_MS)
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"] button')",
        timeout=TIMEOUT_MS,
    )
    page.dialogs = dialogs
    return page


def wait_for_charts(page, count: int) -> None:
    if count:
        page.wait_for_function(
            f"() => document.querySelectorAll('.js-plotly-plot .plot-container').length >= {count}",
            timeout=TIMEOUT_MS,
        )


def title_of(page) -> str:
    return page.locator("h1").first.inner_text().strip()


def main_text(page) -> str:
    """The main area's visible text, once it has stopped changing (cards fade in)."""
    previous = None
    deadline = time.monotonic() + TIMEOUT_MS / 1000
    while time.monotonic() < deadline:
        text = page.locator('[data-testid="stMain"]').inner_text()
        if text == previous:
            return text
        previous = text
        page.wait_for_timeout(700)
    return previous or ""


def share_link(page) -> str:
    return (
        page.locator('[data-testid="stSidebar"] [data-testid="stCode"]').first.inner_text().strip()
    )


def screenshot(page, name: str) -> Path:
    """The whole page: Streamlit scrolls inside its main block, so grow the viewport to fit it."""
    page.wait_for_timeout(800)  # let charts finish their transitions
    height = page.evaluate(
        "() => Math.max(...[...document.querySelectorAll('[data-testid=stMain], "
        "[data-testid=stMainBlockContainer]')].map(element => element.scrollHeight), 600)"
    )
    width = page.viewport_size["width"]
    page.set_viewport_size({"width": width, "height": min(int(height) + 80, 8000)})
    page.wait_for_timeout(800)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path))
    return path


def select_option(page, container: str, label: str, option: str) -> None:
    """Pick an option of a Streamlit selectbox by its label."""
    box = page.locator(f'{container} [data-testid="stSelectbox"]').filter(has_text=label).first
    box.click()
    page.get_by_role("option", name=option, exact=True).click()
    page.wait_for_timeout(500)
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"] button')",
        timeout=TIMEOUT_MS,
    )


@pytest.mark.parametrize("page_key", list(PAGES))
def test_each_page_renders_its_charts_and_citations(browser, shipped_app, page_key):
    title, charts = PAGES[page_key]
    page = open_page(browser, f"{shipped_app}/?page={page_key}")
    try:
        assert title_of(page) == title
        wait_for_charts(page, charts)
        ready = READY_SELECTORS.get(page_key)
        if ready:
            page.wait_for_selector(ready, timeout=TIMEOUT_MS)
        assert page.locator(".js-plotly-plot").count() >= charts
        assert page.locator('[data-testid="stException"]').count() == 0
        text = main_text(page)
        if page_key in ("overview", "indicators"):
            assert "attributed to" in text and "published 24 July 2025" in text
        if charts:
            assert "Source: " in text or "Sources: " in text
            assert "In words: " in text
        if page_key == "overview":
            assert "nearly 33%" in text and "about 62–80 days" in text
        if page_key in ("sources", "data"):
            assert page.locator('[data-testid="stDataFrame"]').count() >= 1
        if page_key == "sources":
            assert "Politico" in text and "RBC-Ukraine" in text
        if page_key == "data":  # the tables are drawn on a canvas; their tabs are text
            for tab in ("Sources", "Indicators", "Observations", "Events"):
                assert tab in text
            assert "6 rows in this view, of 6" in text  # the observations, opened by default
        assert f"page={page_key}" in share_link(page)
        assert screenshot(page, page_key).stat().st_size > 10_000
    finally:
        page.context.close()


@pytest.mark.parametrize("page_key", list(PAGES))
def test_each_page_fits_a_phone_screen(browser, shipped_app, page_key):
    title, charts = PAGES[page_key]
    page = open_page(browser, f"{shipped_app}/?page={page_key}", viewport=PHONE)
    try:
        assert title_of(page) == title
        wait_for_charts(page, charts)
        overflow = page.evaluate(
            "() => { const main = document.querySelector('[data-testid=stMain]');"
            " return main.scrollWidth - main.clientWidth; }"
        )
        assert overflow <= 1, f"{page_key} scrolls sideways by {overflow}px at phone width"
        screenshot(page, f"{page_key}-phone")
    finally:
        page.context.close()


def test_a_copied_share_link_restores_the_view(browser, shipped_app):
    page = open_page(browser, f"{shipped_app}/?page=indicators")
    try:
        select_option(page, '[data-testid="stMain"]', "Indicator", "Duration of the war")
        select_option(page, '[data-testid="stSidebar"]', "Location", "Gaza Strip (PSE)")
        wait_for_charts(page, 1)
        link = share_link(page)
        assert "indicator=war_duration" in link and "location=Gaza+Strip" in link
        assert page.url.endswith(link.split("/", 3)[3])  # the address bar holds the same view
    finally:
        page.context.close()

    restored = open_page(browser, link)
    try:
        assert title_of(restored) == "Indicators"
        wait_for_charts(restored, 1)
        main = restored.locator('[data-testid="stMain"]')
        assert main.get_by_role("combobox", name="Indicator").input_value() == "Duration of the war"
        sidebar = restored.locator('[data-testid="stSidebar"]')
        assert sidebar.get_by_role("combobox", name="Location").input_value() == "Gaza Strip (PSE)"
        assert share_link(restored) == link
        assert "21 months" in main_text(restored)
    finally:
        restored.context.close()


def test_a_broken_link_falls_back_with_a_notice(browser, shipped_app):
    page = open_page(browser, f"{shipped_app}/?page=nowhere&from=2025-99-01&indicator=%3Cscript%3E")
    try:
        assert title_of(page) == "Overview"
        assert "could not be followed" in main_text(page)
        assert page.locator('[data-testid="stException"]').count() == 0
    finally:
        page.context.close()


def test_hostile_text_stays_text_in_the_browser(browser):
    with streamlit_server(data_dir=FIXTURE_DIR) as url:
        for page_key in PAGES:
            page = open_page(browser, f"{url}/?page={page_key}&indicator=share_water")
            try:
                page.wait_for_timeout(1500)
                assert page.dialogs == []
                assert page.locator('[data-testid="stMain"] a[href^="javascript"]').count() == 0
                # Markup from the data would have become elements: a script, or bold text
                # reading exactly 'bold' (from **bold**) or 'agency' (from <b>agency</b>).
                injected = page.evaluate(
                    "() => [...document.querySelectorAll('[data-testid=stMain] script, "
                    "[data-testid=stMain] b, [data-testid=stMain] strong')]"
                    ".filter(element => /alert/.test(element.textContent)"
                    " || ['bold', 'agency'].includes(element.textContent.trim())).length"
                )
                assert injected == 0
                if page_key == "overview":
                    assert "<script>alert(1)</script>" in main_text(page)
                    assert "1 problem was found" in main_text(page)
                if page_key == "indicators":
                    assert "reports give different figures" in main_text(page)
                screenshot(page, f"hostile-{page_key}")
            finally:
                page.context.close()


def test_served_under_a_base_path_behind_a_proxy(browser):
    with streamlit_server(base_path="hosted/indicators") as url:
        page = open_page(browser, f"{url}/?page=timeline")
        try:
            assert title_of(page) == "Timeline"
            wait_for_charts(page, 1)
            link = share_link(page)
            assert link.startswith(f"{url}/timeline?page=timeline")
        finally:
            page.context.close()
        restored = open_page(browser, link)
        try:
            assert title_of(restored) == "Timeline"
        finally:
            restored.context.close()
