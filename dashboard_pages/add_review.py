"""Reviewing a report's candidates: each one accepted, corrected or left out, and the
report's text with every quote marked at its offsets."""

from __future__ import annotations

import html
import json

import streamlit as st

from indicators import citations, schema
from indicators.dates import PRECISIONS

NEW_INDICATOR = "(a new indicator)"
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


def label(row: dict) -> str:
    if "indicator_id" in row:  # the words as stated carry the qualifier ("more than 1,400")
        return f"{row['candidate_id']} · {row['indicator_id']}: {row['value_as_stated']}"
    return f"{row['candidate_id']} · {row['kind']}: {row['label']}"


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def accept_all(candidate_ids: list[str]) -> None:
    for cid in candidate_ids:
        st.session_state[f"accept_{cid}"] = bool(st.session_state.get("accept_all"))


def review(row: dict, indicator_ids: list[str]) -> tuple[bool, dict]:
    cid = row["candidate_id"]
    with st.container(border=True):
        st.session_state.setdefault(f"accept_{cid}", bool(st.session_state.get("accept_all")))
        # a checkbox's label and a caption are Markdown: the report's words are shown as
        # written ("US$ 5 million ... $2 million" is no formula, "*" no emphasis)
        keep = st.checkbox(citations.escape_markdown(label(row)), key=f"accept_{cid}")
        st.caption(f"“{citations.escape_markdown(row['quote'])}”")
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
                for field, caption in (
                    ("start_precision", "Start precision"),
                    ("end_precision", "End precision"),
                ):
                    precisions = ("", *PRECISIONS)
                    current = row.get(field) or ""
                    chosen = st.selectbox(
                        caption,
                        precisions,
                        index=precisions.index(current) if current in precisions else 0,
                        key=f"fix_{cid}_{field}",
                    )
                    if chosen != current:
                        change[field] = chosen
                fields = EVENT_FIELDS
            for field, caption in fields:
                original = _text(row.get(field))
                value = st.text_input(caption, value=original, key=f"fix_{cid}_{field}")
                if value.strip() != original.strip():
                    change[field] = value.strip()
    return keep, change


def show_text(text: str, candidates: list[dict], chosen: str) -> None:
    """The report's text with every quote marked at its offsets; the chosen one is
    scrolled into view. Everything from the report is escaped."""
    spans = sorted(
        (row["quote_start"], row["quote_end"], row["candidate_id"]) for row in candidates
    )
    parts, position = [], 0
    for start, end, cid in spans:
        if end <= position:  # a quote inside an earlier one: its mark covers it
            continue
        # a quote that runs on past an earlier one (the rows a list's lead-in dates each
        # quote it): the part after it is its mark
        start = max(start, position)
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
    return json.dumps(value).replace("<", "\\u003c")
