"""Crashes and concurrency: `add` killed mid-write loses nothing; two at once lose no row.

The kill test runs `python -m indicators add` (its `indicators.cli.main`) on a small data
folder and, the moment `add` takes the tables' lock, forks: each child carries on with the
validation and the write from that very point and is SIGKILLed right after a randomly
chosen step of the write (each fsync, rename and delete is announced to the killer), or
at a random time during the validation before it. Forking at the lock makes a hundred
kills take seconds instead of a hundred interpreter starts and extractions, and counting
steps instead of timing them makes the kills land in the write on any machine.

After each kill every table must be byte for byte its old or its new version; after the
store's recovery (what the next reader or writer does first) the tables must be all old
or all new, never a mix, with no temporary file left; and the loader must find no problem.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import textwrap
from datetime import datetime
from pathlib import Path

import pytest

from benchmarks import synthetic
from indicators import schema
from indicators.loading import load_tables
from tests.conftest import REPO_ROOT

pytest.importorskip("indicators.store")
pytest.importorskip("indicators.adding")

KILLS = 100
TABLE_FILES = [table.file_name for table in schema.TABLES.values()]

# Runs in its own process. It starts `add` on the folder `live`; the moment `add` takes the
# tables' lock (after reading the report and extracting), it forks: each child carries on
# with the validation and the write from that very point. Every fsync, rename and delete
# the child makes is announced through a pipe; the parent kills the child right after a
# randomly chosen announcement (or at a random time before the first one), so the kills
# cover every step of the write however fast or slow the machine is. One child runs to
# the end first, to learn the new bytes and how many steps the write has. The parent
# prints one JSON line per trial, then exits without writing anything itself.
KILLER = textwrap.dedent(
    """
    import fcntl, json, os, random, shutil, signal, sys, time
    from pathlib import Path

    from indicators import store
    from indicators.cli import main

    work, argv, kills, seed = Path(sys.argv[1]), json.loads(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    names = json.loads(sys.argv[5])
    live, original = work / "live", work / "original"
    random.seed(seed)
    old = {name: (original / name).read_bytes() for name in names}
    report = sys.stdout
    announce = []  # in a child: the pipe to announce each step on


    class Resume(Exception):
        "Raised in a freshly forked child to unwind back into `add`."


    def contents():
        return {name: (live / name).read_bytes() for name in names}


    def reset():
        for path in live.iterdir():
            if path.name.startswith((".pending", ".journal")):
                path.unlink()
        shutil.rmtree(live / "reports", ignore_errors=True)  # the saved report text too
        for name in names:
            (live / name).write_bytes(old[name])


    def run_child(kill_after_step=None, delay=0.0):
        "Fork a child that goes on writing; kill it after that many steps (None: never)."
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(read_end)
            announce.append(write_end)
            raise Resume
        os.close(write_end)
        steps = 0
        while kill_after_step is None or steps < kill_after_step:
            if not os.read(read_end, 1):
                break  # the child finished
            steps += 1
        if kill_after_step is not None:
            time.sleep(delay)
            os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
        os.close(read_end)
        return status, steps


    def trials():
        status, steps = run_child()
        assert os.waitstatus_to_exitcode(status) == 0, status
        new = contents()
        assert new != old

        def version(data, name):
            return "old" if data == old[name] else "new" if data == new[name] else "other"

        print(json.dumps({"steps": steps}), file=report, flush=True)
        for trial in range(kills):
            reset()
            # One kill in five during the validation before the first write; the others
            # right after a random step of the write, or up to a millisecond later.
            if trial % 5 == 0:
                step, delay = 0, random.uniform(0, 0.05)
            else:
                step, delay = random.randint(1, steps), random.uniform(0, 0.001)
            status, _ = run_child(step, delay)
            killed = os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL
            after_kill = {name: version(data, name) for name, data in contents().items()}
            store.recover(live)  # this process still holds the lock the child took
            after_recovery = {name: version(data, name) for name, data in contents().items()}
            leftovers = sorted(
                path.name
                for path in [*live.iterdir(), *live.glob("reports/*")]
                if path.name.startswith((".pending", ".journal"))
            )
            result = {"trial": trial, "step": step, "killed": killed, "after_kill": after_kill}
            result.update(after_recovery=after_recovery, leftovers=leftovers)
            print(json.dumps(result), file=report, flush=True)
            if trial % 10 == 0:
                shutil.copytree(live, work / f"trial-{trial}")  # for the loader check
        os._exit(0)


    real_flock = fcntl.flock
    forked = []


    def flock(fd, operation):
        real_flock(fd, operation)
        if operation & fcntl.LOCK_EX and not forked:
            forked.append(True)
            try:
                trials()  # the parent never comes back from here
            except Resume:
                return  # a child: go on with the validation and the write, holding the lock


    def announced(function):
        def wrapped(*args, **kwargs):
            result = function(*args, **kwargs)
            if announce:
                os.write(announce[0], b"s")
                time.sleep(0.001)  # room for the kill to land between steps
            return result
        return wrapped


    fcntl.flock = flock
    os.fsync, os.replace, os.unlink = announced(os.fsync), announced(os.replace), announced(os.unlink)
    sys.stdout = open(os.devnull, "w")
    os._exit(main([*argv, str(live)]))
    """
)


@pytest.fixture(scope="module")
def report_texts(tmp_path_factory) -> list[Path]:
    """Two synthetic reports (the extractor finds figures in them) and their dates."""
    folder = tmp_path_factory.mktemp("reports")
    dataset = synthetic.generate(folder / "synthetic", observations=16, seed=11)
    return sorted(dataset.reports_dir.iterdir())[:2]


def add_arguments(report: Path) -> list[str]:
    """`add REPORT --published ... --publisher ... --all`, read from the report's byline."""
    byline = report.read_text("utf-8").split("\n")[2]  # "Northern Relief Monitor, 5 April 2025"
    publisher, day = byline.rsplit(", ", 1)
    published = datetime.strptime(day, "%d %B %Y").date().isoformat()
    return ["add", str(report), "--published", published, "--publisher", publisher, "--all"]


def small_data_folder(target: Path) -> Path:
    shutil.copytree(REPO_ROOT / "data", target)
    return target


def test_add_killed_at_random_moments_of_its_write_leaves_old_or_new_tables(tmp_path, report_texts):
    work = tmp_path / "work"
    work.mkdir()
    small_data_folder(work / "original")
    small_data_folder(work / "live")
    completed = subprocess.run(
        [
            sys.executable,
            "-c",
            KILLER,
            str(work),
            json.dumps(add_arguments(report_texts[0])),
            str(KILLS),
            "20251124",
            json.dumps(TABLE_FILES),
        ],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert completed.returncode == 0, completed.stderr[-3000:]
    lines = [json.loads(line) for line in completed.stdout.splitlines()]
    steps, trials = lines[0]["steps"], lines[1:]
    assert steps >= 8, "the write should take several fsyncs and renames"
    assert len(trials) == KILLS
    killed = [trial for trial in trials if trial["killed"]]
    assert len(killed) >= KILLS * 0.9, f"only {len(killed)} kills landed before `add` ended"
    for trial in trials:
        assert set(trial["after_kill"].values()) <= {"old", "new"}, trial
        assert len(set(trial["after_recovery"].values())) == 1, trial  # all old or all new
        assert set(trial["after_recovery"].values()) <= {"old", "new"}, trial
        assert trial["leftovers"] == [], trial
    outcomes = {next(iter(set(trial["after_recovery"].values()))) for trial in killed}
    assert outcomes == {"old", "new"}, "kills should land both before and after the commit"

    kept = sorted(work.glob("trial-*"))
    assert len(kept) == KILLS // 10
    for folder in kept:
        result = load_tables(folder)
        assert result.problems == [], (folder.name, [str(p) for p in result.problems[:3]])


def rows_by_key(folder: Path) -> dict[str, set[str]]:
    tables = load_tables(folder).tables
    return {name: set(tables[name][schema.TABLES[name].primary_key]) for name in schema.TABLES}


@pytest.fixture(scope="module")
def added_one_after_the_other(tmp_path_factory, report_texts) -> dict[str, set[str]]:
    """The rows after adding the two reports one after the other."""
    sequential = small_data_folder(tmp_path_factory.mktemp("sequential") / "data")
    for report in report_texts:
        subprocess.run(
            [sys.executable, "-m", "indicators", *add_arguments(report), str(sequential)],
            cwd=REPO_ROOT,
            check=True,
            capture_output=True,
            timeout=300,
        )
    expected = rows_by_key(sequential)
    before = rows_by_key(REPO_ROOT / "data")
    for name in ("sources", "observations"):
        assert len(expected[name] - before[name]) >= 2, f"the reports add too few {name}"
    return expected


@pytest.mark.parametrize("round_number", range(2))
def test_two_adds_at_once_lose_no_row(
    tmp_path, report_texts, added_one_after_the_other, round_number
):
    together = small_data_folder(tmp_path / "together")
    processes = [
        subprocess.Popen(
            [sys.executable, "-m", "indicators", *add_arguments(report), str(together)],
            cwd=REPO_ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for report in report_texts
    ]
    for process in processes:
        _, errors = process.communicate(timeout=300)
        assert process.returncode == 0, errors.decode()[-2000:]
    assert rows_by_key(together) == added_one_after_the_other
    assert load_tables(together).problems == []
