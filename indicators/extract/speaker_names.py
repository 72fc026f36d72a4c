"""Who a speaker phrase names, and of what kind: a person, an organisation, a ministry, a
news outlet.

A speaker phrase is canonicalised through a gazetteer of humanitarian actors (speakers.json)
("the WHO chief" -> "WHO Director-General Tedros Adhanom Ghebreyesus", "the UN" ->
"United Nations"); ministries become "Ministry of Health (Gaza)"; other people keep just
their name ("special envoy Steve Witkoff" -> "Steve Witkoff"); other groups keep their words
without the article ("the water authority" -> "Water authority"). Pronouns and "the
agency" / "the ministry" refer back to the last speaker of that sort in the document, which
`Speakers` remembers. Kept apart from finding the attributions: naming is the same wherever
in the sentence the speaker stands.
"""

from __future__ import annotations

import functools
import re

from indicators.extract import vocabulary

PERSON = "person"
ORG = "org"
MINISTRY = "ministry"
GOVERNMENT = "government"  # a government named without its country
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
MINISTRY_TOPICS = frozenset(vocabulary.words("ministry_topics", "speakers"))
# what a ministry is for, before or after its noun, in capitals or in the words of
# `ministry_topics` ("the health ministry", "the ministry of public health")
_TOPIC = "(?:" + "|".join(sorted(MINISTRY_TOPICS, key=len, reverse=True)) + ")"
MINISTRY_PATTERN = re.compile(
    rf"(?:(?P<owner>[A-Z][\w-]+?)(?:[’']s)?\s+)?(?:(?P<topic_before>(?:[A-Z][a-z]+\s+){{0,2}}[A-Z][a-z]+|{_TOPIC})\s+)?"
    rf"(?P<ministry>[Mm]inistry)(?:\s+of\s+(?P<topic_after>[A-Z][a-z]+(?:\s+(?:and\s+)?[A-Z][a-z]+){{0,3}}"
    rf"|{_TOPIC}\b(?:\s+(?:and\s+)?{_TOPIC}\b){{0,2}}))?"
)

HONORIFICS: list[str] = vocabulary.words("honorifics", "speakers")
# ranks written in full ("Colonel Abass Dembélé") are left out of a name as titles are
RANKS: list[str] = vocabulary.words("ranks", "speakers")
_HONORIFIC_WORDS = frozenset(word.lower() for word in HONORIFICS + RANKS)

ROLE_WORDS = frozenset(vocabulary.words("role_words", "speakers"))
DETERMINERS = frozenset(vocabulary.words("determiners", "speakers"))
PRONOUN_PERSON = frozenset(vocabulary.words("person_pronouns", "speakers"))
PRONOUN_ORG = frozenset(vocabulary.words("org_pronouns", "speakers"))
RUNNING_TOTAL_VERBS = frozenset(vocabulary.words("running_total_verbs"))
METHOD_NOUNS = frozenset(w for w in vocabulary.words("method_nouns") if " " not in w)
OWN_GOVERNMENT = frozenset(vocabulary.words("own_government_phrases", "speakers"))
# "the UNHCR-led Protection and Return Monitoring Network": the network is the speaker
_LED_BY = re.compile(
    r"(?:[Tt]he\s+|[Aa]n?\s+)?[\w.&’']+-(?:"
    + vocabulary.alternatives(vocabulary.words("led_by_suffixes", "speakers"))
    + r")\s+(?P<body>\S.*)"
)
PRONOUN_SELF = frozenset(vocabulary.words("first_person_pronouns", "speakers"))
ORG_WORDS = frozenset(vocabulary.words("org_words", "speakers"))


class Speakers:
    """What the document has named so far, to resolve 'he', 'the agency', 'the ministry'.
    Organisations named without speaking are looked up lazily in the recent sentences."""

    def __init__(self, document: str = "") -> None:
        self.document = document  # where an acronym a speaker is named by is spelt out
        self._expansions: dict[str, str] = {}
        self.last_person = ""
        self.last_org = ""
        self._last_agency = ""
        self._last_ministry = ""
        self.people: list[str] = []
        self.country = ""  # the country the report covers: whose "the government" it is
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

    def spelt_out(self, acronym: str) -> str:
        """The name the document spells an acronym out as ("The National Disaster Management
        Office (NDMO) estimates ..."), or ""."""
        if acronym not in self._expansions:
            self._expansions[acronym] = acronym_expansion(self.document, acronym)
        return self._expansions[acronym]

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


def in_gazetteer(aside: str) -> bool:
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
        if topic.islower():  # "the ministry of water and energy": Water and Energy
            topic = " ".join(w if w == "and" else w.capitalize() for w in topic.split())
        name = f"{prefix}Ministry of {topic}"
    else:
        name = f"{prefix}Ministry"
    return f"{name} ({place})" if place else name


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
    if refers_to == GOVERNMENT:  # "The government reports ...": the report's country's
        return (f"Government of {speakers.country}" if speakers.country else "Government"), ORG
    if kind == ORG and name.isupper() and 2 <= len(name) <= 8 and speakers.document:
        spelt = speakers.spelt_out(name)  # "According to the NDMO" after "... Office (NDMO)"
        if spelt:
            name, kind = _read_speaker(spelt)[:2]
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
    if lower in OWN_GOVERNMENT:
        return "", "", GOVERNMENT, ""
    if lower in PRONOUN_SELF:  # "we recorded ...": the quoted speaker's words, or no one's
        return "", "", "", ""
    if lower.split(" ", 1)[0] in RUNNING_TOTAL_VERBS:
        return "", "", "", ""  # "bringing the total of refugees registered ...": no one
    if "-" in phrase:
        led = _LED_BY.match(phrase)
        if led:
            return _read_speaker(led.group("body"))
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
    if words and words[-1].lower() in METHOD_NOUNS:
        return "", "", "", ""  # "Technical survey confirmed ...": a method finds, the report says
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
    if words[0][:1].islower() and len(words) > 1:
        named = _name_after_description(words)
        if named:  # "the conflict monitor ACLED": ACLED
            return _read_speaker(named)
    text = " ".join(words)
    return text[0].upper() + text[1:], ORG, "", surname


# words that tie a description to a place or a thing ("partners in Adamawa", "staff of MSF"):
# the capitalised words after them are not the speaker's own name
_DESCRIPTION_LINKS = frozenset(["in", "of", "from", "at", "on", "with", "for", "to", "by", "and"])


def _name_after_description(words: list[str]) -> str:
    """The name after the lower-case words that say what the speaker is ("conflict monitor
    ACLED", "state weather agency PAGASA", "al-Qaeda-linked Group for the Support of Islam and
    Muslims"), when they are at most four, none ties them to a place or a thing, and the
    capitalised words after them name no place; "" otherwise."""
    index = next((i for i, word in enumerate(words[:5]) if word[:1].isupper()), -1)
    if index < 0 or any(word.lower() in _DESCRIPTION_LINKS for word in words[:index]):
        return ""
    name = " ".join(words[index:])
    if index == 0 or not words[-1][:1].isupper() or name in _PLACE_NAMES:
        return ""
    return name


# the words before an acronym in parentheses, back to the sentence's last punctuation
_BEFORE_ACRONYM_WORDS = 10
_WORD = re.compile(r"[^\s.,;:()“”\"]+")


def acronym_expansion(document: str, acronym: str) -> str:
    """The name an acronym is spelt out as where the document first writes it in parentheses
    ("National Disaster Management Office (NDMO)", "Conseil national de secours d'urgence et
    de réhabilitation (CONASUR)"): from the farthest of the ten words before it that opens
    with the acronym's capital, back to no punctuation; "" when none."""
    at = document.find(f"({acronym})") if f"({acronym})" in document else -1
    if at < 0:
        return ""
    start = max(0, at - 200)
    head = document[start:at]
    cut = max(head.rfind(mark) for mark in '.,;:()“”"\n')
    words = list(_WORD.finditer(head, cut + 1))[-_BEFORE_ACRONYM_WORDS:]
    first = next((w for w in words if w.group()[0] == acronym[0]), None)
    if first is None or len(words) < 2:
        return ""
    return head[first.start() :].strip()


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
        ) or ((run or "-" in word) and is_particle(word)):  # "Ana de Souza", "al-Mandhari"
            run.append(word)
            continue
        break
    while run and is_particle(run[-1]) and run[-1][:1].islower():
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


def is_particle(word: str) -> bool:
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


def is_a_name(words: str) -> bool:
    """Are these words a person's name and nothing else ("Dr. Amina Hassan")?"""
    name = person_name(words)
    return bool(name) and words.endswith(name) and _LONE_HONORIFIC.fullmatch(words[: -len(name)])


_LONE_HONORIFIC = re.compile(
    r"(?:(?:" + "|".join(HONORIFICS) + r")\.?\s+|(?:" + "|".join(RANKS) + r")\s+)?"
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
        if is_particle(word):
            continue
        if lower.endswith(("’s", "'s")) and lower[:-2] in ROLE_WORDS:
            continue
        return False
    return True
