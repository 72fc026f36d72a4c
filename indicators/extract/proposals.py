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
# where the words of a figure's own clause end: a mark (not the comma of "468,000"), a dash,
# or a conjunction that opens the words of another figure ("killed 12 people and injured 19", "12 people or 3 per cent")
_CLAUSE_END = re.compile(
    r"[;:()]|,(?!\d)|\s[—–]\s|\s(?:and|or|but|while)\s+(?=(?:[^\W\d]+\s+){0,3}(?:US)?[$€£]?\d)"
)
# verbs of a fall, no part of what changed ("cut rations by half": rations_change)
_CUT_WORDS = frozenset(vocabulary.words("cut_verbs"))
_AIM_VERBS = frozenset(vocabulary.words("aim_verbs"))
_AIM_FAILURES = frozenset(vocabulary.words("aim_failures"))
_HEDGE_WORDS = frozenset(word for hedge in vocabulary.words("hedges") for word in hedge.split())
CHANGE_WORDS = frozenset(vocabulary.words("change_words")) | {"has", "have", "had"}
_MONEY_ROLES = vocabulary.words("money_roles")
# the span of time a figure took, right after it: "in two days", "within 24 hours"
_SPAN_AFTER = re.compile(
    r"\s*(?:in|within|over|during)\s+(?:(?:just|only|the\s+(?:past|last|first))\s+)?"
    r"(?:\d[\d.,]*|[a-z-]+)\s+(?:hours?|days?|weeks?|months?|years?)\b"
)
# an aside with a figure restates the figure before it ("US$ 6.1 million (14 per cent) had
# been received", "12,000 people (2,400 households) were displaced"): its words go on after it
_ASIDE = re.compile(r"\s*\([^()]{0,60}\)")


def propose(
    kind: str,
    unit: str,
    words_after: str,
    rate: str = "",
    words_before: str = "",
    long=False,
    change=False,
    following: str = "",
    lead: str = "",
) -> tuple[str, str]:
    """A new snake_case id and a readable name from the words that say what is counted
    (`long`: up to three words before it, for the subject of a change; `change`: a share
    that is the change of its subject, "fell by three quarters"; `following`: the words past
    the next figure; `lead`: the sentence before the figure, for the verb of a list)."""
    # the words of the figure's own clause, without names of places, months or people, and
    # those the clause goes on with past the next figure, where its predicate may be
    span = _SPAN_AFTER.match(words_after)
    if span is not None:  # "walked 40 km in two days to reach the camp": when, not what
        words_after = words_after[span.end() :]
    own_words = _CLAUSE_END.split(words_after, maxsplit=1)[0]
    tokens = _tokens(own_words)
    extended, joined = _extended(words_after, following)
    going_on = _tokens(extended)
    if not any(t not in STOPWORDS for t in tokens) and _OF_A_WHOLE.search(own_words):
        tokens = going_on  # "six in ten of the 118,500 displaced people": the whole's words
    words_after = own_words
    if kind == numbers.MONEY:
        role = _money_role(tokens or going_on, words_before)
        if role:  # "seeking US$ 42.5 million to assist ...": funding_required_usd
            currency = unit.split()[0]
            return f"funding_{role}_{currency}", f"Funding {role} ({unit})"
    if (
        kind == numbers.MONEY
        and tokens[:1]
        and tokens[0] in _WHERE
        and _PLACE_AFTER.match(words_after)
    ):
        tokens = []  # "costs SDG 612,000 in Kassala": where, not what; what comes before
    picked: list[str] = []
    later = ""  # the predicate after a phrase of where or of what: "people in X were affected"
    verb_first = kind != numbers.MONEY and _verb_before(words_before)
    for index, token in enumerate(tokens):
        if rate and token in _RATE_TOKENS:
            continue  # the rate goes at the end: trucks_per_day
        if picked and token in _PREPOSITIONS and token not in STOPWORDS:
            later = _predicate_later(going_on, index)
            break  # "killed near Mansila": where, not what
        if token in STOPWORDS or token in PROPOSAL_STOP or len(token) < 3:
            if picked and token in _CONJUNCTIONS and _opens_a_predicate(tokens, index, picked):
                break  # "killed 12 people and injured 19": the next verb is another figure's
            if picked and token in _CONJUNCTIONS and verb_first and not is_participle(picked[-1]):
                break  # "killed 38 soldiers and volunteer fighters": soldiers_killed
            if picked and token in _AUXILIARIES:
                continue
            state = _state_after(tokens, index) if picked else []
            if state:
                picked += state  # "people in need": their state, not where they are
                break
            if picked and token in _PREPOSITIONS:
                later = _predicate_later(going_on, index)
                break
            continue
        picked.append(token.replace("’", "").replace("'", ""))
        if len(picked) == 3:
            break
    else:  # "12,000 people (2,400 households) were displaced": the predicate past the aside
        later = _predicate_later(going_on, len(tokens) - 1) if picked else ""
    if picked and len(picked) < 3 and kind != numbers.MONEY:
        # (money is named by what it is for: "released EUR 2.5m in emergency aid")
        verb = verb_first  # "Clashes killed 12 people": people_killed
        if not verb and not any(is_participle(word) for word in picked):
            # "distributed 6,200 shelter kits and 4,900 hygiene kits": the verb of the list;
            # "12,000 households in Nampula were affected", "240 schools and 36 clinics were
            # damaged": the predicate after a phrase of where, or after the next figure
            # (a list's item opens with its noun: "640 of them beyond repair" is no item)
            listed = tokens[:1] == picked[:1] and _verb_before(lead, listed=True)
            if _OF_A_WHOLE.search(words_before):  # "40 percent of the 2,300 schools remain
                later = ""  # closed": the whole is not what the predicate says of the share
            verb = listed or later or _joined_predicate(joined)
        if verb and verb not in picked:
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
            and w.lower() not in CALENDAR_WORDS  # "As of 15 January, US$ 6.1 million"
            and not (change and w.lower() in _CUT_WORDS)  # "cut rations by half": rations
        ]
        head = _subject_head(lead or words_before) if kind == numbers.SHARE and not change else []
        picked = head or (content or before)[-3 if long else -2 :] or ["figure"]
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
    + ("under", "aged")  # "children under five", "people aged one year and older": their age
    + ("near", "outside", "inside", "around", "along", "throughout", "amid", "via")
)
# after an amount, these say where it holds ("for", "to" say what it is for: its name)
_WHERE = frozenset(("in", "at", "across", "within", "inside", "near"))
# ... before a name ("in Kassala", "across the Darfur states"), not "in emergency aid"
_PLACE_AFTER = re.compile(r"\s*(?:in|at|across|within|inside|near)\s+(?:the\s+)?[A-Z]")
_NOT_IN_ID = re.compile(r"[^a-z0-9_]")


def _verb_before(words_before: str, listed: bool = False) -> str:
    """The past verb just before a figure and its hedge ("killed at least", "have
    displaced"), lower-cased, or "targeted" after an aim ("plans to reach"), or ""
    (`listed`: the verb before the items of a list the figure ends, or "")."""
    if listed:  # "distributed 6,200 shelter kits and 4,900 ...": the verb before the list
        items = _LISTED_BEFORE.search(words_before)
        if items is None:
            return ""
        words_before = words_before[: items.start()]
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
_LIST_ITEM = r"\d[\d.,]*(?:\s+(?:million|billion|thousand))?(?:\s+[a-z][\w’'-]*){1,3}"
# the items of a list before a figure, each with its count and noun ("6,200 shelter kits,
# 1,300 blankets and"): the verb before the first is every item's
_LISTED_BEFORE = re.compile(rf"(?:\b{_LIST_ITEM}\s*(?:,\s*(?:and\s+|or\s+)?|\s(?:and|or)\s+))+$")
_AUXILIARY_OPENING = frozenset(
    ("were", "was", "are", "is", "have", "has", "had", "remain", "remained", "remains")
)
_OF_A_WHOLE = re.compile(r"\bof(?:\s+(?:the|its|their|all))?\s*$")
_PERFECT = frozenset(("have", "has", "had"))
# "Children under five account for 27 per cent of ...": the part before the verb, its hedge
_PART_VERBS = vocabulary.words("part_of_whole_verbs")
_PART_OF_WHOLE_VERBS = vocabulary.alternatives(_PART_VERBS)
# (the first words of those verbs, for the cheap test before the search)
_PART_HINTS = tuple(sorted({verb.split()[0] for verb in _PART_VERBS}))
_HEDGE_PATTERN = vocabulary.alternatives(vocabulary.words("hedges"))
_PART_OF_WHOLE = re.compile(
    rf"(?P<part>[^,;:()]*?)\s+(?:{_PART_OF_WHOLE_VERBS})\s+(?:(?:{_HEDGE_PATTERN})\s+)*$",
    re.IGNORECASE,
)
_RELATIVES = frozenset(("that", "which", "who", "whose", "where", "while", "when"))


def _predicate_later(tokens: list[str], index: int) -> str:
    """The participle of a figure's predicate after a phrase of where or of what, which opens
    at tokens[index] ("people in 468,000 families have been affected", "households in
    Nampula were affected"): "affected", or "" (not past a relative: "in camps that were")."""
    for at in range(index + 1, min(len(tokens), index + 8)):
        token = tokens[at]
        if token in _RELATIVES:
            return ""
        if token in _AUXILIARY_OPENING:
            passive = token not in _PERFECT or at + 1 < len(tokens) and tokens[at + 1] == "been"
            at += 1 + (passive and token in _PERFECT)
            word = tokens[at] if at < len(tokens) else ""
            if not passive and at + 1 < len(tokens) and tokens[at + 1] not in _PREPOSITIONS:
                return ""  # "had received a first dose": what they received says what counts
            return word if is_participle(word) and word not in PROPOSAL_STOP else ""
    return ""


# the next figure of a pair and the predicate both share ("and 36 health facilities were
# damaged"): its hedge, count, noun, auxiliary and participle
_JOINED_PREDICATE = re.compile(
    r"(?P<hedge>(?:[a-z]+\s+){0,2})\d[\d.,]*(?:\s+(?:million|billion|thousand))?"
    r"(?P<noun>(?:\s+[a-z][\w-]*){1,3}?)\s+(?:were|are|was|is|have|has|had)\s+(?:been\s+)?"
    r"(?P<word>[a-z]+)\b"
)


def _joined_predicate(joined: str) -> str:
    """The participle a figure shares with the one "and" joins it to ("Some 240 schools and
    36 health facilities were damaged": "damaged"), or ""."""
    found = _JOINED_PREDICATE.match(joined)
    if found is None or not is_participle(word := found.group("word")):
        return ""
    hedge, noun = found.group("hedge").split(), found.group("noun").split()
    if any(w not in _HEDGE_WORDS for w in hedge) or any(w in _RELATIVES for w in noun):
        return ""  # "and injured 19 others who were taken": a verb of its own
    return "" if word in PROPOSAL_STOP else word


def _money_role(tokens: list[str], words_before: str) -> str:
    """What an amount is of funding ("required", "received", ...) by the verb of money before
    it ("seeking US$ 42.5 million") or its predicate after it ("had been received"), when
    its own words name nothing but an aim whose object is the next figure ("to assist
    520,000 people"), or ""."""
    if tokens and tokens[0] in _AUXILIARIES:  # "US$ 6.1 million had been received"
        after = [t for t in tokens[:4] if t not in _AUXILIARIES]
        return _MONEY_ROLES.get(after[0], "") if after else ""
    if tokens and not (len(tokens) == 2 and tokens[0] == "to"):
        return ""  # "for emergency aid", "to keep health centres open": its own words name it
    words = [w.lower() for w in WORD.findall(words_before[-40:])]
    while words and words[-1] in _HEDGE_WORDS:
        words.pop()
    for size in (2, 1):
        role = _MONEY_ROLES.get(" ".join(words[-size:]), "") if len(words) >= size else ""
        if role:
            return role
    return ""


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


# a share's subject, then the verb it stands at the share by: "The cure rate was", "Severe
# acute malnutrition (SAM) stood at", after any lead-in ("In Adré, GAM was")
_STANDS_AT = re.compile(
    r"(?:^|[,;:]\s*)(?P<subject>[^,;:]*?)\s+(?:"
    + vocabulary.alternatives(vocabulary.words("copula_verbs"))
    + r")\s+(?:(?:about|some|nearly|almost|around|only|just|over)\s+)?\Z",
    re.IGNORECASE,
)


# nouns the matcher reads past ("rate", "level") that a subject's head keeps: "The cure rate"
_HEAD_NOUNS = frozenset(("rate", "level", "status", "average", "total", "number"))


def _subject_head(words_before: str) -> list[str]:
    """The head of the subject a share stands at ("Global acute malnutrition (GAM) among
    children aged 6-59 months reached": global, acute, malnutrition): its words before its
    first preposition or aside, at most three, or [] where no verb of standing precedes."""
    found = _STANDS_AT.search(words_before)
    if found is None:
        return []
    head = []
    for word in re.split(r"[\s(]+", found.group("subject")):
        low = word.lower().strip("),.’'")
        if not low or word.startswith("(") or low in _PREPOSITIONS or low in _RELATIVES:
            break
        if (
            (low in STOPWORDS and low not in _HEAD_NOUNS)
            or low in PROPOSAL_STOP
            or not low.isalpha()
        ):
            continue
        head.append(low)
    return head[-3:] if len(head) <= 3 else head[:3]


def _tokens(words: str) -> list[str]:
    """The words of `words` in lower case, less the names of months and days."""
    return [
        low
        for w in WORD.findall(words.replace("-", " "))
        if (low := w.lower()) not in CALENDAR_WORDS
    ]


def _extended(words_after: str, following: str) -> tuple[str, str]:
    """A figure's own words and, where its predicate is past the next figure, the words up to
    it ("people in 468,000 families have been affected", "12,000 people (2,400 households)
    were displaced", "households) were displaced"), less the aside; and after "and", the next
    figure's words ("240 schools and 36 health facilities were damaged"): (extended, joined)."""
    own = words_after.rstrip()
    if following and own:
        last = own.rsplit(None, 1)[-1].lower()
        if "(" not in own and (own.endswith(")") or following.lstrip().startswith(")")):
            words_after = own.removesuffix(")") + " " + following.lstrip().removeprefix(")")
        elif own.endswith("(") or last in _CONJUNCTIONS or last in _PREPOSITIONS:
            words_after += following
        elif all(w.lower() in STOPWORDS for w in WORD.findall(own)):
            words_after += following  # "six in ten of the 118,500 displaced people"
    aside = _ASIDE.search(words_after, 0, 60)
    if aside is not None and any(c.isdigit() for c in aside.group()):
        words_after = words_after[: aside.start()] + words_after[aside.end() :]
    clause_end = _CLAUSE_END.search(words_after)
    if clause_end is None:
        return words_after, ""
    joined = words_after[clause_end.end() :] if clause_end.group().strip() in _CONJUNCTIONS else ""
    return words_after[: clause_end.start()], joined


def restated_figure(text: str, mention, previous: list):
    """The figure a share in parentheses right after it restates ("US$ 6.1 million (14 per
    cent)", "18,000 children (12 per cent) were vaccinated"), or None."""
    opening = text.rfind("(", max(0, mention.start - 3), mention.start)
    if opening < 0 or text[opening + 1 : mention.start].strip() or not previous:
        return None
    if not text.startswith(")", mention.end):  # "(71 percent of the 6,800 planned)": its own
        return None
    figure = previous[-1]
    if figure.mention is None:
        return None
    between = text[figure.mention.end : opening]
    return figure if len(between) < 30 and not any(c in between for c in ",;.") else None


def share_of(observation) -> tuple[str, str]:
    """The id and name of the share of what a figure counts ("funding_received_usd":
    share_funding_received)."""
    base = _counted(observation).removeprefix("share_")
    return f"share_{base}", "Share: " + base.replace("_", " ")


def _counted(observation) -> str:
    """What a figure's id counts, less the currency of money ("funding_received_usd":
    funding_received)."""
    base = observation.indicator_id
    return base.removesuffix("_" + observation.unit) if observation.unit else base


_OF_THE_TARGET = re.compile(
    r"\s*of\s+(?:the|its|their|this|that)\s+(?:[a-z]+\s+)?(?:"
    + vocabulary.alternatives(vocabulary.words("target_nouns"))
    + r")\b(?!\s+(?:of|for)\b)"
)


def share_of_target(text: str, end: int, previous: list):
    """The figure a share "of the target" after it is the share of its target, as its
    id and name ("reached 465,000 people, 91 per cent of the target":
    share_people_reached_of_target), or None."""
    if not previous or _OF_THE_TARGET.match(text, end) is None:
        return None
    base = _counted(previous[-1].observation).removeprefix("share_")
    return f"share_{base}_of_target", "Share of target: " + base.replace("_", " ")


def change_of(observation) -> tuple[str, str]:
    """The id and name of the change, in percent, of what a figure counts ("suspected_cases":
    suspected_cases_change), for "..., a 14 per cent decrease" after it."""
    base = _counted(observation)
    return f"{base}_change", "Change: " + base.replace("_", " ") + " (percent)"


def part_before(before: str) -> str | None:
    """The part a share after it is of a whole ("Children under five account for"), or None."""
    if not any(hint in before for hint in _PART_HINTS):
        return None
    found = _PART_OF_WHOLE.search(before)
    return found.group("part") if found is not None else None


def part_of_whole(part: str, whole_id: str) -> tuple[str, str]:
    """A share of a whole that a part makes up ("Children under five account for 27 per cent
    of suspected cases"): the whole's share id (`whole_id`, share_suspected_cases) with up to
    two content words of the part before its first preposition (share_suspected_cases_children)."""
    words: list[str] = []
    for w in WORD.findall(part):
        low = w.lower()
        if words and low in _PREPOSITIONS:
            break
        if low not in STOPWORDS and low not in PROPOSAL_STOP and len(low) > 2:
            words.append(low)
    indicator_id = "_".join([whole_id, *words[:2]])
    return indicator_id, "Share: " + indicator_id.removeprefix("share_").replace("_", " ")
