"""A report hard-wrapped at a width reads as the same report with each paragraph on one line.

Each golden report of `tests/fixtures/reports/` and `unseen/` is wrapped at a generated width (as a text
export or an e-mail would wrap it, the line break standing where a space was) and extracted:
every candidate must be the one the unwrapped report gives, its quote the wrapped report's
own words at its offsets.
"""

from __future__ import annotations

import json
import os
import textwrap
from dataclasses import asdict
from datetime import date
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from indicators.extract.catalogue import Catalogue
from indicators.extract.line_wraps import unwrapped
from indicators.extract.pipeline import extract
from tests.conftest import REPO_ROOT

REPORTS = Path(__file__).resolve().parent / "fixtures" / "reports"
CATALOGUE = Catalogue.from_csv(REPO_ROOT / "data" / "indicators.csv", REPORTS / "indicators.csv")
# Reports whose layout still reads otherwise at some widths once wrapped (a key-figures box
# whose rows open in lower case, a bulletin's run of short rows, and two of the fourth batch;
# see unseen/README.md).
WRAP_LIMITS = {
    "haiti_education_cluster_update",
    "uganda_mpox_epidemiological_bulletin",
    "lao_uxo_mine_action_quarterly_update",
    "south_sudan_unhcr_sudan_arrivals_update",
}
# the reports written with the rules and those written before them
GOLDEN = sorted(REPORTS.glob("*.expected.json")) + sorted(
    path
    for path in REPORTS.glob("unseen/*.expected.json")
    if path.name.removesuffix(".expected.json") not in WRAP_LIMITS
)
EXAMPLES = int(os.environ.get("PROPERTY_EXAMPLES", "100"))
# a whole report is extracted per example: a tenth of the usual count still tries each report
PROPERTY = settings(max_examples=max(10, EXAMPLES // 10), deadline=None)


def wrapped(text: str, width: int) -> str:
    """`text` with each line longer than `width` wrapped at spaces, a break for a space."""
    lines = []
    for line in text.split("\n"):
        if len(line) <= width or "|" in line or "  " in line:
            lines.append(line)  # a table's row is not wrapped; nor is a spaced-out line
            continue
        lines.append(
            "\n".join(textwrap.wrap(line, width, break_long_words=False, break_on_hyphens=False))
        )
    return "\n".join(lines)


def candidates(text: str, golden: dict) -> list[dict]:
    result = extract(
        text, date.fromisoformat(golden["published"]), golden["publisher"], catalogue=CATALOGUE
    )
    return [asdict(c) for c in (*result.observations, *result.events)]


@PROPERTY
@given(st.sampled_from(GOLDEN), st.integers(min_value=60, max_value=100))
def test_a_report_wrapped_at_a_width_gives_the_same_candidates(path, width):
    golden = json.loads(path.read_text(encoding="utf-8"))
    text = path.with_name(path.name.removesuffix(".expected.json") + ".txt").read_text("utf-8")
    wrapped_text = wrapped(text, width)
    if wrapped_text.count(" ") + wrapped_text.count("\n") != text.count(" ") + text.count("\n"):
        return  # a line textwrap changed more than its breaks (not a wrap of this report)
    plain = candidates(text, golden)
    found = candidates(wrapped_text, golden)
    assert len(found) == len(plain)
    for one, other in zip(found, plain, strict=True):
        quote = wrapped_text[one["quote_start"] : one["quote_end"]]
        assert one["quote"] == quote  # the report's own words, line breaks and all
        assert quote.replace("\n", " ") == other["quote"]
        assert {**one, "quote": other["quote"]} == other


@PROPERTY
@given(
    st.sampled_from(["killed in", "displaced from", "the number of", "reached by the"]),
    st.sampled_from(["Kasanga", "the district", "Tsihombe"]),
)
def test_a_line_ending_inside_a_sentence_goes_on_in_the_next(ending, following):
    # no width to go by (one sentence): the words a line ends with say it goes on
    text = f"Report\n\nOfficials said 40 people were {ending}\n{following} last week.\n"
    assert unwrapped(text) == text.replace(f"{ending}\n", f"{ending} ")
    result = extract(text, date(2025, 3, 14), "Publisher", catalogue=CATALOGUE)
    (figure,) = [o for o in result.observations if o.value == 40]
    assert "\n" in figure.quote and text[figure.quote_start : figure.quote_end] == figure.quote


@PROPERTY
@given(
    st.sampled_from(["KEY FIGURES", "Overview", "Water, sanitation and hygiene"]),
    st.sampled_from(["919 schools closed because of insecurity", "People in need: 4.2 million"]),
    st.sampled_from(["over 243,000 learners affected", "some 12,000 households reached"]),
)
def test_headings_and_rows_of_key_figures_stay_lines_of_their_own(heading, row, lower_row):
    # a heading, then rows each a figure of its own, one opening in lower case
    text = f"{heading}\n{row}\n{lower_row}\n\nThe agency said 7 clinics reopened.\n"
    assert unwrapped(text) == text


@PROPERTY
@given(
    st.lists(
        st.sampled_from(
            [
                "4,212 suspected cholera cases since the start of the outbreak in October",
                "97 deaths among them, most in the districts bordering the lake shore",
                "38 of the 116 districts reporting at least one case in the past month",
            ]
        ),
        min_size=3,
        max_size=3,
    ),
    st.sampled_from(["OVERVIEW", "Response", "Water and sanitation"]),
)
def test_a_list_of_long_items_is_no_wrapped_paragraph(items, heading):
    # a box of long bullet items without full stops, then the next section's heading
    text = "KEY FIGURES\n" + "".join(f"- {item}\n" for item in items)
    text += f"{heading}\nThe ministry said 12 clinics reopened last week.\n"
    assert unwrapped(text) == text
