"""Who a report credits with a statement, and which part of the sentence the credit covers.

Three ways reports attribute:
- "according to X" (before or after what X said),
- "X said / reported / estimates (that) ..." with the speaker first,
- "..., X said." or "..., said X." with the speaker last.
A speaker phrase is canonicalised through a small gazetteer of humanitarian actors
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

from indicators.extract.dates import MONTH_NAMES, WEEKDAYS
from indicators.extract.patterns import bounded_trie_pattern, trie_pattern

PERSON = "person"
ORG = "org"
MINISTRY = "ministry"
NEWS = "news"

# (canonical name, kind, pattern). Order matters: people before their organisations,
# specific agencies before the United Nations as a whole.
GAZETTEER: tuple[tuple[str, str, str], ...] = (
    (
        "WHO Director-General Tedros Adhanom Ghebreyesus",
        PERSON,
        r"\bTedros\b|\bWHO\s+(?:chief|head|boss|Director[- ]General)\b"
        r"|\bDirector[- ]General\s+of\s+the\s+World\s+Health\s+Organi[sz]ation\b",
    ),
    (
        "UN Secretary-General António Guterres",
        PERSON,
        r"\bGuterres\b|\bU\.?N\.?\s+(?:Secretary[- ]General|chief)\b",
    ),
    (
        "UN Emergency Relief Coordinator Tom Fletcher",
        PERSON,
        r"\bTom\s+Fletcher\b|\bU\.?N\.?\s+(?:aid|relief|humanitarian)\s+chief\b",
    ),
    (
        "UNRWA Commissioner-General Philippe Lazzarini",
        PERSON,
        r"\bLazzarini\b|\bUNRWA\s+(?:chief|head|Commissioner[- ]General)\b",
    ),
    ("WFP Executive Director Cindy McCain", PERSON, r"\bCindy\s+McCain\b|\bWFP\s+(?:chief|head)\b"),
    (
        "UNICEF Executive Director Catherine Russell",
        PERSON,
        r"\bCatherine\s+Russell\b|\bUNICEF\s+(?:chief|head)\b",
    ),
    (
        "UN High Commissioner for Refugees Filippo Grandi",
        PERSON,
        r"\bFilippo\s+Grandi\b|\bU\.?N\.?\s+refugee\s+chief\b",
    ),
    (
        "UN High Commissioner for Human Rights Volker Türk",
        PERSON,
        r"\bVolker\s+T[üu]rk\b|\bU\.?N\.?\s+(?:human\s+)?rights\s+chief\b",
    ),
    (
        "OCHA",
        ORG,
        r"\bOCHA\b|\bOffice\s+for\s+the\s+Coordination\s+of\s+Humanitarian\s+Affairs\b"
        r"|\bU\.?N\.?\s+(?:humanitarian|aid)\s+(?:affairs\s+|coordination\s+)?(?:office|agency)\b",
    ),
    ("WHO", ORG, r"\bWHO\b|\bWorld\s+Health\s+Organi[sz]ation\b|\bU\.?N\.?\s+health\s+agency\b"),
    ("WFP", ORG, r"\bWFP\b|\bWorld\s+Food\s+Programm?e?\b|\bU\.?N\.?\s+food\s+agency\b"),
    ("UNICEF", ORG, r"\bUNICEF\b|\bU\.?N\.?\s+children[’']s\s+(?:agency|fund)\b"),
    (
        "UNRWA",
        ORG,
        r"\bUNRWA\b|\bU\.?N\.?\s+(?:agency\s+for\s+Palestinian\s+refugees|Palestinian\s+refugee\s+agency)\b",
    ),
    (
        "UNHCR",
        ORG,
        r"\bUNHCR\b|\bU\.?N\.?\s+[Rr]efugee\s+[Aa]gency\b|\bHigh\s+Commissioner\s+for\s+Refugees\b",
    ),
    (
        "IOM",
        ORG,
        r"\bIOM\b|\bInternational\s+Organi[sz]ation\s+for\s+Migration\b|\bU\.?N\.?\s+migration\s+agency\b",
    ),
    ("FAO", ORG, r"\bFAO\b|\bFood\s+and\s+Agriculture\s+Organi[sz]ation\b"),
    ("UNFPA", ORG, r"\bUNFPA\b|\bU\.?N\.?\s+Population\s+Fund\b"),
    (
        "OHCHR",
        ORG,
        r"\bOHCHR\b|\bU\.?N\.?\s+[Hh]uman\s+[Rr]ights\s+[Oo]ffice\b"
        r"|\bOffice\s+of\s+the\s+High\s+Commissioner\s+for\s+Human\s+Rights\b",
    ),
    ("ICRC", ORG, r"\bICRC\b|\bInternational\s+Committee\s+of\s+the\s+Red\s+Cross\b"),
    ("IFRC", ORG, r"\bIFRC\b|\bInternational\s+Federation\s+of\s+Red\s+Cross\b"),
    ("MSF", ORG, r"\bMSF\b|\bM[ée]decins\s+Sans\s+Fronti[èe]res\b|\bDoctors\s+Without\s+Borders\b"),
    ("IPC", ORG, r"\bIPC\b|\bIntegrated\s+Food\s+Security\s+Phase\s+Classification\b"),
    ("World Bank", ORG, r"\bWorld\s+Bank\b"),
    ("Save the Children", ORG, r"\bSave\s+the\s+Children\b"),
    ("Oxfam", ORG, r"\bOxfam\b"),
    ("Norwegian Refugee Council", ORG, r"\bNRC\b|\bNorwegian\s+Refugee\s+Council\b"),
    ("International Rescue Committee", ORG, r"\bIRC\b|\bInternational\s+Rescue\s+Committee\b"),
    (
        "Israeli military",
        ORG,
        r"\bIDF\b|\bIsrael\s+Defen[cs]e\s+Forces\b|\bIsraeli\s+(?:military|army)\b",
    ),
    ("COGAT", ORG, r"\bCOGAT\b"),
    (
        "United Nations",
        ORG,
        r"\bUnited\s+Nations\b|\bU\.?N\.?(?:\s+agenc(?:y|ies)|\s+officials?)?\b",
    ),
    ("Associated Press", NEWS, r"\bAssociated\s+Press\b|\bAP\b"),
    ("Reuters", NEWS, r"\bReuters\b"),
    ("Agence France-Presse", NEWS, r"\bAFP\b|\bAgence\s+France[- ]Presse\b"),
)
_GAZETTEER = tuple((name, kind, re.compile(pattern)) for name, kind, pattern in GAZETTEER)

# Adjectives and possessives that say whose ministry it is.
PLACE_ADJECTIVES = {
    "afghan": "Afghanistan",
    "burkinabe": "Burkina Faso",
    "congolese": "DRC",
    "ethiopian": "Ethiopia",
    "haitian": "Haiti",
    "iraqi": "Iraq",
    "israeli": "Israel",
    "lebanese": "Lebanon",
    "libyan": "Libya",
    "malian": "Mali",
    "myanmar": "Myanmar",
    "nigerian": "Nigeria",
    "pakistani": "Pakistan",
    "palestinian": "Palestine",
    "russian": "Russia",
    "somali": "Somalia",
    "sudanese": "Sudan",
    "syrian": "Syria",
    "ukrainian": "Ukraine",
    "yemeni": "Yemen",
}
MINISTRY_PATTERN = re.compile(
    r"(?:(?P<owner>[A-Z][\w-]+?)(?:[’']s)?\s+)?(?:(?P<topic_before>(?:[A-Z][a-z]+\s+){0,2}[A-Z][a-z]+|health|interior|defen[cs]e|education|agriculture|water|finance|foreign)\s+)?"
    r"(?P<ministry>[Mm]inistry)(?:\s+of\s+(?P<topic_after>[A-Z][a-z]+(?:\s+(?:and\s+)?[A-Z][a-z]+){0,3}))?"
)

SPEECH_VERBS = (
    r"said|says|say|told|tells|reported|reports|report|estimated|estimates|estimate|warned|warns"
    r"|noted|notes|added|adds|announced|announces|stated|states|confirmed|confirms|recorded"
    r"|records|documented|registered|counted|explained|wrote|writes|quoted|cited|claimed|claims"
)
# The verbs as a trie ("s(?:a(?:id|ys?)|...)"), several times faster to scan than the list.
_SPEECH_VERBS_TRIE = trie_pattern(set(SPEECH_VERBS.split("|")))
# As \b(?:trie)\b, written to open with a letter (see `bounded_trie_pattern`): faster to scan.
SPEECH_VERB = re.compile(bounded_trie_pattern(set(SPEECH_VERBS.split("|"))))
ACCORDING_TO = re.compile(r"\b[Aa]ccording\s+to\s+")
# Inverted order, after a comma or a closing quote mark: '..., said Panikoff'.
INVERTED = re.compile(
    rf"(?:[,”\"]\s*)(?P<verb>{_SPEECH_VERBS_TRIE})\s+(?P<who>[^,;.“”\"]+?(?:,\s+[^,;.“”\"]+?)?)\s*(?=[,;.]|$)"
)

ROLE_WORDS = frozenset(
    [
        "spokesperson",
        "spokesman",
        "spokeswoman",
        "spokespeople",
        "chief",
        "head",
        "director",
        "minister",
        "ministry",
        "official",
        "officials",
        "authorities",
        "authority",
        "partners",
        "humanitarian",
        "health",
        "local",
        "regional",
        "administration",
        "envoy",
        "special",
        "agency",
        "agencies",
        "office",
        "organization",
        "organisation",
        "group",
        "army",
        "military",
        "police",
        "residents",
        "mayor",
        "governor",
        "de",
        "facto",
        "representative",
        "coordinator",
        "commissioner",
        "secretary",
        "general",
        "state",
        "department",
        "doctors",
        "workers",
        "medics",
        "officers",
        "witnesses",
        "sources",
        "aid",
        "relief",
        "the",
        "a",
        "an",
        "of",
        "for",
        "in",
        "and",
        "on",
        "its",
        "their",
        "his",
        "her",
        "senior",
        "former",
        "deputy",
        "top",
        "us",
        "u.s.",
        "un",
        "network",
        "society",
        "council",
        "committee",
        "forces",
        "force",
        "government",
        "team",
        "teams",
        "analysts",
        "experts",
        "survey",
        "monitors",
        "monitoring",
        "cluster",
        "clusters",
        "ngo",
        "ngos",
        "nurses",
        "staff",
        "provincial",
        "district",
        "national",
        "international",
        "medical",
        "emergency",
        "coordinator's",
        "spokesperson's",
        "families",
        "people",
        "leader",
        "leaders",
        "commander",
        "commanders",
        "trust",
        "programme",
        "program",
        "fund",
        "he",
        "she",
        "it",
        "they",
    ]
)
DETERMINERS = frozenset(
    [
        "the",
        "a",
        "an",
        "two",
        "three",
        "four",
        "several",
        "some",
        "many",
        "its",
        "their",
        "his",
        "her",
        "our",
        "both",
        "these",
        "those",
    ]
)
PRONOUN_PERSON = frozenset(("he", "she", "him", "her"))
PRONOUN_ORG = frozenset(("it", "they", "them"))
ORG_WORDS = frozenset(
    [
        "ministry",
        "office",
        "council",
        "network",
        "society",
        "forces",
        "force",
        "programme",
        "program",
        "fund",
        "committee",
        "authority",
        "authorities",
        "agency",
        "organization",
        "organisation",
        "administration",
        "department",
        "group",
        "government",
        "army",
        "military",
        "police",
        "union",
        "cluster",
        "alliance",
        "coalition",
        "bank",
        "trust",
        "partners",
        "nations",
        "crescent",
        "cross",
        "commission",
        "institute",
        "centre",
        "center",
        "unit",
    ]
)
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

    def notice_mentions(self, sentence: str) -> None:
        """Remember the sentence; 'the agency' may refer to an organisation it names."""
        self.recent.append(sentence)
        if len(self.recent) > 8:
            del self.recent[0]


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
    if topic:
        topic = topic.title() if topic.islower() else topic
        name = f"{prefix}Ministry of {topic}"
    else:
        name = f"{prefix}Ministry"
    return f"{name} ({place})" if place else name


MINISTRY_TOPICS = frozenset(
    [
        "health",
        "interior",
        "defence",
        "defense",
        "education",
        "agriculture",
        "livestock",
        "finance",
        "foreign",
        "social",
        "public",
        "labour",
        "labor",
        "water",
        "energy",
        "justice",
        "information",
        "humanitarian",
        "displacement",
    ]
)


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
            if known.split()[-1] == surname:
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
    lone = re.fullmatch(r"(?:Dr\.?\s+|Mr\.?\s+|Ms\.?\s+|Mrs\.?\s+)?([A-Z][\w’'-]+)", phrase)
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


def person_name(phrase: str) -> str:
    """The trailing run of capitalised words when they name a person: 'Abeer Etefa'."""
    words = re.findall(r"[\w’'.-]+", phrase)
    run: list[str] = []
    for word in reversed(words):
        if (
            word[:1].isupper()
            and not word.isupper()
            and word.lower().rstrip(".") not in ("dr", "mr", "mrs", "ms", "prof")
        ):
            run.append(word)
            continue
        break
    run.reverse()
    before_run = words[len(words) - len(run) - 1].lower() if len(words) > len(run) else ""
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
    return " ".join(run)


PARTICIPIAL_SOURCE = re.compile(
    r"(?P<np>(?:\b[\w-]+\s+){0,2}(?:officials?|sources?|diplomats?|people|persons|aides?)\s+"
    r"(?:briefed\s+on|familiar\s+with|close\s+to|involved\s+in|with\s+knowledge\s+of)\s+"
    r"(?:the\s+)?[\w-]+(?:\s+[\w-]+)?)\s*$"
)
PASSIVE_OR_AUXILIARY = re.compile(
    r"(?:\s+(?:has|have|had|also|previously|earlier|repeatedly|reportedly|then|later))+\s*$"
)
PASSIVE = re.compile(r"\b(?:is|are|was|were|been|being|be)\s*$")
SUBJECT_NOUNS = re.compile(
    r"\b(?:partners|authorities|officials?|police|residents|ministry|agency|army|military|witnesses"
    r"|sources|doctors|workers|medics|government|administration|office|diplomats|analysts|experts"
    r"|spokesperson|spokesman|spokeswoman|he|she|it|they|group|organi[sz]ation|survey|monitors|union|association|committee|team)\b",
    re.IGNORECASE,
)
DATE_WORDS = frozenset(name.lower() for name in (*MONTH_NAMES, *WEEKDAYS)) | {"today", "yesterday"}


# Words the patterns above end with: a head that does not end with one cannot match them, and
# the patterns, searched from every position of a long head, are not tried on it.
_AUXILIARY_ENDINGS = (
    "has",
    "have",
    "had",
    "also",
    "previously",
    "earlier",
    "repeatedly",
    "reportedly",
    "then",
    "later",
)
_PASSIVE_ENDINGS = ("is", "are", "was", "were", "been", "being", "be")
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
    if (
        "briefed" in head
        or "familiar" in head
        or "close" in head
        or "involved" in head
        or "knowledge" in head
    ):
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
        if token[:1].isupper() or lower in ROLE_WORDS:
            first = index
            index -= 1
            continue
        break
    if first is None:
        return -1, "", None
    start = tokens[first].start()
    phrase = head[start:].strip()
    if aside is not None:
        phrase = (head[start : aside[0]] + head[aside[1] :]).strip()
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
            if following in ("who", "which", "the", "a", "an", "now") or following.endswith(
                ("’s", "'s")
            ):
                return index - 1
            return None
    return None


def find_attributions(
    text: str, start: int, end: int, speakers: Speakers, verbs: list[re.Match] | None = None
) -> list[Attribution]:
    """Every attribution in the sentence text[start:end], with the span each one covers.
    `verbs`, when the caller has them, are the SPEECH_VERB matches in the sentence text."""
    sentence = text[start:end]
    found: list[Attribution] = []
    for match in ACCORDING_TO.finditer(sentence) if "ccording" in sentence else ():
        rest = sentence[match.end() :]
        who = _ACCORDING_WHO.match(rest)
        if not who:
            continue
        name, kind = canonical_speaker(who.group(), speakers)
        if not name:
            continue
        phrase_end = match.end() + who.end()
        trailing = _ENDS_SENTENCE.match(sentence, phrase_end) is not None
        if trailing:
            scope = (_clause_start(sentence, match.start()), match.start())
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
                phrase=who.group(),
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
        if not looks_like_speaker(who):
            continue
        name, kind = canonical_speaker(_main_phrase(who), speakers)
        if not name:
            continue
        outer = _ENDS_QUOTE.match(sentence, match.end()) is not None
        scope = (_clause_start(sentence, match.start()), match.start())
        found.append(
            Attribution(
                name,
                start + match.start("verb"),
                start + match.end(),
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
            scope = (_clause_start(sentence, speaker_start), speaker_start)
            comma = finishes.group("end").startswith(",")
            outer = _ENDS_PLAIN.match(sentence, finishes.end("end")) is not None and not comma
            if comma and speaker_start > 0:
                # "..., Etefa said, compared with 25 in March": the aside goes on with them
                scope = (_clause_start(sentence, speaker_start), _clause_end(sentence, match.end()))
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
    found.sort(key=lambda a: a.start)
    return found


_COMMA_OR_QUOTE = frozenset(',”"')  # what INVERTED's verb follows
# After "reported", "confirmed", "recorded": the state of people, not the start of speech.
_STATE_AFTER = re.compile(
    r"\s+(?:as\s+)?(?:missing|dead|killed|injured|wounded|displaced|safe|alive|sick|ill)\b"
)
# The speech verbs that are also participles ("reported missing", "an estimated 4.2 million")
_PARTICIPLES = frozenset(
    {"reported", "confirmed", "recorded", "registered", "counted", "documented", "estimated"}
)
_DETERMINER_BEFORE = re.compile(r"\b(?:an?|the)\s+\Z", re.IGNORECASE)
# "the National Disaster Management Authority (NDMA) said": the acronym is part of the name
_ACRONYM_ASIDE = re.compile(r"\s*\([A-Z][A-Za-z]{1,11}\)")
_ACCORDING_WHO = re.compile(
    r"[^,;.“”\"()]+?(?=\s*(?:[,;.“”\"()]|$|\s(?:that|which|who|as|and\s+the)\b))"
)
_ENDS_SENTENCE = re.compile(r"\s*(?:[.;!?]|$)")
_ENDS_QUOTE = re.compile(r"\s*[.!?]?\s*[”\"]?\s*$")
_ENDS_PLAIN = re.compile(r"\s*[.!?]?\s*$")
# What may follow the verb of a speaker-first attribution that ends the clause: "said on
# Thursday.", "told reporters in a statement,", "said, adding ...".
_FINISHES = re.compile(
    r"(?:\s+(?:on\s+)?(?:\w+day|yesterday|today|last\s+week|in\s+a\s+(?:statement|report|briefing)|"
    r"reporters|journalists|the\s+\w+(?:\s+\w+)?|[A-Z][\w-]+(?:\s+[A-Z][\w-]+)*)){0,3}\s*"
    r"(?P<end>[.;!?]|$|,\s*(?P<adding>adding|saying|noting|warning)?)"
)


def looks_like_speaker(phrase: str) -> bool:
    """'Dr Mamadou Bah, MSF's medical coordinator' yes; 'the group's latest response in ...' no."""
    words = re.findall(r"[\w’'.-]+", phrase)
    if not words or len(words) > 10:
        return False
    for word in words:
        lower = word.lower()
        if word[:1].isupper() or lower in ROLE_WORDS or lower in DETERMINERS:
            continue
        if lower.endswith(("’s", "'s")) and lower[:-2] in ROLE_WORDS:
            continue
        return False
    return True


def _is_clause_end(finishes: re.Match) -> bool:
    return finishes.group("end") in (".", ";", "!", "?", "") or finishes.group("end").startswith(
        ","
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
