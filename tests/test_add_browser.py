"""The "Add a report" page in a real browser: upload a web page and a PDF (printed from
HTML by headless Chromium in the test), review, save, and find the figures on the
Indicators page. Screenshots of the page at desktop and phone width are saved in
test-output/screenshots/ (and in docs/screenshots/ with UPDATE_SCREENSHOTS=1)."""

from __future__ import annotations

import csv
import os
import re
import shutil

import pytest

from tests.conftest import FIXTURES, REPO_ROOT
from tests.pdf_maker import html_to_pdf
from tests.test_browser import (  # noqa: F401  (browser is a fixture)
    PHONE,
    SCREENSHOTS,
    TIMEOUT_MS,
    browser,
    main_text,
    open_page,
    screenshot,
    streamlit_server,
)

pytestmark = pytest.mark.browser
DESKTOP = {"width": 1400, "height": 900}
# A second report, written for this test, to be printed to PDF.
KASSALA = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Cholera cases rise in Kassala</title></head><body style="font-family: serif">
<h1>Cholera cases rise in Kassala</h1>
<p>KASSALA, 3 September 2025 – More than 1,400 suspected cholera cases were recorded in
Kassala state in August, the state health ministry said on Tuesday, and 37 people have died.</p>
<p>About 60 percent of the treatment centres lack clean water, according to UNICEF, while
fuel shortages have closed four of the nine hospitals in the state.</p>
</body></html>"""


def _upload_and_save(browser, url, upload, publisher=None, shots=None):  # noqa: F811
    page = open_page(browser, f"{url}/add", DESKTOP)
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(upload))
    page.get_by_role("group", name="Published").wait_for(timeout=TIMEOUT_MS)
    if publisher:
        field = page.get_by_label("Publisher")
        field.fill(publisher)
        field.press("Enter")
    page.get_by_text("Accept all candidates").wait_for(timeout=TIMEOUT_MS)
    page.get_by_text("Accept all candidates").click()
    page.get_by_role("button", name=re.compile(r"Save [1-9]")).wait_for(timeout=TIMEOUT_MS)
    if shots:
        text = main_text(page)
        assert "The report's text" in text and "candidates" in text
        screenshot(page, shots)
        phone = open_page(browser, f"{url}/add", PHONE)
        phone.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(upload))
        phone.get_by_role("group", name="Published").wait_for(timeout=TIMEOUT_MS)
        if publisher:
            phone.get_by_label("Publisher").fill(publisher)
            phone.get_by_label("Publisher").press("Enter")
        phone.get_by_text("Accept all candidates").wait_for(timeout=TIMEOUT_MS)
        phone.get_by_text("Accept all candidates").click()
        phone.get_by_role("button", name=re.compile(r"Save [1-9]")).wait_for(timeout=TIMEOUT_MS)
        screenshot(phone, f"{shots}-phone")
        phone.context.close()
    page.get_by_role("button", name=re.compile(r"Save [1-9]")).click()
    page.get_by_text("Every page shows them now").wait_for(timeout=TIMEOUT_MS)
    page.context.close()


def _indicator_of(data, source_id: str) -> str:
    with open(data / "observations.csv", encoding="utf-8", newline="") as handle:
        rows = [row for row in csv.DictReader(handle) if row["source_id"] == source_id]
    assert rows, f"nothing saved for {source_id}"
    return rows[0]["indicator_id"]


def test_upload_a_web_page_and_a_pdf_review_save_and_see_them(browser, tmp_path, monkeypatch):  # noqa: F811
    data = tmp_path / "data"
    shutil.copytree(REPO_ROOT / "data", data)
    monkeypatch.setenv("INDICATORS_EDIT", "1")
    pdf = html_to_pdf(KASSALA, tmp_path / "kassala.pdf", browser)
    with streamlit_server(data) as url:
        _upload_and_save(browser, url, FIXTURES / "ingest" / "chad_flood_update.html")
        _upload_and_save(
            browser, url, pdf, publisher="Eastern Sudan Health Watch", shots="add-report"
        )
        for source_id, publisher in (
            ("sahel-relief-bulletin-2025-08-14", "Sahel Relief Bulletin"),
            ("eastern-sudan-health-watch-2025-09-03", "Eastern Sudan Health Watch"),
        ):
            indicator = _indicator_of(data, source_id)
            page = open_page(browser, f"{url}/indicators?page=indicators&indicator={indicator}")
            page.get_by_text(publisher).first.wait_for(timeout=TIMEOUT_MS)
            assert publisher in main_text(page)
            page.context.close()
    saved = sorted(path.name for path in (data / "reports").iterdir())
    assert len(saved) == 2
    if os.environ.get("UPDATE_SCREENSHOTS") == "1":
        for name in ("add-report.png", "add-report-phone.png"):
            shutil.copy(SCREENSHOTS / name, REPO_ROOT / "docs" / "screenshots" / name)


def test_without_the_flag_the_page_does_not_exist(browser, tmp_path, monkeypatch):  # noqa: F811
    monkeypatch.delenv("INDICATORS_EDIT", raising=False)
    with streamlit_server(REPO_ROOT / "data") as url:
        page = open_page(browser, f"{url}/add?page=add")
        assert "Add a report" not in main_text(page)
        assert not page.locator('[data-testid="stFileUploaderDropzoneInput"]').count()
        page.context.close()
