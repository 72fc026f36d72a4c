"""Generated cases for how a report's wording meets a catalogue's: every inflection of a word
(stunting, stunted, stunts) is read as one form, so a clause that inflects an indicator's words
otherwise than its id still matches it, and a clause of other words does not.

Set PROPERTY_EXAMPLES to run more examples (CI runs the default).
"""

from __future__ import annotations

import os
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from indicators.extract.catalogue import Catalogue, Indicator, normalise, spelled_acronyms
from indicators.extract.pipeline import extract

EXAMPLES = int(os.environ.get("PROPERTY_EXAMPLES", "100"))
PROPERTY = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)

# A word as a catalogue's id spells it, and forms a report may use instead. No two families
# mean one thing ("immunised" is read as vaccination), so words of two families never match.
FAMILIES = {
    "stunted": ["stunt", "stunting", "stunts"],
    "vaccinated": ["vaccinate", "vaccination", "vaccinations", "vaccinating"],
    "chlorinated": ["chlorinate", "chlorination", "chlorine"],
    "samples": ["sample", "sampled", "sampling"],
    "tested": ["test", "testing", "tests"],
    "latrines": ["latrine"],
    "boreholes": ["borehole"],
    "repaired": ["repair", "repairing", "repairs"],
    "screened": ["screen", "screening", "screenings"],
    "evacuated": ["evacuate", "evacuation", "evacuating"],
    "distributed": ["distribute", "distribution", "distributing"],
    "measured": ["measure", "measuring", "measurement"],
    "flooded": ["flood", "flooding", "floods"],
    "fenced": ["fence", "fencing", "fences"],
    "relocated": ["relocate", "relocation", "relocating"],
    "inspected": ["inspect", "inspection", "inspections"],
    "enrolled": ["enrol", "enrolment", "enrolling"],
    "infected": ["infect", "infection", "infections"],
}
ID_WORDS = sorted(FAMILIES)


def _case(word: str, style: int) -> str:
    return (word, word.capitalize(), word.upper())[style]


@st.composite
def inflection(draw, id_word: str) -> str:
    """One form of an id word, as a report may write it: inflected, capitalised, possessive."""
    form = draw(st.sampled_from([id_word, *FAMILIES[id_word]]))
    form = _case(form, draw(st.integers(0, 2)))
    return form + draw(st.sampled_from(["", "'s", "’s"]))


@PROPERTY
@given(st.sampled_from(ID_WORDS).flatmap(lambda w: st.tuples(st.just(w), inflection(w))))
def test_every_form_of_a_word_reads_as_the_id_word(case):
    id_word, form = case
    assert normalise(form) == normalise(id_word), (form, id_word)


@st.composite
def indicator_and_clause(draw):
    """A share indicator named by two id words, and a sentence that says both otherwise."""
    first, second = draw(st.lists(st.sampled_from(ID_WORDS), min_size=2, max_size=2, unique=True))
    indicator = Indicator(f"share_{first}_{second}", f"Share {first} {second}", "percent")
    value = draw(st.integers(1, 99))
    words = f"{draw(inflection(first))} {draw(inflection(second))}"
    lead = draw(st.sampled_from(["", "In the camps, ", "According to the survey, "]))
    template = draw(
        st.sampled_from(
            [
                "{lead}{value} percent of the {words} were reported.",
                "{lead}{words}: {value}%.",
                "{lead}the {words} reached {value} percent.",
            ]
        )
    )
    sentence = template.format(lead=lead, value=value, words=words)
    return indicator, sentence[0].upper() + sentence[1:], (first, second)


def _ids(indicator: Indicator, sentence: str) -> list[str]:
    result = extract(sentence, date(2025, 6, 6), "P", catalogue=Catalogue([indicator]))
    return [o.indicator_id for o in result.observations]


@PROPERTY
@given(indicator_and_clause())
def test_inflected_words_of_an_indicator_still_match_it(case):
    indicator, sentence, _ = case
    assert indicator.indicator_id in _ids(indicator, sentence), sentence


@PROPERTY
@given(indicator_and_clause(), st.data())
def test_a_clause_of_other_words_does_not_match(case, data):
    indicator, _, used = case
    others = [w for w in ID_WORDS if w not in used]
    first, second = data.draw(st.lists(st.sampled_from(others), min_size=2, max_size=2))
    sentence = f"{data.draw(st.integers(1, 99))} percent of the {first} {second} were reported."
    assert indicator.indicator_id not in _ids(indicator, sentence), sentence


@PROPERTY
@given(
    st.lists(
        st.sampled_from(["acute", "watery", "diarrhoea", "mid", "upper", "arm", "severe"]),
        min_size=2,
        max_size=4,
        unique=True,
    )
)
def test_an_acronym_stands_for_the_words_whose_initials_spell_it(words):
    acronym = "".join(w[0] for w in words)
    found = spelled_acronyms(
        f"{acronym}_cases_change", f"Change in {' '.join(words)} cases, in percent."
    )
    assert found == {normalise(acronym): frozenset(map(normalise, words))}
    # a word the name itself uses is no acronym, and words that spell another are not it
    assert spelled_acronyms("cases_change", "Change in cases.") == {}
    assert normalise(acronym + "x") not in spelled_acronyms(
        f"{acronym}x_change", f"Change in {' '.join(words)} cases."
    )


@PROPERTY
@given(indicator_and_clause(), st.data())
def test_an_indicator_is_also_found_by_the_words_of_its_name(case, data):
    """An id that abbreviates what its name says ("rainfall_deficit", "Rainfall below
    average"): a clause in the name's words, inflected, matches it; in other words, not."""
    named, sentence, used = case
    others = [w for w in ID_WORDS if w not in used]
    first, second = data.draw(
        st.lists(st.sampled_from(others), min_size=2, max_size=2, unique=True)
    )
    indicator = Indicator(f"share_{first}_{second}", named.name, "percent")
    assert indicator.indicator_id in _ids(indicator, sentence), sentence
    unnamed = Indicator(indicator.indicator_id, f"Share {first} {second}", "percent")
    assert unnamed.indicator_id not in _ids(unnamed, sentence), sentence
