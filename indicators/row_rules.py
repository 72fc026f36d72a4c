"""Rules within one row that span its columns: bounds in order, dates in their windows and
in order, the quote's length matching its offsets, the words as stated inside the quote.

Each rule gives one problem per row it fails (file, line, column, why); the loader then
leaves that row out.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from indicators.dates import window
from indicators.problems import Problem

QUOTE_ROWS = 20_000  # rows whose quotes are compared as Python strings at a time


def rule(frame: pd.DataFrame, mask: pd.Series, file: str, column: str, message) -> list[Problem]:
    """One problem per row where mask is true; message is text or a function of the row."""
    mask = mask.fillna(False).astype(bool)
    if not mask.any():
        return []
    problems = []
    for line, row in frame.loc[mask].iterrows():
        text = message(row) if callable(message) else message
        problems.append(Problem(file, int(line), column, text))
    return problems


def _contained(haystack: pd.Series, needles: pd.DataFrame) -> pd.DataFrame:
    """Row-wise, case-insensitive: does haystack contain each needle? Empty needle: True.

    Rows are turned into Python strings QUOTE_ROWS at a time, so a million long quotes are
    never all held as Python objects at once.
    """
    result = np.ones(needles.shape, dtype=bool)
    present = (needles.notna() & needles.ne("")).to_numpy(dtype=bool)
    rows = np.flatnonzero(present.any(axis=1))
    for first in range(0, len(rows), QUOTE_ROWS):
        chunk = rows[first : first + QUOTE_ROWS]
        hays = haystack.iloc[chunk].fillna("").tolist()
        for position in range(needles.shape[1]):
            wanted = np.flatnonzero(present[chunk, position])
            if not len(wanted):
                continue
            words = needles.iloc[chunk[wanted], position].tolist()
            # Most needles occur as written; only the others are compared in lower case.
            result[chunk[wanted], position] = [
                word in hays[index] or word.lower() in hays[index].lower()
                for index, word in zip(wanted.tolist(), words, strict=True)
            ]
    return pd.DataFrame(result, index=needles.index, columns=needles.columns)


def _date_rules(
    frame: pd.DataFrame, file: str, start: str, end: str, start_p: str, end_p: str
) -> list[Problem]:
    problems = []
    for date_column, precision_column in ((start, start_p), (end, end_p)):
        problems += rule(
            frame,
            frame[date_column].notna() & (frame[precision_column] == ""),
            file,
            precision_column,
            f"is empty but {date_column} is set; say how precise the date is",
        )
        problems += rule(
            frame,
            frame[date_column].isna() & (frame[precision_column] != ""),
            file,
            precision_column,
            f"is set but {date_column} is empty",
        )
        problems += rule(
            frame,
            _not_window_start(frame[date_column], frame[precision_column]),
            file,
            date_column,
            lambda row, c=date_column, p=precision_column: (
                f"{row[c].date()} is not the first day of its {row[p]} window; "
                f"write {window(row[c].date(), row[p])[0]}"
            ),
        )
    both = frame[start].notna() & frame[end].notna()
    problems += rule(
        frame,
        both & (frame[end] < frame[start]),
        file,
        end,
        lambda row: f"{row[end].date()} is before {start} {row[start].date()}",
    )
    return problems


def _not_window_start(dates: pd.Series, precisions: pd.Series) -> pd.Series:
    day = dates.dt.day
    month_start = precisions.isin(["month", "early-month"]) & (day != 1)
    mid = (precisions == "mid-month") & (day != 11)
    late = (precisions == "late-month") & (day != 21)
    year = (precisions == "year") & ((day != 1) | (dates.dt.month != 1))
    return (month_start | mid | late | year) & dates.notna()


def _quote_rules(frame: pd.DataFrame, file: str) -> list[Problem]:
    length = frame["quote"].str.len()
    problems = rule(
        frame,
        frame["quote_end"].astype("float64") - frame["quote_start"].astype("float64") != length,
        file,
        "quote_end",
        lambda row: (
            f"quote_end - quote_start is {row['quote_end'] - row['quote_start']} but the quote "
            f"is {len(row['quote'])} characters long"
        ),
    )
    return problems


def check_observation_rules(frame: pd.DataFrame, file: str) -> list[Problem]:
    # period_end_precision is optional: where empty, a stated end has the start's precision.
    inherit = (frame["period_end_precision"] == "") & frame["period_end"].notna()
    frame = frame.assign(
        period_end_precision=frame["period_end_precision"].where(
            ~inherit, frame["period_precision"]
        )
    )
    problems = _date_rules(
        frame, file, "period_start", "period_end", "period_precision", "period_end_precision"
    )
    problems += _quote_rules(frame, file)
    stated = ["value_as_stated", "qualifier", "period_as_stated", "reported_on_as_stated"]
    in_quote = _contained(frame["quote"], frame[stated])
    problems += rule(
        frame,
        frame["value_low"] > frame["value"],
        file,
        "value_low",
        lambda row: f"{row['value_low']:g} is above the value {row['value']:g}",
    )
    problems += rule(
        frame,
        frame["value_high"] < frame["value"],
        file,
        "value_high",
        lambda row: f"{row['value_high']:g} is below the value {row['value']:g}",
    )
    problems += rule(
        frame,
        frame["value_high"] < frame["value_low"],
        file,
        "value_high",
        lambda row: f"{row['value_high']:g} is below value_low {row['value_low']:g}",
    )
    problems += rule(
        frame,
        ~in_quote["value_as_stated"],
        file,
        "value_as_stated",
        lambda row: f"{row['value_as_stated']!r} does not appear in the quote",
    )
    problems += rule(
        frame,
        ~in_quote["qualifier"],
        file,
        "qualifier",
        lambda row: f"{row['qualifier']!r} does not appear in the quote",
    )
    problems += rule(
        frame,
        ~in_quote["period_as_stated"],
        file,
        "period_as_stated",
        lambda row: f"{row['period_as_stated']!r} does not appear in the quote",
    )
    problems += rule(
        frame,
        ~in_quote["reported_on_as_stated"],
        file,
        "reported_on_as_stated",
        lambda row: f"{row['reported_on_as_stated']!r} does not appear in the quote",
    )
    return problems


def check_event_rules(frame: pd.DataFrame, file: str) -> list[Problem]:
    problems = _date_rules(frame, file, "start", "end", "start_precision", "end_precision")
    problems += _quote_rules(frame, file)
    stated = ["start_as_stated", "end_as_stated"]
    in_quote = _contained(frame["quote"], frame[stated])
    for column in stated:
        problems += rule(
            frame,
            ~in_quote[column],
            file,
            column,
            lambda row, c=column: f"{row[c]!r} does not appear in the quote",
        )
    problems += rule(
        frame,
        frame["start"].isna() & frame["end"].isna() & (frame["start_as_stated"] == ""),
        file,
        "start",
        "an event needs a start or an end date, or its start in the report's words",
    )
    return problems
