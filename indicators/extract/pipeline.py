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
from collections import Counter
from dataclasses import dataclass
from datetime import date

from dateutil.relativedelta import relativedelta

from indicators.dates import canonical_start
from indicators.extract import numbers as num
from indicators.extract import patterns, vocabulary
from indicators.extract.attribution import (
    SPEECH_VERB,
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
    candidate_observation,
)
from indicators.extract.catalogue import (
    Catalogue,
    content_word_tuple,
    content_words,
    figure_family,
    propose,
)
from indicators.extract.dates import (
    DateAtom,
    DatePhrase,
    DateResolver,
    find_date_phrases,
    is_future,
)
from indicators.extract.events import (  # noqa: F401 - also imported from here
    EVENT_HINTS,
    EVENT_KEYWORDS,
    EventReading,
)
from indicators.extract.locations import (  # noqa: F401 - also imported from here
    KNOWN_PLACE,
    PLACE_CANONICAL,
    places_described,
)
from indicators.extract.resolution import one_per_fact
from indicators.extract.sentence_view import (
    Caseless,
    Context,
    Distances,
    SentenceView,
)
from indicators.extract.sentences import Sentence, split_sentences

# Lower case on purpose: "Horn Daily" is a newspaper, not a rate.
RATE_AFTER = re.compile(
    r"\b(?:(?:a|per|each|every)\s+(?P<unit>day|week|month)|(?P<adverb>daily|weekly|monthly))\b"
)
RATE_BEFORE = re.compile(
    r"\b(?:[Ee]ach|[Ee]very|per)\s+(?P<unit>day|week|month)\b|\b(?P<adverb>daily|weekly)\b"
)
# A date right after such a verb dates an event ("began on 19 May"), not a figure's period.
_EVENT_VERBS = vocabulary.words("event_verbs")
EVENT_VERB_BEFORE = re.compile(
    r"\b(?:" + "|".join(re.escape(v).replace(r"\ ", r"\s+") for v in _EVENT_VERBS) + r")\s*\Z",
    re.I,
)
ADVERB_UNIT = {"daily": "day", "weekly": "week", "monthly": "month"}
# The last words of EVENT_VERB_BEFORE's verbs: a cheap test before the pattern is searched.
EVENT_VERB_ENDINGS = tuple(sorted({verb.split()[-1] for verb in _EVENT_VERBS}))


def _rate(pattern: re.Pattern, window: str) -> re.Match | None:
    """RATE_AFTER or RATE_BEFORE searched in a window, which must hold one of their words."""
    if "day" in window or "week" in window or "month" in window or "daily" in window:
        return pattern.search(window)
    return None


_CLAUSE_PUNCTUATION = re.compile(r"[,;:]")
# A figure followed by a noun ("40 villages", "95 percent of households") names what it counts;
# one followed by a verb or preposition ("12 entered", "300 a day") may take it from before.
NOUN_AFTER = re.compile(
    r"\s*(?:\*\s*)?(?:(?:percent|per\s+cent|%)\s+)?(?:of\s+(?:the\s+|its\s+|their\s+)?)?[A-Za-z]"
)
NOT_A_NOUN_AFTER = re.compile(
    r"\s*(?:entered|arrived|died|were|was|are|is|in|on|at|by|from|to|a\s+day|per|each|every|this"
    r"|last|compared|since|during)\b"
)
# A clause boundary for dates and figures: the strong ones plus asides set off by commas.
QUALITATIVE = re.compile(
    r"\b(?P<q>[Mm]any|[Ss]everal)\s+(?:of\s+the\s+)?(?P<np>(?:[a-z]+\s+){0,2}?(?:hospitals|clinics|health\s+(?:centres|centers|facilities|workers)"
    r"|schools|families|households|civilians|villages|towns|communities|shelters|wells|water\s+points|bakeries"
    r"|markets|homes|buildings|convoys|trucks|crossings|roads|bridges|facilities|patients|aid\s+workers"
    r"|staff|camps|districts|neighbou?rhoods|areas|children|people)\b)"
)
EVALUATIVE = Caseless(
    r"\b(?:(?:far\s+)?below|nowhere\s+near|not\s+enough|insufficient|inadequate|sufficient|enough"
    r"|far\s+short|short\s+of|resumed|halted|suspended|intermittent(?:ly)?|limited|restricted"
    r"|deteriorat\w+|worsen\w+|improv\w+|collapsed|unchanged|critical|catastrophic|dire)\b"
)
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
# "About 7 million people, one in three Chadians, need ...": the second figure restates the
# first, and the dates after both are both figures' (the pattern runs from the first's digits)
_APPOSITION = re.compile(r"[^,;]{1,40},\s*")
# A figure that is the new level after a change: what it counts is the change's subject
_CHANGE_THEN_TO = re.compile(
    rf"\b{patterns.alternation(vocabulary.words('change_words'))}\b[^.;]*?,?\s+to\s+\Z",
    re.IGNORECASE,
)
_BASELINE_BEFORE = re.compile(
    r"\b(?:up|down|rising|falling)\s+from\s+(?:\w+\s+)?\Z|\bcompared\s+(?:with|to)\s+(?:\w+\s+)?\Z"
    r"|\b(?:against|versus|from)\s+\Z",
    re.IGNORECASE,
)
_OF_THE_END = re.compile(r"\bof\s+(?:the\s+)?\Z")
AUXILIARY = re.compile(r"\b(?:is|are|was|were|has|have|had|remains?|remained)\b(?:\s+been)?\s+")
_IT_OR_THEY = re.compile(r"\b(?:it|they)\b")
_PREDICATE_END = re.compile(r"[,;.“”\"]|\s[—–]\s")


@dataclass(slots=True)
class _Figure:
    mention: num.NumberMention | None
    observation: Observation
    clause: tuple[int, int]
    has_noun: bool
    period: DatePhrase | None
    family: str
    rate: str


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


class _Run(EventReading):
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
        self.carried: Attribution | None = None
        self.paragraph = -1
        # content words of the paragraph so far; its sentences are read when a figure needs them
        self.paragraph_words: set[str] = set()
        self.paragraph_sentences: list[str] = []
        self.figure_positions: list[int] = []
        self.view: SentenceView | None = None
        # `Caseless` patterns may run on lower-cased sentences unless a letter of the report
        # matches case-insensitively otherwise than by its lower case
        self.plain_case = not any(letter in text for letter in patterns.UNUSUAL_CASE_LETTERS)
        self.hinted: dict[str, set[int]] | None = None
        self.index = -1
        self.failures: list[SentenceFailure] = []
        # the sentence whose figure-led clause starts were last found, and those starts
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
        places = Counter(PLACE_CANONICAL.get(name, name) for _, _, name in all_places)
        self.default_place = places.most_common(1)[0][0] if places else ""
        lower_text = patterns.lower_keeping_offsets(text) or ""
        if not lower_text:  # "İ": offsets of the lower-cased text would shift
            self.plain_case = False
        # the sentences that contain a hint word, by one search of the text for each hint
        self.hinted = (
            {
                "event": _sentences_with(lower_text, EVENT_HINTS, sentences, starts),
                "qualitative": _sentences_with(lower_text, ("many", "everal"), sentences, starts),
                "status": _sentences_with(lower_text, EVALUATIVE_HINTS, sentences, starts)
                if self.catalogue.status
                else set(),
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
            self.paragraph, self.paragraph_sentences = sentence.paragraph, []
            self.paragraph_words = set()
        self.paragraph_sentences.append(sentence.text)
        if self.hinted is not None and self.view is not None and self.view.sentence is sentence:
            event_hint = self.index in self.hinted["event"]
            qualitative_hint = self.index in self.hinted["qualitative"]
            status_hint = self.index in self.hinted["status"]
        else:
            lower = sentence.text.lower()
            event_hint = any(hint in lower for hint in EVENT_HINTS)
            qualitative_hint = "many" in lower or "everal" in lower
            status_hint = bool(self.catalogue.status) and any(
                hint in lower for hint in EVALUATIVE_HINTS
            )
        # speech verbs, found once for the hint and for `find_attributions`
        verbs = list(SPEECH_VERB.finditer(sentence.text))
        speech_hint = "ccording" in sentence.text or any(
            verb.group() in SPEECH_HINT_VERBS for verb in verbs
        )
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
        for paragraph_sentence in self.paragraph_sentences:
            self.paragraph_words.update(content_word_tuple(paragraph_sentence))
        self.paragraph_sentences = []
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
        speech_phrases = {id(p) for p in speech.values()}
        period_phrases = [
            p
            for p in phrases
            if id(p) not in speech_phrases
            and not any(a.covers_words(p.start) for a in attributions)
        ]
        figure_periods = [
            p
            for p in period_phrases
            if not self._event_verb_before(text[max(sentence.start, p.start - 30) : p.start])
        ]
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
        excluded = [(p.start, p.end) for p in phrases]
        kept = [
            m
            for m in mentions
            if not (excluded and any(s <= m.number_start < e for s, e in excluded))
            and not (attributions and any(a.covers_words(m.number_start) for a in attributions))
        ]
        # "doubled in three months": the duration is the change's period, not a figure
        if any(m.kind == num.PERIOD for m in kept):
            figure_periods += [self._change_period(m) for m in kept if m.change]
            kept = [m for m in kept if m.kind != num.PERIOD]
        self.figure_positions = [m.number_start for m in kept]
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
        if event_hint:
            self._events(sentence, attributions, speech, period_phrases)

    def _figure_clause_starts(self, sentence: Sentence) -> list[tuple[int, int]]:
        found = []
        for position in self.figure_positions:
            relative = position - sentence.start
            match = _AND_BEFORE_FIGURE.search(sentence.text, max(0, relative - 24), relative)
            if match is not None:
                found.append(match.span())
        return found

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
            cached, positions, starts = self.clause_starts
            if cached is not sentence or positions is not self.figure_positions:
                starts = self._figure_clause_starts(sentence)
                self.clause_starts = (sentence, self.figure_positions, starts)
            if starts:
                boundaries = sorted(boundaries + starts)
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
        inside = [p for p in periods if clause[0] <= p.start < clause[1]]
        window = self.text[max(clause[0], position - 24) : position]
        if (
            "from" in window or "compared" in window or "against" in window or "versus" in window
        ) and _BASELINE_BEFORE.search(window):
            # "..., up from 800,000 in the same period a year earlier": the baseline's own date
            inside = [p for p in inside if p.start >= position] or inside
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
            inside = [
                p
                for p in inside
                if not any(
                    position < f <= p.start and not self._is_base(position, f) for f in later
                )
            ]
        if not inside:
            return None
        ranked = sorted(inside, key=lambda p: (p.role == "point", abs(p.start - position)))
        return ranked[0]

    def _figure(self, sentence, mention, attributions, speech, periods, previous) -> _Figure | None:
        text = self.text
        clause = self._clause(sentence, mention.number_start)
        # the words after a figure up to the next figure of the sentence are its own
        after = text[mention.end : min(clause[1], mention.end + 90)]
        # the figure's own words: from the figure before it to the one after it
        own_end = min(clause[1], mention.end + 90)
        own: frozenset[str] = frozenset()
        if len(self.figure_positions) > 1:
            own_start = clause[0]
            for figure in reversed(previous):
                if figure.mention is not None:
                    own_start = max(own_start, figure.mention.end)
                    break
            for position in self.figure_positions:
                if position > mention.number_start:
                    own_end = min(own_end, position)
                    break
            own = frozenset(
                content_word_tuple(
                    text[own_start : mention.start] + " " + text[mention.end : own_end]
                )
            )
        before = text[max(clause[0], mention.start - 70) : mention.start]
        rate = ""
        kind, unit, value = mention.kind, mention.unit, mention.value
        if kind in (num.COUNT, num.DURATION) and unit in ("count", "hours"):
            window = _CLAUSE_PUNCTUATION.split(after[:60], maxsplit=1)[0]
            rate_match = _rate(RATE_AFTER, window) or _rate(
                RATE_BEFORE, text[max(clause[0], mention.start - 40) : mention.start]
            )
            if rate_match:
                rate = rate_match.group("unit") or ADVERB_UNIT[rate_match.group("adverb").lower()]
                if kind == num.DURATION:
                    kind, unit = num.COUNT, "hours"
        has_noun = bool(NOUN_AFTER.match(after)) and not NOT_A_NOUN_AFTER.match(after)
        focus_text = before[-45:] + " " + after[:70]
        focus = content_word_tuple(focus_text)
        clause_words = content_word_tuple(text[clause[0] : clause[1]])
        family = figure_family(kind, unit, rate)
        indicator = None
        inherited = None
        if not has_noun and previous:
            # "7 million people, one in three ..., compared with 6.9 million": the nearest
            # earlier figure of the same family says what a bare one counts
            same = [f for f in previous if f.family == family or f.family == "rate:" + f.rate]
            inherited = same[-1] if same else previous[-1]
        if (
            inherited is not None
            and kind == num.MONEY
            and inherited.observation.unit.startswith(unit + " per ")
        ):  # "cut to US$ 8 per person per month, then restored to US$ 12": the same measure
            family = inherited.family
            unit = inherited.observation.unit
            indicator_id = inherited.observation.indicator_id
            name = inherited.observation.indicator_name
            is_new = inherited.observation.indicator_is_new
        elif (
            inherited is not None
            and inherited.family in (family, "rate:" + inherited.rate)
            and kind == num.COUNT
        ):
            indicator_id = inherited.observation.indicator_id
            name = inherited.observation.indicator_name
            is_new = inherited.observation.indicator_is_new
            unit = inherited.observation.unit
            rate = rate or inherited.rate
            family = inherited.family
        else:
            inherited = None
            distances = self._distances(sentence, mention.number_start)
            indicator = self.catalogue.match(
                family,
                focus,
                clause_words,
                distances=distances,
                paragraph=Context(self.paragraph_words, text, sentence.start),
                own=own,
            )
            if indicator is None and clause != (sentence.start, sentence.end):
                indicator = self.catalogue.match(
                    family,
                    focus,
                    content_word_tuple(sentence.text),
                    distances=distances,
                    paragraph=Context(self.paragraph_words, text, sentence.start),
                    own=own,
                )
            if indicator is not None and not _units_agree(kind, unit, indicator.unit):
                # "the 500-day mark" beside an indicator kept in months: the same measure in
                # the stated unit, as a new indicator (500 days is not a whole number of months)
                indicator_id = f"{indicator.indicator_id}_{unit}"
                name, is_new = f"{indicator.name} ({unit})", True
                indicator = None
            elif indicator is not None:
                indicator_id, name, is_new = indicator.indicator_id, indicator.name, False
                unit = indicator.unit
            else:
                described = mention.what if kind == num.RATE else text[mention.end : own_end]
                if kind == num.MULTIPLIER or after.lstrip()[:1] in (",", ";", ".", ")", ""):
                    described = ""  # what it is of comes before: "rubble removal could cost ..."
                elif kind == num.SHARE and num.BY_CHANGE.search(before):
                    described = ""  # "electricity supply has fallen by three quarters"
                subject = before
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
                unit = _proposed_unit(kind, unit, rate)
        notes = [mention.note] if mention.note else []
        value, low, high = _convert(
            value, mention.value_low, mention.value_high, mention.unit, unit, notes
        )
        covering = speaker_for(mention.number_start, attributions)
        speaker, reported_on, reported_as_stated, _ = self._attribution(
            mention.number_start, attributions, speech, covering
        )
        period = self._period_for(
            mention.number_start, clause, periods, covering, self.figure_positions
        )
        if period is None and inherited is not None:
            period = inherited.period
        if period is None and previous:
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
        fields = _period_fields(period)
        review = _implausible(kind, unit, value)
        if review:
            notes.append("needs review: " + review)
        observation = candidate_observation(
            sentence,
            (indicator_id, name, is_new, unit),
            text[mention.start : mention.end],
            (speaker, reported_on, reported_as_stated),
            fields,
            self._location(sentence, clause, mention.number_start),
            value=value,
            value_low=low,
            value_high=high,
            qualifier=mention.qualifier,
            provisional=mention.provisional,
            notes="; ".join(notes),
            review=review,
        )
        return _Figure(mention, observation, clause, has_noun, period, family, rate)

    def _is_base(self, position: int, other: int) -> bool:
        between = self.text[position:other]
        return _OF_THE_END.search(between) is not None

    def _distances(self, sentence: Sentence, position: int) -> Distances:
        """How many words each content word of the sentence stands from a position."""
        return Distances(self._view(sentence), position - sentence.start)

    def _qualitative(self, sentence, attributions, speech, periods, figures) -> list[_Figure]:
        found = []
        for match in QUALITATIVE.finditer(sentence.text):
            position = sentence.start + match.start()
            clause = self._clause(sentence, position)
            after = self.text[position : clause[1]]
            if not AUXILIARY.search(after) and not re.search(r"\b\w+ed\b", after):
                continue
            clause_words = content_words(self.text[clause[0] : clause[1]])
            focus = content_words(after[:90])
            indicator = self.catalogue.match("count", focus, clause_words, qualitative=True)
            if indicator is None:
                continue  # a vague amount is kept only for what the catalogue tracks
            speaker, reported_on, reported_as_stated, _ = self._attribution(
                position, attributions, speech
            )
            period = self._period_for(position, clause, periods)
            observation = candidate_observation(
                sentence,
                (indicator.indicator_id, indicator.name, False, indicator.unit),
                match.group("q"),
                (speaker, reported_on, reported_as_stated),
                _period_fields(period),
                self._location(sentence, clause),
                qualifier=match.group("q").lower(),
            )
            found.append(_Figure(None, observation, clause, True, period, "count", ""))
        return found

    def _status(self, sentence, attributions, speech) -> list[_Figure]:
        """Statements in words about a tracked situation: 'food deliveries ... remain far below
        what is needed', 'aid ... is nowhere near enough'."""
        if not self.catalogue.status or not self._view(sentence).search(EVALUATIVE):
            return []
        words = set(content_word_tuple(sentence.text))
        found = []
        for indicator in self.catalogue.status:
            subject = [
                w
                for w in indicator.ordered_keys
                if w not in ("adequacy", "situation", "access", "level")
            ]
            if not subject or not set(subject) <= words:
                continue
            predicate = self._status_predicate(sentence, subject)
            if predicate is None:
                continue
            start, end = predicate
            speaker, reported_on, reported_as_stated, _ = self._attribution(
                start, attributions, speech
            )
            observation = candidate_observation(
                sentence,
                (indicator.indicator_id, indicator.name, False, indicator.unit),
                self.text[start:end],
                (speaker, reported_on, reported_as_stated),
                _period_fields(None),
                self._location(sentence, (sentence.start, sentence.end)),
            )
            found.append(
                _Figure(None, observation, (sentence.start, sentence.end), True, None, "status", "")
            )
        return found

    def _status_predicate(self, sentence: Sentence, subject: list[str]) -> tuple[int, int] | None:
        body = sentence.text
        # the ends of the words whose first content word is the subject's head, then pronouns
        candidates = list(self._view(sentence).words()[2].get(subject[-1], ()))
        if candidates:
            candidates += [m.end() for m in _IT_OR_THEY.finditer(body) if m.end() > candidates[0]]
        for position in candidates:
            auxiliary = AUXILIARY.match(body, position + 1) if position < len(body) else None
            if auxiliary is None:
                continue
            stop = _PREDICATE_END.search(body, auxiliary.end())
            end = stop.start() if stop else len(body)
            predicate = body[auxiliary.end() : end].strip()
            if predicate and EVALUATIVE.ignoring_case.search(predicate):
                return sentence.start + auxiliary.end(), sentence.start + auxiliary.end() + len(
                    predicate
                )
        return None

    # ------------------------------------------------------------------ helpers

    def _location(
        self, sentence: Sentence, clause: tuple[int, int], position: int | None = None
    ) -> str:
        """The place the figure or event at `position` describes: a place named in its clause
        (the nearest), else in its sentence, else the report's main place."""
        view = self._view(sentence)
        here = (position if position is not None else clause[0]) - sentence.start
        for start, end in (clause, (sentence.start, sentence.end)):
            # the sentence's places in this part of it (no place name spans a clause boundary)
            start, end = start - sentence.start, end - sentence.start
            if self.default_place and any(
                start <= s and e <= end for s, e in view.anaphoric_places()
            ):
                return self.default_place
            known = [name for s, e, name in view.known_places if start <= s and e <= end]
            if len(known) == 1:
                return PLACE_CANONICAL.get(known[0], known[0])
            if known:
                spans = [
                    (s, e, name) for s, e, name in view.known_places if start <= s and e <= end
                ]
                nearest = min(
                    spans, key=lambda p: (min(abs(p[0] - here), abs(p[1] - here)), -len(p[2]))
                )
                return PLACE_CANONICAL.get(nearest[2], nearest[2])
            for s, e, place in view.places_after_preposition():
                if start <= s and e <= end:
                    return place
        return self.default_place or "Unknown"

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
        for number, event in enumerate(self.events, start=1):
            event.candidate_id = f"e{number}"


EVALUATIVE_HINTS = (
    "below",
    "near",
    "enough",
    "sufficient",
    "adequate",
    "short",
    "resumed",
    "halted",
    "suspended",
    "intermittent",
    "limited",
    "restricted",
    "deteriorat",
    "worsen",
    "improv",
    "collapsed",
    "unchanged",
    "critical",
    "catastrophic",
    "dire",
)
# The speech verbs (of SPEECH_VERB) that make a sentence worth reading for attributions.
SPEECH_HINT_VERBS = frozenset(
    {"said", "says", "say", "told", "tells", "report", "reports", "reported", "estimate"}
    | {"estimates", "estimated", "warns", "warned", "noted", "added", "announced", "states"}
    | {"stated", "confirmed", "recorded", "records", "documented", "registered", "counted"}
    | {"claimed", "wrote"}
)


def _sentences_with(
    lower_text: str, hints: tuple[str, ...], sentences: list[Sentence], starts: list[int]
) -> set[int]:
    """Indexes of the sentences that contain one of the hints (lower case), found with
    str.find over the whole lower-cased text: one fast search per hint, not per sentence."""
    found: set[int] = set()
    ends = [sentence.end for sentence in sentences]
    find, bisect_right = lower_text.find, bisect.bisect_right  # looked up once: a hot loop
    for hint in hints:
        size = len(hint)
        position = find(hint)
        while position >= 0:
            index = bisect_right(starts, position) - 1
            if index >= 0 and position + size <= ends[index]:
                found.add(index)
                position = find(hint, ends[index])
            else:
                position = find(hint, position + 1)
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


def _period_fields(period: DatePhrase | None) -> dict:
    fields = dict(
        period_start="",
        period_end="",
        period_precision="",
        period_end_precision="",
        period_as_stated="",
    )
    if period is None:
        return fields
    first, last = period.first, period.last
    if period.role == "since":
        last = None
    if period.role == "until":
        first = None
    if first is not None:
        fields["period_start"] = first.day.isoformat()
        fields["period_precision"] = first.precision
    if last is not None:
        fields["period_end"] = last.day.isoformat()
        if first is None or last.precision != first.precision:
            fields["period_end_precision"] = last.precision
    fields["period_as_stated"] = period.text
    return fields


def _units_agree(kind: str, stated: str, indicator_unit: str) -> bool:
    """Can a figure stated in `stated` be kept in the indicator's unit? A duration only in its
    own unit or one it converts to exactly (weeks to days)."""
    if kind != num.DURATION or stated == indicator_unit:
        return True
    return (stated, indicator_unit) in _UNIT_FACTORS


def _implausible(kind: str, unit: str, value: float | None) -> str:
    """Why a figure's size is implausible for its unit, or "": a count of people or things
    that is not a whole number ("some 2.6 people fled": a "million" dropped from the text)."""
    if value is None or kind != num.COUNT or not unit.startswith("count"):
        return ""
    if value != int(value):
        return (
            f"a count of {value:g} is not a whole number; the text may have dropped a word "
            "such as “million”"
        )
    return ""


def _proposed_unit(kind: str, unit: str, rate: str) -> str:
    if rate:
        return f"{unit if unit not in ('count', '') else 'count'} per {rate}"
    if kind == num.SHARE:
        return "percent"
    if kind == num.DURATION:
        return {"weeks": "days", "years": "months", "hours": "hours"}.get(unit, unit)
    return unit


_UNIT_FACTORS = {
    ("weeks", "days"): 7,
    ("years", "months"): 12,
    ("months", "days"): 30,
    ("years", "days"): 365,
}


def _convert(value, low, high, stated_unit: str, unit: str, notes: list[str]):
    """A duration stated in weeks or years, for an indicator kept in days or months."""
    if stated_unit == unit:
        return value, low, high
    factor = _UNIT_FACTORS.get((stated_unit, unit))
    if factor is None or value is None:
        return value, low, high
    notes.append(f"stated in {stated_unit}, converted to {unit}")
    return (
        num.scaled(value, factor),
        num.scaled(low, factor) if low is not None else None,
        num.scaled(high, factor) if high is not None else None,
    )
