"""The neighbourhood's JSON, written straight from its statements, against the response model."""

from __future__ import annotations

import json

import pytest
from rdflib import RDF, RDFS, Literal, URIRef

from api.models import NeighbourhoodGraph, Value
from api.neighbourhood_json import neighbourhood_json
from graph.lookups.neighbourhood import Neighbourhood
from graph.store.tsv import term_from_tsv

A = "https://w3id.org/defence-ties/resource/person/a"
B = "https://w3id.org/defence-ties/resource/event/b"
TITLE = "https://w3id.org/defence-ties/ontology#title"
LITERALS = [
    '"Rājnāth \\"R\\" Singh"@en', '"plain"', '"tab\\there"', '"x"^^<http://www.w3.org/2001/XMLSchema#string>',
    '"2023-06-20"^^<http://www.w3.org/2001/XMLSchema#date>',
    '"2023-06-20Z"^^<http://www.w3.org/2001/XMLSchema#date>',
    '"2023-06-20T10:00:00Z"^^<http://www.w3.org/2001/XMLSchema#dateTime>',
    '"2023-06"^^<http://www.w3.org/2001/XMLSchema#gYearMonth>', '"2023"^^<http://www.w3.org/2001/XMLSchema#gYear>',
    '"1.50E0"^^<http://www.w3.org/2001/XMLSchema#double>', "24", "2.5", "1.0E3", "true",
    '"007"^^<http://www.w3.org/2001/XMLSchema#int>',
]


def found(statements: list[tuple[str, str, str]]) -> Neighbourhood:
    return Neighbourhood(URIRef(A), [URIRef(A), URIRef(B)], statements, truncated=True)


@pytest.mark.parametrize("cell", LITERALS)
def test_literal_values_are_those_rdflib_gives(cell: str) -> None:
    body = json.loads(neighbourhood_json(found([(A, TITLE, cell)])))
    literal = term_from_tsv(cell)
    assert isinstance(literal, Literal)
    assert body["nodes"][0]["attributes"] == {TITLE: [Value.of(literal).model_dump()]}


def test_nodes_edges_types_and_labels_match_the_model() -> None:
    statements = [
        (A, str(RDFS.label), '"A"@en'), (A, str(RDFS.label), '"Ay"@en'),
        (A, str(RDF.type), "<https://w3id.org/defence-ties/ontology#Person>"),
        (A, str(RDF.type), "<https://w3id.org/defence-ties/ontology#Agent>"),
        (B, "https://w3id.org/defence-ties/ontology#participant", f"<{A}>"),
        (B, "https://w3id.org/defence-ties/ontology#location", "<urn:outside>"),
        (B, "https://w3id.org/defence-ties/ontology#location", "_:blank"),
    ]
    body = neighbourhood_json(found(statements))
    model = NeighbourhoodGraph.model_validate_json(body)
    assert model.model_dump_json().encode() == body  # the model's fields, in its order
    assert model.centre == A and model.truncated
    a, b = model.nodes
    assert (a.id, a.label, b.id, b.label) == ("person/a", "A", "event/b", None)
    assert a.types == sorted(["https://w3id.org/defence-ties/ontology#Person",
                              "https://w3id.org/defence-ties/ontology#Agent"])
    assert [v.value for v in a.attributes[str(RDFS.label)]] == ["A", "Ay"]
    assert [(e.source, e.target) for e in model.edges] == [(B, A)]  # not the edges leaving
