"""Fast-path hints derived from a pattern: lower-case substrings, one of which starts every
match of the pattern, so that a text holding none of them need not be searched.

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
    r"""The hints of a pattern (sorted): every match begins with one of them, in lower case,
    once `\b` and look-arounds are set aside. White space (`\s+`) reads as one space, as
    reports write it. Raises ValueError when some branch begins with no literal text (`\d+`):
    such a pattern has no prefix hints."""
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
