"""The check `add_report` hands the store: the tables as they would be must validate.

It runs under the store's lock, on the tables as they are then, with the loader that
`python -m indicators validate` uses; a problem on a new row is reported by the row's id
(the candidate's), so the reader knows which candidate to correct.
"""

from __future__ import annotations

import csv
import io
import tempfile
from pathlib import Path

from indicators.store import StoreError


def validator(data_dir: Path):
    """Refuse a change that makes the tables invalid. Runs under the lock, on the tables
    as they are then: a problem of the would-be tables that the current ones do not
    have, or any problem on a new row, cancels the change."""
    from indicators.loading import load_tables

    def check(contents: dict[str, bytes]) -> None:
        row_names: dict[tuple[str, int], str] = {}
        with tempfile.TemporaryDirectory(prefix="indicators-check-") as folder:
            before_dir, after_dir = Path(folder, "before"), Path(folder, "after")
            before_dir.mkdir()
            after_dir.mkdir()
            first_new_line = {}
            for name, data in contents.items():
                old = (data_dir / name).read_bytes() if (data_dir / name).exists() else b""
                (before_dir / name).write_bytes(old)
                (after_dir / name).write_bytes(data)
                first_new_line[name] = old.count(b"\n") + 1 if data != old else None
                if data != old:
                    row_names.update(_new_row_lines(name, old, data))
            before = {(p.file, p.column, p.message) for p in load_tables(before_dir).problems}
            problems = load_tables(after_dir).problems
        new = [
            problem
            for problem in problems
            if (problem.file, problem.column, problem.message) not in before
            or (
                first_new_line.get(problem.file)
                and problem.line
                and problem.line >= first_new_line[problem.file]
            )
        ]
        if new:
            listed = "; ".join(_named(problem, row_names) for problem in new[:10])
            raise StoreError(f"the new rows would not validate: {listed}")

    return check


def _new_row_lines(name: str, old: bytes, data: bytes) -> dict[tuple[str, int], str]:
    """(file, line) -> id of each appended row, so a problem can name the candidate."""
    first_line = old.count(b"\n") + 1
    text = data[len(old) :].decode("utf-8", errors="replace")
    reader = csv.reader(io.StringIO(text, newline=""))
    found = {}
    if not old.strip():  # the file was created: its first line is the header
        next(reader, None)
    start = reader.line_num
    for row in reader:
        if row:
            found[(name, first_line + start)] = row[0]
        start = reader.line_num
    return found


def _named(problem, row_names: dict[tuple[str, int], str]) -> str:
    row_id = row_names.get((problem.file, problem.line))
    if row_id is None:
        return str(problem)
    column = f" [{problem.column}]" if problem.column else ""
    return f"{row_id} ({problem.file}:{problem.line}){column} {problem.message}"
