"""One sentence of a report read into candidates, in the document run's state.

`SentenceReading._sentence` takes the number mentions, date phrases and hints that the
document pass (`pipeline._Run.process`) handed to a sentence, finds who speaks in it and when
they spoke (`_speech_dates`), the clause around each position (`_clause`), and reads each
mention as a figure, a vague amount, a status (`figures.FigureReading`) or an event
(`events.EventReading`), adding the candidates to the run. The places those candidates hold
are the run's own lookups (`pipeline._Run._location`).
"""

from __future__ import annotations

import re
from datetime import date

from indicators.extract import numbers as num
from indicators.extract import vocabulary
from indicators.extract.attribution import (
    Attribution,
    find_attributions,
    speaker_for,
    without_shares_of_those_asked,
    without_subjects_after_according_to,
)
from indicators.extract.date_phrases import find_date_phrases
from indicators.extract.dates import (
    DatePhrase,
    DateResolver,
    is_future,
    is_quarter_range,
    quarters_referred_to,
    since_dated_events,
)
from indicators.extract.events import EVENT_HINTS
from indicators.extract.figure_record import _Figure
from indicators.extract.figure_statuses import EVALUATIVE_HINTS, QUALITATIVE_HINTS
from indicators.extract.hazard_intensity import kept_by
from indicators.extract.number_context import one_span_of_change
from indicators.extract.sentence_view import ParagraphWords
from indicators.extract.sentences import Sentence
from indicators.extract.speech_verbs import SPEECH_VERB, SPEECH_VERB_WORDS
from indicators.extract.transcripts import (
    is_transcript,
    turn_attribution,
    turn_goes_on,
    turn_speaker,
)
from indicators.extract.undated_windows import in_an_undated_window

# A date right after such a verb dates an event ("began on 19 May"), not a figure's period.
_EVENT_VERBS = vocabulary.words("event_verbs")
EVENT_VERB_BEFORE = re.compile(
    r"\b(?:" + "|".join(re.escape(v).replace(r"\ ", r"\s+") for v in _EVENT_VERBS) + r")\s*\Z",
    re.I,
)
# The last words of EVENT_VERB_BEFORE's verbs: a cheap test before the pattern is searched.
EVENT_VERB_ENDINGS = tuple(sorted({verb.split()[-1] for verb in _EVENT_VERBS}))


_COMMA_OR_THAT = re.compile(r"[,;]|\bthat\b")
_DIGIT = re.compile(r"\d")
_COMMA = re.compile(r"\s*,\s*")
_LEAD_IN_STATEMENT = re.compile(
    r"\s*(?:[Ii]n\s+a\s+(?:statement|report|briefing)(?:\s+(?:released|issued|published))?\s*)?"
)
_IN_A_STATEMENT_ON = re.compile(
    r"[Ii]n\s+a\s+(?:statement|report|briefing)\s+(?:released|issued|published)\s*(?:on\s*)?$"
)
# ", and about 40 percent ...", ", while 12 ...": the figure that follows opens a clause
_AND_BEFORE_FIGURE = re.compile(
    r",\s+(?:and|but|while|whereas)\s+(?:(?:about|some|nearly|almost|around|only|just|over"
    r"|more\s+than|at\s+least|up\s+to|roughly|an\s+estimated|a|an|the)\s+)?\Z",
    re.IGNORECASE,
)

# The speech verbs (of SPEECH_VERB) that make a sentence worth reading for attributions: all
# of speakers.json's speech verbs but its quiet ones, so a verb added there is a hint at once.
SPEECH_HINT_VERBS = frozenset(SPEECH_VERB_WORDS) - frozenset(
    vocabulary.words("quiet_speech_verbs", "speakers")
)


def _covered(position: int, attributions: list[Attribution]) -> bool:
    """Is the position part of a speaker's own words ('special envoy Steve Witkoff said')?"""
    for attribution in attributions:  # noqa: SIM110 - a loop: no generator made per figure
        if attribution.covers_words(position):
            return True
    return False


class SentenceReading:
    """Reads one sentence of the document run (a mixin of `pipeline._Run`): its speakers and
    when they spoke, its clauses, and each of its mentions as a figure, vague amount, status or
    event."""

    def _sentence(self, sentence: Sentence, mentions: list, date_matches: list) -> None:
        text = self.text
        if sentence.paragraph != self.paragraph:
            self.paragraph, self.paragraph_words = sentence.paragraph, ParagraphWords()
            self.turn = self._turn(sentence)
            if self.turn is not None:
                self.speakers.remember(self.turn[0], self.turn[1])
        self.paragraph_words.add(sentence.text)
        if self.hinted is not None and self.view is not None and self.view.sentence is sentence:
            event_hint = self.index in self.hinted["event"]
            qualitative_hint = self.index in self.hinted["qualitative"]
            status_hint = self.index in self.hinted["status"]
        else:
            lower = sentence.text.lower()
            event_hint = any(hint in lower for hint in EVENT_HINTS)
            qualitative_hint = any(hint in lower for hint in QUALITATIVE_HINTS)
            status_hint = bool(self.catalogue.status) and any(
                hint in lower for hint in EVALUATIVE_HINTS
            )
        # speech verbs, found once for the hint and for `find_attributions`
        verbs = list(SPEECH_VERB.finditer(sentence.text))
        speech_hint = "ccording" in sentence.text
        for verb in verbs if not speech_hint else ():
            if verb.group() in SPEECH_HINT_VERBS:
                speech_hint = True
                break
        if not speech_hint:
            speech_hint = self.speakers.quoting(sentence.text, sentence.start)
        if not (mentions or date_matches or event_hint or qualitative_hint or status_hint):
            # nothing to extract here; only keep track of who speaks, for "he" and "it" later
            if speech_hint:
                for attribution in find_attributions(
                    text, sentence.start, sentence.end, self.speakers, verbs
                ):
                    self.speakers.remember(attribution.speaker, attribution.kind)
            self.speakers.notice_mentions(sentence.text)
            self.carried = None
            return
        if self.hinted is not None and self.view is not None and self.view.sentence is sentence:
            # the hint test is the lower-cased one: the words are then sought as written
            future = self.index in self.hinted["future"] and is_future(sentence.text)
        else:
            future = is_future(sentence.text)
        phrases = [
            p for p in (self.resolver.resolve(m, future) for m in date_matches) if p is not None
        ]
        if self.events and "ince the " in sentence.text:  # "since the ceasefire"
            phrases = since_dated_events(
                text, sentence.start, sentence.end, phrases, self._start_of_event
            )
        if "quarter" in sentence.text:  # "in the quarter", "the same quarter of 2024"
            phrases = quarters_referred_to(
                text, sentence.start, sentence.end, phrases, self._report_quarter()
            )
        attributions: list[Attribution] = []
        if speech_hint:
            attributions = find_attributions(
                text, sentence.start, sentence.end, self.speakers, verbs
            )
            if attributions and mentions:  # "One in three households interviewed said"
                attributions = without_shares_of_those_asked(attributions, mentions)
            if len(attributions) > 1:  # "According to CONASUR, Burkina Faso counted ..."
                attributions = without_subjects_after_according_to(attributions, text)
        speech = self._speech_dates(sentence, attributions, phrases)
        for attribution in attributions:
            self.speakers.remember(attribution.speaker, attribution.kind)
            when = speech.get(id(attribution))
            if when is not None and attribution.kind == "person":
                self.speech_dates[attribution.speaker.split()[-1]] = when
        self.speakers.notice_mentions(sentence.text)
        for phrase in phrases:  # "hours before Witkoff's statement"
            if phrase.anchor_name and phrase.anchor_name in self.speech_dates:
                anchor = self.speech_dates[phrase.anchor_name].first
                if anchor is not None and phrase.first is not None:
                    phrase.first.day, phrase.first.precision = anchor.day, anchor.precision
        if attributions:
            speech_phrases = {id(p) for p in speech.values()}
            period_phrases = [
                p
                for p in phrases
                if id(p) not in speech_phrases and not _covered(p.start, attributions)
            ]
        else:  # no one speaks: no phrase says when, nor is part of a speaker's words
            period_phrases = list(phrases)
        figure_periods = [
            p
            for p in period_phrases
            if not self._event_verb_before(text[max(sentence.start, p.start - 30) : p.start])
            # "Pledges made today cover 55 per cent": the day the report states it (its
            # reported_on), no period of the figure's own
            and (p.end - p.start != 5 or p.text.lower() != "today")
        ]
        if figure_periods and sentence.text.endswith(":"):
            self._remember_lead_in(sentence, figure_periods)
        if self.turn is not None:  # an interview's turn: its speaker's, but what others say
            attributions.append(turn_attribution(self.turn, sentence.start, sentence.end))
        if not attributions and self.carried is not None:
            attributions = [self.carried_for(sentence)]
        self.carried = None
        for attribution in attributions:
            if (
                attribution.kind == "news"
                and attribution.phrase
                and attribution.scope_end == sentence.end
                and text.startswith(("According", "according"), attribution.start)
            ):
                self.carried = attribution
        # the figures of the sentence: not part of a date phrase nor of a speaker's own words
        kept = []
        for mention in mentions:
            at = mention.number_start
            for phrase in phrases:
                if phrase.start <= at < phrase.end:
                    break
            else:
                if len(phrases) < len(date_matches) and in_an_undated_window(date_matches, at):
                    continue  # "the weekly average of the previous four weeks": no figure
                if mention.kind == num.MEASURE and not kept_by(self.catalogue, mention.unit):
                    continue  # "a magnitude 6.0 earthquake", where no indicator keeps one
                if not attributions or not _covered(at, attributions):
                    kept.append(mention)
        # "doubled in a week": the span is the change's period
        for mention in kept:
            if mention.kind in (num.MULTIPLIER, num.SHARE):
                span = one_span_of_change(
                    text, mention.start, mention.end, mention.kind == num.MULTIPLIER
                )
                if span is not None:
                    window = num.NumberMention.alone(
                        span.start("unit"), span.end(), 1, num.PERIOD, span.group("unit") + "s"
                    )
                    figure_periods.append(self._change_period(window))
        # "doubled in three months": the duration is the change's period, not a figure
        if any(m.kind == num.PERIOD for m in kept):
            figure_periods += [self._change_period(m) for m in kept if m.change]
            kept = [m for m in kept if m.kind != num.PERIOD]
        self.figure_positions = [m.number_start for m in kept]
        self.figure_mentions = kept
        self.sentence_attributions = attributions
        figures: list[_Figure] = []
        for mention in kept:
            figure = self._figure(sentence, mention, attributions, speech, figure_periods, figures)
            if figure is not None:
                figures.append(figure)
        if qualitative_hint:
            figures += self._qualitative(sentence, attributions, speech, figure_periods, figures)
        if status_hint:
            figures += self._status(sentence, attributions, speech)
        self.observations += [f.observation for f in figures]
        if figures:
            self.last_figure_sentence = self.index
        elif kept and attributions and self._quoting(sentence):
            # a speaker's numbers that were no figures still say where their quote is
            at = kept[0].number_start
            covering = speaker_for(at, attributions)
            if covering is not None:
                place = self._location(sentence, self._clause(sentence, at), at)
                self.spoken_place = (self.index, covering.speaker, place)
        if event_hint:
            self._events(sentence, attributions, speech, period_phrases)

    def _quoting(self, sentence: Sentence) -> bool:
        """Does the sentence hold a quote, or lie in one opened before?"""
        text = sentence.text
        return "“" in text or '"' in text or sentence.start < self.speakers.quote_until

    def _turn(self, sentence: Sentence) -> tuple[str, str, int] | None:
        """The speaker of an interview's turn the sentence opens ("Suleiman: ..."), or None;
        whether the text labels its turns is read once, when a paragraph first opens with
        an early colon."""
        if ":" not in self.text[sentence.start : sentence.start + 160]:
            return turn_goes_on(self.text, sentence.start, self.turn) if self.transcript else None
        if self.transcript is None:
            self.transcript = is_transcript(self.text)
        if not self.transcript:
            return None
        turn = turn_speaker(self.text, sentence.start, self.speakers)
        return turn if turn is not None else turn_goes_on(self.text, sentence.start, self.turn)

    def _figure_clause_starts(self, sentence: Sentence) -> list[tuple[int, int]]:
        found = []
        for position in self.figure_positions:
            relative = position - sentence.start
            match = _AND_BEFORE_FIGURE.search(sentence.text, max(0, relative - 24), relative)
            if match is not None:
                found.append(match.span())
        return found

    def _event_verb_before(self, before: str) -> bool:
        """Does `before` end with a verb that dates an event (EVENT_VERB_BEFORE)? The pattern
        is tried only when the last word is one such a verb can end with."""
        if self.plain_case and not before.rstrip().lower().endswith(EVENT_VERB_ENDINGS):
            return False
        return EVENT_VERB_BEFORE.search(before) is not None

    def _speech_dates(
        self, sentence: Sentence, attributions: list[Attribution], phrases: list[DatePhrase]
    ) -> dict[int, DatePhrase]:
        """Date phrases that say when a speaker spoke: 'said Thursday', 'In a statement on
        Friday, X said', 'On Tuesday, the UN said'."""
        found: dict[int, DatePhrase] = {}
        text = self.text
        for attribution in attributions:
            for phrase in phrases:
                if phrase.role != "point":
                    continue
                if 0 <= phrase.start - attribution.verb_end <= 40:
                    gap = text[attribution.verb_end : phrase.start]
                    # (not past a figure: "recorded 300 cases in October" dates the cases)
                    if not _COMMA_OR_THAT.search(gap) and not _DIGIT.search(gap):
                        found[id(attribution)] = phrase
                        break
                if phrase.end <= attribution.start:
                    gap = text[phrase.end : attribution.start]
                    lead = text[sentence.start : phrase.start]
                    if _COMMA.fullmatch(gap) and _LEAD_IN_STATEMENT.fullmatch(lead):
                        found[id(attribution)] = phrase
                        break
                    if _IN_A_STATEMENT_ON.search(lead):
                        found[id(attribution)] = phrase
                        break
        return found

    _quarter_of_report: tuple | None = None  # (the report's quarter or None,), once read

    def _report_quarter(self) -> DatePhrase | None:
        """The quarter the report covers, as its title or head states it ("Quarterly Update,
        July–September 2025"): what "in the quarter" refers to; read once per report."""
        if self._quarter_of_report is None:
            head = getattr(self, "head_end", 0)
            resolver = DateResolver(self.published)
            found = (resolver.resolve(m) for m in find_date_phrases(self.text, 0, head))
            self._quarter_of_report = (
                next((p for p in found if p is not None and is_quarter_range(p)), None),
            )
        return self._quarter_of_report[0]

    def _start_of_event(self, kind: str):
        """(day, precision) the last event of this kind the report dated starts on, or None."""
        for event in reversed(self.events):
            if event.kind == kind and event.start:
                return date.fromisoformat(event.start), event.start_precision
        return None

    def _attribution(
        self, position: int, attributions: list[Attribution], speech: dict, covering=False
    ):
        """(speaker, reported on, as stated, ''); `covering`, when known, is the attribution
        covering the position (None for none)."""
        if covering is False:
            covering = speaker_for(position, attributions)
        if covering is None:
            return self.publisher, self.published.isoformat(), "", ""
        when = speech.get(id(covering))
        if when is not None and when.first is not None:
            return covering.speaker, when.first.day.isoformat(), when.text, ""
        return covering.speaker, self.published.isoformat(), "", ""

    def _clause(self, sentence: Sentence, position: int, asides: bool = False) -> tuple[int, int]:
        """The clause around a position: between strong boundaries (';', ', while', ', with').
        With `asides`, a relative clause set off by commas (', who ...,') is a clause too."""
        relative = position - sentence.start
        view = self._view(sentence)
        start, end = 0, len(sentence.text)
        boundaries = view.boundaries()
        if len(self.figure_positions) > 1 and sentence.text.find(", ") >= 0:
            # "..., and 4.2 percent of children were ...": a new clause opens with a figure
            cached, positions, merged = self.clause_starts
            if cached is not sentence or positions is not self.figure_positions:
                starts = self._figure_clause_starts(sentence)
                merged = sorted(boundaries + starts) if starts else boundaries
                self.clause_starts = (sentence, self.figure_positions, merged)
            boundaries = merged
        for boundary_start, boundary_end in boundaries:
            if boundary_end <= relative:
                start = boundary_end
            elif boundary_start >= relative:
                end = boundary_start
                break
        for aside_start, aside_end in view.asides() if asides else ():
            if aside_start <= relative < aside_end:
                return sentence.start + aside_start, sentence.start + aside_end
            if aside_end <= relative:
                start = max(start, aside_end)
            elif aside_start > relative:
                end = min(end, aside_start)
        return sentence.start + start, sentence.start + end
