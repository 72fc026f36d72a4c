"""Atomic, crash-safe and concurrency-safe writes of several tables at once."""

from __future__ import annotations

import csv
import subprocess
import sys
import textwrap

import pytest

from indicators.store import (
    JOURNAL_NAME,
    StoreError,
    append_rows,
    read_tables,
    recover,
    write_tables,
)
from tests.conftest import REPO_ROOT

OLD = {"a.csv": b"id,v\n1,old\n", "b.csv": b"id,v\n1,old\n2,old\n", "c.csv": b"id\n"}
NEW = {"a.csv": b"id,v\n1,new\n", "b.csv": b"id,v\n1,new\n2,new\n3,new\n", "c.csv": b"id\nx\n"}


def seed(folder, contents=OLD):
    for name, data in contents.items():
        (folder / name).write_bytes(data)


def snapshot(folder):
    return {name: (folder / name).read_bytes() for name in OLD}


def test_all_tables_change_together_and_nothing_is_left_behind(tmp_path):
    seed(tmp_path)
    write_tables(tmp_path, NEW)
    assert snapshot(tmp_path) == NEW
    assert sorted(p.name for p in tmp_path.iterdir()) == [".lock", "a.csv", "b.csv", "c.csv"]


def test_a_file_name_with_a_folder_is_refused(tmp_path):
    with pytest.raises(StoreError):
        write_tables(tmp_path, {"../evil.csv": b"x"})


CRASHER = textwrap.dedent(
    """
    import os, sys
    sys.path.insert(0, {repo!r})
    from indicators import store
    target, kind, at = sys.argv[1], sys.argv[2], int(sys.argv[3])
    calls = {{"replace": 0, "write": 0}}
    real = {{"replace": os.replace, "write": store._write_durably}}

    def crash_replace(src, dst):
        calls["replace"] += 1
        if kind == "replace" and calls["replace"] == at:
            os._exit(9)
        real["replace"](src, dst)

    def crash_write(path, data):
        calls["write"] += 1
        if kind == "write" and calls["write"] == at:
            with open(path, "wb") as handle:  # a torn, half-written temporary file
                handle.write(data[: len(data) // 2])
            os._exit(9)
        real["write"](path, data)

    store.os.replace = crash_replace
    store._write_durably = crash_write
    new = {{"a.csv": b"id,v\\n1,new\\n", "b.csv": b"id,v\\n1,new\\n2,new\\n3,new\\n", "c.csv": b"id\\nx\\n"}}
    store.write_tables(target, new)
    """
).format(repo=str(REPO_ROOT))


@pytest.mark.parametrize(
    "kind, at",
    [
        ("write", 1),
        ("write", 2),
        ("write", 3),
        ("write", 4),
        ("replace", 1),
        ("replace", 2),
        ("replace", 3),
        ("replace", 4),
    ],
)
def test_a_crash_at_any_step_leaves_every_table_old_or_new_then_all_of_one(tmp_path, kind, at):
    """write k: dies while writing the k-th temporary file (the 4th is the journal);
    replace k: dies just before the k-th rename (the 1st publishes the journal)."""
    seed(tmp_path)
    script = tmp_path.parent / f"crash_{kind}_{at}.py"
    script.write_text(CRASHER, "utf-8")
    result = subprocess.run(
        [sys.executable, str(script), str(tmp_path), kind, str(at)], capture_output=True
    )
    assert result.returncode == 9, result.stderr
    after_crash = snapshot(tmp_path)
    for name, data in after_crash.items():
        assert data in (OLD[name], NEW[name]), f"{name} is torn"
    committed = (tmp_path / JOURNAL_NAME).exists()
    tables = read_tables(tmp_path, list(OLD))  # a later reader finishes or drops the change
    assert tables in (OLD, NEW)
    assert tables == (NEW if committed else OLD)
    assert not list(tmp_path.glob(".pending-*")) and not (tmp_path / JOURNAL_NAME).exists()


def test_recover_is_a_no_op_on_a_clean_folder(tmp_path):
    seed(tmp_path)
    assert recover(tmp_path) is False
    assert snapshot(tmp_path) == OLD


HEADERS = {"rows.csv": ["id", "writer", "note"], "log.csv": ["id", "writer"]}
KEYS = {"rows.csv": ["id"], "log.csv": ["id"]}


def test_append_keeps_existing_bytes_skips_known_keys_and_reports_what_it_added(tmp_path):
    (tmp_path / "rows.csv").write_bytes(b'id,writer,note\r\n1,seed,"a, b"\r\n')
    added = append_rows(
        tmp_path,
        {
            "rows.csv": [
                {"id": "1", "writer": "t"},
                {"id": "2", "writer": "t", "note": 'say "hi"'},
            ],
            "log.csv": [{"id": "2", "writer": "t"}],
        },
        HEADERS,
        KEYS,
    )
    assert [row["id"] for row in added["rows.csv"]] == ["2"]
    data = (tmp_path / "rows.csv").read_bytes()
    assert data.startswith(b'id,writer,note\r\n1,seed,"a, b"\r\n') and data.endswith(
        b'2,t,"say ""hi"""\r\n'
    )
    assert (tmp_path / "log.csv").read_bytes() == b"id,writer\n2,t\n"


def test_a_failed_check_cancels_the_whole_change(tmp_path):
    (tmp_path / "rows.csv").write_bytes(b"id,writer,note\n1,seed,\n")

    def refuse(contents):
        assert b"2,t" in contents["rows.csv"]
        raise StoreError("not valid")

    with pytest.raises(StoreError):
        append_rows(
            tmp_path,
            {"rows.csv": [{"id": "2", "writer": "t"}], "log.csv": [{"id": "2"}]},
            HEADERS,
            KEYS,
            check=refuse,
        )
    assert (tmp_path / "rows.csv").read_bytes() == b"id,writer,note\n1,seed,\n"
    assert not (tmp_path / "log.csv").exists()


WRITER = textwrap.dedent(
    """
    import sys
    sys.path.insert(0, {repo!r})
    from indicators.store import append_rows
    folder, writer = sys.argv[1], sys.argv[2]
    headers = {{"rows.csv": ["id", "writer", "note"], "log.csv": ["id", "writer"]}}
    keys = {{"rows.csv": ["id"], "log.csv": ["id"]}}
    for number in range(40):
        row = {{"id": f"{{writer}}-{{number}}", "writer": writer}}
        append_rows(folder, {{"rows.csv": [row], "log.csv": [row]}}, headers, keys)
    """
).format(repo=str(REPO_ROOT))


def test_concurrent_appends_serialise_and_lose_no_row(tmp_path):
    script = tmp_path.parent / "writer.py"
    script.write_text(WRITER, "utf-8")
    processes = [
        subprocess.Popen([sys.executable, str(script), str(tmp_path), name])
        for name in ("w1", "w2", "w3")
    ]
    assert [p.wait(timeout=120) for p in processes] == [0, 0, 0]
    for name in ("rows.csv", "log.csv"):
        with open(tmp_path / name, encoding="utf-8", newline="") as handle:
            ids = [row["id"] for row in csv.DictReader(handle)]
        assert sorted(ids) == sorted(f"{w}-{n}" for w in ("w1", "w2", "w3") for n in range(40))
