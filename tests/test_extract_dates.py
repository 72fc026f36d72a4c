"""Date phrases resolved against a publication day given as a parameter."""

from __future__ import annotations

import os
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from indicators.extract import vocabulary
from indicators.extract.date_phrases import find_date_phrases
from indicators.extract.dates import DateResolver, is_future

THURSDAY = date(2025, 7, 24)


def resolve(text: str, published: date = THURSDAY, future: bool = False):
    resolver = DateResolver(published)
    out = []
    for match in find_date_phrases(text):
        phrase = resolver.resolve(match, future)
        if phrase is None:
            continue
        first = (phrase.first.day.isoformat(), phrase.first.precision) if phrase.first else None
        last = (phrase.last.day.isoformat(), phrase.last.precision) if phrase.last else None
        out.append((phrase.text, phrase.role, first, last))
    return out


@pytest.mark.parametrize(
    "text, role, first, last",
    [
        (
            "Between early March and mid-May, no aid",
            "range",
            ("2025-03-01", "early-month"),
            ("2025-05-11", "mid-month"),
        ),
        (
            "between the mornings of 3 and 6 June",
            "range",
            ("2025-06-03", "day"),
            ("2025-06-06", "day"),
        ),
        ("from 1 to 7 June", "range", ("2025-06-01", "day"), ("2025-06-07", "day")),
        ("1–7 June", "range", ("2025-06-01", "day"), ("2025-06-07", "day")),
        (
            "Between late December and mid-February",
            "range",
            ("2024-12-21", "late-month"),
            ("2025-02-11", "mid-month"),
        ),
        ("since 9 October", "since", ("2024-10-09", "day"), None),
        ("since early May 2024", "since", ("2024-05-01", "early-month"), None),
        ("since the offensive began in late January", "since", ("2025-01-21", "late-month"), None),
        ("so far this month", "since", ("2025-07-01", "month"), None),
        ("by late August", "until", None, ("2025-08-21", "late-month")),
        ("until the end of June", "until", None, ("2025-06-21", "late-month")),
        ("in March", "point", ("2025-03-01", "month"), ("2025-03-01", "month")),
        ("said Wednesday", "point", ("2025-07-23", "day"), ("2025-07-23", "day")),
        ("said Thursday", "point", ("2025-07-24", "day"), ("2025-07-24", "day")),
        ("yesterday", "point", ("2025-07-23", "day"), ("2025-07-23", "day")),
        ("today", "point", ("2025-07-24", "day"), ("2025-07-24", "day")),
        ("last week", "point", ("2025-07-14", "week"), ("2025-07-14", "week")),
        ("three days ago", "point", ("2025-07-21", "day"), ("2025-07-21", "day")),
        ("A few days earlier", "point", ("2025-07-17", "week"), ("2025-07-17", "week")),
        ("this month", "point", ("2025-07-01", "month"), ("2025-07-01", "month")),
        ("this year", "point", ("2025-01-01", "year"), ("2025-01-01", "year")),
        (
            "at the start of the year",
            "point",
            ("2025-01-01", "early-month"),
            ("2025-01-01", "early-month"),
        ),
        ("on 24 February 2022", "point", ("2022-02-24", "day"), ("2022-02-24", "day")),
        ("in the past 24 hours", "range", ("2025-07-23", "day"), ("2025-07-24", "day")),
    ],
)
def test_phrase_resolves_to_its_window(text, role, first, last):
    (found,) = resolve(text)
    assert found[1:] == (role, first, last)


def test_relative_words_follow_the_publication_day():
    friday = date(2025, 7, 25)
    assert resolve("yesterday", friday)[0][2] == ("2025-07-24", "day")
    assert resolve("Friday morning", friday)[0][2] == ("2025-07-25", "day")
    assert resolve("A few days earlier", friday)[0][2] == ("2025-07-18", "week")


def test_a_month_after_the_publication_month_is_last_year_unless_the_future_is_meant():
    assert resolve("in September", THURSDAY)[0][2] == ("2024-09-01", "month")
    assert resolve("in September", THURSDAY, future=True)[0][2] == ("2025-09-01", "month")


def test_since_then_takes_the_last_date_of_the_document():
    resolver = DateResolver(THURSDAY)
    text = "a deal that collapsed in March. Israel has placed Gaza under siege since then."
    phrases = [resolver.resolve(m) for m in find_date_phrases(text)]
    assert phrases[-1].text == "since then"
    assert (phrases[-1].first.day, phrases[-1].first.precision) == (date(2025, 3, 1), "month")


def test_the_modal_may_is_not_the_month():
    assert resolve("Aid may resume, officials said.") == []
    assert resolve("In May, 300 trucks entered.")[0][2] == ("2025-05-01", "month")


@pytest.mark.parametrize(
    "text, stated",
    [
        ("talks on June 15 stalled", "on June 15"),
        ("talks on Sept. 5 stalled", "on Sept. 5"),
        ("talks on June  15 stalled", "on June  15"),
        ("from 1 to 7 June", "from 1 to 7 June"),
        ("on 3rd of June", "on 3rd of June"),
        ("between 3 and 6 June", "between 3 and 6 June"),
        ("15–20 June", "15–20 June"),
        ("June 3 - 6", "June 3 - 6"),
        ("on 2024-05-01", "on 2024-05-01"),
        ("since mid-2024", "since mid-2024"),
        ("100 days ago", "100 days ago"),
        ("in the past 24 hours", "in the past 24 hours"),
        ("SINCE the 2 sides began in March", "SINCE the 2 sides began in March"),
    ],
)
def test_digits_that_can_be_part_of_a_date_are_read_as_one(text, stated):
    # digit runs are tried as dates only where a date can hold them; these all can
    assert [m.group() for m in find_date_phrases(text)] == [stated]


@pytest.mark.parametrize(
    "text", ["some 146 aid workers", "45% of households", "1,200 people", "10,704 trucks"]
)
def test_counts_and_shares_are_not_dates(text):
    assert find_date_phrases(text) == []


SINCE_VERBS = tuple(vocabulary.words("since_event_verbs", "dates"))


@settings(max_examples=int(os.environ.get("PROPERTY_EXAMPLES", "100")), deadline=None)
@given(
    article=st.sampled_from(["", "the ", "Ever since the "]),
    subject=st.sampled_from(["war", "fighting", "first case", "offensive on Goma", "M23 rebels"]),
    verb=st.sampled_from(SINCE_VERBS),
    when=st.sampled_from(
        [
            ("in November 2023", ("2023-11-01", "month")),
            ("on Wednesday", ("2025-07-23", "day")),
            ("last week", ("2025-07-14", "week")),
            ("in late January", ("2025-01-21", "late-month")),
        ]
    ),
)
def test_since_an_event_dates_the_start_of_a_period(article, subject, verb, when):
    """'since fighting escalated in November 2023', 'since the first case was confirmed last
    week': the event's date opens the period, whatever its verb in since_event_verbs."""
    words, first = when
    lead = article if article.startswith("Ever") else "since " + article
    text = f"Some 57,000 people have fled {lead}{subject} {verb} {words}, OCHA said."
    found = resolve(text)
    assert [(role, start) for _, role, start, _ in found] == [("since", first)], (text, found)


@pytest.mark.parametrize(
    "text", ["Overnight, Russia launched 45 missiles.", "The attack overnight hit Kharkiv."]
)
def test_overnight_is_the_day_of_the_report(text):
    assert [(role, first) for _, role, first, _ in resolve(text)] == [
        ("point", (THURSDAY.isoformat(), "day"))
    ]


@settings(max_examples=int(os.environ.get("PROPERTY_EXAMPLES", "100")), deadline=None)
@given(
    weekday=st.sampled_from(["Monday", "Tuesday", "Friday", "Saturday", "Sunday"]),
    modal=st.sampled_from(["would be", "will be"]),
)
def test_from_a_day_opens_a_period_to_come_in_reported_speech(weekday, modal):
    """'outages would be applied from Sunday': the coming Sunday opens the period; 'closed
    from Monday' in the past tense is the last one."""
    coming = resolve(f"He said outages {modal} applied in most regions from {weekday}.")
    past = resolve(f"Schools have been closed from {weekday}.")
    assert [p[1] for p in coming + past] == ["since", "since"]
    coming_day, past_day = date.fromisoformat(coming[0][2][0]), date.fromisoformat(past[0][2][0])
    assert coming_day > THURSDAY >= past_day and (coming_day - past_day).days == 7


@settings(max_examples=int(os.environ.get("PROPERTY_EXAMPLES", "100")), deadline=None)
@given(
    st.sampled_from(["round of talks", "phase of the response", "convoy", "distribution"]),
    st.sampled_from(["Monday", "Tuesday", "Wednesday"]),
    st.sampled_from(["opened", "began", "arrived", "started"]),
    st.sampled_from(["next week", "in the next two weeks", "over the next few days"]),
)
def test_next_says_the_future_only_with_a_span_of_time(thing, weekday, verb, span):
    # "the next round of talks opened on Monday" is a Monday past; "next week" is to come
    past = f"The next {thing} {verb} on {weekday} in the capital, officials said."
    (found,) = [phrase for phrase in resolve(past) if phrase[0].endswith(weekday)]
    assert found[2][0] < THURSDAY.isoformat()
    assert is_future(past) is False
    coming = f"Officials said the {thing} goes ahead {span}, the first on {weekday}."
    assert is_future(coming) is True
    (found,) = [phrase for phrase in resolve(coming, THURSDAY, True) if phrase[0].endswith(weekday)]
    assert found[2][0] > THURSDAY.isoformat()


@settings(max_examples=int(os.environ.get("PROPERTY_EXAMPLES", "100")), deadline=None)
@given(
    st.sampled_from(["starting on", "beginning on", "starting"]),
    st.sampled_from(["Monday", "Tuesday", "Wednesday"]),
)
def test_a_start_to_come_is_read_forward_and_since_is_read_back(opener, weekday):
    # in a sentence of the future "starting on Monday" is the coming Monday; "since" is past
    (coming,) = resolve(f"Rations will be cut {opener} {weekday}.", THURSDAY, True)
    assert coming[1] == "since" and coming[2][0] > THURSDAY.isoformat()
    (past,) = resolve(f"Rations were cut {opener} {weekday}.")
    assert past[2][0] < THURSDAY.isoformat()
    (since,) = resolve(f"No convoy will move, as none has since {weekday}.", THURSDAY, True)
    assert since[2][0] < THURSDAY.isoformat()


# "since its creation in 2006": the start of a period from an origin (since then), no point
@settings(max_examples=int(os.environ.get("PROPERTY_EXAMPLES", "100")), deadline=None)
@given(
    origin=st.sampled_from(vocabulary.words("since_event_nouns", "dates")),
    owner=st.sampled_from(["its", "their", "the", "the fund's"]),
    year=st.integers(1990, 2024),
    month=st.sampled_from(["", "March ", "October "]),
    ever=st.sampled_from(["Since", "since", "Ever since"]),
)
def test_since_an_origin_opens_a_period_at_its_date(origin, owner, year, month, ever):
    text = f"{ever} {owner} {origin} in {month}{year}, the fund has allocated $4 billion."
    resolver = DateResolver(date(2025, 10, 20))
    [phrase] = [resolver.resolve(m) for m in find_date_phrases(text)]
    assert phrase.role == "since"
    assert phrase.first.day == date(year, 3 if month == "March " else 10 if month else 1, 1)
    assert phrase.first.precision == ("month" if month else "year")
    assert phrase.last is None
