"""The ontology file, the DefinedNamespace and the SHACL shapes agree and do their job."""

from __future__ import annotations

import pytest
from rdflib import OWL, RDF, RDFS, XSD, Graph, Literal, URIRef

from graph.errors import ValidationError
from graph.model.namespace import DT
from graph.model.ontology import ontology_graph, shapes_graph
from graph.validation.shacl import check_graph, validate_graph

TERM_TYPES = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)


def ontology_terms() -> set[str]:
    graph = ontology_graph()
    names = set()
    for kind in TERM_TYPES:
        for term in graph.subjects(RDF.type, kind):
            if isinstance(term, URIRef) and str(term).startswith(str(DT._NS)):
                names.add(str(term)[len(str(DT._NS)):])
    return names


def namespace_terms() -> set[str]:
    return set(DT.__annotations__)


def test_namespace_and_turtle_name_the_same_terms() -> None:
    assert ontology_terms() == namespace_terms()


def test_required_terms_exist() -> None:
    required = {
        "Actor", "Person", "Organisation", "Country", "Place", "Event", "Meeting", "Exercise",
        "Framework", "Agreement", "Initiative", "Mechanism", "TechnologyArea", "Article",
        "hostedBy", "chairedBy", "participant", "location", "partOfSeries", "alignedWith", "topic",
        "technologyArea", "signatory", "signedAt", "party", "affiliatedWith", "partOf", "country",
        "mentions", "startDate", "endDate", "signedOn", "ordinal", "title",
    }
    assert required <= ontology_terms()


def test_misspelt_term_fails_loudly() -> None:
    with pytest.raises(AttributeError):
        _ = DT.hostedby


@pytest.mark.parametrize("term", sorted(namespace_terms()))
def test_every_term_is_documented(term: str) -> None:
    graph = ontology_graph()
    iri = DT[term]
    assert graph.value(iri, RDFS.label) is not None, f"{term} has no rdfs:label"
    assert graph.value(iri, RDFS.comment) is not None, f"{term} has no rdfs:comment"
    if (iri, RDF.type, OWL.Class) not in graph:
        assert graph.value(iri, RDFS.domain) is not None, f"{term} has no domain"
        assert graph.value(iri, RDFS.range) is not None, f"{term} has no range"


def test_class_hierarchy_and_alignment() -> None:
    graph = ontology_graph()
    schema, sem = "https://schema.org/", "http://semanticweb.cs.vu.nl/2009/11/sem/"
    assert (DT.Meeting, RDFS.subClassOf, DT.Event) in graph
    assert (DT.Meeting, RDFS.subClassOf, URIRef(schema + "Event")) in graph
    assert (DT.Meeting, RDFS.subClassOf, URIRef(sem + "Event")) in graph
    assert (DT.partOf, RDFS.subPropertyOf, URIRef("http://www.w3.org/ns/org#subOrganizationOf")) in graph
    assert (DT.Article, RDFS.subClassOf, URIRef(schema + "NewsArticle")) in graph
    assert (DT.Article, RDFS.subClassOf, URIRef("http://www.w3.org/ns/prov#Entity")) in graph
    assert (DT.chairedBy, RDFS.subPropertyOf, DT.participant) in graph
    for sub in ("Person", "Organisation", "Country"):
        assert (DT[sub], RDFS.subClassOf, DT.Actor) in graph


def test_shapes_parse_and_reference_only_known_terms() -> None:
    shapes = shapes_graph()
    used = {str(o) for o in shapes.objects() if isinstance(o, URIRef) and str(o).startswith(str(DT._NS))}
    unknown = {u for u in used if u[len(str(DT._NS)):] not in namespace_terms()}
    assert not unknown


def well_formed_graph() -> Graph:
    g = Graph()
    meeting, drdo, india = URIRef("urn:t:jtg24"), URIRef("urn:t:drdo"), URIRef("urn:t:india")
    g.add((meeting, RDF.type, DT.Meeting))
    g.add((meeting, RDFS.label, Literal("24th Joint Technical Group plenary")))
    g.add((meeting, DT.startDate, Literal("2026-02-03", datatype=XSD.date)))
    g.add((meeting, DT.ordinal, Literal("24", datatype=XSD.positiveInteger)))
    g.add((meeting, DT.hostedBy, drdo))
    g.add((drdo, RDF.type, DT.Organisation))
    g.add((drdo, RDFS.label, Literal("DRDO")))
    g.add((drdo, DT.country, india))
    g.add((india, RDF.type, DT.Country))
    g.add((india, RDFS.label, Literal("India")))
    return g


def test_well_formed_graph_conforms() -> None:
    report = validate_graph(well_formed_graph())
    assert report.conforms, report.text


@pytest.mark.parametrize("damage", ["string_date", "hosted_by_place", "unlabelled", "org_as_country"])
def test_shacl_catches_malformed_graph(damage: str) -> None:
    g = well_formed_graph()
    meeting, drdo = URIRef("urn:t:jtg24"), URIRef("urn:t:drdo")
    if damage == "string_date":
        g.set((meeting, DT.startDate, Literal("3 February 2026")))
    elif damage == "hosted_by_place":
        g.set((drdo, RDF.type, DT.Place))
    elif damage == "unlabelled":
        g.remove((drdo, RDFS.label, None))
    else:
        g.add((drdo, DT.country, drdo))
    report = validate_graph(g)
    assert not report.conforms
    assert report.violations >= 1
    with pytest.raises(ValidationError, match="does not conform"):
        check_graph(g, name="damaged")
