"""Report text in, candidate observations and events out, in named stages:

1. scan the document once (`process`): sentences (`sentences`), number mentions (`numbers`),
   date phrases (`dates`) and places (`locations`), each found by one pass over the whole
   text and handed to the sentence it falls in; the hint words that say a sentence may hold
   an event or a status, by one str.find pass per hint;
2. carry the document's state explicitly from sentence to sentence (`_Run`: the speakers
   named so far, the last date for "since then", the paragraph's words, the agency a report
   draws on);
3. read each mention of a sentence into a typed reading: a figure (`_figure`), a vague amount
   (`_qualitative`), a status (`_status`) or an event (`events.EventReading`), what several of
   them look up being worked out once per sentence (`sentence_view.SentenceView`);
4. build each candidate with its one constructor (`candidates.candidate_observation`, the
   `Event` of `events`), quoting the sentence it comes from at its offsets in the text;
5. resolve duplicates (`resolution.one_per_fact`) and number the candidates.

A sentence whose reading raises is skipped and named in `Extraction.failures`.
"""

from __future__ import annotations

import bisect
import re
from datetime import date

from indicators.extract import numbers as num
from indicators.extract import patterns, vocabulary
from indicators.extract.attribution import (
    SPEECH_VERB,
    SPEECH_VERB_WORDS,
    Attribution,
    Speakers,
    find_attributions,
    speaker_for,
)
from indicators.extract.candidates import (  # noqa: F401 - the names callers import from here
    EVENT_FIELDS,
    OBSERVATION_FIELDS,
    Event,
    Extraction,
    Observation,
    SentenceFailure,
    add_country_codes,
)
from indicators.extract.catalogue import (
    Catalogue,
)
from indicators.extract.date_phrases import find_date_phrases
from indicators.extract.dates import (
    FUTURE_HINTS,
    DatePhrase,
    DateResolver,
    is_future,
)
from indicators.extract.events import (  # noqa: F401 - also imported from here
    EVENT_HINTS,
    EVENT_KEYWORDS,
    EventReading,
)
from indicators.extract.figure_record import _Figure
from indicators.extract.figure_statuses import (  # noqa: F401 - also imported from here
    EVALUATIVE,
    EVALUATIVE_HINTS,
    QUALITATIVE_HINTS,
)
from indicators.extract.figures import FigureReading
from indicators.extract.gazetteer import LEVEL_ANAPHOR
from indicators.extract.locations import (  # noqa: F401 - also imported from here
    CLAUSE_JOIN,
    KNOWN_PLACE,
    PLACE_CANONICAL,
    PRONOUN_START,
    first_of_list,
    is_facility,
    is_locative,
    is_post,
    is_where,
    places_described,
    talks_venues,
    without_suffix,
)
from indicators.extract.report_places import ReportPlaces, dateline_places, report_scope
from indicators.extract.resolution import one_per_fact
from indicators.extract.sentence_view import (
    ParagraphWords,
    SentenceView,
)
from indicators.extract.sentences import Sentence, split_sentences
from indicators.extract.transcripts import is_transcript, turn_attribution, turn_speaker

# A date right after such a verb dates an event ("began on 19 May"), not a figure's period.
_EVENT_VERBS = vocabulary.words("event_verbs")
EVENT_VERB_BEFORE = re.compile(
    r"\b(?:" + "|".join(re.escape(v).replace(r"\ ", r"\s+") for v in _EVENT_VERBS) + r")\s*\Z",
    re.I,
)
# The last words of EVENT_VERB_BEFORE's verbs: a cheap test before the pattern is searched.
EVENT_VERB_ENDINGS = tuple(sorted({verb.split()[-1] for verb in _EVENT_VERBS}))


_COMMA_OR_THAT = re.compile(r"[,;]|\bthat\b")
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


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "report"


def make_source_id(publisher: str, published: date) -> str:
    return f"{slug(publisher)}-{published.isoformat()}"


def extract(
    text: str,
    published: date,
    publisher: str = "",
    title: str = "",
    url: str = "",
    catalogue: Catalogue | None = None,
    text_sha256: str = "",
    kind: str = "news article",
) -> Extraction:
    """Candidates for every figure and dated fact the text states. Never raises on odd text."""
    catalogue = catalogue or Catalogue([])
    publisher = publisher or "Unknown publisher"
    source = {
        "source_id": make_source_id(publisher, published),
        "publisher": publisher,
        "title": title,
        "url": url,
        "published": published.isoformat(),
        "language": "en",
        "kind": kind,
        "text_sha256": text_sha256,
        "notes": "",
    }
    run = _Run(text, published, publisher, catalogue)
    run.process()
    return Extraction(source, run.observations, run.events, run.failures)


class _Run(FigureReading, EventReading):
    def __init__(self, text: str, published: date, publisher: str, catalogue: Catalogue) -> None:
        self.text = text
        self.published = published
        self.publisher = publisher
        self.catalogue = catalogue
        self.resolver = DateResolver(published)
        self.speakers = Speakers()
        self.speech_dates: dict[str, DatePhrase] = {}  # surname -> when they spoke
        self.observations: list[Observation] = []
        self.events: list[Event] = []
        self.default_place = ""
        self.venues: list[tuple[int, str]] = []
        self.places = ReportPlaces("", [])
        # "the city", "in the province" in each sentence (by its start), found in one pass
        self.anaphors: dict[int, list[tuple[int, int, str]]] = {}
        self.carried: Attribution | None = None
        # an interview's turns: whether the text labels them (found when first asked), and the
        # speaker of this one
        self.transcript: bool | None = None
        self.turn: tuple[str, str, int] | None = None
        self.paragraph = -1
        # content words of the paragraph so far; its sentences are read when a figure needs them
        self.paragraph_words = ParagraphWords()
        self.figure_positions: list[int] = []
        # who speaks in the sentence being read, and the last sentence that gave figures
        self.sentence_attributions: list[Attribution] = []
        self.last_figure_sentence = -10
        self.view: SentenceView | None = None
        # `Caseless` patterns may run on lower-cased sentences unless a letter of the report
        # matches case-insensitively otherwise than by its lower case
        self.plain_case = not any(letter in text for letter in patterns.UNUSUAL_CASE_LETTERS)
        self.hinted: dict[str, set[int]] | None = None
        # each status indicator with the key words its subject needs (`_status`)
        self.status_subjects: list | None = None
        self.index = -1
        self.failures: list[SentenceFailure] = []
        # the sentence whose figure-led clause starts were last found, and its clause
        # boundaries with those starts among them
        self.clause_starts: tuple[Sentence | None, list[int], list[tuple[int, int]]] = (
            None,
            [],
            [],
        )

    def _view(self, sentence: Sentence) -> SentenceView:
        """What is worked out once per sentence (clause boundaries, words, places)."""
        if self.view is None or self.view.sentence is not sentence:
            known = places_described(sentence.text)
            self.view = SentenceView(sentence, known, self.plain_case, "")
        return self.view

    def carried_for(self, sentence: Sentence) -> Attribution:
        """A report drawing on a news agency ('According to the Associated Press, ...') goes on
        in the agency's voice in the next sentence that names no one."""
        source = self.carried
        return Attribution(
            source.speaker,
            -1,
            -1,
            -1,
            sentence.start,
            sentence.end,
            source.kind,
            phrase=source.phrase,
        )

    def process(self) -> None:
        text = self.text
        try:
            sentences = split_sentences(text)
        except Exception as error:  # noqa: BLE001 - odd text never loses the report silently
            self.failures.append(SentenceFailure(0, _excerpt(text), _error_name(error)))
            return
        if not sentences:
            return
        starts = [s.start for s in sentences]
        try:
            mentions = num.merge_ranges(text, num.find_numbers(text))
            found_dates = find_date_phrases(text)
        except Exception:  # noqa: BLE001 - scan sentence by sentence, skipping the one at fault
            mentions, found_dates = self._scan_by_sentence(sentences)
        numbers_by_sentence = _bucket(starts, sentences, mentions, lambda m: m.number_start)
        dates_by_sentence = _bucket(starts, sentences, found_dates, lambda m: m.start())
        # one pass over the text: each sentence's places, and the report's main place (the one
        # it names most, headings and datelines included)
        all_places = places_described(text)
        known_places = _bucket(starts, sentences, all_places, lambda p: p[0])
        for sentence, found in zip(sentences, known_places, strict=True):
            if found:
                found[:] = [
                    (s - sentence.start, e - sentence.start, name)
                    for s, e, name in found
                    if e <= sentence.end
                ]
        head_end = sentences[0].start  # the title, standfirst and dateline come before
        self.default_place = report_scope(text, head_end, all_places)
        self.places = ReportPlaces(self.default_place, dateline_places(text[:head_end]), text)
        self.venues = talks_venues(text, all_places)
        referring = _bucket(starts, sentences, list(LEVEL_ANAPHOR.finditer(text)), re.Match.start)
        for sentence, found in zip(sentences, referring, strict=True):
            if found:
                self.anaphors[sentence.start] = [
                    (m.start() - sentence.start, m.end() - sentence.start, m.group("word"))
                    for m in found
                    if m.end() <= sentence.end
                ]
        # the places of the sentences in text order, each with its sentence's paragraph
        for sentence, found in zip(sentences, known_places, strict=True):
            for start, _, name in found:
                self.places.add(
                    sentence.start + start, PLACE_CANONICAL.get(name, name), sentence.paragraph
                )
        lower_text = patterns.lower_keeping_offsets(text) or ""
        if not lower_text:  # "İ": offsets of the lower-cased text would shift
            self.plain_case = False
        # the sentences that contain a hint word, by one search of the text for each hint
        self.hinted = (
            {
                "event": _sentences_with(lower_text, EVENT_HINTS, sentences, starts),
                "qualitative": _sentences_with(lower_text, QUALITATIVE_HINTS, sentences, starts),
                "status": _sentences_with(lower_text, EVALUATIVE_HINTS, sentences, starts)
                if self.catalogue.status
                else set(),
                # the sentences that may speak of the future: the others need no pattern search
                "future": _sentences_with(lower_text, FUTURE_HINTS, sentences, starts),
            }
            if lower_text
            else None
        )
        for index, sentence in enumerate(sentences):
            self.view = SentenceView(sentence, known_places[index], self.plain_case, lower_text)
            self.index = index
            observed, evented = len(self.observations), len(self.events)
            try:
                self._sentence(sentence, numbers_by_sentence[index], dates_by_sentence[index])
            except Exception as error:  # noqa: BLE001 - one sentence never loses the report
                del self.observations[observed:], self.events[evented:]
                self.carried = None
                self.failures.append(
                    SentenceFailure(
                        sentence.start,
                        self._phrase_at_fault(sentence, dates_by_sentence[index]),
                        _error_name(error),
                    )
                )
        patterns.forget_lowered()
        self._finish()

    def _scan_by_sentence(self, sentences: list[Sentence]) -> tuple[list, list]:
        """The number mentions and date phrases of each sentence on its own; a sentence whose
        scan raises is named in `failures` and contributes none."""
        mentions, found_dates = [], []
        for sentence in sentences:
            try:
                here = num.merge_ranges(
                    self.text, num.find_numbers(self.text, sentence.start, sentence.end)
                )
                dates_here = find_date_phrases(self.text, sentence.start, sentence.end)
            except Exception as error:  # noqa: BLE001
                self.failures.append(
                    SentenceFailure(sentence.start, _excerpt(sentence.text), _error_name(error))
                )
                continue
            mentions += here
            found_dates += dates_here
        return mentions, found_dates

    def _phrase_at_fault(self, sentence: Sentence, date_matches: list) -> str:
        """The date phrase whose reading raises, tried alone; else the sentence's start."""
        future = is_future(sentence.text)
        for match in date_matches:
            try:
                DateResolver(self.published).resolve(match, future)
            except Exception:  # noqa: BLE001
                return match.group()
        return _excerpt(sentence.text)

    # ------------------------------------------------------------------ one sentence

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
        attributions: list[Attribution] = []
        if speech_hint:
            attributions = find_attributions(
                text, sentence.start, sentence.end, self.speakers, verbs
            )
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
        ]
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
                if not attributions or not _covered(at, attributions):
                    kept.append(mention)
        # "doubled in three months": the duration is the change's period, not a figure
        if any(m.kind == num.PERIOD for m in kept):
            figure_periods += [self._change_period(m) for m in kept if m.change]
            kept = [m for m in kept if m.kind != num.PERIOD]
        self.figure_positions = [m.number_start for m in kept]
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
        if ":" not in self.text[sentence.start : sentence.start + 60]:
            return None
        if self.transcript is None:
            self.transcript = is_transcript(self.text)
        return turn_speaker(self.text, sentence.start, self.speakers) if self.transcript else None

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
                    if not _COMMA_OR_THAT.search(gap):
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

    def _location(
        self, sentence: Sentence, clause: tuple[int, int], position: int | None = None
    ) -> str:
        """The place the figure or event at `position` describes: a place named in its clause
        (the nearest), or referred to there ("the city"), else the same in its sentence, else
        the report's place (see `ReportPlaces`)."""
        view = self._view(sentence)
        places = self.places
        referring = self.anaphors.get(sentence.start)
        here = (position if position is not None else clause[0]) - sentence.start
        # "the country" refers to the report's own place; most sentences say no such thing
        anaphoric = view.anaphoric_places() if self.default_place else ()
        for start, end in (clause, (sentence.start, sentence.end)):
            # the sentence's places in this part of it (no place name spans a clause boundary)
            start, end = start - sentence.start, end - sentence.start
            if anaphoric and any(start <= s and e <= end for s, e in anaphoric):
                return self.default_place
            spans = [p for p in view.known_places if start <= p[0] and p[1] <= end]
            # "The city has been under siege ..., and ... in North Darfur": a coordinate
            # clause that names no place but refers back to one
            referred = referring and self._place_referred(sentence, start, end, here, spans)
            if referred:
                return referred
            if spans:
                # a place after "in", "into", "across" over one named otherwise
                # of the same coordinate clause (", and the RSF kept El Fasher under siege")
                if len(spans) > 1:
                    spans = [
                        p
                        for p in spans
                        if is_locative(sentence.text, p[0])
                        and not CLAUSE_JOIN.search(sentence.text, min(p[1], here), max(p[0], here))
                    ] or spans
                nearest = (
                    min(spans, key=lambda p: (min(abs(p[0] - here), abs(p[1] - here)), -len(p[2])))
                    if len(spans) > 1
                    else spans[0]  # no key worked out for the one place of most clauses
                )
                nearest = first_of_list(sentence.text, spans, nearest)
                return PLACE_CANONICAL.get(nearest[2], nearest[2])
            named = [
                p
                for p in view.places_after_preposition()
                if start <= p[0] and p[1] <= end and not is_post(sentence.text, p[0])
            ]
            if named:
                # the nearest of the figure's own coordinate clause ("most expensive in
                # Deir-ez-Zor, at SYP 1,410,000, and cheapest in Latakia, at SYP 1,150,000")
                s, e, place = (
                    min(
                        named,
                        key=lambda p: (
                            CLAUSE_JOIN.search(sentence.text, min(p[1], here), max(p[0], here))
                            is not None,
                            min(abs(p[0] - here), abs(p[1] - here)),
                        ),
                    )
                    if len(named) > 1
                    else named[0]
                )
                if is_facility(sentence.text, s, e):
                    return places.town_before(sentence.start + s)
                return without_suffix(place)
        # "He said ...": the place of the sentence before, in the same paragraph
        if PRONOUN_START.match(sentence.text):
            found = places.in_paragraph(sentence.start, sentence.paragraph)
            if found:
                return found
        # a speaker going on (a quote in the next sentence or paragraph) speaks of the place
        # their figures just before were in
        last = self.observations[-1] if self.observations else None
        if (
            last is not None
            and self.index - self.last_figure_sentence <= 2
            and self._quoting(sentence)
            and last.attributed_to != self.publisher
            and self.sentence_attributions
            and all(a.speaker == last.attributed_to for a in self.sentence_attributions)
        ):
            return last.location
        return self.default_place or "Unknown"

    def _place_referred(
        self, sentence: Sentence, start: int, end: int, here: int, spans: list
    ) -> str:
        """The place that "the city", "the capital's", "in the locality" refers back to, in
        the coordinate clause of text[start:end] around `here` when that names no place."""
        anaphors = [a for a in self.anaphors[sentence.start] if start <= a[0] and a[1] <= end]
        if anaphors and spans:  # narrow to the coordinate clause around `here`
            for join in CLAUSE_JOIN.finditer(sentence.text, start, end):
                if join.end() <= here:
                    start = join.end()
                elif join.start() >= here:
                    end = join.start()
                    break
            anaphors = [a for a in anaphors if start <= a[0] and a[1] <= end]
            named = [s for s, e, _ in spans if start <= s and e <= end]
            # a place named in the clause wins, unless only the referring word is where the
            # figure holds ("Turning to the Sahel, ... are displaced in the country")
            if named and (
                any(is_where(sentence.text, s) for s in named)
                or not any(is_locative(sentence.text, a[0]) for a in anaphors)
            ):
                return ""
        if not anaphors:
            return ""
        offset, _, word = min(anaphors, key=lambda a: abs(a[0] - here))
        return self.places.referent(sentence.start + offset, word, sentence.paragraph)

    def _finish(self) -> None:
        unique: list[Observation] = []
        seen = set()
        for observation in self.observations:
            key = (
                observation.indicator_id,
                observation.value,
                observation.value_as_stated,
                observation.quote_start,
            )
            if key in seen:
                continue
            seen.add(key)
            unique.append(observation)
        unique = one_per_fact(unique, self.publisher, self.default_place)
        self.observations = sorted(
            unique, key=lambda o: (o.quote_start, o.quote.find(o.value_as_stated))
        )
        for number, observation in enumerate(self.observations, start=1):
            observation.candidate_id = f"o{number}"
        self.events.sort(key=lambda e: e.quote_start)
        add_country_codes(self.observations)
        add_country_codes(self.events)
        for number, event in enumerate(self.events, start=1):
            event.candidate_id = f"e{number}"


# The speech verbs (of SPEECH_VERB) that make a sentence worth reading for attributions: all
# of speakers.json's speech verbs but its quiet ones, so a verb added there is a hint at once.
SPEECH_HINT_VERBS = frozenset(SPEECH_VERB_WORDS) - frozenset(
    vocabulary.words("quiet_speech_verbs", "speakers")
)


def _sentences_with(
    lower_text: str, hints: tuple[str, ...], sentences: list[Sentence], starts: list[int]
) -> set[int]:
    """Indexes of the sentences that contain one of the hints (lower case), found in one pass
    over the whole lower-cased text for all the hints (`patterns.hint_finder`)."""
    found: set[int] = set()
    if not hints:
        return found
    ends = [sentence.end for sentence in sentences]
    bisect_right = bisect.bisect_right  # looked up once: a hot loop
    for position, stop in patterns.hint_finder(hints)(lower_text):
        index = bisect_right(starts, position) - 1
        if index >= 0 and stop <= ends[index]:
            found.add(index)
    return found


def _covered(position: int, attributions: list[Attribution]) -> bool:
    """Is the position part of a speaker's own words ('special envoy Steve Witkoff said')?"""
    for attribution in attributions:  # noqa: SIM110 - a loop: no generator made per figure
        if attribution.covers_words(position):
            return True
    return False


def _excerpt(text: str, width: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _error_name(error: Exception) -> str:
    return f"{type(error).__name__}: {error}"[:200]


def _bucket(starts: list[int], sentences: list[Sentence], items, position_of) -> list[list]:
    buckets: list[list] = [[] for _ in sentences]
    for item in items:
        position = position_of(item)
        index = bisect.bisect_right(starts, position) - 1
        if index >= 0 and position < sentences[index].end:
            buckets[index].append(item)
    return buckets
