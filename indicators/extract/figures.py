"""Figures read from a sentence: what each figure measures (the catalogue indicator or a
proposed one, in which unit), its value and bounds, its period, who said it and where it holds.

`FigureReading` is the part of a document run (`pipeline._Run`) that reads them: it uses the
run's text, catalogue, publisher and publication day, the sentence's view, clauses, speakers
and places, and the figures read before in the sentence. It includes the reading of vague
amounts and statuses (`figure_statuses.StatusReading`) and the lookups of what surrounds a
figure (`figure_surroundings.FigureSurroundings`). What needs no run lives apart: a figure's
unit, value and period in `figure_units`, word-level tests of its window in `figure_words`,
the report's sections and topic in `figure_context`, the record of a read figure in
`figure_record`.
"""

from __future__ import annotations

import re
from functools import partial

from indicators.extract import figure_context as fc
from indicators.extract import numbers as num
from indicators.extract import patterns, vocabulary
from indicators.extract.attribution import speaker_for
from indicators.extract.candidates import candidate_observation
from indicators.extract.catalogue import (
    content_word_tuple,
    figure_family,
    propose,
    word_content,
)
from indicators.extract.figure_periods import FigurePeriods
from indicators.extract.figure_record import _Figure
from indicators.extract.figure_relations import (
    _BASELINE_BEFORE,
    _BASELINE_HINTS,
    _VERB_FORM,
    FigureRelations,
)
from indicators.extract.figure_statuses import StatusReading
from indicators.extract.figure_surroundings import FigureSurroundings
from indicators.extract.figure_units import (
    convert,
    implausible,
    period_fields,
    proposed_unit,
    units_agree,
)
from indicators.extract.figure_window import figure_window, rate_of
from indicators.extract.figure_words import (
    counts_another_thing,
    duration_of_an_action,
    from_a_word_start,
    whole_words,
)
from indicators.extract.gazetteer import BY_LOWER, CANONICAL
from indicators.extract.sentence_view import Context

_CHANGE_KEY = content_word_tuple("change")[0]
_TARGET_KEYS = frozenset(content_word_tuple(" ".join(vocabulary.words("target_nouns"))))
_TARGET_KEY = content_word_tuple("target")[0]
# the words of a column header that says only that its figures are shares ("% of total")
_OF_WHOLE = frozenset(content_word_tuple("share percent proportion total all"))
# the words of an indicator that counts a method's own reach ("households_surveyed")
_METHOD_KEYS = frozenset(
    content_word_tuple(
        " ".join(vocabulary.words("method_participles") + vocabulary.words("method_nouns"))
    )
)

# the words of an origin a period runs from ("since its creation in 2006"): an indicator
# counted since one is not what a figure dated on its own counts
_ORIGIN_KEYS = frozenset(
    content_word_tuple(" ".join(vocabulary.words("since_event_nouns", "dates")))
)

# "in the same quarter of 2024": the span of a period stated before, in another year
_SAME_SPAN_OF = re.compile(
    r"\bthe\s+same\s+(?:period|quarter|months?|weeks?|season|time)\s+(?:of|in)\s+\Z",
    re.IGNORECASE,
)
# A figure that is the new level after a change: what it counts is the change's subject
_CHANGE_THEN_TO = re.compile(
    rf"\b{patterns.alternation(vocabulary.words('change_words'))}\b[^.;]*?,?\s+to\s+\Z",
    re.IGNORECASE,
)


class FigureReading(FigurePeriods, FigureSurroundings, FigureRelations, StatusReading):
    """Reads the figures of a sentence (a mixin of the document run)."""

    # the last sentence read for a method verb, and where that verb ends (-1: none)
    _method_verb: tuple[object, int] = (None, -1)
    # the last sentence read for the phrasings of the catalogue's concepts, and those found
    _meanings_at: tuple[object, tuple] = (None, ())

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

    def _figure(self, sentence, mention, attributions, speech, periods, previous) -> _Figure | None:
        text = self.text
        if (
            sentence.text[:1] in fc.PLAN_FIRST
            and fc.PLAN_START.match(sentence.text)
            and not fc.label_of_row(text, sentence.start, mention.start)
        ):
            return None  # "- Restore at least 20 litres per person per day": a target
            # (not a row of figures: "Repair boreholes: 12%")
        clause = self._clause(sentence, mention.number_start)
        window = figure_window(text, clause, mention, self.figure_positions, periods)
        after, own_end, in_parentheses = window.after, window.own_end, window.in_parentheses
        before, has_noun = window.before, window.has_noun
        rate, kind, unit = rate_of(text, mention, clause, after)
        value = mention.value
        focus, clause_words, label, cell_label, column_place = self._focus_and_clause_words(
            sentence, mention, window, kind, unit
        )
        family = figure_family(kind, unit, rate)
        indicator = None
        against_target = before.find("against") >= 0 and self._against_target(before, after)
        inherited, rate = self._inherited(
            sentence,
            mention,
            window,
            kind,
            unit,
            rate,
            family,
            cell_label,
            previous,
            against_target,
        )
        if inherited is not None:  # it measures what the earlier figure measures
            family = inherited.family
            unit = inherited.observation.unit
            indicator_id = inherited.observation.indicator_id
            name = inherited.observation.indicator_name
            is_new = inherited.observation.indicator_is_new
        else:
            own, elided = self._own_words(mention, clause, previous, own_end)
            if elided:  # "... were killed and 19 injured": "killed" is the figure before's
                clause_words = tuple(w for w in clause_words if w not in elided)
                focus = tuple(w for w in focus if w not in elided)
            elif kind == num.COUNT and has_noun and len(self.figure_positions) > 1:
                # "Two treatment centres with a total of 40 beds": beds name the 40, not the 2
                others = self._heads_of_other_counts(mention, clause)
                if others:
                    clause_words = tuple(w for w in clause_words if w not in others)
                    focus = tuple(w for w in focus if w not in others)
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
                    w
                    for w in content_word_tuple(text[sentence.start : clause[1]])
                    if w not in verbs
                ) + (_TARGET_KEY,)  # "against a planned 8,000": a target, whatever its word
                focus = tuple(w for w in focus if w not in verbs) + (_TARGET_KEY,)
                own = frozenset(clause_words)
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
                if self._sections is not None
                and not self._sections.starts
                and self._topic is not None
                else self._topic_and_section(sentence.start)
            )
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
                and not has_noun
                and len(before) >= 45
                and len(self.figure_positions) == 1
            ):
                # "Occupancy of dengue beds in the public hospitals of Tegucigalpa reached 93
                # percent": the sentence's one figure, its subject further back than the words
                # read around it
                indicator = match(
                    clause_words,
                    clause_words,
                    meant=self._meant(meanings, clause, mention, everywhere=True)
                    if meanings
                    else (),
                )
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
            elif kind == num.COUNT and self._counts_method(sentence, mention):
                # "The analysis covered 22 districts": the method's reach, proposed as no new
                # indicator (a catalogue may still keep one, such as households surveyed)
                return None
            else:
                described = mention.what if kind == num.RATE else text[mention.end : own_end]
                if kind == num.MULTIPLIER or after.lstrip()[:1] in (",", ";", ".", ")", ""):
                    described = ""  # what it is of comes before: "rubble removal could cost ..."
                elif kind == num.SHARE and num.BY_CHANGE.search(before):
                    described = ""  # "electricity supply has fallen by three quarters"
                subject = from_a_word_start(text, mention.start - len(before), before)
                column = (
                    fc.header_of_column(text, sentence.start, mention.start) if cell_label else ""
                )
                if column and kind == num.SHARE and set(content_word_tuple(column)) <= _OF_WHOLE:
                    # "% of total" says only that it is a share: of what, the column before says
                    column = (
                        fc.header_of_column(text, sentence.start, mention.start, 1) + " " + column
                    )
                if column_place:  # "38%" under "Nasir": the row says what it counts
                    described, subject = sentence.text.split("|", 1)[0], ""
                elif column:  # "98,215" in "Pemba | 98,215 | 17%" under "District | IDPs | ...":
                    described, subject = column, ""  # the column says what it counts
                change = _CHANGE_THEN_TO.search(before)
                if (
                    change is not None
                ):  # "the number of people in camps has doubled ..., to 410,000"
                    subject, described = before[: change.start()], ""
                indicator_id, name = propose(
                    kind,
                    unit,
                    described,
                    rate,
                    subject,
                    long=kind == num.MULTIPLIER or bool(change),
                )
                is_new = True
            if is_new:
                unit = proposed_unit(kind, unit, rate)
        notes = [mention.note] if mention.note else []
        value, low, high = convert(
            value, mention.value_low, mention.value_high, mention.unit, unit, notes
        )
        if value is not None and unit in fc.CHANGE_UNITS and indicator_id.endswith("_change"):
            fall = fc.FALL_BEFORE.search(text, max(clause[0], mention.start - 40), mention.start)
            if fall is None:  # "9 percent fewer than in August"
                after_change = self._change_after(mention)
                fall = after_change if after_change and after_change.group("fall") else None
            if fall is not None:  # "fell by 3 percent": a change of -3
                value, low, high = -value, fc.negated(high), fc.negated(low)
        covering = speaker_for(mention.number_start, attributions)
        speaker, reported_on, reported_as_stated, _ = self._attribution(
            mention.number_start, attributions, speech, covering
        )
        period = self._period_for(
            mention.number_start, clause, periods, covering, self.figure_positions
        )
        running_total = (
            period is None and self._running_total_start(mention.number_start, clause) >= 0
        )
        if period is None and inherited is not None and not running_total:
            period = inherited.period
        if period is None and previous and not running_total:
            # "87 per cent of households surveyed in January ..., and about two in five ..."
            # (not from a change: "tripled since January" is the change's own window)
            earlier = [
                f
                for f in previous
                if f.period is not None
                and f.mention is not None
                and f.mention.kind != num.MULTIPLIER
            ]
            if earlier and earlier[-1].clause != clause:
                period = earlier[-1].period
        fields = period_fields(period)
        if period is not None and period.text[-4:].isdigit() and len(period.text) <= 7:
            # ("of 2024": the phrase may hold its "of")
            same = _SAME_SPAN_OF.search(text, max(0, period.start - 40), period.end - 4)
            if same is not None:
                # "against 11 in the same quarter of 2024", after "between April and June
                # 2025": the sentence's (or the text before's) period, in that year
                fields = self._same_span_in(
                    int(period.text[-4:]), previous, fields, (same.start(), period.end)
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
            CANONICAL.get(column_place, column_place)
            or self._location(sentence, clause, mention.number_start),
            value=value,
            value_low=low,
            value_high=high,
            qualifier=mention.qualifier,
            provisional=mention.provisional,
            notes="; ".join(notes),
            review=review,
        )
        return _Figure(mention, observation, clause, has_noun, period, family, rate)

    def _focus_and_clause_words(self, sentence, mention, window, kind: str, unit: str):
        """The words a figure is matched by: its focus (the words read around it, with its
        row's label, its table cell's or its list's lead-in) and its clause's words (with its
        cell's label and its table's caption), less the words that name the other figures in
        parentheses, plus the IPC phase the clause names. Returns them with the label of its
        row, of its cell (or its list's lead-in) and the place its column names (or ""):
        (focus, clause_words, label, cell_label, column_place)."""
        text, clause = self.text, window.clause
        before, after, in_parentheses = window.before, window.after, window.in_parentheses
        focus_text = whole_words(before, after)
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
        return focus, clause_words, label, cell_label, column_place

    def _inherited(
        self, sentence, mention, window, kind, unit, rate, family, cell_label, previous, against
    ):
        """The earlier figure of the sentence whose indicator a figure takes (a bare figure
        takes the nearest of its family's, a count the one it is the baseline of) and the rate
        it is then read with, or (None, rate) when it is read for itself."""
        text, clause = self.text, window.clause
        before, after, has_noun, dated_after = (
            window.before,
            window.after,
            window.has_noun,
            window.dated_after,
        )
        inherited = None
        if not has_noun and previous and not cell_label and not against:
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
        for position in self.figure_positions:
            if position < here and position > meaning.start:
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
        return match if match is not None and match.group().strip().lower() != "than" else None
