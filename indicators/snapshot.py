"""The static JSON snapshot: one file of records per table and an `index.json`.

The files can be served as they are from any static host as a read-only API. Each table file
is a JSON array of records whose keys are the CSV's column names, in the schema's order;
values are typed (numbers, whole numbers, `YYYY-MM-DD` dates, booleans) and an empty cell is
`null`. Text is exactly as in the tables: nothing is prefixed for spreadsheets here.

`index.json` names each file with its row count, size and SHA-256, and gives the snapshot's
version (see `indicators.release`), the day of the newest report and the citation.
"""

from __future__ import annotations

import hashlib
import json
from datetime import date
from pathlib import Path

import pandas as pd

from indicators import release, schema

INDEX_NAME = "index.json"
FORMAT_NAME = "cited-humanitarian-indicators-snapshot"
FORMAT_VERSION = 1


class SnapshotError(ValueError):
    """A snapshot folder that cannot be read back: the message says which file and why."""


def file_name(table: schema.Table) -> str:
    return f"{table.name}.json"


def records_json(columns: dict[str, list]) -> bytes:
    """The records of one table, one per line, as a JSON array."""
    names = list(columns)
    lines = [
        json.dumps(dict(zip(names, row)), ensure_ascii=False, allow_nan=False)
        for row in zip(*columns.values())
    ]
    body = ",\n".join(lines)
    return (f"[\n{body}\n]\n" if lines else "[]\n").encode("utf-8")


def build_snapshot(
    tables: dict[str, pd.DataFrame], today: date, *, licence: dict | None = None
) -> dict[str, bytes]:
    """File name -> bytes of every file of the snapshot, `index.json` included.

    The same tables and the same `today` give the same bytes.
    """
    columns_by_table = {
        table.name: release.json_columns(tables[table.name], table)
        for table in schema.TABLES.values()
    }
    this = release.Release(
        version=release.version_of_columns(columns_by_table),
        newest_report=release.newest_report(tables),
    )
    files: dict[str, bytes] = {}
    entries = []
    for table in schema.TABLES.values():
        data = records_json(columns_by_table[table.name])
        name = file_name(table)
        files[name] = data
        entries.append(
            {
                "table": table.name,
                "title": table.title,
                "description": table.description,
                "path": name,
                "rows": len(tables[table.name]),
                "bytes": len(data),
                "sha256": hashlib.sha256(data).hexdigest(),
                "fields": table.column_names,
            }
        )
    index = {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "title": release.PACKAGE_TITLE,
        "version": this.version,
        "newest_report": this.newest_report.isoformat() if this.newest_report else None,
        "exported": today.isoformat(),
        "citation": release.citation(this),
        "files": entries,
    }
    if licence:
        index["licence"] = licence
    files[INDEX_NAME] = (json.dumps(index, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
    return files


# --------------------------------------------------------------------------- Reading back


def _typed(records: list[dict], table: schema.Table, file: str) -> pd.DataFrame:
    """Records as a frame typed as the loader types a table."""
    for number, record in enumerate(records, start=1):
        if not isinstance(record, dict):
            raise SnapshotError(f"{file}: record {number} is not an object")
        unknown = set(record) - set(table.column_names)
        if unknown:
            raise SnapshotError(f"{file}: record {number} has unknown field(s) {sorted(unknown)}")
    columns = {}
    for column in table.columns:
        values = [record.get(column.name) for record in records]
        try:
            columns[column.name] = _typed_column(values, column)
        except (TypeError, ValueError, OverflowError) as error:
            raise SnapshotError(
                f"{file}: field {column.name} holds a value that is not a {column.kind} ({error})"
            ) from None
    return pd.DataFrame(columns)


def _typed_column(values: list, column: schema.Column) -> pd.Series:
    if column.kind == schema.TEXT:
        if any(not isinstance(value, str | None) for value in values):
            raise TypeError("not text")
        return pd.Series(["" if value is None else value for value in values], dtype="str")
    if column.kind == schema.NUMBER:
        if any(isinstance(value, bool | str) for value in values):
            raise TypeError("not a number")
        return pd.Series(values, dtype="float64")
    if column.kind == schema.INTEGER:
        if any(isinstance(value, bool) or not isinstance(value, int | None) for value in values):
            raise TypeError("not a whole number")
        return pd.Series(values, dtype="Int64")
    if column.kind == schema.DATE:
        return pd.to_datetime(pd.Series(values, dtype="str"), format="%Y-%m-%d")
    return pd.Series(values, dtype="boolean")


def _load_json(path: Path) -> object:
    try:
        return json.loads(path.read_bytes().decode("utf-8"))
    except OSError as error:
        raise SnapshotError(f"{path.name}: cannot be read ({error.strerror or error})") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise SnapshotError(f"{path.name}: not valid UTF-8 JSON ({error})") from None


def read_snapshot(folder: Path | str) -> tuple[dict, dict[str, pd.DataFrame]]:
    """The index and every table of a snapshot folder, each file checked against its hash."""
    folder = Path(folder)
    index = _load_json(folder / INDEX_NAME)
    if not isinstance(index, dict) or not isinstance(index.get("files"), list):
        raise SnapshotError(f"{INDEX_NAME}: has no list of files")
    tables: dict[str, pd.DataFrame] = {}
    for entry in index["files"]:
        table = schema.TABLES.get(entry.get("table")) if isinstance(entry, dict) else None
        if table is None:
            raise SnapshotError(f"{INDEX_NAME}: names an unknown table: {entry!r}")
        path = folder / file_name(table)
        try:
            data = path.read_bytes()
        except OSError as error:
            raise SnapshotError(
                f"{path.name}: cannot be read ({error.strerror or error})"
            ) from None
        if hashlib.sha256(data).hexdigest() != entry.get("sha256"):
            raise SnapshotError(f"{path.name}: its SHA-256 is not the one {INDEX_NAME} gives")
        records = _load_json(path)
        if not isinstance(records, list) or len(records) != entry.get("rows"):
            raise SnapshotError(f"{path.name}: does not hold the {entry.get('rows')} records")
        tables[table.name] = _typed(records, table, path.name)
    return index, tables
