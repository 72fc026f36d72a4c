"""The served dashboard's memory under many distinct views: does it stay under its ceiling?

    python -m benchmarks.memory_views DATA_DIR [--views 200] [--parallel 4]

Starts `streamlit run dashboard.py` on the tables in DATA_DIR, opens every page once (the
baseline: tables loaded, default views cached), then opens VIEWS distinct links, each in
a new websocket session as a visitor following a link would: the pages in turn, each with
its own `from` date and its own set of `sources` (the shape of a scripted link). Reports
the server process's resident memory (RSS, from /proc) at the baseline, after every tenth
of the views and at the end, and the highest it reached meanwhile (sampled every 50 ms). The growth from the baseline is what the
views cache may add (`dashboard_pages/view_cache.py`) plus what the sessions and the
allocator keep.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import csv
import random
import threading
import time
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import urlencode

from benchmarks.common import DASHBOARD, PAGES, emit, median, resident_bytes, streamlit_process
from benchmarks.load_ws import LoadResult, run_load_async

MIB = 1 << 20


def _source_ids(data_dir: Path) -> list[str]:
    with (data_dir / "sources.csv").open(encoding="utf-8", newline="") as handle:
        return [row["source_id"] for row in csv.DictReader(handle)]


def _date_range(data_dir: Path) -> tuple[date, date]:
    with (data_dir / "sources.csv").open(encoding="utf-8", newline="") as handle:
        days = sorted(date.fromisoformat(row["published"]) for row in csv.DictReader(handle))
    return days[0], days[-1]


def distinct_views(data_dir: Path, count: int, seed: int = 0) -> list[tuple[str, str]]:
    """(page, query string) of `count` different views: a date and a set of sources each."""
    generator = random.Random(seed)
    sources = _source_ids(data_dir)
    first, last = _date_range(data_dir)
    span = max((last - first).days, 1)
    views = []
    for number in range(count):
        page = PAGES[number % len(PAGES)]
        chosen = generator.sample(sources, generator.randint(1, min(len(sources), 400)))
        query = {
            "page": page,
            "from": (first + timedelta(days=(number * 7919) % span)).isoformat(),
            "sources": ",".join(sorted(chosen)),
        }
        if number % 3 == 0:  # some links choose only a date, which keeps most rows
            del query["sources"]
        views.append((page, urlencode(query)))
    return views


async def _open_views(port: int, views, parallel: int, timeout: float) -> LoadResult:
    total = LoadResult(sessions=len(views), runs_per_session=1)
    for start in range(0, len(views), parallel):
        batch = views[start : start + parallel]
        result = await run_load_async(
            port,
            len(batch),
            1,
            [query for _, query in batch],
            page_names=[page for page, _ in batch],
            timeout=timeout,
        )
        total.times += result.times
        total.errors += result.errors
    return total


@contextlib.contextmanager
def _highest_rss(pid: int, every: float = 0.05):
    """The highest RSS of `pid` while the block runs, sampled every `every` seconds (the
    kernel's own peak, VmHWM, cannot be reset between the tenths of the run)."""
    highest = [resident_bytes(pid)[0]]
    stop = threading.Event()

    def sample() -> None:
        while not stop.wait(every):
            highest[0] = max(highest[0], resident_bytes(pid)[0])

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    try:
        yield highest
    finally:
        stop.set()
        sampler.join()
        highest[0] = max(highest[0], resident_bytes(pid)[0])


def measure(data_dir: Path, views: int, parallel: int, timeout: float) -> dict[str, object]:
    env = {"INDICATORS_DATA_DIR": str(data_dir.resolve())}
    all_views = distinct_views(data_dir, views)
    samples: list[tuple[int, int]] = []
    began = time.perf_counter()
    with streamlit_process(DASHBOARD, env=env, startup_timeout=120) as (port, pid):
        warm = asyncio.run(
            _open_views(port, [(page, f"page={page}") for page in PAGES], 1, timeout)
        )
        baseline, _ = resident_bytes(pid)
        samples.append((0, baseline, baseline))
        times: list[float] = []
        errors = list(warm.errors)
        step = max(views // 10, 1)
        for start in range(0, views, step):
            with _highest_rss(pid) as highest:
                result = asyncio.run(
                    _open_views(port, all_views[start : start + step], parallel, timeout)
                )
            times += result.times
            errors += result.errors
            samples.append((min(start + step, views), resident_bytes(pid)[0], highest[0]))
        final, _ = resident_bytes(pid)
        peak = max(highest for _, _, highest in samples)
    growth = final - baseline
    return {
        "views": views,
        "parallel": parallel,
        "baseline_rss": baseline,
        "final_rss": final,
        "peak_rss": peak,
        "growth": growth,
        "peak_growth": peak - baseline,
        "samples": samples,
        "median_view_seconds": median(times),
        "worst_view_seconds": max(times, default=float("nan")),
        "errors": len(errors),
        "first_errors": errors[:3],
        "wall": time.perf_counter() - began,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--views", type=int, default=200)
    parser.add_argument("--parallel", type=int, default=4, help="sessions opened at once")
    parser.add_argument("--timeout", type=float, default=300, help="seconds one run may take")
    args = parser.parse_args(argv)
    result = measure(args.data_dir, args.views, args.parallel, args.timeout)
    emit(result)
    print(
        f"RSS {result['baseline_rss'] / MIB:,.0f} MiB after the first views, "
        f"{result['final_rss'] / MIB:,.0f} MiB after {args.views} distinct views "
        f"(+{result['growth'] / MIB:,.0f} MiB; peak {result['peak_rss'] / MIB:,.0f} MiB); "
        f"{result['errors']} errors"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
