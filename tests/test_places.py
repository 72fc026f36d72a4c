"""Country codes for places: the library's data, offline; `validate` checks code and place."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from indicators import places, schema
from indicators.loading import load_tables
from tests.conftest import FIXTURES, REPO_ROOT

EXAMPLES = int(os.environ.get("PROPERTY_EXAMPLES", "100"))
PROPERTY = settings(
    max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
GOOD = FIXTURES / "tables" / "good"


@pytest.mark.parametrize(
    ("place", "code"),
    [
        ("Gaza Strip", "PSE"),  # the taxonomy's alias pattern for the State of Palestine
        ("the West Bank", "PSE"),
        ("occupied Palestinian territory", "PSE"),  # one of its names
        ("Qatar", "QAT"),
        ("Doha, Qatar", "QAT"),  # the country after the comma
        ("United States", "USA"),
        ("North Darfur, Sudan", "SDN"),
        ("eastern DRC", "COD"),
        ("  Qatar ", "QAT"),
        ("Niger", "NER"),
        ("Rafah, southern Gaza, State of Palestine", "PSE"),
        ("Nigeria", "NGA"),
    ],
)
def test_a_place_that_names_one_country_gets_its_code(place, code):
    assert places.country_code_for(place) == code


@pytest.mark.parametrize(
    "place",
    [
        "Europe",  # a region
        "Middle East",
        "Israel and the Gaza Strip",  # two countries: no single code
        "Israel, Gaza Strip",
        "Gaza, Israel and Egypt",
        "El Fasher",  # the library's loose word matching would say El Salvador
        "Northern Province",
        "",
        "   ",
    ],
)
def test_a_place_that_names_no_single_country_gets_no_code(place):
    assert places.country_code_for(place) is None


def test_valid_codes_are_the_iso3_codes_of_the_country_data():
    for code in ("PSE", "QAT", "USA", "SDN", "UKR"):
        assert places.is_valid_country_code(code)
    for code in ("ZZZ", "pse", "PS", "XKX", "", "EUR"):
        assert not places.is_valid_country_code(code)
    assert places.country_name("PSE") == "State of Palestine"
    assert places.country_name("ZZZ") is None


def test_a_code_agrees_with_its_place_unless_the_place_names_another_country():
    assert places.agrees("PSE", "Gaza Strip")
    assert not places.agrees("QAT", "Gaza Strip")
    assert places.agrees("PSE", "Khan Younis")  # not placed by the data: no contradiction
    assert places.agrees("USA", "Europe")


def test_the_lookup_needs_no_network():
    """The country data is the file the package ships: a process whose every network
    connection fails still finds the codes."""
    script = (
        "import socket\n"
        "def refuse(*args, **kwargs):\n"
        "    raise OSError('network use is not allowed here')\n"
        "socket.socket.connect = refuse\n"
        "socket.create_connection = refuse\n"
        "socket.getaddrinfo = refuse\n"
        "from indicators.places import country_code_for, is_valid_country_code\n"
        "assert country_code_for('Gaza Strip') == 'PSE'\n"
        "assert country_code_for('Doha, Qatar') == 'QAT'\n"
        "assert is_valid_country_code('USA')\n"
        "print('offline ok')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "offline ok" in done.stdout


def test_every_shipped_observation_and_event_has_a_valid_code_that_agrees_with_its_place():
    result = load_tables(REPO_ROOT / "data")
    assert result.problems == []
    for name in ("observations", "events"):
        frame = result.tables[name]
        assert len(frame) == len(pd.read_csv(REPO_ROOT / "data" / f"{name}.csv"))
        for row in frame.itertuples():
            if row.country_code:
                assert places.is_valid_country_code(row.country_code), row
                assert row.country_code == places.country_code_for(row.location), row
            else:
                # Only a place that is not one country stays without a code, and says so.
                assert places.country_code_for(row.location) is None, row
                assert "No country code" in row.notes, row


def test_the_shipped_codes_are_the_librarys_for_each_location():
    for name in ("observations", "events"):
        frame = pd.read_csv(REPO_ROOT / "data" / f"{name}.csv", dtype=str, keep_default_na=False)
        derived = frame["location"].map(lambda place: places.country_code_for(place) or "")
        assert list(frame["country_code"]) == list(derived)
    events = pd.read_csv(REPO_ROOT / "data" / "events.csv", dtype=str, keep_default_na=False)
    assert (events["country_code"] != "").sum() == len(events) - 1  # all but "Europe"


# --------------------------------------------------------------------------- Validation


@pytest.fixture
def good_copy(tmp_path: Path) -> Path:
    target = tmp_path / "tables"
    shutil.copytree(GOOD, target)
    return target


def _set_code(folder: Path, name: str, location: str, code: str) -> None:
    path = folder / f"{name}.csv"
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    frame.loc[0, "location"] = location
    frame.loc[0, "country_code"] = code
    frame.to_csv(path, index=False)


def test_a_code_that_contradicts_the_place_is_a_problem_and_its_row_is_left_out(good_copy):
    _set_code(good_copy, "observations", "Gaza Strip", "QAT")
    result = load_tables(good_copy)
    assert [str(problem) for problem in result.problems] == [
        "observations.csv:2: [country_code] Qatar (QAT) does not agree with location "
        "'Gaza Strip', which is in State of Palestine (PSE)"
    ]
    assert 2 not in result.tables["observations"].index
    assert len(result.tables["observations"]) == 2  # the other rows are kept


def test_a_code_that_is_no_country_is_a_problem(good_copy):
    _set_code(good_copy, "events", "Atlantis", "ZZZ")
    result = load_tables(good_copy)
    assert [(p.file, p.line, p.column) for p in result.problems] == [
        ("events.csv", 2, "country_code")
    ]
    assert "'ZZZ' is not an ISO 3166-1 alpha-3 code" in result.problems[0].message
    assert result.tables["events"].empty


def test_a_code_not_written_as_three_capitals_is_a_problem(good_copy):
    _set_code(good_copy, "events", "Gaza Strip", "pse")
    result = load_tables(good_copy)
    assert [(p.file, p.line, p.column) for p in result.problems] == [
        ("events.csv", 2, "country_code")
    ]
    assert "three capital letters" in result.problems[0].message


def test_a_right_code_passes(good_copy):
    _set_code(good_copy, "observations", "Doha, Qatar", "QAT")
    result = load_tables(good_copy)
    assert result.problems == []
    assert result.tables["observations"].loc[2, "country_code"] == "QAT"


def test_a_table_written_before_the_column_existed_loads_without_a_problem(good_copy):
    for name in ("observations", "events"):
        path = good_copy / f"{name}.csv"
        frame = pd.read_csv(path, dtype=str, keep_default_na=False)
        frame.drop(columns="country_code").to_csv(path, index=False)
        assert "country_code" not in path.read_text("utf-8").splitlines()[0]
    result = load_tables(good_copy)
    assert result.problems == []
    for name in ("observations", "events"):
        loaded = result.tables[name]
        assert len(loaded) > 0
        assert set(loaded["country_code"]) == {""}
        assert set(schema.TABLES[name].column_names) <= set(loaded.columns)


def test_location_codes_pick_the_tables_code_for_each_place():
    observations = pd.DataFrame(
        {"location": ["Gaza Strip", "Gaza Strip", "Qatar", "Europe"]}
        | {"country_code": ["PSE", "PSE", "QAT", ""]}
    )
    events = pd.DataFrame({"location": ["Gaza Strip"], "country_code": ["PSE"]})
    assert places.location_codes(observations, events) == {"Gaza Strip": "PSE", "Qatar": "QAT"}
    assert places.location_codes(pd.DataFrame({"location": ["x"]})) == {}


@PROPERTY
@given(place=st.text(max_size=60))
def test_any_place_text_gets_no_code_or_a_valid_one(place):
    code = places.country_code_for(place)
    assert code is None or places.is_valid_country_code(code)
    if code is not None:
        assert places.agrees(code, place)


KNOWN_PLACES = {"Gaza Strip": "PSE", "Qatar": "QAT", "Doha, Qatar": "QAT", "Europe": None}


@PROPERTY
@given(
    rows=st.lists(
        st.tuples(
            st.sampled_from(["PSE", "QAT", "USA", "ZZZ", ""]), st.sampled_from(sorted(KNOWN_PLACES))
        ),
        min_size=1,
        max_size=20,
    )
)
def test_code_checks_report_exactly_the_rows_with_an_unreal_or_contradicting_code(rows):
    frame = pd.DataFrame(
        rows, columns=["country_code", "location"], index=pd.Index(range(2, 2 + len(rows)))
    )
    problems = places.country_code_problems(frame, "events.csv")
    expected = {
        line
        for line, (code, place) in zip(frame.index, rows)
        if code == "ZZZ" or (code and KNOWN_PLACES[place] not in (None, code))
    }
    assert sorted(problem.line for problem in problems) == sorted(expected)
    assert all(problem.column == "country_code" for problem in problems)
    assert all(problem.file == "events.csv" for problem in problems)
