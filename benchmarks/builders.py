"""Each figure builder, and the CSV and bundle exports, on one data folder.

    python -m benchmarks.builders DATA_DIR [--repeats 3]

The builders get what the dashboard gives them: the prepared tables, one indicator's
latest figures (as many as a chart draws) for the values and waffle charts, the counts per
source. Each figure is also serialised to JSON, which Streamlit does on every rerun that
shows it. The exports are the figures table as CSV, the observations as HXL-tagged CSV and
the whole bundle (zip).
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from benchmarks.common import emit, median

try:  # the figures a chart draws at most: the dashboard's own limit
    from dashboard_pages.common import CHART_POINTS
except ImportError:  # pragma: no cover - the dashboard is not part of this checkout
    CHART_POINTS = 2_000
EXPORT_DAY = date(2026, 1, 1)


def _timed(function: Callable[[], object], repeats: int) -> tuple[float, object]:
    seconds = []
    result = None
    for _ in range(repeats):
        began = time.perf_counter()
        result = function()
        seconds.append(time.perf_counter() - began)
    return median(seconds), result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args(argv)

    from indicators import charts, exports, schema, snapshot, summaries
    from indicators.loading import load_tables

    tables = load_tables(args.data_dir).tables

    def measure(name: str, function: Callable[[], object], rows: int) -> object:
        """Time one step and emit its result at once, so a step that never ends (stopped by
        the caller's timeout) leaves the others' results behind."""
        try:
            seconds, result = _timed(function, args.repeats)
        except Exception as error:  # a builder that fails is reported, the rest still run
            emit({"name": name, "rows": rows, "error": f"{type(error).__name__}: {error}"[:300]})
            return None
        emit({"name": name, "rows": rows, "seconds": seconds})
        return result

    prepared = measure("prepare (join and word the tables)", lambda: summaries.prepare(tables), 0)
    if prepared is None:
        return 1
    observations = prepared.observations
    shares = prepared.indicators.loc[
        prepared.indicators["unit"] == schema.PERCENT_UNIT, "indicator_id"
    ]
    busiest = observations.loc[observations["indicator_id"].isin(shares), "indicator_id"].mode()
    indicator_id = busiest.iloc[0] if len(busiest) else prepared.indicator_ids[0]
    figures = observations[observations["indicator_id"] == indicator_id]
    drawn = (
        summaries.numeric_figures(figures)
        .sort_values("as_of_last", kind="stable")
        .tail(CHART_POINTS)
    )
    latest = getattr(summaries, "latest_per_source", summaries.latest_per_indicator)(drawn)
    counts = summaries.figures_per_source(prepared)

    builders = {
        "values_figure": (
            lambda: charts.values_figure(drawn, schema.PERCENT_UNIT),
            len(drawn),
        ),
        "waffle_figure": (lambda: charts.waffle_figure(latest), len(latest)),
        "figures_per_source_figure": (
            lambda: charts.figures_per_source_figure(counts),
            len(counts),
        ),
    }
    for name, (build, rows) in builders.items():
        figure = measure(name, build, rows)
        if figure is not None:
            measure(f"{name} → JSON", figure.to_json, rows)

    figure_rows = summaries.figure_table(observations)
    measure("CSV: figures table", lambda: exports.to_csv_bytes(figure_rows), len(figure_rows))
    measure(
        "HXL CSV: observations",
        lambda: exports.to_hxl_csv_bytes(
            tables["observations"][schema.OBSERVATIONS.column_names], "observations"
        ),
        len(tables["observations"]),
    )
    measure(
        "bundle (zip of every table)",
        lambda: exports.build_bundle(tables, EXPORT_DAY),
        sum(len(frame) for frame in tables.values()),
    )
    measure(
        "JSON snapshot (every table and index.json)",
        lambda: snapshot.build_snapshot(tables, EXPORT_DAY),
        sum(len(frame) for frame in tables.values()),
    )
    # Last: at many events it is the slowest, and the caller's timeout may stop it.
    timeline = measure(
        "timeline_figure", lambda: charts.timeline_figure(prepared.events), len(prepared.events)
    )
    if timeline is not None:
        measure("timeline_figure → JSON", timeline.to_json, len(prepared.events))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
