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
DESKTOP = {"width": 1400, "height": 900}
PHONE = {"width": 390, "height": 844}
# A phone as the browser presents itself: a touch screen, and a phone's user agent.
TOUCH_PHONE = {
    "viewport": PHONE,
    "is_mobile": True,
    "has_touch": True,
    "user_agent": (
        "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
        "Chrome/126.0 Mobile Safari/537.36"
    ),
}
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


def open_page(browser, url: str, viewport: dict[str, int] = DESKTOP, **options):
    context = browser.new_context(**({"viewport": viewport} | options))
    page = context.new_page()
    dialogs: list[str] = []
    requests: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.on("request", lambda request: requests.append(request.url))
    page.requests = requests
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
            # Each chart's title and source line are drawn inside it.
            notes = page.locator(".js-plotly-plot .annotation-text").all_text_contents()
            assert sum(note.startswith(("Source: ", "Sources: ")) for note in notes) >= charts
            assert page.locator(".js-plotly-plot .gtitle").count() >= charts
            assert "In words: " in text
        if page_key == "overview":
            assert "nearly 33%" in text and "62–80 days" in text
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


# --------------------------------------------------------------------------- phones and touch

SCROLLED = (
    "() => Math.max(window.scrollY, ...[...document.querySelectorAll('*')].map(e => e.scrollTop))"
)


def swipe_up(page, x: float, y: float, distance: float = 300, steps: int = 10) -> None:
    """One finger on the screen at (x, y), moved up by `distance` pixels, then lifted."""
    touch = page.context.new_cdp_session(page)
    touch.send(
        "Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [{"x": x, "y": y}]}
    )
    for step in range(1, steps + 1):
        point = {"x": x, "y": y - distance * step / steps}
        touch.send("Input.dispatchTouchEvent", {"type": "touchMove", "touchPoints": [point]})
    touch.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
    page.wait_for_timeout(800)


@pytest.mark.parametrize("page_key", ["timeline", "indicators", "sources"])
def test_a_swipe_over_a_chart_scrolls_the_page_on_a_phone(browser, shipped_app, page_key):
    page = open_page(browser, f"{shipped_app}/?page={page_key}", **TOUCH_PHONE)
    try:
        wait_for_charts(page, 1)
        page.wait_for_timeout(1000)
        chart = page.locator(".js-plotly-plot").first
        chart.scroll_into_view_if_needed()
        box = chart.bounding_box()
        x, y = box["x"] + box["width"] / 2, min(box["y"] + box["height"] / 2, 700)
        # The finger lands on the chart's drawing area, where Plotly would start a zoom.
        under = page.evaluate(
            f"() => document.elementFromPoint({x}, {y}).closest('.js-plotly-plot') !== null"
        )
        assert under
        before = page.evaluate(SCROLLED)
        swipe_up(page, x, y)
        assert page.evaluate(SCROLLED) >= before + 100, "a swipe over the chart did not scroll"
    finally:
        page.context.close()


def test_the_chart_toolbar_stays_out_of_the_way(browser, shipped_app):
    phone = open_page(browser, f"{shipped_app}/?page=indicators", **TOUCH_PHONE)
    try:
        wait_for_charts(phone, 2)
        phone.wait_for_timeout(1000)
        # Plotly shows its toolbar at all times where there is no hover: none on a phone.
        assert phone.locator(".js-plotly-plot .modebar").count() == 0
    finally:
        phone.context.close()
    desktop = open_page(browser, f"{shipped_app}/?page=indicators")
    try:
        wait_for_charts(desktop, 2)
        desktop.wait_for_timeout(1000)
        toolbars = desktop.locator(".js-plotly-plot .modebar")
        assert toolbars.count() >= 2
        hidden = desktop.evaluate(
            "() => [...document.querySelectorAll('.modebar-group')].every("
            "group => getComputedStyle(group).opacity === '0')"
        )
        assert hidden  # until the pointer is over the chart
        # The camera saves an image named after the chart; the waffle offers no zoom.
        waffle_buttons = desktop.locator(".js-plotly-plot").first.locator(".modebar-btn")
        names = [
            waffle_buttons.nth(i).get_attribute("data-title") for i in range(waffle_buttons.count())
        ]
        assert any("png" in (name or "").lower() for name in names)
        assert not any("zoom" in (name or "").lower() for name in names)
    finally:
        desktop.context.close()


def test_choosing_a_page_on_a_phone_closes_the_menu(browser, shipped_app):
    page = open_page(browser, f"{shipped_app}/?page=overview", **TOUCH_PHONE)
    try:
        sidebar = page.locator('[data-testid="stSidebar"]')
        page.locator('[data-testid="stExpandSidebarButton"]').click()
        page.wait_for_timeout(800)
        assert sidebar.bounding_box()["width"] > 0
        page.locator('[data-testid="stSidebarNavLink"]').filter(has_text="Sources").first.click()
        page.wait_for_function("() => document.querySelector('h1')?.innerText.trim() === 'Sources'")
        page.wait_for_timeout(800)
        box = sidebar.bounding_box()
        assert box["width"] == 0 or box["x"] + box["width"] <= 0  # closed, off the screen
    finally:
        page.context.close()


def test_the_axis_title_and_cards_read_right_on_a_phone(browser, shipped_app):
    page = open_page(
        browser,
        f"{shipped_app}/?page=indicators&indicator=share_people_days_without_eating",
        **TOUCH_PHONE,
    )
    try:
        wait_for_charts(page, 2)
        page.wait_for_timeout(1000)
        cut = page.evaluate(
            "() => [...document.querySelectorAll('.js-plotly-plot')].filter(plot => {"
            " const title = plot.querySelector('.g-ytitle'); if (!title) return false;"
            " return title.getBoundingClientRect().left < plot.getBoundingClientRect().left - 0.5; })"
            ".length"
        )
        assert cut == 0  # "percent", not "rcent"
    finally:
        page.context.close()

    def card_order(page) -> list[str]:
        page.wait_for_selector('[data-testid="stMetricLabel"]', timeout=TIMEOUT_MS)
        page.wait_for_timeout(1000)
        return page.evaluate(
            "() => [...document.querySelectorAll('[data-testid=stMetricLabel]')]"
            ".map(label => [label.getBoundingClientRect(), label.innerText.trim()])"
            ".sort((a, b) => (a[0].top - b[0].top) || (a[0].left - b[0].left))"
            ".map(pair => pair[1])"
        )

    desktop = open_page(browser, shipped_app)
    phone = open_page(browser, shipped_app, **TOUCH_PHONE)
    try:
        # Read left to right, then down: the same order on a wide screen and a phone.
        wide = card_order(desktop)
        assert len(wide) >= 3 and card_order(phone) == wide
    finally:
        desktop.context.close()
        phone.context.close()


@pytest.mark.parametrize("page_key", ["timeline", "indicators", "sources"])
def test_tables_show_every_column_and_whole_rows_on_a_desktop(browser, shipped_app, page_key):
    page = open_page(browser, f"{shipped_app}/?page={page_key}")
    try:
        page.wait_for_selector('[data-testid="stDataFrame"] .dvn-scroller', timeout=TIMEOUT_MS)
        page.wait_for_timeout(1500)
        sizes = page.evaluate(
            "() => [...document.querySelectorAll('[data-testid=stDataFrame] .dvn-scroller')]"
            ".map(grid => [grid.scrollWidth - grid.clientWidth, grid.scrollHeight - grid.clientHeight])"
        )
        assert sizes
        for wider, taller in sizes:
            assert wider <= 1, f"a table on {page_key} hides columns past its right edge"
            assert taller <= 1, f"a table on {page_key} cuts its last rows"
    finally:
        page.context.close()


def test_tables_on_a_phone_say_they_scroll(browser, shipped_app):
    page = open_page(browser, f"{shipped_app}/?page=timeline", **TOUCH_PHONE)
    try:
        page.wait_for_selector('[data-testid="stDataFrame"]', timeout=TIMEOUT_MS)
        assert "scroll the table sideways" in main_text(page)
    finally:
        page.context.close()


@pytest.mark.parametrize("width", ["desktop", "phone"])
def test_every_request_goes_to_the_apps_own_origin(browser, shipped_app, width):
    options = TOUCH_PHONE if width == "phone" else {}
    outside: list[str] = []
    for page_key, (_, charts) in PAGES.items():
        page = open_page(browser, f"{shipped_app}/?page={page_key}", **options)
        try:
            wait_for_charts(page, charts)
            page.wait_for_timeout(1500)
            outside += [
                url for url in page.requests if not url.startswith((shipped_app, "data:", "blob:"))
            ]
        finally:
            page.context.close()
    assert outside == [], f"requests to other hosts: {sorted(set(outside))}"
