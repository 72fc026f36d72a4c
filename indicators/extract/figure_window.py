"""The window of text a figure is read in, the rate a count is stated at, the record of the
words a figure is matched by, and the draft of a figure its later stages read.

A figure's window is its clause, the words after it, where its own words end (at the next
figure, a clause joined after it, or the parenthesis that closes it), the words before it,
and whether a noun or a date follows it. `figures.FigureReading` reads it once per figure and
passes it to the later stages, with the words it reads from it (`MatchWords`); nothing here
needs the document run.
"""

from __future__ import annotations

import re

from indicators.extract import numbers as num
from indicators.extract.figure_units import ADVERB_UNIT, RATE_AFTER, RATE_BEFORE, find_rate
from indicators.extract.figure_words import opens_aside, restated_as_share

_CLAUSE_PUNCTUATION = re.compile(r"[,;:]")
_NEXT_CLAUSE = re.compile(r",\s+(?:and|while|whereas|but|so)\s|;\s")
# A figure followed by a noun ("40 villages", "95 percent of households") names what it counts;
# one followed by a verb or preposition ("12 entered", "300 a day") may take it from before.
NOUN_AFTER = re.compile(
    r"\s*(?:\*\s*)?(?:(?:percent|per\s+cent|%)\s+)?(?:of\s+(?:the\s+|its\s+|their\s+)?)?[A-Za-z]"
)
NOT_A_NOUN_AFTER = re.compile(
    r"\s*(?:entered|arrived|died|were|was|are|is|in|on|at|by|from|to|a\s+day|per|each|every|this"
    r"|last|compared|since|during)\b"
)


class FigureWindow:
    """The text a figure is read in (see the module's docstring): the window of the figure
    `mention` in its clause, among the figures of its sentence (`figure_positions`) and the
    date phrases read in it (`periods`)."""

    __slots__ = (
        "clause",
        "after",
        "own_end",
        "in_parentheses",
        "before",
        "has_noun",
        "dated_after",
    )

    def __init__(
        self, text: str, clause: tuple[int, int], mention, figure_positions, periods
    ) -> None:
        # the words after a figure up to the next figure of the sentence are its own
        after = text[mention.end : min(clause[1], mention.end + 90)]
        # the figure's own words: from the figure before it to the one after it
        own_end = min(clause[1], mention.end + 90)
        if len(figure_positions) > 1:
            for position in figure_positions:
                if position > mention.number_start:
                    own_end = min(own_end, position)
                    # "18 percent higher than the average, and daily wages ... fell by a
                    # quarter": what follows ", and" goes with the figure after it
                    join = _NEXT_CLAUSE.search(text, mention.end, own_end)
                    if join is not None:
                        own_end = join.start()
                    break
        in_parentheses = text[mention.start - 1 : mention.start] == "(" and opens_aside(
            text, mention.start
        )
        if in_parentheses:
            # "improved security (81%) and access to land (46%)": a figure in parentheses
            # ends its own words at the parenthesis that closes it
            close = text.find(")", mention.end, own_end)
            if close >= 0:
                own_end = close
        before = text[max(clause[0], mention.start - 70) : mention.start]
        has_noun = bool(NOUN_AFTER.match(after)) and not NOT_A_NOUN_AFTER.match(after)
        dated_after = bool(periods) and any(0 <= p.start - mention.end <= 2 for p in periods)
        if has_noun and dated_after:
            has_noun = False  # "compared with 21.3 percent the week before": a date, no noun
        self.clause = clause
        self.after = after
        self.own_end = own_end
        self.in_parentheses = in_parentheses
        self.before = before
        self.has_noun = has_noun
        self.dated_after = dated_after


class MatchWords:
    """The words a figure is matched by: its focus (the words read around it) and its
    clause's words, as content words, with the label of its row, that of its table cell (or
    its list's lead-in) and the place its table column names ("" when none)."""

    __slots__ = ("focus", "clause_words", "label", "cell_label", "column_place")

    def __init__(
        self,
        focus: tuple[str, ...],
        clause_words: tuple[str, ...],
        label: str,
        cell_label: str,
        column_place: str,
    ) -> None:
        self.focus = focus
        self.clause_words = clause_words
        self.label = label
        self.cell_label = cell_label
        self.column_place = column_place


class FigureDraft:
    """One figure as its later stages read it (`figures.FigureReading._figure`): its sentence
    and mention, its window and the words it is matched by, its kind, unit, rate and family as
    stated, the figures read before it in the sentence (`previous`), the sentence's date
    phrases (`periods`), and whether it is stated against a target. Each stage takes the
    draft and reads what it needs, rather than a dozen arguments passed on by hand."""

    __slots__ = (
        "sentence",
        "mention",
        "window",
        "words",
        "kind",
        "unit",
        "rate",
        "family",
        "previous",
        "periods",
        "against_target",
    )

    def __init__(
        self,
        sentence,
        mention,
        window: FigureWindow,
        words: MatchWords,
        kind: str,
        unit: str,
        rate: str,
        family: str,
        previous: list,
        periods: list,
        against_target: bool,
    ) -> None:
        self.sentence, self.mention, self.window, self.words = sentence, mention, window, words
        self.kind, self.unit, self.rate, self.family = kind, unit, rate, family
        self.previous, self.periods, self.against_target = previous, periods, against_target


def rate_of(text: str, mention, clause: tuple[int, int], after: str) -> tuple[str, str, str]:
    """The rate a count or a duration is stated at ("300 a day", "12 hours daily"), or "", and
    the figure's kind and unit read with it: (rate, kind, unit)."""
    rate = ""
    kind, unit = mention.kind, mention.unit
    if kind in (num.COUNT, num.DURATION) and unit in ("count", "hours"):
        window = _CLAUSE_PUNCTUATION.split(after[:60], maxsplit=1)[0]
        rate_match = find_rate(RATE_AFTER, window) or find_rate(
            RATE_BEFORE, text[max(clause[0], mention.start - 40) : mention.start]
        )
        if rate_match and not (after[:2].find("(") >= 0 and restated_as_share(after)):
            rate = rate_match.group("unit") or ADVERB_UNIT[rate_match.group("adverb").lower()]
            if kind == num.DURATION:
                kind, unit = num.COUNT, "hours"
    return rate, kind, unit
