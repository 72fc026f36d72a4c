"""The text of a PDF, with pdfminer.six: its layout analysis groups lines into text boxes,
which here become paragraphs (their lines joined by spaces, so a sentence wrapped across
lines reads as one); the running heads and feet of its pages are left out and a paragraph
cut by a page break is read as one (`pdf_pages`)."""

from __future__ import annotations

import io
import re

from indicators.ingest.documents import IngestError, tidy
from indicators.ingest.pdf_pages import Box, body_paragraphs

MAX_PAGES = 500
SOFT_HYPHEN = "\u00ad"


def pdf_text(data: bytes, shown: str) -> tuple[str, dict[str, str]]:
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams, LTTextBox
    from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFParser

    try:
        document = PDFDocument(PDFParser(io.BytesIO(data)))
    except (PDFPasswordIncorrect, PDFEncryptionError) as error:
        raise IngestError(
            f"{shown}: the PDF is encrypted and needs a password; save an unprotected copy "
            "or paste its text"
        ) from error
    except Exception as error:  # pdfminer raises many kinds on a damaged file
        raise IngestError(
            f"{shown}: not a readable PDF ({type(error).__name__}); export it again or "
            "paste its text"
        ) from error
    metadata = _metadata(document)
    boxes: list[list[Box]] = []
    pages = 0
    try:
        for page in extract_pages(io.BytesIO(data), laparams=LAParams()):
            pages += 1
            if pages > MAX_PAGES:
                raise IngestError(
                    f"{shown}: the PDF has more than {MAX_PAGES} pages; split it or paste "
                    "the part you need"
                )
            height = (page.y1 - page.y0) or 1.0
            boxes.append(
                [
                    Box(_joined(element.get_text()), *_from_top(element, page, height))
                    for element in page
                    if isinstance(element, LTTextBox)
                ]
            )
    except IngestError:
        raise
    except Exception as error:
        raise IngestError(
            f"{shown}: the PDF's text could not be read ({type(error).__name__}); export it "
            "again or paste its text"
        ) from error
    if pages == 0:
        raise IngestError(f"{shown}: the PDF has no pages")
    paragraphs = [paragraph for paragraph in body_paragraphs(boxes) if paragraph]
    if not paragraphs:
        raise IngestError(
            f"{shown}: the PDF has no text layer (a scanned image?); run text recognition "
            "on it first or paste its text"
        )
    return tidy("\n\n".join(paragraphs)), metadata


def _from_top(element, page, height: float) -> tuple[float, float]:
    """Where a box's top and bottom stand, as shares of the page's height from its top."""
    return (page.y1 - element.y1) / height, (page.y1 - element.y0) / height


def _joined(box_text: str) -> str:
    """A text box's lines as one paragraph. A line ending in a hyphen joins the next
    without a space ("two-week"), as does one ending in a soft hyphen (which goes:
    "displace-" "ment" is "displacement"); other lines join with one."""
    joined = ""
    for line in box_text.splitlines():
        line = line.strip()
        if not line:
            continue
        if joined.endswith(SOFT_HYPHEN):
            joined = joined[:-1]
        elif joined and not joined.endswith("-"):
            joined += " "
        joined += line
    return re.sub(r"[ \t]+", " ", joined)


def _metadata(document) -> dict[str, str]:
    from pdfminer.pdftypes import resolve1

    found: dict[str, str] = {}
    for info in document.info or []:
        info = resolve1(info)
        if not isinstance(info, dict):
            continue
        for key, name in (("Title", "title"), ("Author", "author")):
            value = _decoded(resolve1(info.get(key)))
            if value and name not in found:
                found[name] = value
    return found


def _decoded(value) -> str:
    if isinstance(value, bytes):
        if value.startswith((b"\xfe\xff", b"\xff\xfe")):
            text = value.decode("utf-16", errors="replace")
        else:
            text = value.decode("latin-1")
        return " ".join(text.split())
    return " ".join(value.split()) if isinstance(value, str) else ""
