"""Which places and dates of a sentence are its event's venue and time.

A sentence about an event names other places too. Three kinds are not the event's:

* a place inside the clause of a signing ("held in line with the framework signed ... in Kuala
  Lumpur") is where that text was signed, unless the clause names an event after the verb ("signed
  at the third 2+2 in New Delhi");
* a place that only describes another ("the Pacific island of Guam", "the US territory of Guam")
  is a word about Guam, not a second venue;
* an edition held in phases. A phase is part of its edition, so the places where the phases of the
  edition the sentence speaks of were held are the edition's places: "the second phase of this
  year's Malabar exercise in the Bay of Bengal ..., building on a first phase held off Guam" gives
  Malabar 2021 both the Bay of Bengal and Guam, which is where it was held. A phase's dates are not
  the edition's, though: the edition does not start when its second phase does, so a sentence about
  a later phase ("second", "final", "phase 2") gives the edition no start or end date. A sentence
  about the first phase may give them, as the edition starts with it.

Examples
--------
>>> from graph.ingest.extract import extract_text
>>> result = extract_text("Exercise Malabar 2021 began its second phase at Visakhapatnam on 12 "
...     "October 2021, building on a first phase held off Guam in August.")
>>> sorted((f.predicate, getattr(f.obj, "label", str(f.obj))) for f in result.facts
...        if f.predicate in ("location", "startDate", "endDate"))
[('location', 'Guam'), ('location', 'Visakhapatnam')]
"""

from __future__ import annotations

from graph.ingest.context import Sentence
from graph.ingest.entities import EVENTS, Entity
from graph.ingest.lexicon import EVENT_ANAPHORS

SIGNING_VERBS = ("signed", "inked")
LATER_PHASES = {"second", "third", "fourth", "final", "last", "later", "2", "3", "4", "ii", "iii"}
PHASE_WORDS = {"phase", "leg", "stage"}


def venues(s: Sentence) -> list[Entity]:
    """The places of ``s`` that are where its event took place, in order, once each."""
    doc = s.span.doc
    signed = s.find(*SIGNING_VERBS)
    places = [m for m in s.mentions if m.entity.cls == "Place"]
    found: list[Entity] = []
    for m in places:
        if signed is not None and m.start > signed and not _event_between(s, signed, m.start):
            continue
        after = [t.lower_ for t in doc[m.end : min(s.span.end, m.end + 4)]]
        describes = "of" in after[1:] and all(w.isalpha() and w.islower() for w in after[: after.index("of")])
        if describes and any(p.start == m.end + after.index("of") + 1 for p in places):
            continue  # "the Pacific island of Guam"
        if m.entity not in found:
            found.append(m.entity)
    return found


def later_phase(s: Sentence) -> bool:
    """True when the sentence speaks of a phase after the first ("the second phase", "Phase 2")."""
    words = s.words()
    for i, word in enumerate(words):
        if word in PHASE_WORDS:
            near = set(words[max(0, i - 2) : i]) | set(words[i + 1 : i + 2])
            if near & LATER_PHASES:
                return True
    return False


def _event_between(s: Sentence, start: int, end: int) -> bool:
    # "signed at the third round of the 2+2 in New Delhi": the signing's place is the event's
    if any(start < m.start < end and m.entity.cls in EVENTS for m in s.mentions):
        return True
    return any(t.lower_ in EVENT_ANAPHORS for t in s.span.doc[start + 1 : end])
