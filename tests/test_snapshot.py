"""The content version, the citation, and the JSON snapshot that round-trips to the tables."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import zipfile
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from indicators import bundle, exports, release, schema, snapshot
from indicators.cli import main
from indicators.loading import load_tables
from tests.conftest import DASHBOARD_FIXTURE_DIR, REPO_ROOT

EXAMPLES = int(os.environ.get("PROPERTY_EXAMPLES", "100"))
PROPERTY = settings(
    max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
TODAY = date(2025, 7, 26)


@pytest.fixture(scope="module")
def tables() -> dict[str, pd.DataFrame]:
    result = load_tables(REPO_ROOT / "data")
    assert result.problems == []
    return result.tables


def schema_frames(tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    return {
        name: tables[name][table.column_names].reset_index(drop=True)
        for name, table in schema.TABLES.items()
    }


# --------------------------------------------------------------------------- Version


def test_the_version_is_twelve_hex_characters_and_the_same_for_the_same_tables(tables):
    version = release.dataset_version(tables)
    assert len(version) == release.VERSION_LENGTH
    assert int(version, 16) >= 0
    again = load_tables(REPO_ROOT / "data").tables
    assert release.dataset_version(again) == version
    # Columns outside the schema, their order and the line index do not count.
    shuffled = {
        name: frame.assign(extra="x")[list(reversed(frame.columns)) + ["extra"]].reset_index(
            drop=True
        )
        for name, frame in tables.items()
    }
    assert release.dataset_version(shuffled) == version


def test_other_tables_have_another_version(tables):
    other = load_tables(DASHBOARD_FIXTURE_DIR).tables
    assert release.dataset_version(other) != release.dataset_version(tables)


def test_the_newest_report_is_the_latest_publication_day(tables):
    assert release.newest_report(tables) == tables["sources"]["published"].max().date()
    assert release.newest_report({"sources": tables["sources"].iloc[0:0]}) is None


def _changed_cell(frame: pd.DataFrame, table: schema.Table, row: int, column: schema.Column, draw):
    current = frame.iloc[row][column.name]
    if column.kind == schema.TEXT:
        new = draw(st.text(min_size=1, max_size=10))
        assume(new != current)
    elif column.kind == schema.NUMBER:
        new = draw(st.floats(-1e6, 1e6, allow_nan=False))
        assume(pd.isna(current) or new != current)
    elif column.kind == schema.INTEGER:
        new = draw(st.integers(0, 10**6))
        assume(pd.isna(current) or new != current)
    elif column.kind == schema.DATE:
        new = pd.Timestamp(draw(st.dates(date(2000, 1, 1), date(2030, 12, 31))))
        assume(pd.isna(current) or new != current)
    else:
        new = draw(st.sampled_from([True, False, None]))
        assume(not (pd.isna(current) and new is None) and (pd.isna(current) or new != current))
    changed = frame.copy()
    changed.iloc[row, changed.columns.get_loc(column.name)] = new
    return changed


@PROPERTY
@given(data=st.data())
def test_any_changed_cell_gives_another_version(tables, data):
    name = data.draw(st.sampled_from([n for n in schema.TABLES if len(tables[n])]))
    table = schema.TABLES[name]
    frame = tables[name]
    row = data.draw(st.integers(0, len(frame) - 1))
    column = data.draw(st.sampled_from(table.columns))
    changed = _changed_cell(frame, table, row, column, data.draw)
    assert release.dataset_version({**tables, name: changed}) != release.dataset_version(tables)


@PROPERTY
@given(data=st.data())
def test_any_removed_duplicated_or_moved_row_gives_another_version(tables, data):
    name = data.draw(st.sampled_from([n for n in schema.TABLES if len(tables[n])]))
    frame = tables[name]
    row = data.draw(st.integers(0, len(frame) - 1))
    how = data.draw(st.sampled_from(["remove", "duplicate", "move"]))
    if how == "remove":
        changed = frame.drop(frame.index[row])
    elif how == "duplicate":
        changed = pd.concat([frame, frame.iloc[[row]]])
    else:
        assume(len(frame) > 1)
        order = list(range(len(frame)))
        order.append(order.pop(row))
        assume(order != list(range(len(frame))))
        changed = frame.iloc[order]
    assert release.dataset_version({**tables, name: changed}) != release.dataset_version(tables)


def test_text_that_a_csv_export_would_prefix_still_gives_distinct_versions(tables):
    """The CSV writes "=x" as "'=x"; the version is not taken from that form."""
    sources = tables["sources"]
    first = sources.assign(notes=["=x"] + list(sources["notes"].iloc[1:]))
    second = sources.assign(notes=["'=x"] + list(sources["notes"].iloc[1:]))
    assert exports.to_csv_bytes(first) == exports.to_csv_bytes(second)
    assert release.dataset_version({**tables, "sources": first}) != release.dataset_version(
        {**tables, "sources": second}
    )


def test_the_citation_names_the_version_the_date_and_a_marked_placeholder(tables):
    this = release.release_of(tables)
    text = release.citation(this)
    assert text == (
        f"Cited humanitarian indicators, version {this.version}, "
        f"{this.newest_report.isoformat()}, {release.URL_PLACEHOLDER}."
    )
    assert "http" not in text  # no address is invented
    assert release.citation(this, "https://example.org/copy").endswith(
        ", https://example.org/copy."
    )
    assert release.citation(this) in release.how_to_cite(this)


# --------------------------------------------------------------------------- Every export


def test_the_bundle_and_the_snapshot_carry_the_same_version_and_date(tables, tmp_path):
    this = release.release_of(tables)
    with zipfile.ZipFile(io.BytesIO(exports.build_bundle(tables, TODAY))) as archive:
        descriptor = json.loads(archive.read(bundle.DESCRIPTOR_NAME))
        readme = archive.read(bundle.README_NAME).decode("utf-8")
        hdx = json.loads(archive.read(bundle.HDX_NAME))
    assert descriptor["version"] == this.version
    assert descriptor["citation"] == release.citation(this)
    assert f"> {release.citation(this)}" in readme
    assert f"Version {this.version} " in readme
    assert hdx["version"] == this.version
    files = exports.write_snapshot(tmp_path / "snap", tables, TODAY)
    index = json.loads(files[snapshot.INDEX_NAME])
    assert index["version"] == this.version
    assert index["newest_report"] == this.newest_report.isoformat()
    assert index["citation"] == release.citation(this)


# --------------------------------------------------------------------------- JSON snapshot


def test_export_json_writes_one_file_per_table_and_an_index(tmp_path, capsys, tables):
    out = tmp_path / "snapshot"
    args = ["export", str(REPO_ROOT / "data"), "--format", "json", "--out", str(out)]
    assert main([*args, "--today", "2025-07-26"]) == 0
    assert "Wrote 5 files" in capsys.readouterr().out
    assert sorted(path.name for path in out.iterdir()) == sorted(
        ["index.json", *(f"{name}.json" for name in schema.TABLES)]
    )
    index = json.loads((out / "index.json").read_text("utf-8"))
    assert index["version"] == release.dataset_version(tables)
    assert index["exported"] == "2025-07-26"
    assert index["licence"]["name"] == "CC-BY-4.0"
    for entry in index["files"]:
        data = (out / entry["path"]).read_bytes()
        assert entry["sha256"] == hashlib.sha256(data).hexdigest()
        assert entry["bytes"] == len(data)
        records = json.loads(data)
        assert entry["rows"] == len(records) == len(tables[entry["table"]])
        # The same field names as the CSV's header, in the same order.
        header = next(
            csv.reader(
                io.StringIO((REPO_ROOT / "data" / f"{entry['table']}.csv").read_text("utf-8"))
            )
        )
        assert entry["fields"] == header
        assert all(list(record) == header for record in records)


def test_the_snapshot_round_trips_to_the_same_tables(tmp_path, tables):
    exports.write_snapshot(tmp_path, tables, TODAY)
    index, read = snapshot.read_snapshot(tmp_path)
    expected = schema_frames(tables)
    for name in schema.TABLES:
        pd.testing.assert_frame_equal(read[name], expected[name], check_dtype=True)
    assert release.dataset_version(read) == index["version"]


def test_json_values_are_typed_and_text_is_kept_exactly(tmp_path, tables):
    exports.write_snapshot(tmp_path, tables, TODAY)
    observations = json.loads((tmp_path / "observations.json").read_text("utf-8"))
    first = observations[0]
    assert isinstance(first["quote_start"], int)
    assert first["reported_on"] == tables["observations"]["reported_on"].iloc[0].strftime(
        "%Y-%m-%d"
    )
    assert first["country_code"] == "PSE"
    assert all(
        record["quote"] == quote
        for record, quote in zip(observations, tables["observations"]["quote"])
    )
    assert any(record["value_low"] is None for record in observations)  # empty is null


def test_a_tampered_snapshot_file_is_refused_with_its_name(tmp_path, tables):
    exports.write_snapshot(tmp_path, tables, TODAY)
    path = tmp_path / "events.json"
    path.write_bytes(path.read_bytes().replace(b"Gaza Strip", b"Gaza strip", 1))
    with pytest.raises(snapshot.SnapshotError, match="events.json: its SHA-256"):
        snapshot.read_snapshot(tmp_path)


def test_export_json_usage_errors(tmp_path, capsys):
    data = str(REPO_ROOT / "data")
    assert main(["export", data, "--format", "json"]) == 2
    assert "--out DIR is required" in capsys.readouterr().err
    a_file = tmp_path / "file"
    a_file.write_text("x")
    assert main(["export", data, "--format", "json", "--out", str(a_file)]) == 2
    assert "is not a folder" in capsys.readouterr().err
    assert (
        main(["export", data, "--format", "json", "--table", "events", "--out", str(tmp_path)]) == 2
    )


def test_export_json_refuses_tables_with_problems_and_writes_nothing(tmp_path, capsys):
    broken = REPO_ROOT / "tests" / "fixtures" / "tables" / "broken"
    out = tmp_path / "snap"
    assert main(["export", str(broken), "--format", "json", "--out", str(out)]) == 1
    assert not out.exists()


@st.composite
def small_tables(draw, base: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """The shipped tables with some text cells replaced by any text, and some rows left out."""
    changed = {}
    for name, frame in base.items():
        keep = draw(st.lists(st.booleans(), min_size=len(frame), max_size=len(frame)))
        frame = frame.loc[[flag or position == 0 for position, flag in enumerate(keep)]].copy()
        for column in ("notes", "quote"):
            if column in frame.columns:
                frame[column] = [
                    draw(st.one_of(st.just(value), st.text(max_size=20))) for value in frame[column]
                ]
        changed[name] = frame
    return changed


@PROPERTY
@given(data=st.data())
def test_any_snapshot_round_trips(tables, data, tmp_path_factory):
    changed = data.draw(small_tables(tables))
    folder = tmp_path_factory.mktemp("snapshot")
    exports.write_snapshot(folder, changed, TODAY)
    index, read = snapshot.read_snapshot(folder)
    expected = schema_frames(changed)
    for name in schema.TABLES:
        pd.testing.assert_frame_equal(read[name], expected[name])
    assert index["version"] == release.dataset_version(changed)


def test_snapshot_bytes_depend_only_on_the_tables_and_today(tables, tmp_path: Path):
    first = snapshot.build_snapshot(tables, TODAY)
    assert snapshot.build_snapshot(load_tables(REPO_ROOT / "data").tables, TODAY) == first
    assert snapshot.build_snapshot(tables, date(2025, 8, 1))["events.json"] == first["events.json"]


def test_the_readme_documents_the_snapshot_the_version_and_the_placeholder():
    readme = (REPO_ROOT / "README.md").read_text("utf-8")
    assert "--format json --out" in readme
    assert release.URL_PLACEHOLDER in readme
    assert f"first {release.VERSION_LENGTH}" in readme
    assert snapshot.INDEX_NAME in readme and bundle.HDX_NAME in readme


@pytest.mark.parametrize(
    ("field", "value"),
    [("quote_start", "12"), ("quote_start", 1.5), ("start", "July"), ("label", 7), ("end", 3)],
)
def test_a_snapshot_value_of_the_wrong_kind_is_refused_with_its_file_and_field(
    tmp_path, tables, field, value
):
    exports.write_snapshot(tmp_path, tables, TODAY)
    path = tmp_path / "events.json"
    records = json.loads(path.read_text("utf-8"))
    records[0][field] = value
    data = json.dumps(records).encode("utf-8")
    path.write_bytes(data)
    index = json.loads((tmp_path / "index.json").read_text("utf-8"))
    for entry in index["files"]:
        if entry["path"] == "events.json":
            entry["sha256"] = hashlib.sha256(data).hexdigest()
    (tmp_path / "index.json").write_text(json.dumps(index), "utf-8")
    with pytest.raises(snapshot.SnapshotError, match=f"events.json: field {field} holds"):
        snapshot.read_snapshot(tmp_path)
