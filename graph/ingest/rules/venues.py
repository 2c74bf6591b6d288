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

from graph.ingest.language.lexicon import EVENT_ANAPHORS
from graph.ingest.resolution.entities import EVENTS, Entity
from graph.ingest.rules.context import EVENT_VERBS, Sentence

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


PLACES = {"Place"}
# "since the ministers had met in New York": a place in a clause about another event.
OTHER_EVENT_WORDS = {"since", "after", "before", "when", "while", "until", "following", "had"}
LOCATION_CUES = {"at", "in", "off", "near", "inside", "outside", "across", "around", "into"}


def event_places(s: Sentence, after: int | None = None, end: int | None = None) -> list[Entity]:
    """The places the sentence puts its event at: after "at", "in", "off", "near", "visit to" (or
    joined to such a place: "at Fort Wainwright and the nearby Yukon Training Area"), not the
    subject of a verb ("New Delhi has made no decision") nor in a clause about another event
    after the event word or verb (``after``)."""
    doc = s.span.doc
    found: list[Entity] = []
    anchor = next((m.end for m in s.mentions if m.entity.cls in EVENTS), after)
    if anchor is None:
        anchor = s.find(*EVENT_VERBS) or s.span.start + 1  # a leading "When ..." sets the scene
    ends: set[int] = set()
    for m in s.mentions:
        if m.entity.cls not in PLACES or (end is not None and m.start >= end):
            continue
        k = _described_by(s, _word_before(s, m.start))
        joined = doc[k].lower_ in ("and", ",") and (k in ends or k - 1 in ends)
        cue = doc[k].lower_ in LOCATION_CUES or joined or (
            doc[k].lower_ == "to" and doc[k - 1].lower_ in ("visit", "trip")
        )
        if cue and not any(t.lower_ in OTHER_EVENT_WORDS for t in doc[anchor : m.start]):
            ends.add(m.end)
            found.append(m.entity)
    return list(dict.fromkeys(found))


def _described_by(s: Sentence, k: int) -> int:
    # "off the Pacific island of Guam", "in the port city of Visakhapatnam": the cue stands before
    # the description; look past "of" and a lower-case noun to the words before them.
    doc = s.span.doc
    if doc[k].lower_ != "of" or k - 1 <= s.span.start or not doc[k - 1].is_lower:
        return k
    j = k - 1
    while j > s.span.start and j > k - 5 and doc[j].lower_ not in LOCATION_CUES:
        j -= 1
    return j if doc[j].lower_ in LOCATION_CUES else k


def _word_before(s: Sentence, start: int) -> int:
    # the word before a name, over "the" and its lower-case modifiers ("the nearby")
    doc, k = s.span.doc, start - 1
    while k > s.span.start and (doc[k].lower_ == "the" or (doc[k].is_lower and doc[k - 1].lower_ == "the")):
        k -= 1
    return k
