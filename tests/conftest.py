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
