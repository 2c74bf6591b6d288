"""Run the extractor with a small gazetteer of a test's own and read back nodes and facts by label."""

from __future__ import annotations

from datetime import date

from rdflib import Graph

from graph.ingest.extract import extract_text
from graph.ingest.resolution.entities import Entity
from graph.ingest.resolution.gazetteer import Gazetteer

Nodes = set[tuple[str, str]]
Facts = set[tuple[str, str, str]]


def extract_with(text: str, gazetteer_ttl: str, published: date) -> tuple[Nodes, Facts]:
    """The (class, label) of every entity and the (subject, predicate, object) labels of every fact."""
    gazetteer = Gazetteer.from_graph(Graph().parse(data=gazetteer_ttl, format="turtle"))
    result = extract_text(text, published=published, gazetteer=gazetteer)
    nodes = {(e.cls, e.label) for e in result.entities}
    found = {
        (f.subject.label, f.predicate, f.obj.label if isinstance(f.obj, Entity) else str(f.obj))
        for f in result.facts
    }
    return nodes, found
