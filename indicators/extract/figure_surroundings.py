"""What the report and the clause around a figure say of it: the report's topic and the
section heading above the figure, the words that name the figures in parentheses beside it, the
figure's own words between its neighbours, whether the words after or before a bare figure name
another indicator than the figure before it, and how far each word of the sentence stands.

`FigureSurroundings` holds these lookups for `figures.FigureReading`, which includes it; the
report's headings are read once per run and kept on it.
"""

from __future__ import annotations

import re

from indicators.extract import figure_context as fc
from indicators.extract import numbers as num
from indicators.extract.catalogue import content_word_tuple, stem
from indicators.extract.figure_record import _Figure
from indicators.extract.figure_words import (
    PREDICATE_END,
    is_participle,
    opens_aside,
    shared_noun,
    shares_period,
)
from indicators.extract.running_total_words import in_running_total
from indicators.extract.sentence_view import Distances
from indicators.extract.sentences import Sentence
from indicators.extract.vocabulary import words as vocabulary_words

_PEOPLE_NOUNS = frozenset(vocabulary_words("population_words", "words")) | frozenset(
    vocabulary_words("people_nouns", "words")
)
_FIRST_WORD = re.compile(r"\s+(?:[a-z-]+\s+)?([A-Za-z]+)")


def counts_people(text: str, end: int) -> bool:
    """Is the count that ends at `end` one of people ("4,200 people", "2 million displaced
    people"): a noun of people among the two words after it?"""
    match = _FIRST_WORD.match(text, end, end + 40)
    if match is None:
        return False
    words = text[end : match.end()].lower().split()
    return any(word in _PEOPLE_NOUNS for word in words)


_OF_THE_END = re.compile(r"\bof\s+(?:the\s+)?\Z")
# A count's own noun follows it at once ("40 beds"), not after a verb or a preposition
_NOUN_FIRST = re.compile(
    r" (?!(?:were|was|are|is|have|has|had|in|on|at|by|of|from|to|for|with|and|or|per|a|an|the"
    r"|this|that|each|every|last|since|during|compared|against)\b)[A-Za-z]"
)
_HEAD_END = re.compile(r"[,;:()]")
# the words before a count of places that say people are in them
_WHERE = (" in ", " at ", " across ", " inside ")


class FigureSurroundings:
    """What the report and the clause around a figure say of it (a mixin of the document run,
    through `FigureReading`)."""

    # worked out on first use for the run's report and catalogue (see the methods below)
    _change_indicators: bool | None = None
    _topic: frozenset[str] | None = None
    _sections: fc.SectionHeadings | None = None
    _topic_at: tuple | None = None  # (sentence start, topic and section words, section words)
    _section_words: frozenset[str] = frozenset()
    _heads: tuple = (None, {})  # (the text, figure's end -> the noun right after it)

    def _heads_of_asides(self, mention, clause) -> frozenset[str]:
        """The words that name each other figure of the clause that stands in parentheses
        ("Cortés (29,870)"), less those that name this one: what names those figures and not
        this one."""
        text = self.text
        own = self._head_of_aside(mention.start, clause)
        heads: set[str] = set()
        for position in self.figure_positions:
            if position == mention.number_start or not clause[0] <= position < clause[1]:
                continue
            if opens_aside(text, position):
                heads.update(self._head_of_aside(position, clause))
        return frozenset(heads - own)

    def _head_of_aside(self, start: int, clause) -> frozenset[str]:
        """The words that name a figure in parentheses at `start`: the last two content words
        before it after a comma or "and" ("..., improved security (81%)"), the last one where
        none stands between it and the clause's start ("Returnees cited services (12%)")."""
        window_start = max(clause[0], start - 40)
        window = self.text[window_start:start]
        joins = list(fc.COORDINATOR.finditer(window))
        if joins:
            return frozenset(content_word_tuple(window[joins[-1].end() :])[-2:])
        return frozenset(content_word_tuple(window)[-2 if window_start > clause[0] else -1 :])

    def _heads_of_other_counts(self, mention, clause) -> frozenset[str]:
        """The nouns that name the other counts of the clause and not this one: the word just
        after each later count ("Two treatment centres with a total of 40 beds": beds are the
        40's), and after each earlier one in parentheses ("60,000 people (12,000 households)
        ..., up from 45,000 people": households are the 12,000's)."""
        text = self.text
        own = self._head_after(mention)
        heads: set[str] = set()
        people = None
        for other in self.figure_mentions:
            position = other.number_start
            if (
                other is mention
                or other.kind != num.COUNT
                or not clause[0] <= position < clause[1]
                or (
                    position < mention.number_start
                    and not opens_aside(text, other.start)
                    # "11 partners delivered cash to 17,840 households": a count with a noun
                    # of its own is not what the earlier count's noun names
                    and not (own and self._earlier_subject(other, mention))
                )
            ):
                continue
            if position > mention.number_start and text.endswith(_WHERE, 0, other.start):
                if people is None:
                    people = counts_people(text, mention.end)
                if people:  # "4,200 people remain in 58 evacuation centres": where they are
                    continue
            heads.update(self._head_after(other))
        return frozenset(heads - own)

    def _earlier_subject(self, other, mention) -> bool:
        """Is the earlier count `other` the subject of the verb whose object `mention` is
        after "to", each with a noun of its own ("11 partners delivered multi-purpose cash to
        17,840 households"), with no comma between them?"""
        text = self.text
        if not text.endswith(" to ", 0, mention.start) or "," in text[other.end : mention.start]:
            return False
        head = self._head_after(other)
        return bool(head) and not head & self._head_after(mention)

    def _head_after(self, mention) -> frozenset[str]:
        """The first content word just after a count, when a noun follows it ("40 beds");
        read once per figure (the rules of a sentence ask for it again)."""
        cache = self._heads
        if cache[0] is not self.text:
            cache = self._heads = (self.text, {})
        head = cache[1].get(mention.end)
        if head is None:
            after = self.text[mention.end : mention.end + 40]
            head = (
                frozenset(content_word_tuple(_HEAD_END.split(after, maxsplit=1)[0])[:1])
                if _NOUN_FIRST.match(after)
                else frozenset()
            )
            cache[1][mention.end] = head
        return head

    def _own_words(
        self, mention, clause, previous, own_end: int
    ) -> tuple[frozenset[str], frozenset[str]]:
        """The content words from the figure before it to `own_end` (the figure after it),
        or none where the sentence holds no other figure; and the words that are only the
        figure before's where the two share a noun ("Three health workers were killed and 19
        injured": "killed")."""
        if len(self.figure_positions) <= 1:
            return frozenset(), frozenset()
        text = self.text
        own_start = clause[0]
        for figure in reversed(previous):
            if figure.mention is not None:
                own_start = max(own_start, figure.mention.end)
                break
        elided = frozenset()
        noun = ""
        if own_start > clause[0]:
            # "41 percent were women and 12 percent were children": what comes before
            # the "and" goes with the figure before it
            joins = list(fc.COORDINATOR.finditer(text, own_start, mention.start))
            if joins:
                # "Three health workers were killed and 19 injured": the noun said once
                shared = shared_noun(text, own_start, joins[-1].span(), mention.start, mention.end)
                own_start = joins[-1].end()
                if shared is not None:
                    noun = shared[0] + " "
                    own_end = max(own_end, mention.end)
                    elided = frozenset(content_word_tuple(shared[1]))
        own = frozenset(
            content_word_tuple(
                noun + text[own_start : mention.start] + " " + text[mention.end : own_end]
            )
        )
        if mention.kind == num.MEASURE and " per " in mention.unit:
            own |= frozenset(content_word_tuple(mention.unit))  # "litres per person per day"
        return own, elided - own

    def _has_change_indicators(self) -> bool:
        """Does the catalogue hold an indicator of change ("..._change")? Only then is it
        worth asking whether a figure is stated as one."""
        has = self._change_indicators
        if has is None:
            ids = self.catalogue.by_id
            has = self._change_indicators = any(i.endswith("_change") for i in ids)
        return has

    def _topic_and_section(self, offset: int) -> frozenset[str]:
        """The report's headings and the section heading above `offset` (read once for all
        the figures of a sentence; the section's words are left in `_section_words`)."""
        sections = self._sections
        if sections is not None and not sections.starts:  # a report with no section headings
            return self._topic if self._topic is not None else self._topic_words()
        cached = self._topic_at
        if cached is not None and cached[0] == offset:
            self._section_words = cached[2]
            return cached[1]
        topic = self._topic if self._topic is not None else self._topic_words()
        section = self._section(offset)
        both = topic | section if section else topic
        self._topic_at = (offset, both, section)
        self._section_words = section
        return both

    def _section(self, offset: int) -> frozenset[str]:
        """The words of the section heading above `offset` (none above: empty)."""
        sections = self._sections
        if sections is None:
            sections = self._sections = fc.SectionHeadings(self.text)
        return sections.above(offset) if sections.starts else frozenset()

    def _topic_words(self) -> frozenset[str]:
        """The content words of the report's headings before its first full sentence ("Mpox
        Outbreak: Weekly Epidemiological Bulletin"): what every figure of it is about, so a
        clause may leave them unsaid ("49 deaths" are mpox deaths)."""
        topic = self._topic
        if topic is None:
            topic = self._topic = fc.heading_words(self.text)
        return topic

    def _named_after(
        self, family: str, after: str, inherited: _Figure, clause_words, sentence=None
    ) -> bool:
        """Do the words just after a bare figure name another indicator of the catalogue
        than the earlier figure's, all its key words said: "15.5 million people need
        assistance, of whom 10.9 million are targeted" (people targeted, not in need)."""
        words = content_word_tuple(PREDICATE_END.split(after[:50], maxsplit=1)[0])
        if not words:
            return False
        # "5.7 million people face acute food insecurity, including 1.9 million at emergency
        # levels": what the sentence's phrasings mean counts as said by it (hunger)
        found = ()
        if sentence is not None:
            cached = self._meanings_at
            found = (cached if cached[0] is sentence else self._sentence_meanings(sentence))[1]
        meant = tuple((m.words, False, m.said) for m in found)
        found = self.catalogue.match(
            family, list(words), list(words) + list(clause_words), meant=meant
        )
        if found is None:  # "another 96,000 are staying with relatives": a verb of its own
            own = PREDICATE_END.split(after[:50], maxsplit=1)[0]
            # (the earlier figure's words up to the bare one's, which `after` follows)
            upto = self.text.find(after[:40], inherited.clause[0]) if after else -1
            earlier_words = self.text[
                inherited.clause[0] : upto if upto >= 0 else inherited.clause[1]
            ]
            return _another_new_verb(own, inherited.observation, earlier_words)
        if found.indicator_id == inherited.observation.indicator_id:
            return False
        earlier = self.catalogue.by_id.get(inherited.observation.indicator_id)
        said = set(words).union(*(m[0] for m in meant)) if meant else set(words)
        return found.keys - (earlier.keys if earlier is not None else frozenset()) <= said

    def _named_before(self, family: str, mention, inherited: _Figure, clause) -> bool:
        """Do the words between the "and" or comma after the earlier figure and a bare figure
        name another indicator than the earlier figure's: "killing 9 civilians and injuring 14"
        (people injured, not civilians killed), "reached 9,200 children, against a target of
        20,000" (children targeted)?"""
        earlier_end = inherited.mention.end if inherited.mention is not None else clause[0]
        lead = self.text[max(earlier_end, mention.start - 60) : mention.start]
        joins = list(fc.COORDINATOR.finditer(lead))
        if not joins:
            return False
        words = content_word_tuple(lead[joins[-1].end() :])
        if not words:
            return False
        found = self.catalogue.match(family, list(words), list(words))
        if found is None and in_running_total(self.text, earlier_end, mention.start):
            # "238 new cases of missing persons, bringing the number of cases it follows
            # since 1985 to 7,615": the total's words, with what the clause before counts
            said = content_word_tuple(self.text[inherited.clause[0] : mention.start])
            found = self.catalogue.match(family, list(words), list(words) + list(said))
        elif found is None and joins[-1].group().startswith(";"):
            # "Malakal transit centre: capacity 2,000; occupancy 2,840": a cell of a row whose
            # label says the rest
            found = self.catalogue.match(
                family,
                list(words),
                list(words)
                + list(content_word_tuple(lead))
                + list(content_word_tuple(self.text[inherited.clause[0] : earlier_end])),
            )
        if found is None:
            return _another_new_verb(lead[joins[-1].end() :], inherited.observation)
        if found.indicator_id == inherited.observation.indicator_id:
            return False
        earlier = self.catalogue.by_id.get(inherited.observation.indicator_id)
        return bool(found.keys & set(words)) and not (
            earlier is not None and found.keys <= earlier.keys
        )

    def _mention_at(self, position: int):
        for mention in self.figure_mentions:  # noqa: SIM110 - a loop: no generator per figure
            if mention.number_start == position:
                return mention
        return None

    def _shares_period(self, position: int, later: int, date: int) -> bool:
        """Does the date at `date`, after the later figure of the clause at `later`, date
        the figure at `position` too ("were killed and 19 injured in September")?"""
        earlier, other = self._mention_at(position), self._mention_at(later)
        if earlier is None or other is None:
            return False
        return shares_period(self.text, earlier.end, other.start, other.end, date)

    def _is_base(self, position: int, other: int) -> bool:
        """Is the figure at `other` the whole the one at `position` is part of ("more than
        half of the 400,000 people")? Not a change's size ("..., a rise of 12 points")."""
        between = self.text[position:other]
        if _OF_THE_END.search(between) is None:
            return False
        return fc.CHANGE_STATED.search(between[-30:]) is None

    def _distances(self, sentence: Sentence, position: int) -> Distances:
        """How many words each content word of the sentence stands from a position."""
        return Distances(self._view(sentence), position - sentence.start)


def _another_new_verb(words: str, earlier, earlier_words: str = "") -> bool:
    """With no indicator of the catalogue for either, does a verb of its own before a bare
    figure ("killed 12 people and injured 19") or after it (a verb the earlier figure's
    `earlier_words` do not hold: "another 96,000 are staying with relatives", but not "12
    trucks were cleared to enter, ... 7 entered") say it counts another thing than the
    earlier figure's proposed indicator (`people_killed`, `evacuation_centres`)?"""
    if not earlier.indicator_is_new:
        return False
    named = earlier.indicator_id.split("_")
    said = {stem(word) for word in re.findall(r"[a-z]+", earlier_words.lower())}
    return any(  # ("cleared to enter" holds "entered")
        (is_participle(word) or (earlier_words and word.endswith("ing") and len(word) > 4))
        and word not in named
        and stem(word) not in said
        for word in re.findall(r"[a-z]+", words)
    )
