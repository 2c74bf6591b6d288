"""The neighbourhood expansion against a real Oxigraph store holding tests/data/lookup.trig."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest
from rdflib import RDF, RDFS, XSD, Literal, URIRef

from graph.errors import NotFoundError, ParameterError
from graph.lookups.neighbourhood import aneighbourhood, neighbourhood
from graph.lookups.plans import Limits
from graph.model.namespace import DT
from graph.store import Store, open_store
from tests.lookup_fixture import load_lookup_graph, res


@pytest.fixture(scope="module")
def graph_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    with open_store(tmp_path_factory.mktemp("nb") / "store") as store:
        load_lookup_graph(store)
        yield store


def ids(nodes: list[URIRef]) -> set[str]:
    return {str(n).removeprefix("https://w3id.org/defence-ties/resource/") for n in nodes}


def test_depth_one_both_directions(graph_store: Store) -> None:
    found = neighbourhood(graph_store, "person/rajnath-singh")
    assert found.nodes[0] == URIRef(res("person/rajnath-singh"))
    assert ids(found.nodes) == {
        "person/rajnath-singh", "organisation/ministry-of-defence-india", "country/india",
        "event/indus-x-summit-2023", "event/two-plus-two-2022"}
    assert not found.truncated
    edges = {(s, p, o) for s, p, o in found.triples if p in (DT.participant, DT.affiliatedWith)}
    assert (URIRef(res("event/two-plus-two-2022")), DT.participant,
            URIRef(res("person/rajnath-singh"))) in edges


def test_nodes_are_described_with_types_labels_and_literals(graph_store: Store) -> None:
    found = neighbourhood(graph_store, "person/rajnath-singh")
    summit = URIRef(res("event/indus-x-summit-2023"))
    described = {(p, o) for s, p, o in found.triples if s == summit}
    assert (RDF.type, DT.Meeting) in described
    assert (RDFS.label, Literal("INDUS-X Summit", lang="en")) in described
    assert any(p == DT.startDate for p, _ in described)
    # an edge to a node outside the neighbourhood (the summit's location) is left out
    assert not any(p == DT.location for p, _ in described)
    # evidence (reified statements) and provenance are not followed
    assert not any(p == RDF.subject or o == RDF.Statement for _, p, o in found.triples)


def test_direction_out_and_in(graph_store: Store) -> None:
    out = neighbourhood(graph_store, "person/rajnath-singh", direction="out")
    assert ids(out.nodes) == {"person/rajnath-singh", "organisation/ministry-of-defence-india",
                              "country/india"}
    incoming = neighbourhood(graph_store, "person/rajnath-singh", direction="in")
    assert ids(incoming.nodes) == {"person/rajnath-singh", "event/indus-x-summit-2023",
                                   "event/two-plus-two-2022"}


def test_depth_two_predicates_and_types(graph_store: Store) -> None:
    found = neighbourhood(graph_store, "person/rajnath-singh", depth=2, predicates=["participant"])
    assert ids(found.nodes) == {"person/rajnath-singh", "event/indus-x-summit-2023",
                                "event/two-plus-two-2022", "person/lloyd-austin"}
    assert {p for _, p, o in found.triples if isinstance(o, URIRef) and p != RDF.type} == {DT.participant}
    events = neighbourhood(graph_store, "country/india", types=["dt:Event"])
    assert ids(events.nodes) == {"country/india", "event/two-plus-two-2018", "event/malabar-2020"}


def test_limit_truncates_and_says_so(graph_store: Store) -> None:
    full = neighbourhood(graph_store, "country/india", depth=2)
    assert not full.truncated and len(full.nodes) > 5
    cut = neighbourhood(graph_store, "country/india", depth=2, limit=5)
    assert cut.truncated and len(cut.nodes) == 5
    assert set(cut.nodes) <= set(full.nodes)
    exact = neighbourhood(graph_store, "country/india", depth=2, limit=len(full.nodes))
    assert not exact.truncated


def test_full_iri_and_unknown_entity(graph_store: Store) -> None:
    austin = URIRef(res("person/lloyd-austin"))
    assert neighbourhood(graph_store, str(austin)).nodes[0] == austin
    with pytest.raises(NotFoundError, match="person/nobody"):
        neighbourhood(graph_store, "person/nobody")


@pytest.mark.parametrize(("kwargs", "parameter"), [
    ({"depth": -1}, "depth"), ({"direction": "sideways"}, "direction"), ({"limit": 0}, "limit"),
    ({"predicates": ["notAProperty"]}, "predicates"), ({"types": ["dt:Nothing"]}, "types"),
])
def test_bad_arguments_name_the_parameter(graph_store: Store, kwargs: dict[str, object],
                                          parameter: str) -> None:
    with pytest.raises(ParameterError) as info:
        neighbourhood(graph_store, "person/rajnath-singh", **kwargs)  # type: ignore[arg-type]
    assert info.value.parameter == parameter


def test_bad_id_is_a_parameter_error(graph_store: Store) -> None:
    with pytest.raises(ParameterError, match="id"):
        neighbourhood(graph_store, "http://x> } DROP ALL {")


# -- the description query and its async twin -------------------------------------------------------
EDGE_CASES = """
@prefix dt: <https://w3id.org/defence-ties/ontology#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix t: <https://w3id.org/defence-ties/resource/test/> .
t:a dt:participant t:b ;
    <http://www.w3.org/2002/07/owl#sameAs> t:b ;
    <http://www.w3.org/2000/01/rdf-schema#seeAlso> <http://example.org/elsewhere> ;
    dt:title "Says \\"hi\\"\\tthen leaves"@en-GB , "1.50E0"^^xsd:double , "2020-01-01Z"^^xsd:date ,
             "2021-03"^^xsd:gYearMonth , 7 .
t:b a dt:Person ; dt:country t:c .
t:c a dt:Country .
"""


@pytest.fixture(scope="module")
def edge_case_store(graph_store: Store) -> Store:
    # Two graphs hold the same edge: it must be described once.
    graph_store.put_graph_data("urn:test:edge-cases", EDGE_CASES.encode(), "text/turtle")
    graph_store.put_graph_data("urn:test:edge-cases-2", EDGE_CASES.encode(), "text/turtle")
    return graph_store


def test_description_keeps_member_edges_literals_and_types_only(edge_case_store: Store) -> None:
    found = neighbourhood(edge_case_store, "test/a", predicates=["participant"])
    a, b = URIRef(res("test/a")), URIRef(res("test/b"))
    assert found.nodes == [a, b]
    about_a = sorted((p, o) for s, p, o in found.triples if s == a)
    assert about_a == sorted([
        (DT.participant, b),
        (DT.title, Literal('Says "hi"\tthen leaves', lang="en-GB")),
        (DT.title, Literal("1.50E0", datatype=XSD.double)),
        (DT.title, Literal("2020-01-01Z", datatype=XSD.date)),
        (DT.title, Literal("2021-03", datatype=XSD.gYearMonth)),
        (DT.title, Literal(7)),
    ])  # not owl:sameAs (not an edge), not rdfs:seeAlso, each triple once over both graphs
    # b's edge to c leaves the neighbourhood; b's type stays
    assert [(p, o) for s, p, o in found.triples if s == b] == [(RDF.type, DT.Person)]
    assert len(found.statements) == len(set(found.statements)) == len(found.triples)


def test_async_neighbourhood_gives_the_same_answer(edge_case_store: Store) -> None:
    limits = Limits(deadline_s=10, max_bytes=1_000_000)
    for entity, kwargs in [("person/rajnath-singh", {"depth": 2}), ("country/india", {"limit": 4}),
                           ("test/a", {"direction": "out"})]:
        sync = neighbourhood(edge_case_store, entity, **kwargs)  # type: ignore[arg-type]
        found = asyncio.run(aneighbourhood(edge_case_store, entity, limits=limits, **kwargs))  # type: ignore[arg-type]
        assert (found.nodes, found.statements, found.truncated) == (
            sync.nodes, sync.statements, sync.truncated)
    with pytest.raises(NotFoundError, match="person/nobody"):
        asyncio.run(aneighbourhood(edge_case_store, "person/nobody", limits=limits))
