"""The report text of a file, by its format."""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass, field
from pathlib import PurePath

from indicators.extract.sources import dateline_date

MAX_FILE_BYTES = 25_000_000  # a report file larger than this is refused
MAX_TEXT_CHARS = 2_000_000  # and so is one whose text is longer

TEXT_SUFFIXES = (".txt", ".md")
HTML_SUFFIXES = (".html", ".htm")
PDF_SUFFIXES = (".pdf",)
FORMATS = TEXT_SUFFIXES + HTML_SUFFIXES + PDF_SUFFIXES


class IngestError(ValueError):
    """A report file that gives no usable text; the message names the file and says why."""


@dataclass(frozen=True)
class Document:
    text: str  # the report text: quotes and their offsets refer to this string
    text_sha256: str  # SHA-256 of the text's UTF-8 bytes (`sources.text_sha256`)
    original_sha256: str  # SHA-256 of the file as it came
    format: str  # "text", "html" or "pdf"
    name: str  # the file's name, for messages
    # What the file states about itself, to prefill a form: title, author, published
    # (YYYY-MM-DD), language (two letters), url. Empty when the file does not say.
    metadata: dict[str, str] = field(default_factory=dict)

    @property
    def text_bytes(self) -> bytes:
        return self.text.encode("utf-8")


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def format_of(name: str, data: bytes) -> str:
    suffix = PurePath(name).suffix.lower()
    if suffix in PDF_SUFFIXES or data[:5] == b"%PDF-":
        return "pdf"
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in TEXT_SUFFIXES or not suffix:
        return "text"
    raise IngestError(
        f"{name}: files ending {suffix} are not read; give a report as {', '.join(FORMATS)}"
    )


def document_from_bytes(data: bytes, name: str, shown: str | None = None) -> Document:
    """The report in a file's bytes; `name` gives its format by its ending, `shown` is how
    messages name it (the path; the name by default)."""
    shown = shown or name
    if len(data) > MAX_FILE_BYTES:
        raise IngestError(
            f"{shown}: the file is {len(data) / 1e6:.1f} MB, over the limit of "
            f"{MAX_FILE_BYTES / 1e6:.0f} MB; split the report or paste the part you need"
        )
    kind = format_of(name, data)
    metadata: dict[str, str] = {}
    if kind == "pdf":
        from indicators.ingest.pdf import pdf_text

        text, metadata = pdf_text(data, shown)
    elif kind == "html":
        from indicators.ingest.html import html_text

        text, metadata = html_text(data, shown)
    else:
        text = plain_text(data, shown)
    return document_from_text(text, shown, kind, sha256_hex(data), metadata)


def plain_text(data: bytes, shown: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise IngestError(
            f"{shown}: not valid UTF-8 at byte {error.start}; save it as UTF-8 text"
        ) from error


def document_from_text(
    text: str, shown: str, kind: str = "text", original_sha256: str = "", metadata=None
) -> Document:
    """A document from text already taken out of its file (or pasted)."""
    if not text.strip():
        raise IngestError(f"{shown}: holds no text; nothing to read figures from")
    if len(text) > MAX_TEXT_CHARS:
        raise IngestError(
            f"{shown}: its text is {len(text):,} characters, over the limit of "
            f"{MAX_TEXT_CHARS:,}; split the report or paste the part you need"
        )
    text_sha256 = sha256_hex(text.encode("utf-8"))
    return Document(
        text=text,
        text_sha256=text_sha256,
        original_sha256=original_sha256 or text_sha256,
        format=kind,
        name=shown,
        metadata=dict(metadata or {}),
    )


# The typesetter's ligatures a PDF's text may keep ("ﬂooded", "aﬀected"), as their letters:
# words are read letter by letter, and a ligature is no letter of the word
_LIGATURES = {ord(ligature): unicodedata.normalize("NFKC", ligature) for ligature in "ﬀﬁﬂﬃﬄﬅﬆ"}
# a soft hyphen marks where a word may break; it is no character of the word
_LIGATURES[0x00AD] = None


def tidy(text: str) -> str:
    """Text taken out of a PDF or web page, in one fixed form: NFC, the letters of a
    typesetter's ligatures, no soft hyphens, no trailing spaces, paragraphs separated by one
    blank line, no control characters but newlines."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_LIGATURES)
    text = unicodedata.normalize("NFC", text)
    lines = []
    for line in text.split("\n"):
        line = "".join(ch for ch in line if ch == "\t" or unicodedata.category(ch) != "Cc")
        lines.append(line.replace("\t", " ").rstrip())
    paragraphs, current = [], []
    for line in lines:
        if line.strip():
            current.append(line.strip())
        elif current:
            paragraphs.append(current)
            current = []
    if current:
        paragraphs.append(current)
    return "\n\n".join("\n".join(paragraph) for paragraph in paragraphs) + "\n"


def stated_in_text(text: str) -> dict[str, str]:
    """What the report's opening states about itself: its first line as the title (when
    short), and its dateline's day as the day it was published, read as `extract` reads
    it. A suggestion for the reader to confirm, nothing more."""
    found: dict[str, str] = {}
    first_line = text.strip().split("\n", 1)[0].strip()
    if 0 < len(first_line) <= 200:
        found["title"] = first_line
    published = dateline_date(text)
    if published is not None:
        found["published"] = published.isoformat()
    return found
