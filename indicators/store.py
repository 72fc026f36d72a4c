"""Write several CSV tables of a folder as one change: all of them move, or none does.

How a change is made (`write_tables`):
1. Take the folder's lock (`.lock`, an exclusive `fcntl.flock`), so that two writers
   queue up instead of losing each other's rows.
2. Finish any change a crashed writer left behind (see `recover`).
3. Write each new table to a temporary file beside it and fsync it.
4. Write the journal: the list of renames to do. It is written to a temporary name,
   fsynced, then renamed to `.journal`. That rename is the commit point.
5. Rename every temporary file over its table (`os.replace`, atomic on POSIX), fsync the
   folder, delete the journal, fsync the folder again.

Each table file is, at every instant, byte for byte either its old or its new content,
since it only ever changes by an atomic rename. If the process dies before step 4, the
journal does not exist and the change is simply dropped (leftover temporary files are
deleted later). If it dies after step 4, the next reader or writer that takes the lock
finds the journal and finishes the renames ("rolls forward"). Readers that want all tables
from the same change use `read_tables`, which takes the lock in shared mode. A reader that
must not write (the loader, which may run on a read-only folder) takes the shared lock when
it can (`shared_lock_if_possible`) and, if a journal is waiting, reads the new tables from
the temporary files it names (`pending_files`) instead of rolling forward.
"""

from __future__ import annotations

import contextlib
import csv
import fcntl
import io
import json
import os
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

LOCK_NAME = ".lock"
JOURNAL_NAME = ".journal"
TEMP_SUFFIX = ".tmp"
TEMP_PREFIX = ".pending-"


class StoreError(Exception):
    """A change could not be made; the tables are as they were."""


def _fsync_dir(directory: Path) -> None:
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_durably(path: Path, data: bytes) -> None:
    with open(path, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


@contextlib.contextmanager
def locked(directory: Path | str, shared: bool = False) -> Iterator[Path]:
    """Hold the folder's lock: exclusive for writers, shared for readers."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    fd = os.open(directory / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_SH if shared else fcntl.LOCK_EX)
        yield directory
    finally:
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)


def journal_renames(journal: Path) -> list[tuple[str, str]]:
    """The (temporary, final) file names a journal lists. Raises OSError when the file
    cannot be read (FileNotFoundError when there is none) and StoreError, with the reason,
    when its content is not a list of renames between plain file names."""
    data = journal.read_bytes()
    try:
        content = json.loads(data.decode("utf-8"))
    except ValueError as error:  # also bytes that are not UTF-8
        raise StoreError(f"not valid JSON: {error}") from error
    renames = content.get("renames") if isinstance(content, dict) else None
    if not isinstance(renames, list):
        raise StoreError("it holds no list of renames")
    checked = []
    for entry in renames:
        # Plain names only: a damaged journal must not move or expose files elsewhere.
        if (
            not isinstance(entry, list)
            or len(entry) != 2
            or not all(isinstance(name, str) and _is_plain_name(name) for name in entry)
        ):
            raise StoreError(f"{entry!r} is not a rename between two file names")
        checked.append((entry[0], entry[1]))
    return checked


def _is_plain_name(name: str) -> bool:
    return Path(name).name == name and name not in ("", ".", "..")


def pending_files(directory: Path | str) -> dict[str, str]:
    """What the folder's tables will be once a writer's unfinished change is rolled forward:
    final file name -> temporary file name that holds its new content. Empty when no
    journal is waiting. Writes nothing, so it works on a read-only folder. Raises
    StoreError (with the reason) when the journal cannot be read.

    A temporary file named here may be gone already (its rename was done before the crash,
    or a live writer is renaming it now); its final file then holds the new content."""
    journal = Path(directory) / JOURNAL_NAME
    try:
        renames = journal_renames(journal)
    except FileNotFoundError:
        return {}
    except OSError as error:
        raise StoreError(f"cannot be read: {error.strerror}") from error
    return {final: temporary for temporary, final in renames}


@contextlib.contextmanager
def shared_lock_if_possible(directory: Path | str) -> Iterator[bool]:
    """Hold the folder's lock in shared mode for a reader, when the folder has one; yields
    whether it is held. A reader writes nothing: it opens an existing `.lock` read-only
    (flock needs no write access) and never creates one. A folder without `.lock` has never
    been written through the store, and a first writer's half-done change is still read
    whole through its journal. Do not call it while this process holds the exclusive lock:
    it would wait for itself."""
    try:
        descriptor: int | None = os.open(Path(directory) / LOCK_NAME, os.O_RDONLY)
    except OSError:
        descriptor = None
    if descriptor is not None:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_SH)
        except OSError:  # a file system without locks
            os.close(descriptor)
            descriptor = None
    try:
        yield descriptor is not None
    finally:
        if descriptor is not None:
            fcntl.flock(descriptor, fcntl.LOCK_UN)
            os.close(descriptor)


def recover(directory: Path | str) -> bool:
    """Finish or drop a change a crashed writer left. Call with the exclusive lock held.
    Returns True when a journal was rolled forward."""
    directory = Path(directory)
    journal = directory / JOURNAL_NAME
    rolled = False
    if journal.exists():
        try:
            renames = journal_renames(journal)
        except (StoreError, OSError) as error:
            raise StoreError(f"{journal}: unreadable journal ({error}); fix it by hand") from error
        for temporary, final in renames:
            source = directory / temporary
            if source.exists():
                os.replace(source, directory / final)
        _fsync_dir(directory)
        journal.unlink()
        _fsync_dir(directory)
        rolled = True
    for leftover in directory.glob(f"{TEMP_PREFIX}*{TEMP_SUFFIX}"):
        leftover.unlink(missing_ok=True)  # a change that never reached its commit point
    (directory / (JOURNAL_NAME + TEMP_SUFFIX)).unlink(missing_ok=True)
    return rolled


def _commit(directory: Path, contents: Mapping[str, bytes]) -> None:
    """Steps 3-5 above; the caller holds the exclusive lock and has recovered."""
    renames = []
    for name, data in contents.items():
        if Path(name).name != name or name.startswith("."):
            raise StoreError(f"{name!r} is not a plain file name in {directory}")
        temporary = f"{TEMP_PREFIX}{os.getpid()}-{name}{TEMP_SUFFIX}"
        _write_durably(directory / temporary, data)
        renames.append([temporary, name])
    journal_temporary = directory / (JOURNAL_NAME + TEMP_SUFFIX)
    _write_durably(journal_temporary, json.dumps({"renames": renames}).encode("utf-8"))
    os.replace(journal_temporary, directory / JOURNAL_NAME)  # the commit point
    _fsync_dir(directory)
    for temporary, final in renames:
        os.replace(directory / temporary, directory / final)
    _fsync_dir(directory)
    (directory / JOURNAL_NAME).unlink()
    _fsync_dir(directory)


def write_tables(directory: Path | str, contents: Mapping[str, bytes]) -> None:
    """Replace several files of a folder in one all-or-nothing change."""
    with locked(directory) as folder:
        recover(folder)
        _commit(folder, contents)


def read_tables(directory: Path | str, names: Sequence[str]) -> dict[str, bytes]:
    """The current bytes of several files, all from the same committed change. A missing
    file reads as empty bytes."""
    directory = Path(directory)
    if (directory / JOURNAL_NAME).exists() or any(directory.glob(f"{TEMP_PREFIX}*{TEMP_SUFFIX}")):
        with locked(directory) as folder:  # a writer died: finish or drop its change first
            recover(folder)
    with locked(directory, shared=True) as folder:
        return {
            name: (folder / name).read_bytes() if (folder / name).exists() else b""
            for name in names
        }


# ---------------------------------------------------------------------------- appending rows


def _line_ending(data: bytes) -> str:
    return "\r\n" if b"\r\n" in data[:4096] else "\n"


def _rows_to_bytes(
    header: Sequence[str], rows: Sequence[Mapping[str, object]], ending: str
) -> bytes:
    buffer = io.StringIO()
    writer = csv.DictWriter(
        buffer, fieldnames=list(header), lineterminator=ending, extrasaction="ignore"
    )
    for row in rows:
        writer.writerow({key: _cell(row.get(key)) for key in header})
    return buffer.getvalue().encode("utf-8")


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return f"{value:.10g}" if value != int(value) else str(int(value))
    return str(value)


def existing_keys(data: bytes, key_columns: Sequence[str]) -> set[tuple[str, ...]]:
    if not data.strip():
        return set()
    reader = csv.DictReader(io.StringIO(data.decode("utf-8-sig")))
    return {tuple((row.get(column) or "") for column in key_columns) for row in reader}


def append_rows(
    directory: Path | str,
    rows_by_file: Mapping[str, Sequence[Mapping[str, object]]],
    headers: Mapping[str, Sequence[str]],
    key_columns: Mapping[str, Sequence[str]],
    check=None,
) -> dict[str, list]:
    """Append rows to several CSV files as one change, skipping rows whose key is present.

    The existing bytes of each file are kept as they are; new rows are added at the end in
    the file's column order. `check(contents)`, if given, sees the would-be contents of every
    file (name -> bytes) and may raise StoreError to cancel the change. Returns the rows added
    to each file."""
    directory = Path(directory)
    added: dict[str, list] = {}
    with locked(directory) as folder:
        recover(folder)
        contents: dict[str, bytes] = {}
        for name, rows in rows_by_file.items():
            path = folder / name
            data = path.read_bytes() if path.exists() else b""
            header = list(headers[name])
            ending = _line_ending(data)
            if not data.strip():
                data = _rows_to_bytes(header, [dict(zip(header, header))], ending)
            elif not data.endswith(b"\n"):
                data += ending.encode()
            else:
                first_line = data.decode("utf-8-sig").splitlines()[0]
                present = next(csv.reader([first_line]))
                if present != header:
                    header = present  # write in the file's own column order
            keys = existing_keys(data, key_columns[name])
            fresh = []
            for row in rows:
                key = tuple(_cell(row.get(column)) for column in key_columns[name])
                if key in keys:
                    continue
                keys.add(key)
                fresh.append(row)
            added[name] = fresh
            if fresh:
                contents[name] = data + _rows_to_bytes(header, fresh, ending)
        if not contents:
            return added
        if check is not None:
            current = {}
            for name in headers:
                path = folder / name
                current[name] = contents.get(name, path.read_bytes() if path.exists() else b"")
            check(current)
        _commit(folder, contents)
    return added
