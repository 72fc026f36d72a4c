"""Shared test paths. The seed reports live beside the repository, in ../shared/seeds."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEEDS_DIR = REPO_ROOT.parent / "shared" / "seeds"


@pytest.fixture
def seeds_dir() -> Path:
    if not SEEDS_DIR.is_dir():
        pytest.skip(f"the seed reports folder {SEEDS_DIR} is absent, so quotes cannot be checked")
    return SEEDS_DIR
