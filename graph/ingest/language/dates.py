"""Dates as news writes them, found with spaCy's Matcher and turned into XSD literals.

Handles "3-4 February 2026", "Oct. 31, 2025", "31st October 2025", "September 9 to 22",
"20 and 21 June", month-only "October 2025" (``xsd:gYearMonth``), "in 2002" (``xsd:gYear``), and
weekdays ("on Thursday") and relative years ("September last year") resolved against the published
date.

Examples
--------
>>> from datetime import date
>>> from graph.ingest.language.text import nlp
>>> [str(d) for d in find_dates(nlp()("It ran from 3-4 February 2026."), date(2026, 2, 5))]
['2026-02-03..2026-02-04']
>>> [str(d) for d in find_dates(nlp()("Signed on Thursday."), date(2018, 9, 8))]
['2018-09-06']
>>> [d.literal().n3() for d in find_dates(nlp()("signed in October 2025"), None)]
['"2025-10"^^<http://www.w3.org/2001/XMLSchema#gYearMonth>']
>>> [str(d) for d in find_dates(nlp()("It was held in September last year."), date(2025, 3, 1))]
['2024-09']
>>> [str(d) for d in find_dates(nlp()("It was held in September-October 2023."), None)]
['2023-09..2023-10']
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from itertools import pairwise
from typing import Any

from rdflib import Literal
from rdflib.namespace import XSD
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from graph.ingest.language.lexicon import MONTHS, WEEKDAYS
from graph.ingest.language.text import nlp
from graph.ingest.language.tokens import words_of

DAY_RE = re.compile(r"^(\d{1,2})(st|nd|rd|th)?$")
YEAR_RE = r"^(19|20)\d\d$"
MONTH_FORMS = sorted({m.capitalize() for m in MONTHS} | {m.capitalize() + "." for m in MONTHS})
DAY: dict[str, Any] = {"TEXT": {"REGEX": r"^\d{1,2}(st|nd|rd|th)?$"}}
MONTH: dict[str, Any] = {"ORTH": {"IN": MONTH_FORMS}}
YEAR: dict[str, Any] = {"TEXT": {"REGEX": YEAR_RE}}
SEP: dict[str, Any] = {"LOWER": {"IN": ["-", "–", "to", "and", "until", "till", "through"]}}
COMMA: dict[str, Any] = {"ORTH": ",", "OP": "?"}
OPT_YEAR: dict[str, Any] = {"TEXT": {"REGEX": YEAR_RE}, "OP": "?"}
OPT_OF: dict[str, Any] = {"LOWER": "of", "OP": "?"}
# "September last year": a year said relative to the published date.
RELATIVE_YEARS = {"last": -1, "this": 0, "next": 1}
RELATIVE: list[dict[str, Any]] = [{"LOWER": {"IN": list(RELATIVE_YEARS)}}, {"LOWER": "year"}]
WEEKDAY: dict[str, Any] = {"LOWER": {"IN": list(WEEKDAYS)}}

# Each pattern with the kind of phrase it is for.
DATE_PATTERNS: dict[str, list[list[dict[str, Any]]]] = {
    "day range, one month: 3-4 February 2026, 20 and 21 June": [
        [DAY, SEP, DAY, OPT_OF, MONTH, COMMA, OPT_YEAR]
    ],
    "day range over months: 28 February to 3 March 2025": [[DAY, MONTH, SEP, DAY, MONTH, COMMA, OPT_YEAR]],
    "US style range: September 9 to 22, 2025": [[MONTH, DAY, SEP, DAY, COMMA, OPT_YEAR]],
    "one day: 29 August 2016, 31st October 2025": [[DAY, OPT_OF, MONTH, COMMA, OPT_YEAR]],
    "US style day: Oct. 31, 2025": [[MONTH, DAY, COMMA, OPT_YEAR]],
    "month and year: October 2025": [[MONTH, COMMA, YEAR]],
    "month range: September-October 2023": [[MONTH, SEP, MONTH, COMMA, YEAR]],
    "day or month of a relative year: 5 September last year, September last year": [
        [DAY, OPT_OF, MONTH, *RELATIVE],
        [MONTH, *RELATIVE],
    ],
    "a year: in 2002": [[{"LOWER": {"IN": ["in", "since", "of"]}}, YEAR]],
    "a weekday: on Thursday": [[{"LOWER": "on"}, WEEKDAY]],
}


@dataclass(frozen=True)
class DateValue:
    """A date as precise as the text says, with an optional end day and its token span."""

    start: date
    precision: str  # "day", "month" or "year"
    end: date | None = None
    start_char: int = 0
    end_char: int = 0

    def literal(self) -> Literal:
        """The start as ``xsd:date``, ``xsd:gYearMonth`` or ``xsd:gYear``."""
        return _literal(self.start, self.precision)

    def end_literal(self) -> Literal | None:
        """The end as precisely as the start (a day or a month) when the text gives a range."""
        if self.end is None:
            return None
        return DateValue(self.end, self.precision).literal()

    def __str__(self) -> str:
        text = str(self.literal())
        return f"{text}..{self.end_literal()}" if self.end else text


@lru_cache(maxsize=4096)  # rules ask for the same date's literal again and again
def _literal(start: date, precision: str) -> Literal:
    if precision == "day":
        return Literal(start.isoformat(), datatype=XSD.date)
    if precision == "month":
        return Literal(f"{start.year:04d}-{start.month:02d}", datatype=XSD.gYearMonth)
    return Literal(f"{start.year:04d}", datatype=XSD.gYear)


@lru_cache(maxsize=1)
def _matcher() -> Matcher:
    matcher = Matcher(nlp().vocab)
    for name, patterns in DATE_PATTERNS.items():
        matcher.add(name, patterns)
    return matcher


# Every pattern holds a month, a year or a weekday (its anchor) and is at most this many tokens
# long, so a match lies within that many tokens of an anchor: the Matcher, which tests every
# pattern at every token it is given, need only be given the tokens around anchors.
_LONGEST = max(len(p) for patterns in DATE_PATTERNS.values() for p in patterns)
_ANCHORED = all(
    any(spec is MONTH or spec is YEAR or spec is WEEKDAY for spec in p)
    for patterns in DATE_PATTERNS.values()
    for p in patterns
)
_MONTH_FORMS = set(MONTH_FORMS)
_YEAR = re.compile(YEAR_RE)


@lru_cache(maxsize=65536)  # words recur: the test is made once per distinct word
def _is_anchor(text: str) -> bool:
    return text in _MONTH_FORMS or text.lower() in WEEKDAYS or bool(_YEAR.search(text))


def _windows(doc: Doc | Span) -> list[tuple[int, int]]:
    """Token ranges (merged) holding every match of the date patterns in ``doc``."""
    if not _ANCHORED:
        return [(0, len(doc))]
    base = doc.start if isinstance(doc, Span) else 0
    size = len(doc)
    windows: list[tuple[int, int]] = []
    for i, text in enumerate(words_of(doc.doc if isinstance(doc, Span) else doc).text[base : base + size]):
        if _is_anchor(text):
            lo, hi = max(0, i - _LONGEST), min(size, i + _LONGEST + 1)
            if windows and lo <= windows[-1][1]:
                windows[-1] = (windows[-1][0], hi)
            else:
                windows.append((lo, hi))
    return windows


def find_dates(doc: Doc | Span, published: date | None) -> list[DateValue]:
    """Every date in ``doc`` (a document or a sentence), longest matches first, in text order."""
    matcher = _matcher()
    matches = [(lo + s, lo + e) for lo, hi in _windows(doc) for _, s, e in matcher(doc[lo:hi])]
    spans = filter_spans([doc[s:e] for s, e in matches])
    found = []
    for span in sorted(spans, key=lambda sp: sp.start):
        value = _parse(span, published)
        if value is not None:
            found.append(value)
    return found


def _parse(span: Span, published: date | None) -> DateValue | None:
    words = [t.lower_.rstrip(".") for t in span]
    weekday = next((WEEKDAYS[w] for w in words if w in WEEKDAYS), None)
    if weekday is not None:
        return _weekday(weekday, published, span)
    months = [MONTHS[w] for w in words if w in MONTHS]
    days = [int(m.group(1)) for t in span if (m := DAY_RE.match(t.text))]
    year = _year(span, words, published)
    if year is None:
        return None
    try:
        if not months:
            return DateValue(date(year, 1, 1), "year", start_char=span.start_char, end_char=span.end_char)
        if not days:
            first, last = date(year, months[0], 1), date(year, months[-1], 1)
            return DateValue(first, "month", last if last > first else None, span.start_char, span.end_char)
        start = date(year, months[0], days[0])
        end = date(year, months[-1], days[-1]) if len(days) > 1 else None
    except ValueError:  # "31 February" and the like are not dates
        return None
    return DateValue(start, "day", end if end and end > start else None, span.start_char, span.end_char)


def _year(span: Span, words: list[str], published: date | None) -> int | None:
    years = [int(t.text) for t in span if re.match(YEAR_RE, t.text)]
    if years:
        return years[0]
    if published is None:
        return None
    shift = next((RELATIVE_YEARS[w] for w, n in pairwise(words) if n == "year" and w in RELATIVE_YEARS), 0)
    return published.year + shift


def _weekday(weekday: int, published: date | None, span: Span) -> DateValue | None:
    # News says "on Thursday" for the latest such day on or before publication.
    if published is None:
        return None
    back = (published.weekday() - weekday) % 7
    return DateValue(
        published - timedelta(days=back), "day", start_char=span.start_char, end_char=span.end_char
    )
