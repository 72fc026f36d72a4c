"""The extractor's vocabularies, kept as data beside the code: places (`places.json`), the
words that decide what a number is (`figures.json`: denominators, units, hedges, multiplier
and change words, ...) and the words the catalogue matcher reads ids and clauses with
(`words.json`: stopwords, synonyms).

Each list is the one source of its regex and of any fast-path hint derived from it: add a
word to the file and both the pattern and the hint know it.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path

FOLDER = Path(__file__).resolve().parent


@functools.cache
def _load(name: str) -> dict:
    return json.loads((FOLDER / f"{name}.json").read_text("utf-8"))


def words(name: str, file: str = "figures") -> list[str] | dict:
    """The words of one list of a vocabulary file (a list, or a dict word -> meaning)."""
    return _load(file)[name]["words"]


def place_names() -> list[str]:
    return list(_load("places")["names"])


def place_canonical() -> dict[str, str]:
    return dict(_load("places")["canonical"])
