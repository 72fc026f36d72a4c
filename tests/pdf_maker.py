"""Make PDFs for the tests from HTML, with headless Chromium (the same browser as the
browser tests): a report printed to PDF, as analysts receive them."""

from __future__ import annotations

from pathlib import Path

from benchmarks.common import CHROMIUM, CHROMIUM_FLAGS


def html_to_pdf(html: str, target: Path, browser=None) -> Path:
    """Print `html` to `target`, in `browser` (a Playwright browser) or a new one."""
    if browser is not None:
        page = browser.new_page()
        try:
            page.set_content(html, wait_until="load")
            target.write_bytes(page.pdf(format="A4", print_background=True))
        finally:
            page.close()
        return target
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        try:
            return html_to_pdf(html, target, launched)
        finally:
            launched.close()
