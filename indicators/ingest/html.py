"""The main text of a web page, with trafilatura: navigation, menus, share links, cookie
banners and footers are dropped; each paragraph, heading or list item becomes one
paragraph of the report text, and a table one paragraph of its rows ("Pemba | 98,215 | 17%")."""

from __future__ import annotations

import re

from indicators.ingest.documents import IngestError, tidy

MIN_WORDS = 5
_LANG = re.compile(rb"<html[^>]*?\slang=[\"']?([A-Za-z]{2})\b", re.IGNORECASE)


def html_text(data: bytes, shown: str) -> tuple[str, dict[str, str]]:
    import trafilatura

    try:
        text = trafilatura.extract(
            data,
            output_format="txt",
            include_comments=False,
            include_tables=True,
            include_links=False,
            include_images=False,
            deduplicate=False,
            fast=False,
        )
        document = trafilatura.extract_metadata(_decoded(data))
    except Exception as error:  # a page trafilatura cannot parse at all
        raise IngestError(
            f"{shown}: the web page could not be read ({type(error).__name__}); save it "
            "again or paste its text"
        ) from error
    # Without a main text trafilatura falls back to whatever the page holds ("Home");
    # a few words are no report.
    if not text or len(text.split()) < MIN_WORDS:
        raise IngestError(
            f"{shown}: no main text found in the web page (it may be empty or built by "
            "scripts); paste the report's text instead"
        )
    text = tidy(_paragraphs(text))
    metadata = _metadata(document)
    language = _LANG.search(data[:4096])
    if language and "language" not in metadata:
        metadata["language"] = language.group(1).decode("ascii").lower()
    return text, metadata


def _paragraphs(text: str) -> str:
    """trafilatura's text (a paragraph to a line, a table in Markdown: "| Pemba | 98,215 |",
    "|---|---|") as the report text: a blank line between paragraphs, as the extractor's
    sentence splitter reads them, and a table as one paragraph of its rows, a row to a line
    with its cells joined by " | " ("Pemba | 98,215 | 17%"), as tables flattened to text are
    read, each figure named by its column's header."""
    blocks: list[list[str]] = []
    in_table = False
    for line in text.splitlines():
        row = _TABLE_ROW.match(line.strip())
        if row is None:
            blocks.append([line])
            in_table = False
            continue
        cells = [cell.strip() for cell in row.group(1).split("|")]
        if all(_RULE.fullmatch(cell) for cell in cells):
            continue  # the rule under the header: no row of the table
        if not in_table:
            blocks.append([])
            in_table = True
        blocks[-1].append(" | ".join(cells))
    return "\n\n".join("\n".join(block) for block in blocks)


# a table's row as trafilatura writes it, in Markdown, and the rule under its header
_TABLE_ROW = re.compile(r"^\|(.*)\|$")
_RULE = re.compile(r":?-{3,}:?|")


def _decoded(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _metadata(document) -> dict[str, str]:
    if document is None:
        return {}
    found = {}
    for name, value in (
        ("title", document.title),
        ("author", document.sitename or document.author),
        ("published", document.date),
        ("url", document.url),
        ("language", (document.language or "")[:2].lower()),
    ):
        if isinstance(value, str) and value.strip():
            found[name] = " ".join(value.split())
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", found.get("published", "")):
        found.pop("published", None)
    return found
