"""The rule catalogue: each rule is for one kind of sentence and carries a sentence of its own.

A rule reads a :class:`~graph.ingest.context.Sentence` and adds facts to it. To add one, write a
function, decorate it with :func:`rule` giving the kind of sentence it is for, an example sentence
and the triples (by label) that example must give; ``tests/test_ingest_rules.py`` runs every
example through the whole extractor.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise

from rdflib import Literal
from rdflib.namespace import XSD

from graph.ingest.context import EVENT_VERBS, Sentence
from graph.ingest.dates import DateValue
from graph.ingest.entities import ACTORS, EVENTS, FRAMEWORKS, Entity, EntityTable
from graph.ingest.lexicon import ORDINAL_WORDS, PERSONNEL_NOUNS
from graph.ingest.posts import post_body
from graph.ingest.venues import later_phase, venues

RuleFn = Callable[[Sentence], None]
PLACES = {"Place"}


@dataclass(frozen=True)
class Rule:
    """One extraction rule with its documentation and its own test sentence."""

    name: str
    kind: str
    example: str
    expect: tuple[tuple[str, str, str], ...]
    apply: RuleFn


CATALOGUE: list[Rule] = []


def rule(kind: str, example: str, *expect: tuple[str, str, str]) -> Callable[[RuleFn], RuleFn]:
    """Register a rule in :data:`CATALOGUE`."""

    def register(fn: RuleFn) -> RuleFn:
        CATALOGUE.append(Rule(fn.__name__, kind, example, tuple(expect), fn))
        return fn

    return register


EDITION_VERBS = {
    "held",
    "ran",
    "began",
    "begun",
    "took",
    "conducted",
    "under",
    "opened",
    "started",
    "ended",
    "concluded",
    "run",
}


@rule(
    "An exercise named by its series alone ('Tiger Triumph ... was held from 13 to 21 November 2019'): "
    "that year's edition.",
    "Exercise Tiger Triumph, the first tri-service amphibious exercise between India and the United "
    "States, was held at Kakinada from 13 to 21 November 2019.",
    ("Exercise Tiger Triumph 2019", "partOfSeries", "Exercise Tiger Triumph"),
    ("Exercise Tiger Triumph 2019", "location", "Kakinada"),
    ("Exercise Tiger Triumph 2019", "ordinal", "1"),
)
def series_edition(s: Sentence) -> None:
    words = s.words()
    series = next((e for e in s.args({"Mechanism"}) if _exercise_like(e, words)), None)
    if series is None or any(m.entity.cls in EVENTS for m in s.mentions) or s.speculative():
        return
    if not EDITION_VERBS & set(words) or not s.dates or _recalls_inception(s, words):
        return
    year = s.dates[0].start.year
    table: EntityTable = s.span.doc.user_data["table"]
    edition = table.resolve(f"{series.label} {year}", "Exercise")
    s.focus = edition
    s.add(edition, "partOfSeries", series, "series_edition")
    for i, word in enumerate(words[:-1]):
        number = ORDINAL_WORDS.get(word)
        if number and ("exercise" in words[i + 1 : i + 7] or "edition" in words[i + 1 : i + 3]):
            s.add(edition, "ordinal", Literal(number, datatype=XSD.positiveInteger), "series_edition")
            break
    _place_and_time(s, edition)


def _recalls_inception(s: Sentence, words: list[str]) -> bool:
    # "Yudh Abhyas was first held in 2004", "held every year since 2004", "Vajra Prahar began in
    # 2010": when the series started, not an edition of it.
    if "since" in words or any(w == "first" and n in EDITION_VERBS for w, n in pairwise(words)):
        return True
    return bool({"began", "begun", "started"} & set(words)) and all(d.precision == "year" for d in s.dates)


def _exercise_like(series: Entity, words: list[str]) -> bool:
    names = " ".join(series.surfaces | {series.label}).lower()
    return "exercise" in names or "exercise" in words or "drill" in words


@rule(
    "A framework launched at an event: the launch event, its topic, place and dates.",
    "The two governments launched the INDUS-X initiative at a two-day event in Washington on 20 and 21 June.",
    ("INDUS-X initiative launch event", "topic", "INDUS-X initiative"),
    ("INDUS-X initiative launch event", "location", "Washington"),
)
def launch_event(s: Sentence) -> None:
    at = s.find("launched", "unveiled", "inaugurated")
    cue = s.find("event", "ceremony", "summit", "conference")
    frameworks = s.args({"Initiative", "Mechanism", "Agreement"}, start=at) if at is not None else []
    if at is None or not frameworks or s.hedged(at) or (s.about_event() is not None and cue is None):
        return
    placed = bool(s.args(PLACES, start=at)) and any(d.precision == "day" for d in s.dates)
    if not placed and (cue is None or cue < at):
        return
    table: EntityTable = s.span.doc.user_data["table"]
    event = table.resolve(f"{frameworks[0].label} launch event", "Meeting", unique=True)
    s.focus = event
    s.add(event, "topic", frameworks[0], "launch_event")
    for actor in s.subject_group(ACTORS - {"Country"}, at):
        s.add(event, "participant", actor, "launch_event")
    _place_and_time(s, event, at)


@rule(
    "An actor hosts an event (active or passive voice, 'played host to').",
    "The Defence Research and Development Organisation hosted the 24th Joint Technical Group Plenary "
    "Meeting.",
    (
        "24th Joint Technical Group Plenary Meeting",
        "hostedBy",
        "Defence Research and Development Organisation",
    ),
)
def hosted(s: Sentence) -> None:
    at = s.find("hosted", "hosts", "host", "invitation")
    event = s.about_event()
    if event is None and at is not None and s.args({"Person"}, start=at):
        event = s.focus  # "X hosted Y and Z at Hyderabad House": the meeting the text is about
    if at is None or event is None or s.hedged(at):
        return
    after = s.span.doc[at + 1].lower_ if at + 1 < s.span.end else ""
    if after in ("by", "of"):  # "hosted by X", "at the invitation of X"
        hosts = s.args(ACTORS, start=at)[:2]
    else:
        hosts = s.subject_group(ACTORS, at)
        for guest in s.args({"Person"}, start=at):
            s.add(event, "participant", guest, "hosted")
    for actor in hosts:
        s.add(event, "hostedBy", actor, "hosted")
        if actor.cls != "Country":
            s.add(event, "participant", actor, "hosted")


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
    after = s.find(*PARTICIPATION_AFTER)
    if after is not None and s.span.doc[after].lower_ == "between" and s.about_event() is None:
        after = None  # "exchanges between X and Y" are not the meeting's participants
    event = s.about_event() or s.focus
    if event is None:
        return
    found = s.args(ACTORS - {"Country"}, start=after) if after is not None and not s.hedged(after) else []
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
    for m in s.mentions:
        # "commander of Pacific Air Forces", "Commanding-in-Chief of the IAF's Eastern Air Command":
        # a unit named in someone's post is where they serve, not a unit sent to the exercise.
        in_post = any(t.lower_ in POST_HEADS for t in doc[max(s.span.start, m.start - 6) : m.start])
        in_post = in_post or post_body(doc, m.start)  # "X, commander of Y"
        if m.entity.cls == "Organisation" and not in_post and \
                m.entity.label.lower().split()[-1] in MILITARY_UNITS:
            s.add(event, "participant", m.entity, "exercise_units")


def _other_exercise(s: Sentence, event: Entity) -> bool:
    # "the Army has begun Exercise Dharma Guardian with the Japan Ground Self-Defense Force": a
    # sentence that does not name the event but names another exercise series speaks of that one.
    if any(m.entity is event for m in s.mentions):
        return False
    series = [m.entity for m in s.mentions if m.entity.cls == "Mechanism"]
    return any("exercise" in n.lower() for e in series for n in e.surfaces | {e.label})


POST_HEADS = {"commander", "commanding", "chief", "head", "heads", "commands", "commandant"}


@rule(
    "Where and when an event took place: 'in New Delhi on 3-4 February 2026'.",
    "The 24th Joint Technical Group Plenary Meeting took place in New Delhi on 3-4 February 2026.",
    ("24th Joint Technical Group Plenary Meeting", "location", "New Delhi"),
    ("24th Joint Technical Group Plenary Meeting", "startDate", "2026-02-03"),
    ("24th Joint Technical Group Plenary Meeting", "endDate", "2026-02-04"),
)
def place_and_time(s: Sentence) -> None:
    event = s.about_event()
    if event is not None and not s.speculative():
        _place_and_time(s, event)


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


def _place_and_time(s: Sentence, event: Entity, after: int | None = None) -> None:
    # event_places: cued places outside other events' clauses; venues (graph/ingest/venues.py):
    # not a signing's place nor a place that only describes another.
    kept = venues(s)
    for place in event_places(s, after):
        if place in kept:
            s.add(event, "location", place, "place_and_time")
    if later_phase(s):
        return  # a later phase's dates are not its edition's
    days = [d for d in s.dates if d.precision == "day"]
    when = days[0] if days else _event_month(s, event)
    named = any(m.entity is event for m in s.mentions)
    if when is not None and (named or not s.find("signed", "arrived", "announced")):
        s.add(event, "startDate", when.literal(), "place_and_time")
        end = when.end_literal()
        if end is not None:
            s.add(event, "endDate", end, "place_and_time")


# "was conducted in September 2024", "during October 2025", "in mid-September 2024": the month an
# event took place; "by March 2026" (a deadline) or "since October 2024" are no such month, nor
# is "originally due in December 2021" (a plan), "follows the signing of X in October 2025" or
# "approved the purchase in June 2023, shortly before the state visit".
MONTH_CUES = {"in", "during", "early", "mid", "late", "-"}
NOT_HELD = {"due", "originally", "postponed", "signing", "signed", "inked", "announced", "arrived"}
TIME_LINKS = {"before", "after", "ahead", "following", "since", "until", "prior"}


def _event_month(s: Sentence, event: Entity) -> DateValue | None:
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


@rule(
    "Technology areas named in a sentence about an event are what the event is about.",
    "The Yudh Abhyas 2025 exercise included working groups on electronic warfare.",
)
def technology(s: Sentence) -> None:
    event = s.about_event() or s.focus
    if event is None or s.speculative():
        return
    for area in s.args({"TechnologyArea"}):
        s.add(event, "technologyArea", area, "technology")


@rule(
    "Frameworks discussed at an event are its topics.",
    "The ministers took stock of the Defence Technology and Trade Initiative at the 2+2 Dialogue.",
)
def topics(s: Sentence) -> None:
    at = s.find("reviewed", "discussed", "stock", "probed", "talks", "under", "welcomed", "reaffirmed")
    lead = s.words()[:2]
    starts = lead in (["the", "ministers"], ["discussions", "also"]) or lead[:1] in (["they"], ["delegates"])
    event = s.about_event() or (s.focus if starts else None)
    if at is None or event is None or s.hedged(at):
        return
    for framework in s.args(FRAMEWORKS, start=at):
        if framework.cls != "Mechanism":
            s.add(event, "topic", framework, "topics")
