"""The property-graph projection: what becomes a node, an edge, an attribute, and what is left out."""

from __future__ import annotations

import datetime
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS

from graph.export.projection import project
from graph.model.namespace import DT, RESOURCE

FIXTURE = Path(__file__).parent / "data" / "export_fixture.ttl"
R = str(RESOURCE)
XSD_DATE = URIRef("http://www.w3.org/2001/XMLSchema#date")  # rdflib's XSD at module level upsets doctest


def fixture_graph() -> Graph:
    return Graph().parse(FIXTURE, format="turtle")


def test_resources_become_nodes_with_short_ids_labels_and_categories() -> None:
    G = project(fixture_graph())
    assert G.number_of_nodes() == 12 and G.number_of_edges() == 19
    rajnath = G.nodes[R + "person/rajnath-singh"]
    assert rajnath["id"] == "person/rajnath-singh" and rajnath["iri"] == R + "person/rajnath-singh"
    assert rajnath["label"] == "Rajnath Singh"  # the English label wins over the Hindi one
    assert rajnath["category"] == "Person" and rajnath["types"] == ["Person"]
    assert G.nodes[R + "article/28-roadmap"]["label"] == "Roadmap for defence industrial cooperation"


def test_rdf_type_is_an_attribute_not_a_hub_node() -> None:
    G = project(fixture_graph())
    assert str(DT.Person) not in G and str(DT.Meeting) not in G
    assert all(data["predicate"] != str(RDF.type) for _, _, data in G.edges(data=True))


def test_parallel_edges_are_kept_keyed_by_predicate() -> None:
    G = project(fixture_graph())
    edges = G.get_edge_data(R + "meeting/fifth-2plus2-2023", R + "person/rajnath-singh")
    assert sorted(edges) == ["chairedBy", "participant"]
    assert edges["chairedBy"]["predicate"] == str(DT.chairedBy)


def test_literals_are_typed_attributes() -> None:
    G = project(fixture_graph())
    meeting = G.nodes[R + "meeting/fifth-2plus2-2023"]
    assert meeting["startDate"] == datetime.date(2023, 11, 10) and meeting["ordinal"] == 5
    assert isinstance(meeting["ordinal"], int)
    assert G.nodes[R + "agreement/beca"]["signedOn"] == datetime.date(2020, 10, 27)
    assert G.nodes[R + "agreement/gsomia"]["signedOn"] == "2002"  # a gYear stays text
    assert G.nodes[R + "organisation/dod"]["altLabel"] == "DoD | Pentagon"


def test_evidence_machinery_is_left_out_and_articles_stay() -> None:
    G = project(fixture_graph())
    assert R + "evidence/s1" not in G and R + "activity/ingest-1" not in G
    assert G.nodes[R + "article/28-roadmap"]["category"] == "Article"
    assert sorted(G[R + "article/28-roadmap"]) == [R + "person/lloyd-austin", R + "person/rajnath-singh"]
    # A web page the article cites is an attribute, not a node.
    assert G.nodes[R + "article/28-roadmap"]["source"] == "https://example.org/news/roadmap.html"
    assert "https://example.org/news/roadmap.html" not in G


def test_several_values_keep_the_smallest_and_list_all() -> None:
    m = URIRef(R + "meeting/m")
    G = project([(m, RDF.type, DT.Meeting), (m, RDFS.label, Literal("M")),
                 (m, DT.startDate, Literal("2021-05-02", datatype=XSD_DATE)),
                 (m, DT.startDate, Literal("2021-05-01", datatype=XSD_DATE))])
    node = G.nodes[str(m)]
    assert node["startDate"] == datetime.date(2021, 5, 1)
    assert node["startDate_all"] == "2021-05-01 | 2021-05-02"


def test_most_specific_class_is_the_category_and_duplicates_are_harmless() -> None:
    m = URIRef(R + "meeting/m")
    p = URIRef(R + "person/p")
    triples = [(m, RDF.type, DT.Event), (m, RDF.type, DT.Meeting), (m, DT.participant, p)]
    G = project(triples + triples)
    assert G.nodes[str(m)]["category"] == "Meeting" and G.nodes[str(m)]["types"] == ["Event", "Meeting"]
    # An object under the resource base with nothing said about it is still a node.
    assert G.nodes[str(p)]["category"] == "Resource" and G.number_of_edges() == 1
