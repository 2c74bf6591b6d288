"""The HTML page of a resource: its label, types, properties and the resources that point at it.

Links to other resources under the project's IRI base go to their own pages on this service, so
a browser can walk the graph. Every value is escaped; the page needs no script.

Examples
--------
>>> from rdflib import Graph, Literal, URIRef
>>> from rdflib.namespace import RDFS
>>> iri = URIRef("https://w3id.org/defence-ties/resource/person/a")
>>> g = Graph(); _ = g.add((iri, RDFS.label, Literal("A <b>")))
>>> "<h1>A &lt;b&gt;</h1>" in render_page(g, iri)
True
"""

from __future__ import annotations

from html import escape

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS
from rdflib.term import Node

from graph.model.namespace import RESOURCE

STYLE = ("body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}"
         "table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;"
         "padding:.3rem .5rem;text-align:left;vertical-align:top}code{font-size:.85em;color:#555}")


def label_of(graph: Graph, node: Node) -> str:
    """The node's ``rdfs:label`` in the graph, else the last segment of its IRI."""
    for label in graph.objects(node, RDFS.label):
        return str(label)
    text = str(node)
    return text.rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1] or text


def _link(graph: Graph, node: Node) -> str:
    if isinstance(node, Literal):
        suffix = f" <code>@{escape(node.language)}</code>" if node.language else ""
        return escape(str(node)) + suffix
    if not isinstance(node, URIRef):
        return "<code>(blank node)</code>"
    href = "/resource/" + str(node)[len(RESOURCE):] if str(node).startswith(str(RESOURCE)) else str(node)
    return f'<a href="{escape(href)}" title="{escape(str(node))}">{escape(label_of(graph, node))}</a>'


def _rows(graph: Graph, pairs: list[tuple[Node, Node]]) -> str:
    return "".join(f"<tr><th>{_link(graph, prop)}</th><td>{_link(graph, value)}</td></tr>"
                   for prop, value in sorted(pairs, key=lambda pair: (str(pair[0]), str(pair[1]))))


def render_page(graph: Graph, iri: URIRef) -> str:
    """The whole HTML document describing ``iri`` from the triples in ``graph``."""
    title = escape(label_of(graph, iri))
    types = ", ".join(_link(graph, kind) for kind in sorted(graph.objects(iri, RDF.type), key=str))
    outgoing = [(p, o) for p, o in graph.predicate_objects(iri) if p not in (RDF.type, RDFS.label)]
    incoming = [(p, s) for s, p in graph.subject_predicates(iri)]
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>'
        f'<link rel="alternate" type="text/turtle" href="?format=turtle"><style>{STYLE}</style>'
        f'</head><body><h1>{title}</h1><p><code id="iri">{escape(str(iri))}</code></p>'
        f'<p id="types">{types}</p><h2>Properties</h2><table id="properties">{_rows(graph, outgoing)}</table>'
        f'<h2>Referred to by</h2><table id="incoming">{_rows(graph, incoming)}</table>'
        "</body></html>"
    )
