"""Who took part in an event, who chaired it, who stood with whom: the participation rules.

Part of the rule catalogue (``graph.ingest.rules.rulebook``): each rule has an example sentence of its
own, run by ``tests/test_ingest_rules.py``.
"""

from __future__ import annotations

from graph.ingest.language.lexicon import PERSONNEL_NOUNS
from graph.ingest.language.tokens import words_of
from graph.ingest.resolution.entities import ACTORS, EVENTS, FRAMEWORKS, Entity
from graph.ingest.rules.context import Sentence
from graph.ingest.rules.editions import is_exercise_series
from graph.ingest.rules.posts import post_body
from graph.ingest.rules.rulebook import rule

SUBJECT_VERBS = {"held", "began", "begun", "opened", "started", "conducted", "launched", "kicked", "hold"}
SUBJECT_GLUE = {"the", "of", "and", ",", "both", "two", "three", "four", "from", "their", "on", "in"}


@rule(
    "The subject of an event verb takes part in it: 'The navies of India, Japan and the United States "
    "held the 23rd edition of Malabar', 'Troops of X and Y began the 15th edition of ...'.",
    "Soldiers of the Indian Army and the French Army began the 8th edition of Exercise Shakti at Umroi.",
    ("8th edition of Exercise Shakti", "participant", "Indian Army"),
    ("8th edition of Exercise Shakti", "participant", "French Army"),
)
def subject_participants(s: Sentence) -> None:
    event_at = next((m for m in s.mentions if m.entity.cls in EVENTS), None)
    verb = s.find(*SUBJECT_VERBS)
    if event_at is None or verb is None or not 0 < event_at.start - verb <= 4 or s.hedged(verb):
        return
    subject = [m for m in s.mentions if m.start < verb and m.entity.cls in ACTORS]
    covered = {i for m in subject for i in range(m.start, m.end)}
    dated = {
        t.i for d in s.dates for t in s.span if d.start_char <= t.idx < d.end_char
    }
    glue = SUBJECT_GLUE | PERSONNEL_NOUNS
    if subject and all(
        t.i in covered or t.i in dated or t.lower_ in glue for t in s.span.doc[s.span.start : verb]
    ):
        for m in subject:
            s.add(event_at.entity, "participant", m.entity, "subject_participants")


@rule(
    "An event is co-chaired by two people or bodies.",
    "The 5th Defence Policy Group meeting was co-chaired by Rajnath Singh and Pete Hegseth.",
    ("5th Defence Policy Group meeting", "chairedBy", "Rajnath Singh"),
    ("5th Defence Policy Group meeting", "chairedBy", "Pete Hegseth"),
)
def co_chaired(s: Sentence) -> None:
    at = s.find("chaired", "co-chaired", "chairs")
    event = s.about_event()
    if at is None or event is None:
        return
    for actor in s.args({"Person"}, start=at) or s.args({"Organisation"}, start=at)[:2]:
        s.add(event, "chairedBy", actor, "co_chaired")


@rule(
    "An event or framework is aligned with (works under) another framework.",
    "It aligned closely with the India-US Major Defence Partnership framework.",
)
def aligned(s: Sentence) -> None:
    at = s.find("aligned", "part")
    if at is None or (s.span.doc[at].lower_ == "part" and s.span.doc[at - 1].lower_ != "as"):
        return
    targets = s.args(FRAMEWORKS, start=at)
    before = s.args(FRAMEWORKS | EVENTS, end=at)
    subject = before[-1] if before else s.about_event() or s.focus
    if targets and subject is not None and subject is not targets[0]:
        s.add(subject, "alignedWith", targets[0], "aligned")


PARTICIPATION_AFTER = {
    "included",
    "include",
    "drew",
    "participants",
    "between",
    "co-organised",
    "co-organized",
    "organised",
    "organized",
    "co-hosted",
    "delegations",
}
PARTICIPATION_BEFORE = {"led", "spoke", "keynote", "attended", "participated", "addressed", "joined"}
TOOK_PART = {"part", "participated", "joined", "attended"}
MILITARY_UNITS = {
    "army",
    "navy",
    "force",
    "regiment",
    "battalion",
    "brigade",
    "division",
    "squadron",
    "wing",
    "contingent",
    "corps",
    "fleet",
    "team",
    "marines",
    "guard",
    "group",
    "command",
}


@rule(
    "The participants of an event: 'included', 'drew ... from', 'led the delegation', 'spoke at'.",
    "The 24th Joint Technical Group Plenary Meeting drew officials from the Department of State.",
    ("24th Joint Technical Group Plenary Meeting", "participant", "Department of State"),
)
def participants(s: Sentence) -> None:
    event = s.about_event() or s.focus
    if event is None:
        return
    found = _listed_after_cues(s)
    words, first = s.words(), s.span.start
    for before in (first + k for k, w in enumerate(words) if w in PARTICIPATION_BEFORE):
        if not s.hedged(before):
            found += s.args({"Person"}, end=before)[-1:]
    took = next((first + k for k, w in enumerate(words) if w in TOOK_PART and k > 0), None)
    if took is not None and not s.hedged(took):
        clauses = [first + k for k, w in enumerate(words[: took - first]) if w in ("which", "where", ";")]
        clause = max(clauses or [first])
        found += s.args(ACTORS - {"Country"}, start=clause, end=took)
    for actor in found:
        s.add(event, "participant", actor, "participants")


# Words that end the clause a list of participants is in: "included officials from the Department
# of State, while the Indian Air Force ..." lists no more participants after "while".
CLAUSE_ENDS = {";", "while", "whereas", "which", "where", "but"}


def _listed_after_cues(s: Sentence) -> list[Entity]:
    # Each cue's list runs to the end of its clause: "Indian participants came from DRDO ...; the US
    # side included officials from the Department of State" has two lists, one per clause.
    words, first = s.words(), s.span.start
    found: list[Entity] = []
    for k, word in enumerate(words):
        if word not in PARTICIPATION_AFTER or s.hedged(first + k):
            continue
        if word == "between" and s.about_event() is None:
            continue  # "exchanges between X and Y" are not the meeting's participants
        end = next((first + j for j in range(k + 1, len(words)) if words[j] in CLAUSE_ENDS), s.span.end)
        found += [actor for actor in s.args(ACTORS - {"Country"}, start=first + k, end=end)
                  if actor not in found]
    return found


@rule(
    "Units named in a sentence about an exercise take part in it.",
    "The 21st edition of Exercise Yudh Abhyas began. The Indian Army contingent was led by a battalion of "
    "the Madras Regiment.",
    ("21st edition of Exercise Yudh Abhyas", "participant", "Madras Regiment"),
)
def exercise_units(s: Sentence) -> None:
    event = s.about_event() or s.focus
    if event is None or event.cls != "Exercise" or s.speculative():
        return
    if _other_exercise(s, event):
        return
    doc = s.span.doc
    lower = words_of(doc).lower
    for m in s.mentions:
        # "commander of Pacific Air Forces", "Commanding-in-Chief of the IAF's Eastern Air Command":
        # a unit named in someone's post is where they serve, not a unit sent to the exercise.
        in_post = any(word in POST_HEADS for word in lower[max(s.span.start, m.start - 6) : m.start])
        in_post = in_post or post_body(doc, m.start)  # "X, commander of Y"
        if m.entity.cls == "Organisation" and not in_post and \
                m.entity.label.lower().split()[-1] in MILITARY_UNITS:
            s.add(event, "participant", m.entity, "exercise_units")


def _other_exercise(s: Sentence, event: Entity) -> bool:
    # "the Army has begun Exercise Dharma Guardian with the Japan Ground Self-Defense Force": a
    # sentence that does not name the event but names another exercise series speaks of that one.
    if any(m.entity is event for m in s.mentions):
        return False
    return any(m.entity.cls == "Mechanism" and is_exercise_series(m.entity) for m in s.mentions)


POST_HEADS = {"commander", "commanding", "chief", "head", "heads", "commands", "commandant"}
