"""Add a report: upload or paste it, review its candidates beside its text, save.

Registered only when editing is allowed (`indicators.editing`); saving goes through
`indicators.adding.add_report`, the same function as `python -m indicators add`.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import streamlit as st

from dashboard_pages import add_review, common
from indicators import citations, editing, schema
from indicators.adding import (
    AddError,
    SourceDetails,
    add_report,
    catalogue_of,
    extract_candidates,
)
from indicators.extract.commands import _candidate_dicts
from indicators.ingest import FORMATS, IngestError, document_from_bytes
from indicators.ingest.documents import document_from_text, stated_in_text

FORWARDING_HEADERS = ("X-Forwarded-For", "X-Forwarded-Host", "Forwarded")
LANGUAGES = ("en", "fr", "es", "ar", "pt", "ru", "uk", "de", "it")


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


def _shown(message: object) -> str:
    """An error's words as written: they hold a file's name or a value typed in, and
    Markdown would act on a "$", "*" or "[...](...)" in them."""
    return citations.escape_markdown(message)


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
        st.error(f"The figures cannot be read: {_shown(error)}", icon=":material/error:")
        return
    observations, events = _candidate_dicts(extraction)
    candidates = observations + events
    if not candidates:
        st.info("No figure or dated event was found in this text.")
        return

    st.checkbox(
        "Accept all candidates",
        key="accept_all",
        on_change=add_review.accept_all,
        args=([row["candidate_id"] for row in candidates],),
    )
    text_column, list_column = st.columns([1, 1], gap="medium")
    with list_column:
        st.subheader(f"{len(candidates)} candidates", anchor=False)
        chosen = st.selectbox(
            "Show in the text",
            [row["candidate_id"] for row in candidates],
            format_func=lambda cid: add_review.label(
                next(r for r in candidates if r["candidate_id"] == cid)
            ),
            key="report_candidate",
        )
        accepted, corrections = [], {}
        for row in candidates:
            keep, change = add_review.review(row, indicator_ids)
            if keep:
                accepted.append(row["candidate_id"])
            if change:
                corrections[row["candidate_id"]] = change
    with text_column:
        st.subheader("The report's text", anchor=False)
        add_review.show_text(document.text, candidates, chosen)

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
        st.error(_shown(error), icon=":material/error:")
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
        st.error(_shown("; ".join(problems).capitalize() + "."), icon=":material/error:")
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
            f"{'These candidates would not be saved' if dry_run else 'Nothing was saved'}: "
            + _shown(error),
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
