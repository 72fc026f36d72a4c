"""Dated events (war, ceasefire, blockade, siege, talks, diplomacy, statement) read from a
sentence's event words and date phrases.

`EventReading` is the part of a document run (`pipeline._Run`) that reads them: it uses the
run's text, publisher and publication day, its sentence view, clauses and places, and appends
to its `events`. The event words are found in one pass (`EVENT_WORDS`) only in the sentences
that hold one of `EVENT_HINTS`, both built from `vocabulary/events.json`.
"""

from __future__ import annotations

import re

from dateutil.relativedelta import relativedelta

from indicators.extract import numbers as num
from indicators.extract import vocabulary
from indicators.extract.attribution import speaker_for
from indicators.extract.candidates import Event
from indicators.extract.dates import DatePhrase
from indicators.extract.gazetteer import leader_state
from indicators.extract.hints import prefix_hints
from indicators.extract.locations import PLACE_CANONICAL, VENUE_KINDS, venue_for
from indicators.extract.sentence_view import Caseless

# Events that are a state's voice: a leader's statement or visit that names no place is in
# the state they speak for (`gazetteer.leader_state`).
VOICE_KINDS = frozenset({"statement", "diplomacy"})
# Each kind's phrases (events.json), in the order kinds are preferred.
EVENT_PHRASES: dict[str, list[str]] = vocabulary.words("event_phrases", "events")
EVENT_KEYWORDS: tuple[tuple[str, re.Pattern], ...] = tuple(
    (kind, re.compile(r"\b(?:" + "|".join(phrases) + ")", re.I))
    for kind, phrases in EVENT_PHRASES.items()
)
KIND_PRIORITY = {kind: rank for rank, (kind, _) in enumerate(EVENT_KEYWORDS)}
# All event words in one pass: one group per kind. Every kind's pattern opens with \b, taken
# out in front so that the alternatives are tried only at word boundaries.
EVENT_WORDS = Caseless(
    r"\b(?:"
    + "|".join(
        f"(?P<{kind}>{pattern.pattern.removeprefix(chr(92) + 'b')})"
        for kind, pattern in EVENT_KEYWORDS
    )
    + ")"
)
# Verbs that say an event changed state; an undated event needs one.
CHANGE_VERB = Caseless(
    r"\b(?:suspend(?:s|ed|ing)|pull(?:s|ed|ing)\s+(?:\w+\s+){0,3}out|withdr(?:ew|awing|awn)|collapsed"
    r"|broke\s+down|ended|resumed|halted|began|started|erupted|broke\s+out|took\s+effect"
    r"|came\s+into\s+(?:effect|force)|imposed|lifted|reopened|launched|seized|captured"
    r"|took\s+control)\b"
)
END_VERB = re.compile(
    r"\b(?:collapsed|broke\s+down|ended|expired|lifted|reopened|was\s+over)\b", re.I
)
COMPARED_BEFORE = re.compile(
    r"\b(?:" + vocabulary.alternatives(vocabulary.words("comparison_words", "events")) + r")\s+\Z",
    re.I,
)
NOT_HELD = re.compile(
    r"\b(?:" + vocabulary.alternatives(vocabulary.words("not_held_words", "events")) + r")\b", re.I
)
MODAL = Caseless(r"\b(?:could|would|might|may|will|if)\b")
DURATION_UNITS: list[str] = vocabulary.words("duration_units", "events")
# The words after "N days of" that name an event, and its kind.
EVENT_WORD_KIND: dict[str, str] = vocabulary.words("duration_events", "events")
DURATION_OF_EVENT = Caseless(
    r"\b(?P<count>\d+|"
    + vocabulary.alternatives(vocabulary.words("duration_counts", "events"))
    + r")\s+(?P<unit>"
    + vocabulary.alternatives(DURATION_UNITS)
    + r")\s+of\s+(?P<what>"
    + vocabulary.alternatives(EVENT_WORD_KIND)
    + r")\b"
)


# Substrings that must occur (lower case) before the event patterns are tried:
# the texts the event phrases begin with (see `hints.prefix_hints`), and the unit and "of" of
# a duration, all derived from events.json.
EVENT_HINTS = prefix_hints(EVENT_WORDS.lower) + tuple(f"{unit} of" for unit in DURATION_UNITS)


class EventReading:
    """Reads the events of a sentence (a mixin of the document run)."""

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
            if not view.plain_case or any(unit in body for unit in DURATION_UNITS)
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
            if phrase.anchor_name or COMPARED_BEFORE.search(
                self.text, max(sentence.start, phrase.start - 20), phrase.start
            ):
                continue  # "compared with last year": the baseline of a figure, no event's date
            nearest = min(  # by the gap between the event words and the date phrase
                keywords,
                key=lambda k: (
                    max(0, phrase.start - (sentence.start + k[2].end()), k[1] - phrase.end),
                    KIND_PRIORITY[k[0]],
                ),
                default=None,
            )
            if nearest is None:
                continue
            kind, position, _ = nearest
            if abs(position - phrase.start) > 160:
                continue
            if NOT_HELD.search(
                self.text, min(position, phrase.start), max(position, phrase.end) + 40
            ):
                continue  # "talks due to open on Monday had been postponed": not held then
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

    def _event_location(self, kind, sentence, clause, position) -> str:
        """Where an event holds; talks are where they sit ("the talks in Doha"), a venue
        named in the sentence, else a place the sentence names, else the venue named nearest
        before it in the report."""
        if kind in VENUE_KINDS and self.venues:
            venue, here = venue_for(self.venues, sentence.start, sentence.end)
            if here or not self._view(sentence).known_places:
                return venue
        view = self._view(sentence)
        pattern, body = EVENT_WORDS.on(view)
        said = pattern.match(body, position - sentence.start)
        for start, end, name in view.known_places if said is not None else ():
            if said.start() <= start and end <= said.end():  # "closed the Adre crossing"
                return PLACE_CANONICAL.get(name, name)
        if kind in VOICE_KINDS and not view.known_places:
            # "President Donald Trump ... struck an optimistic tone": said in their state
            state = leader_state(self.text[clause[0] : clause[1]])
            if state:
                return state
        return self._location(sentence, clause, position)

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
                location=self._event_location(kind, sentence, clause, position),
                attributed_to=speaker,
                quote=sentence.text,
                quote_start=sentence.start,
                quote_end=sentence.end,
                notes=note,
            )
        )


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


_LABEL_EDGES = re.compile(r"^[\s,;:—–-]+|[\s,;:.—–-]+$")
_LABEL_LEAD_WORD = re.compile(r"^(?:and|but|while|with|who|which)\s+", re.I)


def _label(clause: str) -> str:
    label = _LABEL_EDGES.sub("", clause)
    label = _LABEL_LEAD_WORD.sub("", label)
    if len(label) > 90:
        label = label[:90].rsplit(" ", 1)[0] + "…"
    return label[:1].upper() + label[1:] if label else "Event"
