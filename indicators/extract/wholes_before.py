"""A share whose whole the sentence before names: "412 people were killed or injured by
explosive devices ... More than a third of the victims were children", "Cases of acute watery
diarrhoea ... rose to 1,150 in May. Children under five accounted for more than half of cases."
The share's own sentence says what part it is and points back to the whole ("of the victims",
"of them", "of cases"); the sentence before says what the whole is, so its words are the
share's too."""

from __future__ import annotations

from indicators.extract.catalogue import content_word_tuple

_REACH = 400  # how far back the sentence before is looked for
_ENDS = ".!?"


def points_back_to_a_whole(text: str, mention_end: int) -> bool:
    """Does the share ending at `mention_end` go on with "of" and its whole ("a third of the
    victims", "half of them", "One in five of them")? The cheap test before the sentence
    before is read."""
    return text.startswith(" of ", mention_end)


def words_of_the_sentence_before(text: str, sentence_start: int) -> tuple[str, ...]:
    """The content words of the sentence before the one at `sentence_start` in its paragraph
    (its line), or () when the sentence opens the paragraph."""
    line_start = text.rfind("\n", max(0, sentence_start - _REACH), sentence_start) + 1
    if line_start == 0 and sentence_start > _REACH:
        line_start = sentence_start - _REACH
    before = text[line_start:sentence_start].rstrip()
    if not before or before[-1] not in _ENDS:
        return ()
    start = max(before.rfind(end + " ", 0, len(before) - 1) for end in _ENDS) + 2
    return content_word_tuple(before[max(0, start) if start > 1 else 0 :])
