"""Print the multi-page PDF fixture of `tests/fixtures/ingest/` from its HTML source, as an
agency's report is printed: a running head and a foot with the page number on every page.

    python tests/make_pdf_fixtures.py

Run it only to change the fixture; its golden text (`*.pdf.expected.txt`) is then checked by
hand and written again by `test_ingest.py`'s golden test failing with the new text.
"""

from __future__ import annotations

import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from benchmarks.common import CHROMIUM, CHROMIUM_FLAGS  # noqa: E402

INGEST = REPO_ROOT / "tests" / "fixtures" / "ingest"
HEAD = (
    "<div style='font-size:8px;width:100%;text-align:center;font-family:DejaVu Sans'>"
    "Malawi: Cholera Outbreak | Situation Report No. 9 | 21 March 2025</div>"
)
FOOT = (
    "<div style='font-size:8px;width:100%;text-align:center;font-family:DejaVu Sans'>"
    "Page <span class='pageNumber'></span> of <span class='totalPages'></span></div>"
)


def main() -> int:
    from playwright.sync_api import sync_playwright

    source = INGEST / "malawi_cholera_situation_report.source.html"
    target = INGEST / "malawi_cholera_situation_report.pdf"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        try:
            page = browser.new_page()
            page.set_content(source.read_text(encoding="utf-8"), wait_until="load")
            pdf = page.pdf(
                format="A4",
                display_header_footer=True,
                header_template=HEAD,
                footer_template=FOOT,
                margin={"top": "70px", "bottom": "70px", "left": "60px", "right": "60px"},
            )
        finally:
            browser.close()
    target.write_bytes(pdf)
    print(f"wrote {target} ({len(pdf):,} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
