"""How a figure is worded and cited: values with their qualifiers, dates, citation lines.

Everything that turns table cells into words for people lives here, so the dashboard,
the charts and the downloads say the same thing. Text from the data is never trusted as
markup: `escape_markdown` makes it inert, and only http(s) addresses become links.
"""

from __future__ import annotations

import calendar
import math
import re
from collections.abc import Callable, Iterable
from datetime import date, datetime, timedelta
from urllib.parse import quote, urlsplit

import pandas as pd

from indicators import dates
from indicators.schema import LOWER_BOUND_QUALIFIERS, PERCENT_UNIT, UPPER_BOUND_QUALIFIERS

# Qualifiers that stand in for a number ("many hospitals").
VAGUE_QUALIFIERS = ("many", "several", "some")
STATUS_UNIT = "status"
COUNT_UNIT = "count"

# Characters with a meaning in Markdown, GitHub's extensions (tables, autolinked e-mail
# addresses) or Streamlit's own directives (:red[...], :material/icon:, $math$). CommonMark
# lets any ASCII punctuation be backslash-escaped, so escaping them all is always safe.
_MARKDOWN_PUNCTUATION = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:@&^=])")
_WHITESPACE = re.compile(r"\s+")
# Streamlit's Markdown (remark-gfm) also turns bare "http://", "https://" and "www." hosts
# and "name@host.tld" addresses into links. It finds them in the text after backslash
# escapes are resolved, so escaping cannot stop it; an invisible WORD JOINER inside each
# pattern does (checked in Chromium: no link, and nothing visible is added).
WORD_JOINER = "\u2060"
_AUTOLINK_PREFIX = re.compile(r"(https?(?=://)|www(?=\.))", re.IGNORECASE)
_URL_SAFE_CHARACTERS = ":/?#@!$&'*+,;=%~-._"
# Streamlit draws ":material/verified:", ":streamlit:" and emoji shortcodes as icons in
# Markdown, and also in labels and select options that show no other Markdown, even when
# the colons are backslash-escaped. A WORD JOINER right after the colon keeps them as
# written (checked in Chromium for markdown, captions, subheaders, metric labels and
# values, expander and tab labels, select options).
_SHORTCODE_COLON = re.compile(r":(?=\S)")
# Bidirectional embedding, override and isolate controls (U+202A-U+202E, U+2066-U+2069)
# reorder the text drawn after them: a title could make the reader see another order.
_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


def without_bidi_controls(text: str) -> str:
    return _BIDI_CONTROLS.sub("", text)


def shown_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A table as the screen shows it: bidi controls removed from its text cells (a grid
    draws no Markdown and no shortcodes, so nothing else needs changing)."""
    changed = {}
    for name in frame.columns:
        cells = frame[name]
        if pd.api.types.is_string_dtype(cells.dtype) or cells.dtype == object:
            text = cells.astype("str")
            has_controls = text.str.contains(_BIDI_CONTROLS.pattern, regex=True, na=False)
            if has_controls.any():
                changed[name] = cells.where(
                    ~has_controls, text.str.replace(_BIDI_CONTROLS.pattern, "", regex=True)
                )
    return frame.assign(**changed) if changed else frame


def plain_text(text: object) -> str:
    """Data text for a place that draws no Markdown but does draw icon shortcodes (select
    options, format_func labels): shortcodes shown as written, bidi controls removed."""
    if text is None or (isinstance(text, float) and math.isnan(text)):
        return ""
    return _SHORTCODE_COLON.sub(":" + WORD_JOINER, without_bidi_controls(str(text)))


def escape_markdown(text: object) -> str:
    """Text that Markdown shows exactly as written, on one line, with no link in it.

    Line breaks are folded into spaces: a new line could otherwise start a heading, a
    list or a code block. Bare web and e-mail addresses get an invisible word joiner
    (`break_autolinks`), so they show as plain text; so do icon shortcodes, and bidi
    controls are removed (`plain_text`).
    """
    if text is None or (isinstance(text, float) and math.isnan(text)):
        return ""
    one_line = _WHITESPACE.sub(" ", str(text)).strip()
    return _MARKDOWN_PUNCTUATION.sub(r"\\\1", plain_text(break_autolinks(one_line)))


def break_autolinks(text: str) -> str:
    """`text` with a WORD JOINER after each "http"/"https" that starts "://", after each
    "www" before a dot and before each "@", which is where GitHub-flavoured Markdown's
    bare-address links need two characters side by side."""
    text = _AUTOLINK_PREFIX.sub(r"\1" + WORD_JOINER, text)
    return text.replace("@", WORD_JOINER + "@")


def safe_link_url(url: object) -> str | None:
    """The address to link to, or None unless it is a plain http(s) URL with a host.

    Characters that could end a Markdown link target early are percent-encoded.
    """
    if not isinstance(url, str):
        return None
    url = url.strip()
    if not url or any(ord(character) < 0x21 or character in '\\"<>`' for character in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return quote(url, safe=_URL_SAFE_CHARACTERS)


def markdown_link(text: object, url: object) -> str:
    """`[text](url)` with the text escaped; the escaped text alone when the URL is unsafe."""
    label = escape_markdown(text)
    target = safe_link_url(url)
    if target is None or not label:
        return label
    return f"[{label}]({target})"


# --------------------------------------------------------------------------- Dates


def as_date(value: object) -> date | None:
    """A calendar day from a date, datetime, pandas Timestamp or ISO text; None for empty."""
    if value is None:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, datetime):  # pandas Timestamp is a datetime
        if value != value:  # NaT
            return None
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        if not value.strip():
            return None
        return date.fromisoformat(value.strip()[:10])
    if str(value) == "NaT":
        return None
    raise TypeError(f"not a date: {value!r}")


def format_day(value: object) -> str:
    """'24 July 2025'; empty for a missing date."""
    day = as_date(value)
    if day is None:
        return ""
    return f"{day.day} {calendar.month_name[day.month]} {day.year}"


def describe_date(day: date | None, precision: str | None) -> str:
    """A fuzzy date in words, hyphenated as people write it: 'mid-May 2025', 'early March 2025'."""
    if precision == "week" and day is not None:
        last = day + timedelta(days=6)
        if (day.year, day.month) == (last.year, last.month):
            return f"week of {day.day}–{format_day(last)}"
    words = dates.describe(day, precision)
    return "mid-" + words[len("mid ") :] if words.startswith("mid ") else words


def with_stated_words(words: str, stated: str) -> str:
    """'23 July 2025 (“Wednesday”)'; the report's words are left out where `words` already
    say them ('mid-May 2025', not 'mid-May 2025 (“mid-May”)')."""
    stated = " ".join((stated or "").split())
    if not stated:
        return words
    if not words:
        return f"“{stated}”"
    folded = words.casefold().replace("-", " ")
    if stated.casefold().replace("-", " ") in folded:
        return words
    return f"{words} (“{stated}”)"


def quoted(text: object) -> str:
    """The report's words in quotation marks, unless they already open with one: a quote
    that starts inside a quotation ('“Food deliveries …,” he said') keeps its own marks."""
    if text is None or (isinstance(text, float) and math.isnan(text)):
        return ""
    words = str(text).strip()
    if not words:
        return ""
    if words[0] in OPENING_QUOTES:
        return words
    return f"“{words}”"


OPENING_QUOTES = "“‘\"'«„‚‹「『"


def language_name(code: object) -> str:
    """'English' for 'en' (ISO 639-1, via pycountry); the code itself when it is unknown."""
    text = str(code or "").strip()
    if not text:
        return ""
    try:
        import pycountry

        language = pycountry.languages.get(alpha_2=text.lower())
    except (ImportError, KeyError, LookupError):
        language = None
    return getattr(language, "name", None) or text


def period_text(start: object, end: object, precision: str, end_precision: str = "") -> str:
    """The period a figure describes: 'early March 2025 to mid-May 2025', or one window.

    The end has the start's precision unless `end_precision` says otherwise.
    """
    first = as_date(start)
    last = as_date(end)
    if first is None:
        return ""
    end_precision = end_precision or precision
    start_words = describe_date(first, precision)
    if last is None or (last == first and end_precision == precision):
        return start_words
    return f"{start_words} to {describe_date(last, end_precision)}"


def as_of_text(
    period_start: object,
    period_end: object,
    period_precision: str,
    reported_on: object,
    period_end_precision: str = "",
) -> str:
    """When the figure holds: its period, or 'as of' the day it was stated when it has none."""
    period = period_text(period_start, period_end, period_precision or "day", period_end_precision)
    if period:
        return f"for {period}"
    said = format_day(reported_on)
    return f"as of {said}" if said else ""


# --------------------------------------------------------------------------- Values


def _is_missing(value: object) -> bool:
    return (
        value is None
        or (isinstance(value, float) and math.isnan(value))
        or str(value) in ("<NA>", "nan")
    )


def _trimmed(value: float, digits: int) -> str:
    text = f"{value:.{digits}f}"
    return text.rstrip("0").rstrip(".") if digits else text


def format_number(value: float, unit: str) -> str:
    """A number in its unit, rounded as people read it: 33.3 percent -> '33%'."""
    if unit == PERCENT_UNIT:
        # Whole percents read best; below 10% a decimal can matter (2.5%).
        return f"{_trimmed(value, 0 if abs(value) >= 10 else 1)}%"
    text = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0").rstrip(".")
    if unit in ("", COUNT_UNIT, STATUS_UNIT):
        return text
    if abs(value) == 1 and unit.endswith("s"):
        return f"{text} {unit[:-1]}"
    return f"{text} {unit}"


def format_value(
    value: object,
    qualifier: str,
    unit: str,
    value_as_stated: str = "",
    value_low: object = None,
    value_high: object = None,
) -> str:
    """The figure as the dashboard says it, hedge included: 'nearly 33%', never a bare '33%'.

    A statement without a number ('many', a status in words) is given in the report's
    words; a range without a central value as 'between 10% and 20%'.
    """
    qualifier = (qualifier or "").strip()
    value_as_stated = (value_as_stated or "").strip()
    has_value = not _is_missing(value)
    has_low = not _is_missing(value_low)
    has_high = not _is_missing(value_high)

    if unit == STATUS_UNIT or not (has_value or has_low or has_high):
        return value_as_stated or qualifier
    if has_value:
        text = format_number(float(value), unit)
    elif has_low and has_high:
        text = f"between {format_number(float(value_low), unit)} and {format_number(float(value_high), unit)}"
    elif has_low:
        text = format_number(float(value_low), unit)
        qualifier = qualifier if qualifier in LOWER_BOUND_QUALIFIERS else "at least"
    else:
        text = format_number(float(value_high), unit)
        qualifier = qualifier if qualifier in UPPER_BOUND_QUALIFIERS else "up to"
    if has_value and has_low and has_high:
        text = f"{text} (range {format_number(float(value_low), unit)}–{format_number(float(value_high), unit)})"
    return f"{qualifier} {text}" if qualifier else text


# --------------------------------------------------------------------------- Citations


def citation_text(publisher: str, title: str, published: object, attributed_to: str) -> str:
    """One plain line: 'Politico, "US leaves ...", published 24 July 2025; attributed to X'."""
    parts = [publisher.strip()] if publisher and publisher.strip() else []
    if title and title.strip():
        parts.append(quoted(title))
    published_text = format_day(published)
    if published_text:
        parts.append(f"published {published_text}")
    line = ", ".join(parts)
    if attributed_to and attributed_to.strip():
        line += f"; attributed to {attributed_to.strip()}"
    return line


def citation_markdown(
    publisher: str, title: str, url: str, published: object, attributed_to: str
) -> str:
    """The citation line as inert Markdown, the report title linked when its URL is http(s)."""
    parts = [f"**{escape_markdown(publisher)}**"] if publisher and publisher.strip() else []
    if title and title.strip():
        parts.append(f"*{markdown_link(title, url)}*")
    published_text = format_day(published)
    if published_text:
        parts.append(f"published {escape_markdown(published_text)}")
    line = ", ".join(parts)
    if attributed_to and attributed_to.strip():
        line += f" · attributed to {escape_markdown(attributed_to)}"
    return line


def _source_list(
    reports: Iterable[tuple[str, str, object]], limit: int, inert: Callable[[object], str]
) -> str:
    cited = []
    count = 0
    for publisher, title, published in reports:
        count += 1
        if count > limit:
            continue
        day = format_day(published)
        cited.append(
            f"{inert(publisher)}, {quoted(inert(title))}" + (f" ({inert(day)})" if day else "")
        )
    if not cited:
        return "Source: no report (nothing to show for this selection)."
    label = "Source" if count == 1 else "Sources"
    more = count - len(cited)
    if more:
        cited.append(
            f"and {more:,} other {'report' if more == 1 else 'reports'} (all on the Sources page)"
        )
    return f"{label}: " + "; ".join(cited)


def _plain(text: object) -> str:
    return " ".join(str(text or "").split())


def source_line(reports: Iterable[tuple[str, str, object]], limit: int = 5) -> str:
    """'Sources: Politico, “Title” (24 July 2025); ...' as plain text, drawn into a chart.

    `reports` holds (publisher, title, published) for each report the chart draws on. Past
    `limit` reports the line names the first ones and counts the rest: a chart drawn from
    thousands of reports cannot list them under it, and the Sources page lists them all.
    """
    return _source_list(reports, limit, _plain)


def source_caption(reports: Iterable[tuple[str, str, object]], limit: int = 5) -> str:
    """`source_line` as inert Markdown, for a caption."""
    return _source_list(reports, limit, escape_markdown)


def citation_gaps(
    publisher: str, title: str, published: object, attributed_to: str, quote_text: str
) -> list[str]:
    """What a figure's citation lacks, in words; empty when it is complete."""
    gaps = []
    if not (publisher or "").strip():
        gaps.append("publisher")
    if not (title or "").strip():
        gaps.append("report title")
    if as_date(published) is None:
        gaps.append("publication date")
    if not (attributed_to or "").strip():
        gaps.append("who it is attributed to")
    if not (quote_text or "").strip():
        gaps.append("quote")
    return gaps
