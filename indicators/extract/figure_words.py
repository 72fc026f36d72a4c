"""Word-level tests around a figure: whole words of its window, asides, status subjects.

The window a figure is read in, widened or trimmed to whole words (a word cut at its edge would
name another thing), whether the figure opens a parenthesis after a word, whether a count
counts another thing than its indicator, and the words of a status indicator's id that name
what it is about. `figures.FigureReading` asks these of plain strings and indicators; none
needs the sentence or the run.
"""

from __future__ import annotations

import re

from indicators.extract import patterns, vocabulary
from indicators.extract.catalogue import content_word_tuple

# words of a status indicator's id that say what is judged, not what it is about
_STATUS_GENERIC = frozenset(content_word_tuple("adequacy situation access level"))

# a name whose counted thing comes first ("Children out of school"), not last ("Dengue deaths")
_PREPOSITION = re.compile(r"\b(?:of|in|out|with|without|for|at|on|from|under|by)\b", re.IGNORECASE)
_FIRST_WORD = re.compile(r"\W*([A-Za-z]+)")
_DIGITS = re.compile(r"\d[\d,. ]*\d|\d")
# "640 of them beyond repair": a part of the figure before, which counts what it counts
_OF_PARTITIVE = re.compile(
    r"\s*of\s+(?:" + vocabulary.alternatives(vocabulary.words("partitive_pronouns")) + r")\b",
    re.IGNORECASE,
)

# AUXILIARY's matches, found by a pattern that opens with a letter (see `bounded_trie_pattern`):
# scanned at C speed, where a pattern opening with \b is tried at every position
_AUXILIARY_SCAN = re.compile(
    patterns.bounded_trie_pattern(
        {"is", "are", "was", "were", "has", "have", "had", "remain", "remains", "remained"}
    )
    + r"(?:\s+been)?\s+"
)

# where a predicate or a naming run of words ends
PREDICATE_END = re.compile(r"[,;.“”\"]|\s[—–]\s")

_WORD_CHARACTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ’'-")


# "1,640 (86 percent) were followed up daily": a count restated as its share of a whole
_SHARE_ASIDE = re.compile(
    r"\s*\(\s*(?:[a-z]+\s+){0,2}\d[\d.,]*\s*(?:%|per\s?cent\b|percent\b)[^()]{0,40}\)",
    re.IGNORECASE,
)


def restated_as_share(after: str) -> bool:
    """Is the count restated right after as its share of a whole ("1,640 (86 percent) were
    followed up daily")? Such a count is a part of a whole that stands, not a rate per day."""
    return _SHARE_ASIDE.match(after) is not None


def opens_aside(text: str, start: int) -> bool:
    """Does the figure at `start` open a parenthesis right after a word ("security (81%)",
    "Donetsk (12)"), and not a parenthesis of its own ("(see annex)")?"""
    if text[start - 1 : start] != "(":
        return False
    return text[start - 3 : start - 1].strip()[-1:].isalpha()


def auxiliary_after_candidate(body: str, head: str) -> bool:
    """Does an auxiliary follow, one character on, the end of a word `_status_predicate`
    tries: one whose first content word is `head`, or "it", "they"? False only when none does
    (a quick test that spares reading every word of the sentence)."""
    for auxiliary in _AUXILIARY_SCAN.finditer(body):
        end = auxiliary.start() - 1  # where the word before it would end
        if end < 1:
            continue
        if body.endswith(("it", "they"), 0, end):
            return True
        # the word ending there, as `SentenceView.words` reads it: the run of word characters
        # before it, from its first letter
        start = end
        while start > 0 and body[start - 1] in _WORD_CHARACTERS:
            start -= 1
        word = body[start:end].lstrip("’'-")
        if word and content_word_tuple(word)[:1] == (head,):
            return True
    return False


def status_subject(indicator) -> list[str]:
    """The key words of a status indicator that name what it is about."""
    return [w for w in indicator.ordered_keys if w not in _STATUS_GENERIC]


_WORD_TAIL = re.compile(r"[A-Za-z’'-]*\Z")
_WORD_HEAD = re.compile(r"[A-Za-z’'-]*")


def from_a_word_start(text: str, start: int, chunk: str) -> str:
    """`chunk` (text from `start`) without a word the window cut at its start: "pensive" of
    "expensive" would name a new indicator after no word of the report."""
    if start > 0 and text[start - 1].isalnum() and chunk[:1].isalnum():
        return chunk[_WORD_HEAD.match(chunk).end() :]
    return chunk


def whole_words(before: str, after: str) -> str:
    """The 45 characters before a figure and the 70 after it, widened to whole words: a word
    cut at the edge ("laboratory" as "atory") would name another thing or none."""
    head, tail = before[-45:], after[:70]
    if len(before) > 45 and head[:1].isalpha():
        head = _WORD_TAIL.search(before, 0, len(before) - 45).group() + head
    if len(after) > 70 and tail[-1:].isalpha():
        tail += _WORD_HEAD.match(after, 70).group()
    return head + " " + tail


def counts_another_thing(indicator, after: str, clause: str, own_start: int) -> bool:
    """Whether a count counts another thing than the indicator: its noun ("1,700 schools") is
    one of the indicator's words but not what the indicator counts (its name's first word),
    and another figure of the clause counts that ("leaving 510,000 children out of school")."""
    counted = content_word_tuple(after[:40])
    subject = content_word_tuple(indicator.name)
    if not counted or not subject or counted[0] == subject[0] or subject[0] in counted[:2]:
        return False
    if " of " in after[:4] and _OF_PARTITIVE.match(after):
        return False  # "640 of them beyond repair": a part of the 4,100 classrooms before
    if counted[0] == subject[-1] and not _PREPOSITION.search(indicator.name):
        return False  # "97 deaths" are what "Dengue deaths" counts: its last word, no "of"
    word = _FIRST_WORD.match(after)
    first_word = word.group(1).lower() if word else ""
    if counted[0] not in indicator.keys or first_word.endswith(("ed", "ing")):
        return False  # "and 3,400 injured": the people of the figure before, left unsaid
    for number in _DIGITS.finditer(clause):
        if (
            abs(number.start() - own_start) > 2
            and subject[0] in content_word_tuple(clause[number.end() : number.end() + 30])[:2]
        ):
            return True
    return False


# Coordinated figures: "Three health workers were killed and 19 injured in September" says the
# noun, the auxiliary and the period once for both figures.
_PARTICIPLES = frozenset(vocabulary.words("irregular_participles"))
_AUXILIARY = r"(?:is|are|was|were|(?:have|has|had)\s+been)"
# the earlier figure's noun and passive predicate, up to the "and" that joins the next figure
_NOUN_THEN_PASSIVE = re.compile(
    r"\s*(?P<noun>[^\W\d][\w’'-]*(?:\s+[^\W\d][\w’'-]*){0,3}?)\s+"
    + _AUXILIARY
    + r"\s+(?:\w+ly\s+)?(?P<predicate>[a-z]+)\s*\Z"
)
# a bare figure's one word of predicate ("and 19 injured", "and 4 were destroyed"), then what
# closes it: punctuation, the end, or a preposition that opens a place or a period
_CLOSE = r"(?=\s*[,.;:)]|\s*\Z|\s+(?:in|on|at|during|since|by|across|over|between|from|last|this|so|and|or|after|before|when|as)\b)"
_BARE_PREDICATE = re.compile(r"(?:\s+" + _AUXILIARY + r")?\s+(?P<word>[a-z]+)" + _CLOSE)
_NOTHING_AFTER = re.compile("(?:" + _CLOSE[3:-1] + ")")
# what joins a later figure to an earlier one it shares a period with: "and" (with a verb of
# its own: "killed 9 and injured 14"), or a parenthesis that restates the earlier figure
_AND_BEFORE = re.compile(r"[^,;()]*?\s(?:and|or)\s+(?:[a-z]+\s+)?\Z")
_PARENTHESIS_BEFORE = re.compile(r"[^,;()]*\(\s*\Z")
# a count in the place phrase of the figure before: "412,000 people have been affected in 14
# local government areas as of 8 September" (the date is both figures')
_ADJUNCT_BEFORE = re.compile(r"[^,;()]*\s(?:in|across|throughout)\s+\Z")
_NOUNS_ONLY = re.compile(r"(?:\s+[a-z][\w-]*){1,4}\s+(?:as\s+of\s+|on\s+|by\s+|in\s+)?")
# a part told in an aside after the figure it is part of: "112 cases, including 4 deaths,"
_INCLUDING_BEFORE = re.compile(r"[^,;()]*,\s*including\s+\Z")
# two figures, each with its noun, subjects of one predicate: "1,130 cases and 41 deaths have"
_NOUN_AND = re.compile(r"\s+(?:[a-z][\w-]*\s+){1,3}?and\s+")
_SHARED_PREDICATE = re.compile(r"\s+(?:[a-z][\w-]*\s+){1,2}?(?:have|has|had|were|was|are|is)\s")


def is_participle(word: str) -> bool:
    """Is the word a past participle: in -ed, or one of `irregular_participles`?"""
    return (word.endswith("ed") and len(word) > 3) or word in _PARTICIPLES


def shared_noun(
    text: str, earlier_end: int, join: tuple[int, int], start: int, end: int
) -> tuple[str, str] | None:
    """The noun a bare figure (`start`-`end`) leaves to the figure before it, which ends at
    `earlier_end` and is joined to it by the "and" at `join`, with that figure's own
    predicate: "Three health workers were killed and 19 injured" gives 19 ("health workers",
    "killed"); None where the figure says its own noun."""
    tail = _NOUN_THEN_PASSIVE.fullmatch(text, earlier_end, join[0])
    if tail is None or text[join[1] : start].strip():
        return None
    bare = _BARE_PREDICATE.match(text, end)
    if bare is None or not is_participle(bare.group("word")):
        return None
    return tail.group("noun"), tail.group("predicate")


def shares_period(text: str, earlier: int, later_start: int, later_end: int, date: int) -> bool:
    """Does the date at `date`, after the later figure, go for the earlier figure (at
    `earlier`) too: a bare figure joined by "and" ("were killed and 19 injured in September",
    "killed 9 and injured 14 on Monday") or a restatement in parentheses closed before it
    ("42 of the 58 boreholes (72 percent) were functioning at the end of May")?"""
    if _PARENTHESIS_BEFORE.fullmatch(text, earlier, later_start):
        return text.find(")", later_end, date) >= 0
    if text.find("includ", earlier, later_start) >= 0 and _INCLUDING_BEFORE.fullmatch(
        text, earlier, later_start
    ):  # "112 suspected cases, including 4 deaths, in Adamawa since 1 September"
        return text.find(",", later_end, date) >= 0
    if _ADJUNCT_BEFORE.fullmatch(text, earlier, later_start) and _NOUNS_ONLY.fullmatch(
        text, later_end, date
    ):  # "412,000 people have been affected in 14 local government areas as of 8 September"
        return True
    if _SUBJECT_TO_OBJECT.fullmatch(text, earlier, later_start) and _NOUNS_ONLY.fullmatch(
        text, later_end, date
    ):  # "11 partners delivered multi-purpose cash to 17,840 households in July"
        return True
    if not _AND_BEFORE.fullmatch(text, earlier, later_start):
        return _one_verb_objects(text, earlier, later_start, later_end, date)
    if _one_verb_objects(text, earlier, later_start, later_end, date):
        return True
    if _NOUN_AND.fullmatch(text, earlier, later_start) and _SHARED_PREDICATE.match(
        text, later_end
    ):  # "1,130 cases and 41 deaths have been recorded ... since February": one predicate
        return True
    if _NOTHING_AFTER.match(text, later_end):
        return True
    bare = _BARE_PREDICATE.match(text, later_end)
    return bare is not None and is_participle(bare.group("word"))


# a count that is the subject of a verb, then what it gave "to" another count: one event
_SUBJECT_TO_OBJECT = re.compile(
    r"\s+[A-Za-z]+\s+(?:have\s+|has\s+)?[a-z]+ed\s+(?:[\w-]+\s+){0,4}to\s+"
)
# objects of one verb listed with their nouns, then one date: "have reached 41,300 people with
# food, 2,600 families with tents and 18,500 people with water since 1 September"
_LIST_WORD = re.compile(r"[^\W\d][\w’'-]*|\d[\d,.]*")
_LIST_JOINS = frozenset((",", "and"))
_LIST_VERBS = frozenset(("is", "are", "was", "were", "be", "been", "have", "has", "had"))


def _one_verb_objects(text: str, earlier: int, later_start: int, later_end: int, date: int) -> bool:
    """Are the figure before (ending at `earlier`) and the later one items of a list that
    one verb before them governs, with the date after the last item and no verb between?"""
    between, tail = text[earlier:later_start], text[later_end:date]
    if not (", " in between or " and " in between) or any(c in between + tail for c in ";()"):
        return False
    joined = between.replace(",", " , ").split()
    if not joined or joined[-1] not in _LIST_JOINS:
        return False
    tail_joined = tail.replace(",", " , ").split()
    last_item = len(tail_joined) - max(
        (i + 1 for i, w in enumerate(tail_joined) if w in _LIST_JOINS), default=0
    )
    words = [w for w in joined + tail_joined if w != ","]
    if not 1 <= last_item <= 7 or len(words) > 24:
        return False
    for word in words:
        if not _LIST_WORD.fullmatch(word) or word in _LIST_VERBS or is_participle(word):
            return False
    return True


# "Some walked for two days", "families queued for hours": a verb of the past, then "for"
_VERB_FOR = re.compile(
    r"(?:(?P<before>[A-Za-z]+)\s+)?(?P<verb>[a-z]+)\s+for\s+"
    r"(?:(?:about|some|nearly|almost|over|more\s+than|up\s+to|at\s+least)\s+)?\Z"
)
_PASSIVE = frozenset(("be", "been", "being", "is", "are", "was", "were", "not", "remain"))
_STATE_VERBS = frozenset(vocabulary.words("state_verbs"))


def duration_of_an_action(before: str) -> bool:
    """Is a duration after `before` how long someone did something ("Some walked for two
    days to reach the town"), not a state that lasts ("have not been paid for six months",
    "were displaced for three years")? Such a duration is proposed as no new indicator."""
    if " for " not in before[-24:]:
        return False
    found = _VERB_FOR.search(before)
    verb = found.group("verb") if found is not None else ""
    if not is_participle(verb) or verb in _STATE_VERBS:
        return False
    return (found.group("before") or "").lower() not in _PASSIVE


# A participle clause after a figure that holds a figure of its own: "41 attacks on health
# care have been verified since January, killing 12 health workers", "trucking water to 41
# villages, reaching some 52,000 people". Its words (killing, health workers; reaching,
# people) are the later figure's: the figure before is not matched by them. Words in -ing
# that open no such clause ("including", "according to", "bringing the total to") are
# `figures.json`: `clause_participles_not`.
_NOT_OPENERS = vocabulary.alternatives(vocabulary.words("clause_participles_not"))
_HEDGES = vocabulary.alternatives(vocabulary.words("hedges"))
# ", killing 12", ", reaching some 52,000", ", displacing an estimated 3,000": the figure
# follows the participle, at most a hedge between
# (and so does a baseline after a comma: "9.6 km ..., against 5.2 km normally")
_PARTICIPLE_THEN_FIGURE = re.compile(
    rf",\s+(?:(?!(?:{_NOT_OPENERS})\b)[a-z]{{2,}}ing\s+(?:(?:{_HEDGES})\s+)?"
    # "..., compared with a long-term average of 2.3 litres"
    rf"|(?:against|compared\s+(?:with|to))\s+(?:[^\W\d][\w-]*\s+){{0,5}}?)(?=\d)"
)


def participle_clause_start(text: str, figure_end: int, clause_end: int) -> int:
    """Where a participle clause with a figure of its own opens after the figure ending at
    `figure_end`, within its clause; -1 when there is none."""
    # most clauses hold no ", ...ing " nor ", against": substring tests spare the pattern
    comma = text.find(", ", figure_end, clause_end)
    if comma < 0 or (
        text.find("ing ", comma, clause_end) < 0
        and text.find(", against ", comma, clause_end) < 0
        and text.find(", compared ", comma, clause_end) < 0
    ):
        return -1
    match = _PARTICIPLE_THEN_FIGURE.search(text, comma, clause_end)
    return match.start() if match is not None else -1


def without_words_after(
    text: str, clause: tuple[int, int], start: int, focus: tuple[str, ...]
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The clause's words and the focus less the words of the participle clause at `start`
    that the clause before it does not say too."""
    kept = content_word_tuple(text[clause[0] : start])
    dropped = frozenset(content_word_tuple(text[start : clause[1]])) - frozenset(kept)
    return kept, tuple(w for w in focus if w not in dropped)
