"""What extraction hands back: candidate rows, the report's source row, and the sentences
that could not be read.

A candidate carries the columns of `observations.csv` or `events.csv` (their names come from
`indicators.schema`) plus what a reviewer needs beside them (the indicator's name and unit,
whether the indicator is proposed). `Extraction.failures` names each sentence whose reading
raised: it was skipped, every other sentence was still read.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from indicators import schema
from indicators.extract import vocabulary

# The columns a candidate fills, in the tables' order; columns added to the tables later
# (and not read from report text) stay empty in the output.
OBSERVATION_FIELDS = schema.OBSERVATIONS.column_names
EVENT_FIELDS = schema.EVENTS.column_names


@dataclass
class Observation:
    candidate_id: str
    indicator_id: str
    indicator_name: str
    indicator_is_new: bool
    unit: str
    location: str
    value: float | None
    value_low: float | None
    value_high: float | None
    qualifier: str
    value_as_stated: str
    period_start: str
    period_end: str
    period_precision: str
    period_end_precision: str
    period_as_stated: str
    reported_on: str
    reported_on_as_stated: str
    attributed_to: str
    quote: str
    quote_start: int
    quote_end: int
    provisional: bool
    notes: str = ""
    # "needs review": the figure is as the text states it, but its size is implausible
    review: str = ""
    # ISO 3166-1 alpha-3 code of the one country `location` names ("" when it names none)
    country_code: str = ""


def candidate_observation(
    sentence,
    indicator: tuple[str, str, bool, str],
    stated: str,
    said: tuple[str, str, str],
    period: dict,
    location: str,
    *,
    value: float | None = None,
    value_low: float | None = None,
    value_high: float | None = None,
    qualifier: str = "",
    provisional: bool = False,
    notes: str = "",
    review: str = "",
) -> Observation:
    """The one constructor of an observation candidate: the sentence it quotes (its text and
    offsets), the indicator (id, name, whether it is proposed, unit), the words as stated,
    who said it and when (speaker, day, that day as stated), the period columns, the place,
    and the figure's own fields (value, bounds, qualifier, provisional, notes, review)."""
    return Observation(
        "",
        *indicator,
        location,
        value,
        value_low,
        value_high,
        qualifier,
        stated,
        period["period_start"],
        period["period_end"],
        period["period_precision"],
        period["period_end_precision"],
        period["period_as_stated"],
        said[1],
        said[2],
        said[0],
        sentence.text,
        sentence.start,
        sentence.end,
        provisional,
        notes,
        review,
    )


@dataclass
class Event:
    candidate_id: str
    kind: str
    label: str
    start: str
    start_precision: str
    start_as_stated: str
    end: str
    end_precision: str
    end_as_stated: str
    location: str
    attributed_to: str
    quote: str
    quote_start: int
    quote_end: int
    notes: str = ""
    country_code: str = ""


@dataclass(frozen=True)
class SentenceFailure:
    """A sentence whose reading raised: where it starts, the words being read (a date phrase
    when one was at fault, else the sentence's start) and the error."""

    offset: int
    phrase: str
    error: str

    def message(self, where: str = "") -> str:
        prefix = f"{where}: " if where else ""
        return (
            f"{prefix}offset {self.offset}: could not read “{self.phrase}” ({self.error}); "
            "that sentence was skipped, the rest of the report was read"
        )


# The gazetteer's places with their codes, read from the country data ahead of time
# (`vocabulary/place_codes.json`): loading that data takes about a second per process.
PLACE_COUNTRY_CODES = vocabulary.place_country_codes()


def add_country_codes(candidates) -> None:
    """Set each candidate's country code from its place: the code of a gazetteer place that
    names one country; none for a place the gazetteer does not hold ("Tine", "Kyeshero")."""
    for candidate in candidates:
        candidate.country_code = PLACE_COUNTRY_CODES.get(candidate.location, "")


@dataclass
class Extraction:
    source: dict
    observations: list[Observation] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    failures: list[SentenceFailure] = field(default_factory=list)
    # what the command had to assume about the report ("no --publisher: ...")
    notices: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "source": self.source,
            "observations": [asdict(o) for o in self.observations],
            "events": [asdict(e) for e in self.events],
            "warnings": self.warnings(),
        }

    def warnings(self, where: str = "") -> list[str]:
        prefix = f"{where}: " if where else ""
        return [prefix + notice for notice in self.notices] + [
            failure.message(where) for failure in self.failures
        ]

    def new_indicators(self) -> list[dict]:
        seen: dict[str, dict] = {}
        for observation in self.observations:
            if observation.indicator_is_new and observation.indicator_id not in seen:
                seen[observation.indicator_id] = {
                    "indicator_id": observation.indicator_id,
                    "name": observation.indicator_name,
                    "unit": observation.unit,
                }
        return list(seen.values())
