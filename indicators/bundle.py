"""The bundle's metadata: the Frictionless ``datapackage.json`` and the ``README.md``.

Both are generated from the table contract in `indicators.schema`, so the column
descriptions users read are the ones the loader checks against. The zip itself and its
CSV files are made by `indicators.exports.build_bundle`.
"""

from __future__ import annotations

import hashlib
import json
from datetime import date

from indicators import release, schema
from indicators.dates import PRECISION_DESCRIPTIONS, PRECISIONS

DATA_FOLDER = "data"
HXL_FOLDER = "hxl"
DESCRIPTOR_NAME = "datapackage.json"
README_NAME = "README.md"
HDX_NAME = "hdx_dataset.json"  # the HDX dataset metadata (see indicators.hdx_metadata)
ENCODING = "utf-8-sig"  # UTF-8 with a byte-order mark, as every CSV in the bundle is written

PACKAGE_NAME = "cited-humanitarian-indicators"
PACKAGE_TITLE = release.PACKAGE_TITLE
PACKAGE_DESCRIPTION = (
    "Figures and dated events read from humanitarian reports and news articles. Every row "
    "names the report it comes from (publisher, title, date, link), whom the report "
    "attributes it to, and the exact sentence it is read from."
)
KEYWORDS = ["humanitarian", "indicators", "citations", "HXL"]

LICENSE_NAME = "CC-BY-4.0"
LICENSE_URL = "https://creativecommons.org/licenses/by/4.0/"
LICENSE_SCOPE = (
    "The tables' structure and metadata are licensed under Creative Commons Attribution 4.0 "
    "International (CC BY 4.0). The quoted sentences in the `quote` columns remain the work of "
    "their publishers; they are quoted briefly, for citation, and are not covered by that "
    "licence."
)


# --------------------------------------------------------------------------- datapackage.json


def _unanchored(pattern: str) -> str:
    """Table Schema patterns match the whole value implicitly; drop the ^...$ anchors."""
    if pattern.startswith("^"):
        pattern = pattern[1:]
    if pattern.endswith("$") and not pattern.endswith("\\$"):
        pattern = pattern[:-1]
    return pattern


def field_descriptor(column: schema.Column, table: schema.Table) -> dict:
    field: dict = {
        "name": column.name,
        "type": schema.FRICTIONLESS_TYPES[column.kind],
        "description": column.description,
    }
    if column.kind == schema.BOOLEAN:
        field["trueValues"] = ["true"]
        field["falseValues"] = ["false"]
    constraints: dict = {}
    if column.required or column.name == table.primary_key:
        constraints["required"] = True
    if column.unique or column.name == table.primary_key:
        constraints["unique"] = True
    if column.allowed is not None:
        constraints["enum"] = list(column.allowed)
    if column.pattern is not None:
        constraints["pattern"] = _unanchored(column.pattern)
    if column.minimum is not None:
        is_integer = column.kind == schema.INTEGER or float(column.minimum).is_integer()
        constraints["minimum"] = int(column.minimum) if is_integer else column.minimum
    if constraints:
        field["constraints"] = constraints
    return field


def table_schema(table: schema.Table) -> dict:
    descriptor: dict = {
        "fields": [field_descriptor(column, table) for column in table.columns],
        "missingValues": [""],
        "primaryKey": [table.primary_key],
    }
    if table.foreign_keys:
        descriptor["foreignKeys"] = [
            {"fields": [column], "reference": {"resource": other, "fields": [key]}}
            for column, other, key in table.foreign_keys
        ]
    return descriptor


def resource_descriptor(table: schema.Table, data: bytes) -> dict:
    return {
        "name": table.name,
        "path": f"{DATA_FOLDER}/{table.file_name}",
        "profile": "tabular-data-resource",
        "title": table.title,
        "description": table.description,
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": ENCODING,
        "bytes": len(data),
        "hash": f"sha256:{hashlib.sha256(data).hexdigest()}",
        "dialect": {
            "delimiter": ",",
            "doubleQuote": True,
            "lineTerminator": "\r\n",
            "header": True,
        },
        "schema": table_schema(table),
    }


def source_title(row: dict[str, str]) -> str:
    """'Politico, “Headline”, published 2025-07-24' from a sources row."""
    parts = [row["publisher"], f"“{row['title']}”"]
    if row["published"]:
        parts.append(f"published {row['published']}")
    return ", ".join(part for part in parts if part)


def _valid_path(path: str) -> bool:
    """The spec's form of a path: no leading '.', '/' or '~', and no '..' anywhere."""
    return bool(path) and path[0] not in "./~" and ".." not in path


def source_descriptor(row: dict[str, str]) -> dict:
    # The spec gives a source only title, path and email: publisher and date go in the title.
    descriptor = {"title": source_title(row)}
    if _valid_path(row["url"]):
        descriptor["path"] = row["url"]
    return descriptor


def datapackage_descriptor(
    data_files: dict[str, bytes],
    source_rows: list[dict[str, str]],
    today: date,
    *,
    this: release.Release,
    sources_note: str | None = None,
) -> dict:
    """The descriptor of the bundle's CSV files (`data_files`: table name -> file bytes).

    `source_rows` holds the sources table's publisher, title, url and published as text;
    `this` is the tables' content version, which is the package's `version`.
    """
    description = PACKAGE_DESCRIPTION
    if sources_note:
        description += f"\n\n{sources_note}"
    return {
        "profile": "tabular-data-package",
        "name": PACKAGE_NAME,
        "title": PACKAGE_TITLE,
        "description": description,
        "version": this.version,
        "created": f"{today.isoformat()}T00:00:00Z",
        "keywords": KEYWORDS,
        "licenses": [{"name": LICENSE_NAME, "path": LICENSE_URL, "title": LICENSE_SCOPE}],
        "sources": [source_descriptor(row) for row in source_rows],
        "resources": [
            resource_descriptor(table, data_files[table.name]) for table in schema.TABLES.values()
        ],
        "citation": release.citation(this),  # a custom property; readers keep it
    }


def datapackage_json(
    data_files: dict[str, bytes],
    source_rows: list[dict[str, str]],
    today: date,
    *,
    this: release.Release,
    sources_note: str | None = None,
) -> bytes:
    descriptor = datapackage_descriptor(
        data_files, source_rows, today, this=this, sources_note=sources_note
    )
    return (json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


# --------------------------------------------------------------------------- README.md


def _cell(text: str) -> str:
    """Text safe inside a Markdown table cell (GitHub tables split on a bare `|`)."""
    return text.replace("|", "\\|").replace("\n", " ")


def _code(text: str) -> str:
    return f"`{text}`" if text else ""


def _column_rules(column: schema.Column) -> str:
    rules = []
    if column.allowed is not None:
        rules.append("one of " + ", ".join(_code(value) for value in column.allowed))
    if column.pattern is not None:
        rules.append(f"matches {_code(column.pattern)}")
    if column.minimum is not None:
        rules.append(f"at least {column.minimum:g}")
    if column.unique:
        rules.append("unique")
    return "; ".join(rules)


def table_section(table: schema.Table, rows: int) -> list[str]:
    lines = [
        f"### {table.title}: `{DATA_FOLDER}/{table.file_name}` ({rows} rows)",
        "",
        table.description,
        "",
        f"Primary key: `{table.primary_key}`.",
    ]
    for column, other, key in table.foreign_keys:
        lines.append(f"`{column}` refers to `{other}.{key}`.")
    lines += [
        "",
        "| column | type | required | values | HXL | description |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for column in table.columns:
        cells = [
            _code(column.name),
            schema.FRICTIONLESS_TYPES[column.kind],
            "yes" if column.required else "",
            _column_rules(column),
            _code(column.hxl),
            column.description,
        ]
        lines.append("| " + " | ".join(_cell(cell) for cell in cells) + " |")
    lines.append("")
    return lines


def _source_line(row: dict[str, str]) -> str:
    link = f" <{row['url']}>" if row["url"] else " (no verified link)"
    return f"- {source_title(row)}.{link}"


def readme_markdown(
    row_counts: dict[str, int],
    source_rows: list[dict[str, str]],
    today: date,
    *,
    this: release.Release,
    sources_note: str | None = None,
) -> bytes:
    """What the data is, how to cite it, its licence, its caveats and every column."""
    exported = today.isoformat()
    precisions = "; ".join(f"`{name}`: {PRECISION_DESCRIPTIONS[name]}" for name in PRECISIONS)
    lower = ", ".join(f"“{word}”" for word in schema.LOWER_BOUND_QUALIFIERS)
    upper = ", ".join(f"“{word}”" for word in schema.UPPER_BOUND_QUALIFIERS)
    files = [
        f"| `{DATA_FOLDER}/{table.file_name}` | {row_counts[table.name]} | {table.description} |"
        for table in schema.TABLES.values()
    ]
    lines = [
        f"# {PACKAGE_TITLE}",
        "",
        f"Version {this.version} (derived from the tables' content), newest report "
        f"{this.newest_report_text}, exported {exported}.",
        "",
        PACKAGE_DESCRIPTION,
        "",
        "## Files",
        "",
        "| file | rows | what it holds |",
        "| --- | --- | --- |",
        *files,
        f"| `{HXL_FOLDER}/*.csv` | | The same tables with a row of HXL hashtags "
        "(Humanitarian Exchange Language) under the header. |",
        f"| `{DESCRIPTOR_NAME}` | | Frictionless Data Package descriptor: column types, "
        "constraints, keys, sources and licence. |",
        f"| `{HDX_NAME}` | | The dataset metadata HDX (the Humanitarian Data Exchange) asks "
        "for at upload, under HDX's own field names; fill in `owner_org` and `maintainer`. |",
        "",
        "Every CSV file is UTF-8 with a byte-order mark, comma-separated, with CRLF line ends. "
        "Dates are written YYYY-MM-DD, booleans `true` or `false`; an empty cell means no "
        "value. A text cell that would begin with `=`, `+`, `-`, `@`, a tab or a carriage "
        "return (also after spaces) starts with an added apostrophe (`'`), so spreadsheet "
        "programs show it as text instead of running it as a formula; drop that apostrophe "
        "to get the text as the report has it.",
        "",
        "In the HXL copies, the `value` column of the observations carries the generic tag "
        "`#indicator+value+num` on every row, since HXL gives one tag per column; each "
        "indicator's own tag is in `indicators.hxl_tag` (join on `indicator_id`). Only dates "
        "are under `#date`: a date in the report's words is under `#description` and a "
        "precision under `#meta`, so the copies pass the HXL library's default validation.",
        "",
        "## Sources",
        "",
        *[_source_line(row) for row in source_rows],
        "",
    ]
    if sources_note:
        lines += [sources_note, ""]
    lines += [
        "## How to cite",
        "",
        f"> {release.citation(this)}",
        "",
        "The version identifies these tables' content: the same tables always give the same "
        "version, and any changed row gives another. The date is that of the newest report. "
        "The dataset has no address of its own: put where you obtained this copy in place of "
        "the bracketed placeholder.",
        "",
        "Every figure must also be cited to its original report: its publisher, title and "
        "date (`sources.publisher`, `sources.title`, `sources.published`, joined on "
        "`source_id`), and to whom the report attributes it (`attributed_to`).",
        "",
        "## Licence",
        "",
        f"{LICENSE_SCOPE} Licence text: <{LICENSE_URL}>.",
        "",
        "## Caveats",
        "",
        "- Figures are as reported: each row repeats what a report says, with its words in "
        "`quote`. They have not been verified independently.",
        "- Qualifiers are data. A hedged figure keeps its hedge in `qualifier`: “nearly one in "
        "three” is `value` 33.3 with `qualifier` `nearly`, and must be shown as “nearly 33%”, "
        f"never as a bare 33%. With {lower} the true figure lies above `value` "
        f"(`value_low`); with {upper} it lies below it (`value_high`). A vague amount "
        "(“many”) or a status in words has an empty `value` and its words in "
        "`value_as_stated`.",
        "- Every figure has three dates: the period it describes (`period_start` to "
        "`period_end`; empty means “as of `reported_on`”), the day it was stated "
        "(`reported_on`), and the day the report was published (`sources.published`).",
        "- Dates can be fuzzy. A fuzzy date is stored as the first day of its window plus a "
        f"precision that says how wide the window is: {precisions}. “Early March 2025” is "
        "2025-03-01 with precision `early-month`. The report's own words are kept in the "
        "`*_as_stated` columns.",
        "- Sources that disagree are kept side by side, one row each; figures are never "
        "averaged or merged.",
        "- `country_code` is the ISO 3166-1 alpha-3 code of the place, from the country data "
        "of hdx-python-country; a place that is not within one country (a region such as "
        "Europe) has none.",
        "- The quotes are short excerpts of copyrighted articles and reports, quoted for "
        "citation; `quote_start` and `quote_end` locate them in the report text.",
        "",
        "## Tables",
        "",
    ]
    for table in schema.TABLES.values():
        lines += table_section(table, row_counts[table.name])
    return ("\n".join(lines).rstrip("\n") + "\n").encode("utf-8")
