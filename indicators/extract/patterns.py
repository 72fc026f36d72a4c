"""The regex toolkit the extractor's scanners share: word tries, fast anchors, word starts,
lower-cased scanning.

Python's re tries each branch of an alternation one by one at every position; these helpers
build patterns that re can scan at C speed (tries, patterns that open with a letter) and the
cheap tests that decide where a slow pattern is worth trying; hint words are found all at
once by an Aho-Corasick automaton.
"""

from __future__ import annotations

import functools
import re

import ahocorasick_rs


def lower_case_pattern(source: str) -> str:
    """A pattern's letters in lower case, escapes (\\S) and group names aside: compiled without
    IGNORECASE and run on `lowered` text, it finds what the pattern finds case-insensitively."""
    return re.sub(
        r"\\.|\(\?P<\w+>|[A-Z]",
        lambda m: m.group().lower() if len(m.group()) == 1 else m.group(),
        source,
    )


def _word_trie(words) -> dict:
    """The words as nested dicts, one level per character; "" marks where a word ends."""
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return trie


def trie_pattern(words) -> str:
    """One regex for many words, nested by shared prefixes ('t(?:wo|hree|en)'): Python's re
    tries the branches of a plain alternation one by one at every position, a trie is
    several times faster to scan with."""
    trie = _word_trie(words)

    def build(node: dict) -> str:
        branches = [re.escape(char) + build(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:
            return f"(?:{body})?"
        return body

    return build(trie)


def bounded_trie_pattern(words) -> str:
    r"""`trie_pattern` for whole words: at a word's end, a boundary, and a look back over the
    word ((?<!\w.{n}) for n characters) that it began at one. The same matches as
    \b(?:trie)\b, but the pattern opens with a letter, not a test: re then skips the characters
    that cannot begin a word of the list at C speed instead of trying the pattern there."""
    trie = _word_trie(words)

    def build(node: dict, depth: int) -> str:
        branches = [
            re.escape(char) + build(child, depth + 1)
            for char, child in sorted(node.items())
            if char
        ]
        if "" in node:  # after the longer words, as in `trie_pattern`
            branches.append(rf"\b(?<!\w(?s:.){{{depth}}})")
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    return build(trie, 0)


@functools.lru_cache(maxsize=32)
def hint_finder(hints: tuple[str, ...]):
    """A function giving the (start, end) of every occurrence of every hint in a text,
    overlapping ones too, as str.find from each position finds them, in one pass for all the
    hints (an Aho-Corasick automaton): many str.find passes cost a pass over the text each."""
    unique = list(dict.fromkeys(hints))
    automaton = ahocorasick_rs.AhoCorasick(unique)

    def occurrences(text: str) -> list[tuple[int, int]]:
        try:
            found = automaton.find_matches_as_indexes(text, overlapping=True)
        except UnicodeEncodeError:  # a lone surrogate ("\ud800"), which UTF-8 cannot hold
            return _every_occurrence(text, unique)
        return [(start, end) for _, start, end in found]

    return occurrences


def _every_occurrence(text: str, hints: list[str]) -> list[tuple[int, int]]:
    """What `hint_finder` finds, by str.find from each position."""
    found = []
    for hint in hints:
        position = text.find(hint)
        while position >= 0:
            found.append((position, position + len(hint)))
            position = text.find(hint, position + 1)
    return found


def whole_word_spans(
    text: str, words: tuple[str, ...], start: int, end: int
) -> list[tuple[int, int]]:
    """The spans re.compile(bounded_trie_pattern(set(words))).finditer(text, start, end)
    gives, from where `hint_finder`'s automaton finds the words: at each start the longest
    word that begins and ends a word there (re's \\b, which sees no text after `end`), none
    overlapping the one before. One pass for all the words, where the trie is tried at every
    letter the words begin with."""
    longest: dict[int, int] = {}
    piece = text if start == 0 and end == len(text) else text[start:end]
    for first, stop in hint_finder(words)(piece):
        first, stop = first + start, stop + start
        if first > 0 and (text[first - 1].isalnum() or text[first - 1] == "_"):
            continue  # the word began before
        after = stop < end and (text[stop].isalnum() or text[stop] == "_")
        if after == (text[stop - 1].isalnum() or text[stop - 1] == "_"):
            continue  # no word boundary at its end
        if longest.get(first, -1) < stop:
            longest[first] = stop
    spans = []
    last_end = -1
    for first in sorted(longest):
        if first >= last_end:
            last_end = longest[first]
            spans.append((first, last_end))
    return spans


def find_words(
    text: str, words: frozenset[str], endings: tuple[str, ...], start: int = 0, end: int = -1
) -> list[int]:
    """Where the whole words of `words` start in text[start:end], found by str.find of the
    `endings` they finish with (each word ends with one): as \b(?:words)\b finds them."""
    end = len(text) if end < 0 else end
    found = []
    for ending in endings:
        position = text.find(ending, start, end)
        while position >= 0:
            stop = position + len(ending)
            # As re sees text[start:end]: nothing after `end`, but the text before `start`
            # (a word that began before `start` is no match).
            if stop == end or not (text[stop].isalnum() or text[stop] == "_"):
                word_start = position
                while word_start > 0 and (
                    text[word_start - 1].isalnum() or text[word_start - 1] == "_"
                ):
                    word_start -= 1
                if word_start >= start and text[word_start:stop] in words:
                    found.append(word_start)
            position = text.find(ending, stop, end)
    return found


_WORD_START = re.compile(r"(?<![\w’'$-])[\w$]")


def starts_pattern(starters: str, flags: int = 0) -> re.Pattern:
    """Word starts, with group `starter` set where the word may open a phrase (`starters`, a
    pattern matched just after the word start); words that cannot are skipped without trying
    the phrase pattern there."""
    return re.compile(rf"(?<![\w’'$-])(?:(?P<starter>(?={starters})[\w$])|[\w$])", flags)


def starters_only_pattern(starters: str, flags: int = 0) -> re.Pattern:
    """The word starts of `starts_pattern` whose word may open a phrase, alone."""
    return re.compile(rf"(?<![\w’'$-])(?={starters})[\w$]", flags)


# The last text lower-cased and its lower case: the scanners of one report each ask for it.
_last_lowered: tuple[str, str] = ("", "")


def _lower(text: str) -> str:
    global _last_lowered
    last = _last_lowered  # one read: the pair stays consistent
    if last[0] is text:
        return last[1]
    lower = text.lower()
    _last_lowered = (text, lower)
    return lower


def forget_lowered() -> None:
    """Let go of the last text lower-cased (a long report need not stay in memory)."""
    global _last_lowered
    _last_lowered = ("", "")


def lower_keeping_offsets(text: str) -> str | None:
    """The text lower-cased when every offset stays the same (no letter's lower case is longer,
    as "İ"'s is), for str.find of lower-case hints; else None."""
    lower = _lower(text)
    return lower if len(lower) == len(text) else None


def lowered(text: str) -> str | None:
    """The text lower-cased, when a case-sensitive pattern written in lower case finds in it
    what the same pattern, case-insensitive, finds in the text, at the same offsets (no letter
    changes length or matches otherwise than by its lower case); else None. Case-insensitive
    patterns are several times slower to run."""
    lower = _lower(text)
    if len(lower) != len(text) or _unusual_case(text):
        return None
    return lower


def candidate_starts(
    text: str,
    anchor: int,
    floor: int,
    words_back: int,
    starts: re.Pattern | None = None,
    starters_only: re.Pattern | None = None,
) -> list[int]:
    """Where a phrase that contains the anchor may begin: up to `words_back` word starts
    before it (earliest first), then the anchor itself. With `starts` (see `starts_pattern`),
    the word starts that cannot open a phrase are left out; `starters_only`, the same starts
    alone (`starters_only_pattern`), is a quicker first test where most windows hold none."""
    window_start = max(floor, anchor - 12 * words_back)
    line_start = text.rfind("\n", window_start, anchor) + 1
    window_start = max(window_start, line_start)
    if starters_only is not None and starters_only.search(text, window_start, anchor) is None:
        return [anchor]
    if starts is None:
        found = [m.start() for m in _WORD_START.finditer(text, window_start, anchor)]
        return found[-words_back:] + [anchor]
    # The text from the anchor on is left out: a starter is tested on its word and the
    # character after it, and the word ends before the anchor.
    near = anchor - 7 * words_back
    if near > window_start:
        # the last word starts mostly lie in the nearer part of the window, which is scanned
        # first (each match is one character: a scan from further back finds the same there)
        words = list(starts.finditer(text, near, anchor))
        if len(words) >= words_back:
            return [m.start() for m in words[-words_back:] if m.lastgroup] + [anchor]
    words = list(starts.finditer(text, window_start, anchor))[-words_back:]
    return [m.start() for m in words if m.lastgroup] + [anchor]


# Letters that re's case-insensitive matching pairs with an ASCII letter other than their lower
# case ("ſ" ~ "s"), or whose lower case is longer ("İ"): a lower-cased test is not enough there.
UNUSUAL_CASE_LETTERS = ("İ", "ı", "ſ")


def _unusual_case(text: str) -> bool:
    return "İ" in text or "ı" in text or "ſ" in text


def alternation(items) -> str:
    r"""One pattern for a vocabulary list, as a trie (see `trie_pattern`), a space in an entry
    matching any run of white space ("live births")."""
    return "(?:" + trie_pattern(set(items)).replace(r"\ ", r"\s+") + ")"
