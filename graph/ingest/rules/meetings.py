"""Meetings that news reports without naming them: "A met with B in New Delhi on June 5".

Part of the rule catalogue. A readout or a report of the meeting itself names the two people, the
place and the day in one sentence; a meeting only recalled ("had met", "since they met") or
without a place and a day is not minted.

Examples
--------
>>> from datetime import date
>>> from graph.ingest.extract import extract_text
>>> result = extract_text("Foreign Minister Ana Lopez met with Defence Minister Rajnath Singh in "
...                       "Madrid on 3 May.", published=date(2026, 5, 4))
>>> sorted((f.predicate, str(getattr(f.obj, "label", f.obj))) for f in result.facts
...        if f.subject.label.startswith("Meeting of"))
[('location', 'Madrid'), ('participant', 'Ana Lopez'), ('participant', 'Rajnath Singh'),
 ('startDate', '2026-05-03')]
"""

from __future__ import annotations

from rdflib import Literal

from graph.ingest.resolution.entities import EVENTS, Entity, EntityTable
from graph.ingest.rules.context import Sentence
from graph.ingest.rules.rulebook import rule
from graph.ingest.rules.venues import event_places

# "A hosted B at the White House on 13 February": a visit received is a meeting of the two.
MEETING_VERBS = {"met", "meets", "hosted", "hosts"}
# "held talks with B": the same meeting. "called on the Prime Minister" is left out: a courtesy
# call is protocol rather than a meeting with an agenda, and "called on X to ..." is an appeal.
TALKS_VERBS = {"held", "holds", "hold"}
# "had met", "since they met", "after meeting": a meeting the text recalls, not reports.
RECALLED = {"had", "have", "has", "since", "after", "before", "when", "previously", "last", "earlier"}


@rule(
    "Two people who met (or 'held talks with', or one 'hosted' the other) at a place on a day: the "
    "meeting itself ('A met with B in X on June 5').",
    "Foreign Minister Ana Lopez met with Defence Minister Rajnath Singh in Madrid on 3 May 2026.",
    ("Meeting of Ana Lopez and Rajnath Singh, 2026-05-03", "participant", "Ana Lopez"),
    ("Meeting of Ana Lopez and Rajnath Singh, 2026-05-03", "participant", "Rajnath Singh"),
    ("Meeting of Ana Lopez and Rajnath Singh, 2026-05-03", "location", "Madrid"),
    ("Meeting of Ana Lopez and Rajnath Singh, 2026-05-03", "startDate", "2026-05-03"),
)
def bilateral_meeting(s: Sentence) -> None:
    verb = s.find(*MEETING_VERBS)
    verb = _talks(s) if verb is None else verb
    if verb is None or s.hedged(verb) or s.speculative() or any(m.entity.cls in EVENTS for m in s.mentions):
        return
    doc = s.span.doc
    if RECALLED & {t.lower_ for t in doc[s.span.start : verb]}:
        return
    hosts = [m for m in s.mentions if m.end <= verb and m.entity.cls == "Person"]
    k = verb + 1 + (verb + 1 < s.span.end and doc[verb + 1].lower_ == "with")
    guests = [m for m in s.mentions if m.start >= k and m.entity.cls == "Person"][:1]
    days = [d for d in s.dates if d.precision == "day"]
    places = event_places(s, verb)
    if len(hosts) != 1 or not guests or not days or not places:
        return
    host, guest = hosts[0].entity, guests[0].entity
    table: EntityTable = doc.user_data["table"]
    meeting = earlier_event(s, days[0].literal(), [host, guest]) or dated_event(
        table, f"Meeting of {host.label} and {guest.label}", "Meeting", days[0].literal()
    )
    s.focus = meeting
    for person in (host, guest):
        s.add(meeting, "participant", person, "bilateral_meeting")
    for place in places:
        s.add(meeting, "location", place, "bilateral_meeting")
    s.add(meeting, "startDate", days[0].literal(), "bilateral_meeting")


def _talks(s: Sentence) -> int | None:
    """The "talks" of "A held talks with B" (where the meeting's guest follows, like "met")."""
    doc = s.span.doc
    at = s.find("talks")
    if at is None or at + 1 >= s.span.end or at - 1 < s.span.start:
        return None
    return at if doc[at - 1].lower_ in TALKS_VERBS and doc[at + 1].lower_ == "with" else None


def dated_event(table: EntityTable, name: str, cls: str, day: Literal) -> Entity:
    """The node of an event known by what happened and when: named "Meeting of A and B, 2023-06-05",
    so two articles that report one meeting in the same words give one node, and two meetings of
    the same people two (the name alone would join them across articles)."""
    return table.resolve(f"{name}, {day}", cls)


def earlier_event(s: Sentence, day: Literal, people: list[Entity]) -> Entity | None:
    """An event of this or an earlier sentence on the same day with one of the same people: the
    same event told again ("A held a call with B on Friday. ... A and B spoke on Friday about")."""
    dated: dict[Entity, None] = {}  # in the order met, latest sentence first: a set's order is not stable
    taking_part: dict[Entity, set[Entity]] = {}
    previous: Sentence | None = s
    while previous is not None:
        for fact in previous.facts:
            if fact.predicate == "startDate" and fact.obj == day:
                dated.setdefault(fact.subject)
            elif fact.predicate == "participant" and isinstance(fact.obj, Entity):
                taking_part.setdefault(fact.subject, set()).add(fact.obj)
        previous = previous.previous
    return next((e for e in dated if taking_part.get(e, set()) & set(people)), None)
