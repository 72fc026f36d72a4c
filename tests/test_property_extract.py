"""Property tests: the extractor takes any text without raising, and quotes it exactly.

Texts are random Unicode, sentences built from the words the extractor looks for
(numbers, hedges, dates, attributions, quotation marks), realistic report texts with
random edits, and pathological shapes (huge numbers, endless lists, unclosed quotes).
For each: no exception, every candidate's quote is `text[quote_start:quote_end]` and
non-empty, its dates are ISO or empty, and the run takes bounded time.

Set PROPERTY_EXAMPLES to run more examples (CI runs the default).
"""

from __future__ import annotations

import os
import re
import tempfile
import time
from datetime import date
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from benchmarks import synthetic
from tests.conftest import REPO_ROOT

pipeline = pytest.importorskip("indicators.extract.pipeline")
catalogue_module = pytest.importorskip("indicators.extract.catalogue")

EXAMPLES = int(os.environ.get("PROPERTY_EXAMPLES", "100"))
PROPERTY = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
SECONDS_PER_10K_CHARACTERS = 10.0  # generous: a regex that backtracks badly takes minutes
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

FIGURE_WORDS = (
    "nearly one in three people 95 percent 95% 1,200 1.2 million half a third quarter "
    "between and to from until since early mid late March mid-May Wednesday Thursday "
    "last week this month this year 21 months of war ceasefire talks blockade siege "
    "hospitals households children according to the United Nations WHO said told reporters "
    "more than at least up to fewer than about some many several over almost only "
    "US$ 5 $ € £ 3.5bn 10k per cent pc a day per week daily in Gaza Strip Doha Qatar "
    "collapsed began took effect resumed intermittently far below nowhere near enough "
    "Tedros Witkoff Hamas Israel 2023 2025 24 July 2025 7 October 2023 1/3 2:1 #"
)
WORDS = FIGURE_WORDS.split()
PUNCTUATION = (
    '"',
    "“",
    "”",
    "‘",
    "’",
    "'",
    ",",
    ".",
    ";",
    ":",
    "(",
    ")",
    "—",
    "–",
    "-",
    "\n",
    "\n\n",
    "*",
)


@cache
def catalogue():
    return catalogue_module.Catalogue.from_csv(REPO_ROOT / "data" / "indicators.csv")


@cache
def realistic_texts() -> tuple[str, ...]:
    folder = Path(tempfile.mkdtemp(prefix="property-extract-"))
    dataset = synthetic.generate(folder, observations=40, seed=3)
    return tuple(path.read_text("utf-8") for path in sorted(dataset.reports_dir.iterdir()))


def vocabulary_text():
    token = st.one_of(st.sampled_from(WORDS), st.sampled_from(PUNCTUATION))
    return st.lists(token, max_size=120).map(" ".join)


@st.composite
def edited_report(draw):
    """A realistic report with random cuts, insertions and repeats."""
    text = draw(st.sampled_from(realistic_texts()))
    for _ in range(draw(st.integers(0, 6))):
        start = draw(st.integers(0, len(text)))
        end = draw(st.integers(start, min(len(text), start + 200)))
        edit = draw(st.sampled_from(["delete", "insert", "repeat"]))
        if edit == "delete":
            text = text[:start] + text[end:]
        elif edit == "insert":
            text = (
                text[:start]
                + draw(st.one_of(st.text(max_size=20), vocabulary_text()))
                + text[start:]
            )
        else:
            text = text[:end] + text[start:end] * draw(st.integers(1, 5)) + text[end:]
    return text


PATHOLOGICAL = st.sampled_from(
    [
        "",
        " ",
        "\n" * 500,
        "1" * 5_000,
        "1," * 3_000 + "1 people were killed.",
        "one in " * 800 + "three",
        "nearly " * 1_000 + "5 percent.",
        "between 1 and " * 500 + "2 percent.",
        "“" * 2_000 + "95 percent",
        '"He said ' * 400,
        "Wednesday, " * 1_000,
        "early March and mid-May " * 300,
        "according to according to " * 400,
        "9" * 400 + " percent of households",
        "1.2.3.4.5.6.7.8.9 " * 300,
        "$" * 1_000 + "5bn",
        "\u200b\u00a0\u2028\ufeff" * 500,
        "A. B. C. D. " * 1_000,
        "e\u0301" * 2_000 + " 40% said",
    ]
)


def check_extraction(text: str, published: date) -> None:
    began = time.perf_counter()
    result = pipeline.extract(text, published, publisher="Hypothesis Daily", catalogue=catalogue())
    elapsed = time.perf_counter() - began
    assert elapsed < SECONDS_PER_10K_CHARACTERS * max(1.0, len(text) / 10_000), elapsed
    for candidate in [*result.observations, *result.events]:
        start, end = candidate.quote_start, candidate.quote_end
        assert isinstance(start, int) and isinstance(end, int)
        assert 0 <= start < end <= len(text), (start, end, len(text))
        assert text[start:end] == candidate.quote, candidate
    for observation in result.observations:
        for field in ("period_start", "period_end", "reported_on"):
            value = getattr(observation, field)
            assert not value or ISO_DATE.match(value), (field, value)
    for event in result.events:
        for field in ("start", "end"):
            value = getattr(event, field)
            assert not value or ISO_DATE.match(value), (field, value)


DATES = st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31))


@PROPERTY
@given(st.text(max_size=400), DATES)
def test_random_text_never_raises_and_quotes_exactly(text, published):
    check_extraction(text, published)


@PROPERTY
@given(vocabulary_text(), DATES)
def test_sentences_of_figure_words_never_raise_and_quote_exactly(text, published):
    check_extraction(text, published)


@PROPERTY
@given(edited_report(), DATES)
def test_edited_reports_never_raise_and_quote_exactly(text, published):
    check_extraction(text, published)


@settings(max_examples=40, deadline=None)
@given(PATHOLOGICAL, DATES)
def test_pathological_texts_finish_quickly_and_quote_exactly(text, published):
    check_extraction(text, published)


def test_an_unedited_report_yields_candidates_that_quote_it():
    """The generator's texts state figures, so the property is not met by finding nothing."""
    text = realistic_texts()[0]
    result = pipeline.extract(text, date(2025, 7, 24), catalogue=catalogue())
    assert result.observations
    for candidate in result.observations:
        assert text[candidate.quote_start : candidate.quote_end] == candidate.quote
