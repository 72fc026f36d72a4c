"""Exports: safe CSV, HXL-tagged CSV, the zip bundle and `python -m indicators export`."""

from __future__ import annotations

import codecs
import csv
import io
import json
import os
import shutil
import subprocess
import sys
import zipfile
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from indicators import bundle, exports, schema
from indicators.cli import main
from indicators.loading import load_tables
from tests.conftest import FIXTURES, REPO_ROOT

GOLDEN = FIXTURES / "exports"
TODAY = date(2025, 7, 26)
TRIGGERS = ["=", "+", "-", "@", "\t", "\r"]


def rows_of(data: bytes) -> list[list[str]]:
    """The cells exactly as written, read back by the csv module."""
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def text_frame(*cells: str | None) -> pd.DataFrame:
    return pd.DataFrame({"text": pd.array(list(cells), dtype="str")})


def hostile_frame() -> pd.DataFrame:
    """Every kind of column with the cells that go wrong most easily."""
    return pd.DataFrame(
        {
            "text": pd.array(
                ["=1+1", "+A1", "-3+A1", "@SUM(A1)", "\tx", "\rx", "  =cmd", "a=b", None],
                dtype="str",
            ),
            "quote": pd.array(
                [
                    "“Nearly one in three”, he said",
                    "Газа",
                    "غزة",
                    "加沙",
                    "",
                    "-",
                    "x\ny",
                    "#",
                    "'=",
                ],
                dtype="str",
            ),
            "value": [-3.0, 95.0, 33.3, 0.0000001, 1e20, np.nan, 0.1 + 0.2, -0.0, 2.5],
            "quote_start": pd.array([-3, None, 0, 1, 2, 3, 4, 5, 2**60], dtype="Int64"),
            "reported_on": pd.to_datetime(["2025-07-24", None] + ["2025-01-31"] * 7),
            "provisional": pd.array([True, False, None] + [True] * 6, dtype="boolean"),
            "=header": ["x"] * 9,
        },
        index=pd.Index(range(10, 19), name="line"),
    )


def check_golden(name: str, data: bytes) -> None:
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_bytes(data)
    assert data == path.read_bytes(), f"{name} differs; UPDATE_GOLDEN=1 rewrites it after review"


@pytest.fixture(scope="module")
def shipped_tables() -> dict[str, pd.DataFrame]:
    result = load_tables(REPO_ROOT / "data")
    assert not result.problems, [str(problem) for problem in result.problems]
    return result.tables


@pytest.fixture(scope="module")
def shipped_bundle(shipped_tables) -> bytes:
    return exports.build_bundle(shipped_tables, TODAY)


def unzip(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


# --------------------------------------------------------------------------- Safe CSV


@pytest.mark.parametrize("trigger", TRIGGERS)
@pytest.mark.parametrize("lead", ["", " ", "   ", "\u00a0", " \n"])
def test_a_text_cell_starting_a_formula_gets_a_quote_in_front(trigger, lead):
    cell = f'{lead}{trigger}HYPERLINK("http://x")'
    assert rows_of(exports.to_csv_bytes(text_frame(cell)))[1] == ["'" + cell]


@pytest.mark.parametrize(
    "cell", ["a=b", "95 percent", "#tag", "'=already quoted", "“quoted”", "x-"]
)
def test_harmless_text_is_left_alone(cell):
    assert rows_of(exports.to_csv_bytes(text_frame(cell)))[1] == [cell]


def test_numbers_stay_numbers_and_text_that_looks_like_one_does_not():
    frame = pd.DataFrame(
        {
            "value": [-3.0, -0.5, 95.0, 33.3, np.nan],
            "count": pd.array([-3, 12, None, 0, 7], dtype="Int64"),
            "plain_int": [-3, 1, 2, 3, 4],
            "text": pd.array(["-3+A1", "-3", "+1", "3", None], dtype="str"),
        }
    )
    rows = rows_of(exports.to_csv_bytes(frame))
    assert [row[0] for row in rows[1:]] == ["-3", "-0.5", "95", "33.3", ""]
    assert [row[1] for row in rows[1:]] == ["-3", "12", "", "0", "7"]
    assert [row[2] for row in rows[1:]] == ["-3", "1", "2", "3", "4"]
    assert [row[3] for row in rows[1:]] == ["'-3+A1", "'-3", "'+1", "3", ""]
    read_back = pd.read_csv(io.BytesIO(exports.to_csv_bytes(frame)), encoding="utf-8-sig")
    assert read_back["value"].tolist()[:4] == frame["value"].tolist()[:4]
    assert read_back["plain_int"].tolist() == frame["plain_int"].tolist()


def test_numbers_are_written_in_their_shortest_plain_form():
    values = [95.0, 33.3, 0.1 + 0.2, 1e-7, 1e20, -0.0, 2.5e-3]
    cells = [row[0] for row in rows_of(exports.to_csv_bytes(pd.DataFrame({"v": values})))[1:]]
    assert cells[:2] == ["95", "33.3"]
    assert not any(cell.endswith(".0") or "e" in cell for cell in cells)
    assert [float(cell) for cell in cells] == values  # nothing lost


def test_dates_booleans_and_missing_cells():
    frame = pd.DataFrame(
        {
            "day": pd.to_datetime(["2025-07-24", None]),
            "flag": pd.array([True, None], dtype="boolean"),
            "plain_flag": [False, True],
            "object_dates": [date(2025, 3, 1), None],
        }
    )
    assert rows_of(exports.to_csv_bytes(frame))[1:] == [
        ["2025-07-24", "true", "false", "2025-03-01"],
        ["", "", "true", ""],
    ]


def test_a_column_mixing_kinds_formats_each_cell_by_its_kind():
    frame = pd.DataFrame({"mixed": [3, -2.5, "=cmd", True, None, pd.Timestamp("2025-01-02")]})
    cells = [row[0] for row in rows_of(exports.to_csv_bytes(frame))[1:]]
    assert cells == ["3", "-2.5", "'=cmd", "true", "", "2025-01-02"]


def test_header_names_are_neutralised_too():
    frame = pd.DataFrame({"=cmd": [1], "ok": [2], "-x": [3]})
    assert rows_of(exports.to_csv_bytes(frame))[0] == ["'=cmd", "ok", "'-x"]


def test_utf8_with_one_bom_and_no_index():
    data = exports.to_csv_bytes(hostile_frame())
    assert data.startswith(codecs.BOM_UTF8)
    assert data.count(codecs.BOM_UTF8) == 1
    assert rows_of(data)[0] == ["text", "quote", "value", "quote_start", "reported_on",
                                "provisional", "'=header"]  # fmt: skip


def test_curly_quotes_and_non_latin_text_round_trip_through_pandas():
    frame = pd.DataFrame(
        {
            "Газа": ["“Food deliveries have resumed”", "وقف إطلاق النار", "加沙", "Ünïcödé – ok"],
            "n": [1.5, 2.0, 3.0, 4.0],
        }
    )
    read_back = pd.read_csv(io.BytesIO(exports.to_csv_bytes(frame)), encoding="utf-8-sig")
    assert list(read_back.columns) == list(frame.columns)
    assert read_back["Газа"].tolist() == frame["Газа"].tolist()


def test_a_single_column_keeps_its_empty_rows():
    rows = rows_of(exports.to_csv_bytes(text_frame("", "a", None)))
    assert rows == [["text"], [""], ["a"], [""]]


def test_an_empty_frame_is_just_its_header():
    frame = pd.DataFrame({"a": pd.array([], dtype="str"), "b": pd.array([], dtype="float64")})
    assert exports.to_csv_bytes(frame) == codecs.BOM_UTF8 + b"a,b\r\n"


def test_golden_csv_of_hostile_cells():
    check_golden("hostile.csv", exports.to_csv_bytes(hostile_frame()))


# --------------------------------------------------------------------------- HXL


def test_hxl_row_sits_under_the_header_and_the_rows_are_the_plain_csv(shipped_tables):
    for name, table in schema.TABLES.items():
        frame = shipped_tables[name]
        hxl_rows = rows_of(exports.to_hxl_csv_bytes(frame, name))
        plain_rows = rows_of(exports.to_csv_bytes(frame))
        assert hxl_rows[0] == plain_rows[0]
        assert hxl_rows[1] == [table.column(column).hxl for column in frame.columns]
        assert hxl_rows[2:] == plain_rows[1:]


def test_hxl_tags_of_unknown_and_joined_columns():
    frame = pd.DataFrame({"value": [1.0], "publisher": ["WHO"], "shown_as": ["nearly 33%"]})
    tags = rows_of(exports.to_hxl_csv_bytes(frame, "observations"))[1]
    assert tags == [
        schema.OBSERVATIONS.column("value").hxl,
        schema.SOURCES.column("publisher").hxl,  # joined in from the sources table
        "",
    ]


def test_hxl_of_an_unknown_table_is_refused():
    with pytest.raises(ValueError, match="unknown table"):
        exports.to_hxl_csv_bytes(pd.DataFrame({"a": [1]}), "nonsense")


def test_golden_hxl_of_hostile_cells():
    check_golden("hostile_hxl.csv", exports.to_hxl_csv_bytes(hostile_frame(), "observations"))


# --------------------------------------------------------------------------- Bundle


def test_bundle_holds_every_table_twice_and_its_metadata(shipped_bundle):
    names = list(unzip(shipped_bundle))
    expected = {"README.md", "datapackage.json", "hdx_dataset.json"}
    for table in schema.TABLES.values():
        expected |= {f"data/{table.file_name}", f"hxl/{table.file_name}"}
    assert set(names) == expected
    assert names == sorted(names)


def test_bundle_csvs_are_the_safe_csvs_of_the_schema_columns(shipped_tables, shipped_bundle):
    files = unzip(shipped_bundle)
    for name, table in schema.TABLES.items():
        frame = shipped_tables[name][table.column_names]
        assert files[f"data/{table.file_name}"] == exports.to_csv_bytes(frame)
        assert files[f"hxl/{table.file_name}"] == exports.to_hxl_csv_bytes(frame, name)


def test_bundle_leaves_out_columns_outside_the_schema(shipped_tables):
    tables = dict(shipped_tables)
    tables["indicators"] = tables["indicators"].assign(scratch="=1")
    files = unzip(exports.build_bundle(tables, TODAY))
    assert rows_of(files["data/indicators.csv"])[0] == schema.INDICATORS.column_names


def test_bundle_needs_every_table(shipped_tables):
    tables = {name: frame for name, frame in shipped_tables.items() if name != "events"}
    with pytest.raises(ValueError, match="events"):
        exports.build_bundle(tables, TODAY)


def test_datapackage_describes_each_csv_as_written(shipped_tables, shipped_bundle):
    files = unzip(shipped_bundle)
    package = json.loads(files["datapackage.json"])
    assert package["profile"] == "tabular-data-package"
    assert package["created"].startswith(TODAY.isoformat())
    assert [resource["name"] for resource in package["resources"]] == list(schema.TABLES)
    for resource in package["resources"]:
        table = schema.TABLES[resource["name"]]
        data = files[resource["path"]]
        assert resource["profile"] == "tabular-data-resource"
        assert resource["encoding"] == "utf-8-sig"
        assert resource["mediatype"] == "text/csv"
        assert resource["bytes"] == len(data)
        fields = resource["schema"]["fields"]
        assert [field["name"] for field in fields] == rows_of(data)[0]
        for field in fields:
            column = table.column(field["name"])
            assert field["type"] == schema.FRICTIONLESS_TYPES[column.kind]
            constraints = field.get("constraints", {})
            assert constraints.get("required", False) == (
                column.required or column.name == table.primary_key
            )
            assert constraints.get("enum") == (list(column.allowed) if column.allowed else None)
        assert resource["schema"]["primaryKey"] == [table.primary_key]
        foreign_keys = [
            (key["fields"][0], key["reference"]["resource"], key["reference"]["fields"][0])
            for key in resource["schema"].get("foreignKeys", [])
        ]
        assert foreign_keys == list(table.foreign_keys)


def test_datapackage_sources_licence_and_spec_required_properties(shipped_tables, shipped_bundle):
    package = json.loads(unzip(shipped_bundle)["datapackage.json"])
    sources = shipped_tables["sources"]
    assert len(package["sources"]) == len(sources)
    for entry, (_, row) in zip(package["sources"], sources.iterrows(), strict=True):
        assert row["publisher"] in entry["title"] and row["title"] in entry["title"]
        assert row["published"].date().isoformat() in entry["title"]
        assert entry.get("path", "") == row["url"]
    licence = package["licenses"][0]
    assert licence["name"] == "CC-BY-4.0" and licence["path"].startswith("https://")
    assert "publishers" in licence["title"]
    # What the Data Package spec (v1) requires beyond what frictionless checks.
    assert package["keywords"]
    for resource in package["resources"]:
        assert {"name", "path", "schema", "profile"} <= set(resource)
        assert {"delimiter", "doubleQuote"} <= set(resource["dialect"])


def test_frictionless_finds_the_bundle_valid(tmp_path, shipped_bundle):
    frictionless = pytest.importorskip("frictionless")
    with zipfile.ZipFile(io.BytesIO(shipped_bundle)) as archive:
        archive.extractall(tmp_path)
    assert (tmp_path / bundle.HDX_NAME).is_file()  # the HDX metadata sits beside the package
    report = frictionless.validate(str(tmp_path / "datapackage.json"))
    assert report.valid, report.flatten(["title", "message"])
    assert [task.stats["rows"] for task in report.tasks] == [
        len(load_tables(REPO_ROOT / "data").tables[name]) for name in schema.TABLES
    ]


# The fields hdx-python-api requires of a dataset before it creates one on HDX.
HDX_REQUIRED = (
    "name",
    "private",
    "title",
    "notes",
    "dataset_source",
    "owner_org",
    "maintainer",
    "dataset_date",
    "data_update_frequency",
    "groups",
    "license_id",
    "methodology",
    "tags",
)
HDX_FREQUENCIES = {"-2", "-1", "0", "1", "7", "14", "30", "90", "180", "365"}


def hdx_of(tables) -> dict:
    return json.loads(unzip(exports.build_bundle(tables, TODAY))[bundle.HDX_NAME])


def test_hdx_metadata_has_every_field_hdx_requires_derived_from_the_tables(shipped_tables):
    hdx = hdx_of(shipped_tables)
    assert set(HDX_REQUIRED) <= set(hdx)
    assert hdx["title"] == bundle.PACKAGE_TITLE
    codes = set(shipped_tables["observations"]["country_code"]) | set(
        shipped_tables["events"]["country_code"]
    )
    assert hdx["groups"] == [{"name": code.lower()} for code in sorted(codes - {""})]
    assert hdx["groups"] == [{"name": "pse"}, {"name": "qat"}, {"name": "usa"}]
    publishers = sorted(set(shipped_tables["sources"]["publisher"]))
    assert hdx["dataset_source"] == "; ".join(publishers)
    # The earliest day any figure or event can describe, to the last (fuzzy windows whole):
    # the war's start month (October 2023) to the end of "this month" (July 2025).
    assert hdx["dataset_date"] == "[2023-10-01T00:00:00 TO 2025-07-31T23:59:59]"
    assert hdx["data_update_frequency"] in HDX_FREQUENCIES
    assert hdx["methodology"] == "Other" and hdx["methodology_other"]
    assert hdx["tags"] and all(set(tag) == {"name"} for tag in hdx["tags"])
    assert hdx["owner_org"] == "" and hdx["maintainer"] == ""  # the uploader's own
    assert [resource["name"] for resource in hdx["resources"]] == [
        table.file_name for table in schema.TABLES.values()
    ]


def test_hdx_licence_says_what_is_offered_under_cc_by_and_what_is_not(shipped_tables):
    hdx = hdx_of(shipped_tables)
    assert hdx["license_id"] == "hdx-other"  # CC BY 4.0 covers only part of the content
    licence = hdx["license_other"]
    assert "structure and metadata are licensed under Creative Commons Attribution 4.0" in licence
    assert "quoted sentences" in licence and "remain the work of their publishers" in licence
    assert bundle.LICENSE_URL in licence
    assert "not covered by the dataset's licence" in hdx["caveats"]


def test_hdx_metadata_follows_the_tables(shipped_tables):
    tables = dict(shipped_tables)
    tables["events"] = tables["events"].loc[tables["events"]["country_code"] != "USA"]
    tables["sources"] = tables["sources"].assign(
        publisher=["Politico", "Another Publisher"][: len(tables["sources"])]
    )
    hdx = hdx_of(tables)
    assert {"name": "usa"} not in hdx["groups"]
    assert hdx["dataset_source"] == "Another Publisher; Politico"
    assert hdx["version"] != hdx_of(shipped_tables)["version"]
    assert "1 row names a place not within one country" in hdx["caveats"]


def test_frictionless_catches_a_broken_foreign_key_through_the_descriptor(tmp_path, shipped_tables):
    frictionless = pytest.importorskip("frictionless")
    tables = dict(shipped_tables)
    tables["observations"] = tables["observations"].assign(source_id="no-such-source")
    with zipfile.ZipFile(io.BytesIO(exports.build_bundle(tables, TODAY))) as archive:
        archive.extractall(tmp_path)
    report = frictionless.validate(str(tmp_path / "datapackage.json"))
    assert not report.valid
    assert "foreign-key" in {error.type for task in report.tasks for error in task.errors}


def test_bundle_bytes_depend_only_on_the_tables_and_today(shipped_tables, shipped_bundle):
    assert exports.build_bundle(shipped_tables, TODAY) == shipped_bundle
    later = exports.build_bundle(shipped_tables, date(2025, 8, 1))
    assert later != shipped_bundle
    with zipfile.ZipFile(io.BytesIO(later)) as archive:
        assert {info.date_time[:3] for info in archive.infolist()} == {(2025, 8, 1)}


def test_readme_says_what_how_to_cite_licence_caveats_and_every_column(
    shipped_tables, shipped_bundle
):
    readme = unzip(shipped_bundle)["README.md"].decode("utf-8")
    assert f"> {bundle.PACKAGE_TITLE}, version " in readme
    assert f"exported {TODAY.isoformat()}" in readme
    assert "publisher, title and date" in readme
    assert "CC BY 4.0" in readme and "remain the work of their publishers" in readme
    for caveat in ("verified independently", "nearly 33%", "precision", "side by side", "excerpts"):
        assert caveat in readme
    for title in shipped_tables["sources"]["title"]:
        assert title in readme
    for table in schema.TABLES.values():
        section = readme.split(f"### {table.title}:")[1].split("\n### ")[0]
        for column in table.columns:
            assert f"| `{column.name}` |" in section
            assert column.hxl in section


def test_sources_note_goes_into_the_readme_and_the_description(shipped_tables):
    note = "Quotes checked against the report texts."
    files = unzip(exports.build_bundle(shipped_tables, TODAY, sources_note=note))
    assert note in files["README.md"].decode("utf-8")
    assert note in json.loads(files["datapackage.json"])["description"]


# --------------------------------------------------------------------------- Command


def broken_copy_of_shipped_data(tmp_path: Path) -> Path:
    """The shipped tables plus one observation whose value is not a number."""
    data = tmp_path / "data"
    shutil.copytree(REPO_ROOT / "data", data)
    path = data / "observations.csv"
    rows = rows_of(path.read_bytes())
    bad = dict(zip(rows[0], rows[1], strict=True))
    bad.update(observation_id="broken-row", value="abc")
    with path.open("a", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerow([bad[name] for name in rows[0]])
    return data


def test_export_writes_the_bundle_and_nothing_else(tmp_path, capsys, shipped_bundle):
    out = tmp_path / "bundle.zip"
    code = main(["export", str(REPO_ROOT / "data"), "--out", str(out), "--today", "2025-07-26"])
    assert code == 0
    assert out.read_bytes() == shipped_bundle
    assert [path.name for path in tmp_path.iterdir()] == ["bundle.zip"]
    assert f"Wrote {out}" in capsys.readouterr().out


def test_export_replaces_an_existing_file(tmp_path, shipped_bundle):
    out = tmp_path / "bundle.zip"
    out.write_bytes(b"old")
    assert (
        main(["export", str(REPO_ROOT / "data"), "--out", str(out), "--today", "2025-07-26"]) == 0
    )
    assert out.read_bytes() == shipped_bundle


def test_export_refuses_data_with_problems_unless_allowed(tmp_path, capsys):
    data = broken_copy_of_shipped_data(tmp_path)
    out = tmp_path / "bundle.zip"
    assert main(["export", str(data), "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert "[value] 'abc' is not a number" in err
    assert "--allow-problems" in err
    assert not out.exists()

    code = main(
        ["export", str(data), "--out", str(out), "--today", "2025-07-26", "--allow-problems"]
    )
    assert code == 0
    files = unzip(out.read_bytes())
    ids = [row[0] for row in rows_of(files["data/observations.csv"])]
    assert "broken-row" not in ids
    assert len(ids) - 1 == len(load_tables(data).tables["observations"])
    assert "left out" in files["README.md"].decode("utf-8")


def test_export_of_one_table_to_stdout_is_its_safe_csv(shipped_tables):
    result = subprocess.run(
        [sys.executable, "-m", "indicators", "export", "--format", "csv", "--table", "events"],
        capture_output=True,
        cwd=REPO_ROOT,
    )
    assert result.returncode == 0, result.stderr
    frame = shipped_tables["events"][schema.EVENTS.column_names]
    assert result.stdout == exports.to_csv_bytes(frame)


def test_export_of_one_table_as_hxl_to_a_file(tmp_path, shipped_tables):
    out = tmp_path / "obs.csv"
    args = ["export", str(REPO_ROOT / "data"), "--format", "hxl", "--table", "observations"]
    assert main([*args, "--out", str(out)]) == 0
    frame = shipped_tables["observations"][schema.OBSERVATIONS.column_names]
    assert out.read_bytes() == exports.to_hxl_csv_bytes(frame, "observations")


@pytest.mark.parametrize(
    "args",
    [
        ["export"],  # a bundle needs --out
        ["export", "--format", "csv"],  # a table format needs --table
        ["export", "--table", "events", "--out", "x.zip"],  # --table is not for the bundle
        ["export", "--out", "no/such/folder/x.zip"],
    ],
)
def test_export_usage_errors_exit_2_and_write_nothing(tmp_path, monkeypatch, capsys, args):
    monkeypatch.chdir(tmp_path)
    assert main(args) == 2
    assert "export:" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_export_rejects_a_malformed_date(tmp_path):
    with pytest.raises(SystemExit) as stop:
        main(["export", "--out", str(tmp_path / "x.zip"), "--today", "26/07/2025"])
    assert stop.value.code == 2


def test_a_failed_write_leaves_no_temporary_file(tmp_path, capsys):
    out = tmp_path / "taken"
    out.mkdir()  # a folder where the file should go: the rename fails
    assert main(["export", str(REPO_ROOT / "data"), "--out", str(out)]) == 1
    assert "cannot write" in capsys.readouterr().err
    assert [path.name for path in tmp_path.iterdir()] == ["taken"]
    assert list(out.iterdir()) == []


def test_an_interrupted_write_keeps_the_old_file(tmp_path, monkeypatch):
    out = tmp_path / "bundle.zip"
    out.write_bytes(b"old")

    def interrupted(source, target):
        raise KeyboardInterrupt

    monkeypatch.setattr(exports.os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        exports.write_atomically(out, b"new")
    assert out.read_bytes() == b"old"
    assert [path.name for path in tmp_path.iterdir()] == ["bundle.zip"]
