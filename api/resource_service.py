"""What ``/resource/{path}`` does: describe one resource IRI in the format the client prefers."""

from __future__ import annotations

from fastapi import HTTPException
from fastapi.responses import HTMLResponse, Response
from rdflib import Graph, URIRef

from api.limits import QueryGate
from api.negotiation import HTML, JSONLD, NTRIPLES, TURTLE, best_match
from api.resource_page import render_page
from api.settings import Settings
from api.sparql_service import VARY, limits_for
from graph.model.namespace import RESOURCE
from graph.store import Store

OFFERS = [TURTLE, JSONLD, NTRIPLES, HTML, "application/xhtml+xml"]
FORMAT_NAMES = {"turtle": TURTLE, "jsonld": JSONLD, "ntriples": NTRIPLES, "html": HTML}
# The resource's own triples, the triples that point at it, and the labels of both ends.
DESCRIBE = """PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
CONSTRUCT {{ <{iri}> ?p ?o . ?o rdfs:label ?ol . ?s ?q <{iri}> . ?s rdfs:label ?sl . ?p rdfs:label ?pl . }}
WHERE {{
  {{ <{iri}> ?p ?o OPTIONAL {{ ?o rdfs:label ?ol }} OPTIONAL {{ ?p rdfs:label ?pl }} }}
  UNION {{ ?s ?q <{iri}> OPTIONAL {{ ?s rdfs:label ?sl }} }}
}}"""


def choose_format(accept: str | None, format_name: str | None) -> str:
    """The media type to answer in: ``?format=`` if given, else by content negotiation."""
    if format_name:
        if format_name not in FORMAT_NAMES:
            raise HTTPException(400, f"format must be one of {', '.join(FORMAT_NAMES)}")
        return FORMAT_NAMES[format_name]
    chosen = best_match(accept, OFFERS)
    if chosen is None:
        raise HTTPException(406, f"a resource is available as {', '.join(OFFERS[:4])}")
    return HTML if chosen == "application/xhtml+xml" else chosen


def describe_resource(store: Store, gate: QueryGate, settings: Settings, path: str, *,
                      accept: str | None, format_name: str | None) -> Response:
    """The description of ``<base>/resource/{path}``; 404 when the store knows nothing about it."""
    media_type = choose_format(accept, format_name)
    iri = URIRef(RESOURCE + path)
    if not path or any(char in path for char in '<>"{}|\\^` '):
        raise HTTPException(400, f"{path!r} is not a resource path")
    engine_type = NTRIPLES if media_type == HTML else media_type
    with gate.slot():
        answer = store.query_bounded(DESCRIBE.format(iri=iri), accept=engine_type,
                                     limits=limits_for(settings))
    graph = Graph().parse(data=answer.body, format="nt") if engine_type == NTRIPLES else None
    if (graph is not None and len(graph) == 0) or not answer.body.strip(b" \n[]{}"):
        raise HTTPException(404, f"nothing is known about <{iri}>")
    if media_type == HTML and graph is not None:
        return HTMLResponse(render_page(graph, iri), headers=VARY)
    return Response(answer.body, media_type=answer.media_type, headers=VARY)
