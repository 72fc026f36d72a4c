"""Derived frames: date windows, headline figures, blockade length, disagreements, filters."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from indicators import citations, dates, summaries
from indicators.loading import DEFAULT_DATA_DIR, load_tables
from indicators.schema import PERCENT_UNIT

FIXTURE_DIR = Path(__file__).parent / "fixtures" / "dashboard"


# --------------------------------------------------------------------------- windows


@given(
    st.lists(
        st.tuples(
            st.dates(min_value=date(1990, 1, 1), max_value=date(2090, 12, 31)),
            st.sampled_from(dates.PRECISIONS),
        ),
        min_size=1,
        max_size=30,
    )
)
def test_window_bounds_agree_with_dates_window(pairs):
    days = pd.Series(pd.to_datetime([day for day, _ in pairs]))
    precisions = pd.Series([precision for _, precision in pairs], dtype="str")
    first, last = summaries.window_bounds(days, precisions)
    for (day, precision), low, high in zip(pairs, first, last, strict=True):
        assert (low.date(), high.date()) == dates.window(day, precision)


def test_window_bounds_keep_missing_dates_missing():
    first, last = summaries.window_bounds(
        pd.Series([pd.NaT, pd.Timestamp("2025-03-01")]), pd.Series(["", "month"])
    )
    assert pd.isna(first[0]) and pd.isna(last[0])
    assert last[1] == pd.Timestamp("2025-03-31")


# --------------------------------------------------------------------------- prepare


def test_a_figure_without_a_period_holds_on_the_day_it_was_stated(shipped):
    no_period = shipped.observations[shipped.observations["period_start"].isna()]
    assert not no_period.empty
    assert (no_period["as_of_first"] == no_period["reported_on"]).all()
    assert no_period["as_of_text"].str.startswith("as of ").all()


def test_every_figure_is_worded_with_its_qualifier(shipped):
    observations = shipped.observations
    for row in observations.itertuples():
        expected = citations.format_value(
            row.value, row.qualifier, row.unit, row.value_as_stated, row.value_low, row.value_high
        )
        assert row.value_shown == expected
        if row.qualifier and pd.notna(row.value):
            assert row.value_shown.startswith(row.qualifier)


def test_figures_and_events_carry_their_source(shipped):
    sources = shipped.sources.set_index("source_id")
    for frame in (shipped.observations, shipped.events):
        assert (frame["source_publisher"] == frame["source_id"].map(sources["publisher"])).all()
        assert (frame["source_published"] == frame["source_id"].map(sources["published"])).all()


def test_event_shapes(shipped):
    events = shipped.events.set_index("event_id")
    # Dates not stated: kept, but not placed.
    undated = events[events["start"].isna() & events["end"].isna()]
    assert (undated["shape"] == "unplaced").all() and len(undated) >= 1
    # Lasting kinds without an end are drawn up to their report's publication, no further.
    ongoing = events[events["shape"] == "ongoing"]
    assert ongoing["kind"].isin(summaries.DURATION_KINDS).all()
    assert (ongoing["drawn_last"] == ongoing["source_published"]).all()
    assert ongoing["end_text"].str.startswith("ongoing as of").all()
    # Both bounds: an interval from the first day of its start window to the last of its end.
    both = events[events["start"].notna() & events["end"].notna()]
    assert (both["shape"] == "interval").all()
    for row in both.itertuples():
        assert row.drawn_first.date() == dates.window(row.start.date(), row.start_precision)[0]
        assert row.drawn_last.date() == dates.window(row.end.date(), row.end_precision)[1]


def test_options_come_from_the_tables(shipped):
    assert set(shipped.locations) == set(shipped.observations["location"]) | set(
        shipped.events["location"]
    )
    first, last = shipped.date_range
    assert first == shipped.events["drawn_first"].min().date()
    assert last >= shipped.observations["as_of_last"].max().date()


# --------------------------------------------------------------------------- headlines


def test_headline_figures_are_the_latest_of_each_share(shipped):
    headlines = summaries.headline_figures(shipped)
    shares = shipped.indicators.loc[shipped.indicators["unit"] == PERCENT_UNIT, "indicator_id"]
    assert list(headlines["indicator_id"]) == [
        i for i in shares if i in set(shipped.observations["indicator_id"])
    ]
    for row in headlines.itertuples():
        same = shipped.observations[shipped.observations["indicator_id"] == row.indicator_id]
        assert row.as_of_last == same["as_of_last"].max()


def test_blockade_length_from_its_fuzzy_bounds(shipped):
    length = summaries.blockade_length(shipped.events)
    event = length.event
    expected = dates.interval_length_days(
        event["start"].date(), event["start_precision"], event["end"].date(), event["end_precision"]
    )
    assert (length.shortest_days, length.longest_days) == expected
    # "Between early March and mid-May": 10 March to 11 May at least, 1 March to 20 May at most.
    assert length.text == "62–80 days"
    assert not length.ongoing


def test_an_ongoing_blockade_is_at_least_as_long_as_until_its_report():
    events = pd.DataFrame(
        {
            "kind": ["blockade"],
            "start": [pd.Timestamp("2025-03-01")],
            "start_precision": ["early-month"],
            "end": [pd.NaT],
            "end_precision": [""],
            "start_first": [pd.Timestamp("2025-03-01")],
            "source_published": [pd.Timestamp("2025-03-31")],
        }
    )
    length = summaries.blockade_length(events)
    assert length.ongoing
    assert length.shortest_days == (date(2025, 3, 31) - date(2025, 3, 10)).days
    assert length.text.startswith("at least ")


def test_no_blockade_no_length(fixture):
    assert summaries.blockade_length(fixture.events[fixture.events["kind"] != "blockade"]) is None


def test_talks_newest_first(shipped):
    talks = summaries.talks_events(shipped.events, limit=10)
    assert talks["kind"].isin(summaries.TALKS_KINDS).all()
    assert talks["drawn_first"].is_monotonic_decreasing
    assert talks["drawn_first"].notna().all()


# --------------------------------------------------------------------------- disagreements


def test_disagreeing_sources_are_paired_not_averaged(fixture):
    found = summaries.disagreements(fixture.observations)
    assert set(found["observation_id"]) == {"a-o1", "b-o1"}
    assert found["group"].nunique() == 1
    assert sorted(found["value"]) == sorted(
        fixture.observations.loc[
            fixture.observations["observation_id"].isin(["a-o1", "b-o1"]), "value"
        ]
    )


def _two_sources(first_value, second_value, first_words="x", second_words="x") -> pd.DataFrame:
    return pd.DataFrame(
        {
            "indicator_id": ["i", "i"],
            "location": ["L", "L"],
            "as_of_first": [pd.Timestamp("2025-01-01")] * 2,
            "as_of_last": [pd.Timestamp("2025-01-01")] * 2,
            "source_id": ["a", "b"],
            "source_published": [pd.Timestamp("2025-01-02")] * 2,
            "value": [first_value, second_value],
            "value_low": [float("nan")] * 2,
            "value_high": [float("nan")] * 2,
            "value_as_stated": pd.array([first_words, second_words], dtype="str"),
        }
    )


def test_agreeing_sources_are_not_flagged():
    assert summaries.disagreements(_two_sources(40.0, 40.0)).empty


def test_different_words_for_a_status_are_flagged():
    frame = _two_sources(float("nan"), float("nan"), "Open", "closed")
    assert len(summaries.disagreements(frame)) == 2
    assert summaries.disagreements(
        _two_sources(float("nan"), float("nan"), "Closed ", "closed")
    ).empty


def test_one_source_changing_its_figure_is_not_a_disagreement():
    frame = _two_sources(40.0, 50.0).assign(source_id=["a", "a"])
    assert summaries.disagreements(frame).empty


# --------------------------------------------------------------------------- filters


def test_filters_select_exactly_the_matching_rows(fixture):
    filters = summaries.Filters(location="Town X", sources=("agency-a-2025-06-01",))
    view = summaries.filter_prepared(fixture, filters)
    observations = fixture.observations
    expected = observations[
        (observations["location"] == "Town X")
        & (observations["source_id"] == "agency-a-2025-06-01")
    ]
    assert list(view.observations.index) == list(expected.index)
    assert list(view.sources["source_id"]) == ["agency-a-2025-06-01"]
    assert (view.events["location"] == "Town X").all()


def test_date_filter_keeps_overlapping_rows_and_undated_events(fixture):
    start, end = date(2025, 5, 31), date(2025, 6, 2)
    view = summaries.filter_prepared(fixture, summaries.Filters(date_from=start, date_to=end))
    kept = view.observations
    assert (kept["as_of_last"] >= pd.Timestamp(start)).all() and (
        kept["as_of_first"] <= pd.Timestamp(end)
    ).all()
    dropped = fixture.observations.drop(kept.index)
    assert (
        (dropped["as_of_last"] < pd.Timestamp(start)) | (dropped["as_of_first"] > pd.Timestamp(end))
    ).all()
    assert "unplaced" in set(view.events["shape"])
    # The blockade ended in mid-May, before the range.
    assert "blockade" not in set(view.events["kind"])


def test_no_filter_is_the_whole_table(fixture):
    view = summaries.filter_prepared(fixture, summaries.Filters())
    assert view.observations.equals(fixture.observations)
    assert view.events.equals(fixture.events)


def test_figures_per_source_counts_rows(fixture):
    counts = summaries.figures_per_source(fixture).set_index("source_id")
    assert counts["figures"].to_dict() == fixture.observations["source_id"].value_counts().to_dict()
    assert counts["events"].to_dict() == fixture.events["source_id"].value_counts().to_dict()


def test_reports_cited_are_those_the_rows_use(fixture):
    only_b = fixture.observations[fixture.observations["source_id"] == "agency-b-2025-06-03"]
    cited = summaries.reports_cited(only_b, fixture.sources)
    assert [publisher for publisher, _, _ in cited] == ["Agency B **bold**"]


def test_figure_table_is_what_the_screen_shows(fixture):
    table = summaries.figure_table(fixture.observations)
    assert list(table.columns) == list(summaries.FIGURE_TABLE_COLUMNS.values())
    assert len(table) == len(fixture.observations)


def test_latest_per_source_is_one_per_source_and_place(fixture):
    latest = summaries.latest_per_source(
        fixture.observations[fixture.observations["indicator_id"] == "share_water"]
    )
    assert not latest.duplicated(["source_id", "location"]).any()
    assert len(latest) == 3


def test_prepare_scales_without_row_loops_on_bigger_tables(shipped):
    # A thousand copies of the shipped figures prepare in well under a second per thousand rows.
    tables = load_tables(DEFAULT_DATA_DIR).tables
    observations = tables["observations"]
    big = pd.concat([observations] * 1000, ignore_index=True)
    big["observation_id"] = [f"o{number}" for number in range(len(big))]
    started = pd.Timestamp.now()
    prepared = summaries.prepare({**tables, "observations": big})
    assert len(prepared.observations) == len(big)
    assert pd.Timestamp.now() - started < timedelta(seconds=10)


def test_prepare_makes_every_derived_column_it_declares():
    from indicators import derived

    prepared = summaries.prepare(load_tables(DEFAULT_DATA_DIR).tables)
    assert set(derived.names(derived.OBSERVATION_COLUMNS)) <= set(prepared.observations.columns)
    assert set(derived.names(derived.EVENT_COLUMNS)) <= set(prepared.events.columns)
    assert set(prepared.events[derived.SHAPE]) <= set(derived.SHAPES)
    # Nothing is added that the declaration does not name.
    stored_and_derived = {
        *load_tables(DEFAULT_DATA_DIR).tables["observations"].columns,
        *derived.names(derived.OBSERVATION_COLUMNS),
    }
    assert set(prepared.observations.columns) <= stored_and_derived


def test_a_day_the_report_does_not_give_is_marked_inferred():
    prepared = summaries.prepare(load_tables(DEFAULT_DATA_DIR).tables)
    observations = prepared.observations.set_index("observation_id")
    assert observations.at["politico-2025-07-24-o1", "reported_on_inferred"]  # no words for it
    assert not observations.at["politico-2025-07-24-o2", "reported_on_inferred"]  # "Wednesday"
    assert not observations.at["rbc-ukraine-2025-07-25-o1", "reported_on_inferred"]  # its own day
