"""How a figure relates to the figures before it in its sentence: the baseline a change is
measured against ("up from 265,000"), the target of what was achieved ("against a target of
8,000"), the whole a part is of ("of whom"), the same figure in another currency, and the span
a "same quarter of 2024" repeats. A mixin of `figures.FigureReading`, which asks these while
it reads a figure."""

from __future__ import annotations

import re
from datetime import date

from indicators.extract import figure_context as fc
from indicators.extract import numbers as num
from indicators.extract import vocabulary
from indicators.extract.catalogue import (
    content_word_tuple,
    word_content,
)
from indicators.extract.dates import DatePhrase
from indicators.extract.figure_record import _Figure
from indicators.extract.figure_units import (
    period_fields,
)
from indicators.extract.hints import prefix_hints

_PLACE_KEYS = frozenset(content_word_tuple(" ".join(vocabulary.words("place_nouns"))))
# the words after a count up to the first that is no noun of its phrase (a preposition, a
# verb, punctuation): "11 health zones", not "1,100 refugees were sheltering in the province"
_HEAD_PHRASE = re.compile(
    r"(?:\s+(?!(?:in|on|at|by|of|from|to|for|with|and|or|across|were|was|are|is|have|has|had"
    r"|been|who|that|which)\b)[A-Za-z][a-z-]*(?<!ed)(?<!ing)(?=[\s.,;:)]|\Z)){1,3}"
)
_PEOPLE_KEYS = frozenset(
    content_word_tuple(" ".join(vocabulary.words("population_words", "words")))
)
_REACH_KEYS = frozenset(content_word_tuple(" ".join(vocabulary.words("reach_nouns"))))
# "affected in 14 local government areas": a count of where the figure before holds
_PLACE_PHRASE_BEFORE = re.compile(r"\b(?:in|across|throughout)\s+(?:the\s+)?\Z")
# "LBP 42.5 million (US$ 475)": a money figure, then another in parentheses right after it
_RIGHT_BEFORE_PARENTHESIS = re.compile(r"\s*\(\s*(?:(?:about|around|some|roughly|or)\s+)?")
# "6,200 households received kits, against a target of 8,000", "reached 1.4 million people,
# against 3.9 million targeted": the target of what the figure before achieved
_TARGET_NOUNS = vocabulary.words("target_nouns")
_AGAINST_TARGET = re.compile(
    r"\bagainst\s+(?:((?:a|an|the|its|their)\s+(?:[\w-]+\s+)?(?:"
    + vocabulary.alternatives(_TARGET_NOUNS)
    + r")\s+(?:of\s+)?))?\Z",
    re.IGNORECASE,
)
# "4,850 households (71 percent of the 6,800 planned)": the planned whole of a share of it
_SHARE_OF_THE = re.compile(
    r"(?:\bper\s?cent|%)\s+of\s+(?:the|its|their)\s+(?:[\w-]+\s+)?\Z", re.IGNORECASE
)


def of_a_planned_whole(before: str, after: str) -> bool:
    """Is the figure the planned whole a share of what was achieved is stated of, a target
    noun after it ("71 percent of the 6,800 planned", "62% of the 1,200 targeted")?"""
    return (
        before.find(" of ", len(before) - 24) >= 0
        and _SHARE_OF_THE.search(before, max(0, len(before) - 40)) is not None
        and _TARGET_AFTER.match(after) is not None
    )


_PERIOD_KEYS = ("period_start", "period_end", "period_precision", "period_end_precision")
_VERB_FORM = re.compile(r"\b[A-Za-z]+(?:ed|ing)\b")
# a part of the whole just before it: "..., of whom 598", "Of the 1,905 contacts listed, 1,640"
_PARTITIVE_BEFORE = re.compile(r"\bof\s+(?:whom|which|them|these|those)\s+\Z", re.IGNORECASE)
_OF_THE_WHOLE = ("Of the ", "Of its ", "Of their ", "Of these ", "Of those ")
_TARGET_AFTER = re.compile(
    r"\s+(?:" + vocabulary.alternatives(_TARGET_NOUNS) + r")\b", re.IGNORECASE
)
_BASELINE_BEFORE = re.compile(
    r"\b(?:up|down|rising|falling)\s+from\s+(?:\w+\s+)?\Z|\bcompared\s+(?:with|to)\s+(?:\w+\s+)?\Z"
    r"|\b(?:against|versus|from)\s+\Z",
    re.IGNORECASE,
)
# Substrings that must occur (lower case) before _BASELINE_BEFORE is tried, read off it.
_BASELINE_HINTS = prefix_hints(_BASELINE_BEFORE)


# A number an indicator's id holds with the word before it or the unit after it: "phase_4",
# "per_100000", "below_125mm" (the number of a phase, a base or a threshold)
_ID_NUMBER = re.compile(r"(?:^|_)(?:([a-z]+)_(\d+)|(\d+)([a-z]+))(?=_|$)")
_ID_NUMBERS: dict[str, tuple[re.Pattern, ...]] = {}


def id_numbers(indicator_id: str) -> tuple[re.Pattern, ...]:
    """The patterns that find, in text, the number an id's word or unit states ("phase 4",
    "125 mm"), one per number of the id; () for most ids (read once per id)."""
    found = _ID_NUMBERS.get(indicator_id)
    if found is None:
        found = tuple(
            re.compile(rf"(?i)\b{re.escape(word)}\s+(\d[\d,]*)(?![\d.])")
            if word
            else re.compile(rf"(?<![\d.,])(\d[\d,.]*)\s*{re.escape(unit)}\b", re.I)
            for word, _, _, unit in _ID_NUMBER.findall(indicator_id)
            if word or unit
        )
        _ID_NUMBERS[indicator_id] = found
    return found


def _numbers_of(indicator_id: str) -> list[str]:
    return [a or b for _, a, b, _ in _ID_NUMBER.findall(indicator_id)]


class FigureRelations:
    """The questions `FigureReading._figure` asks of a figure and the figures before it."""

    def _dates_another_baseline(self, phrase: DatePhrase, position: int, figures) -> bool:
        """Does the date phrase follow, at once, another figure of the sentence that is the
        baseline of a change ("down from 231 in week 35")?"""
        text = self.text
        for other in figures:
            if other == position or other > phrase.start:
                continue
            mention = self._mention_at(other)
            if mention is None or not 0 <= phrase.start - mention.end <= 4:
                continue
            window = text[max(0, other - 24) : other]
            if any(hint in window for hint in _BASELINE_HINTS) and _BASELINE_BEFORE.search(window):
                return True
        return False

    def _same_span_in(self, year: int, previous, fields: dict, stated: tuple[int, int]) -> dict:
        """The last closed period stated before (in the sentence, or a figure before it),
        moved into `year`; `fields` (the year alone) where none was stated."""
        earlier = [period_fields(f.period) for f in reversed(previous) if f.period is not None] + [
            {key: getattr(o, key) for key in _PERIOD_KEYS} for o in reversed(self.observations)
        ]
        for reference in earlier:
            start, end = reference["period_start"], reference["period_end"]
            if start and end and start != end:
                first, last = date.fromisoformat(start), date.fromisoformat(end)
                try:
                    moved_first = first.replace(year=year)
                    moved_last = last.replace(year=year + last.year - first.year)
                except ValueError:  # 29 February
                    return fields
                return {
                    **reference,
                    "period_start": moved_first.isoformat(),
                    "period_end": moved_last.isoformat(),
                    "period_as_stated": self.text[stated[0] : stated[1]],
                }
        return fields

    def _verbs_of_the_whole(self, sentence, mention, before: str, previous) -> frozenset[str]:
        """The participles that say what the whole is, when the figure is a part of the figure
        before it: after "of whom" or "of which" ("612 contacts have been listed, of whom
        598"), or after a sentence's opening "Of the" whole and its comma ("Of the CHF 749,860
        allocated, CHF 402,115 ..."): the catalogue's verb keys between the two figures."""
        if not previous or previous[-1].mention is None:
            return frozenset()
        text = self.text
        whole_end = previous[-1].mention.end
        if before.find("of ", len(before) - 20) >= 0 and _PARTITIVE_BEFORE.search(before[-20:]):
            end = mention.start
        elif sentence.text.startswith(_OF_THE_WHOLE):
            first = next((f for f in previous if f.mention is not None), None)
            if first is None:
                return frozenset()
            whole_end = first.mention.end
            end = text.find(",", whole_end, mention.start)
            if end < 0:
                return frozenset()
        else:
            return frozenset()
        verbs = self.catalogue.verb_keys
        return frozenset(
            read
            for word in _VERB_FORM.findall(text, whole_end, end)
            if (read := word_content(word)) in verbs
        )

    @staticmethod
    def _against_target(before: str, after: str) -> bool:
        """Is the figure a target stated against what was achieved ("..., against a target
        of 8,000", "against 3.9 million targeted", "4,850 households (71 percent of the 6,800
        planned)")?"""
        target = _AGAINST_TARGET.search(before) if before.find("against") >= 0 else None
        if target is None:
            return of_a_planned_whole(before, after)
        return bool(target.group(1) or _TARGET_AFTER.match(after))

    def _baseline_of(self, mention, before: str, previous: list[_Figure]) -> _Figure | None:
        """The earlier count a count after "up from", "compared with" or "against" is the
        baseline of, when both name the same noun ("targets 60,000 people (12,000 households)
        ..., up from 45,000 people"): the figure it is compared with, or None."""
        window = before[-24:]
        if not any(hint in window for hint in _BASELINE_HINTS) or not _BASELINE_BEFORE.search(
            window
        ):
            return None
        noun = self._head_after(mention)
        if not noun:
            return None
        same = [
            f
            for f in previous
            if f.family == "count"
            and f.mention is not None
            and f.mention.kind == num.COUNT
            and self._head_after(f.mention) == noun
            and not self._in_closed_aside(f, mention)
        ]
        return same[-1] if same else None

    def _people_for_places(self, mention, indicator) -> bool:
        """Is the figure a count of people ("48,000 people") and the indicator one of places
        or structures whose name names no people ("Displacement sites")?"""
        noun = self._head_after(mention)
        if not noun or not noun <= _PEOPLE_KEYS:
            return False
        named = content_word_tuple(indicator.name)
        # the places are the name's last word ("Displacement sites") or its first, what the
        # rest of it qualifies ("Villages served by water trucking")
        return (
            bool(named)
            and (named[-1] in _PLACE_KEYS or named[0] in _PLACE_KEYS)
            and _PEOPLE_KEYS.isdisjoint(named)
        )

    def _places_for_things(self, mention, indicator) -> bool:
        """Is the figure a count of places ("38 villages", "11 health zones") and the
        indicator one of something else whose name names no place ("Houses damaged")?"""
        if not self._head_after(mention):
            return False
        # the noun phrase right after the count, up to a verb or preposition: its last word
        # is what it counts ("villages", "health zones", "local government areas")
        head = _HEAD_PHRASE.match(self.text, mention.end)
        words = content_word_tuple(head.group()) if head is not None else ()
        place = words[-1] if words and len(words) <= 3 else ""
        return (
            place in _PLACE_KEYS
            and place not in indicator.keys
            and _PLACE_KEYS.isdisjoint(content_word_tuple(indicator.name))
        )

    def _unless_other_number(self, draft, indicator, match, primary, focus, clause_words):
        """The indicator, or the next best (or None) where the figure's own words, else its
        clause, state another number where the id states one ("had a MUAC below 135 mm" is
        not `share_children_muac_below_125mm`; "118,000 in Emergency (IPC Phase 4)" not
        `people_in_ipc_phase_5`)."""
        if not self._states_other_number(draft, indicator.indicator_id):
            return indicator
        again = match(focus, clause_words, **primary, exclude=frozenset({indicator.indicator_id}))
        if again is None or self._states_other_number(draft, again.indicator_id):
            return None
        return again

    def _states_other_number(self, draft, indicator_id: str) -> bool:
        patterns = id_numbers(indicator_id)
        if not patterns:
            return False
        mention, window = draft.mention, draft.window
        for spans in ((mention.end, window.own_end), window.clause):
            for pattern, number in zip(patterns, _numbers_of(indicator_id)):
                stated = pattern.search(self.text, *spans)
                if stated is not None:
                    return stated.group(1).replace(",", "").rstrip(".") != number
        return False

    def _unless_places_for_things(self, mention, indicator, match, primary, focus, clause_words):
        """The indicator, or the next best (or None) where it counts other things than the
        places the figure counts (`_places_for_things`)."""
        if not self._places_for_things(mention, indicator):
            return indicator
        again = match(focus, clause_words, **primary, exclude=frozenset({indicator.indicator_id}))
        return None if again is None or self._places_for_things(mention, again) else again

    def _counts_a_reach(self, mention) -> bool:
        """Is the count's noun one of the reach of something else ("38 countries")?"""
        noun = self._head_after(mention)
        return bool(noun) and noun <= _REACH_KEYS

    def _in_closed_aside(self, figure: _Figure, mention) -> bool:
        """Does the earlier figure stand in parentheses closed before `mention`?"""
        earlier = figure.mention
        if earlier is None:
            return False
        text = self.text
        opening = text.rfind("(", max(0, earlier.start - 40), earlier.start + 1)
        return (
            opening >= 0
            and text.find(")", opening, earlier.start) < 0
            and text.find(")", earlier.end, mention.start) >= 0
        )

    def _in_other_currency(self, figure, mention, unit: str):
        """The catalogue's indicator of the money figure right before the parenthesis a money
        figure stands in, in this figure's currency ("smeb_cost_usd" beside "smeb_cost",
        "funding_received" beside "funding_received_kes"), or None."""
        stated = figure.observation
        before = figure.mention
        if (
            before is None
            or before.kind != num.MONEY
            or stated.indicator_is_new
            or not _RIGHT_BEFORE_PARENTHESIS.fullmatch(self.text, before.end, mention.start)
        ):
            return None
        currency = unit.split(" ", 1)[0]
        if stated.unit.split(" ", 1)[0] == currency:
            return None
        base, _, code = stated.indicator_id.rpartition("_")
        if not base or code.upper() not in num.LOCAL_CURRENCY_CODES:
            base = stated.indicator_id  # no currency ends the id ("smeb_cost")
        for name in (f"{base}_{currency}", base):
            found = self.catalogue.by_id.get(name)
            if found is not None and found.unit.split(" ", 1)[0] == currency:
                return found
        return None

    def _in_place_phrase(self, figure) -> bool:
        """Does a figure count where the one before it holds ("in 14 local government
        areas")?"""
        mention = figure.mention
        return (
            mention is not None
            and _PLACE_PHRASE_BEFORE.search(self.text, max(0, mention.start - 12), mention.start)
            is not None
        )

    def _change_of(self, previous, clause):
        """The catalogue's indicator of change of the nearest figure before in the clause
        that has one ("smeb_cost_change" after "smeb_cost"), or None."""
        for figure in reversed(previous):
            if figure.clause[0] < clause[0] or figure.observation.indicator_is_new:
                continue
            changed = self.catalogue.by_id.get(figure.observation.indicator_id + "_change")
            if changed is not None and changed.unit in fc.CHANGE_UNITS:
                return changed
        return None
