"""A figure in a ", with" adjunct: "Mpox transmission continues: 1,085 confirmed cases have
been recorded this year, with 14 deaths", "Nine isolation units are open, with 212 beds".
", with" bounds a clause (what follows it is read apart from the figure before), yet an
adjunct names no subject of its own: what its deaths or beds are of is said in the clause
before it, which comes before the report's topic or headings in filling in the rest."""

from __future__ import annotations

from indicators.extract.catalogue import content_word_tuple


def words_of_the_clause_before(text: str, sentence_start: int, clause_start: int) -> tuple:
    """The content words before a clause that opens with ", with" (at `clause_start`, just
    after "with"), from the sentence's start; () for any other clause."""
    if clause_start - sentence_start < 8 or text[clause_start - 4 : clause_start] != "with":
        return ()
    head = text[sentence_start : clause_start - 4].rstrip()
    if not head.endswith(","):
        return ()
    return content_word_tuple(head)
