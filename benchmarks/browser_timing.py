"""A real headless Chromium: time from navigation to the page's charts drawn.

    python -m benchmarks.browser_timing --port 8501 --path timeline --charts 1 --tabs 3

Opens `--tabs` tabs at once on the page and measures, in each tab, the time from the
start of navigation (the page's own clock, `performance.now()`) until the script has
finished and `--charts` plotly charts are drawn. Uses Debian's Chromium; nothing is
downloaded.
"""

from __future__ import annotations

import argparse
import asyncio

from benchmarks.common import CHROMIUM, CHROMIUM_FLAGS, emit, median

VIEWPORT = {"width": 1280, "height": 900}

# Drawn: at least `charts` plotly graphs laid out, the app's main block present and no
# script run in progress (Streamlit shows its status widget while a run goes on).
DRAWN = """
(charts) => {
  const main = document.querySelector('[data-testid="stMainBlockContainer"]');
  if (!main || !main.querySelector('h1')) return false;
  if (document.querySelector('[data-testid="stStatusWidget"]')) return false;
  const plots = [...document.querySelectorAll('.js-plotly-plot')];
  return plots.length >= charts && plots.every((plot) => plot._fullLayout);
}
"""


async def _time_tab(context, url: str, charts: int, timeout_ms: float) -> float:
    page = await context.new_page()
    try:
        await page.goto(url, wait_until="commit", timeout=timeout_ms)
        await page.wait_for_function(DRAWN, arg=charts, polling="raf", timeout=timeout_ms)
        return await page.evaluate("performance.now()") / 1000
    finally:
        await page.close()


async def time_pages_async(
    url: str, charts: int, tabs: int, repeats: int, timeout: float = 120
) -> dict[str, object]:
    from playwright.async_api import async_playwright

    times: list[float] = []
    errors: list[str] = []
    async with async_playwright() as playwright:
        # Playwright gives the browser a fresh temporary profile of its own.
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        try:
            for _ in range(repeats):
                context = await browser.new_context(viewport=VIEWPORT)
                try:
                    outcomes = await asyncio.gather(
                        *(_time_tab(context, url, charts, timeout * 1000) for _ in range(tabs)),
                        return_exceptions=True,
                    )
                finally:
                    await context.close()
                for outcome in outcomes:
                    if isinstance(outcome, BaseException):
                        errors.append(f"{type(outcome).__name__}: {outcome}"[:300])
                    else:
                        times.append(outcome)
        finally:
            await browser.close()
    return {
        "url": url,
        "charts": charts,
        "tabs": tabs,
        "median": median(times),
        "worst": max(times, default=float("nan")),
        "times": times,
        "errors": errors,
    }


def time_pages(url: str, charts: int, tabs: int, repeats: int, timeout: float = 120):
    return asyncio.run(time_pages_async(url, charts, tabs, repeats, timeout))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--path", default="", help="page path and query, e.g. timeline")
    parser.add_argument("--charts", type=int, default=0)
    parser.add_argument("--tabs", type=int, default=1)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args(argv)
    url = f"http://127.0.0.1:{args.port}/{args.path}"
    emit(time_pages(url, args.charts, args.tabs, args.repeats))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
