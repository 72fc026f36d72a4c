"""The humanitarian reporting lexicon: phrasings of a concept read as the words of an id.

Reports rarely say a figure with the words of its indicator's id: "2,400 refugees crossed
into eastern Chad" are `new_arrivals`, "Some 1,200 people are sick" in a cholera outbreak are
`cholera_cases`, "received US$ 61 million of the US$ 178 million required" is a share funded.
`vocabulary/concepts.json` lists, for each concept, the words ids use for it and the ways
reports phrase it. A `Lexicon` is built for one catalogue, from the concepts whose words some
indicator's keys hold (a concept the catalogue lacks is never looked for), as one pattern and
the words its phrasings open with, both read off the same list; `meanings` finds the phrasings
of a clause. The matcher takes what they mean as evidence weaker than the word itself
(`CONCEPT_WEIGHT`).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable
from typing import NamedTuple

from indicators.extract import vocabulary
from indicators.extract.patterns import hint_finder

# What a key word meant by a phrasing weighs in a match, against 1 for the word itself: enough
# to match where nothing else does, never enough to take a figure from a literal reading.
CONCEPT_WEIGHT = 0.75
_GAP = r"(?:[^.;:!?]|\.(?=\d)){1,60}?"  # '...': some words of the same clause ("US$ 61.3")


class Meaning(NamedTuple):
    """A phrasing found in a text: where, the key words it means, and its own content words."""

    start: int
    end: int
    words: frozenset[str]
    said: frozenset[str]
    whole: bool = False  # a compound ("killed or injured"): its own words say nothing else


def concept_entries() -> dict[str, list[str]]:
    """The concepts as stored: the words ids use -> the phrasings that say them."""
    return vocabulary.words("concepts", "concepts")


def compound_entries() -> dict[str, list[str]]:
    """The compounds as stored: the words ids use -> the phrasings that join two concepts'
    words to say them ("killed or injured": casualties)."""
    return vocabulary.words("compounds", "concepts")


def phrasing_pattern(phrasing: str) -> str:
    """The regex of one phrasing: whole words, any white space between them, a word ending in
    '*' any word it begins, '...' a gap within the clause."""
    parts = []
    for word in phrasing.split():
        if word == "...":
            parts.append(_GAP)
        elif word.endswith("*"):
            parts.append(re.escape(word[:-1]) + r"[a-z]*")
        else:
            parts.append(re.escape(word))
    body = ""
    for index, part in enumerate(parts):
        if index and part is not _GAP and parts[index - 1] is not _GAP:
            body += r"[\s-]+"
        elif index:
            body += r"\s" if part is _GAP else r"\s+"
        body += part
    return body + r"\b"


class Lexicon:
    """The concepts of one catalogue: those whose words are among `keys` (normal forms)."""

    def __init__(self, keys: Iterable[str], read: Callable[[str], tuple[str, ...]]) -> None:
        keys = frozenset(keys)
        self._read = read
        # each phrasing with all it means: "home to" says both hosted and population
        meaning_of: dict[str, frozenset[str]] = {}
        compounds = compound_entries()
        wholes = set()
        for entries in (concept_entries(), compounds):
            for words, said_as in entries.items():
                means = frozenset(read(words)) & keys
                if means:
                    for phrasing in said_as:
                        meaning_of[phrasing] = meaning_of.get(phrasing, frozenset()) | means
                        if entries is compounds:
                            wholes.add(phrasing)
        # one group per phrasing, the longest tried first wherever they begin alike
        phrasings = sorted(meaning_of, key=lambda phrasing: (-len(phrasing), phrasing))
        self._means = [meaning_of[phrasing] for phrasing in phrasings]
        self._whole = [phrasing in wholes for phrasing in phrasings]
        branches = [
            f"(?P<c{index}>{phrasing_pattern(phrasing)})"
            for index, phrasing in enumerate(phrasings)
        ]
        self.pattern = (
            re.compile(r"\b(?:" + "|".join(branches) + ")", re.IGNORECASE) if branches else None
        )
        # what each phrasing opens with, read off the same list (its first word, or what a '*'
        # word begins with): a match begins where one of them begins a word, and only the
        # phrasings that open so are tried there
        opening = {p: p.split()[0].rstrip("*").lower() for p in phrasings}
        self.hints = tuple(sorted(set(opening.values())))
        self._opened_by = {
            hint: re.compile(
                "|".join(branches[i] for i, p in enumerate(phrasings) if opening[p] == hint),
                re.IGNORECASE,
            )
            for hint in self.hints
        }
        # the document last scanned and where a hint begins a word in it (the longer first)
        self._document: str | None = None
        self._starts: list[tuple[int, str]] = []

    def __bool__(self) -> bool:
        return self.pattern is not None

    def meanings(self, text: str, start: int = 0, end: int | None = None) -> tuple[Meaning, ...]:
        """The phrasings of the catalogue's concepts in `text[start:end]` (a clause of a
        document), in order, with their offsets in `text`. The document is scanned for the
        hints once, in one pass of an Aho-Corasick automaton; a clause tries the pattern only
        where one begins a word."""
        if self.pattern is None:
            return ()
        if text is not self._document:
            self._document, self._starts = text, self._word_starts(text)
        starts = self._starts
        end = len(text) if end is None else end
        first = bisect.bisect_left(starts, (start, ""))
        if first == len(starts) or starts[first][0] >= end:
            return ()  # most clauses: no hint begins a word in them
        found = []
        reached = -1
        for position, hint in starts[first : bisect.bisect_left(starts, (end, ""))]:
            if position < reached:
                continue  # inside the phrasing before, or a shorter hint where one matched
            match = self._opened_by[hint].match(text, position, end)
            if match is not None:
                reached = match.end()
                branch = int(match.lastgroup[1:])
                found.append(
                    Meaning(
                        position,
                        reached,
                        self._means[branch],
                        frozenset(self._read(match.group())),
                        self._whole[branch],
                    )
                )
        return tuple(found)

    def _word_starts(self, text: str) -> list[tuple[int, str]]:
        """Where a hint begins a word of `text`, with the hint, in order (at one position the
        longer hint first)."""
        lower = text.lower()
        if len(lower) != len(text):  # a letter whose lower case is longer: positions differ
            return [
                (m.start(), _hint_of(m.group().lower(), self.hints))
                for m in self.pattern.finditer(text)
            ]
        return sorted(
            {
                (position, lower[position:stop])
                for position, stop in hint_finder(self.hints)(lower)
                if not position or not (lower[position - 1].isalnum() or lower[position - 1] == "_")
            },
            key=lambda found: (found[0], -len(found[1])),
        )


def _hint_of(matched: str, hints: tuple[str, ...]) -> str:
    """The longest hint a matched phrasing opens with."""
    return max((hint for hint in hints if matched.startswith(hint)), key=len)
