"""Report text in, candidate observations and events out.

The text is split into sentences once; numbers and date phrases are found by one pass each
over the whole text and handed to the sentence they fall in, and the hint words that say a
sentence may hold an event or a status are found by one str.find pass per hint. Each
sentence then decides, clause by clause, what each figure measures, when, and who said it;
what several figures of a sentence look up (clause boundaries, words, places) is worked out
once per sentence (`_SentenceView`). Every candidate quotes the sentence it comes from, at its
offsets in the text.
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
    STRONG_BOUNDARY,
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
from indicators.extract.sentences import Sentence, split_sentences


class _Caseless:
    """A case-insensitive pattern, also compiled case-sensitive for the lower-cased sentence:
    Python's re compares a case-insensitive alternation letter by letter, several times slower.
    The pattern's letters are lower case. `on(view)` gives the pattern and the text to run it
    on; positions are the same in both texts."""

    __slots__ = ("ignoring_case", "lower")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        if re.search(r"(?<!\\)(?<!\(\?)[A-Z]", pattern):  # escapes (\b) and (?P<name>) aside
            raise ValueError(f"a _Caseless pattern is written in lower case: {pattern}")
        self.ignoring_case = re.compile(pattern, flags | re.IGNORECASE)
        self.lower = re.compile(pattern, flags)

    def on(self, view: _SentenceView) -> tuple[re.Pattern, str]:
        if view.plain_case:
            return self.lower, view.lower
        return self.ignoring_case, view.sentence.text


# Lower case on purpose: "Horn Daily" is a newspaper, not a rate.
RATE_AFTER = re.compile(
    r"\b(?:(?:a|per|each|every)\s+(?P<unit>day|week|month)|(?P<adverb>daily|weekly|monthly))\b"
)
RATE_BEFORE = re.compile(
    r"\b(?:[Ee]ach|[Ee]very|per)\s+(?P<unit>day|week|month)\b|\b(?P<adverb>daily|weekly)\b"
)
# A date right after such a verb dates an event ("began on 19 May"), not a figure's period.
EVENT_VERB_BEFORE = re.compile(
    r"\b(?:began|started|erupted|struck|hit|broke\s+out|collapsed|ended|took\s+effect"
    r"|came\s+into\s+(?:effect|force)|launched|imposed|signed|agreed)\s*\Z",
    re.I,
)
ADVERB_UNIT = {"daily": "day", "weekly": "week", "monthly": "month"}
# The last words of EVENT_VERB_BEFORE's verbs: a cheap test before the pattern is searched.
EVENT_VERB_ENDINGS = (
    "began",
    "started",
    "erupted",
    "struck",
    "hit",
    "out",
    "collapsed",
    "ended",
    "effect",
    "force",
    "launched",
    "imposed",
    "signed",
    "agreed",
)


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
ASIDE = re.compile(r",\s+(?:who|which|a\s+deal\s+that)\b[^,]*,?")
QUALITATIVE = re.compile(
    r"\b(?P<q>[Mm]any|[Ss]everal)\s+(?:of\s+the\s+)?(?P<np>(?:[a-z]+\s+){0,2}?(?:hospitals|clinics|health\s+(?:centres|centers|facilities|workers)"
    r"|schools|families|households|civilians|villages|towns|communities|shelters|wells|water\s+points|bakeries"
    r"|markets|homes|buildings|convoys|trucks|crossings|roads|bridges|facilities|patients|aid\s+workers"
    r"|staff|camps|districts|neighbou?rhoods|areas|children|people)\b)"
)
EVALUATIVE = _Caseless(
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

EVENT_KEYWORDS: tuple[tuple[str, re.Pattern], ...] = (
    (
        "blockade",
        re.compile(
            r"\b(?:blockade[sd]?|closure|(?:closed|shut)\s+(?:the\s+|all\s+)?(?:crossings?|borders?|roads?)"
            r"|crossings?\s+(?:were|was|had\s+been|have\s+been|remain(?:ed)?)\s+(?:closed|shut)"
            r"|(?:did\s+not|didn[’']t|does\s+not|would\s+not)\s+(?:let|allow)\s+(?:any\s+)?(?:aid|food|supplies|goods|trucks|fuel)"
            r"|no\s+(?:aid|food|supplies|trucks|convoys?|fuel)\s+(?:has\s+|have\s+|had\s+)?(?:entered|reached|been\s+allowed)"
            r"|blocked\s+(?:all\s+)?(?:roads|access|aid|supplies|deliveries|the\s+roads)"
            r"|(?:have|has|had)\s+not\s+(?:been\s+able\s+to\s+)?reach(?:ed)?|cut\s+off\s+(?:from\s+)?aid)",
            re.I,
        ),
    ),
    ("siege", re.compile(r"\b(?:siege|besieged|encircled|encirclement)\b", re.I)),
    (
        "talks",
        re.compile(
            r"\b(?:talks|negotiations|negotiating\s+team|negotiators|mediators?|mediation|proposal"
            r"|framework\s+for)\b",
            re.I,
        ),
    ),
    (
        "ceasefire",
        re.compile(r"\b(?:ceasefire|cease-fire|truce|humanitarian\s+pause)\b", re.I),
    ),
    ("war", re.compile(r"\b(?:war|invasion|offensive|hostilities)\b", re.I)),
    (
        "diplomacy",
        re.compile(r"\b(?:travel?l?ed\s+to|visited|visit\s+to|met\s+with|summit)\b", re.I),
    ),
    (
        "statement",
        re.compile(
            r"\b(?:struck\s+an?\s+\w+\s+tone|issued\s+a\s+statement|declared\s+(?:a|an|the)\b)",
            re.I,
        ),
    ),
)
KIND_PRIORITY = {kind: rank for rank, (kind, _) in enumerate(EVENT_KEYWORDS)}
# All event words in one pass: one group per kind. Every kind's pattern opens with \b, taken
# out in front so that the alternatives are tried only at word boundaries.
EVENT_WORDS = _Caseless(
    r"\b(?:"
    + "|".join(
        f"(?P<{kind}>{pattern.pattern.removeprefix(chr(92) + 'b')})"
        for kind, pattern in EVENT_KEYWORDS
    )
    + ")"
)
# Verbs that say an event changed state; an undated event needs one.
CHANGE_VERB = _Caseless(
    r"\b(?:suspend(?:s|ed|ing)|pull(?:s|ed|ing)\s+(?:\w+\s+){0,3}out|withdr(?:ew|awing|awn)|collapsed"
    r"|broke\s+down|ended|resumed|halted|began|started|erupted|broke\s+out|took\s+effect"
    r"|came\s+into\s+(?:effect|force)|imposed|lifted|reopened|launched)\b"
)
END_VERB = re.compile(
    r"\b(?:collapsed|broke\s+down|ended|expired|lifted|reopened|was\s+over)\b", re.I
)
MODAL = _Caseless(r"\b(?:could|would|might|may|will|if)\b")
DURATION_OF_EVENT = _Caseless(
    r"\b(?P<count>\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|a\s+few)"
    r"\s+(?P<unit>days|weeks|months|years)\s+of\s+(?P<what>war|fighting|talks|negotiations|siege|blockade|conflict)\b"
)
EVENT_WORD_KIND = {
    "war": "war",
    "fighting": "war",
    "conflict": "war",
    "talks": "talks",
    "negotiations": "talks",
    "siege": "siege",
    "blockade": "blockade",
}

# The gazetteer (vocabulary/places.json). A trie of the names (see `patterns.trie_pattern`)
# prefers the longer of two names that start alike ("Gaza Strip" over "Gaza"). The same
# matches as \b(?:trie)\b, in a pattern that opens with a letter and so scans faster (see
# `patterns.bounded_trie_pattern`).
KNOWN_PLACE = re.compile(patterns.bounded_trie_pattern(set(vocabulary.place_names())))
PLACE_AFTER_PREPOSITION = re.compile(
    r"\b(?:i(?:n(?:side|to)?)|across|near|throughout)\s+(?:the\s+)?"
    r"(?P<place>[A-Z][a-zé’'-]+(?:[ -](?:[A-Z][a-zé’'-]+|al|el|de|du))*(?:\s(?:region|province|governorate|district|state|city|camp))?)"
)
NOT_PLACES = frozenset(
    [
        "The",
        "A",
        "An",
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "President",
        "Prime",
        "Minister",
        "Ministry",
        "Office",
        "United",
        "Nations",
        "Health",
        "Director",
        "General",
        "Secretary",
        "State",
        "Department",
        "Council",
        "Security",
        "Red",
        "Cross",
        "Crescent",
        "Palestinian",
        "Israeli",
        "Hamas",
        "This",
        "That",
        "These",
        "Those",
        "It",
        "He",
        "She",
        "They",
        "We",
        "Our",
    ]
)
ANAPHORIC_PLACE = re.compile(r"\bthe\s+(?:enclave|Strip|territory)\b")
PLACE_CANONICAL = vocabulary.place_canonical()
# A place named as an actor ("Israel has placed ...", "Iran called for ...") or as where
# people came back from ("returned from Iran and Pakistan") is not where a figure holds.
ACTOR_AFTER_PLACE = re.compile(
    r"(?:’s|'s)?\s+(?:has|have|had|is|was|said|says|say|announced|called|accused|denied|pulled"
    r"|struck|launched|deported|expelled|kept|placed|stepped|warned|urged|rejected|agreed|sent)\b"
)
ORIGIN_BEFORE_PLACE = re.compile(
    r"\b(?:return\w*|deport\w*|repatriat\w*|expell?\w*|back|them|refugees|arrivals|migrants)"
    r"\s+from\s+"
    r"(?:[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*\s*(?:,|and|or)\s+)*\Z"
)


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


class _Run:
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
        self.view: _SentenceView | None = None
        # `_Caseless` patterns may run on lower-cased sentences unless a letter of the report
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

    def _view(self, sentence: Sentence) -> _SentenceView:
        """What is worked out once per sentence (clause boundaries, words, places)."""
        if self.view is None or self.view.sentence is not sentence:
            known = places_described(sentence.text)
            self.view = _SentenceView(sentence, known, self.plain_case, "")
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
        lower_text = text.lower()
        if len(lower_text) != len(text):  # "İ": offsets of the lower-cased text would shift
            lower_text, self.plain_case = "", False
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
            self.view = _SentenceView(sentence, known_places[index], self.plain_case, lower_text)
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
                paragraph=_Context(self.paragraph_words, text, sentence.start),
                own=own,
            )
            if indicator is None and clause != (sentence.start, sentence.end):
                indicator = self.catalogue.match(
                    family,
                    focus,
                    content_word_tuple(sentence.text),
                    distances=distances,
                    paragraph=_Context(self.paragraph_words, text, sentence.start),
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
        observation = Observation(
            candidate_id="",
            indicator_id=indicator_id,
            indicator_name=name,
            indicator_is_new=is_new,
            unit=unit,
            location=self._location(sentence, clause, mention.number_start),
            value=value,
            value_low=low,
            value_high=high,
            qualifier=mention.qualifier,
            value_as_stated=text[mention.start : mention.end],
            reported_on=reported_on,
            reported_on_as_stated=reported_as_stated,
            attributed_to=speaker,
            quote=sentence.text,
            quote_start=sentence.start,
            quote_end=sentence.end,
            provisional=mention.provisional,
            notes="; ".join(notes),
            review=review,
            **fields,
        )
        return _Figure(mention, observation, clause, has_noun, period, family, rate)

    def _is_base(self, position: int, other: int) -> bool:
        between = self.text[position:other]
        return _OF_THE_END.search(between) is not None

    def _distances(self, sentence: Sentence, position: int) -> _Distances:
        """How many words each content word of the sentence stands from a position."""
        return _Distances(self._view(sentence), position - sentence.start)

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
            observation = Observation(
                candidate_id="",
                indicator_id=indicator.indicator_id,
                indicator_name=indicator.name,
                indicator_is_new=False,
                unit=indicator.unit,
                location=self._location(sentence, clause),
                value=None,
                value_low=None,
                value_high=None,
                qualifier=match.group("q").lower(),
                value_as_stated=match.group("q"),
                reported_on=reported_on,
                reported_on_as_stated=reported_as_stated,
                attributed_to=speaker,
                quote=sentence.text,
                quote_start=sentence.start,
                quote_end=sentence.end,
                provisional=False,
                **_period_fields(period),
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
            observation = Observation(
                candidate_id="",
                indicator_id=indicator.indicator_id,
                indicator_name=indicator.name,
                indicator_is_new=False,
                unit=indicator.unit,
                location=self._location(sentence, (sentence.start, sentence.end)),
                value=None,
                value_low=None,
                value_high=None,
                qualifier="",
                value_as_stated=self.text[start:end],
                reported_on=reported_on,
                reported_on_as_stated=reported_as_stated,
                attributed_to=speaker,
                quote=sentence.text,
                quote_start=sentence.start,
                quote_end=sentence.end,
                provisional=False,
                **_period_fields(None),
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

    # ------------------------------------------------------------------ events

    def _events(self, sentence, attributions, speech, periods) -> None:
        view = self._view(sentence)
        keywords = []
        pattern, body = EVENT_WORDS.on(view)
        for match in pattern.finditer(body):
            position = sentence.start + match.start()
            if any(_in_atom(position, p) for p in periods) or any(
                a.covers_words(position) for a in attributions
            ):
                continue
            keywords.append((match.lastgroup, position, match))
        talks_positions = [k[1] for k in keywords if k[0] == "talks"]
        keywords = [
            ("talks", k[1], k[2])
            if k[0] == "ceasefire" and any(abs(k[1] - t) <= 40 for t in talks_positions)
            else k
            for k in keywords
        ]  # "talks on a new ceasefire", "ceasefire negotiations" are talks
        pattern, body = DURATION_OF_EVENT.on(view)
        # the pattern needs a unit word; a lower-cased body without one cannot match
        durations = (
            list(pattern.finditer(body))
            if not view.plain_case
            or "days" in body
            or "weeks" in body
            or "months" in body
            or "years" in body
            else []
        )
        if not keywords and not durations:
            return
        made = False
        for duration in durations:
            kind = EVENT_WORD_KIND[duration.group("what").lower()]
            position = sentence.start + duration.start()
            start, precision = "", ""
            count = num.parse_number(duration.group("count"))
            if count:
                unit = duration.group("unit").lower()
                back = {
                    "days": relativedelta(days=int(count)),
                    "weeks": relativedelta(weeks=int(count)),
                    "months": relativedelta(months=int(count)),
                    "years": relativedelta(years=int(count)),
                }[unit]
                began = self.published - back
                precision = {"days": "day", "weeks": "week", "months": "month", "years": "year"}[
                    unit
                ]
                began = began.replace(day=1) if precision == "month" else began
                began = began.replace(month=1, day=1) if precision == "year" else began
                start = began.isoformat()
            words = sentence.text  # as written, not lower-cased
            stated = (
                words[duration.start() : duration.end()]
                if count
                else f"{words[slice(*duration.span('count'))]} {words[slice(*duration.span('unit'))]}"
            )
            self._add_event(
                sentence,
                kind,
                position,
                attributions,
                speech,
                start,
                precision,
                stated,
                "",
                "",
                "",
                "Start counted back from the report's date." if start else "",
            )
            made = True
        if made:
            return
        # each date phrase dates the event word nearest it; a sentence may date several
        # events ("talks collapsed last week, and the city has been under siege since May")
        dated_kinds: set[str] = set()
        for phrase in periods:
            if phrase.anchor_name:
                continue
            nearest = min(
                keywords,
                key=lambda k: (
                    min(abs(k[1] - phrase.start), abs(k[1] - phrase.end)),
                    KIND_PRIORITY[k[0]],
                ),
                default=None,
            )
            if nearest is None:
                continue
            kind, position, _ = nearest
            if abs(position - phrase.start) > 160:
                continue
            if (
                kind in ("ceasefire", "war")
                and not view.search(CHANGE_VERB)
                and phrase.role == "point"
            ):
                continue
            if kind in dated_kinds or (
                dated_kinds and not _nearest_phrase(position, phrase, periods)
            ):
                continue
            self._dated_event(sentence, kind, position, phrase, attributions, speech)
            dated_kinds.add(kind)
        if dated_kinds:
            return
        anchored = [p for p in periods if p.anchor_name]
        when = anchored[0] if anchored else None
        if when is None:
            covering = [speech.get(id(a)) for a in attributions if speech.get(id(a)) is not None]
            when = covering[0] if covering else None
        if keywords and when is not None:
            kind, position, _ = min(keywords, key=lambda k: KIND_PRIORITY[k[0]])
            if kind == "statement" or kind == "war":
                return
            self._add_event(
                sentence,
                kind,
                position,
                attributions,
                speech,
                when.first.day.isoformat(),
                when.first.precision,
                when.text,
                "",
                "",
                "",
                "",
            )
            return
        changed = view.search(CHANGE_VERB)
        if keywords and changed and not view.search(MODAL):
            kind, position, _ = min(keywords, key=lambda k: (KIND_PRIORITY[k[0]], k[1]))
            if kind in ("statement", "diplomacy") or any(e.kind == kind for e in self.events):
                return
            self._add_event(
                sentence,
                kind,
                position,
                attributions,
                speech,
                self.published.isoformat(),
                "day",
                "",
                "",
                "",
                "",
                "The report does not date it; its publication day is used.",
            )

    def _dated_event(
        self, sentence, kind, position, phrase: DatePhrase, attributions, speech
    ) -> None:
        start = start_precision = start_stated = end = end_precision = end_stated = ""
        if phrase.role == "range":
            start, start_precision, start_stated = _atom_fields(phrase.first)
            end, end_precision, end_stated = _atom_fields(phrase.last)
        elif phrase.role == "since":
            start, start_precision, _ = _atom_fields(phrase.first)
            start_stated = phrase.text
        elif phrase.role == "until":
            end, end_precision, _ = _atom_fields(phrase.last)
            end_stated = phrase.text
        else:
            verb = END_VERB.search(self.text, max(sentence.start, phrase.start - 40), phrase.start)
            if verb is not None and kind in ("ceasefire", "war", "blockade", "siege", "talks"):
                end, end_precision, _ = _atom_fields(phrase.first)
                end_stated = phrase.text
            else:
                start, start_precision, _ = _atom_fields(phrase.first)
                start_stated = _point_words(phrase)
        self._add_event(
            sentence,
            kind,
            position,
            attributions,
            speech,
            start,
            start_precision,
            start_stated,
            end,
            end_precision,
            end_stated,
            "",
        )

    def _add_event(
        self,
        sentence,
        kind,
        position,
        attributions,
        speech,
        start,
        start_precision,
        start_stated,
        end,
        end_precision,
        end_stated,
        note,
    ) -> None:
        covering = speaker_for(position, attributions)
        speaker = covering.speaker if covering is not None else self.publisher
        clause = self._clause(sentence, position, asides=True)
        for existing in self.events:
            if (existing.kind, existing.start, existing.end, existing.attributed_to) == (
                kind,
                start,
                end,
                speaker,
            ) and start + end:
                return
        self.events.append(
            Event(
                candidate_id="",
                kind=kind,
                label=_label(self.text[clause[0] : clause[1]]),
                start=start,
                start_precision=start_precision,
                start_as_stated=start_stated,
                end=end,
                end_precision=end_precision,
                end_as_stated=end_stated,
                location=self._location(sentence, clause, position),
                attributed_to=speaker,
                quote=sentence.text,
                quote_start=sentence.start,
                quote_end=sentence.end,
                notes=note,
            )
        )

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


# Substrings that must occur (lower case) before the event and status patterns are tried.
EVENT_HINTS = (
    "blockade",
    "closure",
    "closed",
    "shut",
    "let any",
    "allow",
    "no aid",
    "no food",
    "no supplies",
    "no trucks",
    "no convoy",
    "no fuel",
    "blocked",
    "reach",
    "cut off",
    "siege",
    "besieged",
    "encircle",
    "talks",
    "negotiat",
    "mediat",
    "proposal",
    "framework",
    "ceasefire",
    "cease-fire",
    "truce",
    "pause",
    "war",
    "invasion",
    "offensive",
    "hostilities",
    "travel",
    "visit",
    "met with",
    "summit",
    "tone",
    "statement",
    "declared",
    "days of",
    "weeks of",
    "months of",
    "years of",
)
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
_WORD = re.compile(r"[A-Za-z][A-Za-z’'-]*|\d[\d,.]*")
# The speech verbs (of SPEECH_VERB) that make a sentence worth reading for attributions.
SPEECH_HINT_VERBS = frozenset(
    {"said", "says", "say", "told", "tells", "report", "reports", "reported", "estimate"}
    | {"estimates", "estimated", "warns", "warned", "noted", "added", "announced", "states"}
    | {"stated", "confirmed", "recorded", "records", "documented", "registered", "counted"}
    | {"claimed", "wrote"}
)


class _SentenceView:
    """Parts of one sentence that several figures and events of it look up: clause
    boundaries, words and their content words, place names. Each is found on first use;
    positions are relative to the sentence."""

    __slots__ = ("sentence", "known_places", "plain_case", "_lower_text", "_lower")
    __slots__ += ("_boundaries", "_asides", "_words", "_anaphoric", "_after_preposition")

    def __init__(
        self,
        sentence: Sentence,
        known_places: list[tuple[int, int, str]],
        plain_case: bool,
        lower_text: str,
    ) -> None:
        self.sentence = sentence
        self.known_places = known_places
        self.plain_case = plain_case  # may `_Caseless` patterns run on `lower`?
        self._lower_text = lower_text  # the whole text lower-cased, if its offsets hold
        self._lower: str | None = None
        self._boundaries = self._asides = self._words = None
        self._anaphoric = self._after_preposition = None

    @property
    def lower(self) -> str:
        if self._lower is None:
            sentence = self.sentence
            self._lower = (
                self._lower_text[sentence.start : sentence.end]
                if self._lower_text
                else sentence.text.lower()
            )
        return self._lower

    def search(self, pattern: _Caseless) -> re.Match | None:
        compiled, body = pattern.on(self)
        return compiled.search(body)

    def boundaries(self) -> list[tuple[int, int]]:
        if self._boundaries is None:
            self._boundaries = [m.span() for m in STRONG_BOUNDARY.finditer(self.sentence.text)]
        return self._boundaries

    def asides(self) -> list[tuple[int, int]]:
        if self._asides is None:
            self._asides = [m.span() for m in ASIDE.finditer(self.sentence.text)]
        return self._asides

    def words(self) -> tuple[list[int], dict[str, list[int]], dict[str, list[int]]]:
        """Where each word starts; for each content word, the indexes of the words that
        carry it; and the ends of the words whose first content word it is."""
        if self._words is None:
            starts: list[int] = []
            indexes: dict[str, list[int]] = {}
            ends: dict[str, list[int]] = {}
            for index, match in enumerate(_WORD.finditer(self.sentence.text)):
                starts.append(match.start())
                normals = content_word_tuple(match.group())
                for normal in normals:
                    indexes.setdefault(normal, []).append(index)
                if normals:
                    ends.setdefault(normals[0], []).append(match.end())
            self._words = (starts, indexes, ends)
        return self._words

    def anaphoric_places(self) -> list[tuple[int, int]]:
        if self._anaphoric is None:
            text = self.sentence.text
            self._anaphoric = (
                [m.span() for m in ANAPHORIC_PLACE.finditer(text)]
                if "enclave" in text or "Strip" in text or "territory" in text
                else []
            )
        return self._anaphoric

    def places_after_preposition(self) -> list[tuple[int, int, str]]:
        """'in Tawila', 'across North Kordofan region': capitalised words after a preposition
        that are not a title, a month or an acronym."""
        if self._after_preposition is None:
            self._after_preposition = []
            for match in PLACE_AFTER_PREPOSITION.finditer(self.sentence.text):
                place = match.group("place")
                if place.split()[0] not in NOT_PLACES and not place.isupper():
                    self._after_preposition.append((*match.span("place"), place))
        return self._after_preposition


class _Context:
    """The words around a figure that may name what its clause leaves unsaid: its paragraph
    and, read on first use, the text just before its sentence (a section heading)."""

    __slots__ = ("paragraph", "text", "start", "_before")

    def __init__(self, paragraph: set[str], text: str, start: int) -> None:
        self.paragraph, self.text, self.start = paragraph, text, start
        self._before: frozenset[str] | None = None

    def __iter__(self):
        return iter(self.paragraph)

    def __len__(self) -> int:
        return len(self.paragraph)

    def __contains__(self, word: str) -> bool:
        if word in self.paragraph:
            return True
        if self._before is None:
            self._before = frozenset(
                content_word_tuple(self.text[max(0, self.start - 300) : self.start])
            )
        return word in self._before


class _Distances:
    """Content word -> how many words it stands from a figure (the nearest occurrence).
    Only a tie between indicators asks, so the sentence's words are read on first use."""

    __slots__ = ("view", "relative", "_here")

    def __init__(self, view: _SentenceView, relative: int) -> None:
        self.view = view
        self.relative = relative
        self._here = -1

    def __bool__(self) -> bool:
        return True

    def __contains__(self, word: str) -> bool:
        return word in self.view.words()[1]

    def __getitem__(self, word: str) -> int:
        word_starts, indexes, _ = self.view.words()
        if self._here < 0:
            self._here = bisect.bisect_left(word_starts, self.relative)
        here = self._here
        return min(abs(index - here) for index in indexes[word])


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


def one_per_fact(
    observations: list[Observation], publisher: str, default_place: str
) -> list[Observation]:
    """One candidate per fact: a figure repeated in a headline, a summary box and the body
    (same indicator, value, bounds and unit; qualifier, period, attribution and place the same
    or left unsaid in one) is kept once, as the statement that says the most, whose notes name
    where else it is stated."""
    kept: list[Observation] = []
    by_value: dict[tuple, list[int]] = {}  # (value, unit) -> indexes in kept: facts to compare
    for observation in observations:
        key = (observation.value, observation.unit)
        for index in by_value.get(key, ()) if observation.value is not None else ():
            other = kept[index]
            if _same_fact(other, observation, publisher, default_place):
                richer, poorer = (
                    (observation, other)
                    if _detail(observation, publisher) > _detail(other, publisher)
                    else (other, observation)
                )
                also = f"also stated at [{poorer.quote_start}:{poorer.quote_end}]"
                richer.notes = "; ".join(n for n in (richer.notes, poorer.notes, also) if n)
                kept[index] = richer
                break
        else:
            by_value.setdefault(key, []).append(len(kept))
            kept.append(observation)
    return kept


def _same_fact(a: Observation, b: Observation, publisher: str, default_place: str) -> bool:
    if a.value is None or (a.value, a.unit) != (b.value, b.unit):
        return False
    if a.indicator_id != b.indicator_id and not (
        # a headline and the body word one figure differently: "Nearly one million Rohingya
        # refugees face cuts" and "Nearly one million Rohingya refugees live in the camps"
        (a.indicator_is_new or b.indicator_is_new)
        and a.value_as_stated.lower() == b.value_as_stated.lower()
        and a.value >= 1000
    ):
        return False
    if a.quote_start == b.quote_start:
        return False  # two figures of one sentence are two statements
    if (a.value_low, a.value_high) != (b.value_low, b.value_high) and a.qualifier and b.qualifier:
        return False

    def agree(x: str, y: str, unsaid: tuple[str, ...] = ("",)) -> bool:
        return x == y or x in unsaid or y in unsaid

    return (
        agree(a.qualifier, b.qualifier)
        and agree(a.period_start, b.period_start)
        and agree(a.period_end, b.period_end)
        and agree(a.attributed_to, b.attributed_to, ("", publisher))
        and agree(a.location, b.location, ("", "Unknown", default_place))
    )


def _detail(observation: Observation, publisher: str) -> tuple:
    """How much a statement of a figure says: a period, a named source, a hedge, a place."""
    return (
        not observation.indicator_is_new,  # a catalogue indicator over a proposed one
        bool(observation.period_start or observation.period_end),
        observation.attributed_to != publisher,
        bool(observation.qualifier),
        -observation.quote_start,  # then the first
    )


def places_described(text: str) -> list[tuple[int, int, str]]:
    """The gazetteer's places in a sentence that a figure there may describe: not an actor
    ("Iran has stepped up deportations") nor an origin ("returned from Iran")."""
    found = []
    for match in KNOWN_PLACE.finditer(text):
        start, end = match.span()
        if ACTOR_AFTER_PLACE.match(text, end) or (
            text.find("from", max(0, start - 80), start) >= 0
            and ORIGIN_BEFORE_PLACE.search(text, max(0, start - 80), start)
        ):
            continue
        found.append((start, end, match.group()))
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


def _nearest_phrase(position: int, phrase: DatePhrase, periods: list[DatePhrase]) -> bool:
    """Is `phrase` the date phrase nearest the event word at `position`?"""

    def distance(p: DatePhrase) -> int:
        return min(abs(position - p.start), abs(position - p.end))

    return all(distance(phrase) <= distance(other) for other in periods if not other.anchor_name)


def _in_atom(position: int, phrase: DatePhrase) -> bool:
    atoms = [a for a in (phrase.first, phrase.last) if a is not None]
    if phrase.anchor_name:
        return phrase.start <= position < phrase.end
    return any(a.start <= position < a.end for a in atoms)


def _atom_fields(atom) -> tuple[str, str, str]:
    if atom is None:
        return "", "", ""
    return atom.day.isoformat(), atom.precision, atom.text


def _point_words(phrase: DatePhrase) -> str:
    return re.sub(
        r"^(?:[Oo]n|[Ii]n|[Dd]uring|[Aa]s\s+of|[Aa]t|[Oo]f|[Ff]or|[Oo]ver)\s+", "", phrase.text
    )


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


_LABEL_EDGES = re.compile(r"^[\s,;:—–-]+|[\s,;:.—–-]+$")
_LABEL_LEAD_WORD = re.compile(r"^(?:and|but|while|with|who|which)\s+", re.I)


def _label(clause: str) -> str:
    label = _LABEL_EDGES.sub("", clause)
    label = _LABEL_LEAD_WORD.sub("", label)
    if len(label) > 90:
        label = label[:90].rsplit(" ", 1)[0] + "…"
    return label[:1].upper() + label[1:] if label else "Event"
