"""The compiled SHACL check agrees with pySHACL on every shape, on good and deliberately broken graphs."""

from __future__ import annotations

from collections.abc import Callable
from itertools import chain

import pytest
from rdflib import RDF, RDFS, XSD, BNode, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, SH, SKOS
from rdflib.term import Node

from graph.ingest import checking
from graph.ingest.build import Triple, article_triples
from graph.ingest.checking import ArticleValidator
from graph.ingest.extract import extract_text
from graph.ingest.readers import read_path
from graph.ingest.readers.article import Article
from graph.ingest.resolution.gazetteer import Gazetteer
from graph.model.namespace import DT
from graph.model.ontology import ontology_graph, shapes_graph
from graph.validation.compiled import ShapeChecker, compile_shapes, mixed_in
from graph.validation.shacl import validate_graph
from tests.conftest import ROOT

R = "https://w3id.org/defence-ties/resource/"
CLASSES = ["Person", "Organisation", "Country", "Place", "Meeting", "Exercise", "Agreement", "Initiative",
           "Mechanism", "TechnologyArea", "Article"]
NODES = {name: URIRef(f"{R}test/{name.lower()}") for name in CLASSES}
UNTYPED = URIRef(f"{R}test/untyped")
KNOWN_ORG = URIRef(f"{R}organisation/known")  # typed only in the background


def background() -> Graph:
    graph = Graph()
    graph.add((KNOWN_ORG, RDF.type, DT.Organisation))
    graph.add((KNOWN_ORG, RDFS.label, Literal("Known")))
    return graph


def base_triples() -> list[Triple]:
    """A small valid article graph: one node of every class, each labelled, and a fact."""
    article = Article(title="T", text="The Indian Navy hosted Malabar in Chennai on 3 February 2026.",
                      url="https://example.org/t")
    triples = article_triples(article, extract_text(article.text))
    for name, node in NODES.items():
        if name != "Article":
            triples += [(node, RDF.type, DT[name]), (node, RDFS.label, Literal(name))]
    return triples


def checker_for(bg: Graph) -> ShapeChecker:
    compiled = compile_shapes(shapes_graph(), ontology_graph())
    assert compiled is not None
    extra = Graph()
    for triple in chain(ontology_graph(), bg):
        extra.add(triple)
    checker = compiled.with_background(mixed_in(extra))
    assert checker is not None
    return checker


def verdicts(
    triples: list[Triple], bg: Graph, checker: ShapeChecker | None = None
) -> tuple[bool | None, bool]:
    checker = checker or checker_for(bg)
    graph = Graph()
    for triple in triples:
        graph.add(triple)
    return checker.conforms(triples), validate_graph(graph, background=bg).conforms


def shape_properties() -> list[URIRef]:
    """Every property a shape targets or constrains."""
    shapes = shapes_graph()
    found = set()
    for predicate in (SH.targetSubjectsOf, SH.targetObjectsOf, SH.path):
        found |= {o for o in shapes.objects(None, predicate) if isinstance(o, URIRef)}
    return sorted(found)


def mutations() -> list[tuple[str, Callable[[list[Triple]], list[Triple]]]]:
    """Broken (and some still valid) variants: every shape property between nodes of every class,
    wrong, ill-typed and well-typed literals, missing and repeated values."""
    found: list[tuple[str, Callable[[list[Triple]], list[Triple]]]] = []
    objects: list[Node] = [
        *NODES.values(), UNTYPED, KNOWN_ORG, BNode("b"), Literal("text"), Literal("x", lang="en"),
        Literal("2026-02-03", datatype=XSD.date), Literal("2026-13-45", datatype=XSD.date),
        Literal("2025-10", datatype=XSD.gYearMonth), Literal("2025", datatype=XSD.gYear),
        Literal(5, datatype=XSD.positiveInteger), Literal("0", datatype=XSD.positiveInteger),
        Literal(-1), Literal(3),
    ]
    subjects = [NODES[name] for name in ("Person", "Meeting", "Agreement", "Organisation")]
    subjects += [UNTYPED, KNOWN_ORG]
    for p in shape_properties():
        for s in subjects:
            for o in objects:
                found.append((f"{s} {p} {o}", lambda t, s=s, p=p, o=o: [*t, (s, p, o)]))
    article = base_triples()[0][0]
    found += [
        ("no label", lambda t: [x for x in t if not (x[0] == NODES["Place"] and x[1] == RDFS.label)]),
        ("label with a language", lambda t: [*t, (NODES["Place"], RDFS.label, Literal("Lieu", lang="fr"))]),
        ("label an IRI", lambda t: [*t, (NODES["Place"], RDFS.label, UNTYPED)]),
        ("second title", lambda t: [*t, (article, DCTERMS.title, Literal("Other"))]),
        ("no title", lambda t: [x for x in t if x[1] != DCTERMS.title]),
        ("title with a language", lambda t: [*[x for x in t if x[1] != DCTERMS.title],
                                             (article, DCTERMS.title, Literal("T", lang="en"))]),
        ("untyped node becomes an actor", lambda t: [*t, (UNTYPED, RDF.type, DT.Actor)]),
        ("altLabel IRI", lambda t: [*t, (NODES["Country"], SKOS.altLabel, UNTYPED)]),
        ("background node relabelled", lambda t: [*t, (KNOWN_ORG, RDFS.label, Literal(1))]),
        ("background node retyped", lambda t: [*t, (KNOWN_ORG, RDF.type, DT.Meeting)]),
    ]
    return found


def test_agrees_with_pyshacl_on_broken_graphs() -> None:
    base, bg = base_triples(), background()
    checker = checker_for(bg)
    assert verdicts(base, bg, checker) == (True, True)
    cases = mutations()
    assert len(shape_properties()) >= 20
    sample = cases[::11] + cases[-10:]
    assert {str(p) for p in shape_properties()} <= {name.split()[1] for name, _ in sample}
    disagreements, failing = [], 0
    for name, mutate in sample:  # every 11th of the grid, and every hand-made case
        fast, reference = verdicts(mutate(base), bg, checker)
        failing += not reference
        if fast is not reference:
            disagreements.append(f"{name}: compiled {fast}, pySHACL {reference}")
    assert not disagreements, disagreements
    assert failing > len(sample) // 2  # most variants are broken, and pySHACL says so


def test_agrees_with_pyshacl_on_real_articles_and_gazetteer() -> None:
    gazetteer = Gazetteer.load(ROOT / "data" / "gazetteer.ttl")
    articles = [a for a in read_path(ROOT / "data" / "eval") if isinstance(a, Article)][:5]
    checker = checker_for(gazetteer.graph)
    for article in articles:
        triples = article_triples(article, extract_text(
            article.text, published=article.published, gazetteer=gazetteer, key=article.content_hash))
        broken = [*triples, (article.iri, DT.startDate, Literal("yesterday"))]
        assert verdicts(triples, gazetteer.graph, checker) == (True, True)
        assert verdicts(broken, gazetteer.graph, checker) == (False, False)


@pytest.mark.parametrize("predicate", [DT.startDate, DT.endDate])
def test_event_dates_are_a_day_or_a_month_in_both_checkers(predicate: URIRef) -> None:
    base, bg = base_triples(), background()
    checker = checker_for(bg)
    accepted = [Literal("2024-09-09", datatype=XSD.date), Literal("2024-09", datatype=XSD.gYearMonth)]
    refused = [Literal("2024", datatype=XSD.gYear), Literal("2024-09", datatype=XSD.gYear),
               Literal("September 2024")]
    for value, expected in [(v, True) for v in accepted] + [(v, False) for v in refused]:
        both = verdicts([*base, (NODES["Exercise"], predicate, value)], bg, checker)
        assert both == (expected, expected), value


def custom(shapes_ttl: str) -> ShapeChecker | None:
    shapes = Graph().parse(data="@prefix sh: <http://www.w3.org/ns/shacl#> .\n"
                           "@prefix ex: <urn:ex:> .\n" + shapes_ttl, format="turtle")
    return compile_shapes(shapes, ontology_graph())


def test_unsupported_constructs_are_left_to_pyshacl() -> None:
    assert custom("ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:closed true .") is None
    sequence = "ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:property [ sh:path ( ex:a ex:b ) ] ."
    assert custom(sequence) is None
    assert custom("ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:property [ sh:path ex:a ; "
                  "sh:pattern \"^x\" ] .") is None
    warning = "ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:severity sh:Warning ; sh:class ex:D ."
    assert custom(warning) is None


def test_target_node_is_checked_even_when_absent() -> None:
    checker = custom("ex:S a sh:NodeShape ; sh:targetNode ex:n ; "
                     "sh:property [ sh:path ex:p ; sh:minCount 1 ] .")
    assert checker is not None
    assert checker.with_background([]) is None  # ex:n has no ex:p anywhere: fails, as in pySHACL
    assert checker.with_background([(URIRef("urn:ex:n"), URIRef("urn:ex:p"), Literal(1))]) is not None


def test_validator_falls_back_to_pyshacl_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(checking, "compile_shapes", lambda shapes, ontology: None)
    validator = ArticleValidator(Gazetteer.empty())
    assert not validator.compiled
    good, bad = base_triples(), [(NODES["Person"], DT.startDate, Literal("3 February"))]
    assert validator.suspects([("good", good), ("bad", bad)]) == {"bad"}
