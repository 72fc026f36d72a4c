"""Each dashboard page's full script run under AppTest, cold and warm, beside the floor.

    python -m benchmarks.pages DATA_DIR [--repeats N] [--pages overview,timeline]

For each page: the cold run clears Streamlit's caches first (the tables are loaded and
every figure is built); the warm run is a rerun of the same session, as when a reader
changes nothing or returns to the page. The floor (`benchmarks/floor_app.py`) is run warm
with the number of plotly charts the page drew, interleaved with the page's reruns so that
both see the same load on the machine.
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

from benchmarks.common import DASHBOARD, FLOOR_APP, PAGES, emit, median

TIMEOUT = 900  # seconds one script run may take (a cold run at 10^6 rows loads the tables)


def _app(script: Path, params: dict[str, str]):
    from streamlit.testing.v1 import AppTest

    app = AppTest.from_file(str(script), default_timeout=TIMEOUT)
    for name, value in params.items():
        app.query_params[name] = value
    return app


def _timed_run(app) -> float:
    began = time.perf_counter()
    app.run()
    return time.perf_counter() - began


def _clear_caches() -> None:
    import streamlit as st

    from dashboard_pages import data_access

    st.cache_data.clear()
    st.cache_resource.clear()
    data_access.clear_views()


def measure_page(page: str, repeats: int, cold_repeats: int) -> dict[str, object]:
    cold: list[float] = []
    app = None
    for _ in range(cold_repeats):
        _clear_caches()
        app = _app(DASHBOARD, {"page": page})
        cold.append(_timed_run(app))
    assert app is not None
    charts = len(app.get("plotly_chart"))
    exceptions = [element.value for element in app.exception]
    floor = _app(FLOOR_APP, {"charts": str(charts)})
    floor.run()  # the floor's own first run imports and compiles; not what is compared
    warm: list[float] = []
    floor_warm: list[float] = []
    for _ in range(repeats):
        warm.append(_timed_run(app))
        floor_warm.append(_timed_run(floor))
    exceptions += [element.value for element in app.exception]
    return {
        "page": page,
        "charts": charts,
        "elements": sum(1 for _ in _walk(app)),
        "cold": median(cold),
        "warm": median(warm),
        "floor_warm": median(floor_warm),
        "ratio": median(warm) / median(floor_warm),
        "cold_runs": cold,
        "warm_runs": warm,
        "floor_runs": floor_warm,
        "exceptions": exceptions[:3],
    }


def _walk(app):
    """Every element the run drew (to show how much a page holds beside its charts)."""
    stack = [app._tree]
    while stack:
        node = stack.pop()
        children = getattr(node, "children", None)
        if children:
            stack.extend(children.values())
        else:
            yield node


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--cold-repeats", type=int, default=1)
    parser.add_argument("--pages", default=",".join(PAGES))
    args = parser.parse_args(argv)
    os.environ["INDICATORS_DATA_DIR"] = str(args.data_dir.resolve())
    os.environ.pop("INDICATORS_REPORTS_DIR", None)
    for page in args.pages.split(","):
        if page:
            emit(measure_page(page, args.repeats, args.cold_repeats))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
