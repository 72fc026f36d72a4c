"""Adding a report: its chosen candidates, corrected where the reader says, into the tables.

`add_report` is the one way a report's figures reach the tables: `python -m indicators
add` (`indicators.add_command`) and the dashboard's "Add a report" page both call it.
Everything that depends on the tables runs under the store's exclusive lock, on the tables
as they are at that moment: whether the report was already added, its source id, which
new indicators are still new, and the validation of the tables as they would be. The
report's text is saved beside the tables (`reports/<text_sha256>.txt`), so every quote
stays checkable, and the change is written atomically through `indicators.store`.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from indicators import schema
from indicators.add_validation import validator
from indicators.corrections import apply_corrections
from indicators.extract.catalogue import Catalogue
from indicators.extract.pipeline import Extraction, extract
from indicators.ingest import Document
from indicators.store import StoreError, append_rows, explain_os_error

REPORTS_FOLDER = "reports"  # beside the tables: one file per report text, by its SHA-256

OBSERVATION_KEY = (
    "source_id",
    "indicator_id",
    "quote_start",
    "quote_end",
    "value_as_stated",
    "attributed_to",
)
EVENT_KEY = ("source_id", "kind", "quote_start", "quote_end")
KEYS = {
    "sources.csv": ("source_id",),
    "indicators.csv": ("indicator_id",),
    "observations.csv": OBSERVATION_KEY,
    "events.csv": EVENT_KEY,
}
_CONTROL = re.compile(r"[\x00-\x1f\x7f\u2028\u2029]")


class AddError(Exception):
    """The report was not added, and nothing was written; the message says why and what
    to do."""


@dataclass(frozen=True)
class SourceDetails:
    """What the reader states about the report (the row of `sources.csv` to be)."""

    published: date
    publisher: str = ""
    title: str = ""
    url: str = ""
    language: str = "en"
    kind: str = "news article"
    notes: str = ""

    def problems(self) -> list[str]:
        """What makes these details unusable, one sentence each; empty when they are fine."""
        found = []
        for name in ("publisher", "title", "url", "notes"):
            value = getattr(self, name)
            if _CONTROL.search(value.replace("\t", " ") if name == "notes" else value):
                found.append(
                    f"the {name} holds a line break or another control character; give it "
                    "on one line"
                )
        if not isinstance(self.published, date):
            found.append("the publication day is not a date")
        if not re.fullmatch(r"[a-z]{2}", self.language):
            found.append(
                f"the language {self.language!r} is not a two-letter ISO 639-1 code such as en"
            )
        if self.kind not in schema.SOURCE_KINDS:
            found.append(f"the kind {self.kind!r} is not one of {', '.join(schema.SOURCE_KINDS)}")
        if self.url and not re.match(r"^https?://\S+$", self.url):
            found.append(f"the address {self.url!r} is not an http(s) address")
        return found


@dataclass
class AddResult:
    source_id: str
    already_added: bool = False  # the report's text was in the tables already: no change
    added: dict[str, list[dict]] = field(default_factory=dict)  # file name -> rows added
    skipped: dict[str, int] = field(default_factory=dict)  # rows already present, by file
    warnings: list[str] = field(default_factory=list)  # after the commit point
    report_file: str = ""  # where the report text is kept, relative to the tables

    @property
    def changed(self) -> bool:
        return any(self.added.values())


def extract_candidates(
    document: Document, details: SourceDetails, catalogue: Catalogue
) -> Extraction:
    """The report's candidates, as `extract` finds them for these details."""
    return extract(
        document.text,
        details.published,
        publisher=details.publisher,
        title=details.title or Path(document.name).stem,
        url=details.url,
        catalogue=catalogue,
        text_sha256=document.text_sha256,
        kind=details.kind,
    )


def catalogue_of(data_dir: Path | str) -> Catalogue:
    """The catalogue the candidates are matched against. Raises AddError when
    indicators.csv cannot be read as one (OSError when the file cannot be opened)."""
    path = Path(data_dir) / "indicators.csv"
    try:
        return Catalogue.from_csv(path)
    except (UnicodeDecodeError, csv.Error, ValueError, KeyError) as error:
        raise AddError(
            f"nothing was added: {path} cannot be read as the catalogue of indicators "
            f"({type(error).__name__}: {error}); run `python -m indicators validate` and fix it"
        ) from error


def add_report(
    data_dir: Path | str,
    document: Document,
    details: SourceDetails,
    extraction: Extraction,
    accepted: Iterable[str] | None = None,
    corrections: Mapping[str, Mapping[str, object]] | None = None,
    dry_run: bool = False,
) -> AddResult:
    """Add the accepted candidates of `extraction` (candidate ids; None: all of them),
    each changed as `corrections[candidate_id]` says, with the report's source row and
    any new indicator they use, in one atomic change. A report whose text is in the
    tables already is left alone (`AddResult.already_added`). Raises AddError, with
    nothing written, when the details, a choice or a correction is unusable, when the
    tables would not validate, or when the system refuses the write. A dry run makes
    every check, under the lock, and writes nothing (`AddResult.added`: what it would add)."""
    data_dir = Path(data_dir)
    if not (data_dir / "sources.csv").is_file():
        raise AddError(f"{data_dir}: no sources.csv here; is this the tables folder?")
    problems = details.problems()
    if problems:
        raise AddError("; ".join(problems))
    if extraction.source.get("text_sha256") != document.text_sha256:
        raise AddError(f"{document.name}: the candidates were read from another text")
    report_file = f"{REPORTS_FOLDER}/{document.text_sha256}.txt"
    result = AddResult(source_id=extraction.source["source_id"], report_file=report_file)

    def plan(current: dict[str, bytes]) -> dict[str, list[dict]]:
        """Under the lock: the rows to append, decided on the tables as they are now."""
        existing = _csv_rows(current["sources.csv"], "sources.csv")
        for row in existing:
            if row.get("text_sha256") == document.text_sha256:
                result.already_added = True
                result.source_id = row.get("source_id", "")
                return {}
        # A report already added is left alone, whatever is chosen this time.
        observations, events, new_indicators = _chosen_and_corrected(
            document, extraction, accepted, corrections
        )
        source = _source_row(extraction, details, document)
        _refuse_a_changed_report(existing, source, document)
        result.source_id = source["source_id"]
        known = {row.get("indicator_id") for row in _csv_rows(current["indicators.csv"], "")}
        return _table_rows(source, observations, events, new_indicators, known)

    headers = {table.file_name: table.column_names for table in schema.TABLES.values()}
    try:
        added = append_rows(
            data_dir,
            plan,
            headers,
            KEYS,
            check=validator(data_dir),
            attachments={report_file: document.text_bytes},
            dry_run=dry_run,
        )
    except StoreError as error:
        raise AddError(f"nothing was added: {error}") from error
    except OSError as error:  # a refused step the store could not name itself
        cause, advice = explain_os_error(error)
        raise AddError(f"nothing was added: {cause}; {advice}") from error
    result.added = {name: list(rows) for name, rows in added.items()}
    result.warnings = list(added.warnings)
    return result


def _chosen_and_corrected(
    document: Document,
    extraction: Extraction,
    accepted: Iterable[str] | None,
    corrections: Mapping[str, Mapping[str, object]] | None,
) -> tuple[list[dict], list[dict], list[dict]]:
    observations, events = _chosen(extraction, accepted, document.name)
    observations, events, new_indicators = apply_corrections(
        observations, events, dict(corrections or {}), extraction, document.name
    )
    for row in observations + events:
        if document.text[row["quote_start"] : row["quote_end"]] != row["quote"]:
            raise AddError(
                f"{document.name}: candidate {row['candidate_id']} quotes text not at its offsets"
            )
    return observations, events, new_indicators


def _chosen(
    extraction: Extraction, accepted: Iterable[str] | None, name: str
) -> tuple[list[dict], list[dict]]:
    from indicators.extract.commands import _candidate_dicts

    observations, events = _candidate_dicts(extraction)
    if accepted is None:
        return observations, events
    wanted = [item.strip().lower() for item in accepted if item.strip()]
    if not wanted:
        raise AddError(f"{name}: no candidate was chosen; accept at least one")
    known = {row["candidate_id"] for row in observations + events}
    unknown = [item for item in wanted if item not in known]
    if unknown:
        listed = ", ".join(sorted(known, key=lambda c: (c[0], int(c[1:])))) or "no candidates"
        raise AddError(f"{name}: no candidate {', '.join(unknown)}; this report has {listed}")
    return (
        [row for row in observations if row["candidate_id"] in wanted],
        [row for row in events if row["candidate_id"] in wanted],
    )


def _csv_rows(data: bytes, name: str) -> list[dict]:
    if not data.strip():
        return []
    try:
        return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    except (UnicodeDecodeError, csv.Error) as error:
        raise AddError(
            f"nothing was added: {name or 'a table'} cannot be read ({error}); run "
            "`python -m indicators validate` and fix it first"
        ) from error


def _source_row(extraction: Extraction, details: SourceDetails, document: Document) -> dict:
    source = dict(extraction.source)
    source.update(
        language=details.language,
        notes=details.notes or "Added with `python -m indicators add`.",
        original_sha256=document.original_sha256
        if document.original_sha256 != document.text_sha256
        else "",
    )
    return {column: source.get(column, "") for column in schema.SOURCES.column_names}


def _refuse_a_changed_report(existing: list[dict], source: dict, document: Document) -> None:
    for row in existing:
        same_id = row.get("source_id") == source["source_id"]
        same_url = bool(source["url"]) and row.get("url") == source["url"]
        if same_id or same_url:
            raise AddError(
                f"{document.name}: this report was already added as source {row['source_id']} "
                f"from a different text (SHA-256 {row.get('text_sha256', '')[:12]}… there, "
                f"{source['text_sha256'][:12]}… here); not adding it again. If the report was "
                "corrected, add it under another publisher or date, or edit the tables by hand."
            )


def _table_rows(
    source: dict,
    observations: list[dict],
    events: list[dict],
    new_indicators: list[dict],
    known_indicators: set,
) -> dict[str, list[dict]]:
    source_id = source["source_id"]
    observation_rows = []
    for row in observations:
        out = {column: row.get(column, "") for column in schema.OBSERVATIONS.column_names}
        out["observation_id"] = f"{source_id}-{row['candidate_id']}"
        out["source_id"] = source_id
        out["provisional"] = "true" if row.get("provisional") else ""
        observation_rows.append(out)
    event_rows = []
    for row in events:
        out = {column: row.get(column, "") for column in schema.EVENTS.column_names}
        out["event_id"] = f"{source_id}-{row['candidate_id']}"
        out["source_id"] = source_id
        event_rows.append(out)
    used = {row["indicator_id"] for row in observations}
    indicator_rows = [
        {
            "indicator_id": item["indicator_id"],
            "name": item["name"],
            "unit": item["unit"],
            "definition": item.get("definition")
            or f"{item['name']} (proposed when {source_id} was added; review this definition).",
            "hxl_tag": item.get("hxl_tag") or "#indicator+" + item["indicator_id"],
        }
        for item in new_indicators
        # another writer may have added it since the candidates were read
        if item["indicator_id"] in used and item["indicator_id"] not in known_indicators
    ]
    return {
        "sources.csv": [source],
        "indicators.csv": indicator_rows,
        "observations.csv": observation_rows,
        "events.csv": event_rows,
    }


def register(subparsers) -> None:
    """The `add` command (`indicators.add_command`)."""
    from indicators.add_command import register as register_command

    register_command(subparsers)
