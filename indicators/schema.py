"""The tables' contract: every column of every table, its type, meaning and HXL hashtag.

This is the single description that the loader, the validator, the exports (Frictionless
``datapackage.json``, HXL-tagged CSV) and the README's column tables are built from. Column
names are a public interface: users download these files.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from indicators.dates import PRECISIONS

# Kinds of column. Everything is read as text first; the loader converts each kind.
TEXT = "text"
NUMBER = "number"
INTEGER = "integer"
DATE = "date"
BOOLEAN = "boolean"

FRICTIONLESS_TYPES = {
    TEXT: "string",
    NUMBER: "number",
    INTEGER: "integer",
    DATE: "date",
    BOOLEAN: "boolean",
}

ID_PATTERN = r"^[a-z0-9][a-z0-9_.-]*$"
ID_HINT = "lowercase letters, digits, '_', '-' or '.'"

SOURCE_KINDS = ("news article", "agency statement", "situation report", "press release", "briefing")

QUALIFIERS = (
    "nearly",
    "almost",
    "about",
    "around",
    "roughly",
    "some",
    "estimated",
    "over",
    "more than",
    "at least",
    "only",
    "up to",
    "close to",
    "fewer than",
    "less than",
    "many",
    "several",
)
# A bound qualifier says on which side of the value the truth lies.
LOWER_BOUND_QUALIFIERS = ("over", "more than", "at least")
UPPER_BOUND_QUALIFIERS = ("up to", "fewer than", "less than")

EVENT_KINDS = ("war", "ceasefire", "blockade", "siege", "talks", "diplomacy", "statement")

PERCENT_UNIT = "percent"

COUNTRY_CODE_PATTERN = r"^[A-Z]{3}$"


@dataclass(frozen=True)
class Column:
    name: str
    kind: str
    description: str
    hxl: str
    required: bool = False
    allowed: tuple[str, ...] | None = None
    pattern: str | None = None
    unique: bool = False
    minimum: float | None = None
    pattern_hint: str | None = None  # the pattern in words, for error messages
    # A column added after tables were first written: a file without it is read as if
    # it were empty, with no problem reported (tables edited by hand keep loading).
    may_be_absent: bool = False


@dataclass(frozen=True)
class Table:
    name: str
    title: str
    description: str
    primary_key: str
    columns: tuple[Column, ...]
    # (column, other table, other table's key): values must exist there.
    foreign_keys: tuple[tuple[str, str, str], ...] = field(default=())

    @property
    def file_name(self) -> str:
        return f"{self.name}.csv"

    @property
    def column_names(self) -> list[str]:
        return [column.name for column in self.columns]

    def column(self, name: str) -> Column:
        for column in self.columns:
            if column.name == name:
                return column
        raise KeyError(name)


def _country_code_column() -> Column:
    return Column(
        "country_code",
        TEXT,
        "ISO 3166-1 alpha-3 code of the country or territory of `location` (`PSE` for the Gaza "
        "Strip), as the country data of hdx-python-country gives it; empty when the place is "
        'not within one country ("Europe").',
        "#country+code",
        pattern=COUNTRY_CODE_PATTERN,
        pattern_hint="three capital letters, an ISO 3166-1 alpha-3 code such as PSE",
        may_be_absent=True,
    )


def _quote_columns(subject: str) -> tuple[Column, ...]:
    return (
        Column(
            "source_id",
            TEXT,
            "The report this row is read from (`sources.source_id`).",
            "#meta+source+id",
            required=True,
            pattern=ID_PATTERN,
            pattern_hint=ID_HINT,
        ),
        Column(
            "attributed_to",
            TEXT,
            f"Who the report credits with the {subject} (an agency, an official); the "
            "publisher's name when the report states it in its own voice.",
            "#org+attributed",
            required=True,
        ),
        Column(
            "quote",
            TEXT,
            f"The sentence or clause stating the {subject}, exactly as the report has it.",
            "#meta+quote",
            required=True,
        ),
        Column(
            "quote_start",
            INTEGER,
            "Character offset where the quote starts in the report text (Python string "
            "index of the UTF-8 decoded file).",
            "#meta+quote+start",
            required=True,
            minimum=0,
        ),
        Column(
            "quote_end",
            INTEGER,
            "Character offset just after the quote: `text[quote_start:quote_end] == quote`.",
            "#meta+quote+end",
            required=True,
            minimum=0,
        ),
    )


SOURCES = Table(
    name="sources",
    title="Sources",
    description="One row per report that figures are read from.",
    primary_key="source_id",
    columns=(
        Column(
            "source_id",
            TEXT,
            "Identifier of the report.",
            "#meta+source+id",
            required=True,
            pattern=ID_PATTERN,
            pattern_hint=ID_HINT,
            unique=True,
        ),
        Column("publisher", TEXT, "Who published the report.", "#org+publisher", required=True),
        Column("title", TEXT, "The report's headline or title.", "#meta+title", required=True),
        Column(
            "url",
            TEXT,
            "Web address of the report; empty when no address could be verified.",
            "#meta+url",
        ),
        Column(
            "published", DATE, "Day the report was published.", "#date+published", required=True
        ),
        Column(
            "language",
            TEXT,
            "Language of the report text (ISO 639-1 code).",
            "#meta+lang",
            required=True,
            pattern=r"^[a-z]{2}$",
            pattern_hint="a two-letter ISO 639-1 code such as en",
        ),
        Column(
            "kind",
            TEXT,
            "What sort of report it is.",
            "#meta+kind",
            required=True,
            allowed=SOURCE_KINDS,
        ),
        Column(
            "text_sha256",
            TEXT,
            "SHA-256 of the report text's UTF-8 bytes that the quotes were checked against: the "
            "report file itself, or the text taken out of a PDF or web page.",
            "#meta+hash",
            required=True,
            pattern=r"^[0-9a-f]{64}$",
            pattern_hint="64 lowercase hexadecimal characters",
        ),
        Column(
            "notes", TEXT, "What is uncertain or was not verified about this report.", "#meta+notes"
        ),
        Column(
            "original_sha256",
            TEXT,
            "SHA-256 of the file the report came as (a PDF or web page) when its text was "
            "taken out of it; empty when the report file is the text itself.",
            "#meta+hash+original",
            pattern=r"^[0-9a-f]{64}$",
            pattern_hint="64 lowercase hexadecimal characters",
            may_be_absent=True,
        ),
    ),
)

INDICATORS = Table(
    name="indicators",
    title="Indicators",
    description="The catalogue of what is measured.",
    primary_key="indicator_id",
    columns=(
        Column(
            "indicator_id",
            TEXT,
            "Identifier of the indicator.",
            "#indicator+id",
            required=True,
            pattern=ID_PATTERN,
            pattern_hint=ID_HINT,
            unique=True,
        ),
        Column("name", TEXT, "Short name shown on charts.", "#indicator+name", required=True),
        Column(
            "unit",
            TEXT,
            "Unit of `observations.value`: `percent` (0-100), `count`, a count per period "
            "(`count per day`), `days`, `months`, `hours`, `times` (a multiplier: "
            '"tripled" is 3), money as its ISO 4217 code in lower case (`usd`, `eur`, '
            "`usd per person per month`), a rate per a stated denominator (`per 10,000 people "
            "per day`, `per 1,000 live births`), a measure (`km`, `hectares`, `tonnes`), or "
            "`status` for statements without a number.",
            "#indicator+unit",
            required=True,
        ),
        Column(
            "definition",
            TEXT,
            "What exactly is counted or described.",
            "#description",
            required=True,
        ),
        Column(
            "hxl_tag",
            TEXT,
            "Humanitarian Exchange Language hashtag for the indicator's values.",
            "#meta+hxl",
            required=True,
            pattern=r"^#[a-z][a-z0-9_]*(\+[a-z][a-z0-9_]*)*$",
            pattern_hint="a hashtag with attributes, such as #affected+hh+pct",
        ),
    ),
)

OBSERVATIONS = Table(
    name="observations",
    title="Observations",
    description="One row per figure a report states.",
    primary_key="observation_id",
    foreign_keys=(
        ("source_id", "sources", "source_id"),
        ("indicator_id", "indicators", "indicator_id"),
    ),
    columns=(
        Column(
            "observation_id",
            TEXT,
            "Identifier of the observation.",
            "#meta+observation+id",
            required=True,
            pattern=ID_PATTERN,
            pattern_hint=ID_HINT,
            unique=True,
        ),
        Column(
            "indicator_id",
            TEXT,
            "What is measured (`indicators.indicator_id`).",
            "#indicator+id",
            required=True,
            pattern=ID_PATTERN,
            pattern_hint=ID_HINT,
        ),
        Column("location", TEXT, "The place the figure describes.", "#loc+name", required=True),
        _country_code_column(),
        Column(
            "value",
            NUMBER,
            'The figure in the indicator\'s unit (a share is a percent, 0-100: "one in three" '
            'is 33.3). Empty for a statement without a number ("many hospitals").',
            "#indicator+value+num",
        ),
        Column(
            "value_low",
            NUMBER,
            'Lower bound, where the report gives a range or says "more than", "at least", "over".',
            "#indicator+value+min+num",
        ),
        Column(
            "value_high",
            NUMBER,
            'Upper bound, where the report gives a range or says "up to", "fewer than", "less than".',
            "#indicator+value+max+num",
        ),
        Column(
            "qualifier",
            TEXT,
            "How the report hedges the figure; empty when it states it plainly.",
            "#indicator+qualifier",
            allowed=QUALIFIERS,
        ),
        Column(
            "value_as_stated",
            TEXT,
            'The figure in the report\'s words ("nearly one in three").',
            "#indicator+value+text",
            required=True,
        ),
        Column(
            "period_start",
            DATE,
            "First day of the period the figure describes; empty when the report states none (the figure then describes the day in `reported_on`).",
            "#date+start",
        ),
        Column(
            "period_end",
            DATE,
            "Start of the window of the period's last day (see `period_precision`).",
            "#date+end",
        ),
        Column(
            "period_precision",
            TEXT,
            "Precision of `period_start`, and of `period_end` unless `period_end_precision` says otherwise.",
            "#meta+period+precision",
            allowed=PRECISIONS,
        ),
        Column(
            "period_end_precision",
            TEXT,
            'Precision of `period_end` when it differs from `period_precision` ("between early June and mid-July": `early-month`, then `mid-month`); empty otherwise.',
            "#meta+period+end+precision",
            allowed=PRECISIONS,
        ),
        Column(
            "period_as_stated",
            TEXT,
            'The period in the report\'s words ("between early March and mid-May").',
            "#description+period",
        ),
        Column(
            "reported_on",
            DATE,
            "Day the figure was said (the briefing's day, not the article's).",
            "#date+reported",
            required=True,
        ),
        Column(
            "reported_on_as_stated",
            TEXT,
            'That day in the report\'s words ("Wednesday"); empty when the report does not say.',
            "#description+reported",
        ),
        *_quote_columns("figure"),
        Column(
            "provisional",
            BOOLEAN,
            "`true` when the report marks the figure as provisional (an asterisk).",
            "#status+provisional",
        ),
        Column(
            "notes",
            TEXT,
            "How a date or attribution was resolved, and other caveats.",
            "#meta+notes",
        ),
    ),
)

EVENTS = Table(
    name="events",
    title="Events",
    description="Dated intervals and moments: war, ceasefire, aid blockade, talks.",
    primary_key="event_id",
    foreign_keys=(("source_id", "sources", "source_id"),),
    columns=(
        Column(
            "event_id",
            TEXT,
            "Identifier of the event row.",
            "#event+id",
            required=True,
            pattern=ID_PATTERN,
            pattern_hint=ID_HINT,
            unique=True,
        ),
        Column(
            "kind",
            TEXT,
            "What sort of event it is.",
            "#event+type",
            required=True,
            allowed=EVENT_KINDS,
        ),
        Column(
            "label", TEXT, "Short description shown on the timeline.", "#event+name", required=True
        ),
        Column(
            "start",
            DATE,
            "Start of the event (first day of its window, see `start_precision`); empty when the report gives no start.",
            "#date+start",
        ),
        Column(
            "start_precision",
            TEXT,
            "Precision of `start`.",
            "#meta+start+precision",
            allowed=PRECISIONS,
        ),
        Column(
            "start_as_stated",
            TEXT,
            'The start in the report\'s words ("early March").',
            "#description+start",
        ),
        Column(
            "end",
            DATE,
            "End of the event (first day of its window); empty while it goes on or for a moment.",
            "#date+end",
        ),
        Column(
            "end_precision", TEXT, "Precision of `end`.", "#meta+end+precision", allowed=PRECISIONS
        ),
        Column(
            "end_as_stated", TEXT, 'The end in the report\'s words ("mid-May").', "#description+end"
        ),
        Column("location", TEXT, "Where it happened.", "#loc+name", required=True),
        _country_code_column(),
        *_quote_columns("event"),
        Column(
            "notes",
            TEXT,
            "How a date or attribution was resolved, and other caveats.",
            "#meta+notes",
        ),
    ),
)

TABLES: dict[str, Table] = {
    table.name: table for table in (SOURCES, INDICATORS, OBSERVATIONS, EVENTS)
}
TABLE_ORDER = tuple(TABLES)


def column_reference_markdown(table: Table) -> str:
    """The column-by-column description of a table, as a Markdown table (README, bundle)."""
    lines = [
        "| column | type | required | HXL | meaning |",
        "| --- | --- | --- | --- | --- |",
    ]
    for column in table.columns:
        meaning = column.description
        if column.allowed:
            meaning += " One of: " + ", ".join(f"`{value}`" for value in column.allowed) + "."
        required = "yes" if column.required else ""
        lines.append(
            f"| `{column.name}` | {FRICTIONLESS_TYPES[column.kind]} | {required} | "
            f"`{column.hxl}` | {meaning} |"
        )
    return "\n".join(lines)
