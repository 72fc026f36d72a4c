"""Shared test paths. The seed reports live beside the repository, in ../shared/seeds."""

from __future__ import annotations

from pathlib import Path

import pytest

from indicators import summaries
from indicators.loading import DEFAULT_DATA_DIR, load_tables

REPO_ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEEDS_DIR = REPO_ROOT.parent / "shared" / "seeds"
DASHBOARD_FIXTURE_DIR = FIXTURES / "dashboard"


@pytest.fixture
def seeds_dir() -> Path:
    if not SEEDS_DIR.is_dir():
        pytest.skip(f"the seed reports folder {SEEDS_DIR} is absent, so quotes cannot be checked")
    return SEEDS_DIR


@pytest.fixture(scope="session")
def shipped() -> summaries.Prepared:
    """The shipped tables in `data/`, prepared as the dashboard shows them (read-only)."""
    return summaries.prepare(load_tables(DEFAULT_DATA_DIR).tables)


@pytest.fixture(scope="session")
def fixture() -> summaries.Prepared:
    """The small dashboard fixture (hostile text, a disagreement, a bad row), prepared."""
    return summaries.prepare(load_tables(DASHBOARD_FIXTURE_DIR).tables)


# module scope: a Playwright kept running past its module would stop the next module from
# starting its own
@pytest.fixture(scope="module")
def printer():
    """Headless Chromium, to print the tests' HTML to PDF as agencies' reports are printed
    (`tests.pdf_maker.html_to_pdf`); without it a browser test is skipped, but CI fails."""
    import os

    from benchmarks.common import CHROMIUM, CHROMIUM_FLAGS

    if not os.path.exists(CHROMIUM):
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
