"""Report files in: the text taken out of web pages and PDFs (golden files), the clear
message for each file that gives no usable text, and `extract`/`add` reading them."""

from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from indicators import ingest
from indicators.ingest import IngestError, document_from_bytes, read_document
from indicators.loading import load_tables
from tests.conftest import FIXTURES, REPO_ROOT

INGEST = FIXTURES / "ingest"
EXAMPLES = int(os.environ.get("PROPERTY_EXAMPLES", "100"))
BOILERPLATE = ("cookies", "Share on", "Most read", "All rights reserved", "Donate", "Subscribe")


@pytest.mark.parametrize("name", ["chad_flood_update.html", "chad_flood_update.pdf"])
def test_the_text_of_a_report_file_matches_its_golden_file(name):
    document = read_document(INGEST / name)
    expected = (INGEST / f"{name}.expected.txt").read_text("utf-8")
    assert document.text == expected
    assert read_document(INGEST / name) == document  # the same file, the same text
    assert document.text_sha256 == ingest.documents.sha256_hex(expected.encode("utf-8"))
    assert document.original_sha256 == ingest.documents.sha256_hex((INGEST / name).read_bytes())
    # A sentence wrapped over lines in the PDF reads as one line of the text.
    assert (
        "More than 2,300 cases of acute watery diarrhoea were recorded in the first week of "
        "August, the World Health Organization said, up from 600 in late July." in document.text
    )


def test_a_web_page_loses_its_menus_banners_share_links_and_footer():
    document = read_document(INGEST / "chad_flood_update.html")
    for words in BOILERPLATE:
        assert words not in document.text, words
    assert document.metadata == {
        "title": "Floods in eastern Chad leave camps cut off",
        "author": "Sahel Relief Bulletin",
        "published": "2025-08-14",
        "language": "en",
    }


def test_a_text_file_is_its_own_text():
    report = FIXTURES / "reports" / "gaza_wire_story.txt"
    document = read_document(report)
    assert document.text_bytes == report.read_bytes()
    assert document.original_sha256 == document.text_sha256


def _encrypted_pdf() -> bytes:
    pypdf = pytest.importorskip("pypdf")
    writer = pypdf.PdfWriter(clone_from=io.BytesIO((INGEST / "chad_flood_update.pdf").read_bytes()))
    writer.encrypt(user_password="secret", owner_password="owner")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _blank_pdf() -> bytes:
    pypdf = pytest.importorskip("pypdf")
    writer = pypdf.PdfWriter()
    writer.add_blank_page(width=595, height=842)  # a page without a text layer, as a scan
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.mark.parametrize(
    "name, data, message",
    [
        ("scan.pdf", _blank_pdf, "the PDF has no text layer (a scanned image?)"),
        ("locked.pdf", _encrypted_pdf, "the PDF is encrypted and needs a password"),
        ("damaged.pdf", lambda: b"%PDF-1.7\n1 0 obj <<>> garbage", "not a readable PDF"),
        (
            "empty.html",
            lambda: b"<html><body><nav><a href='/'>Home</a></nav></body></html>",
            "no main text found in the web page",
        ),
        ("blank.txt", lambda: b"  \n\n ", "holds no text"),
        ("latin1.txt", lambda: "Ouadda\xef".encode("latin-1"), "not valid UTF-8 at byte 6"),
        ("report.docx", lambda: b"PK\x03\x04", "files ending .docx are not read"),
    ],
)
def test_a_file_without_usable_text_gets_one_clear_message(name, data, message):
    with pytest.raises(IngestError) as raised:
        document_from_bytes(data(), name)
    text = str(raised.value)
    assert text.startswith(f"{name}: ") and message in text and "\n" not in text


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(tmp_path):
    big = tmp_path / "huge.pdf"
    with open(big, "wb") as handle:
        handle.truncate(ingest.MAX_FILE_BYTES + 1)  # sparse: no disk space used
    with pytest.raises(
        IngestError, match=r"huge.pdf: the file is 25.0 MB, over the limit of 25 MB"
    ):
        read_document(big)


@settings(max_examples=EXAMPLES, deadline=None)
@given(
    data=st.one_of(
        st.binary(max_size=400),
        st.binary(max_size=400).map(lambda tail: b"%PDF-1.4\n" + tail),
        st.text(max_size=300).map(lambda text: f"<html><body><p>{text}</p></body></html>".encode()),
    ),
    suffix=st.sampled_from([".pdf", ".html", ".txt", ".md"]),
)
def test_any_bytes_give_a_document_or_one_clear_message(data, suffix):
    try:
        document = document_from_bytes(data, "upload" + suffix)
    except IngestError as error:
        assert str(error).startswith("upload" + suffix + ": ") and "\n" not in str(error)
    else:
        assert document.text.strip()
        assert document.text_sha256 == ingest.documents.sha256_hex(document.text_bytes)


def test_extract_reads_a_pdf_and_add_keeps_its_text_beside_the_tables(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(REPO_ROOT / "data", data)
    pdf = INGEST / "chad_flood_update.pdf"
    source = ["--published", "2025-08-14", "--publisher", "Sahel Relief Bulletin"]
    extracted = subprocess.run(
        [sys.executable, "-m", "indicators", "extract", str(pdf), *source, "--format", "json"],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert extracted.returncode == 0, extracted.stderr
    assert '"value_as_stated": "about 18,000"' in extracted.stdout
    added = subprocess.run(
        [sys.executable, "-m", "indicators", "add", str(pdf), *source, "--all", str(data)],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert added.returncode == 0, added.stderr
    document = read_document(pdf)
    saved = data / "reports" / f"{document.text_sha256}.txt"
    assert saved.read_text("utf-8") == document.text
    with open(data / "sources.csv", encoding="utf-8", newline="") as handle:
        row = [
            r
            for r in csv.DictReader(handle)
            if r["source_id"] == "sahel-relief-bulletin-2025-08-14"
        ][0]
    assert row["text_sha256"] == document.text_sha256
    assert row["original_sha256"] == document.original_sha256 != document.text_sha256
    # Every quote of the new rows is checked against the saved text.
    result = load_tables(data, data / "reports")
    new_source = [p for p in result.problems if "sahel" in str(p)]
    assert new_source == []
    observations = result.tables["observations"]
    assert (observations["source_id"] == "sahel-relief-bulletin-2025-08-14").sum() >= 3


MALAWI = INGEST / "malawi_cholera_situation_report.pdf"


def _source_paragraphs() -> list[str]:
    """The text of each paragraph, heading and panel of the multi-page PDF's HTML source, and
    each table as its rows, a row to a line and its cells joined by " | "."""
    from lxml import html

    tree = html.fromstring(INGEST.joinpath(MALAWI.stem + ".source.html").read_bytes())
    found = []
    for element in tree.iter("h1", "h2", "p", "div", "table"):
        if element.tag == "table":
            rows = [
                " | ".join(" ".join(cell.text_content().split()) for cell in row)
                for row in element.iter("tr")
            ]
            found.append("\n".join(rows))
        else:
            found.append(" ".join(element.text_content().split()))
    return found


def test_a_pdf_of_several_pages_reads_as_its_paragraphs_without_running_heads_and_feet():
    document = read_document(MALAWI)
    assert document.text == (INGEST / f"{MALAWI.name}.expected.txt").read_text("utf-8")
    paragraphs = document.text.rstrip("\n").split("\n\n")
    # each paragraph of the source whole, in order, whatever page breaks and boxes cut it,
    # and the ruled table as its rows ("Blantyre | 1,497 | 31 | 31%")
    assert paragraphs == _source_paragraphs()
    assert "Blantyre | 1,497 | 31 | 31%" in paragraphs[7].split("\n")
    # the running head and the page numbers of the foot are gone; the letters of the
    # typesetter's ligatures ("ﬂooded", "aﬀected") are letters again
    assert "Situation Report No. 9 |" not in document.text
    assert "Page 1 of" not in document.text and "Page 2 of" not in document.text
    assert not set("ﬀﬁﬂﬃﬄ\u00ad") & set(document.text)
    assert "flooded boreholes" in document.text and "affected districts" in document.text


def test_a_figure_whose_sentence_a_page_break_cut_keeps_its_whole_sentence():
    from datetime import date

    from indicators.extract.pipeline import extract

    document = read_document(MALAWI)
    result = extract(document.text, date(2025, 3, 21), publisher="Health Cluster")
    by_value = {o.value: o for o in result.observations}
    # "…, up from" ends one box and "472 in the week before" opens the next
    assert by_value[472].quote == by_value[611].quote
    assert by_value[611].quote.startswith("In the week ending 16 March, 611 new suspected")
    for observation in result.observations:
        quote = document.text[observation.quote_start : observation.quote_end]
        assert observation.quote == quote and "\n" not in quote


def test_a_ruled_tables_figures_are_read_by_row_and_column():
    from datetime import date
    from pathlib import Path

    from indicators.extract.catalogue import Catalogue
    from indicators.extract.pipeline import extract

    document = read_document(MALAWI)
    catalogue = Catalogue.from_csv(Path(REPO_ROOT / "data" / "indicators.csv"))
    result = extract(document.text, date(2025, 3, 21), "Health Cluster", catalogue=catalogue)
    rows = [o for o in result.observations if " | " in o.quote]
    by_place = {}
    for observation in rows:
        by_place.setdefault(observation.location, []).append(observation)
    # every district's row gives its three figures, placed in the district, each named by its
    # column (never by the district: "blantyre" is no indicator; deaths are not cases)
    for district, values in (("Blantyre", [1497, 31, 31]), ("Nsanje", [402, 11, 8])):
        assert sorted(o.value for o in by_place[district]) == sorted(values)
        assert len({o.indicator_id for o in by_place[district]}) == 3
        for observation in by_place[district]:
            assert district.lower() not in observation.indicator_id
            assert observation.quote.startswith(f"{district} | ")
    # the last row ("Other districts", the report's country) repeats no other row's 19 deaths
    assert len([o for o in rows if o.quote.startswith("Other districts |")]) == 3
