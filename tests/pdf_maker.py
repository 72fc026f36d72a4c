"""Make PDFs for the tests from HTML, with headless Chromium (the same browser as the
browser tests): a report printed to PDF, as analysts receive them."""

from __future__ import annotations

from pathlib import Path

from benchmarks.common import CHROMIUM, CHROMIUM_FLAGS


def html_to_pdf(html: str, target: Path) -> Path:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        try:
            page = browser.new_page()
            page.set_content(html, wait_until="load")
            target.write_bytes(page.pdf(format="A4", print_background=True))
        finally:
            browser.close()
    return target
