"""Who speaks a paragraph of an interview or a transcript: the name before its colon.

Interviews, question-and-answer features and briefing transcripts label each turn with its
speaker ("Hana Suleiman: Since January we have counted ...", "Suleiman: Extremely."); every
sentence of the turn that credits no one else is that speaker's. A label is a speaker only
when it names one: a person's full name, a surname of a person named before, or an
organisation of the gazetteer; a heading or a key-figure row ("Cholera: 1,847 cases",
"People in need: 15.5M", "Note: ...") is no label. The record of a meeting labels a turn with
a title, the name and, in parentheses, the speaker's post or the state they speak for ("Ms.
Lindqvist (Assistant Secretary-General for Humanitarian Affairs): ...", "Mr. Badri (Sudan):
..."): a speaker though named once, by the full name the record gave before when it has one.
A turn goes on over the paragraphs after it until the next label.
"""

from __future__ import annotations

import re

from indicators.extract.attribution import Attribution
from indicators.extract.gazetteer import BY_LOWER
from indicators.extract.speaker_names import (
    HONORIFICS,
    PERSON,
    Speakers,
    canonical_speaker,
    gazetteer_speaker,
)

# One to five capitalised words (or name particles) then a colon, opening a paragraph's first
# sentence; the colon is followed by the turn's words, not by a figure alone.
_NAME_WORD = r"(?:(?:de|van|der|von|al|el|bin|ibn|da|dos|du|la|le)(?:[ \t]+|-))*[A-Z][\w.’'-]*"
_LABEL = re.compile(
    rf"[ \t]*(?P<label>{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{0,4}})[ \t]*:[ \t]+(?=[A-Z0-9“\"])"
)
# A turn says something: at least four words after its label (a key-figure row, "New cases:
# 12", says a figure)
_TURN_WORDS = re.compile(r"(?:\S+\s+){3}\S")


# The same label opening a line of the text: a document whose turns are labelled repeats one
_LINE_LABEL = re.compile(r"^" + _LABEL.pattern, re.MULTILINE)
# A meeting record's label: a title, a name, then the post or state in parentheses
_RECORD_LABEL = re.compile(
    rf"[ \t]*(?:{'|'.join(HONORIFICS)})\.?[ \t]+(?P<label>{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{0,4}})"
    r"[ \t]*\([^()\n]{2,120}\)[ \t]*:[ \t]+(?=[A-Z0-9“\"])"
)
_RECORD_LINE = re.compile(r"^" + _RECORD_LABEL.pattern, re.MULTILINE)


def is_transcript(text: str) -> bool:
    """Does the text label its paragraphs with their speakers: one label opening two lines
    or more ("TNH: ...", "Suleiman: ...")?"""
    if "(" in text and _RECORD_LINE.search(text):
        return True
    seen: set[str] = set()
    for match in _LINE_LABEL.finditer(text):
        label = match.group("label").split()[-1]
        if label in seen:
            return True
        seen.add(label)
    return False


def turn_speaker(text: str, start: int, speakers: Speakers) -> tuple[str, str, int] | None:
    """(speaker, kind, end of the label) when the sentence at `start` opens a turn with a
    speaker's label, else None."""
    if ":" not in text[start : start + 160]:  # a cheap guard: most sentences hold no early colon
        return None
    if "(" in text[start : start + 60]:
        record = _record_speaker(text, start)
        if record is not None:
            return record
    match = _LABEL.match(text, start)
    line_end = text.find("\n", start)
    if match is None or not _TURN_WORDS.match(
        text, match.end(), line_end if line_end >= 0 else len(text)
    ):
        return None
    label = match.group("label")
    name, kind = canonical_speaker(label, speakers)
    # a place's name labels no turn ("Sudan: 120 people ..."), unless it is the surname of a
    # person named before ("Mbala:" after "Amina Mbala")
    if kind == PERSON and name and (name != label or label.lower() not in BY_LOWER):
        # a person's name is named again, in the introduction or another turn ("Hana
        # Suleiman, UNHCR's ... spoke to us"), or is a surname of one: "Key Figures: ..." is not
        named_again = text.find(label, 0, start) >= 0 or text.find(label, match.end()) >= 0
        if named_again or name != label:
            return name, kind, match.end() - start
        return None
    known = gazetteer_speaker(label)
    if known is not None:
        return known[0], known[1], match.end() - start
    return None


def _record_speaker(text: str, start: int) -> tuple[str, str, int] | None:
    """The speaker of a meeting record's turn ("Ms. Lindqvist (...): Thank you ..."), by the
    full name the record gave them before ("I give the floor to Ms. Amara Lindqvist")."""
    match = _RECORD_LABEL.match(text, start)
    line_end = text.find("\n", start)
    if match is None or not _TURN_WORDS.match(
        text, match.end(), line_end if line_end >= 0 else len(text)
    ):
        return None
    name = match.group("label")
    if " " not in name:
        before = re.findall(rf"\b((?:[A-Z][\w’'-]+[ \t]+){{1,3}}){re.escape(name)}\b", text[:start])
        given = [
            words.split() for words in before if words.split()[-1].rstrip(".") not in HONORIFICS
        ]
        if given:  # the words between a title and the surname are the given names
            words = given[-1]
            for position, word in enumerate(words):
                if word.rstrip(".") in HONORIFICS:
                    words = words[position + 1 :]
            name = " ".join(words + [name])
    return name, PERSON, match.end() - start


def turn_goes_on(text: str, start: int, previous: tuple[str, str, int] | None):
    """The turn before, still speaking in a paragraph at `start` that opens with no label of
    its own (a speaker's turn runs over several paragraphs), else None."""
    if previous is None:
        return None
    head = text[start : start + 160]
    if ":" in head and (_LABEL.match(text, start) or _RECORD_LABEL.match(text, start)):
        return None
    return previous


def turn_attribution(voice: tuple[str, str, int], start: int, end: int) -> Attribution:
    """The turn's speaker credited with the sentence text[start:end] of their turn."""
    name, kind, _ = voice
    return Attribution(name, start, start, start, start, end, kind, phrase=name)
