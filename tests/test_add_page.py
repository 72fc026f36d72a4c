"""The "Add a report" page under AppTest: absent (and nothing writes) with editing off;
with it on, a pasted report is reviewed, partly accepted, corrected and saved through the
same store as `add`, and the other pages show the new figures at once."""

from __future__ import annotations

import csv
import os
import re
import shutil
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest

from indicators import editing
from indicators.ingest.documents import sha256_hex
from indicators.loading import load_tables
from tests.conftest import REPO_ROOT

APP = str(REPO_ROOT / "dashboard.py")
SOURCE_ID = "coastal-relief-monitor-2025-08-12"
# A report written for this test, in the style of a monitoring update.
REPORT = """Water crisis deepens in Gaza City

GAZA CITY, 12 August 2025 (Coastal Relief Monitor) – Some 92 percent of households face severe water shortages, the UN water and sanitation cluster said on Monday.

Nearly one in two people are going days without eating, according to the World Food Programme.

At least 22 hospitals are no longer functioning, the World Health Organization said.
"""


@pytest.fixture
def data(tmp_path, monkeypatch):
    folder = tmp_path / "data"
    shutil.copytree(REPO_ROOT / "data", folder)
    monkeypatch.setenv("INDICATORS_DATA_DIR", str(folder))
    return folder


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def started(page: str) -> AppTest:
    app = AppTest.from_file(APP, default_timeout=90)
    app.query_params["page"] = page
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def test_with_editing_off_there_is_no_add_page_and_nothing_writes(data, monkeypatch):
    monkeypatch.delenv(editing.EDIT_VARIABLE, raising=False)
    before = snapshot(data)
    app = started("add")
    assert "Add a report" not in [title.value for title in app.title]
    assert app.title[0].value == "Overview"
    assert any(
        "There is no page 'add'" in notice.value
        for notice in [*app.info, *app.warning, *app.caption, *app.markdown]
    )
    assert not [element for element in app.get("text_area") if element.key == "report_text"]
    assert snapshot(data) == before


@pytest.mark.parametrize(
    "environ, signed_in, email, host, allowed",
    [
        ({}, False, None, None, False),
        ({"INDICATORS_EDIT": "0"}, False, None, "localhost:8501", False),
        ({"INDICATORS_EDIT": "1"}, False, None, "localhost:8501", True),
        ({"INDICATORS_EDIT": "1"}, False, None, "127.0.0.1:8501", True),
        ({"INDICATORS_EDIT": "1"}, False, None, "dashboard.example.org", False),
    ],
)
def test_without_sign_in_only_a_local_copy_may_edit(environ, signed_in, email, host, allowed):
    access = editing.editing_access(environ, False, signed_in, email, set(), host)
    assert access.allowed is allowed
    # Behind a proxy the visitor is elsewhere, whatever Host the proxy sends.
    assert not editing.editing_access(environ, False, signed_in, email, set(), host, True).allowed


def test_on_a_shared_host_only_a_signed_in_editor_on_the_list_may_edit():
    on = {"INDICATORS_EDIT": "1", "INDICATORS_EDITORS": "Analyst@Example.org, lead@example.org"}
    editors = editing.allow_list(on)
    host = "dashboard.example.org"
    assert not editing.editing_access(on, True, False, None, editors, host).allowed
    assert editing.editing_access(on, True, False, None, editors, host).offer_sign_in
    assert not editing.editing_access(on, True, True, "other@example.org", editors, host).allowed
    assert editing.editing_access(on, True, True, "analyst@example.org", editors, host).allowed
    assert not editing.editing_access({}, True, True, "analyst@example.org", editors, host).allowed


def test_paste_accept_some_correct_one_save_and_every_page_shows_them(data, monkeypatch):
    monkeypatch.setenv(editing.EDIT_VARIABLE, "1")
    app = started("add")
    assert app.title[0].value == "Add a report"
    app.text_area(key="report_text").input(REPORT).run()
    # Prefilled from the text: its first line as title, its dateline's day as published.
    assert app.text_input(key="report_title").value == "Water crisis deepens in Gaza City"
    assert app.date_input(key="report_published").value == date(2025, 8, 12)
    app.text_input(key="report_publisher").input("Coastal Relief Monitor").run()
    assert not app.exception, [e.value for e in app.exception]
    labels = [box.label for box in app.checkbox if box.key.startswith("accept_o")]
    assert len(labels) == 3, labels
    app.checkbox(key="accept_o1").check()
    app.checkbox(key="accept_o2").check()
    app.text_input(key="fix_o1_location").input("Gaza")
    app.text_input(key="fix_o1_attributed_to").input("UN water and sanitation cluster")
    app.text_input(key="fix_o2_location").input("Gaza")
    app.run()
    app.button(key="report_save").click().run()
    assert not app.exception, [e.value for e in app.exception]
    assert any(SOURCE_ID in s.value for s in app.success), [e.value for e in app.error]

    result = load_tables(data, data / "reports")
    # Every quote of the new rows is checked against the saved report text; the shipped
    # reports' texts are not in this folder.
    assert {str(problem) for problem in result.problems} == {
        f"sources.csv:{line}: [text_sha256] no report file with this SHA-256 was found, so "
        "its quotes cannot be checked"
        for line in (2, 3)
    }
    saved = data / "reports" / f"{sha256_hex(REPORT.encode())}.txt"
    assert saved.read_text("utf-8") == REPORT
    with open(data / "observations.csv", encoding="utf-8", newline="") as handle:
        rows = [row for row in csv.DictReader(handle) if row["source_id"] == SOURCE_ID]
    assert [row["observation_id"] for row in rows] == [f"{SOURCE_ID}-o1", f"{SOURCE_ID}-o2"]
    first, second = rows
    assert (
        first["location"] == "Gaza" and first["attributed_to"] == "UN water and sanitation cluster"
    )
    assert first["value"] == "92" and first["qualifier"] == "some"
    for row in rows:
        assert REPORT[int(row["quote_start"]) : int(row["quote_end"])] == row["quote"]
    with open(data / "events.csv", encoding="utf-8", newline="") as handle:
        assert not [row for row in csv.DictReader(handle) if row["source_id"] == SOURCE_ID]

    # Saving again: already added, nothing to do, nothing written.
    before = snapshot(data)
    app.button(key="report_save").click().run()
    assert any("already added" in info.value for info in app.info)
    assert snapshot(data) == before

    overview = started("overview")
    shown = " ".join(m.label + " " + m.value for m in overview.metric) + " ".join(
        c.value for c in overview.caption
    )
    assert "Coastal Relief Monitor" in shown and "92%" in shown


def test_a_bad_correction_is_named_by_candidate_and_nothing_is_written(data, monkeypatch):
    monkeypatch.setenv(editing.EDIT_VARIABLE, "1")
    app = started("add")
    app.text_area(key="report_text").input(REPORT).run()
    app.text_input(key="report_publisher").input("Coastal Relief Monitor").run()
    app.checkbox(key="accept_all").check().run()
    assert all(box.value for box in app.checkbox if box.key.startswith("accept_o"))
    app.text_input(key="fix_o2_value").input("half").run()
    before = snapshot(data)
    app.button(key="report_check").click().run()
    # (the message is shown as written: its Markdown characters escaped)
    errors = _unescaped(" ".join(error.value for error in app.error))
    assert f"{SOURCE_ID}-o2 (observations.csv:" in errors and "'half' is not a number" in errors
    app.button(key="report_save").click().run()
    assert "Nothing was saved" in " ".join(error.value for error in app.error)
    after = snapshot(data)
    after.pop(".lock", None)
    assert after == before
    app.text_input(key="fix_o2_value").input("50").run()
    app.button(key="report_check").click().run()
    assert any("would be added" in s.value for s in app.success)
    app.button(key="report_save").click().run()
    assert any("Saved 3 figure(s)" in s.value for s in app.success), [e.value for e in app.error]


def test_with_sign_in_set_up_a_visitor_not_signed_in_gets_no_page_and_a_sign_in_button(
    data, monkeypatch
):
    monkeypatch.setenv(editing.EDIT_VARIABLE, "1")
    monkeypatch.setenv(editing.EDITORS_VARIABLE, "analyst@example.org")
    before = snapshot(data)
    app = AppTest.from_file(APP, default_timeout=90)
    app.secrets["auth"] = {
        "redirect_uri": "http://localhost:8501/oauth2callback",
        "cookie_secret": "not a real secret",
        "client_id": "client",
        "client_secret": "secret",
        "server_metadata_url": "https://provider.example.org/.well-known/openid-configuration",
    }
    app.query_params["page"] = "add"
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    assert app.title[0].value == "Overview"
    assert [button.label for button in app.sidebar.button] == ["Sign in to add reports"]
    assert snapshot(data) == before


def test_an_event_can_be_corrected_and_saved(data, monkeypatch):
    monkeypatch.setenv(editing.EDIT_VARIABLE, "1")
    report = (REPO_ROOT / "tests" / "fixtures" / "reports" / "gaza_wire_story.txt").read_text()
    app = started("add")
    app.text_area(key="report_text").input(report).run()
    app.text_input(key="report_publisher").input("Levant Wire").run()
    app.date_input(key="report_published").set_value(date(2025, 6, 10)).run()
    app.checkbox(key="accept_e2").check()
    app.selectbox(key="fix_e2_kind").select("diplomacy")
    app.text_input(key="fix_e2_location").input("Cairo")
    app.run()
    app.button(key="report_save").click().run()
    assert any("Saved 0 figure(s) and 1 event(s)" in s.value for s in app.success), [
        e.value for e in app.error
    ]
    with open(data / "events.csv", encoding="utf-8", newline="") as handle:
        rows = [r for r in csv.DictReader(handle) if r["source_id"] == "levant-wire-2025-06-10"]
    assert [(r["event_id"], r["kind"], r["location"]) for r in rows] == [
        ("levant-wire-2025-06-10-e2", "diplomacy", "Cairo")
    ]
    assert report[int(rows[0]["quote_start"]) : int(rows[0]["quote_end"])] == rows[0]["quote"]


EXAMPLES = int(os.environ.get("PROPERTY_EXAMPLES", "100"))


@settings(
    max_examples=max(5, EXAMPLES // 20),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    text=st.one_of(
        st.text(max_size=300),
        st.lists(
            st.sampled_from(REPORT.split(" ") + ["\r", "\u202e", "<b>", "$x$", "\x00"]), max_size=80
        ).map(" ".join),
    ),
    publisher=st.text(max_size=20),
)
def test_any_pasted_text_and_publisher_give_a_page_never_an_error(
    data, monkeypatch, text, publisher
):
    monkeypatch.setenv(editing.EDIT_VARIABLE, "1")
    app = started("add")
    app.text_area(key="report_text").input(text).run()
    assert not app.exception, [e.value for e in app.exception]
    if not [field for field in app.text_input if field.key == "report_publisher"]:
        assert app.info or app.error  # no text to read: it says so
        return
    app.text_input(key="report_publisher").input(publisher).run()
    app.date_input(key="report_published").set_value(date(2025, 8, 12)).run()
    assert not app.exception, [e.value for e in app.exception]
    if [box for box in app.checkbox if box.key == "accept_all"]:
        app.checkbox(key="accept_all").check().run()
        app.button(key="report_check").click().run()
        assert not app.exception, [e.value for e in app.exception]


# A report written for this test whose sentences hold the characters Markdown acts on: two
# dollar amounts (a formula between them), an asterisk, an underscore, a hash and a tag.
MARKDOWN_REPORT = """Funding update

NAIROBI, 3 September 2025 (Relief Desk) – Donors gave US$ 12 million in June and $4 million in July to the appeal.

Partners screened 8,400 children* for malnutrition, the nutrition_cluster said.

Latrines #3 to #9 served 2,150 people <b>daily</b>, according to the WASH cluster.
"""


def _unescaped(shown: str) -> str:
    return re.sub(r"\\(.)", r"\1", shown)


def test_a_candidates_words_are_shown_as_written_not_as_markdown(data, monkeypatch):
    monkeypatch.setenv(editing.EDIT_VARIABLE, "1")
    app = started("add")
    app.text_area(key="report_text").input(MARKDOWN_REPORT).run()
    app.text_input(key="report_publisher").input("Relief Desk").run()
    assert not app.exception, [e.value for e in app.exception]
    boxes = [box for box in app.checkbox if box.key.startswith("accept_o")]
    quotes = [c.value for c in app.caption if c.value.startswith("“")]
    assert len(boxes) >= 3 and len(quotes) >= 3, ([b.label for b in boxes], quotes)
    for shown in [*(box.label for box in boxes), *quotes]:
        # every character Markdown acts on is escaped, so it shows as the report has it
        assert not re.search(r"(?<!\\)[$*_#<>]", shown), shown
    words = " ".join(MARKDOWN_REPORT.split())
    for quote in quotes:
        assert _unescaped(quote).strip("“”") in words, quote
    assert any("$4 million" in _unescaped(box.label) for box in boxes), [b.label for b in boxes]
