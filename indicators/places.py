"""Places with codes: ISO 3166-1 alpha-3 country codes for the tables' free-text locations.

The codes and the names and aliases they are found by come from the country data that
hdx-python-country ships (OCHA's Countries & Territories Taxonomy), read offline from the
package, never from the web. A place is matched in two steps:

1. the whole text as a country name or code ("Qatar", "occupied Palestinian territory");
2. each comma-separated part as a country name ("Doha, Qatar"), else by the taxonomy's own
   alias patterns ("Gaza Strip" and "West Bank" are the State of Palestine, PSE; "eastern
   DRC" is COD).

A place that names no country, or more than one ("Europe", "Israel and Gaza", "Israel, Gaza
Strip"), has no code. The library's looser word-by-word matching is not used: it reads "El Fasher" (Sudan) as El
Salvador.
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache

import pandas as pd

from indicators.problems import Problem

COLUMN = "country_code"
LIBRARY = "hdx-python-country"

_lock = threading.Lock()
_data: dict | None = None


def _country_data() -> dict:
    """The library's country data from the file in the package (loaded once, offline)."""
    global _data
    if _data is None:
        with _lock:
            if _data is None:
                from hdx.location.country import Country  # imported on first use: ~0.2 s

                _data = Country.countriesdata(use_live=False)
    return _data


def _exact(text: str) -> str | None:
    from hdx.location.country import Country

    _country_data()
    return Country.get_iso3_country_code(text, use_live=False)


def _codes_named(part: str) -> set[str]:
    """Every country one part of a place names: by name or code, else by alias pattern."""
    code = _exact(part)
    if code:
        return {code}
    aliases: dict[str, re.Pattern] = _country_data()["aliases"]
    return {iso3 for iso3, pattern in aliases.items() if pattern.search(part)}


@lru_cache(maxsize=4096)
def country_code_for(place: str) -> str | None:
    """The ISO 3166-1 alpha-3 code of the one country `place` names, or None."""
    text = " ".join(str(place).split())
    if not text:
        return None
    code = _exact(text)
    if code:
        return code
    named: set[str] = set()
    for part in text.split(","):
        if part.strip():
            named |= _codes_named(part.strip())
    return named.pop() if len(named) == 1 else None


def is_valid_country_code(code: str) -> bool:
    """True for an ISO 3166-1 alpha-3 code of a country or territory in the library's data."""
    return isinstance(code, str) and code in _country_data()["countries"]


def country_name(code: str) -> str | None:
    """The library's preferred English name of a code ("State of Palestine" for PSE)."""
    country = _country_data()["countries"].get(code)
    if country is None:
        return None
    return country.get("Preferred Term") or country.get("English Short") or None


def agrees(code: str, place: str) -> bool:
    """False only when `place` names one country and it is not `code`.

    A place the country data cannot place ("Khan Younis", "Europe") agrees with any
    valid code: only a contradiction is a problem.
    """
    found = country_code_for(place)
    return found is None or found == code


def _described(code: str) -> str:
    name = country_name(code)
    return f"{name} ({code})" if name else code


def country_code_problems(frame: pd.DataFrame, file: str) -> list[Problem]:
    """One problem per row whose `country_code` is not a real code or contradicts `location`.

    `frame` is a loaded table (indexed by line) with `country_code` and `location`; an empty
    code is not checked (the column is optional).
    """
    if COLUMN not in frame.columns or "location" not in frame.columns or frame.empty:
        return []
    coded = frame.loc[frame[COLUMN].fillna("") != "", [COLUMN, "location"]]
    if coded.empty:
        return []
    reasons: dict[tuple[str, str], str] = {}
    for code, place in coded.drop_duplicates().itertuples(index=False):
        if not is_valid_country_code(code):
            reasons[(code, place)] = (
                f"{code!r} is not an ISO 3166-1 alpha-3 code of a country or territory in "
                f"the country data of {LIBRARY}"
            )
        elif not agrees(code, place):
            found = country_code_for(place)
            reasons[(code, place)] = (
                f"{_described(code)} does not agree with location {place!r}, which is in "
                f"{_described(found)}"
            )
    if not reasons:
        return []
    problems = []
    for line, code, place in zip(coded.index, coded[COLUMN], coded["location"]):
        reason = reasons.get((code, place))
        if reason is not None:
            problems.append(Problem(file, int(line), COLUMN, reason))
    return problems


def location_codes(*frames: pd.DataFrame) -> dict[str, str]:
    """Each location's country code as the tables give it (the most frequent, if several)."""
    pairs = [
        frame.loc[frame[COLUMN].fillna("") != "", ["location", COLUMN]]
        for frame in frames
        if COLUMN in frame.columns and "location" in frame.columns
    ]
    if not pairs:
        return {}
    counts = pd.concat(pairs).value_counts()
    codes: dict[str, str] = {}
    for (location, code), _count in counts.items():  # most frequent first
        codes.setdefault(location, code)
    return codes
