"""Fast-path tests derived from a pattern: the lower-case substrings one of which every match
holds (`prefix_hints`), so that a text holding none of them need not be searched, and the
words a match may begin with (`word_starts`), so that other words are not tried.

A hint list written by hand beside its pattern drifts (add a word to one and not the other
and the rule silently never fires); these are read off the compiled pattern itself, so a word
added to a vocabulary list reaches its pattern and its hints at once.
"""

from __future__ import annotations

import os
import re

try:  # the parser `re` compiles with (named sre_parse before Python 3.11)
    from re import _constants as _sre
    from re import _parser as _sre_parser
except ImportError:  # pragma: no cover
    import sre_constants as _sre  # type: ignore[no-redef]
    import sre_parse as _sre_parser  # type: ignore[no-redef]

# Spellings a hint may fan out into per branch of the pattern ("closed the", "shut the", ...)
# before it stops at the shorter prefix: a long hint list costs one text search per hint.
_MAX_SPELLINGS = 8
# Hints that share a prefix this long become that prefix ("negotiat" for "negotiations",
# "negotiators"): fewer searches, each still necessary.
_SHARED_PREFIX = 5
_ZERO_WIDTH = (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT)
_SPACE = [(_sre.CATEGORY, _sre.CATEGORY_SPACE)]


def prefix_hints(pattern: str | re.Pattern) -> tuple[str, ...]:
    r"""The hints of a pattern (sorted, lower case): every match holds one of them, read
    off the literal text its branches begin with (`\b` and look-arounds set aside), less
    the hints that hold a shorter one and with shared openings merged. White space (`\s+`)
    reads as one space, as reports write it. Raises ValueError when some branch begins with
    no literal text (`\d+`): such a pattern has no prefix hints."""
    source = pattern.pattern if isinstance(pattern, re.Pattern) else pattern
    flags = pattern.flags if isinstance(pattern, re.Pattern) else 0
    spellings, _ = _prefixes(list(_sre_parser.parse(source, flags)))
    found = {spelling.strip().lower() for spelling in spellings}
    if "" in found:
        raise ValueError(f"a branch of the pattern opens with no literal text: {source}")
    # a hint that holds another is redundant: the shorter finds it too
    kept = sorted(hint for hint in found if not any(o != hint and o in hint for o in found))
    return tuple(_shared_prefixes(kept))


def _prefixes(items: list) -> tuple[set[str], bool]:
    """The literal spellings a parsed sequence opens with, and whether they spell all of it."""
    current = {""}
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue
        if op is _sre.LITERAL:
            current = {spelling + chr(av) for spelling in current}
            continue
        if op is _sre.IN:
            chars = _class_chars(av)
            if chars is None:
                return current, False
            current = {spelling + char for spelling in current for char in chars}
            continue
        if op is _sre.SUBPATTERN:
            tails, whole = _prefixes(list(av[-1]))
        elif op is _sre.BRANCH:
            branches = [_prefixes(list(branch)) for branch in av[1]]
            tails = {tail for spellings, _ in branches for tail in spellings}
            whole = all(complete for _, complete in branches)
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT):
            low, high, item = av
            if _is_space(item):
                if low == 0:
                    return current, False
                current = {spelling + " " for spelling in current}
                continue
            tails, whole = _prefixes(list(item))
            if low == 0 and high == 1 and whole:
                tails = tails | {""}  # optional: with or without it
            elif low == 0:
                return current, False
            else:
                whole = whole and low == high == 1
        else:
            return current, False
        joined = _joined(current, tails)
        if joined is None:
            return current, False
        current = joined
        if not whole:
            return current, False
    return current, True


def _joined(current: set[str], tails: set[str]) -> set[str] | None:
    """Every spelling followed by every tail; None when that fans out too far."""
    if current == {""}:
        return set(tails)
    joined = {spelling + tail for spelling in current for tail in tails}
    return joined if len(joined) <= _MAX_SPELLINGS else None


def _class_chars(av: list) -> list[str] | None:
    if av == _SPACE:
        return [" "]
    if all(op is _sre.LITERAL for op, _ in av):
        return [chr(code) for _, code in av]
    return None


def _is_space(item) -> bool:
    return len(item) == 1 and (item[0] == (_sre.IN, _SPACE) or item[0] == (_sre.LITERAL, 32))


def _shared_prefixes(hints: list[str]) -> list[str]:
    groups: dict[str, list[str]] = {}
    for hint in hints:
        groups.setdefault(hint[:_SHARED_PREFIX], []).append(hint)
    merged = set()
    for members in groups.values():
        if len(members) == 1:
            merged.add(members[0])
        else:
            merged.add(os.path.commonprefix(members).rstrip())
    return sorted(merged)


# What may follow a pattern's first word (see `word_starts`): white space, white space or a
# dash, a dash, or anything. DIGIT marks a pattern that may begin with a digit.
SPACE = r"\s"
SPACE_OR_DASH = r"[\s-]"
DASH = "-"
ANYTHING = ""
DIGIT = r"\d"
_FOLLOWS = {
    (_sre.IN, ((_sre.CATEGORY, _sre.CATEGORY_SPACE),)): SPACE,
    (_sre.IN, ((_sre.CATEGORY, _sre.CATEGORY_SPACE), (_sre.LITERAL, 45))): SPACE_OR_DASH,
    (_sre.LITERAL, 32): SPACE,
    (_sre.LITERAL, 45): DASH,
}


def word_starts(pattern: str | re.Pattern) -> dict[str, frozenset[str]]:
    r"""The words (lower case) a match of the pattern may begin with, by what follows them
    (`SPACE`, `SPACE_OR_DASH`, `DASH`, or `ANYTHING` after the whole word or a shorter start
    of it); `DIGIT` maps to {""} when a match may begin with a digit. A word start where none
    of them begins cannot start a match. Raises ValueError when a match may begin otherwise."""
    source = pattern.pattern if isinstance(pattern, re.Pattern) else pattern
    flags = pattern.flags if isinstance(pattern, re.Pattern) else 0
    finished, still_open = _walk_words(list(_sre_parser.parse(source, flags)), {""})
    finished |= {(word, ANYTHING) for word in still_open}
    if ("", ANYTHING) in finished or ("", SPACE) in finished:
        raise ValueError(f"the pattern may begin with no word or digit: {source}")
    words: dict[str, set[str]] = {}
    for word, follow in finished:
        words.setdefault(follow, set()).add(word.lower())
    # a start followed by anything holds the longer words it begins; [\s-] holds \s and -
    anything = words.get(ANYTHING, set())
    for follow, found in words.items():
        found -= {w for w in found if any(w != a and w.startswith(a) for a in anything)}
        if follow in (SPACE, DASH):
            found -= words.get(SPACE_OR_DASH, set()) | anything
    return {follow: frozenset(found) for follow, found in words.items() if found}


def _follow(item) -> str | None:
    key = (item[0], tuple(item[1])) if item[0] is _sre.IN else item
    return _FOLLOWS.get(key)


def _walk_words(items: list, current: set[str]) -> tuple[set[tuple[str, str]], set[str]]:
    """The (word, what follows) a parsed sequence finishes, starting from the partial words
    `current`, and the partial words still open at its end."""
    finished: set[tuple[str, str]] = set()

    def finish(follow: str) -> tuple[set[tuple[str, str]], set[str]]:
        for word in current:
            finished.add((word, DIGIT) if follow == DIGIT else (word, follow))
        return finished, set()

    for op, av in items:
        if op is _sre.AT or (op is _sre.ASSERT_NOT and av[0] < 0 and current == {""}):
            continue
        if op is _sre.ASSERT and av[0] > 0 and len(av[1]) == 1 and _follow(av[1][0]):
            return finish(_follow(av[1][0]))
        if op is _sre.LITERAL and chr(av).isalpha():
            current = {word + chr(av) for word in current}
            continue
        if op is _sre.LITERAL and chr(av).isdigit() and current == {""}:
            return finish(DIGIT)
        if op is _sre.IN:
            chars = _class_chars(list(av))
            if chars is not None and all(char.isalpha() for char in chars):
                current = {word + char for word in current for char in chars}
                continue
            if current == {""} and all(
                (o is _sre.CATEGORY and a is _sre.CATEGORY_DIGIT)
                or (o is _sre.RANGE and chr(a[0]).isdigit() and chr(a[1]).isdigit())
                or (o is _sre.LITERAL and chr(a).isdigit())
                for o, a in av
            ):
                return finish(DIGIT)
        if op is _sre.SUBPATTERN:
            done, current = _walk_words(list(av[-1]), current)
            finished |= done
            if not current:
                return finished, set()
            continue
        if op is _sre.BRANCH:
            still_open: set[str] = set()
            for branch in av[1]:
                done, left_open = _walk_words(list(branch), current)
                finished |= done
                still_open |= left_open
            current = still_open
            if not current:
                return finished, set()
            continue
        if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT):
            low, high, item = av
            follow = _follow(item[0]) if len(item) == 1 else None
            if follow is not None:
                if low == 0:  # "\s*": the word may end here, followed by anything
                    return finish(ANYTHING)
                return finish(follow)
            done, left_open = _walk_words(list(item), current)
            finished |= done
            if high > 1:  # a second round could go on with the word: stop at its start
                finished |= {(word, ANYTHING) for word in left_open}
                left_open = set()
            current = (current | left_open) if low == 0 else left_open
            if not current:
                return finished, set()
            continue
        follow = _follow((op, av)) if op is _sre.LITERAL else None
        return finish(follow if follow is not None else ANYTHING)
    return finished, current
