"""The benchmark: one command, one table per measurement, each target marked met or missed.

    python -m benchmarks.run                      # 10^3, 10^5 and 10^6 observations
    python -m benchmarks.run --quick              # 10^3 only, fewer repeats: a few minutes
    python -m benchmarks.run --sizes 1000,10000 --repeats 3 --skip browser

Synthetic data is generated once per size into benchmarks/output/ (git-ignored) and reused.
Every measurement runs in its own process, with a time limit, so one that hangs or runs out
of memory is reported and the others still run. All numbers are medians of the repeats;
the raw results are written to benchmarks/output/results.json.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import time

from benchmarks import synthetic
from benchmarks.common import (
    DASHBOARD,
    FLOOR_APP,
    OUTPUT_DIR,
    PAGES,
    REPO_ROOT,
    run_worker,
    streamlit_server,
)

GIB = 1 << 30
MIB = 1 << 20
LOAD_SECONDS_TARGET = 10.0
LOAD_MEMORY_TARGET = GIB
EXTRACTION_TARGET = 5.0  # MB of text per second
WARM_RATIO_SMALL = 1.0  # at 10^3 observations: no slower than the floor
WARM_RATIO_LARGE = 1.5  # at 10^6 observations
LOAD_P95_RATIO = 1.5
MEMORY_GROWTH_TARGET = 300 * MIB  # RSS that 200 distinct views may add at 10^5 observations


def dataset_for(size: int) -> synthetic.Dataset:
    return synthetic.cached(OUTPUT_DIR / f"synthetic-{size}", size)


def table(title: str, header: list[str], rows: list[list[object]]) -> str:
    """A plain-text table that reads well in a terminal and pastes into Markdown."""
    cells = [[str(cell) for cell in row] for row in rows]
    widths = [max(len(str(name)), *(len(row[i]) for row in cells)) for i, name in enumerate(header)]
    lines = [f"\n### {title}\n"]
    lines.append("| " + " | ".join(name.ljust(widths[i]) for i, name in enumerate(header)) + " |")
    lines.append("| " + " | ".join("-" * width for width in widths) + " |")
    for row in cells:
        lines.append("| " + " | ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)) + " |")
    return "\n".join(lines)


def seconds(value: object, unit: str = "s") -> str:
    if not isinstance(value, int | float) or math.isnan(value):
        return "—"
    if unit == "ms":
        return f"{value * 1000:,.1f}"
    return f"{value:,.2f}" if value < 100 else f"{value:,.0f}"


def verdict(met: bool | None) -> str:
    return "" if met is None else ("met" if met else "MISSED")


def size_label(size: int) -> str:
    exponent = math.log10(size)
    return f"10^{exponent:.0f}" if exponent.is_integer() else f"{size:,}"


# --------------------------------------------------------------------------- Sections


def bench_loading(sizes, repeats, timeout, results, out) -> None:
    rows = []
    for size in sizes:
        dataset = dataset_for(size)
        runs = []
        failure = None
        for _ in range(repeats):
            found, failure = run_worker(
                "benchmarks.load_validate", [str(dataset.data_dir)], timeout=timeout
            )
            runs += found
            if failure:
                break
        checked, checked_failure = run_worker(
            "benchmarks.load_validate",
            [str(dataset.data_dir), "--reports", str(dataset.reports_dir)],
            timeout=timeout,
        )
        times = sorted(run["seconds"] for run in runs)
        median_seconds = times[len(times) // 2] if times else float("nan")
        peak = max((run["peak_rss"] for run in runs), default=float("nan"))
        problems = runs[0]["problems"] if runs else "—"
        met = None
        if size >= 1_000_000 and runs:
            met = median_seconds < LOAD_SECONDS_TARGET and peak < LOAD_MEMORY_TARGET
        results["loading"][size] = {"runs": runs, "with_reports": checked, "failure": failure}
        rows.append(
            [
                size_label(size),
                f"{dataset.csv_bytes / 1e6:,.1f} MB",
                seconds(median_seconds),
                f"{peak / MIB:,.0f}" if runs else "—",
                seconds(checked[0]["seconds"]) if checked else checked_failure or "—",
                problems,
                verdict(met) + (f" ({failure})" if failure else ""),
            ]
        )
    out(
        table(
            "Load + validate (python -m indicators validate; fresh process per run)",
            [
                "observations",
                "tables",
                "load+validate s",
                "peak RSS MiB",
                "with --reports s",
                "problems",
                "target <10 s, <1 GiB at 10^6",
            ],
            rows,
        )
    )


def bench_pages(sizes, repeats, timeout, results, out) -> dict[int, dict[str, int]]:
    """Each page under AppTest; returns the charts each page drew, by size."""
    rows = []
    charts: dict[int, dict[str, int]] = {}
    for size in sizes:
        dataset = dataset_for(size)
        charts[size] = {}
        for page in PAGES:
            found, failure = run_worker(
                "benchmarks.pages",
                [str(dataset.data_dir), "--pages", page, "--repeats", str(repeats)],
                timeout=timeout,
            )
            results["pages"].setdefault(size, {})[page] = {"result": found, "failure": failure}
            if not found:
                rows.append(
                    [size_label(size), page, "—", "—", "—", "—", "—", f"MISSED ({failure})"]
                )
                continue
            result = found[0]
            charts[size][page] = result["charts"]
            target = (
                WARM_RATIO_SMALL
                if size <= 1_000
                else WARM_RATIO_LARGE
                if size >= 1_000_000
                else None
            )
            met = None if target is None else result["ratio"] <= target
            note = f" (exception: {result['exceptions'][0][:60]})" if result["exceptions"] else ""
            rows.append(
                [
                    size_label(size),
                    page,
                    result["charts"],
                    seconds(result["cold"]),
                    seconds(result["warm"], "ms"),
                    seconds(result["floor_warm"], "ms"),
                    f"{result['ratio']:.2f}×",
                    (f"≤{target}× " if target else "") + verdict(met) + note,
                ]
            )
    out(
        table(
            "Pages: full script run under AppTest (cold = caches cleared; warm = rerun)",
            [
                "observations",
                "page",
                "charts",
                "cold s",
                "warm ms",
                "floor warm ms",
                "warm/floor",
                "target",
            ],
            rows,
        )
    )
    return charts


def bench_builders(sizes, repeats, timeout, results, out) -> None:
    rows = []
    for size in sizes:
        dataset = dataset_for(size)
        # A million rows take minutes per export: once is enough there.
        builder_repeats = 1 if size >= 1_000_000 else max(1, min(repeats, 3))
        found, failure = run_worker(
            "benchmarks.builders",
            [str(dataset.data_dir), "--repeats", str(builder_repeats)],
            timeout=timeout,
        )
        results["builders"][size] = {"result": found, "failure": failure}
        for item in found:
            shown = seconds(item["seconds"]) if "seconds" in item else item["error"][:60]
            rows.append([size_label(size), item["name"], f"{item['rows']:,}", shown])
        if failure:
            rows.append([size_label(size), "(the rest)", "—", failure])
    out(table("Figure builders and exports", ["observations", "step", "rows", "s"], rows))


def bench_extraction(size, repeats, timeout, results, out) -> None:
    """One process, then one per processor (as `extract DIR --jobs 0` does)."""
    dataset = dataset_for(size)
    rows = []
    results["extraction"] = {}
    for jobs in dict.fromkeys((1, os.cpu_count() or 1)):
        found, failure = run_worker(
            "benchmarks.extraction",
            [
                str(dataset.folder),
                "--megabytes",
                "2",
                "--repeats",
                str(max(1, min(repeats, 3))),
                "--jobs",
                str(jobs),
            ],
            timeout=timeout,
        )
        results["extraction"][jobs] = {"result": found, "failure": failure}
        if found and "mb_per_second" in found[0]:
            item = found[0]
            rows.append(
                [
                    f"{item['megabytes']:.2f} MB ({item['reports']} reports)",
                    jobs,
                    item["candidates"],
                    seconds(item["seconds"]),
                    f"{item['mb_per_second']:.2f}",
                    f"≥{EXTRACTION_TARGET} " + verdict(item["mb_per_second"] >= EXTRACTION_TARGET),
                ]
            )
        else:
            error = (found[0].get("error") if found else failure) or "—"
            rows.append(["—", jobs, "—", "—", "—", error])
    out(
        table(
            "Extraction throughput (indicators.extract.pipeline.extract)",
            ["text", "processes", "candidates", "s", "MB/s", "target"],
            rows,
        )
    )


def bench_load(size, sessions_list, runs, timeout, results, out) -> dict[str, int]:
    """Websocket sessions against the dashboard and the floor; returns charts per page."""
    from benchmarks.load_ws import charts_on_page, run_load

    dataset = dataset_for(size)
    env = {"INDICATORS_DATA_DIR": str(dataset.data_dir.resolve())}
    measured: dict[str, dict[int, dict]] = {"dashboard": {}, "floor": {}}
    page_charts: dict[str, int] = {}
    with streamlit_server(DASHBOARD, env=env, startup_timeout=120) as port:
        for page in PAGES:  # also warms every page's caches
            page_charts[page], error = charts_on_page(port, page_name=page, timeout=timeout)
            if error:
                page_charts[page] = page_charts.get(page, 0)
        for sessions in sessions_list:
            result = run_load(port, sessions, runs, [""], page_names=list(PAGES), timeout=timeout)
            measured["dashboard"][sessions] = result.summary()
    floor_queries = [f"charts={page_charts[page]}" for page in PAGES]
    with streamlit_server(FLOOR_APP) as port:
        for query in dict.fromkeys(floor_queries):
            charts_on_page(port, query=query, timeout=timeout)
        for sessions in sessions_list:
            result = run_load(port, sessions, runs, floor_queries, timeout=timeout)
            measured["floor"][sessions] = result.summary()
    results["load"] = {"size": size, "page_charts": page_charts, **measured}
    rows = []
    for sessions in sessions_list:
        dashboard = measured["dashboard"][sessions]
        floor = measured["floor"][sessions]
        ratio = dashboard["p95"] / floor["p95"] if floor["p95"] else float("nan")
        met = ratio <= LOAD_P95_RATIO and (sessions < 50 or dashboard["errors"] == 0)
        for name, summary in (("dashboard", dashboard), ("floor", floor)):
            rows.append(
                [
                    name,
                    sessions,
                    summary["runs"],
                    seconds(summary["median"], "ms"),
                    seconds(summary["p95"], "ms"),
                    seconds(summary["worst"], "ms"),
                    summary["errors"],
                    f"{ratio:.2f}× " + verdict(met) if name == "dashboard" else "",
                ]
            )
    out(
        table(
            f"Load: N websocket sessions × {runs} runs, pages in turn "
            f"({size_label(size)} observations; floor with each page's chart count "
            f"{', '.join(f'{page}={count}' for page, count in page_charts.items())})",
            [
                "app",
                "N",
                "runs",
                "median ms",
                "p95 ms",
                "worst ms",
                "errors",
                f"p95/floor p95 (≤{LOAD_P95_RATIO}×, 0 errors at 50)",
            ],
            rows,
        )
    )
    for sessions in sessions_list:
        first = measured["dashboard"][sessions]["first_errors"]
        if first:
            out(f"  dashboard errors at N={sessions}: {first[0][:200]}")
    return page_charts


def bench_memory(size, views, timeout, results, out) -> None:
    """The served dashboard's RSS under many distinct links (benchmarks/memory_views.py)."""
    dataset = dataset_for(size)
    found, failure = run_worker(
        "benchmarks.memory_views",
        [str(dataset.data_dir), "--views", str(views)],
        timeout=max(timeout, 1800),
    )
    results["memory"] = {"size": size, "runs": found, "failure": failure}
    rows = []
    for run in found:
        met = run["growth"] < MEMORY_GROWTH_TARGET and not run["errors"]
        rows.append(
            [
                size_label(size),
                run["views"],
                run["parallel"],
                f"{run['baseline_rss'] / MIB:,.0f}",
                f"{run['final_rss'] / MIB:,.0f}",
                f"+{run['growth'] / MIB:,.0f}",
                f"{run['peak_rss'] / MIB:,.0f} (+{run['peak_growth'] / MIB:,.0f})",
                seconds(run["median_view_seconds"]),
                run["errors"],
                verdict(met),
            ]
        )
    if failure:
        rows.append([size_label(size), views, "—", "—", "—", "—", "—", "—", "—", failure])
    out(
        table(
            f"Memory: {views} distinct links, each in a new websocket session "
            f"(served dashboard, {size_label(size)} observations)",
            [
                "observations",
                "views",
                "at once",
                "RSS MiB before",
                "after",
                "added",
                "highest meanwhile",
                "median s per view",
                "errors",
                f"added < {MEMORY_GROWTH_TARGET // MIB} MiB",
            ],
            rows,
        )
    )


def bench_browser(size, page_charts, repeats, timeout, results, out) -> None:
    from benchmarks.browser_timing import time_pages

    dataset = dataset_for(size)
    env = {"INDICATORS_DATA_DIR": str(dataset.data_dir.resolve())}
    drawn = [page for page in PAGES if page_charts.get(page)]
    page = max(drawn, key=lambda name: page_charts[name]) if drawn else PAGES[0]
    charts = page_charts.get(page, 0)
    rows = []
    measured = {}
    for name, script, path, environment in (
        ("dashboard", DASHBOARD, page, env),
        ("floor", FLOOR_APP, f"?charts={charts}", None),
    ):
        with streamlit_server(script, env=environment, startup_timeout=120) as port:
            url = f"http://127.0.0.1:{port}/{path}"
            time_pages(url, charts, 1, 1, timeout)  # warm the server's caches
            for tabs in (1, 3):
                result = time_pages(url, charts, tabs, repeats, timeout)
                measured[(name, tabs)] = result
                rows.append(
                    [
                        name,
                        path,
                        charts,
                        tabs,
                        seconds(result["median"]),
                        seconds(result["worst"]),
                        len(result["errors"]),
                    ]
                )
    results["browser"] = {f"{name}-{tabs}": value for (name, tabs), value in measured.items()}
    out(
        table(
            f"Headless Chromium: navigation to charts drawn ({size_label(size)} observations)",
            ["app", "path", "charts", "tabs at once", "median s", "worst s", "errors"],
            rows,
        )
    )


# --------------------------------------------------------------------------- Command


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.run", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument(
        "--sizes", default="1000,100000,1000000", help="observations, comma-separated"
    )
    parser.add_argument("--repeats", type=int, default=5, help="runs per measurement (median)")
    parser.add_argument("--quick", action="store_true", help="10^3 only, 3 repeats, N up to 10")
    parser.add_argument(
        "--skip",
        default="",
        help="sections to leave out: loading,pages,builders,extraction,load,memory,browser",
    )
    parser.add_argument(
        "--memory-size", type=int, default=100_000, help="data size for the memory section"
    )
    parser.add_argument("--views", type=int, default=200, help="distinct links for memory")
    parser.add_argument("--load-size", type=int, default=1000, help="data size for load, browser")
    parser.add_argument("--sessions", default="1,10,50", help="concurrent websocket sessions")
    parser.add_argument("--runs", type=int, default=5, help="script runs per session")
    parser.add_argument("--timeout", type=float, default=600, help="seconds per measurement")
    args = parser.parse_args(argv)
    if args.quick:
        args.sizes, args.repeats, args.sessions, args.runs = "1000", 3, "1,10", 3
        args.memory_size, args.views = 1000, 50
    sizes = [int(size) for size in args.sizes.split(",") if size]
    sessions = [int(number) for number in args.sessions.split(",") if number]
    skip = {name.strip() for name in args.skip.split(",") if name.strip()}

    OUTPUT_DIR.mkdir(parents=True, exist_ok=True)
    report: list[str] = []

    def out(text: str) -> None:
        print(text, flush=True)
        report.append(text)

    results: dict = {"loading": {}, "pages": {}, "builders": {}}
    began = time.perf_counter()
    out(
        f"Benchmark on {platform.node() or 'this machine'}: {platform.python_version()}, "
        f"{len(os.sched_getaffinity(0))} cores; sizes {', '.join(map(size_label, sizes))}; "
        f"{args.repeats} repeats"
    )
    rows = []
    memory_sizes = [] if "memory" in skip else [args.memory_size]
    for size in sorted(set(sizes + [args.load_size] + memory_sizes)):
        dataset = dataset_for(size)
        rows.append(
            [
                size_label(size),
                f"{dataset.events:,}",
                f"{dataset.sources:,}",
                dataset.indicators,
                f"{dataset.csv_bytes / 1e6:,.1f}",
                f"{dataset.report_bytes / 1e6:,.1f}",
            ]
        )
    out(
        table(
            "Synthetic data (benchmarks/synthetic.py)",
            ["observations", "events", "sources", "indicators", "tables MB", "report texts MB"],
            rows,
        )
    )
    if "loading" not in skip:
        bench_loading(sizes, args.repeats, args.timeout, results, out)
    if "pages" not in skip:
        bench_pages(sizes, args.repeats, args.timeout, results, out)
    if "builders" not in skip:
        bench_builders(sizes, args.repeats, args.timeout, results, out)
    if "extraction" not in skip:
        bench_extraction(max(sizes), args.repeats, args.timeout, results, out)
    page_charts: dict[str, int] = {}
    if "load" not in skip:
        page_charts = bench_load(args.load_size, sessions, args.runs, args.timeout, results, out)
    if "memory" not in skip:
        bench_memory(args.memory_size, args.views, args.timeout, results, out)
    if "browser" not in skip:
        if not page_charts:
            from benchmarks.load_ws import charts_on_page

            env = {"INDICATORS_DATA_DIR": str(dataset_for(args.load_size).data_dir.resolve())}
            with streamlit_server(DASHBOARD, env=env, startup_timeout=120) as port:
                page_charts = {page: charts_on_page(port, page_name=page)[0] for page in PAGES}
        bench_browser(
            args.load_size, page_charts, max(1, min(args.repeats, 3)), args.timeout, results, out
        )
    out(f"\nTotal {time.perf_counter() - began:,.0f} s.")
    (OUTPUT_DIR / "results.json").write_text(
        json.dumps(results, indent=1, default=str) + "\n", "utf-8"
    )
    (OUTPUT_DIR / "results.md").write_text("\n".join(report) + "\n", "utf-8")
    print(f"Raw results: {(OUTPUT_DIR / 'results.json').relative_to(REPO_ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
