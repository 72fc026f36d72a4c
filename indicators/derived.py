"""The columns `summaries.prepare` adds to the loaded tables, declared in one place.

`indicators.schema` describes the tables as stored; the dashboard works on a prepared form
of them, joined to their source and indicator, with each fuzzy date's window worked out and
each figure worded. Those derived columns are named here, so the builders of charts and
pages use one spelling and a test can check that `prepare` makes every one of them.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Derived:
    name: str
    meaning: str


# Joined from the sources table onto figures and events.
SOURCE_PUBLISHER = "source_publisher"
SOURCE_TITLE = "source_title"
SOURCE_URL = "source_url"
SOURCE_PUBLISHED = "source_published"

# Figures (observations).
INDICATOR_NAME = "indicator_name"
UNIT = "unit"
END_PRECISION = "end_precision"
AS_OF_FIRST = "as_of_first"
AS_OF_LAST = "as_of_last"
VALUE_SHOWN = "value_shown"
AS_OF_TEXT = "as_of_text"
REPORTED_ON_INFERRED = "reported_on_inferred"

# Events.
START_FIRST = "start_first"
START_LAST = "start_last"
END_FIRST = "end_first"
END_LAST = "end_last"
SHAPE = "shape"
START_TEXT = "start_text"
END_TEXT = "end_text"
DRAWN_FIRST = "drawn_first"
DRAWN_LAST = "drawn_last"

# The values of SHAPE: how an event is drawn on the timeline.
INTERVAL = "interval"  # a start and an end
ONGOING = "ongoing"  # a lasting kind (war, siege) with a start and no end: still going on
MOMENT = "moment"  # one date (a day, or a window such as "this month")
UNPLACED = "unplaced"  # no stated date: listed beneath the timeline, not drawn
SHAPES = (INTERVAL, ONGOING, MOMENT, UNPLACED)

_SOURCE_COLUMNS = (
    Derived(SOURCE_PUBLISHER, "The report's publisher (`sources.publisher`)."),
    Derived(SOURCE_TITLE, "The report's title (`sources.title`)."),
    Derived(SOURCE_URL, "The report's address (`sources.url`); empty when none."),
    Derived(SOURCE_PUBLISHED, "The day the report was published (`sources.published`)."),
)

OBSERVATION_COLUMNS = (
    *_SOURCE_COLUMNS,
    Derived(INDICATOR_NAME, "The indicator's name (`indicators.name`)."),
    Derived(UNIT, "The indicator's unit (`indicators.unit`)."),
    Derived(END_PRECISION, "Precision of the period's end: its own, or the start's."),
    Derived(AS_OF_FIRST, "First day the figure can hold for: its period's, or the day stated."),
    Derived(AS_OF_LAST, "Last day the figure can hold for."),
    Derived(VALUE_SHOWN, "The figure as the dashboard says it, hedge included ('nearly 33%')."),
    Derived(AS_OF_TEXT, "When the figure holds, in words ('for early March 2025')."),
    Derived(
        REPORTED_ON_INFERRED,
        "True when the report does not say on which day the figure was stated (the day in "
        "`reported_on` was worked out; the row's notes say how).",
    ),
)

EVENT_COLUMNS = (
    *_SOURCE_COLUMNS,
    Derived(START_FIRST, "First day of the start's window."),
    Derived(START_LAST, "Last day of the start's window."),
    Derived(END_FIRST, "First day of the end's window."),
    Derived(END_LAST, "Last day of the end's window."),
    Derived(SHAPE, "How the event is drawn: one of " + ", ".join(SHAPES) + "."),
    Derived(START_TEXT, "The start in words, with the report's own words beside it."),
    Derived(END_TEXT, "The end in words, or that it was still going on."),
    Derived(DRAWN_FIRST, "First day the timeline draws the event on."),
    Derived(DRAWN_LAST, "Last day the timeline draws it on (an ongoing event: its report's day)."),
)


def names(columns: tuple[Derived, ...]) -> tuple[str, ...]:
    return tuple(column.name for column in columns)
