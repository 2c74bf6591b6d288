"""An article's named graph: its metadata, the entities it names, the facts and their evidence.

Evidence is standard RDF reification: one ``rdf:Statement`` per fact, with the sentence
(``oa:exact``) and its character offsets (``oa:start``, ``oa:end``) from the Web Annotation
vocabulary, and ``prov:wasDerivedFrom`` the article. No ``dt:`` property is used on it, so it adds
nothing an analyst would count as a relation.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime

from rdflib import RDF, RDFS, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, PROV, SKOS, XSD

from graph import __version__
from graph.ingest.article import Article
from graph.ingest.entities import Entity
from graph.ingest.extract import Extraction
from graph.ingest.facts import Fact
from graph.namespace import DT, SCHEMA

OA = Namespace("http://www.w3.org/ns/oa#")
SOFTWARE = f"defence-ties {__version__}"


def article_graph(article: Article, extraction: Extraction, *, ingested: datetime | None = None) -> Graph:
    """The named graph of ``article`` (not yet validated)."""
    graph = Graph(identifier=article.iri)
    graph.bind("dt", DT._NS)
    graph.bind("oa", OA)
    _metadata(graph, article, ingested or datetime.now(UTC))
    for entity in extraction.entities:
        _entity(graph, article.iri, entity)
    for fact in extraction.facts:
        obj = fact.obj.iri if isinstance(fact.obj, Entity) else fact.obj
        predicate = URIRef(str(DT._NS) + fact.predicate)
        graph.add((fact.subject.iri, predicate, obj))
        _evidence(graph, article, (fact.subject.iri, predicate, obj), fact, extraction.text)
    return graph


def _metadata(graph: Graph, article: Article, ingested: datetime) -> None:
    node = article.iri
    graph.add((node, RDF.type, DT.Article))
    graph.add((node, DCTERMS.title, Literal(article.title)))
    if article.published:
        graph.add((node, DCTERMS.issued, Literal(article.published.isoformat(), datatype=XSD.date)))
    if article.source:
        graph.add((node, DCTERMS.publisher, Literal(article.source)))
    if article.url:
        graph.add((node, SCHEMA.url, Literal(article.url, datatype=XSD.anyURI)))
    graph.add((node, SCHEMA.sha256, Literal(article.content_hash)))
    graph.add(
        (node, PROV.generatedAtTime, Literal(ingested.isoformat(timespec="seconds"), datatype=XSD.dateTime))
    )
    graph.add((node, SCHEMA.softwareVersion, Literal(SOFTWARE)))


def _entity(graph: Graph, article: URIRef, entity: Entity) -> None:
    graph.add((article, DT.mentions, entity.iri))
    graph.add((entity.iri, RDF.type, URIRef(str(DT._NS) + entity.cls)))
    graph.add((entity.iri, RDFS.label, Literal(entity.label)))
    for surface in sorted(entity.surfaces - {entity.label}):
        graph.add((entity.iri, SKOS.altLabel, Literal(surface)))
    for title in sorted(entity.titles):
        graph.add((entity.iri, DT.title, Literal(title)))


def _evidence(
    graph: Graph, article: Article, triple: tuple[URIRef, URIRef, URIRef | Literal], fact: Fact, text: str
) -> None:
    s, p, o = triple
    start, end = fact.evidence.start, fact.evidence.end
    digest = hashlib.sha1(f"{s} {p} {o} {start}".encode(), usedforsecurity=False).hexdigest()[:16]
    node = URIRef(f"{article.iri}#evidence-{digest}")
    graph.add((node, RDF.type, RDF.Statement))
    graph.add((node, RDF.subject, s))
    graph.add((node, RDF.predicate, p))
    graph.add((node, RDF.object, o))
    graph.add((node, PROV.wasDerivedFrom, article.iri))
    graph.add((node, OA.exact, Literal(text[start:end])))
    graph.add((node, OA.start, Literal(start, datatype=XSD.nonNegativeInteger)))
    graph.add((node, OA.end, Literal(end, datatype=XSD.nonNegativeInteger)))
    graph.add((node, RDFS.comment, Literal(f"rule: {fact.evidence.rule}")))
