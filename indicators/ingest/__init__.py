"""Report files in, report text out: plain text, Markdown, web pages and PDFs.

`read_document(path)` (or `document_from_bytes(data, name)` for an upload) returns the
report's text, the SHA-256 of that text (`sources.text_sha256`, the text every quote is
checked against), the SHA-256 of the original file, and what the file states about
itself (title, author, date, language), for prefilling a form. The same file always gives
the same text. A file that gives no usable text (a scanned PDF without a text layer, an
encrypted PDF, an empty page, a file over the size limit) raises `IngestError` with one
sentence naming the file and saying what to do.
"""

from __future__ import annotations

from pathlib import Path

from indicators.ingest.documents import (
    FORMATS,
    MAX_FILE_BYTES,
    MAX_TEXT_CHARS,
    Document,
    IngestError,
    document_from_bytes,
)

__all__ = [
    "FORMATS",
    "MAX_FILE_BYTES",
    "MAX_TEXT_CHARS",
    "Document",
    "IngestError",
    "document_from_bytes",
    "read_document",
]


def read_document(path: Path | str) -> Document:
    """The report in a file: its text and checksums. Raises IngestError (bad content) or
    OSError (the file cannot be read)."""
    path = Path(path)
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise IngestError(
            f"{path}: the file is {size / 1e6:.1f} MB, over the limit of "
            f"{MAX_FILE_BYTES / 1e6:.0f} MB; split the report or paste the part you need"
        )
    return document_from_bytes(path.read_bytes(), path.name, str(path))
