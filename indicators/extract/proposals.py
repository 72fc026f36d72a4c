"""A new indicator proposed for a figure that matches none of the catalogue: a snake_case id
and a readable name from the words that say what the figure counts ("convoys are waiting at
the crossing": `convoys_waiting`), with its kind's prefix or suffix (`share_`, `_usd`,
`_per_day`). `figure_indicator` asks it when the catalogue has no indicator for a figure."""

from __future__ import annotations

import re

from indicators.extract import numbers, vocabulary
from indicators.extract.catalogue import STOPWORDS, WORD
from indicators.extract.date_phrases import MONTH_NAMES, WEEKDAYS
from indicators.extract.figure_words import is_participle

PROPOSAL_STOP = frozenset(vocabulary.words("proposal_stop", "words"))
CALENDAR_WORDS = frozenset(name.lower() for name in (*MONTH_NAMES, *WEEKDAYS))
# where the words of a figure's own clause end: a mark, a dash, or a conjunction that opens
# the words of another figure ("killed 12 people and injured 19", "12 people or 3 per cent")
_CLAUSE_END = re.compile(
    r"[,;:()]|\s[—–]\s|\s(?:and|or|but|while)\s+(?=(?:[^\W\d]+\s+){0,3}(?:US)?[$€£]?\d)"
)
# verbs of a fall, no part of what changed ("cut rations by half": rations_change)
_CUT_WORDS = frozenset(vocabulary.words("cut_verbs"))
_AIM_VERBS = frozenset(vocabulary.words("aim_verbs"))
_AIM_FAILURES = frozenset(vocabulary.words("aim_failures"))
_HEDGE_WORDS = frozenset(word for hedge in vocabulary.words("hedges") for word in hedge.split())
CHANGE_WORDS = frozenset(vocabulary.words("change_words")) | {"has", "have", "had"}


def propose(
    kind: str,
    unit: str,
    words_after: str,
    rate: str = "",
    words_before: str = "",
    long=False,
    change=False,
) -> tuple[str, str]:
    """A new snake_case id and a readable name from the words that say what is counted
    (`long`: up to three words before it, for the subject of a change; `change`: a share
    that is the change of its subject, "fell by three quarters")."""
    # the words of the figure's own clause, without names of places, months or people
    words_after = _CLAUSE_END.split(words_after, maxsplit=1)[0]
    tokens = [
        low
        for w in WORD.findall(words_after.replace("-", " "))
        if (low := w.lower()) not in CALENDAR_WORDS
    ]
    if (
        kind == numbers.MONEY
        and tokens[:1]
        and tokens[0] in _WHERE
        and _PLACE_AFTER.match(words_after)
    ):
        tokens = []  # "costs SDG 612,000 in Kassala": where, not what; what comes before
    picked: list[str] = []
    for index, token in enumerate(tokens):
        if rate and token in _RATE_TOKENS:
            continue  # the rate goes at the end: trucks_per_day
        if token in STOPWORDS or token in PROPOSAL_STOP or len(token) < 3:
            if picked and token in _CONJUNCTIONS and _opens_a_predicate(tokens, index, picked):
                break  # "killed 12 people and injured 19": the next verb is another figure's
            if picked and token in _AUXILIARIES:
                continue
            state = _state_after(tokens, index) if picked else []
            if state:
                picked += state  # "people in need": their state, not where they are
                break
            if picked and token in _PREPOSITIONS:
                break
            continue
        picked.append(token.replace("’", "").replace("'", ""))
        if len(picked) == 3:
            break
    if picked and len(picked) < 3 and kind != numbers.MONEY:
        # (money is named by what it is for: "released EUR 2.5m in emergency aid")
        verb = _verb_before(words_before)
        if verb and verb not in picked:  # "Clashes killed 12 people": people_killed
            picked.append(verb)
    if not picked:
        # what the figure is of, before it: "the price of a bag of millet has doubled"
        found = WORD.findall(words_before)
        before = [w.lower().replace("’", "").replace("'", "") for w in found]
        content = [  # names of places and people say where or who, not what
            w.lower()
            for index, w in enumerate(found)
            if w.lower() not in STOPWORDS
            and w.lower() not in PROPOSAL_STOP
            and (w.islower() or (index == 0 and not w.isupper()))  # "WFP has cut": who
            and len(w) > 2
            and w.lower() not in CHANGE_WORDS
            and not (change and w.lower() in _CUT_WORDS)  # "cut rations by half": rations
        ]
        picked = (content or before)[-3 if long else -2 :] or ["figure"]
    base = "_".join(picked)
    if kind == numbers.SHARE and change:
        indicator_id, name = f"{base}_change", "Change: " + " ".join(picked) + " (percent)"
    elif kind == numbers.SHARE:
        indicator_id, name = f"share_{base}", "Share: " + " ".join(picked)
    elif kind == numbers.DURATION:
        indicator_id, name = f"{base}_duration", "Duration: " + " ".join(picked)
    elif kind == numbers.MONEY:
        currency = unit.split()[0]
        indicator_id, name = f"{base}_{currency}", " ".join(picked).capitalize() + f" ({unit})"
    elif kind == numbers.RATE:
        indicator_id, name = f"{base}_rate", " ".join(picked).capitalize() + f" ({unit})"
    elif kind == numbers.MULTIPLIER:
        indicator_id, name = f"{base}_change", "Change: " + " ".join(picked) + " (times)"
    else:
        indicator_id, name = base, " ".join(picked).capitalize()
    if rate:
        indicator_id += f"_per_{rate}"
        name += f" per {rate}"
    indicator_id = _NOT_IN_ID.sub("", indicator_id) or "figure"
    return indicator_id, name[0].upper() + name[1:]


_STATES = tuple(tuple(phrase.split()) for phrase in vocabulary.words("states_after_preposition"))


def _state_after(tokens: list[str], index: int) -> list[str]:
    """The state words of `states_after_preposition` opening at tokens[index] ("in need"), as
    an id keeps them (["in", "need"]), or []."""
    for phrase in _STATES:
        if tuple(tokens[index : index + len(phrase)]) == phrase:
            return list(phrase)
    return []


_RATE_TOKENS = frozenset(
    ("day", "days", "week", "weeks", "month", "months", "daily", "weekly", "monthly")
)
_AUXILIARIES = frozenset(("were", "are", "have", "has", "was", "is", "had", "been"))
_PREPOSITIONS = frozenset(
    ("in", "at", "on", "from", "to", "by", "with", "for", "across", "within", "before", "after")
    + ("until", "during", "since", "over", "through", "into", "among", "against", "between")
)
# after an amount, these say where it holds ("for", "to" say what it is for: its name)
_WHERE = frozenset(("in", "at", "across", "within", "inside", "near"))
# ... before a name ("in Kassala", "across the Darfur states"), not "in emergency aid"
_PLACE_AFTER = re.compile(r"\s*(?:in|at|across|within|inside|near)\s+(?:the\s+)?[A-Z]")
_NOT_IN_ID = re.compile(r"[^a-z0-9_]")


def _verb_before(words_before: str) -> str:
    """The past verb just before a figure and its hedge ("killed at least", "have
    displaced"), lower-cased, or "targeted" after an aim ("plans to reach"), or ""."""
    words = WORD.findall(words_before[-60:])
    while words and words[-1].lower() in _HEDGE_WORDS:
        words.pop()
    if (
        len(words) > 1
        and words[-1] in _AIM_VERBS
        and words[-2] == "to"
        and (len(words) < 3 or words[-3] not in _AIM_FAILURES)
    ):
        return "targeted"  # "plans to reach 300,000 people": people_targeted
    if (
        words
        and words[-1].islower()
        and is_participle(words[-1])
        and words[-1] not in PROPOSAL_STOP  # "recorded 300 cases": cases, as they are
    ):
        return words[-1].replace("’", "").replace("'", "")
    return ""


_CONJUNCTIONS = frozenset(("and", "or", "but"))


def _opens_a_predicate(tokens: list[str], index: int, picked: list[str]) -> bool:
    """Does the conjunction at tokens[index] open a verb of its own ("people and injured"),
    or follow the figure's whole predicate ("civilians were killed and dozens wounded"), not
    join two verbs of one figure ("people killed and injured")?"""
    after = tokens[index + 1] if index + 1 < len(tokens) else ""
    if not after or is_participle(tokens[index - 1]) and is_participle(after):
        return False
    return is_participle(after) or any(is_participle(word) for word in picked)


# who a figure's id may open with: those it counts ("civilians_remain": civilians)
_POPULATION = frozenset(vocabulary.words("population_words", "words")) | frozenset(
    vocabulary.words("people_nouns", "words")
)


def whole_noun(earlier_ids: list[str]) -> str:
    """What the figures before a bare one count, as the noun of their ids: the people of the
    first that counts people ("people_remain"), else the nouns of the nearest
    ("houses_damaged": houses; "hygiene_kits_distributed": hygiene_kits), or ""."""
    for indicator_id in earlier_ids:
        first = indicator_id.split("_", 1)[0]
        if first in _POPULATION:
            return first
    if not earlier_ids:
        return ""
    nouns = []
    for word in earlier_ids[-1].split("_"):
        if word in ("share", "change") or is_participle(word) or word.isdigit():
            break
        nouns.append(word)
    return "_".join(nouns[:2])
