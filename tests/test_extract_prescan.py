"""The quick scans that decide where the extractor looks find what plainer tests find.

The extractor reads a sentence closely only where a whole-text scan found something to read
(a figure, a date, a hint word for an event, a vague amount or a status), tries its phrase
patterns only at anchors, and runs its case-insensitive patterns as lower-case patterns on
the lower-cased text. Each quick scan is held here to its plain reference, on the fixture and
seed reports and on generated texts:
- reading every sentence gives the same candidates, so the scan skips none that yields one;
- the hint index gives the sentences a substring test of each sentence gives;
- the two-pattern anchor scans find what the one-pattern anchors find;
- `bounded_trie_pattern` matches what \\b(?:trie)\\b matches;
- figures, dates and boilerplate found in the lower-cased text are those found
  case-insensitively in the text as written;
- the quick test for a word that may open a figure leaves the candidate starts unchanged,
  and so does scanning the nearer part of the window first;
- attributions read from the speech verbs found once per sentence are those of a full scan;
- the quick auxiliary test before a status statement leaves the statements found unchanged;
- "the city" found with its letter first is what \\b[Tt]he ... finds, and a lone place is
  the first of its list as the full list reading has it;
- the stemmer in use (PyStemmer's C code when installed) gives Snowball's own English stems;
- the weekday on or before (after) a day, by plain arithmetic, is relativedelta's;
- the hint finder finds every occurrence str.find finds, and the boilerplate hint index says
  of a piece of text what a substring test of it says;
- the date and number words found by the automaton are those the lower-case tries find.
"""

from __future__ import annotations

import os
import re
from dataclasses import astuple
from datetime import date, timedelta
from pathlib import Path
from unittest import mock

import pytest
from dateutil.relativedelta import relativedelta
from dateutil.relativedelta import weekday as relativedelta_weekday
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from indicators.extract import (
    attribution,
    catalogue,
    date_atoms,
    date_phrases,
    dates,
    figure_context,
    gazetteer,
    locations,
    number_anchors,
    number_qualifiers,
    numbers,
    patterns,
    pipeline,
    plain_numbers,
    sentences,
    speaker_names,
    speech_verbs,
    vocabulary,
)
from indicators.extract.catalogue import Catalogue, content_words
from tests.conftest import FIXTURES, REPO_ROOT, SEEDS_DIR

REPORTS = FIXTURES / "reports"
REPORT_PATHS = sorted(REPORTS.glob("*.txt")) + (
    sorted(SEEDS_DIR.glob("*.txt")) if SEEDS_DIR.is_dir() else []
)
# PROPERTY_EXAMPLES runs more generated cases (CI runs the default)
PROPERTY = settings(
    max_examples=int(os.environ.get("PROPERTY_EXAMPLES", "150")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)

# Words the scans look for, in both cases, with the letters whose case folding is unusual
# ("ı", "ſ", "İ", the Kelvin sign) and a non-ASCII digit, joined by the separators that
# decide word boundaries.
VOCABULARY_LINES = (
    "one two Three third Third half Half million Billion US$ us$ usd EUR € £ $ 5 12 1,200 3.5",
    "2024 3rd 21st % percent per cent pc * and in of out every its the a an between to from",
    "since Since So far so far June june Sept. Monday 15 May week weeks year years days hours",
    "ago old early mid late past next last Gaza Strip South Sudan Port-au-Prince Cox's Bazar",
    "said says told reported estimates Getty Images photo: www. next update ı ſ İ \u212a ٣",
    "ſix ſeven thırd ſince ıts ın fİve tons tone warned statement war many several below enough",
)
VOCABULARY = [word for line in VOCABULARY_LINES for word in line.split(" ")]
SEPARATORS = ["", " ", "  ", "-", "–", "\n", ", ", ". ", "’", "_", "x", "(", "“"]
WORDY_TEXT = st.lists(
    st.tuples(st.sampled_from(VOCABULARY), st.sampled_from(SEPARATORS)), max_size=30
).map(lambda parts: "".join(word + separator for word, separator in parts))
ANY_TEXT = st.one_of(WORDY_TEXT, WORDY_TEXT, st.text(max_size=120))


def _report_texts() -> list[str]:
    return [path.read_bytes().decode("utf-8") for path in REPORT_PATHS]


def _catalogue() -> Catalogue:
    return Catalogue.from_csv(REPO_ROOT / "data" / "indicators.csv", REPORTS / "indicators.csv")


def _every_sentence(lower_text, hints, found_sentences, starts) -> set[int]:
    return set(range(len(found_sentences)))


@pytest.mark.parametrize("path", REPORT_PATHS, ids=lambda path: path.name)
def test_reading_every_sentence_gives_the_same_candidates(path: Path):
    text = path.read_bytes().decode("utf-8")
    catalogue = _catalogue()
    scanned = pipeline.extract(text, date(2025, 7, 24), "Publisher", catalogue=catalogue)
    with mock.patch.object(pipeline, "_sentences_with", _every_sentence):
        read_all = pipeline.extract(text, date(2025, 7, 24), "Publisher", catalogue=catalogue)
    assert scanned.observations, "a report with figures is needed to compare"
    assert scanned.as_dict() == read_all.as_dict()


def _assert_hint_index_matches_substring_test(text: str) -> None:
    found = sentences.split_sentences(text)
    starts = [sentence.start for sentence in found]
    lower = text.lower()
    if len(lower) != len(text):
        return  # the pipeline tests each sentence itself then
    for hints in (pipeline.EVENT_HINTS, pipeline.EVALUATIVE_HINTS, pipeline.QUALITATIVE_HINTS):
        expected = {
            index
            for index, sentence in enumerate(found)
            if any(hint in sentence.text.lower() for hint in hints)
        }
        assert pipeline._sentences_with(lower, hints, found, starts) == expected


@pytest.mark.parametrize("path", REPORT_PATHS, ids=lambda path: path.name)
def test_hint_index_finds_the_sentences_a_substring_test_finds(path: Path):
    _assert_hint_index_matches_substring_test(path.read_bytes().decode("utf-8"))


@PROPERTY
@given(ANY_TEXT)
def test_hint_index_on_generated_texts(text: str):
    _assert_hint_index_matches_substring_test(text + ". Many said the war and talks went on.")


def _assert_anchors_match(text: str) -> None:
    for start, end in ((0, len(text)), (min(3, len(text)), max(0, len(text) - 2))):
        expected = [m.start() for m in number_anchors.NUMBER_ANCHOR.finditer(text, start, end)]
        assert number_anchors.number_anchors(text, start, end) == expected
        expected_dates = [
            (m.start(), bool(m.group("digit")) and m.group("datelike") is None)
            for m in date_phrases.DATE_ANCHOR.finditer(text, start, end)
        ]
        assert date_phrases.date_anchors(text, start, end) == expected_dates


def test_anchor_scans_on_the_reports():
    for text in _report_texts():
        _assert_anchors_match(text)


@PROPERTY
@given(ANY_TEXT)
def test_anchor_scans_on_generated_texts(text: str):
    _assert_anchors_match(text)


PLACE_NAMES = set(vocabulary.place_names())
SPEECH_VERBS = set(speech_verbs.SPEECH_VERBS.split("|"))
PLAIN_PLACE = re.compile(rf"\b(?:{patterns.trie_pattern(PLACE_NAMES)})\b")
PLAIN_SPEECH_VERB = re.compile(rf"\b(?:{patterns.trie_pattern(SPEECH_VERBS)})\b")
NAMES_TEXT = st.lists(
    st.tuples(
        st.sampled_from(sorted(PLACE_NAMES | SPEECH_VERBS | {"Gazan", "saidx", "Strip", "é"})),
        st.sampled_from(SEPARATORS),
    ),
    max_size=12,
).map(lambda parts: "".join(word + separator for word, separator in parts))


@PROPERTY
@given(st.one_of(NAMES_TEXT, ANY_TEXT))
def test_bounded_trie_matches_what_a_trie_between_word_boundaries_matches(text: str):
    for fast, plain in (
        (pipeline.KNOWN_PLACE, PLAIN_PLACE),
        (speech_verbs.SPEECH_VERB, PLAIN_SPEECH_VERB),
    ):
        for start, end in ((0, len(text)), (min(2, len(text)), max(0, len(text) - 1))):
            assert [m.span() for m in fast.finditer(text, start, end)] == [
                m.span() for m in plain.finditer(text, start, end)
            ]


def _found(text: str) -> tuple[list, list]:
    figures = [astuple(mention) for mention in numbers.find_numbers(text)]
    phrases = [(m.span(), m.lastgroup, m.groups()) for m in date_phrases.find_date_phrases(text)]
    return figures, phrases


def _assert_lower_cased_scans_match(text: str) -> None:
    fast = _found(text)
    with (
        mock.patch.object(numbers, "lowered", lambda text: None),
        mock.patch.object(date_phrases, "lowered", lambda text: None),
    ):
        assert _found(text) == fast


# Letters that case-insensitive matching pairs with an ASCII letter other than by lower case
# ("ſ" ~ "s", "ı" ~ "i") or whose lower case is longer ("İ"), next to figures and dates.
UNUSUAL_CASE_TEXTS = [
    "ſix in 10 people fled",
    "ıts third month began; Its Third Month",
    "İstanbul sent 5 trucks, a thırd of them on ſunday 3 May",
    "ſince 2020, 12 clinics closed; since 3 May 2024, 40 more",
    "US$5 million, us$5, USD 7 and EUR 9",
    # a scale letter in either case: "12k" and "2.5m people" in both scans, "a 5m wall" in neither
    "12k people and 2.5m people displaced behind a 5m wall; 0k",
]


def test_lower_cased_scans_on_the_reports():
    for text in _report_texts() + UNUSUAL_CASE_TEXTS:
        _assert_lower_cased_scans_match(text)
        _assert_lower_cased_scans_match(text.upper())


@PROPERTY
@given(ANY_TEXT)
def test_lower_cased_scans_on_generated_texts(text: str):
    _assert_lower_cased_scans_match(text)


def test_a_figure_stated_in_capitals_keeps_its_case_in_the_note():
    (mention,) = numbers.find_numbers("The siege entered its Third Month on Monday.")
    assert mention.note.startswith("“Third Month”")


BOILERPLATE_TEXT = st.lists(
    st.sampled_from(
        [
            "Photo: AFP",
            "(PHOTO: X)",
            "Getty Images",
            "via Reuters",
            "WWW.example",
            "https://x",
            "The next situation update",
            "will be PUBLISHED",
            "Follow us on",
            "Subscribe",
            "Tel. +41",
            "+41 22",
            "ſubscribe",
            "İ",
            "ı",
            "words",
            " ",
            "\n",
            ".",
        ]
    ),
    max_size=10,
).map("".join)


@PROPERTY
@given(st.one_of(BOILERPLATE_TEXT, ANY_TEXT))
def test_boilerplate_found_in_the_lower_cased_text_is_found_in_the_text(text: str):
    hints = sentences._HintIndex(text)
    for start, end in ((0, len(text)), (min(2, len(text)), max(0, len(text) - 3))):
        piece = text[start:end]
        expected = sentences.BOILERPLATE_ANYWHERE.search(piece) is not None
        assert hints.boilerplate(piece, start, end) == expected


def _assert_starters_only_changes_nothing(text: str) -> None:
    lower = text.lower()
    scanned, starts, starters = (
        text,
        number_anchors.NUMBER_STARTS,
        number_anchors.NUMBER_STARTERS_ONLY,
    )
    if numbers.lowered(text) is not None:
        scanned = lower
        starts, starters = (
            number_anchors.NUMBER_STARTS_LOWER,
            number_anchors.NUMBER_STARTERS_ONLY_LOWER,
        )
    for anchor in number_anchors.number_anchors(text):
        for floor in (0, max(0, anchor - 5)):
            assert numbers.candidate_starts(
                scanned, anchor, floor, 2, starts, starters
            ) == numbers.candidate_starts(scanned, anchor, floor, 2, starts)


def test_starters_test_on_the_reports():
    for text in _report_texts():
        _assert_starters_only_changes_nothing(text)


@PROPERTY
@given(ANY_TEXT)
def test_starters_test_on_generated_texts(text: str):
    _assert_starters_only_changes_nothing(text)


@pytest.mark.parametrize(
    "text, start, end",
    [("oneweeks one", 3, 10), ("weeksx", 0, 5), ("x weeks", 0, 7), ("2 yearsdays", 0, 7)],
)
def test_word_anchors_at_the_edges_of_a_range_match_the_pattern(text, start, end):
    # A word that begins before `start` is no match; a word cut at `end` is one, as for re.
    expected = [
        (m.start(), bool(m.group("digit")) and m.group("datelike") is None)
        for m in date_phrases.DATE_ANCHOR.finditer(text, start, end)
    ]
    assert date_phrases.date_anchors(text, start, end) == expected


def _one_window_starts(text, anchor, floor, words_back, starts) -> list[int]:
    """`candidate_starts` as a plain scan of the whole window: the reference."""
    window_start = max(floor, anchor - 12 * words_back)
    window_start = max(window_start, text.rfind("\n", window_start, anchor) + 1)
    words = list(starts.finditer(text, window_start, anchor))[-words_back:]
    return [m.start() for m in words if m.lastgroup] + [anchor]


def _assert_nearer_window_first_changes_nothing(text: str) -> None:
    lower = text.lower()
    for scanned, words_back, starts in (
        (text, 2, number_anchors.NUMBER_STARTS),
        (lower, 2, number_anchors.NUMBER_STARTS_LOWER),
        (text, 5, date_phrases._DATE_STARTS),
        (lower, 5, date_phrases._DATE_STARTS_LOWER),
    ):
        for anchor in range(0, len(scanned) + 1, 3):
            for floor in (0, max(0, anchor - 20)):
                assert patterns.candidate_starts(
                    scanned, anchor, floor, words_back, starts
                ) == _one_window_starts(scanned, anchor, floor, words_back, starts)


def test_word_starts_scanned_nearer_first_on_the_reports():
    for text in _report_texts()[:6]:
        _assert_nearer_window_first_changes_nothing(text[:3000])


@PROPERTY
@given(ANY_TEXT)
def test_word_starts_scanned_nearer_first_on_generated_texts(text: str):
    _assert_nearer_window_first_changes_nothing(text)


def _assert_attributions_with_verbs_match(text: str) -> None:
    verbs = list(speech_verbs.SPEECH_VERB.finditer(text))
    with_verbs = attribution.find_attributions(text, 0, len(text), speaker_names.Speakers(), verbs)
    scanned = attribution.find_attributions(text, 0, len(text), speaker_names.Speakers())
    assert with_verbs == scanned


SPEECH_TEXT = st.lists(
    st.tuples(
        st.sampled_from(
            ["said", "told", "reported", "Abeer Etefa", "the agency", "WFP", "he", ",", "”", '"']
            + ["“", "according to", "officials", "on Monday", "is", "has", ".", ";", "\u00a0"]
        ),
        st.sampled_from(["", " ", "  ", "\t", ", "]),
    ),
    max_size=20,
).map(lambda parts: "".join(word + separator for word, separator in parts))


def test_attributions_from_the_verbs_found_once_on_the_reports():
    for text in _report_texts():
        for sentence in sentences.split_sentences(text):
            _assert_attributions_with_verbs_match(sentence.text)


@PROPERTY
@given(st.one_of(SPEECH_TEXT, ANY_TEXT))
def test_attributions_from_the_verbs_found_once_on_generated_texts(text: str):
    # the inverted-order pattern ("..., said X") is tried only after a verb that follows a
    # comma or a quote: the attributions are those of a scan that tries it everywhere
    _assert_attributions_with_verbs_match(text)


STATUS_TEXT = st.lists(
    st.tuples(
        st.sampled_from(
            ["aid", "Aid", "food", "deliveries", "fuel", "supply", "crossings", "it", "They"]
            + ["is", "are", "has been", "remains", "remained", "far below", "not enough"]
            + ["limited", "halted", "aid’s", "the", "5", ",", ".", ";", "—", "’", "-"]
        ),
        st.sampled_from(["", " ", "  ", "-", "’"]),
    ),
    max_size=25,
).map(lambda parts: "".join(word + separator for word, separator in parts))


@PROPERTY
@given(st.one_of(STATUS_TEXT, ANY_TEXT), st.sampled_from([["aid"], ["food", "delivery"]]))
def test_the_quick_auxiliary_test_leaves_status_statements_unchanged(text: str, subject):
    from indicators.extract import figure_statuses
    from indicators.extract.sentence_view import SentenceView

    if not text:
        return
    run = pipeline._Run(text, date(2025, 7, 24), "Publisher", Catalogue([]))
    sentence = sentences.Sentence(0, len(text), text, 0)
    run.view = SentenceView(sentence, [], patterns.lowered(text) is not None, "")
    found = run._status_predicate(sentence, subject)
    with mock.patch.object(figure_statuses, "auxiliary_after_candidate", lambda body, head: True):
        assert run._status_predicate(sentence, subject) == found


def test_a_status_statement_after_its_subject_is_still_found():
    text = "Food deliveries are far below what is needed, and aid is not enough."
    run = pipeline._Run(text, date(2025, 7, 24), "Publisher", Catalogue([]))
    sentence = sentences.Sentence(0, len(text), text, 0)
    assert text[slice(*run._status_predicate(sentence, content_words("food deliveries")))] == (
        "far below what is needed"
    )
    assert text[slice(*run._status_predicate(sentence, content_words("aid")))] == "not enough"


HEDGED_TEXT = st.lists(
    st.tuples(
        st.one_of(
            st.sampled_from(sorted(number_qualifiers.HEDGES)),
            st.sampled_from(["the", "(", "“", "5", "ſome", "ABOUT", "More Than", "up", "no"]),
        ),
        st.sampled_from([" ", "  ", "\t", "", "\u00a0", "-"]),
    ),
    max_size=6,
).map(lambda parts: "".join(word + separator for word, separator in parts))


@PROPERTY
@given(st.one_of(HEDGED_TEXT, ANY_TEXT))
def test_the_hedge_trie_finds_what_the_hedge_list_finds(text: str):
    for before in (text, text[-24:], text + " "):
        listed = number_qualifiers.QUALIFIER_BEFORE.search(before)
        found = number_qualifiers._QUALIFIER_BEFORE_TRIE.search(before)
        assert (listed and (listed.span(), listed.span("qualifier"))) == (
            found and (found.span(), found.span("qualifier"))
        )


LABELLED_TEXT = st.lists(
    st.tuples(
        st.one_of(
            st.sampled_from(sorted(plain_numbers.LABEL_WORDS)),
            st.sampled_from(["children under", "aged 15 to", "scale of", "H5N", "#", "x-", "5"]),
            st.sampled_from(["Phases", "PAGE", "no", "vol", "the", "ſection", "(", "’"]),
        ),
        st.sampled_from([" ", "  ", "", "\t", "."]),
    ),
    max_size=5,
).map(lambda parts: "".join(word + separator for word, separator in parts))


@PROPERTY
@given(st.one_of(LABELLED_TEXT, ANY_TEXT))
def test_the_label_trie_says_what_the_label_list_says(text: str):
    for before in (text, text[-24:], text + " "):
        listed = plain_numbers.LABEL_BEFORE.search(before) is not None
        assert (plain_numbers._LABEL_BEFORE_TRIE.search(before) is not None) == listed


SENTENCE_ENDS = st.lists(
    st.tuples(
        st.sampled_from(["Mr", "Dr", "approx", "e.g", "U.S", "A", "reporters", "Sept", "xMr", "5"]),
        st.sampled_from([". ", ". The", ".", "! ", " ", ".” He", ". 5"]),
    ),
    max_size=12,
).map(lambda parts: "".join(word + end for word, end in parts))


@PROPERTY
@given(st.one_of(SENTENCE_ENDS, ANY_TEXT))
def test_sentence_ends_after_long_words_split_as_a_search_for_abbreviations_does(text: str):
    spans = sentences._raw_sentence_spans(text)
    with mock.patch.object(sentences, "_LONGEST_ABBREVIATION", 10**6):
        assert sentences._raw_sentence_spans(text) == spans


QUARTER_TEXT = st.lists(
    st.tuples(
        st.sampled_from(["the", "The", "first", "FOURTH", "third", "quarter", "QuArTeR", "of"]),
        st.sampled_from([" ", "  ", "\t", "", "-"]),
    ),
    max_size=6,
).map(lambda parts: "".join(word + separator for word, separator in parts).strip())
QUARTER_TEXT = st.one_of(
    QUARTER_TEXT,
    st.tuples(
        QUARTER_TEXT, st.sampled_from(["2024", "this year", "ſecond", "\u212a", "İ", "ı"])
    ).map(" of ".join),
)


@PROPERTY
@given(st.one_of(QUARTER_TEXT, ANY_TEXT))
def test_a_quarter_is_read_only_from_an_atom_holding_the_word_quarter(text: str):
    # the date reader tries the quarter pattern only when the lower-cased atom says "quarter"
    for atom in (text, text.strip(), "the " + text):
        if dates._QUARTER_ATOM.fullmatch(date_atoms.SPACES.sub(" ", atom)):
            assert "quarter" in atom.lower()


ANAPHOR_TEXT = st.lists(
    st.tuples(
        st.sampled_from(
            sorted(gazetteer.ANAPHOR_LEVEL)
            + ["the", "The", "THE", "tthe", "xThe", "of", "Goma", "’s", "'s", "othe", "_the"]
        ),
        st.sampled_from([" ", "  ", "\t", "", "\n", "-", ".", "_"]),
    ),
    max_size=10,
).map(lambda parts: "".join(word + separator for word, separator in parts))
PLAIN_LEVEL_ANAPHOR = re.compile(
    gazetteer.LEVEL_ANAPHOR.pattern.replace(r"[Tt](?<!\w[Tt])he", r"\b[Tt]he", 1)
)


@PROPERTY
@given(st.one_of(ANAPHOR_TEXT, ANY_TEXT))
def test_the_city_found_letter_first_is_what_a_word_boundary_first_finds(text: str):
    assert PLAIN_LEVEL_ANAPHOR.pattern.startswith(r"\b[Tt]he")
    for start in (0, min(1, len(text)), min(3, len(text))):
        assert [m.span() for m in gazetteer.LEVEL_ANAPHOR.finditer(text, start)] == [
            m.span() for m in PLAIN_LEVEL_ANAPHOR.finditer(text, start)
        ]


LIST_TEXT = st.lists(
    st.tuples(
        st.sampled_from(["Kunar", "Nangarhar", "North", "South", "Kivu", "Darfur", "the", "x"]),
        st.sampled_from([" and ", ", ", " or ", " ", ", and the ", " and\n"]),
    ),
    min_size=1,
    max_size=6,
).map(lambda parts: "".join(word + separator for word, separator in parts))


@PROPERTY
@given(LIST_TEXT, st.data())
def test_a_lone_place_is_the_first_of_its_list_as_a_longer_list_reads_it(text: str, data):
    # the place alone skips the list reading; a span far beyond it makes the reading run
    names = [m for m in re.finditer(r"(?:North |South )?[A-Z][a-z]+", text)]
    if not names:
        return
    name = data.draw(st.sampled_from(names))
    chosen = (name.start(), name.end(), name.group())
    far = (len(text) + 100, len(text) + 105, "Goma")
    assert locations.first_of_list(text, [chosen], chosen) == locations.first_of_list(
        text, [chosen, far], chosen
    )


# Words shaped as English inflects them, with the endings Snowball's steps take off
STEM_WORDS = st.tuples(
    st.sampled_from(["", "inter", "over", "re", "un", "gener", "commun", "past", "news", "ly"]),
    st.text(alphabet="abcdefghijklmnopqrstuvwxyz'’y", max_size=8),
    st.sampled_from(
        ["", "s", "es", "ed", "ing", "ly", "ness", "ational", "ies", "ied", "ment", "ful"]
        + ["ous", "ive", "ize", "al", "er", "ity", "ence", "'s", "’s", "ably", "lessly"]
    ),
).map("".join)


@PROPERTY
@given(st.one_of(STEM_WORDS, STEM_WORDS.map(str.capitalize), st.text(max_size=12)))
def test_the_stemmer_in_use_gives_snowballs_english_stems(word: str):
    from snowballstemmer.english_stemmer import EnglishStemmer

    assert catalogue._STEMMER.stemWord(word) == EnglishStemmer().stemWord(word)


def test_the_stemmer_in_use_stems_every_word_of_the_reports_as_snowball_does():
    from snowballstemmer.english_stemmer import EnglishStemmer

    plain = EnglishStemmer()
    words = {w for text in _report_texts() for w in re.findall(r"[A-Za-z][A-Za-z’'-]*", text)}
    words |= {w.lower().replace("’", "'") for w in words}
    assert len(words) > 1000
    assert [w for w in sorted(words) if catalogue._STEMMER.stemWord(w) != plain.stemWord(w)] == []


@PROPERTY
@given(st.dates(), st.integers(0, 6), st.integers(-1, 1))
def test_the_weekday_on_or_before_a_day_is_relativedeltas(day, weekday, shift):
    rule = relativedelta_weekday(weekday)
    try:
        start = day + timedelta(days=shift)
        before = start + relativedelta(weekday=rule(-1))
        after = start + relativedelta(weekday=rule(+1))
    except OverflowError:
        return  # the calendar's first or last week
    assert date_atoms.on_or_before(start, weekday) == before
    assert date_atoms.on_or_after(start, weekday) == after


HINT_TEXT = st.lists(
    st.tuples(
        st.sampled_from(
            list(sentences.BOILERPLATE_HINTS[:8])
            + ["war", "wa", "ar", "aa", "a", "no aid", "no", "did not", "will", "set", "http"]
        ),
        st.sampled_from(["", " ", "a", "r", ".", "\n", "/", "+"]),
    ),
    max_size=12,
).map(lambda parts: "".join(word + separator for word, separator in parts))
HINT_SETS = st.lists(
    st.sampled_from(["war", "wa", "ar", "aa", "a", "no aid", "no", "+", "http://", "https://"]),
    min_size=1,
    max_size=6,
).map(tuple)


def _every_occurrence(text: str, hints: tuple[str, ...]) -> list[tuple[int, int]]:
    found = []
    for hint in dict.fromkeys(hints):
        position = text.find(hint)
        while position >= 0:
            found.append((position, position + len(hint)))
            position = text.find(hint, position + 1)
    return sorted(found)


@PROPERTY
@given(st.one_of(HINT_TEXT, ANY_TEXT), HINT_SETS)
def test_the_hint_finder_finds_every_occurrence_str_find_finds(text: str, hints):
    assert sorted(patterns.hint_finder(hints)(text)) == _every_occurrence(text, hints)
    # a lone surrogate, which the automaton cannot read, is searched by str.find
    odd = text + "\ud800" + text
    assert sorted(patterns.hint_finder(hints)(odd)) == _every_occurrence(odd, hints)


def test_a_report_with_a_lone_surrogate_loses_no_sentence():
    text = "Some 20 people were killed, officials said.\ud800 About 30 families fled the war."
    result = pipeline.extract(text, date(2025, 7, 20))
    assert result.failures == []
    assert [o.value for o in result.observations] == [20, 30]


@PROPERTY
@given(st.one_of(HINT_TEXT, ANY_TEXT), st.data())
def test_the_boilerplate_hint_index_says_what_a_substring_test_says(text: str, data):
    index = sentences._HintIndex(text)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    piece = text.lower()[start:end]  # the index reads the lower-cased text
    if index.spans is not None:
        assert index.within(start, end) == any(h in piece for h in sentences.BOILERPLATE_HINTS)


DATE_WORD_TEXT = st.lists(
    st.tuples(
        st.sampled_from(
            list(date_phrases._WORD_ANCHOR_WORDS_LOWER + number_anchors._ANCHOR_WORDS_LOWER)
            + ["x", "ma", "mayor", "_", "3", "done", "often"]
        ),
        st.sampled_from(["", " ", "-", ".", "x", "_", "\n", "é", "’"]),
    ),
    max_size=10,
).map(lambda parts: "".join(word + separator for word, separator in parts))


@PROPERTY
@given(st.one_of(DATE_WORD_TEXT, ANY_TEXT), st.data())
def test_date_and_number_words_found_by_the_automaton_are_those_the_tries_find(text: str, data):
    lower = text.lower()
    start = data.draw(st.integers(0, len(lower)))
    end = data.draw(st.integers(start, len(lower)))
    for bounds in ((0, len(lower)), (start, end)):
        assert date_phrases._word_anchors_lower(lower, *bounds) == [
            m.span() for m in date_phrases._WORD_ANCHOR_LOWER.finditer(lower, *bounds)
        ]
        assert patterns.whole_word_spans(lower, number_anchors._ANCHOR_WORDS_LOWER, *bounds) == [
            m.span() for m in number_anchors._WORD_ANCHOR_LOWER.finditer(lower, *bounds)
        ]


CONTENT_TEXT = st.lists(
    st.tuples(
        st.sampled_from(VOCABULARY + ["mid-April", "IDPs’", "(WFP),", "O'Brien", "’s", "'", "é"]),
        st.sampled_from(SEPARATORS + ["\t", "\xa0", "\u2003", "\x1c", "2025."]),
    ),
    max_size=20,
).map(lambda parts: "".join(word + separator for word, separator in parts))


@PROPERTY
@given(st.one_of(CONTENT_TEXT, ANY_TEXT))
def test_words_read_between_white_space_are_those_the_word_pattern_finds(text: str):
    assert catalogue.words_of(text) == catalogue.WORD.findall(text.replace("-", " "))


METHOD_TEXT = st.lists(
    st.sampled_from(
        ["The", "this", "OUR", "survey", "assessment", "covered", "interviewed", "data", "were"]
        + ["collected", "COLLECTED", "compıled", "compİled", "gathered", "in", "12", ",", "-"]
    ),
    max_size=10,
).map(" ".join)


@PROPERTY
@given(st.one_of(METHOD_TEXT, ANY_TEXT))
def test_the_method_verb_is_searched_past_the_start_only_where_its_words_may_be(text: str):
    with mock.patch.object(figure_context, "_may_say_gathered", lambda sentence: True):
        searched = figure_context.method_verb_end(text)
    assert figure_context.method_verb_end(text) == searched
