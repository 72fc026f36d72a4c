"""What a figure read for itself measures: the catalogue indicator its own words match (read
by `figure_match.FigureMatching`), in the unit the catalogue keeps it in, or a new indicator
proposed from its words; or none, when the figure counts the report's method's reach, how long
an action took or where money went. A mixin of `figures.FigureReading`, which asks this of a
figure that takes no indicator from an earlier one."""

from __future__ import annotations

import re

from indicators.extract import figure_context as fc
from indicators.extract import numbers as num
from indicators.extract import patterns, vocabulary
from indicators.extract.catalogue import content_word_tuple, word_content
from indicators.extract.coordinated_verbs import verb_of_the_next_figure
from indicators.extract.figure_relations import _VERB_FORM
from indicators.extract.figure_units import proposed_unit, units_agree
from indicators.extract.figure_words import duration_of_an_action, from_a_word_start
from indicators.extract.pronoun_subjects import (
    opens_with_a_pronoun,
    referent,
    referred_indicator,
)
from indicators.extract.proposals import (
    change_of,
    part_before,
    part_of_whole,
    propose,
    restated_figure,
    share_of,
    share_of_target,
    whole_noun,
)
from indicators.extract.reached_by import reached_by_the_action_before
from indicators.extract.sample_sizes import counts_a_sample
from indicators.extract.share_wholes import verbs_of_the_part
from indicators.extract.short_names import named_in_full_before

_TARGET_KEYS = frozenset(content_word_tuple(" ".join(vocabulary.words("target_nouns"))))
_TARGET_KEY = content_word_tuple("target")[0]
# the words of a column header that says only that its figures are shares ("% of total")
# a bare figure's own words that open with its predicate: "18,200 that were destroyed",
# "another 96,000 are staying with relatives"
_OPENS_A_PREDICATE = re.compile(
    r"\s+(?:that|who|which|are|were|is|was|have|has|had|remain|remained)\s+[a-z]"
)
_OF_WHOLE = frozenset(content_word_tuple("share percent proportion total all"))
# the words of an indicator that counts a method's own reach ("households_surveyed")
_METHOD_KEYS = frozenset(
    content_word_tuple(
        " ".join(vocabulary.words("method_participles") + vocabulary.words("method_nouns"))
    )
)

# A figure that is the new level after a change: what it counts is the change's subject
_CHANGE_THEN_TO = re.compile(
    rf"\b{patterns.alternation(vocabulary.words('change_words'))}\b[^.;]*?,?\s+to\s+\Z",
    re.IGNORECASE,
)


class FigureIndicator:
    """Reads what the figures of a sentence measure (a mixin of the document run)."""

    # the last sentence read for a method verb, and where that verb ends (-1: none)
    _method_verb: tuple[object, int] = (None, -1)

    def _indicator(self, draft) -> tuple[str, str, bool, str] | None:
        """What a figure read for itself measures, as (indicator id, name, whether it is new,
        unit): the catalogue indicator its own words match, in the unit the catalogue keeps it
        in (a figure in another unit is a new indicator of the same measure), or a new one
        proposed from its words; None when the figure is no measure of an indicator (the
        method's reach, how long an action lasted, where money went)."""
        sentence, mention, window = draft.sentence, draft.mention, draft.window
        kind, unit, rate = draft.kind, draft.unit, draft.rate
        before, has_noun = window.before, window.has_noun
        own, focus, clause_words = self._own_and_clause_words(draft)
        indicator = self._catalogue_match(draft, own, focus, clause_words)
        if indicator is None and opens_with_a_pronoun(sentence.text):
            # "This is 14 per cent more than at the last count": the figure before's change
            referred = referent(self.observations, sentence.start)
            indicator = referred_indicator(self.catalogue, referred, kind, unit)
        if indicator is None and kind == num.COUNT and has_noun:  # "(38,210 cases)"
            indicator = named_in_full_before(
                self.catalogue, self.observations, self.text, mention, self._head_after(mention)
            )
        if indicator is not None and not units_agree(kind, unit, indicator.unit):
            # "the 500-day mark" beside an indicator kept in months: the same measure in
            # the stated unit, as a new indicator (500 days is not a whole number of months)
            indicator_id = f"{indicator.indicator_id}_{unit}"
            name, is_new = f"{indicator.name} ({unit})", True
            indicator = None
        elif (
            indicator is not None
            and kind == num.COUNT
            and not indicator.keys & _METHOD_KEYS
            and self._counts_method(sentence, mention)
        ):
            # "The HeRAMS assessment of 1,146 health facilities": the method's reach is
            # no count of what the indicator counts (households surveyed would be)
            return None
        elif indicator is not None:
            indicator_id, name, is_new = indicator.indicator_id, indicator.name, False
            unit = indicator.unit
        elif kind == num.DURATION and duration_of_an_action(before):
            # "Some walked for two days to reach the town": how long someone did
            # something, proposed as no indicator (a catalogue may still keep one)
            return None
        elif kind == num.COUNT and has_noun and self._counts_a_reach(mention):
            # "US$ 668 million to 38 countries": where the money went, proposed as no new
            # indicator (a catalogue may still keep countries reached)
            return None
        elif kind == num.COUNT and (
            self._counts_method(sentence, mention)
            or counts_a_sample(self.text, sentence.start, mention.start)
        ):
            # "The analysis covered 22 districts", "teams interviewed 1,250 households": the
            # method's reach or its sample, proposed as no new indicator (a catalogue may
            # still keep one, such as households surveyed)
            return None
        else:
            indicator_id, name = self._proposed(draft)
            is_new = True
        if is_new:
            unit = proposed_unit(kind, unit, rate)
        return indicator_id, name, is_new, unit

    def _own_and_clause_words(self, draft) -> tuple[frozenset, tuple, tuple]:
        """A figure's own words, its focus and its clause's words, less the words that name
        another figure (the one before whose verb it elides, the other counts of the clause,
        the whole it is a part of) and, after "against", read as the target of what the
        figure before achieved: (own, focus, clause_words)."""
        sentence, mention, window, words = draft.sentence, draft.mention, draft.window, draft.words
        kind, previous, against_target = draft.kind, draft.previous, draft.against_target
        text, clause = self.text, window.clause
        before, has_noun, own_end = window.before, window.has_noun, window.own_end
        focus, clause_words = words.focus, words.clause_words
        own, elided = self._own_words(mention, clause, previous, own_end)
        if own and reached_by_the_action_before(before):  # "..., reaching 38,900 children"
            own = own | frozenset(clause_words)  # the action before says what reached them
        if elided:  # "... were killed and 19 injured": "killed" is the figure before's
            clause_words = tuple(w for w in clause_words if w not in elided)
            focus = tuple(w for w in focus if w not in elided)
        elif kind == num.COUNT and has_noun and len(self.figure_positions) > 1:
            # "Two treatment centres with a total of 40 beds": beds name the 40, not the 2
            others = self._heads_of_other_counts(mention, clause)
            if others:
                clause_words = tuple(w for w in clause_words if w not in others)
                focus = tuple(w for w in focus if w not in others)
        next_verb = (
            verb_of_the_next_figure(text, mention.end, own_end)
            if own_end in self.figure_positions
            else frozenset()
        )
        if next_verb:  # "has infected 118,000 people ... and killed more than 3,000"
            clause_words = tuple(w for w in clause_words if w not in next_verb)
            focus = tuple(w for w in focus if w not in next_verb)
        whole_verbs = (
            self._verbs_of_the_whole(sentence, mention, before, previous)
            if kind != num.SHARE  # "2,170 were positive (45%)": a share of what was tested
            else frozenset()
        )
        if whole_verbs:
            # "612 contacts have been listed, of whom 598 ... completed 21 days of follow-up",
            # "Of the CHF 749,860 allocated, CHF 402,115 had been spent": listed, allocated
            # are what the whole is, not the part
            clause_words = tuple(w for w in clause_words if w not in whole_verbs)
            focus = tuple(w for w in focus if w not in whole_verbs)
            own = own - whole_verbs
        part_verbs = verbs_of_the_part(
            text, before, mention.end, clause[1], self.catalogue.verb_keys
        )
        if part_verbs:  # "23 percent of the US$ 38.5 million sought ... has been received"
            clause_words = tuple(w for w in clause_words if w not in part_verbs)
            focus = tuple(w for w in focus if w not in part_verbs)
            own = own - part_verbs
        if against_target:
            # "..., against a target of 8,000": what the figure before achieved, less
            # its verb ("received"), is what this one targets
            lead = text[sentence.start : mention.start]
            verbs = {
                read
                for word in _VERB_FORM.findall(lead)
                if (read := word_content(word)) in self.catalogue.verb_keys
            } - _TARGET_KEYS
            clause_words = tuple(
                w for w in content_word_tuple(text[sentence.start : clause[1]]) if w not in verbs
            ) + (_TARGET_KEY,)  # "against a planned 8,000": a target, whatever its word
            focus = tuple(w for w in focus if w not in verbs) + (_TARGET_KEY,)
            own = frozenset(clause_words)
        return own, focus, clause_words

    def _proposed(self, draft) -> tuple[str, str]:
        """The new indicator a figure that matched none is proposed as, from what its own
        words, its subject before it or its table column say it counts: (id, name)."""
        sentence, mention, window, words = draft.sentence, draft.mention, draft.window, draft.words
        kind, unit, rate = draft.kind, draft.unit, draft.rate
        text, before, after = self.text, window.before, window.after
        own_end, cell_label, column_place = window.own_end, words.cell_label, words.column_place
        # a date phrase ends the figure's own words ("40 percent of its funding so far this year")
        dated = [p.start for p in draft.periods if mention.end <= p.start < own_end]
        described = (
            mention.what if kind == num.RATE else text[mention.end : min(dated, default=own_end)]
        )
        if kind == num.MULTIPLIER or after.lstrip()[:1] in (",", ";", ".", ")", ""):
            described = ""  # what it is of comes before: "rubble removal could cost ..."
        # "electricity supply has fallen by three quarters", "food prices rose 40 percent": a
        # change of what comes before, in percent
        part = part_before(before) if kind == num.SHARE else None
        changed = (
            kind == num.SHARE
            and part is None  # "Women and girls make up 56 percent": no rise
            and bool(num.BY_CHANGE.search(before) or fc.CHANGE_STATED.search(before))
        )
        if changed:
            described = ""
        subject = from_a_word_start(text, mention.start - len(before), before)
        # a date phrase before the figure says when, not what ("By the end of June, 18,000")
        said = [
            p.end
            for p in draft.periods
            if mention.start - len(subject) < p.end <= mention.start
            and text[p.end : mention.start].lstrip().startswith(",")
        ]
        if said:
            subject = text[max(said) : mention.start]
        column = fc.header_of_column(text, sentence.start, mention.start) if cell_label else ""
        if column and kind == num.SHARE and set(content_word_tuple(column)) <= _OF_WHOLE:
            # "% of total" says only that it is a share: of what, the column before says
            column = fc.header_of_column(text, sentence.start, mention.start, 1) + " " + column
        if column_place:  # "38%" under "Nasir": the row says what it counts
            described, subject = sentence.text.split("|", 1)[0], ""
        elif column:  # "98,215" in "Pemba | 98,215 | 17%" under "District | IDPs | ...":
            described, subject = column, ""  # the column says what it counts
        change = _CHANGE_THEN_TO.search(before)
        if change is not None:  # "the number of people in camps has doubled ..., to 410,000"
            subject, described = before[: change.start()], ""
        indicator_id, name = propose(
            kind,
            unit,
            described,
            rate,
            subject,
            # (a key figure's label names it in up to three words: "Governorates reporting
            # cases: 19 of 22")
            long=kind == num.MULTIPLIER or bool(change) or changed or bool(words.label),
            change=changed,
            # the words past the next figure, for a predicate both share or one after an
            # aside ("240 schools and 36 clinics were damaged", "(14 per cent) had been")
            following=text[own_end : min(sentence.end, own_end + 120)],
            lead=text[max(sentence.start, mention.start - 200) : mention.start],
        )
        restated = restated_figure(text, mention, draft.previous) if kind == num.SHARE else None
        if restated is not None:  # "US$ 6.1 million (14 per cent) had been received"
            indicator_id, name = share_of(restated.observation)
        elif kind == num.SHARE and (
            of_target := share_of_target(text, mention.end, draft.previous)
        ):
            indicator_id, name = of_target  # "reached 465,000 people, 91 per cent of the target"
        elif part is not None:  # "Children under five account for 27 per cent of cases"
            indicator_id, name = part_of_whole(part, indicator_id)
        elif (
            kind == num.SHARE
            and not changed
            and draft.previous
            and text[mention.start - 4 : mention.start] in (", a ", "(a ", "; a ")
            and self._change_after(mention) is not None
        ):  # "18,900 new cases were recorded, a 14 per cent decrease": their change
            indicator_id, name = change_of(draft.previous[-1].observation)
        if kind == num.COUNT and draft.previous and _OPENS_A_PREDICATE.match(described):
            # "houses were damaged, including 18,200 that were destroyed", "another 96,000 are
            # staying with relatives": a bare figure with words of its own counts what the
            # figure before it counts (houses_destroyed, people_staying)
            noun = whole_noun([f.observation.indicator_id for f in draft.previous])
            if noun and not indicator_id.startswith(noun):
                indicator_id = f"{noun}_{indicator_id}"
                name = noun.replace("_", " ").capitalize() + " " + name.lower()
        return indicator_id, name

    def _counts_method(self, sentence, mention: num.NumberMention) -> bool:
        """Does the count count the report's own method ("by 45 analysts", "the 14
        governorates monitored")? The method verb is looked for once per sentence."""
        after = self.text[mention.end : mention.end + 40]
        before = self.text[max(sentence.start, mention.start - 40) : mention.start]
        if before.endswith(("of ", "the ")) and fc.METHOD_OF.search(before):
            return True  # "The HeRAMS assessment of 1,146 health facilities"
        if before.endswith(("=", "= ")) and fc.SAMPLE_SIZE.search(before):
            return True  # "(n=1,234)", "N = 640": the size of the sample asked
        if (
            any(hint in after for hint in fc.PARTICIPLE_HINTS)
            and " of " not in self.text[mention.start : mention.end]  # "60 of the 120 ...": 60
            and fc.COUNTED_PARTICIPLE.match(self.text, mention.end)
        ):
            return True
        cached, verb_end = self._method_verb
        if cached is not sentence:
            verb_end = fc.method_verb_end(sentence.text)
            self._method_verb = (sentence, verb_end)
        return fc.counts_method_reach(
            sentence.text, verb_end, mention.number_start - sentence.start
        )
