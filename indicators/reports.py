"""Report texts: find them by the SHA-256 of their bytes and check quotes against them."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from indicators.ingest.documents import FORMATS, HTML_SUFFIXES, PDF_SUFFIXES

# The report files a folder holds: every format the ingest package reads (`FORMATS`); a web
# page or PDF has its text taken out, the others are read as UTF-8 text.
REPORT_SUFFIXES = FORMATS
EXTRACTED_SUFFIXES = HTML_SUFFIXES + PDF_SUFFIXES


@dataclass(frozen=True)
class ReportText:
    path: Path
    sha256: str
    text: str  # the file decoded as UTF-8; quote offsets index into this string


def sha256_of_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_report(path: Path) -> ReportText:
    """Read one report file. Raises ValueError naming the file if it is not UTF-8.
    A web page or PDF gives the text taken out of it (`indicators.ingest`), and `sha256`
    is then that text's, as `sources.text_sha256` records it."""
    if Path(path).suffix.lower() in EXTRACTED_SUFFIXES:
        from indicators.ingest import read_document

        document = read_document(path)
        return ReportText(path=Path(path), sha256=document.text_sha256, text=document.text)
    data = Path(path).read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ValueError(f"{path}: not valid UTF-8 at byte {error.start}") from error
    return ReportText(path=Path(path), sha256=sha256_of_bytes(data), text=text)


def index_reports(directory: Path) -> tuple[dict[str, ReportText], list[str]]:
    """Every readable file in a folder, by SHA-256. Returns the index and the files skipped."""
    found: dict[str, ReportText] = {}
    skipped: list[str] = []
    for path in sorted(Path(directory).iterdir()):
        if not path.is_file() or path.name.startswith("."):
            continue
        try:
            report = read_report(path)
        except (OSError, ValueError) as error:
            skipped.append(str(error))
            continue
        found[report.sha256] = report
    return found, skipped


def locate_quote(text: str, quote: str, start: int | None, end: int | None) -> str | None:
    """None when the quote is at its offsets, else a sentence saying what is wrong."""
    if start is not None and end is not None and text[start:end] == quote:
        return None
    found_at = text.find(quote) if quote else -1
    if found_at < 0:
        return "the quote does not occur in the report text"
    return (
        f"the quote is not at offsets {start}-{end}; it occurs at "
        f"{found_at}-{found_at + len(quote)}"
    )
