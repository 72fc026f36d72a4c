"""What a folder of reports says about each report: its manifest row or its own dateline.

A folder may hold `reports.csv` beside the texts, one row per file (columns `file`,
`published`, `publisher`, and optionally `title`, `url`, `kind`). A report without a row is
dated by its own dateline ("KABUL, 10 July 2025 –", "Published by OCHA on 14 January 2025",
"As of 30 March 2025"), never by another report's date. A dateline without a year ("Aug 27
(Reuters)") gives no date.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from indicators.extract.date_phrases import MONTHS, month_number

MANIFEST = "reports.csv"
MANIFEST_COLUMNS = ("file", "published", "publisher", "title", "url", "kind")

_MONTH = "|".join(sorted((re.escape(name) for name in MONTHS), key=len, reverse=True))
_DAY_MONTH_YEAR = rf"(?P<day>\d{{1,2}})\s+(?P<month>{_MONTH})\.?,?\s+(?P<year>(?:19|20)\d\d)"
_MONTH_DAY_YEAR = rf"(?P<month2>{_MONTH})\.?\s+(?P<day2>\d{{1,2}}),?\s+(?P<year2>(?:19|20)\d\d)"
# At a line's start: a place in capitals or title case and a comma ("PORT SUDAN, "), or a
# word that introduces the report's date ("Published by OCHA on ", "As of ", "Date: ").
DATELINE = re.compile(
    r"^[ \t]*(?:[A-Z][A-Za-z'’ .-]{1,40},[ \t]+"
    r"|(?:Published|Issued|Posted|Released|Updated|Dated?|As\s+of)\b[^\n]{0,60}?[ \t:]+)"
    rf"(?:{_DAY_MONTH_YEAR}|{_MONTH_DAY_YEAR})\b",
    re.MULTILINE,
)
DATELINE_REACH = 1500  # characters from the start where a dateline is looked for


class ManifestError(ValueError):
    """A manifest row that cannot be used: the message names the file, line and column."""


@dataclass(frozen=True)
class ReportFacts:
    """What is known of one report before it is read."""

    published: date | None = None
    publisher: str = ""
    title: str = ""
    url: str = ""
    kind: str = ""
    dated_by: str = ""  # "manifest", "dateline" or "option"


def dateline_date(text: str) -> date | None:
    """The date of the report's dateline, or None when it has none with a year."""
    match = DATELINE.search(text, 0, min(len(text), DATELINE_REACH))
    if match is None:
        return None
    day = match.group("day") or match.group("day2")
    month = match.group("month") or match.group("month2")
    year = match.group("year") or match.group("year2")
    try:
        return date(int(year), month_number(month), int(day))
    except ValueError:
        return None  # "31 February 2025"


def read_manifest(folder: Path) -> dict[str, ReportFacts]:
    """File name -> facts from `folder/reports.csv`; {} when there is none. Raises
    ManifestError for a row that names no file or gives a date that is not YYYY-MM-DD."""
    path = Path(folder) / MANIFEST
    if not path.is_file():
        return {}
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.DictReader(handle))
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        raise ManifestError(f"{path}: cannot be read ({error})") from error
    facts: dict[str, ReportFacts] = {}
    for line, row in enumerate(rows, start=2):
        name = (row.get("file") or "").strip()
        if not name:
            raise ManifestError(f"{path}:{line}: [file] is empty; name the report's file")
        published_text = (row.get("published") or "").strip()
        published = None
        if published_text:
            try:
                published = date.fromisoformat(published_text)
            except ValueError as error:
                raise ManifestError(
                    f"{path}:{line}: [published] {published_text!r} is not a date of the form "
                    "YYYY-MM-DD"
                ) from error
        facts[name] = ReportFacts(
            published=published,
            publisher=(row.get("publisher") or "").strip(),
            title=(row.get("title") or "").strip(),
            url=(row.get("url") or "").strip(),
            kind=(row.get("kind") or "").strip(),
            dated_by="manifest" if published else "",
        )
    return facts
