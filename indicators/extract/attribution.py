"""Who a report credits with a statement, and which part of the sentence the credit covers.

Three ways reports attribute:
- "according to X" (before or after what X said),
- "X said / reported / estimates (that) ..." with the speaker first,
- "..., X said." or "..., said X." with the speaker last.
A quote that runs over several sentences is credited, in each of them, to the speaker named
beside it; finding that speaker reads the attributions after the quote, so the quotes stay
here with `find_attributions`; `speaker_for` says which attribution covers a position. Who
a phrase names is `speaker_names`, the speech verbs and the speaker phrase beside one are
`speech_verbs`, the clause a speaker covers is `speaker_scope`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from indicators.extract.locations import names_only_places
from indicators.extract.number_mention import SHARE
from indicators.extract.speaker_names import (
    HONORIFICS,
    Speakers,
    canonical_speaker,
    looks_like_speaker,
)
from indicators.extract.speaker_scope import clause_end, clause_start, credited_from, said_from
from indicators.extract.speech_verbs import (
    ACCORDING_TO,
    DETERMINER_BEFORE,
    PARTICIPLE_NOUN_AFTER,
    PARTICIPLES,
    SPEECH_VERB,
    SPEECH_VERBS_TRIE,
    STATE_AFTER,
    TRAILING_ADVERBIAL,
    is_respondent,
    main_phrase,
    name_before_post,
    speaker_before,
    values_nothing,
)

# A character of a speaker phrase: any but a clause's punctuation, yet the full stop of an
# honorific ("Dr.") or an initialism ("U.N.") does not end the phrase.
_ABBREVIATION = r"\b(?:" + "|".join(HONORIFICS) + r")\.|\b(?:[A-Z]\.){2,}"
_PHRASE_CHARACTER = rf"(?:{_ABBREVIATION}|[^,;.“”\"])"
# Inverted order, after a comma or a closing quote mark: '..., said Panikoff'.
INVERTED = re.compile(
    rf"(?:[,”\"]\s*)(?P<verb>{SPEECH_VERBS_TRIE})\s+"
    rf"(?P<who>{_PHRASE_CHARACTER}+?(?:,\s+{_PHRASE_CHARACTER}+?)?)\s*(?=[,;.]|$)"
)


@dataclass(slots=True)
class Attribution:
    speaker: str  # canonical
    start: int  # the speaker phrase and verb, offsets into the document
    end: int
    verb_end: int
    scope_start: int  # the part of the sentence this speaker is credited with
    scope_end: int
    kind: str  # person, org, ministry, news
    outer: bool = False  # a sentence-final reporter ("..., Reuters reported.")
    phrase: str = ""
    aside: tuple[int, int] | None = None  # ", who traveled to Europe on Wednesday," is not theirs

    def covers_words(self, position: int) -> bool:
        """Is this position part of the speaker's own words ('special envoy Steve Witkoff said')?"""
        if self.aside is not None and self.aside[0] <= position < self.aside[1]:
            return False
        return self.start <= position < self.end


def find_attributions(
    text: str,
    start: int,
    end: int,
    speakers: Speakers,
    verbs: list[re.Match] | None = None,
    *,
    quotes: bool = True,
) -> list[Attribution]:
    """Every attribution in the sentence text[start:end], with the span each one covers.
    `verbs`, when the caller has them, are the SPEECH_VERB matches in the sentence text.
    With `quotes`, a quote that runs over several sentences is credited, in each of them,
    to the speaker named before, after or on the sentence before it (`_quote_voice`)."""
    sentence = text[start:end]
    found: list[Attribution] = []
    for match in ACCORDING_TO.finditer(sentence) if "ccording" in sentence else ():
        rest = sentence[match.end() :]
        who = _ACCORDING_WHO.match(rest)
        if not who:
            continue
        phrase = who.group()
        listed = (
            _NAME_LIST_REST.match(rest, who.end())
            if rest[who.end() : who.end() + 1] == ","
            else None
        )
        if listed:  # "according to the Water, Sanitation and Hygiene Cluster": one name
            phrase = rest[: listed.end()]
        name, kind = canonical_speaker(phrase, speakers)
        possessor = _POSSESSOR.match(phrase) if not name else None
        if possessor:  # "according to IOM's displacement tracking": IOM
            name, kind = canonical_speaker(possessor.group(1), speakers)
        if not name:
            continue
        phrase_end = match.end() + (listed.end() if listed else who.end())
        trailing = _ENDS_SENTENCE.match(sentence, phrase_end) is not None
        if trailing:
            scope = (credited_from(sentence, match.start()), match.start())
        elif _PARTICIPLE_AFTER.match(sentence, phrase_end):
            # "210,000 were displaced, according to IOM, bringing the total to 725,000"
            scope = (clause_start(sentence, match.start()), len(sentence))
        elif _COMMA_AFTER.match(sentence, phrase_end) and _COMMA_BEFORE.search(
            sentence, max(0, match.start() - 3), match.start()
        ):
            # "75% are women, according to IOM, which said 310 ...", "48,000 fled, according
            # to OCHA, most of them children": what it comes after and the aside it opens
            scope = (credited_from(sentence, match.start()), clause_end(sentence, phrase_end))
        else:
            scope = (phrase_end, len(sentence))
        found.append(
            Attribution(
                name,
                start + match.start(),
                start + phrase_end,
                start + phrase_end,
                start + scope[0],
                start + scope[1],
                kind,
                outer=trailing,
                phrase=phrase,
            )
        )
    # '..., said Panikoff': a verb after a comma or a closing quote; none, no inverted order
    inverted = verbs is None
    for verb in verbs or ():
        before = verb.start() - 1
        while before > 0 and sentence[before].isspace():
            before -= 1
        if before >= 0 and sentence[before] in _COMMA_OR_QUOTE:
            inverted = True
            break
    for match in INVERTED.finditer(sentence) if inverted else ():
        if match.group("verb") in _TELLING:
            continue  # "..., Colonel Abass Dembélé, told AFP": whom they told, not who spoke
        who = match.group("who")
        words_end = match.end()
        scope_end = match.start()
        if " " in who:  # ", said OCHA in a statement on Monday": when and how, not who
            who = TRAILING_ADVERBIAL.sub("", who)
        if not looks_like_speaker(who):
            named = name_before_post(who)
            if named is None:
                continue
            who, covered, goes_on = named
            if not covered:  # ", said Amina Hassan, and 300 more ...": the rest is not theirs
                words_end = match.start("who") + len(who)
            if goes_on:  # ", said Amina Hassan, adding that ...": theirs too
                scope_end = len(sentence)
        name, kind = canonical_speaker(main_phrase(who), speakers)
        if not name:
            continue
        outer = _ENDS_QUOTE.match(sentence, words_end) is not None
        scope = (said_from(sentence, match.start("verb")), scope_end)
        found.append(
            Attribution(
                name,
                start + match.start("verb"),
                start + words_end,
                start + match.end("verb"),
                start + scope[0],
                start + scope[1],
                kind,
                outer=outer,
                phrase=who,
            )
        )
    for match in SPEECH_VERB.finditer(sentence) if verbs is None else verbs:
        if found and any(a.start - start <= match.start() < a.end - start for a in found):
            continue
        verb = match.group()
        if verb in PARTICIPLES and STATE_AFTER.match(sentence, match.end()):
            continue  # "people reported missing": a participle, no one speaks
        if verb in PARTICIPLES and PARTICIPLE_NOUN_AFTER.match(sentence, match.end()):
            continue  # "Cumulative confirmed cases: 7,912": an adjective, no one speaks
        if verb in PARTICIPLES and DETERMINER_BEFORE.search(
            sentence, max(0, match.start() - 6), match.start()
        ):
            continue  # "an estimated 4.2 million": an adjective
        if values_nothing(verb, sentence, match.end()):
            continue  # "the war puts children at risk": no figure valued "at"
        speaker_start, phrase, aside = speaker_before(sentence, match.start())
        if speaker_start < 0 or is_respondent(phrase):
            continue  # "Households reported that ...": those asked, not a source
        if (
            phrase[:1].isupper()
            and names_only_places(phrase)
            and not any(person.endswith(" " + phrase) for person in speakers.people)
        ):  # "Borno and Yobe together reported ...": where, not who (but "Mbala said"
            continue  # after "Amina Mbala" is she)
        name, kind = canonical_speaker(phrase, speakers)
        if not name:
            continue
        verb_end = match.end()
        finishes = _FINISHES.match(sentence, verb_end)  # on the rest of the sentence
        if (
            finishes is not None
            and finishes.group("end")
            and not finishes.group("adding")
            and _is_clause_end(finishes)
        ):
            scope = (said_from(sentence, speaker_start), speaker_start)
            comma = finishes.group("end").startswith(",")
            outer = _ENDS_PLAIN.match(sentence, finishes.end("end")) is not None and not comma
            if comma and speaker_start > 0:
                # "..., Etefa said, compared with 25 in March": the aside goes on with them
                scope = (said_from(sentence, speaker_start), clause_end(sentence, match.end()))
        elif finishes is not None and finishes.group("adding"):
            scope = (0, len(sentence))
            outer = False
        else:
            scope = (match.end(), clause_end(sentence, match.end()))
            outer = False
        found.append(
            Attribution(
                name,
                start + speaker_start,
                start + match.end(),
                start + match.end(),
                start + scope[0],
                start + scope[1],
                kind,
                outer=outer,
                phrase=phrase,
                aside=(start + aside[0], start + aside[1]) if aside else None,
            )
        )
    if quotes and (start < speakers.quote_until or "“" in sentence or '"' in sentence):
        voice = _quote_voice(text, start, end, found, speakers)
        if voice is not None:
            found.append(voice)
    found.sort(key=lambda a: a.start)
    return found


# speech verbs whose object is the listener: after a comma they are no inverted order
_TELLING = frozenset(("told", "tells", "tell"))
# How far after a sentence that opens a quote its closing mark is looked for
_QUOTE_REACH = 2000
_LEADING_QUOTE = re.compile(r"\s*[“\"](?=\S)")
# Words after a sentence's last closing quote mark: the quote is not all the sentence says
_AFTER_CLOSING = re.compile(r"[”\"][^”\"]*?\w[^”\"]*$")
_BEFORE_QUOTE = re.compile(r"\s*[:,]?\s*[“\"]")


def _open_quote(sentence: str) -> int:
    """Where the sentence opens a quote it does not close, or -1 ("“We have 300 cases.")."""
    opening = sentence.rfind("“")
    if opening >= 0:
        return opening if sentence.find("”", opening) < 0 else -1
    if sentence.count('"') % 2:
        opening = sentence.rfind('"')
        following = sentence[opening + 1 : opening + 2]
        return opening if following.isalnum() else -1  # a closing mark is followed by space
    return -1


def _quote_voice(
    text: str, start: int, end: int, found: list[Attribution], speakers: Speakers
) -> Attribution | None:
    """Who speaks the part of a quote in the sentence text[start:end] when the quote runs
    over several sentences: the speaker named right after its closing mark (“... . ...,”
    said X), before its opening mark (X said: “... . ...”), or by the sentence just before
    (“...,” said X. “... .”). Each later sentence up to the closing mark is theirs too."""
    sentence = text[start:end]
    if start < speakers.quote_until and speakers.quote_voice is not None:
        name, kind, phrase = speakers.quote_voice
        scope = (start, min(end, speakers.quote_until))
    else:
        voice = None
        opening = _open_quote(sentence)
        last = speakers.last_quote
        # right after a sentence with a quote (only space between), and its speaker
        leading = _LEADING_QUOTE.match(sentence) if last and 0 <= start - last[2] <= 4 else None
        before = None
        if leading is not None and not text[last[2] : start].strip():
            before = last[0] or _speaker_beside_quote(text, last[1])
        follows_quote = before is not None
        if opening >= 0:
            mark = "”" if sentence[opening] == "“" else '"'
            close = text.find(mark, end, end + _QUOTE_REACH)
            between = text[end:close] if close >= 0 else ""
            if close >= 0 and "\n\n" not in between and (mark == '"' or "“" not in between):
                voice = _speaker_after_quote(text, close, speakers)
            if voice is None:  # "X said: “..."
                for attribution in found:
                    if _BEFORE_QUOTE.match(text, attribution.verb_end, start + opening + 1):
                        voice = (attribution.speaker, attribution.kind, attribution.phrase)
            if voice is None and follows_quote:
                voice = before
            if voice is not None and close >= 0:
                speakers.quote_until, speakers.quote_voice = close, voice
            scope = (start + opening, end)
        elif follows_quote and not found and not _AFTER_CLOSING.search(sentence):
            voice = before  # a quote of its own after “...,” said X.
            scope = (start + leading.start(), end)
        if voice is None:
            speakers.last_quote = (None, found, end)
            return None
        name, kind, phrase = voice
    speakers.last_quote = ((name, kind, phrase), [], end)
    return Attribution(name, end, end, end, scope[0], scope[1], kind, outer=True, phrase=phrase)


def _speaker_after_quote(text: str, close: int, speakers: Speakers) -> tuple[str, str, str] | None:
    """(name, kind, phrase) of the speaker named right after a closing quote mark."""
    line_end = text.find("\n", close, close + 300)
    region_end = line_end if line_end >= 0 else min(len(text), close + 300)
    for attribution in find_attributions(text, close, region_end, speakers, quotes=False):
        if not text[close + 1 : attribution.start].strip():
            return attribution.speaker, attribution.kind, attribution.phrase
    return None


def _speaker_beside_quote(text: str, found: list[Attribution]) -> tuple[str, str, str] | None:
    """(name, kind, phrase) of the last of a sentence's speakers named right beside a quote
    mark (“...,” said X. / X said: “..."): a quote opening the next sentence is theirs."""
    voice = None
    for attribution in found:
        before = text[max(0, attribution.start - 3) : attribution.start].rstrip()
        if before.endswith(("”", '"')) or _BEFORE_QUOTE.match(
            text, attribution.verb_end, attribution.verb_end + 4
        ):
            voice = (attribution.speaker, attribution.kind, attribution.phrase)
    return voice


_COMMA_OR_QUOTE = frozenset(',”"')  # what INVERTED's verb follows
_ACCORDING_WHO = re.compile(
    rf"(?:{_ABBREVIATION}|[^,;.“”\"()])+?(?=\s*(?:[,;.“”\"()]|$|\s(?:that|which|who|as|and\s+the)\b))"
)
_PARTICIPLE_AFTER = re.compile(r",\s+[a-z]+ing\b")
_COMMA_AFTER = re.compile(r"\s*,")
# The rest of a name that lists its parts: ", Sanitation and Hygiene Cluster"
_NAME_LIST_REST = re.compile(
    r"(?:,\s+[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)+,?\s+and\s+[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*"
)
_COMMA_BEFORE = re.compile(r",\s*\Z")
_POSSESSOR = re.compile(r"((?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,5})(?:'s|’s)\s")
_ENDS_SENTENCE = re.compile(r"\s*(?:[.;!?]|$)")
_ENDS_QUOTE = re.compile(r"\s*[.!?]?\s*[”\"]?\s*$")
_ENDS_PLAIN = re.compile(r"\s*[.!?]?\s*$")
# What may follow the verb of a speaker-first attribution that ends the clause: "said on
# Thursday.", "told reporters in a statement,", "said, adding ...".
_FINISHES = re.compile(
    r"(?:\s+(?:on\s+)?(?:\w+day|yesterday|today|last\s+week|in\s+a\s+(?:statement|report|briefing)|"
    r"reporters|journalists|the\s+\w+(?:\s+\w+)?|[A-Z][\w-]+(?:\s+[A-Z][\w-]+)*|by\s+(?:tele)?phone|"
    r"(?:from|in)\s+[A-Z][\w-]+)){0,4}\s*"
    r"(?P<end>[.;!?]|$|\s[—–]\s|,\s*(?P<adding>adding|saying|noting|warning)?)"
)


def _is_clause_end(finishes: re.Match) -> bool:
    return finishes.group("end") in (".", ";", "!", "?", "") or finishes.group("end").startswith(
        (",", " ")
    )


def speaker_for(position: int, attributions: list[Attribution]) -> Attribution | None:
    """The attribution covering a position; a sentence-final reporter wins over inner ones."""
    if not attributions:
        return None
    covering = [
        a
        for a in attributions
        if a.scope_start <= position < a.scope_end and not a.covers_words(position)
    ]
    if len(covering) < 2:
        return covering[0] if covering else None
    outer = [a for a in covering if a.outer]
    if outer:
        return outer[-1]
    return min(covering, key=lambda a: abs(a.start - position))


def without_shares_of_those_asked(attributions: list[Attribution], mentions) -> list[Attribution]:
    """The attributions less those whose speaker is a share ("One in three households
    interviewed said ...", "Two in five respondents told ..."): a share of those asked is the
    figure the report gives of them, not someone it credits. (Plain loops: most sentences
    hold no share inside a speaker's words, and this runs for each that has a speaker.)"""
    kept = attributions
    for mention in mentions:
        if mention.kind != SHARE:
            continue
        at = mention.number_start
        for attribution in attributions:
            if attribution.start <= at < attribution.end and attribution.covers_words(at):
                kept = [a for a in kept if a is not attribution]
    return kept


# what may stand between "According to X" and the subject of the clause it opens: X's
# acronym, a comma ("According to the National Council (CONASUR), Burkina Faso counted ...")
_AFTER_ACCORDING_TO = re.compile(r"\s*(?:\([^()]{1,20}\)\s*)?,\s*")


def without_subjects_after_according_to(
    attributions: list[Attribution], text: str
) -> list[Attribution]:
    """The attributions less the subject of a reporting verb in the clause "According to X,"
    opens ("According to CONASUR, Burkina Faso counted 2.06 million IDPs"): X is the source,
    the subject only what its figures are of. Call with two attributions or more."""
    kept = attributions
    for source in attributions:
        if text[source.start : source.start + 12].lower() != "according to":
            continue
        for other in attributions:
            if (
                other.start > source.end
                and source.scope_start <= other.start < source.scope_end
                and _AFTER_ACCORDING_TO.fullmatch(text, source.end, other.start)
            ):
                kept = [a for a in kept if a is not other]
    return kept
