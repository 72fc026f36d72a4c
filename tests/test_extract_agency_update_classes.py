"""Generated cases for classes of phrasing that agency updates use (a UNICEF situation report,
an OCHA flash update, an MSF press release, an IOM Missing Migrants update, a Famine Review
Committee alert, an ACAPS briefing note).

Each class is tested over many numbers, words and orders, not one sentence: a participle after
a possessive is an adjective ("Of Nasir's estimated 245,000 people"), not a speech verb; those
a survey asks ("Households reported that ...") are no speaker; "X puts the damage at US$ 4.6
billion" credits X, while "the war puts children at risk" credits no one.

Set PROPERTY_EXAMPLES to run more examples (CI runs the default).
"""

from __future__ import annotations

import os
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from indicators.extract import vocabulary
from indicators.extract.catalogue import Catalogue
from indicators.extract.pipeline import extract
from tests.conftest import REPO_ROOT

EXAMPLES = int(os.environ.get("PROPERTY_EXAMPLES", "100"))
PROPERTY = settings(
    max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
CATALOGUE = Catalogue.from_csv(
    REPO_ROOT / "data" / "indicators.csv",
    REPO_ROOT / "tests" / "fixtures" / "reports" / "indicators.csv",
)
PUBLISHED = date(2025, 6, 30)
PLACES = st.sampled_from(["Nasir", "Ulang", "Maban", "Akobo", "Renk"])
PARTICIPLES = st.sampled_from(vocabulary.words("participle_speech_verbs", "speakers"))


@PROPERTY
@given(PLACES, PARTICIPLES, st.integers(10_000, 900_000), st.integers(2, 99), st.booleans())
def test_a_participle_after_a_possessive_is_no_speech_verb(place, participle, whole, part, curly):
    # "Of Nasir's estimated 245,000 people, 32,000 are ...": the county's, said by no one
    mark = "’" if curly else "'"
    text = (
        f"Upper Nile update\n\nOf {place}{mark}s {participle} {whole:,} people, "
        f"{whole * part // 100:,} are displaced.\n"
    )
    figures = extract(text, PUBLISHED, "IPC", catalogue=CATALOGUE).observations
    assert figures and {f.attributed_to for f in figures} == {"IPC"}


@PROPERTY
@given(
    st.sampled_from(vocabulary.words("respondent_nouns", "speakers")),
    st.sampled_from(["reported", "said", "told assessment teams"]),
    st.sampled_from(["the", "most", ""]),
    st.integers(2, 99),
)
def test_those_a_survey_asks_are_no_speaker(respondents, verb, determiner, share):
    # "Households reported that the price ...": the report's figure of those asked
    subject = f"{determiner} {respondents}".strip()
    subject = subject[0].upper() + subject[1:]
    text = (
        f"Nutrition alert\n\n{subject} {verb} that {share} percent of children "
        f"were acutely malnourished.\n"
    )
    (figure,) = extract(text, PUBLISHED, "IPC", catalogue=CATALOGUE).observations
    assert (figure.value, figure.attributed_to) == (share, "IPC")


@PROPERTY
@given(
    st.sampled_from(["The World Bank", "UNICEF", "The Ministry of Health", "OCHA"]),
    st.sampled_from(vocabulary.words("valuation_speech_verbs", "speakers")),
    st.sampled_from(["the damage to housing", "the number of people displaced", "the toll"]),
    st.sampled_from(["US$ {n} million", "{n}", "about {n}", "at least {n}"]),
    st.integers(2, 900),
)
def test_a_figure_valued_at_is_its_speakers(speaker, verb, what, form, number):
    # "The World Bank puts the damage to housing at US$ 4.6 billion": the bank's estimate
    stated = form.format(n=number)
    text = f"Lebanon note\n\n{speaker} {verb} {what} at {stated}.\n"
    figures = extract(text, PUBLISHED, "ACAPS", catalogue=CATALOGUE).observations
    expected = speaker.removeprefix("The ")
    assert [f.value for f in figures][:1] == [number * (1_000_000 if "million" in form else 1)]
    assert figures[0].attributed_to == expected


@PROPERTY
@given(
    st.sampled_from(vocabulary.words("valuation_speech_verbs", "speakers")),
    st.sampled_from(["children at risk", "pressure on health services", "schools out of use"]),
    st.integers(2, 900_000),
)
def test_a_valuation_verb_with_nothing_valued_credits_no_one(verb, what, count):
    # "The war puts children at risk": no figure after "at", so no one is credited
    text = f"Sudan update\n\nThe war {verb} {what}, and {count:,} people were displaced.\n"
    (figure,) = extract(text, PUBLISHED, "OCHA", catalogue=CATALOGUE).observations
    assert (figure.value, figure.attributed_to) == (count, "OCHA")
