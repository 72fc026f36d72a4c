"""The text of a PDF, with pdfminer.six: its layout analysis groups lines into text boxes,
which here become paragraphs (their lines joined by spaces, so a sentence wrapped across
lines reads as one); the running heads and feet of its pages are left out and a paragraph
cut by a page break is read as one (`pdf_pages`)."""

from __future__ import annotations

import io
import re

from indicators.extract.key_figure_lines import is_figure_alone, is_label_alone
from indicators.ingest.documents import IngestError, tidy
from indicators.ingest.pdf_layout_tables import layout_tables
from indicators.ingest.pdf_pages import Box, body_paragraphs
from indicators.ingest.pdf_tables import page_tables

MAX_PAGES = 500
SOFT_HYPHEN = "\u00ad"
# A line reaching this share of the page text's width, from its left, fills it.
FULL_LINE = 0.85
# a key figure's label stands at most this many of the figure's heights under (or above) it
KEY_FIGURE_GAP = 0.8


def pdf_text(data: bytes, shown: str) -> tuple[str, dict[str, str]]:
    import pdfplumber
    from pdfminer.layout import LTTextBox, LTTextLine
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
    try:
        with pdfplumber.open(io.BytesIO(data), laparams={}) as pdf:
            pages = len(pdf.pages)
            if pages > MAX_PAGES:
                raise IngestError(
                    f"{shown}: the PDF has more than {MAX_PAGES} pages; split it or paste "
                    "the part you need"
                )
            for page in pdf.pages:
                boxes.append(_page_boxes(page, LTTextBox, LTTextLine))
                page.close()  # its objects and layout are not kept for the pages after it
    except IngestError:
        raise
    except Exception as error:
        raise IngestError(
            f"{shown}: the PDF's text could not be read ({type(error).__name__}); export it "
            "again or paste its text"
        ) from error
    if not boxes:
        raise IngestError(f"{shown}: the PDF has no pages")
    paragraphs = [paragraph for paragraph in body_paragraphs(boxes) if paragraph]
    if not paragraphs:
        raise IngestError(
            f"{shown}: the PDF has no text layer (a scanned image?); run text recognition "
            "on it first or paste its text"
        )
    return tidy("\n\n".join(paragraphs)), metadata


def _page_boxes(page, text_box, text_line) -> list[Box]:
    """A pdfplumber page's text boxes, in the layout analysis's order, as paragraphs with
    where they stand; a ruled table's lines leave their boxes and the table's rows stand as
    one box where its first line stood (`pdf_tables`)."""
    tables = page_tables(page)
    tables = sorted(tables + layout_tables(page, tables), key=lambda table: table.top)
    height = float(page.height) or 1.0
    left, top_edge = float(page.mediabox[0]), float(page.mediabox[1])

    def bounds(item) -> tuple[float, float, float, float]:
        # as pdfplumber places its objects: points from the page's top and left
        x0, x1 = item.x0 + left, item.x1 + left
        return x0, height - item.y1 + top_edge, x1, height - item.y0 + top_edge

    elements = [element for element in page.layout if isinstance(element, text_box)]
    # how far the page's text reaches: a line that goes on in the next box fills its width
    extent = [
        (line.x0, line.x1)
        for element in elements
        for line in element
        if isinstance(line, text_line)
    ]
    text_left = min((x0 for x0, _ in extent), default=0.0)
    full_from = text_left + FULL_LINE * (max((x1 for _, x1 in extent), default=0.0) - text_left)
    found: list[Box] = []
    placed: set[int] = set()
    # a table's cells are no panel of key figures: only boxes outside the tables are paired
    paired = _key_figure_pairs(
        [e if not any(t.holds(*bounds(e)) for t in tables) else None for e in elements], bounds
    )
    absorbed = {label for label, _ in paired.values()}
    for index, element in enumerate(elements):
        if index in absorbed:
            continue  # the label of a key figure: read with it
        if index in paired:
            label, figure_first = paired[index]
            figure, words = element.get_text().strip(), elements[label].get_text().strip()
            text = (
                f"{figure} {' '.join(words.split())}"
                if figure_first
                else f"{' '.join(words.split())} {figure}"
            )
            _, top, _, bottom = bounds(element)
            _, label_top, _, label_bottom = bounds(elements[label])
            top, bottom = min(top, label_top), max(bottom, label_bottom)
            found.append(Box(text, top / height, bottom / height, rows=True))
            continue
        lines = [line for line in element if isinstance(line, text_line)]
        outside = []
        for line in lines:
            inside = next((i for i, t in enumerate(tables) if t.holds(*bounds(line))), None)
            if inside is None:
                outside.append(line)
            elif inside not in placed:  # the table's rows, where its first line stood
                placed.add(inside)
                table = tables[inside]
                rows = "\n".join(table.rows)
                found.append(Box(rows, table.top / height, table.bottom / height, rows=True))
        if not outside:
            continue
        text = _joined("".join(line.get_text() + "\n" for line in outside))
        _, top, _, _ = bounds(outside[0])
        _, _, _, bottom = bounds(outside[-1])
        found.append(
            Box(
                text,
                top / height,
                bottom / height,
                full=outside[-1].x1 >= full_from,
                opens_in=_font(outside[0], first=True),
                ends_in=_font(outside[-1], first=False),
            )
        )
    for index, table in enumerate(tables):
        if index not in placed:  # no line of the layout fell inside it: by where it stands
            at = next((i for i, box in enumerate(found) if box.top * height > table.top), None)
            rows = Box("\n".join(table.rows), table.top / height, table.bottom / height, rows=True)
            found.insert(len(found) if at is None else at, rows)
    return found


def _key_figure_pairs(elements, bounds) -> dict[int, tuple[int, bool]]:
    """A panel of key figures: a box holding a figure alone ("15.5M") and, right under it or
    right above it, a box holding its label alone ("People in need"), the two one above the
    other. Each figure's box -> (its label's box, whether the figure comes first)."""
    found = [
        (index, bounds(element), element.get_text().strip())
        for index, element in enumerate(elements)
        if element is not None
    ]
    figures = [(i, b) for i, b, text in found if is_figure_alone(text)]
    labels = [(i, b) for i, b, text in found if is_label_alone(" ".join(text.split()))]
    paired: dict[int, tuple[int, bool]] = {}
    taken: set[int] = set()
    for index, (x0, top, x1, bottom) in figures:
        near = KEY_FIGURE_GAP * (bottom - top)
        best = None
        for label, (lx0, ltop, lx1, lbottom) in labels:
            if label in taken or lx0 >= x1 or lx1 <= x0:
                continue  # not one above the other
            if 0 <= ltop - bottom <= near:
                best = (label, True)  # the label under the figure: the usual panel
                break
            if best is None and 0 <= top - lbottom <= near:
                best = (label, False)
        if best is not None:
            paired[index] = best
            taken.add(best[0])
    return paired


def _font(line, first: bool) -> str:
    """The font and size of a line's first or last letter ("DejaVuSans 12.0"), or ""."""
    chars = [item for item in line if hasattr(item, "fontname") and item.get_text().strip()]
    if not chars:
        return ""
    char = chars[0] if first else chars[-1]
    return f"{char.fontname} {round(char.size, 1)}"


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
