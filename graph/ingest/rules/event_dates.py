"""The month an event took place in, when a sentence gives no day ("held in September 2024").

Part of the rule catalogue's place-and-time rule (``graph.ingest.rules.rulebook.place_and_time``).

Examples
--------
>>> from graph.ingest.extract import extract_text
>>> result = extract_text("The 20th edition of Exercise Vajra Prahar was conducted in September 2024.")
>>> [str(f.obj) for f in result.facts if f.predicate == "startDate"]
['2024-09']
"""

from __future__ import annotations

from graph.ingest.language.dates import DateValue
from graph.ingest.resolution.entities import EVENTS, Entity
from graph.ingest.rules.context import Sentence

# "was conducted in September 2024", "during October 2025", "in mid-September 2024": the month an
# event took place; "by March 2026" (a deadline) or "since October 2024" are no such month, nor
# is "originally due in December 2021" (a plan), "follows the signing of X in October 2025" or
# "approved the purchase in June 2023, shortly before the state visit".
MONTH_CUES = {"in", "during", "early", "mid", "late", "-"}
NOT_HELD = {"due", "originally", "postponed", "signing", "signed", "inked", "announced", "arrived"}
TIME_LINKS = {"before", "after", "ahead", "following", "since", "until", "prior"}


def event_month(s: Sentence, event: Entity) -> DateValue | None:
    """The month the sentence says ``event`` took place in, when it gives no day."""
    doc = s.span.doc
    named = next((m.start for m in s.mentions if m.entity is event), None)
    for value in s.dates:
        span = doc.char_span(value.start_char, value.end_char, alignment_mode="expand")
        if value.precision != "month" or span is None or span.start == 0:
            continue
        if doc[span.start - 1].lower_ in MONTH_CUES and _month_of(s, span.start, span.end, named):
            return value
    return None


def _month_of(s: Sentence, start: int, end: int, named: int | None) -> bool:
    """True when nothing between the event and the month at ``start:end`` ties the month to
    something else."""
    doc = s.span.doc
    if named is not None and named > start:
        return not {t.lower_ for t in doc[end:named]} & TIME_LINKS
    since = max([m.end for m in s.mentions if m.start < start and m.entity.cls in EVENTS],
                default=s.span.start)
    return not {t.lower_ for t in doc[since:start]} & NOT_HELD and not s.hedged(start)


# "came to an end in Kolkata on Wednesday", "The drill concluded on 14 June", "culminated on
# February 14": a single day after a closing verb is when the event ended, not when it began.
CLOSING = {
    "ended", "ends", "end", "concluded", "concludes", "culminated", "culminates", "closed", "closes",
    "closing", "wrapped", "finished",
}
INTRANSITIVE = {
    "on", "in", "at", "off", "near", ",", "with", "after", "yesterday", "today", "this", "last",
}
OPENING = {
    "began", "begins", "opened", "opens", "started", "starts", "commenced", "commences", "from", "between",
}


def closing_day(s: Sentence, value: DateValue) -> bool:
    """True when ``value`` is one day that a closing verb before it in the sentence says the
    event ended on.

    >>> from graph.ingest.extract import extract_text
    >>> result = extract_text("Exercise Tarkash 2024 came to an end in Kolkata on 15 May 2024.")
    >>> sorted((f.predicate, str(f.obj)) for f in result.facts if f.predicate.endswith("Date"))
    [('endDate', '2024-05-15')]
    """
    if value.precision != "day" or value.end is not None:
        return False
    doc = s.span.doc
    last = {"closing": -1, "opening": -1}
    for token in doc[s.span.start : s.span.end]:
        if token.idx >= value.start_char:
            break
        if token.lower_ in CLOSING and doc[token.i + 1].lower_ in INTRANSITIVE:
            last["closing"] = token.i  # "concluded an annex on Wednesday" ends no event
        elif token.lower_ in OPENING:
            last["opening"] = token.i
    return last["closing"] > last["opening"]
