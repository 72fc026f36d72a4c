"""Where a figure holds: the gazetteer's places in a sentence, less those named as actors or
origins, and capitalised names after a place preposition.

The gazetteer is `vocabulary/places.json`; `places_described` is the one scan of a text for
its places (the pipeline buckets the matches by sentence).
"""

from __future__ import annotations

import re

from indicators.extract import patterns, vocabulary
from indicators.extract.route_ends import is_route_end

# The gazetteer (vocabulary/places.json). A trie of the names (see `patterns.trie_pattern`)
# prefers the longer of two names that start alike ("Gaza Strip" over "Gaza"). The same
# matches as \b(?:trie)\b, in a pattern that opens with a letter and so scans faster (see
# `patterns.bounded_trie_pattern`).
KNOWN_NAMES = frozenset(vocabulary.place_names())
KNOWN_PLACE = re.compile(patterns.bounded_trie_pattern(set(KNOWN_NAMES)))
# The prepositions as a bounded trie (the same matches as \b(?:in|inside|...)\b), so that re
# skips the letters that open none of them instead of testing \b at every character.
# A word of a name: capitalised, its hyphenated parts in lower case ("Deir-ez-Zor" is Deir,
# -ez and -Zor; never a word ending in a hyphen, "Deir-ez-").
# Letters of Latin names beyond ASCII count too ("Necoclí", "Kahramanmaraş", "Ségou"): a name
# is never cut before one.
_LOWER = "a-zß-öø-ÿĀ-ž’'"
NAME_WORD = rf"[A-ZÀ-ÖØ-Þ][{_LOWER}]+(?:-[{_LOWER}]+)*"
PLACE_AFTER_PREPOSITION = re.compile(
    patterns.bounded_trie_pattern(
        {"in", "inside", "into", "across", "near", "throughout", "at"}
        # opening a sentence: "In Idleb the cost fell by 3 percent"
        | {"In", "Inside", "Across", "Near", "Throughout"}
    )
    + r"\s+(?:the\s+)?"
    # a particle is a whole word ("in the Ouest department" is not "Ouest de")
    rf"(?P<place>{NAME_WORD}(?:[ -](?:{NAME_WORD}|(?:al|el|de|du)\b))*"
    r"(?:\s(?:region|province|governorate|district|state|city|camp|department|prefecture)\b)?)"
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
        # the phases of the IPC scale by name: "9,500 people in Catastrophe (IPC Phase 5)"
        "Minimal",
        "Stressed",
        "Crisis",
        "Emergency",
        "Catastrophe",
        "Famine",
        # the steps of a scale or a sequence: "in Phase 3", "in Week 36", "in Round 2"
        "Phase",
        "Level",
        "Stage",
        "Step",
        "Tier",
        "Grade",
        "Category",
        "Class",
        "Week",
        "Round",
        "Wave",
        "Cycle",
        "Quarter",
        "Year",
    ]
)
# "the enclave", "the Strip": the report's own place; each word is also the hint the sentence
# is tested with before the pattern is searched
REPORT_PLACE_WORDS = tuple(vocabulary.report_place_words())
ANAPHORIC_PLACE = re.compile(rf"\bthe\s+(?:{'|'.join(map(re.escape, REPORT_PLACE_WORDS))})\b")
PLACE_CANONICAL = vocabulary.place_canonical()
# A place named as an actor is not where a figure holds: the subject of a verb ("Israel has
# placed ...", "Israel did not let ...", "Iran called for ..."), a government or its forces
# ("the Sudan government", "a U.S. proposal"), an agent ("by Israel"), or one of the parties
# "between X and Y", or a donor ("Japan pledged $20 million"). Nor is where people came from ("returned from Iran", "fled from Sudan to
# Chad"). A place after a locative preposition ("in", "into", "across", ...) is always kept:
# "aid into the Gaza Strip" is in the Gaza Strip whoever let it in.
ACTOR_AFTER_PLACE = re.compile(
    r"(?:’s|'s)?(?:\s+and\s+[A-Z][\w’'-]*)?\s+(?:\w+ly\s+)?"
    # (not the subject of a state: "Qalqilya has been without mains power", "Gaza is under
    # siege": the place the figure describes)
    r"(?!(?:has|have|had)\s+been\s+(?!\w+ing\b)|(?:is|was|are|were)\s+(?:still\s+)?"
    r"(?:without|under|cut|facing|home|hosting|among|left|out)\b)"
    r"(?:has|have|had|is|was|are|were|did|does|do|will|would|could"
    r"|can|must|should|may|might|said|says|say|announced|called|accused|denied|pulled|struck"
    r"|launched|deported|expelled|kept|placed|stepped|warned|urged|rejected|agreed|sent|blamed"
    r"|refused|recalled|submitted|proposed|insisted|demanded|threatened|ordered|attacked"
    r"|bombed|invaded|imposed|allowed|let|blocked|closed|opened"
    # a donor's giving: "China pledged $137 million" is not money in China
    r"|pledged|donated|contributed|allocated|committed|granted|disbursed|earmarked)\b"
    r"|\s+(?:government|forces|army|troops|military|officials?|authorities|embassy|delegation"
    r"|envoy|negotiators|negotiating|proposal|president|prime|minister|ministry|navy|police"
    r"|militia|airstrikes?|strikes?|soldiers)\b"
    # the start of an organisation's name: "the Sudan Doctors Network said"
    r"|\s+(?!and\b|or\b)[A-Z][a-z]+\s+[A-Z][a-z]+"
)
# in a title, on one line: "Ukraine Health Cluster Bulletin", "Kakuma Refugee Operations"
# (or a title's last word: "AFGHANISTAN: Kunar Earthquake", "Sahel Floods"; not a level,
# "Maradi Region", which names an area)
OPENS_A_NAME = re.compile(
    r"[ \t]+(?!and\b|or\b)(?:[A-Z][a-z]+[ \t]+[A-Z][a-z]+"
    r"|(?!(?:Region|Province|State|District|County|Department|Governorate|Prefecture|Camp"
    r"|City|Town|Division|Oblast)\b)[A-Z][a-z]+[ \t]*(?:\n|\Z))"
)
LOCATIVE_BEFORE_PLACE = re.compile(  # "according to the Sudan government" says who, not where
    r"\b(?:in|into|inside|across|throughout|within|(?<![Aa]ccording\s)(?<![Tt]urning\s)to|towards|near|around|at|on"
    r"|for)\s+(?:the\s+)?(?:(?:central|northern|southern|eastern|western|north-?eastern"
    r"|north-?western|south-?eastern|south-?western|rural|coastal|upper|lower)\s+)?"
    r"(?:[A-Z][\w’'-]*\s+(?:and|or)\s+)?\Z"
)
AGENT_BEFORE_PLACE = re.compile(  # "followed by Donetsk (12)" ranks a place, names no agent
    r"\b(?:(?<!followed\s)by|between)\s+(?:the\s+)?\Z|\bbetween\s+(?:the\s+)?"
    r"[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*\s+and\s+(?:the\s+)?\Z"
)
# what is sent from a place: "Two air force flights from New Zealand and Australia delivered"
_SENT_FROM = "|".join(map(re.escape, vocabulary.words("sent_from_nouns", "places")))
ORIGIN_BEFORE_PLACE = re.compile(
    r"\b(?:return\w*|deport\w*|repatriat\w*|expell?\w*|back|them|refugees|arriv\w*|migrants"
    rf"|{_SENT_FROM})"
    r"\s+from\s+"
    r"(?:[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*\s*(?:,|and|or)\s+)*\Z"
)
# Where two coordinate clauses meet: a place of one is not preferred for a figure of the other.
CLAUSE_JOIN = re.compile(
    r",\s+(?:and|but|while|whereas)\s|;"
    # a part of the figure told after it: ", most of them settling in Ifo 2 and Hagadera"
    r"|,\s+(?:most|many|some|half|all|several|the\s+majority)\s+of\s+(?:them|whom)\b"
)
FROM_BEFORE_PLACE = re.compile(r"\bfrom\s+(?:the\s+)?\Z")
# "92,000 remained displaced, most of them in Tyre, Nabatieh and Beirut": where a part is
PART_OF_THEM = re.compile(
    r",\s+(?:most|many|some|half|all|several|the\s+majority)\s+of\s+(?:them|whom)\b"
)


def places_of_the_whole(sentence: str, spans: list, here: int) -> list:
    """The places of `spans` less those named after ", most of them" that follows the figure
    at `here`, when that names several: they say where parts of it are, not the whole ("...,
    most of them in Tyre, Nabatieh and Beirut"); one place holding most of it is its place
    ("310,000 people ..., most of them in Androy")."""
    if " of them" not in sentence and " of whom" not in sentence:
        return spans
    parts = [m.start() for m in PART_OF_THEM.finditer(sentence) if m.start() >= here]
    if not parts:
        return spans
    if sum(1 for _ in KNOWN_PLACE.finditer(sentence, parts[0])) < 2:
        return spans
    return [p for p in spans if p[0] < parts[0]]


DESTINATION_AFTER_PLACE = re.compile(r"\s+(?:to|into|towards)\s+(?:the\s+)?[A-Z]")


_SUB_NATIONAL = frozenset(name for names in vocabulary.place_levels().values() for name in names)
# what a subject made of places may say besides their names ("Borno and Yobe together"),
# and the words of it that mark the places as a whole
_PLACE_SUBJECT_MARKERS = ("together", "alone", "combined", "both")
_PLACE_SUBJECT_REST = re.compile(
    r"(?:\b(?:and|all|the|" + "|".join(_PLACE_SUBJECT_MARKERS) + r")\b|[,\s])*"
)


def names_only_places(phrase: str) -> bool:
    """Is a subject only places: one below a country ("Maiduguri recorded"), several ("Borno
    and Yobe reported"), or one "alone" or "together"? A country alone may speak for its
    government ("Sudan reported"); "Health authorities in Borno" speak."""
    names = KNOWN_PLACE.findall(phrase)
    if not names or _PLACE_SUBJECT_REST.fullmatch(KNOWN_PLACE.sub(" ", phrase)) is None:
        return False
    marked = any(" " + word in phrase for word in _PLACE_SUBJECT_MARKERS)
    return len(names) > 1 or marked or any(name in _SUB_NATIONAL for name in names)


def is_locative(text: str, start: int) -> bool:
    """Whether the place at `start` follows a locative preposition ("in", "into", "across")."""
    return LOCATIVE_BEFORE_PLACE.search(text, max(0, start - 40), start) is not None


# A place opening a sentence after a capitalised preposition: "In Madarounfa and ..., "
OPENING_LOCATIVE = re.compile(
    r"\s*(?:In|Across|Inside|Throughout|Within|Near|Around|At)\s+(?:the\s+)?\Z"
)


def is_where(text: str, start: int) -> bool:
    """Whether the place at `start` is said as where something holds: after a locative
    preposition, or after one opening the sentence ("In Madarounfa, ...")."""
    return is_locative(text, start) or OPENING_LOCATIVE.match(text, 0, start) is not None


# A place in a speaker's post is not where the figure said holds: "said UNICEF Representative
# in the DRC", "IOM's chief of mission in Haiti", "head of sub-office in Dadaab" (but "the UN
# mission in South Sudan" is where it works).
POST_WORDS = frozenset(
    ["representative", "director", "coordinator", "envoy", "ambassador", "spokesperson"]
    + ["spokesman", "spokeswoman", "commissioner"]
)
POST_AFTER_OF = frozenset(["mission", "office", "sub-office", "delegation"])  # "head of office"
POST_PREPOSITIONS = frozenset(["in", "for", "to"])


def is_post(text: str, start: int) -> bool:
    """Whether the place at `start` ends a speaker's post ("Representative in the DRC")."""
    words = text[max(0, start - 40) : start].rsplit(None, 4)
    if words and words[-1] == "the":
        words.pop()
    if len(words) < 2 or words[-1] not in POST_PREPOSITIONS:
        return False
    post = words[-2].lower()
    return post in POST_WORDS or (post in POST_AFTER_OF and len(words) > 2 and words[-3] == "of")


def is_actor_or_origin(text: str, start: int, end: int) -> bool:
    """Whether the place at text[start:end] names an actor, a party or an origin, not where a
    figure holds (see ACTOR_AFTER_PLACE)."""
    window = max(0, start - 80)
    if text[start - 1 : start] == " " and is_post(text, start):
        return True
    if FROM_BEFORE_PLACE.search(text, max(0, start - 12), start) and (
        DESTINATION_AFTER_PLACE.match(text, end)
    ):
        return True
    if text.find("from", window, start) >= 0 and ORIGIN_BEFORE_PLACE.search(text, window, start):
        return True
    if is_locative(text, start):
        return False
    return bool(
        ACTOR_AFTER_PLACE.match(text, end) or AGENT_BEFORE_PLACE.search(text, window, start)
    )


def lead_in_of_list(text: str, line_start: int) -> str:
    """The line ending with a colon that opens the list a row or bullet at `line_start`
    belongs to ("Allocations by country:" above "- Chad: $10 million"), or ""."""
    start = lead_in_start(text, line_start)
    if start < 0:
        return ""
    end = text.find("\n", start)
    return text[start : end if end >= 0 else len(text)].strip()[:-1]


def lead_in_start(text: str, line_start: int) -> int:
    """Where the lead-in line of `lead_in_of_list` starts, or -1."""
    head = text[max(0, line_start - 12) : line_start]
    start = line_start - (len(head) - len(head.rstrip(" \t-•*–")))
    for _ in range(30):
        if start <= 0:
            return -1
        previous = text.rfind("\n", 0, start - 1) + 1
        line = text[previous : start - 1].strip()
        if not line:
            return -1
        if line.endswith(":"):
            return previous + (
                len(text[previous : start - 1]) - len(text[previous : start - 1].lstrip())
            )
        if line[-1] in ".!?;":
            return -1  # a sentence of its own, not a row of the list
        start = previous
    return -1


_DONOR_WORDS = tuple(vocabulary.words("donor_list_words"))
_ROW_LABEL_END = re.compile(r"\s*:\s*(?:US\$|\$|€|£|[A-Z]{3}\s)?\s?\d")
_ROW_START = re.compile(r"(?:\A|\n)[ \t]*(?:[-•*–][ \t]+)?\Z")


def is_donor_row(text: str, start: int, end: int) -> bool:
    """Does the place at text[start:end] label a row of a list of pledges ("The largest
    pledges announced were:" above "- Germany: €70 million"), so naming who gave?"""
    if not _ROW_LABEL_END.match(text, end) or not _ROW_START.search(text, max(0, start - 6), start):
        return False
    return is_donor_lead_in(lead_in_of_list(text, text.rfind("\n", 0, start) + 1))


def is_donor_lead_in(lead_in: str) -> bool:
    """Does a list's lead-in say its rows are what donors gave ("The largest pledges ...")?"""
    lower = lead_in.lower()
    return any(word in lower for word in _DONOR_WORDS)


def places_described(text: str) -> list[tuple[int, int, str]]:
    """The gazetteer's places in a text that a figure there may describe: not an actor
    ("Iran has stepped up deportations"), a party ("between Israel and Hamas") nor an origin
    ("returned from Iran"), nor a speaker's post ("Representative in the DRC")."""
    return [
        (match.start(), match.end(), match.group())
        for match in KNOWN_PLACE.finditer(text)
        if not is_actor_or_origin(text, match.start(), match.end())
        and not is_route_end(text, match.start(), match.end())
        and not (
            text.startswith(":", match.end()) and is_donor_row(text, match.start(), match.end())
        )
    ]


# Where talks are held: "the talks in Doha", "talks held at ...", "pulling its negotiating team
# out of Qatar", "Qatar, which has been hosting the talks". A ceasefire "in Gaza" or
# "negotiations in the Gaza Strip" name what the talks are about, not where they sit.
TALKS_VENUE = re.compile(
    r"\b(?:talks(?:\s+(?:held|hosted|taking\s+place))?\s+(?:in|at)"
    r"|negotiating\s+team(?:\s+\w+){0,2}?\s+(?:out\s+of|to|in))\s+(?:the\s+)?\Z"
)
HOSTING_AFTER_PLACE = re.compile(r"\s*(?:[—–,-]\s*)?(?:which|that|who)\s+(?:\w+\s+){0,3}hosting\b")
VENUE_KINDS = frozenset({"talks"})


def talks_venues(text: str, places: list[tuple[int, int, str]]) -> list[tuple[int, str]]:
    """Where a text says talks are held, as (offset, canonical place) in text order, among
    its `places` (found by `places_described`)."""
    if "talks" not in text and "negotiat" not in text:
        return []
    return [
        (start, PLACE_CANONICAL.get(name, name))
        for start, end, name in places
        if TALKS_VENUE.search(text, max(0, start - 60), start)
        or HOSTING_AFTER_PLACE.match(text, end)
    ]


def venue_for(venues: list[tuple[int, str]], start: int, end: int) -> tuple[str, bool]:
    """The venue of talks mentioned in text[start:end]: one named there (and True), else the
    last named before it, else the first named after it (and False); "" when none."""
    inside = [name for offset, name in venues if start <= offset < end]
    if inside:
        return inside[0], True
    before = [name for offset, name in venues if offset < start]
    if before:
        return before[-1], False
    return (venues[0][1], False) if venues else ("", False)


# "Kunar and Nangarhar", "Lahj, Taiz and Aden": a figure of several places is stored under the
# first named; "North and South Kivu" names North Kivu first.
LIST_BEFORE_PLACE = re.compile(r"\s*(?:,|\band\b|\bor\b)\s*(?:the\s+)?\Z")
ELLIPTIC_FIRST = re.compile(r"\b(North|South|East|West|Upper|Lower|Central)\s+and\s+\Z")
ADMINISTRATIVE_SUFFIX = re.compile(
    r"\s+(?:region|province|governorate|district|state|city|camp|department|prefecture)\Z"
)


def first_of_list(text: str, spans: list[tuple[int, int, str]], chosen: tuple[int, int, str]):
    """The first place of the list `chosen` closes ("Kunar" for "Kunar and Nangarhar")."""
    # a place alone in `spans` closes no list of them
    by_end = {end: (start, end, name) for start, end, name in spans} if spans != [chosen] else {}
    while by_end:
        joined = LIST_BEFORE_PLACE.search(text, max(0, chosen[0] - 12), chosen[0])
        previous = by_end.get(joined.start()) if joined else None
        if not previous:
            break
        chosen = previous
    elliptic = " " in chosen[2] and ELLIPTIC_FIRST.search(text, max(0, chosen[0] - 16), chosen[0])
    if elliptic:
        first = f"{elliptic.group(1)} {chosen[2].split(' ', 1)[1]}"
        if first in PLACE_CANONICAL or first in KNOWN_NAMES:
            return (elliptic.start(), chosen[1], first)
    return chosen


# "followed by Donetsk (12) and Dnipropetrovsk (9)", "Francisco Morazán (38,210 cases)": a
# place with its own figure in parentheses
OWN_FIGURE_AFTER = re.compile(r"\s*\((?:[a-z]+\s+)?\d[\d.,]*[^()]{0,30}\)")


def with_own_figures(text: str, spans: list[tuple[int, int, str]], here: int):
    """The places of `spans` a figure at `here` may hold in: the one whose own figure in
    parentheses it is, else those without a figure of their own in parentheses ("Kharkiv
    recorded 17, followed by Donetsk (12)": none in the clause of 17 but its own)."""
    owned = []
    for span in spans:
        own = OWN_FIGURE_AFTER.match(text, span[1])
        if own:
            if span[1] <= here < own.end():
                return [span]
            owned.append(span)
    return [span for span in spans if span not in owned] if owned else spans


_WITHIN = vocabulary.place_within()


def _lies_in(place: str, area: str) -> bool:
    """Whether the gazetteer puts `place` inside `area`, at any depth."""
    seen = set()
    while place in _WITHIN and place not in seen:
        seen.add(place)
        place = _WITHIN[place]
        if place == area:
            return True
    return False


def narrowest(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The places of `spans` less an area that a place of it narrows in the same phrase:
    "into eastern Chad at Adre" holds at Adre, which lies in Chad ("in Dadaab, most of them
    settling in Ifo 2" keeps Dadaab: the comma ends the phrase)."""

    def narrowed(area: tuple[int, int, str]) -> bool:
        name = PLACE_CANONICAL.get(area[2], area[2])
        for place in spans:
            first, second = sorted((area, place))
            gap = text[first[1] : second[0]]
            if (
                place is not area
                and len(gap) <= 30
                and not _PHRASE_END.search(gap)
                and _lies_in(PLACE_CANONICAL.get(place[2], place[2]), name)
            ):
                return True
        return False

    return [span for span in spans if not narrowed(span)] or spans


_PHRASE_END = re.compile(r"[,;:()]|\b(?:and|or|but|while|from|to)\b")


# "since the war in Sudan began": the place of the event that opens a period, not of the figure
_SINCE_EVENT_BEFORE = re.compile(r"\b[Ss]ince\s+the\s+(?:[a-z]+\s+){1,3}in\s+(?:the\s+)?\Z")
_EVENT_BEGAN_AFTER = re.compile(r"\s+(?:began|started|erupted|broke\s+out|escalated)\b")


def opens_a_period(text: str, start: int, end: int, here: int) -> bool:
    """Whether the place at `start`..`end` is where the event a "since" dates happened, and
    the figure or event at `here` stands outside that phrase ("Chad has taken in 870,000
    refugees since the war in Sudan began": the refugees are in Chad, the war in Sudan)."""
    began = _EVENT_BEGAN_AFTER.match(text, end)
    if began is None:
        return False
    since = _SINCE_EVENT_BEFORE.search(text, max(0, start - 50), start)
    return since is not None and not since.start() <= here < began.end()


def without_suffix(place: str) -> str:
    """'Bay region' as 'Bay': the gazetteer stores places without their administrative level."""
    return ADMINISTRATIVE_SUFFIX.sub("", place) or place


# A facility named after its neighbourhood ("the feeding centre in Kyeshero hospital") is in
# the town named before, not a place of its own.
FACILITY_WORDS = (
    r"(?i:hospital|clinic|health\s+(?:centre|center|post|facility)|school|university|market"
    r"|mosque|church|prison|airport|stadium|warehouse)s?\b"
)
FACILITY_AFTER = re.compile(r"\s+" + FACILITY_WORDS)
FACILITY_LAST_WORD = re.compile(r"(?:^|\s)" + FACILITY_WORDS + r"\Z")


def is_facility(text: str, start: int, end: int) -> bool:
    """Whether the capitalised name at text[start:end] names a facility ("Kyeshero hospital",
    "Al-Shifa Hospital")."""
    return bool(FACILITY_AFTER.match(text, end) or FACILITY_LAST_WORD.search(text[start:end]))


# A row of a table flattened to text ("Metuge | 86,430 | 15%") under a header whose first cell
# is a level ("District | IDPs | % of total"): the row's first cell is its place, known to
# the gazetteer or not.
ROW_FIRST_CELL = re.compile(r"[ \t]*(?P<cell>[A-Z][\w’'.-]*(?:[ -][A-Z][\w’'.-]*)*)[ \t]*\|")
TABLE_LINE = re.compile(r"[^\n|]*\|[^\n]*\n")
LEVEL_WORDS = frozenset(vocabulary.place_anaphors()) | {"location", "area"}
# a table's first column may also be headed by an administrative unit ("LGA", "Woreda")
_TABLE_LEVELS = LEVEL_WORDS | frozenset(vocabulary.words("table_levels"))
# "Total | 61,300", "Other LGAs | 10,340": a row that gathers others names no place
_NO_PLACE_ROWS = frozenset(vocabulary.words("table_rows_of_no_place"))


def table_row_place(text: str, start: int) -> str:
    """The place a table's row at `start` (the start of its line) names in its first cell,
    when the first line of its table heads that column with a level; "" otherwise."""
    start = text.rfind("\n", 0, start) + 1  # a row may be indented ("| Pemba |" read as such)
    row = ROW_FIRST_CELL.match(text, start)
    if not row:
        return ""
    header = start
    while header > 0:
        previous = text.rfind("\n", 0, header - 1) + 1
        if not TABLE_LINE.fullmatch(text, previous, header):
            break
        header = previous
    if header == start:
        return ""
    first = text[header : text.find("|", header)].strip().lower()
    level = first[:-1] if first.endswith("s") and first[:-1] in _TABLE_LEVELS else first
    if level not in _TABLE_LEVELS:
        return ""
    cell = row.group("cell")
    if cell.split()[0].lower() in _NO_PLACE_ROWS and cell not in PLACE_CANONICAL:
        return ""
    return PLACE_CANONICAL.get(cell, cell)


# A sentence that names no place but goes on from the sentence before ("He said about 1,200
# new families arrive every week").
PRONOUN_START = re.compile(r"\s*(?:He|She|They|It)\s+(?:said|says|added|estimated|told)\b")
