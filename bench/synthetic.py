"""A generated defence-ties-like graph of any size, as N-Triples, with its expected projection size."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

R = "https://w3id.org/defence-ties/resource/"
DT = "https://w3id.org/defence-ties/ontology#"
TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
LABEL = "<http://www.w3.org/2000/01/rdf-schema#label>"
ALT = "<http://www.w3.org/2004/02/skos/core#altLabel>"
DATE = "<http://www.w3.org/2001/XMLSchema#date>"
INTEGER = "<http://www.w3.org/2001/XMLSchema#integer>"
COUNTRIES, PLACES, ORGANISATIONS = 10, 200, 500
TRIPLES_PER_EVENT = 14  # 11 for the event, 6 for its half of a person, rounded: see expected()


@dataclass(frozen=True)
class Synthetic:
    """How many events to generate, and what the projection of the result must hold."""

    events: int

    @property
    def persons(self) -> int:
        return max(self.events // 2, 3)

    def nodes(self) -> int:
        return COUNTRIES + PLACES + ORGANISATIONS + self.persons + self.events

    def edges(self) -> int:
        return PLACES + ORGANISATIONS + 2 * self.persons + 6 * self.events

    @classmethod
    def about(cls, triples: int) -> Synthetic:
        """A graph of roughly ``triples`` triples."""
        return cls(events=max(triples // TRIPLES_PER_EVENT, 3))


def _node(kind: str, i: int) -> str:
    return f"<{R}{kind}/{kind[0]}{i}>"


def _entity(kind: str, cls: str, i: int, label: str) -> Iterator[str]:
    yield f"{_node(kind, i)} {TYPE} <{DT}{cls}> ."
    yield f'{_node(kind, i)} {LABEL} "{label}"@en .'


def ntriples(spec: Synthetic) -> Iterator[str]:
    """The graph's N-Triples lines (no trailing newline)."""
    for i in range(COUNTRIES):
        yield from _entity("country", "Country", i, f"Country {i}")
    for i in range(PLACES):
        yield from _entity("place", "Place", i, f"Place {i} – Śrīnagar")
        yield f"{_node('place', i)} <{DT}country> {_node('country', i % COUNTRIES)} ."
    for i in range(ORGANISATIONS):
        yield from _entity("organisation", "Organisation", i, f"Organisation {i}")
        yield f"{_node('organisation', i)} <{DT}country> {_node('country', i % COUNTRIES)} ."
    for i in range(spec.persons):
        person = _node("person", i)
        yield from _entity("person", "Person", i, f"Person {i} \\\"quoted\\\"")
        yield f'{person} {ALT} "P{i}" .'
        yield f'{person} <{DT}title> "Minister" .'
        yield f"{person} <{DT}affiliatedWith> {_node('organisation', i % ORGANISATIONS)} ."
        yield f"{person} <{DT}country> {_node('country', i % COUNTRIES)} ."
    for i in range(spec.events):
        yield from _event(spec, i)


def _event(spec: Synthetic, i: int) -> Iterator[str]:
    event = _node("meeting", i)
    day = f"{2000 + i % 24}-{1 + i % 12:02d}-{1 + i % 28:02d}"
    yield from _entity("meeting", "Meeting", i, f"Meeting {i}")
    yield f'{event} <{DT}startDate> "{day}"^^{DATE} .'
    yield f'{event} <{DT}endDate> "{day}"^^{DATE} .'
    yield f'{event} <{DT}ordinal> "{i + 1}"^^{INTEGER} .'
    yield f"{event} <{DT}location> {_node('place', i % PLACES)} ."
    yield f"{event} <{DT}hostedBy> {_node('country', i % COUNTRIES)} ."
    chair = _node("person", i % spec.persons)
    yield f"{event} <{DT}chairedBy> {chair} ."
    yield f"{event} <{DT}participant> {chair} ."
    for step in (1, 2):
        yield f"{event} <{DT}participant> {_node('person', (i + step) % spec.persons)} ."
