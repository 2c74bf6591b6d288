"""The date of a dateline ("KALAIKUNDA, Dec 6 -") is when the report was filed, not when its event was.

Part of the rule catalogue, run on the dates before the sentence rules; the place of a dateline is
set aside the same way (``graph.ingest.extract._dateline``).

Examples
--------
>>> from datetime import date
>>> from graph.ingest.dates import find_dates
>>> from graph.ingest.text import nlp
>>> doc = nlp()("GOA, Mar 6 - The exercise runs from March 3 to 14.")
>>> [str(d) for d in without_dateline(doc, find_dates(doc, date(2026, 3, 6)))]
['2026-03-03..2026-03-14']
"""

from __future__ import annotations

from spacy.tokens import Doc

from graph.ingest.dates import DateValue
from graph.ingest.rulebook import rule

DATELINE_ENDS = {"-", "--", "–", "—", ":"}


@rule(
    "The date of a dateline ('GOA, Mar 6 -') is when the report was filed, not the event's date.",
    "GOA, Mar 6 - The 5th edition of Exercise Konkan was held at Goa from March 3 to 14, 2026.",
    ("5th edition of Exercise Konkan", "startDate", "2026-03-03"),
    ("5th edition of Exercise Konkan", "endDate", "2026-03-14"),
)
def dateline_date(s: object) -> None:
    """Applied by :func:`without_dateline` to the dates before the sentence rules."""


def without_dateline(doc: Doc, dates: list[DateValue]) -> list[DateValue]:
    """``dates`` less any that sits in an upper-case dateline at the start of a line."""
    return [d for d in dates if not _in_dateline(doc, d)]


def _in_dateline(doc: Doc, value: DateValue) -> bool:
    span = doc.char_span(value.start_char, value.end_char, alignment_mode="expand")
    if span is None or span.end >= len(doc) or doc[span.end].text not in DATELINE_ENDS:
        return False
    k = span.start - 1
    while k >= 0 and "\n" not in doc[k].text_with_ws and (doc[k].is_punct or doc[k].text.isupper()):
        k -= 1
    at_line_start = k < 0 or "\n" in doc[k].text_with_ws
    return at_line_start and k + 1 < span.start and doc[k + 1].text.isupper()
