"""The extractor's vocabulary files, and the fast-path hints derived from them.

Every hint list is checked against the very list its pattern is built from: each word or
phrase of the vocabulary, put in a sentence, must both match the pattern and pass the hint, so
a word added to a file is covered here without a new test. Phrases that are regular
expressions are sampled with hypothesis (set PROPERTY_EXAMPLES to run more examples).
"""

from __future__ import annotations

import json
import os
import re
import string
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from indicators.extract import (
    attribution,
    date_atoms,
    date_phrases,
    dates,
    events,
    figure_statuses,
    figure_units,
    figures,
    hints,
    number_anchors,
    pipeline,
    sentence_reading,
    sentences,
    speaker_names,
    speech_verbs,
    vocabulary,
)
from indicators.extract.pipeline import extract

EXAMPLES = int(os.environ.get("PROPERTY_EXAMPLES", "100"))
PROPERTY = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
FILES = sorted(vocabulary.FOLDER.glob("*.json"))
PUBLISHED = date(2025, 7, 20)


def _no_duplicate_keys(pairs: list[tuple[str, object]]) -> dict:
    keys = [key for key, _ in pairs]
    repeated = sorted({key for key in keys if keys.count(key) > 1})
    assert not repeated, f"keys written twice: {repeated}"
    return dict(pairs)


def _lists_in(value, where: str):
    """Every list inside a JSON value, with where it is."""
    if isinstance(value, list):
        yield where, value
        for index, item in enumerate(value):
            yield from _lists_in(item, f"{where}[{index}]")
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _lists_in(item, f"{where}.{key}")


# ------------------------------------------------------------------ the files


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.name)
def test_vocabulary_file_is_well_formed(path):
    document = json.loads(path.read_text("utf-8"), object_pairs_hook=_no_duplicate_keys)
    assert isinstance(document.get("_about"), str) and document["_about"].strip(), path.name
    for name, entry in document.items():
        if isinstance(entry, dict) and "words" in entry:
            assert set(entry) == {"_about", "words"}, f"{path.name}: {name}"
            assert isinstance(entry["_about"], str) and entry["_about"].strip(), name
            assert isinstance(entry["words"], list | dict) and entry["words"], name
    for where, items in _lists_in(document, path.stem):
        assert all(isinstance(item, str) and item for item in items), f"{where}: not strings"
        repeated = sorted({item for item in items if items.count(item) > 1})
        assert not repeated, f"{where}: written twice: {repeated}"


def test_the_duplicate_check_sees_a_key_written_twice():
    with pytest.raises(AssertionError, match="written twice"):
        json.loads('{"a": 1, "a": 2}', object_pairs_hook=_no_duplicate_keys)


def test_every_vocabulary_list_is_read_by_the_extractor():
    """A list no module loads is vocabulary nobody maintains: each is named in the code."""
    source = "".join(path.read_text("utf-8") for path in vocabulary.FOLDER.parent.glob("*.py"))
    for path in FILES:
        for name, entry in json.loads(path.read_text("utf-8")).items():
            if isinstance(entry, dict) and "words" in entry:
                assert f'"{name}"' in source, f"{path.name}: {name} is read nowhere"


def test_a_missing_list_is_named_with_its_file():
    with pytest.raises(KeyError, match=r"vocabulary/speakers\.json has no word list 'spoken'"):
        vocabulary.words("spoken", "speakers")


def test_a_list_read_is_a_copy():
    vocabulary.words("speech_verbs", "speakers").append("mumbled")
    assert "mumbled" not in vocabulary.words("speech_verbs", "speakers")


def test_the_gazetteer_names_its_kind_and_compiles():
    for name, entry in vocabulary.words("gazetteer", "speakers").items():
        assert entry["kind"] in (speaker_names.PERSON, speaker_names.ORG, speaker_names.NEWS), name
        assert entry["patterns"], name
        for pattern in entry["patterns"]:
            re.compile(pattern)


@pytest.mark.parametrize(
    ("part", "whole", "file"),
    [
        ("quiet_speech_verbs", "speech_verbs", "speakers"),
        ("participle_speech_verbs", "speech_verbs", "speakers"),
        ("capitalised_anchor_words", "anchor_words", "dates"),
    ],
)
def test_a_sub_list_holds_only_words_of_its_list(part, whole, file):
    assert set(vocabulary.words(part, file)) <= set(vocabulary.words(whole, file))


def test_fuzzy_leads_are_spelt_as_the_reader_writes_them():
    for lead in vocabulary.words("fuzzy_leads", "dates"):
        assert date_atoms._fuzzy_lead(lead) == lead


_WITH_ADDED_WORDS = """
import json, sys
from datetime import date
from indicators.extract import vocabulary
vocabulary.FOLDER = __import__("pathlib").Path(sys.argv[1])
from indicators.extract.pipeline import extract
text = (
    "On 3 June the army imposed a cordon around El Fasher. UNICEF remarked that the clinics "
    "were closed. It said 12 clinics reopened in El Fasher."
)
result = extract(text, date(2025, 7, 20), "Desk")
print(json.dumps({
    "events": [[e.kind, e.start] for e in result.events],
    "speakers": [o.attributed_to for o in result.observations],
}))
"""


def test_a_word_added_to_a_file_reaches_its_pattern_and_its_hint(tmp_path):
    """A phrase added to events.json and a verb added to speakers.json, nothing else: the
    event is found and the verb credits its speaker, since each hint is derived."""
    for path in FILES:
        (tmp_path / path.name).write_text(path.read_text("utf-8"), "utf-8")
    document = json.loads((tmp_path / "events.json").read_text("utf-8"))
    document["event_phrases"]["words"]["siege"].append(r"imposed\s+a\s+cordon\b")
    (tmp_path / "events.json").write_text(json.dumps(document), "utf-8")
    document = json.loads((tmp_path / "speakers.json").read_text("utf-8"))
    document["speech_verbs"]["words"].append("remarked")
    (tmp_path / "speakers.json").write_text(json.dumps(document), "utf-8")
    assert _read_with(tmp_path) == {"events": [["siege", "2025-06-03"]], "speakers": ["UNICEF"]}
    # and without the added words, neither is read
    assert _read_with(vocabulary.FOLDER) == {"events": [], "speakers": ["Desk"]}


def _read_with(folder: Path) -> dict:
    """What a fresh process extracts with the vocabulary of `folder` (read at import)."""
    run = subprocess.run(
        [sys.executable, "-c", _WITH_ADDED_WORDS, str(folder)],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).parent.parent,
    )
    return json.loads(run.stdout)


# ------------------------------------------------------------------ prefix hints


def test_prefix_hints_spell_out_the_openings_of_a_pattern():
    assert hints.prefix_hints(r"\b(?:truce|besieged)\b") == ("besieged", "truce")
    assert hints.prefix_hints(r"\bno\s+(?:aid|fuel)\s+\w+") == ("no aid", "no fuel")
    # a shared opening of five letters or more is searched once
    assert hints.prefix_hints(r"negotiat(?:ions|ors)|talks") == ("negotiat", "talks")
    # an optional word is spelt with and without it; a hint holding another is dropped
    assert hints.prefix_hints(r"(?:far\s+)?below") == ("below",)
    assert hints.prefix_hints(re.compile("Ceasefire", re.I)) == ("ceasefire",)


def test_prefix_hints_refuse_a_pattern_with_no_literal_opening():
    with pytest.raises(ValueError, match="no literal text"):
        hints.prefix_hints(r"talks|\d+ days")


def test_word_starts_name_the_words_a_pattern_opens_with_and_what_follows():
    assert hints.word_starts(r"(?:ever\s+)?since\s+\d") == {hints.SPACE: {"ever", "since"}}
    assert hints.word_starts(r"(?:[Ee]arly|[Mm]id)[\s-]+\d") == {
        hints.SPACE_OR_DASH: {"early", "mid"}
    }
    assert hints.word_starts(r"\d{4}|(?:jan(?:uary)?|feb)\b|end(?=-)") == {
        hints.DIGIT: {""},
        hints.ANYTHING: {"jan", "feb"},
        hints.DASH: {"end"},
    }


def test_word_starts_refuse_a_pattern_that_may_open_with_any_word():
    with pytest.raises(ValueError, match="no word or digit"):
        hints.word_starts(r"since|\w+\s+ago")


# What a phrase pattern may be sampled as: lower-case words, one space between them.
_LETTERS = string.ascii_lowercase + " -'’"


def _phrase_examples(phrases: list[str]):
    """A phrase of the list and a text it matches, with single spaces as reports write."""

    @st.composite
    def example(draw):
        phrase = draw(st.sampled_from(phrases))
        text = draw(st.from_regex(phrase, fullmatch=True, alphabet=_LETTERS))
        text = " ".join(text.split())
        assume(text and re.fullmatch(phrase, text, re.IGNORECASE))
        return phrase, text

    return example()


def _passes(hint_list: tuple[str, ...], sentence: str) -> bool:
    lower = sentence.lower()
    return any(hint in lower for hint in hint_list)


_EVENT_PHRASES = [
    (kind, phrase) for kind, phrases in events.EVENT_PHRASES.items() for phrase in phrases
]


@PROPERTY
@given(st.sampled_from(_EVENT_PHRASES).flatmap(lambda pair: _phrase_examples([pair[1]])))
def test_every_event_phrase_matches_its_pattern_and_passes_the_hint(example):
    _, text = example
    sentence = f"Officials said on Monday that {text} in the north."
    assert events.EVENT_WORDS.ignoring_case.search(sentence), sentence
    assert _passes(pipeline.EVENT_HINTS, sentence), sentence
    assert pipeline.EVENT_HINTS is events.EVENT_HINTS


def test_every_event_kind_has_a_phrase_its_pattern_finds():
    for kind, pattern in events.EVENT_KEYWORDS:
        assert events.EVENT_PHRASES[kind], kind
        assert pattern.pattern.startswith(r"\b(?:")


@pytest.mark.parametrize("unit", vocabulary.words("duration_units", "events"))
def test_every_event_duration_matches_and_passes_the_hint(unit):
    for count in ["40", *vocabulary.words("duration_counts", "events")]:
        for what, kind in events.EVENT_WORD_KIND.items():
            sentence = f"After {count} {unit} of {what}, families left."
            match = events.DURATION_OF_EVENT.ignoring_case.search(sentence)
            assert match is not None and match.group("what") == what, sentence
            assert events.EVENT_WORD_KIND[match.group("what").lower()] == kind
            assert _passes(events.EVENT_HINTS, sentence), sentence


@PROPERTY
@given(_phrase_examples(vocabulary.words("evaluative_phrases")))
def test_every_status_phrase_matches_its_pattern_and_passes_the_hint(example):
    _, text = example
    sentence = f"Water supply in the camps was {text} last week."
    assert figure_statuses.EVALUATIVE.ignoring_case.search(sentence), sentence
    assert _passes(pipeline.EVALUATIVE_HINTS, sentence), sentence


@pytest.mark.parametrize("unit", vocabulary.words("duration_units", "events"))
def test_an_event_duration_in_a_report_dates_the_event_back(unit):
    result = extract(f"After 40 {unit} of siege, families left El Fasher.", PUBLISHED, "Desk")
    [event] = result.events
    assert (event.kind, event.start_as_stated) == ("siege", f"40 {unit} of siege")
    assert event.start < PUBLISHED.isoformat()


@pytest.mark.parametrize(
    ("words", "per"),
    [(adverb, per) for adverb, per in figure_units.ADVERB_UNIT.items()]
    + [(f"a {per}", per) for per in figure_units.ADVERB_UNIT.values()],
)
def test_every_rate_word_makes_a_figure_a_rate(words, per):
    sentence = f"Aid groups deliver 300 food parcels {words} in Gaza."
    assert any(hint in sentence for hint in figure_units._RATE_HINTS)
    result = extract(sentence, PUBLISHED, "Desk")
    assert [o.unit for o in result.observations] == [f"count per {per}"], words


@PROPERTY
@given(st.from_regex(figure_statuses.QUALITATIVE, alphabet=_LETTERS + "MS"))
def test_every_vague_amount_matches_and_passes_the_hint(text):
    sentence = " ".join(text.split())
    assume(figure_statuses.QUALITATIVE.search(sentence))
    assert _passes(pipeline.QUALITATIVE_HINTS, sentence), sentence


def _opens_with_a_start(starts: dict[str, frozenset[str]], text: str) -> bool:
    lower = text.lower()
    if lower[:1].isdigit():
        return hints.DIGIT in starts
    return any(
        lower.startswith(word) and re.match(follow, lower[len(word) :])
        for follow, words in starts.items()
        if follow != hints.DIGIT
        for word in words
    )


@PROPERTY
@given(st.data())
def test_every_match_opens_with_one_of_the_word_starts(data):
    for pattern in (events.EVENT_WORDS.lower, figure_statuses.EVALUATIVE.lower, dates.FUTURE_WORDS):
        text = data.draw(st.from_regex(pattern, fullmatch=True, alphabet=_LETTERS + "0123456789"))
        text = text.strip()
        assume(text and pattern.match(text))
        assert _opens_with_a_start(hints.word_starts(pattern), text), (pattern.pattern, text)


REPORTS = sorted((Path(__file__).parent / "fixtures" / "reports").glob("*.txt"))


@pytest.mark.parametrize("path", REPORTS, ids=lambda path: path.name)
def test_every_date_phrase_of_a_report_opens_where_a_date_may_start(path):
    """The date reader tries the phrase pattern only at word starts its starters allow; a
    plain scan of the whole text with the pattern finds no phrase opening elsewhere."""
    text = path.read_text("utf-8")
    opened = 0
    for match in date_phrases.DATE_PHRASE.finditer(text):
        word_start = date_phrases._DATE_STARTS.match(text, match.start())
        if word_start is None:
            continue  # not a word start ("’s"): the reader never tries it
        opened += 1
        assert word_start.group("starter") is not None, match.group()
    assert opened, "a report with dates is needed"


@PROPERTY
@given(
    st.from_regex(
        sentences.BOILERPLATE_ANYWHERE, fullmatch=True, alphabet=_LETTERS + "0123456789@./:+©("
    )
)
def test_every_boilerplate_phrase_passes_the_hint(text):
    sentence = "The update " + " ".join(text.split()) + " 12"
    assume(sentences.BOILERPLATE_ANYWHERE.search(sentence))
    assert _passes(sentences.BOILERPLATE_HINTS, sentence), sentence


@PROPERTY
@given(st.from_regex(figures._BASELINE_BEFORE, fullmatch=True, alphabet=_LETTERS))
def test_every_baseline_lead_passes_the_hint(text):
    window = "rose to 1.1 million, " + " ".join(text.split()) + " "
    assume(figures._BASELINE_BEFORE.search(window))
    assert _passes(figures._BASELINE_HINTS, window), window


@pytest.mark.parametrize("word", sorted(number_anchors.RARE_ANCHOR_WORDS))
def test_every_rare_number_word_is_found_by_its_ending(word):
    text = f"Cases {word} in two weeks."
    assert text.index(word) in number_anchors.number_anchors(text), word
    assert word.endswith(number_anchors._RARE_ENDINGS)


# ------------------------------------------------------------------ speakers


@pytest.mark.parametrize("verb", vocabulary.words("speech_verbs", "speakers"))
def test_every_speech_verb_is_found_and_hinted_unless_quiet(verb):
    sentence = f"UNICEF {verb} that the clinics were closed."
    valued = verb in vocabulary.words("valuation_speech_verbs", "speakers")
    if valued:  # it credits a figure after "at" only
        sentence = f"UNICEF {verb} the number of closed clinics at 40."
    assert [m.group() for m in speech_verbs.SPEECH_VERB.finditer(sentence)] == [verb]
    quiet = verb in vocabulary.words("quiet_speech_verbs", "speakers")
    assert (verb in sentence_reading.SPEECH_HINT_VERBS) is not quiet
    if not quiet:
        # a sentence with no figure is read for its speaker, whom "it" then refers back to
        result = extract(f"{sentence} It said 12 clinics reopened in Gaza.", PUBLISHED, "Desk")
        expected = ["UNICEF", "UNICEF"] if valued else ["UNICEF"]
        assert [o.attributed_to for o in result.observations] == expected, verb


@pytest.mark.parametrize("verb", vocabulary.words("participle_speech_verbs", "speakers"))
def test_a_speech_verb_that_is_a_participle_credits_no_one_as_one(verb):
    speakers = speaker_names.Speakers()
    sentence = f"Officials said 40 people were {verb} missing."
    found = attribution.find_attributions(sentence, 0, len(sentence), speakers)
    assert [a.phrase for a in found] == ["Officials"], verb


@pytest.mark.parametrize("phrase", vocabulary.words("participial_phrases", "speakers"))
def test_every_participial_phrase_credits_an_unnamed_source(phrase):
    sentence = f"Two officials {phrase} the talks said 40 trucks entered."
    assert any(hint in sentence for hint in speech_verbs._PARTICIPIAL_HINTS)
    found = attribution.find_attributions(sentence, 0, len(sentence), speaker_names.Speakers())
    assert [a.phrase for a in found] == [f"Two officials {phrase} the talks"], phrase


@pytest.mark.parametrize("word", vocabulary.words("auxiliary_words", "speakers"))
def test_every_auxiliary_word_is_set_aside_to_find_the_subject(word):
    sentence = f"The Norwegian Refugee Council {word} reported 40 new arrivals."
    found = attribution.find_attributions(sentence, 0, len(sentence), speaker_names.Speakers())
    assert [a.speaker for a in found] == ["Norwegian Refugee Council"], word
    assert sentence[: sentence.rindex(" reported")].endswith(speech_verbs._AUXILIARY_ENDINGS)


@pytest.mark.parametrize("word", vocabulary.words("passive_words", "speakers"))
def test_every_passive_word_makes_the_speech_verb_credit_no_one(word):
    sentence = f"In the camps 40 new cases {word} reported."
    assert attribution.find_attributions(sentence, 0, len(sentence), speaker_names.Speakers()) == []
    assert sentence[: sentence.rindex(" reported")].endswith(speech_verbs._PASSIVE_ENDINGS)


@pytest.mark.parametrize(
    "name", [name for name, kind, _ in speaker_names.GAZETTEER if kind != speaker_names.PERSON]
)
def test_every_gazetteer_organisation_is_its_own_canonical_name(name):
    speaker, _ = speaker_names.canonical_speaker(name, speaker_names.Speakers())
    assert speaker == name


# ------------------------------------------------------------------ dates


def _phrase_texts(text: str) -> list[str]:
    return [match.group() for match in date_phrases.find_date_phrases(text)]


@pytest.mark.parametrize("opener", vocabulary.words("window_openers", "dates"))
def test_every_window_opener_dates_a_plural_unit(opener):
    text = f"Cases rose over the {opener} three weeks in the camps."
    assert any(f"the {opener} three weeks" in phrase for phrase in _phrase_texts(text)), text
    assert date_phrases._window_words_near(text.lower(), text.index("weeks"))


@pytest.mark.parametrize("closer", vocabulary.words("window_closers", "dates"))
def test_every_window_closer_dates_a_plural_unit(closer):
    text = f"The clinic closed three weeks {closer}, staff said."
    assert any(f"three weeks {closer}" in phrase for phrase in _phrase_texts(text)), text
    assert date_phrases._window_words_near(text.lower(), text.index("weeks"))


@pytest.mark.parametrize(
    ("number", "spelling"),
    [
        (number, spelling)
        for number, spellings in enumerate(date_phrases._MONTH_SPELLINGS, start=1)
        for spelling in spellings
    ],
)
def test_every_month_spelling_is_read_as_its_month(number, spelling):
    text = f"The survey ran on 3 {spelling} 2024 in two districts."
    [match] = date_phrases.find_date_phrases(text)
    assert match.group() == f"on 3 {spelling} 2024"
    phrase = dates.DateResolver(PUBLISHED).resolve(match, False)
    assert phrase.first.day == date(2024, number, 3), spelling


@pytest.mark.parametrize("weekday", list(date_phrases.WEEKDAYS))
def test_every_weekday_is_a_date_phrase(weekday):
    text = f"Convoys crossed on {weekday}, officials said."
    assert _phrase_texts(text) == [f"on {weekday}"]
    assert date_phrases.WEEKDAYS[weekday].weekday == list(date_phrases.WEEKDAYS).index(weekday)


@pytest.mark.parametrize(
    "word",
    vocabulary.words("anchor_words", "dates")
    + [w.capitalize() for w in vocabulary.words("capitalised_anchor_words", "dates")],
)
def test_every_anchor_word_is_found_where_the_date_pattern_is_tried(word):
    text = f"x {word} y"
    assert (2, False) in date_phrases.date_anchors(text), word


@pytest.mark.parametrize("word", vocabulary.report_place_words())
def test_every_report_place_word_refers_to_the_reports_place(word):
    # the hint and the pattern come from the same list: a word added there is read at once
    def places(where: str) -> list[tuple[float, str]]:
        text = (
            "Gaza: aid update. Fighting in Gaza went on through the week. "
            f"In {where}, 40 percent of households near Rafah had no water."
        )
        found = extract(text, date(2025, 7, 20), publisher="Unit").observations
        return [(o.value, o.location) for o in found]

    # the word names the report's place, over a town named beside the figure
    assert places(f"the {word}") == [(40, "Gaza Strip")]
    assert places("the north") == [(40, "Rafah")]
