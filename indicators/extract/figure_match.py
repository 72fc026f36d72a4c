"""The catalogue indicator a figure's words match, read once with everything the catalogue
weighs (the figure's family, its own words, its focus and clause, the paragraph, the report's
topic and section, the phrasings of the catalogue's concepts), then retried where that match
misleads: a change stated beside the figure, an amount told again in another currency, an
indicator counted since an origin the clause leaves unsaid, a subject further back, a noun that
counts another thing, people counted for the places they went to. A mixin of
`figures.FigureReading`, asked by `figure_indicator.FigureIndicator`."""

from __future__ import annotations

import re
from functools import partial

from indicators.extract import figure_context as fc
from indicators.extract import numbers as num
from indicators.extract import vocabulary
from indicators.extract.acronym_names import acronym_names
from indicators.extract.catalogue import content_word_tuple, population_keys
from indicators.extract.figure_predicate import with_its_verb
from indicators.extract.figure_relations import id_numbers
from indicators.extract.figure_words import counts_another_thing
from indicators.extract.id_twins import as_spelled
from indicators.extract.money_participles import named_by_its_participle, participle_key
from indicators.extract.numbered_ids import numbered_beside
from indicators.extract.place_populations import POPULATION, a_places_people
from indicators.extract.reference_wholes import of_a_reference
from indicators.extract.sentence_view import Context
from indicators.extract.wholes_before import points_back_to_a_whole, words_of_the_sentence_before

_CHANGE_KEY = content_word_tuple("change")[0]
# the words of an origin a period runs from ("since its creation in 2006"): an indicator
# counted since one is not what a figure dated on its own counts
_ORIGIN_KEYS = frozenset(
    content_word_tuple(" ".join(vocabulary.words("since_event_nouns", "dates")))
)


class FigureMatching:
    """Matches the figures of a sentence to the catalogue (a mixin of the document run)."""

    # the last sentence read for the phrasings of the catalogue's concepts, and those found
    _meanings_at: tuple[object, tuple] = (None, ())

    def _catalogue_match(self, draft, own, focus, clause_words):
        """The catalogue indicator a figure's words match (its clause's, else its sentence's),
        a change when a change is stated beside it, retried where that match misleads
        (`_retried`); or None."""
        sentence, mention, window, words = draft.sentence, draft.mention, draft.window, draft.words
        kind, family = draft.kind, draft.family
        text, clause, label = self.text, window.clause, words.label
        has_noun = window.has_noun
        # what a clause may leave unsaid is looked for in the paragraph and just before it
        # (one for all the figures of the sentence: the text before it is read once)
        view = self._view(sentence)
        context = view.context
        if context is None or context.paragraph is not self.paragraph_words:
            context = view.context = Context(self.paragraph_words, text, sentence.start)
        distances = self._distances(sentence, mention.number_start)
        change = (
            fc.CHANGE_STATED.search(text, max(clause[0], mention.start - 40), mention.start)
            or (self._change_after(mention) if kind == num.SHARE else None)
            if (
                self._change_indicators
                if self._change_indicators is not None
                else self._has_change_indicators()
            )
            else None
        )
        if (
            change is not None
            and _CHANGE_KEY not in clause_words
            and change.group().strip().lower() not in ("up", "down")  # "make up 53 percent"
        ):
            # "9 percent fewer than in August": a change, whatever word says so
            clause_words += (_CHANGE_KEY,)
            focus += (_CHANGE_KEY,)
        # every try reads the figure's family, distances, paragraph and context alike
        match = partial(
            self.catalogue.match,
            family,
            distances=distances,
            paragraph=self.paragraph_words,
            context=context,
        )
        topic = (
            self._topic
            if self._sections is not None and not self._sections.starts and self._topic is not None
            else self._topic_and_section(sentence.start)
        )
        if (
            topic
            and kind == num.COUNT
            and has_noun
            and len(self.figure_positions) > 1
            and not topic.isdisjoint(population_keys())
        ):
            # "plans to reach 75,000 people, including 40,000 children" under a heading of
            # children: the heading fills in no population another count of the clause names
            topic = topic - (self._heads_of_other_counts(mention, clause) & population_keys())
        cached = self._meanings_at
        if cached[0] is not sentence:
            cached = self._sentence_meanings(sentence)
        meanings = cached[1]  # none in most sentences
        primary = {
            "own": own,
            "change": change is not None,
            "topic": topic,
            "section": self._section_words,
            "meant": self._meant(meanings, clause, mention) if meanings else (),
            "named": acronym_names(sentence.text) if "(" in sentence.text else (),
            "noun": self._head_after(mention)
            if kind == num.COUNT and has_noun
            # "Sites hosting IDPs: 94": a key-figure row counts its label's first noun
            else frozenset(content_word_tuple(label)[:1])
            if label and kind == num.COUNT
            else frozenset(),
        }
        indicator = match(focus, clause_words, **primary)
        if indicator is None and clause != (sentence.start, sentence.end):
            indicator = match(
                focus,
                content_word_tuple(sentence.text),
                own=own,
                meant=self._meant(meanings, (sentence.start, sentence.end), mention)
                if meanings
                else (),
            )
        return self._retried(
            draft, indicator, match, primary, meanings, change, focus, clause_words
        )

    def _retried(self, draft, indicator, match, primary, meanings, change, focus, clause_words):
        """The catalogue match of a figure (`indicator`, read by `match` with `primary`),
        retried or replaced where it misleads: a change of the figure it follows, the amount
        before told in another currency, an indicator counted since an origin the clause
        leaves unsaid, a share whose subject stands further back, a noun that counts another
        thing, people counted for the places they went to."""
        mention, window, kind, unit = draft.mention, draft.window, draft.kind, draft.unit
        previous, periods = draft.previous, draft.periods
        text, clause = self.text, window.clause
        before, after, has_noun = window.before, window.after, window.has_noun
        if kind == num.COUNT and has_noun and a_places_people(text, mention.start, mention.end):
            # "Of Nasir's estimated 245,000 people, 32,000 ...": the place's population
            indicator = match(POPULATION, POPULATION) or indicator
        in_parentheses = window.in_parentheses
        if (
            change is not None
            and kind == num.SHARE
            and previous
            and (indicator is None or not indicator.indicator_id.endswith("_change"))
        ):
            # "LBP 42.5 million ... in February, 6% higher than in January", "21,340 (9%
            # more than in April–June)": the change of the figure it follows
            indicator = self._change_of(previous, clause) or indicator
        if kind == num.MONEY and in_parentheses and previous:
            # "LBP 42.5 million (US$ 475)", "KES 310 million (about USD 2.4 million)": the
            # amount before, told in another currency
            indicator = self._in_other_currency(previous[-1], mention, unit) or indicator
        if (
            indicator is not None
            and indicator.keys & _ORIGIN_KEYS
            and self._dated_apart(indicator, clause, clause_words, periods)
        ):
            # "In 2024, it allocated ..." after "Since its creation in 2006, CERF has
            # allocated ...": a figure of its own date is no figure since the origin
            indicator = match(
                focus, clause_words, **primary, exclude=frozenset({indicator.indicator_id})
            )
        if (
            indicator is None
            and kind == num.SHARE
            and len(before) >= 45
            and (
                (not has_noun and len(self.figure_positions) == 1)
                or of_a_reference(after)  # "rainfall ... was 75 percent of the average"
            )
        ):
            # "Occupancy of dengue beds in the public hospitals of Tegucigalpa reached 93
            # percent": the sentence's one figure (or a share of a reference level, of the
            # words before it), its subject further back than the words read around it
            subject = (
                content_word_tuple(text[clause[0] : mention.start]) if has_noun else clause_words
            )
            indicator = match(
                subject,
                subject,
                meant=self._meant(meanings, clause, mention, everywhere=True) if meanings else (),
            )
        if (
            indicator is None
            and kind == num.SHARE
            and len(self.figure_positions) == 1
            and points_back_to_a_whole(text, mention.end)
        ):
            # "More than a third of the victims were children" after the sentence that counts
            # the victims of explosive devices: that sentence says what the whole is
            indicator = self._of_the_whole_before(draft, match, primary, focus, clause_words)
        if (
            indicator is not None
            and has_noun
            and counts_another_thing(
                indicator, after, text[clause[0] : clause[1]], mention.start - clause[0]
            )
        ):
            # "1,700 schools" are not children out of school; "Mobile medical teams (142
            # teams) reached 96 settlements": the teams may still be another indicator
            ruled_out = frozenset({indicator.indicator_id})
            indicator = match(focus, clause_words, **primary, exclude=ruled_out)
            if indicator is not None and counts_another_thing(
                indicator, after, text[clause[0] : clause[1]], mention.start - clause[0]
            ):
                indicator = None
        if indicator is not None and kind == num.COUNT and has_noun:
            # "1,260 children with severe acute malnutrition were admitted": the admissions
            indicator = with_its_verb(
                self.catalogue,
                indicator,
                lambda ruled_out: match(focus, clause_words, **primary, exclude=ruled_out),
                clause_words,
                primary["noun"],
                text,
                mention.end,
                clause[1],
            )
        if (
            indicator is not None
            and kind == num.COUNT
            and has_noun
            and self._people_for_places(mention, indicator)
        ):
            # "48,000 people have fled to displacement sites": people, not the sites
            ruled_out = frozenset({indicator.indicator_id})
            indicator = match(focus, clause_words, **primary, exclude=ruled_out)
            if indicator is not None and self._people_for_places(mention, indicator):
                indicator = None
        if indicator is not None and kind == num.COUNT and has_noun:
            # "9,200 damaged across 38 villages", "in 11 health zones": the places, not the
            # houses or doses counted in them
            indicator = self._unless_places_for_things(
                mention, indicator, match, primary, focus, clause_words
            )
        if indicator is not None and id_numbers(indicator.indicator_id):
            # "below 135 mm" is no "..._below_125mm", "(IPC Phase 4)" no "..._phase_5": the id
            # of the number the text gives beside the figure, if the catalogue has it
            beside = numbered_beside(
                self.catalogue,
                indicator.indicator_id,
                text,
                mention,
                draft.sentence,
                self.figure_positions,
            )
            indicator = beside or self._unless_other_number(
                draft, indicator, match, primary, focus, clause_words
            )
        if kind == num.MONEY and (key := participle_key(text, mention.end)) is not None:
            # "of the $2.47 billion requested" after the donors' pledge: money requested
            indicator = named_by_its_participle(match, indicator, key, clause_words, primary)
        # "6,700 houses destroyed": of two ids the matcher reads alike, the one spelled here
        return as_spelled(self.catalogue, indicator, text, clause[0], mention, window.own_end)

    def _of_the_whole_before(self, draft, match, primary, focus, clause_words):
        """The catalogue share a figure's words match with those of the sentence before,
        which names the whole the share is of, or None."""
        whole = words_of_the_sentence_before(self.text, draft.sentence.start)
        return match(focus, clause_words + whole, **primary) if whole else None

    def _dated_apart(self, indicator, clause, clause_words, periods) -> bool:
        """Is the indicator one of a period since an origin ("CERF allocations since its
        creation") whose origin the clause leaves unsaid, while a date of the clause, not a
        "since", says when the figure holds ("In 2024, it allocated ...")?"""
        if (indicator.keys & _ORIGIN_KEYS) <= set(clause_words):
            return False
        return any(clause[0] <= p.start < clause[1] and p.role != "since" for p in periods)

    def _sentence_meanings(self, sentence) -> tuple[object, tuple]:
        """The phrasings of the catalogue's concepts in a sentence, looked for once for all
        its figures (and kept for the next of them)."""
        found = self.catalogue.lexicon.meanings(self.text, sentence.start, sentence.end)
        self._meanings_at = (sentence, found)
        return self._meanings_at

    def _meant(self, meanings, span: tuple[int, int], mention, everywhere: bool = False) -> tuple:
        """What the phrasings within `span` mean, for `Catalogue.match`: each as its key
        words, whether it stands in the figure's focus (the words read around it, or
        `everywhere`), its own words, and whether it is a compound whose words say nothing
        else of the figure: one among the figure's own words, between the figures before and
        after it ("The plan aims to reach 10.5 million of the 19.5 million people in need":
        the 10.5 million's), and not where one of its words names the figure ("(five killed,
        nine injured)" after "killed or injured"; but "12 deaths and injuries" are casualties)."""
        low, high = mention.start - 50, mention.end + 75
        return tuple(
            (
                m.words,
                everywhere or (m.start <= high and m.end >= low),
                m.said,
                m.whole and self._compound_is_its_own(m, mention),
            )
            for m in meanings
            if span[0] <= m.start and m.end <= span[1]
        )

    def _compound_is_its_own(self, meaning, mention) -> bool:
        """Does a compound phrasing stand among the figure's own words, none of its words the
        noun right after the figure (see `_meant`)?"""
        here = mention.number_start
        if meaning.start < here < meaning.end:
            return False  # "require US$ 4.3 billion to reach ...": the figure after's
        for position in self.figure_positions:
            if meaning.end < position < here:
                return False  # a figure between: the compound is that one's
            if position > here and position < meaning.end:
                return False  # after the next figure
        if 0 <= meaning.start - mention.end <= 1:
            return True  # "12 deaths and injuries"
        return meaning.said.isdisjoint(self._head_after(mention))

    def _change_after(self, mention) -> re.Match | None:
        """'9 percent fewer than in August': a change stated after its size, or None."""
        window = self.text[mention.end : mention.end + 9]
        if not any(window.startswith(hint) for hint in fc.CHANGE_AFTER_HINTS):
            return None
        match = fc.CHANGE_AFTER.match(self.text, mention.end)
        if match is None and self.text[mention.start - 2 : mention.start].lower() == "a ":
            return fc.CHANGE_NOUN_AFTER.match(self.text, mention.end)  # "a 22% decrease"
        return match if match is not None and match.group().strip().lower() != "than" else None
