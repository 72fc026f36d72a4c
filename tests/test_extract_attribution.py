"""Who a sentence credits, canonicalised, and which figures each credit covers."""

from __future__ import annotations

import json
import shutil
from datetime import date

import pytest

from benchmarks.extraction_quality import FIXTURES, score_fixtures, totals
from indicators.extract import sentences, vocabulary
from indicators.extract.attribution import find_attributions, speaker_for
from indicators.extract.pipeline import extract
from indicators.extract.speaker_names import Speakers, canonical_speaker


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


def credits(text: str) -> list[tuple[str, str]]:
    """(figure as stated, speaker) of each observation extracted from a text."""
    result = extract(text, date(2025, 6, 10), publisher="Wire")
    for row in result.observations:
        assert text[row.quote_start : row.quote_end] == row.quote
    return [(o.value_as_stated, o.attributed_to) for o in result.observations]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a quote holding ", but" before an inverted speaker with a post
        (
            "“Cases are falling, but 1,200 children are still sick,” said Dr Sara Ali, "
            "the head of the clinic.",
            [("1,200", "Sara Ali")],
        ),
        # the speaker after the verb, with an organisation's possessive and a post
        (
            "More than 4,000 people were treated last week, said Amina Hassan, "
            "UNHCR’s public health officer.",
            [("More than 4,000", "Amina Hassan")],
        ),
        # the post first, the name in commas
        (
            "The head of UNHCR in Chad, Amina Hassan, said 4,000 refugees crossed the border.",
            [("4,000", "Amina Hassan")],
        ),
        # an organisation the gazetteer knows is never read as a person's name
        ("Médecins Sans Frontières said 300 patients were admitted.", [("300", "MSF")]),
        # what follows ", adding" is the speaker's; what follows ", and" is not
        (
            "Some 4,000 people fled, said Amina Hassan, adding that 3,000 more arrived.",
            [("Some 4,000", "Amina Hassan"), ("3,000", "Amina Hassan")],
        ),
        (
            "Some 4,000 people fled, said Amina Hassan, and 3,000 more arrived on Tuesday.",
            [("Some 4,000", "Amina Hassan"), ("3,000", "Wire")],
        ),
    ],
)
def test_who_states_a_figure(text, expected):
    assert credits(text) == expected


def test_we_inside_a_quote_is_the_quoted_speaker():
    text = "“We have recorded 300 cases,” said Dr Sara Ali."
    assert credits(text) == [("300", "Sara Ali")]
    # outside a quote, "we" credits no one: the report's own voice
    assert credits("We recorded 300 cases in the camp.") == [("300", "Wire")]


def test_a_quote_over_sentences_is_its_speakers_up_to_its_closing_mark():
    text = (
        "“Some 300 people arrived on Monday. Another 200 came on Tuesday,” said Amina Hassan. "
        "“Most of them, 150, are children.” The camp holds 4,000 people."
    )
    assert credits(text) == [
        ("Some 300", "Amina Hassan"),
        ("200", "Amina Hassan"),
        ("150", "Amina Hassan"),
        ("4,000", "Wire"),
    ]


def test_an_unclosed_quote_mark_credits_no_one_it_cannot_see():
    # no closing mark within reach and no speaker before it: the report's own voice
    assert credits("The agency called it “a disaster. Some 300 people fled.") == [
        ("Some 300", "Wire")
    ]


def test_each_fixture_report_credits_its_figures_to_their_speakers():
    scores = score_fixtures()
    for score in scores:
        assert score.speaker_accuracy >= 0.95, (score.name, score.speaker_errors)
    assert totals(scores).speaker_accuracy >= 0.95


def test_speaker_accuracy_counts_a_figure_credited_to_the_wrong_speaker(tmp_path):
    name = "haiti_wire_story"
    shutil.copy(FIXTURES / f"{name}.txt", tmp_path)
    shutil.copy(FIXTURES / "indicators.csv", tmp_path)
    golden = json.loads((FIXTURES / f"{name}.expected.json").read_text("utf-8"))
    golden["observations"][0]["attributed_to"] = "Someone else"
    (tmp_path / f"{name}.expected.json").write_text(json.dumps(golden), "utf-8")
    [score] = score_fixtures(tmp_path)
    assert score.speakers_checked == score.matched + 1
    assert score.speaker_accuracy < 1.0
    assert "credited to 'IOM'" in score.speaker_errors[0]


@pytest.mark.parametrize("honorific", vocabulary.words("honorifics", "speakers"))
def test_every_honorific_with_its_full_stop_is_left_out_of_the_name(honorific):
    for written in (f"{honorific}.", honorific):
        text = f"Some 300 people fled, said {written} Amina Hassan, the head of the clinic."
        assert credits(text) == [("Some 300", "Amina Hassan")], text
        text = f"According to {written} Amina Hassan, 300 people fled."
        assert credits(text) == [("300", "Amina Hassan")], text


@pytest.mark.parametrize("particle", vocabulary.words("name_particles", "speakers"))
def test_every_name_particle_stays_in_the_name(particle):
    for surname in (f"{particle} Souza", f"{particle}-Souza"):
        for text in (
            f"UNICEF spokesperson Ana {surname} said 300 children were treated.",
            f"Some 300 children were treated, said Ana {surname}, UNICEF's spokesperson.",
        ):
            assert [speaker for _, speaker in credits(text)] == [f"Ana {surname}"], text


def test_every_first_person_pronoun_credits_no_one_by_itself():
    for pronoun in vocabulary.words("first_person_pronouns", "speakers"):
        assert canonical_speaker(pronoun.capitalize(), Speakers()) == ("", "")
        assert canonical_speaker(pronoun, Speakers()) == ("", "")


def test_every_honorific_is_an_abbreviation_the_sentence_splitter_knows():
    for honorific in vocabulary.words("honorifics", "speakers"):
        assert sentences.ABBREVIATION.search(f"said {honorific}."), honorific


_SPEAKING_VERBS = sorted(
    set(vocabulary.words("speech_verbs", "speakers"))
    - set(vocabulary.words("quiet_speech_verbs", "speakers"))
    - {"say", "report", "estimate", "told", "tells"}  # plural or needing an object
    # "puts the damage at US$ 4.6 billion" credits a figure after "at" only
    - set(vocabulary.words("valuation_speech_verbs", "speakers"))
)


@pytest.mark.parametrize("verb", _SPEAKING_VERBS)
@pytest.mark.parametrize("speaker", ["UNICEF", "OCHA", "Amal Nour"])
def test_every_speech_verb_alone_credits_its_subject(verb, speaker):
    # A sentence whose only speech verb is this one is still read for its speaker.
    text = f"{speaker} {verb} that 1,240 children were treated for malnutrition in Kassala."
    extraction = extract(text, date(2025, 7, 20), publisher="Field Desk")
    credited = {o.attributed_to for o in extraction.observations if o.value == 1240}
    assert credited == {speaker}, (verb, credited)
