"""Many viewers at the protocol level: N concurrent sessions on Streamlit's own websocket.

    python -m benchmarks.load_ws --port 8501 --sessions 10 --runs 5 --page timeline

Each session opens `/_stcore/stream` (subprotocol `streamlit`), as the browser does, and
asks for several script runs with a `BackMsg.rerun_script`, one after the other, sending
back the page and the address the server last gave it, as a browser tab does. A run is
timed from sending the request to its `script_finished` message; a run that the script
restarts itself (`st.rerun`, `st.switch_page`) lasts until the restarted run finishes.
An exception element in the page, a run that does not finish successfully, a timeout or
a dropped connection is an error. With several `--page` or `--query` values, session k
takes value k modulo their number.

    python -m benchmarks.load_ws --self-test

starts the floor script and a script that raises, and checks that runs are counted and
that the exception is counted as an error.
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from benchmarks.common import FLOOR_APP, emit, median, percentile, streamlit_server

STREAM_PATH = "/_stcore/stream"
SUBPROTOCOL = "streamlit"
FINISHED_OK = ForwardMsg.ScriptFinishedStatus.Value("FINISHED_SUCCESSFULLY")
FINISHED_FOR_RERUN = ForwardMsg.ScriptFinishedStatus.Value("FINISHED_EARLY_FOR_RERUN")


@dataclass
class LoadResult:
    sessions: int
    runs_per_session: int
    times: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    wall: float = 0.0

    def summary(self) -> dict[str, object]:
        return {
            "sessions": self.sessions,
            "runs_per_session": self.runs_per_session,
            "runs": len(self.times),
            "median": median(self.times),
            "p95": percentile(self.times, 0.95),
            "worst": max(self.times, default=float("nan")),
            "errors": len(self.errors),
            "first_errors": self.errors[:5],
            "wall": self.wall,
        }


@dataclass
class BrowserState:
    """What a browser tab remembers between runs: its address and the page it shows."""

    query_string: str
    page_name: str = ""
    page_script_hash: str = ""
    charts: int = 0  # plotly charts the last run drew

    def follow(self, message: ForwardMsg) -> None:
        """Update from the server, as the browser does: the page run, the URL it wrote."""
        kind = message.WhichOneof("type")
        if kind == "navigation" and message.navigation.page_script_hash:
            self.page_script_hash = message.navigation.page_script_hash
            self.page_name = ""
        elif kind == "new_session" and message.new_session.page_script_hash:
            self.page_script_hash = message.new_session.page_script_hash
        elif kind == "page_info_changed":
            self.query_string = message.page_info_changed.query_string


def rerun_request(state: BrowserState) -> bytes:
    """The BackMsg a browser sends to run the script again (no widget changed)."""
    message = BackMsg()
    message.rerun_script.query_string = state.query_string
    message.rerun_script.page_name = state.page_name
    message.rerun_script.page_script_hash = state.page_script_hash
    message.rerun_script.widget_states.SetInParent()
    return message.SerializeToString()


def exception_in(message: ForwardMsg) -> str | None:
    """The text of an exception element the message draws, if it draws one."""
    if message.WhichOneof("type") != "delta":
        return None
    delta = message.delta
    element = None
    if delta.WhichOneof("type") == "new_element":
        element = delta.new_element
    if element is not None and element.WhichOneof("type") == "exception":
        exception = element.exception
        return f"{exception.type}: {exception.message}"[:300]
    return None


def is_chart(message: ForwardMsg) -> bool:
    return (
        message.WhichOneof("type") == "delta"
        and message.delta.WhichOneof("type") == "new_element"
        and message.delta.new_element.WhichOneof("type") == "plotly_chart"
    )


async def one_run(connection, state: BrowserState, timeout: float) -> tuple[float, str | None]:
    """Send one rerun request; wait for its script_finished. Returns (seconds, error)."""
    began = time.perf_counter()
    await connection.send(rerun_request(state))
    error = None
    state.charts = 0
    while True:
        data = await asyncio.wait_for(connection.recv(), timeout)
        message = ForwardMsg()
        message.ParseFromString(data)
        state.follow(message)
        state.charts += is_chart(message)
        error = error or exception_in(message)
        if message.WhichOneof("type") == "script_finished":
            if message.script_finished == FINISHED_FOR_RERUN:
                state.charts = 0  # the restarted run draws the page afresh
                continue  # the script asked for a rerun (st.rerun, st.switch_page): it follows
            if message.script_finished != FINISHED_OK:
                name = ForwardMsg.ScriptFinishedStatus.Name(message.script_finished)
                error = error or f"script finished with {name}"
            return time.perf_counter() - began, error


async def one_session(
    uri: str, query: str, page_name: str, runs: int, timeout: float, result: LoadResult
) -> None:
    try:
        async with websockets.connect(
            uri,
            subprotocols=[SUBPROTOCOL],
            max_size=None,
            open_timeout=timeout,
            ping_interval=None,
            compression=None,
        ) as connection:
            state = BrowserState(query_string=query, page_name=page_name)
            for _ in range(runs):
                seconds, error = await one_run(connection, state, timeout)
                result.times.append(seconds)
                if error:
                    result.errors.append(error)
    except TimeoutError:
        result.errors.append(f"no script_finished within {timeout} s")
    except (websockets.ConnectionClosed, OSError) as error:
        result.errors.append(f"connection lost: {type(error).__name__}: {error}"[:300])


async def run_load_async(
    port: int,
    sessions: int,
    runs: int,
    queries: list[str],
    *,
    page_names: list[str] | None = None,
    timeout: float = 120,
    host: str = "127.0.0.1",
) -> LoadResult:
    uri = f"ws://{host}:{port}{STREAM_PATH}"
    result = LoadResult(sessions=sessions, runs_per_session=runs)
    names = page_names or [""] * len(queries)
    began = time.perf_counter()
    await asyncio.gather(
        *(
            one_session(
                uri,
                queries[number % len(queries)],
                names[number % len(names)],
                runs,
                timeout,
                result,
            )
            for number in range(sessions)
        )
    )
    result.wall = time.perf_counter() - began
    return result


def run_load(port: int, sessions: int, runs: int, queries: list[str], **options) -> LoadResult:
    return asyncio.run(run_load_async(port, sessions, runs, queries, **options))


async def _charts_on(uri: str, query: str, page_name: str, timeout: float) -> tuple[int, str]:
    async with websockets.connect(
        uri, subprotocols=[SUBPROTOCOL], max_size=None, open_timeout=timeout, ping_interval=None
    ) as connection:
        state = BrowserState(query_string=query, page_name=page_name)
        _, error = await one_run(connection, state, timeout)
        return state.charts, error or ""


def charts_on_page(
    port: int, query: str = "", page_name: str = "", timeout: float = 600
) -> tuple[int, str]:
    """How many plotly charts one run of a page draws (and its error, if any).

    Also warms the server's caches for that page before it is measured.
    """
    uri = f"ws://127.0.0.1:{port}{STREAM_PATH}"
    return asyncio.run(_charts_on(uri, query, page_name, timeout))


FAILING_SCRIPT = """
import streamlit as st

st.write("before the error")
raise ValueError("deliberate error")
"""


def self_test(sessions: int = 5, runs: int = 3) -> list[str]:
    """Run the generator against the floor and a failing script; return what went wrong."""
    failures = []
    with streamlit_server(FLOOR_APP) as port:
        result = run_load(port, sessions, runs, ["charts=2"], timeout=60)
    if len(result.times) != sessions * runs or result.errors:
        failures.append(f"floor: expected {sessions * runs} clean runs, got {result.summary()}")
    with tempfile.TemporaryDirectory() as folder:
        script = Path(folder) / "failing_app.py"
        script.write_text(FAILING_SCRIPT, "utf-8")
        with streamlit_server(script) as port:
            result = run_load(port, sessions, runs, [""], timeout=60)
    if len(result.errors) != sessions * runs:
        failures.append(
            f"failing script: expected {sessions * runs} errors, got {result.summary()}"
        )
    return failures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--self-test", action="store_true")
    parser.add_argument("--port", type=int)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--sessions", type=int, default=1)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--query", action="append", help="query string of a session, e.g. page=timeline"
    )
    parser.add_argument(
        "--page", action="append", help="page (URL path) of a session, as with --query"
    )
    parser.add_argument("--timeout", type=float, default=120)
    args = parser.parse_args(argv)
    if args.self_test:
        failures = self_test()
        print("\n".join(failures) or "load generator self-test passed")
        return 1 if failures else 0
    if args.port is None:
        parser.error("--port is required (or --self-test)")
    result = run_load(
        args.port,
        args.sessions,
        args.runs,
        args.query or [""],
        page_names=args.page,
        timeout=args.timeout,
        host=args.host,
    )
    emit(result.summary())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
