"""The loader sees one committed version of the tables, never a change half-way through.

A writer (`indicators.store`) renames its new tables into place one by one after its
commit point, the journal. These tests leave a folder the way a writer killed at each
step leaves it, then load it: after the commit point the loader must see the new
version whole, before it the old one, and it must write nothing while doing so, even
in a read-only folder.
"""

from __future__ import annotations

import csv
import io
import json
import os
import stat
import threading
from pathlib import Path

import pandas as pd
import pytest

from indicators import schema, store
from indicators.loading import load_tables
from tests.conftest import REPO_ROOT

TABLE_FILES = [table.file_name for table in schema.TABLES.values()]  # the order of renames
ADDED_SOURCE = "rbc-ukraine-2025-07-25"  # the new version adds this source and its rows
ADDED_INDICATOR = "war_duration"  # only that source's observation uses it


class Killed(BaseException):
    """Stands for SIGKILL: escapes every `except Exception` between the store and here."""


def _without(data: bytes, column: str, unwanted) -> bytes:
    reader = csv.DictReader(io.StringIO(data.decode("utf-8"), newline=""))
    output = io.StringIO()
    writer = csv.DictWriter(output, fieldnames=reader.fieldnames, lineterminator="\n")
    writer.writeheader()
    writer.writerows(row for row in reader if not unwanted(row[column]))
    return output.getvalue().encode("utf-8")


@pytest.fixture(scope="module")
def versions() -> tuple[dict[str, bytes], dict[str, bytes]]:
    """(old, new) bytes of every table: the new version is the repository's data, the old
    one lacks a source with its observations and events and an indicator only it uses."""
    new = {name: (REPO_ROOT / "data" / name).read_bytes() for name in TABLE_FILES}
    from_source = lambda value: value.startswith(ADDED_SOURCE)  # noqa: E731
    old = {
        "sources.csv": _without(new["sources.csv"], "source_id", from_source),
        "indicators.csv": _without(
            new["indicators.csv"], "indicator_id", lambda value: value == ADDED_INDICATOR
        ),
        "observations.csv": _without(new["observations.csv"], "observation_id", from_source),
        "events.csv": _without(new["events.csv"], "event_id", from_source),
    }
    assert all(old[name] != new[name] for name in TABLE_FILES)
    return old, new


def write_folder(folder: Path, contents: dict[str, bytes]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in contents.items():
        (folder / name).write_bytes(data)
    return folder


@pytest.fixture(scope="module")
def expected(tmp_path_factory, versions) -> dict[str, dict[str, pd.DataFrame]]:
    """What a clean folder of each version loads as; both load without problems."""
    loaded = {}
    for label, contents in zip(("old", "new"), versions, strict=True):
        result = load_tables(write_folder(tmp_path_factory.mktemp(label), contents))
        assert result.problems == [], [str(problem) for problem in result.problems]
        loaded[label] = result.tables
    assert len(loaded["new"]["observations"]) > len(loaded["old"]["observations"])
    return loaded


def assert_loads_as(result, tables: dict[str, pd.DataFrame]) -> None:
    assert result.problems == [], [str(problem) for problem in result.problems]
    assert set(result.tables) == set(tables)
    for name, frame in tables.items():
        pd.testing.assert_frame_equal(result.tables[name], frame)


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file of the folder, hidden ones too, with its bytes."""
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


def crash_writer(folder: Path, contents: dict[str, bytes], monkeypatch, step: str, at: int):
    """Run `store.write_tables` and kill it just before its `at`-th call of `step`
    ("replace": os.replace, whose 1st call publishes the journal, the commit point, and
    whose next ones rename the tables in TABLE_FILES order; "fsync_dir": the 2nd call
    comes after every table is renamed, before the journal is deleted; "write": half-way
    through writing the `at`-th temporary file, the journal's being the 5th). The lock is
    released, as a dead process's is."""
    real = {
        "replace": store.os.replace,
        "fsync_dir": store._fsync_dir,
        "write": store._write_durably,
    }
    calls = {"count": 0}

    def dying(*args):
        calls["count"] += 1
        if calls["count"] == at:
            if step == "write":
                path, data = args
                path.write_bytes(data[: len(data) // 2])  # a torn temporary file
            raise Killed
        return real[step](*args)

    with monkeypatch.context() as patch:
        if step == "replace":
            patch.setattr(store.os, "replace", dying)
        elif step == "fsync_dir":
            patch.setattr(store, "_fsync_dir", dying)
        else:
            patch.setattr(store, "_write_durably", dying)
        with pytest.raises(Killed):
            store.write_tables(folder, {name: contents[name] for name in TABLE_FILES})


AFTER_COMMIT = [("replace", 2), ("replace", 3), ("replace", 4), ("replace", 5), ("fsync_dir", 2)]
BEFORE_COMMIT = [("write", 1), ("write", 3), ("write", 5), ("replace", 1)]


@pytest.mark.parametrize("step, at", AFTER_COMMIT)
def test_a_writer_killed_after_its_commit_point_loads_as_the_new_version_and_nothing_is_written(
    tmp_path, monkeypatch, versions, expected, step, at
):
    old, new = versions
    folder = write_folder(tmp_path / "data", old)
    crash_writer(folder, new, monkeypatch, step, at)
    renamed = at - 2 if step == "replace" else len(TABLE_FILES)
    finals = {name: (folder / name).read_bytes() for name in TABLE_FILES}
    assert finals == {
        name: (new if position < renamed else old)[name]
        for position, name in enumerate(TABLE_FILES)
    }, "the crash should leave the tables renamed so far new and the others old"
    assert (folder / store.JOURNAL_NAME).exists()
    before = snapshot(folder)

    assert_loads_as(load_tables(folder), expected["new"])
    assert snapshot(folder) == before  # no roll-forward, no file added or removed

    # What the next writer makes of the folder is what the loader showed.
    store.write_tables(folder, {})
    assert {name: (folder / name).read_bytes() for name in TABLE_FILES} == new


@pytest.mark.parametrize("step, at", BEFORE_COMMIT)
def test_a_writer_killed_before_its_commit_point_loads_as_the_old_version(
    tmp_path, monkeypatch, versions, expected, step, at
):
    old, new = versions
    folder = write_folder(tmp_path / "data", old)
    crash_writer(folder, new, monkeypatch, step, at)
    assert not (folder / store.JOURNAL_NAME).exists()
    assert list(folder.glob(f"{store.TEMP_PREFIX}*")), "the crash should leave temporary files"
    before = snapshot(folder)

    assert_loads_as(load_tables(folder), expected["old"])
    assert snapshot(folder) == before


@pytest.fixture
def read_only(monkeypatch):
    """Make a folder and its files read-only. Where this process's privileges ignore file
    modes (root), also refuse what the kernel would refuse anyone else: opening a file
    of the folder to write it or creating one."""

    def make_read_only(folder: Path) -> None:
        for path in folder.iterdir():
            path.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
        folder.chmod(stat.S_IRUSR | stat.S_IXUSR | stat.S_IRGRP | stat.S_IXGRP)
        if not os.access(folder, os.W_OK):
            return
        real_open = os.open
        writing = os.O_WRONLY | os.O_RDWR | os.O_CREAT

        def open_read_only(path, flags, *args, **kwargs):
            if flags & writing and Path(path).parent == folder:
                raise PermissionError(13, "Permission denied", str(path))
            return real_open(path, flags, *args, **kwargs)

        monkeypatch.setattr(os, "open", open_read_only)

    yield make_read_only


@pytest.mark.parametrize("lock_file", ["present", "absent"])
def test_a_read_only_folder_with_a_journal_loads_as_the_new_version(
    tmp_path, monkeypatch, versions, expected, read_only, lock_file
):
    """Read-only: the lock file cannot be created (absent) or opened to write (present);
    the loader reads anyway, from the journal's temporary files."""
    old, new = versions
    folder = write_folder(tmp_path / "data", old)
    crash_writer(folder, new, monkeypatch, "replace", 3)
    if lock_file == "absent":
        (folder / store.LOCK_NAME).unlink()
    before = snapshot(folder)
    read_only(folder)
    try:
        assert_loads_as(load_tables(folder), expected["new"])
        assert snapshot(folder) == before
    finally:
        folder.chmod(stat.S_IRWXU)


UNREADABLE_JOURNALS = {
    "not JSON": b'{"renames": [[".pending-1-sources.csv.tmp", "sour',
    "not UTF-8": b'{"renames": []}\xff',
    "no renames": json.dumps({"moves": []}).encode(),
    "a path outside the folder": json.dumps(
        {"renames": [["../elsewhere/sources.csv", "sources.csv"]]}
    ).encode(),
    "a rename that is not a pair": json.dumps({"renames": [["sources.csv"]]}).encode(),
}


@pytest.mark.parametrize("damage", sorted(UNREADABLE_JOURNALS))
def test_an_unreadable_journal_is_a_problem_naming_it_and_the_committed_files_load(
    tmp_path, monkeypatch, versions, expected, damage
):
    old, new = versions
    folder = write_folder(tmp_path / "data", old)
    crash_writer(folder, new, monkeypatch, "replace", 2)  # committed, no table renamed yet
    (folder / store.JOURNAL_NAME).write_bytes(UNREADABLE_JOURNALS[damage])
    before = snapshot(folder)

    result = load_tables(folder)
    assert len(result.problems) == 1, [str(problem) for problem in result.problems]
    problem = result.problems[0]
    assert problem.file == store.JOURNAL_NAME and problem.line is None
    assert "journal" in problem.message and "cannot be read" in problem.message
    assert "last committed" in problem.message
    for name, frame in expected["old"].items():
        pd.testing.assert_frame_equal(result.tables[name], frame)
    assert snapshot(folder) == before
    with pytest.raises(store.StoreError, match="unreadable journal"):
        store.write_tables(folder, {})  # writers refuse it too, as the problem says


def test_a_journal_that_is_a_folder_is_a_problem_naming_it(tmp_path, versions, expected):
    old, _ = versions
    folder = write_folder(tmp_path / "data", old)
    (folder / store.JOURNAL_NAME).mkdir()
    result = load_tables(folder)
    assert [problem.file for problem in result.problems] == [store.JOURNAL_NAME]
    for name, frame in expected["old"].items():
        pd.testing.assert_frame_equal(result.tables[name], frame)


def test_the_loader_waits_for_a_live_writer_to_finish_its_renames(tmp_path, versions, expected):
    """A writer holds the exclusive lock from before its commit point until its last
    rename. A loader started meanwhile must wait and then see the new version whole."""
    old, new = versions
    folder = write_folder(tmp_path / "data", old)
    results = []
    with store.locked(folder):  # the writer's lock, on its own open file
        loader = threading.Thread(target=lambda: results.append(load_tables(folder)))
        loader.start()
        loader.join(timeout=1.0)  # loading this folder takes a fraction of that
        assert loader.is_alive(), "the loader should wait for the writer's lock"
        store._commit(folder, new)  # the writer's journal and renames, lock held
    loader.join(timeout=60)
    assert not loader.is_alive()
    assert_loads_as(results[0], expected["new"])


def test_a_folder_that_does_not_exist_is_reported_not_created(tmp_path):
    missing = tmp_path / "nowhere"
    result = load_tables(missing)
    assert [str(problem) for problem in result.problems] == [f"{missing}: folder does not exist"]
    assert all(frame.empty for frame in result.tables.values())
    assert not missing.exists()


def test_a_file_in_place_of_the_folder_is_reported(tmp_path):
    not_a_folder = tmp_path / "tables.csv"
    not_a_folder.write_text("source_id\n", "utf-8")
    result = load_tables(not_a_folder)
    assert [str(problem) for problem in result.problems] == [f"{not_a_folder}: is not a folder"]
