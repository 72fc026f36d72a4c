"""Indicators told apart only by a number in their ids (`people_in_ipc_phase_4` and `_5`,
`share_positive_samples_denv2` and `_denv3`): their words are the same, so the words around a
figure cannot choose between them; the number the text gives the id's word beside the figure
does ("a further 118,000 in Emergency (IPC Phase 4)", "followed by DENV-2 (19%)")."""

from __future__ import annotations

import re

_NUMBERED_PART = re.compile(r"([a-z]*)(\d+)$")
# where the text beside a figure stops being its own: the end of its clause
_CLAUSE_END = re.compile(r"[,;]|\.(?!\d)")


class _Group:
    """The indicators of one id with a number in it: the word the number belongs to, the
    pattern of that word followed by a number, and the indicator of each number."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.pattern = re.compile(rf"\b{re.escape(label)}[\s-]*(\d+)\b", re.IGNORECASE)
        self.by_number: dict[str, object] = {}


def _groups(catalogue) -> dict[str, _Group]:
    """indicator id -> its group, for the ids that share all but a number with another id of
    the catalogue; worked out once per catalogue."""
    groups = catalogue.__dict__.get("_numbered_groups")
    if groups is not None:
        return groups
    templates: dict[str, _Group] = {}
    members: dict[str, str] = {}
    for indicator in catalogue.indicators:
        parts = indicator.indicator_id.split("_")
        for index, part in enumerate(parts):
            found = _NUMBERED_PART.match(part)
            if found is None:
                continue
            label = found.group(1) or (parts[index - 1] if index else "")
            if not label or label.isdigit():
                break
            template = "_".join(parts[:index] + [found.group(1) + "#"] + parts[index + 1 :])
            group = templates.setdefault(template, _Group(label))
            group.by_number[str(int(found.group(2)))] = indicator
            members[indicator.indicator_id] = template
            break
    groups = {
        indicator_id: templates[template]
        for indicator_id, template in members.items()
        if len(templates[template].by_number) > 1
    }
    catalogue._numbered_groups = groups
    return groups


def numbered_sibling(catalogue, indicator_id: str, text: str, mention, sentence, positions):
    """The other indicator of `indicator_id`'s group whose number the text gives its word
    beside the figure (`numbered_beside`); None where the text gives none or gives its own."""
    beside = numbered_beside(catalogue, indicator_id, text, mention, sentence, positions)
    return None if beside is None or beside.indicator_id == indicator_id else beside


def numbered_beside(catalogue, indicator_id: str, text: str, mention, sentence, positions):
    """The indicator of `indicator_id`'s group (itself included) whose number the text gives
    its word beside the figure: first after it (up to the next figure or the clause's end),
    else before it (back to the figure before or the clause's start); None where the text
    gives none or `indicator_id` is of no group. `positions`: where the sentence's figures
    start."""
    groups = _groups(catalogue) if catalogue is not None else None
    if not groups:
        return None
    group = groups.get(indicator_id)
    if group is None:
        return None
    after_end = min([p for p in positions if p > mention.number_start] + [sentence.end])
    after = text[mention.end : after_end]
    stop = _CLAUSE_END.search(after)
    found = group.pattern.search(after, 0, stop.start() if stop else len(after))
    if found is None:
        before_start = max([p for p in positions if p < mention.number_start] + [sentence.start])
        before = text[before_start : mention.start]
        stops = list(_CLAUSE_END.finditer(before))
        start = stops[-1].end() if stops else 0
        found = None
        for found in group.pattern.finditer(before, start):  # noqa: B007 (the last is nearest)
            continue
    if found is None:
        return None
    sibling = group.by_number.get(str(int(found.group(1))))
    if sibling is None or sibling.unit != catalogue.by_id[indicator_id].unit:
        return None
    return sibling
