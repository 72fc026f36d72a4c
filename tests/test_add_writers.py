"""Writers: concurrent `add` runs, re-adding a report, refused system calls, odd details.

- Concurrent runs of `add` on one report text (different publishers) add it once: the
  "already added" check runs under the store's lock, on the tables as they are then.
- Re-adding a report already added, whatever was chosen the first and second time, is a
  no-op that says so, even when its first run added new indicators.
- A full disk, an input/output error or a read-only folder at any system call of the
  write ends in one sentence (what happened, whether the change was made, what to do),
  never a traceback; before the commit point nothing changes and no temporary file is
  left, after it the change is made and reported with a warning.
- A line break or control character in the publisher or title is refused up front.

Set PROPERTY_EXAMPLES to run more generated cases (CI runs the default).
"""

from __future__ import annotations

import argparse
import csv
import errno
import json
import os
import shutil
import subprocess
import sys
import textwrap

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from indicators import store
from indicators.adding import register as register_add
from indicators.ingest import read_document
from indicators.loading import load_tables
from tests.conftest import REPO_ROOT

EXAMPLES = int(os.environ.get("PROPERTY_EXAMPLES", "100"))
REPORTS = sorted((REPO_ROOT / "tests" / "fixtures" / "reports").glob("*.txt"))
TABLE_FILES = ("sources.csv", "indicators.csv", "observations.csv", "events.csv")
SETTINGS = dict(
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="indicators")
    subparsers = parser.add_subparsers(dest="command", required=True)
    register_add(subparsers)
    args = parser.parse_args(argv)
    return args.func(args)


def fresh_data(folder):
    if folder.exists():
        shutil.rmtree(folder)
    shutil.copytree(REPO_ROOT / "data", folder)
    return folder


def tables(folder) -> dict[str, bytes]:
    return {name: (folder / name).read_bytes() for name in TABLE_FILES}


def leftovers(folder) -> list[str]:
    found = [p.name for p in folder.iterdir() if p.name.startswith((".pending", ".journal"))]
    reports = folder / "reports"
    if reports.is_dir():
        found += [p.name for p in reports.iterdir() if p.name.startswith(".pending")]
    return sorted(found)


def sources_with_hash(folder, sha256: str) -> list[str]:
    with open(folder / "sources.csv", encoding="utf-8", newline="") as handle:
        return [row["source_id"] for row in csv.DictReader(handle) if row["text_sha256"] == sha256]


def add_args(report, publisher="Levant Wire", choice=("--all",)) -> list[str]:
    return ["add", str(report), "--published", "2025-06-10", "--publisher", publisher, *choice]


# ------------------------------------------------------------------ concurrent writers


@pytest.mark.parametrize("report", [REPORTS[3], REPORTS[7]], ids=lambda p: p.stem)
def test_four_concurrent_adds_of_one_report_add_it_once(tmp_path, report):
    data = fresh_data(tmp_path / "data")
    processes = [
        subprocess.Popen(
            [sys.executable, "-m", "indicators", *add_args(report, f"Desk {n}"), str(data)],
            cwd=REPO_ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n in range(4)
    ]
    outputs = [process.communicate(timeout=300) for process in processes]
    assert [process.returncode for process in processes] == [0] * 4, outputs
    sha256 = read_document(report).text_sha256
    added = sources_with_hash(data, sha256)
    assert len(added) == 1, added
    said_already = [out for out, _ in outputs if "already added as source " + added[0] in out]
    assert len(said_already) == 3, outputs
    result = load_tables(data)
    assert result.problems == []
    shipped = set(load_tables(REPO_ROOT / "data").tables["sources"]["source_id"])
    assert set(result.tables["observations"]["source_id"]) - shipped == {added[0]}
    assert leftovers(data) == []


# ------------------------------------------------------------------ re-adding a report


@settings(max_examples=max(5, EXAMPLES // 10), **SETTINGS)
@given(
    report=st.sampled_from(REPORTS),
    first=st.one_of(st.none(), st.sets(st.integers(1, 12), min_size=1, max_size=4)),
    second=st.one_of(st.none(), st.sets(st.integers(1, 12), min_size=1, max_size=4)),
    publisher=st.sampled_from(["Levant Wire", "Another Desk"]),
)
def test_re_adding_an_added_report_is_a_no_op_that_says_so(
    tmp_path, capsys, report, first, second, publisher
):
    data = fresh_data(tmp_path / "data")

    def choice(numbers):
        return ("--all",) if numbers is None else ("--accept", ",".join(f"o{n}" for n in numbers))

    status = run([*add_args(report, choice=choice(first)), str(data)])
    capsys.readouterr()
    if status != 0:  # chose a candidate the report does not have: nothing was added
        return
    once = tables(data)
    saved = data / "reports" / f"{read_document(report).text_sha256}.txt"
    assert saved.read_bytes() == report.read_bytes()
    # The first run may have added new indicators; the second sees them in the catalogue.
    assert run([*add_args(report, publisher, choice(second)), str(data)]) == 0
    out = capsys.readouterr().out
    assert "already added as source levant-wire-2025-06-10" in out and "nothing to do" in out
    assert tables(data) == once
    assert leftovers(data) == []


# ------------------------------------------------------------------ refused system calls

# Each refusal, and the plain words the message must say it in.
CAUSES = {
    errno.ENOSPC: "the disk is full",
    errno.EIO: "input/output error",
    errno.EROFS: "read-only file system",
    errno.EACCES: "permission to write there was denied",
    errno.EDQUOT: "the disk quota is used up",
}
ERRNOS = sorted(CAUSES)
CALLS = ["write", "fsync", "replace", "open", "unlink", "mkdir"]


class Faults:
    """Make the n-th call of one `os` function fail with an errno, as a full disk, a
    failing drive or a read-only folder would."""

    def __init__(self, monkeypatch, call: str, nth: int, code: int):
        self.calls = 0
        self.failed = False
        real = getattr(os, call)

        def failing(*args, **kwargs):
            self.calls += 1
            if self.calls == nth:
                self.failed = True
                raise OSError(code, os.strerror(code))
            return real(*args, **kwargs)

        monkeypatch.setattr(os, call, failing)


@settings(max_examples=max(10, EXAMPLES // 5), **SETTINGS)
@given(
    call=st.sampled_from(CALLS),
    nth=st.integers(1, 14),
    code=st.sampled_from(ERRNOS),
    report=st.sampled_from(REPORTS[:4]),
)
def test_a_refused_system_call_ends_in_one_sentence_and_old_or_new_tables(
    tmp_path, monkeypatch, capsys, call, nth, code, report
):
    data = fresh_data(tmp_path / "data")
    before = tables(data)
    argv = [*add_args(report), str(data)]
    with monkeypatch.context() as patch:
        faults = Faults(patch, call, nth, code)
        status = run(argv)
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    if status == 0:
        if not faults.failed:
            assert err == ""
        else:
            # A step after the commit point: the change is made, with a warning.
            assert err.count("\n") <= 1 and (
                err == "" or err.startswith("warning: the change is made")
            )
        with store.locked(data):
            store.recover(data)  # what the next writer does first
        assert tables(data) != before
        assert load_tables(data).problems == []
    else:
        assert status == 1, err
        assert err.count("\n") == 1 and err.startswith("error: nothing was added: "), err
        assert CAUSES[code] in err and ("try again" in err or "copy" in err), err
        assert tables(data) == before
        if "could not be removed" not in err:
            assert leftovers(data) == []
    with store.locked(data):
        store.recover(data)
    assert leftovers(data) == []


FAULTY_ADD = textwrap.dedent(
    """
    import errno, json, os, sys
    from indicators.cli import main
    call, nth, code = sys.argv[1], int(sys.argv[2]), getattr(errno, sys.argv[3])
    real = getattr(os, call)
    seen = [0]
    def failing(*args, **kwargs):
        seen[0] += 1
        if seen[0] == nth:
            raise OSError(code, os.strerror(code), str(args[0]) if args and call != "write" else None)
        return real(*args, **kwargs)
    import indicators.store  # loaded before the fault, as any import is
    import tempfile
    tempfile.gettempdir()  # its first call probes folders by writing, and moves on if refused
    setattr(os, call, failing)
    sys.exit(main(json.loads(sys.argv[4])))
    """
)


@pytest.mark.parametrize(
    "call, nth, code, expected",
    [
        ("write", 1, "ENOSPC", "the disk is full"),
        ("fsync", 2, "EIO", "input/output error"),
        ("open", 1, "EROFS", "read-only file system"),
        ("open", 1, "EACCES", "permission to write there was denied"),
    ],
)
def test_the_command_says_what_happened_in_one_line_and_changes_nothing(
    tmp_path, call, nth, code, expected
):
    data = fresh_data(tmp_path / "data")
    before = tables(data)
    argv = add_args(REPORTS[3]) + [str(data)]
    completed = subprocess.run(
        [sys.executable, "-c", FAULTY_ADD, call, str(nth), code, json.dumps(argv)],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert completed.returncode == 1, completed.stderr
    lines = completed.stderr.splitlines()
    assert len(lines) == 1 and "Traceback" not in completed.stderr, completed.stderr
    assert lines[0].startswith("error: nothing was added: ") and expected in lines[0], lines
    assert "try again" in lines[0] or "copy" in lines[0]
    assert tables(data) == before and leftovers(data) == []


def test_a_failure_after_the_commit_point_reports_success_with_a_warning(tmp_path):
    data = fresh_data(tmp_path / "data")
    argv = add_args(REPORTS[3]) + [str(data)]
    # The first replaces save the report text and publish the journal (the commit
    # point); the next one renames the first table into place.
    completed = subprocess.run(
        [sys.executable, "-c", FAULTY_ADD, "replace", "3", "EIO", json.dumps(argv)],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert completed.returncode == 0, completed.stderr
    assert "Added to" in completed.stdout
    warning = completed.stderr.splitlines()
    assert len(warning) == 1 and warning[0].startswith("warning: the change is made"), warning
    assert (data / store.JOURNAL_NAME).exists()
    result = load_tables(data)  # readers see the change through the journal
    assert "levant-wire-2025-06-10" in set(result.tables["sources"]["source_id"])
    with store.locked(data):
        assert store.recover(data) is True
    assert leftovers(data) == []
    assert load_tables(data).problems == []


# ------------------------------------------------------------------ odd details

LINE_BREAKS = st.sampled_from(["\r", "\n", "\r\n", "\x00", "\x1b", "\u2028", "\x7f"])


@settings(max_examples=max(10, EXAMPLES // 4), **SETTINGS)
@given(
    option=st.sampled_from(["--publisher", "--title"]),
    head=st.text(st.characters(categories=["L", "N", "Zs"]), max_size=12),
    brk=LINE_BREAKS,
    tail=st.text(st.characters(categories=["L", "N", "Zs"]), max_size=12),
)
def test_a_line_break_in_the_publisher_or_title_is_refused_up_front(
    tmp_path, capsys, option, head, brk, tail
):
    data = fresh_data(tmp_path / "data")
    before = tables(data)
    argv = ["add", str(REPORTS[3]), "--published", "2025-06-10", "--all", str(data)]
    argv += [option, head + brk + tail]
    if option == "--title":
        argv += ["--publisher", "Levant Wire"]
    assert run(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"error: {option}: the ") and "line break" in err
    assert err.count("\n") == 1
    assert tables(data) == before and not (data / "reports").exists()


# ------------------------------------------------------------------ damaged tables


@settings(max_examples=max(10, EXAMPLES // 5), **SETTINGS)
@given(
    name=st.sampled_from(TABLE_FILES),
    damage=st.one_of(
        st.binary(max_size=200),
        st.text(max_size=200).map(lambda text: text.encode("utf-8")),
        st.sampled_from([b"", b"\xff\xfe", b'"unclosed', b"a,b\r\n1", b"\x00\x00"]),
    ),
    keep_header=st.booleans(),
)
def test_add_on_damaged_tables_ends_in_a_message_never_a_traceback(
    tmp_path, capsys, name, damage, keep_header
):
    data = fresh_data(tmp_path / "data")
    original = (data / name).read_bytes()
    header = original.split(b"\n", 1)[0] + b"\n" if keep_header else b""
    (data / name).write_bytes(header + damage)
    before = tables(data)
    status = run([*add_args(REPORTS[3]), str(data)])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    if status == 0:
        assert "Added to" in out
    else:
        assert status in (1, 2) and err.startswith("error: ") and err.count("\n") == 1, err
        assert tables(data) == before
