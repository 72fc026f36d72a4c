"""The places of one report as the extractor reads it: the place the report covers (from its
title and dateline), and the places it names in text order, which a sentence naming none of
its own refers back to ("the city", "He said ...", "in Kyeshero hospital").
"""

from __future__ import annotations

import bisect
import re
from collections import Counter

from indicators.extract.gazetteer import (
    ANAPHOR_LEVEL,
    BY_LOWER,
    CANONICAL,
    CAPITALS,
    ancestors,
    country_of,
    holding,
    levels_of,
    may_hold,
    referent,
    smallest_common,
)
from indicators.extract.locations import (
    KNOWN_PLACE,
    NOT_PLACES,
    OPENS_A_NAME,
    PLACE_CANONICAL,
    is_post,
)
from indicators.extract.sentences import DATELINE

# A report's head (its title and standfirst, before the first sentence) may name a place that
# holds the one it names most ("El Fasher and North Darfur", "violence spreads in eastern
# DRC"), except a country written as a tag: "Sudan: ...", "Home > Sudan > Reports",
# "WHO Nigeria | Media briefing".
TAG_AFTER_PLACE = re.compile(r"\s*[>|]|:")
TAG_BEFORE_PLACE = re.compile(r"[>|]\s*\Z")
LINE_START = re.compile(r"(?:\A|\n)[ \t]*\Z")
# (capitals beyond ASCII count too: "OUADDAÏ", "KAHRAMANMARAŞ")
_CAPITAL = "A-ZÀ-ÖØ-ÞĀ-ž"
CAPITALS_RUN = re.compile(rf"\b[{_CAPITAL}][{_CAPITAL}’'-]+(?:[ -][{_CAPITAL}][{_CAPITAL}’'-]+)*\b")
DATELINE_NAMES = re.compile(
    rf"[{_CAPITAL}][{_CAPITAL}’'.-]+(?:[ /-][{_CAPITAL}][{_CAPITAL}’'.-]+)*"
)


def _is_tag(text: str, start: int, end: int) -> bool:
    after = TAG_AFTER_PLACE.match(text, end)
    if after and after.group() == ":":
        return LINE_START.search(text, max(0, start - 8), start) is not None
    return bool(after or TAG_BEFORE_PLACE.search(text, max(0, start - 4), start))


def dateline_places(head: str) -> list[str]:
    """The places of a dateline in capitals ("GOMA/KINSHASA, 14 March 2025 –") in a report's
    head."""
    line = head.rstrip("\n").rsplit("\n", 1)[-1].lstrip()
    if not DATELINE.match(line):
        return []
    names = DATELINE_NAMES.match(line)
    parts = names.group().split("/") if names else []
    return [BY_LOWER[part.strip().lower()] for part in parts if part.strip().lower() in BY_LOWER]


def report_scope(text: str, head_end: int, places: list[tuple[int, int, str]]) -> str:
    """The place a report covers, for its figures that name none: the place it names most, or
    the smallest place holding all those its title names when that holds the former or lies
    within it (a capital aside, and a country heading the title given way to the part it
    narrows to), or an area of several countries it names; when the title names an area the
    gazetteer does not know with its level ("Maradi Region") in a report on a country, that
    area. When
    the title names none, the town of its dateline when that lies in or around the former
    (or the report names no place), unless the town is a capital, where agencies and news
    bureaus file from whatever the story."""
    dateline = dateline_places(text[:head_end])
    # the dateline's own line ("GOMA, Democratic Republic of the Congo (AP) -") is not the title
    title_end = text.rfind("\n", 0, head_end) + 1 if dateline else head_end
    # a place the title writes in capitals ("SUDAN: Humanitarian Update") is named there as
    # one in title case is, and first
    counts = Counter(
        BY_LOWER[match.group().lower()]
        for match in CAPITALS_RUN.finditer(text, 0, title_end)
        if match.group().lower() in BY_LOWER
    )
    counts.update(CANONICAL.get(name, name) for _, _, name in places)
    named_most = counts.most_common(1)[0][0] if counts else ""
    subject = title_places(text, title_end, places)
    if not subject and dateline:
        town = dateline[0]
        related = named_most in ancestors(town) or town in ancestors(named_most)
        if not named_most or ("capital" not in levels_of(town) and related):
            return town
    if all("capital" in levels_of(place) for place in subject):
        # the title names no place of its own (a capital named there is where the report
        # was filed): "Niger: SMART Survey, Maradi Region" names an area the gazetteer does
        # not know, with its level, in a report on a country
        area = title_area(text[:title_end]) if levels_of(named_most) <= {"country"} else ""
        if area:
            return area
        # "conflict in Amhara and Oromia": a report on the country, however often it names
        # one of its parts
        if spans_its_country(named_most, counts):
            return country_of(named_most)
    # "Central African Republic – Protection Cluster / ...: Ouham-Pendé": the country heading
    # a title gives way to the part of it the title narrows to, a capital aside (a place and
    # one it lies in, "El Fasher and North Darfur", are both kept)
    parts = [place for place in subject if "capital" not in levels_of(place)]
    holders = {p for place in parts for p in ancestors(place)[1:]}
    narrowed = [p for p in parts if not (p in holders and levels_of(p) == {"country"})]
    common = smallest_common(narrowed if len(narrowed) < len(parts) else subject)
    if levels_of(common) == {"area"} and levels_of(named_most) == {"country"}:
        # "CERF allocates US$32 million to neglected crises in the Sahel": an area of several
        # countries the title names covers the countries the report names
        return common
    # the title's place when it holds the one named most, or lies within it ("Niger: SMART
    # Survey, Maradi Region" in a report that names Niger more often) and is no capital (the
    # "Islamabad, 2 September" a report is filed from)
    # (a town whose region the gazetteer does not know may lie in the title's region:
    # "Kasai Floods" over a body naming Tshikapa most)
    related = (
        common in ancestors(named_most)
        or may_hold(common, named_most)
        or (named_most in ancestors(common) and "capital" not in levels_of(common))
    )
    if common and not named_most:
        return common  # the title's place, when the body names none
    return common if common and related else named_most


def title_places(text: str, title_end: int, places: list[tuple[int, int, str]]) -> list[str]:
    """The places a report's title names, not as a tag; a place opening a name counts ("Ukraine
    Health Cluster Bulletin", "Dadaab and Kakuma Refugee Operations"), though in a sentence it
    would name an actor ("the Sudan Doctors Network said")."""
    found = {start: name for start, _, name in places if start < title_end}
    for match in KNOWN_PLACE.finditer(text, 0, title_end):
        area = AREA_IN_TITLE.match(text, match.start(), title_end)
        if (
            match.start() not in found
            and OPENS_A_NAME.match(text, match.end())
            # not the first word of an area's name: "Tillabéri Nord Region"
            and not (area and area.group("name") != match.group())
        ):
            found[match.start()] = match.group()
    # a country or region written in capitals, as titles have them ("SOMALIA Food Security
    # Outlook"); a sentence's capitals are no title (KNOWN_PLACE reads title case only)
    for match in CAPITALS_RUN.finditer(text, 0, title_end):
        name = BY_LOWER.get(match.group().lower())
        if name is None and " " in match.group():  # "TURKANA COUNTY": the place, its level
            head, _, level = match.group().rpartition(" ")
            name = BY_LOWER.get(head.lower()) if level.lower() in ANAPHOR_LEVEL else None
            name = name or _place_opening_capitals(match.group())
        if name and match.start() not in found:
            found[match.start()] = name
    named = [
        (start, CANONICAL.get(name, name))
        for start, name in sorted(found.items())
        if not _is_tag(text, start, start + len(name))
    ]
    # "children fleeing El Fasher, MSF teams in Tawila warn": where they come from is no
    # subject beside where they go ("thousands flee Chad" is still on Chad)
    kept = [
        name for start, name in named if not ORIGIN_IN_TITLE.search(text, max(0, start - 24), start)
    ]
    return kept or [name for _, name in named]


def _place_opening_capitals(run: str) -> str | None:
    """The place that opens a name in capitals heading a report ("IRAQ CASH WORKING GROUP",
    "SOUTH SUDAN PROTECTION CLUSTER"): the longest run of its first words the gazetteer
    knows, as a place opening a name in title case counts ("Ukraine Health Cluster
    Bulletin")."""
    words = run.split(" ")
    for size in range(len(words) - 1, 0, -1):
        name = BY_LOWER.get(" ".join(words[:size]).lower())
        if name:
            return name
    return None


# Words before a place a title names as where people come from, not what it is about
ORIGIN_IN_TITLE = re.compile(
    r"\b(?:fleeing|fled|flee|flees|escaping|escaped|leaving|left|from)\s+(?:the\s+)?\Z",
    re.IGNORECASE,
)


def spans_its_country(place: str, named: Counter) -> bool:
    """Whether a report that names `place` most, and names its country, also names another
    place of its level in that country ("conflict in Amhara and Oromia"): a report on the
    country, not on one of its parts. A capital named most is taken as the report's own
    subject ("gangs tighten grip on the capital"), whatever other towns it names."""
    country = country_of(place)
    levels = levels_of(place)
    if not country or country == place or country not in named or "capital" in levels:
        return False
    return any(
        other != place and country_of(other) == country and levels_of(other) & levels
        for other in named
    )


# The levels of an area a title names ("Maradi Region", "Renk County", "Zamzam Camp"); not a
# town or a country, whose words also name offices ("Country Office", "Town Hall").
AREA_IN_TITLE = re.compile(
    # on one line: a title's last word and a table's "District | ..." header below it are no area
    # (a particle of a name is part of it: "Norte de Santander Department")
    r"\b(?P<name>[A-Z][\w’'-]+(?:[ -](?:(?:de|del|du|la|el|al)\s)?[A-Z][\w’'-]+)*)[^\S\n]+"
    r"(?i:region|province|state|governorate|district|county|camp)\b(?!\s+of\b)"
)

# words that open a name before a level word that is no area ("Islamic State", "Member State")
NOT_AREA_NAMES = frozenset(["Islamic", "Member", "Federal", "Host", "Nation", "Nations"])
# words between an area's name and its level ("Kutupalong Refugee Camp", "Maradi Health District")
AREA_KIND_WORDS = frozenset(["Refugee", "Refugees", "IDP", "Health", "Transit", "Reception"])


def title_area(title: str) -> str:
    """The first area a report's title names with its level ("Maradi" in "..., Maradi
    Region"), without the words that open a title or a sentence; "" when none."""
    for match in AREA_IN_TITLE.finditer(title):
        words = match.group("name").split()
        while words and (words[0] in NOT_PLACES or words[0] in LEADING_WORDS):
            words.pop(0)
        while words and words[-1] in AREA_KIND_WORDS:
            words.pop()
        if words and words[0] not in NOT_AREA_NAMES and not match.group("name").isupper():
            return " ".join(words)
    return ""


# "in Zamzam camp", "Bay region": a place named with its level (not "the Kenyan town of")
NAMED_WITH_LEVEL = re.compile(
    # a line wrapped between the name and its level still names it; a blank line does not
    r"\b(?P<name>[A-Z][\w’'-]+(?:[ -][A-Z][\w’'-]+)*)(?:[^\S\n]+\n?|\n)[^\S\n]*(?P<word>"
    + "|".join(sorted(ANAPHOR_LEVEL, key=len, reverse=True))
    + r")\b(?!\s+of\b)"
)

# capitalised words that open a sentence before a name: "In Zamzam camp, ..."
LEADING_WORDS = frozenset(["In", "At", "Near", "From", "Across", "Inside", "Into", "To"])
LEADING_WORDS |= frozenset(["Around", "Outside", "Within", "Throughout", "Since", "After"])


class ReportPlaces:
    """The place a report covers (`scope`), its dateline's places, and the places it names in
    text order with the paragraph of each."""

    LOOK_BACK = 30  # places named before that a word such as "the city" may refer to
    WINDOW = 1500  # characters before it searched for a place named with its level

    def __init__(self, scope: str, dateline: list[str], text: str = "") -> None:
        self.scope = scope
        self.dateline = dateline
        self.text = text
        self.starts: list[int] = []
        self.names: list[str] = []
        self.paragraphs: list[int] = []

    def add(self, start: int, name: str, paragraph: int) -> None:
        """Record a place named at `start` (places are added in text order)."""
        self.starts.append(start)
        self.names.append(name)
        self.paragraphs.append(paragraph)

    def _before(self, offset: int) -> list[str]:
        index = bisect.bisect_left(self.starts, offset)
        return self.names[max(0, index - self.LOOK_BACK) : index]

    def in_paragraph(self, offset: int, paragraph: int) -> str:
        """The place named last before `offset` in the same paragraph, or ""."""
        index = bisect.bisect_left(self.starts, offset)
        if index and self.paragraphs[index - 1] == paragraph:
            return self.names[index - 1]
        return ""

    def referent(self, offset: int, word: str, paragraph: int) -> str:
        """The place "the <word>" at `offset` refers to (see `gazetteer.referent`); when no
        place named before fits, the report's place if of that level, or the place of that
        level holding it ("the county" in a report from Dadaab), else the place named last in
        the paragraph, else the report's place."""
        levels = ANAPHOR_LEVEL[word.lower()]
        if "country" in levels:
            # "the Resident Coordinator in Burkina Faso said ... displaced in the country": a
            # speaker's post names the country they speak of
            posted = self._country_of_post(offset)
            if posted:
                return posted
        found = referent(levels, self._before(offset))
        named = self._named_with_level(offset, levels)
        if named or found:
            return named or found
        scope = self.scope
        if "country" in levels and country_of(scope):
            return country_of(scope)
        if "capital" in levels and country_of(scope) in CAPITALS:
            return CAPITALS[country_of(scope)]
        if levels_of(scope) & levels:
            return scope
        return holding(levels, scope) or self.in_paragraph(offset, paragraph) or scope

    POST_REACH = 300  # characters before "the country" a speaker's post is looked for in

    def _country_of_post(self, offset: int) -> str:
        """The country of a speaker's post ("Representative in the DRC") named after the last
        place named before `offset`, and near it, or ""."""
        index = bisect.bisect_left(self.starts, offset)
        since = max(self.starts[index - 1] if index else 0, offset - self.POST_REACH)
        found = ""
        for match in KNOWN_PLACE.finditer(self.text, since, offset):
            if is_post(self.text, match.start()):
                name = PLACE_CANONICAL.get(match.group(), match.group())
                found = country_of(name) or found
        return found

    def _named_with_level(self, offset: int, levels: frozenset[str]) -> str:
        """A place the gazetteer does not know, named with its level word ("Zamzam camp",
        "Bay region") before `offset` and after the last known place of those levels."""
        if levels & {"country", "capital"}:
            return ""
        index = bisect.bisect_left(self.starts, offset)
        since = offset - self.WINDOW
        for at in range(index - 1, max(0, index - self.LOOK_BACK) - 1, -1):
            if levels_of(self.names[at]) & levels:
                since = self.starts[at]
                break
        named = ""
        for match in NAMED_WITH_LEVEL.finditer(self.text, max(0, since), offset):
            words = match.group("name").split()
            while words and (words[0] in NOT_PLACES or words[0] in LEADING_WORDS):
                words.pop(0)
            if words and ANAPHOR_LEVEL[match.group("word")] & levels:
                named = " ".join(words)
        return named

    def town_before(self, offset: int) -> str:
        """The town a facility named at `offset` is in: the last town named before, else the
        dateline's, else the report's place."""
        found = referent(frozenset({"city"}), self._before(offset))
        first = next((name for name in self.dateline if "city" in levels_of(name)), "")
        return found or first or self.scope
