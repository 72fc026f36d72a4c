"""Who a report credits with a statement, and which part of the sentence the credit covers.

Three ways reports attribute:
- "according to X" (before or after what X said),
- "X said / reported / estimates (that) ..." with the speaker first,
- "..., X said." or "..., said X." with the speaker last.
A speaker phrase is canonicalised through a gazetteer of humanitarian actors (speakers.json)
("the WHO chief" -> "WHO Director-General Tedros Adhanom Ghebreyesus", "the UN" ->
"United Nations"); ministries become "Ministry of Health (Gaza)"; other people keep just
their name ("special envoy Steve Witkoff" -> "Steve Witkoff"); other groups keep their words
without the article ("the water authority" -> "Water authority"). Pronouns and "the
agency" / "the ministry" refer back to the last speaker of that sort in the document.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from indicators.extract import vocabulary
from indicators.extract.date_phrases import MONTH_NAMES, WEEKDAYS
from indicators.extract.patterns import bounded_trie_pattern, trie_pattern

PERSON = "person"
ORG = "org"
MINISTRY = "ministry"
NEWS = "news"

_GAZETTEER_WORDS: dict[str, dict] = vocabulary.words("gazetteer", "speakers")
# (canonical name, kind, pattern), in the order of speakers.json: people before their
# organisations, specific agencies before the United Nations as a whole.
GAZETTEER: tuple[tuple[str, str, str], ...] = tuple(
    (name, entry["kind"], "|".join(entry["patterns"])) for name, entry in _GAZETTEER_WORDS.items()
)
_GAZETTEER = tuple((name, kind, re.compile(pattern)) for name, kind, pattern in GAZETTEER)

# Adjectives and possessives that say whose ministry it is.
PLACE_ADJECTIVES: dict[str, str] = vocabulary.words("place_adjectives", "speakers")
MINISTRY_PATTERN = re.compile(
    r"(?:(?P<owner>[A-Z][\w-]+?)(?:[’']s)?\s+)?(?:(?P<topic_before>(?:[A-Z][a-z]+\s+){0,2}[A-Z][a-z]+|health|interior|defen[cs]e|education|agriculture|water|finance|foreign)\s+)?"
    r"(?P<ministry>[Mm]inistry)(?:\s+of\s+(?P<topic_after>[A-Z][a-z]+(?:\s+(?:and\s+)?[A-Z][a-z]+){0,3}))?"
)

SPEECH_VERB_WORDS: list[str] = vocabulary.words("speech_verbs", "speakers")
SPEECH_VERBS = "|".join(SPEECH_VERB_WORDS)
# The verbs as a trie ("s(?:a(?:id|ys?)|...)"), several times faster to scan than the list.
_SPEECH_VERBS_TRIE = trie_pattern(set(SPEECH_VERBS.split("|")))
# As \b(?:trie)\b, written to open with a letter (see `bounded_trie_pattern`): faster to scan.
SPEECH_VERB = re.compile(bounded_trie_pattern(set(SPEECH_VERBS.split("|"))))
ACCORDING_TO = re.compile(r"\b[Aa]ccording\s+to\s+")
HONORIFICS: list[str] = vocabulary.words("honorifics", "speakers")
_HONORIFIC_WORDS = frozenset(word.lower() for word in HONORIFICS)
# A character of a speaker phrase: any but a clause's punctuation, yet the full stop of an
# honorific ("Dr.") or an initialism ("U.N.") does not end the phrase.
_ABBREVIATION = r"\b(?:" + "|".join(HONORIFICS) + r")\.|\b(?:[A-Z]\.){2,}"
_PHRASE_CHARACTER = rf"(?:{_ABBREVIATION}|[^,;.“”\"])"
# Inverted order, after a comma or a closing quote mark: '..., said Panikoff'.
INVERTED = re.compile(
    rf"(?:[,”\"]\s*)(?P<verb>{_SPEECH_VERBS_TRIE})\s+"
    rf"(?P<who>{_PHRASE_CHARACTER}+?(?:,\s+{_PHRASE_CHARACTER}+?)?)\s*(?=[,;.]|$)"
)

ROLE_WORDS = frozenset(vocabulary.words("role_words", "speakers"))
DETERMINERS = frozenset(vocabulary.words("determiners", "speakers"))
PRONOUN_PERSON = frozenset(vocabulary.words("person_pronouns", "speakers"))
PRONOUN_ORG = frozenset(vocabulary.words("org_pronouns", "speakers"))
PRONOUN_SELF = frozenset(vocabulary.words("first_person_pronouns", "speakers"))
ORG_WORDS = frozenset(vocabulary.words("org_words", "speakers"))
_TOKEN = re.compile(r"[\w’'.-]+|[,“”\"()]")


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


class Speakers:
    """What the document has named so far, to resolve 'he', 'the agency', 'the ministry'.
    Organisations named without speaking are looked up lazily in the recent sentences."""

    def __init__(self) -> None:
        self.last_person = ""
        self.last_org = ""
        self._last_agency = ""
        self._last_ministry = ""
        self.people: list[str] = []
        self.recent: list[str] = []  # the last sentences, newest last
        # a quote open over several sentences: where it closes, and its speaker
        self.quote_until = -1
        self.quote_voice: tuple[str, str, str] | None = None  # name, kind, phrase
        # the last sentence with a quote mark: the quote's voice when known, else the
        # attributions to look for a speaker beside a quote mark in, and where it ends
        self.last_quote: tuple[tuple[str, str, str] | None, list, int] | None = None

    @property
    def last_agency(self) -> str:
        for sentence in reversed(self.recent):
            name = _agency_named_in(sentence)
            if name:
                return name
        return self._last_agency

    @property
    def last_ministry(self) -> str:
        for sentence in reversed(self.recent):
            if "inistry" in sentence:
                name = _ministry_named_in(sentence)
                if name:
                    return name
        return self._last_ministry

    def remember(self, speaker: str, kind: str) -> None:
        if not speaker:
            return
        if kind == PERSON:
            self.last_person = speaker
            if speaker not in self.people:
                self.people.append(speaker)
        elif kind == MINISTRY:
            self._last_ministry = speaker
            self.last_org = speaker
        elif kind in (ORG, NEWS):
            self.last_org = speaker
            if kind == ORG:
                self._last_agency = speaker

    def quoting(self, sentence: str, start: int) -> bool:
        """Whether a sentence is read for its speaker even without a speech verb: it lies in
        a quote opened before, or holds a quote mark (a quote may go on in it)."""
        return start < self.quote_until or "“" in sentence or '"' in sentence

    def notice_mentions(self, sentence: str) -> None:
        """Remember the sentence; 'the agency' may refer to an organisation it names."""
        self.recent.append(sentence)
        if len(self.recent) > 8:
            del self.recent[0]


def gazetteer_speaker(words: str) -> tuple[str, str] | None:
    """(canonical name, kind) of the gazetteer's speaker that these words name whole."""
    for name, kind, pattern in _GAZETTEER:
        if pattern.fullmatch(words):
            return name, kind
    return None


def _in_gazetteer(aside: str) -> bool:
    acronym = aside.strip(" ()")
    return any(pattern.fullmatch(acronym) for _, _, pattern in _GAZETTEER)


@functools.lru_cache(maxsize=1024)
def _agency_named_in(sentence: str) -> str:
    """The first agency of the gazetteer (not the UN as a whole) a sentence names, or ''.
    Cached: 'the agency' looks back over the same recent sentences again and again."""
    for name, kind, pattern in _GAZETTEER:
        if kind == ORG and name != "United Nations" and pattern.search(sentence):
            return name
    return ""


@functools.lru_cache(maxsize=1024)
def _ministry_named_in(sentence: str) -> str:
    for match in MINISTRY_PATTERN.finditer(sentence):
        name = canonical_ministry(match)
        if name:
            return name
    return ""


def canonical_ministry(match: re.Match) -> str:
    """'Gaza Health Ministry' -> 'Ministry of Health (Gaza)'; "Ukraine's Ministry of Social
    Policy" -> 'Ministry of Social Policy (Ukraine)'; 'the health ministry' -> 'Ministry of Health'."""
    before = " ".join(part for part in (match.group("owner"), match.group("topic_before")) if part)
    words = [w for w in re.split(r"\s+", before) if w]
    place = ""
    prefix = ""
    topic_words = []
    for word in words:
        bare = re.sub(r"[’']s$", "", word)
        lower = bare.lower()
        if lower in ("the", "a", "its", "their"):
            continue
        if lower in PLACE_ADJECTIVES:
            place = PLACE_ADJECTIVES[lower]
        elif lower in ("state", "federal", "national", "regional", "provincial"):
            prefix = bare.capitalize() + " "
        elif word != bare or (
            bare[:1].isupper() and not topic_words and lower not in MINISTRY_TOPICS
        ):
            place = bare  # "Gaza Health Ministry", "Ukraine's Ministry of ..."
        else:
            topic_words.append(bare)
    topic = (match.group("topic_after") or " ".join(topic_words)).strip()
    if not topic and not place:
        return ""
    if place and match.group("owner"):  # "Saudi Arabia's foreign ministry": the whole name
        before = _WORD_BEFORE.search(match.string, 0, match.start("owner"))
        if before and f"{before.group(1)} {place}" in _PLACE_NAMES:
            place = f"{before.group(1)} {place}"
    if topic:
        topic = MINISTRY_TOPIC_NAMES.get(topic.lower(), topic)
        topic = topic.title() if topic.islower() else topic
        name = f"{prefix}Ministry of {topic}"
    else:
        name = f"{prefix}Ministry"
    return f"{name} ({place})" if place else name


MINISTRY_TOPICS = frozenset(vocabulary.words("ministry_topics", "speakers"))
MINISTRY_TOPIC_NAMES: dict[str, str] = vocabulary.words("ministry_topic_names", "speakers")
_WORD_BEFORE = re.compile(r"([A-Z][\w-]*)\s+\Z")


def canonical_speaker(phrase: str, speakers: Speakers) -> tuple[str, str]:
    """(canonical name, kind) of a speaker phrase; ('', '') when it names no one."""
    name, kind, refers_to, surname = _read_speaker(phrase)
    if refers_to == PERSON:
        return speakers.last_person, PERSON
    if refers_to == ORG:
        return speakers.last_org or speakers.last_person, ORG
    if refers_to == "agency":
        return speakers.last_agency or speakers.last_org, ORG
    if refers_to == MINISTRY:
        return speakers.last_ministry or "Ministry", MINISTRY
    if surname:  # "Etefa said" after "spokesperson Abeer Etefa"
        for known in speakers.people:
            # "Berg", "van der Berg", "Al-Mandhari" opening a sentence
            if known.lower().endswith(" " + surname.lower()):
                return known, PERSON
    return name, kind


@functools.lru_cache(maxsize=8192)
def _read_speaker(phrase: str) -> tuple[str, str, str, str]:
    """What a speaker phrase says by itself, cached since reports repeat their speakers:
    (name, kind, what it refers back to, a lone surname to look up among known people).
    'he', 'it', 'the agency', 'the ministry' refer back to the document's last speaker of
    that sort; the name is then left to `canonical_speaker`."""
    phrase = re.sub(r"\s+", " ", phrase.strip(" ,“”\"'"))
    if not phrase:
        return "", "", "", ""
    lower = phrase.lower()
    if lower in PRONOUN_PERSON:
        return "", "", PERSON, ""
    if lower in PRONOUN_ORG:
        return "", "", ORG, ""
    if lower in PRONOUN_SELF:  # "we recorded ...": the quoted speaker's words, or no one's
        return "", "", "", ""
    if re.fullmatch(r"the (?:agency|organi[sz]ation|un agency|body|group)", lower):
        return "", "", "agency", ""
    if re.fullmatch(r"the (?:\w+ )?ministry", lower) and "ministry of" not in lower:
        ministry = MINISTRY_PATTERN.search(phrase)
        named = canonical_ministry(ministry) if ministry else ""
        if named and named != "Ministry" and not re.fullmatch(r"the ministry", lower):
            return named, MINISTRY, "", ""
        return "", "", MINISTRY, ""
    for name, kind, pattern in _GAZETTEER:
        if kind == PERSON and pattern.search(phrase):
            return name, PERSON, "", ""
    if "inistry" in phrase:
        ministry = MINISTRY_PATTERN.search(phrase)
        if ministry and canonical_ministry(ministry):
            return canonical_ministry(ministry), MINISTRY, "", ""
    person = person_name(phrase)
    if not person and " " in phrase:  # "Amina Hassan of UNHCR", "Dr Ali from the WHO"
        member = _MEMBER_OF.match(phrase)
        person = person_name(member.group("name")) if member else ""
    lone = _LONE_SURNAME.fullmatch(phrase)
    surname = lone.group(1) if lone else ""
    if person:
        return person, PERSON, "", surname
    if "inistry" in phrase:
        ministry = MINISTRY_PATTERN.search(phrase)
        if ministry:
            return canonical_ministry(ministry), MINISTRY, "", surname
    for name, kind, pattern in _GAZETTEER:
        if kind != PERSON and pattern.search(phrase):
            return name, kind, "", surname
    government = _GOVERNMENT.fullmatch(phrase) if "overnment" in phrase else None
    if government:  # "the Bangladesh government", "Chad's government" -> "Government of Chad"
        owner = government.group("owner") or government.group("of")
        place = PLACE_ADJECTIVES.get(owner.lower()) or (owner if owner in _PLACE_NAMES else "")
        if place:
            return f"Government of {place}", ORG, "", ""
    words = phrase.split()
    while words and words[0].lower() in DETERMINERS:
        words.pop(0)
    if words and words[0].lower() in (
        "town’s",
        "town's",
        "city’s",
        "city's",
        "country’s",
        "country's",
    ):
        words.pop(0)
    if not words:
        return "", "", "", surname
    text = " ".join(words)
    return text[0].upper() + text[1:], ORG, "", surname


# A country's government, named by the country or its adjective
_GOVERNMENT = re.compile(
    r"(?:[Tt]he\s+)?(?:(?P<owner>[A-Z][\w ]*?)(?:[’']s)?\s+[Gg]overnment"
    r"|[Gg]overnment\s+of\s+(?:the\s+)?(?P<of>[A-Z][\w ]*))"
)
_PLACE_NAMES = frozenset(vocabulary.place_names())

# A person's name followed by the organisation they speak for
_MEMBER_OF = re.compile(
    r"(?P<name>(?:[\w’'.-]+\s+)*?[\w’'.-]+)\s+(?:of|from|with|at)\s+(?:the\s+)?[A-Z]"
)
_LONE_SURNAME = re.compile(
    r"(?:(?:" + "|".join(HONORIFICS) + r")\.?\s+)?((?:[a-z]+[\s-])*[A-Z][\w’'-]+)"
)


def person_name(phrase: str) -> str:
    """The trailing run of capitalised words when they name a person: 'Abeer Etefa'."""
    words = re.findall(r"[\w’'.-]+", phrase)
    run: list[str] = []
    for word in reversed(words):
        if (
            word[:1].isupper()
            and not word.isupper()
            and word.lower().rstrip(".") not in _HONORIFIC_WORDS
        ) or ((run or "-" in word) and _is_particle(word)):  # "Ana de Souza", "al-Mandhari"
            run.append(word)
            continue
        break
    while run and _is_particle(run[-1]) and run[-1][:1].islower():
        run.pop()  # a name starts with a capital: "of de Souza" is not "de Souza"
    run.reverse()
    before_run = words[len(words) - len(run) - 1].lower() if len(words) > len(run) else ""
    if before_run in ("of", "for") and len(run) >= 3 and len(words) > len(run) + 1:
        # "Minister of Energy Oleh Marchenko": the title's topic, then the name
        title = words[len(words) - len(run) - 2].lower()
        name_words = list(run)
        while name_words and name_words[0].lower() in MINISTRY_TOPICS:
            name_words.pop(0)
        if title in _TITLE_WORDS and len(run) > len(name_words) >= 2:
            return "" if _names_an_organisation(" ".join(run)) else " ".join(name_words)
    if before_run in ("of", "for", "the", "and", "in", "on", "at"):
        return ""
    if not run:
        if len(words) == 1 and words[0][:1].isupper() and not words[0].isupper():
            return ""
        return ""
    if any(word.lower() in ORG_WORDS for word in run):
        return ""
    if len(run) == 1:
        return ""  # a lone capitalised word is a person only if named in full before
    name = " ".join(run)
    return "" if _names_an_organisation(name) else name  # "Médecins Sans Frontières"


NAME_PARTICLES = frozenset(vocabulary.words("name_particles", "speakers"))
# Posts written before "of <topic>" and a name: "Minister of Energy", "Secretary of State"
_TITLE_WORDS = frozenset(("minister", "secretary", "commissioner", "director", "governor"))


def _is_particle(word: str) -> bool:
    """A lower-case part of a name: 'de', 'van', 'der', or 'al-' joined to the next part."""
    lower = word.lower()
    if lower in NAME_PARTICLES:
        return True
    head, dash, rest = word.partition("-")
    return bool(dash) and head.lower() in NAME_PARTICLES and rest[:1].isupper()


@functools.lru_cache(maxsize=1024)
def _names_an_organisation(words: str) -> bool:
    """Does the gazetteer know these capitalised words as an organisation or news agency?"""
    return any(kind != PERSON and pattern.search(words) for _, kind, pattern in _GAZETTEER)


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


def _speaker_before(sentence: str, verb_start: int) -> tuple[int, str, tuple[int, int] | None]:
    """The subject of a speech verb: (start, phrase, aside skipped) or (-1, '', None)."""
    head = sentence[:verb_start]
    if ")" in head:  # blank out "(NDMA)" so the name before it is read, offsets kept,
        # unless the gazetteer knows the acronym ("Médecins Sans Frontières (MSF)" is MSF)
        head = _ACRONYM_ASIDE.sub(
            lambda m: m.group() if _in_gazetteer(m.group()) else " " * len(m.group()), head
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
    return _walk_back(head)


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
        if token[:1].isupper() or lower in ROLE_WORDS or _is_particle(token):
            first = index
            index -= 1
            continue
        break
    if first is None:
        if aside is not None:  # "the Kenya Red Cross Society’s senior adviser, Rania Ali, said"
            named = head[aside[0] : aside[1]].strip(" ,")
            if _is_a_name(named):
                return head.index(named, aside[0]), named, None
        return -1, "", None
    start = tokens[first].start()
    phrase = head[start:].strip()
    if aside is not None:
        named = head[aside[0] : aside[1]].strip(" ,")
        phrase = (head[start : aside[0]] + head[aside[1] :]).strip()
        if _is_a_name(named) and not person_name(phrase):
            # "UNICEF’s spokesperson, James Elder, said": the post names who the aside does
            return start, named, None
    phrase = re.sub(r"^(?:(?:and|of|for|in|on|but)\s+)+", "", phrase)
    if not phrase or not (re.search(r"[A-Z]", phrase) or SUBJECT_NOUNS.search(phrase)):
        return -1, "", None
    if phrase.lower() in DETERMINERS:
        return -1, "", None
    return start, phrase, aside


def _is_a_name(words: str) -> bool:
    """Are these words a person's name and nothing else ("Dr. Amina Hassan")?"""
    name = person_name(words)
    return bool(name) and words.endswith(name) and _LONE_HONORIFIC.fullmatch(words[: -len(name)])


_LONE_HONORIFIC = re.compile(r"(?:(?:" + "|".join(HONORIFICS) + r")\.?\s+)?")


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
            scope = (_credited_from(sentence, match.start()), match.start())
        elif _PARTICIPLE_AFTER.match(sentence, phrase_end):
            # "210,000 were displaced, according to IOM, bringing the total to 725,000"
            scope = (_clause_start(sentence, match.start()), len(sentence))
        elif _COMMA_AFTER.match(sentence, phrase_end) and _COMMA_BEFORE.search(
            sentence, max(0, match.start() - 3), match.start()
        ):
            # "75% are women, according to IOM, which said 310 ...", "48,000 fled, according
            # to OCHA, most of them children": what it comes after and the aside it opens
            scope = (_credited_from(sentence, match.start()), _clause_end(sentence, phrase_end))
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
        who = match.group("who")
        words_end = match.end()
        scope_end = match.start()
        if " " in who:  # ", said OCHA in a statement on Monday": when and how, not who
            who = _TRAILING_ADVERBIAL.sub("", who)
        if not looks_like_speaker(who):
            named = _name_before_post(who)
            if named is None:
                continue
            who, covered, goes_on = named
            if not covered:  # ", said Amina Hassan, and 300 more ...": the rest is not theirs
                words_end = match.start("who") + len(who)
            if goes_on:  # ", said Amina Hassan, adding that ...": theirs too
                scope_end = len(sentence)
        name, kind = canonical_speaker(_main_phrase(who), speakers)
        if not name:
            continue
        outer = _ENDS_QUOTE.match(sentence, words_end) is not None
        scope = (_said_from(sentence, match.start("verb")), scope_end)
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
        if verb in _PARTICIPLES and _STATE_AFTER.match(sentence, match.end()):
            continue  # "people reported missing": a participle, no one speaks
        if verb in _PARTICIPLES and _PARTICIPLE_NOUN_AFTER.match(sentence, match.end()):
            continue  # "Cumulative confirmed cases: 7,912": an adjective, no one speaks
        if verb in _PARTICIPLES and _DETERMINER_BEFORE.search(
            sentence, max(0, match.start() - 6), match.start()
        ):
            continue  # "an estimated 4.2 million": an adjective
        speaker_start, phrase, aside = _speaker_before(sentence, match.start())
        if speaker_start < 0:
            continue
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
            scope = (_said_from(sentence, speaker_start), speaker_start)
            comma = finishes.group("end").startswith(",")
            outer = _ENDS_PLAIN.match(sentence, finishes.end("end")) is not None and not comma
            if comma and speaker_start > 0:
                # "..., Etefa said, compared with 25 in March": the aside goes on with them
                scope = (_said_from(sentence, speaker_start), _clause_end(sentence, match.end()))
        elif finishes is not None and finishes.group("adding"):
            scope = (0, len(sentence))
            outer = False
        else:
            scope = (match.end(), _clause_end(sentence, match.end()))
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
# After "reported", "confirmed", "recorded": the state of people, not the start of speech.
_STATE_AFTER = re.compile(
    r"\s+(?:as\s+)?(?:missing|dead|killed|injured|wounded|displaced|safe|alive|sick|ill)\b"
)
# The speech verbs that are also participles ("reported missing", "an estimated 4.2 million")
_PARTICIPLES = frozenset(vocabulary.words("participle_speech_verbs", "speakers"))
_PARTICIPLE_NOUN_AFTER = re.compile(
    r"\s+(?:new\s+)?(?:" + "|".join(vocabulary.words("participle_nouns")) + r")\b"
)
_DETERMINER_BEFORE = re.compile(r"\b(?:an?|the)\s+\Z", re.IGNORECASE)
# "the National Disaster Management Authority (NDMA) said": the acronym is part of the name
_ACRONYM_ASIDE = re.compile(r"\s*\([A-Z][A-Za-z]{1,11}\)")
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


def looks_like_speaker(phrase: str) -> bool:
    """'Dr Mamadou Bah, MSF's medical coordinator' yes; 'the group's latest response in ...' no."""
    words = re.findall(r"[\w’'.-]+", phrase)
    if not words or len(words) > 14:  # "James Tanaka of the Office for the Coordination of ..."
        return False
    for word in words:
        lower = word.lower()
        if word[:1].isupper() or lower in ROLE_WORDS or lower in DETERMINERS:
            continue
        if _is_particle(word):
            continue
        if lower.endswith(("’s", "'s")) and lower[:-2] in ROLE_WORDS:
            continue
        return False
    return True


# When and how a speaker spoke, after their name: "in a statement on Monday", "in Geneva"
_TRAILING_ADVERBIAL = re.compile(
    r"(?:\s+(?:(?:on|last|this|next)\s+\w+day|yesterday|today|(?:last|this)\s+week|earlier"
    r"|in\s+(?:a|an|her|his|their|its)\s+(?:\w+\s+)?(?:statement|report|briefing|interview|"
    r"update|post|release|conference)|at\s+an?\s+(?:\w+\s+)?(?:briefing|conference)"
    r"|to\s+reporters|in\s+[A-Z][\w-]+))+\s*$"
)
# What opens a clause after a comma rather than a speaker's post ("and 300 more arrived")
_NOT_A_POST = frozenset(("and", "but", "or", "while", "whereas", "with", "as", "so", "then"))
_GOES_ON = frozenset(("adding", "saying", "noting", "warning", "explaining", "stressing"))


def _name_before_post(who: str) -> tuple[str, bool, bool] | None:
    """A speaker named before a comma and what follows them ("Amina Hassan, UNHCR's public
    health officer", "Dr Sara Ali, the head of the clinic", "Ali, who runs the clinic"):
    (the phrase credited, whether the words after the comma are part of it, whether the
    sentence goes on in the speaker's voice: ", adding that ..."); None when the words
    before the comma name no one. A post may hold any words but a figure or a clause."""
    name, _, post = who.partition(",")
    name = name.rstrip()
    if _is_a_name(post.strip()) and not _DIGIT.search(name) and len(name.split()) <= 16:
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


def _is_clause_end(finishes: re.Match) -> bool:
    return finishes.group("end") in (".", ";", "!", "?", "") or finishes.group("end").startswith(
        (",", " ")
    )


def _main_phrase(who: str) -> str:
    """'Dr Mamadou Bah, MSF's medical coordinator' -> 'Dr Mamadou Bah';
    "Trump's special envoy, Steve Witkoff" -> 'Steve Witkoff'."""
    parts = [part.strip() for part in who.split(",") if part.strip()]
    if len(parts) == 1:
        return parts[0]
    for part in reversed(parts):
        if person_name(part):
            return part
    return parts[0]


STRONG_BOUNDARY = re.compile(r";|\s[—–]\s|,\s+(?:while|whereas|with|but)\b")


# STRONG_BOUNDARY less its dash branch, for sentences with no dash: a pattern that opens with
# ";" or "," is scanned for at C speed, where "\s[—–]\s" is tried at every space.
_STRONG_BOUNDARY_NO_DASH = re.compile(r";|,\s+(?:while|whereas|with|but)\b")
assert STRONG_BOUNDARY.pattern == r";|\s[—–]\s|" + _STRONG_BOUNDARY_NO_DASH.pattern[2:]


def strong_boundary(sentence: str) -> re.Pattern:
    """STRONG_BOUNDARY, or the same without its dash branch for a sentence with no dash."""
    return STRONG_BOUNDARY if "—" in sentence or "–" in sentence else _STRONG_BOUNDARY_NO_DASH


def _clause_start(sentence: str, position: int) -> int:
    last = 0
    if ";" not in sentence and "," not in sentence and "—" not in sentence and "–" not in sentence:
        return last  # no boundary can open a clause
    for match in strong_boundary(sentence).finditer(sentence, 0, position):
        last = match.end()
    return last


def _said_from(sentence: str, position: int) -> int:
    """Where the words credited to a speaker named last, at `position`, begin: the opening
    mark of a quote closing just before them (a quote is said whole, its dashes, semicolons
    and ', but' included; from the sentence's start when it opened in an earlier one), else
    the start of the clauses they said (`_credited_from`)."""
    before = sentence[:position].rstrip()
    if before.endswith(("”", '"')):
        mark = "“" if before[-1] == "”" else '"'
        opening = sentence.rfind(mark, 0, len(before) - 1)
        return max(opening, 0)
    return _credited_from(sentence, position)


# Boundaries a speaker named last reaches back over: coordinate clauses joined by ';', a
# dash, ', while', ', whereas' or ', but' are all theirs ("Some 1,200 are sick, while 300
# have died, Dr Ali said"). A ', with' adjunct is not crossed: it carries the figure the
# speaker gave to a clause that is the report's own ("The war passed the 500-day mark on
# Tuesday, with 14.7 million displaced, the UN said").
_NOT_CROSSED = re.compile(r",\s+with\b")


def _credited_from(sentence: str, position: int) -> int:
    """Where the clauses credited to a speaker named at `position`, after them, begin: back
    over each coordinate clause before, up to one that has a speaker of its own (a speech
    verb or 'according to': "12 entered, the UN said, while 7 entered, the army said")."""
    if ";" not in sentence and "," not in sentence and "—" not in sentence and "–" not in sentence:
        return 0  # no boundary can open a clause
    boundaries = list(strong_boundary(sentence).finditer(sentence, 0, position))
    start = boundaries[-1].end() if boundaries else 0
    for index in range(len(boundaries) - 1, -1, -1):
        boundary = boundaries[index]
        if _NOT_CROSSED.match(boundary.group()):
            break
        before_start = boundaries[index - 1].end() if index else 0
        clause = sentence[before_start : boundary.start()]
        if "ccording to" in clause or _speaks_in(clause):
            break
        start = before_start
    return start


def _speaks_in(clause: str) -> bool:
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
        if verb in _PARTICIPLES and (
            _DETERMINER_BEFORE.search(clause, max(0, match.start() - 6), match.start())
            or _PARTICIPLE_NOUN_AFTER.match(clause, match.end())
            or _STATE_AFTER.match(clause, match.end())
        ):
            continue
        return True
    return False


def _clause_end(sentence: str, position: int) -> int:
    if ";" not in sentence and "," not in sentence and "—" not in sentence and "–" not in sentence:
        return len(sentence)  # no boundary can close a clause
    match = strong_boundary(sentence).search(sentence, position)
    return match.start() if match else len(sentence)


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
