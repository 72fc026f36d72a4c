"""The report's text on the Add a report page, with every candidate's quote marked: generated
texts and quotes, nested and overlapping as a list's rows quoted from their lead-in are."""

from __future__ import annotations

import html
import os
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dashboard_pages import add_review

EXAMPLES = int(os.environ.get("PROPERTY_EXAMPLES", "100"))
MARK = re.compile(r'<mark id="q-([^"]+)" class="[^"]*" title="[^"]*">(.*?)</mark>', re.DOTALL)


def _shown(text: str, candidates: list[dict], chosen: str) -> str:
    pages: list[str] = []
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(add_review.st, "iframe", lambda page, **_: pages.append(page))
        add_review.show_text(text, candidates, chosen)
    (page,) = pages
    return page[page.index("<div>") + 5 : page.rindex("</div>")]


@st.composite
def report_and_quotes(draw):
    text = draw(st.text(alphabet="ab <&>\n-:", min_size=20, max_size=80))
    spans = draw(
        st.lists(
            st.tuples(st.integers(0, len(text)), st.integers(0, len(text))).map(sorted),
            min_size=1,
            max_size=6,
        )
    )
    candidates = [
        {"candidate_id": f"o{i}", "quote_start": a, "quote_end": b}
        for i, (a, b) in enumerate(spans, start=1)
        if a < b
    ]
    return text, candidates


@settings(max_examples=EXAMPLES, deadline=None)
@given(report_and_quotes())
def test_every_quote_that_runs_past_the_marks_before_it_is_marked(case):
    text, candidates = case
    if not candidates:
        return
    shown = _shown(text, candidates, candidates[0]["candidate_id"])
    # nothing of the report is lost or shown twice
    assert html.unescape(MARK.sub(r"\2", shown)) == text
    marked = {cid for cid, _ in MARK.findall(shown)}
    covered = 0
    for row in sorted(candidates, key=lambda r: (r["quote_start"], r["quote_end"])):
        if row["quote_end"] > covered:
            assert row["candidate_id"] in marked, (text, candidates, shown)
            covered = row["quote_end"]


def test_the_rows_under_a_lead_in_are_each_marked():
    lead_in = "Services delivered, 1–31 October 2025:\n"
    rows = ["- Consultations: 21,480\n", "- Kits distributed: 1,200\n", "- Latrines: 40"]
    text = lead_in + "".join(rows)
    ends = [len(lead_in + "".join(rows[: i + 1])) for i in range(len(rows))]
    candidates = [
        {"candidate_id": f"o{i}", "quote_start": 0, "quote_end": end - (i < 2)}
        for i, end in enumerate(ends, start=1)
    ]
    shown = _shown(text, candidates, "o3")
    marks = dict(MARK.findall(shown))
    assert set(marks) == {"o1", "o2", "o3"}
    assert "Latrines: 40" in marks["o3"] and "Consultations" not in marks["o3"]
