"""A report's dateline ("NEW DELHI, Oct 11 -", "Washington, 12 March 2026:"): its place, and the
dates it governs.

The place in a dateline says where the report was filed (:func:`dateline_place`), not where its
event took place.

The date in a dateline is the day the report was filed, not the day of what it reports: it is no
date of any event or signing. It is what "today" means in the text, and the day that "on
Thursday" counts back from.

Examples
--------
>>> from graph.ingest.language.dates import find_dates
>>> from graph.ingest.language.text import nlp
>>> doc = nlp()("NEW DELHI, Oct 11 (Agencies) - The ministers today held talks.")
>>> published = date(2021, 10, 12)
>>> [str(d) for d in find_dates(doc, published)]
['2021-10-11']
>>> [(str(d), doc.text[d.start_char:d.end_char])
...  for d in report_dates(doc, find_dates(doc, published), published)]
[('2021-10-11', 'today')]
>>> dateline_date(nlp()("The talks, on Oct 11 - a Monday - ended."), [], None) is None
True
"""

from __future__ import annotations

from datetime import date

from spacy.tokens import Doc

from graph.ingest.language.dates import DateValue
from graph.ingest.language.tokens import words_of
from graph.ingest.resolution.entities import Mention

SEPARATORS = {"-", "–", "—", "--", ":"}


def dateline_date(doc: Doc, dates: list[DateValue], published: date | None) -> DateValue | None:
    """The date of the text's dateline: at a line's start, after a place and a comma, before a
    dash or colon (an agency in brackets may come between)."""
    for value in dates:
        span = doc.char_span(value.start_char, value.end_char, alignment_mode="expand")
        if span is None or value.precision != "day" or not _after_place(doc, span.start):
            continue
        end = span.end
        if end < len(doc) and doc[end].text == "(":
            end = next((k + 1 for k in range(end, min(len(doc), end + 6)) if doc[k].text == ")"), end)
        if end < len(doc) and doc[end].text in SEPARATORS:
            return _not_after(value, published)
    return None


def _after_place(doc: Doc, start: int) -> bool:
    # "NEW DELHI," or "Washington," opening a line: capitalised words, then a comma.
    if start < 2 or doc[start - 1].text != ",":
        return False
    first = start - 1
    while first > 0 and start - first <= 5 and "\n" not in doc[first - 1].text_with_ws:
        first -= 1
    words = doc[first : start - 1]
    line_start = first == 0 or "\n" in doc[first - 1].text_with_ws
    return line_start and all(t.text[:1].isupper() or t.text in ".-'" for t in words)


def _not_after(value: DateValue, published: date | None) -> DateValue:
    # "SYDNEY, Dec 31 -" in a report published on 1 January is last year's 31 December.
    if published is None or value.start <= published:
        return value
    try:
        earlier = value.start.replace(year=value.start.year - 1)
    except ValueError:  # 29 February
        return value
    return DateValue(earlier, value.precision, None, value.start_char, value.end_char)


def today_dates(doc: Doc, day: DateValue) -> list[DateValue]:
    """Every "today" of the text, as the dateline's day."""
    w = words_of(doc)  # the cached words: a Token per word would cost more than the rest of this
    return [DateValue(day.start, "day", None, w.idx[k], w.idx[k] + len(w.text[k]))
            for k, word in enumerate(w.lower) if word == "today"]


def report_dates(doc: Doc, dates: list[DateValue], published: date | None) -> list[DateValue]:
    """``dates`` (in text order) without the dateline's, with every "today" as the dateline's day
    (or, with no dateline, the day the article was published: a release's "today" is its date)."""
    day = dateline_date(doc, dates, published)
    kept = dates if day is None else [d for d in dates if d.start_char != day.start_char]
    day = day or (DateValue(published, "day") if published is not None else None)
    if day is None:
        return dates
    return sorted(kept + today_dates(doc, day), key=lambda d: d.start_char)


def dateline_place(doc: Doc, mention: Mention) -> Mention:
    """A place in an upper-case dateline ("KUALA LUMPUR, Oct 31 -", "NEW DELHI:") says where the
    report was filed, not where its event took place: it is no argument of any rule.

    >>> from rdflib import URIRef
    >>> from graph.ingest.resolution.entities import Entity
    >>> from graph.ingest.language.text import nlp
    >>> doc = nlp()("NEW DELHI, Oct 31 - The talks ended.")
    >>> dateline_place(doc, Mention(0, 2, Entity(URIRef("urn:x"), "Place", "New Delhi"))).role
    'dateline'
    """
    if mention.entity.cls != "Place":  # the cheap tests first: most mentions stop here
        return mention
    at_line_start = mention.start == 0 or "\n" in doc[mention.start - 1].text_with_ws
    followed = mention.end < len(doc) and doc[mention.end].text in (",", ":")
    if not (at_line_start and followed):
        return mention
    if all(t.text.isupper() or not t.is_alpha for t in doc[mention.start : mention.end]):
        return Mention(mention.start, mention.end, mention.entity, "dateline")
    return mention
