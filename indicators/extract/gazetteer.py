"""What the gazetteer knows of a place beyond its name: its level (country, region, district,
city, camp, capital) and the place it lies in (`vocabulary/places.json`); and from these the
place that a word such as "the city" refers back to.
"""

from __future__ import annotations

import re

from indicators.extract import vocabulary

CANONICAL = vocabulary.place_canonical()
WITHIN = vocabulary.place_within()
_LEVELS = vocabulary.place_levels()
_BELOW_COUNTRY = {name for names in _LEVELS.values() for name in names}
# a place with a country code that is listed at no other level is a country (by the name it
# is stored by: another spelling of it is that name, `CANONICAL`)
COUNTRIES = frozenset(vocabulary.place_country_codes()) - _BELOW_COUNTRY - set(CANONICAL)
LEVELS_OF: dict[str, frozenset[str]] = {
    name: frozenset(level for level, names in _LEVELS.items() if name in names)
    for name in _BELOW_COUNTRY
} | {name: frozenset({"country"}) for name in COUNTRIES}
# Datelines are written in capitals ("PORT-AU-PRINCE, April 3 -"): names by their lower case;
# another spelling in capitals is the place it spells, whose writing it does not show.
SPELLINGS = vocabulary.place_spellings()
BY_LOWER = {
    name.lower(): CANONICAL.get(SPELLINGS.get(name, name), SPELLINGS.get(name, name))
    for name in vocabulary.place_names()
}


def levels_of(place: str) -> frozenset[str]:
    return LEVELS_OF.get(place, frozenset())


def ancestors(place: str) -> list[str]:
    """The place, the place it lies in, and so on up to its country."""
    chain = [place]
    while chain[-1] in WITHIN and len(chain) < 8:
        chain.append(WITHIN[chain[-1]])
    return chain


def country_of(place: str) -> str:
    """The country a place lies in (itself for a country), or "" when the gazetteer does not
    say."""
    top = ancestors(place)[-1]
    return top if top in COUNTRIES else ""


# "the capital": the city as stored, not another spelling of it
CAPITALS = {
    country_of(city): city
    for city in _LEVELS["capital"]
    if country_of(city) and city not in SPELLINGS
}


def may_hold(area: str, place: str) -> bool:
    """Whether a region or district may hold a town the gazetteer puts straight in its
    country, its region unknown (the towns of towns.json): both lie in one country."""
    country = WITHIN.get(place, "")
    return (
        country in COUNTRIES
        and "city" in levels_of(place)
        and bool(levels_of(area) & {"region", "district"})
        and country_of(area) == country
    )


def smallest_common(places: list[str]) -> str:
    """The smallest place that holds all of `places` ("North Darfur" for El Fasher and North
    Darfur), or "" when they lie in no common place the gazetteer knows."""
    if not places:
        return ""
    others = [set(ancestors(place)) for place in places[1:]]
    common = next((p for p in ancestors(places[0]) if all(p in chain for chain in others)), "")
    if common in COUNTRIES:
        # "Kasai" for Kasai and Tshikapa, a town whose region the gazetteer does not know
        for area in places:
            if all(area in ancestors(p) or may_hold(area, p) for p in places):
                return area
    return common


# "the city", "in the locality", "the capital's districts"; not "the city of Goma" nor "the
# capital Kabul", which name the place themselves
ANAPHOR_LEVEL = {word: frozenset(levels) for word, levels in vocabulary.place_anaphors().items()}
# "[Tt]" first and the word boundary looked back for after it ((?<!\w[Tt]) is \b before a
# letter): re then scans for the letter at C speed instead of trying the pattern everywhere
LEVEL_ANAPHOR = re.compile(
    r"[Tt](?<!\w[Tt])he\s+(?P<word>"
    + "|".join(sorted(ANAPHOR_LEVEL, key=len, reverse=True))
    + r")(?:’s|'s)?\b(?![ \t]+of\b)(?![ \t]+[A-Z])"
)


def holding(levels: frozenset[str], place: str) -> str:
    """The place of one of `levels` that holds `place` (North Kivu for Goma and "region"),
    or ""."""
    return next((p for p in ancestors(place)[1:] if levels_of(p) & levels), "")


def referent(levels: frozenset[str], before: list[str]) -> str:
    """The place a word of `levels` refers back to among the places named `before` it (in
    text order): the last of those levels, else the one holding the last place named ("the
    province" after Goma); for "the country", the country of the last place named; for "the
    capital", that country's capital. "" when none fits."""
    if levels & {"country", "capital"}:
        country = next((c for name in reversed(before) if (c := country_of(name))), "")
        if "country" in levels or country in CAPITALS:
            return country if "country" in levels else CAPITALS[country]
        levels = frozenset({"city"})
    named = next((name for name in reversed(before) if levels_of(name) & levels), "")
    return named or (holding(levels, before[-1]) if before else "")


# The state a head of state or government speaks for (`speakers.json`: leaders, leader_titles)
LEADERS: dict[str, str] = vocabulary.words("leaders", "speakers")
_TITLES = vocabulary.alternatives(vocabulary.words("leader_titles", "speakers"))
_SURNAMES = {name.split()[-1]: state for name, state in LEADERS.items()}
_WORD = r"(?:[A-Z]|d[’'])[\w’'-]*"  # a word of a country's name: "Burkina", "d'Ivoire"
# "President Donald Trump", "Trump" after a title ("President Trump"), "the President of Chad",
# "Chad's president", "the Qatari prime minister"
LEADER = re.compile(
    r"\b(?:(?P<name>"
    + vocabulary.alternatives(sorted(LEADERS, key=len, reverse=True))
    + rf")\b|(?i:{_TITLES})\s+(?P<surname>"
    + vocabulary.alternatives(sorted(_SURNAMES, key=len, reverse=True))
    + rf")\b(?!\s+(?:[A-Z]|al-|el-|bin\s))|(?i:{_TITLES})\s+of\s+(?:the\s+)?(?P<of>{_WORD}(?:\s+(?:of\s+the\s+|and\s+)?{_WORD}){{0,3}})"
    + rf"|(?P<owner>{_WORD}(?:\s+(?:and\s+|of\s+the\s+)?{_WORD}){{0,3}})(?:’s|'s)?"
    + rf"\s+(?i:{_TITLES})\b)"
)
_ADJECTIVES: dict[str, str] = vocabulary.words("place_adjectives", "speakers")
_POSSESSIVE = re.compile(r"[’']s$")


def leader_state(text: str) -> str:
    """The state whose head of state or government, or whose voice abroad, the text names
    ("President Donald Trump": United States; "Chad's foreign minister": Chad), or ""."""
    for match in LEADER.finditer(text):
        if match.group("name"):
            return LEADERS[match.group("name")]
        if match.group("surname"):
            return _SURNAMES[match.group("surname")]
        words = _POSSESSIVE.sub("", match.group("of") or match.group("owner") or "").split()
        # the longest run of the words that names a country ("On Monday Chad's president")
        for size in range(len(words), 0, -1):
            for first in range(len(words) - size + 1):
                phrase = " ".join(words[first : first + size]).lower()
                place = BY_LOWER.get(phrase) or _ADJECTIVES.get(phrase, "")
                place = CANONICAL.get(place, place)
                if place and country_of(place) == place:
                    return place
    return ""
