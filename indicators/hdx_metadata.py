"""The dataset-level metadata HDX asks for at upload, derived from the tables.

The keys are the field names of an HDX (CKAN) dataset as hdx-python-api's ``Dataset`` takes
them (``Dataset(metadata)``): ``title``, ``notes``, ``dataset_source``, ``owner_org``,
``maintainer``, ``groups`` (locations as lowercase ISO3), ``dataset_date`` (``[start TO
end]``), ``data_update_frequency`` (days, ``-2`` is "As needed"), ``license_id`` with
``license_other``, ``methodology`` with ``methodology_other``, ``caveats`` and ``tags``.
Everything that depends on the data is computed here from the tables; the fixed wording
(licence, method) is in `indicators.bundle` and below. ``owner_org`` and ``maintainer`` are
the uploader's own HDX organisation and user, which no table can know: they are left empty.
"""

from __future__ import annotations

import json
from datetime import date

import pandas as pd

from indicators import bundle, places, release, schema
from indicators.dates import window

FILE_NAME = "hdx_dataset.json"

UPDATE_FREQUENCY_AS_NEEDED = "-2"  # HDX's code for "As needed": a row is added per report
LICENSE_ID_OTHER = "hdx-other"  # the licence is CC BY 4.0 for part of the content only
METHODOLOGY = "Other"
TAGS = ("hxl", "indicators")

METHOD_TEXT = (
    "Each row repeats one figure or dated event that a published report states, with the "
    "sentence it is read from quoted exactly and located by character offsets in the report "
    "text, whose SHA-256 is recorded. Rows are written by hand or chosen from the candidates "
    "that rule-based extraction proposes from the report text. Fuzzy dates are stored as the "
    "first day of their window with a precision; relative dates are resolved against the "
    "report's publication date. Country codes come from the country data of "
    "hdx-python-country. Figures are not re-estimated, averaged or merged."
)


def _window_bounds(days: pd.Series, precisions: pd.Series) -> list[tuple[date, date]]:
    pairs = pd.DataFrame({"day": pd.to_datetime(days, errors="coerce"), "precision": precisions})
    pairs = pairs.dropna(subset=["day"]).drop_duplicates()
    bounds = []
    for day, precision in pairs.itertuples(index=False):
        try:
            bounds.append(window(day.date(), precision or "day"))
        except ValueError:  # an unknown precision: the day alone
            bounds.append((day.date(), day.date()))
    return bounds


def _text(frame: pd.DataFrame, column: str) -> pd.Series:
    if column not in frame.columns:
        return pd.Series([""] * len(frame), index=frame.index, dtype="str")
    return frame[column].fillna("").astype("str")


def date_range(tables: dict[str, pd.DataFrame]) -> tuple[date, date] | None:
    """First and last day the figures and events can describe (fuzzy windows included)."""
    observations, events = tables["observations"], tables["events"]
    period = _text(observations, "period_precision")
    end_precision = _text(observations, "period_end_precision")
    end_precision = end_precision.where(end_precision != "", period)
    bounds = [
        *_window_bounds(observations["period_start"], period),
        *_window_bounds(observations["period_end"], end_precision),
        *_window_bounds(observations["reported_on"], pd.Series("day", index=observations.index)),
        *_window_bounds(events["start"], _text(events, "start_precision")),
        *_window_bounds(events["end"], _text(events, "end_precision")),
    ]
    if not bounds:
        return None
    return min(first for first, _ in bounds), max(last for _, last in bounds)


def hdx_date(bounds: tuple[date, date] | None) -> str:
    """HDX's form of a dataset date: ``[2025-03-01T00:00:00 TO 2025-07-25T23:59:59]``."""
    if bounds is None:
        return ""
    first, last = bounds
    return f"[{first.isoformat()}T00:00:00 TO {last.isoformat()}T23:59:59]"


def country_codes(tables: dict[str, pd.DataFrame]) -> list[str]:
    codes = set()
    for name in ("observations", "events"):
        codes |= set(_text(tables[name], places.COLUMN))
    return sorted(code for code in codes if code)


def _caveats(tables: dict[str, pd.DataFrame]) -> str:
    observations, events = tables["observations"], tables["events"]
    hedged = int((_text(observations, "qualifier") != "").sum())
    fuzzy = int(
        (~_text(observations, "period_precision").isin(["", "day"])).sum()
        + (~_text(events, "start_precision").isin(["", "day"])).sum()
    )
    uncoded = int(
        (_text(observations, places.COLUMN) == "").sum()
        + (_text(events, places.COLUMN) == "").sum()
    )
    lines = [
        "Figures are as the reports state them; they have not been verified independently.",
        f"{hedged} of {len(observations)} figures carry a qualifier (such as “nearly” or "
        "“more than”) in `qualifier`, which must be kept when the figure is shown.",
        f"{fuzzy} dates are fuzzy (a window such as “early March”, see the precision columns).",
        "Reports that disagree are kept side by side, one row each.",
    ]
    if uncoded:
        rows = "1 row names a place" if uncoded == 1 else f"{uncoded} rows name places"
        lines.append(f"{rows} not within one country (such as a region), without a country code.")
    lines.append(
        "The quoted sentences remain the work of their publishers and are not covered by the "
        "dataset's licence."
    )
    return " ".join(lines)


def hdx_dataset(tables: dict[str, pd.DataFrame], this: release.Release) -> dict:
    """The HDX dataset metadata of these tables (see the module docstring for the fields)."""
    publishers = sorted(set(_text(tables["sources"], "publisher")) - {""})
    counts = ", ".join(
        f"{len(tables[table.name])} {table.name}" for table in schema.TABLES.values()
    )
    codes = country_codes(tables)
    notes = (
        f"{bundle.PACKAGE_DESCRIPTION}\n\nVersion {this.version} (newest report "
        f"{this.newest_report_text}): {counts}. Cite as: {release.citation(this)}"
    )
    return {
        "name": bundle.PACKAGE_NAME,
        "title": bundle.PACKAGE_TITLE,
        "notes": notes,
        "version": this.version,
        "dataset_source": "; ".join(publishers),
        "owner_org": "",
        "maintainer": "",
        "private": False,
        "groups": [{"name": code.lower()} for code in codes],
        "dataset_date": hdx_date(date_range(tables)),
        "data_update_frequency": UPDATE_FREQUENCY_AS_NEEDED,
        "license_id": LICENSE_ID_OTHER,
        "license_other": f"{bundle.LICENSE_SCOPE} Licence text: {bundle.LICENSE_URL}",
        "methodology": METHODOLOGY,
        "methodology_other": METHOD_TEXT,
        "caveats": _caveats(tables),
        "tags": [{"name": tag} for tag in TAGS],
        "resources": [
            {
                "name": table.file_name,
                "description": table.description,
                "format": "CSV",
                "path": f"{bundle.HXL_FOLDER}/{table.file_name}",
            }
            for table in schema.TABLES.values()
        ],
    }


def hdx_dataset_json(tables: dict[str, pd.DataFrame], this: release.Release) -> bytes:
    metadata = hdx_dataset(tables, this)
    return (json.dumps(metadata, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
