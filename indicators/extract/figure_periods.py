"""When a figure holds: the date phrase of its clause that is its period, the running
totals whose dates are their own ("..., bringing the total since 2022 to 263,400"), and the
period of a change stated by its span ("doubled in three months"). A mixin of
`figures.FigureReading`, which asks these while it reads a figure (and `figure_statuses` for
the statuses it reads)."""

from __future__ import annotations

import re

from dateutil.relativedelta import relativedelta

from indicators.dates import canonical_start
from indicators.extract import figure_context as fc
from indicators.extract import numbers as num
from indicators.extract import vocabulary
from indicators.extract.coordinate_clauses import figureless_clause_end
from indicators.extract.date_atoms import DateAtom
from indicators.extract.dates import DatePhrase
from indicators.extract.event_baselines import told_before_an_event
from indicators.extract.figure_relations import _BASELINE_BEFORE, _BASELINE_HINTS
from indicators.extract.figure_units import period_fields
from indicators.extract.plan_years import of_another_figures_plan
from indicators.extract.sentences import BULLET

# "About 7 million people, one in three Chadians, need ...": the second figure restates the
# first, and the dates after both are both figures' (the pattern runs from the first's digits)
_APPOSITION = re.compile(r"[^,;]{1,40},\s*")
# "..., bringing the total of refugees registered in South Sudan to 263,400": a running total
_RUNNING_TOTAL_OPENS = (
    r"\b(?:"
    + vocabulary.alternatives(vocabulary.words("running_total_verbs"))
    + r")\s+(?:the|its|their)\s+(?:\w+\s+)?(?:"
    + vocabulary.alternatives(vocabulary.words("running_total_nouns"))
    + r")\b"
)
# "... to 263,400", "... to about 725,000": the figure a running total comes to
_TO_HEDGED = r"\bto\s+(?:(?:" + vocabulary.alternatives(vocabulary.words("hedges")) + r")\s+)?\Z"
_RUNNING_TOTAL = re.compile(_RUNNING_TOTAL_OPENS + r"[^.;]{0,120}?" + _TO_HEDGED, re.IGNORECASE)
_HEDGES = frozenset(vocabulary.words("hedges"))
_RUNNING_TOTAL_AHEAD = re.compile(_RUNNING_TOTAL_OPENS, re.IGNORECASE)
# the verbs as written mid-sentence: the cheap test before the pattern is tried on a clause
_RUNNING_TOTAL_VERBS = tuple(vocabulary.words("running_total_verbs"))

# "in the same quarter of 2024": the span of a period stated before, in another year
_SAME_SPAN_OF = re.compile(
    r"\bthe\s+same\s+(?:period|quarter|months?|weeks?|season|time)\s+(?:of|in)\s+\Z",
    re.IGNORECASE,
)


# how far above a row its lead-in may stand (characters) and still date it
_LEAD_IN_REACH = 600


class FigurePeriods:
    """Reads when the figures of a sentence hold (a mixin of the document run)."""

    def _change_period(self, mention: num.NumberMention) -> DatePhrase:
        """'doubled in three months': from three months before the report to its day."""
        unit = mention.unit.rstrip("s")
        count = int(mention.value or 1)
        back = relativedelta(**{unit + "s": count}) if unit != "hour" else relativedelta()
        precision = {"hour": "day"}.get(unit, unit)
        day = self.published - back
        text = self.text[mention.start : mention.end]
        phrase = DatePhrase(mention.start, mention.end, text, "range")
        phrase.first = DateAtom(
            canonical_start(day, precision), precision, text, mention.start, mention.end
        )
        phrase.last = DateAtom(self.published, "day", text, mention.start, mention.end)
        return phrase

    def _running_totals(self, clause: tuple[int, int]) -> list[int]:
        """Where the running totals of a clause open ("bringing the total of ..."), read once
        per clause for all its figures."""
        cache = getattr(self, "_running_total_cache", None)
        if cache is None:
            cache = self._running_total_cache = {}
        found = cache.get(clause)
        if found is None:
            text, (start, end) = self.text, clause
            found = (
                [m.start() for m in _RUNNING_TOTAL_AHEAD.finditer(text, start, end)]
                if any(text.find(verb, start, end) >= 0 for verb in _RUNNING_TOTAL_VERBS)
                else []
            )
            cache[clause] = found
        return found

    def _running_total_start(self, position: int, clause: tuple[int, int]) -> int:
        """Where the running total a figure at `position` ends ("..., bringing the total of
        refugees registered to 263,400") opens, or -1."""
        text = self.text
        if text[max(clause[0], position - 3) : position] != "to ":
            # "... to about 725,000": "to", then a hedge, then the figure
            to = text.rfind("to ", max(clause[0], position - 30), position)
            if to < 0 or text[to + 3 : position].strip().lower() not in _HEDGES:
                return -1
        for start in reversed(self._running_totals(clause)):
            if start < position and _RUNNING_TOTAL.match(self.text, start, position):
                return start
        return -1

    def _figure_period(self, mention, clause, periods, covering, inherited, previous):
        """When a figure holds: the date phrase of its clause its speaker leaves to it, else
        the period of the figure it takes its indicator from or of an earlier figure (not a
        running total's, whose dates are its own words'); with its period fields, in the year
        a "the same quarter of 2024" names: (period, fields)."""
        text = self.text
        period = self._period_for(
            mention.number_start, clause, periods, covering, self.figure_positions
        )
        if period is not None and told_before_an_event(text, mention.end, clause[1]):
            return None, period_fields(None)  # "against 500 trucks a day before the war"
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
                if of_another_figures_plan(text, period, mention, self.figure_mentions):
                    period = None  # "requires US$ 54 million for 2025; 31% has been received"
        if period is None and not running_total and self.lead_in_periods:
            period = self._lead_in_period(mention.number_start)
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
        return period, fields

    def _remember_lead_in(self, sentence, periods: list[DatePhrase]) -> None:
        """A sentence ending in a colon that names one period ("Medical activities in Tawila,
        1–21 October 2025:", "The assessment, conducted between 1 and 20 September, found:")
        dates the rows of the list it opens."""
        kept = [
            p
            for p in periods
            if not fc.compared_with(p, self.text) and not fc.names_an_event(p, self.text)
        ]
        if len(kept) == 1:
            self.lead_in_periods[sentence.end] = kept[0]

    def _lead_in_period(self, position: int):
        """The period the lead-in of the list whose row holds `position` names, or None."""
        text = self.text
        line_start = text.rfind("\n", 0, position) + 1
        row = text[line_start:position]
        if not (BULLET.match(row.lstrip()) or ":" in row):
            line_end = text.find("\n", position)
            if text[position : line_end if line_end >= 0 else len(text)].rstrip()[-1:] in ".!?":
                return None  # a sentence after the list, not one of its rows
        lead_in = fc.lead_in_start(text, line_start)
        if lead_in < 0:
            return None
        if line_start - lead_in > _LEAD_IN_REACH:
            return None  # too far up for one quote to hold the lead-in and the row
        line_end = text.find("\n", lead_in)
        line = text[lead_in : line_end if line_end >= 0 else len(text)]
        return self.lead_in_periods.get(lead_in + len(line.rstrip()))

    def _quote_from_lead_in(self, observation, period: DatePhrase) -> None:
        """A row dated by its list's lead-in quotes the lead-in too, so the quote holds the
        period it states ("Devices destroyed, April–June 2025:" down to the row)."""
        start = self.text.rfind("\n", 0, period.start) + 1
        observation.quote_start = start
        observation.quote = self.text[start : observation.quote_end]

    def _period_for(
        self,
        position: int,
        clause: tuple[int, int],
        periods: list[DatePhrase],
        covering=None,
        figures_here: list[int] | None = None,
    ):
        """The date phrase a figure's period comes from: in its clause and within what its
        speaker is credited with (a date before 'X said' that is not a 'since' belongs to
        the speaking, not the figure)."""
        inside = [
            p
            for p in periods
            if clause[0] <= p.start < clause[1]
            and not fc.compared_with(p, self.text)
            and not fc.names_an_event(p, self.text)  # "after the 28 March earthquake"
            and not (p.start > position and fc.after_an_event(p, self.text, position))
        ]
        if inside and any(fc.names_a_plan(p, self.text) for p in inside):
            mention = self._mention_at(position)
            if mention is not None and mention.kind != num.MONEY:
                # "The 2025 appeal is only 27 per cent funded", "the 2025 Humanitarian Response
                # Plan, which aims to reach 10.5 million": the year names the plan; its share
                # and its counts hold now (what "the 2025 appeal ... is for US$ 1.1 billion"
                # asks is for 2025)
                inside = [p for p in inside if not fc.names_a_plan(p, self.text)]
        if not inside:
            return None  # what follows only narrows the phrases down
        joint = figureless_clause_end(self.text, clause[0], position, figures_here)
        if joint > 0:  # "Power has been cut since Monday, and 60 per cent ...": not the 60's
            inside = [p for p in inside if not clause[0] + 3 < p.start < joint]
            if not inside:
                return None
        present = fc.present_marker_before(self.text, clause[0], position)
        if present >= 0:  # "opened with 40 beds in July, now holds 112": July is the opening's
            inside = [p for p in inside if p.start >= present]
            if not inside:
                return None
        if len(inside) > 1 and figures_here and len(figures_here) > 1:
            # "184 cases in week 36, down from 231 in week 35 (a fall of 20 percent)": the
            # date just after a baseline is the baseline's alone
            inside = [
                p for p in inside if not self._dates_another_baseline(p, position, figures_here)
            ] or inside
        window = self.text[max(clause[0], position - 24) : position]
        if any(hint in window for hint in _BASELINE_HINTS) and _BASELINE_BEFORE.search(window):
            # "..., up from 800,000 in the same period a year earlier": the baseline's own date
            inside = [p for p in inside if p.start >= position] or inside
        total = self._running_total_start(position, clause)
        if total >= 0:  # a running total: only the dates of its own words
            inside = [p for p in inside if p.start >= total]
            if not inside:
                return None
        else:
            ahead = [t for t in self._running_totals(clause) if t > position]
            if ahead:  # "... in July, bringing the total since 2022 to ...": the total's dates
                inside = [p for p in inside if p.start < ahead[0]]
                if not inside:
                    return None
        if covering is not None and covering.start >= 0:
            if position < covering.start:  # "..., X said on Wednesday, the highest since 2022"
                inside = [p for p in inside if p.start < covering.start]
            else:  # "X said (that) ...": dates after the verb, or a leading "Since 10 May,"
                inside = [
                    p
                    for p in inside
                    if p.start >= covering.verb_end
                    or (
                        p.role in ("since", "range")
                        and p.start - clause[0] <= 1
                        and self.text[p.end : covering.start].strip() in (",", "")
                    )
                ]
        # "17 million ..., up from 15.2 million at the start of the year": a date after a later
        # figure of the clause is that figure's, unless the later one is this one's base
        # ("more than half of the 400,000 people displaced since January").
        later = [
            f
            for f in figures_here or ()
            if position < f < clause[1] and not _APPOSITION.fullmatch(self.text, position, f)
        ]
        if later:
            # (a date shared with the later figure, "were killed and 19 injured in September",
            # unless a date of its own stands between them: "US$ 3 million in October and
            # $1.5 million so far in November")
            inside = [
                p
                for p in inside
                if not any(
                    position < f <= p.start
                    and not self._is_base(position, f)
                    and not (
                        self._shares_period(position, f, p.start)
                        and not any(position < q.start < f for q in inside)
                    )
                    for f in later
                )
            ]
        if not inside:
            return None
        # the first of the best ranked, as a stable sort would put it
        return min(inside, key=lambda p: (p.role == "point", abs(p.start - position)))
