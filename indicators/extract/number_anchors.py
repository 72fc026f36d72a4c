"""Where a figure can begin in a text: the anchors (a digit, a currency sign, a number word)
at which the number pattern is tried, and the patterns of what it can start with.

Kept apart from the pattern itself: finding the anchors is a fast pass of its own over the
whole text, made with the word tries of `patterns`.
"""

from __future__ import annotations

import re

from indicators.extract.number_words import CARDINALS, FRACTIONS, MULTIPLIER_VERBS, ORDINALS
from indicators.extract.patterns import (
    bounded_trie_pattern,
    find_words,
    lowered,
    starters_only_pattern,
    starts_pattern,
    trie_pattern,
    whole_word_spans,
)


def _cased(words) -> str:
    return trie_pattern({w for word in words for w in (word, word.capitalize())})


# Where a figure can be: a digit, a currency sign, a number, fraction or ordinal word. The big
# pattern is tried only at these anchors (and a word or two before them), which keeps the scan
# fast: a case-insensitive alternation run at every position of a text is slow. Only the first
# digit of a run is an anchor: a phrase cannot start inside a number.
# The words that can begin a figure: number, fraction and ordinal words, scales, multiplier
# verbs ("tripled") and multipliers written as one word ("tenfold").
ANCHOR_WORDS = (
    CARDINALS
    + list(FRACTIONS)
    + list(ORDINALS)
    + ["million", "billion"]
    + list(MULTIPLIER_VERBS)
    + [f"{word}fold" for word in CARDINALS + ["hundred"]]
)
NUMBER_ANCHOR = re.compile(r"\d(?<!\d\d)|[$€£]|US\$|\b(?=[a-zA-Z])" + _cased(ANCHOR_WORDS) + r"\b")
# NUMBER_ANCHOR as two patterns that each open with a character set, which re scans for at C
# speed (an alternation that opens with tests is tried at every position): digits and
# currency signs, then the words. Their matches are NUMBER_ANCHOR's (see `number_anchors`).
_SIGN_ANCHOR = re.compile(r"[\d$€£U](?:(?<=\d)(?<!\d\d)|(?<=[$€£])|(?<=U)S\$)")
# Rare words are found by str.find, not in the trie: a word opening with a common letter
# ("doubled") would make re try the trie at every "d" of the text.
RARE_ANCHOR_WORDS = frozenset(
    cased
    for word in list(MULTIPLIER_VERBS) + [f"{word}fold" for word in CARDINALS + ["hundred"]]
    for cased in (word, word.capitalize())
)
_ANCHOR_FORMS = {
    cased for word in ANCHOR_WORDS for cased in (word, word.capitalize())
} - RARE_ANCHOR_WORDS
_WORD_ANCHOR = re.compile(bounded_trie_pattern(_ANCHOR_FORMS))
# The same words in lower case, for the `lowered` text: a trie half the size, faster to scan;
# a word found there is kept when the text has it in one of the forms above ("Two", not "TWO").
_WORD_ANCHOR_LOWER = re.compile(bounded_trie_pattern({form.lower() for form in _ANCHOR_FORMS}))
_ANCHOR_WORDS_LOWER = tuple(sorted({form.lower() for form in _ANCHOR_FORMS}))
# what the rare words end with (from the same lists, the first letter left out for its two
# cases), searched for; then the whole word is checked
_RARE_ENDINGS = ("fold", *(verb[1:] for verb in MULTIPLIER_VERBS))


def number_anchors(
    text: str, start: int = 0, end: int | None = None, lower: str | None = None
) -> list[int]:
    """Where NUMBER_ANCHOR matches in text[start:end], in order: the two kinds of anchor
    never overlap, as no number word starts with "U" or holds a digit or sign. `lower` is the
    `lowered` text (up to `end` at least), when the caller has it."""
    end = len(text) if end is None else end
    found = [m.start() for m in _SIGN_ANCHOR.finditer(text, start, end)]
    lower = lowered(text) if lower is None else lower
    if lower is None:
        found += [m.start() for m in _WORD_ANCHOR.finditer(text, start, end)]
    else:
        forms = _ANCHOR_FORMS  # _WORD_ANCHOR_LOWER's spans, found in one pass
        found += [
            s
            for s, e in whole_word_spans(lower, _ANCHOR_WORDS_LOWER, start, end)
            if text[s:e] in forms
        ]
    found += find_words(text, RARE_ANCHOR_WORDS, _RARE_ENDINGS, start, end)
    found.sort()
    return found


# What NUMBER_PATTERN can begin with: a digit or currency, a number or fraction word, or the
# article, "its" or "the" of a fraction, a scaled fraction or an ordinal duration.
_NUMBER_STARTERS = r"[\d$]|us\$|usd|eur|an?[\s-]|its\s|the\s|" + trie_pattern(
    set(CARDINALS) | set(FRACTIONS) | {"half"}
)
NUMBER_STARTS = starts_pattern(_NUMBER_STARTERS, re.IGNORECASE)
NUMBER_STARTS_LOWER = starts_pattern(_NUMBER_STARTERS)  # for the lower-cased text
NUMBER_STARTERS_ONLY = starters_only_pattern(_NUMBER_STARTERS, re.IGNORECASE)
NUMBER_STARTERS_ONLY_LOWER = starters_only_pattern(_NUMBER_STARTERS)
