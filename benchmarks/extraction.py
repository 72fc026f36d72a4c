"""Extraction throughput: MB of report text turned into candidates per second.

    python -m benchmarks.extraction DATASET_DIR [--megabytes 2] [--repeats 3] [--jobs 1]

Reads the synthetic reports of a dataset (`benchmarks.synthetic`), in source order, until
`--megabytes` of UTF-8 text are gathered, and runs the extractor on each with its
publication date and the dataset's indicator catalogue. Reading the files is not timed.
With `--jobs N` the reports are shared among N worker processes, as `extract DIR --jobs N`
does; starting the workers is timed too.

    python -m benchmarks.extraction DATASET_DIR --baseline OTHER_CHECKOUT

times the extractor of another copy of the project (an older commit, checked out with
`git worktree add --detach OTHER_CHECKOUT COMMIT`) on the same reports, in turn with this
one (this, other, this, other, ...: each run a fresh process of `--repeats 1`), and reports
both throughputs and their ratio, so a slower rebuild shows in one run on the same machine.

`compiled_modules` says how many of the extractor's modules ran compiled by Cython (built by
`python -m indicators.extract.build_compiled`; 0 when there is no current build, or with
INDICATORS_PURE_PYTHON=1, which times the plain Python source).
"""

from __future__ import annotations

import argparse
import csv
import json
import subprocess
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from datetime import date
from pathlib import Path

from benchmarks.common import RESULT_MARKER, emit, median

PROJECT = Path(__file__).resolve().parent.parent


def gather_reports(dataset: Path, megabytes: float) -> list[tuple[str, date, str]]:
    """(text, published, publisher) of the first reports making up `megabytes` of text."""
    with (dataset / "data" / "sources.csv").open(encoding="utf-8", newline="") as handle:
        sources = list(csv.DictReader(handle))
    reports = []
    gathered = 0
    for source in sources:
        path = dataset / "reports" / f"{source['source_id']}.txt"
        data = path.read_bytes()
        reports.append(
            (data.decode("utf-8"), date.fromisoformat(source["published"]), source["publisher"])
        )
        gathered += len(data)
        if gathered >= megabytes * 1e6:
            break
    return reports


_catalogue = None


def _start_worker(catalogue) -> None:
    global _catalogue
    _catalogue = catalogue


def _extract_one(report: tuple[str, date, str]) -> int:
    from indicators.extract.pipeline import extract

    text, published, publisher = report
    result = extract(text, published, publisher=publisher, catalogue=_catalogue)
    return len(result.observations) + len(result.events)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dataset", type=Path)
    parser.add_argument("--megabytes", type=float, default=2.0)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=1, help="worker processes")
    parser.add_argument(
        "--baseline",
        type=Path,
        help="another checkout of the project whose extractor is timed in turn with this one",
    )
    # the checkout whose `indicators` package is timed (what --baseline runs, one per process)
    parser.add_argument("--code", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.baseline is not None:
        return side_by_side(args)
    if args.code is not None:
        sys.path.insert(0, str(args.code.resolve()))
    try:
        from indicators.extract.catalogue import Catalogue
        from indicators.extract.pipeline import extract
    except ImportError as error:
        emit({"error": f"the extractor is not available: {error}"})
        return 0
    catalogue = Catalogue.from_csv(args.dataset / "data" / "indicators.csv")
    reports = gather_reports(args.dataset, args.megabytes)
    size = sum(len(text.encode("utf-8")) for text, _, _ in reports)
    seconds = []
    # the process's own processor time: steadier than wall on a busy machine (with --jobs,
    # the workers' time is not counted: compare wall times then)
    cpu_seconds = []
    candidates = 0
    for _ in range(args.repeats):
        began, began_cpu = time.perf_counter(), time.process_time()
        candidates = 0
        if args.jobs > 1:
            with ProcessPoolExecutor(
                max_workers=args.jobs, initializer=_start_worker, initargs=(catalogue,)
            ) as pool:
                candidates = sum(pool.map(_extract_one, reports, chunksize=4))
        else:
            for text, published, publisher in reports:
                result = extract(text, published, publisher=publisher, catalogue=catalogue)
                candidates += len(result.observations) + len(result.events)
        seconds.append(time.perf_counter() - began)
        cpu_seconds.append(time.process_time() - began_cpu)
    emit(
        {
            "jobs": args.jobs,
            "megabytes": size / 1e6,
            "reports": len(reports),
            "candidates": candidates,
            "seconds": median(seconds),
            "cpu_seconds": median(cpu_seconds),
            "mb_per_second": size / 1e6 / median(seconds),
            "compiled_modules": _compiled_modules(),
        }
    )
    return 0


def _compiled_modules() -> int:
    """How many of the extractor's modules ran compiled (`indicators.extract.compiled`); 0
    for a checkout that has no such build, or predates it."""
    try:
        from indicators.extract.compiled import loaded_compiled
    except ImportError:
        return 0
    return len(loaded_compiled())


def _one_run(args: argparse.Namespace, code: Path) -> dict:
    """One fresh process timing the extractor of `code` once on the same reports."""
    command = [sys.executable, "-m", "benchmarks.extraction", str(args.dataset.resolve())]
    command += ["--megabytes", str(args.megabytes), "--repeats", "1", "--jobs", str(args.jobs)]
    command += ["--code", str(code.resolve())]
    done = subprocess.run(command, cwd=PROJECT, capture_output=True, text=True, check=False)
    for line in done.stdout.splitlines():
        if line.startswith(RESULT_MARKER):
            return json.loads(line[len(RESULT_MARKER) :])
    return {"error": (done.stderr.strip().splitlines() or ["no result"])[-1]}


def side_by_side(args: argparse.Namespace) -> int:
    """This checkout's extractor and the baseline's in turn, `--repeats` times each; the
    medians, and the median of the pairs' ratios of processor time (baseline / this: above 1
    when this checkout is faster), which holds when the machine's speed drifts."""
    current: list[dict] = []
    baseline: list[dict] = []
    for _ in range(args.repeats):
        for code, results in ((PROJECT, current), (args.baseline, baseline)):
            result = _one_run(args, code)
            if "error" in result:
                emit({"error": f"{code}: {result['error']}"})
                return 0
            results.append(result)
    first, other = current[0], baseline[0]
    timed = "cpu_seconds" if args.jobs == 1 else "seconds"  # see `main`
    seconds = median([r["seconds"] for r in current])
    baseline_seconds = median([r["seconds"] for r in baseline])
    emit(
        {
            "jobs": args.jobs,
            "megabytes": first["megabytes"],
            "reports": first["reports"],
            "candidates": first["candidates"],
            "seconds": seconds,
            "mb_per_second": first["megabytes"] / seconds,
            "baseline": str(args.baseline),
            "baseline_candidates": other["candidates"],
            "baseline_seconds": baseline_seconds,
            "baseline_mb_per_second": other["megabytes"] / baseline_seconds,
            "cpu_mb_per_second": first["megabytes"] / median([r["cpu_seconds"] for r in current]),
            "baseline_cpu_mb_per_second": other["megabytes"]
            / median([r["cpu_seconds"] for r in baseline]),
            "compiled_modules": first.get("compiled_modules", 0),
            "baseline_compiled_modules": other.get("compiled_modules", 0),
            "speed_ratio": median(
                [b[timed] / c[timed] for c, b in zip(current, baseline, strict=True)]
            ),
        }
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
