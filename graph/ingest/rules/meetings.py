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
from spacy.tokens import Doc

from graph.ingest.resolution.entities import ACTORS, EVENTS, Entity, EntityTable
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
    ("Meeting of Ana Lopez and Rajnath Singh", "participant", "Ana Lopez"),
    ("Meeting of Ana Lopez and Rajnath Singh", "participant", "Rajnath Singh"),
    ("Meeting of Ana Lopez and Rajnath Singh", "location", "Madrid"),
    ("Meeting of Ana Lopez and Rajnath Singh", "startDate", "2026-05-03"),
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
    meeting = earlier_event(s, days[0].literal(), [host, guest]) or table.resolve(
        f"Meeting of {host.label} and {guest.label}", "Meeting"
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


# The words a report opens on when its event has no name: the noun, and the class of event it is.
EVENT_NOUNS = {
    "call": "Meeting", "conversation": "Meeting", "talks": "Meeting", "meeting": "Meeting",
    "visit": "Meeting", "summit": "Meeting", "ceremony": "Meeting", "handover": "Meeting",
    "conference": "Meeting", "seminar": "Meeting", "videoconference": "Meeting",
    "exercise": "Exercise", "drill": "Exercise", "drills": "Exercise", "passex": "Exercise",
}
# "Austin spoke with Singh", "Modi visited Washington": the event told by its verb.
EVENT_VERBS_NAMING = {"spoke": "Call", "speaks": "Call", "called": "Call", "visited": "Visit",
                      "visits": "Visit", "met": "Meeting", "meets": "Meeting"}
NOUN_MODIFIERS = {"telephone", "phone", "virtual", "bilateral", "official", "state", "welcome",
                  "passage", "joint", "maritime", "naval", "handing-over", "induction", "video"}
LEAD_SENTENCES = 1  # a report opens on its event: its first sentence may refer to it as "the talks"
# "a conference committee", "the summit hall": the event word describes something else.
NOT_EVENTS_BEFORE = {"committee", "hall", "centre", "center", "room", "series", "sign"}


@rule(
    "An event reported without a name ('Austin spoke by phone with Singh on 9 September', 'X paid "
    "an official visit to India on ...'): a node for it, dated, placed and with its participants, "
    "and the event the sentences after it talk about. In the article's first two sentences any "
    "event word will do; later only one that introduces an event ('held a call', 'an official "
    "visit'), not one that refers back ('the meeting').",
    "US Secretary of Defense Lloyd Austin held a telephone conversation with Defence Minister "
    "Rajnath Singh on 9 September 2022.",
    ("Telephone conversation of Lloyd Austin and Rajnath Singh", "participant", "Lloyd Austin"),
    ("Telephone conversation of Lloyd Austin and Rajnath Singh", "participant", "Rajnath Singh"),
    ("Telephone conversation of Lloyd Austin and Rajnath Singh", "startDate", "2022-09-09"),
)
def unnamed_event(s: Sentence) -> None:
    lead = _index(s) < LEAD_SENTENCES and s.focus is None
    if s.speculative() or any(m.entity.cls in EVENTS for m in s.mentions):
        return
    trigger = _trigger(s)
    if trigger is None or s.hedged(trigger[0]) or not (lead or _introduced(s, trigger[0])):
        return
    at, phrase, cls = trigger
    start, end = _clause(s, at)
    days = [d for d in s.dates if d.precision in ("day", "month") and _within(s, d.start_char, start, end)]
    people = s.args({"Person"}, start, end) or s.args(ACTORS - {"Country"}, start, end)[:4]
    doc = s.span.doc
    if not days or not people or (len(people) < 2 and at + 1 < len(doc) and doc[at + 1].lower_ == "with"):
        return  # "[the minister] held talks with X": who held them is not known
    event = earlier_event(s, days[0].literal(), people)
    if event is None:
        table: EntityTable = s.span.doc.user_data["table"]
        names = " and ".join(p.label for p in people[:2])
        event = table.resolve(f"{phrase[:1].upper()}{phrase[1:]} of {names}", cls, unique=True)
    s.span.doc.user_data["table"].alias(event, phrase)
    s.focus = event
    for actor in people:
        s.add(event, "participant", actor, "unnamed_event")
    for place in event_places(s, at):
        s.add(event, "location", place, "unnamed_event")
    s.add(event, "startDate", days[0].literal(), "unnamed_event")


# "held talks", "a call", "an official visit": words that introduce an event rather than refer
# back to one ("the meeting", "during their talks").
INTRODUCING = {"a", "an", "held", "hold", "holds", "had", "paid", "pays", "made", "makes", "conducted"}


def _introduced(s: Sentence, at: int) -> bool:
    doc = s.span.doc
    if doc[at].lower_ in EVENT_VERBS_NAMING:
        return not RECALLED & {t.lower_ for t in doc[s.span.start : at]}
    k = at - 1
    while k > s.span.start and doc[k].lower_ in NOUN_MODIFIERS | {"introductory", "first", "five-day",
                                                                   "two-day", "three-day", "four-day"}:
        k -= 1
    return doc[k].lower_ in INTRODUCING and not RECALLED & {t.lower_ for t in doc[s.span.start : k]}


def _within(s: Sentence, char: int, start: int, end: int) -> bool:
    doc = s.span.doc
    return doc[start].idx <= char < (doc[end].idx if end < len(doc) else len(doc.text))


def earlier_event(s: Sentence, day: Literal, people: list[Entity]) -> Entity | None:
    """An event of this or an earlier sentence on the same day with one of the same people: the
    same event told again ("A held a call with B on Friday. ... A and B spoke on Friday about")."""
    dated: set[Entity] = set()
    taking_part: dict[Entity, set[Entity]] = {}
    previous: Sentence | None = s
    while previous is not None:
        for fact in previous.facts:
            if fact.predicate == "startDate" and fact.obj == day:
                dated.add(fact.subject)
            elif fact.predicate == "participant" and isinstance(fact.obj, Entity):
                taking_part.setdefault(fact.subject, set()).add(fact.obj)
        previous = previous.previous
    return next((e for e in dated if taking_part.get(e, set()) & set(people)), None)


def _clause(s: Sentence, at: int) -> tuple[int, int]:
    """The part of the sentence around token ``at`` between colons, semicolons and line breaks
    ("X provided the following readout: A held a call with B")."""
    doc = s.span.doc
    breaks = [t.i for t in s.span if t.text in (":", ";") or "\n" in t.text_with_ws]
    start = max((b + 1 for b in breaks if b < at), default=s.span.start)
    end = min((b + 1 for b in breaks if b >= at), default=s.span.end)
    return start, min(end, len(doc))


def _index(s: Sentence) -> int:
    count, previous = 0, s.previous
    while previous is not None and count < LEAD_SENTENCES:
        count, previous = count + 1, previous.previous
    return count


def _trigger(s: Sentence) -> tuple[int, str, str] | None:
    """The event word's index, the article's phrase for the event and its class."""
    doc: Doc = s.span.doc
    for token in s.span:
        word = token.lower_
        following = doc[token.i + 1].lower_ if token.i + 1 < len(doc) else ""
        if word in EVENT_NOUNS and following not in NOT_EVENTS_BEFORE:
            start = token.i
            while start > s.span.start and doc[start - 1].lower_ in NOUN_MODIFIERS:
                start -= 1
            return token.i, doc[start : token.i + 1].text.lower(), EVENT_NOUNS[word]
        if word in EVENT_VERBS_NAMING and _between_people(s, token.i):
            return token.i, EVENT_VERBS_NAMING[word].lower(), "Meeting"
    return None


def _between_people(s: Sentence, verb: int) -> bool:
    """"Austin spoke with Singh": a person before the verb and an actor after it."""
    before = any(m.end <= verb and m.entity.cls == "Person" for m in s.mentions)
    return before and any(m.start > verb and m.entity.cls in ACTORS for m in s.mentions)
