"""An edition named by neither year nor ordinal: "The air combat exercise, called Cope India, ...".

Part of the rule catalogue. A feature often sets the scene first ("When pilots of the US Air Force
flew into Gwalior in February 2004, ...") and names the series in the next sentence. The article
is then about one edition of the series: it is minted from the series and the year of the scene,
like "Malabar 2019", and takes the scene's place, date and the forces named in it.

Examples
--------
>>> from graph.ingest.extract import extract_text
>>> result = extract_text("When sailors of the Royal Navy arrived in Goa in March 2011, few "
...     "noticed. The naval exercise, called Konkan, was the first of its kind.")
>>> sorted((f.predicate, str(getattr(f.obj, "label", f.obj))) for f in result.facts
...        if f.subject.label == "Konkan 2011")
[('location', 'Goa'), ('partOfSeries', 'Konkan'), ('participant', 'Royal Navy')]
"""

from __future__ import annotations

from graph.ingest.language.lexicon import EVENT_ANAPHORS, PERSONNEL_NOUNS
from graph.ingest.resolution.entities import EVENTS, Entity, EntityTable
from graph.ingest.rules.context import Sentence
from graph.ingest.rules.facts import Evidence, Fact
from graph.ingest.rules.rulebook import rule
from graph.ingest.rules.venues import event_places

NAMING = {"called", "named", "dubbed", "codenamed", "code-named"}


@rule(
    "An exercise introduced by name ('The air combat exercise, called X, ...') after a sentence "
    "that sets its scene: the edition of that year, with the scene's place, date and forces.",
    "When sailors of the Royal Navy arrived in Goa in March 2011, few noticed. The naval exercise, "
    "called Konkan, was the first of its kind.",
    ("Konkan 2011", "partOfSeries", "Konkan"),
    ("Konkan 2011", "location", "Goa"),
    ("Konkan 2011", "participant", "Royal Navy"),
)
def introduced_edition(s: Sentence) -> None:
    at = s.find(*NAMING)
    scene = s.previous
    if at is None or s.focus is not None or scene is None or scene.focus is not None:
        return
    described = EVENT_ANAPHORS & set(s.words()[: at - s.span.start])
    if any(m.entity.cls in EVENTS for m in s.mentions) or not described:
        return
    series = next((m.entity for m in s.mentions if m.start in (at + 1, at + 2)), None) or _name_after(s, at)
    dates = [d for d in scene.dates if d.precision in ("day", "month")]
    if series is None or not dates or "\n\n" in s.span.doc[scene.span.start : s.span.start].text_with_ws:
        return
    series = _as_series(series, s)
    table: EntityTable = s.span.doc.user_data["table"]
    edition = table.resolve(f"{series.label} {dates[0].start.year}", "Exercise")
    s.focus = edition
    s.add(edition, "partOfSeries", series, "introduced_edition")
    evidence = Evidence(scene.span.start_char, scene.span.end_char, "introduced_edition")
    # a month alone is no xsd:date (the shapes' startDate): only a day is a start date
    facts = [Fact(edition, "startDate", d.literal(), evidence) for d in dates[:1] if d.precision == "day"]
    facts += [Fact(edition, "location", place, evidence) for place in event_places(scene, end=_clause(scene))]
    facts += [Fact(edition, "participant", force, evidence) for force in _forces(scene)]
    s.facts += facts


def _name_after(s: Sentence, at: int) -> Entity | None:
    # "called Konkan,": a name no rule knew yet
    doc, end = s.span.doc, at + 1
    while end < s.span.end and doc[end].text[:1].isupper():
        end += 1
    if end == at + 1:
        return None
    table: EntityTable = doc.user_data["table"]
    return table.resolve(doc[at + 1 : end].text, "Mechanism")


def _clause(scene: Sentence) -> int | None:
    # "When pilots flew into Gwalior ..., few in Washington expected it": the "When" clause is the scene
    if scene.words()[:1] not in (["when"], ["as"]):
        return None
    return next((t.i for t in scene.span if t.text == ","), None)


def _as_series(named: Entity, s: Sentence) -> Entity:
    # A name the gazetteer does not know ("called Konkan") is the series all the same.
    if named.cls == "Mechanism":
        return named
    table: EntityTable = s.span.doc.user_data["table"]
    return table.resolve(named.label, "Mechanism") if named.cls != "Person" else named


def _forces(scene: Sentence) -> list[Entity]:
    """"pilots of the United States Air Force": the bodies whose people the scene names."""
    doc = scene.span.doc
    found = []
    for m in scene.mentions:
        before = [t.lower_ for t in doc[max(scene.span.start, m.start - 3) : m.start]]
        if m.entity.cls == "Organisation" and "of" in before and PERSONNEL_NOUNS & set(before):
            found.append(m.entity)
    return found
