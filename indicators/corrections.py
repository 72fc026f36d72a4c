"""A reader's corrections to candidates before they are added.

A correction may change what a candidate says (indicator, value and bounds, qualifier,
period, reported-on day, attribution, place, notes) but never where it says it: the quote,
its offsets and the ids are the report's, so they are refused. Whether the corrected
values are valid is decided by the same validation the tables go through (`add_report`
checks the tables as they would be), so a correction is held to the rules `validate`
applies.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from indicators import schema
from indicators.extract.pipeline import Extraction

_CONTROL = re.compile(r"[\x00-\x1f\x7f\u2028\u2029]")
FIXED = ("quote", "quote_start", "quote_end", "source_id", "observation_id", "event_id")
# What a correction may name for a new indicator, beside its id.
NEW_INDICATOR_FIELDS = ("indicator_name", "unit", "definition")
OBSERVATION_FIELDS = (
    tuple(name for name in schema.OBSERVATIONS.column_names if name not in FIXED)
    + NEW_INDICATOR_FIELDS
)
EVENT_FIELDS = tuple(name for name in schema.EVENTS.column_names if name not in FIXED)


def _cell(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    return value


def apply_corrections(
    observations: list[dict],
    events: list[dict],
    corrections: Mapping[str, Mapping[str, object]],
    extraction: Extraction,
    name: str,
) -> tuple[list[dict], list[dict], list[dict]]:
    """The chosen candidates with their corrections, and the new indicators they use:
    the extractor's proposals, plus any a correction defines (id, name, unit)."""
    from indicators.adding import AddError

    by_id = {row["candidate_id"]: row for row in observations + events}
    for candidate_id in corrections:
        if candidate_id not in by_id:
            raise AddError(
                f"{name}: a correction names candidate {candidate_id}, which is not chosen"
            )
    new_indicators = {item["indicator_id"]: dict(item) for item in extraction.new_indicators()}
    corrected_observations = []
    for row in observations:
        change = dict(corrections.get(row["candidate_id"], {}))
        _refuse_fixed_or_unknown(row["candidate_id"], change, OBSERVATION_FIELDS, name)
        defined = {key: _cell(change.pop(key)) for key in NEW_INDICATOR_FIELDS if key in change}
        row = {**row, **{key: _cell(value) for key, value in change.items()}}
        if defined:
            if not defined.get("indicator_name") or not defined.get("unit"):
                raise AddError(
                    f"{name}: candidate {row['candidate_id']}: a new indicator needs a name "
                    "and a unit"
                )
            new_indicators[row["indicator_id"]] = {
                "indicator_id": row["indicator_id"],
                "name": defined["indicator_name"],
                "unit": defined["unit"],
                "definition": defined.get("definition", ""),
            }
        corrected_observations.append(row)
    corrected_events = []
    for row in events:
        change = dict(corrections.get(row["candidate_id"], {}))
        _refuse_fixed_or_unknown(row["candidate_id"], change, EVENT_FIELDS, name)
        corrected_events.append({**row, **{key: _cell(value) for key, value in change.items()}})
    return corrected_observations, corrected_events, list(new_indicators.values())


def _refuse_fixed_or_unknown(candidate_id: str, change: dict, allowed, name: str) -> None:
    from indicators.adding import AddError

    for key in change:
        if key in FIXED or key == "candidate_id":
            raise AddError(
                f"{name}: candidate {candidate_id}: the {key} is the report's and cannot be "
                "corrected; reject the candidate instead"
            )
        if key not in allowed:
            raise AddError(
                f"{name}: candidate {candidate_id}: there is no field {key!r} to correct"
            )
        value = change[key]
        if isinstance(value, str) and _CONTROL.search(value):
            raise AddError(
                f"{name}: candidate {candidate_id}: the {key} holds a line break or another "
                "control character; give it on one line"
            )
