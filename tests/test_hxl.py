"""Every HXL export passes libhxl's own default schema with no error."""

from __future__ import annotations

import io
import os
import zipfile
from datetime import date

import hxl
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from indicators import exports, schema
from indicators.dates import PRECISIONS
from indicators.loading import load_tables
from tests.conftest import DASHBOARD_FIXTURE_DIR, FIXTURES, REPO_ROOT

EXAMPLES = int(os.environ.get("PROPERTY_EXAMPLES", "100"))
PROPERTY = settings(
    max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
TABLE_DIRS = {
    "data": REPO_ROOT / "data",
    "good fixture": FIXTURES / "tables" / "good",
    "dashboard fixture": DASHBOARD_FIXTURE_DIR,
}


def hxl_errors(data: bytes) -> list[str]:
    """What libhxl's default schema reports as an error (not a warning) for an HXL CSV."""
    reports = []
    validator = hxl.schema(callback=reports.append)  # no argument: libhxl's default schema
    source = hxl.data(io.BytesIO(data), hxl.InputOptions(allow_local=True))
    validator.validate(source)
    return [
        f"{report.column.display_tag if report.column else '?'}: {report.message} "
        f"({report.value!r})"
        for report in reports
        if report.rule is not None and report.rule.severity == "error"
    ]


def test_libhxl_default_schema_catches_a_date_column_holding_words():
    """The check itself works: words under #date are an error to libhxl."""
    frame = pd.DataFrame({"when": ["Wednesday"]})
    data = "\ufeffwhen\r\n#date+reported+text\r\nWednesday\r\n".encode()
    assert exports.to_csv_bytes(frame)  # the frame is a valid export otherwise
    assert hxl_errors(data) == ["#date+reported+text: Expected a date ('Wednesday')"]


@pytest.mark.parametrize("folder", sorted(TABLE_DIRS))
def test_every_exported_hxl_table_passes_libhxl_validation(folder):
    tables = load_tables(TABLE_DIRS[folder]).tables
    for name, table in schema.TABLES.items():
        frame = tables[name][table.column_names]
        assert len(frame) > 0 or folder != "data", name
        assert hxl_errors(exports.to_hxl_csv_bytes(frame, name)) == [], (folder, name)


def test_every_hxl_copy_in_the_bundle_passes_libhxl_validation():
    tables = load_tables(REPO_ROOT / "data").tables
    with zipfile.ZipFile(io.BytesIO(exports.build_bundle(tables, date(2025, 7, 26)))) as archive:
        copies = [name for name in archive.namelist() if name.startswith("hxl/")]
        assert len(copies) == len(schema.TABLES)
        for name in copies:
            assert hxl_errors(archive.read(name)) == [], name


def test_the_dashboards_joined_views_pass_libhxl_validation(shipped):
    """A view joins the source's columns in; each keeps the tag it has in its own table."""
    for name, frame in (("observations", shipped.observations), ("events", shipped.events)):
        known = [column for column in frame.columns if exports.hxl_tags([column], name)[0]]
        assert hxl_errors(exports.to_hxl_csv_bytes(frame[known], name)) == [], name


def test_only_date_columns_carry_the_date_hashtag_and_only_numbers_the_num_attribute():
    """The class of defect, for every column: a #date column holds only dates, and a
    +num column only numbers, whatever the rows hold."""
    for table in schema.TABLES.values():
        for column in table.columns:
            hashtag, *attributes = column.hxl.split("+")
            if hashtag == "#date":
                assert column.kind == schema.DATE, (table.name, column.name)
            if "num" in attributes:
                assert column.kind in (schema.NUMBER, schema.INTEGER), (table.name, column.name)


def _column_values(column: schema.Column) -> st.SearchStrategy:
    if column.kind == schema.DATE:
        return st.one_of(st.none(), st.dates(date(1900, 1, 1), date(2100, 12, 31)))
    if column.kind == schema.NUMBER:
        return st.one_of(st.none(), st.floats(allow_nan=False, allow_infinity=False))
    if column.kind == schema.INTEGER:
        return st.one_of(st.none(), st.integers(0, 2**40))
    if column.kind == schema.BOOLEAN:
        return st.one_of(st.none(), st.booleans())
    if column.allowed:
        return st.sampled_from(("", *column.allowed))
    # Words about dates, in the columns that hold them, and anything else.
    return st.one_of(
        st.sampled_from(["Wednesday", "early March", "since then", "21 months of war", ""]),
        st.sampled_from(PRECISIONS),
        st.text(max_size=30),
    )


@st.composite
def table_rows(draw, table: schema.Table) -> pd.DataFrame:
    count = draw(st.integers(1, 4))
    data = {
        column.name: [draw(_column_values(column)) for _ in range(count)]
        for column in table.columns
    }
    frame = pd.DataFrame(data)
    for column in table.columns:
        if column.kind == schema.DATE:
            frame[column.name] = pd.to_datetime(frame[column.name])
        elif column.kind == schema.NUMBER:
            frame[column.name] = frame[column.name].astype("float64")
        elif column.kind == schema.INTEGER:
            frame[column.name] = frame[column.name].astype("Int64")
        elif column.kind == schema.BOOLEAN:
            frame[column.name] = frame[column.name].astype("boolean")
    return frame


@PROPERTY
@given(data=st.data(), name=st.sampled_from(sorted(schema.TABLES)))
def test_any_rows_of_the_schemas_kinds_export_to_hxl_that_libhxl_accepts(data, name):
    frame = data.draw(table_rows(schema.TABLES[name]))
    assert hxl_errors(exports.to_hxl_csv_bytes(frame, name)) == []
