"""Vague amounts and statuses read from a sentence: "many schools were damaged" (a count the
catalogue tracks, without a number), "food deliveries remain far below what is needed" (a
status indicator's judgement in words).

`StatusReading` is the part of the document run that reads them, beside `figures.FigureReading`
(which reads the figures with digits and includes it). QUALITATIVE and EVALUATIVE, with the
hints that must occur before either is tried, are the patterns it reads them with.
"""

from __future__ import annotations

import re

from indicators.extract import vocabulary
from indicators.extract.candidates import candidate_observation
from indicators.extract.catalogue import content_word_tuple, content_words
from indicators.extract.figure_record import _Figure
from indicators.extract.figure_units import period_fields
from indicators.extract.figure_words import (
    PREDICATE_END,
    auxiliary_after_candidate,
    status_subject,
)
from indicators.extract.hints import prefix_hints
from indicators.extract.sentence_view import Caseless
from indicators.extract.sentences import Sentence

QUALITATIVE = re.compile(
    r"\b(?P<q>[Mm]any|[Ss]everal)\s+(?:of\s+the\s+)?(?P<np>(?:[a-z]+\s+){0,2}?(?:hospitals|clinics|health\s+(?:centres|centers|facilities|workers)"
    r"|schools|families|households|civilians|villages|towns|communities|shelters|wells|water\s+points|bakeries"
    r"|markets|homes|buildings|convoys|trucks|crossings|roads|bridges|facilities|patients|aid\s+workers"
    r"|staff|camps|districts|neighbou?rhoods|areas|children|people)\b)"
)
# Substrings that must occur (lower case) before QUALITATIVE is tried, read off it.
QUALITATIVE_HINTS = prefix_hints(QUALITATIVE)
EVALUATIVE = Caseless(r"\b(?:" + "|".join(vocabulary.words("evaluative_phrases")) + r")\b")
# Substrings that must occur (lower case) before EVALUATIVE is tried, read off it.
EVALUATIVE_HINTS = prefix_hints(EVALUATIVE.lower)
AUXILIARY = re.compile(r"\b(?:is|are|was|were|has|have|had|remains?|remained)\b(?:\s+been)?\s+")
_IT_OR_THEY = re.compile(r"\b(?:it|they)\b")


class StatusReading:
    """Reads the vague amounts ("many schools") and the statuses stated in words of a sentence
    (a mixin of the document run, through `FigureReading`)."""

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
                period_fields(period),
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
        if self.status_subjects is None:  # the same for every sentence of the report
            self.status_subjects = [
                (indicator, subject, frozenset(subject))
                for indicator in self.catalogue.status
                if (subject := status_subject(indicator))
            ]
        for indicator, subject, subject_words in self.status_subjects:
            if not subject_words <= words:
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
                period_fields(None),
                self._location(sentence, (sentence.start, sentence.end)),
            )
            found.append(
                _Figure(None, observation, (sentence.start, sentence.end), True, None, "status", "")
            )
        return found

    def _status_predicate(self, sentence: Sentence, subject: list[str]) -> tuple[int, int] | None:
        body = sentence.text
        if not auxiliary_after_candidate(body, subject[-1]):
            return None  # the sentence's words are not read: no candidate below can succeed
        # the ends of the words whose first content word is the subject's head, then pronouns
        candidates = list(self._view(sentence).words()[2].get(subject[-1], ()))
        if candidates:
            candidates += [m.end() for m in _IT_OR_THEY.finditer(body) if m.end() > candidates[0]]
        for position in candidates:
            auxiliary = AUXILIARY.match(body, position + 1) if position < len(body) else None
            if auxiliary is None:
                continue
            stop = PREDICATE_END.search(body, auxiliary.end())
            end = stop.start() if stop else len(body)
            predicate = body[auxiliary.end() : end].strip()
            if predicate and EVALUATIVE.ignoring_case.search(predicate):
                return sentence.start + auxiliary.end(), sentence.start + auxiliary.end() + len(
                    predicate
                )
        return None
