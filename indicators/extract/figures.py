"""Figures read from a sentence: what each figure measures (the catalogue indicator or a
proposed one, in which unit), its value and bounds, its period, who said it and where it holds.

`FigureReading` is the part of a document run (`pipeline._Run`) that reads them: it uses the
run's text, catalogue, publisher and publication day, the sentence's view, clauses, speakers
and places, and the figures read before in the sentence. `FigureReading._figure` reads one
figure in stages, each a method or a function of its own: its window and rate
(`figure_window`), the words it is matched by, the earlier figure whose indicator it takes, or
else the indicator it measures (`figure_indicator.FigureIndicator`), its value and bounds, and
its period (`figure_periods.FigurePeriods`). It includes the reading of vague amounts and
statuses (`figure_statuses.StatusReading`), the lookups of what surrounds a figure
(`figure_surroundings.FigureSurroundings`) and of how it relates to the figures before it
(`figure_relations.FigureRelations`). What needs no run lives apart: a figure's unit, value and
period in `figure_units`, word-level tests of its window in `figure_words`, the report's
sections and topic in `figure_context`, the record of a read figure in `figure_record`.
"""

from __future__ import annotations

from indicators.extract import figure_context as fc
from indicators.extract import numbers as num
from indicators.extract.attribution import speaker_for
from indicators.extract.average_rates import words_averaged
from indicators.extract.candidates import candidate_observation
from indicators.extract.catalogue import content_word_tuple, figure_family
from indicators.extract.column_currencies import column_currency
from indicators.extract.figure_indicator import FigureIndicator
from indicators.extract.figure_match import FigureMatching
from indicators.extract.figure_periods import FigurePeriods
from indicators.extract.figure_record import _Figure
from indicators.extract.figure_relations import _BASELINE_BEFORE, _BASELINE_HINTS, FigureRelations
from indicators.extract.figure_statuses import StatusReading
from indicators.extract.figure_surroundings import FigureSurroundings
from indicators.extract.figure_units import convert, implausible
from indicators.extract.figure_window import FigureDraft, FigureWindow, MatchWords, rate_of
from indicators.extract.figure_words import (
    participle_clause_start,
    whole_words,
    without_words_after,
)
from indicators.extract.gazetteer import BY_LOWER, CANONICAL
from indicators.extract.numbered_ids import numbered_sibling
from indicators.extract.participle_subjects import subject_before_participle, verb_before
from indicators.extract.place_populations import a_places_people
from indicators.extract.row_scales import row_scale, scaled_bounds
from indicators.extract.running_total_words import (
    in_running_total,
    running_total_after,
    without_increment_words,
)
from indicators.extract.with_adjuncts import words_of_the_clause_before


class FigureReading(
    FigureIndicator,
    FigureMatching,
    FigurePeriods,
    FigureSurroundings,
    FigureRelations,
    StatusReading,
):
    """Reads the figures of a sentence (a mixin of the document run)."""

    def _figure(self, sentence, mention, attributions, speech, periods, previous) -> _Figure | None:
        """The figure `mention` of `sentence` read as a candidate, or None when it is no
        measure of an indicator (a plan's target, the method's reach, an action's duration):
        its window and rate, the words it is matched by, the earlier figure it takes its
        indicator from or else the indicator it measures, its value and bounds, its speaker and
        its period."""
        text = self.text
        if (
            sentence.text[:1] in fc.PLAN_FIRST
            and fc.PLAN_START.match(sentence.text)
            and not fc.label_of_row(text, sentence.start, mention.start)
        ):
            return None  # "- Restore at least 20 litres per person per day": a target
            # (not a row of figures: "Repair boreholes: 12%")
        clause = self._clause(sentence, mention.number_start)
        window = FigureWindow(text, clause, mention, self.figure_positions, periods)
        rate, kind, unit = rate_of(text, mention, clause, window.after)
        kind, unit = column_currency(text, sentence, mention, kind, unit)  # "Budget (CHF)"
        words = self._focus_and_clause_words(sentence, mention, window, kind, unit)
        family = figure_family(kind, unit, rate)
        before, after = window.before, window.after
        against_target = (
            before.find("against") >= 0 or before.find(" of ", len(before) - 24) >= 0
        ) and self._against_target(before, after)
        draft = FigureDraft(
            sentence,
            mention,
            window,
            words,
            kind,
            unit,
            rate,
            family,
            previous,
            periods,
            against_target,
        )
        inherited, rate = self._inherited(draft)
        if inherited is not None:  # it measures what the earlier figure measures
            family = inherited.family
            unit = inherited.observation.unit
            indicator_id = inherited.observation.indicator_id
            name = inherited.observation.indicator_name
            is_new = inherited.observation.indicator_is_new
        else:
            measured = self._indicator(draft)
            if measured is None:
                return None  # the method's reach, an action's duration, where money went
            indicator_id, name, is_new, unit = measured
        sibling = numbered_sibling(
            self.catalogue, indicator_id, text, mention, sentence, self.figure_positions
        )
        if sibling is not None:  # "118,000 in Emergency (IPC Phase 4)": the id of that number
            indicator_id, name, is_new = sibling.indicator_id, sibling.name, False
        notes = [mention.note] if mention.note else []
        value, low, high = self._value_and_bounds(mention, unit, indicator_id, clause, notes)
        covering = speaker_for(mention.number_start, attributions)
        speaker, reported_on, reported_as_stated, _ = self._attribution(
            mention.number_start, attributions, speech, covering
        )
        period, fields = self._figure_period(
            mention, clause, periods, covering, inherited, previous
        )
        review = implausible(kind, unit, value)
        if review:
            notes.append("needs review: " + review)
        observation = candidate_observation(
            sentence,
            (indicator_id, name, is_new, unit),
            text[mention.start : mention.end],
            (speaker, reported_on, reported_as_stated),
            fields,
            CANONICAL.get(words.column_place, words.column_place)
            or self._location(sentence, clause, mention.number_start),
            value=value,
            value_low=low,
            value_high=high,
            qualifier=mention.qualifier,
            provisional=mention.provisional,
            notes="; ".join(notes),
            review=review,
        )
        if period is not None and period.start < sentence.start:
            self._quote_from_lead_in(observation, period)
        return _Figure(mention, observation, clause, window.has_noun, period, family, rate)

    def _focus_and_clause_words(self, sentence, mention, window, kind: str, unit: str):
        """The words a figure is matched by (`MatchWords`): its focus, with its row's label,
        its table cell's or its list's lead-in, and its clause's words, with its cell's label
        and its table's caption; less the words that name the other figures in parentheses,
        plus the IPC phase the clause names."""
        text, clause = self.text, window.clause
        before, after, in_parentheses = window.before, window.after, window.in_parentheses
        focus_text = whole_words(before, after)
        averaged = words_averaged(text, sentence.start, mention.start)
        if averaged:  # "..., an average of some 8,000 a day": a rate of what came before
            focus_text = averaged + " " + focus_text
        subject = subject_before_participle(before) if len(before) > 45 else ""
        if subject:  # "Settler attacks resulting in casualties ... rose to 148": attacks,
            # not the casualties that qualify them
            focus_text = subject + " " + verb_before(before) + " " + whole_words("", after)
        label = fc.label_of_row(text, clause[0], mention.start)
        if label:  # "Global acute malnutrition (weight-for-height ...): 14.8%"
            focus_text = label + " " + focus_text
        cell_label = (
            fc.label_of_table_cell(text, sentence.start, mention.start)
            if sentence.text.find("|") >= 0
            else ""
        )
        column_place = ""
        if cell_label:
            column = fc.header_of_column(text, sentence.start, mention.start)
            column_place = BY_LOWER.get(column.lower(), "")
            if column_place:  # "Poor food consumption score | 38% | 29%" under "Food
                # consumption | Nasir | Ulang": the row says what, the column where
                first = cell_label[: len(cell_label) - len(column)].strip()
                cell_label = f"{first} {sentence.text.split('|', 1)[0].strip()}"
        if cell_label:  # "Pemba | 98,215 | 17%" under "District | IDPs | % of total"
            # a count in a district's row counts no districts (its share may be one "in" it)
            own_label = fc.without_level(cell_label) if kind == num.COUNT else cell_label
            focus_text = own_label + " " + focus_text
        elif label and clause[0] == sentence.start:
            # "- Chad: $10 million" under "Allocations by country:": what the rows are
            cell_label = fc.lead_in_of_list(text, sentence.start)
            if cell_label and fc.is_donor_lead_in(cell_label):
                # "- Germany: €70 million" under "The largest pledges announced were:": the
                # label names who gave, a donor, not what the figure is
                focus_text = focus_text.replace(label, "donor", 1)
            focus_text = cell_label + " " + focus_text
        if kind == num.MEASURE and " per " in unit:
            focus_text += " " + unit  # "per capita" is read as "per person"
        focus = content_word_tuple(focus_text)
        clause_words = content_word_tuple(
            # the sentence's own string when the clause is all of it: its words are then read
            # once for the figure, the paragraph and the status (the cache knows it)
            sentence.text
            if clause == (sentence.start, sentence.end)
            else text[clause[0] : clause[1]]
        )
        if clause[0] > sentence.start:  # ", with 14 deaths": of what the clause before says
            clause_words += words_of_the_clause_before(text, sentence.start, clause[0])
        participle = participle_clause_start(text, mention.end, clause[1])
        if participle < 0:  # "238 new cases ..., bringing the number it follows ... to 7,615"
            participle = running_total_after(text, mention.end, clause[1])
        if participle >= 0:  # "41 attacks ..., killing 12 health workers": the 12's words
            clause_words, focus = without_words_after(text, clause, participle, focus)
        elif in_running_total(text, clause[0], mention.start):  # "... to 7,615": the
            # total's words, not the "new" cases it adds up
            clause_words = without_increment_words(clause_words)
            focus = without_increment_words(focus)
        if cell_label:
            clause_words += content_word_tuple(cell_label)
            if text.find("|", sentence.start, sentence.end) >= 0:
                # "Table 1. Confirmed and probable cases ...": what all its cells count
                clause_words += content_word_tuple(fc.caption_of_table(text, sentence.start))
        if in_parentheses and len(self.figure_positions) > 1:
            # the words just before each other figure in parentheses name that figure
            others = self._heads_of_asides(mention, clause)
            if others:
                clause_words = tuple(w for w in clause_words if w not in others)
                focus = tuple(w for w in focus if w not in others)
        if text.find("hase", clause[0], clause[1]) >= 0:  # "in IPC Phase 3 (Crisis) or above"
            phase_words = fc.phase_words(text[clause[0] : clause[1]])
            clause_words += phase_words
            focus += phase_words
        return MatchWords(focus, clause_words, label, cell_label, column_place)

    def _inherited(self, draft):
        """The earlier figure of the sentence whose indicator a figure takes (a bare figure
        takes the nearest of its family's, a count the one it is the baseline of) and the rate
        it is then read with, or (None, rate) when it is read for itself."""
        sentence, mention, window, kind = draft.sentence, draft.mention, draft.window, draft.kind
        unit, rate, family = draft.unit, draft.rate, draft.family
        cell_label, previous = draft.words.cell_label, draft.previous
        against_target = draft.against_target
        text, clause = self.text, window.clause
        before, after = window.before, window.after
        has_noun, dated_after = window.has_noun, window.dated_after
        inherited = None
        if (
            not has_noun
            and previous
            and not cell_label
            and not against_target
            # "Of Nasir's 245,000 people, 32,000 ...": a part of the place's people, read for
            # itself
            and not (
                previous[-1].mention is not None
                and a_places_people(text, previous[-1].mention.start, previous[-1].mention.end)
            )
        ):
            # (a table's cell: its column says)
            # "7 million people, one in three ..., compared with 6.9 million": the nearest
            # earlier figure of the same family says what a bare one counts
            same = [f for f in previous if f.family == family or f.family == "rate:" + f.rate]
            if len(same) > 1 and text.find(")", sentence.start, mention.start) >= 0:
                # "14 people were killed or injured (five killed, nine injured), against 11":
                # a figure in parentheses closed before it restates a part, not the subject
                same = [f for f in same if not self._in_closed_aside(f, mention)] or same
            if (
                len(same) > 1
                and "from " in before  # "up from", "down from": the one hint to test first
                and _BASELINE_BEFORE.search(before)
            ):
                # "412,000 people ... in 14 local government areas ..., up from 265,000": the
                # baseline of the figure that changed, not of the count of where
                same = [f for f in same if not self._in_place_phrase(f)] or same
            inherited = same[-1] if same else previous[-1]
        elif has_noun and kind == num.COUNT and previous and not cell_label:
            inherited = self._baseline_of(mention, before, previous)
        if inherited is not None and (
            (
                kind in (num.MONEY, num.MEASURE)
                and inherited.observation.unit.startswith(unit + " per ")
            )
            or (
                kind == num.COUNT
                and inherited.mention is not None
                and inherited.mention.kind == num.RATE
                and any(hint in before for hint in _BASELINE_HINTS)
                and _BASELINE_BEFORE.search(before)
            )
        ):  # "cut to US$ 8 per person per month, then restored to US$ 12": the same measure
            # ("14.2 litres per person per day, down from 17.8 litres"; "1.9 deaths per 100
            # attempted crossings ..., against 1.2 in the same quarter of 2024": the same rate)
            return inherited, rate
        if (
            inherited is not None
            and inherited.family in (family, "rate:" + inherited.rate)
            and (kind == num.COUNT or (kind == num.SHARE and dated_after))
            and not self._named_after(
                family, after, inherited, content_word_tuple(sentence.text), sentence
            )
            and not self._named_before(family, mention, inherited, clause)
        ):
            return inherited, rate or inherited.rate
        return None, rate

    def _row_start(self, mention) -> int:
        """Where the line of a figure starts, when the figure is a plain number of at most
        three digits after a row's label ("WASH: 13.6"), else -1."""
        token = self.text[mention.number_start : mention.end]
        if len(token) > 5 or not token[:1].isdigit() or "," in token:
            return -1
        return self.text.rfind("\n", 0, mention.start) + 1

    def _value_and_bounds(self, mention, unit: str, indicator_id: str, clause, notes: list):
        """A figure's value and bounds in `unit` (converted from the unit it was stated in,
        noting a conversion in `notes`), negated when a change of it is a fall ("fell by 3
        percent"): (value, low, high)."""
        text, value = self.text, mention.value
        value, low, high = convert(
            value, mention.value_low, mention.value_high, mention.unit, unit, notes
        )
        if mention.kind == num.COUNT and unit == "count" and clause[0] == self._row_start(mention):
            factor = row_scale(text, clause[0], mention.start)  # "(people in need, millions):"
            if factor != 1:
                value, low, high = scaled_bounds(value, low, high, factor)
        if value is not None and unit in fc.CHANGE_UNITS and indicator_id.endswith("_change"):
            fall = fc.FALL_BEFORE.search(text, max(clause[0], mention.start - 40), mention.start)
            if fall is None:  # "9 percent fewer than in August"
                after_change = self._change_after(mention)
                fall = after_change if after_change and after_change.group("fall") else None
            if fall is not None:  # "fell by 3 percent": a change of -3
                value, low, high = -value, fc.negated(high), fc.negated(low)
        return value, low, high
