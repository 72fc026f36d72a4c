"""The extractor's vocabularies, kept as data beside the code, one file per concern: places
(`places.json`, with their country codes in `place_codes.json`), the words that decide what a
number is (`figures.json`: denominators, units, hedges, multiplier, change and status words,
...), the words the catalogue matcher reads ids and clauses with (`words.json`: stopwords,
synonyms, negations), who reports credit (`speakers.json`: the speaker gazetteer, speech verbs,
role and organisation words), event phrases (`events.json`) and the language of dates
(`dates.json`). Each file and each list says what it is for in its `_about`. Loaded once, at
import of the module that reads them.

Each list is the one source of its regex and of any fast-path hint derived from it (see
`indicators.extract.hints`): add a word to the file and both the pattern and the hint know it.
"""

from __future__ import annotations

import copy
import functools
import json
import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path

FOLDER = Path(__file__).resolve().parent


@functools.cache
def _load(name: str) -> dict:
    return json.loads((FOLDER / f"{name}.json").read_text("utf-8"))


def words(name: str, file: str = "figures") -> list[str] | dict:
    """The words of one list of a vocabulary file (a list, or a dict word -> meaning), as
    stored: a list keeps its order, a dict the order of its keys. A copy: the caller may
    change it without changing what others read."""
    entry = _load(file).get(name)
    if not isinstance(entry, dict) or "words" not in entry:
        raise KeyError(f"vocabulary/{file}.json has no word list {name!r}")
    return copy.deepcopy(entry["words"])


def alternatives(words: Iterable[str]) -> str:
    """Plain words (not patterns) as the branches of one regex alternation, in their order,
    each escaped, a space in a word matching any run of white space ("a few")."""
    return "|".join(re.escape(word).replace(r"\ ", r"\s+") for word in words)


def place_names() -> list[str]:
    """The gazetteer's names: those of places.json, then the subdivisions of subdivisions.json,
    then the towns of towns.json, then the other spellings of them all (`place_spellings`)."""
    return _stored_names() + list(place_spellings())


def _stored_names() -> list[str]:
    return list(_load("places")["names"]) + list(_subdivisions()) + list(_towns())


def place_canonical() -> dict[str, str]:
    """The name each place is stored by, for the names that are not ("DRC"); another
    spelling of a country is the country ("Cote d'Ivoire"), one of a place below a country
    keeps its own ("Deir-ez-Zor"), as reports write it."""
    canonical = dict(_load("places")["canonical"])
    places = _load("places")
    below = {name for names in places["levels"].values() for name in names}
    countries = set(_load("place_codes")["codes"]) - below
    for spelling, name in place_spellings().items():
        if name in canonical:
            canonical[spelling] = canonical[name]
        elif name in countries:
            canonical[spelling] = name
    return canonical


def place_levels() -> dict[str, list[str]]:
    """The places (as stored) of each level below a country: region, district, city, ...;
    the subdivisions of subdivisions.json are regions, the towns of towns.json cities; another
    spelling is of the level of the place it spells."""
    levels = {level: list(names) for level, names in _load("places")["levels"].items()}
    levels["region"] = levels.get("region", []) + list(_subdivisions())
    levels["city"] = levels.get("city", []) + list(_towns())
    spellings = place_spellings()
    for names in levels.values():
        stored = set(names)
        names += [spelling for spelling, name in spellings.items() if name in stored]
    return levels


def place_within() -> dict[str, str]:
    """The place (as stored) each place lies in, up to its country."""
    within = dict(_load("places")["within"]) | _subdivisions() | _towns()
    for spelling, name in place_spellings().items():
        if name in within:
            within[spelling] = within[name]
    return within


@functools.cache
def _spellings() -> tuple[tuple[str, str], ...]:
    stored = _stored_names()
    taken = {name.lower() for name in stored}
    found: dict[str, str] = {}
    for name in stored:
        for spelling in _other_spellings(name):
            if spelling.lower() not in taken:
                taken.add(spelling.lower())
                found[spelling] = name
    return tuple(found.items())


def place_spellings() -> dict[str, str]:
    """The other spellings of the gazetteer's places, each with the name it spells: without
    diacritics ("Cucuta" for "Cúcuta"), and with hyphens for spaces or spaces for hyphens
    ("Deir-ez-Zor" and "Deir ez Zor" for "Deir ez-Zor", "Khan-Younis" for "Khan Younis"), as
    reports write them."""
    return dict(_spellings())


def _other_spellings(name: str) -> list[str]:
    forms = [name]
    words = name.replace("-", " ").split(" ")
    if "-" in name:
        forms += [" ".join(words), "-".join(words)]
    elif len(words) == 2:  # "Khan-Younis"; nobody writes "Bay-of-Bengal"
        forms.append("-".join(words))
    forms += [_folded(form) for form in forms]
    return [form for form in dict.fromkeys(forms) if form != name]


def _subdivisions() -> dict[str, str]:
    """Each subdivision of subdivisions.json and the country (as stored) it lies in."""
    return dict(_load("subdivisions")["names"])


def _towns() -> dict[str, str]:
    """Each town of towns.json and the country (as stored) it lies in."""
    return dict(_load("towns")["names"])


def subdivisions_from_country_data() -> dict[str, str]:
    """The first-level subdivisions of the countries of `subdivision_countries` (places.json),
    from pycountry's ISO 3166-2 data: each name without its diacritics, and its country as
    the gazetteer stores it; names places.json holds, names of the not-places list and names
    with brackets, commas or slashes are left out."""
    import pycountry  # its data loads in about half a second: only when the file is written

    places = _load("places")
    country_of = stored_country_of_code()
    known = {_folded(name).lower() for name in places["names"]}
    left_out = set(places["subdivision_names_not_places"])
    found: dict[str, str] = {}
    for alpha_2 in places["subdivision_countries"]:
        country = country_of.get(pycountry.countries.get(alpha_2=alpha_2).alpha_3)
        if country is None:
            continue
        for subdivision in pycountry.subdivisions.get(country_code=alpha_2) or ():
            if subdivision.parent_code is not None:
                continue  # a district of a region: too many names that are also words
            name = _folded(subdivision.name).strip("'")
            if any(mark in name for mark in "[](),/") or name in left_out or len(name) < 3:
                continue
            # "Ta'izz" as "Taizz", "Sa'dah" as "Sadah": as reports mostly write them (and an
            # apostrophe would cut a speaker's phrase: "Health authorities in Ta'izz")
            for spelling in (name.replace("'", ""),):
                if spelling.lower() not in known and spelling not in left_out:
                    found[spelling] = country
                    known.add(spelling.lower())
    return dict(sorted(found.items()))


def stored_country_of_code() -> dict[str, str]:
    """Each ISO 3166-1 alpha-3 code and the name the gazetteer stores its country by."""
    places = _load("places")
    below = {name for names in places["levels"].values() for name in names}
    country_of: dict[str, str] = {}
    for name, code in sorted(_load("place_codes")["codes"].items()):
        if name not in below:
            country_of.setdefault(code, name)
    return country_of


def _folded(name: str) -> str:
    """A name as English reports spell it: without diacritics ("Al Ḩudaydah": Al Hudaydah,
    "Kasaï": Kasai), a dotless i as i, apostrophes straight."""
    name = name.replace("ı", "i").replace("ʻ", "'").replace("’", "'").replace("‘", "'")
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def write_subdivisions() -> None:
    """Rewrite `subdivisions.json` from pycountry's data (after editing places.json)."""
    document = {
        "_about": (
            "First-level subdivisions of the countries of places.json's subdivision_countries, "
            "from the ISO 3166-2 data of pycountry, each with the country it lies in. Written by "
            "`python -m indicators.extract.vocabulary.subdivisions`; a test checks it against that data."
        ),
        "names": subdivisions_from_country_data(),
    }
    text = json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    (FOLDER / "subdivisions.json").write_text(text, "utf-8")


def place_anaphors() -> dict[str, list[str]]:
    """The words that refer back to a place ("the city"), each with the levels it names."""
    return dict(_load("places")["anaphors"])


def report_place_words() -> list[str]:
    """The words that, after "the", refer to the report's own main place ("the enclave")."""
    return list(_load("places")["report_place_words"])


def place_country_codes() -> dict[str, str]:
    """The country code of each gazetteer place that names one country (`place_codes.json`,
    written by `write_place_country_codes` from the country data `indicators.places` reads),
    and of each subdivision and town, its country's; of another spelling, its place's."""
    codes = dict(_load("place_codes")["codes"])
    for place, country in (_subdivisions() | _towns()).items():  # its country's code
        if country in codes:
            codes.setdefault(place, codes[country])
    for spelling, name in place_spellings().items():  # the code of the place it spells
        if name in codes:
            codes.setdefault(spelling, codes[name])
    return codes


def place_codes_from_country_data() -> dict[str, str]:
    """Each place of places.json (as stored) and the code the country data gives it, if any
    (a subdivision takes its country's: `place_country_codes`)."""
    from indicators.places import country_code_for  # the country data loads in about a second

    canonical = place_canonical()
    stored = sorted({canonical.get(name, name) for name in _load("places")["names"]})
    return {name: code for name in stored if (code := country_code_for(name))}


def write_place_country_codes() -> None:
    """Rewrite `place_codes.json` from the country data (after editing `places.json`)."""
    document = {
        "_about": (
            "The ISO 3166-1 alpha-3 code of each place of places.json (as stored) that names "
            "one country, from the country data of hdx-python-country. Written by "
            "`python -m indicators.extract.vocabulary.place_codes`; a test checks it against that data."
        ),
        "codes": place_codes_from_country_data(),
    }
    text = json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    (FOLDER / "place_codes.json").write_text(text, "utf-8")
