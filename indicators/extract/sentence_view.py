"""What several figures and events of one sentence look up, worked out once per sentence:
clause boundaries, asides, words and their content words, place names; and the patterns that
run on a lower-cased sentence when its letters allow (`Caseless`).
"""

from __future__ import annotations

import bisect
import re

from indicators.extract.catalogue import content_word_tuple, word_content
from indicators.extract.locations import (
    ANAPHORIC_PLACE,
    NOT_PLACES,
    PLACE_AFTER_PREPOSITION,
    REPORT_PLACE_WORDS,
)
from indicators.extract.place_lists import places_of_a_level_list
from indicators.extract.sentences import Sentence
from indicators.extract.speaker_scope import strong_boundary

# A clause boundary for dates and figures: the strong ones plus asides set off by commas.
ASIDE = re.compile(r",\s+(?:who|which|a\s+deal\s+that)\b[^,]*,?")


class Caseless:
    """A case-insensitive pattern, also compiled case-sensitive for the lower-cased sentence:
    Python's re compares a case-insensitive alternation letter by letter, several times slower.
    The pattern's letters are lower case. `on(view)` gives the pattern and the text to run it
    on; positions are the same in both texts."""

    __slots__ = ("ignoring_case", "lower")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        if re.search(r"(?<!\\)(?<!\(\?)[A-Z]", pattern):  # escapes (\b) and (?P<name>) aside
            raise ValueError(f"a Caseless pattern is written in lower case: {pattern}")
        self.ignoring_case = re.compile(pattern, flags | re.IGNORECASE)
        self.lower = re.compile(pattern, flags)

    def on(self, view: SentenceView) -> tuple[re.Pattern, str]:
        if view.plain_case:
            return self.lower, view.lower
        return self.ignoring_case, view.sentence.text


_WORD = re.compile(r"[A-Za-z][A-Za-z’'-]*|\d[\d,.]*")


class SentenceView:
    """Parts of one sentence that several figures and events of it look up: clause
    boundaries, words and their content words, place names. Each is found on first use;
    positions are relative to the sentence."""

    __slots__ = ("sentence", "known_places", "plain_case", "_lower_text", "_lower")
    __slots__ += ("_boundaries", "_asides", "_words", "_anaphoric", "_after_preposition")
    __slots__ += ("context",)

    def __init__(
        self,
        sentence: Sentence,
        known_places: list[tuple[int, int, str]],
        plain_case: bool,
        lower_text: str,
    ) -> None:
        self.sentence = sentence
        self.known_places = known_places
        self.plain_case = plain_case  # may `Caseless` patterns run on `lower`?
        self._lower_text = lower_text  # the whole text lower-cased, if its offsets hold
        self._lower: str | None = None
        self._boundaries = self._asides = self._words = None
        self._anaphoric = self._after_preposition = None
        self.context: Context | None = None  # the figures' `Context`, one for the sentence

    @property
    def lower(self) -> str:
        if self._lower is None:
            sentence = self.sentence
            self._lower = (
                self._lower_text[sentence.start : sentence.end]
                if self._lower_text
                else sentence.text.lower()
            )
        return self._lower

    def search(self, pattern: Caseless) -> re.Match | None:
        compiled, body = pattern.on(self)
        return compiled.search(body)

    def boundaries(self) -> list[tuple[int, int]]:
        if self._boundaries is None:
            text = self.sentence.text
            self._boundaries = [m.span() for m in strong_boundary(text).finditer(text)]
        return self._boundaries

    def asides(self) -> list[tuple[int, int]]:
        if self._asides is None:
            self._asides = [m.span() for m in ASIDE.finditer(self.sentence.text)]
        return self._asides

    def words(self) -> tuple[list[int], dict[str, list[int]], dict[str, list[int]]]:
        """Where each word starts; for each content word, the indexes of the words that
        carry it; and the ends of the words whose first content word it is."""
        if self._words is None:
            starts: list[int] = []
            indexes: dict[str, list[int]] = {}
            ends: dict[str, list[int]] = {}
            for index, match in enumerate(_WORD.finditer(self.sentence.text)):
                starts.append(match.start())
                word = match.group()
                if "-" in word:
                    normals = content_word_tuple(word)
                    for normal in normals:
                        indexes.setdefault(normal, []).append(index)
                    if normals:
                        ends.setdefault(normals[0], []).append(match.end())
                    continue
                # a word without a hyphen is one content word or none (digits are none)
                normal = word_content(word) if word[0].isalpha() else None
                if normal is not None:
                    indexes.setdefault(normal, []).append(index)
                    ends.setdefault(normal, []).append(match.end())
            self._words = (starts, indexes, ends)
        return self._words

    def anaphoric_places(self) -> list[tuple[int, int]]:
        if self._anaphoric is None:
            text = self.sentence.text
            self._anaphoric = (
                [m.span() for m in ANAPHORIC_PLACE.finditer(text)]
                if any(word in text for word in REPORT_PLACE_WORDS)
                else []
            )
        return self._anaphoric

    def places_after_preposition(self) -> list[tuple[int, int, str]]:
        """'in Tawila', 'across North Kordofan region': capitalised words after a preposition
        that are not a title, a month or an acronym."""
        if self._after_preposition is None:
            self._after_preposition = []
            for match in PLACE_AFTER_PREPOSITION.finditer(self.sentence.text):
                place = match.group("place")
                if place.split()[0] not in NOT_PLACES and not place.isupper():
                    self._after_preposition.append((*match.span("place"), place))
            self._after_preposition += places_of_a_level_list(self.sentence.text)
        return self._after_preposition


class ParagraphWords:
    """The content words of the paragraph's sentences so far, read on first lookup: most
    figures find every key word of their indicator in their own clause and never ask."""

    __slots__ = ("_pending", "_words")

    def __init__(self) -> None:
        self._pending: list[str] = []
        self._words: set[str] = set()

    def add(self, sentence_text: str) -> None:
        self._pending.append(sentence_text)

    def _read(self) -> set[str]:
        if self._pending:
            for text in self._pending:
                self._words.update(content_word_tuple(text))
            self._pending = []
        return self._words

    def __contains__(self, word: str) -> bool:
        if self._pending:  # read once; a lookup after that is one set test (a hot path)
            self._read()
        return word in self._words

    def __iter__(self):
        return iter(self._read())

    def __len__(self) -> int:
        return len(self._read())


class Context:
    """The words around a figure that may name what its clause leaves unsaid: its paragraph
    and, read on first use, the text just before its sentence (a section heading)."""

    __slots__ = ("paragraph", "text", "start", "_before")

    def __init__(self, paragraph: ParagraphWords, text: str, start: int) -> None:
        self.paragraph, self.text, self.start = paragraph, text, start
        self._before: frozenset[str] | None = None

    def __iter__(self):
        return iter(self.paragraph)

    def __len__(self) -> int:
        return len(self.paragraph)

    def __contains__(self, word: str) -> bool:
        paragraph = self.paragraph
        if paragraph._pending:  # `ParagraphWords.__contains__` inline: a hot path
            paragraph._read()
        if word in paragraph._words:
            return True
        if self._before is None:
            self._before = frozenset(
                content_word_tuple(self.text[max(0, self.start - 300) : self.start])
            )
        return word in self._before


class Distances:
    """Content word -> how many words it stands from a figure (the nearest occurrence).
    Only a tie between indicators asks, so the sentence's words are read on first use."""

    __slots__ = ("view", "relative", "_here")

    def __init__(self, view: SentenceView, relative: int) -> None:
        self.view = view
        self.relative = relative
        self._here = -1

    def __bool__(self) -> bool:
        return True

    def __contains__(self, word: str) -> bool:
        return word in self.view.words()[1]

    def __getitem__(self, word: str) -> int:
        word_starts, indexes, _ = self.view.words()
        if self._here < 0:
            self._here = bisect.bisect_left(word_starts, self.relative)
        here = self._here
        return min(abs(index - here) for index in indexes[word])
