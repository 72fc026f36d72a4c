"""The words around a figure that say what it is of, when it holds, or that it is no figure.

A "Label: figure" row's label, an IPC phase's meaning, a report's headings (what all its
figures are about), a figure stated as a change or as a fall (a negative change), the "and"
that ends the words of the figure before, "on August" after a change (what it is compared
with, not its period), and an instruction in a list of priorities (a target, not a figure).
`figures` asks these while it reads a figure.
"""

from __future__ import annotations

import bisect
import re

from indicators.extract import vocabulary
from indicators.extract.catalogue import content_word_tuple
from indicators.extract.locations import (  # noqa: F401 - also used from here
    LEVEL_WORDS,
    is_donor_lead_in,
    lead_in_of_list,
    lead_in_start,
)
from indicators.extract.patterns import UNUSUAL_CASE_LETTERS, alternation

# A figure stated as a change: "rose by", "a fall of", "up", "an increase of"
CHANGE_STATED = re.compile(
    r"\b(?:(?:rose|risen|increased|grew|fell|fallen|dropped|declined|decreased|jumped|climbed)"
    r"(?:\s+by)?|(?:an?\s+)?(?:rise|increase|fall|drop|decline|decrease|reduction)\s+of|up|down)"
    r"\s+\Z",
    re.IGNORECASE,
)
# A change kept with its sign: "fell by a quarter", "a fall of 20 percent", "down 8 percentage
# points" are negative changes of an indicator of change (its id ends in "_change").
CHANGE_UNITS = frozenset({"percent", "percentage points"})
FALL_BEFORE = re.compile(
    r"\b(?:(?:fell|fallen|dropped|declined|decreased|shrank|contracted|went\s+down"
    r"|(?:been\s+|was\s+|were\s+)?(?:"
    + vocabulary.alternatives(vocabulary.words("cut_verbs"))
    + r")(?:\s+[a-z]+){0,3}?)(?:\s+by)?"
    r"|(?:a\s+)?(?:fall|drop|decline|decrease|reduction)\s+of|down(?:\s+by)?)\s+\Z",
    re.IGNORECASE,
)
# A change stated after its size: "9 percent fewer than in August", "18 percent higher than
# last year"; the first four words say it fell
CHANGE_AFTER = re.compile(
    r"\s+(?P<fall>fewer|less|lower|smaller)?(?:more|higher|greater|larger)?\s+than\b", re.IGNORECASE
)
# "a 22% decrease from week 39", "a 35 percent increase compared with 2024": the noun of a
# change after its size (the last seven of CHANGE_AFTER_HINTS)
CHANGE_NOUN_AFTER = re.compile(
    r"\s+(?:(?P<fall>decrease|fall|drop|decline|reduction)|increase|rise|jump)\b", re.IGNORECASE
)
CHANGE_AFTER_HINTS = (
    " fewer ",
    " less ",
    " lower ",
    " smaller ",
    " more ",
    " higher ",
    " greater ",
    " larger ",
    " decrease",
    " fall",
    " drop",
    " decline",
    " reduction",
    " increase",
    " rise",
    " jump",
)
# "41 percent were women and 12 percent were children": the words before the "and" go with
# the figure before it
COORDINATOR = re.compile(r"\s(?:and|while|whereas|but)\s|[;,]\s")
# an instruction in a list of priorities: a bullet or line that opens with a plan verb
_PLAN_VERBS = vocabulary.words("plan_verbs")
PLAN_FIRST = frozenset("-•*–" + "".join({verb[0].upper() for verb in _PLAN_VERBS}))
PLAN_START = re.compile(
    r"(?:[-•*–]\s+)?(?:" + "|".join(verb.capitalize() for verb in _PLAN_VERBS) + r")\b"
)
# A report's own method and its reach: "The analysis covered 22 districts", "The survey was
# carried out by 45 enumerators", "Prices are collected by monitors in 140 markets", "across
# the 14 governorates monitored" count the method, not an indicator (see figures.json)
_METHOD_NOUN = alternation(vocabulary.words("method_nouns")).replace(" ", r"\s+")
_METHOD_VERB = alternation(vocabulary.words("method_verbs")).replace(" ", r"\s+")
# also "DTM conducted Round 12 of the mobility tracking assessment ... in 16 districts" and a
# line headed "Methodology:"
_GATHERED = ("collected", "gathered", "compiled")  # "data were collected"
METHOD_VERB = re.compile(
    rf"^\W*(?:the|this|our|its)\s+(?:[\w-]+\s+){{0,3}}?(?:{_METHOD_NOUN})\s+(?:[\w-]+\s+){{0,4}}?"
    rf"(?:{_METHOD_VERB})\b|\b(?:is|are|was|were)\s+(?:{'|'.join(_GATHERED)})\b",
    re.IGNORECASE,
)
# tried only where a cheap test finds "conducted", "carried out" or "Method" at the start
_METHOD_CONDUCTED = re.compile(
    rf"\b(?:conducted|carried\s+out)\s+(?:[\w-]+\s+){{0,6}}?(?:{_METHOD_NOUN})\b"
    r"|^\W*(?:methodology|methods?)\s*:",
    re.IGNORECASE,
)
_METHOD_LINE = ("Method", "METHOD", "method")
# "The HeRAMS assessment of 1,146 health facilities", "a survey of 1,200 households": the
# count right after the method's name and "of"
METHOD_OF = re.compile(rf"\b(?:{_METHOD_NOUN})\s+of\s+(?:the\s+)?\Z", re.IGNORECASE)
# a sample's size as surveys state it: "(n=1,234)", "N = 640"
SAMPLE_SIZE = re.compile(r"(?<![\w.])[nN]\s?=\s?\Z")
# after a comma, the method's reach goes on only after these: "..., using 12 sources"
_REACH_AFTER_COMMA = re.compile(r"\b(?:using|by|with|from|in|across)\s+(?:the\s+)?\Z")
_PARTICIPLES = vocabulary.words("method_participles")
COUNTED_PARTICIPLE = re.compile(
    rf"\s+(?:[a-z-]+\s+){{1,2}}?(?:{alternation(_PARTICIPLES)})\b(?!\s+(?:as|to\s+be)\b)"
)
PARTICIPLE_HINTS = tuple(_PARTICIPLES)


def method_verb_end(sentence: str) -> int:
    """Where the verb of a sentence about the report's own method ends, or -1."""
    # METHOD_VERB's first branch holds only at the start: it is searched past it only where
    # the words of its second branch may be (a search tries the pattern at every character)
    match = METHOD_VERB.match(sentence)
    if match is None and _may_say_gathered(sentence):
        match = METHOD_VERB.search(sentence)
    if match is None and (
        "onducted" in sentence
        or "arried out" in sentence
        or sentence[:12].lstrip()[:6] in _METHOD_LINE
    ):
        match = _METHOD_CONDUCTED.search(sentence)
    return match.end() if match else -1


def _may_say_gathered(sentence: str) -> bool:
    """May the sentence hold one of _GATHERED, as the case-insensitive pattern reads it?"""
    if any(letter in sentence for letter in UNUSUAL_CASE_LETTERS):
        return True  # "İ" is "i" to the pattern, not to str.lower
    lower = sentence.lower()
    return any(word in lower for word in _GATHERED)


def counts_method_reach(sentence: str, verb_end: int, relative: int) -> bool:
    """Is the count at sentence[relative:] the reach of the method whose verb ends at
    `verb_end` (`method_verb_end`): right after it, or after a comma and "using", "by"?"""
    if verb_end < 0 or verb_end > relative:
        return False
    between = sentence[verb_end:relative]
    return "," not in between or _REACH_AFTER_COMMA.search(between[-16:]) is not None


_PHASE = re.compile(r"\b[Pp]hases?\s+([345])\b")
PHASE_WORDS = vocabulary.words("phase_words")
HEADING_REACH = 400  # how far into a report its headings are looked for
_LINE_BULLET = re.compile(r"[-•*–●▪]\s")
_ASIDE = re.compile(r"\([^()]*\)")
_DIGIT = re.compile(r"\d")


def negated(bound: float | None) -> float | None:
    return -bound if bound is not None else None


def phase_words(clause: str) -> tuple[str, ...]:
    """The words of what the IPC phases a clause names mean (see vocabulary `phase_words`)."""
    return tuple(
        word
        for number in _PHASE.findall(clause)
        for word in content_word_tuple(PHASE_WORDS[number])
    )


# a line of the headings that gives a figure after its label ("DREF allocation: CHF 749,860")
_KEY_FIGURE_LINE = re.compile(r":\s*(?:[A-Z]{2,3}\s?|US\$\s?|[$€£]\s?)?\d")
# A line that opens with its figure ("6.5 million children in need", "US$ 24.6M required",
# "84% of new arrivals ..."): a key figure of a box, not a heading. A year ("2025 Flash
# Appeal"), a date ("5 September 2025") or a clock time ("18:40 GMT") opens a heading still.
_FIGURE_FIRST_LINE = re.compile(
    r"(?:[A-Z]{2,3}\s?|US\$\s?|[$€£]\s?)?(?!(?:19|20)\d\d\b)\d[\d,.]*\s*%?\s*"
    r"(?!(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b)[A-Za-z]"
)


def heading_words(text: str) -> frozenset[str]:
    """The content words of a report's headings, the lines above its first full sentence or
    list ("Mpox Outbreak: Weekly Epidemiological Bulletin"); "No. 9" is no negation."""
    lines = text[:HEADING_REACH].splitlines()
    if len(text) > HEADING_REACH and lines:
        lines = lines[:-1]  # cut short
    headings = []
    for line in lines:
        line = line.strip()
        if line and (line[-1] in ".!?" or _LINE_BULLET.match(line)):
            break  # the first sentence or list: the headings are above it
        if _KEY_FIGURE_LINE.search(line):
            continue  # "People targeted: 60,000": a figure's label, not what all are about
        if _FIGURE_FIRST_LINE.match(line):
            continue  # the row of a box of key figures: what its own figure is
        headings.append(line)
    return frozenset(content_word_tuple(" ".join(headings))) - {"not"}


# "compared with Round 11 (May 2025)", "compared with the same period of 2024", "9 percent
# fewer than in August": the words before a date that make it the baseline of a comparison
# (not "compared with 19 days in September 2024": that date is the earlier figure's own)
_BASELINE_OF = re.compile(
    r"(?:\b(?:compared\s+(?:with|to)|relative\s+to)\s+(?:(?:round|week|phase)\s+\d+\s+|[^\s\d.;:,]+\s+){0,4}?"
    r"|(?<!more\s)(?<!less\s)\bthan\s+(?:in|at|during|on)\s+"
    # "14 per cent more than at the last count in January 2025": the earlier count's date
    r"|\bthan\s+(?:at|in)\s+the\s+(?:last|previous|latest|first)\s+(?:count|round|assessment|survey|update|report)\s+(?:(?:in|of|on)\s+)?"
    # "22 percent more than in the first quarter": a figure's own comparison
    r"|\d\s*(?:%|percent|per\s+cent)?\s+(?:more|less|fewer|higher|lower|greater)\s+than\s+"
    # "six times its price in September", "twice the level of May": what a multiple is of
    r"|\b(?:times|twice)\s+(?:its|their|the)\s+[a-z]+\s+(?:(?:in|of|on)\s+)?)\(?\Z",
    re.IGNORECASE,
)


# A section heading in capitals on a line of its own ("ATTACKS ON HEALTH CARE", "LABORATORY"):
# what the figures under it are about
_SECTION_HEADING = re.compile(r"^[ \t]*([A-Z][A-Z0-9 &/,()’'–-]{2,60})$", re.MULTILINE)


class SectionHeadings:
    """The content words of the section heading each offset of a report stands under, read
    once per report: a clause may leave them unsaid ("17 attacks" under "ATTACKS ON HEALTH
    CARE", "the 1,240 samples" under "WATER")."""

    __slots__ = ("starts", "words")

    def __init__(self, text: str) -> None:
        self.starts: list[int] = []
        self.words: list[frozenset[str]] = []
        for match in _SECTION_HEADING.finditer(text):
            heading = match.group(1).rstrip()
            if sum(c.isalpha() for c in heading) < 3:
                continue
            self.starts.append(match.start())
            self.words.append(frozenset(content_word_tuple(heading.lower())) - {"not"})

    def above(self, offset: int) -> frozenset[str]:
        index = bisect.bisect_right(self.starts, offset) - 1
        return self.words[index] if index >= 0 else frozenset()


# "below the 1995–2024 average", "the 2020 mean": a year (or the first of a span of years)
# that an average is taken over
_BASELINE_AFTER = re.compile(
    r"(?:(?:\s?[-–]\s?|\s+to\s+)(?:19|20)\d{2})?\s+(?:"
    + vocabulary.alternatives(vocabulary.words("baseline_nouns", "dates"))
    + r")\b",
    re.IGNORECASE,
)


# "The 2025 appeal", "the 2025 Lebanon Flash Appeal", "Response Plan 2025": a year in a name
_PLAN_NOUNS = vocabulary.alternatives(vocabulary.words("plan_nouns", "dates"))
_PLAN_AFTER_YEAR = re.compile(rf"\s+(?:[A-Z][\w’'-]*\s+){{0,6}}?(?i:{_PLAN_NOUNS})\b")
_PLAN_BEFORE_YEAR = re.compile(rf"\b(?i:{_PLAN_NOUNS})\s+\Z")


def names_a_plan(phrase, text: str) -> bool:
    """Is a year phrase part of an appeal's or plan's name ("The 2025 appeal is only 27 per
    cent funded", "Humanitarian Response Plan 2025"), not the period of a figure?"""
    if phrase.first is None or phrase.first.precision != "year" or phrase.text[:1] not in "12":
        return False
    return (
        _PLAN_AFTER_YEAR.match(text, phrase.end) is not None
        or _PLAN_BEFORE_YEAR.search(text, max(0, phrase.start - 16), phrase.start) is not None
    )


# "Six months after the 28 March earthquake", "after the 18 February withdrawal deadline": a
# date naming an event a time is told from, followed by the event's noun
_AFTER_THE = re.compile(r"\b(?:after|before)\s+the\s+\Z", re.IGNORECASE)
_EVENT_NOUN_AFTER = re.compile(
    r"\s+(?!(?:in|of|at|on|to|for|and|or|the|a|an|with|from|by|when|as|after|before|until"
    r"|that|which|was|were|is|are)\b)[a-z][\w-]*"
)


def names_an_event(phrase, text: str) -> bool:
    """Is a date phrase the date of an event another time is told from ("Six months after the
    28 March earthquake, 1.1 million children ..."), not the period of a figure?"""
    start = phrase.start
    return (
        text.find("the ", max(0, start - 4), start) >= 0
        and _AFTER_THE.search(text, max(0, start - 12), start) is not None
        and _EVENT_NOUN_AFTER.match(text, phrase.end) is not None
    )


# "... cannot go to school after Typhoon Marilag tore through the Visayas this week": after a
# figure, "after" and an event's verb (dates.json: since_event_verbs) tell the event the
# figure follows; the date that closes them is the event's
_AFTER_AN_EVENT = re.compile(
    r"\bafter\s+(?:the\s+)?(?:[\w’'-]+\s+){1,5}?(?:"
    + vocabulary.alternatives(vocabulary.words("since_event_verbs", "dates"))
    + r")\b(?:\s+[\w’'-]+){0,5}?\s+\Z"
)


def after_an_event(phrase, text: str, position: int) -> bool:
    """Is a date phrase after the figure at `position` the date of an event the figure
    follows ("after the typhoon tore through the region this week"), not its period?"""
    after = text.rfind(" after ", position, phrase.start)
    return after >= 0 and _AFTER_AN_EVENT.match(text, after + 1, phrase.start) is not None


_CHANGE_BEFORE_FROM = re.compile(
    r"\b(?:decrease|increase|rise|fall|drop|decline|reduction|jump|up|down|fell|rose|increased"
    r"|decreased|declined|dropped|jumped|climbed)\s+\Z",
    re.IGNORECASE,
)


# "up 3.2% from July", "rose by 12 percent from July": a change's size, then what it is from
_CHANGE_OF_SIZE_BEFORE_FROM = re.compile(
    r"\b(?:up|down|fell|rose|increased|decreased|declined|dropped|jumped|climbed|risen|fallen)"
    r"\s+(?:by\s+)?(?:(?:about|almost|nearly|some|around|over)\s+)?\d[\d.,]*"
    r"\s*(?:%|percent\b|per\s+cent\b)\s*\Z",
    re.IGNORECASE,
)


def compared_with(phrase, text: str = "") -> bool:
    """'an increase of 9 percent on August', 'up 7 percent on last month': 'on' and a month or
    year is what a change is compared with, not when a figure holds ('on Monday' is a day);
    so is a date after "compared with" or "than" ("compared with the same period of 2024",
    "fewer than in August"), and a year an average is taken over ("below the 1995–2024
    average"). `phrase`: a `dates.DatePhrase`; `text`: the text it is in."""
    if (
        phrase.text[:3].lower() == "on "
        and phrase.first is not None
        and phrase.first.precision in ("month", "year")
    ):
        return True
    if not text:
        return False
    start = phrase.start
    if text[max(0, start - 5) : start].lower() == "from " and (
        _CHANGE_BEFORE_FROM.search(text, max(0, start - 40), start - 5)
        or _CHANGE_OF_SIZE_BEFORE_FROM.search(text, max(0, start - 40), start - 5)
    ):  # "a 22% decrease from week 39", "up 3.2% from July": what the change is measured from
        return True
    if (
        phrase.first is not None
        and phrase.first.precision == "year"
        and _BASELINE_AFTER.match(text, phrase.end) is not None
    ):
        return True
    start, end = max(0, phrase.start - 48), phrase.start
    return (
        text.find("ompared", start, end) >= 0
        or text.find("elative", start, end) >= 0
        or text.find("than ", max(start, end - 14), end) >= 0  # "than during " at most
        or text.find(" the ", max(start, end - 30), end) >= 0  # "than at the last count in "
        or text.find(" its ", max(start, end - 30), end) >= 0  # "six times its price in "
    ) and _BASELINE_OF.search(text, start, end) is not None


def label_of_row(text: str, start: int, number_start: int) -> str:
    """The label of a "Label: figure" row or bullet, its asides left out, when the figure
    comes right after the colon: "Severe acute malnutrition: 3.1%" -> "Severe acute
    malnutrition"."""
    colon = text.rfind(":", max(start, number_start - 12), number_start)
    if colon < 0 or colon - start > 120:
        return ""
    if _DIGIT.search(text, colon, number_start):
        return ""  # another figure stands between
    return _ASIDE.sub(" ", text[start:colon])


def label_of_table_cell(text: str, line_start: int, number_start: int) -> str:
    """The header of a figure's column in a table flattened to text, with the header of the
    first column: "District IDPs" for "98,215" in "Pemba | 98,215 | 17%" under "District |
    IDPs | % of total" (the header being the first of the lines with bars above the row,
    one with no digit), or ""."""
    found = _header_cells(text, line_start, number_start)
    if found is None:
        return ""
    cells, column = found
    return f"{cells[0].strip()} {cells[column].strip()}"


def header_of_column(text: str, line_start: int, number_start: int, back: int = 0) -> str:
    """The header of a figure's column alone ("IDPs" for "98,215" above), or of the column
    `back` columns before it (never the first, which names the rows), or ""."""
    found = _header_cells(text, line_start, number_start)
    if found is None or found[1] - back < 1:
        return ""
    return found[0][found[1] - back].strip()


def _header_cells(text: str, line_start: int, number_start: int) -> tuple[list[str], int] | None:
    """The cells of the header of the table whose row opens at `line_start`, and the column
    of the figure at `number_start`; None when it is no table's cell or has no header."""
    line_start = text.rfind("\n", 0, line_start) + 1  # a row may be indented
    column = text.count("|", line_start, number_start)
    if column == 0:
        return None
    header = ""
    start = line_start
    for _ in range(60):  # rows of one table, upwards
        if start <= 0:
            break
        previous = text.rfind("\n", 0, start - 1) + 1
        line = text[previous : start - 1]
        if "|" not in line:
            break
        header, start = line, previous
    if not header or _DIGIT.search(header):
        return None
    cells = header.split("|")
    if column >= len(cells):
        return None
    return cells, column


def without_level(label: str) -> str:
    """A table cell's label without the level its first column names ("District Confirmed"
    -> "Confirmed"): the rows' places, not what their figures count."""
    first, _, rest = label.partition(" ")
    return rest if rest and first.lower().removesuffix("s") in LEVEL_WORDS else label


def caption_of_table(text: str, line_start: int) -> str:
    """The caption of the table flattened to text whose row starts at `line_start`: the line
    right above its first row of bars ("Table 1. Confirmed and probable cases and deaths by
    district" above "District | Confirmed | Probable | Deaths"), or "". It says what the
    table counts, which a header cell ("Confirmed") leaves unsaid."""
    start = line_start
    for _ in range(60):  # rows of one table, upwards
        if start <= 0:
            return ""
        previous = text.rfind("\n", 0, start - 1) + 1
        line = text[previous : start - 1]
        if "|" not in line:
            line = line.strip()
            if start == line_start or not 0 < len(line) <= 160:
                return ""
            # "... by district": the rows' level says where, not what is counted
            return " ".join(w for w in line.split() if w.lower() not in LEVEL_WORDS)
        start = previous
    return ""


# "The centre, opened with 40 beds in July, now holds 112 children": a word that states the
# figure's time as the present, after which a date of the clause before it is no longer its
_PRESENT_WORDS = tuple(vocabulary.words("present_markers", "dates"))
_PRESENT_HINTS = tuple(sorted({word.split()[-1] for word in _PRESENT_WORDS}))
_PRESENT_MARKER = re.compile(
    r"(?<!until\s)(?<!till\s)(?<!by\s)(?<!from\s)(?<!up to\s)\b(?:"
    + vocabulary.alternatives(_PRESENT_WORDS)
    + r")\b",
    re.IGNORECASE,
)


def present_marker_before(text: str, start: int, position: int) -> int:
    """Where the last word of the present ("now", "currently") ends in text[start:position],
    the words before a figure in its clause, or -1."""
    for hint in _PRESENT_HINTS:  # most clauses: none of them, found without a regex
        if text.find(hint, start, position) >= 0:
            break
    else:
        return -1
    found = -1
    for match in _PRESENT_MARKER.finditer(text, start, position):
        found = match.end()
    return found
