"""Load + validate one data folder in this process; report time and peak memory.

    python -m benchmarks.load_validate DATA_DIR [--reports DIR]

Run once per measurement in a fresh process (`benchmarks.run` does), so the peak resident
memory is this load's alone. The baseline is the peak after importing the libraries and
before reading anything.
"""

from __future__ import annotations

import argparse
import resource
import time
from pathlib import Path

from benchmarks.common import emit
from indicators.loading import load_tables


def peak_rss_bytes() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # Linux reports KiB


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--reports", type=Path)
    args = parser.parse_args(argv)
    baseline = peak_rss_bytes()
    began = time.perf_counter()
    result = load_tables(args.data_dir, args.reports)
    seconds = time.perf_counter() - began
    emit(
        {
            "seconds": seconds,
            "peak_rss": peak_rss_bytes(),
            "baseline_rss": baseline,
            "rows": {name: len(frame) for name, frame in result.tables.items()},
            "problems": len(result.problems),
            "first_problems": [str(problem) for problem in result.problems[:5]],
            "reports_checked": result.reports_checked,
        }
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
