"""A SPARQL 1.1 Service Description of the endpoint, telling what is really enabled.

Examples
--------
>>> sd = service_description("http://127.0.0.1:8000/sparql", updates=False, federation=False)
>>> (None, SD.supportedLanguage, SD.SPARQL11Update) in sd
False
>>> (None, SD.feature, SD.UnionDefaultGraph) in sd
True
"""

from __future__ import annotations

from rdflib import BNode, Graph, Namespace, URIRef
from rdflib.namespace import RDF

SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
FORMATS = Namespace("http://www.w3.org/ns/formats/")

RESULT_FORMATS = ("SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV",
                  "SPARQL_Results_TSV", "Turtle", "N-Triples", "N-Quads", "TriG", "JSON-LD",
                  "RDF_XML")


def service_description(endpoint: str, *, updates: bool, federation: bool) -> Graph:
    """The description of the service at ``endpoint``: languages, formats, features, dataset."""
    graph = Graph()
    graph.bind("sd", SD)
    graph.bind("formats", FORMATS)
    service = URIRef(endpoint)
    graph.add((service, RDF.type, SD.Service))
    graph.add((service, SD.endpoint, service))
    graph.add((service, SD.supportedLanguage, SD.SPARQL11Query))
    if updates:
        graph.add((service, SD.supportedLanguage, SD.SPARQL11Update))
    if federation:
        graph.add((service, SD.feature, SD.BasicFederatedQuery))
    graph.add((service, SD.feature, SD.UnionDefaultGraph))
    for name in RESULT_FORMATS:
        graph.add((service, SD.resultFormat, FORMATS[name]))
    dataset = BNode()
    graph.add((service, SD.defaultDataset, dataset))
    graph.add((dataset, RDF.type, SD.Dataset))
    default_graph = BNode()
    graph.add((dataset, SD.defaultGraph, default_graph))
    graph.add((default_graph, RDF.type, SD.Graph))
    return graph
