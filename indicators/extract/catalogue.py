"""Match a stated figure to an indicator of the catalogue by the words around it.

Each indicator's id gives its key words (`share_households_severe_water_shortage` ->
household, severe, water, shortage), and its name gives a second reading of them; its name and
definition add supporting words. Words on both sides are read as their Snowball stems, so a
report's inflections meet a catalogue's. A figure matches an indicator of a compatible unit
when most key words occur in its clause; the best covered indicator wins. Otherwise a new id is proposed from the words after the figure
("six convoys are waiting" -> `convoys_waiting`).
"""

from __future__ import annotations

import copy
import csv
import functools
import re
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path

import snowballstemmer

from indicators.extract import numbers, vocabulary
from indicators.extract.concepts import CONCEPT_WEIGHT, Lexicon
from indicators.extract.number_context import LOCAL_CURRENCY_CODES
from indicators.extract.number_words import MONEY_WORDS

STOPWORDS = (
    frozenset(vocabulary.words("stopwords", "words"))
    | frozenset(numbers.CARDINALS)
    | frozenset(numbers.SCALES)
)  # number words never name an indicator
NEGATIONS = frozenset(vocabulary.words("negations", "words"))
# Words that mean the same for matching purposes, after the plural is taken off.
SYNONYMS = vocabulary.words("synonyms", "words")
# Words of an id that say what kind of figure it is, not what is counted.
UNIT_WORDS = frozenset(vocabulary.words("unit_words", "words"))
# Words of an id that name who is counted: a report often states them once, not per figure.
POPULATION_WORDS = frozenset(vocabulary.words("population_words", "words"))
POPULATION_WEIGHT = 0.5  # what such a word weighs in a match, against 1 for the others


WORD = re.compile(r"[A-Za-z][A-Za-z’'-]*")


# PyStemmer's C code when it is installed (the same stems, held by tests/test_extract_prescan.py)
_STEMMER = snowballstemmer.stemmer("english")
# SYNONYMS with its forms stemmed, so that any inflection of a listed word finds its entry
# and what it is read as meets the stems of that word's other forms
_SYNONYMS = {word: _STEMMER.stemWord(same) if same else "" for word, same in SYNONYMS.items()}
_STEM_READINGS: dict[str, set[str]] = {}
for _word, _same in _SYNONYMS.items():
    _STEM_READINGS.setdefault(_STEMMER.stemWord(_word), set()).add(_same)
# a stem whose listed words are read differently ('hosted' host, 'hosting' shelter) stays itself
_STEM_SYNONYMS = {stem: same.pop() for stem, same in _STEM_READINGS.items() if len(same) == 1}


def stem(word: str) -> str:
    """A word's Snowball stem alone, no synonym: 'entered' and 'enter' meet, 'damaged' and
    'destroyed' do not."""
    return _STEMMER.stemWord(word.lower())


@functools.lru_cache(maxsize=65536)
def normalise(word: str) -> str:
    """Lower case, without possessive, its stem (Snowball's English stemmer), mapped through
    SYNONYMS: 'stunting' and 'stunted' both become 'stunt', 'chlorinated' and 'chlorine'
    'chlorin'. A word listed in SYNONYMS as it stands, or without its plural, is read as
    listed."""
    word = word.lower().replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    if word in _SYNONYMS:
        return _SYNONYMS[word]
    if len(word) > 4 and word.endswith("ies"):
        singular = word[:-3] + "y"
    elif len(word) > 4 and word.endswith(("sses", "shes", "ches", "xes")):
        singular = word[:-2]
    elif len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        singular = word[:-1]
    else:
        singular = word
    if singular in _SYNONYMS:
        return _SYNONYMS[singular]
    stem = _STEMMER.stemWord(word)
    return _STEM_SYNONYMS.get(stem, stem)


def content_words(text: str) -> list[str]:
    return list(content_word_tuple(text))


@functools.lru_cache(maxsize=8192)
def content_word_tuple(text: str) -> tuple[str, ...]:
    """`content_words` as a cached tuple, for callers that only read it."""
    # the clauses and windows of figures are nearly all new strings, but their pieces between
    # white space recur: each piece's content words are read once (`_PieceContents`)
    return tuple(chain.from_iterable(map(_piece_content, text.replace("-", " ").split())))


def words_of(text: str) -> list[str]:
    """WORD.findall(text.replace("-", " ")), read piece by piece between white space (no word
    holds any): a piece of ASCII letters alone is one word; the pattern runs on the others
    ("(IDPs),", "2025."). Several times quicker than one findall over a sentence."""
    words: list[str] = []
    for piece in text.replace("-", " ").split():
        if piece.isalpha() and piece.isascii():
            words.append(piece)
        else:
            words += WORD.findall(piece)
    return words


class _WordContents(dict):
    """What each word contributes to `content_words` ('not' for a negation, its normal form,
    or None for a stop word), worked out on first sight of the word: a dict that `map` looks
    up from C is quicker than a cached function. At most `limit` words are kept, then it
    starts again."""

    limit = 65536

    def __missing__(self, raw: str) -> str | None:
        if len(self) >= self.limit:
            self.clear()
        content = self[raw] = _read_word(raw)
        return content


# What one word contributes to `content_words` (see `_WordContents`).
_word_content = _WordContents().__getitem__


class _PieceContents(_WordContents):
    """The content words of one piece of text between white space, without a hyphen
    (`words_of` of it, each read by `_word_content`), worked out on first sight of it."""

    def __missing__(self, piece: str) -> tuple[str, ...]:
        if len(self) >= self.limit:
            self.clear()
        # `_word_content` gives a word or None, never "": filter(None, ...) drops the Nones
        content = self[piece] = tuple(filter(None, map(_word_content, words_of(piece))))
        return content


_piece_content = _PieceContents().__getitem__


def _read_word(raw: str) -> str | None:
    lower = raw.lower()
    if lower in NEGATIONS:
        return "not"
    if lower in STOPWORDS:
        return None
    word = normalise(raw)
    if word == "not" or (word and word not in STOPWORDS):
        return word
    return None


# what one word without a hyphen contributes to `content_words`, for callers reading word by word
word_content = _word_content


def _currency_of(unit: str) -> str:
    """The currency a money unit is in ("eur" of "eur", "usd" of "usd per person"), or ""."""
    code = unit.split(" ", 1)[0] if unit else ""
    return code if len(code) == 3 and code in _CURRENCY_UNITS else ""


_CURRENCY_UNITS = frozenset(MONEY_WORDS.values()) | frozenset(
    code.lower() for code in LOCAL_CURRENCY_CODES
)


@dataclass
class Indicator:
    indicator_id: str
    name: str
    unit: str
    definition: str = ""
    hxl_tag: str = ""
    keys: frozenset[str] = field(default_factory=frozenset)
    support: frozenset[str] = field(default_factory=frozenset)
    ordered_keys: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        # a money indicator's currency is its unit ("money:eur"), no key: "€70 million" says
        # no "eur" to match
        currency = _currency_of(self.unit)
        id_words = [
            w for w in self.indicator_id.split("_") if w not in UNIT_WORDS and w != currency
        ]
        keys = content_words(" ".join(id_words))
        if len(keys) > 1:
            keys = [
                k for k in keys if k != normalise("people")
            ]  # the default population says little
        self.ordered_keys = tuple(keys)
        self.keys = frozenset(self.ordered_keys)
        # in a share, who is counted is the whole the share is of: said once for a survey or a
        # section ("Stunting: 47.2%" under "measured 1,486 children"); in a count it is what
        # is counted, as heavy as any other word
        light = len(self.keys) > 1 and unit_family(self.unit) == "percent"
        self.light = frozenset(_population_keys() & self.keys) if light else frozenset()
        self.weight = len(self.keys) - POPULATION_WEIGHT * len(self.light)
        self.support = frozenset(content_words(f"{self.name} {self.definition}")) - self.keys
        self.acronyms = spelled_acronyms(self.indicator_id, f"{self.name} {self.definition}")
        self.reading_of: Indicator | None = None  # set on a reading of another's name

    def name_reading(self) -> Indicator | None:
        """This indicator keyed by the words of its name instead of its id, when they differ
        ("Rainfall below average" for `rainfall_deficit`), or None."""
        currency = _currency_of(self.unit)
        words = [
            w
            for w in WORD.findall(self.name.replace("-", " "))
            if w.lower() not in UNIT_WORDS
            and not (currency and MONEY_WORDS.get(w.lower()) == currency)
        ]
        keys = [k for k in content_words(" ".join(words)) if k != normalise("people")]
        if len(set(keys)) < 2 or set(keys) == self.keys:
            return None
        reading = copy.copy(self)
        reading.ordered_keys = tuple(dict.fromkeys(keys))
        reading.keys = frozenset(keys)
        reading.light = self.light and frozenset(_population_keys() & reading.keys)
        reading.weight = len(reading.keys) - POPULATION_WEIGHT * len(reading.light)
        reading.support = self.support | self.keys - reading.keys
        reading.reading_of = self
        return reading

    def cover(self, said: set[str]) -> float:
        """The weighted share of the key words in `said`."""
        if not self.light:
            return len(self.keys & said) / len(self.keys)
        weighed = len(self.keys & said) - POPULATION_WEIGHT * len(self.light & said)
        return weighed / self.weight


@functools.cache
def _population_keys() -> frozenset[str]:
    return frozenset(normalise(word) for word in POPULATION_WORDS)


def population_keys() -> frozenset[str]:
    """The normal forms of the words that name who is counted (`population_words`)."""
    return _population_keys()


def spelled_acronyms(indicator_id: str, text: str) -> dict[str, frozenset[str]]:
    """The words of an id that are the initials of words its name or definition spells out
    (`awd_cases_change` and "acute watery diarrhoea cases": awd -> acute, watery, diarrhoea),
    each with the normal forms of the words it stands for. A word the text itself uses
    ("cases") is no acronym."""
    words = WORD.findall(text.replace("-", " ").replace("’", " ").replace("'", " "))
    lower = [w.lower() for w in words]
    found: dict[str, frozenset[str]] = {}
    for part in indicator_id.split("_"):
        if not 2 <= len(part) <= 6 or not part.isalpha() or part in lower:
            continue
        for start in range(len(lower) - len(part) + 1):
            spelled = lower[start : start + len(part)]
            if "".join(w[0] for w in spelled) == part:
                expansion = frozenset(map(normalise, spelled))
                if len(expansion) > 1 and normalise(part) not in expansion:  # sam: a synonym
                    found[normalise(part)] = expansion
                break
    return found


def unit_family(unit: str) -> str:
    unit = unit.strip().lower()
    if unit in ("percent", "%", "percentage"):
        return "percent"
    if unit in ("hours", "days", "weeks", "months", "years"):
        return "duration"
    if unit == "status":
        return "status"
    if unit == "times":
        return "times"
    if unit in numbers.MEASURE_UNITS.values() or unit in numbers.DISTANCE_UNITS.values():
        return "measure:" + unit
    if unit.split(" per ")[0] in numbers.MEASURE_UNITS.values():
        return "measure:" + unit  # "litres per person per day": a measure per a base
    if unit.startswith("per "):  # "per 10,000 people per day": a rate with its denominator
        return "per:" + unit
    if (
        unit[:3] in numbers.CURRENCIES.values() or unit[:3].upper() in numbers.LOCAL_CURRENCY_CODES
    ) and (len(unit) == 3 or unit[3] == " "):
        return "money:" + unit  # "usd", "usd per person per month": one currency and base
    if " per " in unit or unit.endswith(("/day", "/week", "/month")):
        return (
            "rate:" + unit.split(" per ")[-1].strip().split()[-1].rstrip("s")
            if "per" in unit
            else "rate"
        )
    return "count"


def figure_family(kind: str, unit: str, rate: str = "") -> str:
    if rate:
        return "rate:" + rate
    if kind == numbers.SHARE:
        return "percent"
    if kind == numbers.DURATION:
        return "duration"
    if kind == numbers.MONEY:
        return "money:" + unit
    if kind in (numbers.RATE, numbers.MULTIPLIER, numbers.MEASURE):
        return unit_family(unit)
    return "count"


class Catalogue:
    def __init__(self, indicators: list[Indicator]) -> None:
        self.indicators = indicators
        self.by_id = {indicator.indicator_id: indicator for indicator in indicators}
        self.status = [i for i in indicators if unit_family(i.unit) == "status"]
        # keys from verbs ("receiving", "surveyed") say what happened, not what it is about
        self.verb_keys: set[str] = set()
        for indicator in indicators:
            for word in indicator.indicator_id.split("_"):
                if word.endswith(("ing", "ed")):
                    self.verb_keys.add(normalise(word))
        self.families = {i.indicator_id: unit_family(i.unit) for i in indicators}
        # acronym -> the words it stands for, from every indicator whose id uses one: a clause
        # that spells them out says the acronym ("acute watery diarrhoea" says awd)
        self.acronyms: dict[str, frozenset[str]] = {}
        for indicator in indicators:
            self.acronyms.update(indicator.acronyms)
        self.family_sizes: dict[str, int] = {}
        for family in self.families.values():
            self.family_sizes[family] = self.family_sizes.get(family, 0) + 1
        # each indicator as its id names it, then as its name does (read after, so a tie
        # between the two readings goes to the id's)
        self.readings = indicators + [r for i in indicators if (r := i.name_reading())]
        self.thresholds = [
            # the only indicator of its unit needs less evidence (one money indicator, say)
            # and money, which is rarely stated beside more than one of an indicator's words
            0.5
            if self.family_sizes[self.families[i.indicator_id]] == 1
            or self.families[i.indicator_id].startswith("money")
            else 0.6
            for i in self.readings
        ]
        # the phrasings of the concepts whose words the catalogue's keys hold ("crossed into"
        # for `new_arrivals`): weaker evidence of those words
        self.lexicon = Lexicon({k for r in self.readings for k in r.keys}, content_word_tuple)
        # A figure is compared only with the indicators of a compatible unit that one of its
        # focus words names: (family, qualitative) -> key word -> positions in the catalogue.
        self._key_index: dict[tuple[str, bool], dict[str, list[int]]] = {}

    def _candidates(self, family: str, qualitative: bool) -> dict[str, list[int]]:
        index = self._key_index.get((family, qualitative))
        if index is None:
            index = {}
            for position, indicator in enumerate(self.readings):
                indicator_family = self.families[indicator.indicator_id]
                if qualitative:
                    if indicator_family not in ("count", "status") and not (
                        indicator_family.startswith("rate")
                    ):
                        continue
                elif (
                    indicator_family != family
                    and not (family == "count" and indicator_family.startswith("rate"))
                    and not (  # "Rice, 1 kg: SYP 27,500": the price's base stated beside it
                        family.startswith("money:")
                        and indicator_family.startswith(family + " per ")
                    )
                ):
                    continue
                for key in indicator.keys:
                    index.setdefault(key, []).append(position)
            self._key_index[(family, qualitative)] = index
        return index

    @classmethod
    def from_csv(cls, *paths: Path) -> Catalogue:
        indicators: list[Indicator] = []
        seen: set[str] = set()
        for path in paths:
            if not Path(path).is_file():
                continue
            with open(path, encoding="utf-8-sig", newline="") as handle:
                for row in csv.DictReader(handle):
                    indicator_id = (row.get("indicator_id") or "").strip()
                    if not indicator_id or indicator_id in seen:
                        continue
                    seen.add(indicator_id)
                    indicators.append(
                        Indicator(
                            indicator_id,
                            (row.get("name") or "").strip(),
                            (row.get("unit") or "").strip(),
                            (row.get("definition") or "").strip(),
                            (row.get("hxl_tag") or "").strip(),
                        )
                    )
        return cls(indicators)

    def family_size(self, family: str) -> int:
        return self.family_sizes.get(family, 0)

    def match(
        self,
        family: str,
        focus: list[str],
        clause: list[str],
        qualitative: bool = False,
        distances: dict[str, int] | None = None,
        paragraph: list[str] | None = None,
        own: frozenset[str] = frozenset(),
        context=None,
        change: bool = False,
        topic: frozenset[str] = frozenset(),
        exclude: frozenset[str] = frozenset(),
        section: frozenset[str] = frozenset(),
        meant: tuple = (),
        noun: frozenset[str] = frozenset(),
        named: tuple = (),
    ) -> Indicator | None:
        """The indicator whose key words the figure's clause covers best, or None.

        Ties go to the indicator whose key words stand between the figure and its neighbours
        (`own`: the words from the figure before it to the one after), then to the one whose
        name and definition the clause says more of, then nearest the figure (`distances`:
        word -> words away). Who a share is of (children, households) weighs half: a report
        states it once for a survey or a section. `meant`: the key words the clause's
        phrasings of a concept mean (`concepts.Lexicon.meanings`), each as (words, whether the
        phrasing is in focus, its own words): they count as said, but each weighs
        `CONCEPT_WEIGHT` in the score, so a literal word wins. `noun`: the noun right after
        a count ("11 deaths"), which breaks a tie first. `named`: the names the sentence
        spells out beside their acronyms (`acronym_names`), as (acronym, its name's words)."""
        focus_set = set(focus)
        clause_set = set(clause) | focus_set
        for acronym, expansion in self.acronyms.items():
            if expansion <= clause_set:
                clause_set.add(acronym)
                if expansion <= focus_set:
                    focus_set.add(acronym)
        literal = clause_set
        lent = _NOTHING_MEANT
        negated = "not" in focus_set
        if meant:
            clause_set, focus_set, own, lent, negated = _with_meanings(
                meant, clause_set, focus_set, own, negated
            )
            literal = literal & clause_set  # less a compound's own words ("killed or injured")
        # An indicator none of whose key words is in focus never matches (in_focus == 0).
        index = self._key_index.get((family, qualitative))
        if index is None:
            index = self._candidates(family, qualitative)
        supported = clause_set  # a name's words still support the indicator it names
        if named:
            clause_set, focus_set = _less_spelled_names(named, index, clause_set, focus_set)
        positions: set[int] = set()
        for word in focus_set:
            hits = index.get(word)
            if hits is not None:
                positions.update(hits)
        if not positions:
            # a unit only one indicator has says what the figure is ("SYP 14,650 to the US
            # dollar" is the exchange rate), though its words are not in the clause
            return self._sole_of_unit(family) if not qualitative else None
        if paragraph is None or isinstance(paragraph, (list, tuple)):
            paragraph = set(paragraph or ())
        # Scores compare as (covered, paragraph cover, number of keys, nearness, support); the
        # last two are worked out only to break a tie of the first three.
        best: tuple | None = None
        best_tail: tuple | None = None
        chosen = None
        named: tuple | None = None
        with_topic: set[str] | None = None
        for position in sorted(positions) if len(positions) > 1 else positions:
            indicator = self.readings[position]
            if exclude and indicator.indicator_id in exclude:
                continue  # a reading the caller has ruled out ("1,700 schools" are no children)
            keys = indicator.keys
            # the weighted cover only for a share with a population word
            covered = (
                indicator.cover(clause_set)
                if indicator.light
                else len(keys & clause_set) / len(keys)
            )
            said = clause_set
            if (
                _TOPIC_FLOOR <= covered < 1 and topic
            ):  # "49 deaths" in a bulletin headed "Mpox outbreak"
                if with_topic is None:
                    with_topic = clause_set | topic
                said = with_topic
                covered = indicator.cover(said)
            elif 0 < covered < _TOPIC_FLOOR and section and keys - clause_set <= section:
                # "with 17 attacks" under "ATTACKS ON HEALTH CARE": the heading says the rest
                said = clause_set | section
                covered = indicator.cover(said)
            threshold = self.thresholds[position]
            if covered < threshold:
                continue
            missing = keys - said
            if missing and not self._may_be_unsaid(
                missing, paragraph if context is None else context
            ):
                continue
            if own and len(keys & own) * 2 < len(keys):
                covered -= 0.4  # most of its words belong to another figure of the sentence
                if covered < threshold:
                    continue
            if ("not" in keys) != negated:
                covered -= 0.3
                if covered < threshold:
                    continue
            if family == "count" and self.families[indicator.indicator_id].startswith("rate"):
                covered -= 0.2  # a plain count may still be a rate stated elsewhere
                if covered < threshold:
                    continue
            # the clause's keys, and the missing ones the paragraph says
            paragraph_cover = (
                len(keys) - len(missing) + sum(k in paragraph for k in missing)
                if missing
                else len(keys)
            ) / len(keys)
            if change and indicator.indicator_id.endswith("_change"):
                covered += 0.1  # "a fall of 20 percent": a figure of change, an indicator of one
            if lent and not lent.isdisjoint(keys):
                # a word only meant by a phrasing weighs less than the word itself
                covered -= (1 - CONCEPT_WEIGHT) * len(keys & lent) / len(keys)
            head = (round(covered, 2), round(paragraph_cover, 2), len(keys))
            if (
                said is clause_set
                and len(keys) > 1
                and keys <= literal
                and (named is None or head > named[0])
            ):
                named = (head, indicator)  # all its words said in the clause itself
            if best is None or head > best:
                best, best_tail, chosen = head, None, indicator
            elif head == best:
                if best_tail is None:
                    best_tail = self._tie_breaker(chosen, supported, distances, own, noun)
                tail = self._tie_breaker(indicator, supported, distances, own, noun)
                if tail > best_tail:
                    best_tail, chosen = tail, indicator
        if (
            named is not None
            and chosen is not None
            and not chosen.keys <= literal
            and len(named[1].keys & own) >= len(chosen.keys & own)
        ):
            # the headings only fill in a word: an indicator the clause names in full comes
            # first ("83 of the 146 districts have reported ... cases": districts with cases)
            return named[1].reading_of or named[1]
        if chosen is None:
            # only a name reading was in focus, and did not match: as though none had been
            if qualitative:
                return None
            if any(p < len(self.indicators) for p in positions):
                # an id in focus that did not match: none, unless the unit is one only one
                # indicator has ("15 litres per person per day" beside "water trucking")
                return self._sole_of_unit(family) if " per " in family else None
            return self._sole_of_unit(family)
        return chosen.reading_of or chosen

    def _sole_of_unit(self, family: str) -> Indicator | None:
        """The one indicator of a money-per or rate-per unit ("syp per usd", "people per
        latrine"), or None where the unit is shared or says little (count, percent, usd)."""
        if " per " not in family or family.startswith("rate:"):
            return None
        if self.family_sizes.get(family) != 1:
            return None
        return next(i for i in self.indicators if self.families[i.indicator_id] == family)

    def _may_be_unsaid(self, missing: frozenset[str], paragraph) -> bool:
        """Can these key words be left out of the figure's clause? Not a number ("under five"
        is not "under two"), nor a word that names what the indicator is about ("cholera":
        not a verb nor a generic word of measure) unless the paragraph or the lines just
        before say it: "3,450 suspected measles cases" are not suspected cholera cases."""
        population, generic = _population_keys(), _generic_keys()
        for key in missing:
            if key in NUMBER_WORDS:
                return False
            if key in population and _said_before(key, paragraph):
                continue  # "Stunting: 47.2%" in a survey that "measured 1,486 children"
            if key not in generic and key not in self.verb_keys and key not in paragraph:
                return False
        return True

    @staticmethod
    def _tie_breaker(
        indicator: Indicator, clause_set: set[str], distances, own=frozenset(), noun=frozenset()
    ) -> tuple:
        """(noun, own words, support, nearness): the noun right after the figure among its key
        words ("including 11 deaths (case fatality ratio 79%)": deaths, not cases), key words
        among the figure's own words, more of the name and definition in the clause ("Severe
        acute malnutrition: 3.1%" is the indicator defined by it, not the one of acute
        malnutrition), then nearer the figure."""
        near = [distances[k] for k in indicator.keys if k in distances] if distances else []
        nearness = -sum(near) / len(near) if near else -99.0
        support = len(indicator.support & clause_set) / max(1, len(indicator.support))
        named = not noun.isdisjoint(indicator.keys)
        return named, len(indicator.keys & own), support, nearness


_NOTHING_MEANT: frozenset[str] = frozenset()


def _less_spelled_names(named, index, clause_set, focus_set):
    """The clause's and focus's words less those of each name spelled out beside an acronym
    that keys an indicator of the figure's unit ("The Central Emergency Response Fund (CERF)
    allocated US$ 2 million": a CERF allocation, no evidence of emergency funds allocated)."""
    for acronym, words in named:
        if acronym in clause_set and acronym in index:
            clause_set, focus_set = clause_set - words, focus_set - words
    return clause_set, focus_set


def _with_meanings(meant, clause_set, focus_set, own, negated):
    """The clause's, focus's and own words with the key words its phrasings mean, the words
    only meant (not said), and whether the figure is negated: a phrasing that means "not"
    ("cut off": without power) negates it, one that holds a "not" it does not mean ("have not
    been paid": pay arrears) does not."""
    lent = set()
    clause_set, focus_set = set(clause_set), set(focus_set)
    own_meant = set()
    unsaid = set()
    for entry in meant:
        words, in_focus, said = entry[:3]
        if len(entry) > 3 and entry[3] and in_focus:
            # "killed or injured": casualties, and neither word of the compound alone
            unsaid |= said - words
        new = words - clause_set - lent
        if "not" in said and "not" not in words:
            negated = False
        if not new:
            continue
        lent |= new
        if in_focus:
            focus_set |= new
            negated = negated or "not" in new
        if own and said and said <= own:
            own_meant |= new
    if unsaid:
        clause_set -= unsaid
        focus_set -= unsaid
        own = own - unsaid
    clause_set |= lent
    return clause_set, focus_set, (own | own_meant) if own_meant else own, lent, negated


def _said_before(word: str, context) -> bool:
    """Whether the document says `word` (a normal form) before the figure's context starts."""
    text = getattr(context, "text", None)
    if text is None:
        return False
    first = _first_offsets(text).get(word)
    return first is not None and first < context.start


@functools.lru_cache(maxsize=2)
def _first_offsets(text: str) -> dict[str, int]:
    """Normal form -> offset of its first occurrence in `text`, worked out once per document."""
    first: dict[str, int] = {}
    for match in WORD.finditer(text.replace("-", " ")):
        word = _word_content(match.group())
        if word and word not in first:
            first[word] = match.start()
    return first


_TOPIC_FLOOR = 0.5  # the headings fill in words only for a clause that says half of them
NUMBER_WORDS = frozenset(numbers.CARDINALS)


@functools.cache
def _generic_keys() -> frozenset[str]:
    """vocabulary's generic_keys, normalised as indicator keys are."""
    return frozenset(normalise(word) for word in vocabulary.words("generic_keys"))
