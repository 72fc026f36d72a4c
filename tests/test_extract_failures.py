"""A sentence whose reading raises is skipped and named; the rest of the report is read.

And the class behind the first such sentence found: date phrases generated from the grammar
the date reader supports ("the last week of March", "mid-May 2024", "between early June and
the end of July", ...) in every case, with and without years, never raise, and the ones it
reads are windows the tables can hold.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from indicators.dates import PRECISIONS, canonical_start, window
from indicators.extract import date_atoms, pipeline
from indicators.extract.date_phrases import find_date_phrases, month_number
from indicators.extract.dates import DateResolver
from indicators.extract.pipeline import extract

EXAMPLES = int(os.environ.get("PROPERTY_EXAMPLES", "100"))
PROPERTY = settings(
    max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
PUBLISHED = date(2025, 4, 10)

REPORT = (
    "Cholera cases rose in Tigray on Tuesday, the ministry said.\n\n"
    "About 300 cases were reported in the last week of March.\n\n"
    "Some 40 people died in Mekelle in early April, according to the WHO.\n"
)


def test_the_last_week_of_a_month_is_its_last_seven_days():
    result = extract(REPORT, PUBLISHED, "Health Cluster")
    assert result.failures == []
    cases = [o for o in result.observations if o.value == 300]
    assert len(cases) == 1
    assert (cases[0].period_start, cases[0].period_precision) == ("2025-03-25", "week")
    assert cases[0].period_as_stated == "in the last week of March"


def _raise_on(monkeypatch, words: str) -> None:
    """Make the date reader raise on the phrase `words`, as a bug in it would."""
    original = DateResolver._resolve

    def resolve(self, match, future):
        if match.group().endswith(words):
            raise KeyError(words.lower())
        return original(self, match, future)

    monkeypatch.setattr(DateResolver, "_resolve", resolve)


def test_a_sentence_whose_date_raises_is_skipped_and_named(monkeypatch):
    _raise_on(monkeypatch, "early April")
    result = extract(REPORT, PUBLISHED, "Health Cluster")
    offset = REPORT.index("Some 40")
    assert [(f.offset, f.phrase) for f in result.failures] == [(offset, "in early April")]
    assert "KeyError" in result.failures[0].error
    # every other sentence is still read
    assert {o.value for o in result.observations} == {300}
    warning = result.warnings("report.txt")[0]
    assert warning.startswith(f"report.txt: offset {offset}: could not read “in early April”")


def test_a_sentence_whose_figure_raises_is_skipped_without_half_its_rows(monkeypatch):
    original = pipeline._Run._figure

    def figure(self, sentence, mention, *rest):
        if mention.value == 40:
            raise ValueError("unreadable figure")
        return original(self, sentence, mention, *rest)

    monkeypatch.setattr(pipeline._Run, "_figure", figure)
    text = REPORT.replace("Some 40 people", "Some 12 trucks and some 40 people")
    result = extract(text, PUBLISHED, "Health Cluster")
    assert [f.offset for f in result.failures] == [text.index("Some 12")]
    assert result.failures[0].phrase.startswith("Some 12 trucks")
    # nothing of the failed sentence is kept, not even the figure read before the fault
    assert {o.value for o in result.observations} == {300}
    for row in result.observations + result.events:
        assert text[row.quote_start : row.quote_end] == row.quote


def test_a_scan_that_raises_falls_back_to_one_sentence_at_a_time(monkeypatch):
    original = pipeline.find_date_phrases

    def find(text, start=0, end=None):
        if "March" in text[start:end]:
            raise RuntimeError("scan failed")
        return original(text, start, end)

    monkeypatch.setattr(pipeline, "find_date_phrases", find)
    result = extract(REPORT, PUBLISHED, "Health Cluster")
    assert [f.offset for f in result.failures] == [REPORT.index("About 300")]
    assert {o.value for o in result.observations} == {40}


def test_the_command_warns_and_still_prints_the_other_figures(monkeypatch, tmp_path, capsys):
    from indicators.cli import build_parser

    _raise_on(monkeypatch, "early April")
    report = tmp_path / "cholera.txt"
    report.write_text(REPORT, "utf-8")
    parser = build_parser()
    args = parser.parse_args(
        ["extract", str(report), "--published", "2025-04-10", "--publisher", "Health Cluster"]
    )
    assert args.func(args) == 0
    captured = capsys.readouterr()
    assert "About 300" in captured.out
    assert f"{report}: offset {REPORT.index('Some 40')}" in captured.err
    assert "in early April" in captured.err and "Traceback" not in captured.err


# ------------------------------------------------------------------ the date grammar

MONTH_NAMES = [
    "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun",
    "Jul", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec", "Sept.", "Oct.",
]  # fmt: skip
LEADS = [
    "early", "mid-", "late", "end-", "the beginning of", "the start of", "the middle of",
    "the end of", "end of", "the first week of", "the second week of", "the third week of",
    "the fourth week of", "the last week of", "the final week of", "the first half of",
    "the second half of", "the last days of", "the first days of", "the last few days of",
    "the final days of", "the opening days of", "the closing days of",
]  # fmt: skip
ROLES = ["", "in ", "on ", "during ", "by ", "until ", "since ", "as of ", "over ", "from "]
CASES = [str, str.lower, str.upper, str.title, str.capitalize]

months = st.sampled_from(MONTH_NAMES)
years = st.one_of(st.just(""), st.integers(1990, 2035).map(lambda y: f" {y}"))
day_numbers = st.integers(1, 31).map(str) | st.sampled_from(["1st", "2nd", "3rd", "21st", "30th"])


def _lead_and_month(lead: str, month: str) -> str:
    return f"{lead}{month}" if lead.endswith("-") else f"{lead} {month}"


@st.composite
def atoms(draw) -> str:
    month, year = draw(months), draw(years)
    return draw(
        st.sampled_from(
            [
                _lead_and_month(draw(st.sampled_from(LEADS)), month) + year,
                f"{draw(day_numbers)} {month}{year}",
                f"{month} {draw(day_numbers)}{year.replace(' ', ', ')}",
                f"{draw(day_numbers)} of {month}{year}",
                f"{month}{year}",
                f"{draw(st.sampled_from(['early', 'mid-', 'late']))}{year.strip() or '2024'}",
                draw(
                    st.sampled_from(
                        ["the last week", "the past 24 hours", "the last three weeks"]
                        + ["the past few days", "last month", "this year", "three weeks ago"]
                        + ["the week before", "the previous month", "yesterday", "Monday"]
                    )
                ),
            ]
        )
    )


@st.composite
def date_phrases(draw) -> str:
    first, second = draw(atoms()), draw(atoms())
    phrase = draw(
        st.sampled_from(
            [
                draw(st.sampled_from(ROLES)) + first,
                f"between {first} and {second}",
                f"from {first} to {second}",
                f"between {draw(day_numbers)} and {second}",
                f"{draw(day_numbers)}-{draw(day_numbers)} {draw(months)}{draw(years)}",
                f"{draw(months)} {draw(day_numbers)}-{draw(day_numbers)}",
                f"since the offensive began in {first}",
            ]
        )
    )
    return draw(st.sampled_from(CASES))(phrase)


def _check_readable(phrase) -> None:
    for atom in (phrase.first, phrase.last):
        if atom is None:
            continue
        assert atom.precision in PRECISIONS
        assert canonical_start(atom.day, atom.precision) == atom.day
    if phrase.first is not None and phrase.last is not None and phrase.role == "range":
        assert (
            window(phrase.first.day, phrase.first.precision)[0]
            <= window(phrase.last.day, phrase.last.precision)[1]
        )


@PROPERTY
@given(date_phrases(), st.booleans(), st.dates(date(1995, 1, 1), date(2035, 12, 31)))
def test_no_date_phrase_of_the_grammar_raises(phrase, future, published):
    resolver = DateResolver(published)
    for match in find_date_phrases(f"About 300 cases were reported {phrase}."):
        read = resolver.resolve(match, future)
        if read is not None:
            _check_readable(read)


@PROPERTY
@given(date_phrases(), st.dates(date(1995, 1, 1), date(2035, 12, 31)))
def test_no_sentence_with_a_date_phrase_of_the_grammar_is_skipped(phrase, published):
    text = f"About 300 cases were reported {phrase}, the ministry said. Some 20 people died."
    result = extract(text, published, "Health Cluster")
    assert result.failures == []
    assert any(o.value == 20 for o in result.observations)


@pytest.mark.parametrize("lead", LEADS)
@pytest.mark.parametrize("month", ["March", "MARCH", "Sept."])
def test_every_lead_before_a_month_is_read_as_a_window_of_that_month(lead, month):
    text = f"About 300 cases were reported in {_lead_and_month(lead, month)} 2024."
    matches = find_date_phrases(text)
    assert [m.group() for m in matches] == [f"in {_lead_and_month(lead, month)} 2024"]
    read = DateResolver(PUBLISHED).resolve(matches[0])
    first, last = window(read.first.day, read.first.precision)
    number = month_number(month)
    assert (first.year, first.month, last.month) == (2024, number, number)


def test_lower_case_month_words_are_not_months():
    assert find_date_phrases("Aid may resume; they march on.") == []


def test_the_grammar_covers_the_readers_leads():
    # a lead added to the reader's table is generated here too
    leads = {date_atoms._fuzzy_lead(lead.rstrip("-")) for lead in LEADS}
    assert set(date_atoms.FUZZY_PRECISIONS) <= leads


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(pytest.main([str(Path(__file__))]))
