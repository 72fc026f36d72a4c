"""Sentence offsets and the boilerplate that must yield nothing."""

from __future__ import annotations

from datetime import date

import pytest

from indicators.extract.pipeline import extract
from indicators.extract.sentences import split_sentences


def test_sentences_are_verbatim_spans_and_abbreviations_do_not_split():
    text = "The U.S. is pulling out, Dr. Smith said. “It is over,” he added.\nNext line? Yes."
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == [
        "The U.S. is pulling out, Dr. Smith said.",
        "“It is over,” he added.",
        "Next line?",
        "Yes.",
    ]
    assert all(text[s.start : s.end] == s.text for s in sentences)


def test_a_dateline_and_a_bullet_are_left_out_of_the_sentence():
    text = "GENEVA, 12 June (Reuters) - Some 300 trucks entered.\n• 40 percent of wells are dry."
    assert [s.text for s in split_sentences(text)] == [
        "Some 300 trucks entered.",
        "40 percent of wells are dry.",
    ]


@pytest.mark.parametrize(
    "boilerplate",
    [
        "ua en ru",
        "Home | News | Sport | 2025",
        "Share this: Facebook | X | Email",
        "Follow us on X: @agency",
        "Follow",
        "Photo: 300 families arrive in Tawila. © UNICEF/2025",
        "Trump officials explain (Photo: Getty Images)",
        "The next situation update will be published on 19 June 2025.",
        "This report is published every week on Thursdays by 12 staff.",
        "For further information, please contact: press@example.org, +41 22 917 1234",
        "Published 12 June 2025 | Updated 14:20",
        "By Amina Yusuf",
        "Reporting by Jean Baptiste; Editing by Sara Ledwith",
        "Copyright © 2025 Horn Daily. All rights reserved.",
        "* Provisional figure, subject to verification.",
        "Situation Update No. 14: 61,200 displaced in El Fasher",
        "Q: How many of the 22 teams are deployed?",
        "Eric Bazail-Eimil contributed to this report.",
    ],
)
def test_boilerplate_yields_nothing(boilerplate):
    result = extract(boilerplate, date(2025, 6, 12), publisher="OCHA")
    assert result.observations == [] and result.events == []


def test_a_short_sentence_with_a_full_stop_is_not_a_heading():
    result = extract("Six convoys are waiting.\n", date(2025, 6, 12), publisher="OCHA")
    assert [o.value for o in result.observations] == [6]
