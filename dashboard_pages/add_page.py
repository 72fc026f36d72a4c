"""Add a report: upload or paste it, review its candidates beside its text, save.

Registered only when editing is allowed (`indicators.editing`); saving goes through
`indicators.adding.add_report`, the same function as `python -m indicators add`.
"""

from __future__ import annotations

import html
import os
from datetime import date
from pathlib import Path

import streamlit as st

from dashboard_pages import common
from indicators import editing, schema
from indicators.adding import (
    AddError,
    SourceDetails,
    add_report,
    catalogue_of,
    extract_candidates,
)
from indicators.dates import PRECISIONS
from indicators.extract.commands import _candidate_dicts
from indicators.ingest import FORMATS, IngestError, document_from_bytes
from indicators.ingest.documents import document_from_text, stated_in_text

NEW_INDICATOR = "(a new indicator)"
FORWARDING_HEADERS = ("X-Forwarded-For", "X-Forwarded-Host", "Forwarded")
LANGUAGES = ("en", "fr", "es", "ar", "pt", "ru", "uk", "de", "it")
OBSERVATION_FIELDS = (
    ("location", "Place"),
    ("value", "Value"),
    ("value_low", "Lower bound"),
    ("value_high", "Upper bound"),
    ("period_start", "Period start (YYYY-MM-DD)"),
    ("period_end", "Period end (YYYY-MM-DD)"),
    ("reported_on", "Reported on (YYYY-MM-DD)"),
    ("attributed_to", "Attributed to"),
)
EVENT_FIELDS = (
    ("label", "Label"),
    ("location", "Place"),
    ("start", "Start (YYYY-MM-DD)"),
    ("end", "End (YYYY-MM-DD)"),
    ("attributed_to", "Attributed to"),
)


def access() -> editing.Access:
    """Whether this visitor may add reports: the flag, and sign-in where it is set up."""
    if os.environ.get(editing.EDIT_VARIABLE, "").strip() != "1":  # the usual case: no work
        return editing.editing_access(os.environ, False, False, None, set(), None)
    try:
        sign_in = "auth" in st.secrets
        secrets_editors = list(st.secrets.get("editing", {}).get("editors", []))
    except Exception:  # no secrets.toml: a local copy
        sign_in, secrets_editors = False, []
    headers = st.context.headers
    signed_in = bool(sign_in and st.user.get("is_logged_in", False))
    email = st.user.get("email") if signed_in else None
    return editing.editing_access(
        os.environ,
        sign_in,
        signed_in,
        email,
        editing.allow_list(os.environ, secrets_editors),
        headers.get("Host") if headers else None,
        any(name in headers for name in FORWARDING_HEADERS) if headers else False,
    )


def offer_sign_in() -> None:
    with st.sidebar:
        if st.button("Sign in to add reports", key="sign_in", icon=":material/login:"):
            st.login()


def render(context: common.PageContext) -> None:
    st.title("Add a report")
    if not access().allowed:  # checked again here: no path writes without it
        st.error("Adding reports is not allowed here.")
        return
    data_dir = Path(context.key.data_dir)
    st.caption(
        "Upload a report or paste its text, say who published it and when, then accept, "
        "correct or reject each figure found in it. Saving adds the accepted figures to the "
        "tables, checked as `python -m indicators validate` checks them; the report's text is "
        "kept beside the tables so every quote stays checkable."
    )
    document = _document()
    if document is None:
        return
    details = _details(document)
    if details is None:
        return
    try:
        extraction = _extraction(data_dir, document, details)
        indicator_ids = sorted({item.indicator_id for item in catalogue_of(data_dir).indicators})
    except (AddError, OSError) as error:
        st.error(f"The figures cannot be read: {error}", icon=":material/error:")
        return
    observations, events = _candidate_dicts(extraction)
    candidates = observations + events
    if not candidates:
        st.info("No figure or dated event was found in this text.")
        return

    st.checkbox(
        "Accept all candidates",
        key="accept_all",
        on_change=_accept_all,
        args=([row["candidate_id"] for row in candidates],),
    )
    text_column, list_column = st.columns([1, 1], gap="medium")
    with list_column:
        st.subheader(f"{len(candidates)} candidates", anchor=False)
        chosen = st.selectbox(
            "Show in the text",
            [row["candidate_id"] for row in candidates],
            format_func=lambda cid: _label(next(r for r in candidates if r["candidate_id"] == cid)),
            key="report_candidate",
        )
        accepted, corrections = [], {}
        for row in candidates:
            keep, change = _review(row, indicator_ids)
            if keep:
                accepted.append(row["candidate_id"])
            if change:
                corrections[row["candidate_id"]] = change
    with text_column:
        st.subheader("The report's text", anchor=False)
        _show_text(document.text, candidates, chosen)

    st.divider()
    check_column, save_column = st.columns(2)
    with check_column:
        check = st.button(
            "Check the accepted candidates",
            key="report_check",
            disabled=not accepted,
            icon=":material/rule:",
            help="Validates them with the tables as they are, as `validate` would; writes nothing.",
        )
    with save_column:
        save = st.button(
            f"Save {len(accepted)} accepted candidate(s)",
            key="report_save",
            type="primary",
            disabled=not accepted,
            icon=":material/save:",
        )
    if check or save:
        _save(data_dir, document, details, extraction, accepted, corrections, dry_run=check)


def _document():
    upload = st.file_uploader(
        "Report file", type=[suffix.lstrip(".") for suffix in FORMATS], key="report_file"
    )
    pasted = st.text_area(
        "… or paste the report's text", key="report_text", height=160, max_chars=2_000_000
    )
    try:
        if upload is not None:
            return _read_upload(upload.getvalue(), upload.name)
        if pasted.strip():
            return document_from_text(pasted, "the pasted text")
    except IngestError as error:
        st.error(str(error), icon=":material/error:")
        return None
    st.info("Upload a report (text, Markdown, a web page or a PDF) or paste its text.")
    return None


@st.cache_data(show_spinner="Reading the report…", max_entries=4)
def _read_upload(data: bytes, name: str):
    return document_from_bytes(data, name)


def _suggest(key: str, value) -> None:
    if value and not st.session_state.get(key):
        st.session_state[key] = value


def _details(document) -> SourceDetails | None:
    stated = {**stated_in_text(document.text), **document.metadata}
    _suggest("report_publisher", stated.get("author"))
    _suggest("report_title", stated.get("title"))
    _suggest("report_url", stated.get("url"))
    if stated.get("published") and not st.session_state.get("report_published"):
        st.session_state["report_published"] = date.fromisoformat(stated["published"])
    if stated.get("language") in LANGUAGES and not st.session_state.get("report_language"):
        st.session_state["report_language"] = stated["language"]
    left, middle, right = st.columns(3)
    with left:
        publisher = st.text_input("Publisher", key="report_publisher")
        title = st.text_input("Title", key="report_title")
    with middle:
        url = st.text_input("Address (http or https)", key="report_url")
        published = st.date_input(
            "Published", value=None, key="report_published", format="YYYY-MM-DD"
        )
    with right:
        language = st.selectbox("Language", LANGUAGES, key="report_language")
        kind = st.selectbox("Kind", schema.SOURCE_KINDS, key="report_kind")
    if not publisher.strip() or published is None:
        st.info("Give the publisher and the publication day to read the figures.")
        return None
    details = SourceDetails(
        published=published,
        publisher=publisher.strip(),
        title=title.strip(),
        url=url.strip(),
        language=language,
        kind=kind,
        notes="Added on the dashboard's Add a report page.",
    )
    problems = details.problems()
    if problems:
        st.error("; ".join(problems).capitalize() + ".", icon=":material/error:")
        return None
    return details


def _extraction(data_dir: Path, document, details: SourceDetails):
    # Kept for the session, so the candidates stay the ones shown while the reader reviews.
    key = ("extraction", document.text_sha256, details, str(data_dir))
    cache = st.session_state.setdefault("_add_extractions", {})
    if key not in cache:
        cache.clear()
        cache[key] = extract_candidates(document, details, catalogue_of(data_dir))
    return cache[key]


def _label(row: dict) -> str:
    if "indicator_id" in row:  # the words as stated carry the qualifier ("more than 1,400")
        return f"{row['candidate_id']} · {row['indicator_id']}: {row['value_as_stated']}"
    return f"{row['candidate_id']} · {row['kind']}: {row['label']}"


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def _accept_all(candidate_ids: list[str]) -> None:
    for cid in candidate_ids:
        st.session_state[f"accept_{cid}"] = bool(st.session_state.get("accept_all"))


def _review(row: dict, indicator_ids: list[str]) -> tuple[bool, dict]:
    cid = row["candidate_id"]
    with st.container(border=True):
        st.session_state.setdefault(f"accept_{cid}", bool(st.session_state.get("accept_all")))
        keep = st.checkbox(_label(row), key=f"accept_{cid}")
        st.caption(f"“{row['quote']}”")
        change: dict = {}
        with st.expander("Correct this candidate"):
            if "indicator_id" in row:
                options = sorted(set(indicator_ids) | {row["indicator_id"]}) + [NEW_INDICATOR]
                indicator = st.selectbox(
                    "Indicator",
                    options,
                    index=options.index(row["indicator_id"]),
                    key=f"fix_{cid}_indicator_id",
                )
                if indicator == NEW_INDICATOR:
                    new_id = st.text_input("New indicator id", key=f"fix_{cid}_new_id")
                    name = st.text_input("Its name", key=f"fix_{cid}_indicator_name")
                    unit = st.selectbox(
                        "Its unit",
                        ("count", "percent", "days", "months", "status"),
                        key=f"fix_{cid}_unit",
                    )
                    if new_id.strip():
                        change.update(indicator_id=new_id.strip(), indicator_name=name, unit=unit)
                elif indicator != row["indicator_id"]:
                    change["indicator_id"] = indicator
                qualifiers = ("", *schema.QUALIFIERS)
                qualifier = st.selectbox(
                    "Qualifier",
                    qualifiers,
                    index=qualifiers.index(row.get("qualifier") or ""),
                    key=f"fix_{cid}_qualifier",
                )
                if qualifier != (row.get("qualifier") or ""):
                    change["qualifier"] = qualifier
                precisions = ("", *PRECISIONS)
                precision = st.selectbox(
                    "Period precision",
                    precisions,
                    index=precisions.index(row.get("period_precision") or ""),
                    key=f"fix_{cid}_period_precision",
                )
                if precision != (row.get("period_precision") or ""):
                    change["period_precision"] = precision
                fields = OBSERVATION_FIELDS
            else:
                kinds = schema.EVENT_KINDS
                kind = st.selectbox(
                    "Kind of event",
                    kinds,
                    index=kinds.index(row["kind"]) if row["kind"] in kinds else 0,
                    key=f"fix_{cid}_kind",
                )
                if kind != row["kind"]:
                    change["kind"] = kind
                for field, label in (
                    ("start_precision", "Start precision"),
                    ("end_precision", "End precision"),
                ):
                    precisions = ("", *PRECISIONS)
                    current = row.get(field) or ""
                    chosen = st.selectbox(
                        label,
                        precisions,
                        index=precisions.index(current) if current in precisions else 0,
                        key=f"fix_{cid}_{field}",
                    )
                    if chosen != current:
                        change[field] = chosen
                fields = EVENT_FIELDS
            for field, label in fields:
                original = _text(row.get(field))
                value = st.text_input(label, value=original, key=f"fix_{cid}_{field}")
                if value.strip() != original.strip():
                    change[field] = value.strip()
    return keep, change


def _show_text(text: str, candidates: list[dict], chosen: str) -> None:
    """The report's text with every quote marked at its offsets; the chosen one is
    scrolled into view. Everything from the report is escaped."""
    spans = sorted(
        (row["quote_start"], row["quote_end"], row["candidate_id"]) for row in candidates
    )
    parts, position = [], 0
    for start, end, cid in spans:
        if start < position:  # overlapping quotes: the earlier mark covers them
            continue
        parts.append(html.escape(text[position:start]))
        css = "chosen" if cid == chosen else ""
        parts.append(
            f'<mark id="q-{html.escape(cid)}" class="{css}" title="{html.escape(cid)}">'
            f"{html.escape(text[start:end])}</mark>"
        )
        position = end
    parts.append(html.escape(text[position:]))
    # Escaped above: the only markup is the marks and the script that scrolls to one.
    st.iframe(
        "<!DOCTYPE html><style>body{font-family:sans-serif;font-size:15px;line-height:1.5;margin:0 6px;"
        "white-space:pre-wrap;color:#222}mark{background:#fde8a8;padding:0 1px}"
        "mark.chosen{background:#e69f00;outline:2px solid #d55e00}</style>"
        f"<div>{''.join(parts)}</div>"
        f"<script>const el=document.getElementById({_js_string('q-' + chosen)});"
        "if(el){el.scrollIntoView({block:'center'});}</script>",
        height=_text_height(text),
    )


def _text_height(text: str) -> int:
    """Room for a short report whole; a long one scrolls inside 560 pixels."""
    lines = sum(len(line) // 50 + 1 for line in text.splitlines())
    return max(160, min(560, 24 + 23 * lines))


def _js_string(value: str) -> str:
    import json

    return json.dumps(value).replace("<", "\\u003c")


def _save(data_dir, document, details, extraction, accepted, corrections, dry_run) -> None:
    if not access().allowed:
        st.error("Adding reports is not allowed here.")
        return
    try:
        result = add_report(
            data_dir, document, details, extraction, accepted, corrections, dry_run=dry_run
        )
    except AddError as error:
        st.error(
            f"{'These candidates would not be saved' if dry_run else 'Nothing was saved'}: {error}",
            icon=":material/error:",
        )
        return
    if result.already_added:
        st.info(
            f"This report was already added as source {result.source_id}; nothing to do.",
            icon=":material/info:",
        )
        return
    figures = len(result.added.get("observations.csv", []))
    events = len(result.added.get("events.csv", []))
    if dry_run:
        st.success(
            f"{figures} figure(s) and {events} event(s) would be added as source "
            f"{result.source_id}; they validate with the tables as they are.",
            icon=":material/check:",
        )
        return
    st.success(
        f"Saved {figures} figure(s) and {events} event(s) from source {result.source_id}. "
        "Every page shows them now.",
        icon=":material/check_circle:",
    )
    for warning in result.warnings:
        st.warning(warning, icon=":material/warning:")
