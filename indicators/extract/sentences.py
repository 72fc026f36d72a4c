"""Split a report into sentences with their offsets, leaving out the document's boilerplate.

Boilerplate is what a web page or a press office wraps around the report: navigation and
language switchers, headlines and section headings (short lines without a full stop),
bylines and time stamps, photo captions, share/follow links, contact lines, publication
schedules ("The next update will be issued on ..."). None of it states a figure.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from indicators.extract.hints import prefix_hints
from indicators.extract.patterns import (
    hint_finder,
    lower_case_pattern,
    lower_keeping_offsets,
    lowered,
)

LINE = re.compile(r"[^\n\r]+")
# A sentence ends at . ! ? (and any closing quotes or brackets) before a space and a capital,
# a digit or an opening quote.
BOUNDARY = re.compile(r"[.!?][\"”’)\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])")
ABBREVIATION = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|St|No|Nos|Gen|Col|Lt|Sgt|Rep|Sen|Gov|Jan|Feb|Mar|Apr|Jun|Jul|Aug"
    r"|Sep|Sept|Oct|Nov|Dec|approx|est|vs|etc|e\.g|i\.e|Inc|Ltd|Co|Fig|para)|\b[A-Z](?:\.[A-Z])*)\.\Z"
)
BULLET = re.compile(r"^(?:[•●▪◦‣∙·–—-]|\d{1,2}[.)]|A:)\s+")
# A dateline opens wire stories: "GENEVA, 12 June (Reuters) -", "MOGADISHU —".
# (capitals beyond ASCII count too: "CÔTE D'IVOIRE", "SÉGOU")
DATELINE = re.compile(
    r"^(?:[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ’'.-]+(?:[ /][A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ’'.-]+)*)(?:,\s*[^–—\-(]{0,40}?)?\s*(?:\([^)]{1,40}\)\s*)?[–—-]{1,2}\s+"
)
# Words that open a boilerplate line when the line is short or the word takes a colon.
BOILERPLATE_LINE = re.compile(
    r"""^(?:
        (?:share|follow|subscribe|sign\s+up|read\s+more|read\s+also|see\s+also|related|advertisement
          |tweet|print|email|copy\s+link|comments?|tags|topics|more\s+on|back\s+to\s+top|skip\s+to
          |home|menu|search|cookies?|photo|image|caption|credit|video|watch|listen|download|click
          |published|posted|updated|last\s+updated|reporting\s+by|editing\s+by|written\s+by
          |contacts?|media\s+contacts?|for\s+(?:further|more)\s+information|notes\s+to\s+editors
          |about\s+(?:us|the\s+\w+|[A-Z]\w+)|copyright|all\s+rights|our\s+standards)\b
      | by\s+[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,3}\s*$   # byline
      | (?:source|sources|speaker|speakers|tags|topics|q|note|notes)\s*:  # labelled metadata
    )""",
    re.IGNORECASE | re.VERBOSE,
)
STRUCTURAL_LINE = re.compile(
    r"""^(?:
        (?:[a-z]{2}\s+){1,5}[a-z]{2}$            # language switcher: "ua en ru"
      | [^.!?]*\|[^.!?]*$                       # navigation or metadata: "Home | News", "5 May | Geneva"
      | [#*=_~-]{3,}                             # separators
      | \*\s                                     # footnote: "* Provisional figure"
      | ©
    )""",
    re.VERBOSE,
)
NOT_A_DATELINE = frozenset(
    [
        "WHO",
        "WFP",
        "UNICEF",
        "UNHCR",
        "OCHA",
        "UNRWA",
        "IOM",
        "FAO",
        "ICRC",
        "IFRC",
        "MSF",
        "IPC",
        "UN",
        "US",
        "EU",
        "NATO",
        "AU",
        "UK",
        "UNFPA",
    ]
)
BOILERPLATE_ANYWHERE = re.compile(
    r"""(?:\(photo:|photo:\s|©|getty\s+images|/afp\b|\bvia\s+reuters\b|\bcontributed\s+to\s+this\s+report
      |\ball\s+rights\s+reserved|@\w+\.\w+|\bwww\.|https?://|\bnext\s+(?:situation\s+)?(?:update|report|briefing|edition|issue)\b
      |\bwill\s+be\s+(?:published|issued|released|updated)\b|\bpublished\s+(?:every|weekly|daily|monthly|on\s+a)\b
      |\bfollow\s+(?:us|\w+)\s+on\b|\bshare\s+(?:this|on)\b|\bsubscribe\b|\bclick\s+here\b|\bsign\s+up\b
      |\bfor\s+(?:further|more)\s+information\b|\btel(?:ephone)?[.:]\s*\+?\d|\+\d{2,3}\s\d)""",
    re.IGNORECASE | re.VERBOSE,
)
# BOILERPLATE_ANYWHERE for lower-cased sentences (see `numbers.lowered`): case-sensitive,
# several times faster than the case-insensitive pattern on the sentence as written.
_BOILERPLATE_ANYWHERE_LOWER = re.compile(
    lower_case_pattern(BOILERPLATE_ANYWHERE.pattern), re.VERBOSE
)
# A row of key figures: a label, a colon, then the figure and at most a few words ("People in
# need: 15.5M", "Requested: US$2.03 billion", "Funded: 21.5%", "Returnees: 637,400¹" with its
# footnote marker); a headline such as "Chad: 7 million people in need of aid this year" goes
# on after its number.
KEY_FIGURE_LINE = re.compile(
    r"[^:\n]{2,60}:\s+(?:about\s+|some\s+|over\s+)?(?:US\$|\$|€|£|[A-Z]{3}\s)?\s?\d[\d,.\u00a0 ]*"
    r"(?:%|[MK]\b|\s?(?:million|billion|bn|m)\b)?\*?(?:[¹²³⁴⁵⁶⁷⁸⁹]+|\[\d{1,2}\])?(?:\s+\S+){0,3}\s*$"
)
# A row of a table flattened to text, its cells between bars, one of them (after the first) a
# figure alone: "Pemba | 98,215 | 17%" (not navigation, "Home | News", nor "5 May | Geneva")
TABLE_ROW = re.compile(
    r"[^|\n]+(?:\|[^|\n]*)*?\|\s*(?:US\$|\$|€|£)?\d[\d,.\u00a0 ]*%?\*?\s*(?:\||$)"
)
# A line of a key-figures box that opens with its figure: "919 schools closed because of
# insecurity", "over 243,000 learners affected", "1 in 4 schools not functional", "US$ 24.6M
# required" (not a year: "2025 Humanitarian Response Plan")
FIGURE_FIRST_LINE = re.compile(
    r"(?:(?:over|about|some|nearly|almost|around|more\s+than|up\s+to)\s+)?"
    # a currency code in capitals only: "KES 310 million", not "the 120 villages"
    r"(?:US\$|\$|€|£|(?-i:[A-Z]{3})\s)?\s?(?!(?:19|20)\d\d\b)\d[\d,.\u00a0]*"
    r"(?:\s(?:in|out\s+of)\s\d+|%|[MKB]\b|\s?(?:million|billion|bn|m)\b)?\s+[a-z]",
    re.IGNORECASE,
)
# A key-figures line whose label comes first without a colon, its figure last: "People in
# need 15.5M", "Funding required US$ 1.2B", "Displaced 4,200,000", "Funded 23%" (as a grid of
# labels and figures is read line by line). The figure says it is one: a scale, a percent, a
# currency or thousands, never a bare number ("Situation Report No. 12", "Outlook 2025").
LABEL_FIGURE_LINE = re.compile(
    r"[A-Za-z][^:\n\d|]{1,58}?\s+(?:(?:about|some|over|nearly|almost)\s+)?"
    r"(?:(?:(?:US\$|\$|€|£|(?-i:[A-Z]{3})\s)\s?\d[\d,.]*(?:\s?(?:[MKB]|bn|mn|million|billion)\b)?)"
    r"|(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?\s?(?:[MKB]\b|million\b|billion\b|%)))"
    r"\*?(?:[¹²³⁴⁵⁶⁷⁸⁹]+|\[\d{1,2}\])?\s*$"
)
TERMINAL_CHARS = frozenset('.!?:;"”’)')
# A name with its acronym in parentheses, a line's only words: a title, not a sentence
TITLE_WITH_ACRONYM = re.compile(
    r"\A(?:[A-Z][\w’'-]*\s+(?:(?:of|for|and|on|the)\s+)*){1,9}\([A-Z]{2,8}\)\Z"
)
# Cheap substring tests before the boilerplate pattern (a long case-insensitive alternation
# is slow to run on every sentence), read off the pattern itself (see `hints.prefix_hints`).
BOILERPLATE_HINTS = prefix_hints(BOILERPLATE_ANYWHERE)


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    text: str
    paragraph: int  # index of the line it belongs to


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of the report's body, each stripped, with offsets into `text`."""
    sentences: list[Sentence] = []
    hints = _HintIndex(text)
    for paragraph, line in enumerate(LINE.finditer(text)):
        line_text = line.group()
        stripped = line_text.strip()
        if not stripped or is_boilerplate_line(stripped):
            continue
        offset = line.start() + (len(line_text) - len(line_text.lstrip()))
        body = stripped
        bullet = BULLET.match(body)
        if bullet:
            offset += bullet.end()
            body = body[bullet.end() :]
        dateline = DATELINE.match(body)
        if (
            dateline
            and dateline.end() < len(body)
            and body.split()[0].strip(",") not in NOT_A_DATELINE
        ):
            offset += dateline.end()
            body = body[dateline.end() :]
        for start, end in _sentence_spans(body):
            sentence_text = body[start:end]
            if hints.within(offset + start, offset + end) and hints.boilerplate(
                sentence_text, offset + start, offset + end
            ):
                continue
            sentences.append(Sentence(offset + start, offset + end, sentence_text, paragraph))
    return sentences


class _HintIndex:
    """Where the boilerplate hints occur in the lower-cased text, found by one fast str.find
    pass per hint instead of a test of every hint on every sentence."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.spans: list[tuple[int, int]] | None = None
        self.starts: list[int] = []  # where each span starts, for bisect
        # the lower-cased text, when the lower-case patterns may run on it
        self.lower = lowered(text)
        lower = self.lower or lower_keeping_offsets(text)
        if lower is None:  # "İ": offsets of the lower-cased text would shift
            return
        spans = hint_finder(BOILERPLATE_HINTS)(lower)  # every occurrence of every hint
        spans.sort()
        self.spans = spans
        self.starts = [span[0] for span in spans]

    def boilerplate(self, sentence: str, start: int, end: int) -> bool:
        """Does the sentence, text[start:end], hold boilerplate (BOILERPLATE_ANYWHERE)?"""
        if self.lower is None:
            return BOILERPLATE_ANYWHERE.search(sentence) is not None
        return _BOILERPLATE_ANYWHERE_LOWER.search(self.lower[start:end]) is not None

    def within(self, start: int, end: int) -> bool:
        """Does text[start:end] hold a hint?"""
        if self.spans is None:
            lower = self.text[start:end].lower()
            return any(hint in lower for hint in BOILERPLATE_HINTS)
        spans = self.spans
        index = bisect.bisect_left(self.starts, start)
        while index < len(spans) and spans[index][0] < end:
            if spans[index][1] <= end:
                return True
            index += 1
        return False


def is_boilerplate_line(line: str) -> bool:
    if STRUCTURAL_LINE.match(line):
        return "|" not in line or TABLE_ROW.match(line) is None
    keyword = BOILERPLATE_LINE.match(line)
    if keyword and (
        len(line.split()) <= 12 or line[keyword.end() : keyword.end() + 2].strip().startswith(":")
    ):
        return True
    # a headline, a section heading, a byline: short and without a full stop (not a bullet, a
    # row of key figures or of a table)
    if len(line.split(None, 16)) > 16:  # more than 16 words (a paragraph is not cut whole)
        return False
    last = line.rstrip()[-1:]
    if last in TERMINAL_CHARS and not (last == ")" and TITLE_WITH_ACRONYM.search(line)):
        return False  # "IPC Famine Review Committee (FRC)" is a title, its ")" no full stop
    return not (
        BULLET.match(line) is not None
        or KEY_FIGURE_LINE.match(line) is not None
        or ("|" in line and TABLE_ROW.match(line) is not None)
        or FIGURE_FIRST_LINE.match(line) is not None
        or LABEL_FIGURE_LINE.match(line) is not None
    )


_LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
# No word ABBREVIATION knows has more letters than its source's longest run of letters
_LONGEST_ABBREVIATION = max(len(run) for run in re.findall(r"[A-Za-z]+", ABBREVIATION.pattern))
MAX_SENTENCE = 1200  # longer "sentences" (tables, run-ons) are cut at spaces so work stays linear


def _sentence_spans(body: str) -> list[tuple[int, int]]:
    spans = []
    for start, end in _raw_sentence_spans(body):
        while end - start > MAX_SENTENCE:
            cut = body.rfind(" ", start + MAX_SENTENCE // 2, start + MAX_SENTENCE)
            cut = cut if cut > start else start + MAX_SENTENCE
            piece = body[start:cut].rstrip()
            if piece:
                spans.append((start, start + len(piece)))
            start = cut
            while start < end and body[start].isspace():
                start += 1
        if end > start:
            spans.append((start, end))
    return spans


def _raw_sentence_spans(body: str) -> list[tuple[int, int]]:
    spans = []
    start = 0
    for match in BOUNDARY.finditer(body):
        candidate_end = match.start() + 1
        window = body[max(start, candidate_end - 12) : candidate_end]
        # no abbreviation ends a longer word ("reporters."): such a window is not searched
        letters = len(window) - 1 - len(window[:-1].rstrip(_LETTERS))
        if letters <= _LONGEST_ABBREVIATION and ABBREVIATION.search(window):
            continue
        end = match.end()
        piece = body[start:end].rstrip()
        if piece:
            spans.append((start, start + len(piece)))
        start = end
    piece = body[start:].rstrip()
    if piece:
        spans.append((start, start + len(piece)))
    return spans
