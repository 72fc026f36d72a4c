"""Downloads: safe CSV, HXL-tagged CSV, the whole dataset as one zip, the JSON snapshot.

The `export` command that writes them is in `indicators.export_command`.

Every CSV written here is UTF-8 with a byte-order mark (so spreadsheet programs read curly
quotes and non-Latin text correctly), comma-separated, with CRLF line ends (RFC 4180).
Dates are YYYY-MM-DD, whole numbers carry no ``.0``, booleans are ``true``/``false`` and a
missing value is an empty cell.

Text cells are made safe to open in a spreadsheet (OWASP CSV injection): a text cell that
starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return, also after leading
whitespace, gets a single quote ``'`` in front so it is shown as text and never run as a
formula. Cells of numeric, date and boolean columns are never changed, so -3 stays -3.
"""

from __future__ import annotations

import csv
import io
import os
import secrets
import zipfile
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd

from indicators import bundle, hdx_metadata, release, schema, snapshot

BOM = "\ufeff"
LINE_END = "\r\n"
NEUTRALISING_PREFIX = "'"

# Characters a spreadsheet may read as the start of a formula, and the whitespace it may
# skip before them. Written as literal characters so the pattern means the same to
# Python's re and to the Arrow (RE2) engine behind pandas' string columns.
_FORMULA_STARTS = "=+\\-@\t\r\uff1d\uff0b\uff0d\uff20"  # with the full-width = + - @
_LEADING_SPACE = " \t\n\x0b\x0c\r\u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff"
FORMULA_PATTERN = f"^[{_LEADING_SPACE}]*[{_FORMULA_STARTS}]"

# Floats with a larger magnitude are not written through int64, which is exact only below 2**53.
_EXACT_INTEGER_LIMIT = 2.0**53


# --------------------------------------------------------------------------- Cells


def neutralise_text(text: pd.Series) -> pd.Series:
    """Prefix a quote to every text cell a spreadsheet could read as a formula."""
    risky = text.str.match(FORMULA_PATTERN).fillna(False).astype(bool)
    if not risky.any():
        return text
    return text.where(~risky, NEUTRALISING_PREFIX + text)


def _format_numbers(series: pd.Series) -> pd.Series:
    """Shortest plain form of each number: 95 not 95.0, 33.3 stays 33.3, NaN empty."""
    values = series.to_numpy(dtype="float64", na_value=np.nan)
    out = np.full(len(values), "", dtype=object)
    finite = np.isfinite(values)
    whole = finite & (np.floor(values) == values) & (np.abs(values) < _EXACT_INTEGER_LIMIT)
    out[whole] = values[whole].astype(np.int64).astype(str)
    fractional = finite & ~whole
    if fractional.any():
        shortest = values[fractional].astype(str)  # shortest repr that reads back exactly
        scientific = np.char.find(shortest, "e") >= 0
        if scientific.any():  # 1e-07 -> 0.0000001: spreadsheets and readers agree on it
            shortest = shortest.astype(object)
            shortest[scientific] = [
                np.format_float_positional(value, trim="-")
                for value in values[fractional][scientific]
            ]
        out[fractional] = shortest
    infinite = np.isinf(values)
    out[infinite] = np.where(values[infinite] > 0, "inf", "-inf")
    return pd.Series(out, index=series.index, dtype=object)


def _format_booleans(series: pd.Series) -> pd.Series:
    return series.map({True: "true", False: "false"}).astype(object).where(series.notna(), "")


def _format_datetimes(series: pd.Series) -> pd.Series:
    present = series.dropna()
    has_time = bool((present != present.dt.normalize()).any())
    formatted = series.dt.strftime("%Y-%m-%dT%H:%M:%S" if has_time else "%Y-%m-%d")
    return formatted.astype(object).where(series.notna(), "")


def _format_text(series: pd.Series) -> pd.Series:
    text = series.astype("str").where(series.notna(), "")
    return neutralise_text(text)


def _format_cell(value: object) -> str:
    """One cell of a column that mixes kinds (rare; the typed columns are vectorised)."""
    if value is None or value is pd.NA or value is pd.NaT:
        return ""
    if isinstance(value, bool | np.bool_):
        return "true" if value else "false"
    if isinstance(value, int | np.integer):
        return str(int(value))  # exact, however large
    if isinstance(value, float | np.floating):
        return _format_numbers(pd.Series([value], dtype="float64")).iloc[0]
    if isinstance(value, pd.Timestamp | date):
        return _format_datetimes(pd.Series(pd.to_datetime([value]))).iloc[0]
    return _format_text(pd.Series([str(value)], dtype="str")).iloc[0]


def format_column(series: pd.Series) -> pd.Series:
    """Every cell of a column as the text written to the CSV."""
    dtype = series.dtype
    if isinstance(dtype, pd.CategoricalDtype):
        return format_column(series.astype(dtype.categories.dtype))
    if pd.api.types.is_bool_dtype(dtype):
        return _format_booleans(series)
    if pd.api.types.is_datetime64_any_dtype(dtype):
        return _format_datetimes(series)
    if pd.api.types.is_integer_dtype(dtype):
        return series.astype("string").fillna("").astype(object)
    if pd.api.types.is_numeric_dtype(dtype):
        return _format_numbers(series)
    if pd.api.types.is_string_dtype(dtype) and not pd.api.types.is_object_dtype(dtype):
        return _format_text(series)
    kind = pd.api.types.infer_dtype(series, skipna=True)
    if kind in ("string", "empty"):
        return _format_text(series)
    if kind == "boolean":
        return _format_booleans(series)
    if kind in ("integer", "floating", "mixed-integer-float", "decimal"):
        return _format_numbers(pd.to_numeric(series))
    if kind in ("date", "datetime", "datetime64"):
        return _format_datetimes(pd.to_datetime(series))
    return series.map(_format_cell).astype(object)


# --------------------------------------------------------------------------- Files


def _csv_line(cells: list[str]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator=LINE_END).writerow(cells)
    return buffer.getvalue()


def safe_header(frame: pd.DataFrame) -> list[str]:
    names = pd.Series([str(name) for name in frame.columns], dtype="str")
    return neutralise_text(names).tolist()


def csv_body(frame: pd.DataFrame) -> str:
    """The data rows (no header) as CSV text, every cell formatted and made safe."""
    if frame.empty:
        return ""
    cells = pd.DataFrame(
        {position: format_column(frame.iloc[:, position]) for position in range(frame.shape[1])}
    )
    return cells.to_csv(index=False, header=False, lineterminator=LINE_END)


def _encode(lines: list[str], body: str) -> bytes:
    return (BOM + "".join(lines) + body).encode("utf-8")


def hxl_tags(columns: list[str], table_name: str) -> list[str]:
    """The HXL hashtag of each column, from the schema; empty for a column it does not know.

    A column of `table_name` gets that table's tag; a column joined in from another table
    (a view of observations with the source's `publisher`) gets the tag it has there.

    The observations' `value` column keeps the generic ``#indicator+value+num`` on every
    row: HXL gives one hashtag per column, and each indicator's own tag is in
    ``indicators.hxl_tag`` (join on ``indicator_id``).
    """
    if table_name not in schema.TABLES:
        known = ", ".join(schema.TABLES)
        raise ValueError(f"unknown table {table_name!r}; expected one of {known}")
    known_tags: dict[str, str] = {}
    for table in (schema.TABLES[table_name], *schema.TABLES.values()):
        for column in table.columns:
            known_tags.setdefault(column.name, column.hxl)
    return [known_tags.get(str(name), "") for name in columns]


def to_csv_bytes(frame: pd.DataFrame) -> bytes:
    """The frame as a safe CSV file (see the module docstring); the index is left out."""
    return _encode([_csv_line(safe_header(frame))], csv_body(frame))


def to_hxl_csv_bytes(frame: pd.DataFrame, table_name: str) -> bytes:
    """Like `to_csv_bytes`, with the HXL hashtag row right under the header.

    `table_name` is one of the schema's tables; see `hxl_tags` for which tag each column
    gets (an empty cell for a column the schema does not know).
    """
    tags = hxl_tags(list(frame.columns), table_name)
    return _encode([_csv_line(safe_header(frame)), _csv_line(tags)], csv_body(frame))


def _schema_frame(tables: dict[str, pd.DataFrame], table: schema.Table) -> pd.DataFrame:
    if table.name not in tables:
        raise ValueError(f"the bundle needs the {table.name} table")
    frame = tables[table.name]
    missing = [name for name in table.column_names if name not in frame.columns]
    if missing:
        raise ValueError(f"{table.name} lacks column(s) {', '.join(missing)}")
    return frame[table.column_names]  # schema order; columns outside the schema are left out


def _zip_time(today: date) -> tuple[int, int, int, int, int, int]:
    return (max(today.year, 1980), today.month, today.day, 0, 0, 0)  # zip cannot go before 1980


def _zip(files: dict[str, bytes], today: date) -> bytes:
    """A zip that depends only on its input: sorted entries, fixed times and permissions."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in sorted(files):
            info = zipfile.ZipInfo(name, date_time=_zip_time(today))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3  # Unix, whatever machine writes it
            info.external_attr = 0o100644 << 16
            archive.writestr(info, files[name], compresslevel=6)
    return buffer.getvalue()


def build_bundle(
    tables: dict[str, pd.DataFrame], today: date, *, sources_note: str | None = None
) -> bytes:
    """The whole dataset as one zip: safe CSVs, HXL copies, datapackage.json, README.md and
    the HDX dataset metadata (hdx_dataset.json), all stating the tables' content version.

    Each table is written with the schema's columns in the schema's order. `today` is the
    export date written into the metadata and the zip entries, so the same tables and the
    same `today` always give the same bytes. `sources_note`, when given, is printed in the
    README and the package description (for example how the quotes were checked).
    """
    files: dict[str, bytes] = {}
    data_files: dict[str, bytes] = {}
    row_counts: dict[str, int] = {}
    for table in schema.TABLES.values():
        frame = _schema_frame(tables, table)
        header = _csv_line(safe_header(frame))
        tags = _csv_line(hxl_tags(list(frame.columns), table.name))
        body = csv_body(frame)  # formatted once, written twice
        data_files[table.name] = _encode([header], body)
        files[f"{bundle.DATA_FOLDER}/{table.file_name}"] = data_files[table.name]
        files[f"{bundle.HXL_FOLDER}/{table.file_name}"] = _encode([header, tags], body)
        row_counts[table.name] = len(frame)

    sources = _schema_frame(tables, schema.SOURCES)
    source_rows = pd.DataFrame(
        {name: format_column(sources[name]) for name in ("publisher", "title", "url", "published")}
    ).to_dict("records")
    this = release.release_of(tables)
    files[bundle.DESCRIPTOR_NAME] = bundle.datapackage_json(
        data_files, source_rows, today, sources_note=sources_note, this=this
    )
    files[bundle.README_NAME] = bundle.readme_markdown(
        row_counts, source_rows, today, sources_note=sources_note, this=this
    )
    files[bundle.HDX_NAME] = hdx_metadata.hdx_dataset_json(tables, this)
    return _zip(files, today)


def write_snapshot(folder: Path, tables: dict[str, pd.DataFrame], today: date) -> dict[str, bytes]:
    """Write the JSON snapshot into `folder` (made if missing): the tables first, the index
    last, each file atomically, so a reader that finds the index finds its files."""
    licence = {
        "name": bundle.LICENSE_NAME,
        "path": bundle.LICENSE_URL,
        "title": bundle.LICENSE_SCOPE,
    }
    files = snapshot.build_snapshot(tables, today, licence=licence)
    folder.mkdir(exist_ok=True)
    for name in sorted(files, key=lambda name: name == snapshot.INDEX_NAME):
        write_atomically(folder / name, files[name])
    return files


# --------------------------------------------------------------------------- Writing


def write_atomically(path: Path, data: bytes) -> None:
    """Write to a temporary file beside `path`, then rename it over `path`.

    A reader never sees half a file, and an interrupted write leaves the old file as it
    was and no temporary file behind.
    """
    path = Path(path)
    temporary = path.parent / f".{path.name}.{secrets.token_hex(6)}.tmp"
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
