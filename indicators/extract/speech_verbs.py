"""The speech verbs, and the speaker phrase beside one: the subject a speech verb credits
("the Health Cluster said", "officials familiar with the talks said", not "cases were
reported", a passive that credits no one, or "an estimated 4.2 million", a participle used as
an adjective), and the name after an inverted verb (", said Amina Hassan, UNHCR's public
health officer, in a statement": who, their post, and when and how they spoke).

Kept apart from `attribution`, which reads the three orders of an attribution, since the
clause a speaker covers (`speaker_scope`) asks the same question of a clause: does someone
speak in it.
"""

from __future__ import annotations

import functools
import re

from indicators.extract import vocabulary
from indicators.extract.date_phrases import MONTH_NAMES, WEEKDAYS
from indicators.extract.patterns import bounded_trie_pattern, trie_pattern
from indicators.extract.speaker_names import (
    DETERMINERS,
    ROLE_WORDS,
    in_gazetteer,
    is_a_name,
    is_particle,
    looks_like_speaker,
    person_name,
)

SPEECH_VERB_WORDS: list[str] = vocabulary.words("speech_verbs", "speakers")
SPEECH_VERBS = "|".join(SPEECH_VERB_WORDS)
# The verbs as a trie ("s(?:a(?:id|ys?)|...)"), several times faster to scan than the list.
SPEECH_VERBS_TRIE = trie_pattern(set(SPEECH_VERBS.split("|")))
# As \b(?:trie)\b, written to open with a letter (see `bounded_trie_pattern`): faster to scan.
SPEECH_VERB = re.compile(bounded_trie_pattern(set(SPEECH_VERBS.split("|"))))
ACCORDING_TO = re.compile(r"\b[Aa]ccording\s+to\s+")
_TOKEN = re.compile(r"[\w’'.-]+|[,“”\"()]")

_PARTICIPIAL_PHRASES: list[str] = vocabulary.words("participial_phrases", "speakers")
PARTICIPIAL_SOURCE = re.compile(
    r"(?P<np>(?:\b[\w-]+\s+){0,2}(?:officials?|sources?|diplomats?|people|persons|aides?)\s+"
    r"(?:" + vocabulary.alternatives(_PARTICIPIAL_PHRASES) + r")\s+"
    r"(?:the\s+)?[\w-]+(?:\s+[\w-]+)?)\s*$"
)
# The longest word of each phrase: a head holding none cannot match PARTICIPIAL_SOURCE.
_PARTICIPIAL_HINTS = tuple(max(phrase.split(), key=len) for phrase in _PARTICIPIAL_PHRASES)
_AUXILIARY_WORDS: list[str] = vocabulary.words("auxiliary_words", "speakers")
_PASSIVE_WORDS: list[str] = vocabulary.words("passive_words", "speakers")
PASSIVE_OR_AUXILIARY = re.compile(
    r"(?:\s+(?:" + vocabulary.alternatives(_AUXILIARY_WORDS) + r"))+\s*$"
)
PASSIVE = re.compile(r"\b(?:" + vocabulary.alternatives(_PASSIVE_WORDS) + r")\s*$")
SUBJECT_NOUNS = re.compile(
    r"\b(?:" + vocabulary.alternatives(vocabulary.words("subject_nouns", "speakers")) + r")\b",
    re.IGNORECASE,
)
DATE_WORDS = frozenset(name.lower() for name in (*MONTH_NAMES, *WEEKDAYS)) | {"today", "yesterday"}


# Words the patterns above end with: a head that does not end with one cannot match them, and
# the patterns, searched from every position of a long head, are not tried on it.
_AUXILIARY_ENDINGS = tuple(_AUXILIARY_WORDS)
_PASSIVE_ENDINGS = tuple(_PASSIVE_WORDS)
_LEAD = re.compile(r"\s*(?:(?:and|but|while|whereas|as|so|then)\s+)*")
_DIGIT = re.compile(r"\d")
_CAPITAL_WORD = re.compile(r"\b[A-Z]")
_CLAUSE_WORD = re.compile(r"\b(?:is|are|was|were|will|would|could|that|which|who)\b")


# What ends the words before a speaker's phrase: a comma, a quote, a dash, a bracket.
_CUTS = (",", "“", "”", '"', ";", ":", "—", "–", "(")


def speaker_before(sentence: str, verb_start: int) -> tuple[int, str, tuple[int, int] | None]:
    """The subject of a speech verb: (start, phrase, aside skipped) or (-1, '', None)."""
    head = sentence[:verb_start]
    if ")" in head:  # blank out "(NDMA)" so the name before it is read, offsets kept,
        # unless the gazetteer knows the acronym ("Médecins Sans Frontières (MSF)" is MSF)
        head = _ACRONYM_ASIDE.sub(
            lambda m: m.group() if in_gazetteer(m.group()) else " " * len(m.group()), head
        )
    if head.rstrip().endswith(_AUXILIARY_ENDINGS):
        head = PASSIVE_OR_AUXILIARY.sub("", head)
    if head.rstrip().endswith(_PASSIVE_ENDINGS) and PASSIVE.search(head):
        return -1, "", None  # "cases were reported": no one is credited
    if any(hint in head for hint in _PARTICIPIAL_HINTS):
        participial = PARTICIPIAL_SOURCE.search(head)
        if participial:
            return participial.start("np"), participial.group("np"), None
    cut = max(map(head.rfind, _CUTS))
    subject = _subject_after_cut(head[cut + 1 :])
    if subject is not None:
        return cut + 1 + subject[0], subject[1], None
    if head.endswith((", ", ",")) and head[cut] == ",":
        named = _name_in_commas_before(head, cut)
        if named is not None:
            return named
    return _walk_back(head)


def _name_in_commas_before(head: str, comma: int) -> tuple[int, str, None] | None:
    """The person named in commas right before a speech verb, after their post ("..., the
    governor of the Mopti region, Colonel Abass Dembélé, told AFP"): (start, name, None), or
    None when the words between the commas are no name."""
    before = head.rfind(",", 0, comma)
    if before < 0:
        return None
    segment = head[before + 1 : comma]
    name = person_name(segment)
    if not name or not segment.rstrip().endswith(name) or not is_a_name(segment.strip()):
        return None
    return before + 1 + segment.index(name), name, None


@functools.lru_cache(maxsize=8192)
def _subject_after_cut(segment: str) -> tuple[int, str] | None:
    """The words after the last comma, quote or dash before a speech verb, when they read as
    its subject ("the Health Cluster"): (offset in the segment, phrase). Cached, since
    reports repeat their speakers."""
    lead = _LEAD.match(segment)
    phrase = segment[lead.end() :].strip()
    words = phrase.split()
    if (
        1 <= len(words) <= 8
        and not _DIGIT.search(phrase)
        and not any(w.lower().strip(".,") in DATE_WORDS for w in words)
        and (_CAPITAL_WORD.search(phrase) or SUBJECT_NOUNS.search(phrase))
        and not _CLAUSE_WORD.search(phrase)
    ):
        return lead.end(), phrase
    return None


def _walk_back(head: str) -> tuple[int, str, tuple[int, int] | None]:
    """Walk left from the verb over the words that can belong to its subject, skipping an
    aside such as ', who traveled to Europe on Wednesday,'."""
    aside = None
    tokens = list(_TOKEN.finditer(head))
    index = len(tokens) - 1
    first = None
    while index >= 0:
        token = tokens[index].group()
        lower = token.lower()
        if token == ",":
            skipped = _skip_aside(tokens, index)
            if skipped is None:
                break
            aside = (tokens[skipped + 1].start(), tokens[index].end())
            index = skipped
            continue
        if token in ("“", "”", '"', "(", ")") or lower.strip(".") in DATE_WORDS:
            break
        if token[:1].isupper() or lower in ROLE_WORDS or is_particle(token):
            first = index
            index -= 1
            continue
        break
    if first is None:
        if aside is not None:  # "the Kenya Red Cross Society’s senior adviser, Rania Ali, said"
            named = head[aside[0] : aside[1]].strip(" ,")
            if is_a_name(named):
                return head.index(named, aside[0]), named, None
        return -1, "", None
    start = tokens[first].start()
    phrase = head[start:].strip()
    if aside is not None:
        named = head[aside[0] : aside[1]].strip(" ,")
        phrase = (head[start : aside[0]] + head[aside[1] :]).strip()
        if is_a_name(named) and not person_name(phrase):
            # "UNICEF’s spokesperson, James Elder, said": the post names who the aside does
            return start, named, None
    phrase = re.sub(r"^(?:(?:and|of|for|in|on|but)\s+)+", "", phrase)
    if not phrase or not (re.search(r"[A-Z]", phrase) or SUBJECT_NOUNS.search(phrase)):
        return -1, "", None
    if phrase.lower() in DETERMINERS:
        return -1, "", None
    return start, phrase, aside


def _skip_aside(tokens: list[re.Match], comma_index: int) -> int | None:
    """At the comma that closes ', who traveled ...,' or ', the WHO representative,': the index
    just before the aside's opening comma, or None when it is not an aside."""
    for index in range(comma_index - 1, max(-1, comma_index - 30), -1):
        if tokens[index].group() == ",":
            following = tokens[index + 1].group().lower() if index + 1 < len(tokens) else ""
            if following in ("who", "which", "the", "a", "an", "now") or following in ROLE_WORDS:
                return index - 1
            # a post of any words but a figure or a verb: ", Save the Children’s director,",
            # ", IOM protection officer,", ", country director at NRC,"
            aside = [token.group() for token in tokens[index + 1 : comma_index]]
            if len(aside) <= 12 and not any(
                word.lower() in _NOT_IN_A_POST or _DIGIT.search(word) for word in aside
            ):
                return index - 1
            return None
    return None


# Words that make the words between two commas a clause, not a speaker's post
_NOT_IN_A_POST = frozenset(
    ("is", "are", "was", "were", "has", "have", "had", "will", "would", "that", "but")
) | frozenset(SPEECH_VERB_WORDS)


# After "reported", "confirmed", "recorded": the state of people, not the start of speech.
STATE_AFTER = re.compile(
    r"\s+(?:as\s+)?(?:missing|dead|killed|injured|wounded|displaced|safe|alive|sick|ill)\b"
)
# The speech verbs that are also participles ("reported missing", "an estimated 4.2 million")
PARTICIPLES = frozenset(vocabulary.words("participle_speech_verbs", "speakers"))
PARTICIPLE_NOUN_AFTER = re.compile(
    r"\s+(?:new\s+)?(?:" + "|".join(vocabulary.words("participle_nouns")) + r")\b"
)
# "an estimated 4.2 million", "Nasir's estimated 245,000 people": a participle after a
# determiner or a possessive is an adjective
DETERMINER_BEFORE = re.compile(r"\b(?:an?|the)\s+\Z|\w['’]s\s+\Z", re.IGNORECASE)
# The verbs that credit a figure only when it follows after "at" ("puts the damage at US$ 4.6
# billion"), and that pattern, matched from the verb's end
VALUATION_VERBS = frozenset(vocabulary.words("valuation_speech_verbs", "speakers"))
_VALUED_AT = re.compile(
    r"[^.;:]{0,80}?\bat\s+(?:an?\s+estimated\s+|about\s+|around\s+|some\s+|nearly\s+"
    r"|almost\s+|more\s+than\s+|over\s+|least\s+)?(?:US\$|\$|€|£|[A-Z]{2,3}\s?\d|\d)"
)
# Those a survey asks ("Households reported that ..."): no one the report credits
RESPONDENTS = frozenset(vocabulary.words("respondent_nouns", "speakers"))
# their last letters: a phrase that ends with none of them names no one asked (the cheap test)
_RESPONDENT_ENDINGS = tuple({noun[-4:] for noun in RESPONDENTS})


def values_nothing(verb: str, text: str, verb_end: int) -> bool:
    """Is a valuation verb ("puts", "put") a plain verb here, no figure following after
    "at" ("the war puts children at risk")?"""
    return verb in VALUATION_VERBS and _VALUED_AT.match(text, verb_end) is None


def is_respondent(phrase: str) -> bool:
    """Does a speaker phrase name those a survey asks ("Households", "most respondents")?"""
    if not phrase.endswith(_RESPONDENT_ENDINGS):
        return False
    words = phrase.lower().split()
    while words and words[0] in ("the", "most", "many", "some", "all"):
        del words[0]
    return " ".join(words) in RESPONDENTS


# "the National Disaster Management Authority (NDMA) said": the acronym is part of the name
_ACRONYM_ASIDE = re.compile(r"\s*\([A-Z][A-Za-z]{1,11}\)")


def speaks_in(clause: str) -> bool:
    """Does a clause hold a speech verb that someone speaks ('the UN said', 'partners have
    recorded'), not a passive or an adjective ('cases were recorded', 'an estimated 4,000',
    'confirmed cases')?"""
    for match in SPEECH_VERB.finditer(clause):
        head = clause[: match.start()]
        if head.rstrip().endswith(_AUXILIARY_ENDINGS):
            head = PASSIVE_OR_AUXILIARY.sub("", head)
        if head.rstrip().endswith(_PASSIVE_ENDINGS) and PASSIVE.search(head):
            continue
        verb = match.group()
        if verb in PARTICIPLES and (
            DETERMINER_BEFORE.search(clause, max(0, match.start() - 6), match.start())
            or values_nothing(match.group(), clause, match.end())
            or PARTICIPLE_NOUN_AFTER.match(clause, match.end())
            or STATE_AFTER.match(clause, match.end())
        ):
            continue
        return True
    return False


# When and how a speaker spoke, after their name: "in a statement on Monday", "in Geneva"
TRAILING_ADVERBIAL = re.compile(
    r"(?:\s+(?:(?:on|last|this|next)\s+\w+day|yesterday|today|(?:last|this)\s+week|earlier"
    r"|in\s+(?:a|an|her|his|their|its)\s+(?:\w+\s+)?(?:statement|report|briefing|interview|"
    r"update|post|release|conference)|at\s+an?\s+(?:\w+\s+)?(?:briefing|conference)"
    r"|to\s+reporters|in\s+[A-Z][\w-]+))+\s*$"
)
# What opens a clause after a comma rather than a speaker's post ("and 300 more arrived")
_NOT_A_POST = frozenset(("and", "but", "or", "while", "whereas", "with", "as", "so", "then"))
_GOES_ON = frozenset(("adding", "saying", "noting", "warning", "explaining", "stressing"))


def name_before_post(who: str) -> tuple[str, bool, bool] | None:
    """A speaker named before a comma and what follows them ("Amina Hassan, UNHCR's public
    health officer", "Dr Sara Ali, the head of the clinic", "Ali, who runs the clinic"):
    (the phrase credited, whether the words after the comma are part of it, whether the
    sentence goes on in the speaker's voice: ", adding that ..."); None when the words
    before the comma name no one. A post may hold any words but a figure or a clause."""
    name, _, post = who.partition(",")
    name = name.rstrip()
    if is_a_name(post.strip()) and not _DIGIT.search(name) and len(name.split()) <= 16:
        return who, True, False  # "the senior adviser of NRC, Dr. James O'Neill"
    if not name or not looks_like_speaker(name) or not _CAPITAL_WORD.search(name):
        return None
    words = post.split()
    first = words[0].lower() if words else ""
    if first in _GOES_ON:
        return name, False, True
    if (
        not words
        or len(words) > 12
        or first in _NOT_A_POST
        or first.endswith("ing")
        or "that" in words
        or _DIGIT.search(post)
    ):
        return name, False, False
    return who, True, False


def main_phrase(who: str) -> str:
    """'Dr Mamadou Bah, MSF's medical coordinator' -> 'Dr Mamadou Bah';
    "Trump's special envoy, Steve Witkoff" -> 'Steve Witkoff'."""
    parts = [part.strip() for part in who.split(",") if part.strip()]
    if len(parts) == 1:
        return parts[0]
    for part in reversed(parts):
        if person_name(part):
            return part
    return parts[0]
