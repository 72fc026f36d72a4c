"""The currency a table's column header names: under "Sector | People targeted | Budget (CHF)"
the cell "48 million" is 48 million Swiss francs, as a header's "(in thousands)" scales its
cells. A cell that states its own currency keeps it; a code is a currency of ISO 4217.
"""

from __future__ import annotations

import functools
import re

from indicators.extract import figure_context as fc
from indicators.extract.number_context import LOCAL_CURRENCY_CODES
from indicators.extract.number_mention import COUNT, MONEY
from indicators.extract.number_words import CURRENCIES

# "(CHF)", "(US$)", "(in USD)", "(amount, EUR)": a sign or a code alone closing the parentheses
_CURRENCY_IN_PARENTHESES = re.compile(
    r"\((?:[^()]*?[\s,])?(?:in\s+)?(?P<currency>US\$|\$|€|£|[A-Z]{3})\s*\)"
)


@functools.lru_cache(maxsize=256)
def _currency_of_header(header: str) -> str:
    match = _CURRENCY_IN_PARENTHESES.search(header) if "(" in header else None
    if match is None:
        return ""
    code = match.group("currency")
    if code.lower() in CURRENCIES:
        return CURRENCIES[code.lower()]
    return code.lower() if code in LOCAL_CURRENCY_CODES else ""


def column_currency(text: str, sentence, mention, kind: str, unit: str) -> tuple[str, str]:
    """(kind, unit) of a table cell's figure: money in the currency its column's header names
    when the cell is a bare count, else as read."""
    if kind != COUNT or sentence.text.find("|") < 0:
        return kind, unit
    header = fc.header_of_column(text, sentence.start, mention.start)
    currency = _currency_of_header(header) if header else ""
    return (MONEY, currency) if currency else (kind, unit)
