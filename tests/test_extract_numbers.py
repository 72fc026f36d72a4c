"""Figures as reports write them: each phrase and what it must be read as."""

from __future__ import annotations

import pytest

from indicators.extract.number_ranges import merge_ranges
from indicators.extract.numbers import find_numbers


def read(text: str):
    mentions = merge_ranges(text, find_numbers(text))
    return [
        (
            text[m.start : m.end],
            m.value,
            m.kind,
            m.qualifier,
            m.value_low,
            m.value_high,
            m.provisional,
        )
        for m in mentions
    ]


@pytest.mark.parametrize(
    "text, stated, value, kind, qualifier, low, high",
    [
        ("95 percent of households", "95 percent", 95, "share", "", None, None),
        ("87 per cent said so", "87 per cent", 87, "share", "", None, None),
        ("only 12% funded", "only 12%", 12, "share", "only", None, None),
        ("rose 22.4 percent", "22.4 percent", 22.4, "share", "", None, None),
        ("nearly one in three people", "nearly one in three", 33.3, "share", "nearly", None, None),
        ("one person in three", "one person in three", 33.3, "share", "", None, None),
        ("Three of five water points", "Three of five", 60, "share", "", None, None),
        ("roughly a fifth of arrivals", "roughly a fifth", 20, "share", "roughly", None, None),
        ("less than half of the clinics", "less than half", 50, "share", "less than", None, 50),
        ("9 out of 22 hospitals", "9 out of 22", 40.9, "share", "", None, None),
        ("two-thirds of wells", "two-thirds", 66.7, "share", "", None, None),
        ("61,200 people", "61,200", 61200, "count", "", None, None),
        ("210 000 displaced", "210 000", 210000, "count", "", None, None),
        (
            "a quarter of a million people",
            "a quarter of a million",
            250000,
            "count",
            "",
            None,
            None,
        ),
        ("two million people", "two million", 2_000_000, "count", "", None, None),
        (
            "one and a half million people",
            "one and a half million",
            1_500_000,
            "count",
            "",
            None,
            None,
        ),
        ("six convoys", "six", 6, "count", "", None, None),
        ("Twenty-two teams", "Twenty-two", 22, "count", "", None, None),
        (
            "an estimated 14,500 people",
            "an estimated 14,500",
            14500,
            "count",
            "estimated",
            None,
            None,
        ),
        ("over 600,000 people", "over 600,000", 600000, "count", "over", 600000, None),
        (
            "more than a million people",
            "more than a million",
            1_000_000,
            "count",
            "more than",
            1_000_000,
            None,
        ),
        ("at least 430 civilians", "at least 430", 430, "count", "at least", 430, None),
        ("up to 40 villages", "up to 40", 40, "count", "up to", None, 40),
        ("fewer than 10 helicopters", "fewer than 10", 10, "count", "fewer than", None, 10),
        ("close to 300 trucks", "close to 300", 300, "count", "close to", None, None),
        ("21 months of war", "21 months", 21, "duration", "", None, None),
        ("a two-week closure", "two-week", 2, "duration", "", None, None),
        ("US$ 500 million for", "US$ 500 million", 500_000_000, "money", "", None, None),
        ("seeks $908 million", "$908 million", 908_000_000, "money", "", None, None),
    ],
)
def test_phrase_is_read_as_one_figure(text, stated, value, kind, qualifier, low, high):
    (found,) = read(text)
    assert found[:6] == (stated, pytest.approx(value), kind, qualifier, low, high)


def test_asterisk_marks_a_provisional_figure_and_stays_in_the_words():
    (found,) = read("1,847* suspected cases")
    assert found[0] == "1,847*" and found[1] == 1847 and found[6] is True
    assert read("1,847 suspected cases")[0][6] is False


def test_ordinal_duration_is_a_lower_bound_without_a_hedge_word():
    (found,) = read("as the siege enters its third month")
    assert found[:6] == ("third month", 2, "duration", "", 2, None)


def test_range_keeps_both_bounds_and_the_midpoint():
    (found,) = read("between 30 and 40 children every week")
    assert found[:6] == ("between 30 and 40", 35, "count", "", 30, 40)
    (share,) = read("10-20% of households")
    assert share[:6] == ("10-20%", 15, "share", "", 10, 20)


def test_a_change_from_one_number_to_another_is_not_a_range():
    assert [f[1] for f in read("rose from 860 to 1,230 cases")] == [860, 1230]


@pytest.mark.parametrize(
    "text",
    [
        "children under five",
        "aged 5-17",
        "IPC Phase 5",
        "COVID-19 cases",
        "at 10:30 GMT",
        "the two sides met",
        "one of the largest",
        "in 2024 alone",
        "a 50kg bag",
        "three days ago",
        "the first half of 2025",
        "half an hour",
        "a third time",
        "Resolution 2712",
    ],
)
def test_labels_ages_times_and_years_are_not_figures(text):
    assert read(text) == []


def test_only_one_counts_but_a_bare_one_does_not():
    assert read("only one hospital remains")[0][:2] == ("only one", 1)
    assert read("one hospital remains") == []


def test_every_hedge_reads_as_a_schema_qualifier_or_a_bound():
    from indicators import schema
    from indicators.extract import number_qualifiers

    for hedge in number_qualifiers.HEDGES:
        (mention,) = find_numbers(f"{hedge} 40 trucks entered")
        assert mention.qualifier in ("", *schema.QUALIFIERS), hedge
        assert mention.qualifier or mention.note or hedge == "approximately", hedge
        # the qualifier is quoted: the validator finds it in the sentence
        assert mention.qualifier in f"{hedge} 40 trucks entered"
