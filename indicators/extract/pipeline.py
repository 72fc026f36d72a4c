"""Report text in, candidate observations and events out, in named stages:

1. scan the document once (`process`): sentences (`sentences`), number mentions (`numbers`),
   date phrases (`dates`) and places (`locations`), each found by one pass over the whole
   text and handed to the sentence it falls in; the hint words that say a sentence may hold
   an event or a status, by one str.find pass per hint;
2. carry the document's state explicitly from sentence to sentence (`_Run`: the speakers
   named so far, the last date for "since then", the paragraph's words, the agency a report
   draws on);
3. read each mention of a sentence (`sentence_reading.SentenceReading`) into a typed reading:
   a figure (`_figure`), a vague amount (`_qualitative`), a status (`_status`) or an event
   (`events.EventReading`), what several of them look up being worked out once per sentence
   (`sentence_view.SentenceView`);
4. build each candidate with its one constructor (`candidates.candidate_observation`, the
   `Event` of `events`), quoting the sentence it comes from at its offsets in the text;
5. resolve duplicates (`resolution.one_per_fact`) and number the candidates.

A sentence whose reading raises is skipped and named in `Extraction.failures`.
"""

from __future__ import annotations

import bisect
import gc
import re
from datetime import date

from indicators.extract import numbers as num
from indicators.extract import patterns
from indicators.extract.attribution import Attribution
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
from indicators.extract.figure_statuses import (  # noqa: F401 - also imported from here
    EVALUATIVE,
    EVALUATIVE_HINTS,
    QUALITATIVE_HINTS,
)
from indicators.extract.figures import FigureReading
from indicators.extract.gazetteer import LEVEL_ANAPHOR, country_of
from indicators.extract.key_figure_lines import joined_key_figures
from indicators.extract.line_wraps import unwrapped
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
    narrowest,
    opens_a_period,
    places_described,
    places_of_the_whole,
    table_row_place,
    talks_venues,
    with_own_figures,
    without_suffix,
)
from indicators.extract.markdown import marked_up
from indicators.extract.names_with_places import outside_person_names
from indicators.extract.number_ranges import merge_ranges
from indicators.extract.report_places import ReportPlaces, dateline_places, report_scope
from indicators.extract.resolution import one_per_fact
from indicators.extract.sentence_reading import SentenceReading
from indicators.extract.sentence_view import (
    ParagraphWords,
    SentenceView,
)
from indicators.extract.sentences import Sentence, split_sentences
from indicators.extract.speaker_names import Speakers
from indicators.extract.text_tables import tabled


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
    # the rules read a hard-wrapped report's lines as the sentences they wrap (same offsets);
    # each quote is then the report's own words at those offsets, line breaks and all
    reading = unwrapped(joined_key_figures(tabled(marked_up(text))))
    run = _Run(reading, published, publisher, catalogue)
    # a run makes many small objects that hold no cycles: the cyclic collector would only
    # walk them over and over, so it waits until the run ends (and runs as before if another
    # caller turned it off)
    collecting = gc.isenabled()
    if collecting:
        gc.disable()
    try:
        run.process()
    finally:
        if collecting:
            gc.enable()
    if reading != text:
        for candidate in (*run.observations, *run.events):
            candidate.quote = text[candidate.quote_start : candidate.quote_end]
    return Extraction(source, run.observations, run.events, run.failures)


class _Run(SentenceReading, FigureReading, EventReading):
    def __init__(self, text: str, published: date, publisher: str, catalogue: Catalogue) -> None:
        self.text = text
        self.published = published
        self.publisher = publisher
        self.catalogue = catalogue
        self.resolver = DateResolver(published)
        self.speakers = Speakers(text)
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
        self.figure_mentions: list = []
        # the period a list's lead-in names ("Devices destroyed, April–June 2025:"), by where
        # the lead-in ends: its rows hold then unless they say otherwise
        self.lead_in_periods: dict[int, DatePhrase] = {}
        # who speaks in the sentence being read, and the last sentence that gave figures
        self.sentence_attributions: list[Attribution] = []
        self.last_figure_sentence = -10
        # a quoted sentence whose numbers were no figures ("Some walked for two days to reach
        # Saint-Marc"): (its index, its speaker, the place it names)
        self.spoken_place: tuple[int, str, str] | None = None
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
            mentions = merge_ranges(text, num.find_numbers(text))
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
        self.head_end = head_end
        self.default_place = report_scope(text, head_end, all_places)
        self.speakers.country = country_of(self.default_place) or ""
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
                here = merge_ranges(
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

    def _own_clause_place(
        self, sentence: Sentence, known: tuple[int, int, str], here: int, start: int, end: int
    ) -> str:
        """A place after a preposition in the coordinate clause of the figure at `here`, when
        the `known` place is across a clause join from it; else ""."""
        text = sentence.text
        if not CLAUSE_JOIN.search(text, min(known[1], here), max(known[0], here)):
            return ""
        for s, e, place in self._view(sentence).places_after_preposition():
            if (
                start <= s
                and e <= end
                and not KNOWN_PLACE.fullmatch(place)
                and not is_post(text, s)
                and not CLAUSE_JOIN.search(text, min(e, here), max(s, here))
            ):
                return without_suffix(place)
        return ""

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
            if spans and self.sentence_attributions:
                spans = outside_person_names(sentence.start, spans, self.sentence_attributions)
            spans = places_of_the_whole(sentence.text, spans, here) if spans else spans
            # "The city has been under siege ..., and ... in North Darfur": a coordinate
            # clause that names no place but refers back to one
            referred = referring and self._place_referred(sentence, start, end, here, spans)
            if referred:
                return referred
            spans = with_own_figures(sentence.text, spans, here) if spans else spans
            if spans and "ince the " in sentence.text:
                spans = [p for p in spans if not opens_a_period(sentence.text, p[0], p[1], here)]
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
                    spans = narrowest(sentence.text, spans) if len(spans) > 1 else spans
                nearest = (
                    min(spans, key=lambda p: (min(abs(p[0] - here), abs(p[1] - here)), -len(p[2])))
                    if len(spans) > 1
                    else spans[0]  # no key worked out for the one place of most clauses
                )
                nearest = first_of_list(sentence.text, spans, nearest)
                # a place the gazetteer lacks, named in the figure's own coordinate clause,
                # over one it knows across ", and" ("highest in Latakia, at 12, and lowest
                # in Kasanga, at 40")
                own = ", " in sentence.text and self._own_clause_place(
                    sentence, nearest, here, start, end
                )
                if own:
                    return own
                return PLACE_CANONICAL.get(nearest[2], nearest[2])
            named = [
                p
                for p in view.places_after_preposition()
                if start <= p[0]
                and p[1] <= end
                and not is_post(sentence.text, p[0])
                and not (
                    "ince the " in sentence.text and opens_a_period(sentence.text, p[0], p[1], here)
                )
            ]
            named = places_of_the_whole(sentence.text, named, here) if named else named
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
        # "Metuge | 86,430 | 15%" under "District | IDPs | % of total"
        row_place = "|" in sentence.text and table_row_place(self.text, sentence.start)
        if row_place:
            return row_place
        # "He said ...": the place of the sentence before, in the same paragraph
        if PRONOUN_START.match(sentence.text):
            found = places.in_paragraph(sentence.start, sentence.paragraph)
            if found:
                return found
        # a speaker going on (a quote in the next sentence or paragraph) speaks of the place
        # their figures just before were in
        last = self.observations[-1] if self.observations else None
        spoken = self.spoken_place
        if (
            spoken is not None
            and spoken[0] > self.last_figure_sentence
            and self.index - spoken[0] <= 2
            and self._quoting(sentence)
            and self.sentence_attributions
            and all(a.speaker == spoken[1] for a in self.sentence_attributions)
        ):  # the quote went on from a sentence that named a place but gave no figure
            return spoken[2]
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
            key = (  # one figure read twice; "2 ..., against 2 in 2018" are two
                observation.indicator_id,
                observation.value,
                observation.value_as_stated,
                observation.quote_start,
                observation.period_start,
                observation.period_end,
            )
            if key in seen:
                continue
            seen.add(key)
            unique.append(observation)
        unique = one_per_fact(unique, self.publisher, self.default_place)
        self.observations = sorted(
            # (rows quoted from their list's lead-in share its start: each ends at its row)
            unique,
            key=lambda o: (o.quote_start, o.quote_end, o.quote.find(o.value_as_stated)),
        )
        for number, observation in enumerate(self.observations, start=1):
            observation.candidate_id = f"o{number}"
        self.events.sort(key=lambda e: e.quote_start)
        add_country_codes(self.observations)
        add_country_codes(self.events)
        for number, event in enumerate(self.events, start=1):
            event.candidate_id = f"e{number}"


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
