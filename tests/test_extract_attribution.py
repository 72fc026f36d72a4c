"""Who a sentence credits, canonicalised, and which figures each credit covers."""

from __future__ import annotations

from datetime import date

import pytest

from indicators.extract.attribution import (
    Speakers,
    canonical_speaker,
    find_attributions,
    speaker_for,
)
from indicators.extract.pipeline import extract


@pytest.mark.parametrize(
    "phrase, expected",
    [
        ("the UN", "United Nations"),
        ("the United Nations", "United Nations"),
        (
            "WHO Director-General Tedros Ghebreyesus",
            "WHO Director-General Tedros Adhanom Ghebreyesus",
        ),
        ("the WHO chief", "WHO Director-General Tedros Adhanom Ghebreyesus"),
        ("the UN humanitarian office", "OCHA"),
        ("the World Food Programme", "WFP"),
        ("the International Organization for Migration", "IOM"),
        ("special envoy Steve Witkoff", "Steve Witkoff"),
        ("US State Department spokesperson Tammy Bruce", "Tammy Bruce"),
        ("the Gaza Health Ministry", "Ministry of Health (Gaza)"),
        ("Ukraine's Ministry of Social Policy", "Ministry of Social Policy (Ukraine)"),
        ("The Yemeni Ministry of Public Health", "Ministry of Public Health (Yemen)"),
        ("the health ministry", "Ministry of Health"),
        ("the water authority", "Water authority"),
        ("the Sudan Doctors Network", "Sudan Doctors Network"),
        ("Reuters", "Reuters"),
        ("the Associated Press", "Associated Press"),
    ],
)
def test_speaker_phrase_is_canonicalised(phrase, expected):
    assert canonical_speaker(phrase, Speakers())[0] == expected


def test_who_as_a_relative_pronoun_is_not_the_organisation():
    assert canonical_speaker("officials who visited", Speakers())[0] != "WHO"


def test_pronouns_and_the_agency_refer_back():
    speakers = Speakers()
    speakers.remember("WHO Director-General Tedros Adhanom Ghebreyesus", "person")
    speakers.notice_mentions("WFP convoys have not reached the town.")
    assert canonical_speaker("he", speakers)[0] == "WHO Director-General Tedros Adhanom Ghebreyesus"
    assert canonical_speaker("the agency", speakers)[0] == "WFP"
    speakers.remember("Abeer Etefa", "person")
    assert canonical_speaker("Etefa", speakers)[0] == "Abeer Etefa"


def speakers_of(sentence: str) -> list[str]:
    return [a.speaker for a in find_attributions(sentence, 0, len(sentence), Speakers())]


@pytest.mark.parametrize(
    "sentence, speaker",
    [
        (
            "Between early March and mid-May, no aid entered, according to the United Nations.",
            "United Nations",
        ),
        ("According to OCHA, 300 trucks entered.", "OCHA"),
        ("UNRWA reports that 70 percent of its schools are shelters.", "UNRWA"),
        ("The ministry said 40 people were killed.", "Ministry"),
        (
            "Some 300 people a day are leaving, the regional administration said.",
            "Regional administration",
        ),
        ("“We need more,” said Dr Mamadou Bah, MSF's medical coordinator.", "Mamadou Bah"),
        (
            "Talks resumed on Sunday, two officials briefed on the negotiations said.",
            "Officials briefed on the negotiations",
        ),
        (
            "Five days after the quake, the de facto authorities said 2,200 died.",
            "De facto authorities",
        ),
    ],
)
def test_attribution_phrasings(sentence, speaker):
    assert speakers_of(sentence) == [speaker]


def test_a_passive_report_credits_no_one():
    assert speakers_of("Cholera cases were reported in 11 localities.") == []


def test_figures_from_different_sources_are_never_merged():
    text = "12 trucks were cleared to enter, the UN said, while the army said 7 entered."
    result = extract(text, date(2025, 6, 10), publisher="Wire")
    rows = [(o.value, o.attributed_to) for o in result.observations]
    assert rows == [(12, "United Nations"), (7, "Army")]
    assert result.observations[0].indicator_id == result.observations[1].indicator_id


def test_a_sentence_final_reporter_covers_the_inner_speaker():
    sentence = "Hours before the statement, Israel said it would recall its team, Reuters reported."
    attributions = find_attributions(sentence, 0, len(sentence), Speakers())
    assert speaker_for(sentence.index("recall"), attributions).speaker == "Reuters"


def test_an_aside_about_the_speaker_is_the_reporters_own_voice():
    sentence = "Witkoff, who traveled to Europe on Wednesday, said the talks had failed."
    attributions = find_attributions(sentence, 0, len(sentence), Speakers())
    assert speaker_for(sentence.index("traveled"), attributions) is None
    assert speaker_for(sentence.index("talks"), attributions).speaker == "Witkoff"
