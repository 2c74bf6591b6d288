"""One node per edition: an edition's IRI is its series and its number, else its year.

News names one edition of a series in two ways: by number ("the 18th edition of Yudh Abhyas") and
by year ("Yudh Abhyas 2022"). Each article mints IRIs from what it says, so the same exercise
became two nodes when one article gave the number and another the year, or when one article used
both. The number is the key: it is what later articles repeat when they recall an edition
("the 13th edition"), usually without its date, and unlike a year it never names two editions
(Yudh Abhyas had two in 2021). So within an article, the names of one edition are joined first:

- every mention with the same series and number;
- a year-named edition ("Yudh Abhyas 2018") and the one numbered edition of that series dated in
  that year (by its start date, or, for the edition the article opens with, by the year the
  article was published: a report of the 14th edition is news of that year's);

then each edition is keyed ``series-number`` if it has one number, else ``series-year``. Measured
on ``data/eval/identity.json`` (see ``docs/extraction.md``).

Examples
--------
>>> from graph.ingest.extract import extract_text
>>> result = extract_text("Exercise Yudh Abhyas 2022 began at Auli on 15 November. "
...                       "It is the 18th edition of Yudh Abhyas.")
>>> [(e.iri.rsplit("/", 1)[-1], e.name) for e in result.entities if e.cls == "Exercise"]
[('exercise-yudh-abhyas-18', 'Exercise Yudh Abhyas, 18th edition')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from graph.ingest.language.text import slugify
from graph.ingest.resolution.entities import EVENTS, Entity
from graph.ingest.rules.facts import Fact
from graph.model.namespace import resource_iri

YEAR = re.compile(r"\b(19|20)\d\d\b")


@dataclass
class _Edition:
    """The names of one edition in an article, joined."""

    series: Entity
    members: list[Entity] = field(default_factory=list)
    numbers: set[int] = field(default_factory=set)
    years: set[int] = field(default_factory=set)


def key_editions(
    entities: list[Entity], facts: list[Fact], *, lead: Entity | None = None, published: date | None = None
) -> tuple[list[Entity], list[Fact]]:
    """The entities and facts with each edition's names joined into one node keyed as above."""
    editions = _editions(facts, lead, published)
    replaced: dict[Entity, Entity] = {}
    for edition in (e for e in editions if e.members):
        kept = _keyed(edition, entities)
        replaced.update({e: kept for e in edition.members if e is not kept})
    entities = [e for e in entities if e not in replaced]
    return entities, [_moved(f, replaced) for f in facts]


def edition_year(event: Entity, series: Entity, facts: list[Fact]) -> int | None:
    """The year an edition's name gives ("Yudh Abhyas 2022"), else its start date's."""
    for name in sorted(event.surfaces | {event.label}):
        found = YEAR.search(name)
        if found and slugify(series.label) in slugify(name):
            return int(found.group())
    starts = {str(f.obj)[:4] for f in facts if f.subject is event and f.predicate == "startDate"}
    return int(starts.pop()) if len(starts) == 1 else None


def _editions(facts: list[Fact], lead: Entity | None, published: date | None) -> list[_Edition]:
    series = {f.subject: f.obj for f in facts if f.predicate == "partOfSeries" and isinstance(f.obj, Entity)}
    numbers = {f.subject: int(str(f.obj)) for f in facts if f.predicate == "ordinal" and f.subject in series}
    by_number: dict[tuple[Entity, int], _Edition] = {}
    unnumbered: list[_Edition] = []
    for event, of in series.items():
        if event.cls not in EVENTS or event.known:
            continue
        year = edition_year(event, of, facts)
        if year is None and event is lead and published is not None:
            year = published.year
        if event in numbers:
            edition = by_number.setdefault((of, numbers[event]), _Edition(of, numbers={numbers[event]}))
        else:
            edition = _Edition(of)
            unnumbered.append(edition)
        edition.members.append(event)
        edition.years |= {year} if year is not None else set()
    numbered = list(by_number.values())
    return numbered + [_joined(e, numbered, lead) for e in unnumbered if e.years]


def _joined(named: _Edition, numbered: list[_Edition], lead: Entity | None) -> _Edition:
    """A year-named edition joined to the one numbered edition of its series in that year (or,
    when it is the article's lead, to the one undated numbered edition: "Malabar 2024 began ...
    the 28th edition")."""
    same = [e for e in numbered if e.series is named.series and e.years == named.years]
    if not same and lead in named.members:
        same = [e for e in numbered if e.series is named.series and not e.years]
    if len(same) != 1:
        return named
    same[0].members += named.members
    named.members = []
    return named


def _keyed(edition: _Edition, entities: list[Entity]) -> Entity:
    if len(edition.numbers) == 1:
        key = str(next(iter(edition.numbers)))
    elif len(edition.years) == 1:
        key = str(next(iter(edition.years)))
    else:
        return edition.members[0]  # two numbers, or no number and two years: left as read
    iri = resource_iri("event", f"{slugify(edition.series.label)}-{key}")
    holder = next((e for e in entities if e.iri == iri and e not in edition.members), None)
    kept = holder or edition.members[0]
    kept.iri = iri
    for other in edition.members:
        if other is not kept:
            kept.surfaces |= other.surfaces | {other.label}
            kept.titles |= other.titles
    return kept


def _moved(fact: Fact, replaced: dict[Entity, Entity]) -> Fact:
    subject = replaced.get(fact.subject, fact.subject)
    obj = replaced.get(fact.obj, fact.obj) if isinstance(fact.obj, Entity) else fact.obj
    if subject is fact.subject and obj is fact.obj:
        return fact
    return Fact(subject, fact.predicate, obj, fact.evidence)
