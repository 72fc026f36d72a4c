"""How figures are worded and cited, and how data text is kept inert."""

from __future__ import annotations

import re
from datetime import date

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from indicators import citations
from indicators.schema import LOWER_BOUND_QUALIFIERS, QUALIFIERS, UPPER_BOUND_QUALIFIERS

HOSTILE = [
    "<script>alert(1)</script>",
    "**bold**",
    "[x](javascript:alert(1))",
    "![img](https://example.org/x.png)",
    ":red[coloured] :material/home: $x^2$",
    "line one\n# heading\n- item\n    code",
    "a@b.example and www.example.org",
    "`code` ~~strike~~ | table | cell |",
]
SPECIAL = set("\\`*_{}[]()#+-.!|<>~$:@&^=")


BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
# A shortcode Streamlit would draw as an icon: a colon right before a name and a colon.
SHORTCODE = re.compile(r":[^\s:\u2060\\][^\s:]*\\?:")


def unescape(text: str) -> str:
    """What a reader sees of escaped text: no backslashes, no (invisible) word joiners."""
    return re.sub(r"\\(.)", r"\1", text).replace(citations.WORD_JOINER, "")


def shown(text: str) -> str:
    """What a reader should see of `text`: on one line, word joiners being invisible, bidi
    controls removed."""
    return BIDI_CONTROLS.sub("", " ".join(text.split()).replace(citations.WORD_JOINER, ""))


def bare_specials(escaped: str) -> set[str]:
    """Special characters in `escaped` that no backslash protects."""
    return {character for character in re.sub(r"\\.", "", escaped) if character in SPECIAL}


# --------------------------------------------------------------------------- escape_markdown


@pytest.mark.parametrize("text", HOSTILE)
def test_escape_markdown_leaves_no_markup_active(text):
    escaped = citations.escape_markdown(text)
    assert bare_specials(escaped) == set()
    assert "\n" not in escaped
    assert unescape(escaped) == shown(text)


@given(st.text(max_size=200))
def test_escape_markdown_round_trips_any_text(text):
    escaped = citations.escape_markdown(text)
    assert bare_specials(escaped) == set()
    assert unescape(escaped) == shown(text)


@pytest.mark.parametrize("empty", [None, float("nan"), ""])
def test_escape_markdown_of_nothing_is_empty(empty):
    assert citations.escape_markdown(empty) == ""


# What remark-gfm (Streamlit's Markdown) needs to make a link of a bare address, looked
# for in the text after escapes are resolved, as remark-gfm does: "http(s)://" or "www."
# anywhere (it also wants a word boundary before them), or an e-mail local part character
# right before "@".
BARE_WEB_ADDRESS = re.compile(r"https?://|www\.", re.IGNORECASE)
BARE_EMAIL_ADDRESS = re.compile(r"[-.\w+]@", re.ASCII)
ADDRESSES = [
    "https://evil.example/a?b=1",
    "see http://example.org/report.",
    "HTTPS://EXAMPLE.ORG and Http://example.org",
    "(https://www.example.org/a_(b))",
    "www.example.org",
    "visit WWW.Example.org/path or wwww.example.org",
    "press@example.org",
    "write to first.last+news@mail.example.co.uk.",
    "mailto:someone@example.org",
    '=HYPERLINK("https://evil.example/H7","click")',
]


def resolved(escaped: str) -> str:
    """The text remark-gfm searches for addresses: escapes resolved, joiners kept."""
    return re.sub(r"\\(.)", r"\1", escaped)


def test_the_address_checks_catch_bare_addresses():
    for text in ADDRESSES:
        assert BARE_WEB_ADDRESS.search(text) or BARE_EMAIL_ADDRESS.search(text), text


@pytest.mark.parametrize("text", ADDRESSES)
def test_escape_markdown_leaves_no_bare_address_to_link(text):
    escaped = citations.escape_markdown(text)
    assert not BARE_WEB_ADDRESS.search(resolved(escaped))
    assert not BARE_EMAIL_ADDRESS.search(resolved(escaped))
    assert unescape(escaped) == text  # the reader sees the address as written
    assert bare_specials(escaped) == set()


def test_only_word_joiners_are_added_and_only_inside_addresses():
    escaped = citations.escape_markdown("Mail press@example.org or see https://x.org, www.x.org")
    assert resolved(escaped) == (
        f"Mail press{citations.WORD_JOINER}@example.org or see "
        f"https{citations.WORD_JOINER}:{citations.WORD_JOINER}//x.org, "
        f"www{citations.WORD_JOINER}.x.org"
    )
    plain = "Gaza: 95% of households (UN, 24 July 2025) - http or www alone"
    assert citations.WORD_JOINER not in citations.escape_markdown(plain)


@given(st.text(alphabet="htpsHTPSwW:/.@+-_ a1", max_size=40))
def test_escape_markdown_never_leaves_a_bare_address(text):
    escaped = citations.escape_markdown(text)
    assert not BARE_WEB_ADDRESS.search(resolved(escaped)), escaped
    assert not BARE_EMAIL_ADDRESS.search(resolved(escaped)), escaped
    assert unescape(escaped) == shown(text)


# --------------------------------------------------------------------------- links


@pytest.mark.parametrize(
    "url",
    [
        "https://newsukraine.rbc.ua/news/trump-officials-explain-why-us-pulled-out-1753417703.html",
        "http://example.org/report?id=3#section",
        "HTTPS://EXAMPLE.ORG/",
    ],
)
def test_http_urls_are_linkable(url):
    assert citations.safe_link_url(url) == url


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        " javascript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "mailto:someone@example.org",
        "ftp://example.org/file",
        "//example.org/no-scheme",
        "/relative/path",
        "http:///no-host",
        "https://example.org/with space",
        'https://example.org/"quoted"',
        "https://example.org/<tag>",
        "",
        None,
        42,
    ],
)
def test_other_urls_are_refused(url):
    assert citations.safe_link_url(url) is None


def test_parentheses_in_a_url_cannot_end_the_link_early():
    url = citations.safe_link_url("https://example.org/a_(b)")
    assert url is not None and "(" not in url and ")" not in url


def test_markdown_link_only_for_safe_urls():
    linked = citations.markdown_link("Report [1]", "https://example.org/r")
    assert linked == "[Report \\[1\\]](https://example.org/r)"
    refused = citations.markdown_link("Report", "javascript:alert(1)")
    assert "](" not in refused and "javascript" not in refused


# --------------------------------------------------------------------------- values


@pytest.mark.parametrize(
    ("value", "qualifier", "unit", "stated", "low", "high", "expected"),
    [
        (33.3, "nearly", "percent", "nearly one in three", None, None, "nearly 33%"),
        (95.0, "", "percent", "95 percent", None, None, "95%"),
        (2.5, "about", "percent", "about 2.5 percent", None, None, "about 2.5%"),
        (None, "many", "count", "many", None, None, "many"),
        (None, "", "status", "nowhere near enough", None, None, "nowhere near enough"),
        (21.0, "", "months", "21 months", None, None, "21 months"),
        (1.0, "", "months", "one month", None, None, "1 month"),
        (61200.0, "some", "count", "Some 61,200", None, None, "some 61,200"),
        (None, "more than", "percent", "more than 10 percent", 10.0, None, "more than 10%"),
        (None, "up to", "count", "up to 500", None, 500.0, "up to 500"),
        (None, "", "percent", "between 10 and 20 percent", 10.0, 20.0, "between 10% and 20%"),
        (None, "", "count", "at least 40", 40.0, None, "at least 40"),
    ],
)
def test_format_value_keeps_the_hedge(value, qualifier, unit, stated, low, high, expected):
    assert citations.format_value(value, qualifier, unit, stated, low, high) == expected


@given(
    value=st.floats(min_value=0, max_value=100, allow_nan=False),
    qualifier=st.sampled_from([q for q in QUALIFIERS if q not in ("many", "several", "some")]),
)
def test_a_qualified_share_is_never_shown_bare(value, qualifier):
    shown = citations.format_value(value, qualifier, "percent", "as stated")
    assert shown.startswith(f"{qualifier} ")
    assert shown.endswith("%")


@pytest.mark.parametrize("qualifier", LOWER_BOUND_QUALIFIERS + UPPER_BOUND_QUALIFIERS)
def test_bound_qualifiers_are_kept_on_a_bound(qualifier):
    low, high = (10.0, None) if qualifier in LOWER_BOUND_QUALIFIERS else (None, 10.0)
    assert citations.format_value(None, qualifier, "count", "", low, high) == f"{qualifier} 10"


def test_missing_values_from_pandas_count_as_missing():
    shown = citations.format_value(float("nan"), "several", "count", "several", pd.NA, float("nan"))
    assert shown == "several"


# --------------------------------------------------------------------------- dates


def test_as_of_uses_the_day_stated_when_there_is_no_period():
    assert (
        citations.as_of_text(pd.NaT, pd.NaT, "", pd.Timestamp("2025-07-20")) == "as of 20 July 2025"
    )


def test_as_of_gives_the_fuzzy_period_when_there_is_one():
    text = citations.as_of_text(
        pd.Timestamp("2025-03-01"),
        pd.Timestamp("2025-05-11"),
        "early-month",
        pd.Timestamp("2025-07-24"),
        "mid-month",
    )
    assert text == "for early March 2025 to mid-May 2025"


def test_a_single_window_period_is_named_once():
    assert citations.period_text(date(2025, 7, 1), date(2025, 7, 1), "month") == "July 2025"


@pytest.mark.parametrize("value", [None, pd.NaT, float("nan"), "", "2025-07-24", date(2025, 7, 24)])
def test_as_date_accepts_every_form_the_tables_use(value):
    result = citations.as_date(value)
    assert result is None or result == date(2025, 7, 24)


def test_format_day():
    assert citations.format_day(pd.Timestamp("2025-07-04")) == "4 July 2025"
    assert citations.format_day(None) == ""


# --------------------------------------------------------------------------- citations


def test_citation_markdown_names_everything_and_links_only_http():
    line = citations.citation_markdown(
        "RBC-Ukraine",
        "Trump officials explain",
        "https://example.org/r",
        pd.Timestamp("2025-07-25"),
        "Steve Witkoff",
    )
    assert "RBC\\-Ukraine" in line
    assert "](https://example.org/r)" in line
    assert "published 25 July 2025" in line
    assert line.endswith("attributed to Steve Witkoff")


@pytest.mark.parametrize("text", HOSTILE)
def test_citation_markdown_keeps_hostile_text_inert(text):
    line = citations.citation_markdown(text, text, "javascript:alert(1)", date(2025, 1, 1), text)
    inert = citations.escape_markdown(text)
    # The only Markdown is the line's own: bold publisher, italic title, and no link.
    assert line == f"**{inert}**, *{inert}*, published 1 January 2025 · attributed to {inert}"


def test_citation_text_is_plain():
    text = citations.citation_text("Politico", "Title", date(2025, 7, 24), "United Nations")
    assert text == "Politico, “Title”, published 24 July 2025; attributed to United Nations"


def test_source_caption_names_each_report():
    caption = citations.source_caption(
        [("Politico", "A", date(2025, 7, 24)), ("RBC-Ukraine", "B", date(2025, 7, 25))]
    )
    assert caption.startswith("Sources: ")
    assert "Politico, “A” (24 July 2025)" in caption
    assert "RBC\\-Ukraine, “B” (25 July 2025)" in caption
    assert citations.source_caption([("Politico", "A", None)]).startswith("Source: ")


def test_source_caption_counts_the_reports_past_its_limit():
    reports = [(f"Agency {number}", f"Report {number}", None) for number in range(1, 1_235)]
    caption = citations.source_caption(reports, limit=3)
    assert "Agency 3" in caption and "Agency 4," not in caption
    assert caption.endswith("and 1,231 other reports (all on the Sources page)")
    one_more = citations.source_caption(reports[:4], limit=3)
    assert one_more.endswith("and 1 other report (all on the Sources page)")
    assert citations.source_caption(reports[:3], limit=3).count("other") == 0


def test_citation_gaps_lists_what_is_missing():
    assert citations.citation_gaps("P", "T", date(2025, 1, 1), "A", "Q") == []
    assert citations.citation_gaps("", "T", None, " ", "") == [
        "publisher",
        "publication date",
        "who it is attributed to",
        "quote",
    ]


# --------------------------------------------------------------------------- shortcodes, bidi

SHORTCODES = [
    ":material/verified:",
    ":streamlit:",
    ":smile:",
    ":+1:",
    ":100:",
    ":red[fake badge]",
    ":material/check_circle: Verified by OCHA",
]


@pytest.mark.parametrize("text", SHORTCODES)
def test_icon_shortcodes_stay_as_written(text):
    for shown_text in (citations.escape_markdown(text), citations.plain_text(text)):
        assert not SHORTCODE.search(resolved(shown_text)), shown_text
        assert unescape(shown_text) == text or shown_text.replace(citations.WORD_JOINER, "") == text


def test_bidi_controls_are_removed_from_shown_text():
    title = "Report \u202eetadpu\u202c \u2066isolated\u2069 \u202a\u202b\u202d\u2067\u2068"
    for shown_text in (citations.escape_markdown(title), citations.plain_text(title)):
        assert not BIDI_CONTROLS.search(shown_text)
    assert citations.plain_text(title) == "Report etadpu isolated "


@given(
    st.lists(
        st.sampled_from(
            list(":/_ abc1+-[]\\") + ["material/", "streamlit", "\u202e", "\u2066", "\u2069"]
        ),
        max_size=30,
    ).map("".join)
)
def test_no_text_makes_an_icon_or_reorders_what_follows(text):
    for shown_text in (citations.escape_markdown(text), citations.plain_text(text)):
        assert not SHORTCODE.search(resolved(shown_text)), shown_text
        assert not BIDI_CONTROLS.search(shown_text)
    assert unescape(citations.escape_markdown(text)) == shown(text)


# --------------------------------------------------------------------------- display wording

OPENERS = st.sampled_from(list(citations.OPENING_QUOTES))


@given(st.text(min_size=1), OPENERS)
def test_a_quote_is_never_wrapped_in_a_second_pair_of_marks(words, opener):
    already = citations.quoted(opener + words)
    assert already == (opener + words).strip()  # its own marks are kept, none added
    wrapped = citations.quoted(words)
    if words.strip() and words.strip()[0] not in citations.OPENING_QUOTES:
        assert wrapped == f"“{words.strip()}”"


def test_quoted_leaves_empty_text_empty():
    assert citations.quoted(None) == "" and citations.quoted("  ") == ""


@given(
    st.sampled_from(["early-month", "mid-month", "late-month", "month", "day", "week"]),
    st.dates(min_value=date(1990, 1, 1), max_value=date(2090, 12, 1)),
)
def test_fuzzy_dates_are_hyphenated_one_way_and_the_reports_words_not_repeated(precision, day):
    words = citations.describe_date(day, precision)
    assert not words.startswith("mid ")
    if precision == "mid-month":
        stated = words.rsplit(" ", 1)[0]  # "mid-May", as a report writes it
        assert citations.with_stated_words(words, stated) == words
        assert citations.with_stated_words(words, stated.replace("-", " ")) == words


def test_stated_words_are_kept_where_they_add_something():
    assert citations.with_stated_words("23 July 2025", "Wednesday") == "23 July 2025 (“Wednesday”)"
    assert citations.with_stated_words("23 July 2025", "") == "23 July 2025"


def test_a_week_is_one_span():
    assert citations.describe_date(date(2025, 7, 18), "week") == "week of 18–24 July 2025"


def test_languages_are_named_in_words():
    assert citations.language_name("en") == "English"
    assert citations.language_name("fr") == "French"
    assert citations.language_name("zz-unknown") == "zz-unknown"
    assert citations.language_name(None) == ""


def test_source_line_is_plain_text():
    line = citations.source_line([("RBC-Ukraine", "B*", date(2025, 7, 25))])
    assert line == "Source: RBC-Ukraine, “B*” (25 July 2025)"
