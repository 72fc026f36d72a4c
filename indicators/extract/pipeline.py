"""Report text in, candidate observations and events out.

The text is split into sentences once; numbers, date phrases and event words are found by
one regex pass each over the whole text and handed to the sentence they fall in. Each
sentence then decides, clause by clause, what each figure measures, when, and who said it.
Every candidate quotes the sentence it comes from, at its offsets in the text.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import asdict, dataclass, field
from datetime import date

from dateutil.relativedelta import relativedelta

from indicators.extract import numbers as num
from indicators.extract.attribution import (
    STRONG_BOUNDARY,
    Attribution,
    Speakers,
    find_attributions,
    speaker_for,
)
from indicators.extract.catalogue import Catalogue, content_words, figure_family, propose
from indicators.extract.dates import DatePhrase, DateResolver, find_date_phrases, is_future
from indicators.extract.sentences import Sentence, split_sentences

OBSERVATION_FIELDS = [
    "observation_id",
    "indicator_id",
    "location",
    "value",
    "value_low",
    "value_high",
    "qualifier",
    "value_as_stated",
    "period_start",
    "period_end",
    "period_precision",
    "period_end_precision",
    "period_as_stated",
    "reported_on",
    "reported_on_as_stated",
    "source_id",
    "attributed_to",
    "quote",
    "quote_start",
    "quote_end",
    "provisional",
    "notes",
]
EVENT_FIELDS = [
    "event_id",
    "kind",
    "label",
    "start",
    "start_precision",
    "start_as_stated",
    "end",
    "end_precision",
    "end_as_stated",
    "location",
    "source_id",
    "attributed_to",
    "quote",
    "quote_start",
    "quote_end",
    "notes",
]

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
# A clause boundary for dates and figures: the strong ones plus asides set off by commas.
ASIDE = re.compile(r",\s+(?:who|which|a\s+deal\s+that)\b[^,]*,?")
QUALITATIVE = re.compile(
    r"\b(?P<q>[Mm]any|[Ss]everal)\s+(?:of\s+the\s+)?(?P<np>(?:[a-z]+\s+){0,2}?(?:hospitals|clinics|health\s+(?:centres|centers|facilities|workers)"
    r"|schools|families|households|civilians|villages|towns|communities|shelters|wells|water\s+points|bakeries"
    r"|markets|homes|buildings|convoys|trucks|crossings|roads|bridges|facilities|patients|aid\s+workers"
    r"|staff|camps|districts|neighbou?rhoods|areas|children|people)\b)"
)
EVALUATIVE = re.compile(
    r"\b(?:(?:far\s+)?below|nowhere\s+near|not\s+enough|insufficient|inadequate|sufficient|enough"
    r"|far\s+short|short\s+of|resumed|halted|suspended|intermittent(?:ly)?|limited|restricted"
    r"|deteriorat\w+|worsen\w+|improv\w+|collapsed|unchanged|critical|catastrophic|dire)\b",
    re.I,
)
AUXILIARY = re.compile(r"\b(?:is|are|was|were|has|have|had|remains?|remained)\b(?:\s+been)?\s+")

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
        re.compile(r"\b(?:struck\s+an?\s+\w+\s+tone|issued\s+a\s+statement|declared)\b", re.I),
    ),
)
KIND_PRIORITY = {kind: rank for rank, (kind, _) in enumerate(EVENT_KEYWORDS)}
# All event words in one pass: one group per kind.
EVENT_WORDS = re.compile(
    "|".join(f"(?P<{kind}>{pattern.pattern})" for kind, pattern in EVENT_KEYWORDS), re.I
)
# Verbs that say an event changed state; an undated event needs one.
CHANGE_VERB = re.compile(
    r"\b(?:suspend(?:s|ed|ing)|pull(?:s|ed|ing)\s+(?:\w+\s+){0,3}out|withdr(?:ew|awing|awn)|collapsed"
    r"|broke\s+down|ended|resumed|halted|began|started|erupted|broke\s+out|took\s+effect"
    r"|came\s+into\s+(?:effect|force)|imposed|lifted|reopened|launched)\b",
    re.I,
)
END_VERB = re.compile(
    r"\b(?:collapsed|broke\s+down|ended|expired|lifted|reopened|was\s+over)\b", re.I
)
MODAL = re.compile(r"\b(?:could|would|might|may|will|if)\b", re.I)
DURATION_OF_EVENT = re.compile(
    r"\b(?P<count>\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|a\s+few)"
    r"\s+(?P<unit>days|weeks|months|years)\s+of\s+(?P<what>war|fighting|talks|negotiations|siege|blockade|conflict)\b",
    re.I,
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

KNOWN_PLACES = (
    "Gaza Strip|West Bank|East Jerusalem|Gaza|Rafah|Khan Younis|Jabalia|Deir al-Balah|Israel|Lebanon|Syria|Yemen|Sudan|South Sudan"
    "|Darfur|North Darfur|South Darfur|West Darfur|El Fasher|Khartoum|Tawila|Kordofan|Ethiopia|Tigray|Amhara|Somalia|Mogadishu|Baidoa"
    "|Kenya|Chad|Niger|Mali|Burkina Faso|Nigeria|Borno|Cameroon|Central African Republic|DRC"
    "|Democratic Republic of the Congo|Democratic Republic of Congo|North Kivu|South Kivu|Ituri|Goma|Bukavu|Haiti|Port-au-Prince"
    "|Ukraine|Kharkiv|Kherson|Donetsk|Zaporizhzhia|Sumy|Kyiv|Odesa|Dnipro|Pokrovsk|Afghanistan|Kabul|Herat|Kunar|Nangarhar"
    "|Pakistan|Bangladesh|Cox's Bazar|Myanmar|Rakhine|Iraq|Libya|Mozambique|Cabo Delgado|Venezuela|Colombia|Qatar|Doha|Cairo|Egypt"
    "|Europe|United States|Hodeidah|Taiz|Aden|Sanaa|Marib|Lahj|Djibo|Ouagadougou|Mirebalais|Tigray|Jordan|Iran|Turkey"
)
KNOWN_PLACE = re.compile(rf"\b(?:{KNOWN_PLACES})\b")
PLACE_AFTER_PREPOSITION = re.compile(
    r"\b(?:in|across|into|near|inside|throughout)\s+(?:the\s+)?"
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
PLACE_CANONICAL = {"Gaza": "Gaza Strip", "DRC": "Democratic Republic of the Congo"}


@dataclass
class Observation:
    candidate_id: str
    indicator_id: str
    indicator_name: str
    indicator_is_new: bool
    unit: str
    location: str
    value: float | None
    value_low: float | None
    value_high: float | None
    qualifier: str
    value_as_stated: str
    period_start: str
    period_end: str
    period_precision: str
    period_end_precision: str
    period_as_stated: str
    reported_on: str
    reported_on_as_stated: str
    attributed_to: str
    quote: str
    quote_start: int
    quote_end: int
    provisional: bool
    notes: str = ""


@dataclass
class Event:
    candidate_id: str
    kind: str
    label: str
    start: str
    start_precision: str
    start_as_stated: str
    end: str
    end_precision: str
    end_as_stated: str
    location: str
    attributed_to: str
    quote: str
    quote_start: int
    quote_end: int
    notes: str = ""


@dataclass
class Extraction:
    source: dict
    observations: list[Observation] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "source": self.source,
            "observations": [asdict(o) for o in self.observations],
            "events": [asdict(e) for e in self.events],
        }

    def new_indicators(self) -> list[dict]:
        seen: dict[str, dict] = {}
        for observation in self.observations:
            if observation.indicator_is_new and observation.indicator_id not in seen:
                seen[observation.indicator_id] = {
                    "indicator_id": observation.indicator_id,
                    "name": observation.indicator_name,
                    "unit": observation.unit,
                }
        return list(seen.values())


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
    return Extraction(source, run.observations, run.events)


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
        self.paragraph_words: list[str] = []
        self.paragraph_sentences: list[str] = []
        self.figure_positions: list[int] = []

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
        sentences = split_sentences(text)
        if not sentences:
            return
        starts = [s.start for s in sentences]
        mentions = num.merge_ranges(text, num.find_numbers(text))
        numbers_by_sentence = _bucket(starts, sentences, mentions, lambda m: m.number_start)
        dates_by_sentence = _bucket(starts, sentences, find_date_phrases(text), lambda m: m.start())
        places = Counter(
            PLACE_CANONICAL.get(m.group(), m.group())
            for s in sentences
            for m in KNOWN_PLACE.finditer(s.text)
        )
        self.default_place = places.most_common(1)[0][0] if places else ""
        for index, sentence in enumerate(sentences):
            self._sentence(sentence, numbers_by_sentence[index], dates_by_sentence[index])
        self._finish()

    # ------------------------------------------------------------------ one sentence

    def _sentence(self, sentence: Sentence, mentions: list, date_matches: list) -> None:
        text = self.text
        if sentence.paragraph != self.paragraph:
            self.paragraph, self.paragraph_sentences = sentence.paragraph, []
        self.paragraph_sentences.append(sentence.text)
        lower = sentence.text.lower()
        event_hint = any(hint in lower for hint in EVENT_HINTS)
        qualitative_hint = "many" in lower or "everal" in lower
        status_hint = bool(self.catalogue.status) and any(
            hint in lower for hint in EVALUATIVE_HINTS
        )
        speech_hint = "ccording" in sentence.text or _SPEECH_HINT.search(sentence.text) is not None
        if not (mentions or date_matches or event_hint or qualitative_hint or status_hint):
            # nothing to extract here; only keep track of who speaks, for "he" and "it" later
            if speech_hint:
                for attribution in find_attributions(
                    text, sentence.start, sentence.end, self.speakers
                ):
                    self.speakers.remember(attribution.speaker, attribution.kind)
            self.speakers.notice_mentions(sentence.text)
            self.carried = None
            return
        self.paragraph_words = [w for s in self.paragraph_sentences for w in content_words(s)]
        future = is_future(sentence.text)
        phrases = [
            p for p in (self.resolver.resolve(m, future) for m in date_matches) if p is not None
        ]
        attributions: list[Attribution] = []
        if speech_hint:
            attributions = find_attributions(text, sentence.start, sentence.end, self.speakers)
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
            if not EVENT_VERB_BEFORE.search(text[max(sentence.start, p.start - 30) : p.start])
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
        excluded = [(p.start, p.end) for p in phrases]
        self.figure_positions = [
            m.number_start
            for m in mentions
            if not any(s <= m.number_start < e for s, e in excluded)
            and not any(a.covers_words(m.number_start) for a in attributions)
        ]
        figures: list[_Figure] = []
        for mention in mentions:
            if any(s <= mention.number_start < e for s, e in excluded) or any(
                a.covers_words(mention.number_start) for a in attributions
            ):
                continue
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
                    if not re.search(r"[,;]|\bthat\b", gap):
                        found[id(attribution)] = phrase
                        break
                if phrase.end <= attribution.start:
                    gap = text[phrase.end : attribution.start]
                    lead = text[sentence.start : phrase.start]
                    if re.fullmatch(r"\s*,\s*", gap) and re.fullmatch(
                        r"\s*(?:[Ii]n\s+a\s+(?:statement|report|briefing)(?:\s+(?:released|issued|published))?\s*)?",
                        lead,
                    ):
                        found[id(attribution)] = phrase
                        break
                    if re.search(
                        r"[Ii]n\s+a\s+(?:statement|report|briefing)\s+(?:released|issued|published)\s*(?:on\s*)?$",
                        lead,
                    ):
                        found[id(attribution)] = phrase
                        break
        return found

    def _attribution(self, position: int, attributions: list[Attribution], speech: dict):
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
        start, end = 0, len(sentence.text)
        for match in STRONG_BOUNDARY.finditer(sentence.text):
            if match.end() <= relative:
                start = match.end()
            elif match.start() >= relative:
                end = match.start()
                break
        for match in ASIDE.finditer(sentence.text) if asides else ():
            if match.start() <= relative < match.end():
                return sentence.start + match.start(), sentence.start + match.end()
            if match.end() <= relative:
                start = max(start, match.end())
            elif match.start() > relative:
                end = min(end, match.start())
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
        later = [f for f in figures_here or () if position < f < clause[1]]
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
        after = text[mention.end : min(clause[1], mention.end + 90)]
        before = text[max(clause[0], mention.start - 70) : mention.start]
        rate = ""
        kind, unit, value = mention.kind, mention.unit, mention.value
        if kind in (num.COUNT, num.DURATION) and unit in ("count", "hours"):
            window = re.split(r"[,;:]", after[:60], maxsplit=1)[0]
            rate_match = RATE_AFTER.search(window) or RATE_BEFORE.search(
                text[max(clause[0], mention.start - 40) : mention.start]
            )
            if rate_match:
                rate = rate_match.group("unit") or ADVERB_UNIT[rate_match.group("adverb").lower()]
                if kind == num.DURATION:
                    kind, unit = num.COUNT, "hours"
        has_noun = bool(
            re.match(
                r"\s*(?:\*\s*)?(?:(?:percent|per\s+cent|%)\s+)?(?:of\s+(?:the\s+|its\s+|their\s+)?)?[A-Za-z]",
                after,
            )
        ) and not re.match(
            r"\s*(?:entered|arrived|died|were|was|are|is|in|on|at|by|from|to|a\s+day|per|each|every|this|last|compared|since|during)\b",
            after,
        )
        focus_text = before[-45:] + " " + after[:70]
        focus = content_words(focus_text)
        clause_words = content_words(text[clause[0] : clause[1]])
        family = figure_family(kind, unit, rate)
        indicator = None
        inherited = None
        if not has_noun and previous:
            inherited = previous[-1]
        if (
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
                family, focus, clause_words, distances=distances, paragraph=self.paragraph_words
            )
            if indicator is None and clause != (sentence.start, sentence.end):
                indicator = self.catalogue.match(
                    family,
                    focus,
                    content_words(sentence.text),
                    distances=distances,
                    paragraph=self.paragraph_words,
                )
            if indicator is not None:
                indicator_id, name, is_new = indicator.indicator_id, indicator.name, False
                unit = indicator.unit
            else:
                indicator_id, name = propose(kind, unit, after, rate, before)
                is_new = True
                unit = _proposed_unit(kind, unit, rate)
        notes = [mention.note] if mention.note else []
        value, low, high = _convert(
            value, mention.value_low, mention.value_high, mention.unit, unit, notes
        )
        speaker, reported_on, reported_as_stated, _ = self._attribution(
            mention.number_start, attributions, speech
        )
        covering = speaker_for(mention.number_start, attributions)
        period = self._period_for(
            mention.number_start, clause, periods, covering, self.figure_positions
        )
        if period is None and inherited is not None:
            period = inherited.period
        if period is None and previous:
            # "87 per cent of households surveyed in January ..., and about two in five ..."
            earlier = [f for f in previous if f.period is not None and f.mention is not None]
            if earlier and earlier[-1].clause != clause:
                period = earlier[-1].period
        fields = _period_fields(period)
        observation = Observation(
            candidate_id="",
            indicator_id=indicator_id,
            indicator_name=name,
            indicator_is_new=is_new,
            unit=unit,
            location=self._location(sentence, clause),
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
            **fields,
        )
        return _Figure(mention, observation, clause, has_noun, period, family, rate)

    def _is_base(self, position: int, other: int) -> bool:
        between = self.text[position:other]
        return re.search(r"\bof\s+(?:the\s+)?\Z", between) is not None

    def _distances(self, sentence: Sentence, position: int) -> dict[str, int]:
        """How many words each content word of the sentence stands from a position."""
        words = [(m.start(), m.group()) for m in _WORD.finditer(sentence.text)]
        relative = position - sentence.start
        here = bisect.bisect_left([start for start, _ in words], relative)
        distances: dict[str, int] = {}
        for index, (_, word) in enumerate(words):
            for normal in content_words(word):
                distance = abs(index - here)
                if distance < distances.get(normal, 10**6):
                    distances[normal] = distance
        return distances

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
        if not self.catalogue.status or not EVALUATIVE.search(sentence.text):
            return []
        words = set(content_words(sentence.text))
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
        candidates = []
        for match in re.finditer(r"[A-Za-z][A-Za-z’'-]*", body):
            if content_words(match.group()) and content_words(match.group())[0] == subject[-1]:
                candidates.append(match.end())
        pronouns = [m.end() for m in re.finditer(r"\b(?:it|they)\b", body)]
        if candidates:
            candidates += [p for p in pronouns if p > candidates[0]]
        for position in candidates:
            auxiliary = AUXILIARY.match(body, position + 1) if position < len(body) else None
            if auxiliary is None:
                continue
            stop = re.search(r"[,;.“”\"]|\s[—–]\s", body[auxiliary.end() :])
            end = auxiliary.end() + (stop.start() if stop else len(body) - auxiliary.end())
            predicate = body[auxiliary.end() : end].strip()
            if predicate and EVALUATIVE.search(predicate):
                return sentence.start + auxiliary.end(), sentence.start + auxiliary.end() + len(
                    predicate
                )
        return None

    # ------------------------------------------------------------------ events

    def _events(self, sentence, attributions, speech, periods) -> None:
        keywords = []
        for match in EVENT_WORDS.finditer(sentence.text):
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
        durations = list(DURATION_OF_EVENT.finditer(sentence.text))
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
            stated = (
                duration.group() if count else f"{duration.group('count')} {duration.group('unit')}"
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
                and not CHANGE_VERB.search(sentence.text)
                and phrase.role == "point"
            ):
                continue
            self._dated_event(sentence, kind, position, phrase, attributions, speech)
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
        changed = CHANGE_VERB.search(sentence.text)
        if keywords and changed and not MODAL.search(sentence.text):
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
                location=self._location(sentence, clause),
                attributed_to=speaker,
                quote=sentence.text,
                quote_start=sentence.start,
                quote_end=sentence.end,
                notes=note,
            )
        )

    # ------------------------------------------------------------------ helpers

    def _location(self, sentence: Sentence, clause: tuple[int, int]) -> str:
        for start, end in (clause, (sentence.start, sentence.end)):
            segment = self.text[start:end]
            if ANAPHORIC_PLACE.search(segment) and self.default_place:
                return self.default_place
            known = KNOWN_PLACE.findall(segment)
            if known:
                longest = max(known, key=len)
                return PLACE_CANONICAL.get(longest, longest)
            for match in PLACE_AFTER_PREPOSITION.finditer(segment):
                place = match.group("place")
                if place.split()[0] not in NOT_PLACES and not place.isupper():
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
_SPEECH_HINT = re.compile(
    r"\b(?:said|says|say|told|tells|report|reports|reported|estimate[sd]?|warn(?:s|ed)|noted|added|announced"
    r"|states|stated|confirmed|recorded|records|documented|registered|counted|claimed|wrote)\b"
)


def _bucket(starts: list[int], sentences: list[Sentence], items, position_of) -> list[list]:
    buckets: list[list] = [[] for _ in sentences]
    for item in items:
        position = position_of(item)
        index = bisect.bisect_right(starts, position) - 1
        if index >= 0 and position < sentences[index].end:
            buckets[index].append(item)
    return buckets


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


def _proposed_unit(kind: str, unit: str, rate: str) -> str:
    if rate:
        return f"{unit if unit not in ('count', '') else 'count'} per {rate}"
    if kind == num.SHARE:
        return "percent"
    if kind == num.DURATION:
        return {"weeks": "days", "years": "months", "hours": "hours"}.get(unit, unit)
    return unit


def _convert(value, low, high, stated_unit: str, unit: str, notes: list[str]):
    """A duration stated in weeks or years, for an indicator kept in days or months."""
    factors = {
        ("weeks", "days"): 7,
        ("years", "months"): 12,
        ("months", "days"): 30,
        ("years", "days"): 365,
    }
    factor = factors.get((stated_unit, unit))
    if factor is None or value is None:
        return value, low, high
    notes.append(f"stated in {stated_unit}, converted to {unit}")
    return (
        value * factor,
        low * factor if low is not None else None,
        high * factor if high is not None else None,
    )


def _label(clause: str) -> str:
    label = re.sub(r"^[\s,;:—–-]+|[\s,;:.—–-]+$", "", clause)
    label = re.sub(r"^(?:and|but|while|with|who|which)\s+", "", label, flags=re.I)
    if len(label) > 90:
        label = label[:90].rsplit(" ", 1)[0] + "…"
    return label[:1].upper() + label[1:] if label else "Event"
