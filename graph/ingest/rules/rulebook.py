"""The rule catalogue: each rule is for one kind of sentence and carries a sentence of its own.

A rule reads a :class:`~graph.ingest.rules.context.Sentence` and adds facts to it. To add one, write a
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

from graph.ingest.language.lexicon import ORDINAL_WORDS
from graph.ingest.resolution.entities import ACTORS, EVENTS, FRAMEWORKS, Entity, EntityTable
from graph.ingest.rules.context import Sentence
from graph.ingest.rules.event_dates import closing_day, event_month
from graph.ingest.rules.venues import event_places, later_phase, venues

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
    add_place_and_time(s, edition)


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
    add_place_and_time(s, event, at)


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
        add_place_and_time(s, event)


def add_place_and_time(s: Sentence, event: Entity, after: int | None = None) -> None:
    """Add where and when ``event`` took place, as the sentence ``s`` says (after token ``after``)."""
    # event_places: cued places outside other events' clauses; venues (graph/ingest/rules/venues.py):
    # not a signing's place nor a place that only describes another.
    kept = venues(s)
    for place in event_places(s, after):
        if place in kept:
            s.add(event, "location", place, "place_and_time")
    if later_phase(s):
        return  # a later phase's dates are not its edition's
    days = [d for d in s.dates if d.precision == "day"]
    when = days[0] if days else event_month(s, event)
    named = any(m.entity is event for m in s.mentions)
    if when is not None and (named or not s.find("signed", "arrived", "announced")):
        if closing_day(s, when):  # "came to an end on 15 May": the last day
            s.add(event, "endDate", when.literal(), "place_and_time")
            return
        s.add(event, "startDate", when.literal(), "place_and_time")
        end = when.end_literal()
        if end is not None:
            s.add(event, "endDate", end, "place_and_time")


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
