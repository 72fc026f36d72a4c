"""One version per content of the tables, and the citation of that version.

The version is the start of a SHA-256 over a canonical JSON form of every table (the
schema's columns in the schema's order, every row in file order, each value typed: text,
number, integer, date, boolean or empty). The same tables give the same version on any
machine; a changed, added, removed or reordered row gives another. Every export (the bundle,
the JSON snapshot) and the dashboard state it, with the day of the newest report.
"""

from __future__ import annotations

import hashlib
import json
import math
from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd

from indicators import schema

VERSION_LENGTH = 12  # hex characters: 48 bits, no clash in any realistic number of versions
PACKAGE_TITLE = "Cited humanitarian indicators"
# There is no published address of the dataset; a citation says so instead of inventing one.
URL_PLACEHOLDER = "[address where this copy is published; none is given by the dataset itself]"


@dataclass(frozen=True)
class Release:
    version: str
    newest_report: date | None  # the latest `sources.published`

    @property
    def newest_report_text(self) -> str:
        return self.newest_report.isoformat() if self.newest_report else "no report date"


# --------------------------------------------------------------------------- Canonical values


def _none_where(values: list, missing: np.ndarray) -> list:
    for position in np.flatnonzero(missing):
        values[position] = None
    return values


def _text_values(series: pd.Series) -> list:
    text = series.astype("string")
    missing = (text.isna() | (text == "")).to_numpy(dtype=bool, na_value=True)
    return _none_where(text.fillna("").tolist(), missing)


def _number(value: float) -> object:
    if math.isnan(value):
        return None
    if math.isinf(value):
        return "inf" if value > 0 else "-inf"  # JSON has no infinity; the loader refuses it
    if value.is_integer() and abs(value) < 2.0**53:
        return int(value)  # 95, as the CSV writes it, not 95.0
    return value


def _number_values(series: pd.Series) -> list:
    try:
        numbers = pd.to_numeric(series).astype("float64").to_numpy(na_value=np.nan)
    except (TypeError, ValueError):
        return _text_values(series)  # not numbers: kept as the text they are
    return [_number(float(value)) for value in numbers]


def _integer_values(series: pd.Series) -> list:
    try:
        integers = pd.to_numeric(series).astype("Int64")
    except (TypeError, ValueError):
        return _number_values(series)
    return [None if value is pd.NA else int(value) for value in integers]


def _date_values(series: pd.Series) -> list:
    if not pd.api.types.is_datetime64_any_dtype(series.dtype):
        try:
            series = pd.to_datetime(series, format="ISO8601")
        except (TypeError, ValueError):
            return _text_values(series)
    present = series.dropna()
    has_time = bool((present != present.dt.normalize()).any())
    text = series.dt.strftime("%Y-%m-%dT%H:%M:%S" if has_time else "%Y-%m-%d")
    return _text_values(text)


def _boolean_values(series: pd.Series) -> list:
    def one(value: object) -> object:
        if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
            return None
        if isinstance(value, bool | np.bool_):
            return bool(value)
        return {"true": True, "false": False}.get(str(value), str(value))

    return [one(value) for value in series.astype(object)]


_CONVERTERS = {
    schema.TEXT: _text_values,
    schema.NUMBER: _number_values,
    schema.INTEGER: _integer_values,
    schema.DATE: _date_values,
    schema.BOOLEAN: _boolean_values,
}


def json_columns(frame: pd.DataFrame, table: schema.Table) -> dict[str, list]:
    """Each schema column of `frame` as a list of JSON values (None for an empty cell).

    A schema column the frame lacks is all empty, as the loader reads a missing optional
    column.
    """
    columns: dict[str, list] = {}
    for column in table.columns:
        if column.name in frame.columns:
            columns[column.name] = _CONVERTERS[column.kind](frame[column.name])
        else:
            columns[column.name] = [None] * len(frame)
    return columns


# --------------------------------------------------------------------------- Version


def _canonical(name: str, columns: dict[str, list]) -> bytes:
    text = json.dumps(
        [name, list(columns), list(columns.values())],
        ensure_ascii=False,
        allow_nan=False,
        separators=(",", ":"),
    )
    return text.encode("utf-8")


def version_of_columns(columns_by_table: dict[str, dict[str, list]]) -> str:
    """The version of tables already in canonical form (see `json_columns`)."""
    digest = hashlib.sha256()
    for table in schema.TABLES.values():
        columns = columns_by_table[table.name]
        digest.update(hashlib.sha256(_canonical(table.name, columns)).digest())
    return digest.hexdigest()[:VERSION_LENGTH]


def dataset_version(tables: dict[str, pd.DataFrame]) -> str:
    """The content version of the four tables: equal tables, equal version."""
    return version_of_columns(
        {table.name: json_columns(tables[table.name], table) for table in schema.TABLES.values()}
    )


def newest_report(tables: dict[str, pd.DataFrame]) -> date | None:
    """The latest publication day among the sources, or None without a dated source."""
    sources = tables.get("sources")
    if sources is None or "published" not in sources.columns or sources.empty:
        return None
    published = pd.to_datetime(sources["published"], errors="coerce").dropna()
    return published.max().date() if not published.empty else None


def release_of(tables: dict[str, pd.DataFrame]) -> Release:
    return Release(version=dataset_version(tables), newest_report=newest_report(tables))


# --------------------------------------------------------------------------- Citation


def citation(release: Release, url: str | None = None) -> str:
    """The ready citation of one version of the dataset.

    `url` is where the copy being cited is published; without one the citation carries a
    marked placeholder, since the dataset has no address of its own.
    """
    return (
        f"{PACKAGE_TITLE}, version {release.version}, {release.newest_report_text}, "
        f"{url or URL_PLACEHOLDER}."
    )


CITATION_NOTE = (
    "The version is derived from the tables' content (the same tables always give the same "
    "version) and the date is that of the newest report in it. Cite each figure also to its "
    "original report: publisher, title and date, and to whom the report attributes it."
)


def how_to_cite(release: Release, url: str | None = None) -> str:
    """The "How to cite" text: the dataset's citation, then how to cite one figure."""
    return f"Cite this dataset as: {citation(release, url)} {CITATION_NOTE}"
