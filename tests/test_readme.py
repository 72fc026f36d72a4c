"""The README is the contract: its two commands, and a column reference that matches the schema."""

from __future__ import annotations

import re

from indicators import schema
from tests.conftest import REPO_ROOT

README = (REPO_ROOT / "README.md").read_text("utf-8")


def test_readme_states_the_two_commands_and_ci_runs_the_test_command():
    assert "pip install -r requirements.txt && streamlit run dashboard.py" in README
    assert "bash scripts/test.sh" in README
    ci = (REPO_ROOT / ".ci" / "run").read_text("utf-8")
    assert "bash scripts/test.sh" in ci


def test_readme_column_reference_is_generated_from_the_schema():
    block = re.search(r"<!-- columns:start -->\n(.*)\n<!-- columns:end -->", README, re.S)
    assert block, "README lacks the column reference block"
    for table in schema.TABLES.values():
        assert schema.column_reference_markdown(table) in block.group(1), table.name


def test_every_pinned_requirement_is_pinned_exactly():
    for line in (REPO_ROOT / "requirements.txt").read_text("utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            assert re.fullmatch(r"[A-Za-z0-9_.\-\[\]]+==[0-9][0-9A-Za-z.\-]*", line), line
