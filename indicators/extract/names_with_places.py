"""A place name inside a person's name ("said Maria Aden, a nurse", "Dr Ahmed Kassala") is part
of who speaks, not where a figure holds."""

from __future__ import annotations


def outside_person_names(sentence_start: int, spans: list, attributions: list) -> list:
    """The place `spans` (offsets in the sentence) less those inside the name of a person the
    sentence credits (an attribution of kind person whose speaker holds the place's words)."""
    names = [
        (a.start - sentence_start, a.end - sentence_start, f" {a.speaker} ")
        for a in attributions
        if a.kind == "person" and a.start >= sentence_start
    ]
    if not names:
        return spans
    return [
        span
        for span in spans
        if not any(
            start <= span[0] and span[1] <= end and f" {span[2]} " in speaker
            for start, end, speaker in names
        )
    ]
