"""What the benchmarks share: paths, workers in their own process, statistics, servers."""

from __future__ import annotations

import contextlib
import json
import math
import os
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator, Sequence
from pathlib import Path

# Debian's Chromium, started as tests and benchmarks need it here: headless, as root, and
# without the background connections a closed network refuses.
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

REPO_ROOT = Path(__file__).resolve().parent.parent
OUTPUT_DIR = REPO_ROOT / "benchmarks" / "output"  # git-ignored
DASHBOARD = REPO_ROOT / "dashboard.py"
FLOOR_APP = REPO_ROOT / "benchmarks" / "floor_app.py"
PAGES = ("overview", "timeline", "indicators", "sources", "data")
RESULT_MARKER = "BENCHMARK-RESULT "  # the line of a worker's output that holds its JSON


def median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else float("nan")


def percentile(values: Sequence[float], share: float) -> float:
    """The value below which `share` of the values lie (nearest rank)."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    rank = min(max(math.ceil(share * len(ordered)), 1), len(ordered))
    return ordered[rank - 1]


def emit(result: object) -> None:
    """Print a worker's result where `run_worker` finds it, whatever else was printed."""
    print(RESULT_MARKER + json.dumps(result), flush=True)


def run_worker(
    module: str, args: Sequence[str], *, timeout: float, env: dict | None = None
) -> tuple[list, str | None]:
    """Run `python -m module args` in a fresh process; return its results and any failure.

    A fresh process keeps caches, imports and peak memory of one measurement from leaking
    into the next. The results are every JSON value the worker emitted, in order, also
    when it was stopped at `timeout` seconds; the failure says why it stopped early.
    """
    command = [sys.executable, "-m", module, *args]
    try:
        completed = subprocess.run(
            command,
            cwd=REPO_ROOT,
            env={**os.environ, **(env or {})},
            capture_output=True,
            timeout=timeout,
        )
        output, errors = completed.stdout, completed.stderr
        failure = None
        if completed.returncode:
            failure = f"exited {completed.returncode}: {_tail(errors)}"
    except subprocess.TimeoutExpired as expired:
        output, errors = expired.stdout or b"", expired.stderr or b""
        failure = f"stopped after {timeout:.0f} s"
    results = [
        json.loads(line[len(RESULT_MARKER) :])
        for line in output.decode("utf-8", "replace").splitlines()
        if line.startswith(RESULT_MARKER)
    ]
    if not results and failure is None:
        failure = f"no result: {_tail(errors)}"
    return results, failure


def _tail(data: bytes, lines: int = 3) -> str:
    return " | ".join(data.decode("utf-8", "replace").strip().splitlines()[-lines:])


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _healthy(port: int) -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as reply:
            return reply.status == 200
    except OSError:
        return False


@contextlib.contextmanager
def streamlit_server(
    script: Path, *, env: dict | None = None, startup_timeout: float = 60
) -> Iterator[int]:
    """`streamlit run script` on a free port; yields the port, stops the server after."""
    with streamlit_process(script, env=env, startup_timeout=startup_timeout) as (port, _):
        yield port


def resident_bytes(pid: int) -> tuple[int, int]:
    """(resident set size now, its peak so far) of a process, in bytes, from /proc."""
    fields = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        name, _, value = line.partition(":")
        fields[name] = value.split()
    return int(fields["VmRSS"][0]) * 1024, int(fields["VmHWM"][0]) * 1024


@contextlib.contextmanager
def streamlit_process(
    script: Path, *, env: dict | None = None, startup_timeout: float = 60
) -> Iterator[tuple[int, int]]:
    """`streamlit run script` on a free port; yields (port, process id), stops it after."""
    port = free_port()
    log = OUTPUT_DIR / f"server-{script.stem}-{port}.log"
    OUTPUT_DIR.mkdir(parents=True, exist_ok=True)
    with log.open("w") as handle:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "streamlit",
                "run",
                str(script),
                "--server.port",
                str(port),
                "--server.address",
                "127.0.0.1",
                "--server.headless",
                "true",
                "--browser.gatherUsageStats",
                "false",
                "--server.fileWatcherType",
                "none",
            ],
            cwd=REPO_ROOT,
            env={**os.environ, **(env or {})},
            stdout=handle,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    succeeded = False
    try:
        deadline = time.monotonic() + startup_timeout
        while not _healthy(port):
            if process.poll() is not None:
                raise RuntimeError(f"streamlit exited {process.returncode}; see {log}")
            if time.monotonic() > deadline:
                raise RuntimeError(f"streamlit did not start within {startup_timeout} s; see {log}")
            time.sleep(0.2)
        yield port, process.pid
        succeeded = True
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)
        if succeeded:  # keep the log of a failed run to read
            log.unlink(missing_ok=True)
