"""Rules across tables and against the report texts: every id a row points at exists, a
share stays within 0-100, an event does not start after the report that states it was
published, and every quote stands at its offsets in its report.
"""

from __future__ import annotations

import pandas as pd

from indicators import schema
from indicators.problems import Problem
from indicators.reports import ReportText, locate_quote
from indicators.row_rules import rule


def check_indicator_units(
    observations: pd.DataFrame, indicators: pd.DataFrame, file: str
) -> list[Problem]:
    """Shares stay within 0-100; a 'status' indicator has words, not numbers."""
    units = observations["indicator_id"].map(indicators.set_index("indicator_id")["unit"])
    problems = []
    percent = units == schema.PERCENT_UNIT
    for column in ("value", "value_low", "value_high"):
        problems += rule(
            observations,
            percent & ((observations[column] < 0) | (observations[column] > 100)),
            file,
            column,
            lambda row, c=column: f"{row[c]:g} is a share in percent and must be within 0-100",
        )
    problems += rule(
        observations,
        (units == "status") & observations["value"].notna(),
        file,
        "value",
        "must be empty for a status indicator (its words go in value_as_stated)",
    )
    problems += rule(
        observations,
        units.notna()
        & (units != "status")
        & observations["value"].isna()
        & ~observations["qualifier"].isin(["many", "several", "some"]),
        file,
        "value",
        "is empty; only a vague amount (many, several, some) may leave it empty",
    )
    return problems


def check_events_against_sources(
    events: pd.DataFrame, sources: pd.DataFrame, file: str
) -> list[Problem]:
    """An event cannot start after the report that states it was published.

    A fuzzy start is the first day of its window, so only a window that opens after the
    publication day is impossible ("late July" in a report of 24 July is not).
    """
    if events.empty or sources.empty:
        return []
    by_id = sources.drop_duplicates("source_id").set_index("source_id")["published"]
    published = events["source_id"].map(by_id)
    return rule(
        events,
        events["start"].notna() & published.notna() & (events["start"] > published),
        file,
        "start",
        lambda row: (
            f"{row['start'].date()} is after its report was published "
            f"({published[row.name].date()}); an event cannot start after the report that "
            "states it"
        ),
    )


def check_foreign_keys(
    tables: dict[str, pd.DataFrame], table: schema.Table
) -> tuple[list[Problem], set[int]]:
    problems: list[Problem] = []
    bad: set[int] = set()
    frame = tables[table.name]
    for column, other, key in table.foreign_keys:
        if other not in tables:
            continue
        known = set(tables[other][key])
        missing = ~frame[column].isin(known)
        for line, value in frame.loc[missing, column].items():
            problems.append(
                Problem(table.file_name, int(line), column, f"{value!r} is not in {other}.csv")
            )
            bad.add(int(line))
    return problems, bad


def check_quotes_against_reports(
    tables: dict[str, pd.DataFrame], reports: dict[str, ReportText]
) -> tuple[list[Problem], dict[str, set[int]]]:
    """Every quote must stand at its offsets in the report whose hash its source names."""
    problems: list[Problem] = []
    bad: dict[str, set[int]] = {}
    sources = tables.get("sources")
    if sources is None:
        return problems, bad
    text_of_source: dict[str, str] = {}
    for line, row in sources.iterrows():
        report = reports.get(row["text_sha256"])
        if report is None:
            problems.append(
                Problem(
                    "sources.csv",
                    int(line),
                    "text_sha256",
                    "no report file with this SHA-256 was found, so its quotes cannot be checked",
                )
            )
        else:
            text_of_source[row["source_id"]] = report.text
    for name in ("observations", "events"):
        frame = tables.get(name)
        if frame is None:
            continue
        bad[name] = set()
        for line, source_id, quote, start, end in zip(
            frame.index,
            frame["source_id"],
            frame["quote"],
            frame["quote_start"],
            frame["quote_end"],
        ):
            text = text_of_source.get(source_id)
            if text is None:
                continue
            if text[start:end] == quote:
                continue
            reason = locate_quote(text, quote, int(start), int(end))
            problems.append(Problem(f"{name}.csv", int(line), "quote", reason))
            bad[name].add(int(line))
    return problems, bad
