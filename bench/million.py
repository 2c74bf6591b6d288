"""The generated graph of the lookup benchmark: about a million triples shaped like ours.

Countries, places, organisations, people, mechanisms, meetings and exercises, agreements, with
``dt:`` edges, labels, aliases, dates, and reified evidence in article graphs as the ingester
writes it; fixed seeds, so every run (and every ``--keep`` folder) holds the same graph.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass

from graph.store import NTRIPLES, Store

DT = "https://w3id.org/defence-ties/ontology#"
RES = "https://w3id.org/defence-ties/resource/"
GRAPHS = "https://w3id.org/defence-ties/graph/bench/"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDF_TYPE = RDF + "type"
LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
ALT = "http://www.w3.org/2004/02/skos/core#altLabel"
XSD = "http://www.w3.org/2001/XMLSchema#"
SYLLABLES = ("ra", "jan", "th", "sin", "gh", "lo", "yd", "aus", "tin", "mo", "di", "pa", "ri", "kar",
             "vin", "shi", "la", "de", "fen", "se", "na", "val", "ko", "mu", "bai", "gu", "pta", "han",
             "ber", "wa", "shing", "ton", "del", "hi", "me", "ra", "ndo", "zu", "qui", "xe")


@dataclass(frozen=True)
class Shape:
    """How many of each kind of entity; ``scale`` multiplies them all."""

    countries: int = 70
    places: int = 3600
    organisations: int = 19000
    people: int = 29000
    mechanisms: int = 700
    events: int = 58000
    agreements: int = 11000

    def scaled(self, factor: float) -> Shape:
        return Shape(*(max(2, int(getattr(self, f) * factor)) for f in self.__dataclass_fields__))


class Generator:
    """Writes the synthetic graph as N-Triples lines, entity kind by entity kind."""

    def __init__(self, shape: Shape, seed: int = 7) -> None:
        self.shape = shape
        self.rng = random.Random(seed)  # noqa: S311 - repeatable data, not secrets
        self.lines: list[str] = []

    def entity(self, kind: str, i: int, cls: str, alias: bool = False) -> str:
        iri = f"<{RES}{kind}/{kind[:3]}-{i}>"
        name = " ".join(self.word() for _ in range(self.rng.choice((2, 3))))
        self.add(iri, RDF_TYPE, f"<{DT}{cls}>")
        self.add(iri, LABEL, f'"{name}"@en')
        if alias:
            self.add(iri, ALT, f'"{"".join(w[0] for w in name.split()[:3])}"')
        return iri

    def word(self) -> str:
        """A made-up word of two to four syllables (names as varied as real ones)."""
        return "".join(self.rng.choice(SYLLABLES) for _ in range(self.rng.randrange(2, 5))).title()

    def add(self, s: str, p: str, o: str) -> None:
        self.lines.append(f"{s} <{p}> {o} .")

    def drain(self) -> Iterator[str]:
        yield from self.lines
        self.lines.clear()

    def triples(self) -> Iterator[str]:
        shape, rng = self.shape, self.rng
        countries = [self.entity("country", i, "Country") for i in range(shape.countries)]
        places = [self.entity("place", i, "Place") for i in range(shape.places)]
        for place in places:
            self.add(place, DT + "country", rng.choice(countries))
        orgs = [self.entity("organisation", i, "Organisation", True) for i in range(shape.organisations)]
        for i, org in enumerate(orgs):
            self.add(org, DT + "country", rng.choice(countries))
            if i > 10 and rng.random() < 0.6:
                self.add(org, DT + "partOf", orgs[rng.randrange(i)])
        people = [self.entity("person", i, "Person") for i in range(shape.people)]
        for person in people:
            self.add(person, DT + "title", '"Minister"')
            self.add(person, DT + "affiliatedWith", rng.choice(orgs))
            self.add(person, DT + "country", rng.choice(countries))
        mechanisms = [self.entity("mechanism", i, "Mechanism", True) for i in range(shape.mechanisms)]
        yield from self.drain()
        for i in range(shape.events):
            self.event(i, countries, places, people, mechanisms)
            if i % 1000 == 0:
                yield from self.drain()
        for i in range(shape.agreements):
            self.agreement(i, countries, places, people)
        yield from self.drain()

    def event(self, i: int, countries: list[str], places: list[str], people: list[str],
              mechanisms: list[str]) -> None:
        rng = self.rng
        event = self.entity("event", i, "Meeting" if i % 3 else "Exercise")
        day = f"{rng.randrange(1995, 2026)}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}"
        self.add(event, DT + "startDate", f'"{day}"^^<{XSD}date>')
        self.add(event, DT + "location", rng.choice(places))
        self.add(event, DT + "partOfSeries", rng.choice(mechanisms))
        self.add(event, DT + "hostedBy", rng.choice(countries))
        for n, person in enumerate(rng.sample(people, 4)):
            self.add(event, DT + "participant", person)
            if rng.random() < 0.1:  # reified evidence, as the ingester records it
                article = f"{GRAPHS}article-{i % 997}"
                st = f"<{article}#evidence-{i}-{n}>"
                self.add(st, RDF_TYPE, "<http://www.w3.org/1999/02/22-rdf-syntax-ns#Statement>")
                self.add(st, RDF + "subject", event)
                self.add(st, RDF + "predicate", f"<{DT}participant>")
                self.add(st, RDF + "object", person)
                self.add(st, "http://www.w3.org/ns/prov#wasDerivedFrom", f"<{article}>")
                self.add(st, "http://www.w3.org/ns/oa#exact", '"They took part."')

    def agreement(self, i: int, countries: list[str], places: list[str], people: list[str]) -> None:
        rng = self.rng
        agreement = self.entity("agreement", i, "Agreement", True)
        self.add(agreement, DT + "signedOn", f'"{rng.randrange(1995, 2026)}-{rng.randrange(1, 13):02d}"'
                 f"^^<{XSD}gYearMonth>")
        self.add(agreement, DT + "signedAt", rng.choice(places))
        for party in rng.sample(countries, 2):
            self.add(agreement, DT + "party", party)
        for signatory in rng.sample(people, 2):
            self.add(agreement, DT + "signatory", signatory)


def load(store: Store, lines: Iterator[str], graphs: int = 8) -> int:
    """PUT the lines into ``graphs`` named graphs as N-Triples; the number of lines loaded."""
    buckets: list[list[str]] = [[] for _ in range(graphs)]
    count = 0
    for count, line in enumerate(lines, start=1):
        buckets[count % graphs].append(line)
    for i, bucket in enumerate(buckets):
        store.put_graph_data(f"{GRAPHS}{i}", ("\n".join(bucket) + "\n").encode(), NTRIPLES)
    return count
