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

When the system refuses a step (a full disk, an input/output error, a read-only folder),
the writer says so in one sentence and cleans up after itself: before the commit point it
removes the temporary files it wrote and raises `StoreError` (nothing changed); after it,
the change is made, and the failure of a later step is returned as a warning (`Appended.
warnings`), since every reader already sees the new tables through the journal and the
next writer finishes the renames.
"""

from __future__ import annotations

import contextlib
import csv
import errno
import fcntl
import io
import json
import os
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path

LOCK_NAME = ".lock"
JOURNAL_NAME = ".journal"
TEMP_SUFFIX = ".tmp"
TEMP_PREFIX = ".pending-"


class StoreError(Exception):
    """A change could not be made; the tables are as they were."""


class Appended(dict):
    """The rows added to each file (file name -> rows), and what went wrong after the
    commit point, when something did: the change is made all the same."""

    def __init__(self, added=(), warnings=()):
        super().__init__(added)
        self.warnings: list[str] = list(warnings)


# What a refused system call means to the person running the command, and what to do.
_CAUSES = {
    errno.ENOSPC: ("the disk is full", "free some space, then try again"),
    errno.EDQUOT: ("the disk quota is used up", "free some space, then try again"),
    errno.EIO: (
        "the disk reported an input/output error",
        "check the disk or network drive, then try again",
    ),
    errno.EROFS: (
        "the folder is on a read-only file system",
        "work on a writable copy of the tables",
    ),
    errno.EACCES: (
        "permission to write there was denied",
        "run as a user who may write to the folder, or work on a copy",
    ),
    errno.EPERM: (
        "the system did not permit the write",
        "run as a user who may write to the folder, or work on a copy",
    ),
}


def explain_os_error(error: OSError) -> tuple[str, str]:
    """(what happened, what to do) for a refused system call, in plain words."""
    cause, advice = _CAUSES.get(
        error.errno, (error.strerror or str(error), "fix the cause, then try again")
    )
    where = f" at {error.filename}" if error.filename else ""
    return f"{cause}{where}", advice


def _refused(error: OSError, doing: str, leftovers: Sequence[Path] = ()) -> StoreError:
    cause, advice = explain_os_error(error)
    left = (
        f" (the temporary file {', '.join(str(path) for path in leftovers)} could not be "
        "removed; the next write removes it)"
        if leftovers
        else ""
    )
    return StoreError(f"{cause} while {doing}{left}; {advice}")


def _fsync_dir(directory: Path) -> None:
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_durably(path: Path, data: bytes) -> None:
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(descriptor, view) :]
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _remove_all(paths: Sequence[Path]) -> list[Path]:
    """Delete files a failed write left; returns those that could not be deleted."""
    kept = []
    for path in paths:
        try:
            path.unlink(missing_ok=True)
        except OSError:
            kept.append(path)
    return kept


@contextlib.contextmanager
def locked(directory: Path | str, shared: bool = False) -> Iterator[Path]:
    """Hold the folder's lock: exclusive for writers, shared for readers."""
    directory = Path(directory)
    try:
        directory.mkdir(parents=True, exist_ok=True)
        fd = os.open(directory / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as error:
        raise _refused(error, f"taking the lock of {directory}") from error
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
    Returns True when a journal was rolled forward. Raises StoreError (with the reason and
    what to do) when the system refuses a step; what was done by then stays done, and a
    later call goes on from there."""
    directory = Path(directory)
    journal = directory / JOURNAL_NAME
    rolled = False
    try:
        if journal.exists():
            try:
                renames = journal_renames(journal)
            except (StoreError, OSError) as error:
                raise StoreError(
                    f"{journal}: unreadable journal ({error}); fix it by hand"
                ) from error
            for temporary, final in renames:
                source = directory / temporary
                if source.exists():
                    os.replace(source, directory / final)
            _fsync_dir(directory)
            journal.unlink()
            _fsync_dir(directory)
            rolled = True
        for leftover in _temporary_files(directory):
            leftover.unlink(missing_ok=True)  # a change that never reached its commit point
        (directory / (JOURNAL_NAME + TEMP_SUFFIX)).unlink(missing_ok=True)
    except OSError as error:
        raise _refused(
            error, f"finishing an earlier change of {directory} (it stays as it was)"
        ) from error
    return rolled


def _temporary_files(directory: Path) -> list[Path]:
    """Temporary files of unfinished writes: the tables' and their attachments' (one
    folder down, such as the saved report texts)."""
    found = list(directory.glob(f"{TEMP_PREFIX}*{TEMP_SUFFIX}"))
    found += directory.glob(f"*/{TEMP_PREFIX}*{TEMP_SUFFIX}")
    return found


def _commit(directory: Path, contents: Mapping[str, bytes]) -> list[str]:
    """Steps 3-5 above; the caller holds the exclusive lock and has recovered.

    A refused step before the commit point removes the temporary files written so far and
    raises StoreError: nothing changed. A refused step after it is returned as a warning:
    the change is made (readers see it through the journal; the next writer finishes it)."""
    for name in contents:
        if Path(name).name != name or name.startswith("."):
            raise StoreError(f"{name!r} is not a plain file name in {directory}")
    renames: list[list[str]] = []
    journal_temporary = directory / (JOURNAL_NAME + TEMP_SUFFIX)
    written: list[Path] = []
    try:
        for name, data in contents.items():
            temporary = f"{TEMP_PREFIX}{os.getpid()}-{name}{TEMP_SUFFIX}"
            written.append(directory / temporary)
            _write_durably(directory / temporary, data)
            renames.append([temporary, name])
        written.append(journal_temporary)
        _write_durably(journal_temporary, json.dumps({"renames": renames}).encode("utf-8"))
        os.replace(journal_temporary, directory / JOURNAL_NAME)  # the commit point
    except OSError as error:
        leftovers = _remove_all(written)
        raise _refused(
            error, f"writing the new tables to {directory} (nothing was changed)", leftovers
        ) from error
    try:
        _fsync_dir(directory)
        for temporary, final in renames:
            os.replace(directory / temporary, directory / final)
        _fsync_dir(directory)
        (directory / JOURNAL_NAME).unlink()
        _fsync_dir(directory)
    except OSError as error:
        cause, _ = explain_os_error(error)
        return [
            f"the change is made and every reader sees it, but {cause} while finishing it; "
            f"its journal stays in {directory} and the next write there completes it"
        ]
    return []


def write_attachment(directory: Path, relative: str, data: bytes) -> bool:
    """Put a file one folder below the tables (such as `reports/<sha256>.txt`) atomically
    and durably; the caller holds the exclusive lock. A file already there with the same
    bytes is left alone; returns whether the file was written. Attachments are named by
    their content, so one without a row pointing at it (the change was then refused) is
    harmless. Raises StoreError when the system refuses a step; nothing is left behind."""
    folder_name, _, name = relative.partition("/")
    if not (_is_plain_name(folder_name) and _is_plain_name(name)) or name.startswith("."):
        raise StoreError(f"{relative!r} is not a file name in a folder of {directory}")
    folder = directory / folder_name
    final = folder / name
    temporary = folder / f"{TEMP_PREFIX}{os.getpid()}-{name}{TEMP_SUFFIX}"
    try:
        if final.is_file() and final.read_bytes() == data:
            return False
        folder.mkdir(exist_ok=True)
        _write_durably(temporary, data)
        os.replace(temporary, final)
        _fsync_dir(folder)
    except OSError as error:
        leftovers = _remove_all([temporary])
        raise _refused(error, f"saving {final} (nothing was changed)", leftovers) from error
    return True


def write_tables(directory: Path | str, contents: Mapping[str, bytes]) -> list[str]:
    """Replace several files of a folder in one all-or-nothing change. Returns warnings
    about steps refused after the commit point (the change is made all the same)."""
    with locked(directory) as folder:
        recover(folder)
        return _commit(folder, contents)


def read_tables(directory: Path | str, names: Sequence[str]) -> dict[str, bytes]:
    """The current bytes of several files, all from the same committed change. A missing
    file reads as empty bytes."""
    directory = Path(directory)
    if (directory / JOURNAL_NAME).exists() or _temporary_files(directory):
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
    rows_by_file: Mapping[str, Sequence[Mapping[str, object]]] | Callable[..., Mapping],
    headers: Mapping[str, Sequence[str]],
    key_columns: Mapping[str, Sequence[str]],
    check=None,
    attachments: Mapping[str, bytes] | None = None,
    dry_run: bool = False,
) -> Appended:
    """Append rows to several CSV files as one change, skipping rows whose key is present.

    Everything that depends on the tables happens under the exclusive lock, on the tables
    as they are then: `rows_by_file` may be a function of the current bytes of every file
    in `headers` (name -> bytes, empty when missing) returning the rows to append; it may
    raise to cancel the change. The existing bytes of each file are kept as they are; new
    rows are added at the end in the file's column order. `check(contents)`, if given,
    sees the would-be contents of every file and may raise StoreError to cancel the
    change. `attachments` (path one folder down -> bytes, see `write_attachment`) are
    saved before the tables' commit point, and only when some row is added. Returns the
    rows added to each file, with any warning from after the commit point. A dry run
    plans and checks the change, then writes nothing; it returns the rows it would add."""
    directory = Path(directory)
    added = Appended()
    with locked(directory) as folder:
        recover(folder)
        current = _read_current(folder, headers)
        planned = rows_by_file(dict(current)) if callable(rows_by_file) else rows_by_file
        contents: dict[str, bytes] = {}
        for name, rows in planned.items():
            data = current[name]
            header = list(headers[name])
            ending = _line_ending(data)
            try:
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
            except (UnicodeDecodeError, csv.Error) as error:
                raise StoreError(
                    f"{folder / name} cannot be read as CSV ({error}), so nothing was changed; "
                    "run `python -m indicators validate` and fix it first"
                ) from error
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
            check({name: contents.get(name, current[name]) for name in headers})
        if dry_run:
            return added
        for relative, data in (attachments or {}).items():
            write_attachment(folder, relative, data)
        added.warnings += _commit(folder, contents)
    return added


def _read_current(folder: Path, names) -> dict[str, bytes]:
    current = {}
    for name in names:
        path = folder / name
        try:
            current[name] = path.read_bytes() if path.exists() else b""
        except OSError as error:
            raise _refused(error, f"reading {path} (nothing was changed)") from error
    return current
