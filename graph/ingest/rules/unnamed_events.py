"""Events a report tells without a name: "Austin spoke by phone with Singh on 9 September",
"Carter is in India on an official visit from April 10 to 13".

Part of the rule catalogue, and the rule that gives the articles' unnamed events a node: most of
what a readout, a visit report or a ceremony report says is about an event nobody named, so
without a node for it its date, place and participants are lost. An event word (a call, talks, a
visit, a ceremony, an exercise) or verb (spoke, visited, met) with a date in its clause and
people in it makes one; it is then the event in focus for the sentences after it.

Examples
--------
>>> from datetime import date
>>> from graph.ingest.extract import extract_text
>>> result = extract_text("Gen Manoj Pande is in the US on an official visit from February 13 to 16 "
...                       "and met Gen Randy George.", published=date(2024, 2, 16))
>>> sorted((f.predicate, str(getattr(f.obj, "name", f.obj))) for f in result.facts
...        if f.subject.cls == "Meeting")
[('endDate', '2024-02-16'), ('participant', 'Manoj Pande'), ('participant', 'Randy George'),
 ('startDate', '2024-02-13')]
"""

from __future__ import annotations

from graph.ingest.language.dates import DateValue
from graph.ingest.resolution.entities import ACTORS, EVENTS, EntityTable
from graph.ingest.rules.context import Sentence
from graph.ingest.rules.meetings import RECALLED, dated_event, earlier_event
from graph.ingest.rules.rulebook import rule
from graph.ingest.rules.venues import event_places

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
TRIGGER_WORDS = frozenset(EVENT_NOUNS) | frozenset(EVENT_VERBS_NAMING)
# "a conference committee", "the summit hall": the event word describes something else.
NOT_EVENTS_BEFORE = {"committee", "hall", "centre", "center", "room", "series", "sign"}


@rule(
    "An event reported without a name ('Austin spoke by phone with Singh on 9 September', 'X paid "
    "an official visit to India on ...'): a node for it, dated, placed and with its participants, "
    "and the event the sentences after it talk about. In the article's first sentence any event "
    "word will do, even with no one named beside it; later only one that introduces an event "
    "('held a call', 'an official visit'), not one that refers back ('the meeting').",
    "US Secretary of Defense Lloyd Austin held a telephone conversation with Defence Minister "
    "Rajnath Singh on 9 September 2022.",
    ("Telephone conversation of Lloyd Austin and Rajnath Singh, 2022-09-09", "participant", "Lloyd Austin"),
    ("Telephone conversation of Lloyd Austin and Rajnath Singh, 2022-09-09", "participant", "Rajnath Singh"),
    ("Telephone conversation of Lloyd Austin and Rajnath Singh, 2022-09-09", "startDate", "2022-09-09"),
)
def unnamed_event(s: Sentence) -> None:
    if s.speculative() or any(m.entity.cls in EVENTS for m in s.mentions):
        return
    trigger = _trigger(s)
    # The article's first sentence opens on its event and may refer to it as "the talks".
    lead = s.previous is None and s.focus is None
    if trigger is None or s.hedged(trigger[0]) or not (lead or _introduced(s, trigger[0])):
        return
    clause = _clause(s, trigger[0])
    _mint(s, trigger, _dates(s, *clause), clause, lead=lead)


Trigger = tuple[int, str, str]  # the event word's index, the article's phrase for it, its class


def _mint(
    s: Sentence, trigger: Trigger, days: list[DateValue], clause: tuple[int, int], *, lead: bool
) -> None:
    """The event's node and facts; the article's first event may have no people named with it
    ("Senior officials met in Monterey on Thursday for a round of talks")."""
    at, phrase, cls = trigger
    people = s.args({"Person"}, *clause) or s.args(ACTORS - {"Country"}, *clause)[:4]
    doc = s.span.doc
    one_side = len(people) == 1 and at + 1 < len(doc) and doc[at + 1].lower_ == "with"
    if not days or not (people or lead) or one_side:
        return  # "[the minister] held talks with X": who held them is not known
    event = earlier_event(s, days[0].literal(), people)
    table: EntityTable = doc.user_data["table"]
    if event is None:
        names = " of " + " and ".join(p.label for p in people[:2]) if people else ""
        event = dated_event(table, f"{phrase[:1].upper()}{phrase[1:]}{names}", cls, days[0].literal())
    table.alias(event, phrase)
    s.focus = event
    for actor in people:
        s.add(event, "participant", actor, "unnamed_event")
    for place in event_places(s, at):
        s.add(event, "location", place, "unnamed_event")
    s.add(event, "startDate", days[0].literal(), "unnamed_event")
    end = days[0].end_literal()
    if end is not None:  # "a visit that runs from February 13 to 16"
        s.add(event, "endDate", end, "unnamed_event")


def _dates(s: Sentence, start: int, end: int) -> list[DateValue]:
    doc = s.span.doc
    lo, hi = doc[start].idx, doc[end].idx if end < len(doc) else len(doc.text)
    return [d for d in s.dates if d.precision in ("day", "month") and lo <= d.start_char < hi]


# "held talks", "a call", "an official visit": words that introduce an event rather than refer
# back to one ("the meeting", "during their talks").
INTRODUCING = {"a", "an", "held", "hold", "holds", "had", "paid", "pays", "made", "makes", "conducted"}
# Words between the introducing word and the event word: "an introductory phone call".
INTRODUCED_MODIFIERS = NOUN_MODIFIERS | {
    "introductory", "first", "two-day", "three-day", "four-day", "five-day",
}


def _introduced(s: Sentence, at: int) -> bool:
    doc = s.span.doc
    if doc[at].lower_ in EVENT_VERBS_NAMING:
        return not RECALLED & {t.lower_ for t in doc[s.span.start : at]}
    k = at - 1
    while k > s.span.start and doc[k].lower_ in INTRODUCED_MODIFIERS:
        k -= 1
    return doc[k].lower_ in INTRODUCING and not RECALLED & {t.lower_ for t in doc[s.span.start : k]}


def _clause(s: Sentence, at: int) -> tuple[int, int]:
    """The part of the sentence around token ``at`` between colons, semicolons and line breaks
    ("X provided the following readout: A held a call with B")."""
    doc = s.span.doc
    breaks = [t.i for t in s.span if t.text in (":", ";") or "\n" in t.text_with_ws]
    start = max((b + 1 for b in breaks if b < at), default=s.span.start)
    end = min((b + 1 for b in breaks if b >= at), default=s.span.end)
    return start, min(end, len(doc))


def _trigger(s: Sentence) -> Trigger | None:
    """The sentence's first event word: its index, the article's phrase for that event and its
    class. Only the first: minting one for a second event word ("held talks ... during an
    official visit") was tried and gained nothing on batch 6 (relation F1 0.601 either way)."""
    words, first = s.words(), s.span.start
    if TRIGGER_WORDS.isdisjoint(words):  # most sentences: a set test on the cached words
        return None
    named = {i for m in s.mentions for i in range(m.start, m.end)}  # "Exercise Malabar" is a name
    for k, word in enumerate(words):
        if first + k in named:
            continue
        following = words[k + 1] if k + 1 < len(words) else ""
        if word in EVENT_NOUNS and following not in NOT_EVENTS_BEFORE:
            start = k
            while start > 0 and words[start - 1] in NOUN_MODIFIERS:
                start -= 1
            return first + k, " ".join(words[start : k + 1]), EVENT_NOUNS[word]
        if word in EVENT_VERBS_NAMING and _between_people(s, first + k):
            return first + k, EVENT_VERBS_NAMING[word].lower(), "Meeting"
    return None


def _between_people(s: Sentence, verb: int) -> bool:
    """"Austin spoke with Singh": a person before the verb and an actor after it."""
    before = any(m.end <= verb and m.entity.cls == "Person" for m in s.mentions)
    return before and any(m.start > verb and m.entity.cls in ACTORS for m in s.mentions)
